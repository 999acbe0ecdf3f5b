"""The one-page session summary a facilitator hands out after a workshop.

Title and date; the top-voted touchpoints; each stage's pain points and
opportunities (those of the most voted cards first); the coverage findings. Always
one A4 page: when the map holds more than fits, each list is cut shorter (saying how
many more there are) until it does.

Drawn with the poster's pen and its bundled DejaVu Sans (embedded, so accents, Greek,
Cyrillic and symbols print), user text set with `Tj`, never parsed as markup. The PDF
is built in memory in reportlab's invariant mode (the same map and date give the same
bytes) and written with `write_atomic`.
"""

from __future__ import annotations

import datetime as dt
import io
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from reportlab.pdfgen.canvas import Canvas

from journeymapper import __version__
from journeymapper.analysis import Finding, validate
from journeymapper.analysis.votes import Ranked, StageItems, ranking, stage_items
from journeymapper.io.atomic import write_atomic
from journeymapper.io.poster.fonts import font
from journeymapper.io.poster.pen import Pen
from journeymapper.io.poster.titleblock import LEVEL_COLORS
from journeymapper.layout.geometry import baselines
from journeymapper.layout.text import elide, line_height, text_width, wrap
from journeymapper.look.palette import GRID, INK, MUTED_INK, OPPORTUNITY, PAIN, VOTE
from journeymapper.model.document import Journey
from journeymapper.model.schema import MapState

PAGE = (595.28, 841.89)  # A4 portrait
MARGIN = 40.0
WIDTH = PAGE[0] - 2 * MARGIN
ACCENT = "#2563EB"
TITLE, HEADING, TEXT, SMALL = 22.0, 12.5, 9.0, 7.8
STAGE_COL = 112.0
GAP = 10.0
FOOTER = 16.0

Draw = Callable[[Pen, float], None]


@dataclass(frozen=True, slots=True)
class Block:
    """Something of a known height, drawn with its top at y."""

    height: float
    draw: Draw


@dataclass(frozen=True, slots=True)
class Budget:
    """How much of each list the page shows."""

    top: int
    per_cell: int
    findings: int


BUDGETS = (
    Budget(10, 6, 6),
    Budget(8, 4, 5),
    Budget(6, 3, 4),
    Budget(5, 2, 3),
    Budget(5, 1, 2),
    Budget(3, 1, 1),
    Budget(3, 1, 0),
)


def render_summary(journey: Journey, day: dt.date) -> bytes:
    """The summary PDF of `journey` as it stands, dated `day`, as bytes."""
    buffer = io.BytesIO()
    canvas = Canvas(
        buffer, pagesize=PAGE, invariant=1, pageCompression=1, initialFontName=font().fontName
    )
    canvas.setTitle(f"{journey.title} — session summary")
    canvas.setSubject("Customer journey workshop: votes, pain points, opportunities, findings")
    canvas.setCreator(f"JourneyMapper {__version__}")
    pen = Pen(canvas)
    pen.flip(PAGE[1])
    top = MARGIN
    for block in _page_blocks(journey, day):
        block.draw(pen, top)
        top += block.height
    _footer(pen, journey, day)
    canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def export_summary(journey: Journey, path: str | Path, day: dt.date | None = None) -> Path:
    """Write the summary of `journey` to `path` atomically; returns the path."""
    data = render_summary(journey, day or dt.date.today())
    write_atomic(path, data)
    return Path(path)


# ----- fitting one page -------------------------------------------------------------


def _page_blocks(journey: Journey, day: dt.date) -> list[Block]:
    room = PAGE[1] - 2 * MARGIN - FOOTER
    ranked = ranking(journey)
    stages = stage_items(journey)
    findings = validate(journey)
    head = _header(journey, day)
    blocks: list[Block] = []
    for budget in BUDGETS:
        blocks = [
            head,
            *_top_voted(ranked, budget.top),
            *_by_stage(stages, budget.per_cell),
            *_findings(findings, budget.findings),
        ]
        if sum(b.height for b in blocks) <= room:
            return blocks
    return _cut(blocks, room)


def _cut(blocks: list[Block], room: float) -> list[Block]:
    """Keep blocks while they fit, and say how many rows were left out."""
    kept: list[Block] = []
    used = 0.0
    for i, block in enumerate(blocks):
        note = _note(f"… and {len(blocks) - i} more rows: the map holds more than a page.")
        if used + block.height + note.height > room:
            return [*kept, note]
        kept.append(block)
        used += block.height
    return kept


# ----- drawing helpers ----------------------------------------------------------------


def _lines(pen: Pen, x: float, top: float, lines: Sequence[str], size: float, **kw: bool) -> None:
    for line, y in zip(lines, baselines(top, len(lines), size), strict=True):
        pen.text(x, y, line, size, **kw)


def _para(text: str, size: float, width: float, bold: bool = False, most: int = 3) -> list[str]:
    """`text` wrapped to `width`, at most `most` lines (the last one elided)."""
    lines = list(wrap(" ".join(text.split()), size, width, bold))
    if len(lines) > most:
        lines = [*lines[: most - 1], elide(" ".join(lines[most - 1 :]), size, width, bold)]
    return lines or [""]


def _note(text: str, color: str = MUTED_INK) -> Block:
    lines = _para(text, SMALL, WIDTH, most=2)

    def draw(pen: Pen, top: float) -> None:
        pen.fill_color(color)
        _lines(pen, MARGIN, top, lines, SMALL)

    return Block(len(lines) * line_height(SMALL) + 2, draw)


def _heading(text: str, aside: str = "") -> Block:
    def draw(pen: Pen, top: float) -> None:
        (y,) = baselines(top + 8, 1, HEADING)
        pen.fill_color(INK)
        pen.text(MARGIN, y, text, HEADING, bold=True)
        if aside:
            pen.fill_color(MUTED_INK)
            pen.text_right(MARGIN + WIDTH, y, aside, SMALL)
        pen.stroke_color(INK)
        pen.line_width(0.8)
        rule = top + 8 + line_height(HEADING) + 2
        pen.line(MARGIN, rule, MARGIN + WIDTH, rule)

    return Block(8 + line_height(HEADING) + 8, draw)


# ----- the sections ---------------------------------------------------------------------


def _header(journey: Journey, day: dt.date) -> Block:
    info = journey.info
    title = _para(info.title, TITLE, WIDTH, bold=True, most=2)
    state = "Future state" if info.state is MapState.FUTURE else "Current state"
    meta = [f"{day.day} {day:%B %Y}", state]
    if journey.personas:
        names = ", ".join(p.name for p in journey.personas)
        meta.append(("Personas: " if len(journey.personas) > 1 else "Persona: ") + names)
    tps = journey.touchpoint_count()
    meta.append(f"{tps} touchpoint{'s' if tps != 1 else ''} in {len(journey.stages)} stages")
    meta_lines = _para("  ·  ".join(meta), TEXT, WIDTH, most=2)
    kicker = line_height(SMALL) + 2

    def draw(pen: Pen, top: float) -> None:
        pen.fill_color(ACCENT)
        _lines(pen, MARGIN, top, ["WORKSHOP SESSION SUMMARY"], SMALL, bold=True)
        pen.fill_color(INK)
        _lines(pen, MARGIN, top + kicker, title, TITLE, bold=True)
        pen.fill_color(MUTED_INK)
        _lines(pen, MARGIN, top + kicker + len(title) * line_height(TITLE), meta_lines, TEXT)

    height = kicker + len(title) * line_height(TITLE) + len(meta_lines) * line_height(TEXT)
    return Block(height + 4, draw)


def _top_voted(ranked: list[Ranked], limit: int) -> list[Block]:
    total = sum(r.votes for r in ranked)
    aside = f"{total} vote{'s' if total != 1 else ''} on {len(ranked)} cards" if ranked else ""
    blocks = [_heading("Top-voted touchpoints", aside)]
    if not ranked:
        return [*blocks, _note("No votes yet: run a voting round to rank the touchpoints.")]
    blocks += [_ranked_row(r) for r in ranked[:limit]]
    if len(ranked) > limit:
        blocks.append(_note(f"+ {len(ranked) - limit} more voted cards"))
    return blocks


def _ranked_row(r: Ranked) -> Block:
    name_x, stage_w = MARGIN + 58, 120.0
    name_w = WIDTH - 58 - stage_w - 8
    name = _para(r.touchpoint.name, TEXT, name_w, bold=True, most=2)
    pains = r.touchpoint.pain_points
    pain = []
    if pains:
        more = f" (+{len(pains) - 1} more)" if len(pains) > 1 else ""
        pain = [elide(f"Pain point: {pains[0]}", SMALL, name_w - text_width(more, SMALL)) + more]
    stage = _para(r.stage, SMALL, stage_w, most=2)
    height = max(len(name) * line_height(TEXT) + len(pain) * line_height(SMALL), 16) + 5

    def draw(pen: Pen, top: float) -> None:
        (y,) = baselines(top + 1, 1, TEXT)
        pen.fill_color(MUTED_INK)
        pen.text_right(MARGIN + 16, y, f"{r.rank}.", TEXT, bold=True)
        label = str(r.votes)
        pill = max(26.0, text_width(label, TEXT, True) + 16)
        pen.fill_color(VOTE)
        pen.round_rect(MARGIN + 22, top + 1, pill, 13, 6.5)
        pen.fill_color(INK)
        pen.text_centred(MARGIN + 22 + pill / 2, y, label, TEXT, bold=True)
        _lines(pen, name_x, top + 1, name, TEXT, bold=True)
        if pain:
            pen.fill_color(PAIN)
            _lines(pen, name_x, top + 1 + len(name) * line_height(TEXT), pain, SMALL)
        pen.fill_color(MUTED_INK)
        _lines(pen, MARGIN + WIDTH - stage_w, top + 2, stage, SMALL)

    return Block(height, draw)


def _by_stage(stages: list[StageItems], per_cell: int) -> list[Block]:
    blocks = [_heading("Pain points and opportunities by stage"), _columns_head()]
    return blocks + [_stage_row(s, per_cell) for s in stages]


def _column_x() -> tuple[float, float, float]:
    """Left edge of the pain-point column, of the opportunity column, and their width."""
    col = (WIDTH - STAGE_COL - 2 * GAP) / 2
    pains = MARGIN + STAGE_COL + GAP
    return pains, pains + col + GAP, col


def _columns_head() -> Block:
    pains, opps, _ = _column_x()

    def draw(pen: Pen, top: float) -> None:
        (y,) = baselines(top, 1, SMALL)
        pen.fill_color(MUTED_INK)
        pen.text(MARGIN + 8, y, "STAGE", SMALL, bold=True)
        pen.fill_color(PAIN)
        pen.text(pains, y, "PAIN POINTS", SMALL, bold=True)
        pen.fill_color(OPPORTUNITY)
        pen.text(opps, y, "OPPORTUNITIES", SMALL, bold=True)

    return Block(line_height(SMALL) + 3, draw)


@dataclass(frozen=True, slots=True)
class Entry:
    """One pain point or opportunity, and the card it comes from (after its last line
    when there is room, else on a line of its own)."""

    lines: tuple[str, ...]
    source: str
    inline: bool

    @property
    def height(self) -> float:
        return len(self.lines) * line_height(TEXT) + (0 if self.inline else line_height(SMALL))


@dataclass(frozen=True, slots=True)
class Cell:
    entries: tuple[Entry, ...]
    more: int

    @property
    def height(self) -> float:
        lines = sum(e.height for e in self.entries) or line_height(TEXT)
        return lines + (line_height(SMALL) if self.more else 0)


BULLET = "•"
INDENT = 9.0  # the item's text, right of its bullet (a hanging indent)


def _cell(items: Sequence[tuple[str, str]], width: float, limit: int) -> Cell:
    entries = []
    for text, card in items[:limit]:
        lines = tuple(_para(text, TEXT, width - INDENT, most=3))
        source = f"— {card}"
        room = width - INDENT
        inline = text_width(f"{lines[-1]}  ", TEXT) + text_width(source, SMALL) <= room
        entries.append(Entry(lines, source if inline else elide(source, SMALL, room), inline))
    return Cell(tuple(entries), max(0, len(items) - limit))


def _draw_cell(pen: Pen, x: float, top: float, cell: Cell) -> None:
    if not cell.entries:
        pen.fill_color(MUTED_INK)
        _lines(pen, x, top, ["—"], TEXT)
        return
    for entry in cell.entries:
        pen.fill_color(MUTED_INK)
        _lines(pen, x, top, [BULLET], TEXT)
        pen.fill_color(INK)
        _lines(pen, x + INDENT, top, entry.lines, TEXT)
        top += len(entry.lines) * line_height(TEXT)
        pen.fill_color(MUTED_INK)
        if entry.inline:
            (y,) = baselines(top - line_height(TEXT), 1, TEXT)
            left = x + INDENT + text_width(f"{entry.lines[-1]}  ", TEXT)
            pen.text(left, y, entry.source, SMALL)
        else:
            _lines(pen, x + INDENT, top, [entry.source], SMALL)
            top += line_height(SMALL)
    if cell.more:
        pen.fill_color(MUTED_INK)
        _lines(pen, x, top, [f"+ {cell.more} more"], SMALL)


def _stage_row(items: StageItems, per_cell: int) -> Block:
    pains_x, opps_x, col = _column_x()
    name = _para(items.stage.name, TEXT, STAGE_COL - 8, bold=True, most=3)
    pains = _cell(items.pain_points, col, per_cell)
    opps = _cell(items.opportunities, col, per_cell)
    inner = max(len(name) * line_height(TEXT), pains.height, opps.height)
    height = inner + 10

    def draw(pen: Pen, top: float) -> None:
        pen.fill_color(items.stage.color)
        pen.rect(MARGIN, top + 4, 3.5, inner)
        pen.fill_color(INK)
        _lines(pen, MARGIN + 8, top + 4, name, TEXT, bold=True)
        _draw_cell(pen, pains_x, top + 4, pains)
        _draw_cell(pen, opps_x, top + 4, opps)
        pen.stroke_color(GRID)
        pen.line_width(0.5)
        pen.line(MARGIN, top + height, MARGIN + WIDTH, top + height)

    return Block(height, draw)


def _findings(findings: Sequence[Finding], limit: int) -> list[Block]:
    counts = Counter(f.severity.value for f in findings)
    parts = [
        f"{counts[key]} {noun}{'s' if counts[key] != 1 else ''}"
        for key, noun in (("error", "error"), ("warning", "warning"), ("info", "note"))
        if counts[key]
    ]
    blocks = [_heading("Coverage findings", ", ".join(parts) or "none")]
    if not findings:
        return [*blocks, _note("Every coverage rule passed.")]
    blocks += [_finding_row(f) for f in findings[:limit]]
    if len(findings) > limit:
        more = len(findings) - limit
        blocks.append(_note(f"+ {more} more (journeymapper validate lists them all)"))
    return blocks


def _finding_row(finding: Finding) -> Block:
    lines = _para(finding.message, TEXT, WIDTH - 16, most=2)
    color = LEVEL_COLORS.get(finding.severity.value, MUTED_INK)

    def draw(pen: Pen, top: float) -> None:
        pen.fill_color(color)
        pen.circle(MARGIN + 4, top + line_height(TEXT) / 2 + 0.5, 3.2)
        pen.fill_color(INK)
        _lines(pen, MARGIN + 16, top, lines, TEXT)

    return Block(len(lines) * line_height(TEXT) + 4, draw)


def _footer(pen: Pen, journey: Journey, day: dt.date) -> None:
    (y,) = baselines(PAGE[1] - MARGIN - line_height(SMALL) + 4, 1, SMALL)
    pen.stroke_color(GRID)
    pen.line_width(0.5)
    pen.line(MARGIN, y - SMALL - 3, MARGIN + WIDTH, y - SMALL - 3)
    pen.fill_color(MUTED_INK)
    left = elide(f"{journey.title} — session summary", SMALL, WIDTH * 0.6)
    pen.text(MARGIN, y, left, SMALL)
    pen.text_right(MARGIN + WIDTH, y, f"JourneyMapper {__version__} · {day.isoformat()}", SMALL)
