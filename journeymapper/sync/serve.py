"""Running the team server: uvicorn on a socket we bind, until SIGINT or SIGTERM.

uvicorn handles the signals: it stops accepting, closes the WebSockets, and runs the
app's lifespan shutdown, where every room's pending updates are written to the store
(`RoomServer.running`). The address line is printed before the first request, so a
script (or a test) can read the port when it asked for port 0.
"""

from __future__ import annotations

import logging
import secrets
import socket
from collections.abc import Callable
from pathlib import Path
from types import FrameType

import uvicorn

from journeymapper.sync.server import MAX_MESSAGE, RoomServer

log = logging.getLogger(__name__)


def new_token() -> str:
    """A random 128-bit token, URL-safe."""
    return secrets.token_urlsafe(16)


def bind(host: str, port: int) -> socket.socket:
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind((host, port))
    sock.set_inheritable(True)
    return sock


def serve(
    host: str,
    port: int,
    store_dir: Path | None,
    token: str,
    announce: Callable[[str], None],
    *,
    max_message: int = MAX_MESSAGE,
) -> None:
    """Serve rooms until a signal stops the server. Raises OSError if it cannot bind."""
    if store_dir is not None:
        store_dir.mkdir(parents=True, exist_ok=True)
    sock = bind(host, port)
    app = RoomServer(token, store_dir, max_message=max_message)
    config = uvicorn.Config(
        app,
        ws="websockets-sansio",
        ws_max_size=max_message,
        lifespan="on",
        log_level="warning",
        timeout_graceful_shutdown=5,
        access_log=False,
    )
    shown = f"[{host}]" if ":" in host else host
    announce(f"ws://{shown}:{sock.getsockname()[1]}/rooms/ROOM?token={token}")
    _Server(config).run(sockets=[sock])


class _Server(uvicorn.Server):
    """uvicorn's server, but a SIGTERM or SIGINT that shut it down cleanly exits 0.

    (uvicorn raises the signal again after its graceful shutdown, which makes the exit
    status "killed by SIGTERM" even though nothing was lost.)
    """

    def handle_exit(self, sig: int, frame: FrameType | None) -> None:
        super().handle_exit(sig, frame)
        self._captured_signals.clear()
