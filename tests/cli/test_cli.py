"""The `journeymapper` command line, called through `main([...])` as the shell would."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from journeymapper import __version__, cli
from journeymapper.analysis import RULES
from journeymapper.analysis.demo import demo_map
from journeymapper.io.journey_file import load_journey, read_data, save_data
from journeymapper.model.schema import FORMAT_VERSION
from journeymapper.model.templates import blank_map
from tests.analysis.maps import BROKEN_FILE, EVERY_RULE_FILE, card, data


@pytest.fixture
def clean(tmp_path: Path) -> Path:
    path = tmp_path / "clean.journey"
    save_data(demo_map(), path)
    return path


@pytest.fixture
def warned(tmp_path: Path) -> Path:
    """A map whose only findings are warnings (and info)."""
    path = tmp_path / "warned.journey"
    save_data(data([card("tp-a", "s1"), card("tp-b", "s3")], [("tp-a", "tp-b")]), path)
    return path


def run(capsys: pytest.CaptureFixture[str], *argv: str | Path) -> tuple[int, str, str]:
    code = cli.main([str(a) for a in argv])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


# ----- validate -------------------------------------------------------------------


def test_validate_a_clean_map_exits_0(capsys: pytest.CaptureFixture[str], clean: Path) -> None:
    code, out, err = run(capsys, "validate", clean)
    assert code == 0
    assert out == f"{clean}: no findings: the map passes every rule\n"
    assert err == ""


def test_validate_prints_one_line_per_finding_and_exits_1_on_errors(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, out, err = run(capsys, "validate", EVERY_RULE_FILE)
    assert code == 1
    lines = out.splitlines()
    assert lines[0] == (
        f"{EVERY_RULE_FILE}: JM004 error: “Loyalty app” is connected to itself; delete that "
        "connection. [c-tp-app-tp-app, tp-app]"
    )
    assert (
        f"{EVERY_RULE_FILE}: JM022 warning: “Size guide” is a dead end: no connection leads "
        "on from it, before the last stage. [tp-size]"
    ) in lines
    assert lines[-1] == f"{EVERY_RULE_FILE}: 1 error, 21 warnings, 2 info"
    assert len(lines) == 25
    assert err == ""


def test_warnings_pass_unless_strict(capsys: pytest.CaptureFixture[str], warned: Path) -> None:
    code, out, _ = run(capsys, "validate", warned)
    assert code == 0
    assert " warning: " in out
    assert " error: " not in out
    code, _, _ = run(capsys, "validate", "--strict", warned)
    assert code == 1


def test_strict_passes_a_clean_map(capsys: pytest.CaptureFixture[str], clean: Path) -> None:
    assert run(capsys, "validate", "--strict", clean)[0] == 0


def test_validate_json_shape(capsys: pytest.CaptureFixture[str], clean: Path) -> None:
    code, out, _ = run(capsys, "validate", "--json", clean, BROKEN_FILE)
    assert code == 1
    report = json.loads(out)
    assert [f["path"] for f in report["files"]] == [str(clean), str(BROKEN_FILE)]
    assert report["files"][0]["findings"] == []
    first = report["files"][1]["findings"][0]
    assert first == {
        "rule": "JM001",
        "severity": "error",
        "message": "touchpoints[3].id (“Copy of the ad”): id 't1' is used more than once.",
        "subjects": ["t1"],
    }
    assert {f["rule"] for f in report["files"][1]["findings"]} == {
        "JM001",
        "JM002",
        "JM003",
        "JM005",
        "JM006",
        "JM007",
    }


def test_validate_reports_broken_references_as_findings_not_as_unreadable(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, out, err = run(capsys, "validate", BROKEN_FILE)
    assert code == 1
    assert out.splitlines()[-1] == f"{BROKEN_FILE}: 10 errors, 0 warnings, 0 info"
    assert err == ""


BAD_FILES = {
    "not-json.journey": b"{ this is not json",
    "not-utf8.journey": b'{"format": "journeymapper", "title": "\xff"}',
    "newer.journey": b'{"format": "journeymapper", "version": 99}',
    "wrong-type.journey": b'{"format": "journeymapper", "version": 2, "stages": 5}',
    "not-ours.journey": b'{"format": "something-else", "version": 1}',
}


@pytest.mark.parametrize("name", sorted(BAD_FILES))
def test_an_unreadable_file_is_one_stderr_line_and_exit_2(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, name: str
) -> None:
    path = tmp_path / name
    path.write_bytes(BAD_FILES[name])
    code, out, err = run(capsys, "validate", path)
    assert code == 2
    assert out == ""
    assert err.count("\n") == 1
    assert err.startswith(f"journeymapper: {path}: ")
    assert "Traceback" not in err


def test_a_newer_version_names_both_versions(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = tmp_path / "newer.journey"
    path.write_bytes(BAD_FILES["newer.journey"])
    _, _, err = run(capsys, "validate", path)
    assert "format version 99" in err
    assert str(FORMAT_VERSION) in err.split("format version 99", 1)[1]


def test_a_missing_file_and_a_folder_are_unreadable(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    code, _, err = run(capsys, "validate", tmp_path / "absent.journey")
    assert code == 2
    assert "absent.journey" in err
    assert err.count("\n") == 1
    code, _, err = run(capsys, "validate", tmp_path)
    assert code == 2
    assert err.count("\n") == 1


def test_other_files_are_still_checked_after_an_unreadable_one(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, clean: Path
) -> None:
    bad = tmp_path / "bad.journey"
    bad.write_bytes(b"[]")
    code, out, err = run(capsys, "validate", bad, clean)
    assert code == 2
    assert f"{clean}: no findings" in out
    assert err.count("\n") == 1
    code, out, _ = run(capsys, "validate", "--json", bad, clean)
    report = json.loads(out)["files"]
    assert report[0]["path"] == str(bad)
    assert report[0]["findings"] == []
    assert report[0]["error"].startswith(str(bad))
    assert report[1] == {"path": str(clean), "findings": []}


def test_validate_lists_the_rules_from_the_registry(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "validate", "--rules")
    assert code == 0
    lines = out.splitlines()
    assert len(lines) == len(RULES)
    assert lines[0].split()[:3] == ["JM001", "error", "duplicate-id"]
    code, out, _ = run(capsys, "validate", "--rules", "--json")
    rules = json.loads(out)["rules"]
    assert [r["rule"] for r in rules] == sorted(RULES)
    assert rules[0]["fix"] == RULES["JM001"].fix


def test_validate_needs_a_file(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "validate")
    assert code == 2
    assert "FILE" in err


# ----- stats ------------------------------------------------------------------------


def test_stats_text(capsys: pytest.CaptureFixture[str], clean: Path) -> None:
    code, out, _ = run(capsys, "stats", clean)
    assert code == 0
    lines = out.splitlines()
    assert lines[:2] == [
        "Online clothing store: buying a spring jacket",
        "11 touchpoints, 12 connections, 2 personas",
    ]
    assert "Per stage" in lines
    assert "Per channel" in lines
    assert "Per ownership" in lines
    assert "  1. “Browses the catalogue on the website”" in lines
    assert any(line.split() == ["Purchase", "3", "-", "-"] for line in lines)
    assert any(line.split() == ["Post-purchase", "2", "1", "1"] for line in lines)
    assert "Entry points: “Sees an ad on Instagram”, “A friend recommends the shop”" in lines


def test_stats_json(capsys: pytest.CaptureFixture[str], clean: Path) -> None:
    code, out, _ = run(capsys, "stats", "--json", clean)
    assert code == 0
    stats = json.loads(out)
    assert stats["path"] == str(clean)
    assert (stats["touchpoints"], stats["connections"], stats["personas"]) == (11, 12, 2)
    assert stats["stages"][0] == {"id": "pre-purchase", "name": "Pre-purchase", "touchpoints": 4}
    assert stats["categories"] == {"digital": 8, "physical": 1, "human": 2}
    assert stats["ownership"] == {"owned": 8, "paid": 1, "earned": 2}
    assert [m["id"] for m in stats["moments_of_truth"]][:2] == ["tp-website", "tp-checkout"]
    assert stats["coverage"][2]["counts"] == {"digital": 2, "physical": 1, "human": 1, "none": 0}


def test_stats_of_a_map_with_broken_references_exits_2(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, out, err = run(capsys, "stats", BROKEN_FILE)
    assert code == 2
    assert out == ""
    assert (
        err == f"journeymapper: {BROKEN_FILE}: touchpoints[3].id: id 't1' is used more than once\n"
    )


# ----- new --------------------------------------------------------------------------


def test_new_writes_the_default_map(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path = tmp_path / "trip.journey"
    code, out, _ = run(capsys, "new", "-o", path, "--title", "Hotel stay")
    assert code == 0
    assert out == f"wrote {path}\n"
    assert read_data(path) == blank_map("Hotel stay")
    assert [s.name for s in load_journey(path).stages] == [
        "Pre-purchase",
        "Purchase",
        "Post-purchase",
    ]


def test_new_refuses_to_overwrite_without_force(
    capsys: pytest.CaptureFixture[str], clean: Path
) -> None:
    before = clean.read_bytes()
    code, _, err = run(capsys, "new", "-o", clean)
    assert code == 1
    assert err == f"journeymapper: {clean} already exists; add --force to replace it\n"
    assert clean.read_bytes() == before
    code, _, _ = run(capsys, "new", "-o", clean, "--force")
    assert code == 0
    assert read_data(clean) == blank_map()
    assert Path(f"{clean}.bak").read_bytes() == before


def test_new_into_a_missing_folder_exits_2(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    code, _, err = run(capsys, "new", "-o", tmp_path / "no" / "such.journey")
    assert code == 2
    assert err.count("\n") == 1
    assert "cannot be written" in err


def test_new_refuses_an_empty_title(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, _, err = run(capsys, "new", "-o", tmp_path / "x.journey", "--title", " ")
    assert code == 2
    assert err.startswith("journeymapper: --title: must not be empty")
    assert not (tmp_path / "x.journey").exists()


# ----- version, help, the editor, the demo -------------------------------------------


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "--version")
    assert code == 0
    assert out == f"journeymapper {__version__}\n"


@pytest.mark.parametrize("command", ["validate", "stats", "new", "open"])
def test_every_command_has_help(capsys: pytest.CaptureFixture[str], command: str) -> None:
    code, out, _ = run(capsys, command, "--help")
    assert code == 0
    assert out.startswith(f"usage: journeymapper {command}")
    assert len(out.splitlines()) > 4


def test_top_level_help_lists_the_commands_but_not_the_demo(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, out, _ = run(capsys, "--help")
    assert code == 0
    for command in ("open", "validate", "stats", "new"):
        assert f"    {command} " in out
    assert "run-demo" not in out


def test_no_command_opens_the_editor_lazily(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, clean: Path
) -> None:
    opened: list[str | None] = []

    class FakeEditor:
        @staticmethod
        def run(path: str | None) -> int:
            opened.append(path)
            return 7

    def fake_import(name: str) -> object:
        assert name == "journeymapper.app.main"
        return FakeEditor

    monkeypatch.setattr(cli.importlib, "import_module", fake_import)
    assert run(capsys, clean)[0] == 7
    assert run(capsys)[0] == 7
    assert run(capsys, "open", clean)[0] == 7
    assert opened == [str(clean), None, str(clean)]


def test_without_the_editor_one_clear_line_and_exit_2(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    def missing(name: str) -> object:
        raise ModuleNotFoundError(f"No module named '{name}'")

    monkeypatch.setattr(cli.importlib, "import_module", missing)
    code, out, err = run(capsys)
    assert code == 2
    assert out == ""
    assert err == (
        "journeymapper: the editor is not available (No module named 'journeymapper.app.main')\n"
    )


def test_run_demo_writes_a_clean_map_and_prints_its_stats(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, out, err = run(capsys, "run-demo")
    assert code == 0
    assert err == ""
    path = Path(out.splitlines()[0].removeprefix("Wrote a sample map: "))
    assert read_data(path) == demo_map()
    assert f"{path}: no findings: the map passes every rule" in out
    assert "Moments of truth" in out


def test_importing_the_cli_loads_neither_qt_nor_the_app() -> None:
    code = (
        "import sys, journeymapper.cli; "
        "bad = [m for m in sys.modules if m.split('.')[0] in ('PySide6', 'shiboken6') "
        "or m.startswith('journeymapper.app')]; "
        "print(bad); sys.exit(1 if bad else 0)"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_python_dash_m_is_the_same_command(clean: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "journeymapper", "validate", str(clean)],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0
    assert result.stdout == f"{clean}: no findings: the map passes every rule\n"
