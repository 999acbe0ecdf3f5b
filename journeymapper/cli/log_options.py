"""Command-line options both `analyze` and `discover` take: the log's columns."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import datetime as dt

    from journeymapper.analytics.columns import ColumnMap


def add_column_options(parser: argparse.ArgumentParser) -> None:
    group = parser.add_argument_group(
        "columns of a CSV or Parquet log (XES, and tables with the XES names "
        "case:concept:name, concept:name, time:timestamp, need none)"
    )
    group.add_argument("--case", metavar="COL", help="the case id column")
    group.add_argument("--activity", metavar="COL", help="the activity column")
    group.add_argument("--timestamp", metavar="COL", help="the timestamp column")
    group.add_argument(
        "--timestamp-format",
        metavar="FMT",
        help="strptime format of non-ISO timestamps, e.g. '%%d/%%m/%%Y %%H:%%M'",
    )


def column_map(args: argparse.Namespace, segment: str | None) -> ColumnMap:
    from journeymapper.analytics.columns import ColumnMap

    return ColumnMap(
        case=args.case,
        activity=args.activity,
        timestamp=args.timestamp,
        segment=segment,
        timestamp_format=args.timestamp_format,
    )


def date(text: str) -> dt.datetime:
    """`2024-03-01` or `2024-03-01T12:00` for --since and --until."""
    import datetime as dt

    try:
        value = dt.datetime.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD): {text!r}") from None
    return value.astimezone(dt.UTC).replace(tzinfo=None) if value.tzinfo else value


def share(text: str) -> float:
    """A share as 0.8 or 80%."""
    try:
        value = float(text.rstrip("% ")) / (100 if text.strip().endswith("%") else 1)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a share (0–1 or N%): {text!r}") from None
    if not 0 <= value <= 1:
        raise argparse.ArgumentTypeError(f"a share is between 0 and 1 (or 0% and 100%): {text!r}")
    return value
