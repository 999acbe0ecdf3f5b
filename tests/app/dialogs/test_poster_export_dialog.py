"""File ▸ Export ▸ Poster PDF…: the dialog, its preview, its worker, and the menu entry."""

from __future__ import annotations

from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtWidgets import QDialog, QMainWindow, QMessageBox, QPushButton

from benchmarks.generate import generate_map
from journeymapper.app.dialogs import poster_export
from journeymapper.app.dialogs.poster_export import (
    PosterExportDialog,
    default_output,
    export_poster_interactively,
)
from journeymapper.io.poster.options import Mode
from journeymapper.io.poster.paper import PAPERS, Orientation
from journeymapper.model.document import Journey
from tests.sample import clothing_store


@pytest.fixture
def dialog(app, qtbot, tmp_path: Path):  # type: ignore[no-untyped-def]
    made = PosterExportDialog(clothing_store(), tmp_path / "store.journey")
    qtbot.addWidget(made)
    made.show()
    return made


def wait_done(qtbot, dialog: PosterExportDialog) -> None:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(lambda: dialog.worker is None, timeout=30_000)


def test_defaults_fit_on_a3_beside_the_map(dialog: PosterExportDialog, tmp_path: Path) -> None:
    options = dialog.options()
    assert options.mode is Mode.FIT
    assert options.paper == PAPERS["a3"]
    assert options.orientation is Orientation.AUTO
    assert dialog.output_path() == tmp_path / "store.pdf"
    assert "1 page, A3" in dialog.summary.text()
    assert dialog.export_button.isEnabled()


def test_default_output_without_a_file_is_named_after_the_title() -> None:
    journey = Journey.default("Q3 / onboarding: <new>")
    assert default_output(journey, None) == Path.home() / "Q3   onboarding   new.pdf"


def test_tiling_shows_the_sheet_count(dialog: PosterExportDialog) -> None:
    dialog.set_mode(Mode.TILE)
    dialog.scale.setValue(150)
    dialog.overlap.setValue(5)
    dialog.refresh()
    options = dialog.options()
    assert (options.mode, options.scale, options.overlap_mm) == (Mode.TILE, 1.5, 5)
    plan = dialog.plan
    assert plan is not None
    assert plan.sheet_count > 1
    assert f"{plan.sheet_count} sheets of A4" in dialog.summary.text()
    assert "assembly page" in dialog.summary.text()
    assert not dialog.paper.isEnabled()
    assert dialog.tile_paper.isEnabled()


def test_the_preview_repaints_for_every_mode(dialog: PosterExportDialog, qtbot) -> None:  # type: ignore[no-untyped-def]
    for mode in Mode:
        dialog.set_mode(mode)
        dialog.refresh()
        image = dialog.preview.grab().toImage()
        assert image.width() > 100
        colors = {image.pixel(x, image.height() // 2) for x in range(0, image.width(), 7)}
        assert len(colors) > 3  # something is drawn, not just the backdrop


def test_a_page_too_large_disables_export_with_the_reason(dialog: PosterExportDialog) -> None:
    dialog.set_mode(Mode.ACTUAL)
    dialog.scale.setValue(1000)
    dialog.refresh()
    assert not dialog.export_button.isEnabled()
    assert "14,400 pt" in dialog.summary.text()
    dialog.scale.setValue(100)
    dialog.refresh()
    assert dialog.export_button.isEnabled()


def test_orientation_is_honoured(dialog: PosterExportDialog) -> None:
    dialog.orientation.setCurrentIndex(dialog.orientation.findData(Orientation.PORTRAIT))
    dialog.refresh()
    assert dialog.options().orientation is Orientation.PORTRAIT
    assert dialog.plan is not None
    assert not dialog.plan.landscape
    assert "A3 portrait" in dialog.summary.text()


def test_custom_paper(dialog: PosterExportDialog) -> None:
    dialog.paper.setCurrentIndex(dialog.paper.findData("custom"))
    dialog.custom_w.setValue(900)
    dialog.custom_h.setValue(600)
    dialog.refresh()
    paper = dialog.options().paper
    assert (round(paper.width / 72 * 25.4), round(paper.height / 72 * 25.4)) == (600, 900)
    assert dialog.custom.isVisibleTo(dialog)


def test_export_writes_the_poster_and_accepts(
    dialog: PosterExportDialog, qtbot, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    dialog.persona.setCurrentIndex(dialog.persona.findData("maya"))
    dialog.findings.setChecked(True)
    with qtbot.waitSignal(dialog.accepted, timeout=30_000):
        dialog.start_export()
    target = tmp_path / "store.pdf"
    assert dialog.result_path == target
    reader = PdfReader(target)
    assert len(reader.pages) == 2
    assert "highlighted: Maya" in reader.pages[0].extract_text()
    assert [p.name for p in tmp_path.iterdir()] == ["store.pdf"]


def test_cancel_leaves_no_file(app, qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    dialog = PosterExportDialog(Journey(generate_map(3000)), tmp_path / "big.journey")
    qtbot.addWidget(dialog)
    dialog.set_mode(Mode.TILE)
    dialog.refresh()
    dialog.start_export()
    assert dialog.worker is not None
    dialog.progress.findChild(QPushButton).click()  # the progress dialog's Cancel button
    wait_done(qtbot, dialog)
    assert dialog.result_path is None
    assert "cancelled" in dialog.summary.text()
    assert list(tmp_path.iterdir()) == []
    assert dialog.export_button.isEnabled()


def test_closing_the_dialog_mid_export_cancels_it(app, qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    dialog = PosterExportDialog(Journey(generate_map(3000)), tmp_path / "big.journey")
    qtbot.addWidget(dialog)
    dialog.start_export()
    dialog.reject()
    assert dialog.result() == QDialog.DialogCode.Rejected
    qtbot.wait(50)
    assert list(tmp_path.iterdir()) == []


def test_a_failed_write_is_reported_and_the_dialog_stays(
    dialog: PosterExportDialog, qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    warnings: list[str] = []
    monkeypatch.setattr(
        QMessageBox, "warning", staticmethod(lambda _p, _t, text: warnings.append(text))
    )
    dialog.output.setText(str(tmp_path / "missing-folder" / "poster.pdf"))
    dialog.start_export()
    wait_done(qtbot, dialog)
    assert warnings
    assert "cannot be written" in warnings[0]
    assert dialog.result_path is None
    assert dialog.isVisible()


def test_an_existing_file_is_replaced_only_when_confirmed(
    dialog: PosterExportDialog, qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    target = tmp_path / "store.pdf"
    target.write_bytes(b"old")
    monkeypatch.setattr(
        QMessageBox, "question", staticmethod(lambda *a, **k: QMessageBox.StandardButton.No)
    )
    dialog.start_export()
    assert dialog.worker is None
    assert target.read_bytes() == b"old"
    monkeypatch.setattr(
        QMessageBox, "question", staticmethod(lambda *a, **k: QMessageBox.StandardButton.Yes)
    )
    with qtbot.waitSignal(dialog.accepted, timeout=30_000):
        dialog.start_export()
    assert target.read_bytes().startswith(b"%PDF")


def test_export_interactively_reports_in_the_status_bar(
    app, qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    window = QMainWindow()
    qtbot.addWidget(window)

    def run(self: PosterExportDialog) -> int:
        self.start_export()
        qtbot.waitUntil(lambda: self.worker is None, timeout=30_000)
        return int(self.result())

    monkeypatch.setattr(PosterExportDialog, "exec", run)
    path = export_poster_interactively(window, clothing_store(), tmp_path / "map.journey")
    assert path == tmp_path / "map.pdf"
    assert path.exists()
    assert str(path) in window.statusBar().currentMessage()


def test_export_interactively_returns_none_when_cancelled(
    app, qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(PosterExportDialog, "exec", lambda self: int(QDialog.DialogCode.Rejected))
    assert export_poster_interactively(None, clothing_store(), tmp_path / "map.journey") is None
    assert list(tmp_path.iterdir()) == []


def test_the_main_window_has_the_menu_entry(make_window, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    window = make_window()
    actions = {a.objectName(): a for a in window.menu("export").actions()}
    assert "export_poster" in actions
    assert window.menu("export").actions()[0] is actions["export_poster"]
    calls: list[tuple[object, ...]] = []
    monkeypatch.setattr(poster_export, "export_poster_interactively", lambda *a: calls.append(a))
    actions["export_poster"].trigger()
    assert calls
    assert calls[0][0] is window
    assert calls[0][1] is window.document.journey
