"""The format registry, the shared cell codecs, and merging an import as one edit."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from journeymapper.io.errors import JourneyFileError
from journeymapper.io.interchange.cells import (
    format_kpi,
    guard,
    join_items,
    parse_kpis,
    split_items,
    unguard,
)
from journeymapper.io.interchange.errors import CsvError, GraphMLError, MermaidError
from journeymapper.io.interchange.formats import (
    UnknownFormatError,
    export_file,
    format_for,
    import_file,
)
from journeymapper.io.interchange.merge import merge_edit
from journeymapper.io.journey_file import load_journey
from journeymapper.model.document import Journey
from journeymapper.model.edits import Batch
from journeymapper.model.schema import EmotionScale, JourneyData, LaneKind
from journeymapper.model.templates import template
from tests.io.interchange.strategies import kpis, name

EXAMPLE = Path(__file__).parents[3] / "examples" / "online-clothing-store.journey"


@pytest.mark.parametrize(
    ("path", "fmt", "expected"),
    [
        ("a.csv", None, "csv"),
        ("a.TSV", None, "csv"),
        ("a.mmd", None, "mermaid"),
        ("a.mermaid", None, "mermaid"),
        ("a.graphml", None, "graphml"),
        ("a.journey", None, "journey"),
        ("a.txt", "mermaid", "mermaid"),
        ("a", ".csv", "csv"),
    ],
)
def test_formats_by_extension_or_name(path: str, fmt: str | None, expected: str) -> None:
    assert format_for(path, fmt) == expected


def test_unknown_formats_say_what_is_known() -> None:
    with pytest.raises(UnknownFormatError, match=r"cannot export format '\.docx' \(known: "):
        format_for("a.docx", verb="export")
    with pytest.raises(UnknownFormatError, match="has no extension"):
        format_for("README")
    with pytest.raises(UnknownFormatError, match=r"cannot import format '\.png'"):
        format_for("a.png")  # pictures are the poster's and the editor's, not data formats


@pytest.mark.parametrize("suffix", [".csv", ".tsv", ".mmd", ".graphml", ".journey"])
def test_every_text_format_exports_and_imports(suffix: str, tmp_path: Path) -> None:
    journey = load_journey(EXAMPLE)
    out = tmp_path / f"map{suffix}"
    export_file(journey, out)
    assert not list(tmp_path.glob(".*.tmp"))  # written atomically, nothing left behind
    result = import_file(out)
    assert result.skipped == []
    assert {tp.name for tp in result.data.touchpoints} == {tp.name for tp in journey.touchpoints()}
    if suffix == ".tsv":
        assert "\t" in out.read_text(encoding="utf-8-sig").splitlines()[0]


@pytest.mark.parametrize(
    ("suffix", "error"),
    [
        (".csv", CsvError),
        (".mmd", MermaidError),
        (".graphml", GraphMLError),
        (".journey", JourneyFileError),
    ],
)
def test_each_loader_raises_its_own_error(suffix: str, error: type, tmp_path: Path) -> None:
    missing = tmp_path / f"missing{suffix}"
    with pytest.raises(error, match=r"does not exist|cannot be read"):
        import_file(missing)
    folder = tmp_path / f"folder{suffix}"
    folder.mkdir()
    with pytest.raises(error):
        import_file(folder)


def test_an_import_merges_as_one_undoable_batch() -> None:
    source = load_journey(EXAMPLE)
    target = Journey(template("retail").build())
    before = target.to_data()
    edit = merge_edit(target, source.to_data(), "Import clothing.csv")
    assert isinstance(edit, Batch)
    assert edit.describe(target) == "Import clothing.csv"
    inverse = target.apply(edit)
    assert target.touchpoint_count() == source.touchpoint_count()
    assert target.connection_count() == source.connection_count()
    assert [s.name for s in target.stages][-3:] == ["Pre-purchase", "Purchase", "Post-purchase"]
    assert {"Digital", "Physical", "Human"} <= {lane.name for lane in target.touchpoint_lanes()}
    assert len(target.touchpoint_lanes()) == 3  # matched by name, none added
    target.apply(inverse)
    assert target.to_data() == before


def test_merging_a_map_into_itself_renames_ids_and_places_cards_after_existing_ones() -> None:
    journey = load_journey(EXAMPLE)
    data = journey.to_data()
    journey.apply(merge_edit(journey, data))
    assert journey.touchpoint_count() == 2 * len(data.touchpoints)
    assert len(journey.stages) == len(data.stages)
    assert [p.name for p in journey.personas] == ["Maya", "Tom"]
    copy = journey.touchpoint("checkout-2")
    assert copy.slot.column > journey.touchpoint("checkout").slot.column
    doing = next(lane for lane in journey.lanes if lane.name == "Doing")
    assert doing.notes == next(lane for lane in data.lanes if lane.name == "Doing").notes


def test_merging_rescales_emotions_to_the_open_maps_scale() -> None:
    blank = template("blank").build()
    scale = EmotionScale(minimum=0, maximum=10, labels=())
    target = Journey(blank.model_copy(update={"emotion_scale": scale}))
    source = load_journey(EXAMPLE).to_data()
    target.apply(merge_edit(target, source))
    emotions = {tp.name: tp.emotion for tp in target.touchpoints()}
    assert emotions["Contacts customer support to track the order"] == 0
    assert emotions["Unpacks the parcel"] == 10
    assert emotions["Pays by card or PayPal"] == 5


def test_an_import_default_lane_goes_to_the_first_touchpoints_lane() -> None:
    target = Journey(template("saas-onboarding").build())
    imported = import_file_text("journey\nsection Sign up\n  Create account: 4\n")
    target.apply(merge_edit(target, imported))
    (tp,) = list(target.touchpoints())
    assert target.lane(tp.lane).name == "Product"
    assert target.stage(tp.stage).name == "Sign up"
    assert sum(lane.kind is LaneKind.TOUCHPOINTS for lane in target.lanes) == 2


def import_file_text(text: str) -> JourneyData:
    from journeymapper.io.interchange.mermaid_read import parse_mermaid

    return parse_mermaid(text).data


# ----- the cell codecs --------------------------------------------------------------------


@given(st.lists(name, max_size=5))
def test_lists_round_trip(items: list[str]) -> None:
    assert split_items(join_items(items)) == items


@given(kpis())
def test_kpis_round_trip(kpi) -> None:  # type: ignore[no-untyped-def]
    parsed, problems = parse_kpis(format_kpi(kpi))
    assert problems == []
    assert parsed == [kpi]


@given(st.text())
def test_guard_is_undone_by_unguard(cell: str) -> None:
    guarded = guard(cell)
    assert not guarded.startswith(("=", "+", "-", "@", "\t", "\r"))
    assert unguard(guarded) == cell


def test_a_kpi_cell_with_a_run_of_blanks_is_read_in_one_pass() -> None:
    """Regression: the unit's lazy `(.*?)\\s*$` tried every split of a run of blanks
    before a last letter (20,000 blanks in one CSV or GraphML cell took about 7 s)."""
    cell = "Conversion rate=2.7 a" + " " * 20_000 + "b|NPS=  40 / 50  points  "
    started = time.process_time()
    kpis, problems = parse_kpis(cell)
    assert time.process_time() - started < 1.0  # linear: milliseconds
    assert len(problems) == 1  # a unit of 20,000 characters is too long for a KPI
    assert problems[0].startswith("KPI 'Conversion rate=2.7 a")
    assert [(k.name, k.actual, k.target, k.unit) for k in kpis] == [("NPS", 40, 50, "points")]


def test_kpi_examples_from_the_readme() -> None:
    for text in ("Conversion rate=2.7/4.0%", "Satisfaction=4.2/4.5 points", "NPS", "NPS=/50"):
        (kpi,), problems = parse_kpis(text)
        assert problems == []
        assert format_kpi(kpi) == text.replace("=/50", "=/50.0")
