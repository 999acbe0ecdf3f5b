"""The `journeymapper` command: parse the arguments, run one subcommand, return its exit code.

Each subcommand is a module with `NAME`, `HELP`, `DESCRIPTION`, `add_arguments(parser)`
and `run(args, out)`; `COMMANDS` lists them, so a new subcommand is a module and one
line here. `journeymapper` alone
and `journeymapper FILE` mean `journeymapper open [FILE]`. Whatever a subcommand did not
handle ends in `failure.report`: one line on stderr, the details in the log, exit 2 —
never a traceback.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Sequence
from functools import cache
from typing import TYPE_CHECKING

from journeymapper import __version__
from journeymapper.cli.output import (
    EXIT_FAILED,
    EXIT_FINDINGS,
    EXIT_INTERRUPTED,
    EXIT_OK,
    Output,
)

if TYPE_CHECKING:
    import argparse
    from types import ModuleType

    Handler = Callable[[argparse.Namespace, Output], int]


@cache
def commands() -> tuple[ModuleType, ...]:
    """The subcommands' modules, imported on first use: `--version` needs none of them."""
    from journeymapper.cli import (
        analyze,
        demo,
        discover,
        export,
        host,
        import_,
        new,
        open_,
        room,
        serve,
        stats,
        validate,
    )

    return (
        open_, validate, stats, new, export, import_, analyze, discover, host, serve, room,
        demo,
    )  # fmt: skip


@cache
def names() -> frozenset[str]:
    return frozenset(command.NAME for command in commands())


def build_parser(chosen: str | None = None) -> argparse.ArgumentParser:
    """The parser; with `chosen`, only that subcommand gets its arguments (the others
    keep their name and help), so `--version` and `--help` build almost nothing."""
    import argparse

    parser = argparse.ArgumentParser(
        prog="journeymapper",
        description="Edit, check, summarise and convert customer journey maps (.journey "
        "files). Without a command, opens the editor (on FILE if given).",
        epilog="Run `journeymapper COMMAND --help` for the options of a command.",
    )
    parser.add_argument("--version", action="version", version=f"journeymapper {__version__}")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND", title="commands")
    for command in commands():
        shown = {} if command.HELP is None else {"help": command.HELP}
        sub = subparsers.add_parser(command.NAME, description=command.DESCRIPTION, **shown)
        sub.set_defaults(handler=command.run)
        if chosen in (None, command.NAME):
            command.add_arguments(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit code (`--help` and usage errors included)."""
    args_list = _with_default_command(list(sys.argv[1:] if argv is None else argv))
    if args_list == ["--version"]:  # what argparse prints, without its formatter's imports
        Output().line(f"journeymapper {__version__}")
        return EXIT_OK
    parser = build_parser(args_list[0] if args_list[0] in names() else "")
    out = Output()
    try:
        args = parser.parse_args(args_list)
    except SystemExit as exc:  # argparse: --help, --version, usage errors
        return exc.code if isinstance(exc.code, int) else EXIT_FAILED
    handler: Handler | None = getattr(args, "handler", None)
    if handler is None:  # only options, no command (argparse allows that)
        parser.print_usage(sys.stderr)
        return EXIT_FAILED
    try:
        return handler(args, out)
    except KeyboardInterrupt:
        return EXIT_INTERRUPTED
    except BrokenPipeError:  # `journeymapper validate … | head`
        _silence_stdout()
        return EXIT_FINDINGS
    except Exception as exc:  # the one place: one line, the traceback in the log
        from journeymapper.cli import failure

        return failure.report(exc, args.command, out)


def _with_default_command(argv: list[str]) -> list[str]:
    """`journeymapper` and `journeymapper FILE` mean `journeymapper open [FILE]`."""
    if not argv:
        return ["open"]
    if not argv[0].startswith("-") and argv[0] not in names():
        return ["open", *argv]
    return argv


def _silence_stdout() -> None:
    """Point stdout at /dev/null so the exit flush does not fail again (Python docs' recipe)."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):
        pass
