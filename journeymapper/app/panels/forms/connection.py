"""The fields of a connection: where it goes, and its label."""

from __future__ import annotations

from PySide6.QtWidgets import QLineEdit

from journeymapper.app.document import Document
from journeymapper.app.panels.forms.base import Form
from journeymapper.app.panels.forms.fields import blocked
from journeymapper.model.edits import UpdateConnection


class ConnectionForm(Form):
    def __init__(self, document: Document) -> None:
        super().__init__(document)
        self.conn_id: str | None = None
        self.heading("Connection")
        self.ends = self.note("")
        self.label = self.row("label", "Label", QLineEdit())
        self.label.setPlaceholderText("Optional, e.g. “clicks the ad”")
        self.label.editingFinished.connect(self._label_edited)

    def show_connection(self, conn_id: str) -> None:
        self.conn_id = conn_id
        self.clear_reasons()
        self.refresh()

    def refresh(self) -> None:
        journey = self.document.journey
        if self.conn_id is None or not journey.has_connection(self.conn_id):
            return
        conn = journey.connection(self.conn_id)
        source, target = journey.touchpoint(conn.source), journey.touchpoint(conn.target)
        self.ends.setText(f"From “{source.name}”\nto “{target.name}”")
        with blocked(self.label):
            self.label.setText(conn.label)

    def _label_edited(self) -> None:
        if self.conn_id is None or not self.document.journey.has_connection(self.conn_id):
            return
        text = " ".join(self.label.text().split())
        if text != self.document.journey.connection(self.conn_id).label:
            self.commit("label", UpdateConnection(self.conn_id, {"label": text}))
