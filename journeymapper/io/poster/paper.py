"""Paper sizes: the named sheets people print posters on, custom sizes, orientation.

Sizes are in points (1/72 in), portrait (width ≤ height). `parse_paper` reads what a
user types (`A0`, `arch-d`, `tabloid`, `600x900mm`, `24x36in`) and raises `PaperError`
with one sentence for anything else.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from enum import StrEnum

MM = 72 / 25.4
INCH = 72.0

MAX_PAGE_SIDE = 14_400.0
"""The largest page side a PDF viewer must support (200 in, 5.08 m; ISO 32000-1, annex C)."""

MIN_PAGE_SIDE = 2 * INCH


class PosterError(ValueError):
    """A poster that cannot be made as asked; the message is one sentence for the user."""


class PaperError(PosterError):
    """A paper size, scale or overlap that cannot be used."""


class Orientation(StrEnum):
    PORTRAIT = "portrait"
    LANDSCAPE = "landscape"
    AUTO = "auto"


@dataclass(frozen=True, slots=True)
class Paper:
    """A sheet of paper in portrait: `width` ≤ `height`, in points."""

    name: str
    width: float
    height: float

    def oriented(self, landscape: bool) -> tuple[float, float]:
        """(width, height) of the sheet turned to landscape or portrait."""
        short, long = sorted((self.width, self.height))
        return (long, short) if landscape else (short, long)

    @property
    def label(self) -> str:
        """How a user would name the sheet: `A3`, `ARCH D`, `600 × 900 mm`."""
        return self.name


def _mm(name: str, w: float, h: float) -> Paper:
    return Paper(name, w * MM, h * MM)


def _inch(name: str, w: float, h: float) -> Paper:
    return Paper(name, w * INCH, h * INCH)


PAPERS: dict[str, Paper] = {
    "a0": _mm("A0", 841, 1189),
    "a1": _mm("A1", 594, 841),
    "a2": _mm("A2", 420, 594),
    "a3": _mm("A3", 297, 420),
    "a4": _mm("A4", 210, 297),
    "letter": _inch("Letter", 8.5, 11),
    "tabloid": _inch("Tabloid", 11, 17),
    "arch-c": _inch("ARCH C", 18, 24),
    "arch-d": _inch("ARCH D", 24, 36),
    "arch-e": _inch("ARCH E", 36, 48),
}
"""Named papers by their command-line key."""

KNOWN = ", ".join(PAPERS)
_UNITS = {"mm": MM, "cm": 10 * MM, "in": INCH, "pt": 1.0}
_NUMBER = r"(\d+(?:[.,]\d+)?|[.,]\d+)"
_CUSTOM = re.compile(
    rf"^{_NUMBER}\s*(mm|cm|in|pt)?\s*[x×*]\s*{_NUMBER}\s*(mm|cm|in|pt)$", re.IGNORECASE
)


def parse_paper(text: str) -> Paper:
    """The paper `text` names: a key of `PAPERS` (any case, `arch d` too) or `WxH` + unit."""
    key = re.sub(r"[\s_]+", "-", text.strip().lower())
    key = {"archc": "arch-c", "archd": "arch-d", "arche": "arch-e"}.get(key, key)
    if key in PAPERS:
        return PAPERS[key]
    match = _CUSTOM.match(text.strip())
    if not match:
        raise PaperError(
            f"unknown paper {text!r} (known: {KNOWN}, or WIDTHxHEIGHT in mm, in or pt, "
            "e.g. 600x900mm)"
        )
    w_text, w_unit, h_text, h_unit = match.groups()
    w_unit = (w_unit or h_unit).lower()
    width = _float(w_text) * _UNITS[w_unit]
    height = _float(h_text) * _UNITS[h_unit.lower()]
    check_page_size(width, height, f"paper {text.strip()!r}")
    short, long = sorted((width, height))
    name = f"{_plain(_float(w_text))} × {_plain(_float(h_text))} {h_unit.lower()}"
    return Paper(name, short, long)


def check_page_size(width: float, height: float, what: str) -> None:
    """Refuse a page a PDF viewer cannot show or a printer cannot take, in one sentence."""
    if not (math.isfinite(width) and math.isfinite(height)):
        raise PaperError(f"{what} is not a size")
    if min(width, height) < MIN_PAGE_SIDE:
        raise PaperError(f"{what} is too small: each side needs at least 2 in (50.8 mm)")
    if max(width, height) > MAX_PAGE_SIDE:
        raise PaperError(
            f"{what} is {describe_size(width, height)}; a PDF page can be at most "
            f"{MAX_PAGE_SIDE:,.0f} pt (5.08 m) a side — tile it over smaller sheets instead"
        )


def describe_size(width: float, height: float) -> str:
    """`1,190.6 × 1,683.8 pt (420 × 594 mm)`: points and the metric size people know."""
    return f"{width:,.0f} × {height:,.0f} pt ({width / MM:,.0f} × {height / MM:,.0f} mm)"


def parse_number(text: str, what: str, low: float, high: float, percent: bool = False) -> float:
    """A finite number between `low` and `high`; with `percent`, `50%` means 0.5."""
    raw = text.strip().replace(",", ".")
    factor = 1.0
    if percent and raw.endswith("%"):
        raw, factor = raw[:-1].strip(), 0.01
    try:
        value = float(raw) * factor
    except ValueError:
        raise PaperError(f"{what} must be a number, not {text!r}") from None
    if not math.isfinite(value) or not low <= value <= high:
        raise PaperError(f"{what} must be between {_plain(low)} and {_plain(high)}, not {text!r}")
    return value


def _float(text: str) -> float:
    return float(text.replace(",", "."))


def _plain(value: float) -> str:
    return f"{value:g}"
