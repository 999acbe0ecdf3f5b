"""`journeymapper serve`: the team server, rooms of maps that several editors edit live.

The first line of stdout is the rooms' address with its token (`ws://HOST:PORT/rooms/
ROOM?token=…`: replace ROOM with any name); the server runs until SIGINT or SIGTERM,
writes every room's last updates to its store and exits 0. Exit code 2 when it cannot
bind the address or use the store folder.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import Protocol

EXIT_OK = 0
EXIT_FAILED = 2
DEFAULT_PORT = 8765


class Out(Protocol):
    def line(self, text: str = "") -> None: ...
    def problem(self, text: str) -> None: ...


def default_store() -> Path:
    base = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(base) / "journeymapper" / "rooms"


NAME = "serve"
HELP: str | None = "run a team server where several editors edit maps together"
DESCRIPTION = (
    "Serve rooms for live co-editing (one room per map), persisted in an "
    "SQLite store so a restart loses nothing. Prints the rooms' address with the "
    "token on its first line; editors join ws://HOST:PORT/rooms/NAME?token=TOKEN. "
    "Runs until SIGINT or SIGTERM."
)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--port", type=int, default=DEFAULT_PORT, help="port (0: any free one)")
    parser.add_argument(
        "--bind",
        default="127.0.0.1",
        metavar="ADDR",
        help="address to listen on (default 127.0.0.1; 0.0.0.0 for every network)",
    )
    parser.add_argument(
        "--store",
        type=Path,
        metavar="DIR",
        help=f"where rooms are kept (default {default_store()})",
    )
    parser.add_argument(
        "--token", help="the token clients must give (default: a new random one, printed)"
    )
    parser.add_argument(
        "--max-update-mb", type=float, default=32.0, help="largest message accepted (MB)"
    )


def run(args: argparse.Namespace, out: Out) -> int:
    from journeymapper.sync.serve import new_token, serve

    token = args.token or os.environ.get("JOURNEYMAPPER_TOKEN") or new_token()
    store = args.store if args.store is not None else default_store()
    try:
        serve(
            args.bind,
            args.port,
            store,
            token,
            lambda text: _announce(out, text),
            max_message=int(args.max_update_mb * 1024 * 1024),
        )
    except OSError as exc:
        out.problem(f"cannot serve on {args.bind}:{args.port} ({exc.strerror or exc})")
        return EXIT_FAILED
    return EXIT_OK


def _announce(out: Out, text: str) -> None:
    out.line(text)
    sys.stdout.flush()  # a script reads this line while the server runs
