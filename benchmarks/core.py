"""Benchmarks of the Qt-free core: load, save and validate generated maps.

Each is compared with the plain standard library on the same file — `json.loads` of
its bytes for load and validation, `json.dumps` of its parsed content for save — so a
slow machine shows as a slow baseline, not as a regression. The budgets at 10,000
touchpoints come from the core issue: load ≤ 0.3 s, save ≤ 0.2 s, validation ≤ 0.1 s.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable, Iterator, Sequence
from functools import partial
from pathlib import Path

from benchmarks.generate import VERSION, generate_map
from benchmarks.run import Case
from journeymapper.analysis import validate
from journeymapper.io.journey_file import load_journey, save_data, save_journey

log = logging.getLogger("benchmarks")

DATA = Path(__file__).with_name("data")
TARGETS = {10_000: {"load": 0.3, "save": 0.2, "validate": 0.1}}


def map_file(size: int) -> Path:
    """The generated map of `size` touchpoints, written once under benchmarks/data/."""
    path = DATA / f"map-{size}-v{VERSION}.journey"
    if not path.exists():
        log.info("generating %s", path)
        DATA.mkdir(exist_ok=True)
        save_data(generate_map(size), path, backup=False)
    return path


def _json_loads(size: int) -> Callable[[], object]:
    path = map_file(size)
    return lambda: json.loads(path.read_bytes())


def _json_dumps(size: int) -> Callable[[], object]:
    doc = json.loads(map_file(size).read_bytes())
    return lambda: json.dumps(doc, ensure_ascii=False, indent=1)


def _load(size: int) -> Callable[[], object]:
    path = map_file(size)
    return lambda: load_journey(path)


def _save(size: int) -> Callable[[], object]:
    journey = load_journey(map_file(size))
    target = DATA / f"saved-{size}.journey"
    return lambda: save_journey(journey, target)


def _validate(size: int) -> Callable[[], object]:
    journey = load_journey(map_file(size))
    return lambda: validate(journey)


def cases(sizes: Sequence[int]) -> Iterator[Case]:
    operations = (
        ("json.loads", _json_loads, None),
        ("load", _load, "json.loads"),
        ("validate", _validate, "json.loads"),
        ("json.dumps", _json_dumps, None),
        ("save", _save, "json.dumps"),
    )
    for size in sizes:
        for operation, make, baseline in operations:
            target = TARGETS.get(size, {}).get(operation)
            yield Case(operation, size, partial(make, size), target, baseline)
