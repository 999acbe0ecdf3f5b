"""The editor's interchange entries: New from Template, Import (new map or one-step merge),
Export ▸ CSV / Mermaid / GraphML / SVG, and the images the command line draws offscreen."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtGui import QAction, QImage
from PySide6.QtWidgets import QDialog, QFileDialog, QMessageBox

from journeymapper.app.canvas.image import ImageError, png_bytes, png_size, scene_for, svg_bytes
from journeymapper.app.dialogs import interchange_import, interchange_templates
from journeymapper.app.dialogs.interchange_export import export_interactively
from journeymapper.app.dialogs.interchange_import import (
    ImportDialog,
    apply_import,
    import_interactively,
)
from journeymapper.app.dialogs.interchange_templates import TemplateDialog, new_from_template
from journeymapper.app.files.opening import Opener
from journeymapper.io.interchange.formats import export_file, import_file
from journeymapper.model.builders import new_touchpoint
from journeymapper.model.edits import AddTouchpoint
from journeymapper.model.templates import template

CSV_WITH_PROBLEMS = "stage,name,emotion\nPurchase,Gift wrap,1\n,No stage,\nPurchase,Loud,9\n"


def action(window, name: str) -> QAction:  # type: ignore[no-untyped-def]
    found = window.findChild(QAction, name)
    assert found is not None, name
    return found


def test_install_adds_the_menu_entries(window) -> None:  # type: ignore[no-untyped-def]
    file_menu = window.menu("file")
    entries = file_menu.actions()
    template_entry = action(window, "new_from_template")
    assert entries.index(template_entry) == entries.index(window.acts.new) + 1
    assert action(window, "import_map") in window.menu("import").actions()
    exports = window.menu("export").actions()
    for fmt in ("svg", "csv", "mermaid", "graphml"):
        assert action(window, f"export_{fmt}") in exports


def test_import_as_a_new_map_reuses_an_untouched_window(window, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    sheet = tmp_path / "gifts.csv"
    sheet.write_text(CSV_WITH_PROBLEMS)
    result = import_file(sheet)
    assert window.document.pristine
    shown = apply_import(window.features.opener, result, sheet, merge=False)
    assert shown is window
    assert window.document.journey.title == "Gifts"
    assert window.document.journey.touchpoint_count() == 2
    assert window.document.modified  # unsaved: closing asks first
    assert window.document.path is None


def test_import_as_a_new_map_opens_a_new_window_over_edited_work(  # type: ignore[no-untyped-def]
    window, tmp_path: Path, answer
) -> None:
    journey = window.document.journey
    count = journey.touchpoint_count()
    window.document.push(AddTouchpoint(new_touchpoint(journey, "Extra", "purchase", "touchpoints")))
    sheet = tmp_path / "gifts.csv"
    sheet.write_text(CSV_WITH_PROBLEMS)
    other = apply_import(window.features.opener, import_file(sheet), sheet, merge=False)
    try:
        assert other is not window
        assert other.document.journey.touchpoint_count() == 2
        assert window.document.journey.touchpoint_count() == count + 1
    finally:
        answer("warning", QMessageBox.StandardButton.Discard)
        other.close()


def test_merge_is_one_undo_step(window, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    doc = window.document
    before = doc.journey.to_data()
    source = tmp_path / "day.mmd"
    source.write_text("journey\n  section Purchase\n    Gift wrap: 4: Maya\n    Pay: 3\n")
    steps = doc.undo_stack.count()
    apply_import(window.features.opener, import_file(source), source, merge=True)
    assert doc.undo_stack.count() == steps + 1
    assert doc.undo_stack.undoText() == "Import day.mmd"
    assert doc.journey.touchpoint_count() == len(before.touchpoints) + 2
    assert [s.name for s in doc.journey.stages] == [s.name for s in before.stages]
    doc.undo_stack.undo()
    assert doc.journey.to_data() == before
    doc.undo_stack.redo()
    assert doc.journey.touchpoint_count() == len(before.touchpoints) + 2


def test_the_dialog_lists_what_was_skipped(app, qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    sheet = tmp_path / "gifts.csv"
    sheet.write_text(CSV_WITH_PROBLEMS)
    dialog = ImportDialog(import_file(sheet), sheet, "Online clothing store")
    qtbot.addWidget(dialog)
    items = [dialog.notices.item(i).text() for i in range(dialog.notices.count())]
    assert items == [
        "row 3: skipped: column 'stage' (A) is empty; every touchpoint needs a stage",
        "row 4: warning: column 'emotion' (C): '9' is outside the emotion scale -2…2; left empty",
    ]
    assert "Skipped or changed (2)" in dialog.notices_label.text()
    assert "2 touchpoints and 0 connections in 1 stage" in dialog.summary.text()
    assert not dialog.merging
    dialog.merge.setChecked(True)
    assert dialog.merging
    assert dialog.ok.isEnabled()


def test_the_dialog_refuses_an_empty_import(app, qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    sheet = tmp_path / "empty.csv"
    sheet.write_text("stage,name\n,orphan\n")
    dialog = ImportDialog(import_file(sheet), sheet, "Map")
    qtbot.addWidget(dialog)
    assert not dialog.ok.isEnabled()
    assert "nothing in it could be imported" in dialog.summary.text()
    assert dialog.notices.count() == 1


def test_the_whole_import_flow_from_the_menu(  # type: ignore[no-untyped-def]
    window, tmp_path: Path, monkeypatch
) -> None:
    source = tmp_path / "flow.graphml"
    export_file(window.document.journey, source)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(source), ""))

    def accept_merging(self: ImportDialog) -> int:
        self.merge.setChecked(True)
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(ImportDialog, "exec", accept_merging)
    count = window.document.journey.touchpoint_count()
    action(window, "import_map").trigger()
    assert window.document.journey.touchpoint_count() == 2 * count
    assert window.document.undo_stack.undoText() == "Import flow.graphml"


def test_an_unreadable_file_is_a_message_not_a_traceback(window, tmp_path: Path, answer) -> None:  # type: ignore[no-untyped-def]
    bomb = tmp_path / "bomb.graphml"
    bomb.write_bytes(b'<?xml version="1.0"?><!DOCTYPE g [<!ENTITY a "aa">]><graphml/>')
    asked = answer("critical", QMessageBox.StandardButton.Ok)
    assert import_interactively(window.features.opener, bomb) is None
    assert "declares a DTD or entities" in asked[0]


def test_new_from_template(window, qtbot, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    dialog = TemplateDialog()
    qtbot.addWidget(dialog)
    assert dialog.list.count() == 6
    dialog.select("lifecycle")
    assert "Awareness → Consideration → Purchase → Onboarding" in dialog.details.text()
    assert dialog.map_data().title == "Customer lifecycle"
    dialog.title.setText("Our customers")
    assert dialog.map_data().title == "Our customers"

    def choose_hotel(self: TemplateDialog) -> int:
        self.select("hotel")
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(TemplateDialog, "exec", choose_hotel)
    shown = new_from_template(window.features.opener)
    assert shown is window  # untouched: reused
    stages = [s.name for s in window.document.journey.stages]
    assert stages == [s.name for s in template("hotel").build().stages]
    assert not window.document.modified


@pytest.mark.parametrize(
    ("fmt", "chosen", "name", "check"),
    [
        ("csv", "CSV, semicolon-separated, for Excel with decimal commas (*.csv)", "m.csv", b"id;"),
        ("csv", "Tab-separated text (*.tsv)", "m", b"id\tstage"),
        ("mermaid", "", "m.mmd", b"journey\n"),
        ("graphml", "", "m.graphml", b"<graphml"),
        ("svg", "", "m.svg", b"<svg"),
    ],
)
def test_export_entries_write_files(  # type: ignore[no-untyped-def]
    window, tmp_path: Path, monkeypatch, fmt: str, chosen: str, name: str, check: bytes
) -> None:
    target = tmp_path / name
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), chosen))
    action(window, f"export_{fmt}").trigger()
    written = list(tmp_path.iterdir())
    assert len(written) == 1
    assert check in written[0].read_bytes()[:600]
    assert export_interactively.__name__  # the same function the menu calls


def test_an_export_that_fails_says_why(window, tmp_path: Path, monkeypatch, answer) -> None:  # type: ignore[no-untyped-def]
    target = tmp_path / "missing-folder" / "m.csv"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    asked = answer("critical", QMessageBox.StandardButton.Ok)
    assert export_interactively(window, "csv") is None
    assert str(target) in asked[0]


def test_images_hide_the_selection_and_match_the_map_size(window) -> None:  # type: ignore[no-untyped-def]
    scene = window.scene
    card = next(iter(scene.cards.values()))
    card.setSelected(True)
    data = png_bytes(scene, dpi=72)
    assert card.isSelected()  # restored afterwards
    image = QImage.fromData(data)
    layout = scene.layout
    assert abs(image.width() - (layout.width + 24)) <= 1
    assert abs(image.height() - (layout.height + 24)) <= 1
    svg = svg_bytes(scene, "Title & more", "")
    assert b"<title>Title &amp; more</title>" in svg


def test_a_scene_for_a_journey_without_a_window(app) -> None:  # type: ignore[no-untyped-def]
    scene = scene_for(interchange_templates.Journey(template("retail").build()))
    assert scene.layout.width > 0
    assert QImage.fromData(png_bytes(scene, dpi=36)).width() > 100


def test_too_large_images_are_refused_with_the_dpi_that_fits() -> None:
    with pytest.raises(ImageError, match=r"fits up to \d+ dpi"):
        png_size(20_000, 10_000, 600)
    with pytest.raises(ImageError, match="from 10 to 2400"):
        png_size(100, 100, 5)
    assert png_size(720, 360, 144) == (1440, 720)


def test_imports_and_templates_open_maps_the_one_way_every_map_opens() -> None:
    for module in (interchange_templates, interchange_import):
        assert not hasattr(module, "open_new_map")
        assert module.Opener is Opener
