"""The editor's side of a shared map: owns the binding and the room client.

Given explicitly by the window: the `Journey`, `push_command` (puts an undo command on
the window's undo stack), `clear_undo` (the stack is cleared when sharing starts or a
join replaces the map: its inverse edits would revert collaborators' changes) and `toast`
(one line for the user). The network runs on the client's own thread; what arrives is
applied here, on the UI thread, in batches: the network thread only wakes a queued
signal, and each wake drains everything that arrived (`RoomClient.pump`).

Wiring: route the window's edits through `push(edit)` while `active` (it applies the
edit, writes it to the Y document and pushes a `SharedEditCommand`); `remote_applied`
says a remote change reached the Journey (mark the document modified, autosave);
`selection_changed(ids)` feeds the presence; the widgets follow `status_changed`,
`peers_changed` and `problems_changed`.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtGui import QUndoCommand

from journeymapper.app.collab.undo_command import SharedEditCommand
from journeymapper.model.document import EditError, Journey
from journeymapper.model.edits import Edit

if TYPE_CHECKING:  # the sync layer (pycrdt, websockets, asyncio) is imported when sharing
    from pycrdt import Doc

    from journeymapper.sync.binding import SyncBinding
    from journeymapper.sync.client import RoomClient
    from journeymapper.sync.presence import Peer
    from journeymapper.sync.session import Mode
    from journeymapper.sync.urls import RoomUrl

log = logging.getLogger(__name__)

TICK_MS = 1000  # presence renewals and time-outs


class CollabController(QObject):
    status_changed = Signal(str, str)  # Status value, reason
    peers_changed = Signal(list)  # list[Peer]
    problems_changed = Signal(list)  # list[SyncProblem]
    remote_applied = Signal()
    _wake = Signal()

    def __init__(
        self,
        journey: Journey,
        push_command: Callable[[QUndoCommand], None],
        clear_undo: Callable[[], None],
        toast: Callable[[str], None],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.journey = journey
        self.push_command = push_command
        self.clear_undo = clear_undo
        self.toast = toast
        self.client: RoomClient | None = None
        self._peers: list[Peer] = []
        self._problems: list[object] = []
        self._status = ""
        self._wake.connect(self.pump, Qt.ConnectionType.QueuedConnection)
        self._ticker = QTimer(self, interval=TICK_MS)
        self._ticker.timeout.connect(self.pump)

    @property
    def active(self) -> bool:
        return self.client is not None

    @property
    def binding(self) -> SyncBinding | None:
        return self.client.binding if self.client is not None else None

    # ----- starting and stopping --------------------------------------------------

    def share(self, url: RoomUrl, name: str, *, force: bool = False) -> None:
        """Publish this map to the room at `url` (refused if it holds another, unless forced)."""
        from journeymapper.sync.session import Mode
        from journeymapper.sync.write import build_doc

        self._start(url, name, Mode.SHARE, build_doc(self.journey.to_data()), force)

    def join(self, url: RoomUrl, name: str) -> None:
        """Replace this map with the room's, and follow it."""
        from pycrdt import Doc

        from journeymapper.sync.session import Mode

        self._start(url, name, Mode.JOIN, Doc(), False)

    def _start(self, url: RoomUrl, name: str, mode: Mode, doc: Doc, force: bool) -> None:
        from journeymapper.sync.binding import SyncBinding
        from journeymapper.sync.client import RoomClient

        self.stop()
        self.clear_undo()
        binding = SyncBinding(self.journey, doc, on_remote=lambda _keys: self._remote())
        self.client = RoomClient(
            binding, url, mode, force=force, name=name, notify=self.toast, wake=self._wake.emit
        )
        self.client.start()
        self._ticker.start()
        self._report()

    def stop(self) -> None:
        """Leave the room; the map stays as it is, a normal local map again."""
        if self.client is None:
            return
        from journeymapper.sync.status import Status

        client, self.client = self.client, None
        self._ticker.stop()
        client.stop()
        client.binding.close()
        self.clear_undo()
        self._peers = []
        self.peers_changed.emit([])
        self.status_changed.emit(Status.OFFLINE.value, "")

    # ----- editing ----------------------------------------------------------------

    def push(self, edit: Edit, text: str = "Edit") -> str | None:
        """Apply a local edit as one undo step of our own; None, or why it was refused
        (as `Document.push` says it)."""
        binding = self.binding
        if binding is None:
            raise RuntimeError("not in a room")
        try:
            edit.describe(self.journey)
            self.journey.apply(edit)
        except EditError as exc:
            return str(exc)
        depth = binding.undo.depth
        binding.commit()
        steps = binding.undo.depth - depth
        self.push_command(SharedEditCommand(edit, text, steps, self._undo, self._redo))
        self.pump()
        return None

    def _undo(self, steps: int) -> None:
        if self.binding is not None:
            self.binding.undo_step(steps)
            self.pump()

    def _redo(self, steps: int) -> None:
        if self.binding is not None:
            self.binding.redo_step(steps)
            self.pump()

    def set_selection(self, ids: list[str]) -> None:
        if self.client is not None:
            self.client.session.presence.set_selection(tuple(ids))
            self.pump()

    # ----- what arrives -----------------------------------------------------------

    def pump(self) -> None:
        """Apply everything that arrived (on the UI thread) and send what is due."""
        if self.client is None:
            return
        self.client.pump()
        self._report()

    def _remote(self) -> None:
        self.remote_applied.emit()

    def _report(self) -> None:
        client = self.client
        if client is None:
            return
        status = client.status.value
        if status != self._status:
            self._status = status
            self.status_changed.emit(status, client.reason)
        peers = client.session.presence.peers()
        if peers != self._peers:
            self._peers = peers
            self.peers_changed.emit(peers)
        problems = client.binding.problems
        if problems != self._problems:
            self._problems = list(problems)
            self.problems_changed.emit(list(problems))
