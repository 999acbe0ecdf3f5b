"""`journeymapper host FILE [--port N] [--bind ADDR]`: a workshop without the editor.

For a facilitator who projects from another machine, and for tests. The first line on
stdout is the join URL (with its token), the second the facilitator page's URL. Capture
is open for every stage; voting rounds and the timer are run from the facilitator page.
The map is written back to FILE (atomically) within a second or so of each change, and
once more on SIGINT or SIGTERM, after every page has been told the session ended.

Exit codes: 0 stopped by a signal and saved; 2 FILE cannot be read, or the address or
port cannot be used, or the last save failed.

This module imports only argparse at import time (the command line stays quick); the
server comes in when the command runs.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any, Protocol

EXIT_OK = 0
EXIT_FAILED = 2
DEFAULT_PORT = 8765


class Out(Protocol):
    def line(self, text: str = "") -> None: ...
    def problem(self, text: str) -> None: ...


NAME = "host"
HELP: str | None = "run a workshop on a map without the editor: participants join from phones"
DESCRIPTION = (
    "Serve FILE to a room: participants open the printed join URL (first "
    "line of output) on their phones to add touchpoints and vote; the facilitator "
    "page (second line) opens capture, runs voting rounds and the timer. FILE is "
    "saved within a few seconds of each change and on Ctrl+C or SIGTERM."
)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", type=Path, metavar="FILE", help="the .journey map to serve")
    parser.add_argument(
        "--port", type=int, default=DEFAULT_PORT, help=f"port (default {DEFAULT_PORT}; 0: any)"
    )
    parser.add_argument(
        "--bind",
        metavar="ADDR",
        help="address to listen on (default: this computer's address on its network; "
        "0.0.0.0 listens on every network, 127.0.0.1 on this computer only)",
    )
    parser.add_argument(
        "--max-participants", type=int, default=200, metavar="N", help="cap (default 200)"
    )


def run(args: argparse.Namespace, out: Out) -> int:
    from journeymapper.io.errors import FileFormatError
    from journeymapper.io.journey_file import load_journey

    path: Path = args.file
    try:
        journey = load_journey(path)
    except FileFormatError as exc:
        out.problem(str(exc))
        return EXIT_FAILED
    if not 0 <= args.port <= 65535 or args.max_participants < 1:
        out.problem("--port is 0 to 65535 and --max-participants at least 1")
        return EXIT_FAILED
    return _serve(journey, path, args, out)


def _serve(journey: Any, path: Path, args: argparse.Namespace, out: Out) -> int:
    """Serve until a signal, then end the session and save; the map lives on a one-thread
    pool (the "map thread"), the only thread that reads or changes it."""
    from concurrent.futures import ThreadPoolExecutor

    from journeymapper.workshop.keeper import FileKeeper
    from journeymapper.workshop.service import Workshop
    from journeymapper.workshop.session import SessionConfig

    executor = ThreadPoolExecutor(1, thread_name_prefix="journey-map")
    keeper = FileKeeper(journey, path, executor)
    config = SessionConfig(max_participants=args.max_participants)
    workshop = Workshop(
        journey, executor=executor, apply_edit=journey.apply, bind=args.bind,
        port=args.port, config=config,
    )  # fmt: skip
    try:
        executor.submit(workshop.start).result()
    except OSError as exc:
        executor.shutdown()
        out.problem(f"cannot listen on {workshop.server.host}:{args.port}: {exc.strerror or exc}")
        return EXIT_FAILED
    executor.submit(keeper.attach).result()
    out.line(workshop.join_url)
    out.line(f"facilitator page (keep it to yourself): {workshop.facilitator_url}")
    sys.stdout.flush()
    _wait_for_signal()
    executor.submit(workshop.stop).result()
    keeper.close()
    saved = executor.submit(keeper.save).result()
    executor.shutdown()
    if not saved:
        out.problem(f"{path}: the last changes could not be saved")
        return EXIT_FAILED
    out.line(f"saved {path}")
    return EXIT_OK


def _wait_for_signal() -> None:
    """Block until SIGINT or SIGTERM (the handlers are restored afterwards)."""
    import signal
    import threading

    stop = threading.Event()

    def stopping(signum: int, frame: object) -> None:
        stop.set()

    previous = {sig: signal.signal(sig, stopping) for sig in (signal.SIGINT, signal.SIGTERM)}
    try:
        while not stop.wait(0.5):
            pass
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)
