"""The stage × category coverage matrix and the summary counts."""

from __future__ import annotations

from journeymapper.analysis import coverage_matrix, map_stats
from journeymapper.analysis.demo import demo_map
from journeymapper.analysis.matrix import CATEGORIES
from journeymapper.model.document import Journey
from journeymapper.model.schema import Category, Ownership
from tests.analysis.maps import card, journey

D, P, H = Category.DIGITAL, Category.PHYSICAL, Category.HUMAN


def sample() -> Journey:
    cards = [
        card("tp-a", "s1", category=D),
        card("tp-b", "s1", category=D),
        card("tp-c", "s1", category=H, ownership=Ownership.EARNED, channel="referral"),
        card("tp-d", "s2", category=P, channel="store_visit"),
        card("tp-e", "s2", category=None),
    ]
    return journey(cards, [("tp-a", "tp-d"), ("tp-b", "tp-d"), ("tp-c", "tp-d")])


def test_matrix_counts_each_touchpoint_once() -> None:
    matrix = coverage_matrix(sample())
    assert CATEGORIES == (D, P, H, None)
    assert matrix.row("s1") == (2, 0, 1, 0)
    assert matrix.row("s2") == (0, 1, 0, 1)
    assert matrix.row("s3") == (0, 0, 0, 0)
    assert [matrix.column_total(c) for c in CATEGORIES] == [2, 1, 1, 1]
    assert sum(sum(matrix.row(s.id)) for s in matrix.stages) == 5


def test_matrix_empty_cells_skip_the_no_category_column() -> None:
    empty = coverage_matrix(sample()).empty_cells()
    assert empty == [("s1", P), ("s2", D), ("s2", H), ("s3", D), ("s3", P), ("s3", H)]


def test_matrix_of_an_empty_map_is_all_zero() -> None:
    matrix = coverage_matrix(journey([]))
    assert [matrix.row(s.id) for s in matrix.stages] == [(0, 0, 0, 0)] * 3


def test_stats_counts() -> None:
    stats = map_stats(sample())
    assert (stats.touchpoints, stats.connections, stats.personas) == (5, 3, 0)
    assert [(c.key, c.count) for c in stats.stages] == [("s1", 3), ("s2", 2), ("s3", 0)]
    assert [(c.key, c.count) for c in stats.lanes] == [("touchpoints", 5)]
    assert [(c.key, c.count) for c in stats.categories] == [
        ("digital", 2),
        ("physical", 1),
        ("human", 1),
        ("none", 1),
    ]
    assert [(c.key, c.count) for c in stats.ownership] == [("owned", 4), ("paid", 0), ("earned", 1)]
    assert stats.channels[0] == stats.channels[0].__class__("", "No channel", 3)
    assert {c.label for c in stats.channels[1:]} == {
        "Referral / word of mouth",
        "Store visit / in-store display",
    }
    assert stats.moments_of_truth == ("tp-d",)
    assert stats.entries == ("tp-a", "tp-b", "tp-c")


def test_stats_of_the_demo_map() -> None:
    stats = map_stats(Journey(demo_map()))
    assert stats.touchpoints == 11
    assert stats.connections == 12
    assert stats.personas == 2
    assert stats.moments_of_truth[0] == "tp-website"
    assert stats.moments_of_truth[-1] == "tp-review"
