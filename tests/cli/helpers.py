"""What the command-line tests share: maps to check, and `run` as the shell would call it."""

from __future__ import annotations

from pathlib import Path

import pytest

from journeymapper.analysis.demo import demo_map
from journeymapper.cli.main import main
from journeymapper.io.journey_file import save_data
from tests.analysis.maps import card, data


@pytest.fixture
def clean(tmp_path: Path) -> Path:
    path = tmp_path / "clean.journey"
    save_data(demo_map(), path)
    return path


@pytest.fixture
def warned(tmp_path: Path) -> Path:
    """A map whose only findings are warnings (and info)."""
    path = tmp_path / "warned.journey"
    save_data(data([card("tp-a", "s1"), card("tp-b", "s3")], [("tp-a", "tp-b")]), path)
    return path


def run(capsys: pytest.CaptureFixture[str], *argv: str | Path) -> tuple[int, str, str]:
    """`journeymapper ARGV…`: the exit code, stdout and stderr."""
    code = main([str(a) for a in argv])
    captured = capsys.readouterr()
    return code, captured.out, captured.err
