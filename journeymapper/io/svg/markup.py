"""Small helpers that write SVG markup: elements, escaped text, numbers, path data.

User text is never markup: every attribute goes through `quoteattr` and every text
through `escape`, after dropping the characters XML 1.0 cannot hold at all.
"""

from __future__ import annotations

import re
from xml.sax.saxutils import escape, quoteattr

from journeymapper.layout.geometry import Point
from journeymapper.layout.route import Command

_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
FONT = "'DejaVu Sans', Verdana, Arial, sans-serif"


def clean(text: str) -> str:
    """`text` without the characters an XML document cannot contain."""
    return _NOT_XML.sub("", text)


def num(value: float) -> str:
    """A coordinate to two decimals, without trailing zeros."""
    text = f"{value:.2f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def attrs(**values: object) -> str:
    """` name="value"` pairs; `class_` and `data_x` become `class` and `data-x`; None
    values are left out; floats are rounded."""
    out = []
    for name, value in values.items():
        if value is None:
            continue
        key = name.rstrip("_").replace("_", "-")
        shown = num(value) if isinstance(value, float) else str(value)
        out.append(f" {key}={quoteattr(clean(shown))}")
    return "".join(out)


def element(tag: str, **values: object) -> str:
    return f"<{tag}{attrs(**values)}/>"


def text(x: float, y: float, content: str, class_: str, **values: object) -> str:
    """A `<text>` element whose content is `content`, escaped."""
    return f"<text{attrs(x=x, y=y, class_=class_, **values)}>{escape(clean(content))}</text>"


def path_data(commands: list[Command]) -> str:
    """SVG path data (M, L, C) of a route's drawing commands."""
    parts = []
    for command in commands:
        if command[0] == "C":
            _, a, b, c = command
            parts.append(f"C{_pt(a)} {_pt(b)} {_pt(c)}")
        else:
            parts.append(f"{command[0]}{_pt(command[1])}")
    return " ".join(parts)


def polygon_data(points: tuple[Point, ...]) -> str:
    return "M" + " L".join(_pt(p) for p in points) + " Z"


def _pt(p: Point) -> str:
    return f"{num(p[0])},{num(p[1])}"
