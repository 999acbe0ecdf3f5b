"""Help ▸ About."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox, QWidget

from journeymapper import __version__


def show_about(parent: QWidget) -> None:
    QMessageBox.about(
        parent,
        "About JourneyMapper",
        f"<h3>JourneyMapper {__version__}</h3>"
        "<p>An offline editor for customer journey maps: touchpoints on a stage × lane "
        "canvas, connected in the order a customer moves through them, checked for "
        "coverage and printed as posters.</p>"
        "<p>Your maps are plain JSON files you own.</p>",
    )
