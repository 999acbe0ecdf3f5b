"""The poster dialog's live preview: the page (or the sheet grid) drawn cheaply.

The map is painted once from the layout into a small image — stage columns, lane rows,
cards in their category colours, the connections and emotion curve — and scaled onto
the page or the grid of sheets the plan describes. Nothing here runs reportlab.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QImage, QPainter, QPainterPath, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from journeymapper import palette
from journeymapper.io.poster.options import Mode
from journeymapper.io.poster.plan import Plan
from journeymapper.layout import LANE_HEADER_W, MapLayout
from journeymapper.model.document import Journey

THUMB = 1400  # the longest side of the map image, in pixels
BACKDROP = QColor("#E9EDF2")
SHEET_LINE = QColor(palette.SELECTION)


def map_image(layout: MapLayout, journey: Journey) -> QImage:
    """The map as a picture `THUMB` pixels on its longest side, for previews only."""
    k = THUMB / max(layout.width, layout.height, 1.0)
    size = QSize(max(1, round(layout.width * k)), max(1, round(layout.height * k)))
    image = QImage(size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(QColor(palette.PAPER))
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.scale(k, k)
    _paint_grid(painter, layout, journey)
    _paint_flow(painter, layout, journey)
    _paint_cards(painter, layout, journey)
    painter.end()
    return image


def _paint_grid(painter: QPainter, layout: MapLayout, journey: Journey) -> None:
    painter.setPen(Qt.PenStyle.NoPen)
    for stage in journey.stages:
        column = layout.stages[stage.id]
        painter.setBrush(QColor(palette.mix(stage.color, palette.PAPER, 0.94)))
        painter.drawRect(QRectF(column.x, layout.header_h, column.w, layout.height))
        painter.setBrush(QColor(palette.mix(stage.color, palette.PAPER, 0.8)))
        painter.drawRect(QRectF(column.x, 0, column.w, layout.header_h))
        painter.setBrush(QColor(stage.color))
        painter.drawRect(QRectF(column.x, 0, column.w, 5))
    painter.setBrush(QColor(palette.LANE_HEADER))
    painter.drawRect(QRectF(0, 0, LANE_HEADER_W, layout.height))
    painter.setPen(QPen(QColor(palette.GRID), 1.0))
    for row in layout.lanes.values():
        painter.drawLine(QPointF(0, row.y), QPointF(layout.width, row.y))


def _paint_flow(painter: QPainter, layout: MapLayout, journey: Journey) -> None:
    painter.setBrush(Qt.BrushStyle.NoBrush)
    if len(layout.connection_ends) <= 5_000:
        path = QPainterPath()
        for edge in layout.edges().values():
            path.moveTo(*edge.start)
            path.cubicTo(QPointF(*edge.c1), QPointF(*edge.c2), QPointF(*edge.end))
        painter.setPen(QPen(QColor(palette.CONNECTION), 1.5))
        painter.drawPath(path)
    painter.setPen(QPen(QColor(palette.INK), 2.5))
    for plot in layout.emotion.values():
        main = next((s for s in plot.series if s.persona is None), None)
        if main is None or len(main.points) < 2:
            continue
        curve = QPainterPath(QPointF(*main.points[0]))
        for c1, c2, end in main.segments:
            curve.cubicTo(QPointF(*c1), QPointF(*c2), QPointF(*end))
        painter.drawPath(curve)


def _paint_cards(painter: QPainter, layout: MapLayout, journey: Journey) -> None:
    painter.setPen(QPen(QColor(palette.CARD_BORDER), 1.0))
    for card_id, card in layout.cards.items():
        tp = journey.touchpoint(card_id)
        rect = QRectF(card.rect.x, card.rect.y, card.rect.w, card.rect.h)
        painter.setBrush(QColor(palette.CARD))
        painter.drawRoundedRect(rect, 6, 6)
        painter.fillRect(
            QRectF(rect.x(), rect.y(), 5, rect.height()),
            QColor(palette.category_color(tp.category)),
        )
        painter.fillRect(QRectF(rect.x() + 9, rect.y() + 32, rect.width() * 0.7, 8),
                         QColor(palette.MUTED_INK))  # fmt: skip


class PosterPreview(QWidget):
    """Shows a `Plan`: the fitted page, or the poster with its sheets outlined."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setMinimumSize(360, 260)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.plan: Plan | None = None
        self.image: QImage | None = None
        self.title = ""

    def show_plan(self, plan: Plan | None, image: QImage | None, title: str) -> None:
        self.plan, self.image, self.title = plan, image, title
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        painter.fillRect(self.rect(), BACKDROP)
        if self.plan is not None:
            if self.plan.mode is Mode.TILE:
                self._paint_tiles(painter, self.plan)
            else:
                self._paint_page(painter, self.plan)
        painter.end()

    def _fit(self, width: float, height: float) -> tuple[float, float, float]:
        margin = 14.0
        k = min((self.width() - 2 * margin) / width, (self.height() - 2 * margin) / height)
        return k, (self.width() - width * k) / 2, (self.height() - height * k) / 2

    def _paint_page(self, painter: QPainter, plan: Plan) -> None:
        k, x0, y0 = self._fit(plan.page_width, plan.page_height)
        page = QRectF(x0, y0, plan.page_width * k, plan.page_height * k)
        painter.fillRect(page.translated(3, 3), QColor(0, 0, 0, 40))
        painter.fillRect(page, QColor(palette.PAPER))
        s = plan.scale * k
        self._paint_poster(painter, plan, x0 + plan.origin[0] * k, y0 + plan.origin[1] * k, s)

    def _paint_poster(self, painter: QPainter, plan: Plan, x: float, y: float, s: float) -> None:
        """The composition with its top-left at (x, y): title bars, the map, legend bars."""
        comp = plan.composition
        ink = QColor(palette.INK)
        title_h = max(2.0, 34 * comp.f * s * 0.8)
        title_w = min(comp.width * 0.6, 19 * len(self.title) * comp.f)
        painter.fillRect(QRectF(x, y, title_w * s, title_h), ink)
        meta = QColor(palette.MUTED_INK)
        painter.fillRect(QRectF(x, y + title_h * 1.6, comp.width * 0.35 * s, title_h * 0.35), meta)
        if self.image is not None:
            target = QRectF(x, y + comp.map_y * s, comp.map_width * s, comp.map_height * s)
            painter.drawImage(target, self.image)
        if comp.legend_y is not None:
            top = y + comp.legend_y * s
            bar = max(1.5, 9 * comp.f * s)
            for i in range(6):
                painter.fillRect(QRectF(x + i * 150 * comp.f * s, top, 90 * comp.f * s, bar), meta)
                for row in range(3):
                    painter.fillRect(
                        QRectF(x + i * 150 * comp.f * s, top + (row + 1.6) * 17 * comp.f * s,
                               70 * comp.f * s, bar * 0.8),
                        QColor(palette.GRID),
                    )  # fmt: skip

    def _paint_tiles(self, painter: QPainter, plan: Plan) -> None:
        step_x, step_y = plan.step
        area_w, area_h = plan.area
        total_w = (plan.columns - 1) * step_x + area_w
        total_h = (plan.rows - 1) * step_y + area_h
        k, x0, y0 = self._fit(total_w, total_h)
        painter.fillRect(QRectF(x0, y0, total_w * k, total_h * k), QColor(palette.PAPER))
        self._paint_poster(painter, plan, x0, y0, plan.scale * k)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.setPen(QPen(SHEET_LINE, 1.0))
        for sheet in plan.sheets:
            painter.drawRect(QRectF(x0 + sheet.x * k, y0 + sheet.y * k, area_w * k, area_h * k))
        if area_w * k > 26 and area_h * k > 14:
            font = painter.font()
            font.setPixelSize(max(8, min(14, round(area_h * k / 5))))
            painter.setFont(font)
            for sheet in plan.sheets:
                cell = QRectF(x0 + sheet.x * k, y0 + sheet.y * k, area_w * k, area_h * k)
                painter.drawText(cell, Qt.AlignmentFlag.AlignCenter, f"{sheet.row}/{sheet.column}")
