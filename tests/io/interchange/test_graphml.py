"""GraphML: exact round trips, other tools' files, and XML that must never expand."""

from __future__ import annotations

import contextlib
import re
from pathlib import Path

import networkx as nx
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from journeymapper.io.interchange.errors import GraphMLError
from journeymapper.io.interchange.graphml import read_graphml, write_graphml
from journeymapper.io.interchange.graphml_read import parse_graphml
from journeymapper.io.interchange.graphml_write import graphml_text
from journeymapper.io.journey_file import load_journey
from journeymapper.model.document import Journey
from tests.io.interchange.strategies import journey_maps

EXAMPLES = sorted((Path(__file__).parents[3] / "examples").glob("*.journey"))


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.stem)
def test_examples_round_trip_exactly(path: Path, tmp_path: Path) -> None:
    journey = load_journey(path)
    out = tmp_path / "map.graphml"
    write_graphml(journey, out)
    result = read_graphml(out)
    assert result.skipped == []
    assert result.warnings == []
    assert Journey(result.data).to_data() == journey.to_data()


@settings(max_examples=60)
@given(journey_maps(), st.booleans())
def test_generated_maps_round_trip_exactly(data, yed: bool) -> None:  # type: ignore[no-untyped-def]
    journey = Journey(data)
    result = parse_graphml(graphml_text(journey, yed=yed).encode("utf-8"))
    assert result.skipped == []
    assert result.warnings == []
    assert Journey(result.data).to_data() == journey.to_data()


def test_networkx_reads_the_export_with_typed_attributes(tmp_path: Path) -> None:
    journey = load_journey(EXAMPLES[0].parent / "online-clothing-store.journey")
    out = tmp_path / "map.graphml"
    write_graphml(journey, out, yed=False)  # networkx reads yEd's geometry into x and y
    graph = nx.read_graphml(out)
    assert graph.is_directed()
    assert graph.number_of_nodes() == journey.touchpoint_count()
    assert graph.number_of_edges() == journey.connection_count()
    node = graph.nodes["checkout"]
    assert node["label"] == "Adds items to the cart and checks out"
    assert node["emotion"] == -1
    assert node["votes"] == 7
    assert isinstance(node["x"], float)
    assert node["stage"] == "Purchase"
    assert graph.edges["comeback", "catalogue"]["label"] == "Buys again"
    write_graphml(journey, out)
    with_yed = nx.read_graphml(out)
    assert with_yed.nodes["checkout"]["label"] == "Adds items to the cart and checks out"


def test_a_foreign_graph_from_another_tool() -> None:
    raw = b"""<?xml version="1.0"?>
<graphml xmlns="http://graphml.graphdrawing.org/xmlns"
         xmlns:y="http://www.yworks.com/xml/graphml">
  <key id="d0" for="node" attr.name="weight" attr.type="double"/>
  <key id="d1" for="node" yfiles.type="nodegraphics"/>
  <key id="d2" for="edge" attr.name="label" attr.type="string"/>
  <key id="d3" for="node" attr.name="stage" attr.type="string"/>
  <graph edgedefault="undirected">
    <node id="n0"><data key="d1"><y:ShapeNode><y:NodeLabel>Ad</y:NodeLabel></y:ShapeNode></data>
      <data key="d3">Before buying</data></node>
    <node id="n1"><data key="d0">heavy</data></node>
    <node id="g">
      <graph><node id="n2"/></graph>
    </node>
    <edge source="n0" target="n1"><data key="d2">then</data></edge>
    <edge source="n1" target="n9"/>
    <edge source="n1" target="n1"/>
    <edge source="n0" target="n1"/>
    <hyperedge><endpoint node="n0"/></hyperedge>
  </graph>
</graphml>"""
    result = parse_graphml(raw)
    data = result.data
    assert {tp.id: tp.name for tp in data.touchpoints} == {"n0": "Ad", "n1": "n1", "n2": "n2"}
    assert [s.name for s in data.stages] == ["Before buying", "Imported"]
    assert [(c.source, c.target, c.label) for c in data.connections] == [("n0", "n1", "then")]
    skipped = {n.line: n.message for n in result.skipped}
    assert set(skipped) == {12, 16, 17, 18, 19}
    assert "group node 'g'" in skipped[12]
    assert "'n9', which is no node" in skipped[16]
    assert "to itself" in skipped[17]
    assert "a second edge" in skipped[18]
    assert "hyperedge" in skipped[19]
    warned = [n.message for n in result.warnings]
    assert any("undirected" in w for w in warned)
    assert any("'weight' = 'heavy' is not of type double" in w for w in warned)
    Journey(data)


BILLION_LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
 <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
 <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
 <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
 <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
 <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
]>
<graphml xmlns="http://graphml.graphdrawing.org/xmlns">
  <key id="label" for="node" attr.name="label" attr.type="string"/>
  <graph edgedefault="directed"><node id="n"><data key="label">&lol9;</data></node></graph>
</graphml>"""


def test_billion_laughs_is_refused_before_it_expands() -> None:
    with pytest.raises(GraphMLError, match="declares a DTD or entities"):
        parse_graphml(BILLION_LAUGHS, "bomb.graphml")


def test_an_external_entity_is_never_read(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP SECRET")
    raw = f"""<?xml version="1.0"?>
<!DOCTYPE graphml [<!ENTITY xxe SYSTEM "file://{secret}">]>
<graphml xmlns="http://graphml.graphdrawing.org/xmlns">
  <key id="label" for="node" attr.name="label" attr.type="string"/>
  <graph edgedefault="directed"><node id="n"><data key="label">&xxe;</data></node></graph>
</graphml>""".encode()
    path = tmp_path / "xxe.graphml"
    path.write_bytes(raw)
    with pytest.raises(GraphMLError) as caught:
        read_graphml(path)
    assert "TOP SECRET" not in str(caught.value)


def test_an_external_dtd_is_refused(tmp_path: Path) -> None:
    raw = b'<?xml version="1.0"?>\n<!DOCTYPE graphml SYSTEM "http://example.invalid/x.dtd">\n<graphml/>'
    with pytest.raises(GraphMLError, match="DTD"):
        parse_graphml(raw)


def test_broken_xml_names_the_line_and_column() -> None:
    with pytest.raises(GraphMLError, match=r"line 3, column \d+: not well-formed XML"):
        parse_graphml(b'<?xml version="1.0"?>\n<graphml>\n<graph><node id="a"></graph>\n')
    with pytest.raises(GraphMLError, match="the root is <svg>, not <graphml>"):
        parse_graphml(b"<svg/>")
    with pytest.raises(GraphMLError, match="holds no <graph>"):
        parse_graphml(b"<graphml/>")


def test_an_invalid_stored_frame_falls_back_with_a_warning() -> None:
    journey = load_journey(EXAMPLES[0].parent / "online-clothing-store.journey")
    text = graphml_text(journey).replace('"stages": [', '"stages": [{"bad": 1}, ', 1)
    result = parse_graphml(text.encode())
    assert "stored map frame is invalid" in result.warnings[0].message
    rebuilt = Journey(result.data)
    assert rebuilt.touchpoint_count() == journey.touchpoint_count()
    assert [s.name for s in rebuilt.stages] == [s.name for s in journey.stages]


@given(st.binary(max_size=500))
def test_garbage_raises_only_graphml_error(raw: bytes) -> None:
    with contextlib.suppress(GraphMLError):
        Journey(parse_graphml(raw).data)


_VALID = graphml_text(load_journey(EXAMPLES[0].parent / "online-clothing-store.journey"), yed=False)


@given(st.integers(0, len(_VALID)), st.text(max_size=40))
def test_spliced_exports_raise_only_graphml_error(at: int, junk: str) -> None:
    with contextlib.suppress(GraphMLError):
        Journey(parse_graphml((_VALID[:at] + junk + _VALID[at:]).encode()).data)


_DATA = list(re.finditer(r"(<data key=\"[^\"]+\">)([^<]*)(</data>)", _VALID))


def _xml_escaped(text: str) -> str:
    text = re.sub(r"[\x01-\x08\x0b\x0c\x0e-\x1f]", "", text)
    return text.replace("&", "&amp;").replace("<", "&lt;")


_XML_TEXT = st.text(
    st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00\ufffe\uffff"),
    max_size=30,
).map(_xml_escaped)


@given(st.lists(st.tuples(st.integers(0, len(_DATA) - 1), _XML_TEXT), max_size=6))
def test_odd_attribute_values_raise_only_graphml_error(changes: list[tuple[int, str]]) -> None:
    text = _VALID
    for index, value in sorted(dict(changes).items(), reverse=True):  # later edits first
        match = _DATA[index]
        text = text[: match.start(2)] + value + text[match.end(2) :]
    with contextlib.suppress(GraphMLError):
        Journey(parse_graphml(text.encode()).data)
