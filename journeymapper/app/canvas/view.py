"""The canvas view: zoom, pan, fit, rubber band, in-place editors and the overview.

Zoom with Ctrl+wheel, a pinch or the View menu; pan with the scroll bars, the wheel,
a middle-button drag or Space+drag. Far out (below `OVERVIEW_LOD`) the view shows the
overview scene, a cheap picture of the same layout; the editing scene keeps its items and
selection and comes back when zooming in. At every zoom, stage and lane names whose
headers are out of view are pinned to the view's edges (`sticky.py`).
Before it shows a part of the editing scene, the view asks the scene to give the
cards there items (`JourneyScene.reveal`): a big map has items only where the view
has been.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QEvent, QPoint, QPointF, QRect, QRectF, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QDragEnterEvent,
    QDragMoveEvent,
    QDropEvent,
    QKeyEvent,
    QMouseEvent,
    QNativeGestureEvent,
    QPainter,
    QPalette,
    QResizeEvent,
    QWheelEvent,
)
from PySide6.QtWidgets import QGestureEvent, QGraphicsView, QPinchGesture, QWidget

from journeymapper.app.canvas.overview import OverviewScene
from journeymapper.app.canvas.scene import JourneyScene
from journeymapper.app.canvas.sticky import (
    Pin,
    PinLook,
    lane_pins_width,
    paint_pinned_names,
    pin_cover,
    pinned_names,
)
from journeymapper.app.canvas.style import OVERVIEW_LOD
from journeymapper.app.canvas.text_editing import TextEditing
from journeymapper.app.look.colors import DARK, LIGHT, is_dark_color, set_theme

MIN_ZOOM = 0.002  # a 100,000-card map is 175 m wide: it still fits a window
MAX_ZOOM = 4.0
WHEEL_STEP = 1.0015  # zoom factor per eighth of a degree of wheel rotation
KeyHandler = Callable[[QKeyEvent], bool]
REVEAL_MARGIN = 240  # pixels around the view whose cards get items ahead of a scroll


def journey_paths(event: QDropEvent | QDragEnterEvent | QDragMoveEvent) -> list[Path]:
    data = event.mimeData()
    if data is None or not data.hasUrls():
        return []
    paths = [Path(u.toLocalFile()) for u in data.urls() if u.isLocalFile()]
    return [p for p in paths if p.suffix.lower() == ".journey"]


class JourneyView(QGraphicsView):
    zoom_changed = Signal(float)
    files_dropped = Signal(list)
    walked = Signal(str)  # the keyboard walked to this card or arrow (window/keyboard.py)

    def __init__(self, scene: JourneyScene, parent: QWidget | None = None) -> None:
        super().__init__(scene, parent)
        self.journey_scene = scene
        self.overview = OverviewScene(scene)
        self.in_overview = False
        # Who sees a key pressed on the canvas, in order; the first to return True has it.
        self.key_handlers: list[tuple[str, KeyHandler]] = []
        self._pan_from: QPoint | None = None
        self._space = False
        self._band = QRect()
        self.pin_look = PinLook()  # presentation mode makes the pinned names larger
        self._pinned = False
        hints = QPainter.RenderHint
        self.setRenderHints(
            hints.Antialiasing | hints.TextAntialiasing | hints.SmoothPixmapTransform
        )
        self.setDragMode(QGraphicsView.DragMode.RubberBandDrag)
        self.setRubberBandSelectionMode(Qt.ItemSelectionMode.IntersectsItemShape)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        self.setResizeAnchor(QGraphicsView.ViewportAnchor.AnchorViewCenter)
        self.setViewportUpdateMode(QGraphicsView.ViewportUpdateMode.SmartViewportUpdate)
        self.setFrameShape(QGraphicsView.Shape.NoFrame)
        self.setAcceptDrops(True)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.viewport().grabGesture(Qt.GestureType.PinchGesture)
        self.text_editing = TextEditing(self, scene)
        scene.text_edit_requested.connect(self.text_editing.open)
        scene.capture_requested.connect(self.text_editing.start_capture)
        scene.layout_changed.connect(self._layout_changed)
        self.rubberBandChanged.connect(self._rubber_band)

    # ----- zoom -------------------------------------------------------------------------

    @property
    def zoom(self) -> float:
        return self.transform().m11()

    def set_zoom(self, zoom: float, anchor: QPointF | None = None) -> None:
        """Zoom to `zoom` (1.0 = 100 %), keeping `anchor` (scene) or the centre in place."""
        zoom = min(max(zoom, MIN_ZOOM), MAX_ZOOM)
        center = anchor if anchor is not None else self.center()
        before = self.mapFromScene(center)
        self.resetTransform()
        self.scale(zoom, zoom)
        if anchor is None:
            self.centerOn(center)
        else:
            delta = self.mapToScene(before) - center
            self.centerOn(self.center() - delta)
        self._after_zoom()

    def zoom_by(self, factor: float, anchor: QPointF | None = None) -> None:
        self.set_zoom(self.zoom * factor, anchor)

    def center(self) -> QPointF:
        return self.mapToScene(self.viewport().rect().center())

    def fit_all(self) -> None:
        layout = self.journey_scene.layout
        self.zoom_to(QRectF(0, 0, layout.width, layout.height), max_zoom=1.0)

    def zoom_to(self, rect: QRectF, max_zoom: float = 1.5) -> None:
        """Show `rect` whole, as large as fits (but no larger than `max_zoom`)."""
        if rect.isEmpty():
            return
        margin = 24
        view = self.viewport().rect().adjusted(margin, margin, -margin, -margin)
        zoom = min(view.width() / rect.width(), view.height() / rect.height(), max_zoom)
        self.resetTransform()
        self.scale(max(zoom, MIN_ZOOM), max(zoom, MIN_ZOOM))
        self.centerOn(rect.center())
        self._after_zoom()

    def _after_zoom(self) -> None:
        self._update_mode()
        self.reveal()
        self.text_editing.reposition()
        self.zoom_changed.emit(self.zoom)

    def reveal(self) -> None:
        """Give the cards in and around the view items before they are painted."""
        if self.in_overview or self.zoom < OVERVIEW_LOD:  # (or about to be: mid-zoom)
            return
        margin = REVEAL_MARGIN / max(self.zoom, MIN_ZOOM)
        area = self.mapToScene(self.viewport().rect()).boundingRect()
        self.journey_scene.reveal(area.adjusted(-margin, -margin, margin, margin))

    def _update_mode(self) -> None:
        overview = self.zoom < OVERVIEW_LOD
        if overview == self.in_overview:
            return
        center = self.center()
        self.in_overview = overview
        if overview:
            self.text_editing.close()
            self.overview.sync()
            self.setScene(self.overview)
        else:
            self.setScene(self.journey_scene)
        self.centerOn(center)

    def _layout_changed(self) -> None:
        if self.in_overview:
            self.overview.sync()
        else:
            self.reveal()

    # ----- keys -------------------------------------------------------------------------

    def add_key_handler(self, name: str, handler: KeyHandler, before: str | None = None) -> None:
        """Let `handler` see the canvas's keys, after the others or before the one named
        `before`: e.g. voting's V goes before the canvas's own keys."""
        names = [n for n, _ in self.key_handlers]
        index = names.index(before) if before in names else len(names)
        self.key_handlers.insert(index, (name, handler))

    def handle_key(self, event: QKeyEvent) -> bool:
        """Offer `event` to each handler in turn; True when one took it."""
        return any(handler(event) for _, handler in list(self.key_handlers))

    # ----- events -----------------------------------------------------------------------

    def wheelEvent(self, event: QWheelEvent) -> None:
        mods = event.modifiers()
        if mods & Qt.KeyboardModifier.ControlModifier:
            anchor = self.mapToScene(event.position().toPoint())
            self.zoom_by(WHEEL_STEP ** event.angleDelta().y(), anchor)
            event.accept()
            return
        if mods & Qt.KeyboardModifier.ShiftModifier and event.angleDelta().x() == 0:
            bar = self.horizontalScrollBar()
            bar.setValue(bar.value() - event.angleDelta().y())
            event.accept()
            return
        super().wheelEvent(event)

    def viewportEvent(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Gesture and isinstance(event, QGestureEvent):
            pinch = event.gesture(Qt.GestureType.PinchGesture)
            if isinstance(pinch, QPinchGesture):
                anchor = self.mapToScene(
                    self.viewport().mapFromGlobal(pinch.centerPoint().toPoint())
                )
                self.zoom_by(pinch.scaleFactor(), anchor)
                return True
        if (
            isinstance(event, QNativeGestureEvent)
            and event.gestureType() == Qt.NativeGestureType.ZoomNativeGesture
        ):
            anchor = self.mapToScene(event.position().toPoint())
            self.zoom_by(1.0 + event.value(), anchor)
            return True
        return super().viewportEvent(event)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        pan = event.button() == Qt.MouseButton.MiddleButton or (
            self._space and event.button() == Qt.MouseButton.LeftButton
        )
        if pan:
            self._pan_from = event.position().toPoint()
            self.viewport().setCursor(Qt.CursorShape.ClosedHandCursor)
            event.accept()
            return
        if self.in_overview and event.button() == Qt.MouseButton.LeftButton:
            self._select_at(event.position().toPoint())
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if self._pan_from is not None:
            delta = event.position().toPoint() - self._pan_from
            self._pan_from = event.position().toPoint()
            self.horizontalScrollBar().setValue(self.horizontalScrollBar().value() - delta.x())
            self.verticalScrollBar().setValue(self.verticalScrollBar().value() - delta.y())
            event.accept()
            return
        super().mouseMoveEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if self._pan_from is not None:
            self._pan_from = None
            if self._space:
                self.viewport().setCursor(Qt.CursorShape.OpenHandCursor)
            else:
                self.viewport().unsetCursor()
            event.accept()
            return
        super().mouseReleaseEvent(event)
        if not self._band.isEmpty():
            if self.in_overview:
                self._select_in(self._band)
            else:  # arrows are not items at rest: the band asks the layer for them
                area = self.mapToScene(self._band).boundingRect()
                for conn_id in self.journey_scene.connection_layer.connections_in(area):
                    item = self.journey_scene.activate_connection(conn_id)
                    if item is not None:
                        item.setSelected(True)
        self._band = QRect()

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        if self.in_overview:
            self.set_zoom(1.0, self.mapToScene(event.position().toPoint()))
            event.accept()
            return
        super().mouseDoubleClickEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if self.text_editing.take_typed_ahead(event):
            event.accept()
            return
        if event.key() == Qt.Key.Key_Space and not event.isAutoRepeat() and not self._space:
            self._space = True
            self.viewport().setCursor(Qt.CursorShape.OpenHandCursor)
            event.accept()
            return
        if event.key() == Qt.Key.Key_Space and event.isAutoRepeat():
            event.accept()
            return
        if self.handle_key(event):
            event.accept()
            return
        super().keyPressEvent(event)

    def keyReleaseEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Space and not event.isAutoRepeat():
            self._space = False
            self._pan_from = None
            self.viewport().unsetCursor()
            event.accept()
            return
        super().keyReleaseEvent(event)

    def event(self, event: QEvent) -> bool:
        # Tab and Shift+Tab move the capture cell instead of the keyboard focus.
        if (
            isinstance(event, QKeyEvent)
            and event.type() == QEvent.Type.KeyPress
            and event.key() in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab)
            and self.handle_key(event)
        ):
            return True
        return super().event(event)

    def scrollContentsBy(self, dx: int, dy: int) -> None:
        super().scrollContentsBy(dx, dy)
        if self._pinned or self._headers_out_of_view():
            self.viewport().update()  # the pinned names stay put: no scrolled copy of them
        self.reveal()
        self.text_editing.reposition()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.reveal()
        self.text_editing.reposition()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() in (QEvent.Type.PaletteChange, QEvent.Type.ApplicationPaletteChange):
            self.restyle()

    def restyle(self) -> None:
        """The palette changed (the system or View ▸ Appearance went light ↔ dark):
        paint the canvas with the theme that matches it."""
        window = self.palette().color(QPalette.ColorRole.Window).name()
        set_theme(DARK if is_dark_color(window) else LIGHT)
        self.journey_scene.restyle()
        self.overview.restyle()
        self.viewport().update()

    def drawForeground(self, painter: QPainter, rect: QRectF) -> None:
        super().drawForeground(painter, rect)
        pins, covers = self._pins()
        self._pinned = bool(pins or covers)
        paint_pinned_names(painter, self, pins, covers, self.pin_look)

    # ----- names pinned to the edges ------------------------------------------------

    def _pins(self) -> tuple[list[Pin], list[QRectF]]:
        scene = self.journey_scene
        return pinned_names(self, scene.journey, scene.layout, self.pin_look, self.in_overview)

    def _headers_out_of_view(self) -> bool:
        corner = self.mapFromScene(QPointF(0, 0))
        return self.in_overview or corner.x() < 0 or corner.y() < 0

    def pinned_names(self) -> list[Pin]:
        """The stage and lane names pinned to the view's edges now."""
        return self._pins()[0]

    def lane_pins_width(self) -> float:
        """The width the pinned lane names take at the view's left edge, in pixels."""
        return lane_pins_width(self.journey_scene.journey, self.pin_look)

    def pinned_cover(self) -> QColor:
        """The colour that covers a header only partly in view."""
        return pin_cover()

    def set_pin_look(self, look: PinLook) -> None:
        self.pin_look = look
        self.viewport().update()

    # ----- overview selection -------------------------------------------------------

    def _rubber_band(self, rect: QRect, start: QPointF, end: QPointF) -> None:
        if not rect.isNull():
            self._band = QRect(rect)

    def _select_at(self, pos: QPoint) -> None:
        point = self.mapToScene(pos)
        layout = self.journey_scene.layout
        hit = [i for i, c in layout.cards.items() if c.rect.contains(point.x(), point.y())]
        self.journey_scene.select_ids(hit)
        self.overview.item.update()

    def _select_in(self, band: QRect) -> None:
        area = self.mapToScene(band).boundingRect()
        layout = self.journey_scene.layout
        hit = [
            i
            for i, c in layout.cards.items()
            if area.intersects(QRectF(c.rect.x, c.rect.y, c.rect.w, c.rect.h))
        ]
        self.journey_scene.select_ids(hit)
        self.overview.item.update()

    # ----- files dropped on the canvas ----------------------------------------------

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if journey_paths(event):
            event.acceptProposedAction()
            return
        super().dragEnterEvent(event)

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        if journey_paths(event):
            event.acceptProposedAction()
            return
        super().dragMoveEvent(event)

    def dropEvent(self, event: QDropEvent) -> None:
        paths = journey_paths(event)
        if paths:
            event.acceptProposedAction()
            self.files_dropped.emit(paths)
            return
        super().dropEvent(event)
