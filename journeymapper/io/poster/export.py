"""`export_poster`: the one function the command line and the editor call.

The PDF is built in memory (reportlab's invariant mode, so the same map and options
give the same bytes), then written with `write_atomic`: a temporary file beside the
target, renamed into place. A cancelled or failed export raises before anything is
written, so it leaves no file at all.
"""

from __future__ import annotations

import io
import logging
import zlib
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import NamedTuple

from reportlab import rl_config
from reportlab.pdfbase.pdfdoc import PDFZCompress
from reportlab.pdfgen.canvas import Canvas

from journeymapper import __version__
from journeymapper.analysis import Finding
from journeymapper.base.perf import gc_paused
from journeymapper.io.atomic import write_atomic
from journeymapper.io.poster import encoding
from journeymapper.io.poster.compose import Composition, Furniture, compose
from journeymapper.io.poster.drawing import draw_composition
from journeymapper.io.poster.findings_page import draw_findings
from journeymapper.io.poster.fonts import font
from journeymapper.io.poster.legend import sections
from journeymapper.io.poster.look import Look
from journeymapper.io.poster.options import Mode, PosterOptions
from journeymapper.io.poster.paper import PosterError
from journeymapper.io.poster.pen import Pen
from journeymapper.io.poster.plan import Plan, plan_poster
from journeymapper.io.poster.sheets import POSTER_FORM, draw_assembly, draw_sheet, place_poster
from journeymapper.io.poster.stamps import Stamps
from journeymapper.io.poster.summary import coverage, title_info
from journeymapper.layout.engine import layout_journey
from journeymapper.layout.geometry import MapLayout
from journeymapper.model.document import Journey
from journeymapper.model.schema import Persona

log = logging.getLogger(__name__)

DEFAULT_OPTIONS = PosterOptions()
DEFLATE_LEVEL = 1

Progress = Callable[[float], object]
"""Called with the fraction done (0…1); returning False (or raising
`ExportCancelledError`) stops the export."""


class ExportCancelledError(Exception):
    """The export was cancelled through its progress callback; nothing was written."""


class Rendered(NamedTuple):
    data: bytes
    plan: Plan
    pages: int


@dataclass(frozen=True, slots=True)
class PosterResult:
    path: Path | None
    pages: int
    plan: Plan


class _Reporter:
    def __init__(self, progress: Progress | None) -> None:
        self.progress = progress

    def __call__(self, fraction: float) -> None:
        if self.progress is not None and self.progress(min(1.0, fraction)) is False:
            raise ExportCancelledError("the export was cancelled")


def find_persona(journey: Journey, wanted: str | None) -> Persona | None:
    """The persona named `wanted` (its id, or its name in any case); PosterError if none."""
    if wanted is None:
        return None
    for persona in journey.personas:
        if persona.id == wanted or persona.name.casefold() == wanted.strip().casefold():
            return persona
    known = ", ".join(p.name for p in journey.personas) or "the map has none"
    raise PosterError(f"unknown persona {wanted!r} (personas: {known})")


def prepare(
    journey: Journey, options: PosterOptions, layout: MapLayout | None = None
) -> tuple[MapLayout, Furniture, Plan]:
    """The layout, what goes around it, and the page plan: everything but the drawing.

    Cheap enough for a live preview; pass the `layout` again to skip recomputing it.
    """
    options = options.checked()
    persona = find_persona(journey, options.persona)
    if layout is None:
        layout = layout_journey(journey)
    summary, level, findings = coverage(journey)
    furniture = Furniture(
        title_info(journey, options.day, persona).with_coverage(summary, level),
        sections(journey, persona.id if persona else None) if options.legend else None,
        findings,
    )
    plan = plan_poster(options, lambda f: compose(layout, furniture, f))
    return layout, furniture, plan


def render_poster(
    journey: Journey, options: PosterOptions = DEFAULT_OPTIONS, progress: Progress | None = None
) -> Rendered:
    """The poster PDF as bytes, the plan it followed, and its number of pages."""
    with gc_paused():  # hundreds of thousands of small strings and tuples, no cycles
        return _render(journey, options, progress)


def _render(journey: Journey, options: PosterOptions, progress: Progress | None) -> Rendered:
    report = _Reporter(progress)
    report(0.0)
    encoding.install()
    layout, furniture, plan = prepare(journey, options)
    report(0.05)
    look = Look(journey, find_persona(journey, options.persona))
    buffer = io.BytesIO()
    canvas = Canvas(
        buffer,
        pagesize=(plan.page_width, plan.page_height),
        invariant=1,
        pageCompression=1,
        initialFontName=font().fontName,
    )
    canvas.setTitle(journey.title)
    canvas.setSubject("Customer journey map poster")
    canvas.setCreator(f"JourneyMapper {__version__}")
    stamps = Stamps(canvas)
    cards = max(1, len(layout.cards))
    _draw_poster_form(
        canvas,
        stamps,
        plan.composition,
        layout,
        furniture,
        look,
        lambda n: report(0.05 + 0.65 * n / cards),
    )
    pages = _draw_pages(canvas, plan, journey.title, options, report)
    if options.findings:
        pages += _draw_findings_pages(canvas, stamps, journey, furniture.findings, plan, options)
    stamps.define_pending()
    report(0.75)
    with _binary_streams():
        canvas.save()
    report(0.95)
    return Rendered(buffer.getvalue(), plan, pages)


@contextmanager
def _binary_streams() -> Iterator[None]:
    """Save streams deflated but not also ASCII85-encoded: a quarter smaller, and
    reportlab's pure-Python ASCII85 encoder took half the time of a big poster.

    Deflated at zlib's fastest level (1) rather than its default (6): on the 8.5 MB
    content stream of a 10,000-card poster that is 41 ms instead of 156 ms, for a file a
    quarter larger (1.2 MB instead of 1.0 MB) — a poster is written once and printed."""
    saved = rl_config.useA85
    rl_config.useA85 = 0
    vars(PDFZCompress)["encode"] = _deflate  # reportlab's one Flate filter has no level
    try:
        yield
    finally:
        rl_config.useA85 = saved
        vars(PDFZCompress).pop("encode", None)


def _deflate(text: str | bytes) -> bytes:
    return zlib.compress(text.encode("utf8") if isinstance(text, str) else text, DEFLATE_LEVEL)


def export_poster(
    journey: Journey,
    path: str | Path,
    options: PosterOptions = DEFAULT_OPTIONS,
    progress: Progress | None = None,
) -> PosterResult:
    """Write the poster of `journey` to `path` atomically; see `PosterOptions`."""
    rendered = render_poster(journey, options, progress)
    _Reporter(progress)(0.97)
    write_atomic(path, rendered.data)
    if progress is not None:
        progress(1.0)
    return PosterResult(Path(path), rendered.pages, rendered.plan)


def _draw_poster_form(
    canvas: Canvas,
    stamps: Stamps,
    comp: Composition,
    layout: MapLayout,
    furniture: Furniture,
    look: Look,
    tick: Callable[[int], None],
) -> None:
    canvas.beginForm(POSTER_FORM, 0, 0, comp.width, comp.height)
    draw_composition(Pen(canvas), stamps, comp, layout, furniture, look, tick)
    canvas.endForm()
    stamps.define_pending()


def _page(canvas: Canvas, width: float, height: float) -> Pen:
    canvas.setPageSize((width, height))
    pen = Pen(canvas)
    pen.flip(height)
    return pen


def _draw_pages(
    canvas: Canvas, plan: Plan, title: str, options: PosterOptions, report: _Reporter
) -> int:
    if plan.mode is not Mode.TILE:
        pen = _page(canvas, plan.page_width, plan.page_height)
        place_poster(pen, plan.origin[0], plan.origin[1], plan.scale)
        canvas.showPage()
        return 1
    w, h = _assembly_size(plan, options)
    draw_assembly(_page(canvas, w, h), plan, w, h, title, options.tile_paper.label)
    canvas.showPage()
    for n, sheet in enumerate(plan.sheets, 1):
        draw_sheet(_page(canvas, plan.page_width, plan.page_height), plan, sheet, title)
        canvas.showPage()
        if n % 20 == 0:
            report(0.7 + 0.05 * n / len(plan.sheets))
    return 1 + len(plan.sheets)


def _assembly_size(plan: Plan, options: PosterOptions) -> tuple[float, float]:
    """The tile paper turned the way the whole poster fits it best."""
    poster_w, poster_h = plan.poster_size
    return options.tile_paper.oriented(poster_w >= poster_h)


def _draw_findings_pages(
    canvas: Canvas,
    stamps: Stamps,
    journey: Journey,
    findings: Sequence[Finding],
    plan: Plan,
    options: PosterOptions,
) -> int:
    paper = options.tile_paper if plan.mode is Mode.TILE else options.paper
    size = paper.oriented(False)
    count = [1]

    def new_page() -> Pen:
        canvas.showPage()
        count[0] += 1
        return _page(canvas, *size)

    draw_findings(_page(canvas, *size), new_page, stamps, journey, findings, size, plan.margin)
    canvas.showPage()
    return count[0]
