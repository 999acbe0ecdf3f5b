"""One stage's cell of a pain-point or opportunity lane: what that stage's cards carry.

The text is the cards' own (edited in the properties dock); the tooltip names the
cards each item comes from.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem, QWidget

from journeymapper.app.canvas.style import color, draw_line, theme
from journeymapper.layout.geometry import (
    BULLET_INDENT,
    CELL_PAD,
    TEXT_FONT,
    ListItem,
    Rect,
    baselines,
)
from journeymapper.model.schema import LaneKind

CELL_Z = -5.0


class ListCellItem(QGraphicsItem):
    def __init__(self, lane_id: str, stage_id: str, kind: LaneKind) -> None:
        super().__init__()
        self.lane_id, self.stage_id, self.kind = lane_id, stage_id, kind
        self.rect = Rect(0, 0, 0, 0)
        self.items: tuple[ListItem, ...] = ()
        self.setZValue(CELL_Z)
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)

    def update_from(self, rect: Rect, items: tuple[ListItem, ...], names: dict[str, str]) -> None:
        if rect == self.rect and items == self.items:
            return
        if rect != self.rect:
            self.prepareGeometryChange()
        self.rect, self.items = rect, items
        tips = [
            f"• {item.text}  — from {', '.join(names.get(i, i) for i in item.touchpoints[:4])}"
            + ("…" if len(item.touchpoints) > 4 else "")
            for item in items
        ]
        self.setToolTip("\n".join(tips))
        self.update()

    def boundingRect(self) -> QRectF:
        r = self.rect
        return QRectF(r.x, r.y, r.w, r.h)

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        lod = QStyleOptionGraphicsItem.levelOfDetailFromTransform(painter.worldTransform())
        if lod * TEXT_FONT < 3.5:
            return
        t = theme()
        bullet = color(t.pain if self.kind is LaneKind.PAIN_POINTS else t.opportunity)
        x = self.rect.x + CELL_PAD
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        for item in self.items:
            lines = baselines(item.top, len(item.lines), TEXT_FONT)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(bullet)
            painter.drawEllipse(QPointF(x + 3, lines[0] - TEXT_FONT * 0.33), 2.6, 2.6)
            painter.setPen(color(t.ink))
            for line, baseline in zip(item.lines, lines, strict=True):
                draw_line(painter, x + BULLET_INDENT, baseline, line, TEXT_FONT)
