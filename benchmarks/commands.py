"""Whole processes, as a user starts them: the command line, Mermaid's own CLI, the editor.

- `python -c pass` and `journeymapper --version`: what starting Python costs, and what
  the command line adds to it (target ≤ 60 ms: `--version` imports no library);
- a 1,000-task Mermaid journey to a PDF, side by side in one run: `mmdc` (Mermaid's
  CLI, `@mermaid-js/mermaid-cli` from the npm registry, drawing with Debian's
  chromium) against `journeymapper export k.mmd -o k.pdf` (target: ten times faster);
- the editor's cold start: `journeymapper MAP` on its own Xvfb (xcb), from launch until
  the window is shown, painted and takes a key — xdotool waits for the window and
  presses Ctrl+Q (XTEST), and the time is launch to the process's exit (target ≤ 0.5 s).

Each run is a new process (median of 5). The children run with bytecode caching on
(`PYTHONDONTWRITEBYTECODE` removed) after one untimed warm-up run, as an installed
program does; a machine without npm, chromium, Xvfb or xdotool skips those rows with a
warning. mmdc is installed by the bench itself into `benchmarks/data/mmdc` (git
ignores `benchmarks/data/`), with `PUPPETEER_SKIP_DOWNLOAD=1` so that puppeteer never
downloads a browser of its own, and a puppeteer config that names /usr/bin/chromium and
`--no-sandbox`.
"""

from __future__ import annotations

import json
import logging
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import ExitStack
from pathlib import Path

from benchmarks.core import DATA
from benchmarks.display import x_display
from benchmarks.run import Case, Timed

log = logging.getLogger("benchmarks")

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
JOURNEYMAPPER = BIN / "journeymapper"
EXAMPLE = ROOT / "examples" / "online-clothing-store.journey"
MMDC_DIR = DATA / "mmdc"
MMDC = MMDC_DIR / "node_modules" / ".bin" / "mmdc"
MMDC_PACKAGE = "@mermaid-js/mermaid-cli@11"
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]  # fmt: skip
TASKS = 1_000
REPEAT = 5


def child_env(**extra: str) -> dict[str, str]:
    """This environment with bytecode caching on, as an installed program runs."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env.update(extra)
    return env


def run_quietly(argv: Sequence[str | Path], **kwargs: object) -> None:
    result = subprocess.run(
        [str(a) for a in argv], capture_output=True, text=True, timeout=600, **kwargs
    )  # type: ignore[call-overload]
    if result.returncode != 0:
        raise RuntimeError(f"{Path(str(argv[0])).name} failed: {result.stderr.strip()[-500:]}")


def process(argv: Sequence[str | Path], cwd: Path, env: dict[str, str]) -> Callable[[], None]:
    """A timed callable that runs `argv` to its end; one untimed run first (warm-up)."""

    def once() -> None:
        run_quietly(argv, cwd=cwd, env=env)

    once()
    return once


# ----- python and --version -------------------------------------------------------------


def _python_pass() -> Callable[[], None]:
    return process([sys.executable, "-c", "pass"], Path(tempfile.gettempdir()), child_env())


def _version() -> Callable[[], None]:
    return process([JOURNEYMAPPER, "--version"], Path(tempfile.gettempdir()), child_env())


# ----- Mermaid to PDF: mmdc against journeymapper ------------------------------------------


def mermaid_journey(tasks: int) -> str:
    """A journey of `tasks` tasks in ten sections, scores 1–5, two actors."""
    lines = ["journey", f"    title A journey of {tasks:,} steps"]
    per_section = max(1, tasks // 10)
    for index in range(tasks):
        if index % per_section == 0:
            lines.append(f"    section Stage {index // per_section + 1}")
        actors = "Ana" if index % 3 else "Ana, Ben"
        lines.append(f"      Step {index + 1} of the journey: {1 + index % 5}: {actors}")
    return "\n".join(lines) + "\n"


def _mermaid_file(folder: Path) -> Path:
    path = folder / "k.mmd"
    path.write_text(mermaid_journey(TASKS), encoding="utf-8")
    return path


def install_mmdc() -> Path:
    """mmdc under benchmarks/data/mmdc, installed on first use; never a bundled browser."""
    if not MMDC.exists():
        npm = shutil.which("npm")
        if npm is None:
            raise RuntimeError("npm is not installed: apt-get install npm")
        log.info("installing %s into %s", MMDC_PACKAGE, MMDC_DIR)
        MMDC_DIR.mkdir(parents=True, exist_ok=True)
        run_quietly(
            [npm, "install", "--no-audit", "--no-fund", "--loglevel=error", "--prefix",
             MMDC_DIR, MMDC_PACKAGE],
            env=child_env(PUPPETEER_SKIP_DOWNLOAD="1"),
        )  # fmt: skip
    return MMDC


def _mmdc() -> Timed:
    if not CHROMIUM.exists():
        raise RuntimeError(f"{CHROMIUM} is missing: apt-get install chromium")
    mmdc = install_mmdc()
    folder = Path(tempfile.mkdtemp(prefix="jm-bench-mmdc-"))
    config = folder / "puppeteer.json"
    config.write_text(json.dumps({"executablePath": str(CHROMIUM), "args": CHROMIUM_ARGS}))
    source = _mermaid_file(folder)
    env = child_env(PUPPETEER_SKIP_DOWNLOAD="1", HOME=str(folder))
    argv = [mmdc, "--quiet", "-p", config, "-i", source, "-o", folder / "k.pdf"]
    return Timed(process(argv, folder, env), cleanup=lambda: shutil.rmtree(folder, True))


def _journeymapper_export() -> Timed:
    folder = Path(tempfile.mkdtemp(prefix="jm-bench-export-"))
    source = _mermaid_file(folder)
    argv = [JOURNEYMAPPER, "export", source, "-o", folder / "k.pdf"]
    return Timed(process(argv, folder, child_env()), cleanup=lambda: shutil.rmtree(folder, True))


# ----- the editor's cold start ----------------------------------------------------------


def _xdotool(display: str, *argv: str) -> str:
    result = subprocess.run(
        ["xdotool", *argv],
        env={**os.environ, "DISPLAY": display},
        capture_output=True,
        text=True,
        timeout=30,
    )
    return result.stdout.strip() if result.returncode == 0 else ""


def start_editor(display: str, folder: Path) -> float:
    """Seconds from launching `journeymapper MAP` to its exit on a Ctrl+Q pressed as soon
    as its window is on screen (polled every few milliseconds)."""
    env = child_env(DISPLAY=display, QT_QPA_PLATFORM="xcb", XDG_CONFIG_HOME=str(folder / "c"),
                    XDG_DATA_HOME=str(folder / "d"), XDG_CACHE_HOME=str(folder / "k"))  # fmt: skip
    start = time.perf_counter()
    editor = subprocess.Popen([str(JOURNEYMAPPER), str(EXAMPLE)], cwd=folder, env=env,
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)  # fmt: skip
    try:
        window = ""
        while not window:
            if editor.poll() is not None or time.perf_counter() - start > 60:
                raise RuntimeError("the editor ended or never showed its window")
            window = _xdotool(display, "search", "--onlyvisible", "--name", EXAMPLE.name)
            time.sleep(0 if window else 0.01)  # polling must not compete with the start
        _xdotool(display, "windowfocus", window.splitlines()[0])
        _xdotool(display, "key", "--clearmodifiers", "ctrl+q")
        editor.wait(timeout=60)
        return time.perf_counter() - start
    finally:
        if editor.poll() is None:
            editor.kill()
            editor.wait()


def _editor_cold_start() -> Timed:
    if shutil.which("xdotool") is None:
        raise RuntimeError("xdotool is needed: make deps installs it")
    server = ExitStack()
    display = server.enter_context(x_display())
    folder = Path(tempfile.mkdtemp(prefix="jm-bench-editor-"))

    def cleanup() -> None:
        server.close()
        shutil.rmtree(folder, ignore_errors=True)

    try:
        start_editor(display, folder)  # warm-up: bytecode written, fonts cached
    except BaseException:
        cleanup()
        raise
    return Timed(lambda: start_editor(display, folder), cleanup=cleanup)


def cases(sizes: Sequence[int]) -> Iterator[Case]:
    yield Case("process: python -c pass", 0, _python_pass, repeat=REPEAT, trace=False)
    yield Case(
        "process: journeymapper --version",
        0,
        _version,
        target=0.060,
        baseline="process: python -c pass",
        repeat=REPEAT,
        trace=False,
    )
    yield Case("mermaid → PDF: mmdc", TASKS, _mmdc, repeat=REPEAT, trace=False)
    yield Case(
        "mermaid → PDF: journeymapper export",
        TASKS,
        _journeymapper_export,
        baseline="mermaid → PDF: mmdc",
        target_ratio=0.1,
        repeat=REPEAT,
        trace=False,
    )
    yield Case(
        "process: editor cold start to Ctrl+Q",
        12,
        _editor_cold_start,
        target=0.5,
        repeat=REPEAT,
        trace=False,
    )
