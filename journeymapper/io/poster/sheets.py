"""Tiled posters: each sheet's part of the poster with crop marks and its label, and the
assembly page that shows the whole poster with the sheet grid over it.

Pages are drawn y down (the pen flips each page once); the poster itself is one form
XObject placed on every sheet and clipped to the sheet's printable area.
"""

from __future__ import annotations

from journeymapper.io.poster.look import short_label
from journeymapper.io.poster.paper import MM
from journeymapper.io.poster.pen import Pen
from journeymapper.io.poster.plan import Plan, Sheet
from journeymapper.layout.geometry import baselines
from journeymapper.layout.text import line_height, text_width, wrap
from journeymapper.look.palette import GRID, INK, MUTED_INK, SELECTION

POSTER_FORM = "JMposter"
MARK_GAP = 3.0
LABEL = 7.5


def place_poster(pen: Pen, x: float, y: float, scale: float) -> None:
    """The poster form with its top-left corner at (x, y) of a y-down page."""
    pen.form(POSTER_FORM, x, y, scale)


def draw_sheet(pen: Pen, plan: Plan, sheet: Sheet, title: str) -> None:
    """One tile: its part of the poster, crop marks, overlap ticks and its label."""
    m = plan.margin
    area_w, area_h = plan.area
    pen.save()
    pen.clip_rect(m, m, area_w, area_h)
    place_poster(pen, m - sheet.x, m - sheet.y, plan.scale)
    pen.restore()
    _crop_marks(pen, m, m, area_w, area_h)
    _overlap_ticks(pen, plan, sheet)
    _sheet_label(pen, plan, sheet, title)


def _crop_marks(pen: Pen, x: float, y: float, w: float, h: float) -> None:
    """Corner marks in the margin, on the lines along which the sheet is trimmed."""
    length = min(x, y) - MARK_GAP - 2
    pen.stroke_color(INK)
    pen.line_width(0.5)
    for cx, dx in ((x, -1), (x + w, 1)):
        for cy, dy in ((y, -1), (y + h, 1)):
            pen.line(cx + dx * MARK_GAP, cy, cx + dx * (MARK_GAP + length), cy)
            pen.line(cx, cy + dy * MARK_GAP, cx, cy + dy * (MARK_GAP + length))


def _overlap_ticks(pen: Pen, plan: Plan, sheet: Sheet) -> None:
    """Where the next sheet's edge lands: short ticks in the margins across each overlap."""
    if not plan.overlap:
        return
    m = plan.margin
    area_w, area_h = plan.area
    length = m * 0.45
    pen.stroke_color(SELECTION)
    pen.line_width(0.5)
    pen.dash(2, 1.5)
    xs = []
    if sheet.column > 1:
        xs.append(m + plan.overlap)
    if sheet.column < plan.columns:
        xs.append(m + area_w - plan.overlap)
    for x in xs:
        pen.line(x, m - length, x, m)
        pen.line(x, m + area_h, x, m + area_h + length)
    ys = []
    if sheet.row > 1:
        ys.append(m + plan.overlap)
    if sheet.row < plan.rows:
        ys.append(m + area_h - plan.overlap)
    for y in ys:
        pen.line(m - length, y, m, y)
        pen.line(m + area_w, y, m + area_w + length, y)
    pen.dash()


def _sheet_label(pen: Pen, plan: Plan, sheet: Sheet, title: str) -> None:
    m = plan.margin
    area_w, area_h = plan.area
    y = m + area_h + m / 2 + LABEL * 0.36
    label = sheet.label
    number = (sheet.row - 1) * plan.columns + sheet.column
    x = m + MARK_GAP + 6  # clear of the crop mark that runs down from the corner
    pen.fill_color(INK)
    pen.text(x, y, label, LABEL, bold=True)
    x += text_width(label, LABEL, True) + 8
    rest = f"sheet {number} of {plan.sheet_count}  ·  {plan.scale * 100:g} %  ·  {title}"
    pen.fill_color(MUTED_INK)
    pen.text(x, y, short_label(rest, LABEL, max(10.0, area_w - (x - m))), LABEL)


def draw_assembly(
    pen: Pen, plan: Plan, page_w: float, page_h: float, title: str, paper: str
) -> None:
    """The whole poster shrunk onto one sheet with the grid of sheets and how to join them."""
    m = plan.margin
    width = page_w - 2 * m
    pen.fill_color(INK)
    heading = wrap(f"Assembly — {title}", 16, width, True)
    for line, y in zip(heading, baselines(m, len(heading), 16), strict=True):
        pen.text(m, y, line, 16, bold=True)
    top = m + len(heading) * line_height(16) + 4
    poster_w, poster_h = plan.poster_size
    sheet_kind = "landscape" if plan.landscape else "portrait"
    info = (
        f"{plan.sheet_count} sheets of {paper} ({sheet_kind}): {plan.rows} rows × "
        f"{plan.columns} columns. Poster {poster_w / MM / 10:,.1f} × {poster_h / MM / 10:,.1f} cm "
        f"at {plan.scale * 100:g} %, overlap {plan.overlap / MM:g} mm."
    )
    steps = (
        "Trim each sheet along its crop marks. Start at row 1 / column 1; lay each sheet over "
        "its left and upper neighbours so that its edge meets the blue ticks, then tape it."
    )
    pen.fill_color(MUTED_INK)
    for text in (info, steps):
        lines = wrap(text, 9, width)
        for line, y in zip(lines, baselines(top, len(lines), 9), strict=True):
            pen.text(m, y, line, 9)
        top += len(lines) * line_height(9) + 3
    top += 14
    _draw_grid(pen, plan, m, top, width, page_h - m - top)


def _draw_grid(pen: Pen, plan: Plan, x: float, y: float, width: float, height: float) -> None:
    """The poster at thumbnail scale, each sheet's region outlined and numbered."""
    step_x, step_y = plan.step
    area_w, area_h = plan.area
    total_w = (plan.columns - 1) * step_x + area_w
    total_h = (plan.rows - 1) * step_y + area_h
    k = min((width - 16) / total_w, (height - 16) / total_h)
    x0, y0 = x + 16, y + 16
    pen.save()
    pen.clip_rect(x0, y0, total_w * k, total_h * k)
    place_poster(pen, x0, y0, plan.scale * k)
    pen.restore()
    pen.canvas.setFillAlpha(0.22)  # the overlaps, over the poster without hiding it
    pen.fill_color(SELECTION)
    for c in range(1, plan.columns):
        pen.rect(x0 + c * step_x * k, y0, plan.overlap * k, total_h * k)
    for r in range(1, plan.rows):
        pen.rect(x0, y0 + r * step_y * k, total_w * k, plan.overlap * k)
    pen.canvas.setFillAlpha(1.0)
    pen.stroke_color(SELECTION)
    pen.line_width(0.6)
    size = max(3.0, min(9.0, step_x * k / 5, step_y * k / 3))
    for sheet in plan.sheets:
        pen.rect(x0 + sheet.x * k, y0 + sheet.y * k, area_w * k, area_h * k, "S")
    pen.fill_color(SELECTION)
    for sheet in plan.sheets:
        cx = x0 + (sheet.x + area_w / 2) * k
        cy = y0 + (sheet.y + area_h / 2) * k
        label = f"{sheet.row}/{sheet.column}"
        if text_width(label, size, True) < step_x * k * 0.8:
            pen.text_centred(cx, cy + size * 0.36, label, size, bold=True)
    pen.fill_color(MUTED_INK)
    edge = min(7.0, max(3.0, step_x * k * 0.5))
    for c in range(plan.columns):
        pen.text_centred(x0 + (c * step_x + area_w / 2) * k, y0 - 5, str(c + 1), edge)
    for r in range(plan.rows):
        pen.text_right(x0 - 4, y0 + (r * step_y + area_h / 2) * k + edge * 0.36, str(r + 1), edge)
    pen.stroke_color(GRID)
