"""Context menus, the shortcuts dialog and the menu bar hold what the issue lists."""

from __future__ import annotations

from PySide6.QtCore import QPointF

from journeymapper.app.dialogs.shortcuts import ShortcutsDialog, shortcuts
from journeymapper.app.window.context_menu import build_context_menu


def texts(menu) -> list[str]:  # type: ignore[no-untyped-def]
    return [a.text().replace("&", "") for a in menu.actions() if not a.isSeparator()]


def test_context_menus_fit_what_is_under_the_pointer(window) -> None:
    layout = window.scene.layout
    card = layout.cards["cart"].rect
    assert "Rename" in texts(build_context_menu(window.context, QPointF(card.x + 30, card.y + 30)))
    header = layout.stage_header("purchase")
    stage_menu = texts(build_context_menu(window.context, QPointF(header.x + 30, header.y + 30)))
    assert {"Change Colour…", "Insert Stage After", "Delete Stage"} <= set(stage_menu)
    lane = layout.lane_header("human")
    assert "Delete Lane" in texts(
        build_context_menu(window.context, QPointF(lane.x + 20, lane.y + 20))
    )
    cell = layout.cell("purchase", "human")
    menu = texts(build_context_menu(window.context, QPointF(cell.x + 100, cell.bottom - 10)))
    assert "Type Touchpoints Here" in menu
    assert window.scene.cell == ("purchase", "human")


def test_menus_and_shortcuts_dialog(window, qtbot) -> None:
    titles = [a.text().replace("&", "") for a in window.menuBar().actions()]
    assert titles == ["File", "Edit", "View", "Insert", "Workshop", "Help"]
    dialog = ShortcutsDialog(window.context)
    qtbot.addWidget(dialog)
    assert len(shortcuts(window.context)) >= 20
    assert window.acts.undo.shortcuts()
    assert window.acts.find.shortcuts()


def test_delete_in_a_dock_never_deletes_cards(window, qtbot) -> None:
    from PySide6.QtCore import Qt

    from tests.app.helpers import key

    window.scene.select_ids(["cart"])
    field = window.features.find_bar.field
    window.features.find_bar.open_bar()
    field.setText("abc")
    key(field, Qt.Key.Key_Delete)
    assert window.document.journey.has_touchpoint("cart")
    window.view.setFocus()
    key(window.view, Qt.Key.Key_Delete)
    assert not window.document.journey.has_touchpoint("cart")
