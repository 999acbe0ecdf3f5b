"""The one place the command line writes, and the exit codes every subcommand shares.

Exit codes: 0 all well; 1 the map has errors (or warnings, with `--strict`), or a
command refused to replace a file; 2 a file cannot be read or written, the command line
is wrong, or something unexpected failed (one line, the details in the log).
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from typing import TextIO

EXIT_OK = 0
EXIT_FINDINGS = 1
EXIT_REFUSED = 1
EXIT_FAILED = 2
EXIT_INTERRUPTED = 130


class Output:
    """Results go to stdout, problems to stderr, one line each."""

    def __init__(self, out: TextIO | None = None, err: TextIO | None = None) -> None:
        self._out = out or sys.stdout
        self._err = err or sys.stderr

    def line(self, text: str = "") -> None:
        _write(self._out, text + "\n")

    def lines(self, texts: Sequence[str]) -> None:
        _write(self._out, "".join(t + "\n" for t in texts))

    def json(self, data: object) -> None:
        import json

        self.line(json.dumps(data, ensure_ascii=False, indent=2))

    def problem(self, text: str) -> None:
        """One line on stderr, prefixed with the program name, as Unix tools do."""
        _write(self._err, f"journeymapper: {text}\n")


def _write(stream: TextIO, text: str) -> None:
    try:
        stream.write(text)
    except UnicodeEncodeError:  # a terminal that cannot show “quotes” or →
        encoding = getattr(stream, "encoding", None) or "ascii"
        stream.write(text.encode(encoding, "replace").decode(encoding))


def ext(fmt: str) -> str:
    """`'.csv'` for a format named by extension; a hint when there is none."""
    return f"'.{fmt}'" if fmt else "'' (OUT has no extension; add one or use --format)"
