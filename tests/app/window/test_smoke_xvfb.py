"""One real window on a real X server: open an example, screenshot it, export, quit.

Starts its own Xvfb (a missing Xvfb fails the test: `make test` installs it) and runs
the editor in a subprocess with the xcb platform plugin, as a user would run it.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtGui import QImage

ROOT = Path(__file__).resolve().parents[3]
EXAMPLE = ROOT / "examples" / "online-clothing-store.journey"


@pytest.mark.xvfb
def test_the_real_window_opens_an_example_exports_and_quits(x_display: str, tmp_path: Path) -> None:
    env = {
        **os.environ,
        "DISPLAY": x_display,
        "QT_QPA_PLATFORM": "xcb",
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
    }
    result = subprocess.run(
        [
            sys.executable,
            str(Path(__file__).with_name("smoke_script.py")),
            str(EXAMPLE),
            str(tmp_path),
        ],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    report = json.loads(result.stdout.strip().splitlines()[-1])
    assert report["platform"] == "xcb"
    assert report["closed"] is True
    assert report["cards"] > 0
    assert "online-clothing-store.journey" in report["title"]
    screen = QImage(str(tmp_path / "screen.png"))
    assert (screen.width(), screen.height()) == (1280, 800)
    assert QImage(str(tmp_path / "window.png")).width() > 600
    assert QImage(str(tmp_path / "canvas.png")).width() > 600
    assert len(PdfReader(tmp_path / "poster.pdf").pages) == report["pages"] >= 1
