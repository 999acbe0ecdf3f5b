"""Which engine reads the log: DuckDB here, in this process, or Apache Spark."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from journeymapper.analytics.columns import ColumnMap
from journeymapper.analytics.errors import LogError
from journeymapper.analytics.open_log import open_log
from journeymapper.analytics.store import EventLog

if TYPE_CHECKING:  # pyspark is optional: imported only when Spark is asked for
    from journeymapper.analytics.spark import SparkLog

ENGINES = ("duckdb", "spark")


def open_engine(
    engine: str, log: str, columns: ColumnMap, master: str | None = None
) -> EventLog | SparkLog:
    """The log read by `engine`; a context manager that frees it on exit."""
    if engine == "spark":
        try:
            from journeymapper.analytics.spark import open_spark_log
        except ImportError as exc:
            raise LogError(
                log,
                "",
                f"the Spark engine needs pyspark: pip install 'journeymapper[spark]' ({exc})",
            ) from None
        return open_spark_log(log, columns, master)
    return open_log(Path(log), columns)
