"""Arbitrary bytes and mutated valid files either load or raise JourneyFileError."""

from __future__ import annotations

import contextlib
import json
from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from journeymapper.io.errors import JourneyFileError
from journeymapper.io.journey_file import build_journey, parse_data, to_json
from tests.sample import clothing_store_data

VALID = json.loads(to_json(clothing_store_data()))


def _load(raw: bytes) -> None:
    with contextlib.suppress(JourneyFileError):
        build_journey(parse_data(raw))


@given(st.binary(max_size=2000))
def test_arbitrary_bytes(raw: bytes) -> None:
    _load(raw)


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=20),
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4)
    ),
    max_leaves=10,
)


def _paths(doc: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    found = [prefix]
    if isinstance(doc, dict):
        for key, value in doc.items():
            found += _paths(value, (*prefix, key))
    elif isinstance(doc, list):
        for i, value in enumerate(doc):
            found += _paths(value, (*prefix, i))
    return found


PATHS = [p for p in _paths(VALID) if p]


@given(st.lists(st.tuples(st.sampled_from(PATHS), json_values), min_size=1, max_size=4))
def test_mutated_valid_files(mutations: list[tuple[tuple[Any, ...], Any]]) -> None:
    doc = json.loads(json.dumps(VALID))
    for path, value in mutations:
        target = doc
        try:
            for key in path[:-1]:
                target = target[key]
            target[path[-1]] = value
        except (KeyError, IndexError, TypeError):
            continue
    _load(json.dumps(doc).encode())


@given(st.binary(min_size=1, max_size=50), st.integers(0, 4000))
def test_spliced_bytes(junk: bytes, at: int) -> None:
    raw = to_json(clothing_store_data()).encode()
    _load(raw[:at] + junk + raw[at:])
