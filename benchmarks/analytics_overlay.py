"""The analytics overlay on a generated 500-touchpoint map: geometry and repaint.

The map is benchmarks/generate.py's; its figures are made up the way a log would give
them (every connection taken, one undesigned step per ten cards, every card reached),
so no log is read here: what is timed is the overlay alone.
"""

from __future__ import annotations

import random
from collections.abc import Callable

from benchmarks.run import Timed
from journeymapper.layout.analytics_overlay import overlay
from journeymapper.layout.engine import layout_journey
from journeymapper.model.document import Journey
from journeymapper.model.log_figures import Flow, LogFigures, Reach, StageFlow


def figures_for(journey: Journey, seed: int = 7) -> LogFigures:
    rng = random.Random(seed)
    ids = sorted(tp.id for tp in journey.touchpoints())
    flows = [
        Flow(
            source=s,
            target=t,
            count=rng.randint(1, 5000),
            median_seconds=rng.uniform(1, 9e4),
            p90_seconds=rng.uniform(9e4, 9e5),
        )
        for s, t in journey.connection_ends().values()
    ]
    for _ in range(len(ids) // 10):
        s, t = rng.sample(ids, 2)
        if journey.connection_between(s, t) is None:
            flows.append(Flow(source=s, target=t, count=rng.randint(1, 500)))
    return LogFigures(
        log="generated.xes",
        cases=10_000,
        events=200_000,
        mapped_cases=10_000,
        fitting=8_000,
        reach=tuple(Reach(touchpoint=i, cases=rng.randint(1, 10_000)) for i in ids),
        flows=tuple(flows),
        stages=tuple(StageFlow(stage=s.id, cases=5000, dropped=300) for s in journey.stages),
    )


def _journey(size: int) -> Journey:
    from benchmarks.generate import generate_map

    return Journey(generate_map(size))


def overlay_geometry(size: int) -> Callable[[], object]:
    journey = _journey(size)
    layout = layout_journey(journey)
    figures = figures_for(journey)
    return lambda: overlay(journey, layout, figures)


def overlay_paint(size: int, zoom: float | None = None, cold: bool = True) -> Timed:
    """Repaint the overlay in a 1920 × 1080 view: the whole map fitted, or at `zoom` (1.0:
    100 %) on the middle of the map. Before each repaint the items are invalidated, so
    their per-view cache does not count: this is the repaint after an edit or a zoom. With
    `cold` False the overlay is left as it is: a frame where something else changed (a
    hover, a selection, a dragged card)."""
    from PySide6.QtCore import QRectF, Qt
    from PySide6.QtWidgets import QGraphicsScene, QGraphicsView

    from benchmarks.editor import _app
    from journeymapper.app.analytics.overlay import AnalyticsOverlay
    from journeymapper.model.edits import UpdateInfo
    from journeymapper.model.log_figures import LogAnalytics

    app = _app()
    journey = _journey(size)
    journey.apply(UpdateInfo({"analytics": LogAnalytics(figures=figures_for(journey))}))
    layout = layout_journey(journey)
    scene = QGraphicsScene()
    drawn = AnalyticsOverlay(scene, journey)
    drawn.refresh(layout)
    view = QGraphicsView(scene)
    view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    view.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    view.resize(1920, 1080)
    view.show()
    app.processEvents()
    if zoom is None:
        view.fitInView(
            QRectF(0, 0, layout.width, layout.height), Qt.AspectRatioMode.KeepAspectRatio
        )
    else:
        view.scale(zoom, zoom)
        view.centerOn(layout.width / 2, layout.height / 2)
    viewport = view.viewport()

    def invalidate() -> None:
        drawn.arrows.update()
        drawn.figures_item.update()

    def paint() -> object:
        viewport.repaint()
        return scene  # (kept alive with the closure: the items die with the scene)

    paint()  # the first frame prepares text and paths, as a user's first frame does
    return Timed(paint, before=invalidate if cold else None, cleanup=view.close)
