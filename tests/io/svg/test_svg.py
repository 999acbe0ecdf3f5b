"""Semantic SVG: structure a stylesheet or a script can rely on, from the shared layout,
escaped user text, valid XML, and a file a real browser draws and can query."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from defusedxml import ElementTree

from journeymapper.io.journey_file import load_journey
from journeymapper.io.svg import svg_text, write_svg
from journeymapper.layout.engine import layout_journey
from journeymapper.model.document import Journey
from journeymapper.model.edits import UpdateConnection, UpdateTouchpoint
from tests.sample import clothing_store

NS = "{http://www.w3.org/2000/svg}"
EXAMPLE = Path(__file__).resolve().parents[3] / "examples" / "online-clothing-store.journey"


def _groups(root, cls: str):  # type: ignore[no-untyped-def]
    return [g for g in root.iter(f"{NS}g") if g.get("class") == cls]


def test_every_card_stage_lane_and_connection_is_a_group_of_its_own() -> None:
    journey = load_journey(EXAMPLE)
    layout = layout_journey(journey)
    root = ElementTree.fromstring(svg_text(journey, layout).encode())
    assert root.tag == f"{NS}svg"
    cards = {g.get("data-id"): g for g in _groups(root, "card")}
    assert set(cards) == set(layout.cards)
    for card_id, group in cards.items():
        box = group.find(f"{NS}rect")  # the first rect is the card's box
        rect = layout.cards[card_id].rect
        assert [float(box.get(k)) for k in ("x", "y", "width", "height")] == pytest.approx(
            [rect.x, rect.y, rect.w, rect.h], abs=0.01
        )
        names = [t.text for t in group.iter(f"{NS}text") if t.get("class") == "name"]
        assert names == list(layout.cards[card_id].name_lines)
    assert {g.get("data-id") for g in _groups(root, "stage")} == set(layout.stages)
    assert {g.get("data-id") for g in _groups(root, "lane")} == set(layout.lanes)
    conns = _groups(root, "connection-group")
    assert len(conns) == journey.connection_count()
    for group in conns:
        path = group.find(f"{NS}path[@class='connection']")
        source, target = layout.connection_ends[group.get("data-id")]
        assert (path.get("data-source"), path.get("data-target")) == (source, target)
        assert path.get("d").startswith("M")
        assert group.find(f"{NS}path[@class='arrowhead']") is not None
    labelled = [g for g in conns if g.find(f"{NS}g[@class='connection-label']") is not None]
    assert len(labelled) == len(layout.connection_labels) >= 1


def test_user_text_is_text_never_markup(tmp_path: Path) -> None:
    journey = clothing_store()
    hostile = '<script>alert("x")</script> & ]]> "quotes"'
    journey.apply(UpdateTouchpoint("ad", {"name": hostile}))
    conn = next(journey.connections())
    journey.apply(UpdateConnection(conn.id, {"label": "<b>bold</b> & co"}))
    out = tmp_path / "map.svg"
    write_svg(journey, out)
    data = out.read_text(encoding="utf-8")
    assert "<script>" not in data
    assert "<b>" not in data
    root = ElementTree.fromstring(data.encode())
    texts = "".join(t.text or "" for t in root.iter(f"{NS}text"))
    assert '<script>alert("x")</script>' in texts.replace("\n", "")
    assert "<b>bold</b> & co" in texts


def test_the_command_line_route_writes_semantic_svg_without_qt(tmp_path: Path) -> None:
    out = tmp_path / "map.svg"
    script = (
        "import sys; from journeymapper.cli.main import main; "
        f"code = main(['export', {str(EXAMPLE)!r}, '-o', {str(out)!r}]); "
        "assert not [m for m in sys.modules if m.startswith('PySide6')], 'Qt was loaded'; "
        "sys.exit(code)"
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    root = ElementTree.fromstring(out.read_bytes())
    assert _groups(root, "card")
    assert root.get("class") == "journey-map"


def test_an_empty_map_is_a_valid_svg(tmp_path: Path) -> None:
    out = tmp_path / "empty.svg"
    write_svg(Journey.default(), out)
    root = ElementTree.fromstring(out.read_bytes())
    assert _groups(root, "card") == []
    assert len(_groups(root, "stage")) == 3
