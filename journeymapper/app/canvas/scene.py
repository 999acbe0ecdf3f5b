"""The canvas scene: a view of the journey that follows the model's signals.

Every model signal marks the layout stale and names what changed; a zero-delay timer
coalesces a burst of them (a paste of fifty cards) into one update of the layout
engine and one pass that creates, updates and removes the items of what changed
through id → item maps. Nothing here changes the model directly: user gestures become
edits pushed on the document's undo stack, and the scene redraws when the model says
what changed.

A big map has items only where they are needed: card items for the card columns the
view has shown (`reveal`; every card of a map up to `EAGER_CARDS`), connection items
for the connections that are active (`activate_connection`); the connection layer
draws and hit-tests the rest.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from typing import TYPE_CHECKING

from PySide6.QtCore import QPointF, QRectF, QTimer, Signal
from PySide6.QtWidgets import QGraphicsItem, QGraphicsScene, QGraphicsSceneMouseEvent

from journeymapper.app.canvas.drag import CardDrag
from journeymapper.app.canvas.drop import PaletteDrop
from journeymapper.app.canvas.items.card import CardItem
from journeymapper.app.canvas.items.cell_highlight import CellHighlightItem
from journeymapper.app.canvas.items.connection import ConnectionItem
from journeymapper.app.canvas.items.connection_layer import ConnectionLayer
from journeymapper.app.canvas.items.grid import GridItem
from journeymapper.app.canvas.items.handle import HandleItem
from journeymapper.app.canvas.style import CanvasStyle, backdrop
from journeymapper.app.canvas.sync import SceneSync
from journeymapper.app.document import Document
from journeymapper.layout.engine import LayoutChange, LayoutEngine
from journeymapper.layout.geometry import (
    CARD_GAP_X,
    CARD_W,
    CELL_PAD,
    LANE_HEADER_W,
    MapLayout,
    Rect,
)
from journeymapper.model.builders import next_slot
from journeymapper.model.document import Journey
from journeymapper.model.schema import LaneKind, MapState

if TYPE_CHECKING:
    from journeymapper.app.canvas.interactions import Interaction
    from journeymapper.app.canvas.items.lane_header import LaneHeaderItem
    from journeymapper.app.canvas.items.stage_header import StageHeaderItem

log = logging.getLogger(__name__)

MARGIN = 60.0
EAGER_CARDS = 2_000  # a map this small gets every card item at once


class JourneyScene(QGraphicsScene):
    """Items for one document's journey; `layout` is always the one they show."""

    layout_changed = Signal()
    cell_changed = Signal()
    message = Signal(str)
    # Asks the view to open an in-place text editor (an `editors.TextTarget`).
    text_edit_requested = Signal(object)
    # Asks for keyboard capture in the current cell, starting with the given text.
    capture_requested = Signal(str)
    header_drag_started = Signal()

    def __init__(self, document: Document, engine: LayoutEngine | None = None) -> None:
        super().__init__()
        self.document = document
        self.style = CanvasStyle()
        self.setBackgroundBrush(backdrop())
        self.cards: dict[str, CardItem] = {}  # the cards that have an item (see `reveal`)
        self.connections: dict[str, ConnectionItem] = {}  # the active connections
        self.grid = GridItem()
        self.connection_layer = ConnectionLayer(self.style)
        self.handle = HandleItem()
        self.cursor = CellHighlightItem(dashed=True)
        self.drop_target = CellHighlightItem(dashed=False)
        for item in (self.grid, self.connection_layer, self.handle, self.cursor, self.drop_target):
            self.addItem(item)
        self.cell: tuple[str, str] | None = None
        self.reserve: tuple[str, str] | None = None  # a cell being typed into: room kept
        self._selected_connections: set[str] = set()
        self.interaction: Interaction | None = None
        self.sync = SceneSync(self)
        self.connection_layer.routed = self.sync.routed  # active arrows take their routes
        self.drag = CardDrag(self)
        self.drops = PaletteDrop(self)
        self.engine = engine  # a layout already made for this journey (a map opened big)
        self.layout: MapLayout = MapLayout(0, 0, 0, {}, {}, {}, {}, {}, {}, {})
        self._stale = False
        self._touched: set[str] = set()  # touchpoints changed since the last layout
        self._relinked: set[str] = set()  # connections changed since the last layout
        self._hovered: str | None = None  # a connection activated by hovering it
        self._releasing: set[str] = set()
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self.ensure_layout)
        self._release_timer = QTimer(self)
        self._release_timer.setSingleShot(True)
        self._release_timer.setInterval(0)
        self._release_timer.timeout.connect(self._release_connections)
        signals = document.signals
        signals.changed.connect(self.schedule_layout)
        for signal in (
            signals.touchpoint_added,
            signals.touchpoint_changed,
            signals.touchpoint_removed,
        ):
            signal.connect(self._touch_card)
        for signal in (
            signals.connection_added,
            signals.connection_changed,
            signals.connection_removed,
        ):
            signal.connect(self._touch_connection)
        document.replaced.connect(self.rebuild)
        self.selectionChanged.connect(self._selection_changed)
        self.rebuild()

    @property
    def journey(self) -> Journey:
        return self.document.journey

    # ----- following the model --------------------------------------------------------

    def schedule_layout(self) -> None:
        self._stale = True
        self._timer.start()

    def put_back(self, card_ids: Iterable[str]) -> None:
        """Return cards a refused drag left astray to where the layout has them."""
        self._touched.update(card_ids)
        self.schedule_layout()

    def _touch_card(self, card_id: str) -> None:
        self._touched.add(card_id)

    def _touch_connection(self, conn_id: str) -> None:
        self._relinked.add(conn_id)

    def ensure_layout(self) -> None:
        """Bring the items up to date now if the model changed since the last layout."""
        if not self._stale:
            return
        self._stale = False
        self._timer.stop()
        self._relayout()

    def rebuild(self) -> None:
        """Throw every item away and build them again (a new journey was loaded)."""
        self.interaction = None
        self.cell = None
        self._hovered = None
        self.sync.clear()
        self._stale = False
        if self.engine is not None and self.engine.journey is not self.journey:
            self.engine = None
        self._relayout(full=True)

    def _relayout(self, full: bool = False) -> None:
        touched, self._touched = self._touched, set()
        relinked, self._relinked = self._relinked, set()
        if self.engine is None or self.engine.journey is not self.journey:
            self.engine = LayoutEngine(self.journey, self.reserve)
            full = True
        change = self.engine.update(touched, reserve=self.reserve)
        if full:
            change = LayoutChange(full=True)
        self.layout = self.engine.layout
        self.style.scale = self.journey.info.emotion_scale
        self.style.persona_colors = {p.id: p.color for p in self.journey.personas}
        if self.style.highlighted_persona not in self.style.persona_colors:
            self.style.highlighted_persona = None
        self.sync.apply(self.layout, change, touched, relinked)
        if len(self.layout.cards) <= EAGER_CARDS:
            self.sync.reveal_all(self.layout)
        info = self.journey.info
        state = "Future state" if info.state is MapState.FUTURE else "Current state"
        self.grid.set_layout(self.layout, info.title, state)
        bounds = QRectF(0, 0, self.layout.width, self.layout.height)
        self.connection_layer.set_extent(bounds.adjusted(-200, -200, 200, 200))
        self.setSceneRect(bounds.adjusted(-MARGIN, -MARGIN, MARGIN, MARGIN))
        self._validate_cell()
        self._place_handle()
        self.layout_changed.emit()

    def reveal(self, rect: QRectF) -> int:
        """Give the cards in `rect` (scene) items, if they have none yet: the view calls
        this for what it is about to show. Returns the number of items made."""
        return self.sync.reveal(self.layout, rect)

    def reveal_all(self) -> None:
        """Give every card an item (a whole-canvas image, Select All)."""
        self.ensure_layout()
        self.sync.reveal_all(self.layout)

    def card_item(self, card_id: str) -> CardItem | None:
        """The item of a card, made now if the view has not been there yet."""
        item = self.cards.get(card_id)
        if item is None and card_id in self.layout.cards:
            r = self.layout.cards[card_id].rect
            self.reveal(QRectF(r.x + 1, r.y + 1, 1, 1))
            item = self.cards.get(card_id)
        return item

    # ----- active connections ---------------------------------------------------------

    def activate_connection(self, conn_id: str) -> ConnectionItem | None:
        """The item of a connection, made now (the layer stops drawing it meanwhile)."""
        item = self.connections.get(conn_id)
        if item is not None or not self.journey.has_connection(conn_id):
            return item
        conn = self.journey.connection(conn_id)
        route = self.layout.routing.current(conn_id)
        if route is None:
            return None
        item = ConnectionItem(conn_id, route, conn.label, self.style)
        self.addItem(item)
        self.connections[conn_id] = item
        self.connection_layer.activate(conn_id)
        return item

    def release_connection_soon(self, conn_id: str) -> None:
        """Hand a connection back to the layer once it is at rest (not during the event
        that made it so: Qt may still be delivering it to the item)."""
        self._releasing.add(conn_id)
        self._release_timer.start()

    def _release_connections(self) -> None:
        ids, self._releasing = self._releasing, set()
        for conn_id in ids:
            item = self.connections.get(conn_id)
            if item is not None and item.resting and conn_id != self._hovered:
                self.drop_connection(conn_id)

    def drop_connection(self, conn_id: str) -> None:
        item = self.connections.pop(conn_id, None)
        if item is not None:
            item.setSelected(False)
            self.removeItem(item)
        self.connection_layer.deactivate(conn_id)
        self._selected_connections.discard(conn_id)
        if self._hovered == conn_id:
            self._hovered = None

    def hover_connection(self, conn_id: str | None) -> None:
        """The pointer is over `conn_id` (or no connection), and over no card."""
        if conn_id == self._hovered:
            return
        previous, self._hovered = self._hovered, None
        if previous is not None:
            self.release_connection_soon(previous)
        idle = self.interaction is None and not self.drag.active
        if conn_id is not None and idle and self.activate_connection(conn_id) is not None:
            self._hovered = conn_id

    def activate_connection_at(self, pos: QPointF) -> None:
        """Make an item for the connection under `pos`, so a click or a menu finds it."""
        conn_id = self.connection_layer.connection_at(pos)
        if conn_id is not None:
            self.activate_connection(conn_id)
            self.release_connection_soon(conn_id)  # unless the click selects it

    def restyle(self) -> None:
        """Repaint everything in the current theme's colours (light ↔ dark): the
        backdrop, and every item, whose device cache an update throws away."""
        self.setBackgroundBrush(backdrop())
        for item in self.items():
            item.update()
        self.update()

    # ----- what the items ask ---------------------------------------------------------

    def card_moved(self, item: CardItem) -> None:
        """A card moved under the mouse: it stays inside the map's cells, and its
        connections and handle follow it live."""
        layout, rect, pos = self.layout, item.geometry.rect, item.pos()
        x = min(max(pos.x(), LANE_HEADER_W), layout.width - rect.w)
        y = min(max(pos.y(), layout.header_h), layout.height - rect.h)
        if (x, y) != (pos.x(), pos.y()):
            item.setPos(x, y)
        self.sync.follow_card(item)
        if self.handle.card_id == item.card_id:
            self.handle.attach(item.card_id, item.scene_rect())

    def card_hovered(self, item: CardItem) -> None:
        if self.interaction is None and not self.drag.active:
            self.handle.attach(item.card_id, item.scene_rect())

    def _selection_changed(self) -> None:
        """Selection is view state: it never goes on the undo stack."""
        self._place_handle()
        selected = set(self.selected_connection_ids())
        for conn_id in self._selected_connections - selected:
            self.release_connection_soon(conn_id)  # back to the layer once at rest
        self._selected_connections = selected

    def _place_handle(self) -> None:
        selected = self.selected_card_ids()
        card_id = selected[0] if len(selected) == 1 else self.handle.card_id
        item = self.cards.get(card_id) if card_id else None
        self.handle.attach(card_id if item else None, item.scene_rect() if item else None)

    # ----- selection ------------------------------------------------------------------

    def selected_card_ids(self) -> list[str]:
        return [i.card_id for i in self.selectedItems() if isinstance(i, CardItem)]

    def selected_connection_ids(self) -> list[str]:
        return [i.conn_id for i in self.selectedItems() if isinstance(i, ConnectionItem)]

    def selected_ids(self) -> list[str]:
        """The ids of everything selected: cards, connections, stage and lane headers."""
        ids = []
        for item in self.selectedItems():
            ident = getattr(item, "card_id", None) or getattr(item, "conn_id", None)
            ident = ident or getattr(item, "stage_id", None) or getattr(item, "lane_id", None)
            if ident:
                ids.append(ident)
        return ids

    def selected_card_rects(self) -> list[QRectF]:
        rects = []
        for card_id in self.selected_card_ids():
            r = self.layout.cards[card_id].rect if card_id in self.layout.cards else None
            if r is not None:
                rects.append(QRectF(r.x, r.y, r.w, r.h))
        return rects

    def select_ids(self, ids: Iterable[str]) -> list[QGraphicsItem]:
        """Select the cards, connections and headers named by `ids`; returns the items
        (made now for cards and connections that have none)."""
        self.ensure_layout()
        wanted = set(ids)
        cards = [c for i in wanted if i in self.layout.cards and (c := self.card_item(i))]
        links = [c for i in wanted if (c := self.activate_connection(i)) is not None]
        items: list[QGraphicsItem] = [
            *cards,
            *links,
            *(h for h in self.sync.stage_headers.values() if h.stage_id in wanted),
            *(h for h in self.sync.lane_headers.values() if h.lane_id in wanted),
        ]
        self.clearSelection()
        for item in items:
            item.setSelected(True)
        return items

    def items_rect(self, items: Iterable[QGraphicsItem]) -> QRectF:
        rect = QRectF()
        for item in items:
            rect = rect.united(item.sceneBoundingRect())
        return rect

    # ----- the cell cursor (keyboard capture) -----------------------------------------

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

    def next_card_position(self, stage_id: str, lane_id: str) -> tuple[float, float]:
        """Where the next card typed into a cell appears (its free column, at the top)."""
        slot = next_slot(self.journey, stage_id, lane_id)
        cell = self.layout.cell(stage_id, lane_id)
        return (cell.x + CELL_PAD + slot.column * (CARD_W + CARD_GAP_X), cell.y + CELL_PAD)

    # ----- gestures -------------------------------------------------------------------

    def begin_connect(self, card_id: str, pos: QPointF) -> None:
        from journeymapper.app.canvas.interactions import ConnectInteraction

        self.interaction = ConnectInteraction(self, card_id, pos)

    def begin_header_drag(
        self, header: StageHeaderItem | LaneHeaderItem, event: QGraphicsSceneMouseEvent
    ) -> None:
        from journeymapper.app.canvas.interactions import HeaderDragInteraction

        self.interaction = HeaderDragInteraction(self, header, event.scenePos())

    def request_text_edit(self, target: object) -> None:
        self.text_edit_requested.emit(target)

    def card_rect(self, card_id: str) -> Rect | None:
        """Where a card is now: its item's place (dragged, maybe), else the layout's."""
        item = self.cards.get(card_id)
        if item is not None:
            return item.scene_rect()
        geometry = self.layout.cards.get(card_id)
        return geometry.rect if geometry is not None else None

    # ----- events -----------------------------------------------------------------------

    def mousePressEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        self.ensure_layout()
        if self.interaction is not None:
            self.interaction.mouse_press(event)
            return
        self.activate_connection_at(event.scenePos())
        super().mousePressEvent(event)
        if self.interaction is None:
            self.drag.pressed(event)
            if not event.isAccepted():
                self.set_cell(self.layout.card_lane_at(event.scenePos().x(), event.scenePos().y()))

    def mouseMoveEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        if self.interaction is not None:
            self.interaction.mouse_move(event)
            return
        super().mouseMoveEvent(event)
        self.drag.moved(event)

    def mouseReleaseEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        if self.interaction is not None:
            interaction = self.interaction
            interaction.mouse_release(event)
            super().mouseReleaseEvent(event)
            return
        super().mouseReleaseEvent(event)
        self.drag.released(event)

    def mouseDoubleClickEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        from journeymapper.app.canvas.editors import target_at

        self.ensure_layout()
        self.activate_connection_at(event.scenePos())
        target = target_at(self, event.scenePos())
        if target is not None:
            event.accept()
            self.request_text_edit(target)
            return
        cell = self.layout.card_lane_at(event.scenePos().x(), event.scenePos().y())
        if cell is not None:
            event.accept()
            self.clearSelection()
            self.set_cell(cell)
            self.capture_requested.emit("")
            return
        super().mouseDoubleClickEvent(event)

    def dragEnterEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        self.drops.enter(event)

    def dragMoveEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        self.drops.move(event)

    def dragLeaveEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        self.drops.leave(event)

    def dropEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        self.drops.drop(event)
