"""Who is in the room: one row per collaborator, their colour and their name (as text)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QColor, QIcon, QPixmap
from PySide6.QtWidgets import QListWidget, QListWidgetItem, QWidget

if TYPE_CHECKING:
    from journeymapper.sync.presence import Peer  # (pycrdt: imported when sharing)


def swatch(color: str, size: int = 12) -> QIcon:
    pixmap = QPixmap(size, size)
    pixmap.fill(QColor(color))
    return QIcon(pixmap)


class PresenceList(QListWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName("People in this map's room")
        self.set_peers([])

    def set_peers(self, peers: list[Peer]) -> None:
        self.clear()
        if not peers:
            item = QListWidgetItem("Nobody else is here")
            item.setForeground(QColor("#888888"))
            self.addItem(item)
            return
        for peer in peers:
            item = QListWidgetItem(swatch(peer.color), peer.name)  # plain text, never HTML
            selected = len(peer.selection)
            if selected:
                item.setToolTip(
                    f"{peer.name} has {selected} item{'s' if selected > 1 else ''} selected"
                )
            self.addItem(item)

    def names(self) -> list[str]:
        return [self.item(i).text() for i in range(self.count())]
