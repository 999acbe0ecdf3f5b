"""Benchmark logs: the BPI Challenge 2012 log, and larger ones made by replicating it.

    python -m benchmarks.analytics_logs EVENTS     # writes (once) and prints the Parquet path

BPI 2012 (tests/data/eventlogs, with its citation) has 262,200 events in 13,087 cases.
A log of N events repeats its cases under new case ids (`<case>-<copy>`) until N events
are reached (whole copies: 10 M asks 39 copies, 10,225,800 events) and is written once
as Parquet under benchmarks/data/, which git ignores.
"""

from __future__ import annotations

import logging
import math
import sys
from pathlib import Path

from journeymapper.analytics.open_log import open_log

ROOT = Path(__file__).resolve().parent.parent
BPI2012 = ROOT / "tests" / "data" / "eventlogs" / "bpic2012.xes.gz"
DATA = Path(__file__).resolve().parent / "data"
BPI_EVENTS = 262_200

log = logging.getLogger(__name__)


def copies_for(events: int) -> int:
    return max(1, math.ceil(events / BPI_EVENTS))


def replicated(events: int) -> Path:
    """The Parquet log of about `events` events (see the module docstring)."""
    copies = copies_for(events)
    path = DATA / f"bpic2012-x{copies}.parquet"
    if path.exists():
        return path
    DATA.mkdir(exist_ok=True)
    partial = path.with_suffix(".partial")
    log.info("writing %s (%s events)", path, f"{copies * BPI_EVENTS:,}")
    with open_log(BPI2012) as source:
        source.con.execute(
            f"""COPY (
                  SELECT case_id || '-' || copy AS "case:concept:name",
                         activity AS "concept:name", ts AS "time:timestamp"
                  FROM events, range({copies}) copies(copy)
                  ORDER BY copy, seq)
                TO '{partial}' (FORMAT parquet, ROW_GROUP_SIZE 1000000)"""
        )
    partial.rename(path)
    return path


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    sys.stdout.write(f"{replicated(int(sys.argv[1]))}\n")
