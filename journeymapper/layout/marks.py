"""What a card shows besides its name, and where: the one list of marks the canvas,
the poster and the SVG all draw, so a card carries the same marks everywhere.

The top row: the channel's icon and label (no label when the card has no channel yet),
a badge for paid ("P") and earned ("E") touchpoints — earned ones are the indirect
touchpoints the source articles warn are easy to forget — and the emotion face.

The marker row at the card's foot (every card has one, so marking a card never makes
it taller): the number of pain points and of opportunities, each after its glyph; the
dot votes, a dot each up to `MAX_VOTE_DOTS` and past that one badge with the count;
and a dot per persona from the right.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from journeymapper.layout.geometry import SMALL_FONT, CardParts, Rect
from journeymapper.layout.text import text_width
from journeymapper.model.schema import Ownership, Touchpoint

BADGE = 10.0  # the ownership badge's side
BADGE_LETTERS = {Ownership.PAID: "P", Ownership.EARNED: "E"}
GLYPH = 12.0  # the pain point and opportunity glyphs
VOTE_R = 3.5
VOTE_STEP = 8.5
MAX_VOTE_DOTS = 3  # past this many votes, one badge with the count
VOTE_BADGE_H = 12.0
PERSONA_R = 5.5
PERSONA_STEP = 9.0
GAP = 8.0

Kind = Literal["pain", "opportunity", "vote", "votes", "persona"]


@dataclass(frozen=True, slots=True)
class Mark:
    """One mark of a marker row, in the coordinates of the row it was made for: a glyph
    with its count (`pain`, `opportunity`: the glyph from `x`, the count's text from
    `text_x`), a vote dot centred at `x`, a vote badge from `x`, `width` wide, its count
    centred at `text_x`, or a persona dot centred at `x` (`persona` its id). `y` is the
    row's middle."""

    kind: Kind
    x: float
    y: float
    text: str = ""
    text_x: float = 0.0
    width: float = 0.0
    persona: str = ""


@dataclass(frozen=True, slots=True)
class Head:
    """The top row beside the icon: the channel's label (elided to `label_right`, or
    none) and the ownership badge's letter and rectangle, if any."""

    label: str
    label_right: float
    badge: str
    badge_rect: Rect | None


def head(tp: Touchpoint, parts: CardParts, channel_label: str) -> Head:
    """The top row of `tp`'s card: `channel_label` is the catalogue's label of its
    channel, "" for a card without one (it shows no placeholder)."""
    icon, face = parts.icon, parts.face
    letter = BADGE_LETTERS.get(tp.ownership, "")
    if not letter:
        return Head(channel_label, face.x - 6, "", None)
    rect = Rect(face.x - 5 - BADGE, icon.y + (icon.h - BADGE) / 2, BADGE, BADGE)
    return Head(channel_label, rect.x - 4, letter, rect)


def marker_row(tp: Touchpoint, row: Rect) -> tuple[Mark, ...]:
    """The marks of `tp`'s marker row `row`, left to right (personas from the right)."""
    marks: list[Mark] = []
    mid = row.y + row.h / 2
    x = row.x
    counted: tuple[tuple[int, Kind], ...] = (
        (len(tp.pain_points), "pain"),
        (len(tp.opportunities), "opportunity"),
    )
    for count, kind in counted:
        if count:
            text = str(count)
            marks.append(Mark(kind, x, mid, text, x + GLYPH + 2))
            x += GLYPH + 2 + text_width(text, SMALL_FONT, True) + GAP
    personas = [
        Mark("persona", row.right - PERSONA_R - i * PERSONA_STEP, mid, persona=p)
        for i, p in enumerate(reversed(tp.personas))
    ]
    room = (personas[-1].x - PERSONA_R if personas else row.right) - 4
    if tp.votes:
        marks.extend(_votes(tp.votes, x, mid, room))
    return (*marks, *personas)


def _votes(votes: int, x: float, mid: float, room: float) -> list[Mark]:
    """A dot per vote while there are few and they fit; otherwise a badge with the count."""
    if votes <= MAX_VOTE_DOTS and x + votes * VOTE_STEP <= room:
        return [Mark("vote", x + VOTE_R + i * VOTE_STEP, mid) for i in range(votes)]
    text = str(votes)
    width = max(VOTE_BADGE_H + 4, text_width(text, SMALL_FONT, True) + 9)
    return [Mark("votes", x, mid, text, x + width / 2, width)]
