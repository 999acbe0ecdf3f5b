"""The packaging files say what they must, without building anything (no Qt needed).

`make dist-check` builds and runs the real bundle; these tests are the cheap part that
runs every time: build.spec (executed with PyInstaller's globals stubbed), the desktop
entry, the shared-mime-info XML, the icon files, and `make install-desktop` into a
temporary HOME.
"""

from __future__ import annotations

import configparser
import os
import shutil
import struct
import subprocess
import sys
import tomllib
import types
from pathlib import Path
from typing import Any

import pytest
from defusedxml import ElementTree

ROOT = Path(__file__).resolve().parents[1]
DESKTOP = ROOT / "resources" / "desktop"
ICONS = DESKTOP / "icons" / "hicolor"
SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
MIME_NS = "{http://www.freedesktop.org/standards/shared-mime-info}"


class _Recorder:
    """Stands in for Analysis, PYZ, EXE and COLLECT: keeps what the spec passed."""

    calls: dict[str, tuple[tuple[Any, ...], dict[str, Any]]]

    def __init__(self, name: str) -> None:
        self.name = name

    def __call__(self, *args: Any, **kwargs: Any) -> types.SimpleNamespace:
        _Recorder.calls[self.name] = (args, kwargs)
        return types.SimpleNamespace(
            pure=[], scripts=[], binaries=[], datas=list(kwargs.get("datas", []))
        )


@pytest.fixture(scope="module")
def spec() -> dict[str, Any]:
    """build.spec executed with PyInstaller's names stubbed; its globals and the calls."""
    hooks = types.ModuleType("PyInstaller.utils.hooks")
    hooks.collect_submodules = lambda package: [f"{package}.stub_submodule"]  # type: ignore[attr-defined]
    hooks.copy_metadata = lambda name: [(f"/site/{name}.dist-info", f"{name}.dist-info")]  # type: ignore[attr-defined]
    stubs = {
        "PyInstaller": types.ModuleType("PyInstaller"),
        "PyInstaller.utils": types.ModuleType("PyInstaller.utils"),
        "PyInstaller.utils.hooks": hooks,
    }
    saved = {name: sys.modules.get(name) for name in stubs}
    sys.modules.update(stubs)
    _Recorder.calls = {}
    scope: dict[str, Any] = {"SPECPATH": str(ROOT), "__file__": str(ROOT / "build.spec")}
    scope.update({name: _Recorder(name) for name in ("Analysis", "PYZ", "EXE", "COLLECT")})
    try:
        exec(compile((ROOT / "build.spec").read_text(), "build.spec", "exec"), scope)
    finally:
        for name, module in saved.items():
            if module is None:
                sys.modules.pop(name, None)
            else:
                sys.modules[name] = module
    scope["calls"] = dict(_Recorder.calls)
    return scope


def test_spec_builds_a_windowed_one_folder_bundle_named_journeymapper(spec) -> None:
    calls = spec["calls"]
    ((script,),), analysis = calls["Analysis"]
    assert script.endswith("packaging/launcher.py")
    assert (ROOT / "packaging" / "launcher.py").exists()
    exe = calls["EXE"][1]
    assert exe["name"] == "journeymapper"
    assert exe["console"] is False  # windowed
    assert exe["exclude_binaries"] is True  # one folder: COLLECT gathers the files
    assert calls["COLLECT"][1]["name"] == "journeymapper"
    assert "journeymapper.dist-info" in {dest for _, dest in analysis["datas"]}  # --version


def test_spec_bundles_resources_and_examples_where_a_wheel_has_them(spec) -> None:
    datas = {dest: src for src, dest in spec["DATAS"]}
    assert Path(datas["journeymapper/_resources"]) == ROOT / "resources"
    assert datas["journeymapper/_examples"].endswith("examples/*.journey")
    for needed in ("fonts/DejaVuSans.ttf", "fonts/LICENSE-DejaVu.txt", "journey.schema.json"):
        assert (ROOT / "resources" / needed).exists()
    assert list((ROOT / "examples").glob("*.journey"))
    mapped = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["setuptools"]
    assert mapped["package-dir"] == {
        "journeymapper._resources": "resources",
        "journeymapper._examples": "examples",
    }


def test_spec_collects_every_module(spec) -> None:
    assert "journeymapper.stub_submodule" in spec["HIDDEN"]  # collect_submodules("journeymapper")


def test_spec_excludes_other_qt_bindings_and_unused_qt(spec) -> None:
    excludes = set(spec["EXCLUDES"])
    assert {"PyQt5", "PyQt6", "PySide2", "shiboken2"} <= excludes
    assert {"PySide6.QtWebEngineCore", "PySide6.QtQml", "PySide6.Qt3DCore"} <= excludes
    used = {"PySide6.QtCore", "PySide6.QtGui", "PySide6.QtWidgets", "PySide6.QtSvg"}
    assert not used & excludes
    assert "PySide6.QtPrintSupport" not in excludes  # the shortcuts sheet prints
    assert "PIL" not in excludes  # reportlab imports it
    kept = spec["_used"]([("PySide6/Qt/plugins/platforms/libqxcb.so", "", "BINARY")])
    assert kept
    assert not spec["_used"]([("PySide6/Qt/translations/qt_de.qm", "", "DATA")])


def test_make_targets_and_the_dist_extra() -> None:
    makefile = (ROOT / "Makefile").read_text()
    for target in ("dist:", "dist-check:", "install-desktop:", "uninstall-desktop:"):
        assert f"\n{target}" in makefile
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())
    assert any(
        d.startswith("pyinstaller") for d in project["project"]["optional-dependencies"]["dist"]
    )


def _desktop_entry() -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None, strict=True)
    parser.optionxform = str  # type: ignore[assignment,method-assign]
    parser.read(DESKTOP / "journeymapper.desktop", encoding="utf-8")
    return parser["Desktop Entry"]


def test_desktop_entry() -> None:
    entry = _desktop_entry()
    assert entry["Type"] == "Application"
    assert entry["Name"] == "JourneyMapper"
    assert entry["GenericName"] == "Customer journey map editor"
    assert entry["Exec"] == "journeymapper %f"
    assert entry["Icon"] == "journeymapper"
    assert entry["MimeType"] == "application/x-journeymapper;"
    assert entry["Categories"] == "Office;Graphics;"
    assert entry["Terminal"] == "false"


def test_desktop_entry_validates() -> None:
    assert shutil.which("desktop-file-validate"), "make test installs desktop-file-utils"
    result = subprocess.run(
        ["desktop-file-validate", str(DESKTOP / "journeymapper.desktop")],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "error" not in result.stdout


def test_mime_type_for_journey_files() -> None:
    root = ElementTree.parse(DESKTOP / "journeymapper-mime.xml").getroot()
    assert root.tag == f"{MIME_NS}mime-info"
    (kind,) = root.findall(f"{MIME_NS}mime-type")
    assert kind.get("type") == "application/x-journeymapper"
    assert kind.find(f"{MIME_NS}comment").text
    assert kind.find(f"{MIME_NS}glob").get("pattern") == "*.journey"
    assert kind.find(f"{MIME_NS}sub-class-of").get("type") == "application/json"
    values = [m.get("value") for m in kind.iter(f"{MIME_NS}match")]
    head = (ROOT / "examples" / "online-clothing-store.journey").read_text()[:256]
    assert any(v in head for v in values)  # the magic matches what we write


def _png_size(path: Path) -> tuple[int, int]:
    head = path.read_bytes()[:24]
    assert head[:8] == b"\x89PNG\r\n\x1a\n"
    return struct.unpack(">II", head[16:24])


@pytest.mark.parametrize("size", SIZES)
def test_icon_png_sizes(size: int) -> None:
    assert _png_size(ICONS / f"{size}x{size}" / "apps" / "journeymapper.png") == (size, size)


def test_icon_svg() -> None:
    root = ElementTree.parse(ICONS / "scalable" / "apps" / "journeymapper.svg").getroot()
    assert root.get("viewBox") == "0 0 256 256"


@pytest.fixture
def home(tmp_path: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("XDG_")}
    env.update(HOME=str(tmp_path), JOURNEYMAPPER_EXEC="/bin/true")
    return env


def test_install_desktop_registers_for_the_user_and_uninstalls(home, tmp_path: Path) -> None:
    script = ROOT / "packaging" / "install_desktop.sh"
    run = subprocess.run(
        ["bash", str(script)], env=home, capture_output=True, text=True, check=False
    )
    assert run.returncode == 0, run.stderr
    data = tmp_path / ".local" / "share"
    entry = (data / "applications" / "journeymapper.desktop").read_text()
    wrapper = tmp_path / ".local" / "bin" / "journeymapper"
    assert f'Exec="{wrapper}" %f' in entry
    assert "MimeType=application/x-journeymapper;" in entry
    assert 'exec "/bin/true" "$@"' in wrapper.read_text()
    assert os.access(wrapper, os.X_OK)
    assert (data / "mime" / "packages" / "journeymapper.xml").exists()
    for size in SIZES:
        assert (
            data / "icons" / "hicolor" / f"{size}x{size}" / "apps" / "journeymapper.png"
        ).exists()
    if shutil.which("update-mime-database"):
        assert "*.journey" in (data / "mime" / "globs2").read_text()
    run = subprocess.run(
        ["bash", str(script), "--uninstall"], env=home, capture_output=True, text=True, check=False
    )
    assert run.returncode == 0, run.stderr
    assert not (data / "applications" / "journeymapper.desktop").exists()
    assert not wrapper.exists()
    assert not list((data / "icons").rglob("journeymapper.*"))


def test_install_desktop_leaves_a_foreign_launcher_alone(home, tmp_path: Path) -> None:
    foreign = tmp_path / ".local" / "bin" / "journeymapper"
    foreign.parent.mkdir(parents=True)
    foreign.write_text("#!/bin/sh\necho mine\n")
    script = ROOT / "packaging" / "install_desktop.sh"
    run = subprocess.run(
        ["bash", str(script)], env=home, capture_output=True, text=True, check=False
    )
    assert run.returncode == 0, run.stderr
    assert foreign.read_text() == "#!/bin/sh\necho mine\n"
    entry = (tmp_path / ".local" / "share" / "applications" / "journeymapper.desktop").read_text()
    assert 'Exec="/bin/true" %f' in entry
