"""Where the bundled files are found: a checkout, an installed package, a zip; and the one
sentence an incomplete install gets. Each layout runs in a process of its own."""

from __future__ import annotations

import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from journeymapper.base import resources
from journeymapper.base.resources import MissingResourceError, example, resource

ROOT = Path(__file__).resolve().parents[2]
PROBE = """
import sys
from journeymapper.base.resources import example, resource
font = resource("fonts", "DejaVuSans.ttf")
print(font)
print(font.read_bytes()[:4].hex(), font.stat().st_size)
print(example("online-clothing-store.journey").read_text("utf-8")[:30].split()[0])
"""


def probe(path_entry: Path, cwd: Path) -> list[str]:
    result = subprocess.run(
        [
            sys.executable,
            "-I",
            "-c",
            f"import sys; sys.path.insert(0, {str(path_entry)!r})\n{PROBE}",
        ],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.splitlines()


def _installed_copy(target: Path) -> Path:
    """The package as a wheel installs it: the mapped folders inside, no checkout around."""
    package = target / "journeymapper"
    shutil.copytree(
        ROOT / "journeymapper", package, ignore=shutil.ignore_patterns("__pycache__", "app")
    )
    (package / "_resources" / "fonts").mkdir(parents=True)
    shutil.copy(ROOT / "resources" / "fonts" / "DejaVuSans.ttf", package / "_resources" / "fonts")
    (package / "_examples").mkdir()
    shutil.copy(ROOT / "examples" / "online-clothing-store.journey", package / "_examples")
    return package


def test_a_checkout_uses_the_folders_at_its_top() -> None:
    assert resource("fonts", "DejaVuSans.ttf") == ROOT / "resources" / "fonts" / "DejaVuSans.ttf"
    assert example("hotel-booking-online.journey").parent == ROOT / "examples"


def test_an_installed_package_uses_its_mapped_folders(tmp_path: Path) -> None:
    _installed_copy(tmp_path / "site")
    font, head, first = probe(tmp_path / "site", tmp_path)
    assert (
        Path(font)
        == tmp_path / "site" / "journeymapper" / "_resources" / "fonts" / "DejaVuSans.ttf"
    )
    assert head == "00010000 759720"  # a TrueType file, whole
    assert first == "{"


def test_a_zipped_package_extracts_a_file_once(tmp_path: Path) -> None:
    package = _installed_copy(tmp_path / "site")
    archive = tmp_path / "journeymapper.zip"
    with zipfile.ZipFile(archive, "w") as zipped:
        for path in package.rglob("*"):
            zipped.write(path, path.relative_to(package.parent))
    font, head, first = probe(archive, tmp_path)
    assert not Path(font).is_relative_to(
        tmp_path
    )  # a temporary copy, since zip members have no path
    assert head == "00010000 759720"
    assert first == "{"


def test_a_missing_file_names_itself_and_every_place_looked_in() -> None:
    with pytest.raises(MissingResourceError) as caught:
        resource("fonts", "NoSuchFont.ttf")
    message = str(caught.value)
    assert message.startswith(
        "the bundled file resources/fonts/NoSuchFont.ttf is missing (looked in "
    )
    assert str(ROOT / "resources") in message
    assert str(ROOT / "journeymapper" / "_resources") in message
    assert message.endswith("reinstall JourneyMapper")
    assert not isinstance(caught.value, OSError)  # never mistaken for "cannot write OUT"
    assert caught.value.looked_in == [str(p) for p in resources._places("resources")]
