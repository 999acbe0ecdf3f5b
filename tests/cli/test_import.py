"""`journeymapper import`, and the round trip through each text format, end to end."""

from __future__ import annotations

from pathlib import Path

import pytest

from journeymapper.cli.main import main
from journeymapper.io.journey_file import load_journey

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "examples" / "online-clothing-store.journey"


def run(capsys: pytest.CaptureFixture[str], *argv: str | Path) -> tuple[int, str, str]:
    code = main([str(a) for a in argv])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


@pytest.mark.parametrize("suffix", [".csv", ".tsv", ".mmd", ".mermaid", ".graphml"])
def test_export_then_import_each_text_format(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, suffix: str
) -> None:
    exported = tmp_path / f"map{suffix}"
    code, out, err = run(capsys, "export", EXAMPLE, "-o", exported)
    assert (code, err) == (0, "")
    assert out == f"wrote {exported}\n"
    target = tmp_path / "back.journey"
    code, out, err = run(capsys, "import", exported, "-o", target)
    assert (code, err) == (0, "")
    assert out.startswith(f"wrote {target} (12 touchpoints, ")
    journey = load_journey(target)
    assert journey.touchpoint_count() == 12


def test_the_format_may_be_named(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    exported = tmp_path / "map.txt"
    assert run(capsys, "export", EXAMPLE, "-o", exported, "--format", "mermaid")[0] == 0
    assert exported.read_text().startswith("journey\n")
    target = tmp_path / "m.journey"
    code, _, err = run(capsys, "import", exported, "--format", "mermaid", "-o", target)
    assert (code, err) == (0, "")
    code, _, err = run(capsys, "import", exported, "-o", tmp_path / "n.journey")
    assert code == 2
    assert "cannot import format '.txt'" in err


def test_skipped_rows_go_to_stderr_with_their_numbers_and_the_rest_is_kept(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    sheet = tmp_path / "sheet.csv"
    sheet.write_text("stage;name;emotion\nA;One;1\n;Nameless stage;\nA;Two;9\n", encoding="utf-8")
    target = tmp_path / "out.journey"
    code, out, err = run(capsys, "import", sheet, "-o", target, "--title", "Sheet")
    assert code == 0
    assert out == f"wrote {target} (2 touchpoints, 0 connections in 1 stage; 1 skipped)\n"
    assert err.splitlines() == [
        f"journeymapper: {sheet}: row 3: skipped: column 'stage' (A) is empty; every "
        "touchpoint needs a stage",
        f"journeymapper: {sheet}: row 4: warning: column 'emotion' (C): '9' is outside the "
        "emotion scale -2…2; left empty",
    ]
    assert load_journey(target).title == "Sheet"


def test_mermaid_score_warnings_name_the_line(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    source = tmp_path / "day.mmd"
    source.write_text("journey\n  section Morning\n    Make tea: 9: Me\n", encoding="utf-8")
    code, _, err = run(capsys, "import", source, "-o", tmp_path / "day.journey")
    assert code == 0
    assert err == (
        f"journeymapper: {source}: line 3: warning: the score 9 is outside 1–5; clamped to 5\n"
    )


def test_nothing_readable_exits_2(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    cases = {
        "empty.csv": b"stage,name\n",
        "rows.csv": b"stage,name\n,x\n",
        "flow.mmd": b"flowchart LR\nA-->B\n",
        "bomb.graphml": b'<?xml version="1.0"?><!DOCTYPE g [<!ENTITY a "aa">]><graphml/>',
        "broken.graphml": b"<graphml><graph>",
    }
    for name, raw in cases.items():
        source = tmp_path / name
        source.write_bytes(raw)
        target = tmp_path / f"{name}.journey"
        code, out, err = run(capsys, "import", source, "-o", target)
        assert code == 2, name
        assert out == ""
        assert err.startswith(f"journeymapper: {source}"), err
        assert not target.exists()
    code, _, err = run(capsys, "import", tmp_path / "missing.csv", "-o", tmp_path / "x.journey")
    assert code == 2
    assert err.endswith("missing.csv: does not exist\n")


def test_import_refuses_to_replace_or_to_write_another_format(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    source = tmp_path / "s.csv"
    source.write_text("stage,name\nA,B\n")
    target = tmp_path / "t.journey"
    target.write_text("keep")
    assert run(capsys, "import", source, "-o", target)[0] == 1
    assert target.read_text() == "keep"
    assert run(capsys, "import", source, "-o", target, "--force")[0] == 0
    code, _, err = run(capsys, "import", source, "-o", tmp_path / "t.csv")
    assert code == 2
    assert "must be a .journey file" in err
