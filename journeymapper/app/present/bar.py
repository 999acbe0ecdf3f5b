"""The facilitator bar: stages, the timer, the voting round, and the workshop's tools.

A slim dark strip under the canvas, readable on a projector (18 px bold, white on
near-black whatever the appearance: `bar_parts.py`). Its buttons never take the keyboard
focus, so typing, shortcuts and capture stay with the canvas; only the duration and
voter fields take it, while they are typed into. The bar never overflows: at any width
it shows every control whole or folds it into a menu (`bar_fit.py`) — the stages that
do not fit into an overflow menu, the tools into "More", the timer's extras into its ▾,
and as a last resort the timer and voting go to a second row. It shows what the
`Facilitator` (facilitator.py) tells it and calls it back; it holds no workshop state.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QAction, QResizeEvent
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLayout,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from journeymapper.app.present.bar_fit import LEVELS, SLACK, Level, demand, fitting, preferred
from journeymapper.app.present.bar_parts import (
    INK,
    MUTED,
    SHEET,
    Field,
    VotesEach,
    button,
    label,
    menu_button,
)
from journeymapper.app.present.timer import TimerController, TimerLabel
from journeymapper.model.schema import Stage


def _row(*widgets: QWidget, spacing: int = 8) -> tuple[QWidget, QHBoxLayout]:
    box = QWidget()
    row = QHBoxLayout(box)
    row.setContentsMargins(0, 0, 0, 0)
    row.setSpacing(spacing)
    for widget in widgets:
        row.addWidget(widget)
    return box, row


def _separator() -> QFrame:
    line = QFrame()
    line.setFrameShape(QFrame.Shape.VLine)
    line.setStyleSheet("color: #334155;")
    return line


class FacilitatorBar(QFrame):
    # What the bar asks of the facilitator.
    stage_chosen = Signal(object)  # a stage id, or None for the whole map
    step_stage = Signal(int)
    duration_typed = Signal(str)
    voting_asked = Signal()  # open the round's setup
    voting_started = Signal(int, str)  # votes each, who votes
    voting_cancelled = Signal()
    voting_ended = Signal()
    voter_step = Signal(int)
    give_back_focus = Signal()

    def __init__(self, timer: TimerController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ready = False  # (a style change arrives while the bar is being built)
        self.setObjectName("facilitator_bar")
        self.setStyleSheet(SHEET)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        # Never wider than the window: the bar fits itself to the width it is given.
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        self.setMinimumWidth(0)
        self.focused: str | None = None
        outer = QVBoxLayout(self)
        outer.setSizeConstraint(QLayout.SizeConstraint.SetNoConstraint)
        outer.setContentsMargins(10, 6, 10, 6)
        outer.setSpacing(6)
        self.rows = (QHBoxLayout(), QHBoxLayout())
        for row in self.rows:
            row.setSpacing(8)
            outer.addLayout(row)
        self.stages_box = self._stages_box()
        self.timer_box = self._timer_box(timer)
        self.voting_box = self._voting_box()
        self.tools_box = self._tools_box()
        self.separators = (_separator(), _separator())
        self.level = LEVELS[0]
        self._arrange(two_rows=False)
        self._ready = True
        self.hide()

    # ----- stages -------------------------------------------------------------------------

    def _stages_box(self) -> QWidget:
        self.prev_stage = button("◀", lambda: self.step_stage.emit(-1), "Previous stage (Page Up)")
        self.whole_map = button("All", lambda: self.stage_chosen.emit(None), "Whole map (Home)")
        self.whole_map.setCheckable(True)
        self.next_stage = button("▶", lambda: self.step_stage.emit(1), "Next stage (Page Down)")
        self.stage_overflow = menu_button("More ▾", "The stages with no room in the bar")
        self.stage_overflow.setCheckable(True)
        self.stage_buttons: dict[str, QPushButton] = {}
        self.stage_actions: dict[str, QAction] = {}  # the same, for the overflow menu
        box, self.stage_row = _row(
            self.prev_stage, self.whole_map, self.stage_overflow, self.next_stage, spacing=4
        )
        return box

    def show_stages(self, stages: Sequence[Stage], focused: str | None) -> None:
        """One button per stage (the focused one lit, underlined in its colour)."""
        wanted = [(s.id, s.name, s.color) for s in stages]
        current = [
            (sid, b.property("stage_name"), b.property("stage_color"))
            for sid, b in self.stage_buttons.items()
        ]
        if wanted != current:
            for old in self.stage_buttons.values():
                self.stage_row.removeWidget(old)
                old.deleteLater()
            for action in self.stage_actions.values():
                action.deleteLater()
            self.stage_buttons, self.stage_actions = {}, {}
            for i, (sid, name, color) in enumerate(wanted):
                action = QAction(name, self)
                action.setData(sid)
                action.setCheckable(True)
                action.triggered.connect(lambda _=False, s=sid: self.stage_chosen.emit(s))
                self.stage_actions[sid] = action
                made = button(name, lambda s=sid: self.stage_chosen.emit(s), name)
                made.setCheckable(True)
                made.setProperty("stage_name", name)
                made.setProperty("stage_color", color)
                made.setStyleSheet(f"QPushButton {{ border-bottom: 4px solid {color}; }}")
                self.stage_row.insertWidget(2 + i, made)
                self.stage_buttons[sid] = made
        self.focused = focused
        for sid, made in self.stage_buttons.items():
            made.setChecked(sid == focused)
        self.whole_map.setChecked(focused is None)
        self.fit()

    def _fill_overflow(self) -> None:
        """The stages without a button, in the overflow menu (the focused one checked).
        The actions belong to the bar, so rebuilding the menu while one of them is being
        triggered deletes nothing."""
        menu = self.stage_overflow.menu()
        menu.clear()
        hidden = [sid for sid, b in self.stage_buttons.items() if b.isHidden()]
        for sid in hidden:
            action = self.stage_actions[sid]
            action.setChecked(sid == self.focused)
            menu.addAction(action)
        shown = len(self.stage_buttons) - len(hidden)
        self.stage_overflow.setText(f"+{len(hidden)} ▾" if shown else "Stages ▾")
        self.stage_overflow.setChecked(self.focused in hidden)

    # ----- the timer ------------------------------------------------------------------------

    def _timer_box(self, timer: TimerController) -> QWidget:
        self.timer_label = TimerLabel(timer, 28, ink=INK, muted=MUTED)
        self.timer_toggle = button("▶", timer.toggle, "Start / pause / resume (F5)")
        self.plus_one = button("+1", lambda: timer.extend(60), "One more minute (F6)")
        self.plus_five = button("+5", lambda: timer.extend(300), "Five more minutes (F7)")
        self.timer_stop = button("■", timer.stop, "Stop the timer (Shift+F5)")
        self.presets = menu_button("▾", "Start a preset, or type a duration")
        self.duration = Field()
        self.duration.setPlaceholderText("10:00")
        self.duration.hide()
        self.duration.setMinimumWidth(96)
        self.duration.setToolTip("Type a duration and press Enter: 10 (minutes), 7m, 90s, 1:30, 1h")
        self.duration.returnPressed.connect(lambda: self.duration_typed.emit(self.duration.text()))
        self.duration.escaped.connect(self._duration_done)
        self.timer_extras = (self.plus_one, self.plus_five, self.timer_stop)
        widgets = (self.timer_label, self.timer_toggle, *self.timer_extras, self.presets)
        box, _ = _row(*widgets, self.duration, spacing=4)
        timer.changed.connect(lambda: self._timer_changed(timer))
        self._timer_changed(timer)
        return box

    def ask_duration(self) -> None:
        """Show the duration field, ready for typing (Enter starts, Esc gives up)."""
        self.duration.show()
        self.fit()
        self.duration.setFocus()
        self.duration.selectAll()

    def _duration_done(self) -> None:
        self.duration.clear()
        self.duration.hide()
        self.fit()
        self.give_back_focus.emit()

    def _timer_changed(self, timer: TimerController) -> None:
        from journeymapper.app.present.countdown import State

        running = timer.state is State.RUNNING
        self.timer_toggle.setText("❚❚" if running else "▶")
        self.timer_stop.setEnabled(timer.active)

    # ----- voting -----------------------------------------------------------------------------

    def _voting_box(self) -> QWidget:
        self.vote_start = button(
            "Start voting…", self.voting_asked.emit, "Set up a dot-voting round"
        )
        # the setup, shown before a round starts
        self.votes = VotesEach()
        self.votes_each, self.votes_less, self.votes_more = self.votes.spin, *self.votes.buttons()
        self.voters = Field()
        self.voters.setPlaceholderText("Names, or how many")
        self.voters.setMinimumWidth(230)
        self.voters.setToolTip(
            "Names separated by commas (Ana, Ben, Chloé): each votes in turn.\n"
            "A number (e.g. 8): an anonymous room sharing 8 × the votes each."
        )
        self.voters.returnPressed.connect(self._start)
        self.voters.escaped.connect(self.voting_cancelled.emit)
        self.setup_go = button("Start", self._start, "Start the round")
        self.setup_cancel = button("Cancel", self.voting_cancelled.emit)
        # the round, while it runs
        self.voter_prev = button("◀", lambda: self.voter_step.emit(-1), "Previous voter (Shift+F8)")
        self.voter_name = label()
        self.voter_name.setObjectName("voter_name")
        self.voter_next = button("▶", lambda: self.voter_step.emit(1), "Next voter (F8)")
        self.vote_status = label(muted=True)
        self.vote_end = button("End round", self.voting_ended.emit, "Store the votes on the cards")
        self.setup_widgets = (self.votes, self.voters, self.setup_go, self.setup_cancel)
        self.round_widgets = (
            self.voter_prev,
            self.voter_name,
            self.voter_next,
            self.vote_status,
            self.vote_end,
        )
        box, _ = _row(self.vote_start, *self.setup_widgets, *self.round_widgets, spacing=6)
        self.show_voting("idle")
        return box

    def _start(self) -> None:
        self.voting_started.emit(self.votes_each.value(), self.voters.text())

    def show_voting(
        self, phase: str, voter: str = "", status: str = "", turns: bool = False
    ) -> None:
        """`idle`, `setup` or `round` (the voter whose turn it is and how it stands)."""
        self.vote_start.setVisible(phase == "idle")
        for widget in self.setup_widgets:
            widget.setVisible(phase == "setup")
        for widget in self.round_widgets:
            widget.setVisible(phase == "round")
        self.voter_prev.setVisible(phase == "round" and turns)
        self.voter_next.setVisible(phase == "round" and turns)
        self.voter_name.setText(voter)
        self.vote_status.setText(status)
        self.fit()

    # ----- the workshop's tools -------------------------------------------------------------

    def _tools_box(self) -> QWidget:
        self.tools_more = menu_button("More ▾", "Quick add, ranking, summary")
        self.tools: list[tuple[QPushButton, QAction | None]] = []
        box, self.tools_row = _row(self.tools_more)
        return box

    def add_tool(
        self, text: str, slot: Callable[[], object], tip: str = "", keep: bool = False
    ) -> QPushButton:
        """A tool button; unless `keep`, it folds into "More" when the bar is narrow."""
        made = button(text, slot, tip)
        action = None
        if not keep:
            action = QAction(text, self.tools_more)
            action.setToolTip(tip)
            action.triggered.connect(lambda *_: slot())
            self.tools_more.menu().addAction(action)
        index = self.tools_row.indexOf(self.tools_more)
        self.tools_row.insertWidget(index if not keep else self.tools_row.count(), made)
        self.tools.append((made, action))
        self.fit()
        return made

    # ----- fitting the width ----------------------------------------------------------------

    def _arrange(self, two_rows: bool) -> None:
        """Put the boxes in one row, or the timer and voting on a second one."""
        for row in self.rows:
            while row.count():
                row.takeAt(0)
        first, second = self.rows
        first.addWidget(self.stages_box)
        first.addWidget(self.separators[0])
        target = second if two_rows else first
        target.addWidget(self.timer_box)
        target.addWidget(self.separators[1])
        target.addWidget(self.voting_box)
        if two_rows:
            second.addStretch(1)
        first.addStretch(1)
        first.addWidget(self.tools_box)

    def _apply(self, level: Level) -> None:
        if level.two_rows != self.level.two_rows:
            self._arrange(level.two_rows)
        self.level = level
        for made, action in self.tools:
            made.setVisible(action is None or not level.tools_folded)
        self.tools_more.setVisible(level.tools_folded and any(a for _, a in self.tools))
        for extra in self.timer_extras:
            extra.setVisible(not level.timer_folded)
        self.separators[0].setVisible(not level.two_rows and not self.stages_box.isHidden())

    def _stage_room(self) -> int:
        """The width left for stage buttons on the first row (all of them hidden)."""
        for made in self.stage_buttons.values():
            made.setVisible(False)
        self.stage_overflow.setVisible(bool(self.stage_buttons))
        outer = self.layout()
        margins = outer.contentsMargins() if outer is not None else None
        inner = self.width() - (margins.left() + margins.right() if margins else 0)
        return inner - demand(self.rows[0]) - SLACK

    def _second_row_fits(self) -> bool:
        outer = self.layout()
        margins = outer.contentsMargins() if outer is not None else None
        inner = self.width() - (margins.left() + margins.right() if margins else 0)
        return demand(self.rows[1]) + SLACK <= inner

    def fit(self) -> None:
        """Choose the most generous arrangement that fits the bar's width (one that
        leaves room for a stage button if any does), then show the stages that fit."""
        if not self._ready or self.width() <= 0:
            return
        spacing = self.stage_row.spacing()
        first = [preferred(b) + spacing for b in list(self.stage_buttons.values())[:1]]
        chosen = None
        for wish in (sum(first), 0):
            for level in LEVELS:
                self._apply(level)
                if self._stage_room() >= wish and self._second_row_fits():
                    chosen = level
                    break
            if chosen is not None:
                break
        if chosen is None:
            self._apply(LEVELS[-1])
        self._place_stages(self._stage_room())
        outer = self.layout()
        if outer is not None and self.isVisible():
            # The new arrangement now, not at the next turn of the loop: the boxes'
            # layouts would only learn of their widgets shown and hidden then.
            for box in (self.stages_box, self.timer_box, self.voting_box, self.tools_box):
                box.updateGeometry()  # (drops the size each row remembers for it)
            for inner in self.findChildren(QLayout):
                inner.invalidate()
            outer.activate()

    def _place_stages(self, room: int) -> None:
        spacing = self.stage_row.spacing()
        widths = [preferred(b) for b in self.stage_buttons.values()]
        overflow = preferred(self.stage_overflow) + spacing
        if fitting(room + overflow, widths, spacing) == len(widths):
            self.stage_overflow.setVisible(False)
            count = len(widths)
        else:
            count = fitting(room - spacing, widths, spacing)
        for i, made in enumerate(self.stage_buttons.values()):
            made.setVisible(i < count)
        self._fill_overflow()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if event.size().width() != event.oldSize().width():
            self.fit()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.StyleChange:
            self.fit()
