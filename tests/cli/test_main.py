"""The command as a whole: --version, --help, the default command, the editor, the demo,
what it imports, and the one place that catches the unexpected."""

from __future__ import annotations

import subprocess
import sys
import types
from pathlib import Path

import pytest

from journeymapper import __version__
from journeymapper.analysis.demo import demo_map
from journeymapper.io.journey_file import read_data
from tests.cli.helpers import run

# ----- version, help, the editor, the demo -------------------------------------------


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "--version")
    assert code == 0
    assert out == f"journeymapper {__version__}\n"


@pytest.mark.parametrize("command", ["validate", "stats", "new", "open"])
def test_every_command_has_help(capsys: pytest.CaptureFixture[str], command: str) -> None:
    code, out, _ = run(capsys, command, "--help")
    assert code == 0
    assert out.startswith(f"usage: journeymapper {command}")
    assert len(out.splitlines()) > 4


def test_top_level_help_lists_the_commands_but_not_the_demo(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, out, _ = run(capsys, "--help")
    assert code == 0
    for command in ("open", "validate", "stats", "new"):
        assert f"    {command} " in out
    assert "run-demo" not in out


def test_no_command_opens_the_editor_lazily(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, clean: Path
) -> None:
    opened: list[str | None] = []
    editor = types.ModuleType("journeymapper.app.main")

    def fake_run(path: str | None) -> int:
        opened.append(path)
        return 7

    editor.run = fake_run  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "journeymapper.app.main", editor)
    assert run(capsys, clean)[0] == 7
    assert run(capsys)[0] == 7
    assert run(capsys, "open", clean)[0] == 7
    assert opened == [str(clean), None, str(clean)]


def test_without_the_editor_one_clear_line_and_exit_2(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "journeymapper.app.main", None)  # import fails
    code, out, err = run(capsys)
    assert code == 2
    assert out == ""
    assert err.startswith("journeymapper: the editor is not available (")
    assert "journeymapper.app.main" in err
    assert err.count("\n") == 1


def test_run_demo_writes_a_clean_map_and_prints_its_stats(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, out, err = run(capsys, "run-demo")
    assert code == 0
    assert err == ""
    path = Path(out.splitlines()[0].removeprefix("Wrote a sample map: "))
    assert read_data(path) == demo_map()
    assert f"{path}: no findings: the map passes every rule" in out
    assert "Moments of truth" in out


HEAVY = ("pydantic", "networkx", "reportlab", "PySide6", "shiboken6", "journeymapper.app")
LOADED = """
import sys
from journeymapper.cli.main import main
code = main(sys.argv[1:])
heavy = sorted({m.split(".")[0] if not m.startswith("journeymapper") else "journeymapper.app"
                for m in sys.modules if m.startswith(HEAVY)})
print(code, *heavy)
"""


@pytest.mark.parametrize(
    "argv",
    [
        ["--version"],
        ["--help"],
        ["export", "--help"],
        ["new", "--help"],
        ["export"],  # a missing argument
        ["new", "--template", "kiosk", "-o", "k.journey"],  # a wrong choice
        ["--no-such-option"],
        ["new", "--list-templates"],
    ],
    ids=" ".join,
)
def test_light_commands_load_no_pydantic_networkx_reportlab_or_qt(
    argv: list[str], tmp_path: Path
) -> None:
    script = f"HEAVY = {HEAVY!r}\n{LOADED}"
    result = subprocess.run(
        [sys.executable, "-c", script, *argv],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=60,
    )
    code, *heavy = result.stdout.strip().splitlines()[-1].split()
    assert heavy == [], result.stdout
    assert code in ("0", "2")
    assert not (tmp_path / "k.journey").exists()


def test_python_dash_m_is_the_same_command(clean: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "journeymapper", "validate", str(clean)],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0
    assert result.stdout == f"{clean}: no findings: the map passes every rule\n"
