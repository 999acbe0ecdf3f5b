"""The installed program is the tested program: build the sdist and the wheel, install the
wheel into a fresh venv outside the checkout, and use it as a user would.

The sources are copied to a temporary folder and built there (`python -m build`, which
makes the sdist and then the wheel from the unpacked sdist, so both are checked). The
wheel goes into a new venv, not editable; every command runs from an unrelated folder
with a clean environment (no PYTHONPATH, a fresh HOME), and the test checks the checkout
is not on `sys.path`. The wheel's dependencies are installed once per set of
requirements into a cached venv next to this one's (`<sys.prefix>/installed-test-deps`)
and reached through a `.pth` file: the first run pays for unpacking PySide6, later runs
take seconds.
"""

from __future__ import annotations

import hashlib
import json
import shutil
import subprocess
import sys
import sysconfig
import zipfile
from pathlib import Path

import pytest
from pypdf import PdfReader

from journeymapper import __version__

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = "online-clothing-store.journey"
SKIP_COPY = {".git", ".venv", "build", "dist", "__pycache__", ".pytest_cache", ".ruff_cache",
             ".hypothesis", ".import_linter_cache", "out", "shots", "data"}  # fmt: skip
TRIP = """    ---
    title: Trip to the seaside
    ---
    journey
      section Plan
        Search for hotels: 3: Ana
        Book a room: 4: Ana
"""
EDITOR = """
import json, sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from journeymapper.cli.main import main

app = QApplication([sys.argv[0]])
seen = {}

def close_when_shown() -> None:
    shown = [w for w in app.topLevelWidgets() if w.isVisible() and w.windowTitle()]
    if not shown:
        QTimer.singleShot(50, close_when_shown)
        return
    seen.update(title=shown[0].windowTitle(), platform=app.platformName())
    seen["closed"] = shown[0].close()

QTimer.singleShot(0, close_when_shown)
code = main(["open", sys.argv[1]])
print(json.dumps({**seen, "code": code}))
"""


def run(*argv: str | Path, cwd: Path, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(a) for a in argv], cwd=cwd, env=env, capture_output=True, text=True, timeout=300
    )


def _copy_sources(target: Path) -> None:
    def ignore(folder: str, names: list[str]) -> set[str]:
        skipped = {n for n in names if n in SKIP_COPY or n.endswith(".egg-info")}
        return skipped if Path(folder) != ROOT / "tests" else set(names)  # tests: not needed

    shutil.copytree(ROOT, target, ignore=ignore)


def _requirements(wheel: Path) -> list[str]:
    with zipfile.ZipFile(wheel) as archive:
        name = next(n for n in archive.namelist() if n.endswith(".dist-info/METADATA"))
        metadata = archive.read(name).decode("utf-8")
    prefix = "Requires-Dist: "
    return sorted(
        line[len(prefix) :] for line in metadata.splitlines()
        if line.startswith(prefix) and "extra ==" not in line
    )  # fmt: skip


def _site_packages(venv: Path) -> Path:
    relative = Path(sysconfig.get_path("purelib")).relative_to(sys.prefix)
    return venv / relative


def _dependencies(wheel: Path) -> Path:
    """The site-packages of a venv holding exactly the wheel's dependencies (cached)."""
    requirements = _requirements(wheel)
    key = hashlib.sha256("\n".join([sys.version, *requirements]).encode()).hexdigest()[:16]
    venv = Path(sys.prefix) / "installed-test-deps" / key
    done = venv / "complete"
    if not done.exists():
        shutil.rmtree(venv, ignore_errors=True)
        subprocess.run([sys.executable, "-m", "venv", "--without-pip", venv], check=True)
        pip = [sys.executable, "-m", "pip", "--python", str(venv / "bin" / "python")]
        subprocess.run([*pip, "install", "--quiet", *requirements], check=True, timeout=900)
        done.write_text("\n".join(requirements))
    return _site_packages(venv)


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, str]]:
    """(the venv's bin folder, a clean environment) of a fresh install of the wheel."""
    base = tmp_path_factory.mktemp("installed")
    _copy_sources(base / "src")
    built = subprocess.run(
        [sys.executable, "-m", "build", "--no-isolation", "--outdir", base / "dist", base / "src"],
        capture_output=True, text=True, timeout=600,
    )  # fmt: skip
    assert built.returncode == 0, built.stdout[-3000:] + built.stderr[-3000:]
    (wheel,) = (base / "dist").glob("*.whl")
    venv = base / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", venv], check=True)
    (_site_packages(venv) / "dependencies.pth").write_text(f"{_dependencies(wheel)}\n")
    pip = [sys.executable, "-m", "pip", "--python", str(venv / "bin" / "python")]
    subprocess.run([*pip, "install", "--quiet", "--no-deps", wheel], check=True, timeout=300)
    home = base / "home"
    home.mkdir()
    env = {
        "PATH": f"{venv / 'bin'}:/usr/bin:/bin",
        "HOME": str(home),
        "LANG": "C.UTF-8",
        "QT_QPA_PLATFORM": "offscreen",
        "XDG_CONFIG_HOME": str(home / "config"),
        "XDG_DATA_HOME": str(home / "data"),
        "XDG_RUNTIME_DIR": str(home / "runtime"),
    }
    return venv / "bin", env


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """An unrelated working folder."""
    work = tmp_path / "work"
    work.mkdir()
    return work


def _example(bin_dir: Path, env: dict[str, str], cwd: Path) -> Path:
    code = f"from journeymapper.base.resources import example; print(example({EXAMPLE!r}))"
    found = run(bin_dir / "python", "-c", code, cwd=cwd, env=env)
    assert found.returncode == 0, found.stderr
    return Path(found.stdout.strip())


def test_the_wheel_carries_every_bundled_file(installed: tuple[Path, dict[str, str]]) -> None:
    bin_dir, _ = installed
    package = _site_packages(bin_dir.parent) / "journeymapper"
    for needed in (
        "_resources/fonts/DejaVuSans.ttf",
        "_resources/fonts/DejaVuSans-Bold.ttf",
        "_resources/fonts/LICENSE-DejaVu.txt",
        "_resources/icons/store.svg",
        "_resources/journey.schema.json",
        "_resources/desktop/journeymapper.desktop",
        "_resources/desktop/journeymapper-mime.xml",
        "_resources/desktop/icons/hicolor/256x256/apps/journeymapper.png",
        "_resources/templates/templates.json",
        "_resources/templates/lifecycle.journey",
        f"_examples/{EXAMPLE}",
    ):
        assert (package / needed).is_file(), needed
    examples = {p.name for p in (package / "_examples").iterdir()}
    assert examples == {p.name for p in (ROOT / "examples").glob("*.journey")}
    assert not list((package / "_examples").glob("**/*.py"))  # the builder stays in the checkout


def test_the_installed_command_runs_from_anywhere(
    installed: tuple[Path, dict[str, str]], folder: Path
) -> None:
    bin_dir, env = installed
    version = run(bin_dir / "journeymapper", "--version", cwd=folder, env=env)
    assert (version.returncode, version.stdout) == (0, f"journeymapper {__version__}\n")
    code = "import sys, journeymapper; print(journeymapper.__file__); print(*sys.path, sep='\\n')"
    where = run(bin_dir / "python", "-c", code, cwd=folder, env=env)
    module, *path = where.stdout.splitlines()
    assert Path(module).is_relative_to(bin_dir.parent)
    assert ROOT not in {Path(p).resolve() for p in path if p}  # the checkout's sources are not
    assert not [p for p in path if "__editable__" in p]  # nor an editable install's finder
    example = _example(bin_dir, env, folder)
    assert example.is_relative_to(bin_dir.parent)
    checked = run(bin_dir / "journeymapper", "validate", example, cwd=folder, env=env)
    assert checked.returncode == 0, checked.stdout + checked.stderr
    assert "no findings" in checked.stdout or " 0 errors" in checked.stdout


def test_the_installed_program_makes_a_poster_with_its_fonts(
    installed: tuple[Path, dict[str, str]], folder: Path
) -> None:
    bin_dir, env = installed
    example = _example(bin_dir, env, folder)
    made = run(
        bin_dir / "journeymapper", "export", example, "-o", "poster.pdf", cwd=folder, env=env
    )
    assert made.returncode == 0, made.stderr
    page = PdfReader(folder / "poster.pdf").pages[0]
    assert "Online clothing store" in page.extract_text()
    fonts = [font.get_object() for font in page["/Resources"]["/Font"].values()]
    embedded = [f for f in fonts if "DejaVu" in str(f["/BaseFont"])]
    assert embedded
    for font in embedded:  # a TrueType subset with its font file, not a reference
        assert "/FontFile2" in font["/FontDescriptor"].get_object()
    image = run(bin_dir / "journeymapper", "export", example, "-o", "map.png", "--dpi", "36",
                cwd=folder, env=env)  # fmt: skip
    assert image.returncode == 0, image.stderr
    assert (folder / "map.png").read_bytes().startswith(b"\x89PNG")


def test_the_installed_program_imports_and_converts_mermaid(
    installed: tuple[Path, dict[str, str]], folder: Path
) -> None:
    bin_dir, env = installed
    (folder / "trip.mmd").write_text(TRIP, encoding="utf-8")
    imported = run(bin_dir / "journeymapper", "import", "trip.mmd", "-o", "trip.journey",
                   cwd=folder, env=env)  # fmt: skip
    assert imported.returncode == 0, imported.stderr
    assert imported.stdout == "wrote trip.journey (2 touchpoints, 1 connection in 1 stage)\n"
    assert json.loads((folder / "trip.journey").read_text())["title"] == "Trip to the seaside"
    poster = run(bin_dir / "journeymapper", "export", "trip.mmd", "-o", "trip.pdf",
                 cwd=folder, env=env)  # fmt: skip
    assert poster.returncode == 0, poster.stderr
    assert "Trip to the seaside" in PdfReader(folder / "trip.pdf").pages[0].extract_text()


def test_the_installed_program_lists_and_uses_templates(
    installed: tuple[Path, dict[str, str]], folder: Path
) -> None:
    bin_dir, env = installed
    listed = run(bin_dir / "journeymapper", "new", "--list-templates", cwd=folder, env=env)
    assert listed.returncode == 0, listed.stderr
    assert [line.split()[0] for line in listed.stdout.splitlines()] == [
        "blank", "retail", "e-commerce", "hotel", "saas-onboarding", "lifecycle",
    ]  # fmt: skip
    made = run(bin_dir / "journeymapper", "new", "--template", "lifecycle", "-o", "l.journey",
               cwd=folder, env=env)  # fmt: skip
    assert made.returncode == 0, made.stderr
    stages = [s["name"] for s in json.loads((folder / "l.journey").read_text())["stages"]]
    assert stages == [
        "Awareness", "Consideration", "Purchase", "Onboarding", "Support", "Loyalty", "Advocacy",
    ]  # fmt: skip


def test_the_installed_editor_opens_an_example_offscreen_and_closes(
    installed: tuple[Path, dict[str, str]], folder: Path
) -> None:
    bin_dir, env = installed
    example = _example(bin_dir, env, folder)
    opened = run(bin_dir / "python", "-c", EDITOR, example, cwd=folder, env=env)
    assert opened.returncode == 0, opened.stderr[-3000:]
    report = json.loads(opened.stdout.strip().splitlines()[-1])
    assert report["platform"] == "offscreen"
    assert EXAMPLE in report["title"]
    assert report["closed"] is True
    assert report["code"] == 0


def test_an_install_without_its_fonts_says_which_file_is_missing(
    installed: tuple[Path, dict[str, str]], folder: Path
) -> None:
    """Last: it damages the install, as a packager who dropped the fonts would. The poster,
    an export that lays the map out (GraphML) and the editor each say it in one line."""
    bin_dir, env = installed
    example = _example(bin_dir, env, folder)
    fonts = _site_packages(bin_dir.parent) / "journeymapper" / "_resources" / "fonts"
    for font in fonts.glob("*.ttf"):
        font.unlink()
    for argv in (["export", example, "-o", "h.pdf"], ["export", example, "-o", "h.graphml"],
                 [example]):  # fmt: skip
        broken = run(bin_dir / "journeymapper", *argv, cwd=folder, env=env)
        assert broken.returncode == 2
        assert broken.stdout == ""
        assert broken.stderr.count("\n") == 1, broken.stderr
        assert broken.stderr.startswith("journeymapper: the bundled file resources/fonts/")
        assert f"is missing (looked in {fonts.parent})" in broken.stderr
    assert not list(folder.glob("h.*"))
