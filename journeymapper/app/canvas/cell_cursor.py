"""The cell cursor of keyboard capture: the stage × touchpoints-lane cell that typing
adds cards to, drawn as a dashed frame with a ghost card where the next card goes.

A part of `JourneyScene` (a mixin: the scene's own state, kept in a module of its own).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from journeymapper.layout.geometry import CARD_GAP_X, CARD_W, CELL_PAD
from journeymapper.model.builders import next_slot
from journeymapper.model.schema import LaneKind

if TYPE_CHECKING:  # the attributes the scene provides (no import of the scene)
    from PySide6.QtCore import SignalInstance

    from journeymapper.app.canvas.items.cell_highlight import CellHighlightItem
    from journeymapper.layout.geometry import MapLayout
    from journeymapper.model.document import Journey


class CellCursor:
    cell: tuple[str, str] | None
    reserve: tuple[str, str] | None
    if TYPE_CHECKING:
        cursor: CellHighlightItem
        cell_changed: SignalInstance
        layout: MapLayout

        @property
        def journey(self) -> Journey: ...

        def selected_card_ids(self) -> list[str]: ...

        def schedule_layout(self) -> None: ...

        def ensure_layout(self) -> None: ...

    def set_cell(self, cell: tuple[str, str] | None) -> None:
        if cell != self.cell:
            self.cell = cell
            self._show_cell()
            self.cell_changed.emit()

    def _validate_cell(self) -> None:
        if self.cell is not None and self.cell[0] not in self.layout.stages:
            self.cell = None
        if self.cell is not None and self.cell[1] not in self.layout.lanes:
            self.cell = None
        self._show_cell()

    def _show_cell(self) -> None:
        if self.cell is None:
            self.cursor.setVisible(False)
            return
        stage_id, lane_id = self.cell
        self.cursor.show_at(
            self.layout.cell(stage_id, lane_id),
            self.next_card_position(stage_id, lane_id),
            "Type to add a touchpoint",
        )

    def set_reserve(self, cell: tuple[str, str] | None) -> None:
        """Keep a free card column in `cell` (capture is typing there), or none."""
        if cell != self.reserve:
            self.reserve = cell
            self.schedule_layout()
            self.ensure_layout()

    def move_cell(self, stage_step: int, lane_step: int) -> None:
        """Move the cell cursor by stages and by touchpoints lanes, stopping at the edges."""
        self.ensure_layout()
        stages = list(self.layout.stages)
        lanes = [i for i, kind in self.layout.lane_kinds.items() if kind is LaneKind.TOUCHPOINTS]
        if not stages or not lanes:
            return
        if self.cell is None:
            self.set_cell(self.default_cell())
            return
        stage = stages.index(self.cell[0]) if self.cell[0] in stages else 0
        lane = lanes.index(self.cell[1]) if self.cell[1] in lanes else 0
        stage = min(max(stage + stage_step, 0), len(stages) - 1)
        lane = min(max(lane + lane_step, 0), len(lanes) - 1)
        self.set_cell((stages[stage], lanes[lane]))

    def default_cell(self) -> tuple[str, str] | None:
        """The cell typing starts in: the selected card's, or the first touchpoints cell."""
        selected = self.selected_card_ids()
        if selected and self.journey.has_touchpoint(selected[-1]):
            tp = self.journey.touchpoint(selected[-1])
            if tp.stage in self.layout.stages and tp.lane in self.layout.lanes:
                return (tp.stage, tp.lane)
        stages = list(self.layout.stages)
        lanes = [i for i, kind in self.layout.lane_kinds.items() if kind is LaneKind.TOUCHPOINTS]
        return (stages[0], lanes[0]) if stages and lanes else None

    def last_card_in(self, cell: tuple[str, str] | None) -> str | None:
        """The card a new one typed into `cell` comes after: its last column's last card."""
        columns = self.layout.columns.get(cell) if cell is not None else None
        filled = [ids for _, ids in sorted(columns.items()) if ids] if columns else []
        return filled[-1][-1] if filled else None

    def next_card_position(self, stage_id: str, lane_id: str) -> tuple[float, float]:
        """Where the next card typed into a cell appears (its free column, at the top)."""
        slot = next_slot(self.journey, stage_id, lane_id)
        cell = self.layout.cell(stage_id, lane_id)
        return (cell.x + CELL_PAD + slot.column * (CARD_W + CARD_GAP_X), cell.y + CELL_PAD)
