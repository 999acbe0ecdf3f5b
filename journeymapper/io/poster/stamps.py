"""Small drawings a poster repeats thousands of times, each defined once as a form XObject.

Channel icons (the same vector icons the canvas draws, from `journeymapper.look.icons`),
emotion faces and marker glyphs are drawn on the icons' 24 × 24 grid (y down) and placed
with `Pen.form`. A form is named by what it shows, is defined the first time it is asked
for (after the content that uses it, which PDF allows), and is stored in the file once.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from functools import partial

from reportlab.pdfgen.canvas import Canvas

from journeymapper.io.poster.pen import Pen
from journeymapper.look.icons import GRID, ICONS, STROKE_WIDTH, outline
from journeymapper.look.palette import PAPER

Drawing = Callable[[Pen], None]
Box = tuple[float, float, float, float]  # a form's bounding box: left, top, right, bottom
STAMP_GRID = GRID
_BLEED = 2.0  # the form's box reaches past the grid so round caps are not cut
_GRID_BOX: Box = (-_BLEED, -_BLEED, GRID + _BLEED, GRID + _BLEED)
EMPTY_FACE = "#CBD3DD"


class Stamps:
    """Form names for icons and faces; `define_pending` writes the ones not yet written."""

    def __init__(self, canvas: Canvas) -> None:
        self.canvas = canvas
        self._pending: dict[str, tuple[Drawing, Box]] = {}
        self._defined: set[str] = set()
        self._shapes: dict[Hashable, str] = {}

    def icon(self, name: str, color: str) -> str:
        form = f"JMi_{name}_{color.lstrip('#')}"
        if form not in self._defined and form not in self._pending:
            self._pending[form] = (lambda pen: draw_icon(pen, name, color), _GRID_BOX)
        return form

    def face(self, fraction: float | None, color: str = EMPTY_FACE, ink: str = PAPER) -> str:
        """An emotion face: 0 is the scale's worst (a frown), 1 its best (a smile);
        None is a card whose emotion is not set yet (a dashed ring)."""
        if fraction is None:
            form = f"JMf_none_{color.lstrip('#')}"
            drawing: Drawing = partial(draw_empty_face, color=color)
        else:
            form = f"JMf_{round(fraction * 1000)}_{color.lstrip('#')}_{ink.lstrip('#')}"
            drawing = partial(draw_face, fraction=fraction, color=color, ink=ink)
        if form not in self._defined and form not in self._pending:
            self._pending[form] = (drawing, _GRID_BOX)
        return form

    def shape(self, key: Hashable, box: Box, drawing: Drawing) -> str:
        """The form of what `drawing` draws inside `box`, in its own coordinates, for
        `key` (a card frame of one size and colours, a card's top row): drawn once,
        named in the order first asked for (a key may hold any text)."""
        form = self._shapes.get(key)
        if form is None:
            form = self._shapes[key] = f"JMs_{len(self._shapes)}"
            self._pending[form] = (drawing, box)
        return form

    def define_pending(self) -> None:
        """Write every form asked for and not yet written (outside any page or form),
        and those that the forms written ask for in turn."""
        while self._pending:
            batch = sorted(self._pending.items())
            self._pending.clear()
            for form, (drawing, box) in batch:
                self.canvas.beginForm(form, *box)
                pen = Pen(self.canvas)
                drawing(pen)
                self.canvas.endForm()
                self._defined.add(form)


def draw_icon(pen: Pen, name: str, color: str) -> None:
    """Icon `name` stroked in `color`, as `journeymapper.look.icons` describes it."""
    pen.stroke_color(color)
    pen.fill_color(color)
    pen.line_width(STROKE_WIDTH)
    pen.round_caps()
    for shape in ICONS.get(name, ICONS["dot"]):
        pen.segments(outline(shape), "B" if shape.fill else "S")


def draw_face(pen: Pen, fraction: float, color: str, ink: str) -> None:
    """The canvas's face: a disc in the emotion colour, eyes and a mouth in `ink` that
    bends from a frown (0, the scale's worst) to a smile (1, its best)."""
    pen.fill_color(color)
    pen.circle(12, 12, 12)
    pen.fill_color(ink)
    pen.circle(8.4, 9.6, 1.68)
    pen.circle(15.6, 9.6, 1.68)
    curve = round(fraction * 2 - 1, 2)
    start = (7.2, 15.36 - 1.2 * curve)
    end = (16.8, 15.36 - 1.2 * curve)
    control = (12.0, 15.36 + 4.32 * curve)
    c1 = (start[0] + 2 / 3 * (control[0] - start[0]), start[1] + 2 / 3 * (control[1] - start[1]))
    c2 = (end[0] + 2 / 3 * (control[0] - end[0]), end[1] + 2 / 3 * (control[1] - end[1]))
    pen.stroke_color(ink)
    pen.line_width(2.16)
    pen.round_caps()
    pen.bezier(start, (c1, c2, end))


def draw_empty_face(pen: Pen, color: str) -> None:
    """No emotion set: a dashed ring, as on the canvas."""
    pen.stroke_color(color)
    pen.line_width(24 / 14)
    pen.dash(4, 2)
    pen.circle(12, 12, 11, "S")
    pen.dash()
