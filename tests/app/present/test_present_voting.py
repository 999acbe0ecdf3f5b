"""A dot-voting round with real clicks and keys on the canvas; votes stored as one step."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QMouseEvent
from PySide6.QtTest import QTest

from journeymapper.app.present.round import EVERYONE, SetupError, VotingRound, parse_voters
from tests.app.helpers import LEFT, _mouse, card_center, click, key

SHIFT = Qt.KeyboardModifier.ShiftModifier
NOBUTTON = Qt.MouseButton.NoButton
Press, Release = QMouseEvent.Type.MouseButtonPress, QMouseEvent.Type.MouseButtonRelease
DoubleClick = QMouseEvent.Type.MouseButtonDblClick


def _start(window, votes: int, who: str) -> None:
    facilitator = window.features.facilitator
    facilitator.acts["vote_start"].trigger()
    bar = facilitator.bar
    assert bar.isVisible()
    assert bar.voters.isVisible()
    bar.votes_each.setValue(votes)
    bar.voters.setText(who)
    key(bar.voters, Qt.Key.Key_Return)
    assert facilitator.voting.round is not None


def test_a_round_with_two_voters(window, qtbot) -> None:
    journey, stack = window.document.journey, window.document.undo_stack
    voting = window.features.facilitator.voting
    before = {tp.id: tp.votes for tp in journey.touchpoints()}
    steps = stack.count()
    _start(window, 3, "Ana, Ben")
    bar = window.features.facilitator.bar
    assert bar.voter_name.text() == "Ana"
    view = window.view
    click(view, card_center(view, "cart"))
    click(view, card_center(view, "cart"))
    click(view, card_center(view, "site"))
    assert voting.round.remaining("Ana") == 0
    assert bar.voter_name.text() == "Ben"  # her dots are placed: Ben's turn
    assert voting.badges.tallies == {"cart": 2, "site": 1}
    window.scene.select_ids(["support"])
    view.setFocus()
    key(view, Qt.Key.Key_V)
    key(view, Qt.Key.Key_V)
    assert voting.round.remaining("Ben") == 1
    assert "1 left" in bar.vote_status.text()
    key(view, Qt.Key.Key_V, SHIFT)  # Ben takes one back
    assert voting.round.remaining("Ben") == 2
    QTest.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, SHIFT, card_center(view, "cart"))
    assert voting.badges.tallies["cart"] == 2  # Ben had no dot on it: nothing taken
    click(view, card_center(view, "cart"))
    assert voting.tallies() == {"cart": 3, "site": 1, "support": 1}
    assert stack.count() == steps  # nothing in the map yet
    assert all(journey.touchpoint(i).votes == n for i, n in before.items())
    assert journey.touchpoint("cart").stage == "purchase"  # the clicks moved nothing
    bar.vote_end.click()
    assert voting.round is None
    assert stack.count() == steps + 1  # one undo step
    assert journey.touchpoint("cart").votes == before["cart"] + 3
    assert journey.touchpoint("site").votes == before["site"] + 1
    assert journey.touchpoint("support").votes == before["support"] + 1
    assert window.features.facilitator.ranking.isVisible()  # the ranking shows at once
    stack.undo()
    assert {tp.id: tp.votes for tp in journey.touchpoints()} == before
    stack.redo()
    assert journey.touchpoint("cart").votes == before["cart"] + 3


def test_the_anonymous_room_shares_a_pool_and_a_vote_click_never_renames(window, qtbot) -> None:
    voting = window.features.facilitator.voting
    _start(window, 2, "3")
    assert voting.round.voters == (EVERYONE,)
    assert voting.round.remaining() == 6
    view = window.view
    spot = card_center(view, "ad")
    for kind in (Press, Release, DoubleClick, Release):  # what a quick double click sends
        _mouse(view.viewport(), kind, spot, LEFT, LEFT if kind != Release else NOBUTTON)
    assert not view.text_editing.active  # no rename
    assert voting.tallies() == {"ad": 2}  # two dots
    window.features.facilitator.acts["vote_discard"].trigger()
    assert voting.round is None
    assert window.document.journey.touchpoint("ad").votes == 0


def test_a_bad_setup_says_why_in_the_bar(window) -> None:
    bar = window.features.facilitator.bar
    window.features.facilitator.acts["vote_start"].trigger()
    bar.voters.setText("500")
    key(bar.voters, Qt.Key.Key_Return)
    assert window.features.facilitator.voting.round is None
    assert "anonymous room" in window.statusBar().currentMessage()
    key(bar.voters, Qt.Key.Key_Escape)
    assert window.features.facilitator.voting.phase == "idle"
    assert not bar.isVisible()


def test_the_round_is_in_the_recovery_copy_and_closing_stores_it(
    window, recovery_session, monkeypatch
) -> None:
    from journeymapper.app.safety.recovery_session import writer_pool
    from journeymapper.io.recovery_store import copies_in

    voting = window.features.facilitator.voting
    voting.start(2, "Ana")
    voting.vote("cart")
    autosave = window.features.safety.autosave
    assert autosave.idle.isActive()  # a vote counts as unsaved work
    autosave.save_now(wait=True)
    writer_pool().waitForDone()
    copies = copies_in(recovery_session.folder)
    assert len(copies) == 1
    saved = copies[0].load()
    assert saved.touchpoint("cart").votes == 3 + 1  # as if the round had ended
    assert window.document.journey.touchpoint("cart").votes == 3
    voting.end()
    assert window.document.journey.touchpoint("cart").votes == 4


def test_deleting_a_voted_card_gives_the_dot_back(window) -> None:
    from journeymapper.model.edits import RemoveTouchpoint

    voting = window.features.facilitator.voting
    voting.start(1, "Ana")
    voting.vote("ship")
    assert voting.round.remaining("Ana") == 0
    window.document.push(RemoveTouchpoint("ship"))
    assert voting.round.remaining("Ana") == 1
    assert voting.end()


def test_voters_are_parsed_forgivingly() -> None:
    assert parse_voters("Ana, Ben; Chloé\nana") == (("Ana", "Ben", "Chloé", "ana (2)"), 1)
    assert parse_voters(" 8 ") == ((), 8)
    assert parse_voters("") == ((), 1)
    round_ = VotingRound.setup(3, "")
    assert round_.anonymous
    assert round_.total_votes == 3
    for bad in ("0", "201"):
        with pytest.raises(SetupError):
            VotingRound.setup(3, bad)


def test_closing_mid_round_stores_the_votes_before_asking_to_save(window, answer) -> None:
    from PySide6.QtWidgets import QMessageBox

    asked = answer("warning", QMessageBox.StandardButton.Cancel)
    voting = window.features.facilitator.voting
    voting.start(2, "Ana")
    voting.vote("ship")
    assert not window.document.modified
    window.close()  # cancelled at the question: the window stays
    assert asked  # the votes made the map unsaved, so the close asked
    assert voting.round is None
    assert window.document.journey.touchpoint("ship").votes == 1
    assert window.document.undo_stack.undoText().startswith("Record 1 vote")
