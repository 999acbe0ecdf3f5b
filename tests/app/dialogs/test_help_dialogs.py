"""Help ▸ Keyboard Shortcuts is generated from the window's actions; Help ▸ About names
the version and the licences of what the editor ships."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections import defaultdict
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence
from PySide6.QtWidgets import QApplication, QPlainTextEdit, QPushButton

from journeymapper import __version__
from journeymapper.app.dialogs.about import AboutDialog, about_html, components, versions_text
from journeymapper.app.dialogs.shortcuts import (
    CANVAS,
    ShortcutsDialog,
    as_html,
    as_text,
    key_sequences,
    shortcuts,
)


def _actions_with_keys(window) -> list[QAction]:  # type: ignore[no-untyped-def]
    return [a for a in window.findChildren(QAction) if key_sequences(a)]


def test_every_action_with_a_shortcut_is_on_the_sheet(window) -> None:
    rows = shortcuts(window.context)
    listed = {id(r.source) for r in rows if r.source is not None}
    missing = [a.text() for a in _actions_with_keys(window) if id(a) not in listed]
    assert not missing
    by_action = {id(r.source): r for r in rows if r.source is not None}
    save = by_action[id(window.acts.save)]
    assert (save.group, save.action) == ("File", "Save")
    assert (
        QKeySequence(QKeySequence.StandardKey.Save).toString(QKeySequence.SequenceFormat.NativeText)
        in save.keys
    )
    assert by_action[id(window.acts.undo)].action == "Undo"  # not "Undo Move"
    assert by_action[id(window.acts.add_touchpoint)].group == "Insert"


def test_the_sheet_lists_the_canvas_keys_last() -> None:
    from journeymapper.app.dialogs.shortcuts import CANVAS_KEYS

    assert any("Tab" in keys for _, keys in CANVAS_KEYS)
    assert any("Esc" in keys for _, keys in CANVAS_KEYS)


def test_no_two_actions_share_a_shortcut(window) -> None:
    """Within one window, a key sequence triggers one action (whatever its context:
    the canvas-only actions live in the same window as the menu-wide ones)."""
    owners: dict[str, list[str]] = defaultdict(list)
    for action in _actions_with_keys(window):
        if action.shortcutContext() == Qt.ShortcutContext.WidgetShortcut:
            continue  # Set Emotion's digits: only while their menu is open
        for sequence in action.shortcuts():
            owners[sequence.toString(QKeySequence.SequenceFormat.PortableText)].append(
                action.text()
            )
    clashes = {key: names for key, names in owners.items() if len(set(names)) > 1}
    assert not clashes


def test_sheet_groups_are_contiguous_and_canvas_is_last(window) -> None:
    groups = [r.group for r in shortcuts(window.context)]
    seen: list[str] = []
    for group in groups:
        if not seen or seen[-1] != group:
            assert group not in seen, f"{group} is split"
            seen.append(group)
    assert seen[0] == "File"
    assert seen[-1] == CANVAS


def test_shortcuts_dialog_filters_copies_and_prints_as_html(window, qtbot) -> None:
    dialog = ShortcutsDialog(window.context)
    qtbot.addWidget(dialog)
    everything = dialog.visible_rows()
    assert len(everything) == len(dialog.rows)
    dialog.search.setText("zoom")
    shown = dialog.visible_rows()
    assert shown
    assert all("zoom" in (a + k).casefold() for a, k in shown)
    assert len(shown) < len(everything)
    dialog.search.setText("ctrl+s")
    assert ("Save", QKeySequence("Ctrl+S").toString(QKeySequence.SequenceFormat.NativeText)) in (
        dialog.visible_rows()
    )
    dialog.search.clear()
    assert len(dialog.visible_rows()) == len(everything)
    dialog.copy()
    text = QGuiApplication.clipboard().text()
    assert text == as_text(dialog.rows)
    assert "Save As" in text
    assert "Canvas" in text
    assert "<table" in as_html(dialog.rows)


def test_help_menu_opens_the_generated_sheet(window, qtbot, monkeypatch) -> None:
    opened: list[ShortcutsDialog] = []
    monkeypatch.setattr(ShortcutsDialog, "exec", lambda self: opened.append(self) or 0)
    window.acts.shortcuts.trigger()
    assert opened
    assert opened[0].rows


def test_about_names_version_and_licences(window, qtbot) -> None:
    dialog = AboutDialog(window)
    qtbot.addWidget(dialog)
    html = about_html()
    for needed in ("DejaVu", "Bitstream", "MIT", "LGPL", "BSD", "Licence text"):
        assert needed in html
    names = {c.name: c for c in components()}
    assert {"Qt", "PySide6", "reportlab", "networkx", "pydantic"} <= set(names)
    assert names["PySide6"].licence == "LGPL v3"
    assert names["pydantic"].licence == "MIT"
    assert all(c.version and c.version != "?" for c in names.values())
    assert __version__ in versions_text()
    licence = dialog.show_font_licence()
    qtbot.addWidget(licence)
    text = licence.findChild(QPlainTextEdit).toPlainText()
    assert "Bitstream" in text
    assert "public domain" in text


def test_about_copies_versions(window, qtbot) -> None:
    dialog = AboutDialog(window)
    qtbot.addWidget(dialog)
    QApplication.clipboard().clear()
    button = next(b for b in dialog.findChildren(QPushButton) if "Versions" in b.text())
    button.click()
    assert f"JourneyMapper {__version__}" in QApplication.clipboard().text()
    assert "reportlab" in QApplication.clipboard().text()


def test_a_platform_binding_never_steals_another_actions_key(app) -> None:
    from journeymapper.app.actions import resolve_conflicts

    delete, duplicate = QAction("Delete"), QAction("Duplicate")
    delete.setShortcuts([QKeySequence("Del"), QKeySequence("Ctrl+D")])  # X11's Delete
    duplicate.setShortcut(QKeySequence("Ctrl+D"))
    resolve_conflicts([delete, duplicate])
    assert delete.shortcuts() == [QKeySequence("Del")]
    assert duplicate.shortcuts() == [QKeySequence("Ctrl+D")]


CLASH_SCRIPT = r"""
import json, sys
import json
from collections import defaultdict
from PySide6.QtCore import QSettings, Qt
QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, sys.argv[1])
from PySide6.QtGui import QAction, QKeySequence
from journeymapper.app.main import application
from journeymapper.app.window.main_window import MainWindow
app = application([])
window = MainWindow()
owners = defaultdict(set)
for action in window.findChildren(QAction):
    if action.shortcutContext() == Qt.ShortcutContext.WidgetShortcut:
        continue
    for sequence in action.shortcuts():
        owners[sequence.toString()].add(action.text())
print(json.dumps({k: sorted(v) for k, v in owners.items() if len(v) > 1}))
"""


@pytest.mark.xvfb
def test_no_shortcut_clash_with_the_x11_key_bindings(x_display: str, tmp_path: Path) -> None:
    """X11's bindings differ from the offscreen platform's (Delete is also Ctrl+D)."""
    env = dict(os.environ, DISPLAY=x_display, QT_QPA_PLATFORM="xcb")
    result = subprocess.run(
        [sys.executable, "-c", CLASH_SCRIPT, str(tmp_path)],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout.strip().splitlines()[-1]) == {}
