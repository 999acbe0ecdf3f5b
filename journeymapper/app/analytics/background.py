"""Read and compute on a worker thread behind a progress dialog that names the step.

Reading the BPI Challenge 2012 log took four seconds; on the UI thread that was four
seconds of a frozen window. Here the work runs on a `QThread` while the UI thread
runs a local event loop (as a modal dialog's `exec` does), so the window repaints and
the dialog answers. The dialog is application-modal: nothing can change the map or
start another read meanwhile. Cancel (the button, Esc, or closing the dialog) asks
the work to stop (`Progress.cancel`: a flag, and DuckDB's `interrupt()`), repeats the
interrupt every 100 ms until the worker has ended (an interrupt reaches only a
running query), and the call returns None: the work's own clean-up (closing the log,
removing its spill folder) has run by then. The dialog, the worker and the objects that
carry its steps are deleted before the call returns, on the UI thread.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Generic, TypeVar

import shiboken6
from PySide6.QtCore import QEventLoop, QObject, Qt, QThread, QTimer, Signal
from PySide6.QtWidgets import QDialog, QLabel, QProgressBar, QPushButton, QVBoxLayout, QWidget

from journeymapper.analytics.progress import CancelledError, Progress

log = logging.getLogger(__name__)

T = TypeVar("T")
STEPS = 1000  # the bar's range when a step knows how far it is
INTERRUPT_MS = 100


class ProgressDialog(QDialog):
    """The step's name, a bar (moving when the step cannot say how far it is), Cancel."""

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("AnalyticsProgress")
        self.setWindowTitle(title)
        self.setWindowModality(Qt.WindowModality.ApplicationModal)
        self.label = QLabel("Starting…")
        self.label.setMinimumWidth(380)
        self.bar = QProgressBar()
        self.bar.setRange(0, 0)
        self.cancel_button = QPushButton("Cancel")
        self.cancel_button.clicked.connect(self.reject)
        box = QVBoxLayout(self)
        box.addWidget(self.label)
        box.addWidget(self.bar)
        box.addWidget(self.cancel_button, 0, Qt.AlignmentFlag.AlignRight)
        self.cancel_requested: Callable[[], None] | None = None
        self.finished_work = False

    def show_step(self, text: str, fraction: float) -> None:
        if self.cancel_button.isEnabled():
            self.label.setText(text)
        if fraction < 0:
            self.bar.setRange(0, 0)
        else:
            self.bar.setRange(0, STEPS)
            self.bar.setValue(round(min(max(fraction, 0.0), 1.0) * STEPS))

    def reject(self) -> None:
        """Esc, the close button and Cancel: ask the work to stop; close when it has."""
        if self.finished_work:
            super().reject()
            return
        if self.cancel_button.isEnabled():
            self.cancel_button.setEnabled(False)
            self.label.setText("Cancelling…")
            if self.cancel_requested is not None:
                self.cancel_requested()


class _Reporter(QObject):
    """Carries the worker's steps to the UI thread (a queued signal)."""

    stepped = Signal(str, float)


class _Worker(QThread, Generic[T]):
    def __init__(self, job: Callable[[Progress], T], progress: Progress) -> None:
        super().__init__()
        self.job = job
        self.progress = progress
        self.result: T | None = None
        self.error: BaseException | None = None

    def run(self) -> None:
        try:
            self.result = self.job(self.progress)
        except BaseException as exc:  # handed to the UI thread, raised there
            self.error = exc


def run_in_background(
    parent: QWidget | None,
    title: str,
    job: Callable[[Progress], T],
    discard: Callable[[T], object] | None = None,
) -> T | None:
    """`job(progress)` on a worker thread; its result, or None if the user cancelled.

    An error of the job is raised here, on the UI thread. When the user cancels just as
    the job finishes, its result is handed to `discard` (to close a log) and dropped."""
    reporter = _Reporter()
    progress = Progress(lambda text, fraction: reporter.stepped.emit(text, _bar(fraction)))
    dialog = ProgressDialog(title, parent)
    reporter.stepped.connect(dialog.show_step)
    interrupter = QTimer(dialog)
    interrupter.setInterval(INTERRUPT_MS)
    interrupter.timeout.connect(progress.interrupt)

    def cancel() -> None:
        progress.cancel()
        interrupter.start()

    dialog.cancel_requested = cancel
    worker: _Worker[T] = _Worker(job, progress)
    loop = QEventLoop()
    worker.finished.connect(loop.quit)  # queued: a finish before exec() still ends it
    dialog.show()
    worker.start()
    if not worker.isFinished():
        loop.exec()
    worker.wait()
    result, error = worker.result, worker.error
    progress.stop_reporting()
    interrupter.stop()
    dialog.finished_work = True
    dialog.close()
    dialog.cancel_requested = None
    # Deleted here, on the UI thread. Left to Python, a wrapper kept by a reference cycle
    # is freed whenever the collector runs, and it may run on the next worker thread:
    # a Qt object deleted there crashed the editor now and then.
    for made in (reporter, dialog, worker, loop):
        shiboken6.delete(made)
    return _outcome(result, error, progress.cancelled, discard)


def _outcome(
    result: T | None,
    error: BaseException | None,
    cancelled: bool,
    discard: Callable[[T], object] | None,
) -> T | None:
    if cancelled:
        if error is None and result is not None and discard is not None:
            discard(result)
        if error is not None and not isinstance(error, CancelledError):
            log.info("work stopped on cancel: %s", error)
        return None
    if error is not None:
        raise error
    return result


def _bar(fraction: float | None) -> float:
    return -1.0 if fraction is None else fraction
