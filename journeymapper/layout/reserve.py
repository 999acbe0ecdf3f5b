"""The gap kept for the card being typed, as the router sees it.

While a card is typed into a cell, the editor lays the map out with room for one more
card column there (`LayoutEngine(reserve=cell)`). That column holds no card yet, but the
card will appear in it, so arrows must already go round it as round a card: the layout
lists it among the cell's columns, empty (`routing/channels.py` keeps every listed
column clear of lines).
"""

from __future__ import annotations

from collections.abc import Container, Mapping

Cell = tuple[str, str]  # (stage id, lane id)
Columns = dict[int, list[str]]


def with_reserved_column(
    columns: Mapping[Cell, Columns],
    reserve: Cell | None,
    shown_lanes: Container[str],
    stages: Container[str],
) -> dict[Cell, Columns]:
    """The cells' card columns, plus an empty one after the last in the reserved cell
    (when its stage and lane are shown)."""
    result = dict(columns)
    if reserve is not None and reserve[1] in shown_lanes and reserve[0] in stages:
        cols = result.get(reserve, {})
        result[reserve] = {**cols, (max(cols) + 1 if cols else 0): []}
    return result
