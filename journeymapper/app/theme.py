"""A calm, light look that is the same on every platform (Fusion plus a few touches).

A projector washes out thin grey lines and low contrast; the theme keeps text dark,
separators visible and the selection colour the canvas uses.
"""

from __future__ import annotations

from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication, QStyleFactory

from journeymapper import palette

_SHEET = f"""
QMainWindow::separator {{ background: #E2E7EE; width: 1px; height: 1px; }}
QDockWidget {{ font-weight: bold; color: {palette.INK}; }}
QDockWidget::title {{
    background: #F3F5F8; padding: 6px 8px; border-bottom: 1px solid #E2E7EE;
    text-align: left;
}}
QDockWidget > QWidget {{ font-weight: normal; }}
QToolBar {{ background: #FAFBFC; border: none; border-bottom: 1px solid #E2E7EE;
            spacing: 2px; padding: 3px 6px; }}
QToolBar::separator {{ background: #E2E7EE; width: 1px; margin: 4px 6px; }}
QToolButton {{ padding: 3px 6px; border-radius: 4px; }}
QToolButton:hover {{ background: #E9EEF5; }}
QToolButton:checked {{ background: #DCE7FD; color: {palette.SELECTION}; }}
QStatusBar {{ background: #FAFBFC; border-top: 1px solid #E2E7EE; }}
QStatusBar QToolButton {{ padding: 1px 6px; }}
QTreeView, QListWidget, QTableWidget {{ border: 1px solid #E2E7EE; border-radius: 4px; }}
QTreeView::item, QListWidget::item {{ padding: 3px 2px; }}
QLineEdit, QPlainTextEdit {{
    border: 1px solid #CBD3DD; border-radius: 4px; padding: 3px 5px; background: white;
}}
QLineEdit:focus, QPlainTextEdit:focus {{ border-color: {palette.SELECTION}; }}
"""


def apply_theme(app: QApplication) -> None:
    style = QStyleFactory.create("Fusion")
    if style is not None:
        app.setStyle(style)
    colors = app.palette()
    role = QPalette.ColorRole
    colors.setColor(role.Window, QColor("#FFFFFF"))
    colors.setColor(role.Base, QColor("#FFFFFF"))
    colors.setColor(role.AlternateBase, QColor("#F6F8FA"))
    colors.setColor(role.Text, QColor(palette.INK))
    colors.setColor(role.WindowText, QColor(palette.INK))
    colors.setColor(role.ButtonText, QColor(palette.INK))
    colors.setColor(role.Button, QColor("#F6F8FA"))
    colors.setColor(role.Highlight, QColor(palette.SELECTION))
    colors.setColor(role.HighlightedText, QColor("#FFFFFF"))
    colors.setColor(role.ToolTipBase, QColor("#FFFFFF"))
    colors.setColor(role.ToolTipText, QColor(palette.INK))
    colors.setColor(role.PlaceholderText, QColor("#8A94A3"))
    app.setPalette(colors)
    app.setStyleSheet(_SHEET)
