"""Light and dark: text contrast of both themes, View ▸ Appearance, runtime palette changes.

The contrast pairs are WCAG AA (4.5:1) for text and 3:1 for the graphics that carry
meaning (category icons, markers, arrows), over every ground they are drawn on.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtGui import QColor, QImage, QPalette
from PySide6.QtWidgets import QApplication

from journeymapper.app.look import appearance, colors
from journeymapper.app.look.colors import DARK, LIGHT, Theme, contrast_ratio
from journeymapper.model.phases import PHASE_COLORS
from journeymapper.model.schema import Category

ROOT = Path(__file__).resolve().parents[3]
THEMES = [LIGHT, DARK]
TEXT_AA = 4.5
GRAPHIC_AA = 3.0


def _stage_colors() -> set[str]:
    found = set(PHASE_COLORS.values())
    for path in (ROOT / "examples").glob("*.journey"):
        found |= {s.get("color", "#4C78A8") for s in json.loads(path.read_text())["stages"]}
    return found


def _canvas_grounds(t: Theme) -> dict[str, str]:
    grounds = {
        "paper": t.paper,
        "card": t.card,
        "lane header": t.lane_header,
        "lane header (hover)": t.lane_header_hover,
    }
    grounds.update({f"{kind.value} lane": tint for kind, tint in t.lane_tints.items()})
    for stage in _stage_colors():
        grounds[f"stage {stage}"] = t.stage_band(stage)
        grounds[f"stage {stage} (hover)"] = t.stage_band(stage, hovered=True)
    return grounds


def _widget_grounds(t: Theme) -> dict[str, str]:
    return {
        "window": t.window,
        "base": t.base,
        "alternate base": t.alternate_base,
        "button": t.button,
        "chrome": t.chrome,
        "tooltip": t.card,
    }


def _failures(foreground: str, grounds: dict[str, str], minimum: float) -> list[str]:
    return [
        f"{foreground} on {name} {ground}: {contrast_ratio(foreground, ground):.2f}"
        for name, ground in grounds.items()
        if contrast_ratio(foreground, ground) < minimum
    ]


@pytest.mark.parametrize("t", THEMES, ids=lambda t: t.name)
def test_canvas_text_meets_wcag_aa(t: Theme) -> None:
    grounds = _canvas_grounds(t)
    assert not _failures(t.ink, grounds, TEXT_AA)
    assert not _failures(t.muted_ink, grounds, TEXT_AA)
    phases = [
        f"{stage}: {contrast_ratio(t.phase_ink(stage), t.stage_band(stage, h)):.2f}"
        for stage in _stage_colors()
        for h in (False, True)
        if contrast_ratio(t.phase_ink(stage), t.stage_band(stage, h)) < TEXT_AA
    ]
    assert not phases
    card = {"card": t.card}
    for small_text in (t.pain, t.opportunity, t.vote_ink):  # counts on the card
        assert not _failures(small_text, card, TEXT_AA)
    assert not _failures(t.selection, {"paper": t.paper}, TEXT_AA)  # the capture hint


@pytest.mark.parametrize("t", THEMES, ids=lambda t: t.name)
def test_canvas_graphics_stand_out(t: Theme) -> None:
    card = {"card": t.card}
    for category in (*Category, None):
        assert not _failures(t.category_color(category), card, GRAPHIC_AA)
    assert not _failures(t.connection, {"paper": t.paper, "touchpoints lane": t.paper}, GRAPHIC_AA)
    assert not _failures(t.selection, {"paper": t.paper, "card": t.card}, GRAPHIC_AA)
    emotion = {"emotion lane": t.lane_tints[next(iter(t.lane_tints))]}
    assert not _failures(t.emotion_line, emotion, GRAPHIC_AA)


@pytest.mark.parametrize("t", THEMES, ids=lambda t: t.name)
def test_widget_text_meets_wcag_aa(t: Theme) -> None:
    grounds = _widget_grounds(t)
    for foreground in (t.ink, t.placeholder, t.link, t.icon_ink, t.warning):
        assert not _failures(foreground, grounds, TEXT_AA)
    assert contrast_ratio(t.highlighted_text, t.highlight) >= TEXT_AA


def test_the_dark_theme_is_dark_and_the_light_one_light() -> None:
    assert colors.is_dark_color(DARK.paper)
    assert colors.is_dark_color(DARK.window)
    assert not colors.is_dark_color(LIGHT.paper)
    assert not colors.is_dark_color(LIGHT.window)
    assert LIGHT.ink == "#1F2937"  # the poster's ink: light is the print palette


@pytest.fixture
def restore_appearance(app):  # type: ignore[no-untyped-def]
    yield
    appearance.choose(appearance.Appearance.SYSTEM)
    assert colors.theme() is LIGHT


def _pixel(window, x: float, y: float) -> QColor:  # type: ignore[no-untyped-def]
    view = window.view
    image = view.viewport().grab().toImage()
    point = view.mapFromScene(x, y)
    ratio = image.devicePixelRatio()
    return image.pixelColor(round(point.x() * ratio), round(point.y() * ratio))


def test_appearance_dark_repaints_the_open_canvas_and_is_saved(
    window, qtbot, restore_appearance
) -> None:
    layout = window.scene.layout
    card = layout.cards["cart"].rect
    inside = (card.x + card.w - 12, card.y + card.h - 4)
    assert _pixel(window, *inside).lightness() > 200  # a white card
    appearance.choose(appearance.Appearance.DARK)
    qtbot.wait(10)
    assert colors.theme() is DARK
    assert QSettings().value  # settings exist
    assert appearance.saved() is appearance.Appearance.DARK
    assert window.scene.backgroundBrush().color() == QColor(DARK.backdrop)
    assert window.palette().color(QPalette.ColorRole.Window) == QColor(DARK.window)
    assert _pixel(window, *inside).lightness() < 80  # the same card, dark now
    corner = _pixel(window, layout.width - 4, layout.height - 4)
    assert corner.lightness() < 60
    appearance.choose(appearance.Appearance.LIGHT)
    qtbot.wait(10)
    assert _pixel(window, *inside).lightness() > 200


def test_the_appearance_menu_offers_system_light_dark(window, restore_appearance) -> None:
    menu = window.findChild(type(window.menu("lanes")), "appearance_menu")
    assert menu is not None
    names = {a.objectName(): a for a in menu.actions()}
    assert set(names) == {"appearance_system", "appearance_light", "appearance_dark"}
    assert names["appearance_system"].isChecked()
    names["appearance_dark"].trigger()
    assert colors.theme() is DARK
    menu.aboutToShow.emit()
    assert names["appearance_dark"].isChecked()
    assert not names["appearance_system"].isChecked()


def test_a_dark_palette_from_outside_switches_the_canvas(window, qtbot, restore_appearance) -> None:
    """A palette change event alone (the platform's, another tool's) re-themes the canvas."""
    app = QApplication.instance()
    from journeymapper.app.look.theme import theme_palette

    app.setPalette(theme_palette(DARK))
    qtbot.waitUntil(lambda: colors.theme() is DARK, timeout=1000)
    assert window.scene.backgroundBrush().color() == QColor(DARK.backdrop)
    app.setPalette(theme_palette(LIGHT))
    qtbot.waitUntil(lambda: colors.theme() is LIGHT, timeout=1000)


def test_system_scheme_change_is_followed(window, qtbot, restore_appearance, monkeypatch) -> None:
    app = QApplication.instance()
    monkeypatch.setattr(appearance, "system_is_dark", lambda _app: True)
    state = app.findChild(appearance._State)
    state._scheme_changed()  # what QStyleHints.colorSchemeChanged calls
    assert colors.theme() is DARK
    appearance.choose(appearance.Appearance.LIGHT)  # a forced look ignores the system
    state._scheme_changed()
    assert colors.theme() is LIGHT
    monkeypatch.undo()  # before restore_appearance asks the system again


def test_an_export_from_a_dark_editor_is_in_print_colours(window, restore_appearance) -> None:
    from journeymapper.app.canvas.image import png_bytes

    appearance.choose(appearance.Appearance.DARK)
    image = QImage.fromData(png_bytes(window.scene, dpi=36))
    card = window.scene.layout.cards["cart"].rect
    scale = 36 / 72
    x, y = (card.x + card.w - 12 + 12) * scale, (card.y + card.h - 4 + 12) * scale
    assert image.pixelColor(round(x), round(y)).lightness() > 200
    assert colors.theme() is DARK  # the editor stays dark
    assert window.scene.backgroundBrush().color() == QColor(DARK.backdrop)


# ----- controls (issue 16, item 15): every control's outline 3:1 against its ground ----


@pytest.mark.parametrize("t", THEMES, ids=lambda t: t.name)
def test_control_borders_meet_wcag_non_text_contrast(t: Theme) -> None:
    """WCAG 2.1 SC 1.4.11: a control's boundary 3:1 against every ground it sits on."""
    assert not _failures(t.field_border, _widget_grounds(t), GRAPHIC_AA)
    assert not _failures(t.selection, _widget_grounds(t), GRAPHIC_AA)  # a focused field


def _controls():  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import (
        QCheckBox,
        QComboBox,
        QLineEdit,
        QRadioButton,
        QSpinBox,
        QVBoxLayout,
        QWidget,
    )

    page = QWidget()
    column = QVBoxLayout(page)
    combo = QComboBox()
    combo.addItems(["Partly backed", "Research-based"])
    editable = QComboBox()
    editable.setEditable(True)
    editable.addItems(["Website", "Store visit"])
    made = {
        "checkbox": QCheckBox("Priya"),
        "radio": QRadioButton("Frank"),
        "spin box": QSpinBox(),
        "line edit": QLineEdit("Customer service"),
        "combo box": combo,
        "editable combo box": editable,
    }
    for widget in made.values():
        column.addWidget(widget)
    return page, made


def _edge_contrast(image: QImage, rect, ground: str) -> float:  # type: ignore[no-untyped-def]
    """The outline's contrast with `ground`: on each side of `rect` the strongest pixel
    of a 3-pixel band across the edge, and of the four sides the weakest."""
    sides = []
    mid_x, mid_y = rect.center().x(), rect.center().y()
    for points in (
        [(mid_x + dx, rect.top() + d) for dx in (-3, 0, 3) for d in (-1, 0, 1, 2)],
        [(mid_x + dx, rect.bottom() + d) for dx in (-3, 0, 3) for d in (-2, -1, 0, 1)],
        [(rect.left() + d, mid_y + dy) for dy in (-2, 0, 2) for d in (-1, 0, 1, 2)],
        [(rect.right() + d, mid_y + dy) for dy in (-2, 0, 2) for d in (-2, -1, 0, 1)],
    ):
        best = 0.0
        for x, y in points:
            color = image.pixelColor(x, y).name()
            best = max(best, contrast_ratio(color, ground))
        sides.append(best)
    return min(sides)


@pytest.mark.parametrize("t", THEMES, ids=lambda t: t.name)
def test_real_controls_show_their_outline(app, qtbot, restore_appearance, t: Theme) -> None:
    """Draw the real widgets in each appearance and read their outlines back."""
    from PySide6.QtWidgets import QStyle, QStyleOptionButton

    appearance.choose(appearance.Appearance.DARK if t.dark else appearance.Appearance.LIGHT)
    assert colors.theme() is t
    page, controls = _controls()
    qtbot.addWidget(page)
    page.resize(320, 300)
    page.show()
    qtbot.waitExposed(page)
    image = page.grab().toImage()
    weak = {}
    for name, widget in controls.items():
        rect = widget.geometry()
        if name in ("checkbox", "radio"):
            option = QStyleOptionButton()
            option.initFrom(widget)
            element = (
                QStyle.SubElement.SE_CheckBoxIndicator
                if name == "checkbox"
                else QStyle.SubElement.SE_RadioButtonIndicator
            )
            rect = widget.style().subElementRect(element, option, widget).translated(rect.topLeft())
        ratio = _edge_contrast(image, rect, t.window)
        if ratio < GRAPHIC_AA:
            weak[name] = round(ratio, 2)
    assert not weak, f"{t.name}: outlines under 3:1 against the window: {weak}"
