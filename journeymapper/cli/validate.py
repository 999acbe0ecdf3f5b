"""`journeymapper validate FILE…`: check maps against the coverage rules; `--rules` lists them."""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from journeymapper.cli.output import EXIT_FAILED, EXIT_FINDINGS, EXIT_OK, Output

if TYPE_CHECKING:
    from pathlib import Path

    from journeymapper.analysis import Finding


NAME = "validate"
HELP: str | None = "check maps against the coverage rules"
DESCRIPTION = (
    "Check each FILE against the coverage rules (see the README's rule "
    "table). Prints one line per finding and a summary per file. Exit code 0 when no "
    "map has errors, 1 when one has (or has warnings, with --strict), 2 when a file "
    "cannot be read. --rules lists the rules instead."
)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    from pathlib import Path

    parser.add_argument("files", nargs="*", type=Path, metavar="FILE", help="a .journey file")
    parser.add_argument("--json", action="store_true", help="print the findings as JSON")
    parser.add_argument("--strict", action="store_true", help="fail on warnings too")
    parser.add_argument("--rules", action="store_true", help="list the rules and exit")


def run(args: argparse.Namespace, out: Output) -> int:
    if args.rules:
        return list_rules(out, as_json=args.json)
    if not args.files:
        out.problem("validate: give at least one FILE (or --rules)")
        return EXIT_FAILED
    return validate_files(args.files, out, as_json=args.json, strict=args.strict)


def list_rules(out: Output, *, as_json: bool) -> int:
    from journeymapper.analysis import RULES
    from journeymapper.analysis.report import rule_dict, rule_line

    rules = sorted(RULES.values(), key=lambda rule: rule.id)
    if as_json:
        out.json({"rules": [rule_dict(rule) for rule in rules]})
    else:
        out.lines([rule_line(rule) for rule in rules])
    return EXIT_OK


def validate_files(paths: Sequence[Path], out: Output, *, as_json: bool, strict: bool) -> int:
    from journeymapper.analysis import validate_data
    from journeymapper.analysis.report import finding_line, summary_line
    from journeymapper.io.errors import FileFormatError
    from journeymapper.io.journey_file import read_data

    code = EXIT_OK
    reports: list[dict[str, Any]] = []
    for path in paths:
        try:
            findings = validate_data(read_data(path))
        except FileFormatError as exc:
            out.problem(str(exc))
            reports.append({"path": str(path), "error": str(exc), "findings": []})
            code = EXIT_FAILED
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
    from journeymapper.analysis import Severity

    failing = {Severity.ERROR, Severity.WARNING} if strict else {Severity.ERROR}
    return EXIT_FINDINGS if any(f.severity in failing for f in findings) else EXIT_OK
