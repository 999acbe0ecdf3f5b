"""The sync layer and the team server import and run with PySide6 absent (Qt-free layer)."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

SCRIPT = textwrap.dedent(
    """
    import importlib.abc, pkgutil, sys

    class NoQt(importlib.abc.MetaPathFinder):
        def find_spec(self, name, path, target=None):
            if name.split(".")[0] in ("PySide6", "shiboken6"):
                raise ImportError(f"{name} is blocked in this test")
            return None

    sys.meta_path.insert(0, NoQt())
    import journeymapper.sync
    for info in pkgutil.walk_packages(journeymapper.sync.__path__, "journeymapper.sync."):
        __import__(info.name)
    from journeymapper.sync.write import build_doc
    from journeymapper.sync.project import project
    from journeymapper.model.templates import blank_map
    assert project(build_doc(blank_map())).data == blank_map()
    print("ok")
    """
)


def test_the_sync_layer_imports_and_runs_without_qt() -> None:
    root = Path(__file__).parents[2]
    done = subprocess.run(
        [sys.executable, "-c", SCRIPT], cwd=root, capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "ok"
