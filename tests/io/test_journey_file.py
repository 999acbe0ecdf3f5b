from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from journeymapper.base.resources import resource
from journeymapper.io import journey_file
from journeymapper.io.errors import JourneyFileError
from journeymapper.io.journey_file import (
    load_journey,
    parse_data,
    read_data,
    save_journey,
    to_json,
)
from journeymapper.io.schema_export import schema_text
from journeymapper.model.edits import UpdateTouchpoint
from journeymapper.model.schema import FORMAT_VERSION
from tests.sample import clothing_store, clothing_store_data

DATA = Path(__file__).parent.parent / "data"


def test_save_and_load_give_the_same_map(tmp_path: Path) -> None:
    journey = clothing_store()
    path = tmp_path / "store.journey"
    save_journey(journey, path)
    assert load_journey(path).to_data() == journey.to_data()


def test_the_file_is_stable_pretty_utf8_json_with_the_header_first(tmp_path: Path) -> None:
    journey = clothing_store()
    journey.apply(UpdateTouchpoint("site", {"name": "Café & crème — Ελληνικά"}))
    text = to_json(journey.to_data())
    header = f'{{\n "format": "journeymapper",\n "version": {FORMAT_VERSION},\n "title": '
    assert text.startswith(header)
    assert "Café & crème — Ελληνικά" in text  # not \u-escaped
    assert text == to_json(journey.to_data())
    assert json.loads(text)["touchpoints"][0]["id"] == "ad"  # sorted by id


def test_a_one_card_change_is_a_small_diff() -> None:
    journey = clothing_store()
    before = to_json(journey.to_data()).splitlines()
    journey.apply(UpdateTouchpoint("cart", {"emotion": 2}))
    after = to_json(journey.to_data()).splitlines()
    changed = [(a, b) for a, b in zip(before, after, strict=True) if a != b]
    assert changed == [('   "emotion": -1,', '   "emotion": 2,')]


def test_saving_keeps_the_previous_version_as_bak(tmp_path: Path) -> None:
    path = tmp_path / "store.journey"
    journey = clothing_store()
    save_journey(journey, path)
    first = path.read_bytes()
    journey.apply(UpdateTouchpoint("cart", {"name": "Pay"}))
    save_journey(journey, path)
    assert (tmp_path / "store.journey.bak").read_bytes() == first
    assert load_journey(path).touchpoint("cart").name == "Pay"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["store.journey", "store.journey.bak"]


def test_a_failed_save_leaves_the_old_file_whole(tmp_path: Path, monkeypatch) -> None:
    path = tmp_path / "store.journey"
    save_journey(clothing_store(), path)
    old = path.read_bytes()

    def disk_full(fd: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", disk_full)
    journey = clothing_store()
    journey.apply(UpdateTouchpoint("cart", {"name": "Pay"}))
    with pytest.raises(OSError, match="No space"):
        save_journey(journey, path)
    assert path.read_bytes() == old
    assert sorted(p.name for p in tmp_path.iterdir()) == ["store.journey"]


def test_saving_keeps_the_file_mode(tmp_path: Path) -> None:
    path = tmp_path / "store.journey"
    save_journey(clothing_store(), path)
    path.chmod(0o640)
    save_journey(clothing_store(), path)
    assert path.stat().st_mode & 0o777 == 0o640


def test_version_1_files_are_migrated() -> None:
    data = read_data(DATA / "v1" / "clothing_store.journey")
    expected = (DATA / "v1" / "clothing_store.migrated.journey").read_text("utf-8")
    assert to_json(data) == expected
    journey = journey_file.build_journey(data)
    assert journey.touchpoint("ad").emotion == 1  # 4 on the old 1–5 scale
    assert journey.connection("c1").source == "ad"
    assert journey.lane("doing").notes["pre"] == "Scrolls Instagram on the train"


def test_the_shipped_json_schema_is_current() -> None:
    assert resource("journey.schema.json").read_text("utf-8") == schema_text()


def _valid() -> dict:
    return json.loads(to_json(clothing_store_data()))


def _bad(mutate) -> bytes:  # type: ignore[no-untyped-def]
    doc = _valid()
    mutate(doc)
    return json.dumps(doc, ensure_ascii=False).encode()


BAD_FILES: list[tuple[str, bytes, str, str]] = [
    ("empty", b"", "line 1, column 1", "not valid JSON"),
    ("truncated", to_json(clothing_store_data()).encode()[:300], "line", "not valid JSON"),
    ("latin-1", '{"title": "caf\xe9"}'.encode("latin-1"), "byte", "not UTF-8"),
    ("a list", b"[1, 2, 3]", "", "expected a JSON object"),
    ("no format", b'{"version": 2}', "format", "not a JourneyMapper file"),
    ("other format", b'{"format": "drawio", "version": 2}', "format", "not a JourneyMapper"),
    (
        "newer version",
        b'{"format": "journeymapper", "version": 7}',
        "version",
        "format version 7, written by a newer JourneyMapper; this version reads format "
        "versions 1 to 3",
    ),
    ("version zero", b'{"format": "journeymapper", "version": 0}', "version", "unknown"),
    ("version text", b'{"format": "journeymapper", "version": "2"}', "version", "whole number"),
    (
        "duplicate key",
        b'{"format": "journeymapper", "version": 2, "title": "a", "title": "b"}',
        "",
        "the key 'title' appears twice",
    ),
    (
        "NaN",
        _bad(lambda d: d["touchpoints"][3]["kpis"][0].update(target=1)).replace(
            b'"target": 1', b'"target": NaN'
        ),
        "",
        "NaN is not a number JSON allows",
    ),
    (
        "emotion type",
        _bad(lambda d: d["touchpoints"][3].update(emotion="happy")),
        "touchpoints[3].emotion",
        "valid integer",
    ),
    (
        "empty name",
        _bad(lambda d: d["touchpoints"][2].update(name="   ")),
        "touchpoints[2].name",
        "must not be empty",
    ),
    (
        "bad colour",
        _bad(lambda d: d["stages"][1].update(color="orange")),
        "stages[1].color",
        "#RRGGBB",
    ),
    (
        "unknown field",
        _bad(lambda d: d["stages"][0].update(colour="#FFFFFF")),
        "stages[0].colour",
        "not a field JourneyMapper knows",
    ),
    ("missing name", _bad(lambda d: d["personas"][0].pop("name")), "personas[0].name", "required"),
    (
        "negative votes",
        _bad(lambda d: d["touchpoints"][0].update(votes=-4)),
        "touchpoints[0].votes",
        "greater than or equal to 0",
    ),
    (
        "duplicate id",
        _bad(lambda d: d["touchpoints"][1].update(id="ad")),
        "touchpoints[1].id",
        "used more than once",
    ),
    (
        "dangling stage",
        _bad(lambda d: d["touchpoints"][4].update(stage="gone")),
        "touchpoints[4].stage",
        "stage 'gone' that does not exist",
    ),
    (
        "dangling connection",
        _bad(lambda d: d["connections"][2].update(target="nobody")),
        "connections[2].target",
        "touchpoint 'nobody'",
    ),
    (
        "card in emotion lane",
        _bad(lambda d: d["touchpoints"][0].update(lane="feeling")),
        "touchpoints[0].lane",
        "not a touchpoints lane",
    ),
    (
        "emotion out of scale",
        _bad(lambda d: d["touchpoints"][0].update(emotion=5)),
        "touchpoints[0].emotion",
        "outside the map's scale",
    ),
    (
        "duplicate connection",
        _bad(lambda d: d["connections"].append({"id": "again", "source": "ad", "target": "site"})),
        "connections[8]",
        "repeats 'c0'",
    ),
    (
        "control character",
        _bad(lambda d: d.update(title="bell\u0007")),
        "title",
        "control characters",
    ),
    (
        "deep nesting",
        b'{"format": "journeymapper", "version": 2, "title": '
        + b"[" * 100_000
        + b"]" * 100_000
        + b"}",
        "",
        "nested too deeply",
    ),
    (
        "huge number",
        b'{"format": "journeymapper", "version": 2, "touchpoints": [{"votes": '
        + b"9" * 5000
        + b"}]}",
        "",
        "not valid JSON",
    ),
]


@pytest.mark.parametrize(
    ("case", "raw", "place", "message"), BAD_FILES, ids=[case for case, *_ in BAD_FILES]
)
def test_bad_files_raise_one_clear_error(
    tmp_path: Path, case: str, raw: bytes, place: str, message: str
) -> None:
    path = tmp_path / "bad.journey"
    path.write_bytes(raw)
    with pytest.raises(JourneyFileError) as caught:
        load_journey(path)
    error = caught.value
    assert error.path == path
    assert place in error.place
    assert message in error.message
    assert str(error).startswith(str(path))


def test_files_over_the_size_cap_are_refused_before_reading(tmp_path: Path, monkeypatch) -> None:
    path = tmp_path / "big.journey"
    path.write_bytes(b" " * 2048)
    opened: list[Path] = []
    real_open = Path.open
    monkeypatch.setattr(
        Path, "open", lambda self, *a, **k: opened.append(self) or real_open(self, *a, **k)
    )
    with pytest.raises(JourneyFileError, match="are refused"):
        journey_file.read_bytes(path, limit=1024)
    assert opened == []


def test_missing_files_and_folders_are_clear_errors(tmp_path: Path) -> None:
    with pytest.raises(JourneyFileError, match="cannot be read"):
        load_journey(tmp_path / "missing.journey")
    with pytest.raises(JourneyFileError, match="not a regular file"):
        load_journey(tmp_path)


def test_a_byte_order_mark_is_accepted() -> None:
    raw = "\ufeff".encode() + to_json(clothing_store_data()).encode()
    assert parse_data(raw).title == "Online clothing store"


def test_loading_tells_its_steps_and_stops_when_a_step_raises(tmp_path: Path) -> None:
    path = tmp_path / "map.journey"
    journey = clothing_store()
    save_journey(journey, path)
    told: list[tuple[str, int]] = []
    loaded = load_journey(path, lambda name, cards: told.append((name, cards)))
    assert told == [("parse", 0), ("build", journey.touchpoint_count())]
    assert loaded.to_data() == journey.to_data()

    class StopError(Exception):
        pass

    def stop_at_build(name: str, cards: int) -> None:
        if name == "build":
            raise StopError

    with pytest.raises(StopError):
        load_journey(path, stop_at_build)
