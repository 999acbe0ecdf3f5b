"""The README's warehouse SQL makes a directly-follows table the analytics read as a log."""

from __future__ import annotations

import re
from pathlib import Path

import duckdb
import pytest

from journeymapper.analytics.flows import activity_flows, summary
from journeymapper.analytics.on_map import map_figures
from journeymapper.analytics.open_log import open_log
from tests.analytics.logs import oracle, shop_log
from tests.analytics.shop_map import MAPPING, shop_map

README = Path(__file__).resolve().parents[2] / "README.md"


def readme_sql() -> str:
    text = README.read_text(encoding="utf-8")
    block = text.split("<!-- directly-follows SQL", 1)[1]
    return re.search(r"```sql\n(.*?)```", block, re.S).group(1)  # type: ignore[union-attr]


def test_the_readme_sql_makes_a_table_equal_to_the_log(tmp_path: Path) -> None:
    events = shop_log()
    con = duckdb.connect()
    con.execute("CREATE TABLE events (case_id VARCHAR, activity VARCHAR, ts TIMESTAMP)")
    con.executemany("INSERT INTO events VALUES (?, ?, ?)", events)
    table = tmp_path / "dfg.csv"
    con.execute(f"COPY ({readme_sql()}) TO '{table}' (HEADER)")
    with open_log(table) as log:
        assert log.kind == "dfg"
        info = summary(log)
        flows = {
            (f.source, f.target): (f.count, f.median_seconds, f.p90_seconds)
            for f in activity_flows(log)
        }
        figures = map_figures(log, shop_map(), MAPPING, info)
    assert (info.cases, info.events) == (4, 14)
    assert not info.exact_cases
    expected = oracle(events)
    assert set(flows) == set(expected)
    for pair, (count, median, p90) in expected.items():
        assert flows[pair][0] == count
        assert flows[pair][1] == pytest.approx(median)
        assert flows[pair][2] == pytest.approx(p90)
    reach = {r.touchpoint: r.cases for r in figures.reach}
    assert reach == {"ad": 3, "site": 4, "checkout": 4, "confirm": 3}  # visits, not cases
    assert {(f.source, f.target): f.count for f in figures.flows}[("site", "checkout")] == 3


def test_a_broken_table_names_its_line(tmp_path: Path) -> None:
    from journeymapper.analytics.errors import LogError

    table = tmp_path / "dfg.csv"
    table.write_text("source,target,count\na,b,3\nb,c,many\n", encoding="utf-8")
    with pytest.raises(LogError, match=r"line 3: the count is not a whole number"):
        open_log(table)
