"""The window's own actions and menus: Edit, View, Insert and Help, and the toolbar.

The File menu comes from `files.commands`, the Workshop menu from the facilitator's
tools, the dialogs add their entries to Import and Export; the window only builds the
menu bar's skeleton (`MenuBar`) and fills in the actions it owns. Undo and Redo come
from the undo stack and name what they would undo.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMenu, QToolBar, QToolButton

from journeymapper.app.actions import ICON_INK, Std
from journeymapper.app.context import EditorContext, MenuName
from journeymapper.app.look import appearance, glyphs
from journeymapper.model.schema import LaneKind

LANE_LABELS = {
    LaneKind.TOUCHPOINTS: "Touchpoints Lane",
    LaneKind.NOTES: "Notes Lane",
    LaneKind.EMOTION: "Emotion Lane",
    LaneKind.PAIN_POINTS: "Pain Points Lane",
    LaneKind.OPPORTUNITIES: "Opportunities Lane",
}
TOP_MENUS: dict[MenuName, str] = {
    "file": "&File",
    "edit": "&Edit",
    "view": "&View",
    "insert": "&Insert",
    "workshop": "&Workshop",  # filled by the facilitator after the first paint
    "help": "&Help",
}
SUB_MENUS: dict[MenuName, str] = {
    "recent": "Open &Recent",
    "import": "&Import",
    "export": "&Export",
    "lanes": "&Lanes",
    "panels": "&Panels",
}


class MenuBar:
    """The menu bar's named menus; features fill them."""

    def __init__(self, window: QMainWindow) -> None:
        bar = window.menuBar()
        self.menus: dict[MenuName, QMenu] = {}
        for name, title in TOP_MENUS.items():
            self.menus[name] = bar.addMenu(title)
        for name, title in SUB_MENUS.items():
            self.menus[name] = QMenu(title, window)

    def __getitem__(self, name: MenuName) -> QMenu:
        return self.menus[name]


def add_window_actions(
    context: EditorContext,
    show_find: Callable[[], object],
    find_next: Callable[[], object],
    capture_flow: Callable[[], object],
    show_shortcuts: Callable[[], object],
    show_about: Callable[[], object],
) -> None:
    """Register the Edit, View, Insert and Help actions of one window."""
    acts, ops, view = context.actions, context.operations, context.view
    stack = context.document.undo_stack
    undo = acts.register("undo", stack.createUndoAction(context.parent, "&Undo"))
    undo.setShortcuts(QKeySequence.keyBindings(Std.Undo))
    redo = acts.register("redo", stack.createRedoAction(context.parent, "&Redo"))
    redo.setShortcuts(QKeySequence.keyBindings(Std.Redo))
    a = acts.add
    a("cut", "Cu&t", ops.cut, Std.Cut)
    a("copy", "&Copy", ops.copy, Std.Copy)
    a("paste", "&Paste", ops.paste, Std.Paste)
    a("duplicate", "&Duplicate", ops.duplicate, "Ctrl+D")
    delete = a("delete", "De&lete", ops.delete_selection, Std.Delete)
    delete.setShortcuts([*QKeySequence.keyBindings(Std.Delete), QKeySequence(Qt.Key.Key_Backspace)])
    a("select_all", "Select &All", ops.select_all, Std.SelectAll)
    a("find", "&Find…", show_find, Std.Find, icon="search")
    a("find_next", "Find &Next", find_next, Std.FindNext)
    a("rename", "&Rename", ops.rename_selected, "F2")
    a("zoom_in", "Zoom &In", lambda: view.zoom_by(1.25), Std.ZoomIn)
    a("zoom_out", "Zoom &Out", lambda: view.zoom_by(0.8), Std.ZoomOut)
    a("zoom_100", "&Actual Size", lambda: view.set_zoom(1.0), "Ctrl+0")
    a("fit", "&Fit to Window", view.fit_all, "Shift+1", "Show the whole map")
    a("zoom_selection", "Zoom to &Selection", ops.zoom_to_selection, "Shift+2")
    tip = "Add a touchpoint to the selected cell"
    a("add_touchpoint", "&Touchpoint", ops.add_touchpoint, "Ctrl+T", tip, icon="touchpoints")
    tip = "Add a stage after the selected one"
    a("add_stage", "&Stage", ops.add_stage, "Ctrl+Shift+T", tip)
    tip = "Connect the selected touchpoints in order"
    a("add_connection", "&Connection", ops.connect_selected, "Ctrl+L", tip, icon="share")
    tip = "Each card typed is connected from the one before"
    flow = a("capture_flow", "Connect &As You Type", capture_flow, "Ctrl+Shift+L", tip)
    flow.setCheckable(True)
    a("shortcuts", "&Keyboard Shortcuts", show_shortcuts, Std.HelpContents)
    a("about", "&About JourneyMapper", show_about).setMenuRole(QAction.MenuRole.AboutRole)
    for digit in range(6):
        a(f"emotion_{digit}", "", _emotion_setter(context, digit))
    for kind, label in LANE_LABELS.items():
        a(f"add_lane_{kind.value}", label, lambda k=kind: ops.add_lane(k))


def _emotion_setter(context: EditorContext, digit: int) -> Callable[[], None]:
    def set_emotion() -> None:
        scale = context.document.journey.info.emotion_scale
        context.operations.set_emotion(None if digit == 0 else scale.minimum + digit - 1)

    return set_emotion


def fill_window_menus(context: EditorContext) -> None:
    a, menu = context.actions, context.shell.menu
    edit = menu("edit")
    edit.addActions([a.undo, a.redo])
    edit.addSeparator()
    edit.addActions([a.cut, a.copy, a.paste, a.duplicate, a.delete])
    edit.addSeparator()
    edit.addActions([a.select_all, a.find, a.find_next, a.rename])
    emotion = edit.addMenu("Set &Emotion")
    emotion.aboutToShow.connect(lambda: _fill_emotion_menu(context, emotion))
    view = menu("view")
    view.addActions([a.zoom_in, a.zoom_out, a.zoom_100, a.fit, a.zoom_selection])
    view.addSeparator()
    view.addMenu(menu("lanes"))
    menu("lanes").aboutToShow.connect(lambda: _fill_lanes_menu(context, menu("lanes")))
    view.addMenu(menu("panels"))
    view.addSeparator()
    appearance.build_menu(view)
    insert = menu("insert")
    insert.addActions([a.add_touchpoint, a.add_stage])
    lanes = insert.addMenu("&Lane")
    lanes.addActions([a[f"add_lane_{kind.value}"] for kind in LANE_LABELS])
    insert.addAction(a.add_connection)
    insert.addSeparator()
    insert.addAction(a.capture_flow)
    menu("help").addActions([a.shortcuts, a.about])


def _fill_emotion_menu(context: EditorContext, menu: QMenu) -> None:
    menu.clear()
    scale = context.document.journey.info.emotion_scale
    for digit in range(6):
        action = context.actions[f"emotion_{digit}"]
        value = None if digit == 0 else scale.minimum + digit - 1
        if value is not None and not scale.contains(value):
            continue
        label = "Clear" if value is None else f"{value:+d}  {scale.label(value)}"
        action.setText(label)
        action.setShortcut(QKeySequence(str(digit)))
        action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        menu.addAction(action)


def _fill_lanes_menu(context: EditorContext, menu: QMenu) -> None:
    menu.clear()
    for lane in context.document.journey.lanes:
        action = menu.addAction(lane.name)
        action.setCheckable(True)
        action.setChecked(not lane.hidden)
        action.toggled.connect(
            lambda on, lid=lane.id: context.operations.set_lane_hidden(lid, not on)
        )


def build_toolbar(context: EditorContext) -> QToolBar:
    a = context.actions
    bar = QToolBar("Main")
    bar.setObjectName("MainToolbar")
    bar.setIconSize(QSize(18, 18))
    bar.setMovable(False)
    bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
    for name, icon in (("undo", "undo"), ("redo", "redo"), ("fit", "fit")):
        a[name].setIcon(glyphs.icon(icon, ICON_INK))
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
    return bar
