"""Screenshots of the workshop pages for the README, taken in Debian's chromium.

    .venv/bin/python docs/workshop_screenshots.py

Hosts the online clothing store example on 127.0.0.1 (the map on a one-thread pool, as
`journeymapper host` does), lets a few people add cards, starts a voting round and the
timer, and saves the phone page (360 × 640) and the facilitator page under docs/.
"""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from playwright.sync_api import Page, sync_playwright

from journeymapper.io.journey_file import load_journey
from journeymapper.workshop.service import Workshop

HERE = Path(__file__).resolve().parent
EXAMPLE = HERE.parent / "examples" / "online-clothing-store.journey"
ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run",
]  # fmt: skip


def add(page: Page, stage: str, name: str, emotion: str = "", pain: str = "") -> None:
    page.get_by_label("Stage", exact=True).select_option(label=stage)
    page.get_by_label("Touchpoint", exact=True).fill(name)
    if emotion:
        page.get_by_label(emotion, exact=True).check()
    page.get_by_label("Pain point (optional)").fill(pain)
    page.get_by_role("button", name="Add touchpoint").click()


def main() -> None:
    executor = ThreadPoolExecutor(1)
    journey = load_journey(EXAMPLE)
    workshop = Workshop(journey, executor=executor, apply_edit=journey.apply, bind="127.0.0.1")
    executor.submit(workshop.start).result()
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=ARGS)
        phone = browser.new_context(viewport={"width": 360, "height": 640}, is_mobile=True)
        page = phone.new_page()
        page.goto(workshop.join_url)
        page.get_by_label("Your name (optional)").fill("Ana")
        page.get_by_role("button", name="Join").click()
        page.wait_for_selector("#main:not([hidden])")
        add(page, "Pre-purchase", "Sees the shop's ad on Instagram", "Pleased")
        add(page, "Purchase", "Cannot find the size guide", "Unhappy", "Sizes differ by brand")
        desk = browser.new_context(viewport={"width": 1100, "height": 900})
        facilitator = desk.new_page()
        facilitator.goto(workshop.facilitator_url)
        facilitator.get_by_role("spinbutton", name="Votes per person").fill("3")
        facilitator.get_by_role("button", name="Start voting round").click()
        facilitator.get_by_role("button", name="Start timer").click()
        page.wait_for_selector("#voting:not([hidden])")
        page.get_by_role("button", name="Vote for Cannot find the size guide").click()
        page.wait_for_timeout(500)
        page.locator(".stage").nth(1).scroll_into_view_if_needed()
        page.evaluate("window.scrollBy(0, -40)")
        page.wait_for_timeout(300)
        page.screenshot(path=str(HERE / "workshop-phone.png"))
        facilitator.wait_for_timeout(300)
        facilitator.screenshot(path=str(HERE / "workshop-facilitator.png"))
        browser.close()
    executor.submit(workshop.stop).result()
    executor.shutdown()


if __name__ == "__main__":
    main()
