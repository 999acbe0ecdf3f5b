"""`journeymapper export … -o OUT.pdf`: poster PDFs, and one clear line for every mistake."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from pypdf import PdfReader

from benchmarks.generate import generate_map
from journeymapper.base.resources import examples_dir
from journeymapper.cli.main import main
from journeymapper.io.journey_file import save_data

EXAMPLE = examples_dir() / "online-clothing-store.journey"


def run(capsys: pytest.CaptureFixture[str], *argv: str | Path) -> tuple[int, str, str]:
    code = main(["export", *(str(a) for a in argv)])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_export_fits_the_example_on_a3_by_default(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    out_pdf = tmp_path / "poster.pdf"
    code, out, err = run(capsys, EXAMPLE, "-o", out_pdf)
    assert (code, err) == (0, "")
    assert out.startswith(f"wrote {out_pdf} (1 page, A3 landscape")
    assert len(PdfReader(out_pdf).pages) == 1


@pytest.mark.parametrize(
    ("argv", "pages"),
    [
        (["--paper", "a0", "--orientation", "portrait"], 1),
        (["--paper", "600x900mm", "--fit"], 1),
        (["--fit", "--findings"], 2),
        (["--persona", "Maya", "--no-legend"], 1),
        (["--scale", "50%"], 1),
        (["--tile", "a4", "--scale", "1", "--overlap", "5"], None),
        (["--tile", "letter", "--scale", "0.5", "--orientation", "landscape"], None),
    ],
)
def test_export_options(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, argv: list[str], pages: int | None
) -> None:
    out_pdf = tmp_path / "poster.pdf"
    code, out, err = run(capsys, EXAMPLE, "-o", out_pdf, "--date", "2025-03-14", *argv)
    assert (code, err) == (0, "")
    count = len(PdfReader(out_pdf).pages)
    if pages is None:
        assert "sheets of" in out
        assert "assembly page" in out
        assert count > 2
    else:
        assert count == pages


def _printed_pages(out: str) -> int:
    """The page count the command's line states: `(2 pages, …`, `(11 pages: 9 sheets …`,
    or `(9 sheets … plus an assembly page` (the sheets and the assembly page)."""
    stated = re.search(r"\((\d+) pages?[,:]", out)
    if stated:
        return int(stated.group(1))
    sheets = re.search(r"\((\d+) sheets? of .* plus an assembly page", out)
    assert sheets, out
    return int(sheets.group(1)) + 1


@pytest.mark.parametrize(
    "argv",
    [
        ["--findings"],
        ["--fit", "--paper", "a4", "--findings"],
        ["--scale", "1", "--findings"],
        ["--tile", "a4", "--findings"],
        ["--tile", "a3", "--scale", "0.5"],
        [],
    ],
)
def test_the_page_count_printed_is_the_count_written(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, argv: list[str]
) -> None:
    """Issue 16, item 17: `--findings` wrote 2 pages and said "1 page"."""
    out_pdf = tmp_path / "poster.pdf"
    code, out, err = run(capsys, EXAMPLE, "-o", out_pdf, "--date", "2025-03-14", *argv)
    assert (code, err) == (0, "")
    written = len(PdfReader(out_pdf).pages)
    assert _printed_pages(out) == written
    if "--findings" in argv:
        assert f"the coverage findings on page {written}" in out


def test_the_same_command_twice_gives_the_same_bytes(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    for name in ("a.pdf", "b.pdf"):
        assert (
            run(capsys, EXAMPLE, "-o", tmp_path / name, "--date", "2025-03-14", "--tile", "a4")[0]
            == 0
        )
    assert (tmp_path / "a.pdf").read_bytes() == (tmp_path / "b.pdf").read_bytes()


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["--paper", "A9"], "unknown paper 'A9'"),
        (["--paper", "600x900"], "unknown paper"),
        (["--paper", "20000x500pt"], "14,400 pt"),
        (["--tile", "b5"], "unknown paper 'b5'"),
        (["--tile", "a4", "--scale", "zero"], "--scale must be a number"),
        (["--tile", "a4", "--scale", "0"], "--scale must be between"),
        (["--tile", "a4", "--scale", "nan"], "--scale must be between"),
        (["--tile", "a4", "--overlap", "-3"], "--overlap (mm) must be between"),
        (["--tile", "a4", "--overlap", "60"], "--overlap (mm) must be between"),
        (["--overlap", "5"], "--overlap only applies with --tile"),
        (["--fit", "--scale", "2"], "--fit scales the map"),
        (["--tile", "a4", "--paper", "a3"], "--paper is for --fit"),
        (["--scale", "10"], "14,400 pt"),
        (["--persona", "Nobody"], "unknown persona 'Nobody'"),
        (["--date", "14/03/2025"], "--date must be YYYY-MM-DD"),
    ],
)
def test_bad_options_are_one_line_and_exit_2(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, argv: list[str], message: str
) -> None:
    out_pdf = tmp_path / "poster.pdf"
    code, out, err = run(capsys, EXAMPLE, "-o", out_pdf, *argv)
    assert code == 2
    assert out == ""
    assert err.count("\n") == 1
    assert err.startswith("journeymapper: ")
    assert message in err
    assert "Traceback" not in err
    assert list(tmp_path.iterdir()) == []


def test_the_too_large_message_suggests_tiling(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    code, _, err = run(capsys, EXAMPLE, "-o", tmp_path / "p.pdf", "--scale", "10")
    assert code == 2
    assert "--tile A4 --scale 10" in err
    assert re.search(r"or use --scale \d+(\.\d+)? or smaller", err)


def test_fit_and_tile_exclude_each_other(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    code, _, err = run(capsys, EXAMPLE, "-o", tmp_path / "p.pdf", "--fit", "--tile", "a4")
    assert code == 2
    assert "not allowed with" in err


@pytest.mark.parametrize(
    "content", [b"{not json", b"", b'{"format": "journeymapper", "version": 99}']
)
def test_an_unreadable_map_is_one_line_and_exit_2(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, content: bytes
) -> None:
    bad = tmp_path / "bad.journey"
    bad.write_bytes(content)
    code, out, err = run(capsys, bad, "-o", tmp_path / "p.pdf")
    assert code == 2
    assert out == ""
    assert err.count("\n") == 1
    assert str(bad) in err
    assert not (tmp_path / "p.pdf").exists()


def test_a_missing_map_is_one_line_and_exit_2(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    code, _, err = run(capsys, tmp_path / "missing.journey", "-o", tmp_path / "p.pdf")
    assert code == 2
    assert "cannot be read" in err
    assert err.count("\n") == 1


def test_an_unwritable_output_is_one_line_and_exit_2(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    code, _, err = run(capsys, EXAMPLE, "-o", tmp_path / "no-such-folder" / "p.pdf")
    assert code == 2
    assert "cannot be written" in err
    assert err.count("\n") == 1


def test_the_shell_command_works_end_to_end(tmp_path: Path) -> None:
    save_data(
        generate_map(40),
        tmp_path / "g.journey",
    )
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "journeymapper",
            "export",
            str(tmp_path / "g.journey"),
            "-o",
            str(tmp_path / "g.pdf"),
            "--tile",
            "a4",
            "--findings",
        ],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=Path(__file__).resolve().parents[2],
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("wrote ")
    assert PdfReader(tmp_path / "g.pdf").pages


def test_bytes_do_not_depend_on_the_process(tmp_path: Path) -> None:
    """Different hash seeds (set and dict orders) still give the same file."""
    outputs = []
    for seed in ("1", "2"):
        target = tmp_path / f"p{seed}.pdf"
        subprocess.run(
            [sys.executable, "-m", "journeymapper", "export", str(EXAMPLE), "-o", str(target),
             "--date", "2025-03-14", "--tile", "a4", "--findings", "--persona", "Maya"],
            check=True, capture_output=True, timeout=120, cwd=Path(__file__).resolve().parents[2],
            env={**os.environ, "PYTHONHASHSEED": seed},
        )  # fmt: skip
        outputs.append(target.read_bytes())
    assert outputs[0] == outputs[1]
