"""Findings and stats as plain text and JSON-ready data, for the command line and reports.

The text is meant to be read in a terminal: names, not ids; long lists cut short with
"and N more"; the coverage matrix as an aligned table with `-` for empty cells.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from typing import Any

from journeymapper.analysis.findings import Finding, Rule, Severity
from journeymapper.analysis.matrix import CATEGORIES, CoverageMatrix
from journeymapper.analysis.stats import Count, MapStats
from journeymapper.analysis.text import plural, quoted
from journeymapper.model import catalog
from journeymapper.model.document import Journey
from journeymapper.model.schema import Category

LIST_LIMIT = 10
LABEL_WIDTH = 28


def finding_line(finding: Finding) -> str:
    """`JM022 warning: <sentence> [ids]`, the form `journeymapper validate` prints."""
    ids = f" [{', '.join(finding.subjects)}]" if finding.subjects else ""
    return f"{finding.rule} {finding.severity.value}: {finding.message}{ids}"


def rule_line(rule: Rule) -> str:
    """`JM022  warning  dead-end  Nothing leads on from this touchpoint, …`."""
    return f"{rule.id}  {rule.severity.value:<7}  {rule.name:<26}  {rule.summary}"


def rule_dict(rule: Rule) -> dict[str, str]:
    return {
        "rule": rule.id,
        "name": rule.name,
        "severity": rule.severity.value,
        "summary": rule.summary,
        "fix": rule.fix,
    }


def summary_line(findings: Sequence[Finding]) -> str:
    """`2 errors, 1 warning, 0 info`, or a clean bill of health."""
    if not findings:
        return "no findings: the map passes every rule"
    counts = Counter(f.severity for f in findings)
    return ", ".join(
        [
            plural(counts[Severity.ERROR], "error"),
            plural(counts[Severity.WARNING], "warning"),
            f"{counts[Severity.INFO]} info",
        ]
    )


def stats_lines(journey: Journey, stats: MapStats) -> list[str]:
    """The whole summary `journeymapper stats` prints."""
    lines = [
        stats.title,
        f"{plural(stats.touchpoints, 'touchpoint')}, {plural(stats.connections, 'connection')}, "
        f"{plural(stats.personas, 'persona')}",
    ]
    for heading, counts in (
        ("Per stage", stats.stages),
        ("Per lane", stats.lanes),
        ("Per category", stats.categories),
        ("Per channel", stats.channels),
        ("Per ownership", stats.ownership),
    ):
        lines += ["", heading, *_count_lines(counts)]
    lines += ["", f"Entry points: {_names(journey, stats.entries)}"]
    lines += [f"Exit points: {_names(journey, stats.exits)}"]
    lines += ["", "Moments of truth (every journey from an entry to an exit passes them):"]
    if stats.moments_of_truth:
        lines += [
            f"  {n}. {quoted(journey.touchpoint(i).name)}"
            for n, i in enumerate(stats.moments_of_truth, start=1)
        ]
    else:
        lines.append("  none")
    lines += ["", "Coverage: touchpoints per stage and category", *matrix_lines(stats.matrix)]
    return lines


def _count_lines(counts: Sequence[Count], limit: int = 2 * LIST_LIMIT) -> list[str]:
    """One aligned line per count; past `limit` lines, the rest summed on one line."""
    if len(counts) <= limit:
        return [f"  {_fit(c.label)} {c.count:>7,}" for c in counts] or ["  none"]
    shown = [f"  {_fit(c.label)} {c.count:>7,}" for c in counts[: limit - 1]]
    rest = counts[limit - 1 :]
    label = f"… {len(rest)} more"
    return [*shown, f"  {_fit(label)} {sum(c.count for c in rest):>7,}"]


def _names(journey: Journey, tp_ids: Sequence[str]) -> str:
    if not tp_ids:
        return "none"
    names = [quoted(journey.touchpoint(i).name) for i in tp_ids[:LIST_LIMIT]]
    more = f" and {len(tp_ids) - LIST_LIMIT} more" if len(tp_ids) > LIST_LIMIT else ""
    return ", ".join(names) + more


def _fit(text: str, width: int = LABEL_WIDTH) -> str:
    text = " ".join(text.split())
    return (text if len(text) <= width else text[: width - 1] + "…").ljust(width)


def matrix_lines(matrix: CoverageMatrix) -> list[str]:
    """The matrix as an aligned table; the no-category column only when it is used."""
    columns = [c for c in CATEGORIES if c is not None or matrix.column_total(None)]
    headers = [_category_label(c) for c in columns]
    lines = ["  " + _fit("Stage") + "".join(f" {h:>12}" for h in headers)]
    for stage in matrix.stages:
        cells = [matrix.count(stage.id, c) for c in columns]
        lines.append(
            "  " + _fit(stage.name) + "".join(f" {n:>12,}" if n else f" {'-':>12}" for n in cells)
        )
    return lines


def _category_label(category: Category | None) -> str:
    return catalog.CATEGORY_LABELS[category] if category is not None else "No category"


def stats_json(journey: Journey, stats: MapStats) -> dict[str, Any]:
    """The summary as JSON-ready data (`journeymapper stats --json`)."""

    def counted(counts: Sequence[Count], key: str) -> list[dict[str, Any]]:
        return [{key: c.key, "name": c.label, "touchpoints": c.count} for c in counts]

    def named(tp_ids: Sequence[str]) -> list[dict[str, str]]:
        return [{"id": i, "name": journey.touchpoint(i).name} for i in tp_ids]

    matrix = stats.matrix
    return {
        "title": stats.title,
        "touchpoints": stats.touchpoints,
        "connections": stats.connections,
        "personas": stats.personas,
        "stages": counted(stats.stages, "id"),
        "lanes": counted(stats.lanes, "id"),
        "categories": {c.key: c.count for c in stats.categories},
        "channels": counted(stats.channels, "channel"),
        "ownership": {c.key: c.count for c in stats.ownership},
        "entries": named(stats.entries),
        "exits": named(stats.exits),
        "moments_of_truth": named(stats.moments_of_truth),
        "coverage": [
            {
                "id": stage.id,
                "name": stage.name,
                "counts": {
                    (c.value if c is not None else "none"): matrix.count(stage.id, c)
                    for c in CATEGORIES
                },
            }
            for stage in matrix.stages
        ],
    }
