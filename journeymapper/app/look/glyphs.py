"""Qt drawing of the shared vector icon set (`journeymapper.look.icons`).

The canvas draws icons as filled `QPainterPath`s scaled from the 24 × 24 grid, built
once per icon and size: a stroke becomes an outline with `QPainterPathStroker`, so a
card paints an icon with two `fillPath` calls and no per-paint geometry work. Widgets
get `QIcon`s drawn from the same paths, so the palette and the canvas match.

A widget icon is a vector `QIconEngine`: it draws the pixmap a widget asks for at that
widget's size and device pixel ratio (sharp at 150 % and 200 %; the pixmaps are cached
by name, size, colour and ratio), and an icon whose colour is a theme role (`INK`,
`MUTED`) takes the current theme's colour when drawn, so light ↔ dark needs no
re-made icons.
"""

from __future__ import annotations

from functools import cache

from PySide6.QtCore import QPointF, QRect, QRectF, QSize, Qt
from PySide6.QtGui import (
    QColor,
    QIcon,
    QIconEngine,
    QPainter,
    QPainterPath,
    QPainterPathStroker,
    QPixmap,
    QTransform,
)

from journeymapper.app.look.colors import theme
from journeymapper.look import icons
from journeymapper.look.icons import GRID, ICONS, STROKE_WIDTH, Circle, Path, Shape

# Theme roles an icon's colour can be, resolved when the icon is drawn.
INK = "@ink"
MUTED = "@muted"

# A few editor-only glyphs in the same style, for toolbar actions the shared set lacks.
EXTRA: dict[str, tuple[Shape, ...]] = {
    "undo": (
        Path("M9 14 L4 9 L9 4"),
        Path("M4 9 H15 C18 9 20.5 11.5 20.5 14.5 C20.5 17.5 18 20 15 20 H11"),
    ),
    "redo": (
        Path("M15 14 L20 9 L15 4"),
        Path("M20 9 H9 C6 9 3.5 11.5 3.5 14.5 C3.5 17.5 6 20 9 20 H13"),
    ),
    "fit": (Path("M3 8 V3 H8 M16 3 H21 V8 M21 16 V21 H16 M8 21 H3 V16"), Circle(12, 12, 3.5)),
    "plus": (Path("M12 5 V19 M5 12 H19"),),
    "flow": (
        Circle(5, 12, 2.5),
        Circle(19, 12, 2.5),
        Path("M7.5 12 H16.5"),
        Path("M13.5 9 L16.5 12 L13.5 15"),
    ),
    "stage": (Path("M3 4 H21 V20 H3 Z"), Path("M9 4 V20 M15 4 V20")),
    "file": (
        Path(
            "M6 2.5 H14 L19 7.5 V20 C19 20.8 18.3 21.5 17.5 21.5 H6 "
            "C5.2 21.5 4.5 20.8 4.5 20 V4 C4.5 3.2 5.2 2.5 6 2.5 Z"
        ),
        Path("M14 2.5 V7.5 H19"),
    ),
    "folder": (
        Path(
            "M3 6 C3 5 4 4 5 4 H9 L11 6.5 H19 C20 6.5 21 7.5 21 8.5 V18 "
            "C21 19 20 20 19 20 H5 C4 20 3 19 3 18 Z"
        ),
    ),
    "save": (
        Path("M5 3 H16 L21 8 V19 C21 20 20 21 19 21 H5 C4 21 3 20 3 19 V5 C3 4 4 3 5 3 Z"),
        Path("M7 3 V8 H15 V3"),
        Path("M7 21 V14 H17 V21"),
    ),
}


def _shape_path(shape: Shape) -> QPainterPath:
    path = QPainterPath()
    for segment in icons.outline(shape):
        op, *args = segment
        if op == "M":
            path.moveTo(args[0], args[1])
        elif op == "L":
            path.lineTo(args[0], args[1])
        elif op == "C":
            path.cubicTo(*args)
        elif op == "Z":
            path.closeSubpath()
    return path


@cache
def icon_ink(name: str, size: float) -> tuple[QPainterPath, QPainterPath]:
    """(stroke outline, filled shapes) of icon `name` in a `size` × `size` box at (0, 0)."""
    shapes = ICONS.get(name) or EXTRA.get(name) or ICONS["dot"]
    scale = size / GRID
    lines, fills = QPainterPath(), QPainterPath()
    for shape in shapes:
        path = _shape_path(shape)
        lines.addPath(path)
        if shape.fill:
            fills.addPath(path)
    stroker = QPainterPathStroker()
    stroker.setWidth(STROKE_WIDTH)
    stroker.setCapStyle(Qt.PenCapStyle.RoundCap)
    stroker.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
    outline = stroker.createStroke(lines)
    outline.setFillRule(Qt.FillRule.WindingFill)
    fills.setFillRule(Qt.FillRule.WindingFill)
    return _scaled(outline, scale), _scaled(fills, scale)


def _scaled(path: QPainterPath, scale: float) -> QPainterPath:
    result = QTransform.fromScale(scale, scale).map(path)
    result.setFillRule(Qt.FillRule.WindingFill)
    return result


def paint_icon(painter: QPainter, name: str, rect: QRectF, color: QColor) -> None:
    """Draw icon `name` filling `rect` (square) in `color`."""
    outline, fills = icon_ink(name, rect.width())
    painter.save()
    painter.translate(rect.topLeft())
    painter.setPen(Qt.PenStyle.NoPen)
    painter.fillPath(outline, color)
    if not fills.isEmpty():
        painter.fillPath(fills, color)
    painter.restore()


@cache
def icon_pixmap(name: str, size: int, color: str, ratio: float = 1.0) -> QPixmap:
    """A `size`-pixel pixmap of icon `name` with a small margin, for widgets."""
    pixmap = QPixmap(QSize(round(size * ratio), round(size * ratio)))
    pixmap.setDevicePixelRatio(ratio)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    margin = size / 12
    paint_icon(
        painter, name, QRectF(margin, margin, size - 2 * margin, size - 2 * margin), QColor(color)
    )
    painter.end()
    return pixmap


def resolve(color: str, mode: QIcon.Mode = QIcon.Mode.Normal) -> str:
    """`color`, or the current theme's colour for a role; faded for a disabled icon."""
    t = theme()
    ink = {INK: t.icon_ink, MUTED: t.muted_ink}.get(color, color)
    return t.hint_ink if mode == QIcon.Mode.Disabled else ink


class GlyphEngine(QIconEngine):
    """Draws icon `name` at whatever size and device pixel ratio a widget asks for."""

    def __init__(self, name: str, color: str) -> None:
        super().__init__()
        self.name, self.color = name, color

    def paint(self, painter: QPainter, rect: QRect, mode: QIcon.Mode, state: QIcon.State) -> None:
        side = min(rect.width(), rect.height())
        margin = side / 12
        box = QRectF(rect.x() + margin, rect.y() + margin, side - 2 * margin, side - 2 * margin)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        paint_icon(painter, self.name, box, QColor(resolve(self.color, mode)))
        painter.restore()

    def pixmap(self, size: QSize, mode: QIcon.Mode, state: QIcon.State) -> QPixmap:
        return self.scaledPixmap(size, mode, state, 1.0)

    def scaledPixmap(
        self, size: QSize, mode: QIcon.Mode, state: QIcon.State, scale: float
    ) -> QPixmap:
        side = max(1, min(size.width(), size.height()))
        return icon_pixmap(self.name, side, resolve(self.color, mode), max(1.0, scale))

    def clone(self) -> QIconEngine:
        return GlyphEngine(self.name, self.color)

    def key(self) -> str:
        return "journeymapper-glyph"


@cache
def icon(name: str, color: str = INK) -> QIcon:
    """A vector `QIcon` of `name` in `color` (a `#RRGGBB` or a theme role: INK, MUTED)."""
    return QIcon(GlyphEngine(name, color))


def dot_pixmap(color: str, size: int = 12) -> QPixmap:
    """A round colour swatch (personas, stage colours) for lists and buttons."""
    pixmap = QPixmap(size * 2, size * 2)
    pixmap.setDevicePixelRatio(2.0)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(QColor(color).darker(120))
    painter.setBrush(QColor(color))
    painter.drawEllipse(QPointF(size / 2, size / 2), size / 2 - 1, size / 2 - 1)
    painter.end()
    return pixmap
