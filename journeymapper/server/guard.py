"""The ASGI middleware in front of everything the server serves.

It refuses any request without one of the session's tokens (403, for pages, files and
WebSocket handshakes alike), refuses WebSocket handshakes from another site's page,
slows down an address that floods it with requests (429), and adds strict security
headers to every HTTP response: a Content-Security-Policy that allows only the
server's own scripts, styles and sockets (no inline script, so injected markup cannot
run), no referrer (the token is in the URL), no framing, no caching.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from urllib.parse import parse_qsl, urlsplit

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from journeymapper.server.limits import AddressBuckets, Limits
from journeymapper.server.tokens import Role, Tokens

log = logging.getLogger(__name__)

ROLE_KEY = "journeymapper.role"  # where the guard leaves the request's role in the scope

CSP = "; ".join(
    (
        "default-src 'none'",
        "script-src 'self'",
        "style-src 'self'",
        "img-src 'self' data:",
        "connect-src 'self'",
        "base-uri 'none'",
        "form-action 'none'",
        "frame-ancestors 'none'",
    )
)
SECURITY_HEADERS: tuple[tuple[bytes, bytes], ...] = tuple(
    (name.encode(), value.encode())
    for name, value in (
        ("content-security-policy", CSP),
        ("x-content-type-options", "nosniff"),
        ("referrer-policy", "no-referrer"),
        ("x-frame-options", "DENY"),
        ("cache-control", "no-store"),
        ("cross-origin-opener-policy", "same-origin"),
        ("cross-origin-resource-policy", "same-origin"),
        ("permissions-policy", "camera=(), microphone=(), geolocation=()"),
    )
)
_REPLACED = {name for name, _ in SECURITY_HEADERS}


def role_of(scope: Scope) -> Role:
    """The role the guard gave this request (only ever called behind the guard)."""
    return Role(scope[ROLE_KEY])


def token_in(scope: Scope) -> str | None:
    """The token of a request: `?token=…` in the URL, or an `Authorization: Bearer` header."""
    raw: bytes = scope.get("query_string", b"")
    try:
        fields = parse_qsl(raw[:4096].decode("latin-1"), max_num_fields=20)
    except ValueError:  # more fields than any page of ours sends: no token
        return None
    for key, value in fields:
        if key == "token":
            return value
    headers: list[tuple[bytes, bytes]] = scope.get("headers", [])
    for name, header in headers:
        if name == b"authorization" and header[:7].lower() == b"bearer ":
            return header[7:].decode("latin-1").strip()
    return None


class Guard:
    """Token check, same-site sockets, request rate and security headers (see the module)."""

    def __init__(self, app: ASGIApp, tokens: Tokens, limits: Limits) -> None:
        self.app = app
        self.tokens = tokens
        self._requests = AddressBuckets(limits.http_requests_per_second, 100)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        kind = scope["type"]
        if kind not in ("http", "websocket"):
            await self.app(scope, receive, send)  # lifespan
            return
        client = scope.get("client") or ("?", 0)
        if kind == "http" and not self._requests.take(str(client[0])):
            await refuse(scope, send, 429, "Too many requests; wait a moment.")
            return
        role = self.tokens.role_of(token_in(scope))
        if role is None:
            log.info("refused a %s request without a valid token", kind)
            await refuse(scope, send, 403, "This link needs the workshop's token.")
            return
        if kind == "websocket" and not same_site(scope):
            await refuse(scope, send, 403, "")
            return
        scope = {**scope, ROLE_KEY: role}
        await self.app(scope, receive, with_security_headers(send) if kind == "http" else send)


def same_site(scope: Scope) -> bool:
    """A browser's socket comes from a page of this server (Origin's host is the Host);
    non-browser clients send no Origin and are judged by their token alone."""
    headers: dict[bytes, bytes] = dict(scope.get("headers", []))
    origin = headers.get(b"origin")
    if origin is None:
        return True
    host = headers.get(b"host", b"").decode("latin-1")
    return bool(urlsplit(origin.decode("latin-1")).netloc == host)


def with_security_headers(send: Send) -> Send:
    async def sending(message: Message) -> None:
        if message["type"] == "http.response.start":
            message = {**message, "headers": secured(message.get("headers", ()))}
        await send(message)

    return sending


def secured(headers: Iterable[tuple[bytes, bytes]]) -> list[tuple[bytes, bytes]]:
    kept = [(name, value) for name, value in headers if name.lower() not in _REPLACED]
    return kept + list(SECURITY_HEADERS)


async def refuse(scope: Scope, send: Send, status: int, text: str) -> None:
    """A short plain-text refusal; a WebSocket handshake is closed before it is accepted,
    which the server answers with HTTP 403."""
    if scope["type"] == "websocket":
        await send({"type": "websocket.close", "code": 1008, "reason": ""})
        return
    body = text.encode("utf-8")
    headers: list[tuple[bytes, bytes]] = [
        (b"content-type", b"text/plain; charset=utf-8"),
        (b"content-length", str(len(body)).encode()),
    ]
    await send({"type": "http.response.start", "status": status, "headers": secured(headers)})
    await send({"type": "http.response.body", "body": body})


class RoleGate:
    """Lets through only requests whose role is in `roles` (403 otherwise): a mounted app
    for facilitators only, say."""

    def __init__(self, app: ASGIApp, roles: frozenset[Role]) -> None:
        self.app = app
        self.roles = roles

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] in ("http", "websocket") and scope.get(ROLE_KEY) not in self.roles:
            await refuse(scope, send, 403, "This page is for the facilitator.")
            return
        await self.app(scope, receive, send)
