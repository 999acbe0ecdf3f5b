"""The emotion lane: guide lines for the scale, faces along its axis, and one monotone
curve through the cards' emotions (and one per persona, in the persona's colour, named
at its end) — the numbers of `journeymapper.layout.emotion`, which the poster draws too.

Choosing a persona in the personas dock makes its line bold and fades the others.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPainterPath
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem, QWidget

from journeymapper.app.canvas.items.face import paint_face
from journeymapper.app.canvas.style import CanvasStyle, color, draw_line, pen, theme
from journeymapper.layout.emotion import SCALE_FACE, SERIES_FONT, scale_levels, series_labels
from journeymapper.layout.geometry import LANE_HEADER_W, EmotionPlot, EmotionSeries, Rect, emotion_y
from journeymapper.model.schema import LaneKind

EMOTION_Z = 7.0
FACE = SCALE_FACE


def _curve(series: EmotionSeries) -> QPainterPath:
    path = QPainterPath(QPointF(*series.points[0]))
    for c1, c2, end in series.segments:
        path.cubicTo(QPointF(*c1), QPointF(*c2), QPointF(*end))
    return path


class EmotionLaneItem(QGraphicsItem):
    def __init__(self, lane_id: str, style: CanvasStyle) -> None:
        super().__init__()
        self.lane_id = lane_id
        self.style = style
        self.names: dict[str, str] = {}  # persona id → name, for the line ends
        self.row = Rect(0, 0, 0, 0)
        self.plot: EmotionPlot | None = None
        self.setZValue(EMOTION_Z)
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)

    def update_from(self, row: Rect, plot: EmotionPlot, names: dict[str, str]) -> None:
        if row != self.row:
            self.prepareGeometryChange()
        self.row, self.plot, self.names = row, plot, names
        self.update()

    def boundingRect(self) -> QRectF:
        r = self.row
        return QRectF(r.x, r.y, r.w, r.h)

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        if self.plot is None:
            return
        lod = QStyleOptionGraphicsItem.levelOfDetailFromTransform(painter.worldTransform())
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        self._paint_guides(painter, lod, self.plot.plot)
        highlighted = self.style.highlighted_persona
        for series in self.plot.series[1:]:
            if series.points:
                strong = series.persona == highlighted
                ink = self.style.persona_colors.get(series.persona or "", theme().muted_ink)
                painter.setOpacity(1.0 if strong else 0.55 if highlighted is None else 0.25)
                self._paint_series(painter, series, ink, 3.2 if strong else 1.6, dots=strong)
        main = self.plot.series[0]
        if main.points:
            painter.setOpacity(0.35 if highlighted else 1.0)
            self._paint_series(painter, main, theme().emotion_line, 2.6, dots=True)
        self._paint_names(painter, self.plot, highlighted)
        painter.setOpacity(1.0)

    def _paint_names(self, painter: QPainter, plot: EmotionPlot, highlighted: str | None) -> None:
        """Each persona's name at the end of its line, in its colour, on the lane's tint."""
        t = theme()
        tint = color(t.lane_tints[LaneKind.EMOTION])
        for label in series_labels(plot, self.names):
            strong = highlighted is None or label.persona == highlighted
            painter.setOpacity(1.0 if strong else 0.35)
            top = label.baseline - SERIES_FONT * 0.95
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(tint)
            box = QRectF(label.x - 2, top, label.width + 4, SERIES_FONT * 1.3)
            painter.drawRoundedRect(box, 2.0, 2.0)
            painter.setPen(color(self.style.persona_colors.get(label.persona, t.muted_ink)))
            draw_line(painter, label.x, label.baseline, label.text, SERIES_FONT, bold=True)

    def _paint_guides(self, painter: QPainter, lod: float, plot: Rect) -> None:
        scale = self.style.scale
        steps = range(scale.minimum, scale.maximum + 1)
        shown = set(scale_levels(scale, plot.h))
        t = theme()
        for value in steps:
            y = emotion_y(plot, value, scale)
            style = Qt.PenStyle.SolidLine if value == 0 else Qt.PenStyle.DashLine
            painter.setPen(pen(t.emotion_zero if value == 0 else t.emotion_guide, 1.0, style))
            painter.drawLine(QPointF(plot.x, y), QPointF(plot.right, y))
            if value in shown and lod * FACE >= 5:
                face = QRectF(LANE_HEADER_W - FACE - 8, y - FACE / 2, FACE, FACE)
                paint_face(painter, face, value, scale)

    def _paint_series(
        self, painter: QPainter, series: EmotionSeries, ink: str, width: float, dots: bool
    ) -> None:
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.setPen(pen(ink, width))
        if len(series.points) > 1:
            painter.drawPath(_curve(series))
        if not dots:
            return
        painter.setPen(pen(theme().ring, 1.5))
        for (x, y), value in zip(series.points, series.values, strict=True):
            painter.setBrush(QColor(self.style.emotion_color(round(value))))
            painter.drawEllipse(QPointF(x, y), 4.5, 4.5)
        painter.setBrush(color(theme().paper))
