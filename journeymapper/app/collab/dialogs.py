"""File ▸ Share… and File ▸ Join…: where the map goes, or which room to join.

Share offers the workshop server on this machine (when the window has one to offer) or
a team server's room address; Join takes a room address with its token. Both check the
address as it is typed and say what is wrong in a line under it, and both ask for the
name collaborators will see.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from journeymapper.sync.urls import RoomUrl, RoomUrlError, parse_room_url


@dataclass(frozen=True)
class RoomRequest:
    url: RoomUrl
    name: str
    force: bool = False


class _RoomDialog(QDialog):
    def __init__(self, title: str, parent: QWidget | None, name: str) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setMinimumWidth(480)
        self.address = QLineEdit(self)
        self.address.setPlaceholderText("ws://server:8765/rooms/our-map?token=…")
        self.address.setAccessibleName("Room address")
        self.person = QLineEdit(name, self)
        self.person.setAccessibleName("Your name, as collaborators see it")
        self.error = QLabel(self)
        self.error.setObjectName("collabError")
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #C62828")
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.address.textChanged.connect(self._check)
        self.form = QFormLayout()
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)

    def room(self) -> RoomUrl | None:
        try:
            return parse_room_url(self.address.text())
        except RoomUrlError:
            return None

    def _check(self) -> None:
        text = self.address.text().strip()
        problem = ""
        if text:
            try:
                parse_room_url(text)
            except RoomUrlError as exc:
                problem = str(exc)
        self.error.setText(problem)
        self._update_ok()

    def _update_ok(self) -> None:
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(self.room() is not None and bool(self.person.text().strip()))


class JoinDialog(_RoomDialog):
    """Asks for a room address (with its token) and the name to show."""

    def __init__(self, parent: QWidget | None = None, name: str = "") -> None:
        super().__init__("Join a shared map", parent, name)
        self.form.addRow("Room address:", self.address)
        self.form.addRow("Your name:", self.person)
        note = QLabel(
            "Your map window will show the room's map; your changes reach everyone in the "
            "room, and the map keeps working offline and merges when you are back.",
            self,
        )
        note.setWordWrap(True)
        self.form.addRow(note)
        self.person.textChanged.connect(self._update_ok)
        self._update_ok()

    def request(self) -> RoomRequest | None:
        room = self.room()
        return None if room is None else RoomRequest(room, self.person.text().strip())


class ShareDialog(_RoomDialog):
    """Host on this machine (the workshop server) or publish to a team server's room."""

    def __init__(
        self, parent: QWidget | None = None, name: str = "", host_url: str | None = None
    ) -> None:
        super().__init__("Share this map", parent, name)
        self.host_url = host_url
        self.on_host = QRadioButton("Host it on this machine (the workshop server)", self)
        self.on_team = QRadioButton("Publish it to a team server:", self)
        self.on_host.setEnabled(host_url is not None)
        if host_url is None:
            self.on_host.setToolTip("Start a workshop session to host maps on this machine.")
        (self.on_host if host_url is not None else self.on_team).setChecked(True)
        self.replace = QCheckBox("Replace the room's map if it already holds one", self)
        self.form.addRow(self.on_host)
        self.form.addRow(self.on_team)
        self.form.addRow("Room address:", self.address)
        self.form.addRow("Your name:", self.person)
        self.form.addRow(self.replace)
        for widget in (self.on_host, self.on_team):
            widget.toggled.connect(self._mode_changed)
        self.person.textChanged.connect(self._update_ok)
        self._mode_changed()

    def _mode_changed(self) -> None:
        hosting = self.on_host.isChecked()
        self.address.setEnabled(not hosting)
        if hosting and self.host_url is not None:
            self.address.setText(self.host_url)
        self._update_ok()

    def request(self) -> RoomRequest | None:
        room = self.room()
        if room is None:
            return None
        return RoomRequest(room, self.person.text().strip(), self.replace.isChecked())
