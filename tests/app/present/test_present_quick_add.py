"""Quick add: three sticky notes typed into the focused stage, emotions set as they go."""

from __future__ import annotations

import itertools

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


def _activate(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    window.activateWindow()  # Ctrl+Shift+A is a window shortcut
    qtbot.waitUntil(window.isActiveWindow)
    window.view.setFocus()


def _arrows_over(window, rect) -> list[str]:  # type: ignore[no-untyped-def]
    """The connections whose drawn route passes over `rect` (its inside, 2 units in)."""
    layer, layout = window.scene.connection_layer, window.scene.layout
    left, top, right, bottom = rect.x + 2, rect.y + 2, rect.x + rect.w - 2, rect.y + rect.h - 2
    over = []
    for conn_id in layout.connection_ends:
        points = layer.drawn(conn_id) or []
        for (x1, y1), (x2, y2) in itertools.pairwise(points):
            steps = max(1, int(max(abs(x2 - x1), abs(y2 - y1))))
            if any(
                left < x1 + (x2 - x1) * k / steps < right
                and top < y1 + (y2 - y1) * k / steps < bottom
                for k in range(steps + 1)
            ):
                over.append(conn_id)
                break
    return over


def test_quick_add_never_puts_a_card_over_an_arrow(window, qtbot) -> None:
    """Issue 16, item 7: where the next sticky goes (the ghost under the typing) and the
    card it becomes are clear of every arrow, so no card looks connected when it is not."""
    journey = window.document.journey
    _activate(window, qtbot)
    key(window.view, Qt.Key.Key_PageDown)  # pre-purchase: an arrow runs past its last card
    key(window.view, Qt.Key.Key_A, CTRL_SHIFT)
    editing = window.view.text_editing
    qtbot.waitUntil(editing.field.isVisible)
    for name in ("Poster at the station", "Scans the QR code"):
        qtbot.waitUntil(lambda: window.scene.layout.routing.done)
        ghost = editing.target.rect
        assert not _arrows_over(window, ghost), "the next card's place is under an arrow"
        type_text(editing.field, name)
        key(editing.field, Qt.Key.Key_Return)
        window.scene.ensure_layout()
        qtbot.waitUntil(lambda: window.scene.layout.routing.done)
        (card,) = [tp.id for tp in journey.touchpoints() if tp.name == name]
        assert not _arrows_over(window, window.scene.layout.cards[card].rect)
    key(editing.field, Qt.Key.Key_Escape)


def test_quick_add_connects_as_you_type_from_the_selected_card(window, qtbot) -> None:
    journey = window.document.journey
    window.acts.capture_flow.trigger()  # Insert ▸ Connect As You Type
    window.scene.select_ids(["news"])
    _activate(window, qtbot)
    key(window.view, Qt.Key.Key_A, CTRL_SHIFT)
    editor = window.view.text_editing.field
    qtbot.waitUntil(editor.isVisible)
    panel = window.features.facilitator.quick.panel
    assert "Newsletter sign-up for a discount" in panel.flow.text()  # it says where from
    for name in ("Poster at the station", "Scans the QR code"):
        type_text(editor, name)
        key(editor, Qt.Key.Key_Return)
    key(editor, Qt.Key.Key_Escape)
    ids = {tp.name: tp.id for tp in journey.touchpoints()}
    assert journey.connection_between("news", ids["Poster at the station"]) is not None
    assert journey.connection_between(ids["Poster at the station"], ids["Scans the QR code"])


def test_with_nothing_selected_quick_add_goes_on_from_the_cells_last_card(window, qtbot) -> None:
    journey = window.document.journey
    window.acts.capture_flow.trigger()
    _activate(window, qtbot)
    key(window.view, Qt.Key.Key_PageDown)
    key(window.view, Qt.Key.Key_PageDown)  # purchase: Checkout, then the confirmation email
    window.scene.clearSelection()
    key(window.view, Qt.Key.Key_A, CTRL_SHIFT)
    editor = window.view.text_editing.field
    qtbot.waitUntil(editor.isVisible)
    type_text(editor, "Gift wrapping")
    key(editor, Qt.Key.Key_Return)
    key(editor, Qt.Key.Key_Escape)
    (gift,) = [tp.id for tp in journey.touchpoints() if tp.name == "Gift wrapping"]
    assert journey.connection_between("confirm", gift) is not None


def test_quick_add_without_connect_as_you_type_connects_nothing(window, qtbot) -> None:
    journey = window.document.journey
    connections = journey.connection_count()
    window.scene.select_ids(["news"])
    _activate(window, qtbot)
    key(window.view, Qt.Key.Key_A, CTRL_SHIFT)
    editor = window.view.text_editing.field
    qtbot.waitUntil(editor.isVisible)
    assert not window.features.facilitator.quick.panel.flow.isVisible()
    type_text(editor, "Poster at the station")
    key(editor, Qt.Key.Key_Return)
    key(editor, Qt.Key.Key_Escape)
    assert journey.connection_count() == connections
