"""Run by `shoot.py` on its X server: one example in the real editor window, pictured.

Opens the map maximised, fits it to the window, and once it is on screen saves the
screen, the canvas as PNG (the editor's own export) and the poster PDF, then quits.
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtGui import QGuiApplication


def main(map_path: str, out_dir: str) -> int:
    from journeymapper.app.canvas.image import scene_image_bytes
    from journeymapper.app.main import application, open_first_window
    from journeymapper.io.poster.export import export_poster

    path, out = Path(map_path), Path(out_dir)
    app = application([sys.argv[0]])
    window = open_first_window(str(path))
    window.showMaximized()

    def fit() -> None:
        window.view.fit_all()

    def shoot() -> None:
        screen = QGuiApplication.primaryScreen()
        screen.grabWindow(0).save(str(out / f"{path.stem}-editor.png"))
        canvas = scene_image_bytes(window.scene, "png", dpi=110)
        (out / f"{path.stem}-canvas.png").write_bytes(canvas)
        export_poster(window.document.journey, out / f"{path.stem}-poster.pdf")
        window.document.undo_stack.setClean()
        window.close()
        app.quit()

    QTimer.singleShot(800, fit)
    QTimer.singleShot(2000, shoot)
    return app.exec()


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2]))
