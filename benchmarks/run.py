"""Run the benchmarks, print one markdown table, and write it to benchmarks/results.md.

    python -m benchmarks.run [--sizes 1000,10000,100000] [--only PATTERN] [--repeat N]
                             [--quick] [--no-memory]

Cases come from the modules in `SUITES`; each module has a function
`cases(sizes) -> Iterable[Case]`. A case names an operation and a size, and a `setup`
that prepares everything untimed and returns what to time: a callable, or a `Timed`
with untimed `before` (run before each timed call) and `cleanup` steps. Each case runs
several times (fewer at 100,000 cards); the table shows median, min and max, the
target (on the median) and whether it was met, the ratio to a baseline case of the
same size (plain `json.loads` / `json.dumps`), and peak memory: the tracemalloc peak
of Python allocations during one extra, untimed run (tracemalloc slows the code it
watches, so it is never on during timing). A case of kind "memory" measures bytes
instead of seconds: its callable returns them (the resident memory of a child
process that opened the map); a case of kind "count" counts something (the crossings
of arrows on a map). Exit code 1 when a target is missed.
"""

from __future__ import annotations

import argparse
import datetime as dt
import fnmatch
import gc
import importlib
import logging
import os
import platform
import resource
import statistics
import sys
import time
import tracemalloc
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

log = logging.getLogger("benchmarks")

SUITES = (
    "benchmarks.core",
    "benchmarks.editor",
    "benchmarks.poster",
    "benchmarks.memory",
    "benchmarks.commands",  # whole processes: the command line, mmdc, the editor's start
    "benchmarks.analytics",  # issue 19
    "benchmarks.workshop",  # 60 participants on loopback (issue 17)
    "benchmarks.sync",  # live co-editing (issue 18)
    "benchmarks.routing",
)
DEFAULT_SIZES = (1_000, 10_000, 100_000)
QUICK_SIZES = (1_000, 10_000)
RESULTS = Path(__file__).with_name("results.md")


@dataclass(frozen=True)
class Timed:
    """What a case's setup returns when the timed call needs untimed steps around it."""

    run: Callable[[], object]
    before: Callable[[], object] | None = None  # before every timed call, untimed
    cleanup: Callable[[], object] | None = None  # once, after the last call


@dataclass(frozen=True)
class Case:
    """One operation at one size. `setup()` runs untimed and returns what to time."""

    operation: str
    size: int
    setup: Callable[[], Callable[[], object] | Timed]
    target: float | None = None  # seconds (bytes for kind "memory"), against the median
    baseline: str | None = None  # an operation at the same size to print a ratio to
    kind: str = "time"  # or "memory": the callable returns a number of bytes; "cpu": the
    # CPU seconds it used; "seconds": seconds it measured itself (e.g. a latency's p95);
    # "ratio" and "count": a plain number
    repeat: int | None = None  # runs, when this case needs fewer than the default
    trace: bool = True  # the extra tracemalloc run for the peak-memory column
    target_ratio: float | None = None  # the median at most this times the baseline's


@dataclass
class Result:
    case: Case
    times: list[float] = field(default_factory=list)
    peak_bytes: int | None = None
    error: str | None = None
    baseline_median: float | None = None  # filled in once every case has run

    @property
    def median(self) -> float:
        return statistics.median(self.times)

    @property
    def passed(self) -> bool | None:
        """False for a failed case or a missed target; None when there is no target."""
        if self.error:
            return False
        if not self.times:
            return None
        checks = []
        if self.case.target is not None:
            checks.append(self.median <= self.case.target)
        if self.case.target_ratio is not None and self.baseline_median:
            checks.append(self.median <= self.case.target_ratio * self.baseline_median)
        return all(checks) if checks else None


def collect(sizes: Sequence[int]) -> list[Case]:
    """Every case of every suite; a suite that cannot be imported is skipped with a warning."""
    cases: list[Case] = []
    for name in SUITES:
        try:
            module = importlib.import_module(name)
        except ImportError as exc:
            log.warning("skipping %s: %s", name, exc)
            continue
        cases += module.cases(sizes)
    return cases


def select(cases: list[Case], pattern: str | None) -> list[Case]:
    """Cases whose operation matches `pattern` (glob or substring), plus their baselines."""
    if not pattern:
        return cases
    chosen = [c for c in cases if fnmatch.fnmatch(c.operation, pattern) or pattern in c.operation]
    wanted = {(c.baseline, c.size) for c in chosen if c.baseline}
    return [c for c in cases if c in chosen or (c.operation, c.size) in wanted]


def measure(case: Case, repeat: int, memory: bool) -> Result:
    result = Result(case)
    timed: Timed | None = None
    try:
        prepared = case.setup()
        timed = prepared if isinstance(prepared, Timed) else Timed(prepared)
        for _ in range(repeat):
            if timed.before is not None:
                timed.before()
            gc.collect()
            start = time.perf_counter()
            value = timed.run()
            elapsed = time.perf_counter() - start
            measured = case.kind != "time"  # the callable returns the value itself
            result.times.append(float(value) if measured else elapsed)  # type: ignore[arg-type]
        if memory and case.trace and case.kind == "time":
            if timed.before is not None:
                timed.before()
            result.peak_bytes = _traced_peak(timed.run)
    except Exception as exc:  # a failing case is reported in the table, the others still run
        log.exception("%s at %s failed", case.operation, case.size)
        result.error = f"{type(exc).__name__}: {exc}"
    finally:
        if timed is not None and timed.cleanup is not None:
            try:
                timed.cleanup()
            except Exception:
                log.exception("cleaning up after %s at %s failed", case.operation, case.size)
    return result


def _traced_peak(func: Callable[[], object]) -> int:
    gc.collect()
    tracemalloc.start()
    try:
        func()
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def repeats_for(size: int, asked: int | None, quick: bool) -> int:
    if asked:
        return asked
    if quick:
        return 3
    return 3 if size >= 100_000 else 7


# ----- the table ----------------------------------------------------------------------


def table(results: list[Result]) -> str:
    medians = {(r.case.operation, r.case.size): r.median for r in results if r.times}
    rows = [
        "| operation | size | median | min | max | target | result | ratio | peak memory |",
        "|---|--:|--:|--:|--:|--:|:-:|--:|--:|",
    ]
    for r in results:
        c = r.case
        if r.error:
            rows.append(f"| {c.operation} | {c.size:,} | error: {r.error[:60]} | | | | ✗ | | |")
            continue
        base = medians.get((c.baseline, c.size)) if c.baseline else None
        ratio = f"{r.median / base:.1f}× {c.baseline}" if base else ""
        if base and c.target_ratio is not None:  # a race against another tool
            ratio = f"{r.median / base:.2f}× {c.baseline} ({base / r.median:.1f}× faster)"
        verdict = {None: "", True: "✓", False: "✗"}[r.passed]
        show = {"memory": _megabytes, "ratio": _ratio, "count": _count}.get(c.kind, _seconds)
        target = f"≤ {show(c.target)}" if c.target is not None else ""
        if c.target_ratio is not None:
            target = f"≥ {1 / c.target_ratio:.0f}× faster than {c.baseline}"
        memory = _megabytes(r.peak_bytes) if r.peak_bytes is not None else ""
        rows.append(
            f"| {c.operation} | {c.size:,} | {show(r.median)} | {show(min(r.times))} | "
            f"{show(max(r.times))} | {target} | {verdict} | {ratio} | {memory} |"
        )
    return "\n".join(rows)


def _seconds(value: float) -> str:
    if value < 0.001:
        return f"{value * 1000:.2f} ms"
    return f"{value * 1000:.1f} ms" if value < 1 else f"{value:,.2f} s"


def _ratio(value: float) -> str:
    return f"{value:.2f}×"


def _count(value: float) -> str:
    return f"{value:,.0f}"


def _megabytes(value: float) -> str:
    return f"{value / 2**20:,.0f} MB"


def machine() -> list[str]:
    """CPU, cores, memory, Python, OS and date, for the results file."""
    return [
        f"- CPU: {_cpu_model()}, {os.cpu_count()} logical cores",
        f"- RAM: {_ram_gb()}",
        f"- Python: {platform.python_implementation()} {platform.python_version()}",
        f"- OS: {platform.platform()}",
        f"- Date: {dt.datetime.now(dt.UTC):%Y-%m-%d %H:%M} UTC",
    ]


def _cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine() or "unknown CPU"


def _ram_gb() -> str:
    try:
        pages, page_size = os.sysconf("SC_PHYS_PAGES"), os.sysconf("SC_PAGE_SIZE")
    except (ValueError, OSError, AttributeError):
        return "unknown"
    return f"{pages * page_size / 2**30:.1f} GB"


def _max_rss_mb() -> float:
    """The process's peak resident memory (Linux reports KiB, macOS bytes)."""
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / 2**20 if sys.platform == "darwin" else peak / 2**10


def write_results(path: Path, text: str, argv: Sequence[str]) -> None:
    command = " ".join(["python -m benchmarks.run", *argv])
    body = [
        "# JourneyMapper benchmarks",
        "",
        f"`{command}` (generated; see benchmarks/README.md)",
        "",
        *machine(),
        "",
        text,
        "",
        "Times are wall-clock seconds of one call. *resident memory* rows are the peak "
        "resident memory (ru_maxrss) of a child process that opened the map in the real "
        "window and used it (see benchmarks/memory.py). *peak memory* is the tracemalloc "
        "peak of Python allocations during one extra untimed run of the case; the whole "
        f"benchmark process peaked at {_max_rss_mb():,.0f} MB resident (ru_maxrss).",
        "",
    ]
    path.write_text("\n".join(body), encoding="utf-8")


# ----- the command --------------------------------------------------------------------


def parse_args(argv: Sequence[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description="Run JourneyMapper's benchmarks.")
    parser.add_argument("--sizes", help="comma-separated map sizes (default 1000,10000,100000)")
    parser.add_argument("--only", metavar="PATTERN", help="operations matching a glob or text")
    parser.add_argument("--repeat", type=int, help="runs per case (default 7; 3 at 100,000)")
    parser.add_argument("--quick", action="store_true", help="1,000 and 10,000 only, 3 runs")
    parser.add_argument("--no-memory", action="store_true", help="skip the tracemalloc run")
    parser.add_argument("--output", type=Path, default=RESULTS, help="where to write the table")
    parser.add_argument(
        "--huge", action="store_true", help="also the 100 M-event analytics cases (long)"
    )
    return parser.parse_args(argv)


def main(argv: Sequence[str] | None = None) -> int:
    logging.basicConfig(level=logging.INFO, format="%(message)s", stream=sys.stderr)
    argv = list(sys.argv[1:] if argv is None else argv)
    args = parse_args(argv)
    if args.huge:
        os.environ["JM_BENCH_HUGE"] = "1"
    sizes = tuple(int(s) for s in args.sizes.split(",")) if args.sizes else None
    sizes = sizes or (QUICK_SIZES if args.quick else DEFAULT_SIZES)
    results = []
    for case in select(collect(sizes), args.only):
        log.info("%s at %s…", case.operation, f"{case.size:,}")
        repeat = args.repeat or case.repeat or repeats_for(case.size, None, args.quick)
        results.append(measure(case, repeat, memory=not args.no_memory))
    medians = {(r.case.operation, r.case.size): r.median for r in results if r.times}
    for r in results:
        if r.case.baseline:
            r.baseline_median = medians.get((r.case.baseline, r.case.size))
    text = table(_ordered(results))
    sys.stdout.write(text + "\n")
    write_results(args.output, text, argv)
    log.info("written to %s", args.output)
    return 1 if any(r.passed is False for r in results) else 0


def _ordered(results: Iterable[Result]) -> list[Result]:
    """Grouped by operation (in first-seen order), then by size."""
    results = list(results)
    first = {}
    for i, r in enumerate(results):
        first.setdefault(r.case.operation, i)
    return sorted(results, key=lambda r: (first[r.case.operation], r.case.size))


if __name__ == "__main__":
    # Run the imported module's `main`, so the suites and this script share one `Timed`.
    from benchmarks import run as _imported

    raise SystemExit(_imported.main())
