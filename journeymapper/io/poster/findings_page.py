"""The last page(s) of a poster with `--findings`: every coverage finding, worst first."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence

from journeymapper.analysis.findings import Finding
from journeymapper.io.poster.pen import Pen
from journeymapper.io.poster.stamps import STAMP_GRID, Stamps
from journeymapper.io.poster.titleblock import LEVEL_COLORS
from journeymapper.layout.geometry import baselines
from journeymapper.layout.text import line_height, wrap
from journeymapper.look.palette import GRID, INK, MUTED_INK
from journeymapper.model.document import Journey

HEADING = 20.0
TEXT = 10.5
SMALL = 8.5
ICON = 12.0
A4_SHORT = 595.28

NewPage = Callable[[], Pen]


def draw_findings(
    pen: Pen,
    new_page: NewPage,
    stamps: Stamps,
    journey: Journey,
    findings: Sequence[Finding],
    page: tuple[float, float],
    margin: float,
) -> None:
    """List `findings` on as many pages as they need, starting with the current one."""
    k = min(page) / A4_SHORT
    width = page[0] - 2 * margin
    top = _heading(pen, journey, findings, margin, width, k, continued=False)
    if not findings:
        pen.fill_color(INK)
        (y,) = baselines(top, 1, TEXT * k)
        pen.text(margin, y, "No findings: every coverage rule passed.", TEXT * k)
        return
    names = _names(journey)
    for finding in findings:
        block = _block(finding, names, width - (ICON + 8) * k, k)
        height = sum(len(lines) * line_height(size) for lines, size, _, _ in block) + 10 * k
        if top + height > page[1] - margin and top > margin + 80 * k:
            pen = new_page()
            top = _heading(pen, journey, findings, margin, width, k, continued=True)
        severity = finding.severity.value
        pen.form(
            stamps.icon(severity, LEVEL_COLORS.get(severity, MUTED_INK)),
            margin,
            top + 1 * k,
            ICON * k / STAMP_GRID,
        )
        x = margin + (ICON + 8) * k
        for lines, size, bold, color in block:
            pen.fill_color(color)
            for line, y in zip(lines, baselines(top, len(lines), size), strict=True):
                pen.text(x, y, line, size, bold=bold)
            top += len(lines) * line_height(size)
        top += 4 * k
        pen.stroke_color(GRID)
        pen.line_width(0.5 * k)
        pen.line(x, top, margin + width, top)
        top += 6 * k


def _heading(
    pen: Pen,
    journey: Journey,
    findings: Sequence[Finding],
    margin: float,
    width: float,
    k: float,
    continued: bool,
) -> float:
    title = "Coverage findings" + (" (continued)" if continued else "")
    lines = wrap(title, HEADING * k, width, True)
    pen.fill_color(INK)
    for line, y in zip(lines, baselines(margin, len(lines), HEADING * k), strict=True):
        pen.text(margin, y, line, HEADING * k, bold=True)
    top = margin + len(lines) * line_height(HEADING * k)
    counts = Counter(f.severity.value for f in findings)
    summary = (
        f"{journey.title}  ·  {counts['error']} errors, {counts['warning']} warnings, "
        f"{counts['info']} notes"
    )
    sub = wrap(summary, TEXT * k, width)
    pen.fill_color(MUTED_INK)
    for line, y in zip(sub, baselines(top, len(sub), TEXT * k), strict=True):
        pen.text(margin, y, line, TEXT * k)
    return top + len(sub) * line_height(TEXT * k) + 14 * k


def _block(
    finding: Finding, names: dict[str, str], width: float, k: float
) -> list[tuple[tuple[str, ...], float, bool, str]]:
    head = f"{finding.severity.value.upper()}  {finding.rule}  {finding.name}"
    block = [
        (wrap(head, SMALL * k, width, True), SMALL * k, True, MUTED_INK),
        (wrap(finding.message, TEXT * k, width), TEXT * k, False, INK),
    ]
    subjects = [names.get(s, s) for s in finding.subjects]
    if subjects:
        shown = ", ".join(subjects[:40]) + (
            f" and {len(subjects) - 40} more" if len(subjects) > 40 else ""
        )
        block.append((wrap("Concerns: " + shown, SMALL * k, width), SMALL * k, False, MUTED_INK))
    return block


def _names(journey: Journey) -> dict[str, str]:
    """Ids of everything a finding can name, to the names people know them by."""
    names = {tp.id: tp.name for tp in journey.touchpoints()}
    names.update({s.id: s.name for s in journey.stages})
    names.update({p.id: p.name for p in journey.personas})
    names.update({lane.id: lane.name for lane in journey.lanes})
    for conn in journey.connections():
        names[conn.id] = (
            f"{names.get(conn.source, conn.source)} → {names.get(conn.target, conn.target)}"
        )
    return names
