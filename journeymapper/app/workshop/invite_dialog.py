"""Workshop ▸ Invite participants…: a QR code and a short link for the room to open.

Shown on the presenter's screen (the one the room sees): it holds the participants' link
only; the facilitator's controls stay in the editor. The network choice is explained in
place: by default the workshop listens on this laptop's address on its network (the
room's Wi-Fi), so nothing listens on other networks; all interfaces is an explicit pick.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QGuiApplication, QPixmap
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from journeymapper.app.workshop.controller import DEFAULT_PORT, WorkshopController
from journeymapper.server.addresses import ALL_INTERFACES, LOOPBACK, network_addresses
from journeymapper.workshop.web import qr_png

QR_SIZE = 320
_EXPLAIN = {
    "network": "Phones on this network (the room's Wi-Fi) can join; nothing listens on "
    "the laptop's other networks.",
    "loopback": "Only this laptop can open the page: for trying the workshop out.",
    "all": "Every network this laptop is on can reach the workshop, other than the room's "
    "too (a VPN, a second adapter). Choose it only when the room's network is not listed.",
}


def bind_choices() -> list[tuple[str, str, str]]:
    """(label, address, kind) for the network menu: this laptop's networks first."""
    choices = [
        (f"{adapter} — {address} (recommended)" if i == 0 else f"{adapter} — {address}",
         address, "network")
        for i, (address, adapter) in enumerate(network_addresses())
    ]  # fmt: skip
    choices.append((f"This computer only — {LOOPBACK}", LOOPBACK, "loopback"))
    choices.append((f"Every network — {ALL_INTERFACES}", ALL_INTERFACES, "all"))
    return choices


class InviteDialog(QDialog):
    def __init__(self, controller: WorkshopController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.setWindowTitle("Invite participants")
        self.setMinimumWidth(720)
        self.code_row = QWidget()  # the code and how to use it: hidden until it exists
        self.qr = QLabel(alignment=Qt.AlignmentFlag.AlignCenter)
        self.qr.setFixedSize(QR_SIZE, QR_SIZE)
        self.qr.setAccessibleName("QR code of the link participants open")
        self.link = QLabel(textFormat=Qt.TextFormat.PlainText, wordWrap=True)
        self.link.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.link.setAccessibleName("Link participants open")
        font = QFont(self.link.font())
        font.setPointSizeF(font.pointSizeF() * 1.4)
        self.link.setFont(font)
        self.copy = QPushButton("Copy link")
        self.copy.setAccessibleName("Copy the participants' link")
        self.copy.clicked.connect(self._copy)
        self.network = QComboBox()
        self.network.setAccessibleName("Network the workshop listens on")
        for label, address, kind in bind_choices():
            self.network.addItem(label, (address, kind))
        self.network.currentIndexChanged.connect(self._explain)
        self.explanation = QLabel(wordWrap=True, textFormat=Qt.TextFormat.PlainText)
        self.port = QSpinBox(minimum=0, maximum=65535, value=DEFAULT_PORT)
        self.port.setAccessibleName("Port (0 picks a free one)")
        self.start_stop = QPushButton("Stop the workshop")
        metrics = self.start_stop.fontMetrics()
        self.start_stop.setMinimumWidth(metrics.horizontalAdvance("Stop the workshop") + 40)
        self.start_stop.clicked.connect(self._start_or_stop)
        self._build()
        controller.running_changed.connect(self._show_state)
        self._explain()
        self._show_state(controller.running)

    def _build(self) -> None:
        intro = QLabel(
            "Participants open this link on their phone or laptop (no account, no app) to "
            "add touchpoints and vote. Show it on the shared screen: it holds the room's "
            "link only; your controls stay in the Participants panel.",
            wordWrap=True,
            textFormat=Qt.TextFormat.PlainText,
        )
        side = QVBoxLayout()
        side.addWidget(QLabel("Scan the code, or open the link below."))
        side.addWidget(self.copy, 0, Qt.AlignmentFlag.AlignLeft)
        side.addStretch(1)
        top = QHBoxLayout(self.code_row)
        top.setContentsMargins(0, 0, 0, 0)
        top.addWidget(self.qr)
        top.addLayout(side, 1)
        form = QFormLayout()
        form.addRow("Network:", self.network)
        form.addRow("", self.explanation)
        form.addRow("Port:", self.port)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.addButton(self.start_stop, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.code_row)
        layout.addWidget(self.link)
        layout.addLayout(form)
        layout.addWidget(buttons)

    def _explain(self) -> None:
        _, kind = self.network.currentData()
        self.explanation.setText(_EXPLAIN[kind])

    def _start_or_stop(self) -> None:
        if self.controller.running:
            self.controller.stop()
        else:
            address, _ = self.network.currentData()
            self.controller.start(address, self.port.value())

    def _show_state(self, running: bool) -> None:
        self.network.setEnabled(not running)
        self.port.setEnabled(not running)
        self.copy.setEnabled(running)
        self.start_stop.setText("Stop the workshop" if running else "Start inviting")
        self.start_stop.setAccessibleName(self.start_stop.text())
        self.start_stop.setDefault(not running)
        self.code_row.setVisible(running)
        if running:
            url = self.controller.join_url
            self.link.setText(url)
            pixmap = QPixmap()
            pixmap.loadFromData(qr_png(url))
            self.qr.setPixmap(pixmap.scaled(QR_SIZE, QR_SIZE, Qt.AspectRatioMode.KeepAspectRatio))
        else:
            self.link.setText("Not started: choose the network, then Start inviting.")
            self.qr.clear()
        self.adjustSize()

    def _copy(self) -> None:
        QGuiApplication.clipboard().setText(self.controller.join_url)
