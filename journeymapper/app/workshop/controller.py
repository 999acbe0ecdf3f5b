"""`WorkshopController`: owns a running workshop for one open map.

It knows the window only through what its constructor is given: the `Journey`, a
function that pushes an edit onto the undo stack (participants' cards and a round's
votes become ordinary undoable steps, seen by the scene, autosave and validation), and
a function that shows a short message (a toast or the status bar). The map work of the
session runs on the Qt thread through `QtExecutor`; the room's status comes back from
the server's thread as a queued signal. No method waits on the network.

Stop the workshop before the window replaces its `Journey` (File ▸ Open, Revert) or
closes: `stop()` ends every participant's page with "session ended" and records a
voting round still running.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from journeymapper.app.workshop.executor import Hold, QtExecutor
from journeymapper.model.document import Journey
from journeymapper.model.edits import Edit
from journeymapper.workshop.status import Status

if TYPE_CHECKING:  # the server (uvicorn, starlette, segno) is imported when a session starts
    from journeymapper.workshop.service import Workshop
    from journeymapper.workshop.session import SessionConfig

log = logging.getLogger(__name__)

DEFAULT_PORT = 8765


class WorkshopController(QObject):
    status_changed = Signal(object)  # Status, on the Qt thread
    running_changed = Signal(bool)
    _status_arrived = Signal(object)  # emitted on the server's thread

    def __init__(
        self,
        journey: Journey,
        push_edit: Callable[[Edit], object],
        notify: Callable[[str], None],
        parent: QObject | None = None,
        config: SessionConfig | None = None,
        hold_layout: Hold | None = None,
    ) -> None:
        """`hold_layout(held)`, when given, holds the canvas's layout through a burst of
        the room's cards (see `QtExecutor`)."""
        super().__init__(parent)
        self.journey = journey
        self.push_edit = push_edit
        self.notify = notify
        self.config = config
        self.executor = QtExecutor(self, hold_layout)
        self.workshop: Workshop | None = None
        self.status = Status()
        self._stopping: Workshop | None = None
        self._status_arrived.connect(self._new_status)

    @property
    def running(self) -> bool:
        return self.workshop is not None and self.workshop.running

    @property
    def join_url(self) -> str:
        return self.workshop.join_url if self.workshop else ""

    def room_url(self, room: str) -> str | None:
        """Where other editors join `room` on this session's server (None: not running)."""
        return self.workshop.room_url(room) if self.running and self.workshop else None

    @property
    def bind(self) -> str:
        from journeymapper.server.addresses import default_address

        return self.workshop.server.host if self.workshop else default_address()

    def start(self, bind: str | None = None, port: int = DEFAULT_PORT) -> bool:
        """Serve the map on `bind` (default: this laptop's address on its network); False,
        with a message, when the address or port cannot be used."""
        from journeymapper.workshop.service import Workshop

        if self.running:
            return True
        if self._stopping is not None:  # let the last session's server free its port
            self._stopping.server.stop(timeout=3.0)
            self._stopping = None
        workshop = Workshop(
            self.journey,
            executor=self.executor,
            apply_edit=self.push_edit,
            bind=bind,
            port=port,
            config=self.config,
            host_rooms=True,  # File ▸ Share… can host this map here for other editors
        )
        workshop.on_status(self._status_arrived.emit)
        try:
            workshop.start()
        except OSError as exc:
            where = f"{workshop.server.host}:{port}"
            self.notify(f"The workshop cannot listen on {where}: {exc.strerror or exc}.")
            return False
        self.workshop = workshop
        self.running_changed.emit(True)
        self.notify("Participants can join: show the invitation's QR code.")
        return True

    def stop(self) -> None:
        """End the session for everyone; a running round's votes go into the map."""
        workshop, self.workshop = self.workshop, None
        if workshop is None:
            return
        recorded = workshop.stop(wait=False)  # the server's thread winds down by itself
        self._stopping = workshop
        self.status = Status(ended=True)
        self.status_changed.emit(self.status)
        self.running_changed.emit(False)
        ended = "The workshop has ended"
        self.notify(f"{ended}; {recorded} votes were recorded." if recorded else f"{ended}.")

    def _new_status(self, status: Status) -> None:
        if self.workshop is None:
            return
        previous, self.status = self.status, status
        if previous.round_running and not status.round_running:
            self.notify(f"Voting round {status.round_number} ended: the counts are revealed.")
        self.status_changed.emit(status)

    # ----- the facilitator's commands (handed to the server's loop; never waiting) --------

    def set_capture(self, stage_id: str | None, is_open: bool) -> None:
        if self.workshop:
            self.workshop.set_capture(stage_id, is_open)

    def start_round(self, votes_each: int) -> None:
        if self.workshop:
            self.workshop.start_round(votes_each)

    def set_votes_each(self, votes_each: int) -> None:
        if self.workshop:
            self.workshop.set_votes_each(votes_each)

    def end_round(self) -> None:
        if self.workshop:
            self.workshop.end_round()

    def start_timer(self, seconds: int) -> None:
        if self.workshop:
            self.workshop.start_timer(seconds)

    def stop_timer(self) -> None:
        if self.workshop:
            self.workshop.stop_timer()
