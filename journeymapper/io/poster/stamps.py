"""Small drawings a poster repeats thousands of times, each defined once as a form XObject.

Channel icons (the same vector icons the canvas draws, from `journeymapper.icons`),
emotion faces and marker glyphs are drawn on the icons' 24 × 24 grid (y down) and placed
with `Pen.form`. A form is named by what it shows, is defined the first time it is asked
for (after the content that uses it, which PDF allows), and is stored in the file once.
"""

from __future__ import annotations

from collections.abc import Callable

from reportlab.pdfgen.canvas import Canvas

from journeymapper.icons import GRID, ICONS, STROKE_WIDTH, outline
from journeymapper.io.poster.pen import Pen
from journeymapper.palette import INK, mix

Drawing = Callable[[Pen], None]
STAMP_GRID = GRID
_BLEED = 2.0  # the form's box reaches past the grid so round caps are not cut


class Stamps:
    """Form names for icons and faces; `define_pending` writes the ones not yet written."""

    def __init__(self, canvas: Canvas) -> None:
        self.canvas = canvas
        self._pending: dict[str, Drawing] = {}
        self._defined: set[str] = set()

    def icon(self, name: str, color: str) -> str:
        form = f"JMi_{name}_{color.lstrip('#')}"
        if form not in self._defined and form not in self._pending:
            self._pending[form] = lambda pen: draw_icon(pen, name, color)
        return form

    def face(self, fraction: float, color: str, ink: str = INK) -> str:
        """An emotion face: 0 is the scale's worst (a frown), 1 its best (a smile)."""
        form = f"JMf_{round(fraction * 1000)}_{color.lstrip('#')}_{ink.lstrip('#')}"
        if form not in self._defined and form not in self._pending:
            self._pending[form] = lambda pen: draw_face(pen, fraction, color, ink)
        return form

    def define_pending(self) -> None:
        """Write every form asked for and not yet written (outside any page or form)."""
        for form, drawing in sorted(self._pending.items()):
            self.canvas.beginForm(form, -_BLEED, -_BLEED, GRID + _BLEED, GRID + _BLEED)
            pen = Pen(self.canvas)
            drawing(pen)
            self.canvas.endForm()
            self._defined.add(form)
        self._pending.clear()


def draw_icon(pen: Pen, name: str, color: str) -> None:
    """Icon `name` stroked in `color`, as `journeymapper.icons` describes it."""
    pen.stroke_color(color)
    pen.fill_color(color)
    pen.line_width(STROKE_WIDTH)
    pen.round_caps()
    for shape in ICONS.get(name, ICONS["dot"]):
        pen.segments(outline(shape), "B" if shape.fill else "S")


def draw_face(pen: Pen, fraction: float, color: str, ink: str) -> None:
    """A round face filled with the emotion colour; the mouth bends with `fraction`."""
    pen.fill_color(color)
    pen.stroke_color(mix(color, INK, 0.35))
    pen.line_width(1.2)
    pen.circle(12, 12, 10.8, "B")
    pen.fill_color(ink)
    pen.circle(8.4, 9.4, 1.55)
    pen.circle(15.6, 9.4, 1.55)
    bend = (fraction - 0.5) * 2 * 4.2
    pen.stroke_color(ink)
    pen.line_width(1.7)
    pen.round_caps()
    pen.bezier(
        (7.4, 15.4 - bend / 3), ((10, 15.4 + bend), (14, 15.4 + bend), (16.6, 15.4 - bend / 3))
    )
