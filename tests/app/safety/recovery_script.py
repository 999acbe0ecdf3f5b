"""Run by test_recovery_process.py: the real editor (`journeymapper.app.main.run`) in a
process of its own, driven from timers.

    recovery_script.py edit MAP OUT     open MAP, edit it and an untitled map through
                                        their undo stacks, write what they hold to OUT,
                                        print {"ready": ...}, and wait to be killed
    recovery_script.py start OUT ANSWER start with no file; if recovery is offered,
                                        answer restore / discard / later; write what
                                        was offered and restored to OUT/ANSWER.json;
                                        close every window (discarding) and quit
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from journeymapper.app.files.windows import OPEN as WINDOWS
from journeymapper.app.main import application, run
from journeymapper.io.journey_file import to_json
from journeymapper.model.builders import new_connection, new_touchpoint
from journeymapper.model.edits import AddTouchpoint, Connect, UpdateInfo, UpdateTouchpoint


def edit(out: Path) -> None:
    window = WINDOWS[0]
    doc = window.document
    doc.push(UpdateTouchpoint("ad", {"name": "Sees a billboard on the way to work"}))
    doc.push(UpdateTouchpoint("cart", {"emotion": -2, "pain_points": ("Shipping costs",)}))
    first = next(iter(doc.journey.touchpoints()))
    card = new_touchpoint(doc.journey, "Asks a friend", first.stage, first.lane)
    doc.push(AddTouchpoint(card))
    doc.push(Connect(new_connection(doc.journey, card.id, first.id, "recommends")))
    doc.push(UpdateInfo({"title": "Workshop, 14:00"}))
    window.features.opener.new_window()
    untitled = WINDOWS[-1].document
    untitled.push(UpdateInfo({"title": "Sketch from the break", "description": "ünïcødé ✓"}))
    for i, w in enumerate(WINDOWS):
        (out / f"expected-{i}.journey").write_text(to_json(w.document.journey.to_data()))
    print(json.dumps({"ready": True, "windows": len(WINDOWS)}), flush=True)


def start(out: Path, answer: str) -> None:
    report: dict[str, object] = {"offered": []}

    def find_dialog(left: int) -> None:
        from journeymapper.app.safety.recovery import RecoveryDialog

        dialog = QApplication.activeModalWidget()
        if isinstance(dialog, RecoveryDialog):
            report["offered"] = [dialog.list.item(i).text() for i in range(dialog.list.count())]
            dialog.buttons[answer].click()  # type: ignore[index]
            QTimer.singleShot(300, finish)
        elif left:
            QTimer.singleShot(50, lambda: find_dialog(left - 1))
        else:
            finish()

    def finish() -> None:
        report["windows"] = [
            {
                "title": w.document.journey.title,
                "path": str(w.document.path) if w.document.path else None,
                "modified": w.document.modified,
                "title_bar_modified": w.isWindowModified(),
                "text": to_json(w.document.journey.to_data()),
            }
            for w in WINDOWS
        ]
        (out / f"{answer}.json").write_text(json.dumps(report))
        QMessageBox.warning = lambda *a, **k: QMessageBox.StandardButton.Discard  # type: ignore[method-assign]
        for window in list(WINDOWS):
            window.close()

    QTimer.singleShot(100, lambda: find_dialog(60))


def main() -> int:
    application([sys.argv[0]])
    mode, *args = sys.argv[1:]
    if mode == "edit":
        QTimer.singleShot(300, lambda: edit(Path(args[1])))
        return run(args[0])
    start(Path(args[0]), args[1])
    return run(None)


if __name__ == "__main__":
    sys.exit(main())
