"""A look at a table log before it is read: its columns and first rows.

The column dialog shows these so the user can say which column is the case, the
activity, the time; `guess` pre-selects the usual names.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import duckdb

from journeymapper.analytics.columns import USUAL, ColumnMap, usual_column
from journeymapper.analytics.open_log import PARQUET, log_format
from journeymapper.analytics.read_table import duckdb_problem, refuse_binary, sql_string


@dataclass(frozen=True, slots=True)
class Preview:
    path: Path
    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]

    def guess(self) -> ColumnMap:
        """The columns with the usual names; None where none is found."""
        return ColumnMap(*(usual_column(role, self.header) for role in USUAL))

    @property
    def needs_columns(self) -> bool:
        """True for a table whose usual names do not name all three roles (not XES)."""
        guess = self.guess()
        return bool(self.header) and None in (guess.case, guess.activity, guess.timestamp)


def preview(path: str | Path, rows: int = 8) -> Preview:
    """The header and first `rows` rows of a CSV or Parquet log, all as text."""
    path = Path(path)
    kind = log_format(path)
    if kind == "xes":
        return Preview(path, (), ())
    if not path.name.lower().endswith(PARQUET):
        refuse_binary(path, "a CSV file")
    source = (
        f"read_parquet({sql_string(str(path))})"
        if kind == "parquet"
        else f"read_csv({sql_string(str(path))}, all_varchar = true, header = true)"
    )
    con = duckdb.connect(":memory:")
    try:
        result = con.execute(f"SELECT * FROM {source} LIMIT {int(rows)}")
        header = tuple(str(d[0]) for d in result.description or ())
        body = tuple(tuple("" if v is None else str(v) for v in row) for row in result.fetchall())
    except duckdb.Error as exc:
        raise duckdb_problem(path, exc, f"a {kind.upper()} file") from None
    finally:
        con.close()
    return Preview(path, header, body)
