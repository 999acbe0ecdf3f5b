"""What the command line does with an error nobody expected: one line, a full report.

`main` sends every exception a subcommand did not handle here. A bundled file that
is missing (an incomplete install) is said as it is; anything else is a bug or a broken
install: its traceback goes to the log file the editor uses too
(`<data folder>/JourneyMapper/JourneyMapper/logs/journeymapper.log`, or the temporary
folder when that cannot be written), and the user gets one line naming what failed and
where the report is. The exit code is 2 either way, never a traceback on the terminal.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

from journeymapper.cli.output import EXIT_FAILED, Output

LOG_NAME = "journeymapper.log"
ORGANIZATION = APPLICATION = "JourneyMapper"  # as the editor names its folders


def report(exc: BaseException, command: str, out: Output) -> int:
    """Say in one line that `command` failed, log the details, return exit code 2."""
    from journeymapper.base.resources import MissingResourceError

    if isinstance(exc, MissingResourceError):
        out.problem(str(exc))
        return EXIT_FAILED
    where = _log(exc, command)
    what = " ".join(f"{type(exc).__name__}: {exc}".split())
    if len(what) > 200:
        what = what[:199] + "…"
    out.problem(
        f"{command} failed unexpectedly ({what}); the full report is in {where} "
        "— please report this"
    )
    return EXIT_FAILED


def log_folder() -> Path:
    """Where the editor keeps its log (Qt's AppLocalDataLocation), found without Qt."""
    if sys.platform == "win32":
        base = Path(os.environ.get("LOCALAPPDATA") or Path.home() / "AppData" / "Local")
    elif sys.platform == "darwin":
        base = Path.home() / "Library" / "Application Support"
    else:
        base = Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share")
    return base / ORGANIZATION / APPLICATION / "logs"


def _log(exc: BaseException, command: str) -> Path | str:
    """Append the traceback to the log file; its path (or a note when none is writable)."""
    import logging

    for folder in (log_folder(), Path(tempfile.gettempdir())):
        path = folder / LOG_NAME
        try:
            folder.mkdir(parents=True, exist_ok=True)
            handler = logging.FileHandler(path, encoding="utf-8")
        except OSError:
            continue
        handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
        logger = logging.getLogger("journeymapper.cli.failure")
        logger.propagate = False  # to the file only, never to a handler on the terminal
        logger.addHandler(handler)
        try:
            logger.error("`journeymapper %s` failed", command, exc_info=exc)
        finally:
            logger.removeHandler(handler)
            handler.close()
        return path
    return "no log (no folder could be written)"
