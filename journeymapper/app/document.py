"""The Qt side of one open map: the live `Journey`, its undo stack and its file path.

"Modified" is `not undo_stack.isClean()`; saving marks the stack clean and loading
replaces the journey and clears the stack. `ModelSignals` re-emits the journey's
psygnal signals as Qt signals, so widgets connect with Qt's own lifetime rules (a
deleted widget is disconnected) and a new journey is wired in one place; it is made
from `Journey`'s own list of signals, so the two never differ.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

import psygnal
from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack

from journeymapper.app.commands import EditCommand
from journeymapper.io.journey_file import load_journey, save_journey
from journeymapper.model.document import EditError, Journey
from journeymapper.model.edits import Edit

log = logging.getLogger(__name__)


def journey_signals() -> dict[str, tuple[type, ...]]:
    """Every psygnal signal of `Journey`, by name, with the types it carries."""
    return {
        name: tuple(p.annotation for p in signal.signature.parameters.values())
        for name, signal in vars(Journey).items()
        if isinstance(signal, psygnal.Signal)
    }


class _Relay(QObject):
    """Re-emits a `Journey`'s signals as the Qt signals of the same names (made below,
    one per `Journey` signal, so a new model signal reaches the GUI by itself)."""

    changed = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._journey: Journey | None = None
        self._relays: dict[str, Callable[..., None]] = {}

    def attach(self, journey: Journey) -> None:
        """Follow `journey` instead of the previous one."""
        if self._journey is not None:
            for name, relay in self._relays.items():
                getattr(self._journey, name).disconnect(relay)
        self._journey = journey
        self._relays = {name: self._relay(name) for name in journey_signals()}
        for name, relay in self._relays.items():
            getattr(journey, name).connect(relay)

    def _relay(self, name: str) -> Callable[..., None]:
        """A plain function (psygnal keeps it alive) that re-emits signal `name`."""
        qt_signal = getattr(self, name)

        def relay(*args: object) -> None:
            qt_signal.emit(*args)
            self.changed.emit()

        return relay


# Qt mirrors of the `Journey` signals, plus `changed` after any of them.
ModelSignals = type(
    "ModelSignals",
    (_Relay,),
    {name: Signal(*types) for name, types in journey_signals().items()},
)


class Document(QObject):
    """One open map. Widgets read `journey` and change it only through `push`."""

    replacing = Signal()  # about to take a new Journey: the old one is still here
    replaced = Signal()  # a new Journey object (open, new); everything rebuilds
    path_changed = Signal()
    saved = Signal()  # written to `path` (the file watcher remembers what it holds now)
    edit_refused = Signal(str)

    def __init__(self, journey: Journey | None = None, path: Path | None = None) -> None:
        super().__init__()
        self.signals = ModelSignals(self)
        self.undo_stack = QUndoStack(self)
        self.journey = journey if journey is not None else Journey.default()
        self.path = path
        self._route: Callable[[Edit, str], str | None] | None = None
        self.signals.attach(self.journey)

    # ----- editing --------------------------------------------------------------

    def route_pushes(self, route: Callable[[Edit, str], str | None] | None) -> None:
        """While the map is shared (live co-editing), `push` hands every edit and its
        undo text to `route`, which applies it through the shared document; None: back
        to the local undo stack."""
        self._route = route

    def push(self, edit: Edit) -> str | None:
        """Apply `edit` as one undo step. Returns None when it was applied, or the reason
        it was refused: a refused edit changes nothing (`edit_refused` says why too, for
        the status bar)."""
        text = self._describe(edit)
        if self._route is not None:
            refusal = self._route(edit, text)
            if refusal is not None:
                self.edit_refused.emit(refusal)
            return refusal
        try:
            inverse = self.journey.apply(edit)
        except EditError as exc:
            log.info("edit refused: %s", exc)
            self.edit_refused.emit(str(exc))
            return str(exc)
        self.undo_stack.push(EditCommand(self.journey, edit, inverse, text))
        return None

    def _describe(self, edit: Edit) -> str:
        try:
            return edit.describe(self.journey)
        except (EditError, KeyError, IndexError):
            return "Edit"

    @property
    def modified(self) -> bool:
        return not self.undo_stack.isClean()

    @property
    def pristine(self) -> bool:
        """Untitled and never edited: File ▸ Open may reuse its window."""
        return self.path is None and self.undo_stack.count() == 0

    @property
    def display_name(self) -> str:
        return self.path.name if self.path else f"{self.journey.title}"

    # ----- files ----------------------------------------------------------------

    def load(self, path: Path) -> None:
        """Replace the map with the file at `path`. Raises `JourneyFileError`."""
        journey = load_journey(path)
        self.set_journey(journey, path.resolve())

    def set_journey(self, journey: Journey, path: Path | None) -> None:
        self.replacing.emit()
        self.undo_stack.clear()
        self.journey = journey
        self.signals.attach(journey)
        self.path = path
        self.replaced.emit()
        self.path_changed.emit()

    def save(self, path: Path | None = None) -> None:
        """Save atomically (keeping a `.bak`); marks the undo stack clean. Raises OSError."""
        target = path or self.path
        if target is None:
            raise ValueError("no file to save to")
        save_journey(self.journey, target)
        self.undo_stack.setClean()
        if target != self.path:
            self.path = target.resolve()
            self.path_changed.emit()
        self.saved.emit()
