"""Fixtures of the poster tests."""

from __future__ import annotations

import pytest

from journeymapper.model.document import Journey
from tests.io.poster import maps


@pytest.fixture
def example() -> Journey:
    return maps.example()


@pytest.fixture
def special() -> Journey:
    return maps.special_journey()
