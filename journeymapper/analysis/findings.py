"""What the coverage rules report: findings, their severities, and the registry of rules.

Every rule is registered once, here, with an id that never changes (`JM001`…), so a
finding can be looked up, filtered and documented (the README table and
`journeymapper validate` read this registry) without running anything.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Severity(StrEnum):
    """How much a finding matters: an error breaks the map, info may be deliberate."""

    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    @property
    def rank(self) -> int:
        """0 for the most severe, so sorting by rank puts errors first."""
        return _RANKS[self]


_RANKS = {Severity.ERROR: 0, Severity.WARNING: 1, Severity.INFO: 2}


@dataclass(frozen=True, slots=True)
class Finding:
    """One problem in a map: which rule, how bad, a sentence, and the ids to select.

    `subjects` are ids of stages, touchpoints, connections or personas, in the order
    the sentence names them.
    """

    rule: str
    name: str
    severity: Severity
    message: str
    subjects: tuple[str, ...] = ()

    def sort_key(self) -> tuple[int, str]:
        return (self.severity.rank, self.rule)

    def to_dict(self) -> dict[str, object]:
        """The JSON form `journeymapper validate --json` prints."""
        return {
            "rule": self.rule,
            "severity": self.severity.value,
            "message": self.message,
            "subjects": list(self.subjects),
        }


@dataclass(frozen=True, slots=True)
class Rule:
    """A coverage rule's identity and documentation; `finding()` makes its reports."""

    id: str
    name: str
    severity: Severity
    summary: str
    fix: str

    def finding(self, message: str, subjects: tuple[str, ...] | list[str] = ()) -> Finding:
        return Finding(self.id, self.name, self.severity, message, tuple(subjects))


RULES: dict[str, Rule] = {}


def register(rule_id: str, name: str, severity: Severity, summary: str, fix: str) -> Rule:
    """Add a rule to the registry; ids and names must be unique."""
    if rule_id in RULES:
        raise ValueError(f"rule {rule_id} is registered twice")
    if any(rule.name == name for rule in RULES.values()):
        raise ValueError(f"rule name {name!r} is registered twice")
    rule = Rule(rule_id, name, severity, summary, fix)
    RULES[rule_id] = rule
    return rule


def sort_findings(findings: list[Finding]) -> list[Finding]:
    """Errors first, then warnings, then info; by rule id within each; stable otherwise."""
    return sorted(findings, key=Finding.sort_key)
