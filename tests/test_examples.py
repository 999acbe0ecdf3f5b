"""The bundled examples: they load, validate without errors, warn only where meant to,
use the product's vocabulary in full, and are what `examples/maps/build.py` writes."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

from journeymapper.analysis import Severity, validate
from journeymapper.io.journey_file import load_journey, to_json
from journeymapper.model.schema import Category, LaneKind, Ownership, Phase

EXAMPLES_DIR = Path(__file__).resolve().parent.parent / "examples"
EXAMPLES = sorted(EXAMPLES_DIR.glob("*.journey"))

# The articles the examples follow, by the titles a user can look up (never a file name).
SOURCE_TITLES = (
    "“Customer Touchpoints” lesson of an online Customer Experience Course",
    "“15 Customer Touchpoints That Will Optimize Your Customer Journey”",
    "Viindoo's article “What is customer touchpoint? How to increase touch points with customers”",
)

# Warnings left in on purpose; each map's description explains its own.
DELIBERATE = {
    "home-and-garden-store": {("JM030", "billing")},
}


def _builder() -> ModuleType:
    sys.path.insert(0, str(EXAMPLES_DIR))
    try:
        spec = importlib.util.spec_from_file_location(
            "build_examples", EXAMPLES_DIR / "maps" / "build.py"
        )
        assert spec is not None
        assert spec.loader is not None
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        return module
    finally:
        sys.path.remove(str(EXAMPLES_DIR))


def test_there_are_at_least_five_examples_and_make_run_opens_one() -> None:
    assert len(EXAMPLES) >= 5
    assert (EXAMPLES_DIR / "online-clothing-store.journey").is_file()


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.stem)
def test_an_example_has_no_errors_and_only_deliberate_warnings(path: Path) -> None:
    journey = load_journey(path)
    findings = validate(journey)
    assert not [f for f in findings if f.severity is Severity.ERROR]
    warnings = {(f.rule, *f.subjects) for f in findings if f.severity is Severity.WARNING}
    assert warnings == DELIBERATE.get(path.stem, set())
    if warnings:
        assert "on purpose" in journey.info.description


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.stem)
def test_an_example_is_a_realistic_map(path: Path) -> None:
    journey = load_journey(path)
    cards = list(journey.touchpoints())
    assert len(cards) >= 10
    assert {s.phase for s in journey.stages} >= set(Phase)
    assert {tp.category for tp in cards} == set(Category)
    assert Ownership.EARNED in {tp.ownership for tp in cards}
    assert all(tp.emotion is not None for tp in cards)
    assert any(tp.pain_points for tp in cards)
    assert all(tp.opportunities for tp in cards if tp.pain_points) or DELIBERATE.get(path.stem)
    assert all(tp.kpis or tp.feedback for tp in cards)
    kpi_names = {k.name.casefold() for tp in cards for k in tp.kpis}
    assert kpi_names & {
        "conversion rate",
        "customer satisfaction score",
        "average order value",
        "net promoter score",
    }
    assert journey.personas
    assert all(p.description for p in journey.personas)
    assert journey.connection_count() >= len(cards) - 1
    notes = [lane for lane in journey.lanes if lane.kind is LaneKind.NOTES]
    assert all(lane.notes.get(s.id) for lane in notes for s in journey.stages)
    assert any(title in journey.info.description for title in SOURCE_TITLES)
    assert "seed" not in journey.info.description.casefold()  # a user never heard of seeds


def test_the_files_are_what_the_build_script_writes() -> None:
    builder = _builder()
    assert sorted(builder.EXAMPLES) == sorted(p.name for p in EXAMPLES)
    for name, build in builder.EXAMPLES.items():
        expected = to_json(build())
        assert (EXAMPLES_DIR / name).read_text(encoding="utf-8") == expected, (
            f"examples/{name} is out of date: run `python examples/maps/build.py`"
        )
