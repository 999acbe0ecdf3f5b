"""Presentation mode: the map full screen, for a room, with the editor still under it.

Entering remembers the window exactly as it is (geometry, maximised or not, the dock
and toolbar layout, the menu and status bars, the view's zoom and centre), then goes
full screen with only the canvas and the facilitator bar, in the projector look
(`look.py`), the stage and lane names pinned to the view's edges in large type.
Leaving puts every one of those back (and whatever the presentation opened over the
canvas closes again: see `Facilitator`). The menu bar is hidden, so the window's
actions are added to the window itself while presenting: every shortcut (undo, copy,
rename, add a touchpoint…) still works, and typing still captures cards.

The projector look is the canvas theme (`colors.set_theme`), which all windows share;
it is put back, from the palette, when presenting ends.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QByteArray, QEvent, QObject, QPointF, QRect, Qt, QTimer, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDockWidget, QToolBar

from journeymapper.app.canvas.sticky import PinLook
from journeymapper.app.context import EditorContext
from journeymapper.app.look.colors import set_theme, theme
from journeymapper.app.present.bar import FacilitatorBar
from journeymapper.app.present.focus import StageFocus
from journeymapper.app.present.look import PIN_LOOK, presentation_theme


@dataclass
class _Saved:
    rect: QRect
    state: QByteArray
    window_state: Qt.WindowState
    menu_bar: bool
    status_bar: bool
    zoom: float
    center: QPointF
    focus: str | None
    scroll_bars: tuple[Qt.ScrollBarPolicy, Qt.ScrollBarPolicy]
    pins: PinLook


class PresentationMode(QObject):
    toggled = Signal(bool)

    def __init__(self, context: EditorContext, focus: StageFocus, bar: FacilitatorBar) -> None:
        super().__init__(context.parent)
        self.context = context
        self.focus = focus
        self.bar = bar
        self.active = False
        self._saved: _Saved | None = None
        self._added: list[QAction] = []
        context.view.installEventFilter(self)

    def toggle(self) -> None:
        if self.active:
            self.leave()
        else:
            self.enter()

    def enter(self) -> None:
        if self.active:
            return
        w, view = self.context.parent, self.context.view
        self._saved = _Saved(
            rect=w.geometry(),
            state=w.saveState(),
            window_state=w.windowState(),
            menu_bar=w.menuBar().isVisible(),
            status_bar=w.statusBar().isVisible(),
            zoom=view.zoom,
            center=view.center(),
            focus=self.focus.stage_id,
            scroll_bars=(
                view.horizontalScrollBarPolicy(),
                view.verticalScrollBarPolicy(),
            ),
            pins=view.pin_look,
        )
        self.active = True
        for widget in (*w.findChildren(QDockWidget), *w.findChildren(QToolBar)):
            if widget.parent() is w:
                widget.hide()
        # The hidden menu bar no longer carries the window-wide keys: the window does.
        # (The canvas's own actions are on the view already.)
        self._added = [
            a
            for a in w.findChildren(QAction)
            if a.shortcuts()
            and a.shortcutContext() == Qt.ShortcutContext.WindowShortcut
            and a not in w.actions()
        ]
        w.addActions(self._added)
        w.menuBar().hide()
        w.statusBar().hide()
        w.showFullScreen()
        off = Qt.ScrollBarPolicy.ScrollBarAlwaysOff  # the wheel and Space+drag still pan
        view.setHorizontalScrollBarPolicy(off)
        view.setVerticalScrollBarPolicy(off)
        self._apply_look()
        view.set_pin_look(PIN_LOOK)
        self.focus.presenting = True
        self.bar.show()
        view.setFocus()
        # The window reaches full screen on the next events: then frame the stage.
        QTimer.singleShot(0, self._frame)
        QTimer.singleShot(250, self._cover_screen)
        self.toggled.emit(True)

    def _cover_screen(self) -> None:
        """An X server with no window manager ignores the full-screen request: cover the
        screen by hand (a window manager that honoured it has done so already)."""
        w = self.context.parent
        screen = w.screen()
        if self.active and screen is not None and w.geometry() != screen.geometry():
            w.setGeometry(screen.geometry())
            QTimer.singleShot(0, self._frame)

    def _frame(self) -> None:
        if not self.active:
            return
        if self.focus.stage_id is None:
            self.focus.step(1)
        else:
            self.focus.follow(animate=False)

    def leave(self) -> None:
        if not self.active or self._saved is None:
            return
        saved, w = self._saved, self.context.parent
        self.active = False
        self.focus.presenting = False
        self.toggled.emit(False)  # the bar goes first: the window may be narrow again
        for action in self._added:
            w.removeAction(action)
        self._added = []
        self.context.view.set_pin_look(saved.pins)
        self.context.view.setHorizontalScrollBarPolicy(saved.scroll_bars[0])
        self.context.view.setVerticalScrollBarPolicy(saved.scroll_bars[1])
        state = saved.window_state
        if state & Qt.WindowState.WindowMaximized:
            w.showMaximized()
        elif not state & Qt.WindowState.WindowFullScreen:
            w.showNormal()
            w.setGeometry(saved.rect)  # exactly, even where it overhangs a small screen
        w.restoreState(saved.state)
        w.menuBar().setVisible(saved.menu_bar)
        w.statusBar().setVisible(saved.status_bar)
        self.context.view.restyle()  # the canvas theme from the palette again
        self.focus.set(saved.focus, follow=False)
        self._restore_view(saved)
        QTimer.singleShot(0, lambda: self._restore_view(saved))  # once the window has its size

    def _restore_view(self, saved: _Saved) -> None:
        if not self.active:
            self.context.view.set_zoom(saved.zoom)
            self.context.view.centerOn(saved.center)

    def _apply_look(self) -> None:
        if set_theme(presentation_theme(theme())):
            self.context.scene.restyle()
            self.context.view.overview.restyle()
            self.context.view.viewport().update()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # A palette change (the system went dark, View ▸ Appearance) makes the view
        # repaint in LIGHT or DARK; while presenting, the projector look goes back on.
        if not self.active:
            return False
        if watched is self.context.view and event.type() in (
            QEvent.Type.PaletteChange,
            QEvent.Type.ApplicationPaletteChange,
        ):
            QTimer.singleShot(0, self._apply_look)
        return False
