"""Live co-editing in one window: File ▸ Share…, Join… and Leave Shared Map, the
connection indicator in the status bar, the Collaborators panel (who is here, and what
of the shared map could not be shown), their selections outlined on the canvas.

While the map is shared every edit goes through the `CollabController` (the document
routes its pushes there), so undo takes back only this editor's own changes. A
collaborator's change is not an undo step here, but it is unsaved work: the title
shows `*` and autosave keeps it. Sharing on this machine uses the workshop server
(Workshop ▸ Invite Participants… starts it); a team server's room works the same.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDockWidget, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from journeymapper.app.collab.controller import CollabController
from journeymapper.app.collab.dialogs import JoinDialog, ShareDialog
from journeymapper.app.collab.presence_list import PresenceList
from journeymapper.app.collab.remote_selection import RemoteSelections
from journeymapper.app.collab.status_indicator import ConnectionIndicator
from journeymapper.app.context import EditorContext
from journeymapper.sync.entities import SyncProblem

HostUrl = Callable[[str], str | None]  # a room name → its address on this machine, if hosted


class Collaboration:
    def __init__(self, context: EditorContext, host_url: HostUrl) -> None:
        self.context = context
        self.host_url = host_url
        self.name = ""
        self.indicator = ConnectionIndicator()
        context.shell.add_status_widget(self.indicator)
        self.indicator.hide()
        self.presence = PresenceList()
        self.problems = QListWidget()
        self.problems.itemActivated.connect(self._select_problem)
        self.problems.itemClicked.connect(self._select_problem)
        self.dock = QDockWidget("Collaborators")
        self.dock.setObjectName("CollaboratorsDock")
        body = QWidget()
        column = QVBoxLayout(body)
        column.addWidget(self.presence, 2)
        column.addWidget(self.problems, 1)
        self.dock.setWidget(body)
        context.shell.add_dock(self.dock, Qt.DockWidgetArea.LeftDockWidgetArea)
        self.dock.hide()
        self.selections = RemoteSelections(context.scene.card_rect)
        context.scene.addItem(self.selections)
        context.scene.layout_changed.connect(self.selections.refresh)
        context.scene.selectionChanged.connect(self._selection_changed)
        self._actions()
        self.controller = self._controller()
        context.document.replacing.connect(self.leave)
        context.document.replaced.connect(self._follow_new_map)

    def _actions(self) -> None:
        add, file_menu = self.context.actions.add, self.context.shell.menu("file")
        tip = "Edit this map live with others: on this machine or a team server"
        share = add("share", "S&hare…", self.share, tip=tip)
        tip = "Open a map others are editing, from its room address"
        join = add("join", "&Join…", self.join, tip=tip)
        self.leave_action = add("leave_shared", "&Leave Shared Map", self.leave)
        self.leave_action.setEnabled(False)
        entries = file_menu.actions()
        save_as = self.context.actions.save_as
        after = entries.index(save_as) + 1 if save_as in entries else len(entries)
        anchor = entries[after] if after < len(entries) else None
        file_menu.insertSeparator(anchor)
        file_menu.insertActions(anchor, [share, join, self.leave_action])

    def _controller(self) -> CollabController:
        doc = self.context.document
        controller = CollabController(
            doc.journey,
            doc.undo_stack.push,
            doc.undo_stack.clear,
            self.context.say,
            parent=self.context.parent,
        )
        controller.status_changed.connect(self._status_changed)
        controller.peers_changed.connect(self.presence.set_peers)
        controller.peers_changed.connect(self.selections.set_peers)
        controller.problems_changed.connect(self._show_problems)
        controller.remote_applied.connect(self._remote_applied)
        return controller

    # ----- commands ----------------------------------------------------------------

    def share(self) -> None:
        room = _room_name(self.context.document.journey.title)
        dialog = ShareDialog(self.context.parent, self.name, self.host_url(room))
        if dialog.exec() != ShareDialog.DialogCode.Accepted:
            return
        request = dialog.request()
        if request is not None:
            self.name = request.name
            self.controller.share(request.url, request.name, force=request.force)
            self._started()

    def join(self) -> None:
        dialog = JoinDialog(self.context.parent, self.name)
        if dialog.exec() != JoinDialog.DialogCode.Accepted:
            return
        request = dialog.request()
        if request is not None:
            self.name = request.name
            self.controller.join(request.url, request.name)
            self._started()

    def leave(self) -> None:
        """Back to a map of this machine's own (it stays as it is now)."""
        if self.controller.active:
            self.controller.stop()
        self.context.document.route_pushes(None)
        self.leave_action.setEnabled(False)
        self.indicator.hide()

    def _started(self) -> None:
        self.context.document.route_pushes(self.controller.push)
        self.leave_action.setEnabled(True)
        self.indicator.show()
        self.dock.show()

    # ----- what the controller says ------------------------------------------------

    def _status_changed(self, status: str, reason: str) -> None:
        self.indicator.set_status(status, reason)

    def _remote_applied(self) -> None:
        self.context.document.undo_stack.resetClean()  # unsaved: `*`, and autosave keeps it

    def _show_problems(self, problems: list[SyncProblem]) -> None:
        """What of the shared map could not be shown as written (a card whose stage was
        deleted, a value out of range): click one to select what it names."""
        self.problems.clear()
        for problem in problems:
            item = QListWidgetItem(problem.line())
            item.setToolTip(problem.line())
            item.setData(Qt.ItemDataRole.UserRole, list(problem.subjects))
            self.problems.addItem(item)

    def _select_problem(self, item: QListWidgetItem) -> None:
        ids = item.data(Qt.ItemDataRole.UserRole) or []
        if ids:
            self.context.operations.show_ids(ids)

    def _selection_changed(self) -> None:
        if self.controller.active:
            self.controller.set_selection(self.context.scene.selected_card_ids())

    def _follow_new_map(self) -> None:
        self.controller = self._controller()


def _room_name(title: str) -> str:
    """A room name from the map's title (letters, digits and dashes)."""
    name = re.sub(r"[^A-Za-z0-9]+", "-", title).strip("-").lower()
    return name[:48] or "journey"
