"""File ▸ Import ▸ Map from CSV, Mermaid or GraphML…: read a file, show what it held and
what was skipped, then open it as a new map or merge it into the open one.

A merge is one `Batch` on the undo stack (`io.interchange.merge.merge_edit`), so one Undo
takes the whole import back. A new map opens in this window when it is untitled and
untouched, else in a new window; either way it is marked unsaved.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QListWidget,
    QMessageBox,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from journeymapper.app.context import EditorContext, EditorWindow
from journeymapper.app.files.opening import Opener
from journeymapper.io.errors import FileFormatError
from journeymapper.io.interchange.build import ImportResult
from journeymapper.io.interchange.formats import LABELS, UnknownFormatError, import_file
from journeymapper.io.interchange.merge import merge_edit
from journeymapper.model.document import Journey

FILTERS = (
    "Maps to import (*.csv *.tsv *.mmd *.mermaid *.graphml *.journey)",
    "CSV spreadsheets (*.csv *.tsv)",
    "Mermaid journeys (*.mmd *.mermaid)",
    "GraphML graphs (*.graphml)",
    "All files (*)",
)


def counts(result: ImportResult) -> str:
    data = result.data

    def n(count: int, word: str) -> str:
        return f"{count} {word}{'' if count == 1 else 's'}"

    return (
        f"{n(len(data.touchpoints), 'touchpoint')} and {n(len(data.connections), 'connection')}"
        f" in {n(len(data.stages), 'stage')}, {n(len(data.personas), 'persona')}"
    )


class ImportDialog(QDialog):
    """What an import found, what it skipped, and where it should go."""

    def __init__(
        self, result: ImportResult, path: Path, target_title: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.result = result
        self.setWindowTitle(f"Import {path.name}")
        column = QVBoxLayout(self)
        kind = LABELS.get(result.format, result.format)
        self.summary = QLabel(f"<b>{path.name}</b> ({kind}): {counts(result)}.")
        self.summary.setWordWrap(True)
        column.addWidget(self.summary)
        self.as_new = QRadioButton("Open as a new map")
        self.merge = QRadioButton(f"Merge into “{target_title}” (one step to undo)")
        self.as_new.setChecked(True)
        self.choice = QButtonGroup(self)
        for button in (self.as_new, self.merge):
            self.choice.addButton(button)
            column.addWidget(button)
        notices = result.report()
        self.notices_label = QLabel(
            f"Skipped or changed ({len(notices)}):" if notices else "Nothing was skipped."
        )
        column.addWidget(self.notices_label)
        self.notices = QListWidget()
        self.notices.setWordWrap(True)
        self.notices.addItems(notices)
        for row, text in enumerate(notices):
            self.notices.item(row).setToolTip(text)
        self.notices.setVisible(bool(notices))
        self.notices.setMinimumWidth(640)
        column.addWidget(self.notices, 1)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok.setText("Import")
        if result.is_empty:
            self.ok.setEnabled(False)
            self.summary.setText(f"<b>{path.name}</b>: nothing in it could be imported.")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        column.addWidget(buttons)

    @property
    def merging(self) -> bool:
        return self.merge.isChecked()


def choose_file(context: EditorContext) -> Path | None:
    doc = context.document
    start = str(doc.path.parent) if doc.path else ""
    name, _ = QFileDialog.getOpenFileName(context.parent, "Import a Map", start, ";;".join(FILTERS))
    return Path(name) if name else None


def read(context: EditorContext, path: Path) -> ImportResult | None:
    """The import of `path`, or None after telling the user why it cannot be read."""
    try:
        return import_file(path)
    except (FileFormatError, UnknownFormatError) as exc:
        QMessageBox.critical(context.parent, "Cannot import the file", str(exc))
        return None


def apply_import(
    opener: Opener, result: ImportResult, path: Path, *, merge: bool
) -> EditorWindow | None:
    """Merge into the opener's map as one undo step, or open a new map; returns the
    window showing the result (None when the merge was refused)."""
    context = opener.context
    if merge:
        edit = merge_edit(context.document.journey, result.data, f"Import {path.name}")
        if context.document.push(edit) is not None:
            return None
        context.say(f"Imported {path.name}: {counts(result)}", 6000)
        return opener.home
    return opener.open_journey(Journey(result.data))


def import_interactively(opener: Opener, path: Path | None = None) -> EditorWindow | None:
    """The whole File ▸ Import flow; returns the window showing the result, or None."""
    context = opener.context
    path = path or choose_file(context)
    if path is None:
        return None
    result = read(context, path)
    if result is None:
        return None
    dialog = ImportDialog(result, path, context.document.journey.title, context.parent)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return apply_import(opener, result, path, merge=dialog.merging)
