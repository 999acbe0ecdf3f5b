"""A stage's header: a band in the stage's colour with its name and phase.

Selecting it shows the stage's fields in the properties dock; dragging it sideways
reorders stages (the scene runs that interaction); double-click renames in place.
"""

from __future__ import annotations

from PySide6.QtCore import QRectF
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import (
    QGraphicsItem,
    QGraphicsSceneHoverEvent,
    QGraphicsSceneMouseEvent,
    QStyle,
    QStyleOptionGraphicsItem,
    QWidget,
)

from journeymapper.app.canvas.protocol import ItemHost
from journeymapper.app.canvas.style import DETAIL_LOD, color, draw_line, pen, theme
from journeymapper.layout.geometry import (
    CELL_PAD,
    PHASE_FONT,
    SMALL_FONT,
    STAGE_FONT,
    Rect,
    baselines,
)
from journeymapper.layout.text import line_height, text_width
from journeymapper.model.catalog import PHASE_LABELS
from journeymapper.model.schema import Stage

HEADER_Z = 6.0
BAR_H = 5.0
TITLE_TOP = CELL_PAD - 1


class StageHeaderItem(QGraphicsItem):
    def __init__(self, stage: Stage, host: ItemHost) -> None:
        super().__init__()
        self.host = host
        self.stage = stage
        self.rect = Rect(0, 0, 0, 0)
        self.titles: tuple[str, ...] = ()
        self.count = 0
        self.hovered = False
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsSelectable)
        self.setAcceptHoverEvents(True)
        self.setZValue(HEADER_Z)

    @property
    def stage_id(self) -> str:
        return self.stage.id

    def update_from(self, stage: Stage, rect: Rect, titles: tuple[str, ...], count: int) -> None:
        if rect != self.rect:
            self.prepareGeometryChange()
        self.stage, self.rect, self.titles, self.count = stage, rect, titles, count
        self.setToolTip(stage.description)
        self.update()

    def boundingRect(self) -> QRectF:
        r = self.rect
        return QRectF(r.x, r.y, r.w, r.h)

    def hoverEnterEvent(self, event: QGraphicsSceneHoverEvent) -> None:
        self.hovered = True
        self.update()
        super().hoverEnterEvent(event)

    def hoverLeaveEvent(self, event: QGraphicsSceneHoverEvent) -> None:
        self.hovered = False
        self.update()
        super().hoverLeaveEvent(event)

    def mousePressEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        super().mousePressEvent(event)
        if event.button() == event.button().LeftButton:
            self.host.begin_header_drag("stage", self.stage_id, event.scenePos())

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        r = self.boundingRect()
        base, t = self.stage.color, theme()
        painter.fillRect(r, color(t.stage_band(base, self.hovered)))
        painter.fillRect(QRectF(r.x(), r.y(), r.width(), BAR_H), color(base))
        painter.setPen(pen(t.grid, 1.0))
        painter.drawLine(r.bottomLeft(), r.bottomRight())
        if bool(option.state & QStyle.StateFlag.State_Selected):
            painter.setPen(pen(t.selection, 2.0))
            painter.drawRect(r.adjusted(1, 1, -1, -1))
        lod = QStyleOptionGraphicsItem.levelOfDetailFromTransform(painter.worldTransform())
        if lod < DETAIL_LOD:  # the same zoom at which cards stop showing their names
            return
        x = self.rect.x + CELL_PAD
        lines = baselines(self.rect.y + TITLE_TOP, len(self.titles), STAGE_FONT)
        painter.setPen(color(t.ink))
        for line, baseline in zip(self.titles, lines, strict=True):
            draw_line(painter, x, baseline, line, STAGE_FONT, bold=True)
        if lod < 0.5:  # small print: phase and count
            return
        top = self.rect.y + TITLE_TOP + len(self.titles) * line_height(STAGE_FONT)
        (baseline,) = baselines(top, 1, PHASE_FONT)
        phase = PHASE_LABELS.get(self.stage.phase, "") if self.stage.phase else ""
        if phase and phase.casefold() != self.stage.name.casefold():
            painter.setPen(color(t.phase_ink(base)))
            draw_line(painter, x, baseline, phase.upper(), PHASE_FONT, bold=True)
        count = f"{self.count} touchpoint{'s' if self.count != 1 else ''}"
        painter.setPen(color(t.muted_ink))
        right = self.rect.right - CELL_PAD - text_width(count, SMALL_FONT)
        draw_line(painter, right, baseline, count, SMALL_FONT)
