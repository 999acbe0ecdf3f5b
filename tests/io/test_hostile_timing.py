"""TIMED: the worst files of up to 10 MB we could build load or fail within two seconds.

Each case is a deterministic file near 10 MB built to cost a loader the most: many
tiny objects, the most rows an import takes, one element with thousands of attributes,
a million characters of entity codes, deep nesting. Importers refuse files beyond
`journeymapper.io.interchange.limits`; the legit files at those limits are among the cases.
The bound is measured in CPU time of this process, which other processes on a busy
machine inflate far less than wall time.

`make test` runs one big, realistic case of each loader, each under a second on a busy
2-core machine; `make fuzz` (JM_FUZZ_LONG=1) runs them all. The slowest cases take
1.2–1.6 s of CPU there (218,000 tiny touchpoints in a `.journey`, 10,000 CSV rows, a
5,000-card yEd export): inside the bound, too near it for every run of `make test`.
"""

# ruff: noqa: E501 - the table of cases reads best one case a line

from __future__ import annotations

import os
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from benchmarks.generate import generate_map
from journeymapper.io.interchange.csv_write import csv_text
from journeymapper.io.interchange.graphml_write import graphml_text
from journeymapper.io.interchange.limits import MAX_GRAPHML_NODES, MAX_TOUCHPOINTS
from journeymapper.io.interchange.mermaid_write import mermaid_text
from journeymapper.io.journey_file import to_json
from journeymapper.model.document import Journey
from tests.io.hostile import SUFFIXES, load_path

MB = 10 * 2**20
SECONDS = 2.0
LONG = os.environ.get("JM_FUZZ_LONG") == "1"


def _generated(size: int, write: Callable[[Journey], str]) -> Callable[[], bytes]:
    return lambda: write(Journey(generate_map(size, seed=7))).encode()


def _repeat(head: bytes, unit: bytes, tail: bytes = b"") -> Callable[[], bytes]:
    return lambda: head + unit * ((MB - len(head) - len(tail)) // len(unit)) + tail


def _numbered(head: bytes, unit: bytes, tail: bytes = b"") -> Callable[[], bytes]:
    """`unit % i` for i = 0, 1, … until the file reaches 10 MB."""

    def build() -> bytes:
        parts, size, i = [head], len(head) + len(tail), 0
        while size < MB:
            piece = unit % i
            parts.append(piece)
            size += len(piece)
            i += 1
        return b"".join([*parts, tail])

    return build


_HEAD = (
    b'{"format":"journeymapper","version":2,"stages":[{"id":"s","name":"S"}],'
    b'"lanes":[{"id":"l","name":"L"}],'
)
_G = (
    b'<graphml xmlns="http://graphml.graphdrawing.org/xmlns"><key id="label" for="node" '
    b'attr.name="label" attr.type="string"/><graph edgedefault="directed">'
)
_END = b"</graph></graphml>"

_TP = b'{"id":"t%d","name":"x","stage":"s","lane":"l"},'
_LAST_TP = b'{"id":"z","name":"x","stage":"s","lane":"l"}]}'
_TWO_TPS = b'"touchpoints":[' + _TP % 0 + _TP % 1
_CONN = b'{"id":"c%d","source":"t0","target":"t1"},'
_LAST_CONN = b'{"id":"z","source":"t1","target":"t0"}]}'
_EDGE = b'<edge source="a" target="b"/>'
_TWO_NODES = b'<node id="a"/><node id="b"/>'
_DATA = b'<node id="n"><data key="label">x</data></node>'


def _plain_graphml(journey: Journey) -> str:
    return graphml_text(journey, yed=False)


def _journey_text(journey: Journey) -> str:
    return to_json(journey.to_data())


#: (loader, case, file, in `make test`)
CASES: list[tuple[str, str, Callable[[], bytes], bool]] = [
    ("journey", "tiny touchpoints", _numbered(_HEAD + b'"touchpoints":[', _TP, _LAST_TP), False),
    ("journey", "tiny connections", _numbered(_HEAD + _TWO_TPS + _LAST_TP[:-1] + b',"connections":[', _CONN, _LAST_CONN), False),
    ("journey", "24,000 generated cards", _generated(24_000, _journey_text), True),
    ("journey", "duplicate keys", _repeat(b"{", b'"a":1,', b'"a":1}'), False),
    ("journey", "floats", _repeat(b"[", b"1e999,", b"1]"), False),
    ("csv", "10,000 generated rows", _generated(MAX_TOUCHPOINTS, csv_text), False),
    ("csv", "5,000 generated rows", _generated(5_000, csv_text), True),
    ("csv", "a row per stage", _numbered(b"stage,name\n", b"S%d,N\n"), False),
    ("csv", "a persona per row", _numbered(b"stage,name,personas\n", b"S,N,p%d\n"), False),
    ("csv", "tiny rows", _repeat(b"stage,name,next\n", b"S,N,N\n"), False),
    ("csv", "one wide row", _repeat(b"stage,name\nA,B", b",", b"\n"), False),
    ("csv", "a wide header", _numbered(b"stage,name,", b"c%d,", b"\nA,B\n"), False),
    ("csv", "blank rows", _repeat(b"stage,name\n", b",\n"), False),
    ("csv", "a KPI cell of blanks", _repeat(b"stage,name,kpis\nS,N,K=1 a", b" ", b"b\n"), False),
    ("mermaid", "10,000 generated tasks", _generated(MAX_TOUCHPOINTS, mermaid_text), True),
    ("mermaid", "49,990 titles", lambda: b"journey\n" + b"title x\n" * 49_990, False),
    ("mermaid", "999,990 blank lines", lambda: b"journey\n" + b"\n" * 999_990, False),
    ("mermaid", "unreadable lines", _repeat(b"journey\n", b"!!\n"), False),
    ("mermaid", "blank lines", _repeat(b"journey\n", b"\n"), False),
    ("mermaid", "an open accDescr block", _repeat(b"journey\naccDescr {\n", b"x\n"), False),
    ("mermaid", "front matter", _repeat(b"---\n", b"title: x\n", b"---\njourney\n"), False),
    ("mermaid", "entity codes", _repeat(b"journey\nsection A\nT", b"#35;", b": 3: Me\n"), False),
    ("mermaid", "colons", _repeat(b"journey\nsection A\nT", b":", b"\n"), False),
    ("mermaid", "titles", _repeat(b"journey\n", b"title x\n"), False),
    ("mermaid", "a score of digits before a letter", _repeat(b"journey\nsection A\nT: ", b"1", b"x: Me\n"), False),
    ("mermaid", "blanks in a front matter title", _repeat(b"---\ntitle: T", b" ", b"x\n---\njourney\n"), False),
    ("graphml", "6,000 generated nodes", _generated(MAX_GRAPHML_NODES, _plain_graphml), True),
    ("graphml", "5,000 nodes for yEd", _generated(5_000, graphml_text), False),
    ("graphml", "empty elements", _repeat(_G, b"<a/>", _END), False),
    ("graphml", "edges", _repeat(_G + _TWO_NODES, _EDGE, _END), False),
    ("graphml", "attributes", _repeat(_G, b'<a b="1" c="2" d="3" e="4"/>', _END), False),
    ("graphml", "one element, many attributes", _numbered(_G + b"<n ", b'a%d="1" ', b"/>" + _END), False),
    ("graphml", "a long namespace", _repeat(b'<graphml xmlns="', b"x", b'"><graph>' + b"<a/>" * 1000 + _END), False),
    ("graphml", "nested graphs", _repeat(_G, b'<node id="g"><graph>'), False),
    ("graphml", "duplicate nodes", _repeat(_G, _DATA, _END), False),
    ("graphml", "keys", _numbered(b"<graphml>", b'<key id="k%d" for="node"/>', b"<graph/></graphml>"), False),
]  # fmt: skip


@pytest.mark.parametrize(
    ("name", "raw"),
    [
        pytest.param(name, build, id=f"{name}: {case}")
        for name, case, build, in_make_test in CASES
        if in_make_test or LONG
    ],
)
def test_worst_files_take_under_two_seconds(
    name: str, raw: Callable[[], bytes], tmp_path: Path
) -> None:
    data = raw()
    assert len(data) <= MB + 4096
    path = tmp_path / f"worst{SUFFIXES[name]}"
    path.write_bytes(data)
    started = time.process_time()
    load_path(name, path)  # opened as a user opens it; loads, or raises its own error
    elapsed = time.process_time() - started
    print(f"{name}: {len(data) / 2**20:.1f} MB in {elapsed:.2f} s of CPU")
    assert elapsed < SECONDS, f"{len(data) / 2**20:.1f} MB took {elapsed:.2f} s of CPU"
