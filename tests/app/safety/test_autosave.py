"""Autosave: recovery copies of unsaved work, written off the UI thread, never over the file."""

from __future__ import annotations

import threading
import time
from pathlib import Path

from journeymapper.app.safety import autosave
from journeymapper.app.safety.recovery_session import writer_pool
from journeymapper.io.journey_file import save_journey
from journeymapper.io.recovery_store import copies_in
from journeymapper.model.edits import UpdateInfo, UpdateTouchpoint
from tests.sample import clothing_store


def _short(window, idle: int = 100, longest: int = 400) -> None:  # type: ignore[no-untyped-def]
    window.features.safety.autosave.idle.setInterval(idle)
    window.features.safety.autosave.longest.setInterval(longest)


def test_a_copy_is_written_after_the_last_change_and_a_save_removes_it(
    make_window, recovery_session, qtbot, tmp_path: Path, monkeypatch
) -> None:
    path = tmp_path / "store.journey"
    save_journey(clothing_store(), path)
    on_disk = path.read_bytes()
    window = make_window(path=path.resolve())
    _short(window)
    threads: list[str] = []
    real_write = autosave.write_copy

    def spy(*args, **kwargs):  # type: ignore[no-untyped-def]
        threads.append(threading.current_thread().name)
        real_write(*args, **kwargs)

    monkeypatch.setattr(autosave, "write_copy", spy)
    with qtbot.waitSignal(window.features.safety.autosave.written, timeout=5000):
        window.document.push(UpdateTouchpoint("ad", {"name": "Sees a billboard"}))
    [copy] = copies_in(recovery_session.folder)
    assert copy.load().to_data() == window.document.journey.to_data()
    assert copy.info.original == path.resolve()
    assert copy.info.title == "Online clothing store"
    assert copy.info.base is not None
    assert copy.info.base.matches(path)
    assert path.read_bytes() == on_disk  # never over the user's file
    assert threads
    assert threading.main_thread().name not in threads  # serialised and written off the UI

    window.features.saving.save()
    writer_pool().waitForDone()
    assert copies_in(recovery_session.folder) == []


def test_changes_that_keep_coming_are_written_at_least_every_max_delay(
    make_window, recovery_session, qtbot
) -> None:
    window = make_window()
    _short(window, idle=300, longest=500)
    written: list[float] = []
    window.features.safety.autosave.written.connect(lambda: written.append(time.monotonic()))
    started = time.monotonic()
    for i in range(30):  # a change every 60 ms for 1.8 s: the idle delay never passes
        window.document.push(UpdateInfo({"title": f"Workshop {i}"}))
        qtbot.wait(60)
    writer_pool().waitForDone()
    qtbot.wait(50)
    assert len(written) >= 2
    assert written[0] - started < 1.5  # 0.5 s, and room for a busy machine
    [copy] = copies_in(recovery_session.folder)
    assert copy.load().title.startswith("Workshop")


def test_untitled_maps_undo_to_clean_and_closing(make_window, recovery_session, qtbot) -> None:
    window = make_window()
    assert window.document.path is None
    _short(window)
    with qtbot.waitSignal(window.features.safety.autosave.written, timeout=5000):
        window.document.push(UpdateInfo({"title": "Untitled workshop"}))
    [copy] = copies_in(recovery_session.folder)
    assert copy.info.original is None
    window.document.undo_stack.undo()  # back to the saved state: nothing to recover
    writer_pool().waitForDone()
    assert copies_in(recovery_session.folder) == []

    with qtbot.waitSignal(window.features.safety.autosave.written, timeout=5000):
        window.document.push(UpdateInfo({"title": "Again"}))
    assert len(copies_in(recovery_session.folder)) == 1
    window.features.safety.window_closed()  # what closing after Discard does
    writer_pool().waitForDone()
    assert copies_in(recovery_session.folder) == []


def test_a_copy_that_cannot_be_written_says_so_and_the_map_stays(
    make_window, recovery_session, qtbot, monkeypatch
) -> None:
    def full(*args, **kwargs):  # type: ignore[no-untyped-def]
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(autosave, "write_copy", full)
    window = make_window()
    _short(window)
    with qtbot.waitSignal(window.features.safety.autosave.failed, timeout=5000):
        window.document.push(UpdateInfo({"title": "Full disk"}))
    assert "recovery copy" in window.statusBar().currentMessage()
    assert window.document.journey.title == "Full disk"


def test_intervals_come_from_the_environment(monkeypatch) -> None:
    monkeypatch.setenv("JOURNEYMAPPER_AUTOSAVE_MS", "250,900")
    assert autosave.intervals() == (250, 900)
    monkeypatch.setenv("JOURNEYMAPPER_AUTOSAVE_MS", "nonsense")
    assert autosave.intervals() == (30_000, 60_000)
