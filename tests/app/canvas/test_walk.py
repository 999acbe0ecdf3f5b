"""Walking the map by keyboard (issue 16, item 9): Tab / Shift+Tab from card to card
(or arrow to arrow) in reading order; Alt+arrows along the flow, card → arrow → card,
Alt+Down / Alt+Up to the other branches; the arrow keys still nudge."""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt

from journeymapper.app.dialogs.shortcuts import CANVAS, shortcuts
from tests.app.helpers import key

ALT = Qt.KeyboardModifier.AltModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier
READING = ["ad", "site", "news", "cart", "confirm", "ship", "support", "review"]


def _selected(window) -> list[str]:  # type: ignore[no-untyped-def]
    return window.scene.selected_ids()


def _start(window, qtbot, ident: str) -> None:  # type: ignore[no-untyped-def]
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    window.scene.select_ids([ident])
    window.view.setFocus()


def test_tab_walks_the_cards_in_reading_order_and_wraps(window, qtbot) -> None:
    _start(window, qtbot, "ad")
    for expected in READING[1:]:
        key(window.view, Qt.Key.Key_Tab)
        assert _selected(window) == [expected]
    key(window.view, Qt.Key.Key_Tab)
    assert _selected(window) == ["ad"]  # round to the first again
    key(window.view, Qt.Key.Key_Backtab, SHIFT)
    assert _selected(window) == ["review"]
    key(window.view, Qt.Key.Key_Backtab, SHIFT)
    assert _selected(window) == ["support"]
    assert window.scene.cell is None  # Tab walked: it moved no capture cell


def test_tab_from_an_arrow_goes_to_the_next_arrow(window, qtbot) -> None:
    _start(window, qtbot, "c2")  # Newsletter → Checkout
    key(window.view, Qt.Key.Key_Tab)
    assert _selected(window) == ["c3"]
    for expected in ("c4", "c5", "c7", "c6"):  # Shipping's two arrows, then Support's
        key(window.view, Qt.Key.Key_Tab)
        assert _selected(window) == [expected]


def test_alt_arrows_follow_the_flow_and_choose_a_branch(window, qtbot) -> None:
    view = window.view
    _start(window, qtbot, "confirm")
    key(view, Qt.Key.Key_Right, ALT)
    assert _selected(window) == ["c4"]  # the arrow out of the confirmation email
    key(view, Qt.Key.Key_Right, ALT)
    assert _selected(window) == ["ship"]
    key(view, Qt.Key.Key_Right, ALT)
    assert _selected(window) == ["c5"]  # a branch: to Support first (reading order)
    key(view, Qt.Key.Key_Down, ALT)
    assert _selected(window) == ["c7"]  # the other branch, straight to the review
    key(view, Qt.Key.Key_Down, ALT)
    assert _selected(window) == ["c5"]  # and round
    key(view, Qt.Key.Key_Up, ALT)
    assert _selected(window) == ["c7"]
    key(view, Qt.Key.Key_Right, ALT)
    assert _selected(window) == ["review"]
    key(view, Qt.Key.Key_Right, ALT)
    assert _selected(window) == ["review"]  # the end of the flow: it stays
    key(view, Qt.Key.Key_Left, ALT)
    assert _selected(window) == ["c7"]  # back the way it came (Shipping's, then Support's)
    key(view, Qt.Key.Key_Down, ALT)
    assert _selected(window) == ["c6"]  # the other arrow into the review
    key(view, Qt.Key.Key_Left, ALT)
    assert _selected(window) == ["support"]


def test_arrow_keys_still_nudge_the_card_walked_to(window, qtbot) -> None:
    journey = window.document.journey
    _start(window, qtbot, "cart")
    key(window.view, Qt.Key.Key_Tab)
    assert _selected(window) == ["confirm"]
    stages = [s.id for s in journey.stages]
    home = journey.touchpoint("confirm").stage
    key(window.view, Qt.Key.Key_Right)  # the last column of its cell: on into the next stage
    assert journey.touchpoint("confirm").stage == stages[stages.index(home) + 1]
    assert _selected(window) == ["confirm"]  # nudged, not walked
    key(window.view, Qt.Key.Key_Left)
    assert journey.touchpoint("confirm").stage == home


def test_the_view_follows_the_walk(window, qtbot) -> None:
    view, layout = window.view, window.scene.layout
    view.set_zoom(1.5)
    rect = layout.cards["ad"].rect
    view.centerOn(rect.x, rect.y)
    _start(window, qtbot, "ad")
    for _ in READING[1:]:
        key(view, Qt.Key.Key_Tab)
    shown = view.mapToScene(view.viewport().rect()).boundingRect()
    r = layout.cards["review"].rect
    assert shown.contains(QRectF(r.x, r.y, r.w, r.h))
    assert "Leaves a review" in window.statusBar().currentMessage()


def test_the_walk_is_on_the_shortcut_sheet_and_voters_moved_off_alt_arrows(window) -> None:
    rows = shortcuts(window.context)
    canvas = {r.keys: r.action for r in rows if r.group == CANVAS}
    assert any("Tab" in k and "reading order" in a for k, a in canvas.items())
    assert any("Alt+Right" in k and "flow" in a for k, a in canvas.items())
    assert any("Alt+Down" in k and "branch" in a for k, a in canvas.items())
    voters = [r for r in rows if r.action == "Next Voter"]
    assert voters
    assert "Alt" not in voters[0].keys
