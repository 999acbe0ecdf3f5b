"""The unexpected, in every subcommand: one line naming what failed and where the report
is, the traceback in the log file, exit code 2 — made to happen by breaking a dependency."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from journeymapper.cli import failure
from tests.cli.helpers import run

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "examples" / "online-clothing-store.journey"


def broken(*_: object, **__: object) -> None:
    raise RuntimeError("the dependency broke\non two lines")


# (subcommand arguments, the module attribute that breaks)
CASES = {
    "validate": (["validate", EXAMPLE], "journeymapper.analysis.validate_data"),
    "stats": (["stats", EXAMPLE], "journeymapper.analysis.map_stats"),
    "new": (["new", "-o", "{tmp}/n.journey"], "journeymapper.io.journey_file.save_data"),
    "import": (["import", "{tmp}/s.csv", "-o", "{tmp}/s.journey"],
               "journeymapper.io.interchange.csv.parse_csv"),
    "export-graphml": (["export", EXAMPLE, "-o", "{tmp}/m.graphml"],
                       "journeymapper.io.interchange.graphml.graphml_text"),
    "export-pdf": (["export", EXAMPLE, "-o", "{tmp}/m.pdf"],
                   "journeymapper.io.poster.export.export_poster"),
    "export-png": (["export", "{tmp}/s.csv", "-o", "{tmp}/m.png"],
                   "journeymapper.app.canvas.image.export_image"),
    "open": (["open", EXAMPLE], "journeymapper.app.main.run"),
}  # fmt: skip


@pytest.mark.parametrize("case", list(CASES))
def test_every_subcommand_turns_the_unexpected_into_one_line_and_a_logged_report(
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    case: str,
) -> None:
    argv, target = CASES[case]
    (tmp_path / "s.csv").write_text("stage,name\nA,B\n", encoding="utf-8")
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    module, _, name = target.rpartition(".")
    monkeypatch.setattr(f"{module}.{name}", broken)
    code, out, err = run(capsys, *(str(a).format(tmp=tmp_path) for a in argv))
    log = tmp_path / "data" / "JourneyMapper" / "JourneyMapper" / "logs" / "journeymapper.log"
    command = argv[0]
    assert (code, out) == (2, "")
    assert err == (
        f"journeymapper: {command} failed unexpectedly (RuntimeError: the dependency broke on "
        f"two lines); the full report is in {log} — please report this\n"
    )
    report = log.read_text(encoding="utf-8")
    assert f"`journeymapper {command}` failed" in report
    assert "Traceback (most recent call last)" in report
    assert "RuntimeError: the dependency broke" in report
    assert not (tmp_path / "n.journey").exists()


def test_a_broken_dependency_in_a_real_process(tmp_path: Path) -> None:
    """psygnal (the document's signals) replaced by a package that fails to import, as in
    a damaged install. (A GraphML export needs no reportlab: the text widths come from
    the table beside the font, layout/metrics.py.)"""
    fake = tmp_path / "site" / "psygnal"
    fake.mkdir(parents=True)
    (fake / "__init__.py").write_text("raise ImportError('psygnal is damaged')\n")
    env = {
        **os.environ,
        "PYTHONPATH": str(tmp_path / "site"),
        "XDG_DATA_HOME": str(tmp_path / "data"),
    }
    result = subprocess.run(
        [sys.executable, "-m", "journeymapper", "export", str(EXAMPLE), "-o", "h.graphml"],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 2
    assert result.stdout == ""
    assert result.stderr.count("\n") == 1
    assert "export failed unexpectedly (ImportError: psygnal is damaged)" in result.stderr
    assert "Traceback" not in result.stderr
    assert not (tmp_path / "h.graphml").exists()
    logs = list((tmp_path / "data").rglob("journeymapper.log"))
    assert logs
    assert "psygnal is damaged" in logs[0].read_text(encoding="utf-8")


def test_a_missing_bundled_file_is_said_as_it_is(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    from journeymapper.base.resources import MissingResourceError

    def missing(*_: object, **__: object) -> None:
        raise MissingResourceError("resources/fonts/DejaVuSans.ttf", ["/somewhere/_resources"])

    monkeypatch.setattr("journeymapper.io.poster.export.export_poster", missing)
    code, out, err = run(capsys, "export", EXAMPLE, "-o", tmp_path / "m.pdf")
    assert (code, out) == (2, "")
    assert err == (
        "journeymapper: the bundled file resources/fonts/DejaVuSans.ttf is missing (looked in "
        "/somewhere/_resources); the installation is incomplete: reinstall JourneyMapper\n"
    )


def test_without_a_writable_log_folder_the_report_goes_to_the_temporary_folder(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("")
    monkeypatch.setenv("XDG_DATA_HOME", str(blocker))  # a file: no folder can be made in it
    monkeypatch.setattr(failure.tempfile, "gettempdir", lambda: str(tmp_path))
    assert failure._log(RuntimeError("x"), "stats") == tmp_path / failure.LOG_NAME
    assert "RuntimeError: x" in (tmp_path / failure.LOG_NAME).read_text(encoding="utf-8")
