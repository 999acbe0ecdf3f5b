"""The template registry and `journeymapper new --template NAME` / `--list-templates`."""

from __future__ import annotations

from pathlib import Path

import pytest

from journeymapper import cli
from journeymapper.analysis import Severity, validate
from journeymapper.io.journey_file import load_journey
from journeymapper.model.document import Journey
from journeymapper.model.schema import LaneKind, Phase
from journeymapper.model.templates import guess_phase, template, templates

NAMES = ["blank", "retail", "e-commerce", "hotel", "saas-onboarding", "lifecycle"]


def run(capsys: pytest.CaptureFixture[str], *argv: str | Path) -> tuple[int, str, str]:
    code = cli.main([str(a) for a in argv])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


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
def test_new_from_each_template(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, name: str
) -> None:
    target = tmp_path / f"{name}.journey"
    code, out, err = run(capsys, "new", "--template", name, "-o", target)
    assert (code, out, err) == (0, f"wrote {target}\n", "")
    journey = load_journey(target)
    assert journey.title == template(name).title
    assert [s.name for s in journey.stages] == [s.name for s in template(name).build().stages]


def test_new_with_a_template_and_a_title(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    target = tmp_path / "stay.journey"
    assert run(capsys, "new", "--template", "hotel", "--title", "Our hotel", "-o", target)[0] == 0
    assert load_journey(target).title == "Our hotel"
    code, _, err = run(
        capsys, "new", "--template", "hotel", "--title", "", "-o", tmp_path / "x.journey"
    )
    assert code == 2
    assert "--title" in err


def test_new_without_a_template_is_the_blank_three_phase_map(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    target = tmp_path / "blank.journey"
    assert run(capsys, "new", "-o", target)[0] == 0
    assert [s.name for s in load_journey(target).stages] == [
        "Pre-purchase", "Purchase", "Post-purchase",
    ]  # fmt: skip


def test_an_unknown_template_is_a_usage_error(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    code, _, err = run(capsys, "new", "--template", "kiosk", "-o", tmp_path / "k.journey")
    assert code == 2
    assert "invalid choice: 'kiosk'" in err
    assert not (tmp_path / "k.journey").exists()


def test_list_templates_needs_no_output_file(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "new", "--list-templates")
    assert (code, err) == (0, "")
    lines = out.splitlines()
    assert [line.split()[0] for line in lines] == NAMES
    assert "Awareness → Consideration → Purchase" in out
