"""What a file looks like from its first bytes: only the unmistakable, else None."""

from __future__ import annotations

from pathlib import Path

import pytest

from journeymapper.io.interchange.sniff import sniff, sniff_bytes

ROOT = Path(__file__).resolve().parents[3]


@pytest.mark.parametrize(
    ("head", "fmt", "description"),
    [
        (
            (ROOT / "examples" / "hotel-booking-online.journey").read_bytes(),
            "journey",
            "a JourneyMapper map",
        ),
        (b"\xef\xbb\xbfjourney\n  title T\n", "mermaid", "a Mermaid journey"),
        (b"```mermaid\n%% comment\njourney\n", "mermaid", "a Mermaid journey"),
        (b"    ---\n    title: T\n    ---\n     journey\n", "mermaid", "a Mermaid journey"),
        (b"\n  sequenceDiagram\n  A->>B: hi\n", "mermaid", "a Mermaid diagram (sequenceDiagram)"),
        (b"<?xml version='1.0'?>\n<graphml xmlns='x'>", "graphml", "a GraphML graph"),
        (b"id;stage;lane;name\n", "csv", "a CSV spreadsheet"),
        ('"Stage"\t"Touchpoint"\n'.encode("utf-16"), "csv", "a CSV spreadsheet"),
        (b"%PDF-1.7\n", "other", "a PDF document"),
        (b"PK\x03\x04rest", "other", "a zip archive (an Excel or OpenDocument workbook?)"),
        (b"<svg xmlns='http://www.w3.org/2000/svg'/>", "other", "an SVG image"),
    ],
)
def test_what_is_unmistakable(head: bytes, fmt: str, description: str) -> None:
    looks = sniff_bytes(head)
    assert looks is not None
    assert (looks.format, looks.description) == (fmt, description)


@pytest.mark.parametrize(
    "head",
    [
        b"",
        b"{}",
        b'{"format": "other"}',
        b"<root/>",
        b"hello world\n",
        b"stage\n",
        b"---\nno end\n",
        b"journeys and stages\n",
    ],
)
def test_anything_else_is_left_to_the_reader(head: bytes) -> None:
    assert sniff_bytes(head) is None


def test_only_small_regular_files_are_opened(tmp_path: Path) -> None:
    small = tmp_path / "a.csv"
    small.write_text("journey\n")
    assert sniff(small, 100) is not None
    assert sniff(small, 3) is None  # over the limit: not opened
    assert sniff(tmp_path, 100) is None  # a folder
    assert sniff(tmp_path / "missing", 100) is None
