"""Reading CSV sheets: exported ones losslessly, hand-typed ones as well as they can be.

Only `stage` and `name` are required; stages are created in the order they first
appear, `next` may name touchpoints by id or by name, the delimiter (`,` `;` or tab)
and the encoding are sniffed. A row that cannot become a touchpoint is skipped, a cell
that cannot be read is left empty; both are reported with the row (as a spreadsheet
numbers it) and the column. Only a file that is not a CSV at all raises `CsvError`.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from journeymapper.base.perf import gc_paused
from journeymapper.io.interchange.build import (
    ENCODING_NAMES,
    ImportResult,
    LaneKindError,
    MapBuilder,
    Notice,
    TouchpointError,
    decode_text,
    title_from_path,
)
from journeymapper.io.interchange.cells import (
    normalise_channel,
    parse_category,
    parse_emotion,
    parse_evidence,
    parse_kpis,
    parse_ownership,
    parse_votes,
    split_items,
    split_keep_empty,
    unguard,
)
from journeymapper.io.interchange.csv_write import COLUMNS, FORMAT
from journeymapper.io.interchange.errors import CsvError
from journeymapper.io.interchange.limits import (
    MAX_CSV_COLUMNS,
    MAX_CSV_ROWS,
    ImportLimitError,
    SkippedList,
    WarningList,
)
from journeymapper.model import catalog
from journeymapper.model.schema import EmotionScale

REQUIRED = ("stage", "name")
_ALIASES = {
    "touchpoint": "name",
    "pain_point": "pain_points",
    "pains": "pain_points",
    "opportunity": "opportunities",
    "kpi": "kpis",
    "persona": "personas",
    "tag": "tags",
    "vote": "votes",
    "next_label": "next_labels",
}
_VERBATIM = ("description", "feedback")  # free text keeps its spaces and line breaks


def parse_csv(raw: bytes, path: str | Path | None = None) -> ImportResult:
    """The map in the bytes of a CSV file; `CsvError` only when nothing can be read."""
    text, encoding = decode_text(raw)
    if "\x00" in text:
        raise CsvError(path, "", "holds NUL bytes: it is not a CSV text file")
    records = _records(text, path)
    header_at = next((i for i, rec in enumerate(records) if any(c.strip() for c in rec)), None)
    if header_at is None:
        raise CsvError(path, "", "is empty: there is no header row")
    sheet = _Sheet(path, records, header_at)
    try:
        with gc_paused():
            result = sheet.read()
    except ImportLimitError as exc:
        raise CsvError(path, "", str(exc)) from None
    result.encoding = encoding
    if encoding in ENCODING_NAMES:
        result.warnings.insert(
            0, Notice(0, f"the file is not UTF-8; it was read as {ENCODING_NAMES[encoding]}")
        )
    return result


def _records(text: str, path: str | Path | None) -> list[list[str]]:
    first = next((line for line in text.splitlines() if line.strip()), "")
    delimiter = _sniff_delimiter(first)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    records: list[list[str]] = []
    try:
        with gc_paused():
            for record in reader:
                if len(records) >= MAX_CSV_ROWS:
                    raise CsvError(
                        path, "", f"has more than {MAX_CSV_ROWS:,} rows; JourneyMapper reads fewer"
                    )
                records.append(record)
    except csv.Error as exc:
        raise CsvError(path, f"row {len(records) + 1}", f"cannot be read ({exc})") from None
    return records


def _sniff_delimiter(header: str) -> str:
    """The delimiter under which the header names `stage` and `name`, else the commonest."""
    best, best_count = ",", 0
    for delimiter in (",", ";", "\t"):
        try:
            cells = next(csv.reader([header], delimiter=delimiter), [])
        except csv.Error:  # a field over the csv module's limit: `_records` says so
            continue
        names = {_column_key(c) for c in cells[: MAX_CSV_COLUMNS + 1]}
        if all(r in names for r in REQUIRED):
            return delimiter
        if len(names) > best_count:
            best, best_count = delimiter, len(names)
    return best


def _column_key(text: str) -> str:
    key = re.sub(r"[\s\-]+", "_", text.strip().lstrip("\ufeff").casefold())
    return _ALIASES.get(key, key)


def column_letter(index: int) -> str:
    """0 → A, 25 → Z, 26 → AA: how a spreadsheet names a column."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters


class _SkipRowError(Exception):
    pass


@dataclass
class _Sheet:
    path: str | Path | None
    records: list[list[str]]
    header_at: int
    columns: dict[str, int] = field(default_factory=dict)
    skipped: list[Notice] = field(default_factory=SkippedList)
    warnings: list[Notice] = field(default_factory=WarningList)

    def read(self) -> ImportResult:
        self._read_header()
        self.builder = MapBuilder(title_from_path(self.path))
        self.scale = EmotionScale()
        self.aliases: dict[str, str] = {}  # an id as the sheet wrote it → the id it got
        self.by_name: dict[str, list[str]] | None = None  # built when `next` names a card
        pending: list[tuple[int, str, list[str], list[str]]] = []
        if "id" in self.columns:  # the sheet's ids win over ids made from stage names
            for record in self.records[self.header_at + 1 :]:
                if any(cell.strip() for cell in record):
                    self.builder.reserve(self._cell(record, "id"))
        for index in range(self.header_at + 1, len(self.records)):
            record = self.records[index]
            if not any(cell.strip() for cell in record):
                continue
            row = index + 1
            try:
                ident = self._row(row, record)
            except _SkipRowError as exc:
                self.skipped.append(Notice(row, str(exc), "row"))
                continue
            links = split_items(self._cell(record, "next"))
            labels = split_keep_empty(self._cell(record, "next_labels"))
            if links:
                pending.append((row, ident, links, labels))
        for row, ident, links, labels in pending:
            self._connect(row, ident, links, labels)
        data = self.builder.build()
        return ImportResult(data, FORMAT, self.skipped, self.warnings)

    # ----- header ---------------------------------------------------------------------

    def _read_header(self) -> None:
        header = self.records[self.header_at]
        row = self.header_at + 1
        while header and not header[-1].strip():
            header.pop()  # a spreadsheet may write empty columns after the last one used
        if len(header) > MAX_CSV_COLUMNS:
            raise CsvError(
                self.path,
                f"row {row}",
                f"the header has {len(header):,} columns; a sheet JourneyMapper reads has at "
                f"most {MAX_CSV_COLUMNS:,}",
            )
        for index, cell in enumerate(header):
            key = _column_key(cell)
            if not key:
                continue
            where = f"row {row}, column {column_letter(index)}"
            if key not in COLUMNS:
                self.warnings.append(
                    Notice(
                        row,
                        f"column {column_letter(index)} ('{cell.strip()}') is not a column "
                        "JourneyMapper reads; it was ignored",
                        "row",
                    )
                )
            elif key in self.columns:
                raise CsvError(self.path, where, f"the column '{key}' appears twice")
            else:
                self.columns[key] = index
        missing = [r for r in REQUIRED if r not in self.columns]
        if missing:
            found = ", ".join(f"'{c.strip()}'" for c in header if c.strip()) or "nothing"
            raise CsvError(
                self.path,
                f"row {row}",
                f"the header needs the columns {' and '.join(repr(m) for m in missing)} "
                f"(found {found[:200]})",
            )

    def _cell(self, record: list[str], name: str) -> str:
        index = self.columns.get(name)
        if index is None or index >= len(record):
            return ""
        cell = unguard(record[index])
        return cell if name in _VERBATIM else cell.strip()

    def _where(self, name: str) -> str:
        return f"column '{name}' ({column_letter(self.columns[name])})"

    def _warn(self, row: int, name: str, message: str) -> None:
        self.warnings.append(Notice(row, f"{self._where(name)}: {message}", "row"))

    # ----- rows -----------------------------------------------------------------------

    def _row(self, row: int, record: list[str]) -> str:
        if len(record) > len(self.records[self.header_at]) and any(
            c.strip() for c in record[len(self.records[self.header_at]) :]
        ):
            self.warnings.append(
                Notice(row, "has more cells than the header has columns; those were ignored", "row")
            )
        name = self._cell(record, "name")
        stage = self._cell(record, "stage")
        for column, value in (("name", name), ("stage", stage)):
            if not value:
                where = self._where(column)
                raise _SkipRowError(f"{where} is empty; every touchpoint needs a {column}")
        fields = self._fields(row, record)
        try:
            fields["stage"] = self.builder.stage(stage)
        except ValueError as exc:
            where = self._where("stage")
            raise _SkipRowError(f"{where}: not a usable stage name ({exc})") from None
        fields["lane"] = self._lane(row, record)
        written_id = self._cell(record, "id")
        for _ in range(len(fields) + 1):
            try:
                ident = self.builder.add_touchpoint(written_id or None, name=name, **fields)
                break
            except TouchpointError as exc:
                column = "name" if exc.field in ("name", "id", "") else exc.field
                if column in ("name", "stage", "lane") or column not in self.columns:
                    raise _SkipRowError(f"{self._where('name')}: {exc}") from None
                self._warn(row, column, f"{str(exc).split(': ', 1)[-1]}; left empty")
                fields.pop(column, None)
        else:  # pragma: no cover - every retry drops one field
            raise _SkipRowError("the row cannot become a touchpoint")
        if written_id:
            if written_id != ident:
                self._warn(row, "id", f"'{written_id}' is not a free, valid id; it became {ident}")
            self.aliases.setdefault(written_id, ident)
        return ident

    def _lane(self, row: int, record: list[str]) -> str:
        try:
            return self.builder.lane(self._cell(record, "lane"))
        except LaneKindError as exc:
            self._warn(row, "lane", f"{exc}; the touchpoint went to the first touchpoints lane")
        except ValueError as exc:
            self._warn(row, "lane", f"not a usable lane name ({exc})")
        return self.builder.lane("")

    def _fields(self, row: int, record: list[str]) -> dict[str, Any]:
        fields: dict[str, Any] = {}
        for name in ("description", "feedback", "owner"):
            fields[name] = self._cell(record, name)
        channel = normalise_channel(self._cell(record, "channel"))
        fields["channel"] = channel
        entry = catalog.channel(channel)
        parsers: dict[str, Any] = {
            "category": parse_category,
            "ownership": parse_ownership,
            "evidence": parse_evidence,
            "emotion": lambda text: parse_emotion(text, self.scale),
            "votes": parse_votes,
        }
        for name, parse in parsers.items():
            if name not in self.columns:
                continue
            try:
                fields[name] = parse(self._cell(record, name))
            except ValueError as exc:
                self._warn(row, name, f"{exc}; left empty")
        if entry is not None:  # a hand-typed sheet without these columns gets the defaults
            fields.setdefault("category", entry.category)
            fields.setdefault("ownership", entry.ownership)
        for name in ("pain_points", "opportunities", "tags"):
            fields[name] = tuple(split_items(self._cell(record, name)))
        kpis, problems = parse_kpis(self._cell(record, "kpis"))
        fields["kpis"] = tuple(kpis)
        for problem in problems:
            self._warn(row, "kpis", f"{problem}; it was left out")
        fields["personas"] = self._personas(row, record)
        return fields

    def _personas(self, row: int, record: list[str]) -> tuple[str, ...]:
        ids: list[str] = []
        for name in split_items(self._cell(record, "personas")):
            try:
                ident = self.builder.persona(name)
            except ValueError as exc:
                self._warn(row, "personas", f"'{name[:40]}' is not a usable name ({exc})")
                continue
            if ident not in ids:
                ids.append(ident)
        return tuple(ids)

    # ----- connections ----------------------------------------------------------------

    def _connect(self, row: int, source: str, links: list[str], labels: list[str]) -> None:
        for i, link in enumerate(links):
            target = self._resolve(row, link)
            if target is None:
                continue
            if target == source:
                self._warn(row, "next", f"'{link}' is this touchpoint itself; ignored")
                continue
            label = labels[i].strip() if i < len(labels) else ""
            try:
                added = self.builder.connect(source, target, label)
            except ValueError:
                self._warn(row, "next_labels", f"label {i + 1} is not a usable label; left out")
                added = self.builder.connect(source, target)
            if not added:
                self._warn(row, "next", f"'{link}' is listed twice; once is kept")

    def _resolve(self, row: int, link: str) -> str | None:
        if link in self.aliases:
            return self.aliases[link]
        if self.by_name is None:
            self.by_name = {}
            for tp in self.builder.touchpoints.values():
                self.by_name.setdefault(tp.name.casefold(), []).append(tp.id)
        named = self.by_name.get(link.casefold(), [])
        if len(named) == 1:
            return named[0]
        if named:
            self._warn(row, "next", f"'{link}' names {len(named)} touchpoints; use the id instead")
        else:
            self._warn(row, "next", f"no touchpoint has the id or name '{link}'; ignored")
        return None
