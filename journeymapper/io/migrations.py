"""Bring older `.journey` files up to the current format, one version step at a time.

Each step takes the parsed JSON of version N and returns version N+1; steps only move
data around and never validate — the current schema does that afterwards, so a broken
old file is reported with the same sentences as a broken new one.

Version 1 was the prototype format: no lanes (one implicit row of cards and one row of
notes per stage), emotions on Mermaid's 1–5 scale, cards ordered by an `order` number,
and connections written `from` / `to`. Version 3 added the optional `analytics` block.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from journeymapper.model.schema import FORMAT_VERSION

Json = dict[str, Any]


def _v1_to_v2(doc: Json) -> Json:
    doc = dict(doc)
    notes = doc.pop("notes", {})
    doc["lanes"] = [
        {"id": "doing", "name": "Doing", "kind": "notes", "notes": notes},
        {"id": "touchpoints", "name": "Touchpoints", "kind": "touchpoints"},
        {"id": "feeling", "name": "Feeling", "kind": "emotion"},
        {"id": "pain-points", "name": "Pain points", "kind": "pain_points"},
        {"id": "opportunities", "name": "Opportunities", "kind": "opportunities"},
    ]
    doc["touchpoints"] = [_v1_touchpoint(tp) for tp in _list(doc.get("touchpoints"))]
    doc["connections"] = [_v1_connection(c) for c in _list(doc.get("connections"))]
    doc["version"] = 2
    return doc


def _v1_touchpoint(tp: Any) -> Any:
    if not isinstance(tp, dict):
        return tp
    tp = dict(tp)
    tp.setdefault("lane", "touchpoints")
    order = tp.pop("order", None)
    if isinstance(order, int) and not isinstance(order, bool):
        tp["slot"] = {"column": order, "order": 0.0}
    emotion = tp.get("emotion")
    if isinstance(emotion, int) and not isinstance(emotion, bool):
        tp["emotion"] = emotion - 3
    return tp


def _v1_connection(conn: Any) -> Any:
    if not isinstance(conn, dict):
        return conn
    conn = dict(conn)
    if "from" in conn:
        conn["source"] = conn.pop("from")
    if "to" in conn:
        conn["target"] = conn.pop("to")
    return conn


def _list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else []


def _v2_to_v3(doc: Json) -> Json:
    """Version 3 added the optional `analytics` block (an event log's figures); a
    version 2 file has none, so only the number changes."""
    return {**doc, "version": 3}


STEPS: dict[int, Callable[[Json], Json]] = {1: _v1_to_v2, 2: _v2_to_v3}
OLDEST_VERSION = min(STEPS)

assert max(STEPS) + 1 == FORMAT_VERSION, "every version below the current one needs a step"


def migrate(doc: Json, version: int) -> Json:
    """`doc` of `version` (OLDEST_VERSION ≤ version ≤ FORMAT_VERSION) as the current version."""
    while version < FORMAT_VERSION:
        doc = STEPS[version](doc)
        version += 1
    return doc
