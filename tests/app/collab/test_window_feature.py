"""Live co-editing through the editor's own feature (`window.features.collab`): File ▸
Share… and Join… in two real windows, edits made through each window's document, its
undo stack, its canvas selection, a real server on loopback (pytest-qt)."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QDialog

from journeymapper.app.collab import feature
from journeymapper.model.document import Journey
from journeymapper.model.edits import UpdateTouchpoint
from tests.sync.net import ServerProcess

WAIT = 15_000


def answer_dialogs(monkeypatch: pytest.MonkeyPatch, address: str, names: list[str]) -> None:
    """The Share… and Join… dialogs, filled in and accepted as a person would."""

    def exec_(dialog: QDialog) -> int:
        dialog.address.setText(address)  # type: ignore[attr-defined]
        dialog.person.setText(names.pop(0))  # type: ignore[attr-defined]
        assert dialog.error.text() == ""  # type: ignore[attr-defined]
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(feature.ShareDialog, "exec", exec_)
    monkeypatch.setattr(feature.JoinDialog, "exec", exec_)


def test_share_and_join_from_the_file_menu_edit_and_undo_through_the_windows(
    make_window, qtbot, sync_server: ServerProcess, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    ana_window, ben_window = make_window(), make_window(Journey.default())
    ana, ben = ana_window.features.collab, ben_window.features.collab
    answer_dialogs(monkeypatch, sync_server.url("shop"), ["Ana", "Ben"])
    try:
        ana_window.context.actions["share"].trigger()
        qtbot.waitUntil(lambda: ana.indicator.status == "online", timeout=WAIT)
        ben_window.context.actions["join"].trigger()
        qtbot.waitUntil(lambda: ben_window.document.journey.has_touchpoint("cart"), timeout=WAIT)
        assert ben_window.document.journey.to_data() == ana_window.document.journey.to_data()
        assert ana.indicator.isVisible()
        assert ben.dock.isVisible()
        assert ben.leave_action.isEnabled()
        qtbot.waitUntil(lambda: ben.presence.names() == ["Ana"], timeout=WAIT)

        # an edit pushed on Ana's document goes through the shared document to Ben
        assert ana_window.document.push(UpdateTouchpoint("cart", {"name": "Pay"})) is None
        qtbot.waitUntil(
            lambda: ben_window.document.journey.touchpoint("cart").name == "Pay", timeout=WAIT
        )
        assert ben_window.document.push(UpdateTouchpoint("cart", {"emotion": 2})) is None
        qtbot.waitUntil(
            lambda: ana_window.document.journey.touchpoint("cart").emotion == 2, timeout=WAIT
        )
        assert ben_window.document.undo_stack.count() == 1  # Ana's rename is not Ben's step
        assert not ben_window.document.undo_stack.isClean()  # but it is unsaved work

        ana_window.document.undo_stack.undo()  # Ana's rename only: Ben's feeling stays
        qtbot.waitUntil(
            lambda: ben_window.document.journey.touchpoint("cart").name == "Checkout",
            timeout=WAIT,
        )
        assert ana_window.document.journey.touchpoint("cart").emotion == 2

        # selecting a card on Ana's canvas outlines it on Ben's
        ana_window.scene.ensure_layout()
        ana_window.scene.card_item("cart").setSelected(True)
        qtbot.waitUntil(lambda: len(ben.selections.outlines) == 1, timeout=WAIT)
        assert ben.selections.outlines[0][2] == "Ana"

        ben_window.context.actions["leave_shared"].trigger()
        assert not ben.indicator.isVisible()
        assert not ben.leave_action.isEnabled()
        # back on the local undo stack (the shared steps went with the shared document)
        ben_window.document.push(UpdateTouchpoint("cart", {"name": "Mine alone"}))
        assert ben_window.document.undo_stack.count() == 1
        qtbot.wait(300)
        assert ana_window.document.journey.touchpoint("cart").name == "Checkout"
        ben_window.document.undo_stack.undo()
        assert ben_window.document.journey.touchpoint("cart").name == "Checkout"
    finally:
        ana.leave()
        ben.leave()
