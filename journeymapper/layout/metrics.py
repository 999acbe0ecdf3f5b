"""The advance widths of the bundled DejaVu Sans, read from a table shipped beside the font.

`layout.text` measures every word with these widths, so the canvas and the poster break
lines alike. They are the font's own (its `hmtx` advance of the glyph its `cmap` maps a
character to, in thousandths of an em), exactly as reportlab's `TTFontFile` reads them.
Parsing a 700 kB TrueType file in pure Python costs about 20 ms per face and
reportlab's import 40 ms more: the editor's start and a command-line export paid both
just to measure text. So the widths are kept in `fonts/<font>.widths.json`, made from
the font by this module (`python -m journeymapper.layout.metrics` in a checkout), and
loaded in about a millisecond. The table names the size and SHA-256 of the font it was
made from: tests/layout/test_metrics.py checks both against the font; at run time a
table that is missing or made from a file of another size is not used (the font is
measured instead), so a packager who swaps the font never gets wrong line breaks.
"""

from __future__ import annotations

import json
import logging
from functools import cache
from pathlib import Path
from typing import Any

from journeymapper.base.resources import MissingResourceError, resource

log = logging.getLogger(__name__)

FORMAT = 1
Widths = tuple[dict[int, float], float]  # per code point, and the missing glyph's width


@cache
def widths(font: str) -> Widths:
    """The advance widths of the bundled `font` (a file name in fonts/)."""
    path = resource("fonts", font)
    try:
        table = json.loads(resource("fonts", table_name(font)).read_text(encoding="utf-8"))
        if _made_from(table, path):
            return _unpack(table)
        log.warning("%s was not made from %s: measuring the font", table_name(font), font)
    except (MissingResourceError, OSError, ValueError, KeyError, TypeError):
        log.warning("no usable width table for %s: measuring the font", font, exc_info=True)
    return measure(path)


def table_name(font: str) -> str:
    return Path(font).stem + ".widths.json"


def measure(path: Path) -> Widths:
    """The widths as reportlab reads them from the TrueType file itself."""
    from reportlab.pdfbase.ttfonts import TTFontFile

    font = TTFontFile(str(path))
    return dict(font.charWidths), float(font.defaultWidth)


def _made_from(table: dict[str, Any], path: Path) -> bool:
    """The cheap check (hashing the font would cost more than the table saves)."""
    return bool(table.get("format") == FORMAT and table.get("size") == path.stat().st_size)


# ----- the table: runs of consecutive code points ------------------------------------


def pack(path: Path) -> dict[str, Any]:
    """The table of the font at `path`: its widths as runs of consecutive code points
    (`[first, [width, …]]`), each width the exact float reportlab computes."""
    char_widths, default = measure(path)
    runs: list[list[Any]] = []
    for code in sorted(char_widths):
        if runs and runs[-1][0] + len(runs[-1][1]) == code:
            runs[-1][1].append(char_widths[code])
        else:
            runs.append([code, [char_widths[code]]])
    import hashlib

    data = path.read_bytes()
    return {
        "format": FORMAT,
        "font": path.name,
        "size": len(data),
        "sha256": hashlib.sha256(data).hexdigest(),
        "default": default,
        "runs": runs,
    }


def _unpack(table: dict[str, Any]) -> Widths:
    char_widths: dict[int, float] = {}
    for first, run in table["runs"]:
        char_widths.update(zip(range(first, first + len(run)), map(float, run), strict=True))
    return char_widths, float(table["default"])


def write_tables(folder: Path) -> list[Path]:
    """Write the table of every font in `folder` (the checkout's resources/fonts)."""
    written = []
    for font in sorted(folder.glob("*.ttf")):
        target = folder / table_name(font.name)
        text = json.dumps(pack(font), separators=(",", ":"))
        target.write_text(text + "\n", encoding="utf-8")
        written.append(target)
    return written


if __name__ == "__main__":  # python -m journeymapper.layout.metrics (in a checkout)
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    for table in write_tables(Path(__file__).resolve().parents[2] / "resources" / "fonts"):
        log.info("wrote %s", table)
