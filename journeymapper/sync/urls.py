"""Room addresses: `ws://HOST:PORT/rooms/NAME?token=TOKEN` (http, https and wss work too)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import parse_qs, urlencode, urlsplit, urlunsplit

ROOM_PATTERN = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]{0,99}$")


class RoomUrlError(ValueError):
    """An address that does not name a room."""


@dataclass(frozen=True)
class RoomUrl:
    base: str  # ws://host:port/rooms
    room: str
    token: str

    @property
    def connect_url(self) -> str:
        """What to open a WebSocket on (y-websocket's `serverUrl/room?params`)."""
        query = f"?{urlencode({'token': self.token})}" if self.token else ""
        return f"{self.base}/{self.room}{query}"

    @property
    def shown(self) -> str:
        """The address without its token, for logs and messages."""
        return f"{self.base}/{self.room}"


def parse_room_url(text: str, token: str | None = None) -> RoomUrl:
    """A room address; `token` (from --token) wins over one in the address."""
    parts = urlsplit(text.strip())
    scheme = {"http": "ws", "https": "wss", "ws": "ws", "wss": "wss"}.get(parts.scheme)
    if scheme is None or not parts.hostname:
        raise RoomUrlError(f"{text!r} is not a ws:// or http:// address of a room")
    path = parts.path.rstrip("/")
    base_path, _, room = path.rpartition("/")
    if not ROOM_PATTERN.match(room):
        raise RoomUrlError(f"the room name {room!r} must be 1–100 letters, digits, '.', '_' or '-'")
    found = parse_qs(parts.query).get("token", [""])[0]
    base = urlunsplit((scheme, parts.netloc, base_path, "", ""))
    return RoomUrl(base, room, token if token is not None else found)
