"""The facilitator bar never overflows (issue 16, item 3).

At 1920×1080 and 1280×720, with three to eight stages, in every state of the bar (idle,
setting up a vote, typing a timer duration, a round under way): no control is cut or
squeezed below its size, none overlaps another, every stage is a button or in the
overflow menu, and the type is large enough to read from the back of a room.
"""

from __future__ import annotations

from itertools import combinations

import pytest
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtGui import QFontInfo
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QLabel,
    QLineEdit,
    QWidget,
)

from tests.app.helpers import key, type_text
from tests.app.present.helpers import present, store_with_stages

READABLE_PX = 18  # the bar's smallest type (the canvas cards are 24 px while presenting)
CONTROLS = (QAbstractButton, QLabel, QLineEdit, QAbstractSpinBox)


def _controls(bar: QWidget) -> list[QWidget]:
    found = [w for w in bar.findChildren(QWidget) if isinstance(w, CONTROLS) and w.isVisibleTo(bar)]
    # a spin box's own line edit is part of it
    return [w for w in found if not isinstance(w.parent(), QAbstractSpinBox)]


def _rect(widget: QWidget, bar: QWidget) -> QRect:
    return QRect(widget.mapTo(bar, QPoint(0, 0)), widget.size())


def check_bar(bar, stages) -> None:  # type: ignore[no-untyped-def]
    controls = _controls(bar)
    assert controls
    for widget in controls:
        what = f"{type(widget).__name__} {getattr(widget, 'text', lambda: '')()!r}"
        assert bar.rect().contains(_rect(widget, bar)), f"{what} sticks out of the bar"
        if isinstance(widget, (QAbstractButton, QLabel)) and widget.text():
            assert widget.width() >= widget.sizeHint().width(), f"{what} is cut"
        else:
            assert widget.width() >= widget.minimumSizeHint().width(), f"{what} is squeezed"
        assert widget.height() >= widget.sizeHint().height() - 1, f"{what} is squashed"
        assert QFontInfo(widget.font()).pixelSize() >= READABLE_PX, f"{what} is too small"
    for a, b in combinations(controls, 2):
        if a.isAncestorOf(b) or b.isAncestorOf(a):
            continue
        assert not _rect(a, bar).intersects(_rect(b, bar)), f"{a.objectName()} overlaps {b}"
    shown = {sid: b.text() for sid, b in bar.stage_buttons.items() if b.isVisibleTo(bar)}
    more = bar.stage_overflow
    listed = {a.data(): a.text() for a in more.menu().actions()} if more.isVisibleTo(bar) else {}
    for stage in stages:
        assert stage.id in shown or stage.id in listed, f"{stage.name} is unreachable"
        assert shown.get(stage.id, listed.get(stage.id)) == stage.name  # whole, never cut


@pytest.mark.parametrize("size", [(1920, 1080), (1280, 720)])
@pytest.mark.parametrize("count", [3, 5, 8])
def test_the_bar_fits_every_state(make_window, qtbot, size, count) -> None:
    window = make_window(store_with_stages(count))
    present(window, qtbot)
    facilitator = window.features.facilitator
    bar, stages = facilitator.bar, window.document.journey.stages
    qtbot.wait(300)  # the full-screen fallback has covered the screen
    window.setGeometry(0, 0, *size)
    qtbot.waitUntil(lambda: bar.width() == size[0])
    check_bar(bar, stages)
    facilitator.acts["vote_start"].trigger()  # the round's setup in the bar
    qtbot.waitUntil(lambda: bar.voters.isVisible())
    check_bar(bar, stages)
    type_text(bar.voters, "Ana, Ben, Chloe")  # (QTest types ASCII only)
    key(bar.voters, Qt.Key.Key_Return)
    assert facilitator.voting.round is not None
    qtbot.waitUntil(lambda: bar.voter_name.isVisible())
    check_bar(bar, stages)
    facilitator.acts["timer_custom"].trigger()  # a duration typed, mid-round
    qtbot.waitUntil(lambda: bar.duration.isVisible())
    type_text(bar.duration, "7m")
    check_bar(bar, stages)
    key(bar.duration, Qt.Key.Key_Return)
    assert facilitator.timer.active
    check_bar(bar, stages)


def test_overflowing_stages_are_one_click_away(make_window, qtbot) -> None:
    window = make_window(store_with_stages(8))
    present(window, qtbot)
    bar, focus = window.features.facilitator.bar, window.features.facilitator.focus
    qtbot.wait(300)
    window.setGeometry(0, 0, 1280, 720)
    qtbot.waitUntil(lambda: bar.width() == 1280)
    assert bar.stage_overflow.isVisible()
    hidden = list(bar.stage_overflow.menu().actions())
    assert hidden
    hidden[-1].trigger()
    assert focus.stage_id == hidden[-1].data()
    assert bar.stage_overflow.isChecked()  # the focused stage is in there: the button says so


def test_the_votes_box_has_no_stray_dash_and_its_buttons_count(window, qtbot) -> None:
    facilitator = window.features.facilitator
    facilitator.acts["vote_start"].trigger()
    bar = facilitator.bar
    qtbot.waitUntil(bar.votes_each.isVisible)
    # the spin box draws no arrows of its own (they showed as a stray "—" in the bar's
    # style): its − and + are buttons that say what they do
    assert bar.votes_each.buttonSymbols() == QAbstractSpinBox.ButtonSymbols.NoButtons
    value = bar.votes_each.value()
    bar.votes_more.click()
    assert bar.votes_each.value() == value + 1
    bar.votes_less.click()
    bar.votes_less.click()
    assert bar.votes_each.value() == value - 1
