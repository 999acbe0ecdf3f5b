"""Recovery for real: the editor in a subprocess edits two maps, autosaves, is killed
with SIGKILL, and starts again.

The runs share a temporary HOME and XDG folders (nothing touches the user's), the
offscreen platform, and autosave delays of 0.3 s / 1 s (JOURNEYMAPPER_AUTOSAVE_MS):

1. run A opens a map and edits it and an untitled map through their undo stacks, and
   waits for its recovery copies to be written;
2. run B starts while A is alive: nothing is offered, A's copies are untouched;
3. A is killed with SIGKILL;
4. run C is offered both maps and answers Later: the copies stay;
5. run D is offered both again and restores them: each equals the edits, is modified,
   and the named one has its original path; D then closes both (discarding);
6. run E is offered nothing, and no copy is left. The map file was never written.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

from journeymapper.io.journey_file import save_journey
from journeymapper.io.recovery_store import copies_in
from tests.sample import clothing_store

ROOT = Path(__file__).resolve().parents[3]
SCRIPT = Path(__file__).with_name("recovery_script.py")


def _environment(home: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("XDG_", "DISPLAY"))}
    folders = {"HOME": home, "XDG_DATA_HOME": home / "data", "XDG_CONFIG_HOME": home / "config",
               "XDG_CACHE_HOME": home / "cache", "XDG_STATE_HOME": home / "state",
               "XDG_RUNTIME_DIR": home / "runtime"}  # fmt: skip
    for name, folder in folders.items():
        folder.mkdir(mode=0o700, exist_ok=True)
        env[name] = str(folder)
    env.update(
        QT_QPA_PLATFORM="offscreen",
        JOURNEYMAPPER_AUTOSAVE_MS="300,1000",
        PYTHONPATH=str(ROOT),
    )
    return env


def _start(env: dict[str, str], *args: str) -> dict[str, Any]:
    """A run that answers the recovery dialog (if any), reports, and quits by itself."""
    done = subprocess.run(
        [sys.executable, str(SCRIPT), "start", *args],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr[-3000:]
    return json.loads((Path(args[0]) / f"{args[1]}.json").read_text())


def _copies(recovery: Path) -> list[Any]:
    if not recovery.exists():
        return []
    return [c for folder in recovery.iterdir() if folder.is_dir() for c in copies_in(folder)]


def test_edits_survive_a_sigkill(tmp_path: Path) -> None:
    env = _environment(tmp_path / "home")
    recovery = tmp_path / "home" / "data" / "JourneyMapper" / "JourneyMapper" / "recovery"
    out = tmp_path / "out"
    out.mkdir()
    map_path = tmp_path / "workshop.journey"
    save_journey(clothing_store(), map_path)
    on_disk = map_path.read_bytes()

    editor = subprocess.Popen(
        [sys.executable, str(SCRIPT), "edit", str(map_path), str(out)],
        cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )  # fmt: skip
    try:
        assert editor.stdout is not None
        ready = json.loads(editor.stdout.readline() or "{}")
        assert ready.get("windows") == 2, editor.stderr.read() if editor.poll() else ready
        expected = sorted(p.read_text() for p in out.glob("expected-*.journey"))
        deadline = time.monotonic() + 30
        while sorted(c.map_path.read_text() for c in _copies(recovery)) != expected:
            assert time.monotonic() < deadline, "the autosave never wrote both maps"
            time.sleep(0.1)

        alive = _start(env, str(out), "restore")  # B: a second instance while A lives
        assert alive["offered"] == []
        assert len(_copies(recovery)) == 2
    finally:
        editor.send_signal(signal.SIGKILL)
        editor.wait(timeout=30)
        editor.stdout.close()  # type: ignore[union-attr]
        editor.stderr.close()  # type: ignore[union-attr]
    assert editor.returncode == -signal.SIGKILL

    later = _start(env, str(out), "later")  # C
    assert len(later["offered"]) == 2
    assert any("Workshop, 14:00" in line and str(map_path) in line for line in later["offered"])
    assert any(
        "Sketch from the break" in line and "never saved" in line for line in later["offered"]
    )
    assert len(_copies(recovery)) == 2

    restored = _start(env, str(out), "restore")  # D
    assert len(restored["offered"]) == 2
    windows = restored["windows"]
    assert sorted(w["text"] for w in windows) == expected  # the restored maps equal the edits
    assert all(w["modified"] and w["title_bar_modified"] for w in windows)
    paths = {w["title"]: w["path"] for w in windows}
    assert paths == {"Workshop, 14:00": str(map_path), "Sketch from the break": None}

    after = _start(env, str(out), "discard")  # E
    assert after["offered"] == []
    assert _copies(recovery) == []
    assert map_path.read_bytes() == on_disk  # recovery never wrote over the user's file
