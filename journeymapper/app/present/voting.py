"""Dot voting on the canvas: click a card (or press V) to give it a dot.

While a round runs, a left click on a card votes for it as the voter whose turn it
is (a quick double click is two dots), Shift+click takes that voter's dot back; V and
Shift+V do the same for the selected cards. The click never starts a drag or a
rename, so a room can come up and vote fast. Badges on the cards count the round's
dots (`badges_item.py`); the bar shows whose turn it is and what is left.

Ending the round adds the dots to the cards' `votes` in one undo step. Until then the
round is session state, kept in the recovery copy (`Autosaver.keep_also`), so a crash
mid-round loses no vote that autosave had written; closing the window mid-round ends
the round first, so its votes are in the map the close asks to save.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QPointF, Qt, Signal
from PySide6.QtGui import QKeyEvent, QMouseEvent

from journeymapper.app.context import EditorContext
from journeymapper.app.present.badges_item import VoteBadgesItem
from journeymapper.app.present.round import SetupError, VotingRound
from journeymapper.app.safety.autosave import Autosaver
from journeymapper.model.schema import JourneyData

_PRESSES = (QEvent.Type.MouseButtonPress, QEvent.Type.MouseButtonDblClick)


class Voting(QObject):
    changed = Signal()  # dots, turn, or the phase (idle, setup, round)
    message = Signal(str)
    ended = Signal()  # the round's votes are in the map: show the ranking

    def __init__(self, context: EditorContext, autosave: Autosaver) -> None:
        super().__init__(context.parent)
        self.context = context
        self.scene = context.scene
        self.round: VotingRound | None = None
        self.setting_up = False
        self._swallow_release = False
        self.badges = VoteBadgesItem()
        self.scene.addItem(self.badges)
        self.scene.layout_changed.connect(self._show_badges)
        context.document.signals.touchpoint_removed.connect(self._card_removed)
        context.document.replaced.connect(self._replaced)
        self._viewport = context.view.viewport()
        self._viewport.installEventFilter(self)
        autosave.keep_also(self._pending, self._amend)
        self.changed.connect(autosave.session_changed)

    @property
    def phase(self) -> str:
        return "round" if self.round else "setup" if self.setting_up else "idle"

    # ----- the round's life ------------------------------------------------------------

    def ask(self) -> None:
        """Show the round's setup (votes each, who votes) in the bar; nothing modal."""
        if self.round is None:
            self.setting_up = True
            self.changed.emit()

    def cancel_setup(self) -> None:
        self.setting_up = False
        self.changed.emit()

    def start(self, votes_each: int, who: str) -> bool:
        try:
            voting = VotingRound.setup(votes_each, who)
        except SetupError as exc:
            self.message.emit(str(exc))
            return False
        self.round, self.setting_up = voting, False
        self._show_badges()
        self.changed.emit()
        if voting.anonymous:
            self.message.emit(f"Voting: {voting.total_votes} dots for the room. Click a card.")
        else:
            self.message.emit(f"Voting: {voting.voter} first, {voting.votes_each} dots each.")
        return True

    def end(self) -> bool:
        """Store the round's dots on the cards (one undo step) and close the round."""
        voting = self.round
        if voting is None:
            return False
        edit = voting.edits(self.context.document.journey)
        if edit is not None and self.context.document.push(edit) is not None:
            return False
        self.round = None
        self._show_badges()
        self.changed.emit()
        cast = voting.total_cast
        self.message.emit(
            f"Round ended: {cast} vote{'s' if cast != 1 else ''} stored on the cards."
        )
        self.ended.emit()
        return True

    def discard(self) -> None:
        if self.round is not None:
            cast = self.round.total_cast
            self.round = None
            self._show_badges()
            self.changed.emit()
            self.message.emit(f"Voting round discarded ({cast} dots were not stored).")

    # ----- voting ------------------------------------------------------------------------

    def vote(self, card_id: str) -> bool:
        voting = self.round
        if voting is None or not self.context.document.journey.has_touchpoint(card_id):
            return False
        if not voting.vote(card_id):
            self.message.emit(self._none_left())
            return False
        if voting.pass_turn():
            self.message.emit(f"{voting.voter}'s turn.")
        elif voting.done:
            self.message.emit("Every dot is placed: End round stores them.")
        self._show_badges()
        self.changed.emit()
        return True

    def take_back(self, card_id: str) -> bool:
        voting = self.round
        if voting is None:
            return False
        if not voting.take_back(card_id):
            who = "The room has" if voting.anonymous else f"{voting.voter} has"
            self.message.emit(f"{who} no dot on that card.")
            return False
        self._show_badges()
        self.changed.emit()
        return True

    def step_voter(self, delta: int) -> None:
        if self.round is not None and not self.round.anonymous:
            self.round.step(delta)
            self.changed.emit()

    def _none_left(self) -> str:
        voting = self.round
        assert voting is not None
        if voting.anonymous or voting.done:
            return "No dots left: End round stores the votes."
        return f"{voting.voter} has no dots left: choose the next voter."

    def status(self) -> str:
        voting = self.round
        if voting is None:
            return ""
        left = voting.remaining()
        dots = f"{left} left"
        if voting.anonymous:
            return f"{dots} · {voting.total_cast} placed"
        return f"{dots} · {voting.total_cast}/{voting.total_votes} placed"

    # ----- what the canvas shows ------------------------------------------------------------

    def tallies(self) -> dict[str, int]:
        return dict(self.round.tallies()) if self.round else {}

    def _show_badges(self) -> None:
        self.badges.show_tallies(self.scene.layout, self.tallies(), self.round is not None)

    def _card_removed(self, card_id: str) -> None:
        if self.round is not None:
            self.round.forget({card_id})
            self._show_badges()
            self.changed.emit()

    def _replaced(self) -> None:
        if self.round is not None or self.setting_up:
            self.round, self.setting_up = None, False
            self._show_badges()
            self.changed.emit()
            self.message.emit("Another map was opened here: the voting round ended unstored.")

    def _pending(self) -> bool:
        return self.round is not None and self.round.total_cast > 0

    def _amend(self, data: JourneyData) -> JourneyData:
        return self.round.amend(data) if self.round else data

    # ----- input ------------------------------------------------------------------------------

    def card_at(self, pos: QPointF) -> str | None:
        layout = self.scene.layout
        x, y = pos.x(), pos.y()
        hits = [cid for cid, geo in layout.cards.items() if geo.rect.contains(x, y)]
        return hits[-1] if hits else None

    def window_closing(self) -> None:
        """A round with dots in it ends: its votes go in the map, which the close then
        offers to save."""
        if self._pending():
            self.end()

    def handle_key(self, event: QKeyEvent) -> bool:
        """V votes for the selected cards, Shift+V takes a dot back from them."""
        if self.round is None or event.key() != Qt.Key.Key_V:
            return False
        mods = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        if mods not in (Qt.KeyboardModifier.NoModifier, Qt.KeyboardModifier.ShiftModifier):
            return False
        cards = self.scene.selected_card_ids()
        if not cards:
            self.message.emit("Select a card (or click it) to vote.")
            return True
        for card_id in cards:
            if mods == Qt.KeyboardModifier.ShiftModifier:
                self.take_back(card_id)
            else:
                self.vote(card_id)
        return True

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.MouseButtonRelease and self._swallow_release:
            self._swallow_release = False  # the press voted: the view never saw it
            return True
        if (
            self.round is None
            or event.type() not in _PRESSES
            or watched is not self._viewport
            or not isinstance(event, QMouseEvent)
            or event.button() != Qt.MouseButton.LeftButton
            or self.context.view.in_overview
        ):
            return False
        pos = self.context.view.mapToScene(event.position().toPoint())
        card_id = self.card_at(QPointF(pos))
        if card_id is None:
            return False
        self._swallow_release = True
        self.scene.select_ids([card_id])
        if event.modifiers() & Qt.KeyboardModifier.ShiftModifier:
            self.take_back(card_id)
        else:
            self.vote(card_id)
        return True
