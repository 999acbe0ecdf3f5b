"""Stage and lane names pinned to the edges of the view, whole, at every zoom.

Zoomed in to edit, or presenting one stage, the headers scroll out of view; far out, in
the overview, they are a few pixels tall. Then the names are drawn in screen space, as
frozen panes are in a spreadsheet: a pill per stage along the top edge, over its column,
and a pill per lane along the left edge, at the top of its row. A header only partly in
view is covered first, so no cut fragment of it shows ("oints" of "Touchpoints"). A
name is never cut: a pill pushed by its neighbour moves on rather than shrinks, and one
with no room left in its column or row is left out (its neighbour names the place).
In the overview, where a column may be narrower than its name, the stage pills keep to
their columns and shorten with an ellipsis, as before.

`pinned_names` says what `paint_pinned_names` draws (the tests read it); the pills never
take the mouse.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter
from PySide6.QtWidgets import QGraphicsView

from journeymapper.app.look.colors import theme
from journeymapper.app.look.fonts import ui_font
from journeymapper.layout.geometry import LANE_HEADER_W, MapLayout
from journeymapper.model.document import Journey

EDGE = 6.0  # pixels between a pill and the view's edge
GAP = 4.0  # pixels between two pills
MAX_SHARE = 0.4  # a lane pill takes at most this share of the view's width


@dataclass(frozen=True)
class PinLook:
    """How the pills look: the editor's (theme colours) or the projector's (set by
    presentation mode: larger, bold, white on near-black)."""

    px: float = 12.0
    bold: bool = False
    fill: str = ""  # "" for the theme's card colour
    border: str = ""
    ink: str = ""


@dataclass(frozen=True)
class Pin:
    kind: str  # "stage" or "lane"
    ident: str
    text: str
    rect: QRectF  # viewport pixels
    fill: QColor
    chip: QColor | None = None  # a stage's colour


def pin_font(look: PinLook) -> QFont:
    font = ui_font(bold=look.bold)
    font.setPixelSize(round(look.px))
    return font


def pin_cover() -> QColor:
    """What covers a header only partly in view (the headers' own ground)."""
    return QColor(theme().lane_header)


def _fill(look: PinLook) -> QColor:
    return QColor(look.fill or theme().card)


def lane_pins_width(journey: Journey, look: PinLook) -> float:
    """How far from the view's left edge the lane pills reach (0: no lanes)."""
    metrics = QFontMetricsF(pin_font(look))
    widest = max((metrics.horizontalAdvance(lane.name) for lane in journey.lanes), default=-1)
    return 0.0 if widest < 0 else EDGE + widest + 16 + GAP


def pinned_names(
    view: QGraphicsView, journey: Journey, layout: MapLayout, look: PinLook, overview: bool
) -> tuple[list[Pin], list[QRectF]]:
    """The pills to draw and the header slivers to cover, in viewport pixels."""
    if not layout.stages and not layout.lanes:
        return [], []
    port = QRectF(view.viewport().rect())
    corner = view.mapFromScene(QPointF(0, 0))
    metrics = QFontMetricsF(pin_font(look))
    height = metrics.height() + 8
    lanes_pinned = overview or corner.x() < -0.5
    stages_pinned = overview or corner.y() < -0.5
    covers: list[QRectF] = []
    if not overview:
        header_right = view.mapFromScene(QPointF(LANE_HEADER_W, 0)).x()
        header_bottom = view.mapFromScene(QPointF(0, layout.header_h)).y()
        if lanes_pinned and header_right > 0:
            covers.append(QRectF(0, 0, header_right, port.height()))
        if stages_pinned and header_bottom > 0:
            covers.append(QRectF(0, 0, port.width(), header_bottom))
    top = EDGE + height + GAP if stages_pinned and not overview else 0.0
    lanes = _lane_pins(view, journey, layout, look, metrics, top, overview) if lanes_pinned else []
    left = max((p.rect.right() for p in lanes), default=0.0) + GAP if not overview else 0.0
    stages: list[Pin] = []
    if stages_pinned:
        stages = (
            _overview_stage_pins(view, journey, layout, look, metrics)
            if overview
            else _stage_pins(view, journey, layout, look, metrics, left)
        )
    return lanes + stages, covers


def _lane_pins(
    view: QGraphicsView,
    journey: Journey,
    layout: MapLayout,
    look: PinLook,
    metrics: QFontMetricsF,
    top: float,
    overview: bool,
) -> list[Pin]:
    port = QRectF(view.viewport().rect())
    height = metrics.height() + 8
    x = EDGE
    if overview:  # left of the map where there is room
        width = max((metrics.horizontalAdvance(lane.name) for lane in journey.lanes), default=0)
        x = max(EDGE, view.mapFromScene(QPointF(0, 0)).x() - width - 16 - EDGE)
    pins: list[Pin] = []
    floor = top  # pills flow down: none above the one before it
    for lane in journey.lanes:
        row = layout.lanes.get(lane.id)
        if row is None or not lane.name:
            continue
        row_top = view.mapFromScene(QPointF(0, row.y)).y()
        row_bottom = view.mapFromScene(QPointF(0, row.bottom)).y()
        y = max(row_top + GAP, floor)
        if y + height > min(row_bottom, port.height()) or row_bottom < 0:
            continue  # no room left in this row's part of the view: the next one names it
        text = metrics.elidedText(lane.name, Qt.TextElideMode.ElideRight, port.width() * MAX_SHARE)
        rect = QRectF(x, y, metrics.horizontalAdvance(text) + 16, height)
        pins.append(Pin("lane", lane.id, text, rect, _fill(look)))
        floor = rect.bottom() + GAP
    return pins


def _stage_pins(
    view: QGraphicsView,
    journey: Journey,
    layout: MapLayout,
    look: PinLook,
    metrics: QFontMetricsF,
    left: float,
) -> list[Pin]:
    """Zoomed in: each stage's whole name at the left of its column's part in view,
    pushed on by the pill before it, slid back from the right edge; none where less than
    half of it would be over its own column."""
    port = QRectF(view.viewport().rect())
    height = metrics.height() + 8
    pins: list[Pin] = []
    floor = left
    for stage in journey.stages:
        column = layout.stages.get(stage.id)
        if column is None or not stage.name:
            continue
        col_left = view.mapFromScene(QPointF(column.x, 0)).x()
        col_right = view.mapFromScene(QPointF(column.right, 0)).x()
        width = metrics.horizontalAdvance(stage.name) + 26
        x = max(col_left + GAP, floor)
        if x + width > port.width() - EDGE:  # at the right edge: slide left, stay whole
            x = max(floor, port.width() - EDGE - width)
        if min(col_right, x + width) - max(col_left, x) < width / 2:
            continue  # less than half of it would be over its own column
        rect = QRectF(x, EDGE, width, height)
        pins.append(Pin("stage", stage.id, stage.name, rect, _fill(look), QColor(stage.color)))
        floor = rect.right() + GAP
    return pins


def _overview_stage_pins(
    view: QGraphicsView,
    journey: Journey,
    layout: MapLayout,
    look: PinLook,
    metrics: QFontMetricsF,
) -> list[Pin]:
    """Far out: a pill above each column (over it near the top edge), as wide as the
    column allows; the colour dot only when the whole name fits."""
    height = metrics.height() + 8
    top = max(EDGE, view.mapFromScene(QPointF(0, 0)).y() - height - EDGE)
    pins: list[Pin] = []
    for stage in journey.stages:
        column = layout.stages.get(stage.id)
        if column is None:
            continue
        left = view.mapFromScene(QPointF(column.x, 0)).x()
        room = view.mapFromScene(QPointF(column.right, 0)).x() - left - 4
        if room < 24:
            continue
        chip = room >= metrics.horizontalAdvance(stage.name) + 26
        pad = 26 if chip else 12
        text = metrics.elidedText(stage.name, Qt.TextElideMode.ElideRight, room - pad)
        rect = QRectF(left + 2, top, min(room, metrics.horizontalAdvance(text) + pad), height)
        pins.append(
            Pin("stage", stage.id, text, rect, _fill(look), QColor(stage.color) if chip else None)
        )
    return pins


def paint_pinned_names(
    painter: QPainter, view: QGraphicsView, pins: list[Pin], covers: list[QRectF], look: PinLook
) -> None:
    if not pins and not covers:
        return
    t = theme()
    painter.save()
    painter.resetTransform()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    for cover in covers:
        painter.fillRect(cover, pin_cover())
    painter.setFont(pin_font(look))
    border = QColor(look.border or (t.frame if t.dark else t.grid))
    ink = QColor(look.ink or t.ink)
    for pin in pins:
        painter.setPen(border)
        painter.setBrush(pin.fill)
        radius = pin.rect.height() / 2
        painter.drawRoundedRect(pin.rect.adjusted(0.5, 0.5, -0.5, -0.5), radius, radius)
        left = 8.0
        if pin.chip is not None:
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(pin.chip)
            painter.drawEllipse(QPointF(pin.rect.x() + 11, pin.rect.center().y()), 4, 4)
            left = 20.0
        painter.setPen(ink)
        painter.drawText(pin.rect.adjusted(left, 0, -4, 0), Qt.AlignmentFlag.AlignVCenter, pin.text)
    painter.restore()
