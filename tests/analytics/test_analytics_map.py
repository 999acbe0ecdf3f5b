"""The log on the map: reach, flows, drop-off, conversion, conformance, mapping, discovery."""

from __future__ import annotations

from pathlib import Path

import pytest

from journeymapper.analytics.conformance import conformance, connect_edit
from journeymapper.analytics.discover import DiscoverOptions, discover
from journeymapper.analytics.flows import summary
from journeymapper.analytics.mapping import (
    add_activities_edit,
    analytics_edit,
    confirm_edit,
    confirmed_mapping,
    mapping_of,
    suggest,
)
from journeymapper.analytics.on_map import map_figures
from journeymapper.analytics.open_log import open_log
from journeymapper.io.journey_file import load_journey, save_journey
from journeymapper.model.document import Journey
from journeymapper.model.log_figures import LogFigures
from tests.analytics.logs import BPI2012, shop_log, write_csv
from tests.analytics.shop_map import MAPPING, shop_map


@pytest.fixture
def shop_figures(tmp_path: Path) -> tuple[Journey, LogFigures, dict[str, int]]:
    journey = shop_map()
    with open_log(write_csv(tmp_path / "shop.csv", shop_log())) as log:
        info = summary(log)
        return journey, map_figures(log, journey, MAPPING, info), info.activities


def test_reach_flows_and_times_on_the_map(shop_figures: tuple) -> None:
    _, figures, _ = shop_figures
    assert {r.touchpoint: r.cases for r in figures.reach} == {
        "ad": 3,
        "site": 3,
        "checkout": 3,
        "confirm": 3,
    }
    flows = {(f.source, f.target): f for f in figures.flows}
    assert {pair: f.count for pair, f in flows.items()} == {
        ("ad", "site"): 2,
        ("site", "checkout"): 3,
        ("checkout", "confirm"): 3,
        ("checkout", "site"): 1,
        ("ad", "checkout"): 1,
    }
    assert flows["ad", "site"].median_seconds == 210.0  # 5 and 2 minutes
    assert (figures.cases, figures.events, figures.mapped_cases) == (4, 14, 4)


def test_drop_off_conversion_and_fit(shop_figures: tuple) -> None:
    _, figures, _ = shop_figures
    stages = {s.stage: (s.cases, s.dropped) for s in figures.stages}
    assert stages == {"pre-purchase": (4, 1), "purchase": (3, 0), "post-purchase": (3, 0)}
    assert (figures.entered, figures.converted) == (3, 2)  # c1, c2, c4 saw the ad
    assert figures.fitting == 2  # c1 and c2; c3 goes back, c4 skips the website
    assert {s.touchpoint: s.cases for s in figures.skips} == {
        "ad": 1,
        "site": 1,
        "checkout": 1,
        "confirm": 1,
    }


def test_conformance_lists_and_its_actions_are_undoable(shop_figures: tuple) -> None:
    journey, figures, activities = shop_figures
    conf = conformance(journey, figures, {**activities, "Chatbot": 2}, MAPPING)
    assert [(f.source, f.target, f.count) for f in conf.undesigned] == [
        ("ad", "checkout", 1),
        ("checkout", "site", 1),
    ]
    assert conf.unused == ()
    assert conf.fit_share == 0.5
    assert conf.unmapped == (("Chatbot", 2),)
    before = journey.to_data()
    undo = journey.apply(connect_edit(journey, conf.undesigned))
    assert journey.connection_between("checkout", "site") is not None
    assert conformance(journey, figures, activities, MAPPING).undesigned == ()
    journey.apply(undo)
    assert journey.to_data() == before


def test_unused_connections_are_listed(tmp_path: Path) -> None:
    journey = shop_map()
    events = [e for e in shop_log() if e[0] in {"c3", "c4"}]
    with open_log(write_csv(tmp_path / "two.csv", events)) as log:
        figures = map_figures(log, journey, MAPPING, summary(log))
    assert conformance(journey, figures).unused == ("c1",)  # nobody went ad → site


def test_suggestions_by_name_and_the_stored_mapping() -> None:
    journey = shop_map()
    found = {
        s.activity: s
        for s in suggest(
            ["Saw ad", "Visited website", "checkout_done", "Order confirmation", "Zzyzx"], journey
        )
    }
    assert found["checkout_done"].touchpoint == "checkout"
    assert found["Order confirmation"].touchpoint == "confirm"
    assert found["Zzyzx"].touchpoint is None
    assert not found["Saw ad"].confirmed
    undo = journey.apply(confirm_edit(journey, {"Zzyzx": "site"}))
    again = {s.activity: s for s in suggest(["Zzyzx"], journey)}
    assert again["Zzyzx"].touchpoint == "site"
    assert again["Zzyzx"].confirmed
    journey.apply(undo)
    assert journey.info.analytics is None
    assert mapping_of(found.values())["Visited website"] == "site"


def test_unmapped_activities_become_touchpoints_in_one_step() -> None:
    journey = shop_map()
    before = journey.to_data()
    undo = journey.apply(
        add_activities_edit(journey, ["Chatbot", "Returns"], {"Returns": "post-purchase"})
    )
    mapping = confirmed_mapping(journey)
    assert {journey.touchpoint(mapping[a]).name for a in ("Chatbot", "Returns")} == {
        "Chatbot",
        "Returns",
    }
    assert journey.touchpoint(mapping["Returns"]).stage == "post-purchase"
    journey.apply(undo)
    assert journey.to_data() == before


def test_figures_are_kept_in_the_file_and_reopen_without_the_log(
    shop_figures: tuple, tmp_path: Path
) -> None:
    journey, figures, _ = shop_figures
    journey.apply(analytics_edit(journey, "Keep", mapping=MAPPING, figures=figures))
    path = tmp_path / "kept.journey"
    save_journey(journey, path)
    text = path.read_text("utf-8")
    assert '"version": 3' in text
    assert "Visited website" in text  # the mapping, not the events:
    assert "c1" not in text.split('"analytics"')[1].split('"mapping"')[0]
    reopened = load_journey(path)
    assert reopened.info.analytics is not None
    assert reopened.info.analytics.figures == figures
    hidden = analytics_edit(reopened, "Hide", shown=False)
    reopened.apply(hidden)
    assert reopened.info.analytics.shown is False
    assert reopened.info.analytics.figures == figures


def test_a_version_2_file_still_opens(tmp_path: Path) -> None:
    path = tmp_path / "old.journey"
    path.write_text('{"format": "journeymapper", "version": 2, "title": "Old map"}', "utf-8")
    journey = load_journey(path)
    assert journey.title == "Old map"
    assert journey.info.analytics is None


def test_discover_drafts_a_map_from_bpi_2012() -> None:
    with open_log(BPI2012) as log:
        data = discover(log, DiscoverOptions(min_share=0.1))
    journey = Journey(data)
    names = {tp.name for tp in journey.touchpoints()}
    assert {"A_SUBMITTED", "A_PARTLYSUBMITTED", "A_DECLINED"} <= names
    assert "W_Beoordelen fraude" not in names  # in under 1 % of the cases
    submitted = next(tp for tp in journey.touchpoints() if tp.name == "A_SUBMITTED")
    assert submitted.stage == "pre-purchase"
    analytics = data.analytics
    assert analytics is not None
    assert analytics.figures is not None
    assert analytics.figures.cases == 13_087
    assert set(analytics.mapping.values()) == {tp.id for tp in journey.touchpoints()}
    assert 0.5 < analytics.figures.fitting / analytics.figures.mapped_cases < 1


def test_discover_by_a_stage_column(tmp_path: Path) -> None:
    events = shop_log()
    stage = {
        "Saw ad": "Awareness",
        "Visited website": "Awareness",
        "Checkout": "Buying",
        "Order confirmation": "After",
    }
    path = write_csv(
        tmp_path / "staged.csv", events, extra={"stage": [stage[e[1]] for e in events]}
    )
    from journeymapper.analytics.columns import ColumnMap

    with open_log(path, ColumnMap(segment="stage")) as log:
        data = discover(log, DiscoverOptions(by_stage_column=True, min_flow_share=0.3))
    assert [s.name for s in data.stages] == ["Awareness", "Buying", "After"]
    by_name = {tp.name: tp for tp in data.touchpoints}
    assert by_name["Checkout"].stage == data.stages[1].id
    pairs = {(by_name_of(data, c.source), by_name_of(data, c.target)) for c in data.connections}
    assert ("Checkout", "Order confirmation") in pairs
    assert ("Checkout", "Visited website") not in pairs  # 1 of 4 cases < 30 %
    assert ("Saw ad", "Checkout") not in pairs


def by_name_of(data: object, tp_id: str) -> str:
    return next(tp.name for tp in data.touchpoints if tp.id == tp_id)  # type: ignore[attr-defined]
