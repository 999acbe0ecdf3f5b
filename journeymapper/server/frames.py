"""uvicorn's WebSocket protocol with a message cap per path, enforced on every frame.

uvicorn has one `ws_max_size` for the whole server, and websockets reads a whole message
up to that size before the app sees any of it. The co-editing rooms mounted beside the
workshop take Yjs updates of megabytes; a server-wide cap that large would let anyone
with the participants' token make the laptop hold a message that large per socket (500
sockets) before the workshop's own 16 KB check refused it. So every socket starts with
the server's cap (`Limits.max_message_bytes`), and only a socket the app has accepted
on a mount that asked for more (the guard and the mount's role gate let it through)
gets that mount's cap. A frame over the cap is refused from its header (close code
1009), before its payload is read.
"""

from __future__ import annotations

import asyncio
from typing import TYPE_CHECKING

from uvicorn.protocols.websockets.websockets_sansio_impl import WebSocketsSansIOProtocol

if TYPE_CHECKING:
    from uvicorn._types import ASGISendEvent


def cap_for(path: str, default: int, caps: dict[str, int]) -> int:
    """The cap of the mount `path` is under (`caps` by mount path), else `default`."""
    for prefix, cap in caps.items():
        if path == prefix or path.startswith(prefix + "/"):
            return cap
    return default


def capped_sockets(default: int, caps: dict[str, int]) -> type[asyncio.Protocol]:
    """The protocol class for `uvicorn.Config(ws=…)`; `caps` may grow after the start."""

    class CappedSockets(WebSocketsSansIOProtocol):
        async def send(self, message: ASGISendEvent) -> None:
            if message["type"] == "websocket.accept":
                cap = cap_for(self.scope["path"], default, caps)
                if cap != default:
                    _allow(self.conn, cap)
            await super().send(message)

    return CappedSockets


def _allow(conn: object, size: int) -> None:
    """Raise a websockets protocol's message cap (its name since websockets 15, and before)."""
    name = "max_message_size" if hasattr(conn, "max_message_size") else "max_size"
    setattr(conn, name, size)
