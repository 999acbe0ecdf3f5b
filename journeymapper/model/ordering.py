"""The ordered lists of a map (stages, lanes, personas), kept by id."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from journeymapper.model.errors import EditError, UnknownIdError


def index_of(objects: Sequence[Any], ident: str, what: str) -> int:
    for i, obj in enumerate(objects):
        if obj.id == ident:
            return i
    raise UnknownIdError(f"no {what} '{ident}'")


def clamped(index: int, length: int) -> int:
    return max(0, min(index, length))


def reordered(objects: list[Any], order: Sequence[str], what: str) -> list[Any]:
    by_id = {obj.id: obj for obj in objects}
    if sorted(order) != sorted(by_id) or len(set(order)) != len(order):
        raise EditError(f"a new order of {what} must name each of them once")
    return [by_id[ident] for ident in order]
