"""Lane names pinned to the left edge of the view while presenting.

Zoomed in on a stage far from the lane headers, a room would not know which row is
"Thinking" and which "Pain points". This transparent layer over the viewport writes
each lane's name at its row's top-left corner whenever the lane headers are out of
view. It never takes the mouse.
"""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent
from PySide6.QtWidgets import QWidget

from journeymapper.app.canvas.view import JourneyView
from journeymapper.app.look.fonts import ui_font
from journeymapper.layout.geometry import LANE_HEADER_W

PX = 17


class LaneLabels(QWidget):
    def __init__(self, view: JourneyView) -> None:
        super().__init__(view)  # not the viewport: scrolling moves the viewport's children
        self.view = view
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        for bar in (view.horizontalScrollBar(), view.verticalScrollBar()):
            bar.valueChanged.connect(self.update)
        view.zoom_changed.connect(self.update)
        view.journey_scene.layout_changed.connect(self.update)
        self.hide()

    def show_over(self) -> None:
        self.setGeometry(self.view.viewport().geometry())
        self.show()
        self.raise_()

    def paintEvent(self, event: QPaintEvent) -> None:
        view = self.view
        if view.in_overview:
            return
        layout = view.journey_scene.layout
        if view.mapFromScene(LANE_HEADER_W, 0).x() > 0:
            return  # the lane headers are in view: they say it themselves
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        font = ui_font(bold=True)
        font.setPixelSize(PX)
        painter.setFont(font)
        metrics = painter.fontMetrics()
        names = {lane.id: lane.name for lane in view.journey_scene.journey.lanes}
        for lane_id, row in layout.lanes.items():
            top = view.mapFromScene(0, row.y).y()
            bottom = view.mapFromScene(0, row.bottom).y()
            if bottom < 0 or top > self.height():
                continue
            name = names.get(lane_id, "")
            if not name:
                continue
            text = metrics.elidedText(name, Qt.TextElideMode.ElideRight, 260)
            y = max(top, 0) + 6
            if y + metrics.height() > bottom:
                continue
            box = QRectF(6, y, metrics.horizontalAdvance(text) + 16, metrics.height() + 6)
            painter.setPen(QColor("#64748B"))
            painter.setBrush(QColor(11, 18, 32, 225))
            painter.drawRoundedRect(box, 6, 6)
            painter.setPen(QColor("#F8FAFC"))
            painter.drawText(box, Qt.AlignmentFlag.AlignCenter, text)
        painter.end()
