"""Analytics from event logs (issue 19): JourneyMapper against pm4py, big logs, the overlay.

    python -m benchmarks.run --only analytics           # these cases
    python -m benchmarks.run --only analytics --huge    # and 100 M events
    python -m benchmarks.analytics peak EVENTS          # (the memory child) peak bytes

- BPI Challenge 2012 (262,200 events): read the XES.gz, directly-follows counts and
  median / 90th-percentile times — JourneyMapper, and pm4py side by side in the same
  run (`read_xes` + `discover_dfg` + `discover_performance_dfg`); pm4py's ratio column
  is its time over ours: the speed-up (target: at least 3×).
- 10 M events (BPI 2012 replicated, Parquet): directly-follows + times on two threads
  (target 5 s), the CPU seconds it took (the wall time of a busy shared machine is not
  the work done), and the peak resident memory of a fresh process doing it (≤ 2 GB).
- 100 M events with --huge (not by default): the same, completing in bounded memory.
- The overlay on a 500-touchpoint map: recomputing its geometry after an edit (200 ms),
  and repainting it in a 1920 × 1080 view, whole map and at 100 %, after a change of the
  overlay and when something else changed (one frame, 16.7 ms).
"""

from __future__ import annotations

import os
import resource
import subprocess
import sys
import warnings
from collections.abc import Callable, Iterator, Sequence
from functools import partial
from pathlib import Path

from benchmarks.analytics_logs import BPI2012, BPI_EVENTS, copies_for, replicated
from benchmarks.run import Case, Timed
from journeymapper.analytics.flows import activity_flows
from journeymapper.analytics.open_log import open_log

OURS = "analytics: BPI 2012 XES.gz read + directly-follows + times"
PM4PY = "analytics: BPI 2012 pm4py read_xes + DFG + performance DFG"
BIG = 10_000_000
HUGE = 100_000_000
OVERLAY_CARDS = 500
FRAME = 1 / 60
ROOT = Path(__file__).resolve().parent.parent


def _ours() -> Callable[[], object]:
    def run() -> object:
        with open_log(BPI2012) as log:
            return activity_flows(log)

    return run


def _pm4py() -> Callable[[], object]:
    import pm4py  # test-only dependency (AGPL): the peer, never shipped

    def run() -> object:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            frame = pm4py.read_xes(str(BPI2012), show_progress_bar=False)
            pm4py.discover_dfg(frame)
            return pm4py.discover_performance_dfg(frame)

    return run


def _flows(events: int, threads: int = 2) -> Timed:
    path = replicated(events)

    def run() -> object:
        with open_log(path) as log:
            log.con.execute(f"SET threads = {threads}")
            return activity_flows(log)

    return Timed(run)


def _cpu(events: int) -> Callable[[], float]:
    path = replicated(events)

    def run() -> float:
        before = resource.getrusage(resource.RUSAGE_SELF)
        with open_log(path) as log:
            log.con.execute("SET threads = 2")
            activity_flows(log)
        after = resource.getrusage(resource.RUSAGE_SELF)
        return (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)

    return run


def peak(events: int) -> int:
    """What the memory child does: the flows of the replicated log, then its peak RSS."""
    with open_log(replicated(events)) as log:
        log.con.execute("SET threads = 2")
        activity_flows(log)
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) * 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024


def _peak_child(events: int) -> Callable[[], float]:
    replicated(events)  # written here, not in the measured child

    def run() -> float:
        done = subprocess.run(
            [sys.executable, "-m", "benchmarks.analytics", "peak", str(events)],
            cwd=ROOT,
            capture_output=True,
            text=True,
            check=True,
            timeout=3600,
        )
        return float(done.stdout.strip().splitlines()[-1])

    return run


def cases(sizes: Sequence[int]) -> Iterator[Case]:
    yield from _bpi_cases()
    yield from _big_cases(BIG)
    if os.environ.get("JM_BENCH_HUGE"):
        yield from _big_cases(HUGE, huge=True)
    yield from _overlay_cases()


def _bpi_cases() -> Iterator[Case]:
    yield Case(OURS, BPI_EVENTS, _ours, repeat=5)
    # pm4py's row shows its time over ours in the ratio column: the speed-up
    yield Case(PM4PY, BPI_EVENTS, _pm4py, baseline=OURS, repeat=3, trace=False)


def _big_cases(events: int, huge: bool = False) -> Iterator[Case]:
    size = copies_for(events) * BPI_EVENTS
    name = "100 M" if huge else "10 M"
    yield Case(
        f"analytics: {name} events Parquet directly-follows + times",
        size,
        partial(_flows, events),
        target=None if huge else 5.0,
        repeat=1 if huge else 3,
        trace=False,
    )
    if not huge:
        yield Case(
            f"analytics: {name} events CPU seconds (2 threads)",
            size,
            partial(_cpu, events),
            kind="cpu",
            repeat=3,
        )
    yield Case(
        f"analytics: {name} events peak resident memory",
        size,
        partial(_peak_child, events),
        target=None if huge else 2 * 2**30,
        kind="memory",
        repeat=1,
    )


def _overlay_cases() -> Iterator[Case]:
    from benchmarks.analytics_overlay import overlay_geometry, overlay_paint

    yield Case(
        "analytics: overlay geometry (after an edit)",
        OVERLAY_CARDS,
        partial(overlay_geometry, OVERLAY_CARDS),
        target=0.2,
    )
    yield Case(
        "analytics: overlay redraw, whole map in 1920×1080",
        OVERLAY_CARDS,
        partial(overlay_paint, OVERLAY_CARDS),
        target=FRAME,
    )
    yield Case(
        "analytics: overlay redraw, 1920×1080 at 100 %",
        OVERLAY_CARDS,
        partial(overlay_paint, OVERLAY_CARDS, 1.0),
        target=FRAME,
    )
    yield Case(
        "analytics: overlay redraw, 1920×1080 at 100 %, overlay unchanged",
        OVERLAY_CARDS,
        partial(overlay_paint, OVERLAY_CARDS, 1.0, cold=False),
        target=FRAME,
    )


if __name__ == "__main__":
    if sys.argv[1:2] == ["peak"]:
        sys.stdout.write(f"{peak(int(sys.argv[2]))}\n")
