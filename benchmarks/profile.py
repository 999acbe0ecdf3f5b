"""Profile benchmark cases with pyinstrument and write each profile as text.

    python -m benchmarks.profile [--sizes 10000] [--only PATTERN] [--runs N]
                                 [--out benchmarks/profiles]

Each case is prepared exactly as `benchmarks.run` prepares it; then its timed call runs
`--runs` times (its untimed `before` step between runs, outside the profile) and the
sessions are combined into one profile, written to `OUT/<operation>-<size>.txt`.
"""

from __future__ import annotations

import argparse
import logging
import re
import sys
from collections.abc import Sequence
from pathlib import Path

from pyinstrument import Profiler
from pyinstrument.renderers import ConsoleRenderer
from pyinstrument.session import Session

from benchmarks.run import Case, Timed, collect, select

log = logging.getLogger("benchmarks")
OUT = Path(__file__).with_name("profiles")


def profile(case: Case, runs: int) -> Session | None:
    prepared = case.setup()
    timed = prepared if isinstance(prepared, Timed) else Timed(prepared)
    session: Session | None = None
    try:
        for _ in range(runs):
            if timed.before is not None:
                timed.before()
            profiler = Profiler(interval=0.0005)
            profiler.start()
            timed.run()
            profiler.stop()
            run = profiler.last_session
            session = run if session is None else Session.combine(session, run)  # type: ignore[arg-type]
    finally:
        if timed.cleanup is not None:
            timed.cleanup()
    return session


def file_name(case: Case) -> str:
    slug = re.sub(r"[^a-z0-9]+", "-", case.operation.lower()).strip("-")
    return f"{slug}-{case.size}.txt"


def main(argv: Sequence[str] | None = None) -> int:
    logging.basicConfig(level=logging.INFO, format="%(message)s", stream=sys.stderr)
    parser = argparse.ArgumentParser(description="Profile JourneyMapper's benchmark cases.")
    parser.add_argument("--sizes", default="10000", help="comma-separated map sizes")
    parser.add_argument("--only", metavar="PATTERN", help="operations matching a glob or text")
    parser.add_argument("--runs", type=int, default=3, help="timed calls per profile")
    parser.add_argument("--out", type=Path, default=OUT, help="folder for the profiles")
    args = parser.parse_args(argv)
    sizes = tuple(int(s) for s in args.sizes.split(","))
    args.out.mkdir(parents=True, exist_ok=True)
    renderer = ConsoleRenderer(unicode=False, color=False, show_all=False, short_mode=False)
    for case in select(collect(sizes), args.only):
        if case.kind != "time" or case.operation.startswith("json."):
            continue
        log.info("profiling %s at %s…", case.operation, f"{case.size:,}")
        session = profile(case, args.runs)
        if session is not None:
            target = args.out / file_name(case)
            target.write_text(renderer.render(session), encoding="utf-8")
            log.info("  %s", target)
    return 0


if __name__ == "__main__":
    from benchmarks import profile as _imported

    raise SystemExit(_imported.main())
