"""Qt-free analysis of a journey map: coverage rules, paths, moments of truth, coverage.

Everything here is a pure function of a `Journey` (or, for integrity, of its file
data); nothing changes the map. Importing the package registers every rule in `RULES`.
"""

from journeymapper.analysis.findings import RULES, Finding, Rule, Severity
from journeymapper.analysis.matrix import CoverageMatrix, coverage_matrix
from journeymapper.analysis.personas import PersonaPaths, persona_paths
from journeymapper.analysis.stats import MapStats, map_stats
from journeymapper.analysis.truth import moments_of_truth
from journeymapper.analysis.validation import validate, validate_data

__all__ = [
    "RULES",
    "CoverageMatrix",
    "Finding",
    "MapStats",
    "PersonaPaths",
    "Rule",
    "Severity",
    "coverage_matrix",
    "map_stats",
    "moments_of_truth",
    "persona_paths",
    "validate",
    "validate_data",
]
