"""The window's actions, menus and toolbar, with platform-standard shortcuts.

Standard operations use `QKeySequence.StandardKey`, so each platform gets the keys its
users expect; Undo and Redo come from the undo stack and name what they would undo.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu, QToolBar, QToolButton

from journeymapper.app import appearance, glyphs
from journeymapper.model.schema import LaneKind

if TYPE_CHECKING:
    from journeymapper.app.main_window import MainWindow

Std = QKeySequence.StandardKey
ICON_INK = glyphs.INK  # the theme's icon colour, resolved when drawn


class Actions:
    """Every action of one window, by name (`actions.save`, `actions.undo`, …)."""

    def __init__(self, window: MainWindow) -> None:
        self.window = window
        self._all: dict[str, QAction] = {}
        w, e, v = window, window.editor, window.view
        a = self._add
        self.new = a("new", "&New", w.new_map, Std.New, "New map", icon="file")
        self.new_window = a("new_window", "New &Window", w.new_window, "Ctrl+Shift+N")
        self.open = a("open", "&Open…", w.open_dialog, Std.Open, "Open a map", icon="folder")
        self.save = a("save", "&Save", w.save, Std.Save, "Save the map", icon="save")
        self.save_as = a("save_as", "Save &As…", w.save_as, Std.SaveAs)
        self.export_png = a("export_png", "Canvas as &PNG Image…", w.export_png)
        self.close = a("close", "&Close", w.close, Std.Close)
        self.quit = a("quit", "&Quit", w.quit_all, Std.Quit)
        if not self.quit.shortcuts():  # X11 and Wayland have no standard Quit key
            self.quit.setShortcut(QKeySequence("Ctrl+Q"))
        self.quit.setMenuRole(QAction.MenuRole.QuitRole)
        self.undo = window.document.undo_stack.createUndoAction(window, "&Undo")
        self.undo.setShortcuts(QKeySequence.keyBindings(Std.Undo))
        self.redo = window.document.undo_stack.createRedoAction(window, "&Redo")
        self.redo.setShortcuts(QKeySequence.keyBindings(Std.Redo))
        self.cut = a("cut", "Cu&t", e.cut, Std.Cut)
        self.copy = a("copy", "&Copy", e.copy, Std.Copy)
        self.paste = a("paste", "&Paste", e.paste, Std.Paste)
        self.duplicate = a("duplicate", "&Duplicate", e.duplicate, "Ctrl+D")
        self.delete = a("delete", "De&lete", e.delete_selection, Std.Delete)
        self.delete.setShortcuts(
            [*QKeySequence.keyBindings(Std.Delete), QKeySequence(Qt.Key.Key_Backspace)]
        )
        self.select_all = a("select_all", "Select &All", e.select_all, Std.SelectAll)
        self.find = a("find", "&Find…", w.show_find, Std.Find, icon="search")
        self.find_next = a("find_next", "Find &Next", w.find_bar.next_match, Std.FindNext)
        self.rename = a("rename", "&Rename", e.rename_selected, "F2")
        self.zoom_in = a("zoom_in", "Zoom &In", lambda: v.zoom_by(1.25), Std.ZoomIn)
        self.zoom_out = a("zoom_out", "Zoom &Out", lambda: v.zoom_by(0.8), Std.ZoomOut)
        self.zoom_100 = a("zoom_100", "&Actual Size", lambda: v.set_zoom(1.0), "Ctrl+0")
        self.fit = a("fit", "&Fit to Window", v.fit_all, "Shift+1", "Show the whole map")
        self.zoom_selection = a(
            "zoom_selection", "Zoom to &Selection", e.zoom_to_selection, "Shift+2"
        )
        self.add_touchpoint = a(
            "add_touchpoint",
            "&Touchpoint",
            e.add_touchpoint,
            "Ctrl+T",
            "Add a touchpoint to the selected cell",
            icon="touchpoints",
        )
        self.add_stage = a(
            "add_stage", "&Stage", e.add_stage, "Ctrl+Shift+T", "Add a stage after the selected one"
        )
        self.add_connection = a(
            "add_connection",
            "&Connection",
            e.connect_selected,
            "Ctrl+L",
            "Connect the selected touchpoints in order",
            icon="share",
        )
        self.capture_flow = a(
            "capture_flow",
            "Connect &As You Type",
            w.set_capture_flow,
            "Ctrl+Shift+L",
            "Each card typed is connected from the one before",
        )
        self.capture_flow.setCheckable(True)
        self.shortcuts = a("shortcuts", "&Keyboard Shortcuts", w.show_shortcuts, Std.HelpContents)
        self.about = a("about", "&About JourneyMapper", w.show_about)
        self.about.setMenuRole(QAction.MenuRole.AboutRole)
        self.emotions = [self._emotion_action(n) for n in range(6)]
        self.lanes = {
            kind: a(f"add_lane_{kind.value}", label, self._lane_adder(kind))
            for kind, label in _LANE_LABELS.items()
        }
        resolve_conflicts([*self._all.values(), self.undo, self.redo])

    def _add(
        self,
        name: str,
        text: str,
        slot: Callable[..., object],
        keys: Std | str | None = None,
        tip: str = "",
        icon: str | None = None,
    ) -> QAction:
        action = QAction(text, self.window)
        if isinstance(keys, Std):
            action.setShortcuts(QKeySequence.keyBindings(keys))
        elif keys:
            action.setShortcut(QKeySequence(keys))
        if tip:
            action.setStatusTip(tip)
            action.setToolTip(tip)
        if icon:
            action.setIcon(glyphs.icon(icon, ICON_INK))
        action.triggered.connect(lambda *_: slot())
        self._all[name] = action
        return action

    def _emotion_action(self, digit: int) -> QAction:
        action = QAction(self.window)
        action.triggered.connect(lambda *_: self.window.editor.set_emotion(self._value(digit)))
        return action

    def _value(self, digit: int) -> int | None:
        scale = self.window.document.journey.info.emotion_scale
        return None if digit == 0 else scale.minimum + digit - 1

    def _lane_adder(self, kind: LaneKind) -> Callable[[], None]:
        return lambda: self.window.editor.add_lane(kind)

    def by_name(self) -> dict[str, QAction]:
        return dict(self._all)


def resolve_conflicts(actions: list[QAction]) -> None:
    """Drop a platform's secondary binding that another action uses as its own key.

    Standard keys bring every binding the platform knows: on X11, Delete is also Ctrl+D,
    which is Duplicate here, and an ambiguous shortcut fires neither action. A key
    stays with the action whose first binding it is; the others lose it.
    """
    primary = {a.shortcuts()[0].toString(): a for a in actions if a.shortcuts()}
    for action in actions:
        keys = action.shortcuts()
        kept = [
            k for i, k in enumerate(keys) if i == 0 or primary.get(k.toString(), action) is action
        ]
        if len(kept) != len(keys):
            action.setShortcuts(kept)


_LANE_LABELS = {
    LaneKind.TOUCHPOINTS: "Touchpoints Lane",
    LaneKind.NOTES: "Notes Lane",
    LaneKind.EMOTION: "Emotion Lane",
    LaneKind.PAIN_POINTS: "Pain Points Lane",
    LaneKind.OPPORTUNITIES: "Opportunities Lane",
}


def build_menus(window: MainWindow, a: Actions) -> None:
    bar = window.menuBar()
    file = bar.addMenu("&File")
    file.addActions([a.new, a.new_window, a.open])
    window.recent_menu = file.addMenu("Open &Recent")
    window.recent_menu.aboutToShow.connect(window.fill_recent_menu)
    file.addSeparator()
    file.addActions([a.save, a.save_as])
    file.addSeparator()
    window.import_menu = file.addMenu("&Import")
    window.export_menu = file.addMenu("&Export")
    window.export_menu.addAction(a.export_png)
    file.addSeparator()
    file.addActions([a.close, a.quit])
    edit = bar.addMenu("&Edit")
    edit.addActions([a.undo, a.redo])
    edit.addSeparator()
    edit.addActions([a.cut, a.copy, a.paste, a.duplicate, a.delete])
    edit.addSeparator()
    edit.addActions([a.select_all, a.find, a.find_next, a.rename])
    emotion = edit.addMenu("Set &Emotion")
    emotion.aboutToShow.connect(lambda: _fill_emotion_menu(window, a, emotion))
    view = bar.addMenu("&View")
    view.addActions([a.zoom_in, a.zoom_out, a.zoom_100, a.fit, a.zoom_selection])
    view.addSeparator()
    window.lanes_menu = view.addMenu("&Lanes")
    window.lanes_menu.aboutToShow.connect(window.fill_lanes_menu)
    window.docks_menu = view.addMenu("&Panels")
    view.addSeparator()
    appearance.build_menu(view)
    insert = bar.addMenu("&Insert")
    insert.addActions([a.add_touchpoint, a.add_stage])
    lanes = insert.addMenu("&Lane")
    lanes.addActions(list(a.lanes.values()))
    insert.addAction(a.add_connection)
    insert.addSeparator()
    insert.addAction(a.capture_flow)
    helpmenu = bar.addMenu("&Help")
    helpmenu.addActions([a.shortcuts, a.about])


def _fill_emotion_menu(window: MainWindow, a: Actions, menu: QMenu) -> None:
    menu.clear()
    scale = window.document.journey.info.emotion_scale
    for digit, action in enumerate(a.emotions):
        value = None if digit == 0 else scale.minimum + digit - 1
        if value is not None and not scale.contains(value):
            continue
        label = "Clear" if value is None else f"{value:+d}  {scale.label(value)}"
        action.setText(label)
        action.setShortcut(QKeySequence(str(digit)) if digit < 10 else QKeySequence())
        action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        menu.addAction(action)


def build_toolbar(window: MainWindow, a: Actions) -> QToolBar:
    bar = QToolBar("Main")
    bar.setObjectName("MainToolbar")
    bar.setIconSize(QSize(18, 18))
    bar.setMovable(False)
    bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
    a.undo.setIcon(glyphs.icon("undo", ICON_INK))
    a.redo.setIcon(glyphs.icon("redo", ICON_INK))
    a.fit.setIcon(glyphs.icon("fit", ICON_INK))
    a.add_touchpoint.setIcon(glyphs.icon("plus", ICON_INK))
    a.add_stage.setIcon(glyphs.icon("stage", ICON_INK))
    a.capture_flow.setIcon(glyphs.icon("flow", ICON_INK))
    a.add_touchpoint.setIconText("Touchpoint")
    a.add_stage.setIconText("Stage")
    a.add_connection.setIconText("Connect")
    a.capture_flow.setIconText("Connect as you type")
    a.fit.setIconText("Fit")
    groups = [
        [a.new, a.open, a.save],
        [a.undo, a.redo],
        [a.add_touchpoint, a.add_stage, a.add_connection, a.capture_flow],
        [a.fit],
    ]
    for group in groups:
        if bar.actions():
            bar.addSeparator()
        bar.addActions(group)
    for action in (a.new, a.open, a.save, a.undo, a.redo):
        button = bar.widgetForAction(action)
        if isinstance(button, QToolButton):
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonIconOnly)
    window.addToolBar(Qt.ToolBarArea.TopToolBarArea, bar)
    return bar
