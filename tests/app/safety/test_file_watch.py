"""The open file changed on disk: a bar offers Reload / Keep Mine; Save asks before
overwriting; our own saves and touches are not changes."""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtWidgets import QMessageBox

from journeymapper.app.safety.recovery_session import writer_pool
from journeymapper.io.journey_file import load_journey, save_journey
from journeymapper.io.recovery_store import copies_in
from journeymapper.model.edits import UpdateInfo, UpdateTouchpoint
from tests.app.safety.safety_helpers import click_when_modal
from tests.sample import clothing_store


def _on_disk(tmp_path: Path) -> Path:
    path = tmp_path / "store.journey"
    save_journey(clothing_store(), path)
    return path.resolve()


def _written_elsewhere(path: Path, title: str) -> None:
    """Another program writes the file as editors and git do: a new file renamed over it."""
    journey = load_journey(path)
    journey.apply(UpdateInfo({"title": title}))
    journey.apply(UpdateTouchpoint("ad", {"name": f"Changed by {title}"}))
    save_journey(journey, path.with_name("incoming.tmp"), backup=False)
    os.replace(path.with_name("incoming.tmp"), path)


def test_a_change_on_disk_shows_the_bar_and_reload_takes_it(make_window, qtbot, tmp_path) -> None:
    path = _on_disk(tmp_path)
    window = make_window(path=path)
    bar = window.features.safety.bar
    _written_elsewhere(path, "Theirs")
    qtbot.waitUntil(bar.isVisible, timeout=5000)
    assert "“store.journey” changed on disk" in bar.label.text()
    assert "unsaved" not in bar.label.text()
    assert not window.document.modified
    bar.buttons["Reload"].click()
    assert window.document.journey.title == "Theirs"
    assert window.document.journey.touchpoint("ad").name == "Changed by Theirs"
    assert not window.document.modified
    assert not bar.isVisible()

    _written_elsewhere(path, "Again")  # the watch survived the replaced inode
    qtbot.waitUntil(bar.isVisible, timeout=5000)
    bar.buttons["Reload"].click()
    assert window.document.journey.title == "Again"


def test_our_own_saves_and_a_touch_are_not_changes(make_window, qtbot, tmp_path) -> None:
    path = _on_disk(tmp_path)
    window = make_window(path=path)
    window.document.push(UpdateInfo({"title": "Mine"}))
    assert window.features.saving.save()
    os.utime(path, ns=(10**18, 10**18))  # same bytes, another time
    qtbot.wait(900)  # three times the settling delay
    assert not window.features.safety.bar.isVisible()
    window.document.push(UpdateInfo({"title": "Mine again"}))
    assert window.features.saving.save()  # no question: the file holds what we saved
    assert load_journey(path).title == "Mine again"


def test_reloading_over_unsaved_work_keeps_a_copy_for_recovery(
    make_window, recovery_session, qtbot, tmp_path
) -> None:
    path = _on_disk(tmp_path)
    window = make_window(path=path)
    window.document.push(UpdateInfo({"title": "Two hours of work"}))
    _written_elsewhere(path, "Theirs")
    bar = window.features.safety.bar
    qtbot.waitUntil(bar.isVisible, timeout=5000)
    assert "unsaved changes" in bar.label.text()
    assert "a copy of them is kept" in bar.label.text()
    bar.buttons["Reload"].click()
    assert window.document.journey.title == "Theirs"
    writer_pool().waitForDone()
    kept = [c for f in recovery_session.root.glob("kept-*") for c in copies_in(f)]
    assert [c.info.title for c in kept] == ["Two hours of work"]
    assert kept[0].info.original == path


def test_keep_mine_then_save_asks_overwrite_save_as_or_cancel(
    make_window, qtbot, tmp_path, monkeypatch
) -> None:
    path = _on_disk(tmp_path)
    window = make_window(path=path)
    window.document.push(UpdateInfo({"title": "Mine"}))
    _written_elsewhere(path, "Theirs")
    bar = window.features.safety.bar
    qtbot.waitUntil(bar.isVisible, timeout=5000)
    bar.buttons["Keep Mine"].click()
    assert window.document.journey.title == "Mine"
    qtbot.wait(600)
    assert not bar.isVisible()  # the same change is not announced twice

    seen: list[str] = []
    click_when_modal("Cancel", seen)
    assert not window.features.saving.save()
    assert "Overwrite" in seen[0] or "replaces those changes" in seen[0]
    assert load_journey(path).title == "Theirs"

    other = tmp_path / "mine.journey"
    from PySide6.QtWidgets import QFileDialog

    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(other), ""))
    )
    click_when_modal("Save As…")
    assert window.features.saving.save()
    assert load_journey(other).title == "Mine"
    assert load_journey(path).title == "Theirs"
    assert window.document.path == other.resolve()


def test_overwrite_replaces_the_other_version(make_window, qtbot, tmp_path) -> None:
    path = _on_disk(tmp_path)
    window = make_window(path=path)
    window.document.push(UpdateInfo({"title": "Mine"}))
    _written_elsewhere(path, "Theirs")
    qtbot.waitUntil(window.features.safety.bar.isVisible, timeout=5000)
    click_when_modal("Overwrite")
    assert window.features.saving.save()
    assert load_journey(path).title == "Mine"
    assert load_journey(path.with_name("store.journey.bak")).title == "Theirs"


def test_a_deleted_file_is_said_and_save_writes_it_again(make_window, qtbot, tmp_path) -> None:
    path = _on_disk(tmp_path)
    window = make_window(path=path)
    path.unlink()
    bar = window.features.safety.bar
    qtbot.waitUntil(bar.isVisible, timeout=5000)
    assert "moved or deleted" in bar.label.text()
    window.document.push(UpdateInfo({"title": "Saved again"}))
    assert window.features.saving.save()
    assert load_journey(path).title == "Saved again"


def test_a_file_that_cannot_be_reloaded_keeps_the_map(make_window, qtbot, tmp_path, answer) -> None:
    path = _on_disk(tmp_path)
    window = make_window(path=path)
    path.with_name("x.tmp").write_text("{ half written", encoding="utf-8")
    os.replace(path.with_name("x.tmp"), path)
    bar = window.features.safety.bar
    qtbot.waitUntil(bar.isVisible, timeout=5000)
    bar.buttons["Reload"].click()
    assert "cannot be reloaded" in bar.label.text()
    assert window.document.journey.title == "Online clothing store"
    answer("warning", QMessageBox.StandardButton.Discard)
