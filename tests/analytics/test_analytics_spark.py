"""The Spark engine (local[*], Java 17) computes the figures DuckDB computes."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from journeymapper.analytics.columns import ColumnMap
from journeymapper.analytics.discover import discover
from journeymapper.analytics.errors import LogError
from journeymapper.analytics.flows import activity_flows, summary
from journeymapper.analytics.on_map import map_figures
from journeymapper.analytics.open_log import open_log
from journeymapper.model.document import Journey
from journeymapper.model.log_figures import LogFigures
from tests.analytics.logs import BPI2012

pytest.importorskip("pyspark")
if shutil.which("java") is None:
    pytest.fail("the Spark test needs Java 17 (make test installs openjdk-17-jre-headless)")


@pytest.fixture(scope="module")
def parquet(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """BPI 2012 as Parquet with the XES column names, in the file's event order."""
    target = tmp_path_factory.mktemp("spark") / "bpic2012.parquet"
    with open_log(BPI2012) as log:
        log.con.execute(
            'COPY (SELECT case_id AS "case:concept:name", activity AS "concept:name", '
            'ts AS "time:timestamp" FROM events ORDER BY seq) '
            f"TO '{target}' (FORMAT parquet)"
        )
    return target


def rounded(figures: LogFigures) -> dict:
    """The figures with times to the microsecond (the engines sum in different orders)."""
    data = figures.model_dump()
    data.pop("log")
    for flow in data["flows"]:
        for key in ("median_seconds", "p90_seconds"):
            flow[key] = None if flow[key] is None else round(flow[key], 6)
    return data


def test_spark_equals_duckdb_on_bpi_2012(parquet: Path) -> None:
    from journeymapper.analytics.spark import open_spark_log

    with open_log(parquet) as log:
        duck_info = summary(log)
        duck_flows = activity_flows(log)
        draft = Journey(discover(log))
        mapping = draft.info.analytics.mapping  # type: ignore[union-attr]
        duck_map = map_figures(log, draft, mapping, duck_info)
    with open_spark_log(str(parquet), ColumnMap()) as spark:
        spark_info = summary(spark)
        spark_flows = activity_flows(spark)
        spark_map = map_figures(spark, draft, mapping, spark_info)
    assert spark_info == duck_info
    assert len(spark_flows) == len(duck_flows) == 125
    for ours, theirs in zip(duck_flows, spark_flows, strict=True):
        assert (ours.source, ours.target, ours.count) == (
            theirs.source,
            theirs.target,
            theirs.count,
        )
        assert ours.median_seconds == pytest.approx(theirs.median_seconds, abs=1e-6)
        assert ours.p90_seconds == pytest.approx(theirs.p90_seconds, abs=1e-6)
    assert rounded(spark_map) == rounded(duck_map)
    assert spark_map.fitting > 0


def test_spark_refuses_what_it_cannot_read(tmp_path: Path) -> None:
    from journeymapper.analytics.spark import open_spark_log

    with pytest.raises(LogError, match="the Spark engine reads CSV or Parquet"):
        open_spark_log(str(BPI2012), ColumnMap())
    bad = tmp_path / "bad.csv"
    bad.write_text("case:concept:name,concept:name,time:timestamp\na,x,soon\n", "utf-8")
    with pytest.raises(LogError, match="1 events have no readable timestamp"):
        open_spark_log(str(bad), ColumnMap())
