"""Presentation mode and stage focus, driven with real keys on the real window."""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtWidgets import QDockWidget

from journeymapper.app.look.colors import theme
from journeymapper.app.present import focus as focus_module
from tests.app.helpers import key, type_as_user

CTRL = Qt.KeyboardModifier.ControlModifier


def _docks(window) -> dict[str, bool]:
    return {
        d.objectName() or d.windowTitle(): d.isVisible() for d in window.findChildren(QDockWidget)
    }


def _present(window, qtbot) -> None:
    window.activateWindow()  # F11 is a window shortcut: the window must be the active one
    qtbot.waitUntil(window.isActiveWindow)
    window.view.setFocus()
    key(window.view, Qt.Key.Key_F11)
    assert window.features.facilitator.mode.active
    qtbot.waitUntil(lambda: window.features.facilitator.focus.stage_id is not None)
    qtbot.waitUntil(lambda: not window.features.facilitator.focus.gliding)


def test_present_hides_everything_but_the_canvas_and_esc_restores_it(window, qtbot) -> None:
    qtbot.waitUntil(lambda: window.geometry().width() == 1280)
    docks, geometry = _docks(window), window.geometry()
    assert any(docks.values())
    zoom = window.view.zoom
    _present(window, qtbot)
    assert window.isFullScreen()
    assert not any(_docks(window).values())
    assert not window.features.toolbar.isVisible()
    assert not window.menuBar().isVisible()
    assert not window.statusBar().isVisible()
    assert window.features.facilitator.bar.isVisible()
    assert theme().name.startswith("present-")
    column = window.scene.layout.stages["pre-purchase"]  # the whole stage, as large as fits
    shown = window.view.mapToScene(window.view.viewport().rect()).boundingRect()
    assert shown.contains(QRectF(column.x, 0, column.w, window.scene.layout.height))
    assert window.features.facilitator.focus.stage_id == "pre-purchase"
    key(window.view, Qt.Key.Key_Escape)
    assert not window.features.facilitator.mode.active
    qtbot.waitUntil(lambda: not window.isFullScreen())
    qtbot.waitUntil(lambda: window.geometry() == geometry)
    assert _docks(window) == docks
    assert window.features.toolbar.isVisible()
    assert window.menuBar().isVisible()
    assert window.statusBar().isVisible()
    assert not window.features.facilitator.bar.isVisible()
    assert not theme().name.startswith("present-")
    qtbot.waitUntil(lambda: abs(window.view.zoom - zoom) < 1e-6)
    assert window.features.facilitator.focus.stage_id is None


def test_esc_first_cancels_then_clears_the_selection_then_leaves(window, qtbot) -> None:
    _present(window, qtbot)
    window.scene.select_ids(["cart"])
    key(window.view, Qt.Key.Key_Escape)
    assert window.features.facilitator.mode.active
    assert not window.scene.selectedItems()
    assert window.scene.cell is not None  # typing still goes to the focused stage
    key(window.view, Qt.Key.Key_Escape)
    assert not window.features.facilitator.mode.active


def test_capture_and_editing_shortcuts_work_while_presenting(window, qtbot) -> None:
    journey, stack = window.document.journey, window.document.undo_stack
    _present(window, qtbot)
    key(window.view, Qt.Key.Key_PageDown)
    assert window.features.facilitator.focus.stage_id == "purchase"
    assert window.scene.cell is not None
    assert window.scene.cell[0] == "purchase"
    count = journey.touchpoint_count()
    type_as_user(window.view, "Queue at the till")
    editor = window.view.text_editing.field
    key(editor, Qt.Key.Key_Return)
    key(editor, Qt.Key.Key_Escape)
    added = [tp for tp in journey.touchpoints() if tp.name == "Queue at the till"]
    assert len(added) == 1
    assert added[0].stage == "purchase"
    assert journey.touchpoint_count() == count + 1
    window.view.setFocus()
    key(window.view, Qt.Key.Key_Z, CTRL)  # the menu bar is hidden: the key still undoes
    assert journey.touchpoint_count() == count
    key(window.view, Qt.Key.Key_Z, CTRL | Qt.KeyboardModifier.ShiftModifier)
    assert journey.touchpoint_count() == count + 1
    window.scene.select_ids(["cart"])
    key(window.view, Qt.Key.Key_1)  # emotion keys too
    assert journey.touchpoint("cart").emotion == -2
    assert stack.count() >= 2
    key(window.view, Qt.Key.Key_F2)  # rename in place
    assert window.view.text_editing.active
    key(window.view.text_editing.field, Qt.Key.Key_Escape)
    window.scene.select_ids(["confirm"])
    key(window.view, Qt.Key.Key_Delete)
    assert not journey.has_touchpoint("confirm")
    key(window.view, Qt.Key.Key_Z, CTRL)
    assert journey.has_touchpoint("confirm")
    key(window.view, Qt.Key.Key_F11)
    assert not window.features.facilitator.mode.active


def test_page_down_and_up_focus_a_stage_dim_the_others_and_the_view_follows(
    window, qtbot, monkeypatch
) -> None:
    monkeypatch.setattr(focus_module, "ANIMATION_MS", 0)
    focus, layout = window.features.facilitator.focus, window.scene.layout
    window.view.setFocus()
    key(window.view, Qt.Key.Key_PageDown)
    assert focus.stage_id == "pre-purchase"
    for expected in ("purchase", "post-purchase", "post-purchase"):  # stops at the last
        key(window.view, Qt.Key.Key_PageDown)
        assert focus.stage_id == expected
        column = layout.stages[expected]
        assert column.x <= window.view.center().x() <= column.right
        assert focus.dim.isVisible()
        veiled = {round(r.x()) for r in focus.dim.veiled}
        assert round(column.x) not in veiled
        assert veiled == {round(r.x) for s, r in layout.stages.items() if s != expected}
    key(window.view, Qt.Key.Key_PageUp)
    assert focus.stage_id == "purchase"
    assert window.features.facilitator.bar.isHidden()  # the editor, not presenting: no bar
    key(window.view, Qt.Key.Key_Home)
    assert focus.stage_id is None
    assert not focus.dim.isVisible()


def test_focus_glides_without_blocking_and_ends_with_its_stage_deleted(window, qtbot) -> None:
    focus = window.features.facilitator.focus
    _present(window, qtbot)
    key(window.view, Qt.Key.Key_PageDown)
    assert focus.gliding  # animated, and the key returned at once
    key(window.view, Qt.Key.Key_PageDown)  # a second step while gliding starts from there
    qtbot.waitUntil(lambda: not focus.gliding)
    column = window.scene.layout.stages["post-purchase"]
    assert column.x <= window.view.center().x() <= column.right
    from journeymapper.model.edits import RemoveStage

    window.document.push(RemoveStage("post-purchase"))
    window.scene.ensure_layout()
    assert focus.stage_id is None
    assert window.features.facilitator.bar.stage_buttons.keys() == {"pre-purchase", "purchase"}


def test_the_stage_buttons_choose_the_focus(window, qtbot) -> None:
    _present(window, qtbot)
    bar = window.features.facilitator.bar
    bar.stage_buttons["post-purchase"].click()
    assert window.features.facilitator.focus.stage_id == "post-purchase"
    assert bar.stage_buttons["post-purchase"].isChecked()
    bar.whole_map.click()
    assert window.features.facilitator.focus.stage_id is None
    assert window.view.hasFocus() or window.view.text_editing.active is False


def test_closing_while_presenting_keeps_the_panels_for_next_time(make_window, qtbot) -> None:
    window = make_window()
    _present(window, qtbot)
    window.close()  # the layout saved is the one from before presenting
    again = make_window()
    assert any(_docks(again).values())
    assert again.features.toolbar.isVisible()


def test_a_full_cell_shows_no_ghost_card_over_the_next_stage(window, qtbot) -> None:
    _present(window, qtbot)
    for _ in range(3):
        key(window.view, Qt.Key.Key_PageDown)
    scene = window.scene
    assert scene.cell is not None
    assert scene.cell[0] == "post-purchase"
    cell = scene.layout.cell(*scene.cell)
    ghost = scene.cursor.ghost
    assert ghost is None or ghost.right <= cell.right


def test_the_projector_look_has_more_contrast_than_the_editor() -> None:
    from journeymapper.app.look.colors import DARK, LIGHT, contrast_ratio
    from journeymapper.app.present.look import PRESENT_DARK, PRESENT_LIGHT, presentation_theme

    for base, present in ((LIGHT, PRESENT_LIGHT), (DARK, PRESENT_DARK)):
        assert presentation_theme(base) is present
        assert presentation_theme(present) is present
        assert contrast_ratio(present.ink, present.card) >= 15  # names
        assert contrast_ratio(present.muted_ink, present.card) >= 7  # AAA small text
        assert contrast_ratio(present.card_border, present.card) >= 3  # a card's edge
        for pair in (("ink", "card"), ("muted_ink", "card"), ("card_border", "card")):
            fg, bg = pair
            assert contrast_ratio(getattr(present, fg), getattr(present, bg)) > contrast_ratio(
                getattr(base, fg), getattr(base, bg)
            )


def test_leaving_puts_the_ranking_back_as_it_was(window, qtbot) -> None:
    """Issue 16, item 5: opened while presenting, the ranking closes with it; open
    before, it stays open, inside the editor's smaller canvas."""
    facilitator = window.features.facilitator
    ranking = facilitator.ranking
    assert not ranking.isVisible()
    _present(window, qtbot)
    facilitator.acts["ranking"].trigger()  # the bar's Ranking (Workshop ▸ Top Voted Cards)
    assert ranking.isVisible()
    key(window.view, Qt.Key.Key_Escape)
    assert not facilitator.mode.active
    assert not ranking.isVisible()
    facilitator.acts["pain_ranking"].trigger()  # open in the editor, then present and leave
    assert ranking.isVisible()
    assert ranking.pain_only.isChecked()
    _present(window, qtbot)
    ranking.pain_only.setChecked(False)
    key(window.view, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not window.isFullScreen())
    assert ranking.isVisible()
    assert ranking.pain_only.isChecked()  # as it was
    qtbot.waitUntil(lambda: window.view.viewport().geometry().contains(ranking.geometry()))
