"""Kill a saving process at random moments: the target is always the old file or the new one.

Each round forks a child that saves a map of over a megabyte over the target (keeping a
`.bak`) and SIGKILLs it after a random delay. The delays are drawn around the moment
the rename happens, which the test keeps estimating from the outcomes so far: a fixed
window measured once lands mostly on one side when the machine gets busier or quieter,
and a test whose kills all land before the rename proves nothing. `make test` runs 200
kills; `make stress` sets JM_SAVE_KILLS=5000. The split between the two outcomes is
printed (`pytest -s`).
"""

from __future__ import annotations

import os
import random
import signal
import time
from pathlib import Path

from benchmarks.generate import generate_map
from journeymapper.io.atomic import write_atomic
from journeymapper.io.journey_file import to_json

KILLS = int(os.environ.get("JM_SAVE_KILLS", "200"))


def _save_in_child(path: Path, content: bytes) -> int:
    pid = os.fork()
    if pid == 0:  # the child: save, then leave without running any Python clean-up
        try:
            write_atomic(path, content, backup=True)
        finally:
            os._exit(0)
    return pid


def test_killed_saves_never_tear_the_file(tmp_path: Path) -> None:
    old = to_json(generate_map(300, seed=1)).encode()
    new = to_json(generate_map(3000, seed=2)).encode()
    target = tmp_path / "map.journey"
    backup = tmp_path / "map.journey.bak"
    write_atomic(target, old)

    started = time.perf_counter()
    os.waitpid(_save_in_child(target, new), 0)
    rename_at = time.perf_counter() - started  # first guess: the length of a whole save
    write_atomic(target, old)
    backup.unlink()

    rng = random.Random(1234)
    outcomes = {"old": 0, "new": 0}
    for _ in range(KILLS):
        delay = rng.uniform(0, 2 * rename_at)
        pid = _save_in_child(target, new)
        time.sleep(delay)
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
        content = target.read_bytes()
        assert content in (old, new), "a killed save left a torn file"
        if backup.exists():  # the save got as far as keeping the old file
            assert backup.read_bytes() == old, "a killed save left a torn .bak"
        landed = "new" if content == new else "old"
        outcomes[landed] += 1
        # Move the estimate toward the delay where either outcome is as likely.
        rename_at *= 0.97 if landed == "new" else 1.03
        if landed == "new":
            write_atomic(target, old)
        backup.unlink(missing_ok=True)
        for leftover in tmp_path.glob(".*.tmp"):
            leftover.unlink()  # a killed save may leave its temp file; never the target
    print(f"{KILLS} kills: {outcomes['old']} left the old file, {outcomes['new']} the new one")
    # The kills must really land on both sides of the rename, or the test proves nothing.
    assert outcomes["old"] > KILLS // 10
    assert outcomes["new"] > KILLS // 10
