"""An X server of our own for the tools that run the real editor on X: the benchmarks,
the picture and screenshot scripts, and the tests on a real display.

    with x_display("1920x1080x24", window_manager=True) as display:
        subprocess.run([...], env={**os.environ, "DISPLAY": display, "QT_QPA_PLATFORM": "xcb"})

Xvfb picks a free display number and writes it to a pipe (`-displayfd`), so several
can run side by side; openbox, when asked for, makes focus behave as on a desktop.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager


class NoDisplayError(RuntimeError):
    """Xvfb (or openbox, when asked for) is not installed, or Xvfb did not start."""


@contextmanager
def x_display(screen: str = "1280x800x24", window_manager: bool = False) -> Iterator[str]:
    """A fresh Xvfb with one screen of `screen` (WxHxDepth), and openbox on it if
    `window_manager`; yields the display (":N") and stops both afterwards."""
    xvfb = shutil.which("Xvfb")
    openbox = shutil.which("openbox") if window_manager else None
    if xvfb is None or (window_manager and openbox is None):
        needed = "Xvfb and openbox" if window_manager else "Xvfb"
        raise NoDisplayError(f"{needed} not installed (`make test` installs them)")
    read, write = os.pipe()
    server = subprocess.Popen(
        # -noreset: by default Xvfb resets when its last client leaves, and a client
        # connecting meanwhile (the next editor of a benchmark) is refused
        [xvfb, "-displayfd", str(write), "-screen", "0", screen, "-nolisten", "tcp", "-noreset"],
        pass_fds=(write,),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    os.close(write)
    manager: subprocess.Popen[bytes] | None = None
    try:
        with os.fdopen(read) as pipe:
            number = pipe.readline().strip()
        if not number:
            raise NoDisplayError("Xvfb started but reported no display number")
        display = f":{number}"
        if openbox is not None:
            manager = subprocess.Popen(
                [openbox],
                env={**os.environ, "DISPLAY": display},
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
            )
        yield display
    finally:
        for process in (manager, server):
            if process is not None:
                process.terminate()
                process.wait(timeout=10)
