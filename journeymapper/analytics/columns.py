"""Which columns of a table log hold the case, the activity, the time and the segment.

Logs written by process-mining tools use the XES standard names (`case:concept:name`,
`concept:name`, `time:timestamp`); those need no options. Other names are given by
the user (`--case`, `--activity`, `--timestamp`, `--segment`, or the column dialog).
A name that is not in the file is refused with the file's columns and the closest
match (rapidfuzz), so a typo is one glance to fix.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from rapidfuzz import fuzz, process, utils

from journeymapper.analytics.errors import LogError

CASE = "case:concept:name"
ACTIVITY = "concept:name"
TIMESTAMP = "time:timestamp"

# Names other exports use for the same roles, tried after the standard ones.
_CASE_NAMES = (CASE, "case_id", "case id", "caseid", "case")
_ACTIVITY_NAMES = (ACTIVITY, "activity", "activity name", "event", "action")
_TIME_NAMES = (TIMESTAMP, "timestamp", "time", "event time", "date")


@dataclass(frozen=True, slots=True)
class ColumnMap:
    """The columns to read; None means "find it by the usual names"."""

    case: str | None = None
    activity: str | None = None
    timestamp: str | None = None
    segment: str | None = None
    timestamp_format: str | None = None
    """A strptime format (`%d/%m/%Y %H:%M`) for timestamps that are not ISO 8601."""

    def resolved(self, header: Sequence[str], path: Path) -> ColumnMap:
        """This map with every role named by a column of `header`, or a `LogError`."""
        return replace(
            self,
            case=_pick(self.case, _CASE_NAMES, header, path, "case id", "--case"),
            activity=_pick(self.activity, _ACTIVITY_NAMES, header, path, "activity", "--activity"),
            timestamp=_pick(self.timestamp, _TIME_NAMES, header, path, "timestamp", "--timestamp"),
            segment=None
            if self.segment is None
            else _pick(self.segment, (), header, path, "segment", "--segment"),
        )


USUAL = {"case": _CASE_NAMES, "activity": _ACTIVITY_NAMES, "timestamp": _TIME_NAMES}


def usual_column(role: str, header: Sequence[str]) -> str | None:
    """The column of `header` with one of the usual names of `role`, if any."""
    folded = {h.strip().casefold(): h for h in header}
    return next((folded[n] for n in USUAL[role] if n in folded), None)


def _pick(
    wanted: str | None,
    usual: Sequence[str],
    header: Sequence[str],
    path: Path,
    role: str,
    option: str,
) -> str:
    if wanted is not None:
        if wanted in header:
            return wanted
        folded = {h.casefold(): h for h in header}
        if wanted.casefold() in folded:
            return folded[wanted.casefold()]
        raise LogError(path, "", f"has no column '{wanted}' for the {role}{_hint(wanted, header)}")
    folded = {h.strip().casefold(): h for h in header}
    found = next((folded[n] for n in usual if n in folded), None)
    if found is not None:
        return found
    raise LogError(
        path,
        "",
        f"has no {role} column (looked for {', '.join(repr(n) for n in usual[:3])}); "
        f"name it with {option} COLUMN ({_columns(header)})",
    )


def _hint(wanted: str, header: Sequence[str]) -> str:
    match = process.extractOne(
        wanted, list(header), scorer=fuzz.WRatio, processor=utils.default_process
    )
    close = f"; did you mean '{match[0]}'?" if match and match[1] >= 60 else ""
    return f"{close} ({_columns(header)})"


def _columns(header: Sequence[str]) -> str:
    shown = ", ".join(repr(h) for h in header[:12])
    more = f" and {len(header) - 12} more" if len(header) > 12 else ""
    return f"its columns: {shown}{more}" if header else "it has no columns"
