"""View ▸ Appearance: follow the system's light or dark palette, or force one.

A facilitator on a washed-out projector forces Light; someone in a dark room forces
Dark; everyone else follows the system (`QStyleHints.colorScheme()`, or the lightness of
the platform's own palette where the platform does not say). The choice is kept in the
settings. A change of the system's scheme while the editor runs re-themes it at once:
`apply` sets the canvas theme and the widget palette, and every view, getting a
PaletteChange event, repaints its canvas in the new colours.
"""

from __future__ import annotations

import enum

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QActionGroup, QPalette
from PySide6.QtWidgets import QApplication, QMenu

from journeymapper.app.look import colors
from journeymapper.app.look.theme import apply_theme
from journeymapper.app.settings import settings

KEY = "view/appearance"


class Appearance(enum.Enum):
    SYSTEM = "system"
    LIGHT = "light"
    DARK = "dark"

    @property
    def label(self) -> str:
        return {"system": "&System", "light": "&Light", "dark": "&Dark"}[self.value]


def saved() -> Appearance:
    value = settings().value(KEY, Appearance.SYSTEM.value)
    try:
        return Appearance(str(value))
    except ValueError:
        return Appearance.SYSTEM


class _State(QObject):
    """The platform's palette as it was before the theme replaced it, and the links to
    what changes it at run time (one per application):

    - the style hints' `colorSchemeChanged` (the system went light ↔ dark);
    - an application palette set by someone else (the platform theme, a tool): taken as
      the new platform palette, then the theme is applied again over it, which also
      re-polishes the widgets so every view repaints its canvas.
    """

    def __init__(self, app: QApplication) -> None:
        super().__init__(app)
        self.platform_palette = QPalette(app.palette())
        self.applying = False
        hints = app.styleHints()
        if hasattr(hints, "colorSchemeChanged"):
            hints.colorSchemeChanged.connect(self._scheme_changed)
        app.installEventFilter(self)

    def _scheme_changed(self, *_: object) -> None:
        if not self.applying and saved() is Appearance.SYSTEM:
            app = self.parent()
            if isinstance(app, QApplication):
                apply(app)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        app = self.parent()
        if (
            watched is app
            and event.type() == QEvent.Type.ApplicationPaletteChange
            and not self.applying
            and isinstance(app, QApplication)
        ):
            self.platform_palette = QPalette(app.palette())
            QTimer.singleShot(0, lambda: apply(app))  # not from inside the palette change
        return False


def _state(app: QApplication) -> _State:
    state = app.findChild(_State)
    return state if isinstance(state, _State) else _State(app)


def system_is_dark(app: QApplication) -> bool:
    scheme = app.styleHints().colorScheme()
    if scheme == Qt.ColorScheme.Dark:
        return True
    if scheme == Qt.ColorScheme.Light:
        return False
    window = _state(app).platform_palette.color(QPalette.ColorRole.Window)
    return window.lightnessF() < 0.45


def effective_theme(app: QApplication, choice: Appearance | None = None) -> colors.Theme:
    choice = saved() if choice is None else choice
    if choice is Appearance.SYSTEM:
        return colors.DARK if system_is_dark(app) else colors.LIGHT
    return colors.DARK if choice is Appearance.DARK else colors.LIGHT


def apply(app: QApplication, choice: Appearance | None = None) -> colors.Theme:
    """Theme the application for `choice` (default: the saved one); returns the theme."""
    state = _state(app)
    theme = effective_theme(app, choice)
    state.applying = True
    try:
        colors.set_theme(theme)
        apply_theme(app, theme)
    finally:
        state.applying = False
    return theme


def choose(choice: Appearance) -> colors.Theme:
    """The user picked `choice` in View ▸ Appearance: keep it and re-theme."""
    settings().setValue(KEY, choice.value)
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    return apply(app, choice)


def build_menu(parent: QMenu) -> QMenu:
    """View ▸ Appearance: System, Light, Dark (one checked; the choice is saved)."""
    menu = parent.addMenu("&Appearance")
    menu.setObjectName("appearance_menu")
    group = QActionGroup(menu)
    group.setExclusive(True)
    for choice in Appearance:
        action = menu.addAction(choice.label)
        action.setObjectName(f"appearance_{choice.value}")
        action.setCheckable(True)
        action.setData(choice.value)
        action.setStatusTip(
            "Follow the system's light or dark palette"
            if choice is Appearance.SYSTEM
            else f"Always use the {choice.value} look (e.g. on a projector)"
        )
        group.addAction(action)
        action.triggered.connect(lambda _=False, c=choice: choose(c))
    menu.aboutToShow.connect(lambda: _check(group))
    _check(group)
    return menu


def _check(group: QActionGroup) -> None:
    current = saved().value
    for action in group.actions():
        action.setChecked(action.data() == current)
