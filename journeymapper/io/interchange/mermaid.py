"""Mermaid `journey` text: the format's two entry points, `read_mermaid` and `write_mermaid`.

`mermaid_write` says how a map becomes text Mermaid renders; `mermaid_read` follows
Mermaid's own grammar to read it back (and text written by hand or pasted from a page).
"""

from __future__ import annotations

from pathlib import Path

from journeymapper.io.atomic import write_atomic
from journeymapper.io.interchange.build import (
    ENCODING_NAMES,
    ImportResult,
    Notice,
    decode_text,
    read_limited,
)
from journeymapper.io.interchange.errors import MermaidError
from journeymapper.io.interchange.mermaid_read import parse_mermaid
from journeymapper.io.interchange.mermaid_write import mermaid_text
from journeymapper.model.document import Journey


def read_mermaid(path: str | Path) -> ImportResult:
    """Import a Mermaid journey file; raises `MermaidError` when it is not one."""
    text, encoding = decode_text(read_limited(path, MermaidError))
    result = parse_mermaid(text, path)
    result.encoding = encoding
    if encoding in ENCODING_NAMES:
        result.warnings.insert(
            0, Notice(0, f"the file is not UTF-8; it was read as {ENCODING_NAMES[encoding]}")
        )
    return result


def write_mermaid(journey: Journey, path: str | Path) -> None:
    """Write the map as a Mermaid journey, atomically."""
    write_atomic(path, mermaid_text(journey).encode("utf-8"))
