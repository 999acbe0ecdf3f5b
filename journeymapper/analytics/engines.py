"""Which engine reads the log: DuckDB here, in this process, or Apache Spark."""

from __future__ import annotations

from pathlib import Path

from journeymapper.analytics.columns import ColumnMap
from journeymapper.analytics.errors import LogError
from journeymapper.analytics.open_log import open_log
from journeymapper.analytics.store import EventLog

ENGINES = ("duckdb", "spark")


def open_engine(engine: str, log: str, columns: ColumnMap, master: str | None = None) -> EventLog:
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
        return open_spark_log(log, columns, master)  # type: ignore[return-value]
    return open_log(Path(log), columns)
