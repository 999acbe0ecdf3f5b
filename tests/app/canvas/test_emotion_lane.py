"""The emotion lane as the canvas paints it (issue 16, item 13): the curve between two
cards at −1 stays at −1, and each persona's line carries its name at its end, in its
colour — read back from the pixels of the real view."""

from __future__ import annotations

from PySide6.QtGui import QColor

from journeymapper.app.look.colors import theme
from journeymapper.layout.emotion import SERIES_FONT, series_labels
from journeymapper.layout.geometry import emotion_y
from journeymapper.look.palette import rgb
from journeymapper.model.builders import new_touchpoint
from journeymapper.model.edits import AddTouchpoint, UpdateTouchpoint
from journeymapper.model.schema import Slot
from tests.sample import clothing_store

ZOOM = 3.0


def _near(color: QColor, hex_color: str, tolerance: int = 70) -> bool:
    want = tuple(round(c * 255) for c in rgb(hex_color))
    have = (color.red(), color.green(), color.blue())
    return sum(abs(a - b) for a, b in zip(have, want, strict=True)) < tolerance


def _grab(window, x: float, y: float):  # type: ignore[no-untyped-def]
    view = window.view
    view.set_zoom(ZOOM)
    view.centerOn(x, y)
    image = view.viewport().grab().toImage()
    ratio = image.devicePixelRatio()

    def at(sx: float, sy: float) -> QColor:
        point = view.mapFromScene(sx, sy)
        return image.pixelColor(round(point.x() * ratio), round(point.y() * ratio))

    return at


def test_the_curve_between_two_cards_at_minus_one_stays_at_minus_one(make_window) -> None:
    journey = clothing_store()
    for tp in list(journey.touchpoints()):
        journey.apply(UpdateTouchpoint(tp.id, {"emotion": None, "personas": ()}))
    for column, value in enumerate([1, -1, -1, 1]):
        card = new_touchpoint(journey, f"Step {column}", "purchase", "touchpoints",
                              Slot(column=column + 2), emotion=value)  # fmt: skip
        journey.apply(AddTouchpoint(card))
    window = make_window(journey)
    plot = window.scene.layout.emotion["feeling"]
    line = plot.series[0]
    (x1, y1), (x2, _) = line.points[1], line.points[2]
    scale = journey.info.emotion_scale
    assert y1 == emotion_y(plot.plot, -1, scale)
    at = _grab(window, (x1 + x2) / 2, y1)
    ink = theme().emotion_line
    lowest = None
    for i in range(int((x2 - x1 - 12) * ZOOM)):  # between the two dots
        x = x1 + 6 + i / ZOOM
        for j in range(int(12 * ZOOM)):
            y = y1 - 4 + j / ZOOM
            if _near(at(x, y), ink):
                lowest = y if lowest is None else max(lowest, y)
    assert lowest is not None, "the curve is drawn between the two cards"
    assert lowest <= y1 + 1.3 + 0.7  # the line's half width, and a pixel: no dip below −1


def test_each_persona_line_is_named_at_its_end_in_its_colour(window) -> None:
    journey = window.document.journey
    plot = window.scene.layout.emotion["feeling"]
    labels = series_labels(plot, {p.id: p.name for p in journey.personas})
    assert {label.persona for label in labels} == {p.id for p in journey.personas}
    colors = {p.id: p.color for p in journey.personas}
    for label in labels:
        at = _grab(window, label.x + label.width / 2, label.baseline)
        top = label.baseline - SERIES_FONT * 0.6
        inked = sum(
            _near(at(label.x + i / ZOOM, top + j / ZOOM), colors[label.persona])
            for i in range(int(label.width * ZOOM))
            for j in range(int(SERIES_FONT * 0.7 * ZOOM))
        )
        assert inked > 20, f"no {label.text!r} in {colors[label.persona]} at the line's end"
