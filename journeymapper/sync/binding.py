"""The binding between one `Journey` and one Y document: local edits out, remote ones in.

Local: the Journey's signals mark what an edit touched; `commit()` writes those objects
into the document in one transaction whose origin says it is ours (`LOCAL`, undoable, or
`UNTRACKED`), and records them in the journal of changes the server has not confirmed.
Remote: updates from peers (and undo/redo, which the Y undo manager performs as
transactions of its own) mark what they touched; `settle()` projects those objects and
applies the edits that make the Journey equal to the projection, with `applying_remote`
set so the editor keeps them off its undo stack. The result is a function of the Y state
alone, so every replica that holds the same updates shows the same map.
"""

from __future__ import annotations

import logging
import secrets
from collections.abc import Callable, Iterable
from typing import Any

from pycrdt import Map, get_update

from journeymapper.model.document import EditError, Journey
from journeymapper.model.edits import Batch, Edit
from journeymapper.sync import layout
from journeymapper.sync.causal import CausalQueue
from journeymapper.sync.entities import SyncProblem
from journeymapper.sync.incremental import Incremental
from journeymapper.sync.layout import YDoc
from journeymapper.sync.panics import contained
from journeymapper.sync.project import project
from journeymapper.sync.reconcile import edits_to
from journeymapper.sync.state import client_clock, read_state_vector, read_varuint
from journeymapper.sync.undo import UndoScope
from journeymapper.sync.write import EVERYTHING, ORDER_ID, Key, write_keys

log = logging.getLogger(__name__)

LOCAL = "journeymapper:local"  # a local edit: undoable
UNTRACKED = "journeymapper:untracked"  # ours but not on the undo stack (re-applied changes)
_OURS = (LOCAL, UNTRACKED)
STRUCTURE = {layout.META, layout.EPOCHS, layout.INFO, layout.STAGES, layout.LANES, layout.PERSONAS}

_SIGNALS: dict[str, tuple[str, bool]] = {  # signal → (root, also dirties the order)
    "touchpoint_added": (layout.TOUCHPOINTS, False),
    "touchpoint_removed": (layout.TOUCHPOINTS, False),
    "touchpoint_changed": (layout.TOUCHPOINTS, False),
    "connection_added": (layout.CONNECTIONS, False),
    "connection_removed": (layout.CONNECTIONS, False),
    "connection_changed": (layout.CONNECTIONS, False),
    "stage_added": (layout.STAGES, True),
    "stage_removed": (layout.STAGES, False),
    "stage_changed": (layout.STAGES, False),
    "lane_added": (layout.LANES, True),
    "lane_removed": (layout.LANES, False),
    "lane_changed": (layout.LANES, False),
    "persona_added": (layout.PERSONAS, True),
    "persona_removed": (layout.PERSONAS, False),
    "persona_changed": (layout.PERSONAS, False),
}
_ORDER_SIGNALS = {
    "stages_reordered": layout.STAGES,
    "lanes_reordered": layout.LANES,
    "personas_reordered": layout.PERSONAS,
}

Remote = Callable[[set[Key]], None]
MAX_EDITS = 2_000  # more remote edits than this at once replace the map in one step


def new_voter() -> str:
    return "v-" + secrets.token_hex(6)


class SyncBinding:
    """Keeps `journey` and `doc` equal. Single-threaded: call it from one thread only."""

    def __init__(
        self,
        journey: Journey,
        doc: YDoc,
        *,
        voter: str | None = None,
        on_remote: Remote | None = None,
    ) -> None:
        self.journey = journey
        self.voter = voter or new_voter()
        self.on_remote = on_remote
        self.applying_remote = False
        self.journal: list[tuple[int, frozenset[Key]]] = []
        self._dirty: set[Key] = set()
        self._remote: set[Key] = set()
        self._causal = CausalQueue()
        self.faults: list[SyncProblem] = []  # what yrs could not do (shown with the problems)
        self._outgoing: list[bytes] = []
        self._receiving = False
        self._subscriptions: list[Any] = []
        self._handlers: list[tuple[Any, Callable[..., None]]] = []
        self.incremental = Incremental(journey)
        self._connect_journey()
        self.doc = doc
        self.undo = UndoScope(doc, LOCAL)
        self._observe(doc)

    # ----- local → document ----------------------------------------------------------

    def _connect_journey(self) -> None:
        for name, (root_name, order) in _SIGNALS.items():
            self._on(name, self._marker(root_name, order))
        for name, root_name in _ORDER_SIGNALS.items():
            self._on(name, lambda *_, r=root_name: self._mark((r, ORDER_ID)))
        self._on("info_changed", lambda *_: self._mark((layout.INFO, "")))
        self._on("reset", lambda *_: self._mark(EVERYTHING))

    def _on(self, name: str, handler: Callable[..., None]) -> None:
        signal = getattr(self.journey, name)
        signal.connect(handler)
        self._handlers.append((signal, handler))

    def _marker(self, root_name: str, order: bool) -> Callable[[str], None]:
        def mark(ident: str) -> None:
            self._mark((root_name, ident))
            if order:
                self._mark((root_name, ORDER_ID))

        return mark

    def _mark(self, key: Key) -> None:
        if not self.applying_remote:
            self._dirty.add(key)

    @property
    def has_local_changes(self) -> bool:
        return bool(self._dirty)

    def commit(self, origin: str = LOCAL) -> bool:
        """Write what local edits touched into the document as one transaction."""
        if not self._dirty:
            return False
        keys, self._dirty = self._dirty, set()
        failed: list[BaseException] = []
        with contained(failed.append), self.doc.transaction(origin=origin):
            write_keys(self.doc, self.journey, keys, self.voter)
        if failed:  # kept dirty: written again with the next change
            self._dirty |= keys
            self._fault("a change of yours could not be written", reread=False)(failed[0])
            return False
        self.journal.append((client_clock(self.doc), frozenset(keys)))
        if self.incremental.holding_emptied(self.doc):  # a local move emptied it: it goes
            self._remote.add(EVERYTHING)
            self.settle()
        return True

    def confirmed(self, clock: int) -> None:
        """The server holds our changes up to `clock`: drop them from the journal."""
        self.journal = [(c, keys) for c, keys in self.journal if c > clock]

    def unsynced_keys(self) -> set[Key]:
        keys: set[Key] = set(self._dirty)
        for _, entry in self.journal:
            keys |= entry
        return keys

    # ----- document → local ----------------------------------------------------------

    def _observe(self, doc: YDoc) -> None:
        self._doc_subscription = doc.observe(self._transaction_done)
        for name in layout.ROOTS:
            ymap = doc.get(name, type=Map)
            self._subscriptions.append((ymap, ymap.observe_deep(self._events(name))))

    def _events(self, root_name: str) -> Callable[[list[Any]], None]:
        def collect(events: list[Any]) -> None:
            for event in events:
                if event.transaction.origin in _OURS:
                    continue
                if root_name in STRUCTURE:
                    self._remote.add(EVERYTHING)
                elif event.path:
                    self._remote.add((root_name, str(event.path[0])))
                else:
                    self._remote.update((root_name, str(k)) for k in event.keys)

        return collect

    def _transaction_done(self, event: Any) -> None:
        if not self._receiving:
            self._outgoing.append(event.update)

    def take_outgoing(self) -> list[bytes]:
        """The updates of our own transactions (edits, undo, re-applied changes) to send."""
        updates, self._outgoing = self._outgoing, []
        return updates

    def receive(self, updates: Iterable[bytes], *, whole: bool = False) -> None:
        """Apply peers' updates to the document, then bring the Journey up to date.

        Updates go to the document in causal order (`causal`): one that arrives before
        an update it builds on waits here until that one has been applied, as Yjs would
        keep it pending, because yrs would integrate it at once and corrupt its own
        bookkeeping. `whole`: a sync reply that holds everything we lacked (a join, a
        reconnection): applied without per-object events, and the whole map is
        projected once. A sync reply is ready by construction (the server encoded it
        from the state vector we sent, and our state only grows), so it skips the
        causal check, whose reading of every struct in Python costs a 10,000-card map
        seconds; updates held back before it are released after it.
        """
        updates = list(updates)
        if not whole:
            self._causal.add(updates)
        self._receiving = True
        try:
            if whole and updates:
                self.close_document()
                for update in updates:
                    self._apply(update)
                for update in self._release():
                    self._apply(update)
                self._observe(self.doc)
                self._remote.add(EVERYTHING)
            else:
                for update in self._release():
                    self._apply(update)
        finally:
            self._receiving = False
        self.settle()

    def _release(self) -> list[bytes]:
        return self._causal.release(read_state_vector(self.doc.get_state()))

    @property
    def waiting(self) -> int:
        """How many received updates wait for an update they build on."""
        return len(self._causal)

    def _apply(self, update: bytes) -> None:
        """Apply one update; a panic of yrs becomes a problem and the map is read again."""
        with contained(self._fault("an update from a collaborator could not be applied")):
            self.doc.apply_update(update)

    def _fault(self, what: str, *, reread: bool = True) -> Callable[[BaseException], None]:
        """What to do when yrs panics: a problem shown; by default the map is read again."""
        then = (
            "the map was read again from the shared document"
            if reread
            else "it is written again with your next change"
        )

        def record(exc: BaseException) -> None:
            why = f"{what} by the Yjs library ({str(exc)[:80]}); {then}"
            problem = SyncProblem("document", why)
            if problem not in self.faults:
                self.faults.append(problem)
            if reread:
                self._remote.add(EVERYTHING)

        return record

    def settle(self) -> None:
        """Apply to the Journey what remote transactions (or undo, redo) changed."""
        self.commit()  # never let a remote projection overwrite an uncommitted local edit
        if not self._remote:
            return
        keys, self._remote = self._remote, set()
        self.applying_remote = True
        try:
            if EVERYTHING in keys or not self.incremental.apply(self.doc, keys):
                self._apply_full()
        finally:
            self.applying_remote = False
        if self.on_remote is not None:
            self.on_remote(keys)

    def _apply_full(self) -> None:
        projection = project(self.doc)
        empty = self.journey.touchpoint_count() == 0
        edits = [] if empty else edits_to(self.journey, projection.data)
        if empty or len(edits) > MAX_EDITS:  # a join, a new epoch: one reset, not 30,000 signals
            self.journey.replace(projection.data)
        else:
            try:
                _apply_all(self.journey, edits)
            except EditError as exc:  # edits cannot express it: load the projection whole
                log.warning("remote change applied as a whole map (%s)", exc)
                self.journey.replace(projection.data)
        self.incremental.reset(projection.problems, projection.hidden, self.doc)

    @property
    def problems(self) -> list[SyncProblem]:
        return [*self.faults, *self.incremental.problems()]

    # ----- undo, documents, closing --------------------------------------------------

    def undo_step(self, steps: int = 1) -> None:
        """Undo our own last `steps` changes (never anyone else's) and show the result."""
        self.commit()
        with contained(self._fault("undo failed")):
            for _ in range(steps):
                self.undo.undo()
        self.settle()

    def redo_step(self, steps: int = 1) -> None:
        self.commit()
        with contained(self._fault("redo failed")):
            for _ in range(steps):
                self.undo.redo()
        self.settle()

    def adopt(self, doc: YDoc, reapply: set[Key]) -> int:
        """Switch to `doc` (the room's new epoch) and write our unsynced objects onto it.

        Our versions of `reapply` (as this replica has them now, deletions included) are
        written onto `doc` before it is shown, so nothing we did is lost and nothing of
        the old history is merged in. Returns how many objects were re-applied. The undo
        history is cleared: it was made of the other document's changes.
        """
        mine = self.journey.snapshot()
        self.commit(origin=UNTRACKED)
        keys = reapply | self.unsynced_keys()
        self.close_document()
        self.doc = doc
        self.undo = UndoScope(doc, LOCAL)
        self._observe(doc)
        self._dirty, self.journal = set(), []
        self._causal.clear()
        if keys:
            with doc.transaction(origin=UNTRACKED):
                write_keys(doc, mine, keys, self.voter)
            self.journal.append((client_clock(doc), frozenset(keys)))
        self._remote = {EVERYTHING}
        self.settle()
        return len(keys)

    def close_document(self) -> None:
        self.doc.unobserve(self._doc_subscription)
        for ymap, subscription in self._subscriptions:
            ymap.unobserve(subscription)
        self._subscriptions = []

    def close(self) -> None:
        """Stop following the Journey and the document."""
        self.close_document()
        for signal, handler in self._handlers:
            signal.disconnect(handler)
        self._handlers = []


def whole_in(doc: YDoc, update: bytes) -> bool:
    """Whether every change `update` carries is in `doc` (its deletions always show)."""
    try:
        rest = get_update(update, doc.get_state())
    except (ValueError, RuntimeError):
        return True  # not decodable: nothing to wait for
    return read_varuint(rest, 0)[0] == 0


def _apply_all(journey: Journey, edits: list[Edit]) -> None:
    if edits:
        Batch(tuple(edits)).apply_to(journey)
