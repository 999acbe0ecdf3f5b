"""The facilitator's workshop tools in one window: presentation mode, stage focus, dot
voting, the timer, quick add and the session summary, with their actions, the
Workshop menu and the facilitator bar.

`Facilitator(context, autosave)` builds it all on a finished window's context;
nothing else in the editor needs to know it exists. Keys (every one also in the Workshop menu and on
Help ▸ Keyboard Shortcuts):

| F11 | present / stop presenting (Esc also leaves) |
| Page Down / Page Up / Home | next / previous stage in focus, the whole map |
| Ctrl+Shift+A | quick add sticky notes (Alt+1…5 sets the emotion while typing) |
| V / Shift+V, click / Shift+click | vote for a card / take the dot back (in a round) |
| F8 / Shift+F8 | next / previous voter (Alt+arrows walk the flow: window/keyboard.py) |
| F5 / Shift+F5 / F6 / F7 | timer start-pause-resume / stop / +1 min / +5 min |
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence

from journeymapper.app.context import EditorContext
from journeymapper.app.present import summary_export
from journeymapper.app.present.bar import FacilitatorBar
from journeymapper.app.present.countdown import PRESETS, parse_duration
from journeymapper.app.present.focus import StageFocus
from journeymapper.app.present.mode import PresentationMode
from journeymapper.app.present.quick_add import QuickAdd
from journeymapper.app.present.ranking import RankingPanel
from journeymapper.app.present.timer import TimerController, TimerLabel
from journeymapper.app.present.toast import Toast
from journeymapper.app.present.voting import Voting
from journeymapper.app.safety.autosave import Autosaver

Context = Qt.ShortcutContext


class Facilitator(QObject):
    def __init__(self, context: EditorContext, autosave: Autosaver) -> None:
        super().__init__(context.parent)
        self.context = context
        self.timer = TimerController(self)
        self.focus = StageFocus(context)
        self.bar = FacilitatorBar(self.timer)
        self.mode = PresentationMode(context, self.focus, self.bar)
        self.voting = Voting(context, autosave)
        self.quick = QuickAdd(context, self.focus)
        self.ranking = RankingPanel(context, self.focus, self.voting)
        self.status_timer = TimerLabel(self.timer, 14)
        self.toast = Toast(context.view)
        self._ranking_before = (False, False)  # the ranking before presenting: shown, pain only
        self.acts: dict[str, QAction] = {}
        self._build_actions()
        self._build_menus()
        self._place_bar()
        self._wire()
        context.view.add_key_handler("voting", self.voting.handle_key, before="canvas")
        context.view.add_key_handler("presentation", self._presentation_key, before="canvas")
        context.view.add_key_handler("focus", self._typing_into_focus, before="canvas")
        self._refresh()

    # ----- actions and menus -------------------------------------------------------------

    def _add(
        self,
        name: str,
        text: str,
        slot: Callable[[], object],
        keys: str = "",
        context: Context = Context.WindowShortcut,
        tip: str = "",
    ) -> QAction:
        action = QAction(text, self.context.parent)
        self.context.actions.register(f"workshop_{name}", action)
        if keys:
            action.setShortcut(QKeySequence(keys))
            action.setShortcutContext(context)
        if tip:
            action.setStatusTip(tip)
            action.setToolTip(tip)
        action.triggered.connect(lambda *_: slot())
        if context == Context.WidgetWithChildrenShortcut:
            self.context.view.addAction(action)  # the canvas (and its editors) only
        self.acts[name] = action
        return action

    def _build_actions(self) -> None:
        a, canvas, nowhere = self._add, Context.WidgetWithChildrenShortcut, Context.WidgetShortcut
        a("present", "&Present", self.mode.toggle, "F11", tip="Full screen for a room; Esc leaves")
        self.acts["present"].setCheckable(True)
        a(
            "next_stage",
            "&Next Stage",
            lambda: self.focus.step(1),
            "PgDown",
            canvas,
            "Focus on the next stage, the others dimmed",
        )
        a("prev_stage", "&Previous Stage", lambda: self.focus.step(-1), "PgUp", canvas)
        a(
            "whole_map",
            "&Whole Map",
            lambda: self.focus.set(None),
            "Home",
            canvas,
            "No stage in focus: the whole map",
        )
        a(
            "quick_add",
            "&Quick Add Sticky Notes",
            self.quick.start,
            "Ctrl+Shift+A",
            tip="Type cards into the focused stage one after another",
        )
        a("vote_start", "Start &Voting Round…", self.ask_vote, tip="Dot voting: set up a round")
        a("vote_end", "&End Voting Round", self.voting.end, tip="Store the votes on the cards")
        a("vote_discard", "Discard Voting Round", self.voting.discard)
        # V and Shift+V are the canvas's own keys (handle_key); here they are only shown.
        a(
            "vote_card",
            "Vote for the Selected Card",
            lambda: self._vote_selected(False),
            "V",
            nowhere,
        )
        a("vote_back", "Take Back a Vote", lambda: self._vote_selected(True), "Shift+V", nowhere)
        a("next_voter", "Next Voter", lambda: self.voting.step_voter(1), "F8", canvas)
        a("prev_voter", "Previous Voter", lambda: self.voting.step_voter(-1), "Shift+F8", canvas)
        a("ranking", "&Top Voted Cards", self.ranking.toggle, tip="Cards ranked by votes")
        a("pain_ranking", "Top &Pain Points", lambda: self.ranking.open(pain_points_only=True))
        a("timer_toggle", "&Start / Pause / Resume", self.timer.toggle, "F5")
        a("timer_stop", "St&op", self.timer.stop, "Shift+F5")
        a("timer_plus1", "+&1 Minute", lambda: self.timer.extend(60), "F6")
        a("timer_plus5", "+&5 Minutes", lambda: self.timer.extend(300), "F7")
        a("timer_custom", "&Type a Duration…", self.type_duration)
        a(
            "summary",
            "Session &Summary PDF…",
            self.summary,
            tip="One page: top-voted touchpoints, pain points and opportunities, findings",
        )
        a("show_bar", "Facilitator &Bar", self._refresh, tip="Show the facilitator bar")
        self.acts["show_bar"].setCheckable(True)
        for minutes in PRESETS:
            a(f"timer_{minutes}", f"{minutes} min", lambda m=minutes: self.timer.start(m * 60))

    def _build_menus(self) -> None:
        shell, acts = self.context.shell, self.acts
        view = shell.menu("view")
        view.addSeparator()
        view.addAction(acts["present"])
        workshop = shell.menu("workshop")  # the window's, on screen before this is made
        workshop.setObjectName("workshop_menu")
        workshop.addAction(acts["present"])
        workshop.addSeparator()
        workshop.addActions([acts[n] for n in ("next_stage", "prev_stage", "whole_map")])
        workshop.addSeparator()
        workshop.addAction(acts["quick_add"])
        workshop.addSeparator()
        for name in (
            "vote_start",
            "vote_card",
            "vote_back",
            "next_voter",
            "prev_voter",
            "vote_end",
            "vote_discard",
        ):
            workshop.addAction(acts[name])
        workshop.addActions([acts["ranking"], acts["pain_ranking"]])
        workshop.addSeparator()
        timer = workshop.addMenu("T&imer")
        timer.addActions([acts[n] for n in ("timer_toggle", "timer_plus1", "timer_plus5")])
        timer.addAction(acts["timer_stop"])
        timer.addSeparator()
        timer.addActions([acts[f"timer_{m}"] for m in PRESETS])
        timer.addAction(acts["timer_custom"])
        presets = self.bar.presets.menu()  # (the timer's extras too, for a narrow bar)
        presets.addActions([acts[f"timer_{m}"] for m in PRESETS])
        presets.addAction(acts["timer_custom"])
        presets.addSeparator()
        presets.addActions([acts[n] for n in ("timer_plus1", "timer_plus5", "timer_stop")])
        workshop.addSeparator()
        workshop.addActions([acts["summary"], acts["show_bar"]])
        export = shell.menu("export")
        export.addSeparator()
        export.addAction(acts["summary"])

    def _place_bar(self) -> None:
        bar = self.bar
        self.context.shell.add_bar(bar, "bottom")
        bar.add_tool(
            "Quick add", self.quick.start, "Type sticky notes into the stage (Ctrl+Shift+A)"
        )
        bar.add_tool("Ranking", self.ranking.toggle, "Cards ranked by votes")
        bar.add_tool("Summary", self.summary_beside, "Write the one-page session summary")
        self.exit_button = bar.add_tool(
            "Exit  ✕", self.mode.leave, "Stop presenting (Esc)", keep=True
        )
        self.context.shell.add_status_widget(self.status_timer)

    def _wire(self) -> None:
        bar, voting, timer = self.bar, self.voting, self.timer
        bar.stage_chosen.connect(self.focus.set)
        bar.step_stage.connect(self.focus.step)
        bar.duration_typed.connect(self._duration_typed)
        bar.voting_asked.connect(self.ask_vote)
        bar.voting_started.connect(self._start_round)
        bar.voting_cancelled.connect(self._cancel_setup)
        bar.voting_ended.connect(voting.end)
        bar.voter_step.connect(voting.step_voter)
        bar.give_back_focus.connect(self.context.view.setFocus)
        self.focus.changed.connect(self._refresh)
        self.mode.toggled.connect(self._presenting)
        voting.changed.connect(self._refresh)
        voting.message.connect(self.say)
        voting.ended.connect(lambda: self.ranking.open())
        timer.changed.connect(self._timer_shown)
        timer.ended.connect(lambda: self.say("Time's up."))
        doc = self.context.document
        doc.signals.stage_added.connect(lambda _: self._refresh())
        doc.signals.stage_removed.connect(lambda _: self._refresh())
        doc.signals.stage_changed.connect(lambda _: self._refresh())
        doc.signals.stages_reordered.connect(self._refresh)
        doc.replaced.connect(self._refresh)

    # ----- what the bar and menus show ------------------------------------------------------

    def _refresh(self) -> None:
        presenting = self.mode.active
        phase = self.voting.phase
        extra = self.acts["show_bar"].isChecked()
        self.bar.setVisible(presenting or extra or phase != "idle")
        self.bar.stages_box.setVisible(presenting or extra)
        self.bar.tools_box.setVisible(presenting or extra)
        self.exit_button.setVisible(presenting)
        self.bar.show_stages(self.context.document.journey.stages, self.focus.stage_id)
        voting = self.voting.round
        self.bar.show_voting(
            phase,
            voter=("Room" if voting.anonymous else voting.voter) if voting else "",
            status=self.voting.status(),
            turns=bool(voting and not voting.anonymous),
        )
        running = voting is not None
        for name in ("vote_end", "vote_discard", "vote_card", "vote_back"):
            self.acts[name].setEnabled(running)
        turns = voting is not None and not voting.anonymous
        for name in ("next_voter", "prev_voter"):
            self.acts[name].setEnabled(turns)
        self.acts["vote_start"].setEnabled(not running)
        self.acts["present"].setChecked(presenting)

    def _presenting(self, on: bool) -> None:
        """Entering remembers what floats over the canvas; leaving puts it back as it
        was (a ranking opened while presenting closes again)."""
        if on:
            self._ranking_before = (self.ranking.isVisible(), self.ranking.pain_only.isChecked())
        else:
            self.toast.hide()
            shown, pain_only = self._ranking_before
            if shown:
                self.ranking.open(pain_points_only=pain_only)
            else:
                self.ranking.hide()
        self.quick.presenting = on
        self.quick.refresh()
        self._refresh()
        self._timer_shown()

    def _timer_shown(self) -> None:
        self.status_timer.setVisible(self.timer.active and not self.mode.active)

    def say(self, text: str) -> None:
        """News for the room: large over the canvas while presenting, and in the status
        bar."""
        if self.mode.active:
            self.toast.say(text)
        self.context.say(text, 6000)

    # ----- commands ---------------------------------------------------------------------------

    def ask_vote(self) -> None:
        self.voting.ask()
        if self.voting.setting_up:
            self.bar.voters.setFocus()

    def _start_round(self, votes_each: int, who: str) -> None:
        if self.voting.start(votes_each, who):
            self.context.view.setFocus()

    def _cancel_setup(self) -> None:
        self.voting.cancel_setup()
        self.context.view.setFocus()

    def _vote_selected(self, back: bool) -> None:
        for card_id in self.context.scene.selected_card_ids():
            if back:
                self.voting.take_back(card_id)
            else:
                self.voting.vote(card_id)

    def type_duration(self) -> None:
        if not self.mode.active:
            self.acts["show_bar"].setChecked(True)
        self._refresh()
        self.bar.ask_duration()

    def _duration_typed(self, text: str) -> None:
        seconds = parse_duration(text)
        if seconds is None:
            self.say(f"“{text}” is not a duration: try 10, 7m, 90s, 1:30 or 1h.")
            return
        self.timer.start(seconds)
        self.bar._duration_done()

    def summary_beside(self) -> None:
        summary_export.export_beside(self.context, self.say)

    def summary(self) -> None:
        """Workshop ▸ Session Summary PDF…: while presenting, written without a dialog
        (a toast names the file); otherwise asks where."""
        if self.mode.active:
            self.summary_beside()
        else:
            summary_export.export_dialog(self.context)

    # ----- keys and closing -----------------------------------------------------------------

    def _presentation_key(self, event: QKeyEvent) -> bool:
        """While presenting, Esc leaves once there is nothing else to cancel: no gesture
        and no selection (the canvas's own Esc handler clears those first; the cell that
        follows the focused stage does not count, it comes back: see `StageFocus`)."""
        if event.key() != Qt.Key.Key_Escape or not self.mode.active:
            return False
        scene = self.context.scene
        if scene.interaction is None and not scene.selectedItems():
            self.mode.leave()
            return True
        return False

    def _typing_into_focus(self, event: QKeyEvent) -> bool:
        """Typing with no cell chosen goes to the focused stage (the canvas's own keys
        then start the capture there with this key)."""
        text = event.text()
        scene = self.context.scene
        plain = not (event.modifiers() & ~Qt.KeyboardModifier.ShiftModifier)
        idle = not scene.selected_card_ids() and not self.context.view.text_editing.active
        if plain and text.isprintable() and text.strip() and scene.cell is None and idle:
            self.focus.keep_cell()
        return False

    def window_closing(self) -> None:
        """The window is about to close: the layout is saved as it was before presenting,
        and a voting round with dots in it is stored in the map first."""
        if self.mode.active:
            self.mode.leave()
        self.voting.window_closing()
