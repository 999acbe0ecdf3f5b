"""The facilitator bar: stages, the timer, the voting round, and the workshop's tools.

A slim dark strip over the canvas, readable on a projector (large type, white on
near-black whatever the appearance). Its buttons never take the keyboard focus, so
typing, shortcuts and capture stay with the canvas; only the duration and voter
fields take it, while they are typed into. The bar shows what the `Facilitator`
(facilitator.py) tells it and calls it back; it holds no workshop state itself.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QLayout,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QSpinBox,
    QToolButton,
    QWidget,
)

from journeymapper.app.present.timer import TimerController, TimerLabel
from journeymapper.layout.text import elide
from journeymapper.model.schema import Stage

BAR_BG = "#0B1220"
INK = "#F8FAFC"
MUTED = "#A8B3C4"
BUTTON = "#1E293B"
BUTTON_HOVER = "#334155"
TEXT_PX = 16
STAGES_ROOM = 420.0  # what all the stage names share (points at 11 pt), so the bar fits

_SHEET = f"""
QFrame#facilitator_bar {{ background: {BAR_BG}; border-top: 1px solid #000; }}
QFrame#facilitator_bar QLabel {{ color: {INK}; font-size: {TEXT_PX}px; }}
QFrame#facilitator_bar QLabel[muted="true"] {{ color: {MUTED}; }}
QFrame#facilitator_bar QPushButton, QFrame#facilitator_bar QToolButton {{
    background: {BUTTON}; color: {INK}; border: 1px solid #475569; border-radius: 6px;
    padding: 5px 12px; font-size: {TEXT_PX}px; font-weight: bold;
}}
QFrame#facilitator_bar QPushButton:hover, QFrame#facilitator_bar QToolButton:hover {{
    background: {BUTTON_HOVER};
}}
QFrame#facilitator_bar QPushButton:checked {{
    background: {INK}; color: #0B1220; border: 1px solid {INK};
}}
QFrame#facilitator_bar QPushButton:disabled {{ color: #64748B; }}
QFrame#facilitator_bar QLineEdit, QFrame#facilitator_bar QSpinBox {{
    background: #F8FAFC; color: #0B1220; border: 2px solid #94A3B8; border-radius: 5px;
    padding: 3px 6px; font-size: {TEXT_PX}px;
}}
QFrame#facilitator_bar QLabel#voter_name {{ font-size: 20px; font-weight: bold; color: #FDE68A; }}
QFrame#facilitator_bar QToolButton::menu-indicator {{ image: none; }}
"""


def _button(text: str, slot: Callable[[], object], tip: str = "") -> QPushButton:
    button = QPushButton(text)
    button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    button.setToolTip(tip)
    button.clicked.connect(lambda *_: slot())
    return button


def _label(text: str = "", muted: bool = False) -> QLabel:
    label = QLabel(text)
    label.setProperty("muted", muted)
    return label


class _Field(QLineEdit):
    """A bar field: Enter submits, Esc gives the keyboard back to the canvas."""

    escaped = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self.escaped.emit()
            return
        super().keyPressEvent(event)


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
        self.setObjectName("facilitator_bar")
        self.setStyleSheet(_SHEET)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        row = QHBoxLayout(self)
        # Never wider than the window: on a small screen the end of the bar is cut, the
        # window is not stretched.
        row.setSizeConstraint(QLayout.SizeConstraint.SetNoConstraint)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        self.setMinimumWidth(0)
        row.setContentsMargins(10, 6, 10, 6)
        row.setSpacing(8)
        self.stages_box = self._stages_box()
        self.timer_box = self._timer_box(timer)
        self.voting_box = self._voting_box()
        self.tools_box = QWidget()
        self.tools = QHBoxLayout(self.tools_box)
        self.tools.setContentsMargins(0, 0, 0, 0)
        for box in (self.stages_box, self.timer_box, self.voting_box):
            row.addWidget(box)
            row.addWidget(self._separator())
        row.addStretch(1)
        row.addWidget(self.tools_box)
        self.hide()

    @staticmethod
    def _separator() -> QFrame:
        line = QFrame()
        line.setFrameShape(QFrame.Shape.VLine)
        line.setStyleSheet("color: #334155;")
        return line

    # ----- stages -------------------------------------------------------------------------

    def _stages_box(self) -> QWidget:
        box = QWidget()
        self.stage_row = QHBoxLayout(box)
        self.stage_row.setContentsMargins(0, 0, 0, 0)
        self.stage_row.setSpacing(4)
        self.prev_stage = _button("◀", lambda: self.step_stage.emit(-1), "Previous stage (Page Up)")
        self.whole_map = _button("All", lambda: self.stage_chosen.emit(None), "Whole map (Home)")
        self.whole_map.setCheckable(True)
        self.next_stage = _button("▶", lambda: self.step_stage.emit(1), "Next stage (Page Down)")
        self.stage_buttons: dict[str, QPushButton] = {}
        for widget in (self.prev_stage, self.whole_map, self.next_stage):
            self.stage_row.addWidget(widget)
        return box

    def show_stages(self, stages: Sequence[Stage], focused: str | None) -> None:
        """One button per stage (the focused one lit, underlined in its colour)."""
        wanted = [(s.id, s.name, s.color) for s in stages]
        current = [
            (sid, b.property("stage_name"), b.property("stage_color"))
            for sid, b in self.stage_buttons.items()
        ]
        if wanted != current:
            for button in self.stage_buttons.values():
                self.stage_row.removeWidget(button)
                button.deleteLater()
            self.stage_buttons = {}
            room = min(150.0, max(40.0, STAGES_ROOM / max(1, len(wanted))))  # points, 11 pt bold
            for i, (sid, name, color) in enumerate(wanted):
                button = _button(
                    elide(name, 11, room, True), lambda s=sid: self.stage_chosen.emit(s), name
                )
                button.setCheckable(True)
                button.setProperty("stage_name", name)
                button.setProperty("stage_color", color)
                button.setStyleSheet(f"QPushButton {{ border-bottom: 4px solid {color}; }}")
                self.stage_row.insertWidget(2 + i, button)
                self.stage_buttons[sid] = button
        for sid, button in self.stage_buttons.items():
            button.setChecked(sid == focused)
        self.whole_map.setChecked(focused is None)

    # ----- the timer ------------------------------------------------------------------------

    def _timer_box(self, timer: TimerController) -> QWidget:
        box = QWidget()
        row = QHBoxLayout(box)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(4)
        self.timer_label = TimerLabel(timer, 28, ink=INK, muted=MUTED)
        self.timer_toggle = _button("▶", timer.toggle, "Start / pause / resume (F5)")
        self.plus_one = _button("+1", lambda: timer.extend(60), "One more minute (F6)")
        self.plus_five = _button("+5", lambda: timer.extend(300), "Five more minutes (F7)")
        self.timer_stop = _button("■", timer.stop, "Stop the timer (Shift+F5)")
        self.presets = QToolButton()
        self.presets.setText("▾")
        self.presets.setToolTip("Start a preset, or type a duration")
        self.presets.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.presets.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.duration = _Field()
        self.duration.setPlaceholderText("10:00")
        self.duration.hide()
        self.duration.setFixedWidth(86)
        self.duration.setToolTip("Type a duration and press Enter: 10 (minutes), 7m, 90s, 1:30, 1h")
        self.duration.returnPressed.connect(lambda: self.duration_typed.emit(self.duration.text()))
        self.duration.escaped.connect(self._duration_done)
        for widget in (
            self.timer_label,
            self.timer_toggle,
            self.plus_one,
            self.plus_five,
            self.timer_stop,
            self.presets,
            self.duration,
        ):
            row.addWidget(widget)
        timer.changed.connect(lambda: self._timer_changed(timer))
        self._timer_changed(timer)
        return box

    def ask_duration(self) -> None:
        """Show the duration field, ready for typing (Enter starts, Esc gives up)."""
        self.duration.show()
        self.duration.setFocus()
        self.duration.selectAll()

    def _duration_done(self) -> None:
        self.duration.clear()
        self.duration.hide()
        self.give_back_focus.emit()

    def _timer_changed(self, timer: TimerController) -> None:
        from journeymapper.app.present.countdown import State

        running = timer.state is State.RUNNING
        self.timer_toggle.setText("❚❚" if running else "▶")
        self.timer_stop.setEnabled(timer.active)

    # ----- voting -----------------------------------------------------------------------------

    def _voting_box(self) -> QWidget:
        box = QWidget()
        row = QHBoxLayout(box)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(6)
        self.vote_start = _button(
            "Start voting…", self.voting_asked.emit, "Set up a dot-voting round"
        )
        # the setup, shown before a round starts
        self.votes_each = QSpinBox()
        self.votes_each.setRange(1, 99)
        self.votes_each.setValue(3)
        self.votes_each.setSuffix(" votes each")
        self.voters = _Field()
        self.voters.setPlaceholderText("Ana, Ben, Chloé — or how many people")
        self.voters.setMinimumWidth(300)
        self.voters.setToolTip(
            "Names separated by commas: each votes in turn.\n"
            "A number (e.g. 8): an anonymous room sharing 8 × the votes each."
        )
        self.voters.returnPressed.connect(self._start)
        self.voters.escaped.connect(self.voting_cancelled.emit)
        self.setup_go = _button("Start", self._start, "Start the round")
        self.setup_cancel = _button("Cancel", self.voting_cancelled.emit)
        # the round, while it runs
        self.voter_prev = _button(
            "◀", lambda: self.voter_step.emit(-1), "Previous voter (Alt+Left)"
        )
        self.voter_name = _label()
        self.voter_name.setObjectName("voter_name")
        self.voter_next = _button("▶", lambda: self.voter_step.emit(1), "Next voter (Alt+Right)")
        self.vote_status = _label(muted=True)
        self.vote_end = _button("End round", self.voting_ended.emit, "Store the votes on the cards")
        self.setup_widgets = (self.votes_each, self.voters, self.setup_go, self.setup_cancel)
        self.round_widgets = (
            self.voter_prev,
            self.voter_name,
            self.voter_next,
            self.vote_status,
            self.vote_end,
        )
        for widget in (self.vote_start, *self.setup_widgets, *self.round_widgets):
            row.addWidget(widget)
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

    def add_tool(self, text: str, slot: Callable[[], object], tip: str = "") -> QPushButton:
        button = _button(text, slot, tip)
        self.tools.addWidget(button)
        return button
