"""Walking the map by keyboard: from card to card in reading order, and along the flow.

A keyboard user (and a screen-reader user) needs a way from one card to the next that
is not the mouse; the arrow keys already nudge cards. So:

- Tab / Shift+Tab: the next / previous card in reading order — stage by stage, column by
  column, top down (with an arrow selected: the next / previous arrow, in the order of
  their cards); past the last, round to the first.
- Alt+Right / Alt+Left: along the flow, one stop at a time — a card, the arrow out of
  it (into it, going back), the card at its other end — so an arrow can be labelled or
  deleted on the way.
- Alt+Down / Alt+Up, on an arrow: the other branches — the other arrows out of the same
  card (into the same card when walking back), in reading order, round and round.

These are pure functions of the journey and its layout (only cards that are shown
count: a hidden lane's cards are skipped); `CanvasKeys` (window/keyboard.py) selects
what they return and brings it into view.
"""

from __future__ import annotations

from collections.abc import Sequence

from journeymapper.layout.geometry import MapLayout
from journeymapper.model.document import Journey


def reading_order(journey: Journey, layout: MapLayout) -> list[str]:
    """The shown cards as a reader meets them: stage by stage, column by column, top
    down (a card's place on the canvas says its column and its height)."""
    stage_index = {s.id: i for i, s in enumerate(journey.stages)}
    cards = layout.cards

    def key(card_id: str) -> tuple[int, float, float]:
        rect = cards[card_id].rect
        return (stage_index.get(journey.touchpoint(card_id).stage, 0), rect.x, rect.y)

    return sorted((c for c in cards if journey.has_touchpoint(c)), key=key)


def arrow_order(journey: Journey, layout: MapLayout) -> list[str]:
    """The shown arrows in the reading order of their source, then of their target."""
    rank = {card: i for i, card in enumerate(reading_order(journey, layout))}
    ends = layout.connection_ends
    shown = [c for c, (s, t) in ends.items() if s in rank and t in rank]
    return sorted(shown, key=lambda c: (rank[ends[c][0]], rank[ends[c][1]]))


def step(order: Sequence[str], current: str | None, delta: int) -> str | None:
    """The item `delta` places from `current` in `order`, round the ends; from nothing
    (or from something not in `order`), the first or the last."""
    if not order:
        return None
    if current not in order:
        return order[0] if delta > 0 else order[-1]
    return order[(order.index(current) + delta) % len(order)]


def arrows_of(journey: Journey, layout: MapLayout, card_id: str, out: bool) -> list[str]:
    """The shown arrows out of (or into) a card, in the reading order of their other end."""
    rank = {card: i for i, card in enumerate(reading_order(journey, layout))}
    ends = layout.connection_ends
    mine = [c for c, (s, t) in ends.items() if (s if out else t) == card_id]
    other = 1 if out else 0
    return sorted((c for c in mine if ends[c][other] in rank), key=lambda c: rank[ends[c][other]])


def along(journey: Journey, layout: MapLayout, current: str, forward: bool) -> str | None:
    """The next stop along the flow from a card or an arrow (None: the flow ends)."""
    ends = layout.connection_ends.get(current)
    if ends is not None:  # an arrow: the card at its end
        return ends[1] if forward else ends[0]
    found = arrows_of(journey, layout, current, out=forward)
    return found[0] if found else None


def branch(
    journey: Journey, layout: MapLayout, arrow: str, delta: int, forward: bool
) -> str | None:
    """Another arrow out of the same card (into the same card, walking back)."""
    ends = layout.connection_ends.get(arrow)
    if ends is None:
        return None
    siblings = arrows_of(journey, layout, ends[0] if forward else ends[1], out=forward)
    return step(siblings, arrow, delta)
