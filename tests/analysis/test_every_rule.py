"""The rule catalogue as a whole: each rule fires where it should, and nowhere on a good map."""

from __future__ import annotations

import re
from collections import defaultdict
from pathlib import Path

import pytest

from journeymapper.analysis import RULES, Severity, validate, validate_data
from journeymapper.analysis.demo import demo_map
from journeymapper.io.journey_file import read_data, to_json
from journeymapper.model.document import Journey
from journeymapper.model.templates import blank_map
from tests.analysis.maps import BROKEN_FILE, EVERY_RULE_FILE, broken_data, every_rule_data

README = Path(__file__).parents[2] / "README.md"


def subjects_by_rule(findings: list) -> dict[str, list[tuple[str, ...]]]:
    found: dict[str, list[tuple[str, ...]]] = defaultdict(list)
    for finding in findings:
        found[finding.rule].append(finding.subjects)
    return dict(found)


EXPECTED_EVERY_RULE = {
    "JM004": [("c-tp-app-tp-app", "tp-app")],
    "JM011": [("s-checkout",), ("s-support",)],
    "JM012": [("s-checkout",)],
    "JM013": [("s-support",)],
    "JM014": [()],
    "JM015": [()],
    "JM020": [("tp-gift",)],
    "JM021": [("tp-stray",), ("tp-stray-end",)],
    "JM022": [("tp-size",)],
    "JM023": [("tp-stray", "tp-stray-end")],
    "JM024": [("c-tp-app-tp-page", "tp-app", "tp-page")],
    "JM030": [("tp-ad",)],
    "JM031": [
        ("tp-ad",),
        ("tp-page",),
        ("tp-size",),
        ("tp-stray",),
        ("tp-app",),
        ("tp-gift",),
        ("tp-stray-end",),
    ],
    "JM032": [("tp-page",)],
    "JM040": [("p-ana",), ("p-ben",)],
}

EXPECTED_BROKEN = {
    "JM001": [("t1",)],
    "JM002": [("t2",), ("t3",), ("c3",)],
    "JM003": [("c2", "c1")],
    "JM005": [("t1",), ("t3",), ("t1",)],
    "JM006": [("t3",)],
    "JM007": [()],
}


def test_the_every_rule_map_triggers_each_journey_rule_with_its_subjects() -> None:
    assert subjects_by_rule(validate_data(every_rule_data())) == EXPECTED_EVERY_RULE


def test_broken_data_triggers_each_integrity_rule_with_its_subjects() -> None:
    assert subjects_by_rule(validate_data(broken_data())) == EXPECTED_BROKEN


def test_an_empty_map_only_says_it_is_empty() -> None:
    findings = validate(Journey(blank_map()))
    assert [(f.rule, f.severity) for f in findings] == [("JM010", Severity.INFO)]


def test_between_them_the_test_maps_trigger_every_registered_rule() -> None:
    # JM016 (a card in live co-editing's holding stage) fires in
    # test_coverage_rules.py and tests/sync/test_conflicts.py
    fired = set(EXPECTED_EVERY_RULE) | set(EXPECTED_BROKEN) | {"JM010", "JM016"}
    assert fired == set(RULES)


def test_the_realistic_demo_map_triggers_no_rule() -> None:
    assert validate_data(demo_map()) == []


def test_findings_are_sorted_by_severity_then_rule() -> None:
    findings = validate_data(every_rule_data())
    keys = [(f.severity.rank, f.rule) for f in findings]
    assert keys == sorted(keys)
    assert findings[0].severity is Severity.ERROR
    assert findings[-1].severity is Severity.INFO


def test_each_finding_carries_its_rules_name_and_severity() -> None:
    for finding in validate_data(every_rule_data()) + validate_data(broken_data()):
        rule = RULES[finding.rule]
        assert (finding.name, finding.severity) == (rule.name, rule.severity)
        assert finding.message.endswith(".")


def test_messages_name_cards_and_stages_by_name_never_by_id() -> None:
    messages = {f.rule: f.message for f in validate_data(every_rule_data())}
    assert messages["JM022"] == (
        "“Size guide” is a dead end: no connection leads on from it, before the last stage."
    )
    assert "“Support”" in messages["JM011"]
    for message in messages.values():
        assert not re.search(r"\btp-|\bs-", message), message


def test_rule_ids_and_names_are_well_formed() -> None:
    for rule_id, rule in RULES.items():
        assert re.fullmatch(r"JM\d{3}", rule_id)
        assert rule.id == rule_id
        assert re.fullmatch(r"[a-z]+(-[a-z]+)*", rule.name)
        assert rule.summary.endswith(".")
        assert rule.fix.endswith(".")


def test_the_readme_documents_every_rule_with_its_severity() -> None:
    text = README.read_text(encoding="utf-8")
    for rule in RULES.values():
        row = re.search(rf"^\| `{rule.id}` .*$", text, re.MULTILINE)
        assert row, f"{rule.id} missing from the README's rule table"
        assert f"| {rule.severity.value} |" in row.group(0)
        assert f"`{rule.name}`" in row.group(0)


@pytest.mark.parametrize(
    ("path", "build"), [(EVERY_RULE_FILE, every_rule_data), (BROKEN_FILE, broken_data)]
)
def test_stored_maps_are_current(path: Path, build: object) -> None:
    """The command-line tests read these files; they must be the maps built above."""
    assert path.read_text(encoding="utf-8") == to_json(build())  # type: ignore[operator]
    assert read_data(path) == build()  # type: ignore[operator]
