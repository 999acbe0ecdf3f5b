"""Stage focus frames the whole stage column — header and every visible lane — at the
largest zoom that shows it (issue 16, item 1: the 9-lane smartphone example)."""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt

from journeymapper.app.present import focus as focus_module
from tests.app.helpers import key
from tests.app.present.helpers import present, smartphone


def _assert_whole_column(window, stage_id: str) -> None:  # type: ignore[no-untyped-def]
    view, layout = window.view, window.scene.layout
    column = layout.stages[stage_id]
    shown = view.mapToScene(view.viewport().rect()).boundingRect()
    whole = QRectF(column.x, 0, column.w, layout.height)  # header, every lane, to the bottom
    assert shown.contains(whole), (stage_id, shown, whole)
    port, zoom = view.viewport().rect(), view.zoom
    # The largest zoom that fits: 10 % more and the column would no longer fit.
    assert layout.height * zoom * 1.1 > port.height() or column.w * zoom * 1.1 > port.width()


def test_presenting_focus_shows_every_lane_of_the_stage(make_window, qtbot, monkeypatch) -> None:
    monkeypatch.setattr(focus_module, "ANIMATION_MS", 0)
    window = make_window(smartphone())
    assert len(window.scene.layout.lanes) == 9
    present(window, qtbot)
    focus = window.features.facilitator.focus
    for stage in window.document.journey.stages:
        focus.set(stage.id)
        qtbot.waitUntil(lambda: not focus.gliding)
        _assert_whole_column(window, stage.id)
    key(window.view, Qt.Key.Key_Home)
    window.scene.set_cell(None)  # Page Down then starts from the first stage
    key(window.view, Qt.Key.Key_PageDown)
    key(window.view, Qt.Key.Key_PageDown)  # "Research and compare", the stage that was cut
    assert focus.stage_id == "compare"
    _assert_whole_column(window, "compare")


def test_editor_focus_shows_every_lane_of_the_stage(make_window, qtbot, monkeypatch) -> None:
    monkeypatch.setattr(focus_module, "ANIMATION_MS", 0)
    window = make_window(smartphone())
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    window.view.setFocus()
    for _ in range(2):
        key(window.view, Qt.Key.Key_PageDown)
    assert window.features.facilitator.focus.stage_id == "compare"
    _assert_whole_column(window, "compare")
