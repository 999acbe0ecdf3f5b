"""Reading GraphML into a map: safely, with the line of everything it skips.

`graphml_xml` parses the file with defusedxml (no DTDs, entities or external
references: a "billion laughs" bomb or an entity pointing at a local file raises
`GraphMLError` before anything expands). Nodes become touchpoints and edges connections
(see `graphml` for the keys); nodes of nested graphs (yEd groups) are taken too, the
group nodes themselves are not.
"""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from collections import deque
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from journeymapper.base.perf import gc_paused
from journeymapper.io.errors import first_problem
from journeymapper.io.interchange.build import (
    ImportResult,
    LaneKindError,
    MapBuilder,
    Notice,
    TouchpointError,
    title_from_path,
)
from journeymapper.io.interchange.cells import (
    normalise_channel,
    parse_category,
    parse_emotion,
    parse_evidence,
    parse_kpis,
    parse_ownership,
    split_items,
)
from journeymapper.io.interchange.errors import GraphMLError
from journeymapper.io.interchange.graphml_write import FORMAT, FRAME_KEY
from journeymapper.io.interchange.graphml_xml import parse_xml
from journeymapper.io.interchange.limits import (
    MAX_CONNECTIONS,
    MAX_GRAPHML_KEYS,
    MAX_GRAPHML_NODES,
    MAX_SKIPPED,
    ImportLimitError,
    SkippedList,
    WarningList,
    check_limit,
)
from journeymapper.model.integrity import ProblemKind, reference_problems
from journeymapper.model.schema import FORMAT_VERSION, JourneyData, Slot

NO_STAGE = "Imported"


_LOCAL_NAMES: dict[str, str] = {}


def _local(tag: object) -> str:
    """`{uri}node` → `node`; a file has a few dozen tags, read hundreds of thousands of times."""
    if not isinstance(tag, str):
        return ""
    name = _LOCAL_NAMES.get(tag)
    if name is None:
        name = tag.rsplit("}", 1)[-1]
        if len(_LOCAL_NAMES) < 10_000:
            _LOCAL_NAMES[tag] = name
    return name


@dataclass(frozen=True, slots=True)
class _Key:
    name: str
    domain: str
    kind: str
    yfiles: str
    default: str | None


def parse_graphml(raw: bytes, path: str | Path | None = None) -> ImportResult:
    """The map in the bytes of a GraphML file; `GraphMLError` when it cannot be read."""
    root, lines = parse_xml(raw, path)
    if _local(root.tag) != "graphml":
        raise GraphMLError(
            path, f"line {lines.get(root, 1)}", f"the root is <{_local(root.tag)}>, not <graphml>"
        )
    graph = next((child for child in root if _local(child.tag) == "graph"), None)
    if graph is None:
        raise GraphMLError(path, "", "holds no <graph>")
    try:
        with gc_paused():
            return _Reader(path, root, graph, lines).read()
    except ImportLimitError as exc:
        raise GraphMLError(path, "", str(exc)) from None


class _Reader:
    def __init__(
        self,
        path: str | Path | None,
        root: ET.Element,
        graph: ET.Element,
        lines: dict[ET.Element, int],
    ) -> None:
        self.path = path
        self.graph = graph
        self.lines = lines
        self.skipped: list[Notice] = SkippedList()
        self.warnings: list[Notice] = WarningList()
        self.keys = self._keys(root)
        self.defaults: dict[str, dict[str, tuple[str, str]]] = {}
        for domain in ("graph", "node", "edge"):
            self.defaults[domain] = {
                key.name: (key.default, key.kind)
                for key in self.keys.values()
                if key.domain in (domain, "all") and key.default is not None and not key.yfiles
            }
        self.node_ids: dict[str, str] = {}

    def line(self, element: ET.Element) -> int:
        return self.lines.get(element, 0)

    def _keys(self, root: ET.Element) -> dict[str, _Key]:
        keys: dict[str, _Key] = {}
        for element in root:
            if _local(element.tag) != "key" or "id" not in element.attrib:
                continue
            check_limit(len(keys) + 1, MAX_GRAPHML_KEYS, "<key> declarations")
            default = next((c.text or "" for c in element if _local(c.tag) == "default"), None)
            keys[element.attrib["id"]] = _Key(
                name=element.get("attr.name") or element.attrib["id"],
                domain=element.get("for", "all"),
                kind=(element.get("attr.type") or "string").casefold(),
                yfiles=element.get("yfiles.type", ""),
                default=default,
            )
        return keys

    def values(self, element: ET.Element, domain: str) -> dict[str, Any]:
        """The data of a node, edge or graph by attribute name, typed by its key."""
        found = dict(self.defaults.get(domain, {}))  # each key's default, then the data
        for data in element:
            if _local(data.tag) != "data":
                continue
            key = self.keys.get(data.get("key", ""))
            if key is None:
                continue
            if key.yfiles:
                label = _yed_label(data)
                if label and "__yed_label" not in found:
                    found["__yed_label"] = (label, "string")
                continue
            text = "".join(data.itertext()) if len(data) else data.text or ""
            found[key.name] = (text, key.kind)
        typed: dict[str, Any] = {}
        for name, (text, kind) in found.items():
            try:
                typed[name] = _typed(text, kind)
            except ValueError:
                self.warnings.append(
                    Notice(
                        self.line(element),
                        f"'{name}' = '{text[:30]}' is not of type {kind}; ignored",
                    )
                )
        return typed

    # ----- the map ----------------------------------------------------------------------

    def read(self) -> ImportResult:
        info = self.values(self.graph, "graph")
        self.builder = MapBuilder(title_from_path(self.path), self._frame(info))
        if not self._framed:
            for name in ("title", "description"):
                if isinstance(info.get(name), str):
                    self.builder.set_info(name, info[name])
        self.scale = self.builder.info.get("emotion_scale") or JourneyData().emotion_scale
        if self.graph.get("edgedefault", "directed") == "undirected":
            self.warnings.append(
                Notice(
                    self.line(self.graph),
                    "the graph is undirected; each edge was read as leading from source to target",
                )
            )
        nodes, edges = self._elements()
        for found, limit, what, kind in (
            (nodes, MAX_GRAPHML_NODES, "nodes", "nodes"),
            (edges, MAX_CONNECTIONS + MAX_SKIPPED, "edges", "connections"),
        ):
            if len(found) > limit:
                raise ImportLimitError(
                    f"holds {len(found):,} {what}; JourneyMapper imports at most {limit:,} {kind}"
                )
        for node in nodes:  # the file's node ids win over ids made from stage names
            self.builder.reserve(node.get("id", ""))
        for node in nodes:
            self._node(node)
        for edge in edges:
            self._edge(edge)
        return ImportResult(self.builder.build(), FORMAT, self.skipped, self.warnings)

    def _frame(self, info: dict[str, Any]) -> JourneyData | None:
        self._framed = False
        text = info.get(FRAME_KEY)
        if not isinstance(text, str):
            return None
        line = self.line(self.graph)
        try:
            frame = json.loads(text)
            if not isinstance(frame, dict) or frame.pop("version", None) != FORMAT_VERSION:
                raise ValueError("written by another version of JourneyMapper")
            data = JourneyData.model_validate({**frame, "touchpoints": (), "connections": ()})
            broken = [
                p for p in reference_problems(data) if p.kind is not ProblemKind.NO_TOUCHPOINT_LANE
            ]
            if broken:
                self.warnings.append(
                    Notice(
                        line,
                        f"the stored map frame is invalid ({broken[0].place}: "
                        f"{broken[0].message}); ignored",
                    )
                )
                return None
        except ValidationError as exc:
            place, message = first_problem(exc)
            self.warnings.append(
                Notice(line, f"the stored map frame is invalid ({place}: {message}); ignored")
            )
            return None
        except (ValueError, RecursionError) as exc:
            self.warnings.append(Notice(line, f"the stored map frame cannot be read ({exc})"))
            return None
        self._framed = True
        return data

    def _elements(self) -> tuple[list[ET.Element], list[ET.Element]]:
        nodes: list[ET.Element] = []
        edges: list[ET.Element] = []
        pending = deque([self.graph])
        while pending:
            graph = pending.popleft()
            for element in graph:
                tag = _local(element.tag)
                if tag == "node":
                    inner = [c for c in element if _local(c.tag) == "graph"]
                    if inner:
                        pending.extend(inner)
                        self.skipped.append(
                            Notice(
                                self.line(element),
                                f"group node '{element.get('id', '')}': its members were "
                                "imported, the group itself was not",
                            )
                        )
                    else:
                        nodes.append(element)
                elif tag == "edge":
                    edges.append(element)
                elif tag == "hyperedge":
                    self.skipped.append(
                        Notice(self.line(element), "a hyperedge has no place in a journey map")
                    )
        return nodes, edges

    def _node(self, node: ET.Element) -> None:
        line = self.line(node)
        written = node.get("id", "")
        if not written:
            self.skipped.append(Notice(line, "a node without an id"))
            return
        if written in self.node_ids:
            self.skipped.append(Notice(line, f"a second node with the id '{written}'"))
            return
        values = self.values(node, "node")
        name = next(
            (
                str(values[k]).strip()
                for k in ("name", "label", "__yed_label")
                if str(values.get(k, "")).strip()
            ),
            written,
        )
        fields = self._fields(line, written, values)
        fields["stage"] = self._stage(values)
        fields["lane"] = self._lane(line, written, values)
        slot = _slot(values)
        for _ in range(len(fields) + 1):
            try:
                ident = self.builder.add_touchpoint(written, slot, name=name[:200], **fields)
                break
            except TouchpointError as exc:
                if exc.field in ("", "name", "id", "stage", "lane") or exc.field not in fields:
                    self.skipped.append(Notice(line, f"node '{written}': {exc}"))
                    return
                self.warnings.append(Notice(line, f"node '{written}': {exc}; left empty"))
                fields.pop(exc.field)
        self.node_ids[written] = ident

    def _stage(self, values: dict[str, Any]) -> str:
        found = self.builder.stage_by_id(str(values.get("stage_id", "")))
        if found:
            return found
        name = str(values.get("stage", "")).strip()
        return self.builder.stage(name[:200] if name else NO_STAGE)

    def _lane(self, line: int, node: str, values: dict[str, Any]) -> str:
        found = self.builder.lane_by_id(str(values.get("lane_id", "")))
        if found:
            return found
        try:
            return self.builder.lane(str(values.get("lane", ""))[:200])
        except (LaneKindError, ValueError) as exc:
            self.warnings.append(Notice(line, f"node '{node}': lane: {exc}"))
            return self.builder.lane("")

    def _fields(self, line: int, node: str, values: dict[str, Any]) -> dict[str, Any]:
        fields: dict[str, Any] = {}
        for name in ("description", "feedback", "owner"):
            if isinstance(values.get(name), str):
                fields[name] = values[name]
        fields["channel"] = normalise_channel(str(values.get("channel", "")))
        parsers: dict[str, Any] = {
            "category": parse_category,
            "ownership": parse_ownership,
            "evidence": parse_evidence,
            "emotion": lambda text: parse_emotion(text, self.scale),
        }
        for name, parse in parsers.items():
            if name in values:
                try:
                    fields[name] = parse(str(values[name]))
                except ValueError as exc:
                    self.warnings.append(Notice(line, f"node '{node}': {name}: {exc}; left empty"))
        if isinstance(values.get("votes"), int) and values["votes"] >= 0:
            fields["votes"] = values["votes"]
        for name in ("pain_points", "opportunities", "tags"):
            fields[name] = tuple(split_items(str(values.get(name, ""))))
        kpis, problems = parse_kpis(str(values.get("kpis", "")))
        fields["kpis"] = tuple(kpis)
        for problem in problems:
            self.warnings.append(Notice(line, f"node '{node}': {problem}; left out"))
        fields["personas"] = self._personas(line, node, values)
        return fields

    def _personas(self, line: int, node: str, values: dict[str, Any]) -> tuple[str, ...]:
        ids = split_items(str(values.get("persona_ids", "")))
        if ids and all(self.builder.persona_by_id(i) for i in ids):
            return tuple(dict.fromkeys(ids))
        found: list[str] = []
        for name in split_items(str(values.get("personas", ""))):
            try:
                found.append(self.builder.persona(name[:200]))
            except ValueError:
                self.warnings.append(Notice(line, f"node '{node}': persona '{name[:40]}' unusable"))
        return tuple(dict.fromkeys(found))

    def _edge(self, edge: ET.Element) -> None:
        line = self.line(edge)
        source, target = edge.get("source", ""), edge.get("target", "")
        ends = [self.node_ids.get(source), self.node_ids.get(target)]
        if None in ends:
            missing = source if ends[0] is None else target
            self.skipped.append(Notice(line, f"an edge to or from '{missing}', which is no node"))
            return
        source_id, target_id = str(ends[0]), str(ends[1])
        if source_id == target_id:
            self.skipped.append(Notice(line, f"an edge from '{source}' to itself"))
            return
        values = self.values(edge, "edge")
        label = str(values.get("label", values.get("__yed_label", ""))).strip()
        try:
            added = self.builder.connect(source_id, target_id, label[:200], edge.get("id"))
        except ValueError:
            self.warnings.append(Notice(line, "the edge's label is not usable text; left out"))
            added = self.builder.connect(source_id, target_id, "", edge.get("id"))
        if not added:
            self.skipped.append(Notice(line, f"a second edge from '{source}' to '{target}'"))


def _typed(text: str, kind: str) -> Any:
    if kind in ("int", "long"):
        return int(text.strip())
    if kind in ("double", "float"):
        return float(text.strip())
    if kind == "boolean":
        return text.strip().casefold() in ("true", "1")
    return text


def _yed_label(data: ET.Element) -> str:
    for element in data.iter():
        if _local(element.tag) in ("NodeLabel", "EdgeLabel"):
            text = "".join(element.itertext()).strip()
            if text:
                return text
    return ""


def _slot(values: dict[str, Any]) -> Slot | None:
    column, order = values.get("slot_column"), values.get("slot_order", 0.0)
    if not isinstance(column, int) or not isinstance(order, float | int):
        return None
    try:
        return Slot(column=column, order=float(order))
    except ValidationError:
        return None
