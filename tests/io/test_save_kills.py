"""Kill a saving process at random moments: the target is always the old file or the new one.

Each round forks a child that saves a multi-megabyte map over the target and SIGKILLs it
after a random delay spread over the length of a save. `make test` runs 200 kills;
`make stress` sets JM_SAVE_KILLS for a longer run.
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
    write_atomic(target, old)

    started = time.perf_counter()
    os.waitpid(_save_in_child(target, new), 0)
    save_time = time.perf_counter() - started
    write_atomic(target, old)

    rng = random.Random(1234)
    outcomes = {"old": 0, "new": 0}
    for _ in range(KILLS):
        pid = _save_in_child(target, new)
        time.sleep(rng.uniform(0, save_time * 1.3))
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
        content = target.read_bytes()
        assert content in (old, new), "a killed save left a torn file"
        if content == new:
            outcomes["new"] += 1
            write_atomic(target, old)
        else:
            outcomes["old"] += 1
        for leftover in tmp_path.glob(".*.tmp"):
            leftover.unlink()  # a killed save may leave its temp file; never the target
    # The kills must really land on both sides of the rename, or the test proves nothing.
    assert outcomes["old"] > KILLS // 10
    assert outcomes["new"] > KILLS // 10
