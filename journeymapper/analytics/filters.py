"""Which cases a computation looks at: a segment, a period, or all of them.

A segment (a channel, a persona, a region) is a value of the segment column; a case
belongs to it when any of its events carries that value. A period keeps the cases that
*started* in it (their first event falls between the two dates, both included), so a
case is never cut in half by the filter and its path stays whole.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from journeymapper.analytics.dialect import DUCKDB, Dialect, literal


@dataclass(frozen=True, slots=True)
class CaseFilter:
    segment: str | None = None
    start: dt.datetime | None = None
    end: dt.datetime | None = None

    @property
    def active(self) -> bool:
        return self.segment is not None or self.start is not None or self.end is not None

    def describe(self) -> str:
        parts = []
        if self.segment is not None:
            parts.append(f"segment “{self.segment}”")
        if self.start is not None or self.end is not None:
            first = self.start.date().isoformat() if self.start else "…"
            last = self.end.date().isoformat() if self.end else "…"
            parts.append(f"cases started {first} – {last}")
        return ", ".join(parts)

    def events_sql(self, dialect: Dialect = DUCKDB) -> str:
        """SQL of the events of the kept cases."""
        if not self.active:
            return "SELECT * FROM events"
        conditions = []
        if self.segment is not None:
            conditions.append(
                f"bool_or(coalesce(segment = {literal(self.segment, dialect)}, false))"
            )
        if self.start is not None:
            conditions.append(f"min(ts) >= {literal(self.start, dialect)}")
        if self.end is not None:
            conditions.append(f"min(ts) <= {literal(self.end, dialect)}")
        having = " AND ".join(conditions)
        return (
            "SELECT * FROM events WHERE case_id IN "
            f"(SELECT case_id FROM events GROUP BY case_id HAVING {having})"
        )


ALL_CASES = CaseFilter()
