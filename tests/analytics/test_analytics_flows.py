"""Directly-follows counts, case counts and times equal independent oracles."""

from __future__ import annotations

import datetime as dt
import warnings
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from journeymapper.analytics.columns import ColumnMap
from journeymapper.analytics.filters import CaseFilter
from journeymapper.analytics.flows import activity_flows, summary
from journeymapper.analytics.open_log import open_log
from tests.analytics.logs import BPI2012, T0, Event, oracle, shop_log, write_csv, write_xes


def figures(path: Path, columns: ColumnMap | None = None) -> dict[tuple[str, str], tuple]:
    with open_log(path, columns) as log:
        return {
            (f.source, f.target): (f.count, f.median_seconds, f.p90_seconds)
            for f in activity_flows(log)
        }


def assert_same(found: dict, expected: dict) -> None:
    assert set(found) == set(expected)
    for pair, (count, median, p90) in expected.items():
        assert found[pair][0] == count, pair
        assert found[pair][1] == pytest.approx(median, abs=1e-6), pair
        assert found[pair][2] == pytest.approx(p90, abs=1e-6), pair


@pytest.fixture(scope="module")
def pm4py_bpi() -> tuple[dict, dict, int, int]:
    pm4py = pytest.importorskip("pm4py")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        frame = pm4py.read_xes(str(BPI2012), show_progress_bar=False)
        dfg, _, _ = pm4py.discover_dfg(frame)
        performance, _, _ = pm4py.discover_performance_dfg(frame)
    return dfg, performance, frame["case:concept:name"].nunique(), len(frame)


def test_bpi_2012_equals_pm4py(pm4py_bpi: tuple[dict, dict, int, int]) -> None:
    dfg, performance, cases, events = pm4py_bpi
    with open_log(BPI2012) as log:
        info = summary(log)
        flows = {(f.source, f.target): f for f in activity_flows(log)}
    assert (info.cases, info.events) == (cases, events) == (13_087, 262_200)
    assert {pair: f.count for pair, f in flows.items()} == dict(dfg)
    assert sum(dfg.values()) == 262_200 - 13_087
    for pair, stats in performance.items():
        assert flows[pair].median_seconds == pytest.approx(float(stats["median"]), abs=1e-6)


def test_a_hand_made_log_in_csv_and_xes_equals_the_oracle(tmp_path: Path) -> None:
    events = shop_log()
    expected = oracle(events)
    # 15, 30 and 5 minutes: the median is 15 min, the 90th percentile 15 + 0.8 × 15 min
    assert expected["Visited website", "Checkout"] == (3, 900.0, pytest.approx(1620.0))
    assert_same(figures(write_csv(tmp_path / "shop.csv", events)), expected)
    assert_same(figures(write_xes(tmp_path / "shop.xes.gz", events)), expected)
    with open_log(tmp_path / "shop.csv") as log:
        info = summary(log)
    assert (info.cases, info.events) == (4, 14)
    assert info.activities["Checkout"] == 3


def test_events_out_of_time_order_are_sorted_and_noted(tmp_path: Path) -> None:
    events = shop_log()
    shuffled = [events[3], *events[:3], *events[4:]]  # c1's last event written first
    path = write_csv(tmp_path / "shuffled.csv", shuffled)
    assert_same(figures(path), oracle(events))
    with open_log(path) as log:
        assert log.notes == [
            "1 cases list events out of time order (the first: case 'c1'); "
            "they were taken in time order"
        ]


def test_ties_keep_the_file_order(tmp_path: Path) -> None:
    events = [("a", "first", T0), ("a", "second", T0), ("a", "third", T0)]
    found = figures(write_csv(tmp_path / "ties.csv", events))
    assert set(found) == {("first", "second"), ("second", "third")}


def test_other_column_names_and_a_timestamp_format(tmp_path: Path) -> None:
    path = tmp_path / "crm.csv"
    path.write_text(
        "Ticket;Step;When\nT1;Opened;01/03/2024 09:00\nT1;Closed;01/03/2024 11:30\n",
        encoding="utf-8",
    )
    columns = ColumnMap("Ticket", "Step", "When", timestamp_format="%d/%m/%Y %H:%M")
    assert figures(path, columns) == {("Opened", "Closed"): (1, 9000.0, 9000.0)}


def test_a_segment_and_a_period_filter_cases(tmp_path: Path) -> None:
    events = shop_log()
    channels = {"c1": "web", "c2": "web", "c3": "store", "c4": "store"}
    path = write_csv(
        tmp_path / "seg.csv", events, extra={"channel": [channels[e[0]] for e in events]}
    )
    with open_log(path, ColumnMap(segment="channel")) as log:
        store = summary(log, CaseFilter(segment="store"))
        late = summary(log, CaseFilter(start=T0 + dt.timedelta(minutes=5)))
        flows = activity_flows(log, CaseFilter(segment="web"))
    assert store.cases == 2
    assert store.activities == {
        "Checkout": 2,
        "Order confirmation": 2,
        "Visited website": 1,
        "Saw ad": 1,
    }
    assert late.cases == 2  # c3 (10 min) and c4 (60 min)
    assert {(f.source, f.target) for f in flows} == {
        ("Saw ad", "Visited website"),
        ("Visited website", "Checkout"),
        ("Checkout", "Order confirmation"),
    }


def test_parquet_reads_in_place(tmp_path: Path) -> None:
    import duckdb

    events = shop_log()
    csv_path = write_csv(tmp_path / "shop.csv", events)
    target = tmp_path / "shop.parquet"
    duckdb.sql(
        f'COPY (SELECT "case:concept:name", "concept:name", '
        f'CAST("time:timestamp" AS TIMESTAMP) AS "time:timestamp" '
        f"FROM read_csv('{csv_path}')) TO '{target}' (FORMAT parquet)"
    )
    assert_same(figures(target), oracle(events))


_names = st.sampled_from(["Ad", "Site", "Cart", "Pay", "Mail", "Call"])


@given(
    st.lists(
        st.tuples(st.sampled_from(["k1", "k2", "k3", "k4"]), _names, st.integers(0, 50)),
        min_size=1,
        max_size=60,
    )
)
def test_random_logs_equal_a_naive_computation(rows: list[tuple[str, str, int]]) -> None:
    import tempfile

    events: list[Event] = [(c, a, T0 + dt.timedelta(seconds=7 * s)) for c, a, s in rows]
    with tempfile.TemporaryDirectory() as folder:
        path = write_csv(Path(folder) / "random.csv", events)
        assert_same(figures(path), oracle(events))
        with open_log(path) as log:
            info = summary(log)
    assert info.cases == len({c for c, _, _ in rows})
    assert info.events == len(rows)
