"""`journeymapper discover LOG -o draft.journey`: a first-draft map from an event log.

Touchpoints are the activities found in at least --min-share of the cases, in stages
by where they happen in a case (--stages N bands) or by a stage column
(--stage-column COL); connections are the steps at least --min-flow of the cases took.
The draft keeps the activity mapping and the log's figures, so the editor's overlay
shows them at once. Exit codes: 0 written; 1 OUT exists (add --force); 2 the log cannot
be read or OUT cannot be written.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from journeymapper.cli.log_options import add_column_options, column_map, share
from journeymapper.cli.output import EXIT_FAILED as EXIT_UNREADABLE
from journeymapper.cli.output import EXIT_FINDINGS, EXIT_OK, Output

NAME = "discover"
HELP: str | None = "draft a map from an event log"
DESCRIPTION = (__doc__ or "").split("\n\n", 1)[1].replace("\n", " ")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("log", type=Path, metavar="LOG", help="an XES, CSV or Parquet log")
    parser.add_argument(
        "-o", "--output", type=Path, required=True, metavar="OUT", help="the .journey to write"
    )
    add_column_options(parser)
    parser.add_argument("--stage-column", metavar="COL", help="the column naming each stage")
    parser.add_argument(
        "--stages",
        type=int,
        default=3,
        metavar="N",
        help="stages by position when there is no stage column (default 3)",
    )
    parser.add_argument(
        "--min-share",
        type=share,
        default=0.05,
        metavar="X",
        help="keep activities in at least this share of cases (default 5%%)",
    )
    parser.add_argument(
        "--max-touchpoints",
        type=int,
        default=40,
        metavar="N",
        help="at most this many touchpoints (default 40)",
    )
    parser.add_argument(
        "--min-flow",
        type=share,
        default=0.05,
        metavar="X",
        help="connect steps at least this share of cases took (default 5%%)",
    )
    parser.add_argument("--title", help="the map's title")
    parser.add_argument("--force", action="store_true", help="replace OUT (kept as OUT.bak)")


def run(args: argparse.Namespace, out: Output) -> int:
    from journeymapper.analytics.discover import DiscoverOptions, discover
    from journeymapper.analytics.open_log import open_log
    from journeymapper.io.errors import FileFormatError
    from journeymapper.io.journey_file import SUFFIX, save_data

    target: Path = args.output
    if target.suffix.lower() != SUFFIX:
        out.problem(f"{target}: the output must be a {SUFFIX} file")
        return EXIT_UNREADABLE
    if target.exists() and not args.force:
        out.problem(f"{target} already exists; add --force to replace it")
        return EXIT_FINDINGS
    options = DiscoverOptions(
        title=args.title or "",
        min_share=args.min_share,
        max_touchpoints=max(1, min(args.max_touchpoints, 500)),
        stages=args.stages,
        by_stage_column=args.stage_column is not None,
        min_flow_share=args.min_flow,
    )
    try:
        with open_log(args.log, column_map(args, args.stage_column)) as log:
            data = discover(log, options)
            notes = list(log.notes)
    except FileFormatError as exc:
        out.problem(str(exc))
        return EXIT_UNREADABLE
    for note in notes:
        out.problem(f"{args.log}: {note}")
    try:
        save_data(data, target)
    except OSError as exc:
        out.problem(f"{target}: cannot be written ({exc.strerror or exc})")
        return EXIT_UNREADABLE
    out.line(
        f"wrote {target} ({len(data.touchpoints)} touchpoints, {len(data.connections)} "
        f"connections in {len(data.stages)} stages)"
    )
    return EXIT_OK
