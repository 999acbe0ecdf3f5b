"""The editor's workshop widgets, real ones, with a real server on 127.0.0.1 and plain
WebSocket participants: the controller pushes participants' cards and votes onto the
undo stack; the panel and the Invite dialog drive the room."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from journeymapper.app.document import Document
from journeymapper.app.workshop.controller import WorkshopController
from journeymapper.app.workshop.invite_dialog import InviteDialog
from journeymapper.app.workshop.participants_panel import ParticipantsPanel
from journeymapper.server.addresses import LOOPBACK
from tests.sample import clothing_store
from tests.workshop.wsclient import Client, ws_url

HOSTILE = "<b>Bold</b> <img src=x onerror=alert(1)>"
SHOTS = Path(__file__).resolve().parents[3] / "build" / "screenshots"


@pytest.fixture
def document(app) -> Document:  # type: ignore[no-untyped-def]
    return Document(clothing_store())


@pytest.fixture
def controller(document: Document, qtbot) -> Iterator[WorkshopController]:  # type: ignore[no-untyped-def]
    notes: list[str] = []
    running = WorkshopController(document.journey, document.push, notes.append)
    running.notes = notes  # type: ignore[attr-defined]
    yield running
    running.stop()


def participant(controller: WorkshopController, name: str = "") -> Client:
    client = Client(ws_url(controller.join_url))
    client.hello(name)
    return client


def test_a_participants_card_is_one_undoable_step(controller, document, qtbot) -> None:  # type: ignore[no-untyped-def]
    assert controller.start(LOOPBACK, 0)
    ana = participant(controller, "Ana")
    key = ana.change("add", stage="purchase", name="Asks the shop assistant")
    qtbot.waitUntil(
        lambda: any(tp.name == "Asks the shop assistant" for tp in document.journey.touchpoints()),
        timeout=5000,
    )
    assert ana.ack(key)["ok"]
    assert document.undo_stack.count() == 1
    assert document.undo_stack.undoText() == "Add “Asks the shop assistant”"
    document.undo_stack.undo()
    removed = ana.wait("card_removed")
    assert not document.journey.has_touchpoint(removed["id"])


def test_the_panel_runs_a_round_and_records_it_in_one_step(controller, document, qtbot) -> None:  # type: ignore[no-untyped-def]
    panel = ParticipantsPanel(controller)
    qtbot.addWidget(panel)
    panel.show()
    assert not panel.round_start.isEnabled()  # nothing runs yet
    assert controller.start(LOOPBACK, 0)
    ana = participant(controller, HOSTILE)
    people = panel.people.model()
    qtbot.waitUntil(lambda: people.rowCount() == 1, timeout=5000)
    assert people.index(0, 0).data() == HOSTILE  # plain text, not markup
    assert people.index(0, 1).data() == "online"
    card = next(document.journey.touchpoints())
    panel.votes.setValue(2)
    qtbot.mouseClick(panel.round_start, Qt.MouseButton.LeftButton)
    assert ana.wait("round", lambda m: m["running"])["left"] == 2
    ana.change("vote", card=card.id)
    qtbot.waitUntil(lambda: controller.status.cast == 1, timeout=5000)
    qtbot.waitUntil(lambda: "1 cast" in panel.round_state.text(), timeout=5000)
    panel.votes.setValue(4)
    qtbot.mouseClick(panel.round_votes, Qt.MouseButton.LeftButton)
    assert ana.wait("round", lambda m: m["votes_each"] == 4)["left"] == 3
    qtbot.mouseClick(panel.round_end, Qt.MouseButton.LeftButton)
    assert ana.wait("results", lambda m: m["total"] == 1)["tallies"] == {card.id: 1}
    qtbot.waitUntil(lambda: document.journey.touchpoint(card.id).votes == card.votes + 1)
    assert document.undo_stack.undoText().startswith("Record 1 vote")
    qtbot.waitUntil(lambda: panel.results.text().startswith("1 · "), timeout=5000)
    assert "ended" in " ".join(controller.notes)  # type: ignore[attr-defined]
    SHOTS.mkdir(parents=True, exist_ok=True)
    panel.resize(420, 720)
    panel.grab().save(str(SHOTS / "participants-panel.png"))


def test_the_panel_opens_and_closes_capture_and_starts_the_timer(controller, qtbot) -> None:  # type: ignore[no-untyped-def]
    panel = ParticipantsPanel(controller)
    qtbot.addWidget(panel)
    assert controller.start(LOOPBACK, 0)
    ana = participant(controller)
    qtbot.waitUntil(lambda: len(panel._stage_boxes) == 3, timeout=5000)
    box = panel._stage_boxes["purchase"]
    assert box.isChecked()
    box.setChecked(False)
    stages = ana.wait("stages")["stages"]
    assert [s["open"] for s in stages] == [True, False, True]
    assert not ana.do("add", stage="purchase", name="Closed")["ok"]
    panel.minutes.setValue(2)
    qtbot.mouseClick(panel.timer_start, Qt.MouseButton.LeftButton)
    timer = ana.wait("timer", lambda m: m["ends_at"] is not None)
    assert 118_000 <= timer["ends_at"] - timer["now"] <= 120_000  # (sent a moment later)
    qtbot.waitUntil(lambda: panel.countdown.text() in ("02:00", "01:59", "01:58"), timeout=5000)


def test_the_invite_dialog_starts_shows_and_stops_the_workshop(controller, qtbot) -> None:  # type: ignore[no-untyped-def]
    dialog = InviteDialog(controller)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.qr.pixmap().isNull()
    assert not dialog.code_row.isVisible()  # no empty square where the code will be
    kinds = [dialog.network.itemData(i)[1] for i in range(dialog.network.count())]
    assert kinds[-2:] == ["loopback", "all"]  # all interfaces is an explicit, last choice
    dialog.network.setCurrentIndex(kinds.index("all"))
    assert "Every network" in dialog.network.currentText()
    assert "other than the room's" in dialog.explanation.text()
    dialog.network.setCurrentIndex(kinds.index("loopback"))
    dialog.port.setValue(0)
    qtbot.mouseClick(dialog.start_stop, Qt.MouseButton.LeftButton)
    assert controller.running
    assert dialog.link.text() == controller.join_url
    assert "token=" in dialog.link.text()
    assert controller.workshop is not None
    assert controller.workshop.server.tokens.facilitator not in dialog.link.text()
    assert not dialog.qr.pixmap().isNull()
    assert dialog.code_row.isVisible()
    assert not dialog.network.isEnabled()
    ana = participant(controller)
    SHOTS.mkdir(parents=True, exist_ok=True)
    dialog.grab().save(str(SHOTS / "invite-dialog.png"))
    qtbot.mouseClick(dialog.start_stop, Qt.MouseButton.LeftButton)
    assert not controller.running
    assert ana.wait("ended")
    assert dialog.start_stop.text() == "Start inviting"
    assert not dialog.code_row.isVisible()
    qtbot.mouseClick(dialog.start_stop, Qt.MouseButton.LeftButton)  # and again: a new session
    assert controller.running
    participant(controller)


def test_a_taken_port_is_a_message_not_a_crash(controller, qtbot) -> None:  # type: ignore[no-untyped-def]
    assert controller.start(LOOPBACK, 0)
    assert controller.workshop is not None
    port = controller.workshop.server.port
    other = WorkshopController(controller.journey, controller.push_edit, controller.notes.append)  # type: ignore[attr-defined]
    assert not other.start(LOOPBACK, port)
    assert not other.running
    assert f"cannot listen on {LOOPBACK}:{port}" in controller.notes[-1]  # type: ignore[attr-defined]


def test_a_short_participants_dock_scrolls_instead_of_squeezing_its_controls(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    """Seen at 1920×1080: sharing the left side with the palette, the dock squeezed the
    votes field and the round's buttons to half their height ("3" cut in two)."""
    window.resize(1280, 720)
    window.show()
    qtbot.waitExposed(window)
    workshop = window.features.workshop
    workshop.dock.show()
    window.resizeDocks([workshop.dock], [160], Qt.Orientation.Vertical)
    qtbot.wait(50)
    panel = workshop.panel
    assert workshop.dock.height() < panel.sizeHint().height()  # really too short for it
    for control in (panel.votes, panel.round_start, panel.minutes, panel.timer_start):
        assert control.height() >= control.sizeHint().height()
