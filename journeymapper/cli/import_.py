"""`journeymapper import IN -o OUT.journey`: a CSV, Mermaid journey or GraphML file as a map.

The format comes from IN's extension (`.csv` `.tsv` `.mmd` `.mermaid` `.graphml`) or
`--format`. Every row or line the import skipped or changed is one line on stderr with
its number and why; the rest is kept. Exit codes: 0 something was imported; 1 OUT
exists (add --force); 2 nothing could be read, or OUT cannot be written.
"""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from journeymapper.cli.output import EXIT_FAILED, EXIT_OK, EXIT_REFUSED, Output
from journeymapper.cli.reading import IMPORT_FORMATS, read_import

if TYPE_CHECKING:
    from pathlib import Path

    from journeymapper.model.schema import JourneyData

SUFFIX = ".journey"


NAME = "import"
HELP: str | None = "import a CSV, Mermaid journey or GraphML file as a map"
DESCRIPTION = (
    "Read IN (a .csv/.tsv sheet, a Mermaid .mmd journey or a .graphml graph) and write it "
    "as the map OUT.journey. Each row or line that was skipped or changed is reported on "
    "stderr with its number; the rest is imported. Exit code 0 when something was "
    "imported, 1 when OUT exists (see --force), 2 when nothing could be read or OUT "
    "cannot be written. (`journeymapper export IN -o OUT` converts to any other format "
    "in one step.)"
)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    from pathlib import Path

    parser.add_argument("file", type=Path, metavar="IN", help="the file to import")
    parser.add_argument(
        "-o", "--output", type=Path, required=True, metavar="OUT", help="the .journey to write"
    )
    parser.add_argument(
        "--format", choices=IMPORT_FORMATS, help="IN's format (default: from its extension)"
    )
    parser.add_argument("--title", help="the map's title (default: from IN)")
    parser.add_argument(
        "--force", action="store_true", help="replace OUT if it exists (kept as OUT.bak)"
    )


def run(args: argparse.Namespace, out: Output) -> int:
    from pydantic import ValidationError

    from journeymapper.io.errors import first_problem
    from journeymapper.io.journey_file import save_data
    from journeymapper.model.schema import JourneyData

    target: Path = args.output
    if target.suffix.lower() != SUFFIX:
        out.problem(f"{target}: the output must be a {SUFFIX} file")
        return EXIT_FAILED
    if target.exists() and not args.force:
        out.problem(f"{target} already exists; add --force to replace it")
        return EXIT_REFUSED
    result = read_import(args.file, args.format, out)
    if result is None:
        return EXIT_FAILED
    data = result.data
    if args.title is not None:
        try:
            data = JourneyData.model_validate({**dict(data), "title": args.title})
        except ValidationError as exc:
            out.problem(f"--title: {first_problem(exc)[1]}")
            return EXIT_FAILED
    try:
        save_data(data, target)
    except OSError as exc:
        out.problem(f"{target}: cannot be written ({exc.strerror or exc})")
        return EXIT_FAILED
    out.line(f"wrote {target} ({summary(data, len(result.skipped))})")
    return EXIT_OK


def summary(data: JourneyData, skipped: int) -> str:
    """`12 touchpoints, 14 connections in 3 stages; 2 skipped`."""

    def count(n: int, word: str) -> str:
        return f"{n} {word}{'' if n == 1 else 's'}"

    text = (
        f"{count(len(data.touchpoints), 'touchpoint')}, "
        f"{count(len(data.connections), 'connection')} in {count(len(data.stages), 'stage')}"
    )
    return text + (f"; {skipped} skipped" if skipped else "")
