"""`WebServer`: Starlette routes behind the guard, served by uvicorn on a worker thread.

Why Starlette + uvicorn rather than aiohttp: the live co-editing of issue 18 runs on
pycrdt-websocket, whose server is an ASGI app; on an ASGI stack it mounts beside the
workshop's routes on this same server and port. uvicorn runs the ASGI app on its own
event loop in a thread of ours, so the editor's Qt thread never runs network code and
a synchronous caller starts and stops it.

The socket is bound in `start`, on the caller's thread, so a taken port or a wrong
address fails there as an `OSError`, and the port is known (port 0 picks a free one)
before the first request. Routes and mounts may be added before or after `start`.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import logging
import socket
import threading
from collections.abc import Coroutine
from typing import Any, TypeVar

import uvicorn
from starlette.routing import BaseRoute, Mount, Router, WebSocketRoute
from starlette.types import ASGIApp
from starlette.websockets import WebSocket

from journeymapper.server.addresses import public_host, url
from journeymapper.server.frames import capped_sockets
from journeymapper.server.guard import Guard, RoleGate
from journeymapper.server.limits import Limits
from journeymapper.server.logs import hide_tokens
from journeymapper.server.sockets import Gate, SocketHandler
from journeymapper.server.tokens import Role, Tokens

log = logging.getLogger(__name__)
T = TypeVar("T")
EVERY_ROLE = frozenset(Role)


class WebServer:
    """HTTP and WebSocket for one session; see the module docstring."""

    def __init__(
        self,
        host: str,
        port: int = 0,
        *,
        tokens: Tokens | None = None,
        limits: Limits | None = None,
    ) -> None:
        self.host = host
        self.tokens = tokens or Tokens()
        self.limits = limits or Limits()
        self._router = Router(routes=[])
        self._gate = Gate(self.limits)
        # The largest WebSocket message by path prefix, for mounted apps that take more
        # than `limits` (live co-editing's Yjs updates); see `capped_sockets`.
        self._socket_caps: dict[str, int] = {}
        self._wanted_port = port
        self._socket: socket.socket | None = None
        self._server: uvicorn.Server | None = None
        self._thread: threading.Thread | None = None
        self._loop: asyncio.AbstractEventLoop | None = None

    # ----- what it serves --------------------------------------------------------------

    def add_route(self, route: BaseRoute) -> None:
        self._router.routes.append(route)

    def mount(
        self,
        path: str,
        app: ASGIApp,
        roles: frozenset[Role] = EVERY_ROLE,
        max_message: int | None = None,
    ) -> None:
        """Serve `app` under `path`, behind the token check, to the given roles only; its
        sockets take messages of up to `max_message` bytes (default: `limits`)."""
        self._router.routes.append(Mount(path, app=RoleGate(app, roles)))
        if max_message is not None:
            self._socket_caps[path.rstrip("/")] = max_message

    def add_socket(self, path: str, handler: SocketHandler, *, batch: bool = False) -> None:
        """A WebSocket route whose connections `handler` serves, with the server's caps.
        With `batch`, texts queued while the socket was busy go out as one frame, a JSON
        array of them (a burst of 60 cards is a few frames per phone, not 60)."""

        async def endpoint(websocket: WebSocket) -> None:
            await self._gate.serve(websocket, handler, batch)

        self._router.routes.append(WebSocketRoute(path, endpoint))

    @property
    def asgi(self) -> ASGIApp:
        """The whole app as served: the guard in front of the routes."""
        return Guard(self._router, self.tokens, self.limits)

    # ----- running -----------------------------------------------------------------------

    @property
    def port(self) -> int:
        if self._socket is None:
            raise RuntimeError("the server is not started")
        return int(self._socket.getsockname()[1])

    @property
    def loop(self) -> asyncio.AbstractEventLoop:
        if self._loop is None:
            raise RuntimeError("the server is not started")
        return self._loop

    @property
    def running(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    def url(self, role: Role = Role.PARTICIPANT, path: str = "/") -> str:
        return url(public_host(self.host), self.port, path, self.tokens.of(role))

    def start(self) -> None:
        """Bind now (raises `OSError`), then serve on a new thread until `stop`."""
        family = socket.AF_INET6 if ":" in self.host else socket.AF_INET
        self._socket = socket.create_server((self.host, self._wanted_port), family=family)
        hide_tokens()  # uvicorn logs each socket's URL, token and all, at INFO
        config = uvicorn.Config(
            self.asgi,
            lifespan="off",
            log_config=None,
            access_log=False,  # URLs carry the token: never write them to a log
            server_header=False,
            proxy_headers=False,
            ws=capped_sockets(self.limits.max_message_bytes, self._socket_caps),
            ws_max_size=self.limits.max_message_bytes,
            # No permessage-deflate: the room's messages are small and the network is the
            # room's own, while compressing every frame of a broadcast to 60 phones cost
            # the laptop more CPU (taken from the editor's UI thread, which shares the
            # interpreter lock) than anything else the server did.
            ws_per_message_deflate=False,
            ws_ping_interval=10.0,
            ws_ping_timeout=10.0,
            timeout_graceful_shutdown=2,
        )
        self._server = uvicorn.Server(config)
        ready = threading.Event()
        self._thread = threading.Thread(
            target=self._run, args=(ready,), name="workshop-server", daemon=True
        )
        self._thread.start()
        if not ready.wait(10.0):
            raise RuntimeError("the workshop server's thread did not start")

    def _run(self, ready: threading.Event) -> None:
        loop = asyncio.new_event_loop()
        asyncio.set_event_loop(loop)
        self._loop = loop
        ready.set()
        assert self._server is not None
        assert self._socket is not None
        try:
            loop.run_until_complete(self._server.serve(sockets=[self._socket]))
        except BaseException:
            log.exception("the workshop server stopped on an error")
        finally:
            loop.run_until_complete(loop.shutdown_asyncgens())
            loop.close()

    def stop(self, timeout: float = 5.0) -> None:
        """Stop serving and wait for the thread (forcing it after `timeout` seconds); with
        `timeout` 0 it only asks, and the thread finishes by itself (a later `stop` waits)."""
        server, thread = self._server, self._thread
        if server is None or thread is None:
            return
        server.should_exit = True
        if timeout <= 0:
            return
        thread.join(timeout)
        if thread.is_alive():
            server.force_exit = True
            thread.join(timeout)
        if self._socket is not None:
            self._socket.close()

    def call(self, coro: Coroutine[Any, Any, T]) -> concurrent.futures.Future[T]:
        """Run `coro` on the server's loop, from any thread; its result is a future."""
        return asyncio.run_coroutine_threadsafe(coro, self.loop)
