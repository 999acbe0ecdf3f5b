"""The exported SVG in a real browser (Debian's chromium driven by Playwright): it draws,
and a page script finds every card and every arrow by class and data attributes."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from journeymapper.io.journey_file import load_journey
from journeymapper.io.svg import write_svg
from journeymapper.layout.engine import layout_journey

CHROMIUM = "/usr/bin/chromium"
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
EXAMPLE = (
    Path(__file__).resolve().parents[3] / "examples" / "smartphone-electronics-retailer.journey"
)
QUERY = """() => {
  const cards = [...document.querySelectorAll('g.card')];
  const arrows = [...document.querySelectorAll('g.connection-group path.connection')];
  const box = cards[0].querySelector('rect').getBBox();
  return {
    cards: cards.length,
    ids: cards.map(c => c.dataset.id),
    arrows: arrows.length,
    drawn: arrows.filter(p => p.getTotalLength() > 5).length,
    ends: arrows.map(p => [p.dataset.source, p.dataset.target]),
    first: [cards[0].dataset.id, box.x, box.y, box.width, box.height],
    stages: document.querySelectorAll('g.stages > g.stage').length,
    lanes: document.querySelectorAll('g.lanes > g.lane').length,
    texts: document.querySelectorAll('text').length,
  };
}"""


@pytest.fixture(scope="module")
def browser():  # type: ignore[no-untyped-def]
    if shutil.which(CHROMIUM) is None:
        pytest.fail("chromium is not installed: `make test` installs it (apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield browser
        browser.close()


def test_a_browser_draws_the_svg_and_finds_its_parts(browser, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    journey = load_journey(EXAMPLE)
    layout = layout_journey(journey)
    out = tmp_path / "map.svg"
    write_svg(journey, out)
    page = browser.new_page(viewport={"width": 1400, "height": 900})
    page.goto(out.as_uri())
    found = page.evaluate(QUERY)
    assert found["cards"] == len(layout.cards)
    assert set(found["ids"]) == set(layout.cards)
    assert found["arrows"] == found["drawn"] == len(layout.connection_ends)
    assert {tuple(e) for e in found["ends"]} == set(layout.connection_ends.values())
    card_id, x, y, w, h = found["first"]
    rect = layout.cards[card_id].rect
    assert [x, y, w, h] == pytest.approx([rect.x, rect.y, rect.w, rect.h], abs=0.01)
    assert found["stages"] == len(layout.stages)
    assert found["lanes"] == len(layout.lanes)
    assert found["texts"] > len(layout.cards)
    shot = tmp_path / "map.png"
    html = tmp_path / "page.html"  # as a web page would show it: an image of the file
    html.write_text(
        f'<html><body style="margin:0"><img src="{out.name}" width="1400"></body></html>'
    )
    page.goto(html.as_uri())
    page.screenshot(path=str(shot), timeout=60_000)
    from PySide6.QtGui import QImage

    image = QImage(str(shot))
    colours = {
        image.pixel(x, y) for x in range(0, image.width(), 23) for y in range(0, image.height(), 23)
    }
    assert len(colours) > 20  # a drawn map, not a blank page
    page.close()
