"""`journeymapper new`, blank; the templates are in test_new_templates.py."""

from __future__ import annotations

from pathlib import Path

import pytest

from journeymapper.io.journey_file import load_journey, read_data
from journeymapper.model.templates import blank_map, template
from tests.cli.helpers import run

# ----- new --------------------------------------------------------------------------


def test_new_writes_the_default_map(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path = tmp_path / "trip.journey"
    code, out, _ = run(capsys, "new", "-o", path, "--title", "Hotel stay")
    assert code == 0
    assert out == f"wrote {path}\n"
    assert read_data(path) == blank_map("Hotel stay")
    assert [s.name for s in load_journey(path).stages] == [
        "Pre-purchase",
        "Purchase",
        "Post-purchase",
    ]


def test_new_refuses_to_overwrite_without_force(
    capsys: pytest.CaptureFixture[str], clean: Path
) -> None:
    before = clean.read_bytes()
    code, _, err = run(capsys, "new", "-o", clean)
    assert code == 1
    assert err == f"journeymapper: {clean} already exists; add --force to replace it\n"
    assert clean.read_bytes() == before
    code, _, _ = run(capsys, "new", "-o", clean, "--force")
    assert code == 0
    assert read_data(clean) == blank_map()
    assert Path(f"{clean}.bak").read_bytes() == before


def test_new_into_a_missing_folder_exits_2(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    code, _, err = run(capsys, "new", "-o", tmp_path / "no" / "such.journey")
    assert code == 2
    assert err.count("\n") == 1
    assert "cannot be written" in err


def test_new_refuses_an_empty_title(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, _, err = run(capsys, "new", "-o", tmp_path / "x.journey", "--title", " ")
    assert code == 2
    assert err.startswith("journeymapper: --title: must not be empty")
    assert not (tmp_path / "x.journey").exists()


# ----- templates ------------------------------------------------------------------

NAMES = ["blank", "retail", "e-commerce", "hotel", "saas-onboarding", "lifecycle"]


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
