"""The marks on a card (issue 16, items 6, 14 and 16): votes never make a card taller,
a card captured in a Physical lane is physical and shows no "No channel", and the
canvas and the poster show the same marks — read back from the pixels of both."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage

from journeymapper.base.resources import examples_dir
from journeymapper.io.journey_file import load_journey
from journeymapper.io.poster.export import export_poster, prepare
from journeymapper.io.poster.options import Mode, PosterOptions
from journeymapper.layout.geometry import has_markers
from journeymapper.layout.marks import head, marker_row
from journeymapper.look.palette import OWNERSHIP_BADGES, VOTE, rgb
from journeymapper.model.schema import Category, Ownership
from tests.app.helpers import at, card_center, click, key, type_text

SMARTPHONE = examples_dir() / "smartphone-electronics-retailer.journey"
DPI = 144  # the poster rendered at 2 pixels per point, like the canvas at 200 %


def _near(color: QColor | tuple[int, int, int], hex_color: str, tolerance: int = 60) -> bool:
    have = (color.red(), color.green(), color.blue()) if isinstance(color, QColor) else color
    want = tuple(round(c * 255) for c in rgb(hex_color))
    return sum(abs(a - b) for a, b in zip(have, want, strict=True)) < tolerance


class Canvas:
    """The view at 200 %, grabbed; colours by scene point."""

    def __init__(self, window, card_id: str) -> None:  # type: ignore[no-untyped-def]
        self.view = window.view
        rect = window.scene.layout.cards[card_id].rect
        self.view.set_zoom(2.0)
        self.view.centerOn(rect.x + rect.w / 2, rect.y + rect.h / 2)
        self.image = self.view.viewport().grab().toImage()

    def at(self, x: float, y: float) -> QColor:
        point = self.view.mapFromScene(x, y)
        ratio = self.image.devicePixelRatio()
        return self.image.pixelColor(round(point.x() * ratio), round(point.y() * ratio))


class Poster:
    """A poster at 100 % (one page of its own size), rendered by pdftoppm at `DPI`."""

    def __init__(self, journey, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
        if shutil.which("pdftoppm") is None:
            pytest.fail("pdftoppm is missing (make test installs poppler-utils)")
        options = PosterOptions(mode=Mode.ACTUAL, scale=1.0, legend=False)
        pdf = tmp_path / "poster.pdf"
        export_poster(journey, pdf, options)
        _, _, plan = prepare(journey, options)
        self.origin, self.map_y = plan.origin, plan.composition.map_y
        png = tmp_path / "poster"
        subprocess.run(["pdftoppm", "-r", str(DPI), "-png", "-singlefile", pdf, png], check=True)
        self.image = QImage(str(png.with_suffix(".png")))

    def at(self, x: float, y: float) -> QColor:
        k = DPI / 72
        return self.image.pixelColor(
            round((self.origin[0] + x) * k), round((self.origin[1] + self.map_y + y) * k)
        )


def _ink_in(picture: Canvas | Poster, x0: float, x1: float, y0: float, y1: float) -> int:
    """How many sampled points of a box differ from a white card (text, a glyph)."""
    found = 0
    for i in range(int((x1 - x0) * 2)):
        for j in range(int((y1 - y0) * 2)):
            color = picture.at(x0 + i / 2, y0 + j / 2)
            found += color.lightness() < 200
    return found


def test_votes_never_make_a_card_taller(window, qtbot) -> None:
    journey = window.document.journey
    assert not has_markers(journey.touchpoint("confirm"))  # no marker of any kind yet
    layout = window.scene.layout
    height, row = layout.cards["confirm"].rect.h, layout.lanes["touchpoints"].h
    neighbours = {c: layout.cards[c].rect for c in ("cart", "ship")}
    click(window.view, card_center(window.view, "confirm"))
    dock = window.features.properties_dock
    qtbot.waitUntil(lambda: getattr(dock.current, "tp_id", None) == "confirm", timeout=2000)
    votes = dock.current.votes
    votes.setFocus()
    for count in range(1, 8):  # dots first, then the count badge
        key(votes, Qt.Key.Key_Up)
        key(votes, Qt.Key.Key_Return)
        assert journey.touchpoint("confirm").votes == count
        window.scene.ensure_layout()
        assert window.scene.layout.cards["confirm"].rect.h == height
    layout = window.scene.layout
    assert layout.lanes["touchpoints"].h == row
    assert {c: layout.cards[c].rect for c in neighbours} == neighbours
    rect, row = layout.cards["confirm"].rect, layout.cards["confirm"].parts.markers
    assert row is not None
    (badge,) = marker_row(journey.touchpoint("confirm"), row)
    assert badge.kind == "votes"
    assert badge.text == "7"
    canvas = Canvas(window, "confirm")
    assert _near(canvas.at(rect.x + badge.x + 2.5, rect.y + badge.y), VOTE)


def test_a_card_captured_in_the_physical_lane_is_physical_and_says_no_channel(
    make_window, qtbot
) -> None:
    window = make_window(load_journey(SMARTPHONE))
    journey = window.document.journey
    made = []
    for lane, category in (("physical", Category.PHYSICAL), ("digital", Category.DIGITAL)):
        cell = window.scene.layout.cell("discover", lane)
        click(window.view, at(window.view, cell.x + 6, cell.bottom - 6))
        window.view.setFocus()
        before = {tp.id for tp in journey.touchpoints()}
        type_text(window.view, "S")  # the first key starts the capture
        editor = window.view.text_editing.field
        qtbot.waitUntil(editor.isVisible)
        type_text(editor, "helf label")
        key(editor, Qt.Key.Key_Return)
        key(editor, Qt.Key.Key_Escape)
        (new,) = (tp for tp in journey.touchpoints() if tp.id not in before)
        made.append(((new.name, new.lane, new.category, new.channel),
                     ("Shelf label", lane, category, "")))  # fmt: skip
    window.scene.clearSelection()
    window.scene.ensure_layout()
    rect = window.scene.layout.cards[new.id].rect
    parts = window.scene.layout.cards[new.id].parts
    top = head(new, parts, "")
    box = (rect.x + parts.channel_x, rect.x + top.label_right, rect.y + parts.icon.y,
           rect.y + parts.icon.bottom)  # fmt: skip
    assert _ink_in(Canvas(window, new.id), *box) == 0  # no "No channel" on the card
    window.scene.select_ids([new.id])
    qtbot.wait(10)
    assert _ink_in(Canvas(window, new.id), *box) > 10  # a hint only while selected
    for got, wanted in made:
        assert got == wanted


def test_the_canvas_and_the_poster_show_the_same_marks(make_window, tmp_path) -> None:
    journey = load_journey(SMARTPHONE)
    window = make_window(journey)
    layout = window.scene.layout
    poster = Poster(journey, tmp_path)
    seen: dict[str, int] = {}
    for tp in journey.touchpoints():
        rect = layout.cards[tp.id].rect
        parts = layout.cards[tp.id].parts
        assert parts.markers is not None
        canvas = Canvas(window, tp.id)
        badge = head(tp, parts, "").badge_rect
        for picture in (canvas, poster):
            if badge is not None:
                x, y = rect.x + badge.x + 1.8, rect.y + badge.y + badge.h / 2
                assert _near(picture.at(x, y), OWNERSHIP_BADGES[tp.ownership]), tp.id
            else:  # owned: no badge, the channel's label runs on
                x, y = rect.x + parts.face.x - 5 - 10 + 1.8, rect.y + parts.icon.y + 1
                assert not _near(picture.at(x, y), OWNERSHIP_BADGES[Ownership.PAID])
            row = parts.markers.moved_to(rect.x + parts.markers.x, rect.y + parts.markers.y)
            for mark in marker_row(tp, row):
                if mark.kind in ("vote", "votes"):
                    x = mark.x if mark.kind == "vote" else mark.x + 2.5
                    assert _near(picture.at(x, mark.y), VOTE), (tp.id, mark)
                    seen[mark.kind] = seen.get(mark.kind, 0) + 1
        seen["badge"] = seen.get("badge", 0) + (badge is not None)
    assert seen["badge"] >= 3
    assert seen["vote"] >= 2
    assert seen["votes"] >= 2


def test_the_emotion_field_and_the_face_agree(window, qtbot) -> None:
    """The canvas card repaints as soon as the spin box changes (no Enter)."""
    click(window.view, card_center(window.view, "confirm"))
    dock = window.features.properties_dock
    qtbot.waitUntil(lambda: getattr(dock.current, "tp_id", None) == "confirm", timeout=2000)
    spin = dock.current.emotion
    spin.setFocus()
    spin.lineEdit().selectAll()
    type_text(spin, "-2")
    assert window.document.journey.touchpoint("confirm").emotion == -2
    window.scene.ensure_layout()
    item = window.scene.card_item("confirm")
    assert item is not None
    assert item.tp.emotion == -2
