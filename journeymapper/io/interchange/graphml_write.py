"""GraphML: the map as a graph for yEd, Gephi, networkx — and back.

Nodes are the touchpoints, edges the connections; every field is a GraphML `<key>` of
type string, int or double (`label` and `name` both hold the name, since Gephi reads
the one and yEd's property mapper offers the other). Lists and KPIs are written as in
the CSV (`cells`). yEd drawing data (`y:ShapeNode`, `y:PolyLineEdge`) places
the cards where the canvas has them, and `x`, `y`, `r`, `g`, `b` do the same for Gephi.

The graph's `journeymapper_frame` data holds the rest of the map as JSON — title,
stages, lanes with their notes, personas, emotion scale — so that an export imported
again gives the same map. Other tools' GraphML imports too: a node's name comes from
`label`, `name` or its yEd label, its stage from a `stage` attribute if it has one.
The entry points are in `graphml`, reading in `graphml_read`; parsing uses defusedxml,
which refuses DTDs and entities.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from journeymapper.io.interchange.cells import format_kpis, join_items
from journeymapper.layout.engine import layout_journey
from journeymapper.look.palette import CONNECTION, category_color
from journeymapper.model.document import Journey
from journeymapper.model.schema import FORMAT_VERSION, Touchpoint

FORMAT = "graphml"
GRAPHML_NS = "http://graphml.graphdrawing.org/xmlns"
YED_NS = "http://www.yworks.com/xml/graphml"
FRAME_KEY = "journeymapper_frame"
GRAPHML_SCHEMA = "http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd"
YED_SCHEMA = "http://www.yworks.com/xml/schema/graphml/1.1/ygraphml.xsd"

NODE_KEYS: tuple[tuple[str, str], ...] = (
    ("label", "string"),
    ("name", "string"),
    ("description", "string"),
    ("stage", "string"),
    ("stage_id", "string"),
    ("phase", "string"),
    ("lane", "string"),
    ("lane_id", "string"),
    ("channel", "string"),
    ("category", "string"),
    ("ownership", "string"),
    ("emotion", "int"),
    ("pain_points", "string"),
    ("opportunities", "string"),
    ("kpis", "string"),
    ("feedback", "string"),
    ("owner", "string"),
    ("personas", "string"),
    ("persona_ids", "string"),
    ("votes", "int"),
    ("tags", "string"),
    ("evidence", "string"),
    ("slot_column", "int"),
    ("slot_order", "double"),
    ("x", "double"),
    ("y", "double"),
    ("r", "int"),
    ("g", "int"),
    ("b", "int"),
)
EDGE_KEYS: tuple[tuple[str, str], ...] = (("label", "string"),)
GRAPH_KEYS: tuple[tuple[str, str], ...] = (
    ("title", "string"),
    ("description", "string"),
    (FRAME_KEY, "string"),
)
KEY_IDS = {"node": "", "edge": "edge_", "graph": "graph_"}


# ----- XML text --------------------------------------------------------------------------


def _text(value: str) -> str:
    return (
        value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\r", "&#13;")
    )


def _attr(value: str) -> str:
    return _text(value).replace('"', "&quot;").replace("\n", "&#10;").replace("\t", "&#9;")


def _data(key: str, value: object, indent: str) -> str:
    if isinstance(value, float):
        shown = repr(value)
    else:
        shown = _text(str(value))
    return f'{indent}<data key="{key}">{shown}</data>'


# ----- export ----------------------------------------------------------------------------


def frame_json(journey: Journey) -> str:
    """Everything but the touchpoints and connections, as compact JSON."""
    data = journey.to_data()
    body = json.loads(
        data.model_dump_json(
            exclude={"format", "version", "touchpoints", "connections"}, exclude_defaults=True
        )
    )
    return json.dumps({"version": FORMAT_VERSION, **body}, ensure_ascii=False)


def _node_values(journey: Journey, tp: Touchpoint) -> dict[str, object]:
    stage = journey.stage(tp.stage)
    personas = {p.id: p.name for p in journey.personas}
    color = category_color(tp.category)
    values: dict[str, object] = {
        "label": tp.name,
        "name": tp.name,
        "description": tp.description,
        "stage": stage.name,
        "stage_id": stage.id,
        "phase": stage.phase.value if stage.phase else "",
        "lane": journey.lane(tp.lane).name,
        "lane_id": tp.lane,
        "channel": tp.channel,
        "category": tp.category.value if tp.category else "",
        "ownership": tp.ownership.value,
        "emotion": tp.emotion,
        "pain_points": join_items(tp.pain_points),
        "opportunities": join_items(tp.opportunities),
        "kpis": format_kpis(tp.kpis),
        "feedback": tp.feedback,
        "owner": tp.owner,
        "personas": join_items(personas[p] for p in tp.personas),
        "persona_ids": join_items(tp.personas),
        "votes": tp.votes,
        "tags": join_items(tp.tags),
        "evidence": tp.evidence.value,
        "slot_column": tp.slot.column,
        "slot_order": float(tp.slot.order),
        "r": int(color[1:3], 16),
        "g": int(color[3:5], 16),
        "b": int(color[5:7], 16),
    }
    return values


def graphml_lines(journey: Journey, *, yed: bool = True) -> Iterator[str]:
    yield '<?xml version="1.0" encoding="UTF-8"?>'
    schema = YED_SCHEMA if yed else GRAPHML_SCHEMA  # yEd's schema allows its drawing data
    yield (
        f'<graphml xmlns="{GRAPHML_NS}" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"'
        + (f' xmlns:y="{YED_NS}"' if yed else "")
        + f' xsi:schemaLocation="{GRAPHML_NS} {schema}">'
    )
    for domain, keys in (("graph", GRAPH_KEYS), ("node", NODE_KEYS), ("edge", EDGE_KEYS)):
        for name, kind in keys:
            yield (
                f'  <key id="{KEY_IDS[domain]}{name}" for="{domain}" attr.name="{name}"'
                f' attr.type="{kind}"/>'
            )
    if yed:
        yield '  <key id="yfiles_node" for="node" yfiles.type="nodegraphics"/>'
        yield '  <key id="yfiles_edge" for="edge" yfiles.type="edgegraphics"/>'
    yield '  <graph id="journey" edgedefault="directed">'
    yield _data("graph_title", journey.title, "    ")
    if journey.info.description:
        yield _data("graph_description", journey.info.description, "    ")
    yield _data(f"graph_{FRAME_KEY}", frame_json(journey), "    ")
    layout = layout_journey(journey)
    for tp in sorted(journey.touchpoints(), key=lambda t: t.id):
        yield f'    <node id="{_attr(tp.id)}">'
        values = _node_values(journey, tp)
        card = layout.cards.get(tp.id)
        if card is not None:
            values["x"], values["y"] = (round(v, 2) for v in card.rect.center)
        for name, _ in NODE_KEYS:
            value = values.get(name)
            if value is not None and value != "":
                yield _data(name, value, "      ")
        if yed:
            yield from _yed_node(tp, card.rect if card else None)
        yield "    </node>"
    for conn in sorted(journey.connections(), key=lambda c: c.id):
        ends = f'source="{_attr(conn.source)}" target="{_attr(conn.target)}"'
        yield f'    <edge id="{_attr(conn.id)}" {ends}>'
        if conn.label:
            yield _data("edge_label", conn.label, "      ")
        if yed:
            label = f"<y:EdgeLabel>{_text(conn.label)}</y:EdgeLabel>" if conn.label else ""
            yield (
                '      <data key="yfiles_edge"><y:PolyLineEdge>'
                f'<y:LineStyle color="{CONNECTION}" type="line" width="1.5"/>'
                f'<y:Arrows source="none" target="standard"/>{label}'
                '<y:BendStyle smoothed="true"/></y:PolyLineEdge></data>'
            )
        yield "    </edge>"
    yield "  </graph>"
    yield "</graphml>"


def _yed_node(tp: Touchpoint, rect: Any) -> Iterator[str]:
    x, y, w, h = (rect.x, rect.y, rect.w, rect.h) if rect is not None else (0.0, 0.0, 158.0, 70.0)
    yield '      <data key="yfiles_node"><y:ShapeNode>'
    yield f'        <y:Geometry x="{x:.1f}" y="{y:.1f}" width="{w:.1f}" height="{h:.1f}"/>'
    yield '        <y:Fill color="#FFFFFF" transparent="false"/>'
    yield f'        <y:BorderStyle color="{category_color(tp.category)}" type="line" width="2.0"/>'
    yield (
        '        <y:NodeLabel alignment="center" autoSizePolicy="node_width" fontSize="11"'
        f' modelName="internal" modelPosition="c">{_text(tp.name)}</y:NodeLabel>'
    )
    yield '        <y:Shape type="roundrectangle"/>'
    yield "      </y:ShapeNode></data>"


def graphml_text(journey: Journey, *, yed: bool = True) -> str:
    return "\n".join(graphml_lines(journey, yed=yed)) + "\n"
