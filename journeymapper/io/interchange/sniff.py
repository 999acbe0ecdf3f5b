"""What a file looks like from its first bytes, so a wrong extension gets a sentence.

A Mermaid journey saved as `trip.journey` would otherwise fail with "line 1, column 1:
not valid JSON". `sniff` reads at most the first 64 KB and recognises only what is
unmistakable — a JourneyMapper map, a Mermaid diagram, GraphML, a sheet with our
columns, and a few binary formats people pick by mistake (PDF, PNG, a zip such as an
Excel workbook); anything else is None, and the format's own reader speaks.
"""

from __future__ import annotations

import os
import re
import stat
from dataclasses import dataclass
from pathlib import Path

HEAD_BYTES = 64 * 1024

_BINARY = (
    (b"%PDF-", "a PDF document"),
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"PK\x03\x04", "a zip archive (an Excel or OpenDocument workbook?)"),
)
_MERMAID_OTHER = re.compile(
    r"(graph|flowchart|sequenceDiagram|classDiagram|stateDiagram(-v2)?|erDiagram|gantt|pie"
    r"|gitGraph|mindmap|timeline|quadrantChart|requirementDiagram|C4Context|sankey-beta"
    r"|xychart-beta|block-beta|kanban|architecture-beta)\b",
    re.IGNORECASE,
)
_HEADER_CELLS = re.compile(r"[,;\t]")


@dataclass(frozen=True, slots=True)
class Looks:
    """A guess at a file's format: the data format's name (or "other") and a phrase."""

    format: str
    description: str


def sniff(path: str | Path, limit: int) -> Looks | None:
    """What the file at `path` plainly is, or None.

    Only a regular file of at most `limit` bytes is opened: anything else (missing, a
    folder, a device, a pipe, too large) is left to the reader, which refuses it with
    its own sentence before reading a byte."""
    try:
        info = os.stat(path)
        if not stat.S_ISREG(info.st_mode) or info.st_size > limit:
            return None
        with open(path, "rb") as handle:
            head = handle.read(HEAD_BYTES)
    except OSError:
        return None
    return sniff_bytes(head)


def sniff_bytes(head: bytes) -> Looks | None:
    """What the first bytes of a file plainly are, or None."""
    for magic, description in _BINARY:
        if head.startswith(magic):
            return Looks("other", description)
    text = _text(head)
    start = text.lstrip()
    if start.startswith("{"):
        if re.search(r'"format"\s*:\s*"journeymapper"', text):
            return Looks("journey", "a JourneyMapper map")
        return None
    if start.startswith("<"):
        return _markup(start[:4096].casefold())
    return _mermaid(text) or _sheet(start)


def _text(head: bytes) -> str:
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return head.decode("utf-16", errors="replace")
    return head.removeprefix(b"\xef\xbb\xbf").decode("utf-8", errors="replace")


def _markup(start: str) -> Looks | None:
    if "<graphml" in start:
        return Looks("graphml", "a GraphML graph")
    if "<svg" in start:
        return Looks("other", "an SVG image")
    if "<html" in start or "<!doctype html" in start:
        return Looks("other", "a web page (HTML)")
    return None


def _mermaid(text: str) -> Looks | None:
    """The first statement of Mermaid text, past fences, front matter and comments."""
    lines = iter(text.splitlines())
    for raw in lines:
        line = raw.strip()
        if not line or line.startswith(("%%", "```")):
            continue
        if line == "---":  # YAML front matter: skip to its closing fence
            if not any(rest.strip() == "---" for rest in lines):
                return None
            continue
        word = line.split(maxsplit=1)[0]
        if word.casefold() == "journey":
            return Looks("mermaid", "a Mermaid journey")
        if _MERMAID_OTHER.fullmatch(word):
            return Looks("mermaid", f"a Mermaid diagram ({word})")
        return None
    return None


def _sheet(start: str) -> Looks | None:
    """A header row with a `stage` and a `name` column: a sheet in our CSV layout."""
    header = start.split("\n", 1)[0]
    cells = {cell.strip().strip('"').casefold() for cell in _HEADER_CELLS.split(header)}
    if "stage" in cells and cells & {"name", "touchpoint"}:
        return Looks("csv", "a CSV spreadsheet")
    return None
