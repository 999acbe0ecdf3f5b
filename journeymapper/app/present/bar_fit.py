"""How the facilitator bar fits its width without cutting or squeezing anything.

Qt's box layouts share out a width that is too small by squeezing every widget below
its size (names cut to "ost-purchas", a field under its button); the bar instead decides
what to show. It measures what each row asks for — every visible widget at its preferred
width, the spacing between them and the margins — and takes the first of its `LEVELS`
that fits: everything in one row; the workshop tools folded into a "More" menu; the
timer's +1, +5 and stop folded into its ▾ menu too; then the timer and the voting round
on a second row. Whatever width is left on the first row goes to the stage buttons, in
order; the stages that do not fit are in an overflow menu.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtWidgets import QLayout, QWidget

SLACK = 4  # pixels kept free, for rounding in the layout's own sums


@dataclass(frozen=True)
class Level:
    """One way of arranging the bar, from the most generous to the most compact."""

    tools_folded: bool
    timer_folded: bool
    two_rows: bool


LEVELS = (
    Level(tools_folded=False, timer_folded=False, two_rows=False),
    Level(tools_folded=True, timer_folded=False, two_rows=False),
    Level(tools_folded=True, timer_folded=True, two_rows=False),
    Level(tools_folded=False, timer_folded=False, two_rows=True),
    Level(tools_folded=True, timer_folded=True, two_rows=True),
)


def preferred(widget: QWidget) -> int:
    """The width a widget asks for: its own layout's demand, or its size hint (never
    below its minimum width)."""
    widget.ensurePolished()
    inner = widget.layout()
    if inner is not None:
        margins = widget.contentsMargins()
        return demand(inner) + margins.left() + margins.right()
    return max(widget.sizeHint().width(), widget.minimumWidth())


def demand(layout: QLayout) -> int:
    """The width a row asks for: its visible widgets at their preferred widths, the
    spacing between them and its margins (a stretch asks for nothing)."""
    widths: list[int] = []
    for i in range(layout.count()):
        item = layout.itemAt(i)
        widget = item.widget()
        if widget is not None:
            if not widget.isHidden():
                widths.append(preferred(widget))
        elif item.layout() is not None:
            widths.append(demand(item.layout()))
    margins = layout.contentsMargins()
    spacing = max(0, layout.spacing())
    return sum(widths) + spacing * max(0, len(widths) - 1) + margins.left() + margins.right()


def fitting(room: int, widths: list[int], spacing: int) -> int:
    """How many of `widths` (in order, `spacing` apart) fit in `room`."""
    used, count = 0, 0
    for width in widths:
        used += width + (spacing if count else 0)
        if used > room:
            break
        count += 1
    return count
