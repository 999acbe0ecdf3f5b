"""Stages and lanes: reorder by dragging headers, add, recolour, hide, delete (asking)."""

from __future__ import annotations

from PySide6.QtGui import QColor
from PySide6.QtWidgets import QColorDialog, QMessageBox

from journeymapper.model.schema import LaneKind
from tests.app.helpers import at, drag

Button = QMessageBox.StandardButton


def stage_order(window) -> list[str]:
    return [s.id for s in window.document.journey.stages]


def test_reordering_stages_by_dragging_a_header(window) -> None:
    layout, stack = window.scene.layout, window.document.undo_stack
    first = layout.stage_header("pre-purchase")
    last = layout.stage_header("post-purchase")
    start = at(window.view, first.x + 40, first.y + first.h / 2)
    end = at(window.view, last.right - 10, last.y + last.h / 2)
    drag(window.view, start, end)
    assert stage_order(window) == ["purchase", "post-purchase", "pre-purchase"]
    assert stack.undoText() == "Reorder stages"
    stack.undo()
    assert stage_order(window) == ["pre-purchase", "purchase", "post-purchase"]


def test_a_click_on_a_header_selects_it_without_reordering(window, qtbot) -> None:
    from tests.app.helpers import click

    header = window.scene.layout.stage_header("purchase")
    steps = window.document.undo_stack.count()
    click(window.view, at(window.view, header.x + 30, header.y + 20))
    assert window.document.undo_stack.count() == steps
    dock = window.features.properties_dock
    qtbot.waitUntil(lambda: dock.current is dock.stage)
    assert dock.stage.name.text() == "Purchase"


def test_reordering_lanes_by_dragging_a_header(window) -> None:
    layout = window.scene.layout
    human = layout.lane_header("human")
    doing = layout.lane_header("doing")
    start = at(window.view, human.x + 40, human.y + 20)
    end = at(window.view, doing.x + 40, doing.y + 5)
    drag(window.view, start, end)
    lanes = [lane.id for lane in window.document.journey.lanes]
    assert lanes.index("human") == 0


def test_deleting_a_stage_with_cards_asks_first(window, answer) -> None:
    journey = window.document.journey
    asked = answer("question", Button.Cancel)
    window.operations.delete_stage("purchase")
    assert asked
    assert "touchpoints" in asked[0]
    assert "purchase" in stage_order(window)
    answer("question", Button.Yes)
    window.scene.select_ids(["purchase"])
    window.acts.delete.trigger()
    assert "purchase" not in stage_order(window)
    window.document.undo_stack.undo()
    assert stage_order(window) == ["pre-purchase", "purchase", "post-purchase"]
    assert journey.touchpoint("cart").stage == "purchase"


def test_adding_an_empty_stage_and_deleting_it_does_not_ask(window, answer, qtbot) -> None:
    asked = answer("question", Button.Cancel)
    window.scene.select_ids(["purchase"])
    window.acts.add_stage.trigger()
    qtbot.waitUntil(window.view.text_editing.field.isVisible)
    window.view.text_editing.close()
    order = stage_order(window)
    new = order[order.index("purchase") + 1]
    window.operations.delete_stage(new)
    assert asked == []
    assert new not in stage_order(window)


def test_adding_a_lane_of_each_kind(window) -> None:
    journey = window.document.journey
    for kind in LaneKind:
        before = {lane.id for lane in journey.lanes}
        window.acts[f"add_lane_{kind.value}"].trigger()
        window.view.text_editing.close()
        (new,) = [lane for lane in journey.lanes if lane.id not in before]
        assert new.kind is kind
    assert sum(1 for lane in journey.lanes if lane.kind is LaneKind.EMOTION) == 2


def test_recolouring_a_stage(window, monkeypatch) -> None:
    monkeypatch.setattr(QColorDialog, "getColor", staticmethod(lambda *a, **k: QColor("#112233")))
    window.operations.recolour_stage("purchase")
    assert window.document.journey.stage("purchase").color == "#112233"
    assert window.document.undo_stack.undoText().startswith("Recolour stage")


def test_hiding_a_lane_removes_it_from_the_canvas(window) -> None:
    window.operations.set_lane_hidden("human", True)
    window.scene.ensure_layout()
    assert "human" not in window.scene.layout.lanes
    assert "support" not in window.scene.cards
    window.document.undo_stack.undo()
    window.scene.ensure_layout()
    assert "support" in window.scene.cards
