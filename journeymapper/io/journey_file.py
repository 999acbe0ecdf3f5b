"""Reading and writing `.journey` files.

Reading never trusts the file: its size is checked before a byte is read, it must be
UTF-8 JSON without duplicate keys or NaN, older versions are migrated, newer ones
refused, and every problem becomes one `JourneyFileError` naming the file, the place
(`touchpoints[3].emotion`) and a sentence. Writing is atomic and keeps a `.bak`.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from journeymapper.base.perf import gc_paused
from journeymapper.io.atomic import write_atomic
from journeymapper.io.errors import JourneyFileError, first_problem
from journeymapper.io.migrations import OLDEST_VERSION, migrate
from journeymapper.model.document import BrokenReferencesError, Journey
from journeymapper.model.schema import FORMAT_NAME, FORMAT_VERSION, JourneyData

MAX_FILE_BYTES = 50 * 1024 * 1024
SUFFIX = ".journey"


def read_bytes(path: str | Path, limit: int = MAX_FILE_BYTES) -> bytes:
    """The bytes of `path`, refusing anything that is not a regular file under `limit`."""
    path = Path(path)
    try:
        size = path.stat().st_size
        if not path.is_file():
            raise JourneyFileError(path, "", "is not a regular file")
        if size > limit:
            raise JourneyFileError(
                path, "", f"is {size / 2**20:.1f} MB; files over {limit // 2**20} MB are refused"
            )
        with path.open("rb") as handle:
            raw = handle.read(size + 1)
    except OSError as exc:
        raise JourneyFileError(path, "", f"cannot be read ({exc.strerror or exc})") from None
    if len(raw) > limit:  # it grew between stat() and read()
        raise JourneyFileError(path, "", f"is larger than {limit // 2**20} MB")
    return raw


def read_data(path: str | Path) -> JourneyData:
    """Parse and validate a `.journey` file (references between objects are not checked)."""
    return parse_data(read_bytes(path), path)


Steps = Callable[[str, int], None]  # told "parse", then "build" with the card count


def load_journey(path: str | Path, steps: Steps | None = None) -> Journey:
    """Open a `.journey` file as a live `Journey`. `steps`, if given, is told before
    each long step ("parse" the file, "build" the graph of so many cards) and may
    raise to stop the loading (the editor's progress dialog does, on Cancel)."""
    with gc_paused(freeze=True):
        raw = read_bytes(path)
        if steps is not None:
            steps("parse", 0)
        data = parse_data(raw, path)
        del raw
        if steps is not None:
            steps("build", len(data.touchpoints))
        return build_journey(data, path)


def build_journey(data: JourneyData, path: str | Path | None = None) -> Journey:
    """A `Journey` from file data, refusing broken references with the first one's place."""
    try:
        with gc_paused():
            return Journey(data)
    except BrokenReferencesError as exc:
        first = exc.problems[0]
        raise JourneyFileError(path, first.place, first.message) from None


def parse_data(raw: bytes, path: str | Path | None = None) -> JourneyData:
    """Bytes of a `.journey` file as validated data."""
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise JourneyFileError(path, f"byte {exc.start}", "the file is not UTF-8 text") from None
    text = text.removeprefix("\ufeff")
    with gc_paused():
        doc = _parse_json(text, path)
        doc = _check_header(doc, path)
        try:
            return JourneyData.model_validate(doc)
        except ValidationError as exc:
            place, message = first_problem(exc)
            raise JourneyFileError(path, place, message) from None


class _DuplicateKeyError(ValueError):
    pass


def _no_duplicate_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    obj = dict(pairs)
    if len(obj) != len(pairs):
        key = _first_repeated(k for k, _ in pairs)
        where = f" (in the object with id '{obj['id']}')" if isinstance(obj.get("id"), str) else ""
        raise _DuplicateKeyError(f"the key '{key}' appears twice in one object{where}")
    return obj


def _first_repeated(keys: Iterable[str]) -> str:
    seen: set[str] = set()
    for key in keys:
        if key in seen:
            return key
        seen.add(key)
    return ""


def _refuse_constant(name: str) -> Any:
    raise _DuplicateKeyError(f"{name} is not a number JSON allows")


def _parse_json(text: str, path: str | Path | None) -> Any:
    try:
        return json.loads(
            text, object_pairs_hook=_no_duplicate_keys, parse_constant=_refuse_constant
        )
    except json.JSONDecodeError as exc:
        raise JourneyFileError(
            path, f"line {exc.lineno}, column {exc.colno}", f"not valid JSON ({exc.msg})"
        ) from None
    except _DuplicateKeyError as exc:
        raise JourneyFileError(path, "", str(exc)) from None
    except RecursionError:
        raise JourneyFileError(path, "", "the JSON is nested too deeply") from None
    except ValueError as exc:  # e.g. an integer with more digits than Python converts
        raise JourneyFileError(path, "", f"not valid JSON ({exc})") from None


def _check_header(doc: Any, path: str | Path | None) -> dict[str, Any]:
    if not isinstance(doc, dict):
        raise JourneyFileError(path, "", "does not hold a journey map (expected a JSON object)")
    if doc.get("format") != FORMAT_NAME:
        raise JourneyFileError(path, "format", "this is not a JourneyMapper file")
    version = doc.get("version")
    if not isinstance(version, int) or isinstance(version, bool):
        raise JourneyFileError(path, "version", "must be a whole number")
    if version > FORMAT_VERSION:
        raise JourneyFileError(
            path,
            "version",
            f"the file is format version {version}, written by a newer JourneyMapper; "
            f"this version reads format versions {OLDEST_VERSION} to {FORMAT_VERSION}",
        )
    if version < OLDEST_VERSION:
        raise JourneyFileError(path, "version", f"unknown format version {version}")
    return migrate(doc, version)


def to_json(data: JourneyData) -> str:
    """The file text: UTF-8 JSON, keys in model order, defaults left out, header first.

    pydantic-core writes it (a tenth of the time of `json.dumps(indent=...)`); a one-space
    indent keeps a 100,000-card map under the size cap while every field keeps its line.
    """
    header = f'{{\n "format": "{FORMAT_NAME}",\n "version": {FORMAT_VERSION},\n "title": '
    header += json.dumps(data.title, ensure_ascii=False)
    body = data.model_dump_json(
        indent=1, exclude_defaults=True, exclude={"format", "version", "title"}
    )
    if body == "{}":
        return header + "\n}\n"
    return header + ",\n" + body[2:] + "\n"


def save_data(data: JourneyData, path: str | Path, *, backup: bool = True) -> None:
    write_atomic(path, to_json(data).encode("utf-8"), backup=backup)


def save_journey(journey: Journey, path: str | Path, *, backup: bool = True) -> None:
    """Save atomically; the previous file stays as `NAME.journey.bak`."""
    save_data(journey.to_data(), path, backup=backup)
