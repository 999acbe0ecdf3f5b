"""The emotion face drawn on cards and beside the emotion lane: a coloured disc whose
mouth bends from a frown (the scale's worst) to a smile (its best)."""

from __future__ import annotations

from functools import cache

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPen

from journeymapper.app.look.colors import theme
from journeymapper.look import palette
from journeymapper.model.schema import EmotionScale

_WHITE = QColor("#FFFFFF")


@cache
def _mouth(curve: float) -> QPainterPath:
    """A mouth on a unit face (0…1): `curve` in -1 (frown) … 1 (smile)."""
    path = QPainterPath(QPointF(0.30, 0.64 - 0.05 * curve))
    path.quadTo(QPointF(0.5, 0.64 + 0.18 * curve), QPointF(0.70, 0.64 - 0.05 * curve))
    return path


def paint_face(painter: QPainter, rect: QRectF, emotion: int | None, scale: EmotionScale) -> None:
    """A face in `rect` for `emotion`; an empty dashed ring when the emotion is unset."""
    painter.save()
    if emotion is None:
        ring = QPen(QColor(theme().face_empty), max(1.0, rect.width() / 14), Qt.PenStyle.DashLine)
        painter.setPen(ring)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawEllipse(rect.adjusted(1, 1, -1, -1))
        painter.restore()
        return
    fill = QColor(palette.emotion_color(emotion, scale))
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(fill)
    painter.drawEllipse(rect)
    size = rect.width()
    painter.translate(rect.topLeft())
    painter.scale(size, size)
    painter.setBrush(_WHITE)
    painter.drawEllipse(QPointF(0.35, 0.40), 0.07, 0.07)
    painter.drawEllipse(QPointF(0.65, 0.40), 0.07, 0.07)
    curve = palette.emotion_fraction(emotion, scale) * 2 - 1
    mouth = QPen(_WHITE, 0.09)
    mouth.setCapStyle(Qt.PenCapStyle.RoundCap)
    painter.setPen(mouth)
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.drawPath(_mouth(round(curve, 2)))
    painter.restore()
