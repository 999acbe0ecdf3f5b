"""The analytics overlay and panel on a real main window (pytest-qt, offscreen)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from journeymapper.analytics.flows import summary
from journeymapper.analytics.mapping import analytics_edit
from journeymapper.analytics.on_map import map_figures
from journeymapper.analytics.open_log import open_log
from journeymapper.app.analytics.overlay import ARROWS_Z, FIGURES_Z, AnalyticsOverlay
from journeymapper.app.analytics.panel import AnalyticsPanel
from journeymapper.app.canvas.items.card import CARD_Z
from journeymapper.model.document import Journey
from tests.analytics.logs import shop_log, write_csv
from tests.analytics.shop_map import MAPPING, shop_map

SHOTS = Path(__file__).resolve().parents[3] / "build" / "screenshots"


@pytest.fixture
def analysed(tmp_path: Path) -> Journey:
    """The shop map with the shop log's figures stored, as `analyze --keep` leaves it."""
    journey = shop_map()
    with open_log(write_csv(tmp_path / "shop.csv", shop_log())) as log:
        info = summary(log)
        figures = map_figures(log, journey, MAPPING, info)
    journey.apply(analytics_edit(journey, "", mapping=MAPPING, figures=figures))
    return journey


@pytest.fixture
def wired(make_window, analysed, qtbot):  # type: ignore[no-untyped-def]
    window = make_window(analysed)
    document, scene = window.document, window.scene
    overlay = AnalyticsOverlay(scene, document.journey)
    panel = AnalyticsPanel(document.journey, document.push, scene.select_ids)
    qtbot.addWidget(panel)

    def follow() -> None:  # what the lead's wiring does on each model change
        scene.ensure_layout()
        overlay.refresh(scene.layout)
        panel.refresh()

    document.signals.changed.connect(follow)
    scene.layout_changed.connect(lambda: overlay.refresh(scene.layout))
    overlay.refresh(scene.layout)
    panel.resize(520, 640)
    panel.show()
    qtbot.waitExposed(panel)
    return window, overlay, panel


def test_the_overlay_draws_arrows_badges_and_notes(wired) -> None:  # type: ignore[no-untyped-def]
    window, overlay, _ = wired
    drawn = overlay.drawn
    assert drawn is not None
    assert overlay.arrows.arrow_count == 5
    assert overlay.arrows.zValue() == ARROWS_Z < CARD_Z < overlay.figures_item.zValue() == FIGURES_Z
    undesigned = {(a.source, a.target) for a in drawn.arrows if not a.designed}
    assert undesigned == {("ad", "checkout"), ("checkout", "site")}
    widths = {(a.source, a.target): a.width for a in drawn.arrows}
    assert widths["site", "checkout"] > widths["ad", "site"] > widths["ad", "checkout"]
    assert {b.touchpoint: b.text for b in drawn.badges}["site"] == "3 · 75 %"
    assert any("1 drop off" in n.text for n in drawn.notes)
    window.view.fit_all()
    SHOTS.mkdir(parents=True, exist_ok=True)
    image = window.view.viewport().grab().toImage()
    image.save(str(SHOTS / "analytics-overlay.png"))
    assert image.width() > 0


def test_the_panel_lists_figures_and_selects_on_click(wired, qtbot) -> None:  # type: ignore[no-untyped-def]
    window, _, panel = wired
    assert "4 cases; 50.0 % of cases follow the map" in panel.summary.text()
    steps = panel.section("Steps not on the map")
    assert steps.childCount() == 2
    row = steps.child(0)
    panel.tree.scrollToItem(row)
    rect = panel.tree.visualItemRect(row)
    with qtbot.waitSignal(panel.selection_requested) as caught:
        qtbot.mouseClick(panel.tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert caught.args[0] == ["ad", "checkout"]
    scene = window.scene
    selected = {i.card_id for i in scene.selectedItems() if hasattr(i, "card_id")}
    assert selected == {"ad", "checkout"}


def test_panel_actions_are_one_undo_step_each(wired, qtbot) -> None:  # type: ignore[no-untyped-def]
    window, overlay, panel = wired
    journey = window.document.journey
    qtbot.mouseClick(panel.connect_button, Qt.MouseButton.LeftButton)
    assert journey.connection_between("checkout", "site") is not None
    assert panel.section("Steps not on the map").childCount() == 0
    assert all(a.designed for a in overlay.drawn.arrows)
    window.document.undo_stack.undo()
    assert journey.connection_between("checkout", "site") is None
    assert panel.section("Steps not on the map").childCount() == 2
    panel.shown.click()
    assert journey.info.analytics.shown is False
    assert not overlay.arrows.isVisible()
    window.document.undo_stack.undo()
    assert overlay.arrows.isVisible()
    qtbot.mouseClick(panel.forget_button, Qt.MouseButton.LeftButton)
    assert journey.info.analytics.figures is None
    assert overlay.drawn is None
    assert panel.summary.text().startswith("No log figures")


def test_unmapped_activities_are_added_as_touchpoints(wired, qtbot) -> None:  # type: ignore[no-untyped-def]
    window, _, panel = wired
    panel.set_log_activities({"Saw ad": 3, "Chatbot": 2}, {"Chatbot": "purchase"})
    assert panel.section("Activities without a touchpoint").childCount() == 1
    qtbot.mouseClick(panel.add_button, Qt.MouseButton.LeftButton)
    journey = window.document.journey
    added = [tp for tp in journey.touchpoints() if tp.name == "Chatbot"]
    assert len(added) == 1
    assert added[0].stage == "purchase"
    assert journey.info.analytics.mapping["Chatbot"] == added[0].id
    window.document.undo_stack.undo()
    assert not [tp for tp in journey.touchpoints() if tp.name == "Chatbot"]


def test_an_unchanged_overlay_is_not_rebuilt_or_repainted(wired, qtbot, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    window, overlay, panel = wired
    rebuilt: list[object] = []
    original = overlay.arrows.set_overlay
    monkeypatch.setattr(overlay.arrows, "set_overlay", lambda d: rebuilt.append(d) or original(d))
    drawn = overlay.drawn
    overlay.refresh(window.scene.layout)  # a layout change that moves nothing of it
    assert overlay.drawn is drawn
    assert rebuilt == []
    qtbot.mouseClick(panel.connect_button, Qt.MouseButton.LeftButton)  # one that does
    assert rebuilt
    assert rebuilt[-1] is overlay.drawn is not drawn
    assert all(a.designed for a in overlay.drawn.arrows)
