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
draws and hit-tests the rest. `SceneSync` owns every item of the map and its life.

Mouse and drag-and-drop events go to the current `interaction` (a card drag, a palette
drop, a new connection, a header drag) when there is one: one dispatch. Items report
what happens to them through `ItemHost`, and interactions work through `Canvas`
(`protocol.py`); the scene implements both, so neither imports the scene.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Mapping

from PySide6.QtCore import QPointF, QRectF, QTimer, Signal
from PySide6.QtWidgets import (
    QGraphicsItem,
    QGraphicsScene,
    QGraphicsSceneDragDropEvent,
    QGraphicsSceneMouseEvent,
)

from journeymapper.app.canvas.cell_cursor import CellCursor
from journeymapper.app.canvas.drag import CardDrag
from journeymapper.app.canvas.drop import PaletteDrop
from journeymapper.app.canvas.interaction import Interaction
from journeymapper.app.canvas.interactions import ConnectInteraction, HeaderDragInteraction
from journeymapper.app.canvas.items.card import CardItem
from journeymapper.app.canvas.items.cell_highlight import CellHighlightItem
from journeymapper.app.canvas.items.connection import ConnectionItem
from journeymapper.app.canvas.items.connection_layer import ConnectionLayer
from journeymapper.app.canvas.items.grid import GridItem
from journeymapper.app.canvas.items.handle import HandleItem
from journeymapper.app.canvas.protocol import HeaderKind
from journeymapper.app.canvas.style import CanvasStyle, backdrop
from journeymapper.app.canvas.sync import SceneSync
from journeymapper.app.canvas.text_targets import target_at
from journeymapper.app.document import Document
from journeymapper.layout.engine import LayoutChange, LayoutEngine
from journeymapper.layout.geometry import (
    MapLayout,
    Rect,
)
from journeymapper.model.document import Journey
from journeymapper.model.schema import MapState

log = logging.getLogger(__name__)

MARGIN = 60.0
EAGER_CARDS = 2_000  # a map this small gets every card item at once


class JourneyScene(CellCursor, QGraphicsScene):
    """Items for one document's journey; `layout` is always the one they show."""

    layout_changed = Signal()
    cell_changed = Signal()
    message = Signal(str)
    # Asks the view to open an in-place text editor (a `text_targets.TextTarget`).
    text_edit_requested = Signal(object)
    # Asks for keyboard capture in the current cell, starting with the given text.
    capture_requested = Signal(str)
    header_drag_started = Signal()

    def __init__(self, document: Document, engine: LayoutEngine | None = None) -> None:
        super().__init__()
        self.document = document
        self.style = CanvasStyle()
        self.setBackgroundBrush(backdrop())
        self.grid = GridItem()
        self.handle = HandleItem(self)
        self.cursor = CellHighlightItem(dashed=True)
        self.drop_target = CellHighlightItem(dashed=False)
        for item in (self.grid, self.handle, self.cursor, self.drop_target):
            self.addItem(item)
        self.sync = SceneSync(self, document, self.style, self)
        self.sync.layer.routed = self.sync.routed  # active arrows take their routes
        self.cell: tuple[str, str] | None = None
        self.reserve: tuple[str, str] | None = None  # a cell being typed into: room kept
        self._selected_connections: set[str] = set()
        self.interaction: Interaction | None = None
        self.engine = engine  # a layout already made for this journey (a map opened big)
        self.layout: MapLayout = MapLayout(0, 0, 0, {}, {}, {}, {}, {}, {}, {})
        self._stale = False
        self._touched: set[str] = set()  # touchpoints changed since the last layout
        self._relinked: set[str] = set()  # connections changed since the last layout
        self._held = False  # see hold_layout
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self.ensure_layout)
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

    @property
    def cards(self) -> Mapping[str, CardItem]:
        """The cards that have an item now (see `reveal`)."""
        return self.sync.cards

    @property
    def connections(self) -> Mapping[str, ConnectionItem]:
        """The connections that have an item now (the layer draws the others)."""
        return self.sync.connections

    @property
    def connection_layer(self) -> ConnectionLayer:
        return self.sync.layer

    def card_items(self) -> Mapping[str, QGraphicsItem]:
        return self.sync.cards

    def use_engine(self, engine: LayoutEngine) -> None:
        """Lay the next journey out with `engine`, made for it while it was opened."""
        self.engine = engine

    # ----- following the model --------------------------------------------------------

    def schedule_layout(self) -> None:
        self._stale = True
        if not self._held:
            self._timer.start()

    def hold_layout(self, held: bool) -> None:
        """While held, changes wait for one layout at the release (a burst of the room's
        cards over many turns of the event loop); `ensure_layout` still lays out now."""
        self._held = held
        if not held and self._stale:
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

    # ----- active connections (their items belong to `sync`) --------------------------

    def activate_connection(self, conn_id: str) -> ConnectionItem | None:
        """The item of a connection, made now (the layer stops drawing it meanwhile)."""
        return self.sync.activate_connection(conn_id)

    def drop_connection(self, conn_id: str) -> None:
        self.sync.drop_connection(conn_id)

    def activate_connection_at(self, pos: QPointF) -> None:
        """Make an item for the connection under `pos`, so a click or a menu finds it."""
        self.sync.activate_connection_at(pos)

    def restyle(self) -> None:
        """Repaint everything in the current theme's colours (light ↔ dark): the
        backdrop, and every item, whose device cache an update throws away."""
        self.setBackgroundBrush(backdrop())
        for item in self.items():
            item.update()
        self.update()

    # ----- what the items report (ItemHost) ---------------------------------------------

    def card_hovered(self, card_id: str, rect: Rect) -> None:
        if self.interaction is None:
            self.handle.attach(card_id, rect)

    def hover_connection(self, conn_id: str | None) -> None:
        """The pointer is over `conn_id` (or no connection), and over no card."""
        self.sync.hover_connection(conn_id, idle=self.interaction is None)

    def connection_left(self, conn_id: str) -> None:
        self.sync.release_soon(conn_id)

    def begin_connect(self, card_id: str, pos: QPointF) -> None:
        self.interaction = ConnectInteraction(self, card_id, pos)

    def begin_header_drag(self, kind: HeaderKind, ident: str, pos: QPointF) -> None:
        self.interaction = HeaderDragInteraction(self, kind, ident, pos)

    def cards_moving(self) -> bool:
        return isinstance(self.interaction, CardDrag) and self.interaction.active

    # ----- what interactions ask (Canvas) ----------------------------------------------

    def follow_cards(self, card_ids: Iterable[str]) -> None:
        self.sync.follow_cards(card_ids)

    def show_drop_cell(self, cell: tuple[str, str] | None) -> None:
        if cell is None:
            self.drop_target.setVisible(False)
        else:
            self.drop_target.show_at(self.layout.cell(*cell))

    def attach_handle(self, card_id: str | None) -> None:
        self.handle.attach(card_id, self.card_rect(card_id) if card_id else None)

    def end_interaction(self, interaction: object) -> None:
        if self.interaction is interaction:
            self.interaction = None

    def _selection_changed(self) -> None:
        """Selection is view state: it never goes on the undo stack."""
        self._place_handle()
        selected = set(self.selected_connection_ids())
        for conn_id in self._selected_connections - selected:
            self.sync.release_soon(conn_id)  # back to the layer once at rest
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

    # ----- gestures -------------------------------------------------------------------

    def request_text_edit(self, target: object) -> None:
        self.text_edit_requested.emit(target)

    def card_rect(self, card_id: str) -> Rect | None:
        """Where a card is now: its item's place (dragged, maybe), else the layout's."""
        return self.sync.card_rect(card_id)

    # ----- events: one dispatch, to the interaction when there is one -----------------

    def _takes_over(self) -> Interaction | None:
        """The interaction that has the mouse to itself (not a native one)."""
        interaction = self.interaction
        return interaction if interaction is not None and not interaction.native else None

    def mousePressEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        self.ensure_layout()
        if (interaction := self._takes_over()) is not None:
            interaction.mouse_press(event)
            return
        self.activate_connection_at(event.scenePos())
        super().mousePressEvent(event)  # an item may start an interaction (handle, header)
        if self.interaction is None:
            self.interaction = CardDrag.begin(self, self.mouseGrabberItem(), event)
            if self.interaction is None and not event.isAccepted():
                self.set_cell(self.layout.card_lane_at(event.scenePos().x(), event.scenePos().y()))

    def mouseMoveEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        if (interaction := self._takes_over()) is not None:
            interaction.mouse_move(event)
            return
        super().mouseMoveEvent(event)
        if self.interaction is not None:
            self.interaction.mouse_move(event)

    def mouseReleaseEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        if (interaction := self._takes_over()) is not None:
            interaction.mouse_release(event)
            super().mouseReleaseEvent(event)
            return
        super().mouseReleaseEvent(event)
        if self.interaction is not None:
            self.interaction.mouse_release(event)

    def mouseDoubleClickEvent(self, event: QGraphicsSceneMouseEvent) -> None:
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

    def dragEnterEvent(self, event: QGraphicsSceneDragDropEvent) -> None:
        if self.interaction is None:
            self.interaction = PaletteDrop.begin(self, event)
        if self.interaction is not None:
            self.interaction.drag_enter(event)
        else:
            event.ignore()

    def dragMoveEvent(self, event: QGraphicsSceneDragDropEvent) -> None:
        if self.interaction is not None:
            self.interaction.drag_move(event)
        else:
            event.ignore()

    def dragLeaveEvent(self, event: QGraphicsSceneDragDropEvent) -> None:
        if self.interaction is not None:
            self.interaction.drag_leave(event)

    def dropEvent(self, event: QGraphicsSceneDragDropEvent) -> None:
        if self.interaction is not None:
            self.interaction.drop(event)
        else:
            event.ignore()
