"""`journeymapper export IN -o OUT`: from every format `import` reads to every format, in one
step, with the import's bounds, its skipped-line report, and a sentence for a wrong extension."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtGui import QImage

from journeymapper.io.interchange.csv_write import csv_text
from journeymapper.io.interchange.graphml_write import graphml_text
from journeymapper.io.interchange.mermaid_write import mermaid_text
from journeymapper.io.journey_file import load_journey
from tests.cli.helpers import run

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "examples" / "online-clothing-store.journey"
TRIP = """journey
    title Trip to the seaside
    section Plan
      Search for hotels: 3: Ana
      Book a room: 4: Ana
    section Stay
      Check in: 5: Ana, Ben
"""


@pytest.fixture
def trip(tmp_path: Path) -> Path:
    path = tmp_path / "trip.mmd"
    path.write_text(TRIP, encoding="utf-8")
    return path


def fonts(pdf: Path) -> set[str]:
    page = PdfReader(pdf).pages[0]
    return {str(font["/BaseFont"]) for font in page["/Resources"]["/Font"].values()}


def test_a_mermaid_journey_to_a_poster_in_one_step(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, trip: Path
) -> None:
    target = tmp_path / "trip.pdf"
    code, out, err = run(capsys, "export", trip, "-o", target)
    assert (code, err) == (0, "")
    assert out.startswith(f"wrote {target} (")
    text = PdfReader(target).pages[0].extract_text()
    assert "Trip to the seaside" in text
    assert "Book a room" in text
    assert any("DejaVu" in name for name in fonts(target))  # the bundled font, embedded


def test_a_sheet_to_a_png_reports_the_skipped_rows_and_draws_the_rest(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    sheet = tmp_path / "sheet.csv"
    sheet.write_text("stage,name\nVisit,Sees the shop\n,No stage\nPay,At the till\n")
    target = tmp_path / "map.png"
    code, out, err = run(capsys, "export", sheet, "-o", target, "--dpi", "36")
    assert code == 0
    assert out == f"wrote {target}\n"
    assert err == (
        f"journeymapper: {sheet}: row 3: skipped: column 'stage' (A) is empty; every "
        "touchpoint needs a stage\n"
    )
    image = QImage(str(target))
    assert image.width() > 100
    assert image.height() > 50


def test_a_graph_to_a_journey_file_keeps_every_card(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    example = load_journey(EXAMPLE)
    graph = tmp_path / "graph.graphml"
    graph.write_text(graphml_text(example), encoding="utf-8")
    target = tmp_path / "map.journey"
    code, out, err = run(capsys, "export", graph, "-o", target)
    assert (code, out, err) == (0, f"wrote {target}\n", "")
    back = load_journey(target)
    assert {tp.name for tp in back.touchpoints()} == {tp.name for tp in example.touchpoints()}
    assert back.connection_count() == example.connection_count()


@pytest.mark.parametrize(
    ("source", "target"),
    [("map.csv", "map.mmd"), ("map.mmd", "map.graphml"), ("map.graphml", "map.tsv")],
)
def test_between_data_formats(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, source: str, target: str
) -> None:
    example = load_journey(EXAMPLE)
    writers = {".csv": csv_text, ".mmd": mermaid_text, ".graphml": graphml_text}
    (tmp_path / source).write_text(writers[Path(source).suffix](example), encoding="utf-8")
    code, _, err = run(capsys, "export", tmp_path / source, "-o", tmp_path / target)
    assert (code, err) == (0, "")
    code, _, err = run(capsys, "import", tmp_path / target, "-o", tmp_path / "back.journey")
    assert (code, err) == (0, "")
    names = {tp.name for tp in load_journey(tmp_path / "back.journey").touchpoints()}
    assert names == {tp.name for tp in example.touchpoints()}


def test_the_input_format_may_be_named(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    notes = tmp_path / "notes.txt"
    notes.write_text(TRIP, encoding="utf-8")
    target = tmp_path / "trip.csv"
    code, _, err = run(capsys, "export", notes, "--from", "mermaid", "-o", target)
    assert (code, err) == (0, "")
    assert "Book a room" in target.read_text(encoding="utf-8-sig")
    code, _, err = run(capsys, "export", notes, "-o", tmp_path / "t.pdf")
    assert code == 2
    assert err.startswith(f"journeymapper: {notes}: cannot import format '.txt' (known: ")


@pytest.mark.parametrize(
    ("name", "content", "sentence"),
    [
        ("trip.journey", TRIP, "this looks like a Mermaid journey, not a .journey file"),
        ("flow.journey", "flowchart LR\n  A --> B\n", "a Mermaid diagram (flowchart)"),
        ("sheet.journey", "stage,name\nA,B\n", "this looks like a CSV spreadsheet"),
        ("map.csv", EXAMPLE.read_text(), "this looks like a JourneyMapper map, not a .csv file"),
        ("map.mmd", "<?xml version='1.0'?><graphml/>", "like a GraphML graph, not a .mmd"),
        ("map.graphml", "%PDF-1.4\n", "this looks like a PDF document, not a .graphml file"),
    ],
)
def test_content_that_does_not_match_the_extension_gets_a_sentence(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, name: str, content: str, sentence: str
) -> None:
    source = tmp_path / name
    source.write_text(content, encoding="utf-8")
    code, out, err = run(capsys, "export", source, "-o", tmp_path / "out.pdf")
    assert code == 2
    assert out == ""
    assert err.count("\n") == 1
    assert err.startswith(f"journeymapper: {source}: ")
    assert sentence in err
    assert "JSON" not in err
    assert not (tmp_path / "out.pdf").exists()


def test_export_inputs_have_the_import_bounds(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    huge = tmp_path / "huge.mmd"
    with huge.open("wb") as handle:
        handle.truncate(60 * 2**20)  # sparse: costs no disk
    code, _, err = run(capsys, "export", huge, "-o", tmp_path / "h.pdf")
    assert code == 2
    assert err.strip().endswith("files over 50 MB are refused")
    empty = tmp_path / "empty.csv"
    empty.write_text("stage,name\n")
    code, _, err = run(capsys, "export", empty, "-o", tmp_path / "e.pdf")
    assert (code, err) == (2, f"journeymapper: {empty}: nothing could be imported\n")
    code, _, err = run(capsys, "export", tmp_path, "-o", tmp_path / "f.pdf", "--from", "csv")
    assert code == 2
    assert "is not a file" in err


def test_data_formats_by_extension_or_named(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    target = tmp_path / "map.csv"
    assert run(capsys, "export", EXAMPLE, "-o", target) == (0, f"wrote {target}\n", "")
    assert target.read_text(encoding="utf-8-sig").startswith("id,stage,lane,name,")
    flow = tmp_path / "flow.txt"
    assert run(capsys, "export", EXAMPLE, "-o", flow, "--format", "MMD")[0] == 0
    assert flow.read_text(encoding="utf-8").startswith("journey\n")


def test_an_unknown_output_format_lists_every_known_one(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    code, _, err = run(capsys, "export", EXAMPLE, "-o", tmp_path / "map.xyz")
    assert code == 2
    assert err == (
        "journeymapper: unknown export format '.xyz' (known: .csv, .graphml, .journey, "
        ".mermaid, .mmd, .pdf, .png, .svg, .tsv)\n"
    )
    assert not (tmp_path / "map.xyz").exists()


def test_poster_options_with_another_format_are_refused_before_reading(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    code, _, err = run(capsys, "export", tmp_path / "missing.csv", "-o", tmp_path / "m.csv",
                       "--tile", "a4")  # fmt: skip
    assert code == 2
    assert err == "journeymapper: --tile applies to PDF posters only, not to '.csv'\n"


def test_a_mermaid_file_to_a_poster_as_a_shell_command(tmp_path: Path, trip: Path) -> None:
    """One process from an unrelated folder, as the bench and a user run it."""
    result = subprocess.run(
        [sys.executable, "-m", "journeymapper", "export", str(trip), "-o", "trip.pdf"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("wrote trip.pdf (")
    assert PdfReader(tmp_path / "trip.pdf").pages
