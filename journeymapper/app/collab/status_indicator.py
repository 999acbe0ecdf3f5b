"""The connection's state in the status bar: online, offline or reconnecting, and why."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QWidget

from journeymapper.sync.status import Status

_SHOWN = {
    Status.CONNECTING.value: ("Connecting…", "#F58518"),
    Status.ONLINE.value: ("Online", "#2E7D32"),
    Status.RECONNECTING.value: ("Reconnecting… (editing offline)", "#F58518"),
    Status.OFFLINE.value: ("Offline", "#757575"),
    Status.REFUSED.value: ("Refused", "#C62828"),
}


_TIPS = {
    Status.RECONNECTING.value: "Your changes are kept and sent when the connection is back.",
    Status.ONLINE.value: "Changes reach everyone in the room as you make them.",
}


class ConnectionIndicator(QLabel):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName("Connection to the shared map")
        self.set_status(Status.OFFLINE.value, "")

    def set_status(self, status: str, reason: str) -> None:
        text, color = _SHOWN.get(status, (status, "#757575"))
        self.status = status
        self.setText(f"<span style='color:{color}'>●</span> {text}")
        tip = _TIPS.get(status, "")
        self.setToolTip("\n".join(t for t in (tip, reason) if t).replace("<", "‹"))
