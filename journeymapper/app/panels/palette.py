"""The palette dock: the channel catalogue by category, searchable, every entry draggable.

Dragging an entry carries `application/x-journeymapper-touchpoint`; double-click or
Enter adds the channel to the canvas's current cell instead, for the keyboard.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QMimeData, QModelIndex, QSize, Qt
from PySide6.QtGui import QKeyEvent, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDockWidget,
    QLineEdit,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from journeymapper.app.canvas.mime import TOUCHPOINT_MIME, touchpoint_mime
from journeymapper.app.look import glyphs
from journeymapper.look import palette
from journeymapper.model import catalog

CHANNEL_ROLE = Qt.ItemDataRole.UserRole + 1
CUSTOM = "__custom__"


class _Model(QStandardItemModel):
    def mimeTypes(self) -> list[str]:
        return [TOUCHPOINT_MIME, "text/plain"]

    def mimeData(self, indexes: Sequence[QModelIndex]) -> QMimeData:
        for index in indexes:
            key = index.data(CHANNEL_ROLE)
            if key is not None:
                label = "New touchpoint" if key == CUSTOM else index.data()
                return touchpoint_mime("" if key == CUSTOM else key, label)
        return QMimeData()


class _Tree(QTreeView):
    def __init__(self, activate: Callable[[QModelIndex], None]) -> None:
        super().__init__()
        self._activate = activate

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentIndex().isValid():
            self._activate(self.currentIndex())
            return
        super().keyPressEvent(event)


class PaletteDock(QDockWidget):
    def __init__(self, add_channel: Callable[[str, str], None]) -> None:
        super().__init__("Palette")
        self.setObjectName("PaletteDock")
        self._add_channel = add_channel
        self.search = QLineEdit()
        self.search.setPlaceholderText("Search channels…")
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self._fill)
        self.model = _Model(self)
        self.tree = _Tree(self._activated)
        self.tree.setModel(self.model)
        self.tree.setHeaderHidden(True)
        self.tree.setIconSize(QSize(20, 20))
        self.tree.setDragEnabled(True)
        self.tree.setDragDropMode(QAbstractItemView.DragDropMode.DragOnly)
        self.tree.setRootIsDecorated(False)
        self.tree.setIndentation(8)
        self.tree.setUniformRowHeights(True)
        self.tree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.tree.doubleClicked.connect(self._activated)
        self.tree.setToolTip("Drag a channel into a touchpoints cell, or double-click it")
        body = QWidget()
        box = QVBoxLayout(body)
        box.setContentsMargins(8, 8, 8, 8)
        box.setSpacing(6)
        box.addWidget(self.search)
        box.addWidget(self.tree)
        self.setWidget(body)
        self._fill("")

    def _fill(self, text: str) -> None:
        self.model.clear()
        found = catalog.search(text)
        for category, label in catalog.CATEGORY_LABELS.items():
            entries = [c for c in found if c.category is category]
            if not entries:
                continue
            group = QStandardItem(label.upper())
            group.setFlags(Qt.ItemFlag.ItemIsEnabled)
            font = group.font()
            font.setBold(True)
            font.setPointSizeF(max(7.5, font.pointSizeF() - 1.5))
            group.setFont(font)
            color = palette.category_color(category)
            for channel in entries:
                item = QStandardItem(glyphs.icon(channel.icon, color), channel.label)
                item.setData(channel.key, CHANNEL_ROLE)
                item.setToolTip(f"{channel.label} — {catalog.OWNERSHIP_LABELS[channel.ownership]}")
                item.setFlags(
                    Qt.ItemFlag.ItemIsEnabled
                    | Qt.ItemFlag.ItemIsSelectable
                    | Qt.ItemFlag.ItemIsDragEnabled
                )
                group.appendRow(item)
            self.model.appendRow(group)
        if not text or "custom".startswith(text.casefold()):
            other = QStandardItem("OTHER")
            other.setFlags(Qt.ItemFlag.ItemIsEnabled)
            custom = QStandardItem(glyphs.icon("dot", palette.NO_CATEGORY), "Custom touchpoint")
            custom.setData(CUSTOM, CHANNEL_ROLE)
            custom.setFlags(
                Qt.ItemFlag.ItemIsEnabled
                | Qt.ItemFlag.ItemIsSelectable
                | Qt.ItemFlag.ItemIsDragEnabled
            )
            other.appendRow(custom)
            self.model.appendRow(other)
        self.tree.expandAll()

    def _activated(self, index: QModelIndex) -> None:
        key = index.data(CHANNEL_ROLE)
        if key is None:
            return
        if key == CUSTOM:
            self._add_channel("", "New touchpoint")
        else:
            self._add_channel(key, index.data())
