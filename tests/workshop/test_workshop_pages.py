"""The participant and facilitator pages in a real browser: Playwright driving Debian's
chromium, one browser context per person, phones emulated at 360 × 640."""

from __future__ import annotations

import gzip
import re
import shutil
import urllib.error
import urllib.request
from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, expect, sync_playwright

from journeymapper.workshop.web import STATIC_FILES, static_text
from tests.sample import clothing_store
from tests.workshop.wsclient import Client, Host, hosting, names_on_map

CHROMIUM = "/usr/bin/chromium"
ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run",
]  # fmt: skip
HOSTILE = "<img src=x onerror=alert(1)>"
WAIT = 8_000  # ms, for every expectation


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    if shutil.which(CHROMIUM) is None:
        pytest.fail("Debian's chromium is missing: `make test` installs it (make deps)")
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield launched
        launched.close()


@pytest.fixture
def host() -> Iterator[Host]:
    with hosting(clothing_store()) as running:
        yield running


def phone(browser: Browser) -> BrowserContext:
    return browser.new_context(
        viewport={"width": 360, "height": 640},
        device_scale_factor=2,
        is_mobile=True,
        has_touch=True,
        user_agent="Mozilla/5.0 (Linux; Android 14; Pixel 7) Mobile",
    )


def open_page(context: BrowserContext, url: str, errors: list[str]) -> Page:
    page = context.new_page()
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.on("dialog", lambda dialog: errors.append(f"dialog: {dialog.message}"))
    page.goto(url)
    return page


def join(page: Page, name: str = "") -> None:
    page.get_by_label("Your name (optional)").fill(name)
    page.get_by_role("button", name="Join").click()
    expect(page.get_by_role("status").first).to_have_text("Connected.", timeout=WAIT)


def add_card(page: Page, stage: str, name: str, emotion: str = "", pain: str = "") -> None:
    page.get_by_label("Stage", exact=True).select_option(label=stage)
    page.get_by_label("Touchpoint", exact=True).fill(name)
    if emotion:
        page.get_by_label(emotion, exact=True).check()
    page.get_by_label("Pain point (optional)").fill(pain)
    page.get_by_role("button", name="Add touchpoint").click()


def facilitator(host: Host) -> Client:
    client = Client(host.socket_url(facilitator=True))
    client.hello()
    return client


def test_two_phones_add_see_vote_time_and_survive_a_network_drop(
    browser: Browser, host: Host
) -> None:
    errors: list[str] = []
    ana_context, ben_context = phone(browser), phone(browser)
    ana = open_page(ana_context, host.workshop.join_url, errors)
    ben = open_page(ben_context, host.workshop.join_url, errors)
    join(ana, HOSTILE)
    join(ben)

    add_card(ana, "Purchase", "Sees a poster in the shop", "Unhappy", "Too small to read")
    card = ben.locator(".card", has_text="Sees a poster in the shop")
    expect(card).to_be_visible(timeout=WAIT)
    expect(card).to_contain_text("Unhappy")
    expect(card).to_contain_text("Pain point: Too small to read")
    assert names_on_map(host).count("Sees a poster in the shop") == 1

    room = facilitator(host)
    assert room.do("round_start", votes=2)["ok"]
    assert room.do("timer_start", seconds=120)["ok"]
    expect(ben.get_by_text("Votes left: 2 of 2")).to_be_visible(timeout=WAIT)
    ben.get_by_role("button", name="Vote for Sees a poster in the shop").click()
    expect(ben.get_by_text("Votes left: 1 of 2")).to_be_visible(timeout=WAIT)
    expect(ben.get_by_role("timer")).to_have_text(re.compile(r"^0[12]:[0-5]\d$"), timeout=WAIT)

    # Ana's Wi-Fi drops: she adds a card and votes offline; both arrive once, later.
    ana_context.set_offline(True)
    expect(ana.get_by_role("status").first).to_contain_text("offline", timeout=WAIT)
    add_card(ana, "Purchase", "Card written offline")
    ana.get_by_role("button", name="Vote for Sees a poster in the shop").click()
    expect(ana.get_by_role("status").first).to_contain_text("2 changes wait", timeout=WAIT)
    assert "Card written offline" not in names_on_map(host)
    ana_context.set_offline(False)
    expect(ana.get_by_role("status").first).to_have_text("Connected.", timeout=WAIT)
    expect(ben.locator(".card", has_text="Card written offline")).to_be_visible(timeout=WAIT)
    assert names_on_map(host).count("Card written offline") == 1
    people = room.wait("room", lambda m: m["cast"] == 2)["people"]
    assert sorted(p["used"] for p in people) == [1, 1]

    assert room.do("round_end")["ok"]
    expect(ben.locator(".card", has_text="Sees a poster in the shop")).to_contain_text(
        "2 votes", timeout=WAIT
    )
    host.executor.submit(host.workshop.stop).result(10)
    expect(ana.get_by_role("heading", name="The session has ended")).to_be_visible(timeout=WAIT)
    expect(ben.get_by_role("heading", name="The session has ended")).to_be_visible(timeout=WAIT)
    assert errors == []
    ana_context.close()
    ben_context.close()


def test_what_people_type_shows_as_text(browser: Browser, host: Host) -> None:
    errors: list[str] = []
    context = phone(browser)
    page = open_page(context, host.workshop.join_url, errors)
    join(page)
    add_card(page, "Purchase", HOSTILE, pain=HOSTILE)
    card = page.locator(".card", has_text=HOSTILE)
    expect(card).to_be_visible(timeout=WAIT)
    assert page.locator("#stages img").count() == 0
    desk = browser.new_context(viewport={"width": 1280, "height": 800})
    manager = open_page(desk, host.workshop.facilitator_url, errors)
    Client(host.socket_url()).hello(HOSTILE)
    expect(manager.get_by_role("cell", name=HOSTILE)).to_be_visible(timeout=WAIT)
    assert manager.locator("#people img").count() == 0
    assert errors == []  # no alert ran, no script error
    context.close()
    desk.close()


def test_every_control_has_an_accessible_name_and_fits_a_phone(
    browser: Browser, host: Host
) -> None:
    context = phone(browser)
    page = open_page(context, host.workshop.join_url, [])
    unnamed = "(sel) => [...document.querySelectorAll(sel)].filter(e => !e.hidden)"
    check = (
        unnamed + ".filter(e => !(e.labels && e.labels.length) && !e.getAttribute('aria-label')"
        " && !(e.tagName === 'BUTTON' && e.textContent.trim())).map(e => e.outerHTML)"
    )
    assert page.evaluate(check, "button, input, select, textarea") == []
    join(page)
    room = facilitator(host)
    room.do("round_start", votes=3)
    expect(page.get_by_text("Votes left: 3 of 3")).to_be_visible(timeout=WAIT)
    assert page.evaluate(check, "button, input, select, textarea") == []
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 360
    manager = open_page(context, host.workshop.facilitator_url, [])
    expect(manager.get_by_role("button", name="Start voting round")).to_be_visible(timeout=WAIT)
    assert manager.evaluate(check, "button, input, select, textarea") == []
    context.close()


def test_the_facilitator_page_runs_the_room(browser: Browser, host: Host) -> None:
    desk = browser.new_context(viewport={"width": 1280, "height": 800})
    errors: list[str] = []
    page = open_page(desk, host.workshop.facilitator_url, errors)
    ana = Client(host.socket_url())
    ana.hello("Ana")
    expect(page.get_by_role("cell", name="Ana")).to_be_visible(timeout=WAIT)
    page.get_by_role("spinbutton", name="Votes per person").fill("4")
    page.get_by_role("button", name="Start voting round").click()
    assert ana.wait("round", lambda m: m["running"])["left"] == 4
    page.get_by_label("Participants may add touchpoints to Purchase").uncheck()
    stages = ana.wait("stages", lambda m: not m["stages"][1]["open"])["stages"]
    assert [s["open"] for s in stages] == [True, False, True]
    page.get_by_role("button", name="Start timer").click()
    assert ana.wait("timer", lambda m: m["ends_at"] is not None)
    expect(page.get_by_role("timer")).to_be_visible(timeout=WAIT)
    page.get_by_role("button", name="End round and reveal").click()
    assert not ana.wait("round", lambda m: not m["running"] and m["number"] == 1)["running"]
    assert page.locator("img.qr").evaluate("img => img.naturalWidth") > 0
    assert errors == []
    desk.close()


def test_the_facilitator_page_needs_the_facilitator_token(host: Host) -> None:
    address = host.workshop.join_url.replace("/?", "/facilitate?")
    with pytest.raises(urllib.error.HTTPError) as refused:
        urllib.request.urlopen(address, timeout=5)
    assert refused.value.code == 403


def test_the_pages_weigh_under_100_kb_gzipped() -> None:
    names = [*STATIC_FILES, "index.html", "facilitate.html"]
    total = sum(len(gzip.compress(static_text(n).encode("utf-8"))) for n in names)
    assert total <= 100 * 1024
