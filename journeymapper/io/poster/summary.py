"""What the title block says: the map's identity and one line of coverage summary."""

from __future__ import annotations

import datetime as dt
import logging
from collections import Counter

from journeymapper.analysis import Finding, Severity, validate
from journeymapper.io.poster.titleblock import TitleInfo
from journeymapper.model.document import Journey
from journeymapper.model.schema import Persona

log = logging.getLogger(__name__)


def title_info(journey: Journey, date: dt.date, persona: Persona | None) -> TitleInfo:
    info = journey.info
    return TitleInfo(
        title=info.title,
        description=info.description,
        state=info.state,
        personas=tuple(p.name for p in journey.personas),
        highlighted=persona.name if persona else None,
        date=date,
    )


def coverage(journey: Journey) -> tuple[str, str, tuple[Finding, ...]]:
    """One line for the title block, the worst severity found, and the findings."""
    findings = tuple(validate(journey))
    counts = Counter(f.severity for f in findings)
    size = (
        f"{_count(journey.touchpoint_count(), 'touchpoint')} in "
        f"{_count(len(journey.stages), 'stage')}, "
        f"{_count(journey.connection_count(), 'connection')}"
    )
    if not findings:
        return f"{size}  ·  coverage check: no findings", "ok", findings
    parts = [
        _count(counts[severity], noun)
        for severity, noun in (
            (Severity.ERROR, "error"),
            (Severity.WARNING, "warning"),
            (Severity.INFO, "note"),
        )
        if counts[severity]
    ]
    worst = findings[0]
    line = f"{size}  ·  coverage check: {', '.join(parts)}, e.g. {worst.message}"
    return line, worst.severity.value, findings


def _count(n: int, noun: str) -> str:
    return f"{n:,} {noun}" + ("" if n == 1 else "s")
