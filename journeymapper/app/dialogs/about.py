"""Help ▸ About: what JourneyMapper is, its version, and the licences of what it ships.

The bundled DejaVu font's licence is shown in full (from resources/fonts, the file
the bundle carries); the icons are the project's own, under its MIT licence; the
libraries are listed with the versions actually running. "Copy" puts the versions on
the clipboard for a bug report.
"""

from __future__ import annotations

import platform
from dataclasses import dataclass
from html import escape

from PySide6.QtCore import QSize, Qt, QUrl, qVersion
from PySide6.QtGui import QDesktopServices, QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from journeymapper import __version__
from journeymapper.app.look.app_icon import app_icon
from journeymapper.app.look.colors import theme
from journeymapper.base.resources import resource

DESCRIPTION = "An offline editor for customer journey maps."
COPYRIGHT = "Copyright © 2026 the JourneyMapper contributors. Released under the MIT licence."
FONT_LICENCE = ("fonts", "LICENSE-DejaVu.txt")


@dataclass(frozen=True)
class Component:
    name: str
    version: str
    licence: str
    role: str


def _version(module: str, attribute: str) -> str:
    try:
        loaded = __import__(module)
    except ImportError:
        return "not installed"
    return str(getattr(loaded, attribute, "?"))


def components() -> list[Component]:
    """What the running editor is made of, with versions and licences."""
    import PySide6

    return [
        Component("Qt", qVersion(), "LGPL v3", "the user interface toolkit"),
        Component("PySide6", PySide6.__version__, "LGPL v3", "Qt for Python"),
        Component("reportlab", _version("reportlab", "Version"), "BSD", "the poster PDFs"),
        Component(
            "networkx", _version("networkx", "__version__"), "BSD 3-Clause", "the flow graph"
        ),
        Component("pydantic", _version("pydantic", "VERSION"), "MIT", "the file format"),
        Component("psygnal", _version("psygnal", "__version__"), "BSD 3-Clause", "model signals"),
        Component(
            "defusedxml", _version("defusedxml", "__version__"), "PSF", "safe GraphML import"
        ),
        Component("Python", platform.python_version(), "PSF", "the language"),
    ]


def about_html() -> str:
    rows = "".join(
        f"<tr><td><b>{escape(c.name)}</b></td><td>{escape(c.version)}</td>"
        f"<td>{escape(c.licence)}</td><td>{escape(c.role)}</td></tr>"
        for c in components()
    )
    font = resource(*FONT_LICENCE)
    return (
        "<p><b>Font.</b> DejaVu Sans 2.37, bundled unmodified so text looks the same on "
        "screen and on the poster. Fonts © Bitstream (Bitstream Vera licence); DejaVu "
        f"changes are in the public domain. <a style='color:{theme().link}' "
        f"href='{QUrl.fromLocalFile(str(font)).toString()}'>"
        "Licence text</a>.</p>"
        "<p><b>Icons.</b> JourneyMapper's own vector icon set (and the application icon), "
        "part of this program and under its MIT licence.</p>"
        "<p><b>Libraries.</b></p>"
        f"<table cellspacing='0' cellpadding='4'>{rows}</table>"
    )


def versions_text() -> str:
    """One line per component, for a bug report."""
    lines = [f"JourneyMapper {__version__}", f"Platform: {platform.platform()}"]
    lines += [f"{c.name} {c.version} ({c.licence})" for c in components()]
    platform_name = QGuiApplication.platformName()
    lines.append(f"Qt platform: {platform_name}")
    return "\n".join(lines) + "\n"


class AboutDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("About JourneyMapper")
        logo = QLabel()
        logo.setPixmap(app_icon().pixmap(QSize(72, 72), self.devicePixelRatioF()))
        logo.setAlignment(Qt.AlignmentFlag.AlignTop)
        title = QLabel(
            f"<h2 style='margin:0'>JourneyMapper</h2><p>Version {escape(__version__)}</p>"
            f"<p>{escape(DESCRIPTION)}</p><p>{escape(COPYRIGHT)}</p>"
        )
        title.setWordWrap(True)
        title.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        head = QHBoxLayout()
        head.addWidget(logo)
        head.addWidget(title, 1)
        self.details = QTextBrowser()
        self.details.setOpenLinks(False)
        self.details.anchorClicked.connect(self._open_link)
        self.details.setHtml(about_html())
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        licence = QPushButton("Font &Licence…")
        licence.clicked.connect(self.show_font_licence)
        copy = QPushButton("&Copy Versions")
        copy.setToolTip("Copy the version of everything listed, for a bug report")
        copy.clicked.connect(lambda: QGuiApplication.clipboard().setText(versions_text()))
        buttons.addButton(licence, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(copy, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        column = QVBoxLayout(self)
        column.addLayout(head)
        column.addWidget(self.details, 1)
        column.addWidget(buttons)
        self.resize(620, 520)

    def _open_link(self, url: QUrl) -> None:
        if url.isLocalFile() and url.toLocalFile().endswith(FONT_LICENCE[-1]):
            self.show_font_licence()
        else:
            QDesktopServices.openUrl(url)

    def show_font_licence(self) -> QDialog:
        """The font's licence text, as bundled, in a read-only window."""
        dialog = QDialog(self)
        dialog.setWindowTitle("DejaVu Fonts Licence")
        text = QPlainTextEdit()
        text.setReadOnly(True)
        path = resource(*FONT_LICENCE)
        try:
            text.setPlainText(path.read_text(encoding="utf-8"))
        except OSError as exc:
            text.setPlainText(f"The licence file could not be read ({path}): {exc}")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(dialog.reject)
        column = QVBoxLayout(dialog)
        column.addWidget(text)
        column.addWidget(buttons)
        dialog.resize(640, 560)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.show()
        return dialog


def show_about(parent: QWidget) -> None:
    AboutDialog(parent).exec()
