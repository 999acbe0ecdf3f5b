"""The window as a document window: title, close prompt, save and reopen, recent files."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QMimeData, QPoint, QUrl
from PySide6.QtWidgets import QFileDialog, QMessageBox

from journeymapper.app.files.windows import OPEN as WINDOWS
from journeymapper.app.settings import recent_files
from journeymapper.io.journey_file import load_journey
from journeymapper.model.document import Journey
from journeymapper.model.edits import UpdateTouchpoint
from tests.app.helpers import drag_drop

Button = QMessageBox.StandardButton


def rename(window, card: str, name: str) -> None:
    assert window.document.push(UpdateTouchpoint(card, {"name": name})) is None


def test_title_shows_unsaved_changes_and_undo_names_the_step(window) -> None:
    assert not window.isWindowModified()
    assert "[*]" in window.windowTitle()
    rename(window, "ad", "Sees a TikTok ad")
    assert window.isWindowModified()
    assert window.acts.undo.text().replace("&", "") == "Undo Rename “Instagram ad”"
    window.acts.undo.trigger()
    assert not window.isWindowModified()
    assert window.acts.redo.text().replace("&", "").startswith("Redo Rename")


def test_closing_unsaved_work_asks_and_cancel_keeps_the_window(window, answer) -> None:
    rename(window, "ad", "Changed")
    asked = answer("warning", Button.Cancel)
    assert not window.close()
    assert asked
    assert "Save the changes" in asked[0]
    assert window in WINDOWS
    answer("warning", Button.Discard)
    assert window.close()
    assert window not in WINDOWS


def test_closing_saved_work_does_not_ask(window, answer) -> None:
    asked = answer("warning", Button.Cancel)
    assert window.close()
    assert asked == []


def test_save_on_close_then_reopen_through_the_actions(
    make_window, answer, monkeypatch, tmp_path: Path
) -> None:
    target = tmp_path / "store"
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(target), ""))
    )
    window = make_window()
    rename(window, "ad", "Sees a TikTok ad")
    answer("warning", Button.Save)
    assert window.close()
    saved = tmp_path / "store.journey"
    assert load_journey(saved).touchpoint("ad").name == "Sees a TikTok ad"
    assert recent_files()[0] == saved.resolve()

    monkeypatch.setattr(
        QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: (str(saved), ""))
    )
    other = make_window(Journey.default())  # untitled and untouched: Open reuses it
    other.acts.open.trigger()
    assert other.document.path == saved.resolve()
    assert other.document.journey.touchpoint("ad").name == "Sees a TikTok ad"
    assert not other.isWindowModified()
    rename(other, "ad", "Sees a billboard")
    other.acts.save.trigger()
    assert load_journey(saved).touchpoint("ad").name == "Sees a billboard"
    assert (tmp_path / "store.journey.bak").exists()
    assert not other.isWindowModified()


def test_opening_a_broken_file_says_why(window, answer, tmp_path: Path) -> None:
    broken = tmp_path / "broken.journey"
    broken.write_text('{"format": "journeymapper", "version": 99}', encoding="utf-8")
    asked = answer("critical", Button.Ok)
    assert window.features.opener.open_path(broken) is None
    assert "newer" in asked[0]


def test_dropping_a_journey_file_on_the_window_opens_it(make_window, tmp_path: Path) -> None:
    from journeymapper.io.journey_file import save_journey
    from tests.sample import clothing_store

    path = tmp_path / "dropped.journey"
    save_journey(clothing_store(), path)
    window = make_window()
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path))])
    window.document.push(UpdateTouchpoint("ad", {"emotion": -1}))  # not reusable now
    count = len(WINDOWS)
    accepted, dropped = drag_drop(window.view.viewport(), mime, QPoint(200, 200))
    assert accepted
    assert dropped
    opened = [w for w in WINDOWS if w.document.path == path.resolve()]
    assert len(opened) == 1
    assert len(WINDOWS) == count + 1
    assert opened[0] is not window
    opened[0].close()


def test_window_layout_is_restored(make_window) -> None:
    first = make_window()
    first.features.problems_dock.hide()
    first.close()
    second = make_window()
    assert second.features.problems_dock.isHidden()
    second.features.problems_dock.show()
