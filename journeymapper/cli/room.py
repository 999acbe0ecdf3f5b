"""`journeymapper room push FILE URL` and `journeymapper room pull URL -o FILE`.

push publishes a `.journey` as a room in a new epoch; a room that already holds a map
is left alone unless `--force` replaces it (editors in the room then switch to the new
map and keep their own unsynced changes). pull writes a room's current map as a
`.journey`: projected and validated like a loaded file (what could not be mapped is
listed on stderr), written atomically. Exit codes: 0 done; 1 refused (a non-empty room
without --force, an existing FILE without --force, a wrong token); 2 the file or the
room cannot be read or reached, or FILE cannot be written.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Protocol

EXIT_OK = 0
EXIT_REFUSED = 1
EXIT_FAILED = 2


class Out(Protocol):
    def line(self, text: str = "") -> None: ...
    def problem(self, text: str) -> None: ...


NAME = "room"
HELP: str | None = "publish a map as a room of a team server, or save a room as a map"
DESCRIPTION = (
    "Copy maps to and from the rooms of a team server (journeymapper serve, "
    "or any y-websocket server). URL is ws://HOST:PORT/rooms/NAME?token=TOKEN."
)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    actions = parser.add_subparsers(dest="room_command", metavar="ACTION", required=True)
    push = actions.add_parser("push", help="publish FILE as the room at URL")
    push.add_argument("file", type=Path, metavar="FILE", help="a .journey file")
    push.add_argument("url", metavar="URL", help="the room's address")
    push.add_argument("--force", action="store_true", help="replace a room that holds a map")
    pull = actions.add_parser("pull", help="write the room at URL as a .journey file")
    pull.add_argument("url", metavar="URL", help="the room's address")
    pull.add_argument("-o", "--output", type=Path, required=True, metavar="FILE")
    pull.add_argument("--force", action="store_true", help="replace FILE if it exists")
    for sub in (push, pull):
        sub.add_argument("--token", help="the room's token (default: from URL)")
        sub.add_argument("--timeout", type=float, default=20.0, help="seconds to wait (20)")


def run(args: argparse.Namespace, out: Out) -> int:
    from journeymapper.sync import scripts

    if args.room_command == "push":
        return scripts.push(args.file, args.url, out, args.token, args.force, args.timeout)
    return scripts.pull(args.url, args.output, out, args.token, args.force, args.timeout)
