"""The workshop server in one window: Workshop ▸ Invite Participants…, the Participants
panel, and a `WorkshopController` serving the open map to the room's phones.

A controller serves one map: when the window takes another (File ▸ Open, Reload), the
session ends first — a running round's votes go into the old map — and a new
controller follows the new map. Closing the window ends it too, telling every phone.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDockWidget, QFrame, QScrollArea

from journeymapper.app.context import EditorContext
from journeymapper.app.workshop.controller import WorkshopController
from journeymapper.app.workshop.participants_panel import ParticipantsPanel
from journeymapper.model.edits import Edit

if TYPE_CHECKING:
    from journeymapper.app.workshop.invite_dialog import InviteDialog


class WorkshopFeature:
    def __init__(self, context: EditorContext, notify: Callable[[str], None]) -> None:
        self.context = context
        self.notify = notify
        self.controller = self._controller()
        self.dialog: InviteDialog | None = None
        self.dock = QDockWidget("Participants")
        self.dock.setObjectName("ParticipantsDock")
        self._panel()
        context.shell.add_dock(self.dock, Qt.DockWidgetArea.LeftDockWidgetArea)
        self.dock.hide()  # until a session starts (View ▸ Panels shows it any time)
        tip = "Let the room join from their phones: a QR code and a link, on this screen only"
        invite = context.actions.add(
            "workshop_invite", "&Invite Participants…", self.invite, tip=tip
        )
        tip = "End the session: every phone is told, a running round's votes are stored"
        stop = context.actions.add(
            "workshop_stop_session", "&End Participants' Session", self.stop, tip=tip
        )
        menu = context.shell.menu("workshop")
        first = menu.actions()[0] if menu.actions() else None
        menu.insertActions(first, [invite, stop])
        menu.insertSeparator(first)
        context.document.replacing.connect(self.stop)
        context.document.replaced.connect(self._follow_new_map)

    def _push(self, edit: Edit) -> bool:
        """The participants' edits go on the undo stack like any other (False: refused)."""
        return self.context.document.push(edit) is None

    def _controller(self) -> WorkshopController:
        doc, hold = self.context.document, self.context.scene.hold_layout
        return WorkshopController(
            doc.journey, self._push, self.notify, parent=self.context.parent, hold_layout=hold
        )

    def _panel(self) -> None:
        """The panel in a scroll area: in a dock that shares its side with the palette
        it scrolls instead of squeezing its buttons and fields below their height."""
        self.panel = ParticipantsPanel(self.controller)
        self.panel.invite_requested.connect(self.invite)
        scroll = QScrollArea(widgetResizable=True, frameShape=QFrame.Shape.NoFrame)
        scroll.setWidget(self.panel)
        self.dock.setWidget(scroll)

    def invite(self) -> None:
        """Start the session if needed and show the invitation (non-modal)."""
        from journeymapper.app.workshop.invite_dialog import InviteDialog  # (the server)

        if self.dialog is None or self.dialog.controller is not self.controller:
            self.dialog = InviteDialog(self.controller, self.context.parent)
        self.dock.show()
        self.dialog.show()
        self.dialog.raise_()

    def room_url(self, room: str) -> str | None:
        """Where other editors join `room` on this machine: None until a session runs."""
        return self.controller.room_url(room)

    def stop(self) -> None:
        if self.controller.running:
            self.controller.stop()
        if self.dialog is not None:
            self.dialog.close()

    def _follow_new_map(self) -> None:
        self.controller = self._controller()
        self.dialog = None
        self._panel()
