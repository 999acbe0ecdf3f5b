"""The few SQL spellings DuckDB and Spark SQL disagree on, so both run one query text.

Every figure is one SQL query written once (flows.py, on_map.py) with these functions
filled in; the DuckDB engine and the Spark engine differ only here and in how they
load the log. Values are written into the SQL as literals (`literal`), escaped, since
the two engines mark parameters differently.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal


@dataclass(frozen=True, slots=True)
class Dialect:
    name: str
    micros: str  # a timestamp as microseconds since 1970: "{}" is the timestamp
    quantiles: str  # the median and the 90th percentile, from one sort: a list of two
    contains: str  # "{0}" an array literal, "{1}" a value
    array: str  # "{}" comma-separated literals
    backslash_escapes: bool  # Spark reads \\ and \\' in string literals; DuckDB does not
    stored_order: bool  # a table keeps the order its rows were inserted in (flows.py)

    def seconds_between(self, start: str, end: str) -> str:
        return f"(({self.micros.format(end)}) - ({self.micros.format(start)})) / 1e6"


DUCKDB = Dialect(
    name="duckdb",
    micros="epoch_us({})",
    quantiles="quantile_cont({}, [0.5, 0.9])",
    contains="list_contains({0}, {1})",
    array="[{}]",
    backslash_escapes=False,
    stored_order=True,
)

SPARK = Dialect(
    name="spark",
    micros="unix_micros({})",
    quantiles="percentile({}, array(0.5, 0.9))",
    contains="array_contains({0}, {1})",
    array="array({})",
    backslash_escapes=True,
    stored_order=False,
)


def literal(value: object, dialect: Dialect = DUCKDB) -> str:
    """A value as a SQL literal of `dialect`."""
    if value is None:
        return "NULL"
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, int | float):
        return repr(value)
    if isinstance(value, dt.datetime):
        return f"TIMESTAMP '{value.isoformat(sep=' ')}'"
    text = str(value)
    if dialect.backslash_escapes:
        return "'" + text.replace("\\", "\\\\").replace("'", "\\'") + "'"
    return "'" + text.replace("'", "''") + "'"


def array_literal(dialect: Dialect, values: Sequence[object]) -> str:
    return dialect.array.format(", ".join(literal(v, dialect) for v in values))


def as_int(value: object) -> int:
    """A count from a result row (engines return int, Decimal or None)."""
    if value is None:
        return 0
    if not isinstance(value, int | float | Decimal):
        raise TypeError(f"not a count: {value!r}")
    return int(value)


def as_float(value: object) -> float | None:
    if value is None:
        return None
    if not isinstance(value, int | float | Decimal):
        raise TypeError(f"not a number: {value!r}")
    return float(value)


def as_time(value: object) -> dt.datetime | None:
    """A timestamp from a result row (a datetime, or None for an empty log)."""
    return value if isinstance(value, dt.datetime) else None


def as_pair(value: object) -> tuple[float | None, float | None]:
    """The (median, 90th percentile) a `quantiles` aggregate returned."""
    if not value:
        return None, None
    pair = list(value) if isinstance(value, list | tuple) else []
    if len(pair) != 2:
        return None, None
    return as_float(pair[0]), as_float(pair[1])
