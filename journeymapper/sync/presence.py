"""Who else is in the room: names, colours and selections (the Yjs awareness protocol).

Each client publishes `{"user": {"name", "color"}, "selection": [ids]}` — the `user`
field as y-websocket's own examples set it, so a JavaScript client shows up by name.
A newcomer is answered with our own state at once (a pycrdt-websocket room does
not replay the others' states to a new client). States are renewed every 15 s and a
client not heard from for 30 s is gone (Yjs's `outdatedTimeout`); the timing runs
from `tick`, so this needs no event loop.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from typing import Any

from pycrdt import Awareness

from journeymapper.sync.layout import YDoc

RENEW_AFTER = 15.0
OUTDATED_AFTER = 30.0
COLORS = ("#E6194B", "#3CB44B", "#4363D8", "#F58231", "#911EB4", "#42D4F4", "#F032E6", "#9A6324")
MAX_SELECTION = 500


@dataclass(frozen=True)
class Peer:
    client_id: int
    name: str
    color: str
    selection: tuple[str, ...]


class Presence:
    def __init__(self, doc: YDoc, name: str = "Anonymous", color: str | None = None) -> None:
        self.name = name
        self.color = color or COLORS[doc.client_id % len(COLORS)]
        self.selection: tuple[str, ...] = ()
        self.changed = False
        self._heard: dict[int, float] = {}
        self._sent_at = 0.0
        self.rebind(doc)

    def rebind(self, doc: YDoc) -> None:
        """Follow a new document (a new client id); the others are heard again."""
        self.awareness = Awareness(doc)
        self.awareness.set_local_state(self._state())
        self._heard = {}

    def _state(self) -> dict[str, Any]:
        return {"user": {"name": self.name, "color": self.color}, "selection": list(self.selection)}

    def set_selection(self, ids: tuple[str, ...]) -> None:
        ids = ids[:MAX_SELECTION]
        if ids != self.selection:
            self.selection = ids
            self.awareness.set_local_state(self._state())
            self.changed = True

    def announce(self) -> bytes:
        """Our state as an awareness update (also renews it)."""
        self.changed = False
        self._sent_at = time.monotonic()
        self.awareness.set_local_state(self._state())
        return self.awareness.encode_awareness_update([self.awareness.client_id])

    def leave(self) -> bytes:
        self.awareness.set_local_state(None)
        return self.awareness.encode_awareness_update([self.awareness.client_id])

    def apply(self, payload: bytes) -> None:
        self.awareness.apply_awareness_update(payload, "remote")
        now = time.monotonic()
        for client in _clients(payload):
            if client != self.awareness.client_id and client in self.awareness.states:
                if client not in self._heard:
                    self.changed = True  # a newcomer: tell them who we are now, not in 15 s
                self._heard[client] = now

    def tick(self, now: float | None = None) -> bool:
        """Forget peers not heard from; True when our own state is due for renewal."""
        now = time.monotonic() if now is None else now
        gone = [c for c, at in self._heard.items() if now - at > OUTDATED_AFTER]
        if gone:
            self.awareness.remove_awareness_states(gone, "timeout")
            for client in gone:
                del self._heard[client]
        return now - self._sent_at > RENEW_AFTER

    def forget_others(self) -> None:
        others = [c for c in self.awareness.states if c != self.awareness.client_id]
        self.awareness.remove_awareness_states(others, "offline")
        self._heard = {}

    def peers(self) -> list[Peer]:
        """The other clients in the room, by name."""
        result = []
        for client, state in self.awareness.states.items():
            if client == self.awareness.client_id or not isinstance(state, dict):
                continue
            user = state.get("user")
            if not isinstance(user, dict):
                user = {}
            selection = state.get("selection")
            result.append(
                Peer(
                    client,
                    str(user.get("name") or "Anonymous")[:100],
                    _color(user.get("color")),
                    tuple(str(i) for i in selection[:MAX_SELECTION])
                    if isinstance(selection, list)
                    else (),
                )
            )
        return sorted(result, key=lambda p: (p.name.casefold(), p.client_id))


def _color(value: object) -> str:
    text = str(value or "")
    if len(text) == 7 and text.startswith("#"):
        try:
            int(text[1:], 16)
            return text
        except ValueError:
            pass
    return "#888888"


def _clients(payload: bytes) -> list[int]:
    """The client ids an (already checked) awareness update speaks for."""
    from journeymapper.sync.state import read_varuint

    count, pos = read_varuint(payload, 0)
    clients = []
    for _ in range(count):
        client, pos = read_varuint(payload, pos)
        _, pos = read_varuint(payload, pos)
        length, pos = read_varuint(payload, pos)
        pos += length
        clients.append(client)
    return clients
