"""Paper names and custom sizes, in points, in both orientations."""

from __future__ import annotations

import pytest

from journeymapper.io.poster.paper import (
    MAX_PAGE_SIDE,
    PAPERS,
    PaperError,
    parse_number,
    parse_paper,
)

EXPECTED = {  # portrait width × height in points, as printers and Acrobat report them
    "A0": (2383.94, 3370.39),
    "A1": (1683.78, 2383.94),
    "A2": (1190.55, 1683.78),
    "A3": (841.89, 1190.55),
    "A4": (595.28, 841.89),
    "letter": (612.0, 792.0),
    "tabloid": (792.0, 1224.0),
    "arch-c": (1296.0, 1728.0),
    "arch-d": (1728.0, 2592.0),
    "arch-e": (2592.0, 3456.0),
}


@pytest.mark.parametrize(("name", "size"), EXPECTED.items())
def test_every_paper_name_in_both_orientations(name: str, size: tuple[float, float]) -> None:
    paper = parse_paper(name)
    portrait = paper.oriented(landscape=False)
    landscape = paper.oriented(landscape=True)
    assert portrait == pytest.approx(size, abs=0.01)
    assert landscape == pytest.approx(size[::-1], abs=0.01)


def test_every_named_paper_is_tested() -> None:
    assert {key.lower() for key in EXPECTED} == set(PAPERS)


@pytest.mark.parametrize("spelling", ["a4", "A4", " a4 ", "ARCH-D", "arch d", "Arch_D", "archd"])
def test_names_in_any_case_and_spelling(spelling: str) -> None:
    assert parse_paper(spelling) in (PAPERS["a4"], PAPERS["arch-d"])


@pytest.mark.parametrize(
    ("text", "points"),
    [
        ("600x900mm", (1700.79, 2551.18)),
        ("900x600mm", (1700.79, 2551.18)),
        ("24x36in", (1728.0, 2592.0)),
        ("24 x 36 in", (1728.0, 2592.0)),
        ("1000x2000pt", (1000.0, 2000.0)),
        ("500×700MM", (1417.32, 1984.25)),
        ("59,4x84,1cm", (1683.78, 2383.94)),
        ("20inx300mm", (850.39, 1440.0)),
    ],
)
def test_custom_sizes_in_mm_in_and_pt(text: str, points: tuple[float, float]) -> None:
    paper = parse_paper(text)
    assert (paper.width, paper.height) == pytest.approx(points, abs=0.01)


@pytest.mark.parametrize(
    "text",
    [
        "A9",
        "B2",
        "",
        "legal",
        "600x900",
        "600mm",
        "x900mm",
        "600x-900mm",
        "0x900mm",
        "abcxdefmm",
        "600x900km",
        "nanxnanmm",
        "1e5x1e5pt",
        "600 by 900 mm",
    ],
)
def test_unknown_or_malformed_papers_are_one_sentence(text: str) -> None:
    with pytest.raises(PaperError) as caught:
        parse_paper(text)
    message = str(caught.value)
    assert "\n" not in message
    assert "paper" in message


def test_a_custom_paper_over_the_pdf_limit_is_refused_with_a_hint() -> None:
    with pytest.raises(PaperError, match="14,400 pt") as caught:
        parse_paper(f"{MAX_PAGE_SIDE + 1:g}x1000pt")
    assert "tile" in str(caught.value)
    assert parse_paper(f"{MAX_PAGE_SIDE:g}x1000pt").height == MAX_PAGE_SIDE


def test_a_tiny_custom_paper_is_refused() -> None:
    with pytest.raises(PaperError, match="too small"):
        parse_paper("10x10mm")


@pytest.mark.parametrize(("text", "value"), [("1", 1.0), ("0.5", 0.5), ("50%", 0.5), ("2,5", 2.5)])
def test_scales_as_numbers_or_percentages(text: str, value: float) -> None:
    assert parse_number(text, "--scale", 0.01, 10, percent=True) == pytest.approx(value)


@pytest.mark.parametrize("text", ["abc", "0", "11", "-1", "nan", "inf", "", "5%%"])
def test_bad_numbers_are_refused(text: str) -> None:
    with pytest.raises(PaperError, match="--scale"):
        parse_number(text, "--scale", 0.01, 10, percent=True)
