"""The poster dialog's live preview: the page (or the sheet grid) drawn cheaply.

The map is painted once from the layout into a small image — stage columns, lane rows,
cards in their category colours, the connections and emotion curve — and scaled onto
the page or the grid of sheets the plan describes. Nothing here runs reportlab.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QImage, QPainter, QPainterPath, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from journeymapper.app.canvas.items.connection import route_path
from journeymapper.app.look.colors import theme
from journeymapper.io.poster.grid import KIND_COLORS, LANE_TINTS
from journeymapper.io.poster.options import Mode
from journeymapper.io.poster.plan import Plan
from journeymapper.layout.geometry import CARD_W, LANE_HEADER_W, MapLayout
from journeymapper.look import palette
from journeymapper.model.document import Journey

THUMB = 1400  # the longest side of the map image, in pixels
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
    if CARD_W * k >= 12:
        _paint_cards(painter, layout, journey)
    else:
        _paint_card_dots(painter, layout, journey)
    painter.end()
    return image


def _paint_grid(painter: QPainter, layout: MapLayout, journey: Journey) -> None:
    """The canvas's grid: lane rows tinted by kind, stage headers in their colour."""
    painter.setPen(Qt.PenStyle.NoPen)
    for lane_id, row in layout.lanes.items():
        kind = layout.lane_kinds[lane_id]
        painter.fillRect(QRectF(LANE_HEADER_W, row.y, row.w - LANE_HEADER_W, row.h),
                         QColor(LANE_TINTS[kind]))  # fmt: skip
        painter.fillRect(QRectF(0, row.y, LANE_HEADER_W, row.h), QColor(palette.LANE_HEADER))
        painter.fillRect(QRectF(0, row.y, 4, row.h), QColor(KIND_COLORS[kind]))
        painter.fillRect(QRectF(14, row.y + 16, 70, 9), QColor(palette.MUTED_INK))
    for stage in journey.stages:
        column = layout.stages[stage.id]
        painter.fillRect(QRectF(column.x, 0, column.w, layout.header_h),
                         QColor(palette.mix(stage.color, palette.PAPER, 0.86)))  # fmt: skip
        painter.fillRect(QRectF(column.x, 0, column.w, 5), QColor(stage.color))
        painter.fillRect(QRectF(column.x + 14, 18, min(column.w * 0.5, 120), 11),
                         QColor(palette.INK))  # fmt: skip
    painter.setPen(QPen(QColor(palette.GRID), 1.5))
    for row in layout.lanes.values():
        painter.drawLine(QPointF(0, row.y), QPointF(layout.width, row.y))
    for column in layout.stages.values():
        painter.drawLine(QPointF(column.x, 0), QPointF(column.x, layout.height))


def _paint_flow(painter: QPainter, layout: MapLayout, journey: Journey) -> None:
    painter.setBrush(Qt.BrushStyle.NoBrush)
    if len(layout.connection_ends) <= 5_000:
        path = QPainterPath()
        for route in layout.routes().values():
            path.addPath(route_path(route))
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
    """Cards as the zoomed-out canvas shows them: shape, accent, face, bars for the name."""
    scale = journey.info.emotion_scale
    border = QPen(QColor(palette.CARD_BORDER), 1.5)
    bar = QColor("#C9D1DC")
    for card_id, card in layout.cards.items():
        tp = journey.touchpoint(card_id)
        rect = QRectF(card.rect.x, card.rect.y, card.rect.w, card.rect.h)
        painter.setPen(border)
        painter.setBrush(QColor(palette.CARD))
        painter.drawRoundedRect(rect, 7, 7)
        painter.fillRect(QRectF(rect.x(), rect.y() + 3, 4, rect.height() - 6),
                         QColor(palette.category_color(tp.category)))  # fmt: skip
        if tp.emotion is not None:
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor(palette.emotion_color(tp.emotion, scale)))
            painter.drawEllipse(QRectF(rect.right() - 27, rect.y() + 9, 18, 18))
        for i, line in enumerate(card.name_lines[:3]):
            width = min(140.0, len(line) * 6.8)
            painter.fillRect(QRectF(rect.x() + 9, rect.y() + 36 + i * 14, width, 8), bar)


def _paint_card_dots(painter: QPainter, layout: MapLayout, journey: Journey) -> None:
    """A very large map: each card a block in its category's colour (a few pixels)."""
    colors: dict[str, QColor] = {}
    for card_id, card in layout.cards.items():
        hex_color = palette.category_color(journey.touchpoint(card_id).category)
        color = colors.get(hex_color)
        if color is None:
            color = colors[hex_color] = QColor(hex_color)
        painter.fillRect(QRectF(card.rect.x, card.rect.y, card.rect.w, card.rect.h), color)


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
        painter.fillRect(self.rect(), QColor(theme().backdrop))
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
        """The composition with its top-left at (x, y): the title, the map, legend bars."""
        comp = plan.composition
        unit = comp.f * s  # one furniture point, in pixels
        title_h = max(2.0, 30 * unit * 0.75)
        width = comp.title_width * s
        if title_h >= 7:
            font = painter.font()
            font.setPixelSize(round(title_h))
            font.setBold(True)
            painter.setFont(font)
            painter.setPen(QColor(palette.INK))
            text = painter.fontMetrics().elidedText(
                self.title, Qt.TextElideMode.ElideRight, round(width)
            )
            painter.drawText(QRectF(x, y, width, title_h * 1.4), Qt.AlignmentFlag.AlignLeft, text)
        else:
            painter.fillRect(QRectF(x, y, min(width, len(self.title) * title_h * 0.6), title_h),
                             QColor(palette.INK))  # fmt: skip
        meta = QColor(palette.MUTED_INK)
        for i in range(3):
            bar = QRectF(x, y + title_h * 1.5 + i * 14 * unit, width * (0.8 - 0.2 * i), 8 * unit)
            painter.fillRect(bar, meta)
        if self.image is not None:
            target = QRectF(x, y + comp.map_y * s, comp.map_width * s, comp.map_height * s)
            painter.drawImage(target, self.image)
        if comp.legend_y is not None:
            self._paint_legend(painter, x + comp.legend_x * s, y + comp.legend_y * s,
                               comp.legend_width * s, unit)  # fmt: skip

    def _paint_legend(
        self, painter: QPainter, x: float, y: float, width: float, unit: float
    ) -> None:
        """Bars where the legend's sections go: a heading and a few items each."""
        step = 150 * unit
        columns = max(1, min(6, int(width // step)))
        for i in range(6):
            row, col = divmod(i, columns)
            left, top = x + col * step, y + row * 110 * unit
            painter.fillRect(QRectF(left, top, 80 * unit, 7 * unit), QColor(palette.MUTED_INK))
            for item in range(4):
                painter.fillRect(QRectF(left, top + (item + 1.4) * 15 * unit, 70 * unit, 6 * unit),
                                 QColor(palette.GRID))  # fmt: skip

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
