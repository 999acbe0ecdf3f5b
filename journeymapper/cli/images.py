"""`journeymapper export FILE -o OUT.png` (or `.svg`): the map as a picture.

A PNG is drawn by the editor's own scene (`journeymapper.app.canvas.image`, imported
here, inside the function, so no other command loads Qt), with Qt's offscreen platform
when there is no display: a server, CI or ssh needs no window. An SVG is semantic SVG
written from the shared layout without Qt (`journeymapper.io.svg`): every card a group
with its id, every connection a path with its ends, for other tools and web pages.
"""

from __future__ import annotations

import os
import sys
from typing import TYPE_CHECKING

from journeymapper.cli.output import EXIT_FAILED, EXIT_OK, Output

if TYPE_CHECKING:
    from pathlib import Path

    from journeymapper.model.document import Journey

FORMATS = ("png", "svg")


def write_image(journey: Journey, path: Path, fmt: str, dpi: int | None, out: Output) -> int:
    if fmt == "svg":
        return write_svg_file(journey, path, out)
    use_offscreen_qt()
    try:
        from journeymapper.app.analytics.overlay import overlay_on
        from journeymapper.app.canvas.image import ImageError, export_image
    except ImportError as exc:
        out.problem(f"{fmt.upper()} export needs Qt (PySide6), which cannot be loaded: {exc}")
        return EXIT_FAILED
    try:
        export_image(journey, path, fmt, dpi=dpi, decorate=overlay_on)  # as in the editor
    except ImageError as exc:
        out.problem(str(exc))
        return EXIT_FAILED
    except OSError as exc:
        out.problem(f"{path}: cannot be written ({exc.strerror or exc})")
        return EXIT_FAILED
    out.line(f"wrote {path}")
    return EXIT_OK


def write_svg_file(journey: Journey, path: Path, out: Output) -> int:
    from journeymapper.io.svg import write_svg

    try:
        write_svg(journey, path)
    except OSError as exc:
        out.problem(f"{path}: cannot be written ({exc.strerror or exc})")
        return EXIT_FAILED
    out.line(f"wrote {path}")
    return EXIT_OK


def use_offscreen_qt() -> None:
    """Let Qt draw without a window system when there is none (a server, CI, ssh)."""
    if sys.platform.startswith(("linux", "freebsd", "openbsd", "netbsd")) and not (
        os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")
    ):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
