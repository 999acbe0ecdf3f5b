"""File ▸ Export ▸ Poster PDF…: choose paper and layout, see the page, export with progress.

    path = export_poster_interactively(main_window, journey, current_file)

The dialog edits a `PosterOptions`; every change re-plans the poster (cheap: the
layout is computed once) and the preview shows the fitted page or the sheet grid with
the sheet count. Export runs `export_poster` — the same function as the command line —
on a worker thread behind a progress dialog whose Cancel leaves no file.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QImage
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMessageBox,
    QProgressDialog,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from journeymapper.app.context import EditorContext
from journeymapper.app.look.colors import theme
from journeymapper.io.poster.options import Mode, PosterOptions
from journeymapper.io.poster.paper import MM, PAPERS, Orientation, Paper, PosterError
from journeymapper.layout.engine import layout_journey
from journeymapper.layout.geometry import MapLayout
from journeymapper.model.document import Journey

if TYPE_CHECKING:  # (reportlab: imported when the dialog opens, not when the editor starts)
    from journeymapper.app.dialogs.poster_export_worker import PosterExportWorker
    from journeymapper.io.poster.export import PosterResult

CUSTOM = "custom"
MODES = (
    (Mode.FIT, "Fit on one sheet"),
    (Mode.TILE, "Tile over several sheets"),
    (Mode.ACTUAL, "One page at its own size"),
)
ORIENTATIONS = (
    (Orientation.AUTO, "Automatic"),
    (Orientation.PORTRAIT, "Portrait"),
    (Orientation.LANDSCAPE, "Landscape"),
)


def default_output(journey: Journey, path: Path | None) -> Path:
    """Beside the map, named after it; or in the home folder, named after the title."""
    if path is not None:
        return Path(path).with_suffix(".pdf")
    stem = re.sub(r'[\\/:*?"<>|\x00-\x1f]+', " ", journey.title).strip() or "poster"
    return Path.home() / f"{stem}.pdf"


class PosterExportDialog(QDialog):
    """A standalone dialog over one journey; `result_path` is set after a good export."""

    def __init__(
        self, journey: Journey, path: Path | None = None, parent: QWidget | None = None
    ) -> None:
        from journeymapper.app.dialogs.poster_export_preview import map_image

        super().__init__(parent)
        self.setWindowTitle("Export poster PDF")
        self.journey = journey
        self.result_path: Path | None = None
        self.exported: PosterResult | None = None
        self.worker: PosterExportWorker | None = None
        self.progress: QProgressDialog | None = None
        self._layout: MapLayout = layout_journey(journey)
        self._image: QImage = map_image(self._layout, journey)
        self._timer = QTimer(self, singleShot=True, interval=120)
        self._timer.timeout.connect(self.refresh)
        self._build(default_output(journey, path))
        self.refresh()

    # ----- widgets --------------------------------------------------------------------

    def _build(self, output: Path) -> None:
        from journeymapper.app.dialogs.poster_export_preview import PosterPreview

        self.modes = QButtonGroup(self)
        mode_row = QHBoxLayout()
        for i, (_, label) in enumerate(MODES):
            button = QRadioButton(label)
            self.modes.addButton(button, i)
            mode_row.addWidget(button)
        self.modes.button(0).setChecked(True)
        self.paper = _paper_combo(with_custom=True)
        self.paper.setCurrentIndex(self.paper.findData("a3"))
        self.custom_w = _spin(100, 5080, 600, " mm")
        self.custom_h = _spin(100, 5080, 900, " mm")
        custom_row = QHBoxLayout()
        custom_row.addWidget(self.custom_w)
        custom_row.addWidget(QLabel("×"))
        custom_row.addWidget(self.custom_h)
        self.custom = QWidget()
        self.custom.setLayout(custom_row)
        custom_row.setContentsMargins(0, 0, 0, 0)
        self.orientation = QComboBox()
        for value, label in ORIENTATIONS:
            self.orientation.addItem(label, value)
        self.tile_paper = _paper_combo(with_custom=False)
        self.tile_paper.setCurrentIndex(self.tile_paper.findData("a4"))
        self.scale = QSpinBox(minimum=1, maximum=1000, value=100, suffix=" %", singleStep=10)
        self.overlap = _spin(0, 50, 10, " mm")
        self.persona = QComboBox()
        self.persona.addItem("None", None)
        for persona in self.journey.personas:
            self.persona.addItem(persona.name, persona.id)
        self.findings = QCheckBox("Add a page with the coverage findings")
        self.legend = QCheckBox("Show the legend", checked=True)
        self.output = QLineEdit(str(output))
        browse = QPushButton("Browse…")
        browse.clicked.connect(self._browse)
        out_row = QHBoxLayout()
        out_row.addWidget(self.output, 1)
        out_row.addWidget(browse)

        form = QFormLayout()
        form.addRow("Layout:", mode_row)
        form.addRow("Paper:", self.paper)
        form.addRow("", self.custom)
        form.addRow("Orientation:", self.orientation)
        form.addRow("Tile paper:", self.tile_paper)
        form.addRow("Scale:", self.scale)
        form.addRow("Overlap:", self.overlap)
        form.addRow("Highlight persona:", self.persona)
        form.addRow("", self.findings)
        form.addRow("", self.legend)
        form.addRow("Save as:", out_row)

        self.preview = PosterPreview()
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.RichText)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Cancel | QDialogButtonBox.StandardButton.Save
        )
        self.export_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.export_button.setText("Export")
        self.buttons.accepted.connect(self.start_export)
        self.buttons.rejected.connect(self.reject)

        side = QVBoxLayout()
        side.addWidget(self.preview, 1)
        side.addWidget(self.summary)
        top = QHBoxLayout()
        top.addLayout(form)
        top.addLayout(side, 1)
        root = QVBoxLayout(self)
        root.addLayout(top, 1)
        root.addWidget(self.buttons)
        self.resize(980, 560)

        for signal in (
            self.modes.idToggled, self.paper.currentIndexChanged, self.custom_w.valueChanged,
            self.custom_h.valueChanged, self.orientation.currentIndexChanged,
            self.tile_paper.currentIndexChanged, self.scale.valueChanged,
            self.overlap.valueChanged, self.persona.currentIndexChanged, self.legend.toggled,
        ):  # fmt: skip
            signal.connect(self._changed)

    def _browse(self) -> None:
        chosen, _ = QFileDialog.getSaveFileName(
            self, "Export poster PDF", self.output.text(), "PDF posters (*.pdf)"
        )
        if chosen:
            self.output.setText(chosen if chosen.lower().endswith(".pdf") else chosen + ".pdf")

    # ----- options and preview --------------------------------------------------------

    @property
    def mode(self) -> Mode:
        return MODES[max(0, self.modes.checkedId())][0]

    def set_mode(self, mode: Mode) -> None:
        index = next(i for i, (m, _) in enumerate(MODES) if m is mode)
        self.modes.button(index).setChecked(True)

    def options(self) -> PosterOptions:
        """The options the widgets show (without checking them)."""
        key = self.paper.currentData()
        if key == CUSTOM:
            w, h = sorted((self.custom_w.value(), self.custom_h.value()))
            paper = Paper(f"{w:g} × {h:g} mm", w * MM, h * MM)
        else:
            paper = PAPERS[key]
        return PosterOptions(
            paper=paper,
            orientation=Orientation(self.orientation.currentData()),
            mode=self.mode,
            tile_paper=PAPERS[self.tile_paper.currentData()],
            scale=self.scale.value() / 100,
            overlap_mm=self.overlap.value(),
            persona=self.persona.currentData(),
            findings=self.findings.isChecked(),
            legend=self.legend.isChecked(),
        )

    def _changed(self, *_: object) -> None:
        self._timer.start()

    def refresh(self) -> None:
        """Re-plan with the current options and show the page or sheet grid."""
        self._timer.stop()
        mode = self.mode
        self.paper.setEnabled(mode is not Mode.TILE)
        self.custom.setVisible(self.paper.currentData() == CUSTOM and mode is not Mode.TILE)
        self.tile_paper.setEnabled(mode is Mode.TILE)
        self.overlap.setEnabled(mode is Mode.TILE)
        self.scale.setEnabled(mode is not Mode.FIT)
        from journeymapper.io.poster.export import prepare
        from journeymapper.io.poster.plan import describe, hint

        options = self.options()
        try:
            _, _, plan = prepare(self.journey, options, self._layout)
        except PosterError as exc:
            self.preview.show_plan(None, None, "")
            self.summary.setText(f"<span style='color:{theme().pain}'>{_escape(str(exc))}</span>")
            self.export_button.setEnabled(False)
            self.plan = None
            return
        self.plan = plan
        self.preview.show_plan(plan, self._image, self.journey.title)
        advice = hint(plan)
        text = _escape(describe(plan, options))
        if advice:
            text += (
                f"<br><span style='color:{theme().placeholder}'>"
                f"{_escape(advice[0].upper() + advice[1:])}.</span>"
            )
        self.summary.setText(text)
        self.export_button.setEnabled(True)

    # ----- export ---------------------------------------------------------------------

    def output_path(self) -> Path:
        text = self.output.text().strip()
        path = Path(text).expanduser() if text else default_output(self.journey, None)
        return path if path.suffix.lower() == ".pdf" else path.with_name(path.name + ".pdf")

    def start_export(self) -> None:
        """Export on a worker thread; the dialog closes when the file is written."""
        from journeymapper.app.dialogs.poster_export_worker import PosterExportWorker

        self.refresh()
        if self.plan is None or self.worker is not None:
            return
        path = self.output_path()
        if path.exists() and not self._confirm_replace(path):
            return
        self.worker = PosterExportWorker(self.journey, path, self.options())
        self.progress = QProgressDialog("Exporting the poster…", "Cancel", 0, 1000, self)
        self.progress.setWindowModality(Qt.WindowModality.WindowModal)
        self.progress.setMinimumDuration(400)
        self.progress.canceled.connect(self.worker.cancel)
        self.worker.progressed.connect(self.progress.setValue)
        self.worker.succeeded.connect(self._succeeded)
        self.worker.cancelled.connect(self._cancelled)
        self.worker.failed.connect(self._failed)
        self.worker.finished.connect(self._finished)
        self.export_button.setEnabled(False)
        self.worker.start()

    def cancel_export(self) -> None:
        if self.worker is not None:
            self.worker.cancel()

    def _confirm_replace(self, path: Path) -> bool:
        answer = QMessageBox.question(
            self, "Replace poster?", f"{path.name} already exists. Replace it?",
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )  # fmt: skip
        return answer == QMessageBox.StandardButton.Yes

    def _succeeded(self, result: PosterResult) -> None:
        self.exported = result
        self.result_path = result.path

    def _cancelled(self) -> None:
        self.summary.setText("Export cancelled; nothing was written.")

    def _failed(self, message: str) -> None:
        self.summary.setText(f"<span style='color:{theme().pain}'>{_escape(message)}</span>")
        QMessageBox.warning(self, "Poster not exported", message)

    def _finished(self) -> None:
        if self.progress is not None:
            self.progress.reset()
            self.progress.deleteLater()
            self.progress = None
        if self.worker is not None:
            self.worker.deleteLater()
            self.worker = None
        self.export_button.setEnabled(self.plan is not None)
        if self.result_path is not None:
            self.accept()

    def reject(self) -> None:
        """Closing during an export cancels it and waits, so no file is left behind."""
        if self.worker is not None:
            self.worker.cancel()
            self.worker.wait()
        super().reject()


def export_poster_interactively(
    parent: QWidget | None, journey: Journey, path: Path | None
) -> Path | None:
    """Ask for the poster options and export; the PDF's path, or None if cancelled.

    When `parent` is a main window, its status bar says where the poster went.
    """
    dialog = PosterExportDialog(journey, path, parent)
    try:
        if dialog.exec() != QDialog.DialogCode.Accepted or dialog.exported is None:
            return None
        result = dialog.exported
    finally:
        dialog.deleteLater()
    if isinstance(parent, QMainWindow) and result.path is not None:
        pages = "1 page" if result.pages == 1 else f"{result.pages} pages"
        parent.statusBar().showMessage(f"Poster saved to {result.path} ({pages})", 15_000)
    return result.path


def _paper_combo(with_custom: bool) -> QComboBox:
    combo = QComboBox()
    for key, paper in PAPERS.items():
        w, h = paper.width / MM, paper.height / MM
        combo.addItem(f"{paper.label}  ({w:.0f} × {h:.0f} mm)", key)
    if with_custom:
        combo.addItem("Custom size…", CUSTOM)
    return combo


def _spin(low: float, high: float, value: float, suffix: str) -> QDoubleSpinBox:
    spin = QDoubleSpinBox(minimum=low, maximum=high, value=value, suffix=suffix, decimals=0)
    return spin


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def install(context: EditorContext) -> None:
    """Add File ▸ Export ▸ Poster PDF… at the top of the Export menu."""

    def run() -> None:
        document = context.document
        export_poster_interactively(context.parent, document.journey, document.path)

    tip = "Print the map as a poster: fitted on one sheet or tiled over several"
    action = context.actions.add("export_poster", "&Poster PDF…", run, tip=tip)
    menu = context.shell.menu("export")
    first = menu.actions()[0] if menu.actions() else None
    menu.insertAction(first, action)
