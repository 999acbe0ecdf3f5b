"""The template registry: `.journey` files in resources/templates, listed in templates.json."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from journeymapper.analysis import Severity, validate
from journeymapper.base import resources
from journeymapper.base.resources import MissingResourceError, resource
from journeymapper.io.journey_file import load_journey
from journeymapper.model import templates as templates_module
from journeymapper.model.document import Journey
from journeymapper.model.phases import guess_phase
from journeymapper.model.schema import FORMAT_NAME, FORMAT_VERSION, LaneKind, Phase
from journeymapper.model.templates import (
    blank_map,
    default_lanes,
    template,
    templates,
    three_phase_stages,
)

NAMES = ["blank", "retail", "e-commerce", "hotel", "saas-onboarding", "lifecycle"]


def test_the_registry_names_every_template_in_menu_order() -> None:
    assert list(templates()) == NAMES
    for entry in templates().values():
        assert entry.title
        assert entry.description


@pytest.mark.parametrize("name", NAMES)
def test_a_template_is_a_valid_frame_with_phases_lanes_and_notes(name: str) -> None:
    data = template(name).build()
    journey = Journey(data)
    assert not data.touchpoints
    assert {s.phase for s in data.stages} == set(Phase)
    kinds = [lane.kind for lane in data.lanes]
    assert LaneKind.TOUCHPOINTS in kinds
    assert LaneKind.EMOTION in kinds
    assert all(s.color.startswith("#") for s in data.stages)
    assert not [f for f in validate(journey) if f.severity is Severity.ERROR]
    if name != "blank":
        notes = [lane for lane in data.lanes if lane.kind is LaneKind.NOTES and lane.notes]
        assert notes, "a template gives starter notes"
        assert all(s.description for s in data.stages)


def test_the_lifecycle_template_has_the_seven_stages() -> None:
    stages = template("lifecycle").build().stages
    assert [s.name for s in stages] == [
        "Awareness", "Consideration", "Purchase", "Onboarding", "Support", "Loyalty", "Advocacy",
    ]  # fmt: skip
    assert [s.phase for s in stages][:3] == [Phase.PRE_PURCHASE, Phase.PRE_PURCHASE, Phase.PURCHASE]


def test_unknown_template_names_list_the_known_ones() -> None:
    with pytest.raises(KeyError, match="choose one of: blank, retail"):
        template("kiosk")
    assert template(" Hotel ").name == "hotel"


def test_phases_guessed_from_stage_names() -> None:
    assert guess_phase("Pre-purchase") is Phase.PRE_PURCHASE
    assert guess_phase("  before_buying ") is Phase.PRE_PURCHASE
    assert guess_phase("When making a purchase") is Phase.PURCHASE
    assert guess_phase("After the stay") is Phase.POST_PURCHASE
    assert guess_phase("Go to work") is None


@pytest.mark.parametrize("name", NAMES)
def test_each_template_file_is_what_the_file_loader_reads(name: str) -> None:
    """The model parses the files without the loader's migrations: they must be current."""
    path = resource("templates", f"{name}.journey")
    raw = json.loads(path.read_text(encoding="utf-8"))
    assert raw["format"] == FORMAT_NAME
    assert raw["version"] == FORMAT_VERSION
    assert load_journey(path).to_data() == template(name).build()
    assert raw["title"] == template(name).title


def test_the_blank_map_is_the_blank_template_and_gives_the_default_frame() -> None:
    blank = blank_map("Mine")
    assert blank.title == "Mine"
    assert blank.stages == three_phase_stages()
    assert [lane.name for lane in default_lanes()] == [
        "Doing", "Touchpoints", "Feeling", "Pain points", "Opportunities", "Backstage",
    ]  # fmt: skip
    assert Journey.default().to_data() == blank_map()


def test_a_missing_template_file_names_the_file_and_where_it_looked(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    (tmp_path / "templates").mkdir()
    index = resource("templates", "templates.json").read_text(encoding="utf-8")
    (tmp_path / "templates" / "templates.json").write_text(index, encoding="utf-8")
    monkeypatch.setattr(resources, "_folder", lambda folder: tmp_path)
    templates_module._registry.cache_clear()
    try:
        with pytest.raises(MissingResourceError, match=r"resources/templates/blank\.journey"):
            templates()
    finally:
        templates_module._registry.cache_clear()
