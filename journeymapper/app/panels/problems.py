"""The problems dock: the coverage findings, live, with a click to show what they name.

Validation runs on a worker thread, 150 ms after the last change (a burst of edits
runs it once), and never during a drag (the model does not change until the drop).
The worker reads a snapshot of the journey taken on the UI thread when the run starts
(`Journey.snapshot`, a few milliseconds at 10,000 cards), never the live map, which the
UI thread may change meanwhile. A result that an edit has made stale is not shown: the
run that edit started replaces it.
"""

from __future__ import annotations

import logging
import queue
import threading
from collections.abc import Callable

from PySide6.QtCore import QObject, QSize, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QDockWidget,
    QHBoxLayout,
    QLabel,
    QListView,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from journeymapper.analysis import Finding, Severity, validate
from journeymapper.app.document import Document
from journeymapper.app.look import glyphs
from journeymapper.look import palette
from journeymapper.model.document import Journey

log = logging.getLogger(__name__)

DELAY_MS = 150
FIRST_DELAY_MS = 500  # a freshly opened map paints first, then gets checked
SEVERITY_COLORS = {
    Severity.ERROR: palette.PAIN,
    Severity.WARNING: "#D97706",
    Severity.INFO: "#2563EB",
}
SUBJECTS_ROLE = Qt.ItemDataRole.UserRole + 1
MAX_ROWS = 2000


class _Worker:
    """One long-lived thread that runs the validations of every window in turn.

    A thread started per run made the UI thread wait, in `Thread.start`, for the new
    thread to get going, and so for the GIL: 5 ms a run. Handing a job to a waiting
    thread costs a queue put.
    """

    def __init__(self) -> None:
        self._jobs: queue.SimpleQueue[Callable[[], None]] = queue.SimpleQueue()
        self._thread: threading.Thread | None = None
        self._lock = threading.Lock()

    def submit(self, job: Callable[[], None]) -> None:
        with self._lock:
            if self._thread is None:
                self._thread = threading.Thread(target=self._loop, daemon=True, name="validation")
                self._thread.start()
        self._jobs.put(job)

    def _loop(self) -> None:
        while True:
            self._jobs.get()()


_WORKER = _Worker()


class Validator(QObject):
    """Runs `validate` off the UI thread and reports the latest consistent result."""

    finished = Signal(int, object)  # generation, list of findings (None if it failed)

    def __init__(self, document: Document, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self.generation = 0
        self.findings: list[Finding] = []
        self._running = False
        self._again = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DELAY_MS)
        self._timer.timeout.connect(self.run)
        self.finished.connect(self._done)
        self.on_result: Callable[[list[Finding]], None] | None = None
        document.signals.changed.connect(self.changed)
        document.replaced.connect(self.changed)

    @property
    def busy(self) -> bool:
        return self._running

    def cancel_pending(self) -> None:
        self._timer.stop()

    def changed(self, delay: int = DELAY_MS) -> None:
        self.generation += 1
        self._timer.start(delay)

    def run(self) -> None:
        if self._running:
            self._again = True
            return
        self._running = True
        generation, snapshot = self.generation, self.document.journey.snapshot()
        _WORKER.submit(lambda: self._work(generation, snapshot))

    def run_now(self) -> list[Finding]:
        """Validate on the calling thread (tests, exports)."""
        self.findings = validate(self.document.journey)
        if self.on_result:
            self.on_result(self.findings)
        return self.findings

    def _work(self, generation: int, snapshot: Journey) -> None:
        try:
            findings: list[Finding] | None = validate(snapshot)
        except Exception:  # a bug in a rule must not take the window down
            log.exception("validation run %d failed", generation)
            findings = None
        try:
            self.finished.emit(generation, findings)
        except RuntimeError:  # the window closed while the run was going
            log.debug("validation result dropped: its window is gone")

    def _done(self, generation: int, findings: list[Finding] | None) -> None:
        self._running = False
        if findings is not None and generation == self.generation:
            self.findings = findings
            if self.on_result:
                self.on_result(findings)
        elif self._again or generation != self.generation:
            self._timer.start(DELAY_MS)
        self._again = False


class ProblemsDock(QDockWidget):
    show_subjects = Signal(list)
    count_changed = Signal(int)

    def __init__(self, document: Document) -> None:
        super().__init__("Problems")
        self.setObjectName("ProblemsDock")
        self.document = document
        self.validator = Validator(document, self)
        self.validator.on_result = self.show_findings
        self._shown: list[Finding] = []
        self.summary = QLabel("Checking…")
        self.summary.setStyleSheet("color: palette(placeholder-text);")
        self.tree = QListWidget()
        self.tree.setIconSize(QSize(16, 16))
        self.tree.setWordWrap(True)
        self.tree.setResizeMode(QListView.ResizeMode.Adjust)
        self.tree.setUniformItemSizes(False)
        self.tree.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.tree.setSpacing(1)
        self.tree.itemClicked.connect(self._clicked)
        self.tree.itemActivated.connect(self._clicked)
        body = QWidget()
        column = QVBoxLayout(body)
        column.setContentsMargins(8, 6, 8, 8)
        column.setSpacing(6)
        head = QHBoxLayout()
        head.addWidget(self.summary, 1)
        column.addLayout(head)
        column.addWidget(self.tree, 1)
        self.setWidget(body)
        self.validator.changed(FIRST_DELAY_MS)

    @property
    def findings(self) -> list[Finding]:
        return self.validator.findings

    def show_findings(self, findings: list[Finding]) -> None:
        """Show `findings`, changing only the rows that differ from what is shown: an
        edit changes a finding or two, and rebuilding hundreds of rows cost more than
        the validation."""
        shown = findings[:MAX_ROWS]
        self.tree.setUpdatesEnabled(False)
        for row in range(self.tree.count() - 1, len(shown) - 1, -1):
            self.tree.takeItem(row)  # ours now, and freed with it
        for row, finding in enumerate(shown):
            if row < len(self._shown) and self._shown[row] == finding:
                continue
            item = self.tree.item(row)
            if item is None:
                item = QListWidgetItem()
                self.tree.addItem(item)
            item.setIcon(glyphs.icon(finding.severity.value, SEVERITY_COLORS[finding.severity]))
            item.setText(finding.message)
            item.setToolTip(f"{finding.rule} · {finding.name}\n{finding.message}")
            item.setData(SUBJECTS_ROLE, list(finding.subjects))
        self._shown = shown
        self.tree.setUpdatesEnabled(True)
        self.summary.setText(_summary(findings))
        self.count_changed.emit(len(findings))

    def _clicked(self, item: QListWidgetItem) -> None:
        subjects = item.data(SUBJECTS_ROLE) or []
        if subjects:
            self.show_subjects.emit(list(subjects))


def _summary(findings: list[Finding]) -> str:
    if not findings:
        return "No problems found. The journey is covered."
    counts = {s: sum(1 for f in findings if f.severity is s) for s in Severity}
    parts = [f"{n} {s.value}{'s' if n != 1 else ''}" for s, n in counts.items() if n]
    return " · ".join(parts)
