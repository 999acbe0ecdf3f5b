"""The status bar: counts, the number of findings (click to see them), and the zoom."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QMenu, QStatusBar, QToolButton

from journeymapper.app.document import Document
from journeymapper.app.look import glyphs
from journeymapper.look import palette

ZOOM_PRESETS = (0.25, 0.5, 0.75, 1.0, 1.5, 2.0)


class StatusBar(QStatusBar):
    def __init__(
        self,
        document: Document,
        set_zoom: Callable[[float], None],
        fit: Callable[[], None],
        show_problems: Callable[[], None],
    ) -> None:
        super().__init__()
        self.document = document
        self.counts = QLabel()
        self.counts.setStyleSheet("color: palette(placeholder-text); padding: 0 8px;")
        self.problems = QToolButton()
        self.problems.setAutoRaise(True)
        self.problems.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.problems.clicked.connect(show_problems)
        self.problems.setToolTip("Show the problems panel")
        self.zoom = QToolButton()
        self.zoom.setAutoRaise(True)
        self.zoom.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.zoom.setToolTip("Zoom")
        menu = QMenu(self.zoom)
        for preset in ZOOM_PRESETS:
            menu.addAction(f"{preset:.0%}", lambda z=preset: set_zoom(z))
        menu.addSeparator()
        menu.addAction("Fit to Window", fit)
        self.zoom.setMenu(menu)
        self.addPermanentWidget(self.counts)
        self.addPermanentWidget(self.problems)
        self.addPermanentWidget(self.zoom)
        self.show_zoom(1.0)
        self.show_findings(None)

    def show_counts(self) -> None:
        journey = self.document.journey
        tps, conns = journey.touchpoint_count(), journey.connection_count()
        self.counts.setText(
            f"{tps:,} touchpoint{'s' if tps != 1 else ''} · {conns:,} connection"
            f"{'s' if conns != 1 else ''} · {len(journey.stages)} stages · "
            f"{len(journey.lanes)} lanes"
        )

    def show_findings(self, count: int | None) -> None:
        if count is None:
            self.problems.setText("Checking…")
            self.problems.setIcon(glyphs.icon("info", glyphs.MUTED))
        elif count == 0:
            self.problems.setText("No problems")
            self.problems.setIcon(glyphs.icon("check", palette.OPPORTUNITY))
        else:
            self.problems.setText(f"{count:,} problem{'s' if count != 1 else ''}")
            self.problems.setIcon(glyphs.icon("warning", "#D97706"))

    def show_zoom(self, zoom: float) -> None:
        self.zoom.setText(zoom_text(zoom))


def zoom_text(zoom: float) -> str:
    """A zoom as the status bar says it: "75%", or "0.4%" for a huge map fitted (which
    would otherwise read "0%")."""
    return f"{zoom:.0%}" if zoom >= 0.095 else f"{zoom:.1%}" if zoom >= 0.00095 else "<0.1%"
