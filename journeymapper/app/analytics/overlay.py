"""The *Analytics* overlay on the canvas: two items drawn from the shared geometry.

`layout/analytics_overlay.py` says where everything goes; the poster draws the same.
Arrows sit just under the cards (a step between two cards passes beneath the cards in
between, as on the poster); labels, reach badges, stage-header drop-off and the legend
sit above everything but the handles. Paths are built once per layout, so a repaint
(a scroll, a zoom) only strokes them.
"""

from __future__ import annotations

from functools import cache

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QPainter, QPainterPath, QPen, QPixmapCache, QPolygonF
from PySide6.QtWidgets import QGraphicsItem, QGraphicsScene, QStyleOptionGraphicsItem, QWidget

from journeymapper.app.canvas.style import color, draw_line, pen
from journeymapper.layout.analytics_overlay import (
    BADGE,
    BADGE_FONT,
    BADGE_TEXT,
    DESIGNED,
    LABEL_FONT,
    LEGEND_FONT,
    MAX_WIDTH,
    NOTE_INK,
    UNDESIGNED,
    Overlay,
    overlay,
    shown_figures,
)
from journeymapper.layout.geometry import MapLayout
from journeymapper.layout.text import text_width
from journeymapper.look.palette import GRID, INK, PAPER
from journeymapper.model.document import Journey
from journeymapper.model.log_figures import LogFigures

ARROWS_Z = 1.5  # over the connections (0.9–1), under the cards (2)
FIGURES_Z = 8.0  # over cards, headers (6) and the emotion curve (7); under handles (20)
PIXMAP_CACHE_KB = 96 * 1024
MIN_TEXT_PX = 4.0  # labels smaller than this on screen are not drawn (the map is zoomed out)


class FlowArrowsItem(QGraphicsItem):
    """The volume arrows: solid along designed connections, dashed where not designed.

    Arrows are batched by kind and by width rounded to a quarter point (invisible), so
    a repaint of a thousand arrows is a few dozen path strokes, not two thousand."""

    def __init__(self) -> None:
        super().__init__()
        self.setZValue(ARROWS_Z)
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        # paint() is told the exposed part: only the arrows there are stroked; and, like
        # the connection layer, the picture is cached per view, so a frame that changes
        # nothing of the overlay (a hover, a scroll) strokes nothing again
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemUsesExtendedStyleOption)
        self.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
        self._batches: list[tuple[bool, float, QPainterPath, QPainterPath]] = []
        self._single: list[tuple[QRectF, QPainterPath, QPolygonF, float, bool]] = []
        self._count = 0
        self._bounds = QRectF()

    def set_overlay(self, drawn: Overlay | None) -> None:
        self.prepareGeometryChange()
        batches: dict[tuple[bool, float], tuple[QPainterPath, QPainterPath]] = {}
        arrows = drawn.arrows if drawn else ()
        self._single = []
        for arrow in arrows:
            key = (arrow.designed, round(arrow.width * 4) / 4)
            lines, heads = batches.setdefault(key, (QPainterPath(), QPainterPath()))
            _, left, right = arrow.head
            line = QPainterPath(QPointF(*arrow.points[0]))
            for x, y in arrow.points[1:-1]:
                line.lineTo(x, y)
            line.lineTo((left[0] + right[0]) / 2, (left[1] + right[1]) / 2)
            head = QPolygonF([QPointF(x, y) for x, y in arrow.head])
            lines.addPath(line)
            heads.addPolygon(head)
            heads.closeSubpath()
            box = line.boundingRect().united(head.boundingRect()).adjusted(-6, -6, 6, 6)
            self._single.append((box, line, head, arrow.width, arrow.designed))
        self._batches = [(d, w, lines, heads) for (d, w), (lines, heads) in batches.items()]
        self._batches.sort(key=lambda b: -b[1])  # the widest first, so thin ones stay visible
        self._count = len(arrows)
        bounds = QRectF()
        for _, _, lines, heads in self._batches:
            bounds = bounds.united(lines.boundingRect()).united(heads.boundingRect())
        self._bounds = bounds.adjusted(-12, -12, 12, 12)
        self.update()

    @property
    def arrow_count(self) -> int:
        return self._count

    def boundingRect(self) -> QRectF:
        return self._bounds

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        lod = QStyleOptionGraphicsItem.levelOfDetailFromTransform(painter.worldTransform())
        dashes = lod * MAX_WIDTH >= MIN_TEXT_PX  # dashes a pixel long cost and do not show
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, dashes)
        if dashes:  # zoomed in: only the arrows in view, each with its own pen
            self._paint_visible(painter, visible_rect(painter, option))
            return
        for designed, width, lines, heads in self._batches:
            ink = DESIGNED if designed else UNDESIGNED
            style = Qt.PenStyle.SolidLine if designed or not dashes else Qt.PenStyle.DashLine
            painter.setPen(pen(ink, width, style) if dashes else _thin_pen(ink, width * lod))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawPath(lines)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(color(ink))
            painter.drawPath(heads)

    def _paint_visible(self, painter: QPainter, exposed: QRectF) -> None:
        for box, line, head, width, designed in self._single:
            if not exposed.intersects(box):
                continue
            ink = DESIGNED if designed else UNDESIGNED
            style = Qt.PenStyle.SolidLine if designed else Qt.PenStyle.DashLine
            painter.setPen(_arrow_pen(ink, width, style))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawPath(line)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(color(ink))
            painter.drawPolygon(head)


@cache
def _arrow_pen(ink: str, width: float, style: Qt.PenStyle) -> QPen:
    """Flat caps and bevel joins: the arrowhead covers the end, the sampled curve bends
    gently, and Qt strokes these several times faster than round ones."""
    result = QPen(color(ink), width, style)
    result.setCapStyle(Qt.PenCapStyle.FlatCap)
    result.setJoinStyle(Qt.PenJoinStyle.BevelJoin)
    return result


def visible_rect(painter: QPainter, option: QStyleOptionGraphicsItem) -> QRectF:
    """What of the item can show: the exposed part, cut to the painter's device (a
    view's viewport, or an image `QGraphicsScene.render` draws into)."""
    exposed: QRectF = option.exposedRect  # type: ignore[attr-defined]  # a C++ field PySide6's stubs omit
    device = painter.device()
    inverse, ok = painter.worldTransform().inverted()
    if device is None or not ok:
        return exposed
    return exposed.intersected(inverse.mapRect(QRectF(0, 0, device.width(), device.height())))


@cache
def _pen_px(ink: str, pixels: float) -> QPen:
    result = QPen(color(ink), pixels)
    result.setCosmetic(True)
    return result


def _thin_pen(ink: str, pixels: float) -> QPen:
    """Zoomed far out: the same width in device pixels, stroked in device space (a cosmetic
    pen), which Qt draws several times faster than a scaled wide pen."""
    return _pen_px(ink, max(1.0, round(pixels * 2) / 2))


class FiguresItem(QGraphicsItem):
    """Arrow labels, reach badges, stage-header figures and the legend."""

    def __init__(self) -> None:
        super().__init__()
        self.setZValue(FIGURES_Z)
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemUsesExtendedStyleOption)
        self.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
        self.drawn: Overlay | None = None
        self._bounds = QRectF()
        self._badge_shapes = QPainterPath()

    def set_overlay(self, drawn: Overlay | None, layout: MapLayout | None) -> None:
        self.prepareGeometryChange()
        self.drawn = drawn
        self._badge_shapes = QPainterPath()
        for badge in drawn.badges if drawn else ():
            r = badge.rect
            self._badge_shapes.addRoundedRect(QRectF(r.x, r.y, r.w, r.h), r.h / 2, r.h / 2)
        self._bounds = (
            QRectF(-20, -20, layout.width + 40, layout.height + 40)
            if drawn is not None and layout is not None
            else QRectF()
        )
        self.update()

    def boundingRect(self) -> QRectF:
        return self._bounds

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        drawn = self.drawn
        if drawn is None:
            return
        exposed = visible_rect(painter, option)
        lod = QStyleOptionGraphicsItem.levelOfDetailFromTransform(painter.worldTransform())
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, lod * LABEL_FONT >= MIN_TEXT_PX)
        if lod * LABEL_FONT < MIN_TEXT_PX:  # text too small to read: the badges' shapes only
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(color(BADGE))
            painter.drawPath(self._badge_shapes)
            return
        for arrow in drawn.arrows:
            if arrow.label and exposed.contains(QPointF(*arrow.label_at)):
                _pill(
                    painter, arrow.label_at, arrow.label, DESIGNED if arrow.designed else UNDESIGNED
                )
        painter.setPen(Qt.PenStyle.NoPen)
        for badge in drawn.badges:
            r = badge.rect
            rect = QRectF(r.x, r.y, r.w, r.h)
            if not exposed.intersects(rect):
                continue
            painter.setBrush(color(BADGE))
            painter.drawRoundedRect(rect, r.h / 2, r.h / 2)
            painter.setPen(color(BADGE_TEXT))
            width = text_width(badge.text, BADGE_FONT, True)
            draw_line(
                painter, r.x + (r.w - width) / 2, r.y + r.h / 2 + 2.7, badge.text, BADGE_FONT, True
            )
            painter.setPen(Qt.PenStyle.NoPen)
        painter.setPen(color(NOTE_INK))
        for note in drawn.notes:
            draw_line(painter, note.x, note.baseline, note.text, LABEL_FONT)
        _legend(painter, drawn)


def _pill(painter: QPainter, at: tuple[float, float], text: str, ink: str) -> None:
    x, y = at
    width = text_width(text, LABEL_FONT) + 8
    painter.setPen(pen(ink, 0.6))
    painter.setBrush(color(PAPER))
    painter.drawRoundedRect(QRectF(x - width / 2, y - 6, width, 12), 6, 6)
    painter.setPen(color(INK))
    draw_line(painter, x - width / 2 + 4, y + 2.7, text, LABEL_FONT)


def _legend(painter: QPainter, drawn: Overlay) -> None:
    box = drawn.legend_box
    painter.setPen(pen(GRID, 0.6))
    painter.setBrush(color(PAPER))
    painter.drawRoundedRect(QRectF(box.x, box.y, box.w, box.h), 4, 4)
    step = (box.h - 6) / 4
    for i, line in enumerate(drawn.legend):
        y = box.y + 3 + step * (i + 0.75)
        x = box.x + 6
        if i >= 2:
            style = Qt.PenStyle.SolidLine if i == 2 else Qt.PenStyle.DashLine
            painter.setPen(pen(DESIGNED if i == 2 else UNDESIGNED, 2.0, style))
            painter.drawLine(QPointF(x, y - 2.5), QPointF(x + 16, y - 2.5))
            x += 20
        painter.setPen(color(INK))
        draw_line(painter, x, y, line, LEGEND_FONT, i == 0)


class AnalyticsOverlay:
    """The overlay's two items in `scene`, redrawn by `refresh` from the journey's stored
    figures (when shown) or from figures set with `show_figures` (a log just read)."""

    def __init__(self, scene: QGraphicsScene, journey: Journey) -> None:
        # Each cached item keeps a viewport-sized pixmap per view (8 MB at 1920 × 1080,
        # four times that on a 2× screen); Qt's default 10 MB cache evicts them every
        # frame, and a frame that changes nothing then strokes every arrow again.
        QPixmapCache.setCacheLimit(max(QPixmapCache.cacheLimit(), PIXMAP_CACHE_KB))
        self.journey = journey
        self.arrows = FlowArrowsItem()
        self.figures_item = FiguresItem()
        scene.addItem(self.arrows)
        scene.addItem(self.figures_item)
        self._override: LogFigures | None = None
        self.drawn: Overlay | None = None

    def set_journey(self, journey: Journey) -> None:
        """After File ▸ Open or New: follow the new journey."""
        self.journey = journey
        self._override = None

    def show_figures(self, figures: LogFigures | None) -> None:
        """Draw these figures instead of the stored ones (None: the stored ones again)."""
        self._override = figures

    @property
    def figures(self) -> LogFigures | None:
        return self._override if self._override is not None else shown_figures(self.journey)

    def refresh(self, layout: MapLayout) -> None:
        """Recompute the geometry for `layout` (after a layout change or an edit)."""
        figures = self.figures
        self.drawn = None if figures is None else overlay(self.journey, layout, figures)
        self.arrows.set_overlay(self.drawn)
        self.figures_item.set_overlay(self.drawn, layout)
        visible = self.drawn is not None
        self.arrows.setVisible(visible)
        self.figures_item.setVisible(visible)
