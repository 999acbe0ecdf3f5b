"""Every colour the editor paints with, for a light and a dark system palette.

This is the one place colour decisions live. `LIGHT` starts from `journeymapper.look.palette`
(the Qt-free print colours the poster keeps); `DARK` is the same design on a dark
ground: lifted text, dimmed paper, tints that stay distinguishable without glowing.
The canvas items ask `theme()` while they paint, the widget palette and style sheet
(`app.theme`) are made from the same object, and `tests/app/test_theme_contrast.py`
holds the main text/background pairs of both to WCAG AA.

`set_theme` switches the current theme; the views repaint when their palette changes.
Exports (PNG, SVG) draw with `LIGHT`, like the poster, through `using(LIGHT)`.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

from journeymapper.look import palette
from journeymapper.model.schema import Category, EmotionScale, LaneKind


@dataclass(frozen=True)
class Theme:
    name: str
    dark: bool
    # the canvas
    backdrop: str  # around the map
    paper: str  # the map's ground
    ink: str
    muted_ink: str
    hint_ink: str  # "Double-click to write a note": a hint, not content
    grid: str
    frame: str  # the map's outer border
    lane_header: str
    lane_header_hover: str
    lane_tints: dict[LaneKind, str]
    card: str
    card_border: str
    placeholder_bar: str  # zoomed out, bars stand in for a card's text
    selection: str
    hover: str
    connection: str
    handle: str
    handle_ring: str
    pain: str
    opportunity: str
    vote: str
    vote_ink: str
    emotion_line: str
    emotion_zero: str
    emotion_guide: str
    face_empty: str
    ring: str  # the ring around dots drawn on cards and on the emotion curve
    stage_tint: float  # how far a stage header's band moves from its colour to the paper
    stage_tint_hover: float
    phase_towards: str  # a phase label is the stage colour moved towards this
    category_lift: float  # category colours moved this far towards white (dark: brighter)
    no_category: str  # a card without a category (or a persona without a colour)
    overview_card_tint: float
    editor_selection: str  # selected text in the in-place editor
    # the widgets
    window: str
    base: str
    alternate_base: str
    button: str
    chrome: str  # dock titles, the toolbar, the status bar
    chrome_border: str
    field_border: str
    tool_hover: str
    tool_checked: str
    highlight: str
    highlighted_text: str
    placeholder: str
    link: str
    warning: str
    icon_ink: str  # toolbar and menu icons
    kind_colors: dict[LaneKind, str] = field(default_factory=dict)

    def category_color(self, category: Category | None) -> str:
        base = palette.category_color(category) if category else self.no_category
        return palette.mix(base, "#FFFFFF", self.category_lift) if self.category_lift else base

    def emotion_color(self, value: float, scale: EmotionScale) -> str:
        return palette.emotion_color(round(value), scale)

    def stage_band(self, stage_color: str, hovered: bool = False) -> str:
        amount = self.stage_tint_hover if hovered else self.stage_tint
        return palette.mix(stage_color, self.paper, amount)

    def phase_ink(self, stage_color: str) -> str:
        return palette.mix(stage_color, self.phase_towards, 0.5)

    def overview_card(self, category: Category | None) -> str:
        return palette.mix(self.category_color(category), self.paper, self.overview_card_tint)


LIGHT = Theme(
    name="light",
    dark=False,
    backdrop="#E9EDF2",
    paper=palette.PAPER,
    ink=palette.INK,
    muted_ink="#556070",  # darker than the poster's: AA on the tinted headers too
    hint_ink="#8A94A3",
    grid=palette.GRID,
    frame="#B8C2CF",
    lane_header=palette.LANE_HEADER,
    lane_header_hover="#EDF0F4",
    lane_tints={
        LaneKind.TOUCHPOINTS: "#FFFFFF",
        LaneKind.NOTES: "#FAFBFC",
        LaneKind.EMOTION: "#FBFBFE",
        LaneKind.PAIN_POINTS: "#FEF8F8",
        LaneKind.OPPORTUNITIES: "#F6FBF8",
    },
    card=palette.CARD,
    card_border=palette.CARD_BORDER,
    placeholder_bar="#C9D1DC",
    selection=palette.SELECTION,
    hover=palette.HOVER,
    connection=palette.CONNECTION,
    handle="#5B84EE",
    handle_ring="#FFFFFF",
    pain="#C53030",  # the poster's red and green, a shade darker: counts are small text
    opportunity="#15803D",
    vote=palette.VOTE,
    vote_ink="#9A6B00",
    emotion_line="#475569",
    emotion_zero="#D5DBE3",
    emotion_guide="#E6EAF0",
    face_empty="#CBD3DD",
    ring="#FFFFFF",
    stage_tint=0.86,
    stage_tint_hover=0.80,
    phase_towards=palette.INK,
    category_lift=0.0,
    no_category="#7D8899",
    overview_card_tint=0.45,
    editor_selection="#BFD3FB",
    window="#FFFFFF",
    base="#FFFFFF",
    alternate_base="#F6F8FA",
    button="#F6F8FA",
    chrome="#F3F5F8",
    chrome_border="#E2E7EE",
    field_border="#7D8899",  # a control's outline: 3:1 on every widget ground (WCAG 1.4.11)
    tool_hover="#E9EEF5",
    tool_checked="#DCE7FD",
    highlight=palette.SELECTION,
    highlighted_text="#FFFFFF",
    placeholder="#5F6773",
    link="#1D4ED8",
    warning="#B45309",
    icon_ink="#334155",
    kind_colors={
        LaneKind.TOUCHPOINTS: palette.SELECTION,
        LaneKind.NOTES: palette.MUTED_INK,
        LaneKind.EMOTION: "#E0A030",
        LaneKind.PAIN_POINTS: palette.PAIN,
        LaneKind.OPPORTUNITIES: palette.OPPORTUNITY,
    },
)

DARK = Theme(
    name="dark",
    dark=True,
    backdrop="#0F1216",
    paper="#1A1E24",
    ink="#E6E9EE",
    muted_ink="#AAB3BF",
    hint_ink="#6E7785",
    grid="#313741",
    frame="#464E5A",
    lane_header="#21262D",
    lane_header_hover="#2A3038",
    lane_tints={
        LaneKind.TOUCHPOINTS: "#1A1E24",
        LaneKind.NOTES: "#1D2127",
        LaneKind.EMOTION: "#1C1F28",
        LaneKind.PAIN_POINTS: "#241C20",
        LaneKind.OPPORTUNITIES: "#1A231F",
    },
    card="#262B33",
    card_border="#3E4652",
    placeholder_bar="#4A525E",
    selection="#5B8DEF",
    hover="#5577B8",
    connection="#8894A6",
    handle="#4F7FE6",
    handle_ring="#1A1E24",
    pain="#F07272",
    opportunity="#3CC68C",
    vote="#F2B52A",
    vote_ink="#F5C451",
    emotion_line="#C3CBD6",
    emotion_zero="#3C434E",
    emotion_guide="#2C323B",
    face_empty="#5A626E",
    ring="#262B33",
    stage_tint=0.84,
    stage_tint_hover=0.78,
    phase_towards="#FFFFFF",
    category_lift=0.18,
    no_category="#8592A5",
    overview_card_tint=0.35,
    editor_selection="#35518C",
    window="#1E2228",
    base="#171A1F",
    alternate_base="#1F232A",
    button="#2A2F37",
    chrome="#242930",
    chrome_border="#343A44",
    field_border="#767F8D",  # a control's outline: 3:1 on every widget ground (WCAG 1.4.11)
    tool_hover="#323943",
    tool_checked="#2B3D63",
    highlight="#3B6BD9",
    highlighted_text="#FFFFFF",
    placeholder="#949DAA",
    link="#8AB4FF",
    warning="#F0A43C",
    icon_ink="#CBD3DE",
    kind_colors={
        LaneKind.TOUCHPOINTS: "#5B8DEF",
        LaneKind.NOTES: "#8C95A3",
        LaneKind.EMOTION: "#E6A93A",
        LaneKind.PAIN_POINTS: "#F07272",
        LaneKind.OPPORTUNITIES: "#3CC68C",
    },
)

THEMES = {LIGHT.name: LIGHT, DARK.name: DARK}
_current: list[Theme] = [LIGHT]


def theme() -> Theme:
    """The theme the canvas paints with now."""
    return _current[0]


def set_theme(new: Theme) -> bool:
    """Make `new` current; True when that changed anything (callers then repaint)."""
    if _current[0] is new:
        return False
    _current[0] = new
    return True


@contextmanager
def using(temporary: Theme) -> Iterator[Theme]:
    """Paint with `temporary` inside the block (an export in print colours)."""
    before = _current[0]
    _current[0] = temporary
    try:
        yield temporary
    finally:
        _current[0] = before


def is_dark_color(hex_color: str) -> bool:
    """True for a colour a dark theme would use as its ground (relative luminance < 0.2)."""
    return relative_luminance(hex_color) < 0.2


def relative_luminance(hex_color: str) -> float:
    """WCAG 2.x relative luminance of `#RRGGBB`."""

    def channel(c: float) -> float:
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(c) for c in palette.rgb(hex_color))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast_ratio(foreground: str, background: str) -> float:
    """WCAG contrast ratio of two `#RRGGBB` colours (1 … 21)."""
    a, b = relative_luminance(foreground), relative_luminance(background)
    high, low = max(a, b), min(a, b)
    return (high + 0.05) / (low + 0.05)
