"""Errors that loaders raise, and how pydantic's complaints become sentences.

Every loader raises a subclass of `FileFormatError`: the file, the place in it and one
sentence. Callers show `str(error)`; nothing else ever escapes a loader.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from journeymapper.model.schema import (
    CLEAN_TEXT_PATTERN,
    COLOR_PATTERN,
    ID_PATTERN,
    NAME_PATTERN,
)


class FileFormatError(Exception):
    """A file that cannot be read: names the file, the place in it, and what is wrong."""

    def __init__(self, path: str | Path | None, place: str, message: str) -> None:
        self.path = None if path is None else Path(path)
        self.place = place
        self.message = message
        super().__init__(str(self))

    def __str__(self) -> str:
        parts = [str(self.path) if self.path else "", self.place, self.message]
        return ": ".join(p for p in parts if p)


class JourneyFileError(FileFormatError):
    """A `.journey` file that cannot be opened."""


_PATTERN_SENTENCES = {
    ID_PATTERN: "an id is 1–64 letters, digits, '-', '_', '.' or ':', starting with a "
    "letter or digit",
    COLOR_PATTERN: "a colour is written #RRGGBB, e.g. #4C78A8",
    NAME_PATTERN: "must not be empty or only spaces, nor contain control characters",
    CLEAN_TEXT_PATTERN: "must not contain control characters",
}


def place_of(loc: Sequence[int | str]) -> str:
    """`('touchpoints', 3, 'emotion')` → `touchpoints[3].emotion`."""
    text = ""
    for part in loc:
        if isinstance(part, int):
            text += f"[{part}]"
        else:
            text += f".{part}" if text else str(part)
    return text


def describe_error(error: Any) -> str:
    """One pydantic error dict as a sentence a user can act on."""
    if error["type"] == "string_pattern_mismatch":
        pattern = error.get("ctx", {}).get("pattern", "")
        return _PATTERN_SENTENCES.get(pattern, "has a value in the wrong form")
    message = str(error["msg"])
    if error["type"] == "extra_forbidden":
        return "is not a field JourneyMapper knows"
    if error["type"] == "missing":
        return "is required but missing"
    return message[:1].lower() + message[1:]


def first_problem(exc: ValidationError, prefix: Sequence[int | str] = ()) -> tuple[str, str]:
    """The place and sentence of the first error pydantic found."""
    error = exc.errors(include_url=False)[0]
    loc = [*prefix, *(p for p in error["loc"] if not _is_union_tag(p))]
    return place_of(loc), describe_error(error)


def _is_union_tag(part: int | str) -> bool:
    # pydantic adds the tried member type to the location of union errors
    return isinstance(part, str) and part in {"int", "float", "str", "none", "function-after"}
