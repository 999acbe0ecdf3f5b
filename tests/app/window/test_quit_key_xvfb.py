"""Ctrl+Q quits, wherever Qt's `StandardKey.Quit` has no key (Windows, the offscreen
platform, X11 with some Qt versions and themes), and pressed for real on X11.

The real-key test: the editor runs as `python -m journeymapper MAP` on its own Xvfb with
the xcb platform; xdotool waits for its window, gives it the keyboard focus and presses
Ctrl+Q through the XTEST extension, as a keyboard would. The process must end by itself,
with exit code 0. (PySide6 6.11's xcb platform has Ctrl+Q as its Quit key, so there this
guards the binding end to end; the offscreen test is the one without a platform key.)
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QApplication

ROOT = Path(__file__).resolve().parents[3]
EXAMPLE = ROOT / "examples" / "online-clothing-store.journey"


def xdotool(display: str, *argv: str) -> str:
    result = subprocess.run(
        ["xdotool", *argv],
        env={**os.environ, "DISPLAY": display},
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    return result.stdout.strip()


@pytest.mark.xvfb
def test_ctrl_q_quits_the_editor(x_display: str, tmp_path: Path) -> None:
    if shutil.which("xdotool") is None:
        pytest.fail("xdotool is not installed: `make test` installs it (apt-get install xdotool)")
    env = {
        **os.environ,
        "DISPLAY": x_display,
        "QT_QPA_PLATFORM": "xcb",
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
        "XDG_DATA_HOME": str(tmp_path / "data"),
    }
    editor = subprocess.Popen(
        [sys.executable, "-m", "journeymapper", str(EXAMPLE)],
        cwd=tmp_path,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        window = xdotool(x_display, "search", "--sync", "--onlyvisible", "--name", EXAMPLE.name)
        window = window.splitlines()[0]
        xdotool(x_display, "windowfocus", "--sync", window)
        xdotool(x_display, "key", "--clearmodifiers", "ctrl+q")
        code = editor.wait(timeout=30)
    finally:
        if editor.poll() is None:
            editor.kill()
            editor.wait()
    assert code == 0, editor.stderr.read() if editor.stderr else ""


def test_ctrl_q_is_bound_where_the_platform_has_no_quit_key(  # type: ignore[no-untyped-def]
    window, qtbot, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Offscreen, like Windows, Qt has no Quit key at all: Ctrl+Q is bound by hand."""
    assert not QKeySequence.keyBindings(QKeySequence.StandardKey.Quit)
    assert QKeySequence("Ctrl+Q") in window.acts.quit.shortcuts()
    quits: list[bool] = []
    monkeypatch.setattr(QApplication, "quit", staticmethod(lambda: quits.append(True)))
    qtbot.keyClick(window.view.viewport(), Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier)
    assert quits == [True]
    assert not window.isVisible()
