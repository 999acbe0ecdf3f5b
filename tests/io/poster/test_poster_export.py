"""The poster PDF itself: text, fonts, pages, determinism, atomic and cancellable writes."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest
from pypdf import PdfReader
from pypdf.generic import DictionaryObject, IndirectObject

from benchmarks.generate import generate_map
from journeymapper.io.poster.export import (
    ExportCancelledError,
    export_poster,
    render_poster,
)
from journeymapper.io.poster.options import Mode
from journeymapper.io.poster.paper import MAX_PAGE_SIDE, PAPERS, PosterError
from journeymapper.model.document import Journey
from tests.io.poster.maps import LONG_NAME, SPECIAL_NAMES, options, pdf_text, words_in_order


def render(journey: Journey, **fields: object) -> bytes:
    data, _, _ = render_poster(journey, options(**fields))
    return data


def reader(data: bytes) -> PdfReader:
    return PdfReader(io.BytesIO(data))


# ----- text ---------------------------------------------------------------------------


def test_every_touchpoint_name_of_the_example_is_in_the_text(example: Journey) -> None:
    text = pdf_text(render(example))
    for tp in example.touchpoints():
        assert words_in_order(text, tp.name), tp.name
    for stage in example.stages:
        assert stage.name in text
    assert example.title in text


@pytest.mark.parametrize("name", SPECIAL_NAMES)
def test_markup_accents_greek_cyrillic_print_literally(special: Journey, name: str) -> None:
    text = pdf_text(render(special))
    if name == LONG_NAME:
        assert words_in_order(text, name)
    else:
        assert name in text


def test_user_text_is_never_markup(special: Journey) -> None:
    data = render(special)
    text = pdf_text(data)
    for literal in (
        "Spécial <b>markup</b> & Ελληνικά",
        "Liest <b>alles</b> & mehr",
        "<u>next</u>",
        "Zu <teuer> & langsam",
        "Καλύτερη τιμή",
        "Ana & <Bo>",
        "Avant l’achat <i>",
    ):
        assert literal in text
    pdf = reader(data)
    for page in pdf.pages:
        assert "/Annots" not in page
    assert b"/Subtype /Image" not in data
    assert b"/URI" not in data
    assert b"/JavaScript" not in data


def test_a_long_name_wraps_inside_its_card(special: Journey) -> None:
    from journeymapper.layout.engine import layout_journey
    from journeymapper.layout.geometry import CARD_PAD, CARD_W, NAME_FONT
    from journeymapper.layout.text import text_width

    layout = layout_journey(special)
    card = next(
        c for c in layout.cards.values() if " ".join(c.name_lines) == " ".join(LONG_NAME.split())
    )
    assert len(card.name_lines) > 3
    assert all(
        text_width(line, NAME_FONT, True) <= CARD_W - 2 * CARD_PAD for line in card.name_lines
    )
    assert card.parts.name_baselines[-1] < card.rect.h
    text = pdf_text(render(special))
    for line in card.name_lines:
        assert line in text


# ----- fonts --------------------------------------------------------------------------


def _fonts(pdf: PdfReader) -> list[DictionaryObject]:
    """Every font dictionary reachable from pages and (nested) form XObjects."""
    found: dict[int, DictionaryObject] = {}
    seen: set[int] = set()

    def walk(resources: object) -> None:
        if isinstance(resources, IndirectObject):
            resources = resources.get_object()
        if not isinstance(resources, DictionaryObject):
            return
        for font in (resources.get("/Font") or DictionaryObject()).values():
            obj = font.get_object()
            found[id(obj)] = obj
        for xobject in (resources.get("/XObject") or DictionaryObject()).values():
            obj = xobject.get_object()
            if id(obj) in seen:
                continue
            seen.add(id(obj))
            walk(obj.get("/Resources"))

    for page in pdf.pages:
        walk(page.get("/Resources"))
    return list(found.values())


def test_fonts_are_the_bundled_dejavu_embedded_and_subset(special: Journey) -> None:
    fonts = _fonts(reader(render(special)))
    assert fonts
    names = set()
    for font in fonts:
        base = str(font["/BaseFont"])
        assert re.fullmatch(r"/[A-Z]{6}\+DejaVuSans(-Bold)?", base), base
        descriptor = font["/FontDescriptor"].get_object()
        assert "/FontFile2" in descriptor
        assert "/ToUnicode" in font
        names.add(base.split("+")[1])
    assert names == {"DejaVuSans", "DejaVuSans-Bold"}


# ----- pages --------------------------------------------------------------------------


def test_fit_is_one_page_of_the_chosen_paper(example: Journey) -> None:
    pdf = reader(render(example, paper=PAPERS["a1"]))
    assert len(pdf.pages) == 1
    box = pdf.pages[0].mediabox
    assert sorted((float(box.width), float(box.height))) == pytest.approx(
        (PAPERS["a1"].width, PAPERS["a1"].height), abs=0.01
    )
    assert float(box.width) > float(box.height)  # the example is wider than tall


def test_tile_is_an_assembly_page_and_one_page_per_sheet(example: Journey) -> None:
    data, plan, _ = render_poster(example, options(mode=Mode.TILE, scale=1.0))
    pdf = reader(data)
    assert plan.sheet_count > 1
    assert len(pdf.pages) == plan.sheet_count + 1
    assert "Assembly" in pdf.pages[0].extract_text()
    for page, sheet in zip(pdf.pages[1:], plan.sheets, strict=True):
        assert sheet.label in page.extract_text()
        assert sorted((float(page.mediabox.width), float(page.mediabox.height))) == pytest.approx(
            (PAPERS["a4"].width, PAPERS["a4"].height), abs=0.01
        )


def test_the_map_is_one_form_placed_on_every_sheet(example: Journey) -> None:
    data, plan, _ = render_poster(example, options(mode=Mode.TILE, scale=1.5))
    pdf = reader(data)
    posters = set()
    for page in pdf.pages:
        xobjects = page["/Resources"]["/XObject"]
        posters.add(xobjects.raw_get("/FormXob.JMposter").idnum)
    assert len(posters) == 1  # every page, the assembly page too, shows the same one form
    assert len(pdf.pages) == plan.sheet_count + 1


def test_card_frames_are_shared_forms_one_per_size_and_colours(example: Journey) -> None:
    """A frame is most of a card's drawing: each size and colour is one form, placed on
    every card of its kind; a card of the highlighted persona has its halo in its frame."""
    cards = len(list(example.touchpoints()))
    for highlight in (None, example.personas[0].name):
        pdf = reader(render(example, persona=highlight))
        form = pdf.pages[0]["/Resources"]["/XObject"]["/FormXob.JMposter"].get_object()
        frames = re.findall(r"/(FormXob\.JMs_\d+) Do", form.get_data().decode("latin-1"))
        assert len(frames) == cards
        assert 1 < len(set(frames)) < cards
        defined = form["/Resources"]["/XObject"]
        ops = {n: defined[f"/{n}"].get_object().get_data().decode("latin-1") for n in frames}
        for name in set(frames):
            assert all(op in ops[name] for op in (" B", "W n", " re f"))  # clipped stripe
        halos = [n for n in frames if "5.000 w" in ops[n]]
        assert bool(halos) == (highlight is not None)
    big = reader(render(Journey(generate_map(300))))
    content = big.pages[0]["/Resources"]["/XObject"]["/FormXob.JMposter"].get_object().get_data()
    placed = re.findall(rb"/(FormXob\.JMs_\d+) Do", content)
    assert len(placed) == 300
    assert len(set(placed)) <= 12  # three card heights in three colours, a few more


def test_findings_add_a_last_page(example: Journey) -> None:
    without = reader(render(example))
    with_findings = reader(render(example, findings=True))
    assert len(with_findings.pages) == len(without.pages) + 1
    last = with_findings.pages[-1].extract_text()
    assert "Coverage findings" in last
    assert "JM" in last


def test_many_findings_continue_on_more_pages() -> None:
    journey = Journey(generate_map(600))
    pdf = reader(render(journey, findings=True, paper=PAPERS["a4"]))
    assert len(pdf.pages) > 2
    assert "(continued)" in pdf.pages[-1].extract_text()


def test_no_legend_leaves_the_legend_out(example: Journey) -> None:
    assert "CHANNEL CATEGORY" in pdf_text(render(example))
    assert "CHANNEL CATEGORY" not in pdf_text(render(example, legend=False))


def test_persona_highlights_by_name_or_id(example: Journey) -> None:
    plain = render(example)
    by_name = render(example, persona=" MAYA ")
    by_id = render(example, persona="maya")
    assert by_name == by_id != plain
    assert "highlighted: Maya" in pdf_text(by_name)
    assert "Maya (highlighted)" in pdf_text(by_name)


def test_an_unknown_persona_is_a_clear_error(example: Journey) -> None:
    with pytest.raises(PosterError, match=r"unknown persona .Zed.*Maya, Tom"):
        render(example, persona="Zed")


def test_title_block_has_state_date_personas_and_coverage(example: Journey) -> None:
    text = pdf_text(render(example))
    assert "CURRENT STATE" in text
    assert "14 March 2025" in text
    assert ", ".join(p.name for p in example.personas) in text
    counts = f"{example.touchpoint_count()} touchpoints in {len(example.stages)} stages"
    assert counts in text
    assert "coverage check" in text


def test_no_page_is_larger_than_the_pdf_limit() -> None:
    journey = Journey(generate_map(1000))
    for opts in (options(paper=PAPERS["a0"]), options(mode=Mode.TILE, scale=0.3)):
        pdf = reader(render_poster(journey, opts).data)
        for page in pdf.pages:
            assert max(float(page.mediabox.width), float(page.mediabox.height)) <= MAX_PAGE_SIDE
    with pytest.raises(PosterError, match="14,400"):
        render_poster(journey, options(mode=Mode.ACTUAL, scale=1.0))


def test_an_empty_map_still_makes_a_poster() -> None:
    assert "Untitled journey" in pdf_text(render(Journey.default()))


# ----- determinism, atomic writes, cancel ----------------------------------------------


def test_the_same_map_gives_the_same_bytes(example: Journey, tmp_path: Path) -> None:
    for opts in (options(), options(mode=Mode.TILE, findings=True, persona="Tom")):
        export_poster(example, tmp_path / "a.pdf", opts)
        export_poster(example, tmp_path / "b.pdf", opts)
        assert (tmp_path / "a.pdf").read_bytes() == (tmp_path / "b.pdf").read_bytes()


def test_export_writes_the_file_and_nothing_else(example: Journey, tmp_path: Path) -> None:
    result = export_poster(example, tmp_path / "poster.pdf", options())
    assert result.pages == 1
    assert [p.name for p in tmp_path.iterdir()] == ["poster.pdf"]
    assert (tmp_path / "poster.pdf").read_bytes().startswith(b"%PDF-")


@pytest.mark.parametrize("at", [0.0, 0.3, 0.72, 0.96])
def test_cancel_leaves_no_file_and_no_temp_file(
    example: Journey, tmp_path: Path, at: float
) -> None:
    journey = Journey(generate_map(300))
    seen: list[float] = []

    def progress(fraction: float) -> bool:
        seen.append(fraction)
        return fraction < at

    with pytest.raises(ExportCancelledError):
        export_poster(journey, tmp_path / "poster.pdf", options(), progress)
    assert list(tmp_path.iterdir()) == []
    assert seen == sorted(seen)


def test_cancel_keeps_an_older_poster_untouched(example: Journey, tmp_path: Path) -> None:
    target = tmp_path / "poster.pdf"
    target.write_bytes(b"old poster")

    def cancel(fraction: float) -> None:
        if fraction > 0.5:
            raise ExportCancelledError

    with pytest.raises(ExportCancelledError):
        export_poster(Journey(generate_map(300)), target, options(), cancel)
    assert target.read_bytes() == b"old poster"
    assert [p.name for p in tmp_path.iterdir()] == ["poster.pdf"]


def test_a_failed_write_leaves_no_temp_file(
    example: Journey, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import os

    def broken_fsync(fd: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", broken_fsync)
    with pytest.raises(OSError, match="No space"):
        export_poster(example, tmp_path / "poster.pdf", options())
    assert list(tmp_path.iterdir()) == []


def test_progress_reaches_one(example: Journey, tmp_path: Path) -> None:
    seen: list[float] = []
    export_poster(Journey(generate_map(500)), tmp_path / "p.pdf", options(), seen.append)
    assert seen[0] == 0.0
    assert seen[-1] == 1.0
    assert len(seen) > 5
    assert seen == sorted(seen)


# ----- generated maps -----------------------------------------------------------------


@pytest.mark.parametrize("size", [1, 50, 200])
def test_generated_maps_fit_and_tile(size: int) -> None:
    journey = Journey(generate_map(size))
    text = pdf_text(render(journey, paper=PAPERS["a1"]))
    for tp in list(journey.touchpoints())[:50]:
        assert words_in_order(text, tp.name)
    data, plan, _ = render_poster(journey, options(mode=Mode.TILE, scale=0.5))
    assert len(reader(data).pages) == plan.sheet_count + 1
