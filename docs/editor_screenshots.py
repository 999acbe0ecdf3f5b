"""Screenshots of the editor on a real X display, for the README and the reviews.

    .venv/bin/python -m docs.editor_screenshots OUT_DIR      (from the checkout's top folder)

Starts Xvfb at 1920 × 1080 with openbox (so focus behaves like a desktop), opens the
smartphone example maximised, and saves under OUT_DIR:

- properties.png: a card with a long name and KPIs selected after another card's form
  was scrolled down (the Properties dock shows the new card from its top), and
  properties-form.png: that whole form, KPI table included;
- map-info.png: nothing selected: the map's title and emotion labels;
- fit.png: the whole map at fit zoom, two neighbouring cards at −1 (the emotion curve);
- cards.png: cards with votes, a paid and an earned touchpoint, zoomed in;
- capture.png: cards captured by keyboard in the Physical lane, one selected;
- dark.png and dark-form.png: the dark appearance, and the whole form's controls.
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

HERE = Path(__file__).resolve().parent
EXAMPLE = HERE.parent / "examples" / "smartphone-electronics-retailer.journey"
SIZE = "1920x1080x24"


def on_display(out: Path) -> int:
    """Run this script's `shoot` on a fresh Xvfb with openbox; the exit code of `shoot`."""
    from benchmarks.display import x_display  # (the --shoot child, run by path, needs none)

    with x_display(SIZE, window_manager=True) as display:
        env = {**os.environ, "DISPLAY": display, "QT_QPA_PLATFORM": "xcb"}
        env["XDG_CONFIG_HOME"] = str(out / ".config")
        done = subprocess.run(
            [sys.executable, __file__, "--shoot", str(out)], env=env, timeout=300, check=False
        )
        return done.returncode


def shoot(out: Path) -> int:
    from PySide6.QtCore import QTimer
    from PySide6.QtGui import QGuiApplication

    from journeymapper.app.files.opening import open_window
    from journeymapper.app.look import appearance
    from journeymapper.app.main import application
    from journeymapper.app.window.main_window import MainWindow
    from journeymapper.model.builders import new_touchpoint
    from journeymapper.model.edits import AddTouchpoint, UpdateTouchpoint

    app = application([sys.argv[0]])
    appearance.choose(appearance.Appearance.LIGHT)
    window = open_window(EXAMPLE, MainWindow)
    window.showMaximized()
    dock = window.features.properties_dock
    scene, view, document = window.scene, window.view, window.document

    def screen(name: str) -> None:
        QGuiApplication.primaryScreen().grabWindow(0).save(str(out / name))
        if name in ("properties.png", "dark.png"):
            dock.current.grab().save(str(out / name.replace(".png", "-form.png")))

    def select(*ids: str) -> None:
        scene.select_ids(ids)
        dock.show_selection()

    def properties() -> None:
        select("pages")
        bar = dock.pages.currentWidget().verticalScrollBar()
        bar.setValue(bar.maximum())
        app.processEvents()
        select("support")

    def map_info() -> None:
        scene.clearSelection()
        dock.show_selection()

    def fit() -> None:
        document.push(UpdateTouchpoint("till", {"emotion": -1}))
        document.push(UpdateTouchpoint("online", {"emotion": -1}))
        scene.clearSelection()
        view.fit_all()

    def cards() -> None:
        document.push(UpdateTouchpoint("display", {"votes": 2}))
        select("reviews")
        rect = scene.layout.cards["ads"].rect
        view.set_zoom(1.6)
        view.centerOn(rect.x + 260, rect.y + 180)

    def capture() -> None:
        journey = document.journey
        for name in ("Store", "Shelf label", "Price tag"):
            document.push(AddTouchpoint(new_touchpoint(journey, name, "discover", "physical")))
        added = [t.id for t in journey.touchpoints_in("discover", "physical")]
        select(added[-1])
        rect = scene.layout.cards[added[-1]].rect
        view.set_zoom(1.6)
        view.centerOn(rect.x, rect.y + 60)

    def dark() -> None:
        appearance.choose(appearance.Appearance.DARK)
        select("support")

    steps: list[tuple[Callable[[], None], str]] = [
        (properties, "properties.png"),
        (map_info, "map-info.png"),
        (fit, "fit.png"),
        (cards, "cards.png"),
        (capture, "capture.png"),
        (dark, "dark.png"),
    ]

    def run(index: int) -> None:
        if index > 0:
            screen(steps[index - 1][1])
        if index == len(steps):
            appearance.choose(appearance.Appearance.SYSTEM)
            document.undo_stack.setClean()
            window.close()
            app.quit()
            return
        steps[index][0]()
        QTimer.singleShot(900, lambda: run(index + 1))

    QTimer.singleShot(2000, lambda: run(0))
    return app.exec()


if __name__ == "__main__":
    if sys.argv[1:2] == ["--shoot"]:
        sys.exit(shoot(Path(sys.argv[2])))
    target = Path(sys.argv[1] if len(sys.argv) > 1 else HERE / "screenshots")
    target.mkdir(parents=True, exist_ok=True)
    sys.exit(on_display(target))
