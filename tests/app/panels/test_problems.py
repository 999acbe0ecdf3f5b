"""The problems dock: live findings, refreshed off the UI thread, click to select."""

from __future__ import annotations

from PySide6.QtCore import Qt

from journeymapper.model.builders import new_stage
from journeymapper.model.edits import AddStage


def findings_text(window) -> list[str]:
    items = window.features.problems_dock.tree
    return [items.item(i).text() for i in range(items.count())]


def test_findings_follow_edits_and_a_click_selects_the_subjects(window, qtbot) -> None:
    dock = window.features.problems_dock
    qtbot.waitUntil(lambda: dock.tree.count() > 0 or "No problems" in dock.summary.text())
    before = dock.tree.count()
    stage = new_stage(window.document.journey, "Loyalty")
    window.document.push(AddStage(stage))
    qtbot.waitUntil(lambda: any("Loyalty" in text for text in findings_text(window)), timeout=3000)
    assert dock.tree.count() > before
    assert "problem" in window.features.status.problems.text()
    row = next(i for i, t in enumerate(findings_text(window)) if "Loyalty" in t)
    item = dock.tree.item(row)
    rect = dock.tree.visualItemRect(item)
    from PySide6.QtTest import QTest

    QTest.mouseClick(
        dock.tree.viewport(),
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
        rect.center(),
    )
    qtbot.waitUntil(lambda: bool(window.scene.selectedItems()))
    selected = window.scene.selectedItems()
    assert [getattr(i, "stage_id", None) for i in selected] == [stage.id]


def test_clicking_a_finding_about_a_card_selects_and_centres_it(window, qtbot) -> None:
    from journeymapper.model.edits import Disconnect

    journey = window.document.journey
    for conn in journey.connections_of(["review"]):
        window.document.push(Disconnect(conn.id))
    dock = window.features.problems_dock
    qtbot.waitUntil(
        lambda: any("Leaves a review" in t for t in findings_text(window)), timeout=3000
    )
    row = next(i for i, t in enumerate(findings_text(window)) if "Leaves a review" in t)
    dock.tree.itemClicked.emit(dock.tree.item(row))
    assert "review" in window.scene.selected_card_ids()
    view = window.view
    visible = view.mapToScene(view.viewport().rect()).boundingRect()
    assert visible.intersects(window.scene.cards["review"].sceneBoundingRect())


def test_validation_results_from_an_older_map_are_dropped(window, qtbot) -> None:
    validator = window.features.problems_dock.validator
    qtbot.waitUntil(lambda: not validator._running and bool(validator.findings), timeout=3000)
    current = list(validator.findings)
    validator._running = True
    validator._done(validator.generation - 1, [])
    assert validator.findings == current


def test_validation_reads_a_snapshot_while_the_map_changes(window, qtbot, monkeypatch) -> None:
    import threading

    from journeymapper.app.panels import problems
    from journeymapper.model.edits import RemoveTouchpoint

    journey = window.document.journey
    validator = window.features.problems_dock.validator
    qtbot.waitUntil(lambda: not validator.busy)
    validator.cancel_pending()
    gate, seen = threading.Event(), []

    def slow_validate(subject):  # type: ignore[no-untyped-def]
        gate.wait(5)
        seen.append((subject, subject.touchpoint_count(), subject.has_touchpoint("ad")))
        return []

    monkeypatch.setattr(problems, "validate", slow_validate)
    count = journey.touchpoint_count()
    validator.run()
    window.document.push(RemoveTouchpoint("ad"))  # on the UI thread, mid-run
    gate.set()
    qtbot.waitUntil(lambda: bool(seen))
    subject, counted, has_ad = seen[0]
    assert subject is not journey
    assert (counted, has_ad) == (count, True)
    assert not journey.has_touchpoint("ad")
