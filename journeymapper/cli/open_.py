"""`journeymapper open [FILE]`, also `journeymapper [FILE]`: start the editor.

The only subcommand that imports the editor (`journeymapper.app.main`), inside `run`,
so every other command works without Qt installed.
"""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from journeymapper.cli.output import EXIT_FAILED, Output

if TYPE_CHECKING:
    pass

NAME = "open"
HELP: str | None = "open the editor (the default when no command is given)"
DESCRIPTION = "Open the editor, on FILE if given. `journeymapper FILE` is the same."


def add_arguments(parser: argparse.ArgumentParser) -> None:
    from pathlib import Path

    parser.add_argument("file", type=Path, nargs="?", metavar="FILE", help="a .journey file")


def run(args: argparse.Namespace, out: Output) -> int:
    try:
        from journeymapper.app.main import run as run_editor
    except ImportError as exc:
        out.problem(f"the editor is not available ({exc})")
        return EXIT_FAILED
    return int(run_editor(str(args.file) if args.file else None))
