"""The DuckDB database an event log is read into, and the one table every query reads.

DuckDB runs embedded, in this process: no server, columnar, parallel, and it spills
to a temporary folder when a log is larger than its memory limit, so a log much larger
than the machine's memory is still read in bounded memory. Every reader leaves the log
as one relation, `events`:

    case_id VARCHAR, activity VARCHAR, ts TIMESTAMP (UTC), seq BIGINT, segment VARCHAR

`seq` is the event's position in the file; it breaks ties between events of one case
with the same timestamp, the way process-mining tools keep the file's order.
"""

from __future__ import annotations

import logging
import os
import shutil
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from types import TracebackType
from typing import ClassVar, Protocol

import duckdb
import numpy as np

from journeymapper.analytics.dialect import DUCKDB, Dialect
from journeymapper.analytics.progress import Progress

log = logging.getLogger(__name__)

Row = tuple[object, ...]

MEMORY_LIMIT = os.environ.get("JOURNEYMAPPER_DUCKDB_MEMORY", "1GB")
"""DuckDB's memory limit: past it, sorts and joins spill to disk."""


def connect(
    memory_limit: str = MEMORY_LIMIT, threads: int | None = None
) -> tuple[duckdb.DuckDBPyConnection, Path]:
    """A fresh in-memory database that spills to its own temporary folder, in UTC."""
    spill = Path(tempfile.mkdtemp(prefix="journeymapper-duckdb-"))
    config: dict[str, str | bool | int | float | list[str]] = {
        "memory_limit": memory_limit,
        "temp_directory": str(spill),
        "preserve_insertion_order": True,
        "autoinstall_known_extensions": False,
        "autoload_known_extensions": False,
    }
    if threads:
        config["threads"] = threads
    con = duckdb.connect(":memory:", config=config)
    con.execute("SET TimeZone = 'UTC'")
    con.execute("SET enable_progress_bar = false")
    return con, spill


class Engine(Protocol):
    """What the figures need of a read log: DuckDB's `EventLog`, or Spark's (spark.py)."""

    kind: str
    dialect: ClassVar[Dialect]

    @property
    def name(self) -> str: ...
    def rows(self, sql: str) -> list[Row]: ...
    def scalar(self, sql: str) -> object: ...
    def load_table(self, name: str, columns: dict[str, str], rows: Sequence[Row]) -> None: ...
    def keep(self, name: str, sql: str) -> None: ...
    def drop(self, name: str) -> None: ...


@dataclass
class EventLog:
    """A read log: the database holding its `events`, where it came from, what was odd."""

    con: duckdb.DuckDBPyConnection
    path: Path
    spill: Path
    kind: str  # "events", or "dfg" for a pre-aggregated directly-follows table
    has_segment: bool = False
    notes: list[str] = field(default_factory=list)
    progress: Progress = field(default_factory=Progress)  # the steps, and the user's Cancel

    @property
    def name(self) -> str:
        return self.path.name

    def close(self) -> None:
        try:
            self.con.close()
        finally:
            shutil.rmtree(self.spill, ignore_errors=True)

    def __enter__(self) -> EventLog:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        value: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        self.close()

    # ----- what the figures ask of an engine (the Spark engine answers the same) -----

    dialect: ClassVar[Dialect] = DUCKDB

    def rows(self, sql: str) -> list[Row]:
        return self.con.execute(sql).fetchall()

    def scalar(self, sql: str) -> object:
        row = self.con.execute(sql).fetchone()
        return None if row is None else row[0]

    def load_table(self, name: str, columns: dict[str, str], rows: Sequence[Row]) -> None:
        """A small table of values (the map's touchpoints, connections, mapping)."""
        spec = ", ".join(f"{c} {t}" for c, t in columns.items())
        self.con.execute(f"CREATE OR REPLACE TEMP TABLE {name} ({spec})")
        if rows:
            data = {c: np.array([r[i] for r in rows], dtype=object) for i, c in enumerate(columns)}
            self.con.register("incoming", data)
            try:
                self.con.execute(f"INSERT INTO {name} SELECT * FROM incoming")
            finally:
                self.con.unregister("incoming")

    def keep(self, name: str, sql: str) -> None:
        """Compute `sql` once into table `name`, for several queries to read."""
        self.con.execute(f"CREATE OR REPLACE TEMP TABLE {name} AS {sql}")

    def drop(self, name: str) -> None:
        self.con.execute(f"DROP TABLE IF EXISTS {name}")
