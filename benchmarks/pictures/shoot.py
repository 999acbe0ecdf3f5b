"""Pictures of the bundled examples as a user sees them: the editor and the poster.

    python -m benchmarks.pictures.shoot OUT_DIR [--examples smartphone,clothing]

Starts its own Xvfb (1920 × 1080) with openbox, opens each example in the real editor
window (xcb), maximised and fitted, and saves a screenshot of the screen
(`NAME-editor.png`) and the canvas exported as PNG (`NAME-canvas.png`); then exports
the poster (A3, fitted) and turns its first page into `NAME-poster.png` with
`pdftoppm`. Used to look at how arrows read, before and after a change to the router.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
from pathlib import Path

from benchmarks.display import x_display

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "examples"
SCREEN = "1920x1080x24"


def _shoot_one(path: Path, out: Path, display: str) -> None:
    env = {
        **os.environ,
        "DISPLAY": display,
        "QT_QPA_PLATFORM": "xcb",
        "XDG_CONFIG_HOME": str(out / ".config"),
    }
    subprocess.run(
        [sys.executable, "-m", "benchmarks.pictures.window", str(path), str(out)],
        env=env,
        cwd=ROOT,
        check=True,
        timeout=120,
    )
    pdf = out / f"{path.stem}-poster.pdf"
    subprocess.run(
        ["pdftoppm", "-png", "-r", "110", "-f", "1", "-l", "1", "-singlefile", str(pdf),
         str(out / f"{path.stem}-poster")],
        check=True,
        timeout=120,
    )  # fmt: skip
    pdf.unlink()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--examples", help="comma-separated words of the example names")
    args = parser.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    paths = sorted(EXAMPLES.glob("*.journey"))
    if args.examples:
        words = args.examples.split(",")
        paths = [p for p in paths if any(w in p.stem for w in words)]
    with x_display(SCREEN, window_manager=True) as display:
        for path in paths:
            _shoot_one(path, args.out, display)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
