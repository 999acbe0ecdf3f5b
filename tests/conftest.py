"""Shared test set-up: hypothesis profiles, and a co-editing server on loopback.

`make test` runs the "default" profile; `make fuzz` sets HYPOTHESIS_PROFILE=long for a
longer campaign of the same property tests.
"""

from __future__ import annotations

import os

# Headless by default, also when pytest is run directly; the real-window smoke test
# starts its own process on Xvfb.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from hypothesis import HealthCheck, settings

if TYPE_CHECKING:
    from tests.sync.net import ServerProcess

settings.register_profile(
    "default", max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.register_profile(
    "long", max_examples=2000, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "default"))


@pytest.fixture
def sync_server(tmp_path: Path) -> Iterator[ServerProcess]:
    """`journeymapper serve` in a process of its own on loopback, with a store in
    `tmp_path`; stopped afterwards unless the test stopped it."""
    from tests.sync.net import ServerProcess  # only the tests that use it pay for it

    process = ServerProcess(tmp_path / "store").start()
    yield process
    if process.alive():
        process.stop()
