"""The File menu of one window: New, New Window, Open, Open Recent, Save, Save As, the
canvas as PNG, Close and Quit — the `Opener` and `Saving` commands as actions."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QAction, QKeySequence

from journeymapper.app.actions import Std
from journeymapper.app.context import EditorContext
from journeymapper.app.files import windows
from journeymapper.app.files.opening import Opener
from journeymapper.app.files.saving import Saving
from journeymapper.app.settings import clear_recent_files, recent_files


class FileCommands:
    """Builds the File menu's actions and entries from an opener and a saver."""

    def __init__(
        self, context: EditorContext, opener: Opener, saving: Saving, close: Callable[[], object]
    ) -> None:
        self.context = context
        self.opener = opener
        self.saving = saving
        a = context.actions.add
        self.new = a("new", "&New", opener.new_map, Std.New, "New map", icon="file")
        a("new_window", "New &Window", opener.new_window, "Ctrl+Shift+N")
        a("open", "&Open…", opener.open_dialog, Std.Open, "Open a map", icon="folder")
        a("save", "&Save", saving.save, Std.Save, "Save the map", icon="save")
        a("save_as", "Save &As…", saving.save_as, Std.SaveAs)
        a("export_png", "Canvas as &PNG Image…", saving.export_png)
        a("close", "&Close", close, Std.Close)
        quit_action = a("quit", "&Quit", windows.quit_all, Std.Quit)
        if not quit_action.shortcuts():  # X11 and Wayland have no standard Quit key
            quit_action.setShortcut(QKeySequence("Ctrl+Q"))
        quit_action.setMenuRole(QAction.MenuRole.QuitRole)
        self._fill_menus()

    def _fill_menus(self) -> None:
        shell, acts = self.context.shell, self.context.actions
        file = shell.menu("file")
        file.addActions([acts["new"], acts["new_window"], acts["open"]])
        recent = shell.menu("recent")
        file.addMenu(recent)
        recent.aboutToShow.connect(self.fill_recent_menu)
        file.addSeparator()
        file.addActions([acts["save"], acts["save_as"]])
        file.addSeparator()
        file.addMenu(shell.menu("import"))
        file.addMenu(shell.menu("export"))
        shell.menu("export").addAction(acts["export_png"])
        file.addSeparator()
        file.addActions([acts["close"], acts["quit"]])

    def fill_recent_menu(self) -> None:
        menu = self.context.shell.menu("recent")
        menu.clear()
        paths = recent_files()
        for path in paths:
            action = menu.addAction(path.name, lambda p=path: self.opener.open_path(p))
            action.setToolTip(str(path))
            action.setStatusTip(str(path))
        if not paths:
            menu.addAction("No recent files").setEnabled(False)
        else:
            menu.addSeparator()
            menu.addAction("Clear Menu", clear_recent_files)
