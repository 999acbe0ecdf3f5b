"""The bundled DejaVu Sans, registered once with reportlab (embedded and subset on save)."""

from __future__ import annotations

from functools import cache

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from journeymapper.layout.text import font_path

REGULAR = "JourneyMapper-DejaVuSans"
BOLD = "JourneyMapper-DejaVuSans-Bold"


@cache
def _register(bold: bool) -> TTFont:
    name = BOLD if bold else REGULAR
    ttf = TTFont(name, font_path(bold))
    pdfmetrics.registerFont(ttf)
    return ttf


def font(bold: bool = False) -> TTFont:
    """The registered TTFont; reportlab embeds only the glyphs a document uses."""
    return _register(bold)
