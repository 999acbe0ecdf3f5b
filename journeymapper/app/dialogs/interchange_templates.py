"""File ▸ New from Template…: pick one of `model.templates.templates()` and a title.

The same registry as `journeymapper new --template NAME`; the new map opens in this
window when it is untitled and untouched, else in a new window.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from journeymapper.app.context import EditorWindow
from journeymapper.app.files.opening import Opener
from journeymapper.model.document import Journey
from journeymapper.model.schema import JourneyData
from journeymapper.model.templates import Template, templates

BLANK = "Blank three-phase map"


class TemplateDialog(QDialog):
    """A list of templates with their stages, and the new map's title."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("New from Template")
        column = QVBoxLayout(self)
        self.list = QListWidget()
        for entry in templates().values():
            item = QListWidgetItem(BLANK if entry.name == "blank" else entry.title)
            item.setData(Qt.ItemDataRole.UserRole, entry.name)
            item.setToolTip(entry.description)
            self.list.addItem(item)
        self.list.setMinimumWidth(460)
        column.addWidget(self.list, 1)
        self.details = QLabel()
        self.details.setWordWrap(True)
        column.addWidget(self.details)
        form = QFormLayout()
        self.title = QLineEdit()
        form.addRow("Title:", self.title)
        column.addLayout(form)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Create")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.list.itemDoubleClicked.connect(lambda _item: self.accept())
        column.addWidget(buttons)
        self.list.currentRowChanged.connect(self._show)
        self.list.setCurrentRow(0)

    def chosen(self) -> Template:
        item = self.list.currentItem()
        name = item.data(Qt.ItemDataRole.UserRole) if item else "blank"
        return templates()[str(name)]

    def select(self, name: str) -> None:
        self.list.setCurrentRow(list(templates()).index(name))

    def _show(self) -> None:
        entry = self.chosen()
        stages = " → ".join(s.name for s in entry.build().stages)
        self.details.setText(f"{entry.description}\n\nStages: {stages}")
        self.title.setPlaceholderText(entry.title)

    def map_data(self) -> JourneyData:
        """The new map: the chosen template with the typed title (or the template's)."""
        title = self.title.text().strip()
        return self.chosen().build(title or None)


def new_from_template(opener: Opener) -> EditorWindow | None:
    """The whole File ▸ New from Template flow; the window showing the new map."""
    dialog = TemplateDialog(opener.context.parent)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return open_template(opener, dialog.map_data())


def open_template(opener: Opener, data: JourneyData) -> EditorWindow:
    target = opener.open_journey(Journey(data))
    target.context.document.undo_stack.setClean()  # an empty frame: nothing to lose yet
    return target
