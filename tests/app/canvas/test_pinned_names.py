"""Stage and lane names pinned to the view's edges, whole, at every zoom (issue 16, item 2).

Zoomed in to edit, the headers scroll away: the names stay at the top and left edges.
A wide first stage in presentation shows part of the lane headers: their names are
never cut to "oints" or "unities" — the pinned ones cover the part in view.
"""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRectF, Qt
from PySide6.QtGui import QColor

from journeymapper.app.present import focus as focus_module
from journeymapper.layout.geometry import LANE_HEADER_W
from journeymapper.model.builders import new_touchpoint
from journeymapper.model.edits import AddTouchpoint
from tests.app.canvas.test_view import wheel
from tests.app.present.helpers import present, store_with_stages


def _visible_rows(view, layout) -> list[str]:  # type: ignore[no-untyped-def]
    shown = view.mapToScene(view.viewport().rect()).boundingRect()
    return [
        i
        for i, r in layout.lanes.items()
        if r.y + 40 < shown.bottom() and r.bottom > shown.top() + 40
    ]


def _visible_columns(view, layout) -> list[str]:  # type: ignore[no-untyped-def]
    shown = view.mapToScene(view.viewport().rect()).boundingRect()
    return [
        i
        for i, r in layout.stages.items()
        if r.x + 100 < shown.right() and r.right > shown.left() + 100
    ]


def assert_names_whole(view, journey) -> None:  # type: ignore[no-untyped-def]
    """Every lane and stage in view (at least 40 or 100 scene units of it) has its name
    whole: its own header is wholly in view, or a pinned name says it, on an opaque pill,
    inside the view."""
    layout = view.journey_scene.layout
    port = QRectF(view.viewport().rect())
    pins = {(p.kind, p.ident): p for p in view.pinned_names()}
    image = view.viewport().grab().toImage()
    header_left = view.mapFromScene(0, 0).x()
    header_top = view.mapFromScene(0, 0).y()
    names = {lane.id: lane.name for lane in journey.lanes}
    names.update({s.id: s.name for s in journey.stages})
    checks = [("lane", i) for i in _visible_rows(view, layout) if header_left < 0]
    checks += [("stage", i) for i in _visible_columns(view, layout) if header_top < 0]
    assert checks, "the headers are in view: nothing to pin"
    for kind, ident in checks:
        pin = pins.get((kind, ident))
        assert pin is not None, f"no pinned name for {kind} {names[ident]!r}"
        assert pin.text == names[ident]  # whole, never elided or cut
        assert port.contains(pin.rect)
        dot = pin.rect.toRect().adjusted(2, 0, -2, 0)
        painted = QColor(image.pixel(QPoint(dot.right() - 1, dot.center().y())))
        assert painted == pin.fill, (names[ident], painted.name(), pin.fill.name())
    if 0 > header_left > -LANE_HEADER_W * view.zoom:  # a sliver of the lane headers in view
        cover = next(p for p in pins.values() if p.kind == "lane")
        row = layout.lanes[cover.ident]
        y = view.mapFromScene(0, row.y + row.h / 2).y()
        sliver = QColor(image.pixel(QPoint(1, max(1, min(y, image.height() - 2)))))
        assert sliver == view.pinned_cover(), "a fragment of a lane header shows"


def test_zoomed_in_to_edit_both_names_stay_pinned(make_window, qtbot) -> None:
    window = make_window(store_with_stages(5))
    view, layout = window.view, window.scene.layout
    view.set_zoom(1.29)
    view.centerOn(layout.stages["post-purchase"].x + 40, layout.lanes["human"].y + 40)
    port = view.viewport().rect()
    for _ in range(3):  # the wheel pans on (down, then right with Shift)
        wheel(view, port.center(), -120)
        wheel(view, port.center(), -120, Qt.KeyboardModifier.ShiftModifier)
    assert abs(view.zoom - 1.29) < 1e-6
    assert view.mapFromScene(LANE_HEADER_W, 0).x() < 0  # both headers scrolled away
    assert view.mapFromScene(0, layout.header_h).y() < 0
    assert_names_whole(view, window.document.journey)


def test_a_wide_first_stage_never_cuts_the_lane_names(make_window, qtbot, monkeypatch) -> None:
    monkeypatch.setattr(focus_module, "ANIMATION_MS", 0)
    window = make_window(store_with_stages(3))
    for n in range(3):  # the first stage made wide: six columns of cards
        tp = new_touchpoint(window.document.journey, f"Poster {n}", "pre-purchase", "touchpoints")
        window.document.push(AddTouchpoint(tp))
    window.scene.ensure_layout()
    present(window, qtbot)
    view = window.view
    assert window.features.facilitator.focus.stage_id == "pre-purchase"
    header_left = view.mapFromScene(0, 0).x()
    if header_left < 0:
        assert_names_whole(view, window.document.journey)
    # Half the lane headers out of view, with the wheel (the scroll bars are off).
    half = round(header_left + LANE_HEADER_W * view.zoom / 2)
    wheel(view, view.viewport().rect().center(), -half, Qt.KeyboardModifier.ShiftModifier)
    assert -LANE_HEADER_W * view.zoom < view.mapFromScene(0, 0).x() < -10
    assert_names_whole(view, window.document.journey)
