"""Colours shared by the canvas and the poster, as `#RRGGBB` strings (Qt-free)."""

from __future__ import annotations

from journeymapper.model.schema import Category, EmotionScale, Ownership

INK = "#1F2937"
MUTED_INK = "#6B7280"
PAPER = "#FFFFFF"
GRID = "#D9DEE5"
LANE_HEADER = "#F3F5F8"
CELL = "#FBFCFD"
CARD = "#FFFFFF"
CARD_BORDER = "#C5CDD8"
SELECTION = "#2563EB"
HOVER = "#93B4F5"
CONNECTION = "#64748B"
PAIN = "#D64545"
OPPORTUNITY = "#1E9E6A"
VOTE = "#F2A900"

CATEGORY_COLORS = {
    Category.DIGITAL: "#3B82F6",
    Category.PHYSICAL: "#B7791F",
    Category.HUMAN: "#D53F8C",
}
NO_CATEGORY = "#94A3B8"

OWNERSHIP_MARKS = {Ownership.OWNED: "O", Ownership.PAID: "P", Ownership.EARNED: "E"}
# The paid and earned badges on a card's top row, with their letter in white; the same
# on the canvas (light or dark), the poster and the SVG.
OWNERSHIP_BADGES = {Ownership.PAID: "#8A5A00", Ownership.EARNED: "#0E7490"}
BADGE_LETTER = "#FFFFFF"
VOTE_BADGE_INK = INK  # the count on a vote badge, on VOTE in both appearances

_NEGATIVE = (0xD6, 0x45, 0x45)
_NEUTRAL = (0xE0, 0xB0, 0x3A)
_POSITIVE = (0x2E, 0x9E, 0x5B)


def category_color(category: Category | None) -> str:
    return CATEGORY_COLORS.get(category, NO_CATEGORY) if category else NO_CATEGORY


def emotion_color(emotion: int, scale: EmotionScale) -> str:
    """Red for the scale's worst, amber for neutral, green for its best."""
    t = emotion_fraction(emotion, scale)
    low, high, u = (_NEGATIVE, _NEUTRAL, t * 2) if t < 0.5 else (_NEUTRAL, _POSITIVE, t * 2 - 1)
    rgb = (round(a + (b - a) * u) for a, b in zip(low, high, strict=True))
    return "#" + "".join(f"{c:02X}" for c in rgb)


def emotion_fraction(emotion: float, scale: EmotionScale) -> float:
    """0.0 at the scale's minimum, 1.0 at its maximum."""
    span = scale.maximum - scale.minimum
    return min(1.0, max(0.0, (emotion - scale.minimum) / span))


def rgb(color: str) -> tuple[float, float, float]:
    """`#RRGGBB` as three floats in 0…1."""
    red, green, blue = (int(color[i : i + 2], 16) / 255.0 for i in (1, 3, 5))
    return red, green, blue


def mix(color: str, other: str, amount: float) -> str:
    """`color` moved `amount` (0…1) towards `other`; e.g. a pale tint of a stage colour."""
    a, b = rgb(color), rgb(other)
    return "#" + "".join(
        f"{round((x + (y - x) * amount) * 255):02X}" for x, y in zip(a, b, strict=True)
    )
