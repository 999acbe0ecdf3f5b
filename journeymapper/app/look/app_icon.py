"""The application icon: the `app` mark of `journeymapper.look.icons` on a brand-blue tile.

    python -m journeymapper.app.look.app_icon      # regenerate resources/desktop/icons/…

writes the scalable SVG and the PNGs a desktop wants (16 … 512 px), in the freedesktop
"hicolor" layout that `make install-desktop` copies as it is:

    resources/desktop/icons/hicolor/scalable/apps/journeymapper.svg
    resources/desktop/icons/hicolor/<n>x<n>/apps/journeymapper.png

The PNGs are drawn by Qt from the SVG (offscreen, no display needed), so they match
it; tests/test_packaging.py checks they are current. The mark is drawn with a heavier
stroke than the 24-grid UI icons, so the route still reads at 16 px; the destination
dot is the vote amber, the one warm colour of the brand.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from PySide6.QtCore import QByteArray, QRectF, QSize, Qt
from PySide6.QtGui import QGuiApplication, QIcon, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

from journeymapper.base.resources import resource
from journeymapper.look import palette
from journeymapper.look.icons import GRID, ICONS, Circle, RectShape
from journeymapper.look.icons import Path as PathShape

APP_ID = "journeymapper"  # the .desktop file's name, the icon's name, the Wayland app id
SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
CANVAS = 256.0
TILE = (16.0, 16.0, 224.0, 224.0)  # x, y, w, h: the rounded square, a margin all round
TILE_RADIUS = 52.0
TILE_TOP, TILE_BOTTOM = "#3B82F6", "#1D4ED8"
MARK = "#FFFFFF"
DESTINATION = palette.VOTE
MARK_BOX = 148.0  # the 24-unit grid of the mark spans this much of the canvas
MARK_STROKE = 2.6  # grid units (the UI icons use 2.0)


def icons_root() -> Path:
    return resource("desktop", "icons", "hicolor")


def svg_path() -> Path:
    return icons_root() / "scalable" / "apps" / f"{APP_ID}.svg"


def png_path(size: int) -> Path:
    return icons_root() / f"{size}x{size}" / "apps" / f"{APP_ID}.png"


def _num(value: float) -> str:
    return f"{value:.3f}".rstrip("0").rstrip(".")


def _shape(shape: Circle | PathShape | RectShape) -> str:
    fill = f' fill="{DESTINATION}" stroke="{DESTINATION}"' if shape.fill else ""
    if isinstance(shape, Circle):
        return f'<circle cx="{_num(shape.cx)}" cy="{_num(shape.cy)}" r="{_num(shape.r)}"{fill}/>'
    if isinstance(shape, RectShape):
        return (
            f'<rect x="{_num(shape.x)}" y="{_num(shape.y)}" width="{_num(shape.w)}" '
            f'height="{_num(shape.h)}" rx="{_num(shape.rx)}"{fill}/>'
        )
    return f'<path d="{shape.d}"{fill}/>'


def icon_svg() -> str:
    """The application icon as an SVG document (256 × 256 user units)."""
    x, y, w, h = TILE
    scale = MARK_BOX / GRID
    offset = (CANVAS - MARK_BOX) / 2
    shapes = "\n".join(f"    {_shape(s)}" for s in ICONS["app"])
    return f"""<svg xmlns="http://www.w3.org/2000/svg" width="256" height="256" viewBox="0 0 256 256">
  <title>JourneyMapper</title>
  <defs>
    <linearGradient id="tile" x1="0" y1="0" x2="0" y2="1">
      <stop offset="0" stop-color="{TILE_TOP}"/>
      <stop offset="1" stop-color="{TILE_BOTTOM}"/>
    </linearGradient>
  </defs>
  <rect x="{_num(x)}" y="{_num(y)}" width="{_num(w)}" height="{_num(h)}" rx="{_num(TILE_RADIUS)}" fill="url(#tile)"/>
  <g transform="translate({_num(offset)} {_num(offset)}) scale({_num(scale)})" fill="none" stroke="{MARK}" stroke-width="{_num(MARK_STROKE)}" stroke-linecap="round" stroke-linejoin="round">
{shapes}
  </g>
</svg>
"""  # noqa: E501


def render_png(svg: str, size: int) -> QImage:
    """`svg` drawn at `size` × `size` pixels (needs a QGuiApplication)."""
    renderer = QSvgRenderer(QByteArray(svg.encode("utf-8")))
    image = QImage(QSize(size, size), QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHints(
        QPainter.RenderHint.Antialiasing | QPainter.RenderHint.SmoothPixmapTransform
    )
    renderer.render(painter, QRectF(0, 0, size, size))
    painter.end()
    return image


def write_icons() -> list[Path]:
    """Write the SVG and every PNG size; returns the files written."""
    svg = icon_svg()
    target = svg_path()
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(svg, encoding="utf-8")
    written = [target]
    for size in SIZES:
        path = png_path(size)
        path.parent.mkdir(parents=True, exist_ok=True)
        if not render_png(svg, size).save(str(path), "PNG"):
            raise OSError(f"could not write {path}")
        written.append(path)
    return written


def app_icon() -> QIcon:
    """The window and application icon: every PNG size, so Qt never scales one up."""
    icon = QIcon()
    for size in SIZES:
        path = png_path(size)
        if path.exists():
            icon.addFile(str(path), QSize(size, size))
    return icon


def main() -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    for path in write_icons():
        sys.stdout.write(f"{path}\n")
    del app
    return 0


if __name__ == "__main__":
    sys.exit(main())
