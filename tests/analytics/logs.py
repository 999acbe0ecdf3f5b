"""Hand-made event logs for the analytics tests, and a plain-Python oracle.

The oracle is the definition written out the slow, obvious way: sort each case's events
by (timestamp, position in the file), pair neighbours, count, and take the median and
the 90th percentile with linear interpolation between ranks.
"""

from __future__ import annotations

import csv
import datetime as dt
import gzip
import itertools
import math
from collections import defaultdict
from collections.abc import Iterable, Sequence
from pathlib import Path
from xml.sax.saxutils import quoteattr

BPI2012 = Path(__file__).resolve().parent.parent / "data" / "eventlogs" / "bpic2012.xes.gz"
T0 = dt.datetime(2024, 3, 1, 9, 0, 0)

Event = tuple[str, str, dt.datetime]  # case, activity, time (UTC)


def quantile(values: Sequence[float], q: float) -> float:
    """numpy's default (linear) quantile."""
    ordered = sorted(values)
    position = (len(ordered) - 1) * q
    low, high = math.floor(position), math.ceil(position)
    return ordered[low] + (ordered[high] - ordered[low]) * (position - low)


def oracle(events: Sequence[Event]) -> dict[tuple[str, str], tuple[int, float, float]]:
    """(source, target) → (count, median seconds, p90 seconds)."""
    cases: dict[str, list[tuple[dt.datetime, int, str]]] = defaultdict(list)
    for seq, (case, activity, when) in enumerate(events):
        cases[case].append((when, seq, activity))
    steps: dict[tuple[str, str], list[float]] = defaultdict(list)
    for trace in cases.values():
        trace.sort()
        for (t0, _, a), (t1, _, b) in itertools.pairwise(trace):
            steps[a, b].append((t1 - t0).total_seconds())
    return {k: (len(v), quantile(v, 0.5), quantile(v, 0.9)) for k, v in steps.items()}


def write_csv(
    path: Path,
    events: Iterable[Event],
    names: Sequence[str] = ("case:concept:name", "concept:name", "time:timestamp"),
    extra: dict[str, Sequence[str]] | None = None,
) -> Path:
    rows = list(events)
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow([*names, *(extra or {})])
        for i, (case, activity, when) in enumerate(rows):
            writer.writerow(
                [
                    case,
                    activity,
                    when.isoformat(sep=" "),
                    *(values[i] for values in (extra or {}).values()),
                ]
            )
    return path


def xes_text(events: Iterable[Event], segment: dict[str, str] | None = None) -> str:
    by_case: dict[str, list[tuple[str, dt.datetime]]] = defaultdict(list)
    for case, activity, when in events:
        by_case[case].append((activity, when))
    parts = [
        '<?xml version="1.0" encoding="UTF-8"?>\n<log xes.version="1.0" '
        'xmlns="http://www.xes-standard.org/">'
    ]
    for case, trace in by_case.items():
        parts.append(f'<trace><string key="concept:name" value={quoteattr(case)}/>')
        if segment and case in segment:
            parts.append(f'<string key="channel" value={quoteattr(segment[case])}/>')
        for activity, when in trace:
            stamp = when.isoformat(timespec="milliseconds") + "+00:00"
            parts.append(
                f'<event><string key="concept:name" value={quoteattr(activity)}/>'
                f'<date key="time:timestamp" value="{stamp}"/></event>'
            )
        parts.append("</trace>")
    parts.append("</log>\n")
    return "\n".join(parts)


def write_xes(path: Path, events: Iterable[Event], **kwargs: dict[str, str]) -> Path:
    text = xes_text(events, **kwargs).encode("utf-8")
    path.write_bytes(gzip.compress(text) if path.name.endswith(".gz") else text)
    return path


def shop_log() -> list[Event]:
    """Four customers of an online shop, one of whom leaves early and one goes round."""

    def at(minutes: float) -> dt.datetime:
        return T0 + dt.timedelta(minutes=minutes)

    return [
        ("c1", "Saw ad", at(0)),
        ("c1", "Visited website", at(5)),
        ("c1", "Checkout", at(20)),
        ("c1", "Order confirmation", at(21)),
        ("c2", "Saw ad", at(2)),
        ("c2", "Visited website", at(4)),
        ("c3", "Visited website", at(10)),
        ("c3", "Checkout", at(40)),
        ("c3", "Visited website", at(45)),
        ("c3", "Checkout", at(50)),
        ("c3", "Order confirmation", at(52)),
        ("c4", "Saw ad", at(60)),
        ("c4", "Checkout", at(70)),
        ("c4", "Order confirmation", at(71)),
    ]
