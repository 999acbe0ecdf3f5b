"""`journeymapper export … -o OUT.png` / `.svg`: the canvas drawn by the editor's scene."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.cli.helpers import run

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "examples" / "online-clothing-store.journey"


def test_png_and_svg_with_dpi(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    small, large, svg = tmp_path / "a.png", tmp_path / "b.png", tmp_path / "c.svg"
    assert run(capsys, "export", EXAMPLE, "-o", small, "--dpi", "72")[0] == 0
    assert run(capsys, "export", EXAMPLE, "-o", large, "--dpi", "144")[0] == 0
    assert run(capsys, "export", EXAMPLE, "-o", svg)[0] == 0
    assert small.read_bytes().startswith(b"\x89PNG")
    width = int.from_bytes(small.read_bytes()[16:20], "big")
    assert int.from_bytes(large.read_bytes()[16:20], "big") in range(2 * width - 2, 2 * width + 3)
    assert b"<svg" in svg.read_bytes()[:400]
    code, _, err = run(capsys, "export", EXAMPLE, "-o", tmp_path / "d.svg", "--dpi", "300")
    assert (code, err.strip()) == (
        2,
        "journeymapper: --dpi applies to PNG images only, not to '.svg'",
    )
    code, _, err = run(capsys, "export", EXAMPLE, "-o", tmp_path / "e.png", "--dpi", "99999")
    assert code == 2
    assert "--dpi must be from 10 to 2400" in err


def test_png_from_a_shell_without_a_display(tmp_path: Path) -> None:
    """The real command in a fresh process: Qt goes offscreen by itself, no window opens."""
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    env.pop("QT_QPA_PLATFORM", None)
    out = tmp_path / "map.png"
    result = subprocess.run(
        [sys.executable, "-m", "journeymapper", "export", str(EXAMPLE), "-o", str(out)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert out.read_bytes().startswith(b"\x89PNG")
