"""The one-page session summary: what it says, that it stays one page, byte-stable."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from pypdf import PdfReader

from journeymapper.analysis.votes import ranking, stage_items
from journeymapper.base.resources import examples_dir
from journeymapper.cli.main import main
from journeymapper.io.journey_file import load_journey
from journeymapper.io.summary_pdf import export_summary, render_summary
from journeymapper.model.builders import new_stage, new_touchpoint
from journeymapper.model.document import Journey
from journeymapper.model.edits import AddStage, AddTouchpoint, UpdateTouchpoint
from tests.sample import clothing_store

DAY = dt.date(2025, 5, 12)
TRICKY = "<b>Café & crème</b> — Ωμέγα, Привет, naïve “quotes” ✓"


def _text(path: Path) -> str:
    reader = PdfReader(path)
    assert len(reader.pages) == 1
    return reader.pages[0].extract_text()


def _tricky_map() -> Journey:
    journey = clothing_store()
    journey.apply(UpdateTouchpoint("cart", {"name": TRICKY, "votes": 9}))
    journey.apply(UpdateTouchpoint("support", {"pain_points": ("Wait > 20 min & no <callback>",)}))
    return journey


def test_the_summary_says_what_the_workshop_decided(tmp_path: Path) -> None:
    path = export_summary(_tricky_map(), tmp_path / "summary.pdf", DAY)
    text = _text(path)
    for expected in (
        "WORKSHOP SESSION SUMMARY",
        "Online clothing store",
        "12 May 2025",
        "Top-voted touchpoints",
        "<b>Café & crème</b>",  # user text is never markup
        "Ωμέγα",
        "Привет",
        "Wait > 20 min & no <callback>",
        "Pain points and opportunities by stage",
        "Size guide is hard to find",
        "Fit finder on product pages",
        "Coverage findings",
    ):
        assert expected in text, expected
    assert text.index("<b>Café") < text.index("Pain points and opportunities")  # ranked 1st
    fonts = PdfReader(path).pages[0]["/Resources"]["/Font"]
    names = [str(fonts[f].get_object()["/BaseFont"]) for f in fonts]
    assert names
    assert all("DejaVuSans" in n for n in names)


def test_the_same_map_and_date_give_the_same_bytes() -> None:
    journey = _tricky_map()
    assert render_summary(journey, DAY) == render_summary(journey, DAY)
    assert render_summary(journey, DAY) != render_summary(journey, dt.date(2025, 5, 13))


def test_a_map_that_holds_too_much_still_fits_one_page(tmp_path: Path) -> None:
    journey = clothing_store()
    for i in range(12):
        stage = new_stage(journey, f"Stage {i} with a rather long name to wrap")
        journey.apply(AddStage(stage, len(journey.stages)))
        for j in range(6):
            tp = new_touchpoint(
                journey, f"Card {i}.{j} " + "word " * 12, stage.id, "touchpoints",
                votes=j, pain_points=tuple(f"Pain {k} " + "long " * 20 for k in range(4)),
                opportunities=tuple(f"Idea {k}" for k in range(5)),
            )  # fmt: skip
            journey.apply(AddTouchpoint(tp))
    text = _text(export_summary(journey, tmp_path / "big.pdf", DAY))
    assert "more" in text  # the lists say how much was left out


def test_an_empty_map_says_there_are_no_votes(tmp_path: Path) -> None:
    text = _text(export_summary(Journey.default("Fresh"), tmp_path / "empty.pdf", DAY))
    assert "No votes yet" in text


def test_ranking_ties_share_a_place_and_stages_list_voted_cards_first() -> None:
    journey = clothing_store()
    journey.apply(UpdateTouchpoint("site", {"votes": 3}))
    rows = ranking(journey, {"ad": 5})
    assert [(r.rank, r.touchpoint.id, r.votes) for r in rows] == [
        (1, "ad", 5),
        (2, "site", 3),  # ties in map order: site (pre-purchase) before cart
        (2, "cart", 3),
    ]
    assert [r.touchpoint.id for r in ranking(journey, pain_points_only=True)] == ["site", "cart"]
    items = {s.stage.id: s for s in stage_items(journey)}
    assert items["purchase"].pain_points[0] == ("Shipping cost shown late", "Checkout")


def test_export_summary_from_the_command_line(capsys, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    example = examples_dir() / "online-clothing-store.journey"
    out = tmp_path / "summary.pdf"
    code = main(["export", str(example), "-o", str(out), "--summary", "--date", "2025-05-12"])
    captured = capsys.readouterr()
    assert (code, captured.err) == (0, "")
    assert captured.out.strip() == f"wrote {out} (session summary, 1 page)"
    assert out.read_bytes() == render_summary(load_journey(example), DAY)
    code = main(["export", str(example), "-o", str(out), "--summary", "--paper", "a3"])
    assert code == 2
    assert "applies to posters" in capsys.readouterr().err
    code = main(["export", str(example), "-o", str(tmp_path / "s.csv"), "--summary"])
    assert code == 2


@pytest.mark.parametrize("bad", ["2025-13-01", "yesterday"])
def test_a_bad_date_is_one_line(capsys, tmp_path: Path, bad: str) -> None:  # type: ignore[no-untyped-def]
    example = examples_dir() / "online-clothing-store.journey"
    code = main(["export", str(example), "-o", str(tmp_path / "s.pdf"), "--summary", "--date", bad])
    assert code == 2
    assert "--date must be YYYY-MM-DD" in capsys.readouterr().err
