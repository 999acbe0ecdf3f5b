"""The overview far out: one tile per cell with its count, category mix and mood, one
stroke per pair of cells that connections join, and the cards one by one again once
they are wide enough to tell apart."""

from __future__ import annotations

from collections import Counter

import pytest
from PySide6.QtCore import QRect, QRectF
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QApplication

from benchmarks.generate import generate_map
from journeymapper.app.canvas.overview import MOST_CARDS_DRAWN, tiles_at
from journeymapper.app.canvas.style import OVERVIEW_LOD, TILE_CARD_PX
from journeymapper.app.look.colors import DARK, LIGHT, Theme, using
from journeymapper.layout.geometry import CARD_W
from journeymapper.model.document import Journey
from journeymapper.model.edits import MoveTouchpoints, Placement
from journeymapper.model.schema import JourneyData, Slot

SIZE = 3_000


@pytest.fixture(scope="module")
def big_map() -> JourneyData:
    return generate_map(SIZE, seed=2)


@pytest.fixture
def far(make_window, big_map):  # type: ignore[no-untyped-def]
    """A window on the big map, fitted: a card is a few pixels wide. A little wider than
    the other tests' windows: since the gutters between card columns make room for
    arrows, this map is wider, and fitted in 1280 pixels its cells were a pixel short of
    the label's height."""
    window = make_window(Journey(big_map))
    window.resize(1360, 800)
    QApplication.processEvents()
    window.view.fit_all()
    return window


def _cell_counts(journey: Journey) -> Counter[tuple[str, str]]:
    return Counter((tp.stage, tp.lane) for tp in journey.touchpoints())


def _screen(window, area: QRectF) -> QRect:  # type: ignore[no-untyped-def]
    return window.view.mapFromScene(area).boundingRect()


def _image(window, t: Theme = LIGHT) -> QImage:  # type: ignore[no-untyped-def]
    with using(t):
        image = window.view.viewport().grab().toImage()
    assert image.devicePixelRatio() == 1.0
    return image


def _ink_rows(image: QImage, box: QRect, is_ink) -> list[int]:  # type: ignore[no-untyped-def]
    """The rows of `box` holding pixels that `is_ink` accepts."""
    box = box.intersected(image.rect())
    return [
        y
        for y in range(box.top(), box.bottom() + 1)
        if any(is_ink(image.pixelColor(x, y)) for x in range(box.left(), box.right() + 1))
    ]


def test_far_out_each_cell_is_one_tile_with_the_journeys_totals(far) -> None:
    view, journey = far.view, far.document.journey
    assert view.in_overview
    assert tiles_at(view.zoom)
    assert view.zoom * CARD_W < TILE_CARD_PX
    totals = view.overview.item.aggregates()
    assert {cell: t.count for cell, t in totals.cells.items()} == _cell_counts(journey)
    for (stage, lane), tally in totals.cells.items():
        tps = [tp for tp in journey.touchpoints() if (tp.stage, tp.lane) == (stage, lane)]
        assert sum(n for _, n in tally.categories) == tally.count
        assert dict(tally.categories) == Counter(tp.category for tp in tps)
        felt = [tp.emotion for tp in tps if tp.emotion is not None]
        assert tally.emotion == pytest.approx(sum(felt) / len(felt))
        for card_id in (tp.id for tp in tps):
            card = far.scene.layout.cards[card_id].rect
            assert tally.area.contains(QRectF(card.x, card.y, card.w, card.h))


def test_connections_are_one_stroke_per_pair_of_distinct_cells(far) -> None:
    journey = far.document.journey
    cell = {tp.id: (tp.stage, tp.lane) for tp in journey.touchpoints()}
    pairs = Counter((cell[c.source], cell[c.target]) for c in journey.connections())
    between = {pair: n for pair, n in pairs.items() if pair[0] != pair[1]}
    assert len(between) < len(pairs)  # the generated map links cards inside cells too
    totals = far.view.overview.item.aggregates()
    assert totals.links == between
    arcs = sum(path.elementCount() for _, path in totals.strokes)
    assert arcs == 4 * len(between)  # a move and a cubic (three elements) each


def test_moving_a_card_to_another_cell_updates_the_tiles(far) -> None:
    view, journey = far.view, far.document.journey
    before = view.overview.item.aggregates()
    card_id = next(tp.id for tp in journey.touchpoints() if tp.lane == "digital")
    tp = journey.touchpoint(card_id)
    far.document.push(MoveTouchpoints({card_id: Placement(tp.stage, "human", Slot(column=0))}))
    far.scene.ensure_layout()
    after = view.overview.item.aggregates()
    assert after is not before
    assert after.cell_of[card_id] == (tp.stage, "human")
    assert after.cells[tp.stage, "digital"].count == before.cells[tp.stage, "digital"].count - 1
    assert after.cells[tp.stage, "human"].count == before.cells[tp.stage, "human"].count + 1
    assert {c: t.count for c, t in after.cells.items()} == _cell_counts(journey)


def test_the_tiles_show_their_counts_at_a_readable_size(far) -> None:
    totals = far.view.overview.item.aggregates()
    tally = max(totals.cells.values(), key=lambda t: t.count)
    box = _screen(far, tally.area)
    assert box.height() < 40  # far out: the text would be under a pixel in scene units
    text = box.adjusted(box.width() // 2, 0, 0, 0)  # the number; its face is left of it
    ink = QColor(LIGHT.ink)
    rows = _ink_rows(_image(far), text, lambda c: c.lightness() < ink.lightness() + 40)
    assert len(rows) >= 7  # digits of the label's size, not a smudge
    light = _ink_rows(_image(far, DARK), text, lambda c: c.lightness() > 190)
    assert len(light) >= 7  # the dark theme's ink, as tall


def test_a_tile_too_small_for_its_label_shows_none(far) -> None:
    far.view.set_zoom(0.002)
    totals = far.view.overview.item.aggregates()
    image = _image(far)
    for tally in totals.cells.values():
        box = _screen(far, tally.area)
        assert box.height() < 12
        assert not _ink_rows(image, box, lambda c: c.lightness() < 90)


def test_a_selected_cards_cell_is_outlined(far) -> None:
    totals = far.view.overview.item.aggregates()
    (cell, tally), (_, other) = list(totals.cells.items())[:2]
    chosen = [i for i, c in totals.cell_of.items() if c == cell][:3]
    far.scene.select_ids(chosen)
    image = _image(far)
    blue = QColor(LIGHT.selection)

    def is_selection(c: QColor) -> bool:
        return abs(c.hue() - blue.hue()) < 8 and c.saturation() > 150 and c.value() > 150

    box = _screen(far, tally.area)
    assert len(_ink_rows(image, box, is_selection)) >= box.height() - 4
    assert not _ink_rows(image, _screen(far, other.area).adjusted(3, 3, -3, -3), is_selection)


def test_closer_in_the_cards_are_drawn_again_and_the_tiles_are_kept(far) -> None:
    view, layout = far.view, far.scene.layout
    item = view.overview.item
    totals = item.aggregates()
    zoom = (TILE_CARD_PX + 4) / CARD_W
    assert zoom < OVERVIEW_LOD
    view.set_zoom(zoom)

    def clear_of_pins(card_id: str) -> bool:  # not under a stage or lane name pinned there
        rect = layout.cards[card_id].rect
        view.centerOn(rect.x + rect.w / 2, rect.y + rect.h / 2)
        middle = view.mapFromScene(rect.x + rect.w / 2, rect.y + rect.h / 2).toPointF()
        return not any(pin.rect.contains(middle) for pin in view.pinned_names())

    card_id = next(c for c in layout.cards if clear_of_pins(c))
    rect = layout.cards[card_id].rect
    assert view.in_overview
    assert not tiles_at(view.zoom)
    image = _image(far)
    middle = view.mapFromScene(rect.x + rect.w / 2, rect.y + rect.h / 2)
    category = far.document.journey.touchpoint(card_id).category
    assert image.pixelColor(middle) == QColor(LIGHT.overview_card(category))
    below = view.mapFromScene(rect.x + rect.w / 2, rect.bottom + 6)  # the gap under it
    assert image.pixelColor(below) != QColor(LIGHT.overview_card(category))
    view.fit_all()
    _image(far)
    assert item.aggregates() is totals  # back and forth without building them again


def test_a_huge_map_is_tiles_at_every_overview_zoom() -> None:
    """Drawing 100,000 cards and 200,000 arrows one by one took half a second a frame:
    past `MOST_CARDS_DRAWN` cards the overview is tiles even where cards would be
    wide enough to draw."""
    wide = (TILE_CARD_PX + 4) / CARD_W
    assert not tiles_at(wide, MOST_CARDS_DRAWN)
    assert tiles_at(wide, MOST_CARDS_DRAWN + 1)
    assert tiles_at(wide / 4, 10)
