"""Hostile files for every loader: only the loader's own error comes out, quickly.

Each test runs for `.journey`, CSV, Mermaid and GraphML alike (hypothesis's "default"
profile: 60 examples per loader and test; `make fuzz`: 2,000). Plain random bytes are
fed by the older per-loader tests (test_journey_fuzz.py, tests/io/interchange); these
add format-shaped starts, mutated example files, hostile values in the right places,
nesting, and files over the size cap. Big worst-case files are timed in
test_hostile_timing.py.
"""

from __future__ import annotations

import csv
import io
import json
import time
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from journeymapper.io.interchange.formats import import_file
from journeymapper.io.journey_file import MAX_FILE_BYTES, load_journey
from tests.io.hostile import (
    ERRORS,
    SUFFIXES,
    json_dump,
    json_values,
    load,
    mutated,
    nested,
    text_tokens,
    tokens,
    valid_files,
)

NAMES = ("journey", "csv", "mermaid", "graphml")
VALID = {name: valid_files(name) for name in NAMES}
SECONDS = 2.0  # every input here is far below 10 MB; none may take longer than this

PREFIXES = {
    "journey": [
        b'{"format": "journeymapper", "version": 2, ',
        b'{"format":"journeymapper",',
        b"\xef\xbb\xbf{",
    ],
    "csv": [
        b"stage,name\n",
        b"\xef\xbb\xbfstage;name;next\r\n",
        b"\xff\xfes\x00t\x00",
        b"id,stage,name,kpis,emotion\n",
    ],
    "mermaid": [
        b"journey\n",
        b"---\ntitle: x\n---\njourney\n",
        b"```mermaid\njourney\n  section A\n",
        b"journey\naccDescr {\n",
    ],
    "graphml": [
        b'<?xml version="1.0"?><graphml><graph>',
        b"<graphml xmlns='http://graphml.graphdrawing.org/xmlns'>"
        b"<key id='d0' for='node' attr.name='name'/><graph><node id='n'><data key='d0'>",
        b'<?xml version="1.0" encoding="utf-16"?>',
    ],
}


def check(name: str, raw: bytes) -> None:
    """Load `raw`: it loads or raises the loader's own error, within `SECONDS` of CPU."""
    started = time.process_time()  # not wall time: a busy machine must not fail the test
    load(name, raw)  # any exception other than ERRORS[name] fails the test
    elapsed = time.process_time() - started
    assert elapsed < SECONDS, f"{name}: {len(raw):,} bytes took {elapsed:.2f} s"


@pytest.mark.parametrize("name", NAMES)
@given(data=st.data())
def test_format_shaped_garbage(name: str, data: st.DataObject) -> None:
    start = data.draw(st.sampled_from(PREFIXES[name]))
    body = data.draw(st.lists(tokens | st.binary(max_size=40), max_size=12))
    check(name, start + b"".join(body))


@pytest.mark.parametrize("name", NAMES)
@given(data=st.data())
def test_mutated_example_files(name: str, data: st.DataObject) -> None:
    check(name, data.draw(mutated(VALID[name])))


# ----- hostile values where each format keeps its values ------------------------------------


def _json_paths(doc: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    found = [prefix]
    if isinstance(doc, dict):
        for key, value in doc.items():
            found += _json_paths(value, (*prefix, key))
    elif isinstance(doc, list):
        for i, value in enumerate(doc):
            found += _json_paths(value, (*prefix, i))
    return found


JOURNEY_DOC = json.loads(VALID["journey"][0])
JOURNEY_PATHS = [p for p in _json_paths(JOURNEY_DOC) if p]
HOSTILE_STRINGS = st.builds(
    lambda t, n: t * min(n, 4_000_000 // max(1, len(t))),
    text_tokens,
    st.sampled_from([1, 3, 300, 1_000_000]),
)


@given(
    st.lists(
        st.tuples(st.sampled_from(JOURNEY_PATHS), json_values | HOSTILE_STRINGS),
        min_size=1,
        max_size=4,
    ),
    st.booleans(),
)
def test_hostile_json_values(changes: list[tuple[tuple[Any, ...], Any]], duplicate: bool) -> None:
    doc = json.loads(json.dumps(JOURNEY_DOC))
    for path, value in changes:
        target = doc
        try:
            for key in path[:-1]:
                target = target[key]
            target[path[-1]] = value
        except (KeyError, IndexError, TypeError):  # an earlier change replaced a container
            continue
    text = json_dump(doc)
    if duplicate:  # a key written twice in one object
        text = text.replace('"name": ', '"name": "twice", "name": ', 1)
    check("journey", text.encode("utf-8", "surrogatepass"))


CSV_ROWS = list(csv.reader(io.StringIO(VALID["csv"][0].decode("utf-8-sig"))))


@given(
    st.lists(
        st.tuples(st.integers(0, len(CSV_ROWS) - 1), st.integers(0, 25), HOSTILE_STRINGS),
        min_size=1,
        max_size=6,
    ),
    st.sampled_from([",", ";", "\t"]),
)
def test_hostile_csv_cells(changes: list[tuple[int, int, str]], delimiter: str) -> None:
    rows = [list(r) for r in CSV_ROWS]
    for row, column, value in changes:
        cells = rows[row]
        cells.extend([""] * (column + 1 - len(cells)))
        cells[column] = value
    buffer = io.StringIO()
    csv.writer(buffer, delimiter=delimiter).writerows(rows)
    check("csv", buffer.getvalue().encode("utf-8", "surrogatepass"))


MERMAID_LINES = VALID["mermaid"][0].decode().splitlines()


@given(
    st.lists(
        st.tuples(
            st.integers(0, len(MERMAID_LINES)),
            st.sampled_from(["title ", "section ", "", "  Task: ", "  T: 3: ", "accDescr: "]),
            HOSTILE_STRINGS,
            st.sampled_from(["", ": 5", ": 9e999: A", ": nan: B, C", ": -Infinity", ";"]),
        ),
        min_size=1,
        max_size=6,
    )
)
def test_hostile_mermaid_statements(changes: list[tuple[int, str, str, str]]) -> None:
    lines = list(MERMAID_LINES)
    for at, start, value, end in changes:
        lines.insert(at, start + value + end)
    check("mermaid", "\n".join(lines).encode("utf-8", "surrogatepass"))


GRAPHML = VALID["graphml"][1].decode()
_XML_SLOTS = [i for i in range(len(GRAPHML)) if GRAPHML[i] in '>"']


def _xml_text(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace('"', "&quot;")


@given(
    st.lists(
        st.tuples(st.sampled_from(_XML_SLOTS), HOSTILE_STRINGS, st.booleans()),
        min_size=1,
        max_size=6,
    )
)
def test_hostile_graphml_values(changes: list[tuple[int, str, bool]]) -> None:
    text = GRAPHML
    for at, value, escaped in sorted(changes, reverse=True):  # later places first
        piece = _xml_text(value) if escaped else value
        text = text[: at + 1] + piece + text[at + 1 :]
    check("graphml", text.encode("utf-8", "surrogatepass"))


# ----- nesting, and files over the size cap --------------------------------------------------

NESTED = {
    "journey": [
        nested("[", "]", 100_000),
        nested('{"a":', "}", 100_000, "1"),
        b'{"format": "journeymapper", "version": 2, "title": ' + nested("[", "]", 5000) + b"}",
    ],
    "csv": [nested('"', '"', 50_001), b"stage,name\n" + nested('"', '"', 99_999) + b",x\n"],
    "mermaid": [
        b"journey\naccDescr {\n" + nested("{", "}", 100_000) + b"\nsection A\nT: 3\n",
        b"journey\n" + b"\n".join(b" " * i + b"section S" for i in range(0, 20_000, 7)),
    ],
    "graphml": [
        b"<graphml><graph>"
        + nested("<graph><node id='n'>", "</node></graph>", 30_000)
        + b"</graph></graphml>",
        b"<graphml><graph><node id='x'><data key='d'>"
        + nested("<a>", "</a>", 100_000)
        + b"</data></node></graph></graphml>",
        nested("<a>", "</a>", 100_000),
    ],
}  # fmt: skip


@pytest.mark.parametrize(
    ("name", "raw"),
    [(name, raw) for name, cases in NESTED.items() for raw in cases],
    ids=lambda v: v if isinstance(v, str) else f"{len(v)}B",
)
def test_deep_nesting(name: str, raw: bytes) -> None:
    check(name, raw)


@pytest.mark.parametrize("name", NAMES)
def test_files_over_the_cap_are_refused_before_a_byte_is_read(
    name: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / f"huge{SUFFIXES[name]}"
    with path.open("wb") as handle:
        handle.truncate(MAX_FILE_BYTES + 1)  # sparse: costs no disk

    def no_reading(*args: object, **kwargs: object) -> None:
        raise AssertionError("the file was opened before its size was checked")

    monkeypatch.setattr(Path, "open", no_reading)
    monkeypatch.setattr("builtins.open", no_reading)
    with pytest.raises(ERRORS[name], match="MB are refused"):
        load_journey(path) if name == "journey" else import_file(path)
