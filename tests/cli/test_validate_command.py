"""`journeymapper validate`, called through `main([...])` as the shell would."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from journeymapper.analysis import RULES
from journeymapper.model.schema import FORMAT_VERSION
from tests.analysis.maps import BROKEN_FILE, EVERY_RULE_FILE
from tests.cli.helpers import run

# ----- validate -------------------------------------------------------------------


def test_validate_a_clean_map_exits_0(capsys: pytest.CaptureFixture[str], clean: Path) -> None:
    code, out, err = run(capsys, "validate", clean)
    assert code == 0
    assert out == f"{clean}: no findings: the map passes every rule\n"
    assert err == ""


def test_validate_prints_one_line_per_finding_and_exits_1_on_errors(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, out, err = run(capsys, "validate", EVERY_RULE_FILE)
    assert code == 1
    lines = out.splitlines()
    assert lines[0] == (
        f"{EVERY_RULE_FILE}: JM004 error: “Loyalty app” is connected to itself; delete that "
        "connection. [c-tp-app-tp-app, tp-app]"
    )
    assert (
        f"{EVERY_RULE_FILE}: JM022 warning: “Size guide” is a dead end: no connection leads "
        "on from it, before the last stage. [tp-size]"
    ) in lines
    assert lines[-1] == f"{EVERY_RULE_FILE}: 1 error, 21 warnings, 2 info"
    assert len(lines) == 25
    assert err == ""


def test_warnings_pass_unless_strict(capsys: pytest.CaptureFixture[str], warned: Path) -> None:
    code, out, _ = run(capsys, "validate", warned)
    assert code == 0
    assert " warning: " in out
    assert " error: " not in out
    code, _, _ = run(capsys, "validate", "--strict", warned)
    assert code == 1


def test_strict_passes_a_clean_map(capsys: pytest.CaptureFixture[str], clean: Path) -> None:
    assert run(capsys, "validate", "--strict", clean)[0] == 0


def test_validate_json_shape(capsys: pytest.CaptureFixture[str], clean: Path) -> None:
    code, out, _ = run(capsys, "validate", "--json", clean, BROKEN_FILE)
    assert code == 1
    report = json.loads(out)
    assert [f["path"] for f in report["files"]] == [str(clean), str(BROKEN_FILE)]
    assert report["files"][0]["findings"] == []
    first = report["files"][1]["findings"][0]
    assert first == {
        "rule": "JM001",
        "severity": "error",
        "message": "touchpoints[3].id (“Copy of the ad”): id 't1' is used more than once.",
        "subjects": ["t1"],
    }
    assert {f["rule"] for f in report["files"][1]["findings"]} == {
        "JM001",
        "JM002",
        "JM003",
        "JM005",
        "JM006",
        "JM007",
    }


def test_validate_reports_broken_references_as_findings_not_as_unreadable(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, out, err = run(capsys, "validate", BROKEN_FILE)
    assert code == 1
    assert out.splitlines()[-1] == f"{BROKEN_FILE}: 10 errors, 0 warnings, 0 info"
    assert err == ""


BAD_FILES = {
    "not-json.journey": b"{ this is not json",
    "not-utf8.journey": b'{"format": "journeymapper", "title": "\xff"}',
    "newer.journey": b'{"format": "journeymapper", "version": 99}',
    "wrong-type.journey": b'{"format": "journeymapper", "version": 2, "stages": 5}',
    "not-ours.journey": b'{"format": "something-else", "version": 1}',
}


@pytest.mark.parametrize("name", sorted(BAD_FILES))
def test_an_unreadable_file_is_one_stderr_line_and_exit_2(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, name: str
) -> None:
    path = tmp_path / name
    path.write_bytes(BAD_FILES[name])
    code, out, err = run(capsys, "validate", path)
    assert code == 2
    assert out == ""
    assert err.count("\n") == 1
    assert err.startswith(f"journeymapper: {path}: ")
    assert "Traceback" not in err


def test_a_newer_version_names_both_versions(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = tmp_path / "newer.journey"
    path.write_bytes(BAD_FILES["newer.journey"])
    _, _, err = run(capsys, "validate", path)
    assert "format version 99" in err
    assert str(FORMAT_VERSION) in err.split("format version 99", 1)[1]


def test_a_missing_file_and_a_folder_are_unreadable(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    code, _, err = run(capsys, "validate", tmp_path / "absent.journey")
    assert code == 2
    assert "absent.journey" in err
    assert err.count("\n") == 1
    code, _, err = run(capsys, "validate", tmp_path)
    assert code == 2
    assert err.count("\n") == 1


def test_other_files_are_still_checked_after_an_unreadable_one(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, clean: Path
) -> None:
    bad = tmp_path / "bad.journey"
    bad.write_bytes(b"[]")
    code, out, err = run(capsys, "validate", bad, clean)
    assert code == 2
    assert f"{clean}: no findings" in out
    assert err.count("\n") == 1
    code, out, _ = run(capsys, "validate", "--json", bad, clean)
    report = json.loads(out)["files"]
    assert report[0]["path"] == str(bad)
    assert report[0]["findings"] == []
    assert report[0]["error"].startswith(str(bad))
    assert report[1] == {"path": str(clean), "findings": []}


def test_validate_lists_the_rules_from_the_registry(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "validate", "--rules")
    assert code == 0
    lines = out.splitlines()
    assert len(lines) == len(RULES)
    assert lines[0].split()[:3] == ["JM001", "error", "duplicate-id"]
    code, out, _ = run(capsys, "validate", "--rules", "--json")
    rules = json.loads(out)["rules"]
    assert [r["rule"] for r in rules] == sorted(RULES)
    assert rules[0]["fix"] == RULES["JM001"].fix


def test_validate_needs_a_file(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "validate")
    assert code == 2
    assert "FILE" in err
