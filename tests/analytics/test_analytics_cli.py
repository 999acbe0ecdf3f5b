"""`journeymapper analyze` and `journeymapper discover` through the real entry point."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from journeymapper.cli import main as cli
from journeymapper.io.journey_file import load_journey, save_data
from tests.analytics.logs import oracle, shop_log, write_csv, write_xes
from tests.analytics.shop_map import shop_map_data


def run(capsys: pytest.CaptureFixture[str], *args: object) -> tuple[int, str, str]:
    code = cli.main([str(a) for a in args])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def files(tmp_path: Path) -> tuple[Path, Path]:
    journey = tmp_path / "shop.journey"
    save_data(shop_map_data(), journey)
    return journey, write_xes(tmp_path / "shop.xes", shop_log())


def test_analyze_json_has_the_promised_shape(capsys, files) -> None:
    journey, log = files
    code, out, err = run(capsys, "analyze", journey, log, "--json")
    assert code == 0, err
    data = json.loads(out)
    assert (data["cases"], data["events"]) == (4, 14)
    expected = oracle(shop_log())
    found = {(t["source"], t["target"]): t for t in data["transitions"]}
    assert {p: t["count"] for p, t in found.items()} == {p: v[0] for p, v in expected.items()}
    assert found["Visited website", "Checkout"]["median_seconds"] == 900.0
    touchpoints = {t["id"]: t for t in data["touchpoints"]}
    assert touchpoints["site"] == {"id": "site", "name": "Website visit", "cases": 3, "share": 0.75}
    conformance = data["conformance"]
    assert conformance["fit"] == 0.5
    assert {(u["source"], u["target"]) for u in conformance["undesigned"]} == {
        ("ad", "checkout"),
        ("checkout", "site"),
    }
    mapped = {m["activity"]: m["touchpoint"] for m in data["mapping"]}
    assert mapped == {
        "Saw ad": "ad",
        "Visited website": "site",
        "Checkout": "checkout",
        "Order confirmation": "confirm",
    }


def test_analyze_text_and_strict_fit(capsys, files) -> None:
    journey, log = files
    code, out, _ = run(capsys, "analyze", journey, log)
    assert code == 0
    assert "shop.xes: 4 cases, 14 events, 2024-03-01 – 2024-03-01" in out
    assert "Conformance: 50.0 % of cases follow the map (2 of 4)" in out
    assert "Checkout → Website visit: 1, 5 min, 5 min  [not on the map]" in out
    code, _, err = run(capsys, "analyze", journey, log, "--strict", "--min-fit", "80%")
    assert code == 1
    assert "50.0 % of cases follow the map, below --min-fit 80 %" in err
    assert run(capsys, "analyze", journey, log, "--strict", "--min-fit", "0.5")[0] == 0


def test_analyze_segment_needs_a_column_and_filters(capsys, tmp_path, files) -> None:
    journey, _ = files
    events = shop_log()
    path = write_csv(
        tmp_path / "seg.csv",
        events,
        extra={"channel": ["web" if e[0] in {"c1", "c2"} else "store" for e in events]},
    )
    code, _, err = run(capsys, "analyze", journey, path, "--segment-value", "web")
    assert code == 2
    assert "--segment-value needs --segment COL" in err
    code, out, _ = run(
        capsys, "analyze", journey, path, "--segment", "channel", "--segment-value", "web", "--json"
    )
    assert code == 0
    data = json.loads(out)
    assert data["cases"] == 2
    assert data["filter"] == "segment “web”"
    assert data["conformance"]["fit"] == 1.0


def test_keep_stores_the_figures_in_the_map(capsys, files) -> None:
    journey, log = files
    assert run(capsys, "analyze", journey, log, "--keep")[0] == 0
    analytics = load_journey(journey).info.analytics
    assert analytics is not None
    assert analytics.figures is not None
    assert analytics.figures.log == "shop.xes"
    assert analytics.mapping["Checkout"] == "checkout"
    assert journey.with_suffix(".journey.bak").exists()


def test_discover_writes_a_draft_and_refuses_to_replace(capsys, tmp_path, files) -> None:
    _, log = files
    out_path = tmp_path / "draft.journey"
    code, out, _ = run(capsys, "discover", log, "-o", out_path, "--min-flow", "0.3")
    assert code == 0
    assert out.startswith(f"wrote {out_path} (4 touchpoints, ")
    draft = load_journey(out_path)
    assert draft.info.analytics is not None
    assert run(capsys, "discover", log, "-o", out_path)[0] == 1
    code, out, _ = run(capsys, "analyze", out_path, log, "--json")
    assert code == 0
    assert json.loads(out)["conformance"]["mapped_cases"] == 4
