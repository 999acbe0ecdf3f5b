"""One vector icon set for the canvas, the poster and the bundled SVG files.

Icons are line drawings on a 24 × 24 grid (y down), stroked 2 units wide with round caps
and joins, in the style of Feather/Lucide. They are plain data so that two renderers
(QPainter on the canvas, reportlab on the poster) draw exactly the same thing: each
renderer scales the grid to its icon box, walks `outline(shape)` for every shape (only
M, L, C and Z segments), strokes it, and fills it too when `shape.fill` is set (a filled
shape is filled and stroked in the same colour, so its ink is one unit wider than its
geometry all round; a filled circle needs r >= 0.5, or the stroke's folded inner edge
leaves a hole).

`python -m journeymapper.look.icons` regenerates `resources/icons/<name>.svg` from `ICONS`.
"""

from __future__ import annotations

import math
import re
import sys
from dataclasses import dataclass
from pathlib import Path as FilePath
from typing import TypeAlias

from journeymapper.base.resources import resource

GRID = 24.0
STROKE_WIDTH = 2.0
DEFAULT_COLOR = "#1F2937"


@dataclass(frozen=True, slots=True)
class Path:
    """An SVG path using only absolute M, L, H, V, C, Q and Z commands."""

    d: str
    fill: bool = False


@dataclass(frozen=True, slots=True)
class Circle:
    cx: float
    cy: float
    r: float
    fill: bool = False


@dataclass(frozen=True, slots=True)
class RectShape:
    x: float
    y: float
    w: float
    h: float
    rx: float = 0.0
    fill: bool = False


Shape: TypeAlias = Path | Circle | RectShape
Segment: TypeAlias = tuple[str, *tuple[float, ...]]
"""("M", x, y), ("L", x, y), ("C", x1, y1, x2, y2, x, y), ("Q", x1, y1, x, y) or ("Z",)."""

_ARITY = {"M": 2, "L": 2, "H": 1, "V": 1, "C": 6, "Q": 4, "Z": 0}
_TOKEN = re.compile(r"[A-Za-z]|[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?")
_KAPPA = 4 / 3 * (math.sqrt(2) - 1)


def parse_path(d: str) -> list[Segment]:
    """Absolute segments for `d`; H and V become L. Raises ValueError on anything else."""
    tokens = _TOKEN.findall(d)
    if "".join(tokens) != re.sub(r"[\s,]+", "", d):
        raise ValueError(f"unexpected characters in path {d!r}")
    segments: list[Segment] = []
    x = y = 0.0
    start = (0.0, 0.0)
    i = 0
    while i < len(tokens):
        op = tokens[i]
        if op not in _ARITY:
            raise ValueError(f"unsupported path command {op!r} in {d!r}")
        raw = tokens[i + 1 : i + 1 + _ARITY[op]]
        if len(raw) != _ARITY[op] or any(t.isalpha() for t in raw):
            raise ValueError(f"{op} needs {_ARITY[op]} numbers in {d!r}")
        args = [float(t) for t in raw]
        i += 1 + len(raw)
        if op == "Z":
            segments.append(("Z",))
            x, y = start
            continue
        if op == "H":
            op, args = "L", [args[0], y]
        elif op == "V":
            op, args = "L", [x, args[0]]
        if op == "M":
            start = (args[0], args[1])
        x, y = args[-2], args[-1]
        segments.append((op, *args))
    if not segments or segments[0][0] != "M":
        raise ValueError(f"path must start with M: {d!r}")
    return segments


def outline(shape: Shape) -> list[Segment]:
    """`shape` as M, L, C and Z segments only, which every renderer can draw."""
    if isinstance(shape, Circle):
        return _ellipse_segments(shape.cx, shape.cy, shape.r)
    if isinstance(shape, RectShape):
        return _rect_segments(shape)
    segments: list[Segment] = []
    x = y = 0.0
    start = (x, y)
    for op, *args in parse_path(shape.d):
        if op == "Q":
            qx, qy, ex, ey = args
            args = [x + 2 / 3 * (qx - x), y + 2 / 3 * (qy - y)]
            args += [ex + 2 / 3 * (qx - ex), ey + 2 / 3 * (qy - ey), ex, ey]
            op = "C"
        if op == "M":
            start = (args[0], args[1])
        x, y = (args[-2], args[-1]) if args else start
        segments.append((op, *args))
    return segments


def _ellipse_segments(cx: float, cy: float, r: float) -> list[Segment]:
    k = r * _KAPPA
    return [
        ("M", cx + r, cy),
        ("C", cx + r, cy + k, cx + k, cy + r, cx, cy + r),
        ("C", cx - k, cy + r, cx - r, cy + k, cx - r, cy),
        ("C", cx - r, cy - k, cx - k, cy - r, cx, cy - r),
        ("C", cx + k, cy - r, cx + r, cy - k, cx + r, cy),
        ("Z",),
    ]


def _rect_segments(rect: RectShape) -> list[Segment]:
    x0, y0, x1, y1 = rect.x, rect.y, rect.x + rect.w, rect.y + rect.h
    r = min(rect.rx, rect.w / 2, rect.h / 2)
    if r <= 0:
        return [("M", x0, y0), ("L", x1, y0), ("L", x1, y1), ("L", x0, y1), ("Z",)]
    k = r * (1 - _KAPPA)
    return [
        ("M", x0 + r, y0),
        ("L", x1 - r, y0),
        ("C", x1 - k, y0, x1, y0 + k, x1, y0 + r),
        ("L", x1, y1 - r),
        ("C", x1, y1 - k, x1 - k, y1, x1 - r, y1),
        ("L", x0 + r, y1),
        ("C", x0 + k, y1, x0, y1 - k, x0, y1 - r),
        ("L", x0, y0 + r),
        ("C", x0, y0 + k, x0 + k, y0, x0 + r, y0),
        ("Z",),
    ]


def _num(value: float) -> str:
    return f"{round(value, 2) + 0.0:g}"


def _arc(cx: float, cy: float, r: float, start: float, end: float) -> str:
    """C commands for a circular arc from angle `start` to `end` (degrees, clockwise, y down).

    The arc's first point is the current point, which the caller has moved to.
    """
    steps = max(1, math.ceil(abs(end - start) / 90 - 1e-9))
    sweep = math.radians(end - start) / steps
    k = 4 / 3 * math.tan(sweep / 4) * r
    parts = []
    a = math.radians(start)
    for _ in range(steps):
        b = a + sweep
        parts.append(
            "C"
            + " ".join(
                _num(v)
                for v in (
                    cx + r * math.cos(a) - k * math.sin(a),
                    cy + r * math.sin(a) + k * math.cos(a),
                    cx + r * math.cos(b) + k * math.sin(b),
                    cy + r * math.sin(b) - k * math.cos(b),
                    cx + r * math.cos(b),
                    cy + r * math.sin(b),
                )
            )
        )
        a = b
    return " ".join(parts)


def _at(cx: float, cy: float, r: float, angle: float) -> str:
    a = math.radians(angle)
    return f"{_num(cx + r * math.cos(a))} {_num(cy + r * math.sin(a))}"


def _star(cx: float, cy: float, outer: float, inner: float) -> str:
    points = [_at(cx, cy, outer if i % 2 == 0 else inner, -90 + 36 * i) for i in range(10)]
    return "M " + " L ".join(points) + " Z"


def _dot(cx: float, cy: float) -> Circle:
    """A small solid dot, as in the 'i' and '!' marks."""
    return Circle(cx, cy, 0.6, fill=True)


_WARNING = (
    Path(
        "M10.27 3.5 L2.2 17.5 C1.45 18.83 2.41 20.5 3.94 20.5 H20.06 "
        "C21.59 20.5 22.55 18.83 21.8 17.5 L13.73 3.5 C12.96 2.17 11.04 2.17 10.27 3.5 Z"
    ),
    Path("M12 9 V13.5"),
    _dot(12, 17),
)
_BULB = (
    Path("M9 18 H15"),
    Path("M10 21.5 H14"),
    Path(
        "M9.5 14.9 C9.3 13.6 8.6 12.8 7.8 11.9 C6.8 10.9 6 9.5 6 8 "
        "C6 4.7 8.7 2 12 2 C15.3 2 18 4.7 18 8 "
        "C18 9.5 17.2 10.9 16.2 11.9 C15.4 12.8 14.7 13.6 14.5 14.9 Z"
    ),
)
_PERSON_HEAD = Circle(12, 7.5, 4)
_SMILE = Path("M8.5 14.5 C9.3 15.8 10.6 16.5 12 16.5 C13.4 16.5 14.7 15.8 15.5 14.5")

ICONS: dict[str, tuple[Shape, ...]] = {
    # Channels: the `icon` values of the catalogue, plus `dot` for free-text channels.
    "globe": (
        Circle(12, 12, 10),
        Path(
            "M12 2 C9.4 4.8 8 8.3 8 12 C8 15.7 9.4 19.2 12 22 "
            "C14.6 19.2 16 15.7 16 12 C16 8.3 14.6 4.8 12 2 Z"
        ),
        Path("M2 12 H22"),
    ),
    "share": (
        Circle(18, 5, 3),
        Circle(6, 12, 3),
        Circle(18, 19, 3),
        Path("M8.6 10.5 L15.4 6.5 M8.6 13.5 L15.4 17.5"),
    ),
    "megaphone": (
        Path("M3 9.5 H6.5 L17 4.5 V19.5 L6.5 14.5 H3 Z"),
        Path("M7 14.74 V19.5 Q7 20.5 8 20.5 H9.5 Q10.5 20.5 10.5 19.5 V16.4"),
        Path("M20.5 10 V14"),
    ),
    "search": (Circle(10.5, 10.5, 7), Path("M15.5 15.5 L21 21")),
    "mail": (RectShape(2, 4.5, 20, 15, rx=2), Path("M3 6.5 L12 12.5 L21 6.5")),
    "newspaper": (
        RectShape(3, 3, 18, 18, rx=2),
        RectShape(7, 11, 4, 5.5, rx=0.5),
        Path("M7 7.5 H17 M14.5 11.5 H17 M14.5 16 H17"),
    ),
    "people": (
        Circle(9, 7.5, 3.5),
        Path("M2.5 20.5 C2.5 16.9 5.4 14 9 14 C12.6 14 15.5 16.9 15.5 20.5"),
        Path("M15.5 4.2 " + _arc(15.5, 7.5, 3.3, -90, 90)),
        Path("M18 14.3 C20.1 15 21.5 17.1 21.5 20.5"),
    ),
    "star": (Path(_star(12, 12.8, 10, 4.6)),),
    "billboard": (
        RectShape(2, 3, 20, 12, rx=1.5),
        Path("M7 15 V21 M17 15 V21 M6 7 H14 M6 11 H10.5"),
    ),
    "play": (RectShape(2, 4, 20, 16, rx=3), Path("M10 8.5 L15.5 12 L10 15.5 Z", fill=True)),
    "store": (
        Path("M2.5 9 L4 4 H20 L21.5 9 Z"),
        Path("M4 9 V20.5 H20 V9"),
        Path("M9.5 20.5 V15 H14.5 V20.5"),
    ),
    "register": (
        RectShape(7, 2.5, 10, 5, rx=1),
        RectShape(2, 15, 20, 6, rx=1.5),
        Path("M12 7.5 V10 M3 15 L4.5 10 H19.5 L21 15 M10 18 H14"),
    ),
    "person": (
        _PERSON_HEAD,
        Path("M4.5 21 C4.5 16.9 7.9 13.5 12 13.5 C16.1 13.5 19.5 16.9 19.5 21"),
    ),
    "phone": (
        Path(
            "M5 3 H8.5 L10.5 8 L8 9.8 C9.2 12.3 11.7 14.8 14.2 16 L16 13.5 L21 15.5 V19 "
            "C21 20.1 20.1 21 19 21 C10.2 21 3 13.8 3 5 C3 3.9 3.9 3 5 3 Z"
        ),
    ),
    "chat": (
        Path("M5 4 H19 Q21 4 21 6 V14 Q21 16 19 16 H10.5 L6 20 V16 H5 Q3 16 3 14 V6 Q3 4 5 4 Z"),
        _dot(8, 10),
        _dot(12, 10),
        _dot(16, 10),
    ),
    "smartphone": (RectShape(5.5, 2, 13, 20, rx=2.5), Path("M10.5 18.5 H13.5")),
    "bell": (
        Path(
            "M4 18 H20 C18.8 17 18 15.8 18 14 V10 C18 6.7 15.3 4 12 4 "
            "C8.7 4 6 6.7 6 10 V14 C6 15.8 5.2 17 4 18 Z"
        ),
        Path("M12 2 V4 M10 21 C10.6 21.7 11.3 22 12 22 C12.7 22 13.4 21.7 14 21"),
    ),
    "cart": (
        Path("M2 3 H4.5 L7 15.5 H18 L20.5 7 H5.3"),
        Circle(8.5, 19.5, 1.5),
        Circle(17, 19.5, 1.5),
    ),
    "card": (RectShape(2, 5, 20, 14, rx=2), Path("M2 10 H22"), Path("M6 15 H10")),
    "check": (Path("M4 12.5 L9.5 18 L20 6.5"),),
    "truck": (
        RectShape(2, 5, 12, 11, rx=1),
        Path("M14 9 H18 L21.5 12.5 V16 H14"),
        Circle(6.5, 18, 2),
        Circle(17.5, 18, 2),
    ),
    "package": (
        Path("M12 2 L21 7 V17 L12 22 L3 17 V7 Z"),
        Path("M3 7 L12 12 L21 7 M12 12 V22 M7.5 4.5 L16.5 9.5"),
    ),
    "invoice": (
        Path("M5 2 H19 V22 L16.67 20.5 L14.33 22 L12 20.5 L9.67 22 L7.33 20.5 L5 22 Z"),
        Path("M9 7 H15 M9 11 H15 M9 15 H12"),
    ),
    "headset": (
        Path("M4 12.5 V12 " + _arc(12, 12, 8, 180, 360) + " V12.5"),
        RectShape(2.5, 12.5, 4.5, 7, rx=1.5),
        RectShape(17, 12.5, 4.5, 7, rx=1.5),
        Path("M19.5 19.5 C19.5 21 18.5 21.5 17 21.5 H14"),
    ),
    "gift": (
        RectShape(3, 8, 18, 4, rx=1),
        Path("M5 12 V20 Q5 21 6 21 H18 Q19 21 19 20 V12"),
        Path("M12 8 V21 M12 8 C11 5.5 9.5 3.5 7.8 3.8 C6.4 4 6.3 6.1 7.4 7 C8.3 7.8 10 8 12 8"),
        Path("M12 8 C13 5.5 14.5 3.5 16.2 3.8 C17.6 4 17.7 6.1 16.6 7 C15.7 7.8 14 8 12 8"),
    ),
    "clipboard": (
        Path(
            "M8.5 4.5 H6.5 Q4.5 4.5 4.5 6.5 V19.5 Q4.5 21.5 6.5 21.5 H17.5 "
            "Q19.5 21.5 19.5 19.5 V6.5 Q19.5 4.5 17.5 4.5 H15.5"
        ),
        RectShape(8.5, 2.5, 7, 4, rx=1),
        Path("M9 14 L11 16 L15 12"),
    ),
    "heart": (
        Path(
            "M12 20.5 C7.5 17.5 2.5 13.8 2.5 8.8 C2.5 6 4.7 3.8 7.5 3.8 C9.3 3.8 10.9 4.8 12 6.3 "
            "C13.1 4.8 14.7 3.8 16.5 3.8 C19.3 3.8 21.5 6 21.5 8.8 C21.5 13.8 16.5 17.5 12 20.5 Z"
        ),
    ),
    "dot": (Circle(12, 12, 4, fill=True),),
    # Markers and lane kinds.
    "pain": _WARNING,
    "opportunity": _BULB,
    "vote": (Circle(12, 12, 6.5, fill=True),),
    "touchpoints": (
        Path("M9 9 L13.5 21 L15.5 15.5 L21 13.5 Z"),
        Path("M9 2.5 V5 M2.5 9 H5 M4.4 4.4 L6 6 M13.6 4.4 L12 6 M4.4 13.6 L6 12"),
    ),
    "notes": (
        Path(
            "M14.5 20.5 H5.5 Q3.5 20.5 3.5 18.5 V5.5 Q3.5 3.5 5.5 3.5 H18.5 "
            "Q20.5 3.5 20.5 5.5 V14.5 Z"
        ),
        Path("M14.5 20.5 V16 Q14.5 14.5 16 14.5 H20.5"),
        Path("M8 8.5 H16 M8 12 H12"),
    ),
    "emotion": (Circle(12, 12, 10), _SMILE, _dot(9, 9.5), _dot(15, 9.5)),
    "pain_points": _WARNING,
    "opportunities": _BULB,
    # Category badges.
    "digital": (RectShape(2, 3, 20, 14, rx=2), Path("M12 17 V21 M8 21 H16")),
    "physical": (
        Path(
            "M12 22 C12 22 19 15.5 19 9.5 C19 5.4 15.9 2.5 12 2.5 "
            "C8.1 2.5 5 5.4 5 9.5 C5 15.5 12 22 12 22 Z"
        ),
        Circle(12, 9.5, 2.5),
    ),
    "human": (
        Circle(12, 12, 10),
        Circle(12, 10, 3.5),
        Path("M5.5 19.2 C7 17 9.3 15.8 12 15.8 C14.7 15.8 17 17 18.5 19.2"),
    ),
    # Problem severities.
    "error": (Circle(12, 12, 10), Path("M15 9 L9 15 M9 9 L15 15")),
    "warning": _WARNING,
    "info": (Circle(12, 12, 10), Path("M12 11 V16.5"), _dot(12, 7.5)),
    # The application's mark: a winding route from a first stop, via a second, to a destination.
    "app": (
        Circle(5, 5, 2.5),
        Path("M7.5 5 H13 C16.3 5 19 6.7 19 9.5"),
        Circle(19, 12, 2.5),
        Path("M19 14.5 C19 17.3 16.3 19 13 19 H7.5"),
        Circle(5, 19, 2.5, fill=True),
    ),
}


def quoteattr(value: str) -> str:
    """An XML attribute value in double quotes. Not `xml.sax.saxutils.quoteattr`: that
    module imports urllib and ssl, a tenth of a second on every poster export."""
    escaped = value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return '"' + escaped.replace('"', "&quot;") + '"'


def _attrs(shape: Shape, color: str) -> str:
    fill = f" fill={quoteattr(color)}" if shape.fill else ""
    if isinstance(shape, Circle):
        return f'<circle cx="{_num(shape.cx)}" cy="{_num(shape.cy)}" r="{_num(shape.r)}"{fill}/>'
    if isinstance(shape, RectShape):
        rx = f' rx="{_num(shape.rx)}"' if shape.rx else ""
        return (
            f'<rect x="{_num(shape.x)}" y="{_num(shape.y)}" width="{_num(shape.w)}" '
            f'height="{_num(shape.h)}"{rx}{fill}/>'
        )
    return f'<path d="{shape.d}"{fill}/>'


def to_svg(name: str, color: str = DEFAULT_COLOR) -> str:
    """A standalone SVG document of icon `name`, stroked (and where noted filled) in `color`."""
    body = "".join(f"  {_attrs(shape, color)}\n" for shape in ICONS[name])
    return (
        '<svg xmlns="http://www.w3.org/2000/svg" width="24" height="24" viewBox="0 0 24 24" '
        f'fill="none" stroke={quoteattr(color)} stroke-width="{_num(STROKE_WIDTH)}" '
        'stroke-linecap="round" stroke-linejoin="round">\n'
        f"{body}</svg>\n"
    )


def write_svgs(directory: FilePath) -> list[FilePath]:
    """Write `<name>.svg` for every icon into `directory`, removing stale ones."""
    directory.mkdir(parents=True, exist_ok=True)
    for stale in directory.glob("*.svg"):
        if stale.stem not in ICONS:
            stale.unlink()
    written = []
    for name in ICONS:
        target = directory / f"{name}.svg"
        target.write_text(to_svg(name), encoding="utf-8")
        written.append(target)
    return written


def main(argv: list[str] | None = None) -> int:
    """Regenerate the bundled SVG files (or write them into the directory given)."""
    args = sys.argv[1:] if argv is None else argv
    directory = FilePath(args[0]) if args else resource("icons")
    write_svgs(directory)
    return 0


if __name__ == "__main__":
    sys.exit(main())
