"""`journeymapper stats FILE`: counts, entry and exit points, moments of truth, coverage,
and how the routed arrows read (crossings, arrows through cards)."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from journeymapper.cli.output import EXIT_FAILED, EXIT_OK, Output

if TYPE_CHECKING:
    from pathlib import Path

NAME = "stats"
HELP: str | None = "summarise a map: counts, moments of truth, coverage"
DESCRIPTION = (
    "Count FILE's touchpoints per stage, lane, category, channel and "
    "ownership; list its entry and exit points and its moments of truth (the "
    "touchpoints every journey passes); print the stage × category coverage matrix "
    "and count the arrows as routed on the map: crossings of two arrows, arrows "
    "through a card. Exit code 2 when the file cannot be read."
)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    from pathlib import Path

    parser.add_argument("file", type=Path, metavar="FILE", help="a .journey file")
    parser.add_argument("--json", action="store_true", help="print the summary as JSON")


def run(args: argparse.Namespace, out: Output) -> int:
    return print_stats(args.file, out, as_json=args.json)


def print_stats(path: Path, out: Output, *, as_json: bool) -> int:
    from journeymapper.analysis import map_stats
    from journeymapper.analysis.report import stats_json, stats_lines
    from journeymapper.io.errors import FileFormatError
    from journeymapper.io.journey_file import load_journey
    from journeymapper.layout.engine import layout_journey
    from journeymapper.layout.routing.stats import routing_stats

    try:
        journey = load_journey(path)
    except FileFormatError as exc:
        out.problem(str(exc))
        return EXIT_FAILED
    stats = map_stats(journey)
    arrows = routing_stats(layout_journey(journey))
    if as_json:
        out.json({"path": str(path), **stats_json(journey, stats), "arrows": arrows.as_json()})
    else:
        out.lines([*stats_lines(journey, stats), *arrows.lines()])
    return EXIT_OK
