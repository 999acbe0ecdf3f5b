"""The poster prints the analytics overlay when the map keeps figures and shows them."""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
from pathlib import Path

import pytest
from pypdf import PdfReader

from journeymapper.analytics.flows import summary
from journeymapper.analytics.mapping import analytics_edit
from journeymapper.analytics.on_map import map_figures
from journeymapper.analytics.open_log import open_log
from journeymapper.io.poster.export import export_poster
from journeymapper.io.poster.options import PosterOptions
from journeymapper.layout.analytics_overlay import DESIGNED, UNDESIGNED
from journeymapper.look.palette import rgb
from journeymapper.model.document import Journey
from tests.analytics.logs import shop_log, write_csv
from tests.analytics.shop_map import MAPPING, shop_map

SHOTS = Path(__file__).resolve().parents[2] / "build" / "screenshots"
OPTIONS = PosterOptions(date=dt.date(2024, 3, 1))


@pytest.fixture
def analysed(tmp_path: Path) -> Journey:
    journey = shop_map()
    with open_log(write_csv(tmp_path / "shop.csv", shop_log())) as log:
        figures = map_figures(log, journey, MAPPING, summary(log))
    journey.apply(analytics_edit(journey, "", mapping=MAPPING, figures=figures))
    return journey


def text_of(path: Path) -> str:
    return " ".join(page.extract_text() for page in PdfReader(path).pages)


def pixels(pdf: Path, png: Path) -> list[tuple[int, int, int]]:
    """The colours of the rendered page (pdftoppm, 60 dpi), and a PNG of it to look at."""
    if shutil.which("pdftoppm") is None:
        pytest.fail("pdftoppm is missing (make test installs poppler-utils)")
    subprocess.run(
        ["pdftoppm", "-r", "60", "-png", "-singlefile", pdf, png.with_suffix("")], check=True
    )
    ppm = subprocess.run(
        ["pdftoppm", "-r", "60", "-singlefile", pdf], check=True, capture_output=True
    ).stdout
    _, size, _, body = ppm.split(b"\n", 3)
    width, height = (int(v) for v in size.split())
    data = body[: width * height * 3]
    return [tuple(data[i : i + 3]) for i in range(0, len(data), 3)]  # type: ignore[misc]


def near(colours: list[tuple[int, int, int]], hex_color: str) -> int:
    """How many pixels have (nearly) this colour."""
    want = tuple(round(c * 255) for c in rgb(hex_color))
    return sum(1 for c in colours if sum(abs(a - b) for a, b in zip(c, want, strict=True)) < 12)


def test_the_poster_prints_the_overlay(analysed: Journey, tmp_path: Path) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    pdf = tmp_path / "shop.pdf"
    export_poster(analysed, pdf, OPTIONS)
    text = text_of(pdf)
    assert "Log: shop.csv" in text
    assert "3 · 75 %" in text  # a reach badge
    assert "4 cases · 1 drop off (25 %)" in text  # the pre-purchase header
    assert "3 · 1 min" in text  # checkout → confirmation: 3 cases, median 1 minute
    colours = pixels(pdf, SHOTS / "analytics-poster.png")
    plain = tmp_path / "plain.pdf"
    export_poster(shop_map(), plain, OPTIONS)
    without = pixels(plain, tmp_path / "plain.png")
    assert near(colours, DESIGNED) > 200 > near(without, DESIGNED)
    assert near(colours, UNDESIGNED) > near(without, UNDESIGNED) + 50


def test_a_hidden_overlay_and_a_map_without_figures_print_none(
    analysed: Journey, tmp_path: Path
) -> None:
    analysed.apply(analytics_edit(analysed, "", shown=False))
    hidden = tmp_path / "hidden.pdf"
    export_poster(analysed, hidden, OPTIONS)
    plain = tmp_path / "plain.pdf"
    export_poster(shop_map(), plain, OPTIONS)
    assert "Log: shop.csv" not in text_of(hidden)
    assert "Log: shop.csv" not in text_of(plain)
    assert pixels(hidden, tmp_path / "hidden.png") == pixels(plain, tmp_path / "plain.png")


def test_the_svg_fragments_are_well_formed_and_escaped(analysed: Journey) -> None:
    from xml.etree import ElementTree

    from journeymapper.io.svg.analytics import svg_over, svg_under
    from journeymapper.layout.engine import layout_journey

    figures = analysed.info.analytics.figures  # type: ignore[union-attr]
    renamed = figures.model_copy(update={"log": "<script>&.csv"})  # type: ignore[union-attr]
    analysed.apply(analytics_edit(analysed, "", figures=renamed))
    layout = layout_journey(analysed)
    document = ElementTree.fromstring(
        "<svg xmlns='http://www.w3.org/2000/svg'>"
        + svg_under(analysed, layout)
        + svg_over(analysed, layout)
        + "</svg>"
    )
    tags = [element.tag.rsplit("}", 1)[-1] for element in document.iter()]
    assert tags.count("polyline") == 5
    assert "Log: <script>&.csv" in "".join(document.itertext())
    assert svg_under(shop_map(), layout_journey(shop_map())) == ""
