"""Focus on one stage: the others veiled, the view gliding to it, capture typing there.

Page Down / Page Up step through the stages, Home shows the whole map again. The
focus is a stage id (it survives edits, and ends when its stage is deleted). The view
follows with a short animation that never blocks input: each frame just sets the
zoom and the centre, and a new step starts from wherever the last one got to.

The view frames the whole stage column — its header and every visible lane — at the
largest zoom that shows it (up to `MAX_PRESENT_ZOOM` while presenting, 150 % in the
editor), so nothing of the stage is ever below the screen. The first stage is framed
with the lane headers beside it; any other leaves room at the left for the lane names
pinned there (`canvas/sticky.py`), so they never cover the stage's cards.

The capture cell follows the focus (typing adds cards to the focused stage), and the
focus follows the cell (Tab to the next stage while capturing moves the focus too).
"""

from __future__ import annotations

import math

from PySide6.QtCore import (
    QEasingCurve,
    QEvent,
    QObject,
    QPointF,
    QRectF,
    QVariantAnimation,
    Signal,
)

from journeymapper.app.context import EditorContext
from journeymapper.app.present.dim_item import StageDimItem
from journeymapper.app.present.look import MAX_PRESENT_ZOOM
from journeymapper.layout.geometry import LANE_HEADER_W
from journeymapper.model.schema import LaneKind

ANIMATION_MS = 260
MARGIN = 24.0  # scene units around a focused stage
EDITOR_ZOOM = 1.5  # the most a stage is enlarged in the editor


class StageFocus(QObject):
    changed = Signal()

    def __init__(self, context: EditorContext) -> None:
        super().__init__(context.parent)
        self.context = context
        self.scene = context.scene
        self.view = context.view
        self.stage_id: str | None = None
        self.presenting = False
        self.dim = StageDimItem()
        self.scene.addItem(self.dim)
        self._glide = QVariantAnimation(self)
        self._glide.setDuration(ANIMATION_MS)
        self._glide.setStartValue(0.0)
        self._glide.setEndValue(1.0)
        self._glide.setEasingCurve(QEasingCurve.Type.OutCubic)
        self._glide.valueChanged.connect(self._glide_step)
        self._from = (1.0, QPointF())
        self._to = (1.0, QPointF())
        self.scene.layout_changed.connect(self.refresh)
        self.scene.cell_changed.connect(self._cell_changed)
        self.view.viewport().installEventFilter(self)
        self.view.walked.connect(self._walked)
        context.document.replaced.connect(lambda: self.set(None, follow=False))

    # ----- choosing -------------------------------------------------------------------

    def stage_ids(self) -> list[str]:
        return [s.id for s in self.context.document.journey.stages]

    def step(self, delta: int) -> None:
        """The next (+1) or previous (−1) stage; from the whole map, the first or last."""
        ids = self.stage_ids()
        if not ids:
            return
        if self.stage_id not in ids:
            start = self._cell_stage()
            index = ids.index(start) if start in ids else (0 if delta > 0 else len(ids) - 1)
            self.set(ids[index])
            return
        index = min(max(ids.index(self.stage_id) + delta, 0), len(ids) - 1)
        self.set(ids[index])

    def set(self, stage_id: str | None, follow: bool = True) -> None:
        if stage_id is not None and stage_id not in self.stage_ids():
            stage_id = None
        changed = stage_id != self.stage_id
        self.stage_id = stage_id
        self.refresh()
        if stage_id is not None:
            self._move_cell(stage_id)
        if follow:
            self.follow()
        if changed:
            self.changed.emit()

    def keep_cell(self) -> None:
        """Put the cell back in the focused stage (after Esc cleared it)."""
        if self.stage_id is not None:
            self._move_cell(self.stage_id)

    def _cell_stage(self) -> str | None:
        cell = self.scene.cell
        return cell[0] if cell is not None else None

    def _move_cell(self, stage_id: str) -> None:
        """Typing adds to the focused stage: the cell moves there, in the same lane."""
        scene = self.scene
        if self.view.text_editing.active or (scene.cell is not None and scene.cell[0] == stage_id):
            return
        lanes = [i for i, k in scene.layout.lane_kinds.items() if k is LaneKind.TOUCHPOINTS]
        if not lanes:
            return
        lane = scene.cell[1] if scene.cell is not None and scene.cell[1] in lanes else lanes[0]
        scene.set_cell((stage_id, lane))

    def _cell_changed(self) -> None:
        stage = self._cell_stage()
        if self.stage_id is not None and stage is not None and stage != self.stage_id:
            self.set(stage)
        elif stage is None and self.presenting:
            self.keep_cell()  # while presenting, typing always goes to the focused stage

    def _walked(self, ident: str) -> None:
        """The keyboard walked to a card (or an arrow) in another stage: focus it."""
        journey = self.context.document.journey
        if self.stage_id is None:
            return
        if journey.has_connection(ident):
            link = journey.connection(ident)
            stages = {journey.touchpoint(e).stage for e in (link.source, link.target)}
            if self.stage_id not in stages:
                self.set(journey.touchpoint(link.source).stage)
        elif journey.has_touchpoint(ident) and journey.touchpoint(ident).stage != self.stage_id:
            self.set(journey.touchpoint(ident).stage)

    def refresh(self) -> None:
        """The layout changed (or the focus did): veil the right rectangles."""
        journey = self.context.document.journey
        if self.stage_id is not None and self.stage_id not in self.stage_ids():
            self.stage_id = None
            self.changed.emit()
        color = journey.stage(self.stage_id).color if self.stage_id else ""
        self.dim.show_focus(self.scene.layout, self.stage_id, color)

    # ----- the view follows -------------------------------------------------------------

    def target(self) -> tuple[float, QPointF] | None:
        """The zoom and centre that show the focus (None: fit the whole map)."""
        layout = self.scene.layout
        if self.stage_id is None or self.stage_id not in layout.stages:
            return None
        r = layout.stages[self.stage_id]
        first = r.x <= LANE_HEADER_W + 0.5
        left = 0.0 if first else r.x - MARGIN
        frame = QRectF(left, -MARGIN, r.right + MARGIN - left, layout.height + 2 * MARGIN)
        port = self.view.viewport().rect()
        pins = 0.0 if first else self.view.lane_pins_width()
        room = max(1.0, port.width() - pins)
        cap = MAX_PRESENT_ZOOM if self.presenting else EDITOR_ZOOM
        zoom = min(room / frame.width(), port.height() / frame.height(), cap)
        # the frame centred in the room right of the pinned lane names
        return zoom, QPointF(frame.center().x() - pins / (2 * zoom), frame.center().y())

    def follow(self, animate: bool = True) -> None:
        goal = self.target()
        self._glide.stop()
        if goal is None:
            self.view.fit_all()
            return
        self._from = (self.view.zoom, self.view.center())
        self._to = goal
        if animate and ANIMATION_MS > 0:
            self._glide.start()
        else:
            self._glide_step(1.0)

    def _glide_step(self, value: float) -> None:
        t = float(value)  # (the animation's valueChanged carries its float as a QVariant)
        (z0, c0), (z1, c1) = self._from, self._to
        zoom = z1 if t >= 1.0 else math.exp(math.log(z0) + (math.log(z1) - math.log(z0)) * t)
        self.view.set_zoom(zoom)
        self.view.centerOn(c0 + (c1 - c0) * t)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # While presenting the canvas may change size under a framed stage (the bar takes
        # a second row, the window reaches full screen): frame it again.
        if (
            event.type() == QEvent.Type.Resize
            and self.presenting
            and self.stage_id is not None
            and not self.gliding
        ):
            self.follow(animate=False)
        return False

    @property
    def gliding(self) -> bool:
        return self._glide.state() == QVariantAnimation.State.Running
