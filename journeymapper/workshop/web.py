"""The workshop's routes on a `WebServer`: the two pages, their files, the socket, the QR.

- `/` the participant page, `/facilitate` the facilitator page (facilitator token only);
- `/static/NAME` the pages' scripts and styles, shipped in this package (no CDN, so a
  room without internet works), gzipped when the browser accepts it;
- `/join.svg` the join URL's QR code (facilitator only: the facilitator page shows it
  for a host that projects from another machine);
- `/ws` the WebSocket every page talks through (`session.Session`).

Every route sits behind the server's guard: no token, no page. The pages carry the
token into their file URLs: the server writes it into the HTML (it is URL-safe text it
generated itself, checked against the request's, so nothing else can be written in).
"""

from __future__ import annotations

import gzip
import html
import io
from dataclasses import dataclass
from importlib import resources

import segno
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from journeymapper.server.guard import role_of
from journeymapper.server.tokens import Role
from journeymapper.server.web import WebServer
from journeymapper.workshop.session import Session

STATIC_FILES = ("link.js", "app.js", "facilitate.js", "style.css")
_TYPES = {
    "html": "text/html; charset=utf-8",
    "js": "text/javascript; charset=utf-8",
    "css": "text/css; charset=utf-8",
    "svg": "image/svg+xml",
}


@dataclass(frozen=True)
class Asset:
    """A file ready to send: its bytes plain and gzipped, and its type."""

    body: bytes
    packed: bytes
    media_type: str

    @classmethod
    def of(cls, body: bytes, suffix: str) -> Asset:
        return cls(body, gzip.compress(body, 9, mtime=0), _TYPES[suffix])

    def response(self, request: Request) -> Response:
        if "gzip" in request.headers.get("accept-encoding", ""):
            headers = {"content-encoding": "gzip", "vary": "accept-encoding"}
            return Response(self.packed, media_type=self.media_type, headers=headers)
        return Response(self.body, media_type=self.media_type, headers={"vary": "accept-encoding"})


def static_text(name: str) -> str:
    return (resources.files("journeymapper.workshop") / "static" / name).read_text("utf-8")


def page(name: str, **values: str) -> Asset:
    """An HTML page with `{{NAME}}` placeholders filled (values are HTML-escaped)."""
    text = static_text(name)
    for key, value in values.items():
        text = text.replace("{{" + key + "}}", html.escape(value))
    return Asset.of(text.encode("utf-8"), "html")


def qr_svg(text: str) -> bytes:
    out = io.BytesIO()
    segno.make(text, error="m").save(out, kind="svg", scale=8, border=4, xmldecl=False)
    return out.getvalue()


def qr_png(text: str) -> bytes:
    """The QR code the editor's Invite dialog shows (segno: no Qt, no image library)."""
    out = io.BytesIO()
    segno.make(text, error="m").save(out, kind="png", scale=10, border=4)
    return out.getvalue()


class Pages:
    """The HTTP endpoints of one workshop (see the module docstring)."""

    def __init__(self, server: WebServer) -> None:
        self.server = server
        tokens = server.tokens
        self.files = {
            name: Asset.of(static_text(name).encode("utf-8"), name.rsplit(".", 1)[1])
            for name in STATIC_FILES
        }
        self.participant = page("index.html", token=tokens.participant)
        self._facilitator: Asset | None = None

    def facilitator(self) -> Asset:
        if self._facilitator is None:  # the join URL needs the port: known once started
            self._facilitator = page(
                "facilitate.html",
                token=self.server.tokens.facilitator,
                join_url=self.server.url(Role.PARTICIPANT),
            )
        return self._facilitator

    async def index(self, request: Request) -> Response:
        if role_of(request.scope) is Role.FACILITATOR:
            return self.facilitator().response(request)
        return self.participant.response(request)

    async def facilitate(self, request: Request) -> Response:
        if role_of(request.scope) is not Role.FACILITATOR:
            return Response("This page is for the facilitator.", 403, media_type="text/plain")
        return self.facilitator().response(request)

    async def static(self, request: Request) -> Response:
        asset = self.files.get(request.path_params["name"])
        if asset is None:
            return Response("Not found.", 404, media_type="text/plain")
        return asset.response(request)

    async def join_qr(self, request: Request) -> Response:
        if role_of(request.scope) is not Role.FACILITATOR:
            return Response("This picture is for the facilitator.", 403, media_type="text/plain")
        return Asset.of(qr_svg(self.server.url(Role.PARTICIPANT)), "svg").response(request)


def install(server: WebServer, session: Session) -> None:
    """Add the workshop's routes and socket to `server` (before or after it starts)."""
    pages = Pages(server)
    server.add_route(Route("/", pages.index))
    server.add_route(Route("/facilitate", pages.facilitate))
    server.add_route(Route("/static/{name}", pages.static))
    server.add_route(Route("/join.svg", pages.join_qr))
    server.add_socket("/ws", session, batch=True)
