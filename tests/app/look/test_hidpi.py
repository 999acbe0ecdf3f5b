"""High-DPI: at a device pixel ratio of 2 the canvas and the icons are drawn at 2×.

Runs the editor in a subprocess with QT_SCALE_FACTOR=2 (the ratio is fixed when the
QApplication starts), grabs the canvas and records the icon pixmaps the widgets ask
for: each must carry ratio 2, i.e. drawn for the screen's pixels, never upscaled.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]

SCRIPT = r"""
import json, sys
from PySide6.QtCore import QSettings, QSize
QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, sys.argv[1])
from journeymapper.app.look import glyphs
asked = []
original = glyphs.icon_pixmap
def recording(name, size, color, ratio=1.0):
    asked.append(ratio)
    return original(name, size, color, ratio)
glyphs.icon_pixmap = recording
from pathlib import Path
from journeymapper.app.main import application
from journeymapper.app.files.opening import open_window
from journeymapper.app.window.main_window import MainWindow
app = application([])
window = open_window(Path(sys.argv[2]), MainWindow)
window.resize(1200, 800)
window.show()
window.features.finish()  # the whole window, docks and all, before it is measured
for _ in range(5):
    app.processEvents()
grab = window.view.viewport().grab()
toolbar = window.features.toolbar.grab()
undo = window.acts.undo.icon().pixmap(QSize(18, 18), window.devicePixelRatioF())
app_icon = app.windowIcon()
print(json.dumps({
    "window_ratio": window.devicePixelRatioF(),
    "grab_ratio": grab.devicePixelRatio(),
    "grab_pixels": [grab.width(), grab.height()],
    "view_size": [window.view.viewport().width(), window.view.viewport().height()],
    "toolbar_ratio": toolbar.devicePixelRatio(),
    "icon_ratios": sorted(set(asked)),
    "undo": [undo.devicePixelRatio(), undo.width()],
    "app_icon_sizes": [s.width() for s in app_icon.availableSizes()],
}))
window.document.undo_stack.setClean()
window.close()
"""


def test_canvas_and_icons_render_at_twice_the_pixels(tmp_path: Path) -> None:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", QT_SCALE_FACTOR="2")
    example = ROOT / "examples" / "online-clothing-store.journey"
    result = subprocess.run(
        [sys.executable, "-c", SCRIPT, str(tmp_path), str(example)],
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    found = json.loads(result.stdout.strip().splitlines()[-1])
    assert found["window_ratio"] == 2.0
    assert found["grab_ratio"] == 2.0
    assert found["grab_pixels"] == [2 * n for n in found["view_size"]]
    assert found["toolbar_ratio"] == 2.0
    assert 2.0 in found["icon_ratios"]  # the toolbar asked for 2× icons…
    assert 1.0 not in found["icon_ratios"]  # …and never for 1× ones to scale up
    assert found["undo"] == [2.0, 36]
    assert max(found["app_icon_sizes"]) == 512
