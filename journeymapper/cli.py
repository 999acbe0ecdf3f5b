"""The `journeymapper` command: check, summarise and create maps; no subcommand opens the editor.

Each subcommand is one `add_*` function that registers its parser and sets its
handler; `COMMANDS` lists them, so a new subcommand (export, import…) is a module with
its own `add_*` function and one line here. Handlers take the parsed arguments and the
`Output` writer and return the exit code; nothing else in this module writes to the
terminal. A file that cannot be read is one line on stderr and exit code 2, never a
traceback.

Exit codes: 0 all well; 1 the map has errors (or warnings, with `--strict`), or `new`
refused to replace a file; 2 a file cannot be read or written, or the command line is
wrong.
"""

from __future__ import annotations

import argparse
import importlib
import json
import os
import sys
import tempfile
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, TextIO

from pydantic import ValidationError

from journeymapper import __version__
from journeymapper.analysis import RULES, Finding, Severity, map_stats, validate_data
from journeymapper.analysis.demo import demo_map
from journeymapper.analysis.report import (
    finding_line,
    rule_dict,
    rule_line,
    stats_json,
    stats_lines,
    summary_line,
)
from journeymapper.cli_export import register as add_export
from journeymapper.cli_import import register as add_import
from journeymapper.cli_templates import add_template_options, template_map
from journeymapper.io.errors import FileFormatError, first_problem
from journeymapper.io.journey_file import load_journey, read_data, save_data
from journeymapper.model.schema import JourneyData
from journeymapper.sync import cli_room, cli_serve

EXIT_OK = 0
EXIT_FINDINGS = 1
EXIT_UNREADABLE = 2
EDITOR_MODULE = "journeymapper.app.main"

Subcommands = Any  # argparse's private _SubParsersAction
Handler = Callable[[argparse.Namespace, "Output"], int]


class Output:
    """The one place the command line writes: results to stdout, problems to stderr."""

    def __init__(self, out: TextIO | None = None, err: TextIO | None = None) -> None:
        self._out = out or sys.stdout
        self._err = err or sys.stderr

    def line(self, text: str = "") -> None:
        _write(self._out, text + "\n")

    def lines(self, texts: Sequence[str]) -> None:
        _write(self._out, "".join(t + "\n" for t in texts))

    def json(self, data: object) -> None:
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


# ----- validate ---------------------------------------------------------------------


def add_validate(commands: Subcommands) -> None:
    parser = commands.add_parser(
        "validate",
        help="check maps against the coverage rules",
        description="Check each FILE against the coverage rules (see the README's rule "
        "table). Prints one line per finding and a summary per file. Exit code 0 when no "
        "map has errors, 1 when one has (or has warnings, with --strict), 2 when a file "
        "cannot be read. --rules lists the rules instead.",
    )
    parser.add_argument("files", nargs="*", type=Path, metavar="FILE", help="a .journey file")
    parser.add_argument("--json", action="store_true", help="print the findings as JSON")
    parser.add_argument("--strict", action="store_true", help="fail on warnings too")
    parser.add_argument("--rules", action="store_true", help="list the rules and exit")
    parser.set_defaults(handler=run_validate)


def run_validate(args: argparse.Namespace, out: Output) -> int:
    if args.rules:
        rules = sorted(RULES.values(), key=lambda rule: rule.id)
        if args.json:
            out.json({"rules": [rule_dict(rule) for rule in rules]})
        else:
            out.lines([rule_line(rule) for rule in rules])
        return EXIT_OK
    if not args.files:
        out.problem("validate: give at least one FILE (or --rules)")
        return EXIT_UNREADABLE
    return validate_files(args.files, out, as_json=args.json, strict=args.strict)


def validate_files(paths: Sequence[Path], out: Output, *, as_json: bool, strict: bool) -> int:
    code = EXIT_OK
    reports: list[dict[str, Any]] = []
    for path in paths:
        try:
            findings = validate_data(read_data(path))
        except FileFormatError as exc:
            out.problem(str(exc))
            reports.append({"path": str(path), "error": str(exc), "findings": []})
            code = EXIT_UNREADABLE
            continue
        reports.append({"path": str(path), "findings": [f.to_dict() for f in findings]})
        code = max(code, _exit_code(findings, strict))
        if not as_json:
            out.lines([f"{path}: {finding_line(f)}" for f in findings])
            out.line(f"{path}: {summary_line(findings)}")
    if as_json:
        out.json({"files": reports})
    return code


def _exit_code(findings: Sequence[Finding], strict: bool) -> int:
    failing = {Severity.ERROR, Severity.WARNING} if strict else {Severity.ERROR}
    return EXIT_FINDINGS if any(f.severity in failing for f in findings) else EXIT_OK


# ----- stats ------------------------------------------------------------------------


def add_stats(commands: Subcommands) -> None:
    parser = commands.add_parser(
        "stats",
        help="summarise a map: counts, moments of truth, coverage",
        description="Count FILE's touchpoints per stage, lane, category, channel and "
        "ownership; list its entry and exit points and its moments of truth (the "
        "touchpoints every journey passes); print the stage × category coverage matrix. "
        "Exit code 2 when the file cannot be read.",
    )
    parser.add_argument("file", type=Path, metavar="FILE", help="a .journey file")
    parser.add_argument("--json", action="store_true", help="print the summary as JSON")
    parser.set_defaults(handler=run_stats)


def run_stats(args: argparse.Namespace, out: Output) -> int:
    return print_stats(args.file, out, as_json=args.json)


def print_stats(path: Path, out: Output, *, as_json: bool) -> int:
    try:
        journey = load_journey(path)
    except FileFormatError as exc:
        out.problem(str(exc))
        return EXIT_UNREADABLE
    stats = map_stats(journey)
    if as_json:
        out.json({"path": str(path), **stats_json(journey, stats)})
    else:
        out.lines(stats_lines(journey, stats))
    return EXIT_OK


# ----- new --------------------------------------------------------------------------


def add_new(commands: Subcommands) -> None:
    parser = commands.add_parser(
        "new",
        help="write a new map",
        description="Write a new map with the three purchase phases (pre-purchase, "
        "purchase, post-purchase) and the usual lanes. Refuses to replace an existing "
        "file (exit code 1) unless --force is given; exit code 2 when it cannot be written.",
    )
    parser.add_argument(
        "-o", "--output", type=Path, required=True, metavar="FILE", help="where to write the map"
    )
    parser.add_argument("--title", default="Untitled journey", help="the map's title")
    parser.add_argument(
        "--force",
        action="store_true",
        help="replace FILE if it exists (the old one is kept as FILE.bak)",
    )
    add_template_options(parser)
    parser.set_defaults(handler=run_new)


def starting_map(args: argparse.Namespace) -> JourneyData:
    """The content of a new map: the blank three-phase map, or `--template NAME`."""
    return template_map(args)


def run_new(args: argparse.Namespace, out: Output) -> int:
    path: Path = args.output
    if path.exists() and not args.force:
        out.problem(f"{path} already exists; add --force to replace it")
        return EXIT_FINDINGS
    try:
        data = starting_map(args)
    except ValidationError as exc:  # e.g. an empty title
        place, message = first_problem(exc)
        out.problem(f"--{place}: {message}")
        return EXIT_UNREADABLE
    try:
        save_data(data, path)
    except OSError as exc:
        out.problem(f"{path}: cannot be written ({exc.strerror or exc})")
        return EXIT_UNREADABLE
    out.line(f"wrote {path}")
    return EXIT_OK


# ----- open (the default) and the demo ----------------------------------------------


def add_open(commands: Subcommands) -> None:
    parser = commands.add_parser(
        "open",
        help="open the editor (the default when no command is given)",
        description="Open the editor, on FILE if given. `journeymapper FILE` is the same.",
    )
    parser.add_argument("file", type=Path, nargs="?", metavar="FILE", help="a .journey file")
    parser.set_defaults(handler=run_open)


def run_open(args: argparse.Namespace, out: Output) -> int:
    # Imported by name, lazily: the command line must work without Qt installed.
    try:
        editor = importlib.import_module(EDITOR_MODULE)
    except ImportError as exc:
        out.problem(f"the editor is not available ({exc})")
        return EXIT_UNREADABLE
    return int(editor.run(str(args.file) if args.file else None))


def add_run_demo(commands: Subcommands) -> None:
    # Hidden (no help=): a helper for `make run` until the editor opens instead.
    parser = commands.add_parser("run-demo", description="Write and check a sample map.")
    parser.set_defaults(handler=run_demo)


def run_demo(args: argparse.Namespace, out: Output) -> int:
    path = Path(tempfile.mkdtemp(prefix="journeymapper-demo-")) / "clothing-store.journey"
    save_data(demo_map(), path, backup=False)
    out.lines([f"Wrote a sample map: {path}", "", "Validation"])
    validate_files([path], out, as_json=False, strict=False)
    out.lines(["", "Stats"])
    return print_stats(path, out, as_json=False)


# ----- the parser -------------------------------------------------------------------

COMMANDS: tuple[Callable[[Subcommands], None], ...] = (
    add_open,
    add_validate,
    add_stats,
    add_new,
    add_export,
    add_import,
    add_run_demo,
    cli_serve.add_parser,  # live co-editing (issue 18)
    cli_room.add_parser,  # live co-editing (issue 18)
)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="journeymapper",
        description="Edit, check and summarise customer journey maps (.journey files). "
        "Without a command, opens the editor (on FILE if given).",
        epilog="Run `journeymapper COMMAND --help` for the options of a command.",
    )
    parser.add_argument("--version", action="version", version=f"journeymapper {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", title="commands")
    for add in COMMANDS:
        add(commands)
    return parser


def _with_default_command(argv: list[str], parser: argparse.ArgumentParser) -> list[str]:
    """`journeymapper` and `journeymapper FILE` mean `journeymapper open [FILE]`."""
    names = _command_names(parser)
    if not argv:
        return ["open"]
    if argv[0] not in names and not argv[0].startswith("-"):
        return ["open", *argv]
    return argv


def _command_names(parser: argparse.ArgumentParser) -> set[str]:
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            return set(action.choices)
    return set()


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit code (`--help` and usage errors included)."""
    parser = build_parser()
    args_list = list(sys.argv[1:] if argv is None else argv)
    out = Output()
    try:
        args = parser.parse_args(_with_default_command(args_list, parser))
        handler: Handler = args.handler
        return handler(args, out)
    except SystemExit as exc:  # argparse: --help, --version, usage errors
        return exc.code if isinstance(exc.code, int) else EXIT_UNREADABLE
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:  # `journeymapper validate … | head`
        _silence_stdout()
        return EXIT_FINDINGS


def _silence_stdout() -> None:
    """Point stdout at /dev/null so the exit flush does not fail again (Python docs' recipe)."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):
        pass
