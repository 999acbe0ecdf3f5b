"""The canvas as a PNG or SVG image, drawn by the editor's own scene.

    export_image(journey, "map.png", "png", dpi=300)   # the command line: no window
    scene_image_bytes(window.scene, "svg")              # the editor: the open scene

The command line builds a `JourneyScene` for the journey (with Qt's offscreen platform
when there is no display; `io.interchange` arranges that) and renders it, so an image
looks exactly like the canvas: same items, same fonts, in the light theme's colours
(the print colours the poster uses, whatever the editor's appearance). Selection, the
connect handle and the keyboard cursor are hidden while drawing. Scene units are points, so a PNG
at D dpi has D/72 pixels per point, and an SVG's size is the map's size in points.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRectF, QSize, Qt
from PySide6.QtGui import QImage, QPainter
from PySide6.QtSvg import QSvgGenerator
from PySide6.QtWidgets import QApplication

from journeymapper.app.canvas.scene import JourneyScene
from journeymapper.app.document import Document
from journeymapper.app.look.colors import LIGHT, theme, using
from journeymapper.io.atomic import write_atomic
from journeymapper.model.document import Journey

DEFAULT_DPI = 144
MIN_DPI, MAX_DPI = 10, 2400
MAX_SIDE = 32_000  # pixels: QPainter's raster engine draws up to 32,767
MAX_PIXELS = 400_000_000  # 1.6 GB of ARGB; more would fail to allocate on most machines
PADDING = 12.0


class ImageError(ValueError):
    """An image that cannot be made (a DPI out of range, a map too large for it)."""


def ensure_application() -> QApplication:
    """The editor's QApplication (fonts, style), created when the command line needs one."""
    app = QApplication.instance()
    if isinstance(app, QApplication):
        return app
    if app is not None:
        raise ImageError("a Qt application without widgets is running; cannot draw the canvas")
    from journeymapper.app.look.application import application

    return application([])


def scene_for(journey: Journey) -> JourneyScene:
    """A scene showing `journey`, laid out (its document keeps the journey unchanged)."""
    scene = JourneyScene(Document(journey))
    scene.ensure_layout()
    return scene


@contextmanager
def _clean(scene: JourneyScene) -> Iterator[QRectF]:
    """Hide what only an editor shows; yield the map's rectangle with a little margin."""
    scene.reveal_all()  # a big map's scene has items only where a view has been
    scene.connection_layer.finish_routing()  # every arrow routed, none provisional
    selected = scene.selected_ids()
    scene.clearSelection()
    hidden = [i for i in (scene.handle, scene.cursor, scene.drop_target) if i.isVisible()]
    for item in hidden:
        item.setVisible(False)
    layout = scene.layout
    restyle = theme() is not LIGHT  # an editor in dark mode exports in print colours
    try:
        with using(LIGHT):
            if restyle:
                scene.restyle()
            yield QRectF(
                -PADDING, -PADDING, layout.width + 2 * PADDING, layout.height + 2 * PADDING
            )
    finally:
        if restyle:
            scene.restyle()
        for item in hidden:
            item.setVisible(True)
        scene.select_ids(selected)


def _painter(device: Any) -> QPainter:
    painter = QPainter(device)
    painter.setRenderHints(
        QPainter.RenderHint.Antialiasing
        | QPainter.RenderHint.TextAntialiasing
        | QPainter.RenderHint.SmoothPixmapTransform
    )
    return painter


def png_size(width: float, height: float, dpi: int) -> tuple[int, int]:
    """Pixels for a `width` × `height` point area at `dpi`; ImageError when too large."""
    if not MIN_DPI <= dpi <= MAX_DPI:
        raise ImageError(f"--dpi must be from {MIN_DPI} to {MAX_DPI}, not {dpi}")
    scale = dpi / 72.0
    w, h = max(1, round(width * scale)), max(1, round(height * scale))
    if max(w, h) > MAX_SIDE or w * h > MAX_PIXELS:
        fit = min(MAX_SIDE / max(width, height), (MAX_PIXELS / (width * height)) ** 0.5)
        raise ImageError(
            f"at {dpi} dpi the image would be {w:,} × {h:,} pixels, more than can be drawn; "
            f"this map fits up to {int(fit * 72)} dpi (or export SVG or a poster PDF)"
        )
    return w, h


def png_bytes(scene: JourneyScene, dpi: int = DEFAULT_DPI) -> bytes:
    with _clean(scene) as source:
        w, h = png_size(source.width(), source.height(), dpi)
        image = QImage(w, h, QImage.Format.Format_ARGB32_Premultiplied)
        if image.isNull():
            raise ImageError(f"not enough memory for a {w:,} × {h:,} pixel image")
        image.fill(Qt.GlobalColor.white)
        dots_per_metre = round(dpi / 0.0254)
        image.setDotsPerMeterX(dots_per_metre)
        image.setDotsPerMeterY(dots_per_metre)
        painter = _painter(image)
        scene.render(painter, QRectF(image.rect()), source)
        painter.end()
    return _encoded(image)


def _encoded(image: QImage) -> bytes:
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    if not image.save(buffer, "PNG"):
        raise ImageError("the PNG could not be encoded")
    buffer.close()
    return bytes(data.data())


def svg_bytes(scene: JourneyScene, title: str = "", description: str = "") -> bytes:
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    with _clean(scene) as source:
        generator = QSvgGenerator()
        generator.setOutputDevice(buffer)
        generator.setResolution(72)  # one user unit per point: the map's real size
        generator.setSize(QSize(round(source.width()), round(source.height())))
        generator.setViewBox(QRectF(0, 0, source.width(), source.height()))
        generator.setTitle(title)
        generator.setDescription(description)
        painter = _painter(generator)
        scene.render(painter, QRectF(0, 0, source.width(), source.height()), source)
        painter.end()
    buffer.close()
    return bytes(data.data())


def scene_image_bytes(scene: JourneyScene, fmt: str, *, dpi: int = DEFAULT_DPI) -> bytes:
    """The PNG or SVG bytes of what `scene` shows."""
    if fmt == "png":
        return png_bytes(scene, dpi)
    if fmt == "svg":
        info = scene.journey.info
        return svg_bytes(scene, info.title, info.description)
    raise ImageError(f"'{fmt}' is not an image format (png or svg)")


def export_image(
    journey: Journey,
    path: str | Path,
    fmt: str,
    *,
    dpi: int | None = None,
    decorate: Callable[[JourneyScene], object] | None = None,
    **_: Any,
) -> None:
    """Draw `journey` as the canvas shows it and write it atomically to `path`.

    `decorate` adds what a feature above the canvas draws in the editor (the command
    line passes the analytics overlay), so the image shows what the window would."""
    ensure_application()
    scene = scene_for(journey)
    try:
        if decorate is not None:
            decorate(scene)
        data = scene_image_bytes(scene, fmt, dpi=dpi or DEFAULT_DPI)
    finally:
        scene.clear()
        scene.deleteLater()
    write_atomic(path, data)
