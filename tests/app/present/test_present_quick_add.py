"""Quick add: three sticky notes typed into the focused stage, emotions set as they go."""

from __future__ import annotations

from PySide6.QtCore import Qt

from tests.app.helpers import key, type_text

ALT = Qt.KeyboardModifier.AltModifier
CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


def test_three_cards_with_emotions_each_one_undo_step(window, qtbot) -> None:
    journey, stack = window.document.journey, window.document.undo_stack
    facilitator = window.features.facilitator
    window.view.setFocus()
    key(window.view, Qt.Key.Key_PageDown)
    key(window.view, Qt.Key.Key_PageDown)
    assert facilitator.focus.stage_id == "purchase"
    key(window.view, Qt.Key.Key_A, CTRL_SHIFT)  # Workshop ▸ Quick Add
    editor = window.view.text_editing.field
    qtbot.waitUntil(editor.isVisible)
    panel = facilitator.quick.panel
    assert panel.isVisible()
    assert "Purchase" in panel.title.text()
    before, steps = journey.touchpoint_count(), stack.count()
    typed = [("Checkout queue", Qt.Key.Key_2, -1), ("Card declined", Qt.Key.Key_1, -2),
             ("Step 2 receipt", None, None), ("Thank-you page", Qt.Key.Key_5, 2)]  # fmt: skip
    for name, digit, _ in typed:
        type_text(editor, name)
        if digit is not None:
            key(editor, digit, ALT)
        assert editor.text == name  # Alt+digit is never typed
        key(editor, Qt.Key.Key_Return)
    assert "Added 4" in panel.recent.text()
    key(editor, Qt.Key.Key_Escape)
    assert not panel.isVisible()
    added = {tp.name: tp for tp in journey.touchpoints()}
    for name, _, emotion in typed:
        assert added[name].emotion == emotion
        assert (added[name].stage, added[name].lane) == ("purchase", "touchpoints")
    assert journey.touchpoint_count() == before + 4
    assert stack.count() == steps + 4  # one step per card, its emotion included
    stack.undo()
    assert "Thank-you page" not in {tp.name for tp in journey.touchpoints()}
    assert journey.touchpoint_count() == before + 3


def test_the_panel_buttons_choose_the_emotion_without_taking_the_keyboard(window, qtbot) -> None:
    quick = window.features.facilitator.quick
    quick.start()
    editor = window.view.text_editing.field
    qtbot.waitUntil(editor.isVisible)
    type_text(editor, "Hears about it")
    button = quick.panel.buttons[1]
    button.click()
    assert editor.hasFocus()
    assert editor.isVisible()
    assert window.view.text_editing.session.emotion == 1
    button.click()  # again: no emotion
    assert window.view.text_editing.session.emotion is None
    key(editor, Qt.Key.Key_4, ALT)
    key(editor, Qt.Key.Key_Return)
    key(editor, Qt.Key.Key_Escape)
    tp = next(t for t in window.document.journey.touchpoints() if t.name == "Hears about it")
    assert tp.emotion == 1
