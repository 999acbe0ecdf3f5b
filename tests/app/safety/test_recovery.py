"""On start, the unsaved maps of a run that died are offered: Restore / Discard / Later."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

from PySide6.QtCore import QLockFile
from PySide6.QtWidgets import QMessageBox

from journeymapper.app.safety.recovery import offer_recovery
from journeymapper.app.safety.recovery_session import writer_pool
from journeymapper.io.disk_state import DiskState
from journeymapper.io.journey_file import load_journey, save_journey
from journeymapper.io.recovery_store import RecoveryInfo, copies_in, write_copy
from journeymapper.model.document import Journey
from journeymapper.model.edits import UpdateInfo, UpdateTouchpoint
from tests.app.safety.safety_helpers import click_when_modal
from tests.sample import clothing_store


def _dead_run(root: Path, name: str, *maps: tuple[Journey, Path | None]) -> Path:
    """The folder a run that died left: copies, and no live lock."""
    folder = root / name
    for i, (journey, original) in enumerate(maps, 1):
        info = RecoveryInfo(
            title=journey.title,
            original=original,
            saved_at=datetime.now(UTC),
            session=name,
            pid=999_999,
            base=DiskState.of(original) if original else None,
        )
        write_copy(folder, f"map-{i}", journey.to_data(), info)
    return folder


def _edited(title: str) -> Journey:
    journey = clothing_store()
    journey.apply(UpdateInfo({"title": title}))
    journey.apply(UpdateTouchpoint("ad", {"name": "Sees a billboard", "emotion": 2}))
    return journey


def test_restore_opens_the_maps_modified_with_their_paths(
    make_window, recovery_session, tmp_path: Path, answer
) -> None:
    original = tmp_path / "store.journey"
    save_journey(clothing_store(), original)
    named, untitled = _edited("Workshop map"), _edited("Untitled sketch")
    old = _dead_run(recovery_session.root, "dead-run", (named, original), (untitled, None))
    window = make_window(Journey.default())  # a fresh start: untouched, untitled
    asked: list[str] = []

    def ask(parent, copies):  # type: ignore[no-untyped-def]
        asked.extend(c.info.title for c in copies)
        return "restore"

    restored = offer_recovery(window.features.opener, ask)
    assert asked == ["Workshop map", "Untitled sketch"]
    assert restored[0] is window  # the untouched first window is reused
    by_title = {w.document.journey.title: w for w in restored}
    first, second = by_title["Workshop map"], by_title["Untitled sketch"]
    assert first.document.journey.to_data() == named.to_data()
    assert second.document.journey.to_data() == untitled.to_data()
    assert first.document.path == original
    assert second.document.path is None
    for w in restored:
        assert w.document.modified
        assert w.isWindowModified()
        assert "[*]" in w.windowTitle()
    assert not old.exists()  # the dead run's copies moved into this run's session
    assert len(copies_in(recovery_session.folder)) == 2
    assert load_journey(original).to_data() == clothing_store().to_data()  # untouched

    # The file did not change on disk meanwhile: Save writes there, no question.
    first.features.saving.save()
    writer_pool().waitForDone()
    assert load_journey(original).title == "Workshop map"
    assert len(copies_in(recovery_session.folder)) == 1
    answer("warning", QMessageBox.StandardButton.Discard)
    assert second.close()
    writer_pool().waitForDone()
    assert copies_in(recovery_session.folder) == []  # discarded on close: its copy goes


def test_a_restored_map_asks_before_saving_over_a_file_changed_since(
    make_window, recovery_session, tmp_path: Path
) -> None:
    original = tmp_path / "store.journey"
    save_journey(clothing_store(), original)
    _dead_run(recovery_session.root, "dead-run", (_edited("Mine"), original))
    changed = clothing_store()
    changed.apply(UpdateInfo({"title": "Theirs"}))
    save_journey(changed, original)  # a git pull after the crash
    window = make_window(Journey.default())
    [restored] = offer_recovery(window.features.opener, lambda parent, copies: "restore")
    seen: list[str] = []
    click_when_modal("Cancel", seen)
    assert not restored.features.saving.save()
    assert "changed on disk" in seen[0]
    assert load_journey(original).title == "Theirs"
    click_when_modal("Overwrite")
    assert restored.features.saving.save()
    assert load_journey(original).title == "Mine"


def test_discard_and_later(make_window, recovery_session) -> None:
    root = recovery_session.root
    _dead_run(root, "dead-run", (_edited("Lost"), None))
    window = make_window(Journey.default())
    assert offer_recovery(window.features.opener, lambda parent, copies: "later") == []
    assert [c.info.title for c in copies_in(root / "dead-run")] == ["Lost"]
    assert not (root / "dead-run.lock").exists()  # no one holds it: offered again next time
    assert offer_recovery(window.features.opener, lambda parent, copies: "discard") == []
    assert not (root / "dead-run").exists()
    assert window.document.pristine
    asked: list[object] = []
    offer_recovery(window.features.opener, lambda parent, copies: asked.append(copies) or "later")
    assert asked == []  # nothing left to offer


def test_the_copies_of_a_live_instance_are_never_offered_nor_touched(
    make_window, recovery_session
) -> None:
    root = recovery_session.root
    folder = _dead_run(root, "live-run", (_edited("Still open elsewhere"), None))
    alive = QLockFile(str(root / "live-run.lock"))  # held as a running editor holds it
    alive.setStaleLockTime(0)
    assert alive.tryLock(0)
    try:
        asked: list[object] = []
        window = make_window(Journey.default())
        offer_recovery(
            window.features.opener, lambda parent, copies: asked.append(copies) or "discard"
        )
        assert asked == []
        assert [c.info.title for c in copies_in(folder)] == ["Still open elsewhere"]
    finally:
        alive.unlock()


def test_the_dialog_offers_restore_discard_later(make_window, recovery_session) -> None:
    _dead_run(recovery_session.root, "dead-run", (_edited("Two-hour workshop"), None))
    window = make_window(Journey.default())
    seen: list[str] = []
    click_when_modal("Restore", seen)
    [restored] = offer_recovery(window.features.opener)
    assert "did not close properly" in seen[0]
    assert "Two-hour workshop" in seen[0]
    assert restored.document.journey.title == "Two-hour workshop"


def test_an_unreadable_copy_is_kept_and_named(make_window, recovery_session, answer) -> None:
    folder = _dead_run(recovery_session.root, "dead-run", (_edited("Broken"), None))
    (folder / "map-1.journey").write_text("{ not json", encoding="utf-8")
    asked = answer("warning", QMessageBox.StandardButton.Ok)
    window = make_window(Journey.default())
    assert offer_recovery(window.features.opener, lambda parent, copies: "restore") == []
    assert "Broken" in asked[0]
    assert (folder / "map-1.journey").exists()
    assert os.path.exists(folder / "map-1.json")


def _lock_left_by_a_dead_process(path: Path) -> None:
    code = (
        "import os, sys; from PySide6.QtCore import QLockFile; "
        "lock = QLockFile(sys.argv[1]); assert lock.tryLock(0); os._exit(0)"
    )
    subprocess.run([sys.executable, "-c", code, str(path)], check=True, timeout=60)
    assert path.exists()


def test_stale_locks_of_dead_runs_are_taken_and_cleaned(make_window, recovery_session) -> None:
    root = recovery_session.root
    _dead_run(root, "crashed-run", (_edited("After the crash"), None))
    _lock_left_by_a_dead_process(root / "crashed-run.lock")
    _lock_left_by_a_dead_process(root / "crashed-before-writing.lock")
    window = make_window(Journey.default())
    [restored] = offer_recovery(window.features.opener, lambda parent, copies: "restore")
    assert restored.document.journey.title == "After the crash"
    assert sorted(p.name for p in root.iterdir()) == sorted(
        [recovery_session.folder.name, f"{recovery_session.id}.lock"]
    )
