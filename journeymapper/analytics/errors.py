"""Errors of reading an event log: the file, the place in it, and one sentence.

`LogError` is a `FileFormatError`, so the command line and the editor show it the way
they show every other unreadable file: one line, never a traceback.
"""

from __future__ import annotations

from journeymapper.io.errors import FileFormatError


class LogError(FileFormatError):
    """An event log that cannot be read or analysed as asked."""


def line_place(line: int | None) -> str:
    return "" if line is None else f"line {line:,}"
