"""The widgets' look: Fusion everywhere, with a palette and a few touches made from the
current `colors.Theme`, light or dark.

A projector washes out thin grey lines and low contrast; both themes keep text at
WCAG AA contrast, separators visible and the selection colour the canvas uses. The
colours themselves are decided in `colors.py`; this module only formats them.
"""

from __future__ import annotations

from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication

from journeymapper.app.look.colors import LIGHT, Theme
from journeymapper.app.look.controls import ControlStyle

_SHEET = """
QMainWindow::separator {{ background: {t.chrome_border}; width: 1px; height: 1px; }}
QDockWidget {{ font-weight: bold; color: {t.ink}; }}
QDockWidget::title {{
    background: {t.chrome}; padding: 6px 8px; border-bottom: 1px solid {t.chrome_border};
    text-align: left;
}}
QDockWidget > QWidget {{ font-weight: normal; }}
QToolBar {{ background: {t.chrome}; border: none; border-bottom: 1px solid {t.chrome_border};
            spacing: 2px; padding: 3px 6px; }}
QToolBar::separator {{ background: {t.chrome_border}; width: 1px; margin: 4px 6px; }}
QToolButton {{ padding: 3px 6px; border-radius: 4px; }}
QToolButton:hover {{ background: {t.tool_hover}; }}
QToolButton:checked {{ background: {t.tool_checked}; color: {t.selection}; }}
QStatusBar {{ background: {t.chrome}; border-top: 1px solid {t.chrome_border}; }}
QStatusBar QToolButton {{ padding: 1px 6px; }}
QTreeView, QListWidget, QTableWidget, QListView, QTableView, QTextBrowser {{
    border: 1px solid {t.chrome_border}; border-radius: 4px;
}}
QTreeView::item, QListWidget::item {{ padding: 3px 2px; }}
QLineEdit, QPlainTextEdit {{
    border: 1px solid {t.field_border}; border-radius: 4px; padding: 3px 5px;
    background: {t.base}; color: {t.ink};
}}
QLineEdit:focus, QPlainTextEdit:focus {{ border-color: {t.selection}; }}
QToolTip {{ background: {t.card}; color: {t.ink}; border: 1px solid {t.field_border}; }}
"""


def style_sheet(theme: Theme) -> str:
    return _SHEET.format(t=theme)


def theme_palette(theme: Theme) -> QPalette:
    """A complete palette (every role Fusion draws with) for `theme`."""
    colors = QPalette()
    role, group = QPalette.ColorRole, QPalette.ColorGroup
    button = QColor(theme.button)
    pairs = {
        role.Window: theme.window,
        role.WindowText: theme.ink,
        role.Base: theme.base,
        role.AlternateBase: theme.alternate_base,
        role.Text: theme.ink,
        role.Button: theme.button,
        role.ButtonText: theme.ink,
        role.BrightText: "#FFFFFF",
        role.Highlight: theme.highlight,
        role.HighlightedText: theme.highlighted_text,
        role.ToolTipBase: theme.card,
        role.ToolTipText: theme.ink,
        role.PlaceholderText: theme.placeholder,
        role.Link: theme.link,
        role.LinkVisited: theme.link,
    }
    for key, value in pairs.items():
        colors.setColor(key, QColor(value))
    if theme.dark:
        colors.setColor(role.Light, button.lighter(145))
        colors.setColor(role.Midlight, button.lighter(120))
        colors.setColor(role.Mid, button.darker(125))
        colors.setColor(role.Dark, button.darker(180))
        colors.setColor(role.Shadow, QColor("#000000"))
    else:
        colors.setColor(role.Light, QColor("#FFFFFF"))
        colors.setColor(role.Midlight, button.darker(104))
        colors.setColor(role.Mid, button.darker(130))
        colors.setColor(role.Dark, button.darker(160))
        colors.setColor(role.Shadow, QColor("#6B7280"))
    if hasattr(role, "Accent"):
        colors.setColor(role.Accent, QColor(theme.highlight))
    disabled = QColor(theme.hint_ink)
    for key in (role.WindowText, role.Text, role.ButtonText):
        colors.setColor(group.Disabled, key, disabled)
    colors.setColor(group.Disabled, role.Base, QColor(theme.window))
    colors.setColor(group.Disabled, role.Highlight, QColor(theme.grid))
    return colors


def apply_theme(app: QApplication, theme: Theme = LIGHT) -> None:
    """Fusion with `theme`'s palette and touches (call again to switch theme); its
    controls outlined in `theme.field_border` (`controls.ControlStyle`)."""
    style = app.style()
    if isinstance(style, ControlStyle):
        style.set_colors(theme.field_border, theme.selection)
    else:
        app.setStyle(ControlStyle(theme.field_border, theme.selection))
    app.setPalette(theme_palette(theme))
    app.setStyleSheet(style_sheet(theme))
