"""What `journeymapper room push` and `room pull` do, through the same client the editor uses."""

from __future__ import annotations

from pathlib import Path
from typing import Protocol

from pycrdt import Doc

from journeymapper.io.errors import FileFormatError
from journeymapper.io.journey_file import SUFFIX, build_journey, read_data, save_data
from journeymapper.model.document import Journey
from journeymapper.model.schema import JourneyData
from journeymapper.sync.binding import SyncBinding
from journeymapper.sync.client import RoomClient, Status
from journeymapper.sync.session import Mode
from journeymapper.sync.urls import RoomUrlError, parse_room_url
from journeymapper.sync.write import build_doc

EXIT_OK, EXIT_REFUSED, EXIT_FAILED = 0, 1, 2


class Out(Protocol):
    def line(self, text: str = "") -> None: ...
    def problem(self, text: str) -> None: ...


def push(path: Path, url: str, out: Out, token: str | None, force: bool, timeout: float) -> int:
    try:
        room = parse_room_url(url, token)
        data = read_data(path)
        journey = build_journey(data, path)
    except (RoomUrlError, FileFormatError) as exc:
        out.problem(str(exc))
        return EXIT_FAILED
    binding = SyncBinding(journey, build_doc(data), voter="push")
    client = RoomClient(binding, room, Mode.SHARE, force=force, name="journeymapper room push")
    client.start()
    try:
        code = _wait_live(client, out, timeout)
        if code != EXIT_OK:
            return code
        client.session.ask()
        if not client.wait_until(lambda: client.session.replies > 0, timeout):
            out.problem(f"{room.shown}: the server did not confirm in {timeout:g} s")
            return EXIT_FAILED
    finally:
        client.stop()
    out.line(f"published {path} to {room.shown} ({_count(journey.to_data())})")
    return EXIT_OK


def pull(url: str, target: Path, out: Out, token: str | None, force: bool, timeout: float) -> int:
    try:
        room = parse_room_url(url, token)
    except RoomUrlError as exc:
        out.problem(str(exc))
        return EXIT_FAILED
    if target.suffix.lower() != SUFFIX:
        out.problem(f"{target}: the output must be a {SUFFIX} file")
        return EXIT_FAILED
    if target.exists() and not force:
        out.problem(f"{target} already exists; add --force to replace it")
        return EXIT_REFUSED
    binding = SyncBinding(Journey(), Doc(), voter="pull")
    client = RoomClient(binding, room, Mode.JOIN, name="journeymapper room pull")
    client.start()
    try:
        code = _wait_live(client, out, timeout)
    finally:
        client.stop()
    if code != EXIT_OK:
        return code
    if client.session.room_was_empty:
        out.problem(f"{room.shown}: the room is empty")
        return EXIT_FAILED
    for problem in binding.problems:
        out.problem(f"{room.shown}: {problem.line()}")
    data = JourneyData.model_validate(binding.journey.to_data().model_dump())
    Journey(data)  # the references check of a loaded file
    try:
        save_data(data, target)
    except OSError as exc:
        out.problem(f"{target}: cannot be written ({exc.strerror or exc})")
        return EXIT_FAILED
    out.line(f"wrote {target} from {room.shown} ({_count(data)})")
    return EXIT_OK


def _wait_live(client: RoomClient, out: Out, timeout: float) -> int:
    client.wait_until(lambda: client.live or client.status is Status.REFUSED, timeout)
    if client.live:
        return EXIT_OK
    if client.status is Status.REFUSED:
        out.problem(f"{client.url.shown}: {client.reason}")
        return EXIT_REFUSED
    why = f" ({client.reason})" if client.reason else ""
    out.problem(f"{client.url.shown}: could not sync in {timeout:g} s{why}")
    return EXIT_FAILED


def _count(data: JourneyData) -> str:
    n = len(data.touchpoints)
    return f"{n} touchpoint{'s' if n != 1 else ''} in {len(data.stages)} stages"
