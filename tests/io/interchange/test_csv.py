"""CSV: lossless round trips, hand-typed sheets, sniffing, errors by row and column."""

from __future__ import annotations

import contextlib
import csv
import io
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from journeymapper.io.interchange.csv import read_csv, write_csv
from journeymapper.io.interchange.csv_read import column_letter, parse_csv
from journeymapper.io.interchange.csv_write import COLUMNS, csv_text
from journeymapper.io.interchange.errors import CsvError
from journeymapper.io.journey_file import load_journey
from journeymapper.model.document import Journey
from journeymapper.model.schema import Category, LaneKind, Ownership
from tests.io.interchange.strategies import journey_maps, sheet_view

EXAMPLES = sorted((Path(__file__).parents[3] / "examples").glob("*.journey"))


def _round_trip(journey: Journey, delimiter: str = ",") -> Journey:
    result = parse_csv(csv_text(journey, delimiter).encode("utf-8"))
    assert result.skipped == []
    assert result.warnings == []
    return Journey(result.data)


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.stem)
def test_examples_round_trip(path: Path, tmp_path: Path) -> None:
    journey = load_journey(path)
    out = tmp_path / "map.csv"
    write_csv(journey, out)
    result = read_csv(out)
    assert result.skipped == []
    assert result.warnings == []
    assert sheet_view(result.data) == sheet_view(journey.to_data())


@settings(max_examples=80)
@given(journey_maps(for_sheets=True), st.sampled_from([",", ";", "\t"]))
def test_generated_maps_round_trip(data, delimiter: str) -> None:  # type: ignore[no-untyped-def]
    journey = Journey(data)
    back = _round_trip(journey, delimiter)
    assert sheet_view(back.to_data()) == sheet_view(data)


def test_header_and_row_layout() -> None:
    journey = load_journey(EXAMPLES[0].parent / "online-clothing-store.journey")
    rows = list(csv.reader(io.StringIO(csv_text(journey))))
    assert tuple(rows[0]) == COLUMNS
    assert tuple(COLUMNS[:18]) == (
        "id", "stage", "lane", "name", "description", "channel", "category", "ownership",
        "emotion", "pain_points", "opportunities", "kpis", "feedback", "owner", "personas",
        "votes", "tags", "next",
    )  # fmt: skip
    by_id = {row[0]: dict(zip(COLUMNS, row, strict=True)) for row in rows[1:]}
    checkout = by_id["checkout"]
    assert checkout["kpis"].startswith("Conversion rate=2.7/3.5%|")
    assert checkout["personas"] == "Maya|Tom"
    assert checkout["next"] == "pay"
    assert checkout["emotion"] == "-1"  # numbers are never guarded
    assert by_id["comeback"]["next_labels"] == "Buys again"
    assert len(rows) == journey.touchpoint_count() + 1


def test_formula_cells_are_guarded_and_restored() -> None:
    journey = Journey.default()
    from journeymapper.model.builders import new_touchpoint
    from journeymapper.model.edits import AddTouchpoint

    for name in ('=HYPERLINK("http://x")', "+1", "-sum", "@cmd", "'quoted", "plain"):
        journey.apply(AddTouchpoint(new_touchpoint(journey, name, "purchase", "touchpoints")))
    text = csv_text(journey)
    names = [row[3] for row in csv.reader(io.StringIO(text))][1:]
    assert sorted(names) == sorted(
        ['\'=HYPERLINK("http://x")', "'+1", "'-sum", "'@cmd", "''quoted", "plain"]
    )
    assert not any(n.startswith(("=", "+", "-", "@")) for n in names)
    back = {tp.name for tp in _round_trip(journey).touchpoints()}
    assert back == {tp.name for tp in journey.touchpoints()}


def test_a_hand_typed_european_sheet() -> None:
    sheet = (
        b"Stage;Name;Next;Emotion;KPIs;Channel\r\n"
        b"Discover;See the ad;Visit the shop;1;;Online ads\r\n"
        b"Buy;Visit the shop;pay;0;Zufriedenheit=4,2/4,5 Punkte;\r\n"
        b"Buy;Pay at the till;;-1;;point of sale\r\n"
    )
    result = parse_csv(b"\xef\xbb\xbf" + sheet.replace(b"pay;0", b"Pay at the till;0"))
    assert result.skipped == []
    assert result.warnings == []
    journey = Journey(result.data)
    assert [s.name for s in journey.stages] == ["Discover", "Buy"]
    names = {tp.id: tp.name for tp in journey.touchpoints()}
    flow = {(names[c.source], names[c.target]) for c in journey.connections()}
    assert flow == {("See the ad", "Visit the shop"), ("Visit the shop", "Pay at the till")}
    ad = next(tp for tp in journey.touchpoints() if tp.name == "See the ad")
    assert (ad.channel, ad.category, ad.ownership) == (
        "online_ads",
        Category.DIGITAL,
        Ownership.PAID,
    )
    shop = next(tp for tp in journey.touchpoints() if tp.name == "Visit the shop")
    assert shop.kpis[0].actual == 4.2
    assert shop.kpis[0].target == 4.5
    assert shop.kpis[0].unit == "Punkte"
    assert [lane.kind for lane in journey.lanes].count(LaneKind.TOUCHPOINTS) == 1


def test_only_stage_and_name_are_required_and_ids_may_be_given() -> None:
    sheet = b"name,stage,next,id\nA,One,2,1\nB,One,,2\n"
    journey = Journey(parse_csv(sheet).data)
    assert {tp.id for tp in journey.touchpoints()} == {"1", "2"}
    assert [(c.source, c.target) for c in journey.connections()] == [("1", "2")]
    minimal = Journey(parse_csv(b"stage,name\nPre-purchase,Ad\nPurchase,Till\n").data)
    assert [s.phase.value for s in minimal.stages if s.phase] == ["pre_purchase", "purchase"]


def test_tabs_and_windows_1252_are_sniffed() -> None:
    raw = "stage\tname\tdescription\nAvant\tCafé crème\tprix 3 €\n".encode("cp1252")
    result = parse_csv(raw)
    assert result.encoding == "cp1252"
    assert "Windows-1252" in result.warnings[0].message
    tp = result.data.touchpoints[0]
    assert (tp.name, tp.description) == ("Café crème", "prix 3 €")


def test_utf16_with_bom_from_excel_unicode_text() -> None:
    result = parse_csv("stage\tname\nA\tÜber\n".encode("utf-16"))
    assert result.data.touchpoints[0].name == "Über"


def test_bad_rows_are_skipped_with_their_number_and_the_rest_kept() -> None:
    sheet = (
        b"stage,name,emotion,votes,category,next\n"
        b"A,First,1,2,digital,Second\n"
        b",No stage,,,,\n"
        b"\n"
        b"A,,,,,\n"
        b"B,Second,9,lots,purple,Nowhere\n"
    )
    result = parse_csv(sheet)
    assert [(n.line, n.unit) for n in result.skipped] == [(3, "row"), (5, "row")]
    assert "column 'stage' (A) is empty" in result.skipped[0].message
    assert "column 'name' (B) is empty" in result.skipped[1].message
    warned = {n.message.split(":")[0] for n in result.warnings}
    assert warned == {
        "column 'emotion' (C)",
        "column 'votes' (D)",
        "column 'category' (E)",
        "column 'next' (F)",
    }
    assert all(n.line == 6 for n in result.warnings)
    assert [tp.name for tp in result.data.touchpoints] == ["First", "Second"]
    second = result.data.touchpoints[1]
    assert (second.emotion, second.votes, second.category) == (None, 0, None)
    report = result.report()
    assert report[0].startswith("row 3: skipped: column 'stage' (A)")


def test_header_problems_name_the_row_and_column() -> None:
    with pytest.raises(CsvError) as missing:
        parse_csv(b"\n\ntitle,description\nx,y\n", "sheet.csv")
    assert str(missing.value).startswith("sheet.csv: row 3: the header needs the columns")
    with pytest.raises(CsvError, match=r"row 1, column C: the column 'name' appears twice"):
        parse_csv(b"stage,name,Name\nA,B,C\n")
    with pytest.raises(CsvError, match="is empty"):
        parse_csv(b"\n \n")


def test_unknown_columns_are_reported_once() -> None:
    result = parse_csv(b"stage,name,colour\nA,B,red\nA,C,blue\n")
    assert [n.line for n in result.warnings] == [1]
    assert result.warnings[0].message.startswith("column C ('colour') is not a column")


def test_labels_of_names_and_ambiguous_names() -> None:
    sheet = b"stage,name,next,next_labels\nA,X,Y|Z,|again\nA,Y,,\nB,Z,,\nB,Z,,\n"
    result = parse_csv(sheet)
    assert "names 2 touchpoints" in result.warnings[0].message
    assert [(c.label) for c in result.data.connections] == [""]


def test_column_letters() -> None:
    assert [column_letter(i) for i in (0, 25, 26, 51, 52, 701, 702)] == [
        "A", "Z", "AA", "AZ", "BA", "ZZ", "AAA",
    ]  # fmt: skip


@given(st.binary(max_size=600))
def test_garbage_raises_only_csv_error(raw: bytes) -> None:
    with contextlib.suppress(CsvError):
        result = parse_csv(raw)
        Journey(result.data)


@given(st.text(max_size=300))
def test_garbage_text_under_a_valid_header(body: str) -> None:
    with contextlib.suppress(CsvError):
        result = parse_csv(("stage,name,next,kpis,emotion,personas,lane\n" + body).encode())
        Journey(result.data)


@given(
    st.lists(st.lists(st.text(max_size=12), max_size=len(COLUMNS) + 2), max_size=6),
    st.sampled_from([",", ";", "\t"]),
)
def test_cell_shaped_garbage_raises_only_csv_error(rows: list[list[str]], delimiter: str) -> None:
    buffer = io.StringIO()
    csv.writer(buffer, delimiter=delimiter).writerows([list(COLUMNS), *rows])
    with contextlib.suppress(CsvError):
        Journey(parse_csv(buffer.getvalue().encode("utf-8", "surrogatepass")).data)
