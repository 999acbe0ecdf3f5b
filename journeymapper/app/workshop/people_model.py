"""`PeopleModel`: the participants panel's list of who joined, as a Qt table model.

A room of 200 refreshes the list ten times a second while voting. Setting the texts of
`QTreeWidgetItem`s one by one made the view size its "Online" and "Finished voting"
columns to their contents again after every text (about a millisecond each: 60 rows of
three columns stalled the window for tens of milliseconds); this model takes the whole
list at once and tells the view once, with one `dataChanged` over the rows that differ.
Names are data, shown as plain text by the view (never markup).
"""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from journeymapper.workshop.status import Status

Row = tuple[str, str, str]  # name, online, finished voting
HEADERS = ("Name", "Online", "Finished voting")
Index = QModelIndex | QPersistentModelIndex


def rows_of(status: Status) -> list[Row]:
    rows = []
    for person in status.people:
        if status.round_running:
            finished = "yes" if person.done else f"no ({person.used} used)"
        else:
            finished = "—"
        rows.append((person.name, "online" if person.online else "offline", finished))
    return rows


class PeopleModel(QAbstractTableModel):
    def __init__(self) -> None:
        super().__init__()
        self.rows: list[Row] = []

    def show(self, rows: list[Row]) -> None:
        """Show `rows`, telling the view once about what changed."""
        old = self.rows
        if len(rows) != len(old):
            self.beginResetModel()
            self.rows = rows
            self.endResetModel()
            return
        changed = [i for i, (a, b) in enumerate(zip(old, rows, strict=True)) if a != b]
        self.rows = rows
        if changed:
            self.dataChanged.emit(self.index(changed[0], 0), self.index(changed[-1], 2))

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 (Qt's signature)
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(HEADERS)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> str | None:
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self.rows[index.row()][index.column()]
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> str | None:
        horizontal = orientation is Qt.Orientation.Horizontal
        if horizontal and role == Qt.ItemDataRole.DisplayRole:
            return HEADERS[section]
        return None
