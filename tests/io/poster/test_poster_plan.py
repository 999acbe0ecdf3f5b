"""Page planning: fitting, sheet counts for tiling, the page-size limit."""

from __future__ import annotations

import math
import re

import pytest

from journeymapper.io.poster.compose import Composition
from journeymapper.io.poster.export import prepare
from journeymapper.io.poster.options import Mode, PosterOptions
from journeymapper.io.poster.paper import (
    MAX_PAGE_SIDE,
    MM,
    PAPERS,
    Orientation,
    PaperError,
    parse_paper,
)
from journeymapper.io.poster.plan import (
    A4_SHORT,
    MAX_SHEETS,
    MIN_LEGIBLE,
    describe,
    hint,
    plan_poster,
    tile_count,
)
from journeymapper.model.document import Journey
from tests.io.poster.maps import options


def fixed(width: float, height: float):
    """A composer whose composition does not depend on the furniture factor."""
    return lambda f: Composition(width, height, f, 0.0, None)


def furnished(width: float, height: float, furniture: float):
    """A composer with a map of width × height and furniture `furniture` tall at f = 1."""
    return lambda f: Composition(width, height + furniture * f, f, furniture * f, None)


A4_AREA = (595.28 - 20 * MM, 841.89 - 20 * MM)  # inside 10 mm margins


@pytest.mark.parametrize(
    ("length", "area", "overlap", "count"),
    [
        (100, 500, 20, 1),
        (500, 500, 20, 1),
        (501, 500, 20, 2),
        (980, 500, 20, 2),
        (981, 500, 20, 3),
        (10_000, 500, 0, 20),
        (10_000, 500, 100, 25),
    ],
)
def test_tile_count(length: float, area: float, overlap: float, count: int) -> None:
    assert tile_count(length, area, overlap) == count


@pytest.mark.parametrize(
    ("scale", "overlap_mm", "rows", "columns"),
    [
        (1.0, 10, 2, 3),
        (1.0, 0, 2, 3),
        (0.5, 10, 1, 2),
        (2.0, 10, 3, 6),
        (2.0, 30, 3, 6),
        (3.0, 10, 4, 9),
        (0.25, 10, 1, 1),
    ],
)
def test_sheet_count_at_several_scales_and_overlaps(
    scale: float, overlap_mm: float, rows: int, columns: int
) -> None:
    width, height = 1400.0, 1000.0
    plan = plan_poster(
        options(
            mode=Mode.TILE, scale=scale, overlap_mm=overlap_mm, orientation=Orientation.PORTRAIT
        ),
        fixed(width, height),
    )
    area_w, area_h = A4_AREA
    overlap = overlap_mm * MM
    expected_columns = 1 + max(0, math.ceil((width * scale - area_w) / (area_w - overlap)))
    expected_rows = 1 + max(0, math.ceil((height * scale - area_h) / (area_h - overlap)))
    assert (plan.rows, plan.columns) == (expected_rows, expected_columns) == (rows, columns)
    assert plan.sheet_count == rows * columns == len(plan.sheets)
    assert plan.sheets[0].label == "row 1 / column 1"
    assert plan.sheets[-1].label == f"row {rows} / column {columns}"


def test_tiles_cover_the_whole_poster_with_the_overlap() -> None:
    plan = plan_poster(options(mode=Mode.TILE, overlap_mm=15), fixed(3000, 2000))
    area_w, area_h = plan.area
    step_x, _step_y = plan.step
    assert step_x == pytest.approx(area_w - 15 * MM)
    last = plan.sheets[-1]
    assert last.x + area_w >= 3000
    assert last.y + area_h >= 2000
    assert (last.x - step_x) + area_w < 3000  # one column fewer would not do


def test_auto_orientation_takes_fewer_sheets() -> None:
    wide = plan_poster(options(mode=Mode.TILE), fixed(3000, 520))
    portrait = plan_poster(
        options(mode=Mode.TILE, orientation=Orientation.PORTRAIT), fixed(3000, 520)
    )
    assert wide.landscape
    assert wide.sheet_count < portrait.sheet_count


def test_too_many_sheets_is_a_clear_message() -> None:
    with pytest.raises(PaperError, match="sheets") as caught:
        plan_poster(options(mode=Mode.TILE, scale=10), fixed(20_000, 20_000))
    assert f"{MAX_SHEETS:,}" in str(caught.value)


def test_an_overlap_larger_than_the_sheet_is_refused() -> None:
    with pytest.raises(PaperError, match="overlap"):
        plan_poster(
            options(mode=Mode.TILE, overlap_mm=45, tile_paper=parse_paper("100x100mm")),
            fixed(1000, 1000),
        )


@pytest.mark.parametrize("paper", ["a0", "a3", "a4", "letter", "arch-e"])
def test_fit_fills_the_sheet_within_its_margins(paper: str) -> None:
    plan = plan_poster(options(paper=PAPERS[paper]), fixed(5000, 2000))
    w, h = plan.poster_size
    x, y = plan.origin
    assert plan.landscape
    assert x >= plan.margin - 1e-6
    assert y >= plan.margin - 1e-6
    assert x + w <= plan.page_width - plan.margin + 1e-6
    assert y + h <= plan.page_height - plan.margin + 1e-6
    assert max(
        w / (plan.page_width - 2 * plan.margin), h / (plan.page_height - 2 * plan.margin)
    ) == pytest.approx(1)


@pytest.mark.parametrize(("width", "height", "landscape"), [(3000, 1000, True), (800, 2400, False)])
def test_auto_orientation_follows_the_map(width: float, height: float, landscape: bool) -> None:
    assert plan_poster(options(), fixed(width, height)).landscape is landscape


def test_orientation_can_be_forced() -> None:
    plan = plan_poster(options(orientation=Orientation.PORTRAIT), fixed(3000, 1000))
    assert not plan.landscape
    assert (plan.page_width, plan.page_height) == PAPERS["a3"].oriented(False)


def test_fit_keeps_the_title_block_legible_on_paper_however_small_the_map() -> None:
    plan = plan_poster(options(paper=PAPERS["a0"]), furnished(60_000, 4_000, 200))
    legible = MIN_LEGIBLE * PAPERS["a0"].width / A4_SHORT
    assert plan.composition.f * plan.scale == pytest.approx(legible, rel=0.01)


def test_actual_size_page_takes_the_maps_size() -> None:
    plan = plan_poster(options(mode=Mode.ACTUAL, scale=0.5), fixed(2000, 1000))
    assert plan.page_width == pytest.approx(1000 + 2 * plan.margin)
    assert plan.page_height == pytest.approx(500 + 2 * plan.margin)


def test_a_map_too_large_for_one_pdf_page_gets_a_message_suggesting_tiling() -> None:
    with pytest.raises(PaperError) as caught:
        plan_poster(options(mode=Mode.ACTUAL, scale=1.0), fixed(20_000, 3_000))
    message = str(caught.value)
    assert "14,400 pt" in message
    assert "--tile" in message
    assert "--scale 0.71" in message
    assert "\n" not in message


def test_the_real_example_plans_in_every_mode(example: Journey) -> None:
    for opts in (
        options(),
        options(mode=Mode.TILE, scale=1.0),
        options(mode=Mode.ACTUAL, scale=1.0),
    ):
        _, _, plan = prepare(example, opts)
        assert max(plan.page_width, plan.page_height) <= MAX_PAGE_SIDE
        assert plan.sheet_count >= 1


def test_options_out_of_range_are_refused() -> None:
    with pytest.raises(PaperError, match="scale"):
        plan_poster(PosterOptions(scale=0), fixed(100, 100))
    with pytest.raises(PaperError, match="overlap"):
        plan_poster(PosterOptions(overlap_mm=-1), fixed(100, 100))


def test_a_long_map_gets_a_hint_with_a_paper_of_its_shape() -> None:
    plan = plan_poster(options(), fixed(10_000, 1_000))
    advice = hint(plan)
    assert advice is not None
    assert "of the sheet" in advice
    width, height = (float(v) for v in re.search(r"(\d+)x(\d+)mm", advice).groups())  # type: ignore[union-attr]
    assert width / height == pytest.approx(10, rel=0.1)
    assert hint(plan_poster(options(), fixed(1400, 1000))) is None
    assert hint(plan_poster(options(mode=Mode.TILE), fixed(10_000, 1_000))) is None


def test_describe_names_pages_and_sheets() -> None:
    opts = options(mode=Mode.TILE)
    plan = plan_poster(opts, fixed(1400, 1000))
    assert describe(plan, opts).startswith(f"{plan.sheet_count} sheets of A4 ")
    fit = options()
    assert describe(plan_poster(fit, fixed(1400, 1000)), fit).startswith("1 page, A3 landscape")
