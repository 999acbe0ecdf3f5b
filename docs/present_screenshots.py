"""Screenshots of presenting and facilitating on a real X display, for the reviews.

    .venv/bin/python -m docs.present_screenshots OUT_DIR      (from the checkout's top folder)

Starts Xvfb with openbox (so focus behaves like a desktop) twice — at 1920 × 1080 with
the smartphone example, at 1280 × 720 with it and three more stages (eight) — and saves
under OUT_DIR (issue 16, items 1–5 and 7):

- 1920-focus.png: presenting, "Research and compare" in focus: the whole stage column;
- 1920-bar-round.png: a voting round under way and a timer duration being typed: the
  bar keeps every control whole;
- 1920-quick-add.png: Quick add with Connect As You Type, the panel naming the card
  the next one follows;
- 1920-summary.png: Summary from the bar: no dialog, a toast naming the file;
- 1920-left.png: presentation left after opening the ranking: the editor as it was;
- 1920-zoomed.png: the editor zoomed in to 130 %: stage and lane names pinned whole;
- 1280-bar.png, 1280-bar-round.png: eight stages at 1280 × 720, idle and mid-round.
"""

from __future__ import annotations

import logging
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

HERE = Path(__file__).resolve().parent
EXAMPLE = HERE.parent / "examples" / "smartphone-electronics-retailer.journey"
log = logging.getLogger(__name__)
MORE_STAGES = ("Repeat purchase", "Advocacy and referral", "Trade-in and upgrade")


def on_display(out: Path, size: str) -> int:
    """Run `shoot` on a fresh Xvfb of `size` (WxH) with openbox; its exit code."""
    from benchmarks.display import x_display  # (the --shoot child, run by path, needs none)

    with x_display(f"{size}x24", window_manager=True) as display:
        env = {**os.environ, "DISPLAY": display, "QT_QPA_PLATFORM": "xcb"}
        env["XDG_CONFIG_HOME"] = str(out / ".config")
        env["HOME"] = str(out / "home")  # an unsaved map's summary goes under it
        command = [sys.executable, __file__, "--shoot", str(out), size]
        return subprocess.run(command, env=env, timeout=120, check=False).returncode


def shoot(out: Path, size: str) -> int:
    from PySide6.QtCore import QTimer
    from PySide6.QtGui import QGuiApplication

    from journeymapper.app.files.opening import open_window
    from journeymapper.app.look import appearance
    from journeymapper.app.main import application
    from journeymapper.app.window.main_window import MainWindow
    from journeymapper.io.journey_file import load_journey, save_journey
    from journeymapper.model.builders import new_stage
    from journeymapper.model.edits import AddStage

    app = application([sys.argv[0]])
    appearance.choose(appearance.Appearance.LIGHT)
    wide = size.startswith("1920")
    journey = load_journey(EXAMPLE)
    for name in () if wide else MORE_STAGES:
        journey.apply(AddStage(new_stage(journey, name)))
    copy = out / "smartphone.journey"  # the summary is written beside it
    save_journey(journey, copy)  # (saved: closing asks nothing)
    window = open_window(copy, MainWindow)
    window.showMaximized()
    facilitator, scene, view = window.features.facilitator, window.scene, window.view
    bar, acts = facilitator.bar, facilitator.acts

    def screen(name: str) -> None:
        QGuiApplication.primaryScreen().grabWindow(0).save(str(out / f"{size[:4]}-{name}"))

    def present() -> None:
        facilitator.mode.toggle()

    def focus() -> None:
        facilitator.focus.set("compare")

    def round_() -> None:
        acts["vote_start"].trigger()
        bar.voters.setText("Ana, Ben, Chloe, Dev")
        bar.voters.returnPressed.emit()
        acts["timer_custom"].trigger()
        bar.duration.setText("7m")

    def quick_add() -> None:
        bar.duration.escaped.emit()
        acts["vote_discard"].trigger()
        if not window.acts.capture_flow.isChecked():
            window.acts.capture_flow.trigger()  # Insert ▸ Connect As You Type
        scene.select_ids(["reviews"])
        acts["quick_add"].trigger()
        view.text_editing.field.insertPlainText("Reads a review video")

    def summary() -> None:
        view.text_editing.close()
        next(b for b in bar.findChildren(type(bar.whole_map)) if b.text() == "Summary").click()

    def left() -> None:
        acts["ranking"].trigger()
        facilitator.mode.leave()

    def zoomed() -> None:
        view.set_zoom(1.3)
        view.centerOn(scene.layout.width / 2, scene.layout.height / 2)

    steps: list[tuple[Callable[[], None], str]] = [(present, "")]
    if wide:
        steps += [
            (focus, "focus.png"),
            (round_, "bar-round.png"),
            (quick_add, "quick-add.png"),
            (summary, "summary.png"),
            (left, "left.png"),
            (zoomed, "zoomed.png"),
        ]
    else:
        steps += [(lambda: None, "bar.png"), (round_, "bar-round.png")]

    def run(index: int) -> None:
        if index > 0 and steps[index - 1][1]:
            screen(steps[index - 1][1])
        if index == len(steps):
            app.quit()
            return
        try:
            steps[index][0]()
        except Exception:  # a failed step ends the run (not a hang)
            log.exception("step %s", steps[index][1])
            app.exit(1)
            return
        QTimer.singleShot(1200, lambda: run(index + 1))

    QTimer.singleShot(1500, lambda: run(0))
    return app.exec()


if __name__ == "__main__":
    if sys.argv[1:2] == ["--shoot"]:
        sys.exit(shoot(Path(sys.argv[2]), sys.argv[3]))
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    target = Path(sys.argv[1])
    target.mkdir(parents=True, exist_ok=True)
    codes = [on_display(target, size) for size in ("1920x1080", "1280x720")]
    sys.exit(max(codes))
