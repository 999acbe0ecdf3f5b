"""The Qt-free core works with PySide6 absent (DESIGN §3)."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

SCRIPT = textwrap.dedent(
    """
    import importlib.abc, sys

    class NoQt(importlib.abc.MetaPathFinder):
        def find_spec(self, name, path, target=None):
            if name.split(".")[0] in ("PySide6", "shiboken6", "PyQt5", "PyQt6"):
                raise ImportError(f"{name} is blocked in this test")
            return None

    sys.meta_path.insert(0, NoQt())
    import pkgutil, journeymapper
    core = (
        "journeymapper.base", "journeymapper.model", "journeymapper.analysis",
        "journeymapper.layout", "journeymapper.look", "journeymapper.io", "journeymapper.cli",
        "journeymapper.analytics",
    )
    for info in pkgutil.walk_packages(journeymapper.__path__, "journeymapper."):
        if info.name.startswith(core):
            __import__(info.name)
    import contextlib, io, tempfile
    from journeymapper.cli.main import main
    with tempfile.TemporaryDirectory() as folder, contextlib.redirect_stdout(io.StringIO()):
        assert main(["validate", "examples/online-clothing-store.journey"]) == 0
        assert main(["export", "examples/online-clothing-store.journey", "-o",
                     f"{folder}/map.mmd"]) == 0
    from journeymapper.layout.engine import layout_journey
    from journeymapper.model.document import Journey
    layout_journey(Journey.default())
    assert not [m for m in sys.modules if m.startswith(("PySide6", "shiboken6"))]
    print("ok")
    """
)


def test_the_core_imports_and_runs_without_qt() -> None:
    result = subprocess.run(
        [sys.executable, "-c", SCRIPT], cwd=ROOT, capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "ok"
