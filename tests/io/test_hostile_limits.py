"""The limits that keep a hostile import short, and XML bombs beyond the billion laughs.

(test_interchange_graphml.py already refuses the billion laughs, an external entity and
an external DTD.) Each limit refuses with the importer's own error and a sentence.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from journeymapper.io.interchange import limits as import_limits
from journeymapper.io.interchange.csv_read import parse_csv
from journeymapper.io.interchange.errors import CsvError, GraphMLError, MermaidError
from journeymapper.io.interchange.graphml_read import parse_graphml
from journeymapper.io.interchange.mermaid_read import parse_mermaid
from journeymapper.model import integrity
from journeymapper.model.schema import Connection, JourneyData, Lane, Stage, Touchpoint


def test_csv_limits() -> None:
    rows = "".join(f"S,Card {i}\n" for i in range(import_limits.MAX_TOUCHPOINTS + 1))
    with pytest.raises(CsvError, match="more than 10,000 touchpoints"):
        parse_csv(("stage,name\n" + rows).encode())
    stages = "".join(f"S{i},N\n" for i in range(import_limits.MAX_STAGES + 1))
    with pytest.raises(CsvError, match="more than 1,000 stages"):
        parse_csv(("stage,name\n" + stages).encode())
    header = "stage,name," + ",".join(f"c{i}" for i in range(import_limits.MAX_CSV_COLUMNS))
    with pytest.raises(CsvError, match=r"row 1: the header has 1,002 columns"):
        parse_csv((header + "\nA,B\n").encode())
    with pytest.raises(CsvError, match="more than 100,000 rows"):
        parse_csv(b"stage,name\n" + b",\n" * import_limits.MAX_CSV_ROWS)
    bad = "stage,name\n" + ",x\n" * (import_limits.MAX_SKIPPED + 1)
    with pytest.raises(CsvError, match="more than 1,000 lines or rows could not be read"):
        parse_csv(bad.encode())


def test_many_warnings_are_counted_not_kept() -> None:
    rows = "".join(f"S,Card {i},happy\n" for i in range(import_limits.MAX_WARNINGS + 7))
    result = parse_csv(("stage,name,emotion\n" + rows).encode())
    assert len(result.warnings) == import_limits.MAX_WARNINGS
    assert result.report()[-1] == "… and 7 more warnings"
    assert len(result.data.touchpoints) == import_limits.MAX_WARNINGS + 7


def test_mermaid_limits() -> None:
    with pytest.raises(MermaidError, match="more than 1,000,000 lines"):
        parse_mermaid("journey" + "\n" * 1_000_001)
    with pytest.raises(MermaidError, match="more than 50,000 statements"):
        parse_mermaid("journey\n" + "title x\n" * 50_001)
    with pytest.raises(MermaidError, match="more than 20,000 '#' characters"):
        parse_mermaid("journey\nsection A\nT" + "#35;" * 20_001 + ": 3\n")
    with pytest.raises(MermaidError, match="more than 500 personas"):
        parse_mermaid("journey\nsection A\nT: 3: " + ",".join(f"a{i}" for i in range(501)))
    result = parse_mermaid("journey\nsection A\nT: 9e999: Me\n")
    assert "is too large" in result.warnings[0].message  # not an OverflowError
    description = parse_mermaid("journey\naccDescr {\n" + "x\n" * 200_000 + "}\nsection A\n")
    assert len(description.data.description) <= 20_000


_HEADER = b'<graphml xmlns="http://graphml.graphdrawing.org/xmlns"><graph>'


def test_graphml_limits() -> None:
    with pytest.raises(GraphMLError, match="holds 500,004 tags"):
        parse_graphml(_HEADER + b"<a/>" * 500_000 + b"</graph></graphml>")
    nodes = b"".join(b'<node id="n%d"/>' % i for i in range(import_limits.MAX_GRAPHML_NODES + 1))
    with pytest.raises(GraphMLError, match="holds 6,001 nodes"):
        parse_graphml(_HEADER + nodes + b"</graph></graphml>")
    attributes = b" ".join(b'a%d="1"' % i for i in range(import_limits.MAX_XML_ATTRIBUTES + 1))
    with pytest.raises(GraphMLError, match="an element has more than 5,000 attributes"):
        parse_graphml(_HEADER + b"<node " + attributes + b"/></graph></graphml>")
    with pytest.raises(GraphMLError, match="namespace longer than 2,000"):
        parse_graphml(b'<graphml xmlns="' + b"u" * 3000 + b'"><graph/></graphml>')
    utf16 = ('<graphml xmlns="' + "u" * 3000 + '"><graph/></graphml>').encode("utf-16")
    with pytest.raises(GraphMLError, match="namespace longer than 2,000"):
        parse_graphml(utf16)
    keys = b"".join(b'<key id="k%d" for="node"/>' % i for i in range(1001))
    with pytest.raises(GraphMLError, match="more than 1,000 <key> declarations"):
        parse_graphml(b"<graphml>" + keys + b"<graph/></graphml>")


BOMBS = {
    "quadratic blowup": b'<?xml version="1.0"?><!DOCTYPE g [<!ENTITY a "'
    + b"x" * 50_000
    + b'">]><graphml><graph><node id="n"><data key="d">'
    + b"&a;" * 5_000
    + b"</data></node></graph></graphml>",
    "parameter entities": b'<?xml version="1.0"?><!DOCTYPE g [<!ENTITY % p "<!ENTITY a \'x\'>">'
    b" %p;]><graphml><graph/></graphml>",
    "a billion laughs in UTF-16": (
        '<?xml version="1.0" encoding="UTF-16"?><!DOCTYPE g [<!ENTITY a "aaaaaaaaaa">'
        + "".join(
            f'<!ENTITY a{i} "{"&a;" * 10 if i == 0 else f"&a{i - 1};" * 10}">' for i in range(9)
        )
        + ']><graphml><graph><node id="n"><data key="d">&a8;</data></node></graph></graphml>'
    ).encode("utf-16"),
    "an entity in an attribute": b'<?xml version="1.0"?><!DOCTYPE g [<!ENTITY a "x">]>'
    b'<graphml><graph><node id="&a;"/></graph></graphml>',
    "an external parameter entity": b'<?xml version="1.0"?><!DOCTYPE g [<!ENTITY % e SYSTEM '
    b'"file:///etc/passwd"> %e;]><graphml/>',
}


@pytest.mark.parametrize("raw", BOMBS.values(), ids=BOMBS.keys())
def test_xml_bombs_are_refused_before_they_expand(raw: bytes) -> None:
    with pytest.raises(GraphMLError, match="declares a DTD or entities"):
        parse_graphml(raw)


def test_xinclude_is_never_followed(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP SECRET")
    raw = (
        '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" '
        'xmlns:xi="http://www.w3.org/2001/XInclude"><key id="d" for="node" attr.name="name"/>'
        f'<graph><node id="n"><data key="d"><xi:include href="{secret}" parse="text"/></data>'
        "</node></graph></graphml>"
    ).encode()
    result = parse_graphml(raw)
    assert "TOP SECRET" not in repr(result.data)


def test_reference_problems_stop_at_a_limit() -> None:
    data = JourneyData(
        stages=(Stage(id="s", name="S"),),
        lanes=(Lane(id="l", name="L"),),
        touchpoints=(
            Touchpoint(id="a", name="A", stage="s", lane="l"),
            Touchpoint(id="b", name="B", stage="s", lane="l"),
        ),
        connections=tuple(
            Connection(id=f"c{i}", source="a", target="b")
            for i in range(integrity.MAX_PROBLEMS + 50)
        ),
    )
    problems = integrity.reference_problems(data)
    assert len(problems) == integrity.MAX_PROBLEMS
    assert problems[0].message == "connection 'c1' repeats 'c0' (a → b)"
