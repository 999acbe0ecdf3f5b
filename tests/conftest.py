"""Shared test set-up: hypothesis profiles.

`make test` runs the "default" profile; `make fuzz` sets HYPOTHESIS_PROFILE=long for a
longer campaign of the same property tests.
"""

from __future__ import annotations

import os

# Headless by default, also when pytest is run directly; the real-window smoke test
# starts its own process on Xvfb.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from hypothesis import HealthCheck, settings

settings.register_profile(
    "default", max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.register_profile(
    "long", max_examples=2000, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "default"))
