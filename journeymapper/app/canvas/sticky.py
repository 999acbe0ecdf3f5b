"""Stage and lane names pinned to the edges of the view while zoomed far out.

In the overview a stage header is a few pixels tall, so the names are drawn in screen
space instead: a pill per stage along the top edge, at the stage's column, and the
lane names along the left edge, each only where it fits.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFontMetricsF, QPainter
from PySide6.QtWidgets import QGraphicsView

from journeymapper.app.look.colors import theme
from journeymapper.app.look.fonts import ui_font
from journeymapper.layout.geometry import MapLayout
from journeymapper.model.document import Journey


def paint_sticky_labels(
    painter: QPainter, view: QGraphicsView, journey: Journey, layout: MapLayout
) -> None:
    painter.save()
    painter.resetTransform()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    font = ui_font(8.0)
    painter.setFont(font)
    metrics = QFontMetricsF(font)
    height = metrics.height() + 8
    top = max(6.0, view.mapFromScene(QPointF(0, 0)).y() - height - 6)
    for stage in journey.stages:
        column = layout.stages.get(stage.id)
        if column is None:
            continue
        left = view.mapFromScene(QPointF(column.x, 0)).x()
        right = view.mapFromScene(QPointF(column.right, 0)).x()
        room = right - left - 4
        if room < 24:
            continue
        chip = room >= metrics.horizontalAdvance(stage.name) + 26  # the dot only when it fits
        pad = 24 if chip else 10
        text = metrics.elidedText(stage.name, Qt.TextElideMode.ElideRight, room - pad)
        width = min(room, metrics.horizontalAdvance(text) + pad)
        pill = QRectF(left + 2, top, width, height)
        _pill(painter, pill, text, QColor(stage.color) if chip else None)
    painter.restore()


def _pill(painter: QPainter, rect: QRectF, text: str, chip: QColor | None) -> None:
    t = theme()
    fill = QColor(t.card)
    fill.setAlpha(235)
    painter.setPen(QColor(t.frame if t.dark else t.grid))
    painter.setBrush(fill)
    painter.drawRoundedRect(rect, rect.height() / 2, rect.height() / 2)
    left = 5.0
    if chip is not None:
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(chip)
        painter.drawEllipse(QPointF(rect.x() + 10, rect.center().y()), 4, 4)
        left = 18.0
    painter.setPen(QColor(t.ink))
    painter.drawText(rect.adjusted(left, 0, -4, 0), Qt.AlignmentFlag.AlignVCenter, text)
