"""The personas dock: add, edit and colour personas; choose one to see its journey.

Choosing a persona in the list highlights its cards on the canvas (the others fade)
and makes its emotion line bold. The highlight is view state, not part of the map.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import (
    QDockWidget,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from journeymapper.app.document import Document
from journeymapper.app.look import glyphs
from journeymapper.app.panels.forms.base import Form
from journeymapper.app.panels.forms.fields import ColorButton, ItemList, TextBox, blocked
from journeymapper.model.builders import new_persona
from journeymapper.model.edits import AddPersona, RemovePersona, UpdatePersona

ID_ROLE = Qt.ItemDataRole.UserRole + 1


class PersonaForm(Form):
    def __init__(self, document: Document) -> None:
        super().__init__(document)
        self.persona_id: str | None = None
        self.form.setRowWrapPolicy(self.form.RowWrapPolicy.WrapAllRows)  # a narrow dock
        self.name = self.row("name", "Name", QLineEdit())
        self.color = self.row("color", "Colour", ColorButton())
        self.description = self.row("description", "About", TextBox(2))
        self.goals = self.row("goals", "Goals", ItemList("a goal"))
        self.name.editingFinished.connect(lambda: self._set("name", self.name.text().strip()))
        self.color.color_chosen.connect(lambda c: self._set("color", c))
        self.description.editingFinished.connect(
            lambda: self._set("description", self.description.toPlainText())
        )
        self.goals.edited.connect(lambda goals: self._set("goals", goals))

    def show_persona(self, persona_id: str | None) -> None:
        if persona_id != self.persona_id:
            self.clear_reasons()
        self.persona_id = persona_id
        self.setVisible(persona_id is not None)
        self.refresh()

    def refresh(self) -> None:
        journey = self.document.journey
        if self.persona_id is None or not any(p.id == self.persona_id for p in journey.personas):
            return
        persona = journey.persona(self.persona_id)
        with blocked(self.name, self.description):
            self.name.setText(persona.name)
            self.description.set_text(persona.description)
        self.color.set_color(persona.color)
        self.goals.set_items(persona.goals)

    def _set(self, key: str, value: object) -> None:
        if self.persona_id is None:
            return
        if getattr(self.document.journey.persona(self.persona_id), key) == value:
            return
        if key == "name" and not value:
            self.refuse("name", "A persona needs a name.")
            return
        self.commit(key, UpdatePersona(self.persona_id, {key: value}))


class PersonasDock(QDockWidget):
    def __init__(self, document: Document, highlight: Callable[[str | None], None]) -> None:
        super().__init__("Personas")
        self.setObjectName("PersonasDock")
        self.document = document
        self._highlight = highlight
        self.list = QListWidget()
        self.list.setMaximumHeight(120)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.currentItemChanged.connect(self._chosen)
        add = QPushButton("Add")
        add.setIcon(QIcon(glyphs.icon("person", glyphs.INK)))
        self.remove = QPushButton("Remove")
        add.clicked.connect(self.add_persona)
        self.remove.clicked.connect(self.remove_persona)
        self.form = PersonaForm(document)
        body = QWidget()
        column = QVBoxLayout(body)
        column.setContentsMargins(8, 8, 8, 8)
        column.addWidget(self.list)
        buttons = QHBoxLayout()
        buttons.addWidget(add)
        buttons.addWidget(self.remove)
        buttons.addStretch(1)
        column.addLayout(buttons)
        column.addWidget(self.form)
        column.addStretch(1)
        self.setWidget(body)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self.refresh)
        document.signals.changed.connect(self._timer.start)
        document.replaced.connect(self._timer.start)
        self.refresh()

    def current_id(self) -> str | None:
        item = self.list.currentItem()
        return item.data(ID_ROLE) if item is not None else None

    def refresh(self) -> None:
        journey = self.document.journey
        current = self.current_id()
        counts = Counter(p for tp in journey.touchpoints() for p in tp.personas)
        with blocked(self.list):
            self.list.clear()
            for persona in journey.personas:
                count = counts[persona.id]
                item = QListWidgetItem(
                    QIcon(glyphs.dot_pixmap(persona.color, 14)),
                    f"{persona.name}  ({count})",
                )
                item.setToolTip(f"{persona.name}: {count} touchpoints")
                item.setData(ID_ROLE, persona.id)
                self.list.addItem(item)
                if persona.id == current:
                    self.list.setCurrentItem(item)
        still = self.current_id()
        self.remove.setEnabled(still is not None)
        self.form.show_persona(still)
        if still != current:
            self._highlight(still)

    def _chosen(self, *_: object) -> None:
        persona_id = self.current_id()
        self.remove.setEnabled(persona_id is not None)
        self.form.show_persona(persona_id)
        self._highlight(persona_id)

    def add_persona(self) -> None:
        persona = new_persona(self.document.journey)
        if self.document.push(AddPersona(persona)) is None:
            for row in range(self.list.count()):
                if self.list.item(row).data(ID_ROLE) == persona.id:
                    self.list.setCurrentRow(row)
            self.form.name.setFocus()
            self.form.name.selectAll()

    def remove_persona(self) -> None:
        persona_id = self.current_id()
        if persona_id is None:
            return
        persona = self.document.journey.persona(persona_id)
        answer = QMessageBox.question(
            self,
            "Remove persona",
            f"Remove the persona “{persona.name}” from the map and its touchpoints?\n\n"
            "You can undo this.",
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        if answer == QMessageBox.StandardButton.Yes:
            self.document.push(RemovePersona(persona_id))
