"""Run by test_smoke_xvfb.py in its own process on a real X server (xcb).

Opens the real editor window on a map, waits until it is on screen, saves a screenshot
of the screen and of the window, exports the canvas as PNG and the map as a poster PDF
through the same functions the menus use, closes the window and quits. Prints one JSON
line describing what it did; the exit code says whether it all worked.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtGui import QGuiApplication


def main(map_path: str, out_dir: str) -> int:
    from journeymapper.app.files.opening import open_window
    from journeymapper.app.main import application
    from journeymapper.app.window.main_window import MainWindow

    out = Path(out_dir)
    app = application([sys.argv[0]])
    window = open_window(Path(map_path), MainWindow)
    window.resize(1280, 800)
    window.show()
    window.view.fit_all()
    report: dict[str, object] = {"platform": QGuiApplication.platformName()}

    def shoot() -> None:
        screen = QGuiApplication.primaryScreen()
        screen.grabWindow(0).save(str(out / "screen.png"))
        window.grab().save(str(out / "window.png"))
        from journeymapper.app.canvas.image import scene_image_bytes

        (out / "canvas.png").write_bytes(scene_image_bytes(window.scene, "png", dpi=72))
        from journeymapper.io.poster.export import export_poster

        result = export_poster(window.document.journey, out / "poster.pdf")
        report.update(
            pages=result.pages,
            title=window.windowTitle(),
            cards=len(window.scene.cards),
            exposed=window.isVisible(),
        )
        report["closed"] = window.close()
        app.quit()

    QTimer.singleShot(1500, shoot)
    code = app.exec()
    print(json.dumps(report))
    return code


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2]))
