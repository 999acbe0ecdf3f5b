"""`journeymapper analyze MAP LOG`: the figures of a log on a map, and its conformance.

Prints how many cases reach each touchpoint, the flows between touchpoints with their
median and 90th-percentile times, drop-off per stage, conversion and conformance;
`--json` prints them for other tools. Activities are mapped to touchpoints by the
mapping stored in the map, or by name similarity when it has none (or with
--suggest). `--keep` stores the mapping and the figures in MAP (atomically), so the
editor's overlay and the poster show them without the log. Exit codes: 0 done; 1 with
--strict, fewer cases than --min-fit follow the map, or no activity matches a
touchpoint; 2 a file cannot be read or written.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from journeymapper.cli.log_options import add_column_options, column_map, date, share
from journeymapper.cli.output import EXIT_FAILED as EXIT_UNREADABLE
from journeymapper.cli.output import EXIT_FINDINGS, EXIT_OK, Output

if TYPE_CHECKING:  # (imported where they are used: the command line starts light)
    from journeymapper.analytics.flows import ActivityFlow, LogSummary
    from journeymapper.analytics.mapping import Suggestion
    from journeymapper.model.document import Journey
    from journeymapper.model.log_figures import LogFigures

NAME = "analyze"
HELP: str | None = "lay an event log over a map: reach, flows, times, drop-off, conformance"
DESCRIPTION = (__doc__ or "").split("\n\n", 1)[1].replace("\n", " ")
ENGINES = ("duckdb", "spark")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("map", type=Path, metavar="MAP", help="the .journey file")
    parser.add_argument(
        "log",
        metavar="LOG",
        help="an XES, XES.gz, CSV, Parquet log or "
        "directly-follows table (with --engine spark: a path Spark reads)",
    )
    add_column_options(parser)
    _add_filters(parser)
    _add_outputs(parser)
    parser.add_argument(
        "--engine",
        choices=ENGINES,
        default="duckdb",
        help="duckdb (default, in this process) or spark",
    )
    parser.add_argument("--spark-master", metavar="URL", help="Spark master (default local[*])")


def _add_filters(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--segment", metavar="COL", help="the segment column (channel, persona…)")
    parser.add_argument("--segment-value", metavar="VALUE", help="only cases of this segment")
    parser.add_argument("--since", type=date, metavar="DATE", help="only cases started on or after")
    parser.add_argument(
        "--until", type=date, metavar="DATE", help="only cases started on or before"
    )


def _add_outputs(parser: argparse.ArgumentParser) -> None:
    from journeymapper.analytics.mapping import MIN_SCORE

    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.add_argument("--strict", action="store_true", help="exit 1 when below --min-fit")
    parser.add_argument(
        "--min-fit",
        type=share,
        default=1.0,
        metavar="X",
        help="share of cases that must follow the map with --strict (default 1)",
    )
    parser.add_argument(
        "--min-score",
        type=float,
        default=MIN_SCORE,
        metavar="N",
        help=f"name similarity (0–100) to map an activity (default {MIN_SCORE:g})",
    )
    parser.add_argument(
        "--suggest",
        action="store_true",
        help="map activities by name similarity even when MAP has a stored mapping",
    )
    parser.add_argument(
        "--keep", action="store_true", help="store the mapping and the figures in MAP"
    )


class _Computed(NamedTuple):  # (not a dataclass: `dataclasses` costs `--version` 8 ms)
    info: LogSummary
    flows: list[ActivityFlow]
    suggestions: list[Suggestion]
    mapping: dict[str, str]
    figures: LogFigures
    notes: list[str]


def run(args: argparse.Namespace, out: Output) -> int:
    import duckdb

    from journeymapper.analytics.conformance import conformance
    from journeymapper.analytics.report import as_json, text_lines
    from journeymapper.io.errors import FileFormatError
    from journeymapper.io.journey_file import load_journey

    if args.segment_value is not None and args.segment is None:
        out.problem("analyze: --segment-value needs --segment COL")
        return EXIT_UNREADABLE
    try:
        journey = load_journey(args.map)
        done = _compute(args, journey)
    except FileFormatError as exc:
        out.problem(str(exc))
        return EXIT_UNREADABLE
    except (duckdb.Error, OSError) as exc:  # e.g. no room left to spill to
        out.problem(f"{args.log}: the analysis failed ({str(exc).splitlines()[0][:200]})")
        return EXIT_UNREADABLE
    conf = conformance(journey, done.figures, done.info.activities, done.mapping)
    if args.json:
        out.json(as_json(journey, done.info, done.flows, done.figures, conf, done.suggestions))
    else:
        out.lines(text_lines(journey, done.info, done.figures, conf))
    for note in done.notes:
        out.problem(f"{args.log}: {note}")
    if not done.mapping:
        out.problem(
            f"{args.log}: none of its {len(done.info.activities):,} activities matches a "
            f"touchpoint of {args.map}; map them in the editor, or draft a map from the log: "
            f"journeymapper discover {args.log} -o draft.journey"
        )
        return EXIT_FINDINGS
    if args.keep and _keep(journey, args.map, done.mapping, done.figures, out):
        return EXIT_UNREADABLE
    fit = conf.fit_share or 0.0
    if args.strict and fit < args.min_fit:
        out.problem(
            f"{args.map}: {100 * fit:.1f} % of cases follow the map, "
            f"below --min-fit {100 * args.min_fit:g} %"
        )
        return EXIT_FINDINGS
    return EXIT_OK


def _compute(args: argparse.Namespace, journey: Journey) -> _Computed:
    """Read the log with the chosen engine and compute everything, then free the log."""
    from journeymapper.analytics.engines import open_engine
    from journeymapper.analytics.filters import CaseFilter
    from journeymapper.analytics.flows import activity_flows, summary
    from journeymapper.analytics.mapping import confirmed_mapping, mapping_of, suggest
    from journeymapper.analytics.on_map import map_figures

    columns = column_map(args, args.segment)
    with open_engine(args.engine, args.log, columns, args.spark_master) as log:
        where = CaseFilter(args.segment_value, args.since, args.until)
        info = summary(log, where)
        flows = activity_flows(log, where)
        stored_only = bool(confirmed_mapping(journey)) and not args.suggest
        suggestions = suggest(info.activities, journey, args.min_score, stored_only=stored_only)
        mapping = mapping_of(suggestions)
        figures = map_figures(log, journey, mapping, info, where)
        return _Computed(info, flows, suggestions, mapping, figures, list(log.notes))


def _keep(
    journey: Journey, path: Path, mapping: dict[str, str], figures: LogFigures, out: Output
) -> int:
    from journeymapper.analytics.mapping import analytics_edit
    from journeymapper.io.journey_file import save_journey

    journey.apply(analytics_edit(journey, "", mapping=mapping, figures=figures, shown=True))
    try:
        save_journey(journey, path)
    except OSError as exc:
        out.problem(f"{path}: cannot be written ({exc.strerror or exc})")
        return EXIT_UNREADABLE
    return EXIT_OK
