"""Help ▸ Keyboard Shortcuts: a sheet generated from the window's own actions.

Every action that has a shortcut is listed under the menu that holds it (in this
platform's notation: ⌘ on macOS, Ctrl elsewhere), followed by the keys the canvas
answers to without a menu action (capture, emotions, nudges, the cell cursor). The
sheet is built when it opens, so it never disagrees with the menus. It can be
filtered as you type, copied as plain text and printed.
"""

from __future__ import annotations

from dataclasses import dataclass
from html import escape

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence, QTextDocument
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLineEdit,
    QMenu,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from journeymapper.app.context import EditorContext
from journeymapper.app.look import glyphs

CANVAS = "Canvas"
# Keys the canvas handles itself (keyboard.py, view.py, the in-place editor): no QAction.
CANVAS_KEYS: tuple[tuple[str, str], ...] = (
    ("Type a card into the selected cell", "Type, then Enter"),
    ("Rename the selected card, or type into the cell", "Enter"),
    ("New line in a note or a label being edited", "Shift+Enter"),
    ("Next / previous stage (cell)", "Tab / Shift+Tab"),
    ("Next / previous card (or arrow) in reading order, when one is selected", "Tab / Shift+Tab"),
    ("Walk along the flow: card, arrow out of it, next card (back)", "Alt+Right / Alt+Left"),
    ("On an arrow: the next / previous branch from the same card", "Alt+Down / Alt+Up"),
    ("Lane below / above (cell)", "Ctrl+Down / Ctrl+Up"),
    ("Move the cell, or nudge the selected cards", "Arrow keys"),
    ("Set the emotion of the selected cards", "1 … 5 (0 clears)"),
    ("Set the emotion of the card being typed", "Alt+1 … 5 (Alt+0 clears)"),
    ("Vote for a card / take the vote back (voting round)", "Click / Shift+click"),
    ("Cancel a gesture, then clear the selection (then stop presenting)", "Esc"),
    ("Zoom around the pointer", "Ctrl+wheel, pinch"),
    ("Pan", "Space+drag, middle-drag, wheel, Shift+wheel"),
)


@dataclass(frozen=True)
class Row:
    group: str  # the menu path ("Edit", "File ▸ Export") or CANVAS
    action: str
    keys: str
    source: QAction | None = None  # None for the canvas's own keys


def _clean(text: str) -> str:
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&").rstrip("…").strip()


def key_sequences(action: QAction) -> list[QKeySequence]:
    """The action's shortcuts a keyboard can type: not the dedicated Open, Save, Copy,
    Zoom In… keys (or Sun's F13…F20) some keyboards have: Qt binds those too, and a
    sheet would only clutter."""
    return [s for s in action.shortcuts() if not s.isEmpty() and not _appliance_key(s)]


def _appliance_key(sequence: QKeySequence) -> bool:
    key = sequence[0].key()
    sun_keys = Qt.Key.Key_F13.value <= key.value <= Qt.Key.Key_F35.value  # Undo=F14 on Sun
    return key == Qt.Key.Key_Help or key.value >= Qt.Key.Key_Back.value or sun_keys


def _keys(action: QAction) -> str:
    native = QKeySequence.SequenceFormat.NativeText
    return ", ".join(s.toString(native) for s in key_sequences(action))


def _name(context: EditorContext, action: QAction) -> str:
    # Undo and Redo name what they would undo ("Undo Move"): the sheet wants the verb.
    if action is context.actions.undo:
        return "Undo"
    if action is context.actions.redo:
        return "Redo"
    return _clean(action.text()) or _clean(action.toolTip())


def _walk(menu: QMenu, path: str, seen: set[int]) -> list[tuple[str, QAction]]:
    found: list[tuple[str, QAction]] = []
    for action in menu.actions():
        sub = action.menu()
        if isinstance(sub, QMenu):
            found += _walk(sub, f"{path} ▸ {_clean(sub.title())}", seen)
        elif not action.isSeparator() and id(action) not in seen:
            seen.add(id(action))
            found.append((path, action))
    return found


def shortcuts(context: EditorContext) -> list[Row]:
    """Every action of the window with a shortcut, by menu, then the canvas's own keys."""
    seen: set[int] = set()
    placed: list[tuple[str, QAction]] = []
    for top in context.parent.menuBar().actions():
        menu = top.menu()
        if isinstance(menu, QMenu):
            placed += _walk(menu, _clean(menu.title()), seen)
    # Actions with a key that live in no menu (added to the window or the canvas only).
    loose = [a for a in context.parent.findChildren(QAction) if id(a) not in seen]
    placed += [("Other", a) for a in loose if a.shortcuts() and _name(context, a)]
    rows = [Row(g, _name(context, a), _keys(a), a) for g, a in placed if _keys(a)]
    rows += [Row(CANVAS, action, keys) for action, keys in CANVAS_KEYS]
    order = {group: i for i, group in reversed(list(enumerate(r.group for r in rows)))}
    return sorted(rows, key=lambda r: order[r.group])  # stable: menu order within a group


def as_text(rows: list[Row]) -> str:
    """The sheet as plain text (tab-separated, one group after another)."""
    lines: list[str] = ["JourneyMapper keyboard shortcuts"]
    group = None
    for row in rows:
        if row.group != group:
            group = row.group
            lines += ["", group]
        lines.append(f"  {row.action}\t{row.keys}")
    return "\n".join(lines) + "\n"


def as_html(rows: list[Row]) -> str:
    """The sheet as an HTML table, for printing."""
    parts = ["<h2>JourneyMapper keyboard shortcuts</h2><table cellpadding='3'>"]
    group = None
    for row in rows:
        if row.group != group:
            group = row.group
            parts.append(f"<tr><td colspan='2'><br><b>{escape(group)}</b></td></tr>")
        parts.append(f"<tr><td>{escape(row.action)}</td><td><b>{escape(row.keys)}</b></td></tr>")
    parts.append("</table>")
    return "".join(parts)


class ShortcutsDialog(QDialog):
    def __init__(self, context: EditorContext, parent: QWidget | None = None) -> None:
        super().__init__(parent or context.parent)
        self.setWindowTitle("Keyboard Shortcuts")
        self.rows = shortcuts(context)
        self.search = QLineEdit()
        self.search.setPlaceholderText("Filter by action or key")
        self.search.setClearButtonEnabled(True)
        self.search.addAction(
            glyphs.icon("search", glyphs.MUTED), QLineEdit.ActionPosition.LeadingPosition
        )
        self.search.textChanged.connect(self.filter)
        self.tree = QTreeWidget()
        self.tree.setHeaderLabels(["Action", "Keys"])
        self.tree.setRootIsDecorated(False)
        self.tree.setAlternatingRowColors(True)
        self.tree.setSelectionMode(QTreeWidget.SelectionMode.ExtendedSelection)
        header = self.tree.header()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(False)
        self._fill()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        copy = QPushButton("&Copy")
        copy.setToolTip("Copy the whole sheet as text")
        copy.clicked.connect(self.copy)
        printing = QPushButton("&Print…")
        printing.clicked.connect(self.print_sheet)
        buttons.addButton(copy, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(printing, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        column = QVBoxLayout(self)
        column.addWidget(self.search)
        column.addWidget(self.tree, 1)
        column.addWidget(buttons)
        self.resize(600, 680)
        self.search.setFocus()

    def _fill(self) -> None:
        groups: dict[str, QTreeWidgetItem] = {}
        for row in self.rows:
            parent = groups.get(row.group)
            if parent is None:
                parent = QTreeWidgetItem(self.tree, [row.group, ""])
                font = parent.font(0)
                font.setBold(True)
                parent.setFont(0, font)
                parent.setFlags(Qt.ItemFlag.ItemIsEnabled)
                parent.setFirstColumnSpanned(True)
                groups[row.group] = parent
            item = QTreeWidgetItem(parent, [row.action, row.keys])
            item.setToolTip(0, row.source.statusTip() if row.source is not None else "")
        self.tree.expandAll()

    def filter(self, text: str) -> None:
        """Show the rows whose action, keys or menu contain `text` (case-insensitive)."""
        needle = text.casefold().strip()
        for i in range(self.tree.topLevelItemCount()):
            group = self.tree.topLevelItem(i)
            group_hit = needle in group.text(0).casefold()
            shown = 0
            for j in range(group.childCount()):
                child = group.child(j)
                hit = (
                    not needle
                    or group_hit
                    or any(needle in child.text(c).casefold() for c in (0, 1))
                )
                child.setHidden(not hit)
                shown += hit
            group.setHidden(shown == 0)

    def visible_rows(self) -> list[tuple[str, str]]:
        found = []
        for i in range(self.tree.topLevelItemCount()):
            group = self.tree.topLevelItem(i)
            for j in range(group.childCount()):
                child = group.child(j)
                if not child.isHidden() and not group.isHidden():
                    found.append((child.text(0), child.text(1)))
        return found

    def copy(self) -> None:
        QGuiApplication.clipboard().setText(as_text(self.rows))

    def print_sheet(self) -> None:
        from PySide6.QtPrintSupport import QPrintDialog, QPrinter

        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        dialog = QPrintDialog(printer, self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            document = QTextDocument()
            document.setHtml(as_html(self.rows))
            document.print_(printer)
