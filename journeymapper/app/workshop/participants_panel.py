"""The participants panel: who joined, who is online, who has finished voting; capture
per stage or for all; voting rounds (votes per person changeable mid-round; counts
hidden until the round ends); the timer every screen shows.

It draws the controller's `Status` and sends the controller commands; it never reads
the map. Names are shown as plain text (a name like `<b>` is never markup).
"""

from __future__ import annotations

import time
from collections.abc import Callable
from functools import partial

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSpinBox,
    QStyle,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from journeymapper.app.workshop.controller import WorkshopController
from journeymapper.app.workshop.people_model import HEADERS, PeopleModel, rows_of
from journeymapper.workshop.messages import MAX_VOTES_EACH
from journeymapper.workshop.status import Status


def _label(text: str = "") -> QLabel:
    label = QLabel(text, textFormat=Qt.TextFormat.PlainText, wordWrap=True)
    return label


def _button(text: str, name: str, slot: Callable[[], None]) -> QPushButton:
    button = QPushButton(text)
    button.setAccessibleName(name)
    button.clicked.connect(slot)
    return button


def _people_list(model: PeopleModel) -> QTreeView:
    """The list of who joined. The two short columns get fixed widths that fit their
    longest possible text: sized to their contents, they would be measured again over
    every row at every refresh of the room (ten a second while voting)."""
    people = QTreeView()
    people.setModel(model)
    people.setRootIsDecorated(False)
    people.setUniformRowHeights(True)
    people.setAccessibleName("Participants")
    header = people.header()
    header.setStretchLastSection(False)
    header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
    for column, longest in ((1, "offline"), (2, f"no ({MAX_VOTES_EACH} used)")):
        header.setSectionResizeMode(column, QHeaderView.ResizeMode.Fixed)
        header.resizeSection(column, _width(people, column, longest))
    return people


def _width(people: QTreeView, column: int, longest: str) -> int:
    """Room for the column's title and its longest text, with the header's margins."""
    text = people.fontMetrics().horizontalAdvance(longest)
    title = people.header().fontMetrics().horizontalAdvance(HEADERS[column])
    return max(text, title) + 4 * people.style().pixelMetric(QStyle.PixelMetric.PM_HeaderMargin)


class ParticipantsPanel(QWidget):
    invite_requested = Signal()  # the lead's menu opens the Invite dialog on it

    def __init__(self, controller: WorkshopController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.summary = _label()
        self.people_model = PeopleModel()
        self.people = _people_list(self.people_model)
        self.invite = _button(
            "Invite participants…", "Invite participants", self.invite_requested.emit
        )
        self._stage_boxes: dict[str, QCheckBox] = {}
        self.stage_box = QVBoxLayout()
        self.votes = QSpinBox(minimum=1, maximum=99, value=3)
        self.votes.setAccessibleName("Votes per person")
        self.round_start = _button("Start round", "Start a voting round", self._start_round)
        self.round_votes = _button(
            "Change votes", "Change the votes per person of the running round", self._change_votes
        )
        self.round_end = _button(
            "End and reveal", "End the voting round and reveal the counts", controller.end_round
        )
        self.round_state = _label()
        self.results = _label()
        self.minutes = QSpinBox(minimum=1, maximum=240, value=5, suffix=" min")
        self.minutes.setAccessibleName("Timer minutes")
        self.timer_start = _button(
            "Start timer", "Start the timer on every screen", self._start_timer
        )
        self.timer_stop = _button("Stop timer", "Stop the timer", controller.stop_timer)
        self.countdown = _label()
        self._tick = QTimer(self, interval=500, timeout=self._show_countdown)
        self._build()
        controller.status_changed.connect(self.show_status)
        controller.running_changed.connect(lambda _: self.show_status(controller.status))
        self.show_status(controller.status)

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        layout.addWidget(self.invite)
        layout.addWidget(self.summary)
        layout.addWidget(self.people, 1)
        layout.addWidget(self._capture_group())
        layout.addWidget(self._voting_group())
        timer = QGroupBox("Timer")
        timer_layout = QHBoxLayout(timer)
        for widget in (self.minutes, self.timer_start, self.timer_stop, self.countdown):
            timer_layout.addWidget(widget)
        layout.addWidget(timer)

    def _capture_group(self) -> QGroupBox:
        capture = QGroupBox("Adding touchpoints")
        layout = QVBoxLayout(capture)
        row = QHBoxLayout()
        for text, name, is_open in (
            ("Open all", "Open adding touchpoints for all stages", True),
            ("Close all", "Close adding touchpoints for all stages", False),
        ):
            row.addWidget(_button(text, name, partial(self.controller.set_capture, None, is_open)))
        layout.addLayout(row)
        layout.addLayout(self.stage_box)
        return capture

    def _voting_group(self) -> QGroupBox:
        voting = QGroupBox("Voting round")
        layout = QVBoxLayout(voting)
        row = QHBoxLayout()
        row.addWidget(QLabel("Votes each:"))
        row.addWidget(self.votes)
        layout.addLayout(row)
        row = QHBoxLayout()
        for button in (self.round_start, self.round_votes, self.round_end):
            row.addWidget(button)
        layout.addLayout(row)
        layout.addWidget(self.round_state)
        layout.addWidget(self.results)
        return voting

    # ----- drawing the status ------------------------------------------------------------

    def show_status(self, status: Status) -> None:
        running = self.controller.running
        for widget in (self.round_start, self.round_votes, self.round_end, self.timer_start,
                       self.timer_stop, self.votes, self.minutes):  # fmt: skip
            widget.setEnabled(running)
        if not running:
            self.summary.setText("No workshop running: invite participants to start one.")
        else:
            self.summary.setText(
                f"{len(status.people)} joined · {status.online} online · "
                f"{status.finished} finished voting"
            )
        self._show_people(status)
        self._show_stages(status)
        self._show_round(status, running)
        self._show_countdown()
        if status.timer_ends_at is None:
            self._tick.stop()
        else:
            self._tick.start()

    def _show_people(self, status: Status) -> None:
        self.people_model.show(rows_of(status))

    def _show_stages(self, status: Status) -> None:
        if [s.id for s in status.stages] != list(self._stage_boxes):
            while self.stage_box.count():
                item = self.stage_box.takeAt(0)
                if item is not None and item.widget() is not None:
                    item.widget().deleteLater()
            self._stage_boxes = {}
            for stage in status.stages:
                box = QCheckBox(stage.name)
                box.setAccessibleName(f"Participants may add touchpoints to {stage.name}")
                box.toggled.connect(
                    lambda on, ident=stage.id: self.controller.set_capture(ident, on)
                )
                self.stage_box.addWidget(box)
                self._stage_boxes[stage.id] = box
        for stage in status.stages:
            box = self._stage_boxes[stage.id]
            box.blockSignals(True)
            box.setText(stage.name)
            box.setChecked(stage.open)
            box.blockSignals(False)

    def _show_round(self, status: Status, running: bool) -> None:
        self.round_start.setEnabled(running and not status.round_running)
        self.round_votes.setEnabled(running and status.round_running)
        self.round_end.setEnabled(running and status.round_running)
        if status.round_running:
            self.round_state.setText(
                f"Round {status.round_number}: {status.votes_each} votes each, {status.cast} "
                f"cast, {status.finished} of {len(status.people)} finished. The counts stay "
                "hidden until you end the round."
            )
        elif status.round_number:
            self.round_state.setText(f"Round {status.round_number} ended; counts revealed.")
        else:
            self.round_state.setText("")
        top = [f"{votes} · {name}" for name, votes in status.results[:5]]
        self.results.setText("\n".join(top))

    def _show_countdown(self) -> None:
        ends = self.controller.status.timer_ends_at
        if ends is None or not self.controller.running:
            self.countdown.setText("")
            return
        left = max(0, round(ends - time.time()))
        self.countdown.setText(f"{left // 60:02d}:{left % 60:02d}" if left else "Time's up")

    # ----- commands ------------------------------------------------------------------------

    def _start_round(self) -> None:
        self.controller.start_round(self.votes.value())

    def _change_votes(self) -> None:
        self.controller.set_votes_each(self.votes.value())

    def _start_timer(self) -> None:
        self.controller.start_timer(self.minutes.value() * 60)
