"""The Spark engine: the same figures, computed by Apache Spark over CSV or Parquet.

For logs that do not fit one machine, `--engine spark [--spark-master URL]` runs the
very SQL the DuckDB engine runs (see dialect.py for the few spellings that differ) on
a Spark cluster, or on all local cores with the default `local[*]`. Spark reads any
path it can (a folder of Parquet parts, `hdfs://`, `s3a://` with the cluster's
configuration). It needs `pyspark` (`pip install 'journeymapper[spark]'`) and Java 17.

Rows keep the order Spark reads them in (`monotonically_increasing_id`), which for a
file read in order is the file's order: ties between equal timestamps break as in
DuckDB. Timestamps are ISO 8601, read in UTC; row numbers of bad rows are not known to
a distributed read, so a problem names the first bad value instead.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Sequence
from pathlib import Path
from types import TracebackType
from typing import Any, ClassVar

from journeymapper.analytics.columns import ColumnMap
from journeymapper.analytics.dialect import SPARK, Dialect
from journeymapper.analytics.errors import LogError
from journeymapper.analytics.store import Row

log = logging.getLogger(__name__)

DEFAULT_MASTER = "local[*]"
_TYPES = {"VARCHAR": "string", "INTEGER": "int", "BIGINT": "bigint"}


def spark_session(master: str | None = None) -> Any:
    """The process's Spark session (made once; Spark keeps one per JVM)."""
    from pyspark.sql import SparkSession

    builder = (
        SparkSession.builder.master(master or DEFAULT_MASTER)
        .appName("JourneyMapper analytics")
        .config("spark.sql.session.timeZone", "UTC")
        .config("spark.ui.enabled", "false")
        .config("spark.ui.showConsoleProgress", "false")
        .config("spark.sql.shuffle.partitions", "8")
        .config("spark.sql.ansi.enabled", "false")
    )
    session = builder.getOrCreate()
    session.sparkContext.setLogLevel("ERROR")
    return session


class SparkLog:
    """A log read by Spark, answering what the figures ask (see store.Engine)."""

    dialect: ClassVar[Dialect] = SPARK

    def __init__(self, session: Any, path: str, has_segment: bool) -> None:
        self.session = session
        self.path = Path(path)
        self.kind = "events"
        self.has_segment = has_segment
        self.notes: list[str] = []
        self._kept: dict[str, Any] = {}

    @property
    def name(self) -> str:
        return self.path.name

    def rows(self, sql: str) -> list[Row]:
        return [tuple(_utc(v) for v in row) for row in self.session.sql(sql).collect()]

    def scalar(self, sql: str) -> object:
        rows = self.rows(sql)
        return rows[0][0] if rows else None

    def load_table(self, name: str, columns: dict[str, str], rows: Sequence[Row]) -> None:
        schema = ", ".join(f"{c} {_TYPES[t]}" for c, t in columns.items())
        self.session.createDataFrame(rows, schema).createOrReplaceTempView(name)

    def keep(self, name: str, sql: str) -> None:
        frame = self.session.sql(sql).cache()
        frame.count()
        frame.createOrReplaceTempView(name)
        self._kept[name] = frame

    def drop(self, name: str) -> None:
        frame = self._kept.pop(name, None)
        if frame is not None:
            frame.unpersist()
        self.session.catalog.dropTempView(name)

    def close(self) -> None:
        for name in list(self._kept):
            self.drop(name)
        self.session.catalog.dropTempView("events")

    def __enter__(self) -> SparkLog:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        value: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()


def _utc(value: object) -> object:
    """pyspark hands back naive times in the local zone; figures use naive UTC."""
    if isinstance(value, dt.datetime) and value.tzinfo is None:
        return dt.datetime.fromtimestamp(value.timestamp(), dt.UTC).replace(tzinfo=None)
    return value


def open_spark_log(path: str, columns: ColumnMap, master: str | None = None) -> SparkLog:
    """Read the CSV or Parquet log at `path` (any path Spark reads) into a view `events`."""
    if columns.timestamp_format:
        raise LogError(
            path,
            "",
            "the Spark engine reads ISO 8601 timestamps; "
            "--timestamp-format works with the DuckDB engine",
        )
    lowered = path.lower()
    if lowered.endswith((".xes", ".xes.gz")):
        raise LogError(
            path,
            "",
            "the Spark engine reads CSV or Parquet; read XES with the DuckDB engine (the default)",
        )
    session = spark_session(master)
    frame = _read(session, path, lowered)
    resolved = columns.resolved(list(frame.columns), Path(path))
    _register(session, frame, resolved)
    _check(session, path, resolved)
    return SparkLog(session, path, resolved.segment is not None)


def _read(session: Any, path: str, lowered: str) -> Any:
    from pyspark.errors import PySparkException

    try:
        if lowered.endswith((".parquet", ".pq")) or Path(path).is_dir():
            return session.read.parquet(path)
        return session.read.option("header", True).option("inferSchema", False).csv(path)
    except PySparkException as exc:
        first = str(exc).strip().splitlines()[0][:160] if str(exc).strip() else type(exc).__name__
        raise LogError(path, "", f"Spark cannot read it ({first})") from None


def _register(session: Any, frame: Any, cmap: ColumnMap) -> None:
    from pyspark.sql import functions as F  # noqa: N812 (pyspark's usual name)

    def text(name: str) -> Any:
        value = F.trim(F.col(f"`{name}`").cast("string"))
        return F.when(value == "", None).otherwise(value)

    assert cmap.case is not None
    assert cmap.activity is not None
    assert cmap.timestamp is not None
    segment = text(cmap.segment) if cmap.segment else F.lit(None).cast("string")
    events = frame.select(
        text(cmap.case).alias("case_id"),
        text(cmap.activity).alias("activity"),
        F.col(f"`{cmap.timestamp}`").cast("timestamp").alias("ts"),
        F.monotonically_increasing_id().alias("seq"),
        segment.alias("segment"),
        F.col(f"`{cmap.timestamp}`").cast("string").alias("raw_ts"),
    )
    events.createOrReplaceTempView("checked")
    session.sql("SELECT case_id, activity, ts, seq, segment FROM checked").createOrReplaceTempView(
        "events"
    )


def _check(session: Any, path: str, cmap: ColumnMap) -> None:
    row = session.sql(
        """SELECT count(*), count_if(case_id IS NULL), count_if(activity IS NULL),
                  count_if(ts IS NULL), min_by(raw_ts, seq) FILTER (WHERE ts IS NULL)
           FROM checked"""
    ).collect()[0]
    total, no_case, no_activity, no_time, example = row
    if total == 0:
        raise LogError(path, "", "holds no events")
    if no_case:
        raise LogError(path, "", f"{no_case:,} events have an empty case id ('{cmap.case}')")
    if no_activity:
        raise LogError(
            path, "", f"{no_activity:,} events have an empty activity ('{cmap.activity}')"
        )
    if no_time:
        shown = "empty" if example is None else repr(example[:40])
        raise LogError(
            path,
            "",
            f"{no_time:,} events have no readable timestamp "
            f"('{cmap.timestamp}'; the first: {shown})",
        )
