"""Shared steps of the presentation tests: present with the real key, maps to present."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt

from journeymapper.io.journey_file import load_journey
from journeymapper.model.builders import new_stage
from journeymapper.model.document import Journey
from journeymapper.model.edits import AddStage
from tests.app.helpers import key
from tests.sample import clothing_store

ROOT = Path(__file__).resolve().parents[3]
SMARTPHONE = ROOT / "examples" / "smartphone-electronics-retailer.journey"
# Stage names as long as real workshops give them (the ones that were cut: issue 16).
STAGE_NAMES = (
    "Research and compare",
    "Delivery and set-up",
    "Ownership and support",
    "Repeat purchase",
    "Advocacy and referral",
)


def present(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    """F11 on the canvas, then wait until the first stage is framed."""
    window.activateWindow()  # F11 is a window shortcut: the window must be the active one
    qtbot.waitUntil(window.isActiveWindow)
    window.view.setFocus()
    key(window.view, Qt.Key.Key_F11)
    facilitator = window.features.facilitator
    assert facilitator.mode.active
    qtbot.waitUntil(lambda: facilitator.focus.stage_id is not None)
    qtbot.waitUntil(lambda: not facilitator.focus.gliding)


def smartphone() -> Journey:
    """The 9-lane example of a smartphone bought from an electronics retailer."""
    return load_journey(SMARTPHONE)


def store_with_stages(count: int) -> Journey:
    """The sample store with `count` stages (its three, then long-named ones)."""
    journey = clothing_store()
    for name in STAGE_NAMES[: max(0, count - len(journey.stages))]:
        journey.apply(AddStage(new_stage(journey, name)))
    return journey
