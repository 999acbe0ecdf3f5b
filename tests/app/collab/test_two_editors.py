"""Two editors in real windows edit one map through a real server on loopback (pytest-qt)."""

from __future__ import annotations

from journeymapper.app.collab.controller import CollabController
from journeymapper.app.collab.dialogs import JoinDialog, ShareDialog
from journeymapper.app.collab.presence_list import PresenceList
from journeymapper.app.collab.remote_selection import RemoteSelections
from journeymapper.app.collab.status_indicator import ConnectionIndicator
from journeymapper.model.document import Journey
from journeymapper.model.edits import UpdateTouchpoint
from journeymapper.sync.urls import parse_room_url
from tests.sync.net import ServerProcess

WAIT = 15_000


class Editor:
    """A real main window, and the collab pieces wired to it through explicit arguments."""

    def __init__(self, window) -> None:  # type: ignore[no-untyped-def]
        self.window = window
        self.toasts: list[str] = []
        document = window.document
        self.controller = CollabController(
            document.journey,
            document.undo_stack.push,
            document.undo_stack.clear,
            self.toasts.append,
        )
        self.presence = PresenceList()
        self.indicator = ConnectionIndicator()
        self.selections = RemoteSelections(window.scene.card_rect)
        window.scene.addItem(self.selections)
        self.controller.peers_changed.connect(self.presence.set_peers)
        self.controller.peers_changed.connect(self.selections.set_peers)
        self.controller.status_changed.connect(self.indicator.set_status)

    @property
    def journey(self) -> Journey:
        return self.window.document.journey  # type: ignore[no-any-return]


def test_two_editors_edit_one_map_and_undo_only_their_own_changes(
    make_window,
    qtbot,
    sync_server: ServerProcess,  # type: ignore[no-untyped-def]
) -> None:
    ana, ben = Editor(make_window()), Editor(make_window(Journey.default()))
    url = parse_room_url(sync_server.url("workshop"))
    try:
        ana.controller.share(url, "Ana")
        qtbot.waitUntil(lambda: ana.indicator.status == "online", timeout=WAIT)
        ben.controller.join(url, "Ben")
        qtbot.waitUntil(lambda: ben.journey.has_touchpoint("cart"), timeout=WAIT)
        assert ben.journey.to_data() == ana.journey.to_data()
        qtbot.waitUntil(lambda: ben.presence.names() == ["Ana"], timeout=WAIT)
        assert ana.presence.names() == ["Ben"]

        ana.controller.push(UpdateTouchpoint("cart", {"name": "Pay"}), "Rename")
        qtbot.waitUntil(lambda: ben.journey.touchpoint("cart").name == "Pay", timeout=WAIT)
        ben.window.scene.ensure_layout()
        assert ben.window.scene.card_item("cart") is not None
        ben.controller.push(UpdateTouchpoint("cart", {"emotion": 2}), "Feeling")
        qtbot.waitUntil(lambda: ana.journey.touchpoint("cart").emotion == 2, timeout=WAIT)

        assert ben.window.document.undo_stack.count() == 1  # remote edits are not on it
        ana.window.document.undo_stack.undo()  # Ana's rename only; Ben's feeling stays
        qtbot.waitUntil(lambda: ben.journey.touchpoint("cart").name == "Checkout", timeout=WAIT)
        assert ana.journey.touchpoint("cart").emotion == 2
        ana.window.document.undo_stack.redo()
        qtbot.waitUntil(lambda: ben.journey.touchpoint("cart").name == "Pay", timeout=WAIT)

        ana.controller.set_selection(["cart"])
        qtbot.waitUntil(lambda: len(ben.selections.outlines) == 1, timeout=WAIT)
        assert ben.selections.outlines[0][2] == "Ana"

        sync_server.stop()
        qtbot.waitUntil(lambda: ben.indicator.status == "reconnecting", timeout=WAIT)
        ben.controller.push(UpdateTouchpoint("cart", {"name": "Offline rename"}), "Rename")
        assert ben.journey.touchpoint("cart").name == "Offline rename"
        sync_server.start()  # same port and store: both come back and merge
        qtbot.waitUntil(
            lambda: ana.journey.touchpoint("cart").name == "Offline rename", timeout=WAIT
        )
        assert ana.indicator.status == "online"
    finally:
        ana.controller.stop()
        ben.controller.stop()


def test_join_dialog_checks_the_address_and_gives_the_request(qtbot) -> None:  # type: ignore[no-untyped-def]
    dialog = JoinDialog(name="Ben")
    qtbot.addWidget(dialog)
    qtbot.keyClicks(dialog.address, "ftp://nowhere")
    assert "not a ws://" in dialog.error.text()
    assert dialog.request() is None
    dialog.address.clear()
    qtbot.keyClicks(dialog.address, "ws://127.0.0.1:8765/rooms/our-map?token=abc")
    assert dialog.error.text() == ""
    request = dialog.request()
    assert request is not None
    assert (request.url.room, request.url.token, request.name) == ("our-map", "abc", "Ben")


def test_share_dialog_offers_hosting_only_with_a_workshop_server(qtbot) -> None:  # type: ignore[no-untyped-def]
    alone = ShareDialog(name="Ana")
    qtbot.addWidget(alone)
    assert not alone.on_host.isEnabled()
    assert alone.on_team.isChecked()
    hosted = ShareDialog(name="Ana", host_url="ws://192.0.2.1:9000/rooms/m?token=t")
    qtbot.addWidget(hosted)
    assert hosted.on_host.isChecked()
    hosted.replace.setChecked(True)
    request = hosted.request()
    assert request is not None
    assert request.force
    assert request.url.room == "m"


def test_a_name_with_markup_shows_as_text(qtbot) -> None:  # type: ignore[no-untyped-def]
    from journeymapper.sync.presence import Peer

    presence = PresenceList()
    qtbot.addWidget(presence)
    presence.set_peers([Peer(1, "<img src=x onerror=alert(1)>", "#FF0000", ())])
    assert presence.names() == ["<img src=x onerror=alert(1)>"]
