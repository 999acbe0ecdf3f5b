"""A fast pen that writes PDF drawing operators into a reportlab canvas, y growing down.

The map's layout has y growing downwards; PDF has it growing upwards. `Pen.flip` turns
the whole coordinate system over once (`1 0 0 -1 0 H cm`) at the start of a form, so
everything after it is drawn in layout coordinates unchanged; text is set upright again
by its own text matrix. That one helper is the only place y is flipped.

A poster of 10,000 cards is a few hundred thousand operators, so the pen appends
operator strings itself (colours and text runs are cached) instead of going through
reportlab's general-purpose drawing calls. Text is always shown with `Tj` from the
font's subset encoding: user text is never parsed as markup.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable
from typing import Any

from reportlab.lib.rl_accel import escapePDF
from reportlab.pdfgen.canvas import Canvas

from journeymapper.io.poster.fonts import font
from journeymapper.layout.text import text_width
from journeymapper.look.icons import Segment
from journeymapper.look.palette import rgb

KAPPA = 0.5522847498307936


def num(value: float) -> str:
    """A coordinate as the stream writes it: two decimals, no `-0.00`."""
    text = f"{value:.2f}"
    return "0.00" if text == "-0.00" else text


class Pen:
    """Appends operators to the canvas's current page or form stream."""

    def __init__(self, canvas: Canvas) -> None:
        self.canvas = canvas
        self._doc = canvas._doc
        self._code: list[str] = canvas._code
        self._fill_ops: dict[str, str] = {}
        self._stroke_ops: dict[str, str] = {}
        self._runs: dict[tuple[str, bool, float], str] = {}
        self._font_names: dict[tuple[bool, int], str] = {}
        self._recorded: dict[Hashable, str] = {}

    def rebind(self) -> None:
        """Write into the canvas's current stream again (after `beginForm`/`showPage`)."""
        self._code = self.canvas._code

    def raw(self, op: str) -> None:
        self._code.append(op)

    def recorded(self, key: Hashable, draw: Callable[..., None], *args: Any) -> None:
        """Append what `draw` writes, recording it under `key` the first time.

        Cards draw their parts at card-relative coordinates, so the operators of a
        channel label, a face or a marker row are the same on every card that shows
        them: recorded once, reused as a string thousands of times.
        """
        op = self._recorded.get(key)
        if op is None:
            outer, self._code = self._code, []
            try:
                draw(*args)
                op = self._recorded[key] = " ".join(self._code)
            finally:
                self._code = outer
        self._code.append(op)

    # ----- state ------------------------------------------------------------------

    def flip(self, height: float) -> None:
        """From here on, y grows downwards from the top of a `height`-tall box."""
        self._code.append(f"1 0 0 -1 0 {num(height)} cm")

    def save(self) -> None:
        self._code.append("q")

    def restore(self) -> None:
        self._code.append("Q")

    def transform(self, scale: float, x: float, y: float) -> None:
        self._code.append(f"{scale:.6f} 0 0 {scale:.6f} {num(x)} {num(y)} cm")

    def translate(self, x: float, y: float) -> None:
        self._code.append(f"1 0 0 1 {num(x)} {num(y)} cm")

    def fill_color(self, color: str) -> None:
        op = self._fill_ops.get(color)
        if op is None:
            r, g, b = rgb(color)
            op = self._fill_ops[color] = f"{r:.3f} {g:.3f} {b:.3f} rg"
        self._code.append(op)

    def stroke_color(self, color: str) -> None:
        op = self._stroke_ops.get(color)
        if op is None:
            r, g, b = rgb(color)
            op = self._stroke_ops[color] = f"{r:.3f} {g:.3f} {b:.3f} RG"
        self._code.append(op)

    def line_width(self, width: float) -> None:
        self._code.append(f"{width:.3f} w")

    def round_caps(self) -> None:
        self._code.append("1 J 1 j")

    def dash(self, on: float = 0.0, off: float = 0.0) -> None:
        self._code.append(f"[{num(on)} {num(off)}] 0 d" if on else "[] 0 d")

    # ----- paths ------------------------------------------------------------------

    def rect(self, x: float, y: float, w: float, h: float, op: str = "f") -> None:
        self._code.append(f"{num(x)} {num(y)} {num(w)} {num(h)} re {op}")

    def round_rect(self, x: float, y: float, w: float, h: float, r: float, op: str = "f") -> None:
        r = min(r, w / 2, h / 2)
        k = r * (1 - KAPPA)
        x1, y1 = x + w, y + h
        self._code.append(
            f"{num(x + r)} {num(y)} m {num(x1 - r)} {num(y)} l "
            f"{num(x1 - k)} {num(y)} {num(x1)} {num(y + k)} {num(x1)} {num(y + r)} c "
            f"{num(x1)} {num(y1 - r)} l "
            f"{num(x1)} {num(y1 - k)} {num(x1 - k)} {num(y1)} {num(x1 - r)} {num(y1)} c "
            f"{num(x + r)} {num(y1)} l "
            f"{num(x + k)} {num(y1)} {num(x)} {num(y1 - k)} {num(x)} {num(y1 - r)} c "
            f"{num(x)} {num(y + r)} l "
            f"{num(x)} {num(y + k)} {num(x + k)} {num(y)} {num(x + r)} {num(y)} c h {op}"
        )

    def circle(self, cx: float, cy: float, r: float, op: str = "f") -> None:
        k = r * KAPPA
        self._code.append(
            f"{num(cx + r)} {num(cy)} m "
            f"{num(cx + r)} {num(cy + k)} {num(cx + k)} {num(cy + r)} {num(cx)} {num(cy + r)} c "
            f"{num(cx - k)} {num(cy + r)} {num(cx - r)} {num(cy + k)} {num(cx - r)} {num(cy)} c "
            f"{num(cx - r)} {num(cy - k)} {num(cx - k)} {num(cy - r)} {num(cx)} {num(cy - r)} c "
            f"{num(cx + k)} {num(cy - r)} {num(cx + r)} {num(cy - k)} {num(cx + r)} {num(cy)} c "
            f"h {op}"
        )

    def line(self, x0: float, y0: float, x1: float, y1: float) -> None:
        self._code.append(f"{num(x0)} {num(y0)} m {num(x1)} {num(y1)} l S")

    def polygon(self, points: Iterable[tuple[float, float]], op: str = "f") -> None:
        pts = list(points)
        head = f"{num(pts[0][0])} {num(pts[0][1])} m "
        body = " ".join(f"{num(x)} {num(y)} l" for x, y in pts[1:])
        self._code.append(f"{head}{body} h {op}")

    def bezier(self, start: tuple[float, float], *segments: Any, op: str = "S") -> None:
        """A path from `start` through cubic segments `((c1, c2, end), ...)`."""
        parts = [f"{num(start[0])} {num(start[1])} m"]
        for c1, c2, end in segments:
            parts.append(
                f"{num(c1[0])} {num(c1[1])} {num(c2[0])} {num(c2[1])} {num(end[0])} {num(end[1])} c"
            )
        parts.append(op)
        self._code.append(" ".join(parts))

    def segments(self, segs: Iterable[Segment], op: str) -> None:
        """Icon outline segments (M, L, C, Z) as one path, painted with `op`."""
        parts = []
        for kind, *values in segs:
            if kind == "M":
                parts.append(f"{num(values[0])} {num(values[1])} m")
            elif kind == "L":
                parts.append(f"{num(values[0])} {num(values[1])} l")
            elif kind == "C":
                parts.append(" ".join(num(v) for v in values) + " c")
            else:
                parts.append("h")
        parts.append(op)
        self._code.append(" ".join(parts))

    def clip_rect(self, x: float, y: float, w: float, h: float) -> None:
        self._code.append(f"{num(x)} {num(y)} {num(w)} {num(h)} re W n")

    def form(self, name: str, x: float, y: float, scale: float) -> None:
        """Place form `name` (drawn on its own grid) with its origin at (x, y), scaled."""
        self._code.append(
            f"q {scale:.4f} 0 0 {scale:.4f} {num(x)} {num(y)} cm "
            f"/{self._doc.getXObjectName(name)} Do Q"
        )
        self.canvas._formsinuse.append(name)

    def stamp(self, name: str) -> None:
        """Place form `name` as it was drawn, at the current origin."""
        self._code.append(f"/{self._doc.getXObjectName(name)} Do")
        self.canvas._formsinuse.append(name)

    # ----- text -------------------------------------------------------------------

    def text(self, x: float, y: float, text: str, size: float, bold: bool = False) -> None:
        """`text` with its baseline starting at (x, y), upright in the flipped space."""
        if not text:
            return
        run = self._runs.get((text, bold, size))
        if run is None:
            run = self._runs[text, bold, size] = self._run(text, bold, size)
        self._code.append(f"BT 1 0 0 -1 {num(x)} {num(y)} Tm {run} ET")

    def text_right(self, x: float, y: float, text: str, size: float, bold: bool = False) -> None:
        self.text(x - text_width(text, size, bold), y, text, size, bold)

    def text_centred(self, x: float, y: float, text: str, size: float, bold: bool = False) -> None:
        self.text(x - text_width(text, size, bold) / 2, y, text, size, bold)

    def _run(self, text: str, bold: bool, size: float) -> str:
        ttf = font(bold)
        parts = []
        for subset, data in ttf.splitString(text, self._doc):
            name = self._font_names.get((bold, subset))
            if name is None:
                name = ttf.getSubsetInternalName(subset, self._doc)
                self._font_names[bold, subset] = name
            parts.append(f"{name} {size:.2f} Tf ({escapePDF(data)}) Tj")
        return " ".join(parts)
