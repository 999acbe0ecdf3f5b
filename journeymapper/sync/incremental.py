"""Remote changes that touch only cards and connections, applied object by object.

Most remote updates change a few cards (a move, a rename, a vote); projecting the whole
map for each would cost a 10,000-card map a second. This projects only the touched
cards and connections, with the same functions and rules as the full projection, and
keeps what the full projection would know: each object's problems and which
connections are hidden (an end missing, or a second connection between the same two
cards). Anything it cannot decide alone (the holding stage appearing or emptying, an id
used by another kind of object, a refused edit) makes `apply` return False, and the
binding projects the whole map instead.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from pycrdt import Map

from journeymapper.model.document import EditError, Journey
from journeymapper.model.edits import Connect, Disconnect, Edit, UpdateConnection
from journeymapper.model.schema import Connection, Touchpoint
from journeymapper.sync import layout
from journeymapper.sync.entities import SyncProblem, is_id
from journeymapper.sync.layout import YDoc
from journeymapper.sync.project import (
    Frame,
    project_connection,
    project_touchpoint,
    read_map,
    root,
)
from journeymapper.sync.reconcile import touchpoint_edits

Key = tuple[str, str]


def _key_of(problem: SyncProblem) -> Key:
    parts = problem.place.split(".", 2)
    return (parts[0], parts[1] if len(parts) > 1 else "")


def read_entry(ymap: Map[Any], ident: str) -> Any:
    """An entry of a root map as plain data (None when absent)."""
    value = ymap.get(ident)
    return read_map(value) if isinstance(value, Map) else value


class Incremental:
    def __init__(self, journey: Journey) -> None:
        self.journey = journey
        self._problems: dict[Key, list[SyncProblem]] = {}
        self._hidden: dict[str, str] = {}  # connection id → missing end ("" for a repeat)

    def problems(self) -> list[SyncProblem]:
        return [p for key in sorted(self._problems) for p in self._problems[key]]

    @property
    def hidden(self) -> dict[str, str]:
        return dict(self._hidden)

    def reset(self, problems: Iterable[SyncProblem], hidden: dict[str, str], doc: YDoc) -> None:
        """Take over what a full projection found."""
        self._problems = {}
        for problem in problems:
            self._problems.setdefault(_key_of(problem), []).append(problem)
        conns = root(doc, layout.CONNECTIONS)
        self._hidden = {}
        for ident in hidden:
            value = read_entry(conns, ident)
            ends = [value.get(e) for e in ("source", "target")] if isinstance(value, dict) else []
            missing = [e for e in ends if not self.journey.has_touchpoint(str(e))]
            self._hidden[ident] = str(missing[0]) if missing else ""

    def apply(self, doc: YDoc, keys: set[Key]) -> bool:
        """Apply changes of cards and connections only; False: project the whole map."""
        if any(name not in (layout.TOUCHPOINTS, layout.CONNECTIONS) for name, _ in keys):
            return False
        cards = {ident for name, ident in keys if name == layout.TOUCHPOINTS}
        links = {ident for name, ident in keys if name == layout.CONNECTIONS}
        try:
            gone = self._apply_cards(doc, cards)
            if gone is None:
                return False
            self._apply_connections(doc, links | gone, cards)
        except EditError:
            return False
        return not self.holding_emptied(doc)

    def _apply_cards(self, doc: YDoc, cards: set[str]) -> set[str] | None:
        journey = self.journey
        frame = Frame.of(journey)
        tps = root(doc, layout.TOUCHPOINTS)
        projected: dict[str, Touchpoint | None] = {}
        for ident in cards:
            if not is_id(ident) or (journey.has_id(ident) and not journey.has_touchpoint(ident)):
                return None
            found: list[SyncProblem] = []
            raw = read_entry(tps, ident)
            projected[ident] = (
                None if raw is None else project_touchpoint(ident, raw, frame, found.append)
            )
            self._set_problems((layout.TOUCHPOINTS, ident), found)
        stage_ids = frame.stage_ids
        for tp in projected.values():
            if tp is not None and (tp.stage not in stage_ids or tp.lane not in frame.card_lanes):
                return None  # a holding stage or lane appears
        removed = [i for i, tp in projected.items() if tp is None and journey.has_touchpoint(i)]
        gone = {c.id for c in journey.connections_of(removed)}
        for edit in touchpoint_edits(journey, projected):
            journey.apply(edit)
        return gone

    def _apply_connections(self, doc: YDoc, links: set[str], cards: set[str]) -> None:
        conns = root(doc, layout.CONNECTIONS)
        links = links | {c for c, end in self._hidden.items() if end in cards or not end}
        values = {ident: read_entry(conns, ident) for ident in links}
        for ident in sorted(links, key=lambda i: (values[i] is not None, i)):
            self._settle_connection(ident, values[ident])

    def _settle_connection(self, ident: str, raw: object) -> None:
        journey = self.journey
        found: list[SyncProblem] = []
        hidden: dict[str, str] = {}
        conn = (
            None
            if raw is None
            else project_connection(ident, raw, journey.graph, found.append, hidden)
        )
        self._set_problems((layout.CONNECTIONS, ident), found)
        self._hidden.pop(ident, None)
        if conn is None:
            if journey.has_connection(ident):
                journey.apply(Disconnect(ident))
            if raw is not None:
                self._hide(ident, raw)
            return
        if journey.has_connection(ident):
            old = journey.connection(ident)
            if (old.source, old.target) != (conn.source, conn.target):
                journey.apply(Disconnect(ident))
        self._show(conn)

    def _show(self, conn: Connection) -> None:
        journey = self.journey
        existing = journey.connection_between(conn.source, conn.target)
        edits: list[Edit] = []
        if existing is None:
            edits.append(Connect(conn))
        elif existing.id == conn.id:
            if existing.label != conn.label:
                edits.append(UpdateConnection(conn.id, {"label": conn.label}))
        elif existing.id < conn.id:
            self._hide_repeat(conn.id, existing.id)
        else:
            edits += [Disconnect(existing.id), Connect(conn)]
            self._hide_repeat(existing.id, conn.id)
        for edit in edits:
            journey.apply(edit)

    def _hide(self, ident: str, raw: object) -> None:
        ends = [raw.get(e) for e in ("source", "target")] if isinstance(raw, dict) else []
        missing = [str(e) for e in ends if not self.journey.has_touchpoint(str(e))]
        self._hidden[ident] = missing[0] if missing else ""

    def _hide_repeat(self, ident: str, shown: str) -> None:
        self._hidden[ident] = ""
        why = f"repeats connection '{shown}' between the same cards; hidden"
        self._set_problems(
            (layout.CONNECTIONS, ident), [SyncProblem(f"connections.{ident}", why, (ident,))]
        )

    def _set_problems(self, key: Key, found: list[SyncProblem]) -> None:
        if found:
            self._problems[key] = found
        else:
            self._problems.pop(key, None)

    def holding_emptied(self, doc: YDoc) -> bool:
        """Whether a holding stage or lane only the projection had is now empty."""
        journey = self.journey
        for ident, name in (
            (layout.HOLDING_STAGE_ID, layout.STAGES),
            (layout.HOLDING_LANE_ID, layout.LANES),
        ):
            if not journey.has_id(ident) or ident in root(doc, name):
                continue
            attr = "stage" if name == layout.STAGES else "lane"
            if not any(getattr(tp, attr) == ident for tp in journey.touchpoints()):
                return True
        return False
