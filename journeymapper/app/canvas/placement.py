"""Where cards go when they are dropped or nudged: slots from layout geometry.

Pure functions of the journey and its layout (no Qt), so the rules for a drag, a
multi-card drop and an arrow-key nudge are written, and tested, in one place.
"""

from __future__ import annotations

from journeymapper.layout.geometry import MapLayout
from journeymapper.model.document import Journey
from journeymapper.model.edits import Placement
from journeymapper.model.schema import Slot

_SPREAD = 1e-3


def drop_placements(
    journey: Journey, layout: MapLayout, centers: dict[str, tuple[float, float]]
) -> dict[str, Placement] | None:
    """New placements of cards whose centres were dropped at `centers`.

    None when any card is over a place cards cannot go. Cards whose drop changes
    nothing (same column, same neighbours) are left out, so a click is no edit.
    """
    moving = list(centers)
    result: dict[str, Placement] = {}
    taken: dict[tuple[str, str, int, float], int] = {}
    for card_id in sorted(moving, key=lambda c: (centers[c][1], centers[c][0])):
        x, y = centers[card_id]
        cell = layout.card_lane_at(x, y)
        if cell is None:
            return None
        slot = layout.slot_for_drop(journey, cell[0], cell[1], x, y, moving)
        key = (cell[0], cell[1], slot.column, slot.order)
        count = taken.get(key, 0)
        taken[key] = count + 1
        if count:
            slot = Slot(column=slot.column, order=slot.order + count * _SPREAD)
        placement = Placement(cell[0], cell[1], slot)
        if not _same_place(journey, layout, card_id, placement, set(moving)):
            result[card_id] = placement
    return result


def _same_place(
    journey: Journey, layout: MapLayout, card_id: str, new: Placement, moving: set[str]
) -> bool:
    old = Placement.of(journey.touchpoint(card_id))
    if (old.stage, old.lane, old.slot.column) != (new.stage, new.lane, new.slot.column):
        return False
    stack = layout.columns.get((old.stage, old.lane), {}).get(old.slot.column, [])
    orders = [journey.touchpoint(c).slot.order for c in stack if c not in moving]
    return sum(o < old.slot.order for o in orders) == sum(o < new.slot.order for o in orders)


def nudge_placement(
    journey: Journey, layout: MapLayout, card_id: str, dx: int, dy: int
) -> Placement | None:
    """One arrow-key step: up/down in the card's stack, left/right a column (and on into
    the neighbouring stage at the cell's edge). None when there is nowhere to go."""
    tp = journey.touchpoint(card_id)
    columns = layout.columns.get((tp.stage, tp.lane), {})
    if dy:
        return _nudge_in_stack(journey, columns.get(tp.slot.column, []), card_id, dy)
    others = [col for col, ids in columns.items() if any(i != card_id for i in ids)]
    last = max(others) + 1 if others else 0
    column = tp.slot.column + dx
    if 0 <= column <= last and column != tp.slot.column:
        return Placement(tp.stage, tp.lane, Slot(column=column, order=tp.slot.order))
    stages = [s.id for s in journey.stages]
    index = stages.index(tp.stage) + dx
    if not 0 <= index < len(stages):
        return None
    stage = stages[index]
    target = layout.columns.get((stage, tp.lane), {})
    if dx > 0:
        top = [journey.touchpoint(c).slot.order for c in target.get(0, [])]
        return Placement(stage, tp.lane, Slot(column=0, order=min(top, default=1.0) - 1.0))
    used = [col for col, ids in target.items() if ids]
    return Placement(stage, tp.lane, Slot(column=max(used) + 1 if used else 0, order=0.0))


def _nudge_in_stack(journey: Journey, stack: list[str], card_id: str, dy: int) -> Placement | None:
    tp = journey.touchpoint(card_id)
    index = stack.index(card_id) if card_id in stack else -1
    neighbour = index + dy
    if index < 0 or not 0 <= neighbour < len(stack):
        return None
    near = journey.touchpoint(stack[neighbour]).slot.order
    beyond = neighbour + dy
    if 0 <= beyond < len(stack):
        order = (near + journey.touchpoint(stack[beyond]).slot.order) / 2
    else:
        order = near + dy
    return Placement(tp.stage, tp.lane, Slot(column=tp.slot.column, order=order))
