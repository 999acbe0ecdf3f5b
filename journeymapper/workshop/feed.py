"""Follows the `Journey`'s psygnal signals and hands each change to the session's loop.

The handlers run where the map changes (the editor's Qt thread, or the headless host's
map thread): they read the changed card there, build its view, and `post` it, which
must be safe to call from that thread (the session passes `loop.call_soon_threadsafe`).
A change to stages, lanes or the map's info posts a whole new snapshot: they are rare,
and a snapshot cannot get out of step.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from journeymapper.model.document import Journey
from journeymapper.workshop.views import CardChanged, CardRemoved, Change, card_view, lane_order
from journeymapper.workshop.views import map_view as snapshot

log = logging.getLogger(__name__)

_WHOLE_MAP = (
    "stage_added", "stage_removed", "stage_changed", "stages_reordered",
    "lane_added", "lane_removed", "lane_changed", "lanes_reordered",
    "info_changed", "reset",
)  # fmt: skip


class MapFeed:
    """Call `attach` and `detach` on the map's thread; see the module docstring."""

    def __init__(self, journey: Journey, post: Callable[[Change], None]) -> None:
        self.journey = journey
        self._post = post
        self._lanes: dict[str, int] = {}
        self._connected: list[tuple[Any, Callable[..., None]]] = []

    def attach(self) -> None:
        """Post the map as it is now, then every change."""
        journey = self.journey
        self._lanes = lane_order(journey)
        handlers: list[tuple[Any, Callable[..., None]]] = [
            (journey.touchpoint_added, self._card),
            (journey.touchpoint_changed, self._card),
            (journey.touchpoint_removed, self._removed),
        ]
        handlers += [(getattr(journey, name), self._whole) for name in _WHOLE_MAP]
        for signal, handler in handlers:
            signal.connect(handler)
        self._connected = handlers
        self._send(snapshot(journey))

    def detach(self) -> None:
        for signal, handler in self._connected:
            signal.disconnect(handler)
        self._connected = []

    def _card(self, tp_id: str) -> None:
        self._send(CardChanged(card_view(self.journey.touchpoint(tp_id), self._lanes)))

    def _removed(self, tp_id: str) -> None:
        self._send(CardRemoved(tp_id))

    def _whole(self, *_: object) -> None:
        self._lanes = lane_order(self.journey)
        self._send(snapshot(self.journey))

    def _send(self, change: Change) -> None:
        try:
            self._post(change)
        except RuntimeError:  # the server's loop has closed: the session is over
            log.debug("a map change after the session ended was not sent")
