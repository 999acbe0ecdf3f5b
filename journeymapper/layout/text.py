"""Text measurement and wrapping with the bundled DejaVu Sans metrics.

The canvas and the PDF both draw text in DejaVu Sans and both take their line breaks
from `wrap`, so a card's name breaks at the same words on screen and on paper, and
rows grow by the same amount. Widths come from the font's own advance widths (no
kerning; the canvas turns kerning off to match), loaded from the table shipped beside
the font (`layout/metrics.py`) rather than parsed from it.
"""

from __future__ import annotations

from functools import cache, lru_cache

from journeymapper.base.resources import resource
from journeymapper.layout.metrics import widths

REGULAR_FONT = "DejaVuSans.ttf"
BOLD_FONT = "DejaVuSans-Bold.ttf"
LINE_SPACING = 1.25


@cache
def _widths(bold: bool) -> tuple[dict[int, float], float]:
    """Advance widths in thousandths of an em, and the width of a missing glyph."""
    return widths(BOLD_FONT if bold else REGULAR_FONT)


def font_path(bold: bool = False) -> str:
    return str(resource("fonts", BOLD_FONT if bold else REGULAR_FONT))


def text_width(text: str, size: float, bold: bool = False) -> float:
    return _em_width(text, bold) * size / 1000.0


@lru_cache(maxsize=200_000)
def _em_width(text: str, bold: bool) -> float:
    """Width in thousandths of an em. Cached: maps reuse the same words over and over."""
    widths, default = _widths(bold)
    return sum(widths.get(ord(ch), default) for ch in text)


def line_height(size: float) -> float:
    return size * LINE_SPACING


@lru_cache(maxsize=100_000)
def wrap(text: str, size: float, width: float, bold: bool = False) -> tuple[str, ...]:
    """`text` broken into lines no wider than `width`: at spaces, and inside words only
    when one word alone is too wide. Explicit newlines are kept; runs of spaces collapse."""
    lines: list[str] = []
    for paragraph in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        lines.extend(_wrap_paragraph(paragraph.split(), size, width, bold))
    while lines and not lines[-1]:
        lines.pop()
    return tuple(lines)


def _wrap_paragraph(words: list[str], size: float, width: float, bold: bool) -> list[str]:
    if not words:
        return [""]
    space = text_width(" ", size, bold)
    lines: list[str] = []
    current = ""
    current_width = 0.0
    for word in words:
        word_width = text_width(word, size, bold)
        if current and current_width + space + word_width <= width:
            current += " " + word
            current_width += space + word_width
            continue
        if current:
            lines.append(current)
        if word_width <= width:
            current, current_width = word, word_width
        else:
            *pieces, current = _break_word(word, size, width, bold)
            lines.extend(pieces)
            current_width = text_width(current, size, bold)
    lines.append(current)
    return lines


def _break_word(word: str, size: float, width: float, bold: bool) -> list[str]:
    widths, default = _widths(bold)
    pieces: list[str] = []
    piece = ""
    piece_width = 0.0
    for ch in word:
        ch_width = widths.get(ord(ch), default) * size / 1000.0
        if piece and piece_width + ch_width > width:
            pieces.append(piece)
            piece, piece_width = "", 0.0
        piece += ch
        piece_width += ch_width
    pieces.append(piece)
    return pieces


def elide(text: str, size: float, width: float, bold: bool = False) -> str:
    """One line of `text` cut to `width` with an ellipsis; for tiny labels, never for content."""
    text = " ".join(text.split())
    if text_width(text, size, bold) <= width:
        return text
    while text and text_width(text + "…", size, bold) > width:
        text = text[:-1]
    return text + "…"
