"""What the hostile-input tests feed every loader: the loaders by bytes, valid files
to mutate, and the tokens that break parsers (numbers JSON has no word for, bidi and
control characters, invalid UTF-8, nesting, very long strings).

A loader here takes the bytes of a file and goes as far as a user's open or import
goes: parse, validate and build the live `Journey`. The only exception it may raise
is its own documented `FileFormatError` subclass.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

from hypothesis import strategies as st

from journeymapper.io.errors import JourneyFileError
from journeymapper.io.interchange.build import decode_text
from journeymapper.io.interchange.csv_read import parse_csv
from journeymapper.io.interchange.csv_write import csv_text
from journeymapper.io.interchange.errors import CsvError, GraphMLError, MermaidError
from journeymapper.io.interchange.formats import import_file
from journeymapper.io.interchange.graphml_read import parse_graphml
from journeymapper.io.interchange.graphml_write import graphml_text
from journeymapper.io.interchange.mermaid_read import parse_mermaid
from journeymapper.io.interchange.mermaid_write import mermaid_text
from journeymapper.io.journey_file import build_journey, load_journey, parse_data, to_json
from journeymapper.model.document import Journey

EXAMPLES = sorted((Path(__file__).parents[2] / "examples").glob("*.journey"))


def _journey(raw: bytes) -> None:
    build_journey(parse_data(raw))


def _csv(raw: bytes) -> None:
    Journey(parse_csv(raw).data)


def _mermaid(raw: bytes) -> None:
    Journey(parse_mermaid(decode_text(raw)[0]).data)  # as read_mermaid decodes a file


def _graphml(raw: bytes) -> None:
    Journey(parse_graphml(raw).data)


LOADERS: dict[str, Callable[[bytes], None]] = {
    "journey": _journey,
    "csv": _csv,
    "mermaid": _mermaid,
    "graphml": _graphml,
}
ERRORS: dict[str, type[Exception]] = {
    "journey": JourneyFileError,
    "csv": CsvError,
    "mermaid": MermaidError,
    "graphml": GraphMLError,
}
SUFFIXES = {"journey": ".journey", "csv": ".csv", "mermaid": ".mmd", "graphml": ".graphml"}


def _exported(name: str, journey: Journey) -> bytes:
    if name == "journey":
        return to_json(journey.to_data()).encode()
    if name == "csv":
        return csv_text(journey).encode()
    if name == "mermaid":
        return mermaid_text(journey).encode()
    return graphml_text(journey, yed=len(journey.stages) % 2 == 0).encode()


def valid_files(name: str) -> list[bytes]:
    """Every example map, written in format `name`."""
    return [_exported(name, load_journey(path)) for path in EXAMPLES]


def load_path(name: str, path: Path) -> bool:
    """Open or import the file at `path` as a user does: True if it loaded, False if it
    raised its own error."""
    try:
        if name == "journey":
            load_journey(path)
        else:
            Journey(import_file(path, name).data)
    except ERRORS[name]:
        return False
    return True


def load(name: str, raw: bytes) -> bool:
    """Load `raw` as format `name`: True if it loaded, False if it raised its own error."""
    try:
        LOADERS[name](raw)
    except ERRORS[name]:
        return False
    return True


# ----- hostile pieces ---------------------------------------------------------------------

BIDI = "\u202e\u202d\u202a\u202b\u202c\u2066\u2067\u2068\u2069\u200e\u200f\u061c"
EMOJI = ["👩‍👩‍👧‍👦", "🏳️‍🌈", "🇫🇷", "👍🏽", "🧑‍💻", "\U0001f600", "a\u0301\u0301\u0301"]
CONTROL = "".join(chr(c) for c in range(32)) + "\x7f\x85\u2028\u2029\ufeff\ufffe\uffff"

TOKENS: list[bytes] = [
    *(t.encode() for t in ("NaN", "-NaN", "Infinity", "-Infinity", "nan", "inf", "-inf")),
    *(t.encode() for t in ("1e999", "-1e999", "1e-999", "0x10", "1_000", "+1", ".5", "5.")),
    b"9" * 5000,
    b"-" + b"9" * 400,
    b"18446744073709551616",
    b"\xff",
    b"\xfe\xff",
    b"\xc0\x80",
    b"\xed\xa0\x80",  # a UTF-8-encoded surrogate
    b"\xf4\x90\x80\x80",  # beyond U+10FFFF
    b"\xef\xbb\xbf",
    *(c.encode("utf-8", "surrogatepass") for c in CONTROL),
    *(c.encode() for c in BIDI),
    *(e.encode() for e in EMOJI),
    *(t.encode() for t in ('"', "'", "\\", "\\u0000", "\\ud800", "{", "}", "[", "]")),
    *(t.encode() for t in (",", ";", "|", ":", "#", "%%", "=", "\r", "\r\n", "\t")),
    *(t.encode() for t in ("<", ">", "&", "&amp;", "&#0;", "&#x110000;", "&lol;", "]]>")),
    *(t.encode() for t in ("<![CDATA[", "<!--", "<?xml ", "<!DOCTYPE x>", "#35;", "#quot;")),
]

#: how many times a token is repeated: once, a few, or into a string of a million
REPEATS = st.sampled_from([1, 1, 1, 2, 3, 17, 300, 5000, 1_000_000])

tokens = st.builds(
    lambda t, n: t * n if len(t) * n <= 4_000_000 else t, st.sampled_from(TOKENS), REPEATS
)
text_tokens = st.sampled_from([t.decode("utf-8", "replace") for t in TOKENS])


@st.composite
def mutated(draw: st.DrawFn, originals: list[bytes]) -> bytes:
    """A valid file with a few byte-level changes: hostile tokens inserted or written
    over it, ranges deleted or repeated, bytes flipped."""
    raw = bytearray(draw(st.sampled_from(originals)))
    for _ in range(draw(st.integers(1, 4))):
        at = draw(st.integers(0, len(raw)))
        kind = draw(st.sampled_from(["insert", "overwrite", "delete", "repeat", "flip"]))
        if kind == "insert":
            raw[at:at] = draw(tokens)
        elif kind == "overwrite":
            piece = draw(tokens)
            raw[at : at + len(piece)] = piece
        elif kind == "delete":
            del raw[at : at + draw(st.integers(1, 200))]
        elif kind == "repeat":
            piece = bytes(raw[at : at + draw(st.integers(1, 200))])
            raw[at:at] = piece * draw(st.sampled_from([2, 10, 1000]))
        elif raw:
            raw[min(at, len(raw) - 1)] ^= 1 << draw(st.integers(0, 7))
    return bytes(raw)


def nested(opening: str, closing: str, depth: int, inner: str = "") -> bytes:
    return (opening * depth + inner + closing * depth).encode()


_HOSTILE_TEXT = st.lists(st.sampled_from([*BIDI, *CONTROL, "a", "é", "€", *EMOJI]), max_size=8)
json_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(-(10**30), 10**30)
    | st.floats()
    | _HOSTILE_TEXT.map("".join),
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4)
    ),
    max_leaves=12,
)


def json_dump(value: object) -> str:
    """JSON as Python writes it, NaN and Infinity included (the loader must refuse them)."""
    return json.dumps(value, ensure_ascii=False, allow_nan=True)
