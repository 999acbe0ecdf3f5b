"""The interchange entries of the File menu, added by `install(window)`.

The main window calls `install` for each optional dialog module it finds
(`files.install_optional_dialogs`). This one adds File ▸ New from Template…,
File ▸ Import ▸ Map from CSV, Mermaid or GraphML…, and File ▸ Export ▸ SVG, CSV,
Mermaid and GraphML (the canvas PNG and the poster PDF have entries of their own).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu

if TYPE_CHECKING:
    from journeymapper.app.window.main_window import MainWindow

EXPORTS = (
    ("svg", "Canvas as S&VG Image…"),
    ("csv", "&Spreadsheet (CSV)…"),
    ("mermaid", "&Mermaid Journey…"),
    ("graphml", "&GraphML Graph (yEd, Gephi)…"),
)


def install(window: MainWindow) -> None:
    from journeymapper.app.dialogs.interchange_export import export_interactively
    from journeymapper.app.dialogs.interchange_import import import_interactively
    from journeymapper.app.dialogs.interchange_templates import new_from_template

    template = QAction("New from &Template…", window)
    template.setObjectName("new_from_template")
    template.setStatusTip("Start a map from a template: retail, e-commerce, hotel, SaaS…")
    template.triggered.connect(lambda: new_from_template(window))
    file_menu = window.import_menu.parentWidget()
    after_new = _action_after(window, "new")
    if isinstance(file_menu, QMenu) and after_new is not None:
        file_menu.insertAction(after_new, template)
    else:
        window.import_menu.addAction(template)

    importing = window.import_menu.addAction("Map from &CSV, Mermaid or GraphML…")
    importing.setObjectName("import_map")
    importing.setShortcut(QKeySequence("Ctrl+Shift+I"))
    importing.setStatusTip("Open or merge a CSV sheet, a Mermaid journey or a GraphML graph")
    importing.triggered.connect(lambda: import_interactively(window))

    window.export_menu.addSeparator()
    for fmt, text in EXPORTS:
        action = window.export_menu.addAction(text)
        action.setObjectName(f"export_{fmt}")
        action.triggered.connect(lambda _checked=False, f=fmt: export_interactively(window, f))


def _action_after(window: MainWindow, name: str) -> QAction | None:
    """The File menu action that follows the window's action `name` (to insert before it)."""
    anchor = getattr(getattr(window, "acts", None), name, None)
    menu = window.import_menu.parentWidget()
    entries = menu.actions() if isinstance(menu, QMenu) else []
    if anchor in entries:
        index = entries.index(anchor)
        return entries[index + 1] if index + 1 < len(entries) else None
    return None
