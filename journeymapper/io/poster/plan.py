"""Page planning: how big the poster is and which pages carry which part of it.

Pure arithmetic on sizes, so the editor's preview can show the sheet grid and count
without drawing anything. Positions are in points with y down from the top of the
poster (or page).

- fit: one sheet of the chosen paper; the composition scaled to fill it within margins.
- tile: the composition at the chosen scale over a grid of sheets; neighbouring sheets
  share `overlap` so they can be trimmed and glued; each sheet prints its part inside
  its margins.
- actual: one page as large as the composition at the chosen scale, if a PDF allows it.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass

from journeymapper.io.poster.compose import Composition
from journeymapper.io.poster.options import Mode, PosterOptions
from journeymapper.io.poster.paper import (
    MAX_PAGE_SIDE,
    MM,
    Orientation,
    PaperError,
    describe_size,
)

TILE_FURNITURE = 1.5
"""Title block and legend size on a poster printed at a chosen scale, times that scale."""
MIN_LEGIBLE = 0.62
"""The smallest furniture factor on a fitted A4 sheet; it grows with the paper."""
A4_SHORT = 210 * MM
MIN_TILE_MARGIN = 8 * MM
MAX_SHEETS = 2_500

Composer = Callable[[float], Composition]
"""Measures the composition at a furniture factor."""


@dataclass(frozen=True, slots=True)
class Sheet:
    """One tile: its place in the grid (1-based) and the poster region it shows."""

    row: int
    column: int
    x: float
    y: float

    @property
    def label(self) -> str:
        return f"row {self.row} / column {self.column}"


@dataclass(frozen=True, slots=True)
class Plan:
    mode: Mode
    page_width: float
    page_height: float
    margin: float
    scale: float
    """Composition units to points on paper."""
    composition: Composition
    origin: tuple[float, float]
    """Fit and actual: where the composition's top-left corner lands on the page."""
    rows: int = 1
    columns: int = 1
    overlap: float = 0.0
    sheets: tuple[Sheet, ...] = ()

    @property
    def landscape(self) -> bool:
        return self.page_width > self.page_height

    @property
    def poster_size(self) -> tuple[float, float]:
        """The printed size of the whole composition, in points."""
        return (self.composition.width * self.scale, self.composition.height * self.scale)

    @property
    def area(self) -> tuple[float, float]:
        """The printable part of a page, inside its margins."""
        return (self.page_width - 2 * self.margin, self.page_height - 2 * self.margin)

    @property
    def step(self) -> tuple[float, float]:
        """How far the poster moves from one sheet to the next."""
        w, h = self.area
        return (w - self.overlap, h - self.overlap)

    @property
    def sheet_count(self) -> int:
        return len(self.sheets) if self.mode is Mode.TILE else 1


def plan_poster(options: PosterOptions, composer: Composer) -> Plan:
    """The plan for `options`; `PaperError` when it cannot be printed as asked."""
    options.checked()
    if options.mode is Mode.TILE:
        return _plan_tile(options, composer(TILE_FURNITURE))
    if options.mode is Mode.ACTUAL:
        return _plan_actual(options, composer(TILE_FURNITURE))
    return _plan_fit(options, composer)


def _orientations(orientation: Orientation, prefer_landscape: bool) -> list[bool]:
    if orientation == Orientation.PORTRAIT:
        return [False]
    if orientation == Orientation.LANDSCAPE:
        return [True]
    return [prefer_landscape, not prefer_landscape]


def _plan_fit(options: PosterOptions, composer: Composer) -> Plan:
    margin = options.margin_mm * MM
    rough = composer(1.0)
    best: Plan | None = None
    for landscape in _orientations(options.orientation, rough.width >= rough.height):
        page_w, page_h = options.paper.oriented(landscape)
        plan = _fit_on(page_w, page_h, margin, composer)
        if best is None or plan.scale > best.scale * 1.0001:
            best = plan
    assert best is not None
    return best


def _fit_on(page_w: float, page_h: float, margin: float, composer: Composer) -> Plan:
    """Scale so the composition fills the page; the furniture stays legible on paper.

    The poster hangs from the top margin (its title at the top of the sheet), centred
    across; a map wider than the sheet's shape leaves the space below it.
    """
    inner_w, inner_h = page_w - 2 * margin, page_h - 2 * margin
    legible = MIN_LEGIBLE * min(page_w, page_h) / A4_SHORT
    f = 1.0
    comp = composer(f)
    for _ in range(6):
        scale = min(inner_w / comp.width, inner_h / comp.height)
        wanted = max(1.0, legible / scale)
        if abs(wanted - f) < 1e-3 * f:
            break
        f = wanted
        comp = composer(f)
    scale = min(inner_w / comp.width, inner_h / comp.height)
    x = margin + (inner_w - comp.width * scale) / 2
    return Plan(Mode.FIT, page_w, page_h, margin, scale, comp, (x, margin))


def _plan_actual(options: PosterOptions, comp: Composition) -> Plan:
    margin = options.margin_mm * MM
    scale = options.scale
    page_w = comp.width * scale + 2 * margin
    page_h = comp.height * scale + 2 * margin
    if max(page_w, page_h) > MAX_PAGE_SIDE:
        largest = (MAX_PAGE_SIDE - 2 * margin) / max(comp.width, comp.height)
        hint = (
            f"or use --scale {math.floor(largest * 100) / 100:g} or smaller"
            if largest >= 0.01
            else "the map is too large for a single page at any scale"
        )
        raise PaperError(
            f"at {scale * 100:g} % the poster would be {describe_size(page_w, page_h)}, but a PDF "
            f"page can be at most {MAX_PAGE_SIDE:,.0f} pt (5.08 m) a side; tile it over smaller "
            f"sheets instead (--tile A4 --scale {scale:g}), {hint}"
        )
    return Plan(Mode.ACTUAL, page_w, page_h, margin, scale, comp, (margin, margin))


def _plan_tile(options: PosterOptions, comp: Composition) -> Plan:
    margin = max(options.margin_mm * MM, MIN_TILE_MARGIN)
    overlap = options.overlap_mm * MM
    scale = options.scale
    best: Plan | None = None
    for landscape in _orientations(options.orientation, False):
        page_w, page_h = options.tile_paper.oriented(landscape)
        area_w, area_h = page_w - 2 * margin, page_h - 2 * margin
        if overlap * 2 >= min(area_w, area_h):
            raise PaperError(
                f"an overlap of {options.overlap_mm:g} mm leaves nothing of each "
                f"{options.tile_paper.label} sheet; use a smaller --overlap"
            )
        columns = tile_count(comp.width * scale, area_w, overlap)
        rows = tile_count(comp.height * scale, area_h, overlap)
        plan = Plan(
            Mode.TILE, page_w, page_h, margin, scale, comp, (margin, margin), rows, columns, overlap
        )
        if best is None or rows * columns < best.rows * best.columns:
            best = plan
    assert best is not None
    count = best.rows * best.columns
    if count > MAX_SHEETS:
        raise PaperError(
            f"at {scale * 100:g} % the poster needs {count:,} sheets of {options.tile_paper.label} "
            f"(at most {MAX_SHEETS:,}); use a smaller --scale or larger tile paper"
        )
    step_x, step_y = best.step
    sheets = tuple(
        Sheet(r + 1, c + 1, c * step_x, r * step_y)
        for r in range(best.rows)
        for c in range(best.columns)
    )
    return Plan(
        best.mode,
        best.page_width,
        best.page_height,
        margin,
        scale,
        comp,
        best.origin,
        best.rows,
        best.columns,
        overlap,
        sheets,
    )


def tile_count(length: float, area: float, overlap: float) -> int:
    """Sheets needed along one side: each after the first adds `area - overlap`."""
    if length <= area + 1e-6:
        return 1
    return 1 + math.ceil((length - area) / (area - overlap) - 1e-9)


def describe(plan: Plan, options: PosterOptions, pages: int | None = None) -> str:
    """`1 page, A3 landscape, map at 72 %` or `24 sheets of A4 portrait in 4 rows × 6 …`.

    `pages` is the number of pages the PDF was written with: when the coverage findings
    follow the map on pages of their own, the text counts and places them too, so it
    never says "1 page" of a PDF of two."""
    turn = "landscape" if plan.landscape else "portrait"
    own = 1 + len(plan.sheets) if plan.mode is Mode.TILE else 1
    total = own if pages is None else max(pages, own)
    findings = _findings_pages(own, total - own)
    if plan.mode is Mode.TILE:
        sheets = "1 sheet" if plan.sheet_count == 1 else f"{plan.sheet_count} sheets"
        lead = f"{total} pages: " if findings else ""
        return (
            f"{lead}{sheets} of {options.tile_paper.label} {turn} in {plan.rows} "
            f"{'row' if plan.rows == 1 else 'rows'} × {plan.columns} "
            f"{'column' if plan.columns == 1 else 'columns'}, plus an assembly page"
            f"{findings}; {plan.scale * 100:.0f} %"
        )
    count = "1 page" if total == 1 else f"{total} pages"
    if plan.mode is Mode.ACTUAL:
        width, height = plan.page_width / MM, plan.page_height / MM
        size = f"{width:,.0f} × {height:,.0f} mm"
        return f"{count}, the map on {size}, {plan.scale * 100:g} %{findings}"
    return f"{count}, {options.paper.label} {turn}, map at {plan.scale * 100:.0f} %{findings}"


def _findings_pages(own: int, extra: int) -> str:
    """`, the coverage findings on page 2` (or `pages 2–3`), or nothing."""
    if extra <= 0:
        return ""
    where = f"page {own + 1}" if extra == 1 else f"pages {own + 1}–{own + extra}"
    return f", the coverage findings on {where}"


def hint(plan: Plan) -> str | None:
    """Advice when a fitted poster leaves most of its sheet empty (a very long map)."""
    if plan.mode is not Mode.FIT:
        return None
    poster_w, poster_h = plan.poster_size
    area_w, area_h = plan.area
    filled = poster_w * poster_h / (area_w * area_h)
    if filled >= 0.5:
        return None
    aspect = poster_w / poster_h
    page_area = plan.page_width * plan.page_height
    height = math.sqrt(page_area / aspect) / MM
    width = height * aspect
    if aspect < 1:
        width, height = height, width
    size = f"{round(width, -1):.0f}x{round(height, -1):.0f}mm"
    return (
        f"the map fills {filled:.0%} of the sheet; a paper of its shape such as {size} "
        "(same area), or tiling, prints it larger"
    )
