"""`journeymapper stats`, called through `main([...])` as the shell would."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.analysis.maps import BROKEN_FILE
from tests.cli.helpers import run

# ----- stats ------------------------------------------------------------------------


def test_stats_text(capsys: pytest.CaptureFixture[str], clean: Path) -> None:
    code, out, _ = run(capsys, "stats", clean)
    assert code == 0
    lines = out.splitlines()
    assert lines[:2] == [
        "Online clothing store: buying a spring jacket",
        "11 touchpoints, 12 connections, 2 personas",
    ]
    assert "Per stage" in lines
    assert "Per channel" in lines
    assert "Per ownership" in lines
    assert "  1. “Browses the catalogue on the website”" in lines
    assert any(line.split() == ["Purchase", "3", "-", "-"] for line in lines)
    assert any(line.split() == ["Post-purchase", "2", "1", "1"] for line in lines)
    assert "Entry points: “Sees an ad on Instagram”, “A friend recommends the shop”" in lines


def test_stats_json(capsys: pytest.CaptureFixture[str], clean: Path) -> None:
    code, out, _ = run(capsys, "stats", "--json", clean)
    assert code == 0
    stats = json.loads(out)
    assert stats["path"] == str(clean)
    assert (stats["touchpoints"], stats["connections"], stats["personas"]) == (11, 12, 2)
    assert stats["stages"][0] == {"id": "pre-purchase", "name": "Pre-purchase", "touchpoints": 4}
    assert stats["categories"] == {"digital": 8, "physical": 1, "human": 2}
    assert stats["ownership"] == {"owned": 8, "paid": 1, "earned": 2}
    assert [m["id"] for m in stats["moments_of_truth"]][:2] == ["tp-website", "tp-checkout"]
    assert stats["coverage"][2]["counts"] == {"digital": 2, "physical": 1, "human": 1, "none": 0}


def test_stats_of_a_map_with_broken_references_exits_2(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, out, err = run(capsys, "stats", BROKEN_FILE)
    assert code == 2
    assert out == ""
    assert (
        err == f"journeymapper: {BROKEN_FILE}: touchpoints[3].id: id 't1' is used more than once\n"
    )


# ----- the arrows, as routed --------------------------------------------------------


def test_stats_count_the_routed_arrows(capsys: pytest.CaptureFixture[str], clean: Path) -> None:
    from journeymapper.io.journey_file import load_journey
    from journeymapper.layout.engine import layout_journey
    from journeymapper.layout.routing.crossings import count_crossings

    layout = layout_journey(load_journey(clean))
    crossings = count_crossings(r.points for r in layout.routes().values())
    code, out, _ = run(capsys, "stats", "--json", clean)
    assert code == 0
    assert json.loads(out)["arrows"] == {
        "connections_routed": 12,
        "connections_hidden": 0,
        "arrow_crossings": crossings,
        "arrows_through_cards": 0,
    }
    code, out, _ = run(capsys, "stats", clean)
    lines = out.splitlines()
    at = lines.index("Arrows")
    assert lines[at + 1].split() == ["drawn", "12"]
    assert lines[at + 3].split() == ["crossings", "of", "two", "arrows", str(crossings)]
    assert lines[at + 4].split() == ["through", "a", "card", "0"]


def test_stats_count_arrows_in_a_hidden_lane_as_hidden(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    from journeymapper.analysis.demo import demo_map
    from journeymapper.io.journey_file import save_data

    data = demo_map()  # every card of it in the one lane "touchpoints"
    lanes = tuple(
        lane.model_copy(update={"hidden": lane.id == "touchpoints"}) for lane in data.lanes
    )
    path = tmp_path / "hidden.journey"
    save_data(data.model_copy(update={"lanes": lanes}), path)
    code, out, _ = run(capsys, "stats", "--json", path)
    assert code == 0
    arrows = json.loads(out)["arrows"]
    assert (arrows["connections_routed"], arrows["connections_hidden"]) == (0, 12)
    assert arrows["arrow_crossings"] == 0
