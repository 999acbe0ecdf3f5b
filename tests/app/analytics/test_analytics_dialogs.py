"""The column and mapping dialogs, and the two log flows, on real widgets."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QDialogButtonBox, QMessageBox

from journeymapper.analytics.columns import ColumnMap
from journeymapper.analytics.mapping import suggest
from journeymapper.analytics.preview import preview
from journeymapper.app.analytics.column_dialog import NONE, ColumnDialog
from journeymapper.app.analytics.log_actions import analyse_event_log, new_from_event_log
from journeymapper.app.analytics.mapping_dialog import NO_TOUCHPOINT, MappingDialog
from journeymapper.model.document import Journey
from tests.analytics.logs import shop_log, write_csv
from tests.analytics.shop_map import shop_map

CRM = "Ticket,Step,When,Channel\nT1,Saw ad,2024-03-01 09:00,web\nT1,Checkout,2024-03-01 09:30,web\n"


def test_the_column_dialog_needs_three_different_columns(qtbot, tmp_path: Path) -> None:
    path = tmp_path / "crm.csv"
    path.write_text(CRM, encoding="utf-8")
    shown = preview(path)
    assert shown.needs_columns
    dialog = ColumnDialog(shown)
    qtbot.addWidget(dialog)
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert dialog.case.currentText() == NONE
    assert not ok.isEnabled()
    dialog.case.setCurrentText("Ticket")
    dialog.activity.setCurrentText("Ticket")
    dialog.timestamp.setCurrentText("When")
    assert not ok.isEnabled()
    assert "three different columns" in dialog.problem.text()
    dialog.activity.setCurrentText("Step")
    dialog.segment.setCurrentText("Channel")
    assert ok.isEnabled()
    assert dialog.columns() == ColumnMap("Ticket", "Step", "When", "Channel")


def test_the_mapping_dialog_starts_from_the_suggestions(qtbot) -> None:
    journey = shop_map()
    suggestions = suggest(["Saw ad", "Checkout", "Zzyzx"], journey)
    dialog = MappingDialog(journey, suggestions, {"Saw ad": 3, "Checkout": 3, "Zzyzx": 9})
    qtbot.addWidget(dialog)
    assert dialog.table.item(0, 0).text() == "Zzyzx"  # the most frequent first
    assert dialog.combos[0].currentText() == NO_TOUCHPOINT
    assert dialog.mapping() == {"Saw ad": "ad", "Checkout": "checkout"}
    dialog.combos[0].setCurrentIndex(dialog.combos[0].findData("site"))
    assert dialog.mapping()["Zzyzx"] == "site"


def test_new_from_event_log_asks_for_columns_and_drafts_a_map(qtbot, tmp_path: Path) -> None:
    path = tmp_path / "crm.csv"
    path.write_text(CRM, encoding="utf-8")
    asked = []

    def choose(parent, shown, optional):  # type: ignore[no-untyped-def]
        asked.append((shown.header, optional))
        return ColumnMap("Ticket", "Step", "When")

    data = new_from_event_log(None, str(path), choose_columns=choose)
    assert asked == [(("Ticket", "Step", "When", "Channel"), "Stage")]
    assert data is not None
    assert {tp.name for tp in data.touchpoints} == {"Saw ad", "Checkout"}
    assert new_from_event_log(None, str(path), choose_columns=lambda *a: None) is None


def test_analyse_event_log_stores_mapping_and_figures_in_one_step(tmp_path: Path) -> None:
    journey = shop_map()
    pushed = []

    def push(edit):  # type: ignore[no-untyped-def]
        pushed.append(journey.apply(edit))

    log = write_csv(tmp_path / "shop.csv", shop_log())
    result = analyse_event_log(
        None, journey, push, str(log), confirm_mapping=lambda p, j, s, c: {"Checkout": "checkout"}
    )
    assert result is not None
    info, stage_of = result
    assert info.cases == 4
    assert stage_of["Saw ad"] == "pre-purchase"
    analytics = journey.info.analytics
    assert analytics is not None
    assert analytics.mapping == {"Checkout": "checkout"}
    assert analytics.figures is not None
    assert analytics.figures.mapped_cases == 3
    assert len(pushed) == 1
    journey.apply(pushed[0])
    assert journey.info.analytics is None


def test_an_unreadable_log_is_one_message_and_changes_nothing(monkeypatch, tmp_path) -> None:
    journey = shop_map()
    before = journey.to_data()
    said = []
    monkeypatch.setattr(QMessageBox, "warning", staticmethod(lambda p, t, text: said.append(text)))
    bad = tmp_path / "bad.csv"
    bad.write_text("case:concept:name,concept:name,time:timestamp\nA,x,never\n", encoding="utf-8")
    assert analyse_event_log(None, journey, journey.apply, str(bad)) is None
    assert said == [
        f"{bad}: line 2: the timestamp 'never' is not a date and time (expected "
        "ISO 8601, e.g. 2024-03-01 14:05:00; give another form with "
        "--timestamp-format)"
    ]
    assert journey.to_data() == before
    assert isinstance(journey, Journey)
