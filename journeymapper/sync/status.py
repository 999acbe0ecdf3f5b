"""A room client's connection state, apart from the client: the editor's status bar shows
it without importing the network layer (asyncio, websockets) before a map is shared."""

from __future__ import annotations

from enum import Enum


class Status(Enum):
    CONNECTING = "connecting"
    ONLINE = "online"
    RECONNECTING = "reconnecting"
    OFFLINE = "offline"  # stopped, or refused
    REFUSED = "refused"
