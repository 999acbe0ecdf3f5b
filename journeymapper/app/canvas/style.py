"""Colours, pens and levels of detail shared by the canvas items.

The colours come from `journeymapper.app.look.colors.theme()` (light or dark; the light one
is the poster's palette); this module only turns them into Qt objects once, cached by
their `#RRGGBB` name, so a theme switch needs no cache flush here. The level-of-detail
thresholds say at which zoom an item stops drawing text and icons, and below which the
whole map is drawn by the overview item instead of item by item.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache, lru_cache

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFontMetricsF, QPainter, QPen, QStaticText, QTextOption

from journeymapper.app.look.colors import Theme as Theme  # re-exported for the items
from journeymapper.app.look.colors import theme as theme
from journeymapper.app.look.fonts import scene_font
from journeymapper.look import palette
from journeymapper.model.schema import EmotionScale

# Below DETAIL_LOD text would be under 3.5 px tall: cards show grey bars where it goes.
DETAIL_LOD = 0.32
# Below OVERVIEW_LOD the overview item draws the whole map in a handful of calls.
OVERVIEW_LOD = 0.2
# A card narrower on screen than this many pixels is a speck among specks: below it the
# overview draws one tile per stage × lane cell instead of the cards.
TILE_CARD_PX = 8.0

# More items than this in a frame and the arrows are drawn without antialiasing.
DENSE_ITEMS = 260


@cache
def color(hex_color: str) -> QColor:
    return QColor(hex_color)


@cache
def pen(hex_color: str, width: float = 1.0, style: Qt.PenStyle = Qt.PenStyle.SolidLine) -> QPen:
    result = QPen(QColor(hex_color), width, style)
    result.setCapStyle(Qt.PenCapStyle.RoundCap)
    result.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
    result.setCosmetic(False)
    return result


def device_ratio(painter: QPainter) -> float:
    """The device pixel ratio painted at (2.0 on a 2× screen; cache pixmaps carry it)."""
    device = painter.device()
    return max(1.0, device.devicePixelRatioF()) if device is not None else 1.0


def device_dpi(painter: QPainter) -> int:
    device = painter.device()
    return device.logicalDpiY() if device is not None else 96


@lru_cache(maxsize=30_000)
def static_text(text: str, size: float, bold: bool, dpi: int) -> QStaticText:
    """A prepared line of text; cached since the same lines are painted on every frame."""
    result = QStaticText(text)
    result.setTextFormat(Qt.TextFormat.PlainText)
    option = QTextOption()
    option.setWrapMode(QTextOption.WrapMode.NoWrap)
    result.setTextOption(option)
    result.setPerformanceHint(QStaticText.PerformanceHint.AggressiveCaching)
    result.prepare(font=scene_font(size, bold, dpi))
    return result


def draw_line(
    painter: QPainter, x: float, baseline: float, text: str, size: float, bold: bool = False
) -> None:
    """Draw one line of text with its baseline at `baseline`, as the layout placed it."""
    dpi = device_dpi(painter)
    painter.setFont(scene_font(size, bold, dpi))
    painter.drawStaticText(
        x, baseline - ascent(size, bold, dpi), static_text(text, size, bold, dpi)
    )


@cache
def ascent(size: float, bold: bool, dpi: int) -> float:
    return QFontMetricsF(scene_font(size, bold, dpi)).ascent()


@dataclass
class CanvasStyle:
    """What every card needs from the map to paint itself; the scene keeps it current."""

    scale: EmotionScale = field(default_factory=EmotionScale)
    persona_colors: dict[str, str] = field(default_factory=dict)
    highlighted_persona: str | None = None
    dense: bool = False  # so many items in view that arrows drop antialiasing

    def emotion_color(self, value: int) -> QColor:
        return color(palette.emotion_color(value, self.scale))


def backdrop() -> QColor:
    """What the view shows around the map, in the current theme."""
    return color(theme().backdrop)
