"""Keeps the scene's items matching the layout: the one owner of every id → item map
and of every item's life.

Cards get items only where the view has been (`reveal`): a 100,000-card map opens
showing the overview and makes items for the few hundred cards a zoomed-in view
shows, column by column, as it scrolls there. Connections get an item only while
active — hovered, selected, following a dragged card — and the connection layer draws
the rest (`activate_connection`, `release_soon`). After an edit, `apply` touches only
the cards the layout engine reports changed and the connections of those cards.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable
from typing import Any, TypeVar

from PySide6.QtCore import QPointF, QRectF, QTimer
from PySide6.QtWidgets import QGraphicsItem, QGraphicsScene

from journeymapper.app.canvas.items.card import CardItem
from journeymapper.app.canvas.items.connection import ConnectionItem
from journeymapper.app.canvas.items.connection_layer import ConnectionLayer
from journeymapper.app.canvas.items.emotion_curve import EmotionLaneItem
from journeymapper.app.canvas.items.lane_header import LaneHeaderItem
from journeymapper.app.canvas.items.list_cell import ListCellItem
from journeymapper.app.canvas.items.notes_cell import NotesCellItem
from journeymapper.app.canvas.items.stage_header import StageHeaderItem
from journeymapper.app.canvas.protocol import ItemHost
from journeymapper.app.canvas.style import CanvasStyle
from journeymapper.app.document import Document
from journeymapper.layout.engine import LayoutChange
from journeymapper.layout.geometry import CARD_GAP_X, CARD_W, CELL_PAD, MapLayout, Rect
from journeymapper.model.document import Journey
from journeymapper.model.schema import LaneKind

K = TypeVar("K", bound=Hashable)
I = TypeVar("I", bound=QGraphicsItem)  # noqa: E741

_LIST_KINDS = (LaneKind.PAIN_POINTS, LaneKind.OPPORTUNITIES)
_PITCH = CARD_W + CARD_GAP_X
Column = tuple[str, str, int]  # stage id, lane id, card column


class SceneSync:
    """The items of one scene, made, updated and removed from the layout."""

    def __init__(
        self, scene: QGraphicsScene, document: Document, style: CanvasStyle, host: ItemHost
    ) -> None:
        self.scene = scene
        self.document = document
        self.style = style
        self.host = host
        self.cards: dict[str, CardItem] = {}  # the cards that have an item (see `reveal`)
        self.connections: dict[str, ConnectionItem] = {}  # the active connections
        self.layer = ConnectionLayer(style, host)
        scene.addItem(self.layer)
        self.layout: MapLayout | None = None
        self.hovered: str | None = None  # a connection activated by hovering it
        self._releasing: set[str] = set()
        self._release_timer = QTimer(scene)
        self._release_timer.setSingleShot(True)
        self._release_timer.setInterval(0)
        self._release_timer.timeout.connect(self._release)
        self.stage_headers: dict[str, StageHeaderItem] = {}
        self.lane_headers: dict[str, LaneHeaderItem] = {}
        self.notes: dict[tuple[str, str], NotesCellItem] = {}
        self.lists: dict[tuple[str, str], ListCellItem] = {}
        self.emotion: dict[str, EmotionLaneItem] = {}
        self.labels: dict[str, str] = {}  # the labelled connections' labels
        self._made: set[Column] = set()  # card columns whose every card has an item

    @property
    def journey(self) -> Journey:
        return self.document.journey

    def _maps(self) -> tuple[dict[Any, QGraphicsItem], ...]:
        return (
            self.cards,  # type: ignore[return-value]  # dicts are invariant: items of subclasses
            self.connections,
            self.stage_headers,
            self.lane_headers,
            self.notes,
            self.lists,
            self.emotion,
        )

    def clear(self) -> None:
        self.layer.clear()
        self.hovered = None
        self._made.clear()
        self.scene.clearSelection()
        for items in self._maps():
            for item in items.values():
                self.scene.removeItem(item)
            items.clear()

    def apply(
        self,
        layout: MapLayout,
        change: LayoutChange,
        touchpoints: Iterable[str] = (),
        connections: Iterable[str] = (),
    ) -> None:
        """Show `layout`. Unless `change.full`, only the cards in `change.cards` or
        `touchpoints` and the connections `connections` (or of those cards) changed."""
        self.layout = layout
        touched = set(touchpoints)
        self._cards(layout, change, touched)
        self._connections(layout, change, touched | change.cards, set(connections))
        self._headers(layout)
        self._cells(layout)

    # ----- cards ------------------------------------------------------------------------

    def _cards(self, layout: MapLayout, change: LayoutChange, touched: set[str]) -> None:
        scene, cards = self.scene, self.cards
        if change.full:
            for card_id in [c for c in cards if c not in layout.cards]:
                scene.removeItem(cards.pop(card_id))
            for card_id, item in cards.items():
                item.update_from(self.journey.touchpoint(card_id), layout.cards[card_id])
            made, self._made = self._made, set()
            self._make_columns(layout, made)
            return
        for card_id in touched | change.cards:
            geometry, item = layout.cards.get(card_id), cards.get(card_id)
            if geometry is None:
                if item is not None:
                    scene.removeItem(cards.pop(card_id))
                continue
            tp = self.journey.touchpoint(card_id)
            if item is not None:
                item.update_from(tp, geometry)
            elif (tp.stage, tp.lane, tp.slot.column) in self._made:
                self._make(card_id, layout)

    def _make(self, card_id: str, layout: MapLayout) -> None:
        tp = self.journey.touchpoint(card_id)
        item = CardItem(tp, layout.cards[card_id], self.style, self.host)
        self.scene.addItem(item)
        self.cards[card_id] = item

    def _make_columns(self, layout: MapLayout, columns: Iterable[Column]) -> int:
        """Give every card of `columns` an item; the number of items made."""
        made, cards = 0, self.cards
        for key in columns:
            if key in self._made:
                continue
            self._made.add(key)
            stage_id, lane_id, col = key
            for card_id in layout.columns.get((stage_id, lane_id), {}).get(col, ()):
                if card_id not in cards and card_id in layout.cards:
                    self._make(card_id, layout)
                    made += 1
        return made

    def reveal(self, layout: MapLayout, rect: QRectF) -> int:
        """Make items for the cards of every card column `rect` (scene) touches; the
        number made. Columns, not single cards: a column is a few quick comparisons."""
        wanted: list[Column] = []
        left, right = rect.left(), rect.right()
        rows = [
            lane_id
            for lane_id, row in layout.lanes.items()
            if row.y < rect.bottom() and row.bottom > rect.top()
        ]
        for stage_id, column in layout.stages.items():
            if column.x >= right or column.right <= left:
                continue
            first = int((left - column.x - CELL_PAD) // _PITCH)
            last = int((right - column.x - CELL_PAD) // _PITCH)
            for lane_id in rows:
                cols = layout.columns.get((stage_id, lane_id))
                if cols:
                    wanted += [(stage_id, lane_id, c) for c in cols if first <= c <= last]
        return self._make_columns(layout, wanted)

    def reveal_all(self, layout: MapLayout) -> int:
        return self._make_columns(
            layout, [(s, lane, c) for (s, lane), cols in layout.columns.items() for c in cols]
        )

    # ----- connections ------------------------------------------------------------------

    def _connections(
        self, layout: MapLayout, change: LayoutChange, cards: set[str], touched: set[str]
    ) -> None:
        layer, journey = self.layer, self.journey
        if change.full:
            self.labels = {c.id: c.label for c in journey.connections() if c.label}
            layer.reset(layout, self.labels)
        else:
            succ, pred = journey.flow._succ, journey.flow._pred
            for card_id in cards:
                for adjacency in (succ, pred):
                    for data in adjacency.get(card_id, {}).values():
                        touched.add(data["conn"].id)
            for conn_id in touched:
                label = journey.connection(conn_id).label if journey.has_connection(conn_id) else ""
                if label:
                    self.labels[conn_id] = label
                else:
                    self.labels.pop(conn_id, None)
            if len(touched) > max(2_000, len(layout.connection_ends) // 4):
                layer.reset(layout, self.labels)  # cheaper to index everything again
            else:
                layer.refresh(layout, self.labels, touched)
        self.routed()

    def routed(self) -> None:
        """The active connections take their current routes (a routing finished)."""
        layout = self.layout
        if layout is None:
            return
        for conn_id, item in list(self.connections.items()):
            route = layout.routing.current(conn_id)
            if route is None:  # gone, or a card in a hidden lane
                self.drop_connection(conn_id)
                continue
            item.live = False
            item.set_route(route, self.labels.get(conn_id, ""))
            item.refresh()
            if item.resting:
                self.release_soon(conn_id)

    def follow_cards(self, card_ids: Iterable[str]) -> None:
        """Re-route the connections of cards being dragged, from the cards' places now:
        only these few, provisionally (the full routing follows the drop)."""
        if self.layout is None:
            return
        routing, cards = self.layout.routing, self.layout.cards
        for conn in self.journey.connections_of(card_ids):
            source, target = self.card_rect(conn.source), self.card_rect(conn.target)
            if source is None or target is None:
                continue
            item = self.activate_connection(conn.id)
            moved = {
                card_id: rect
                for card_id, rect in ((conn.source, source), (conn.target, target))
                if card_id not in cards or cards[card_id].rect != rect
            }
            route = routing.sketch(conn.source, conn.target, moved)
            if item is not None and route is not None:
                item.live = True
                item.set_route(route)

    def card_rect(self, card_id: str) -> Rect | None:
        """Where a card is now: its item's place (dragged, maybe), else the layout's."""
        item = self.cards.get(card_id)
        if item is not None:
            return item.scene_rect()
        geometry = self.layout.cards.get(card_id) if self.layout is not None else None
        return geometry.rect if geometry is not None else None

    # ----- active connections: an item while hovered, selected or following a drag ------

    def activate_connection(self, conn_id: str) -> ConnectionItem | None:
        """The item of a connection, made now (the layer stops drawing it meanwhile)."""
        item = self.connections.get(conn_id)
        if item is not None or not self.journey.has_connection(conn_id):
            return item
        conn = self.journey.connection(conn_id)
        route = self.layout.routing.current(conn_id) if self.layout is not None else None
        if route is None:
            return None
        item = ConnectionItem(conn_id, route, conn.label, self.style, self.host)
        self.scene.addItem(item)
        self.connections[conn_id] = item
        self.layer.activate(conn_id)
        return item

    def activate_connection_at(self, pos: QPointF) -> None:
        """Make an item for the connection under `pos`, so a click or a menu finds it."""
        conn_id = self.layer.connection_at(pos)
        if conn_id is not None:
            self.activate_connection(conn_id)
            self.release_soon(conn_id)  # unless the click selects it

    def release_soon(self, conn_id: str) -> None:
        """Hand a connection back to the layer once it is at rest (not during the event
        that made it so: Qt may still be delivering it to the item)."""
        self._releasing.add(conn_id)
        self._release_timer.start()

    def _release(self) -> None:
        ids, self._releasing = self._releasing, set()
        for conn_id in ids:
            item = self.connections.get(conn_id)
            if item is not None and item.resting and conn_id != self.hovered:
                self.drop_connection(conn_id)

    def drop_connection(self, conn_id: str) -> None:
        item = self.connections.pop(conn_id, None)
        if item is not None:
            item.setSelected(False)
            self.scene.removeItem(item)
        self.layer.deactivate(conn_id)
        if self.hovered == conn_id:
            self.hovered = None

    def hover_connection(self, conn_id: str | None, idle: bool) -> None:
        """The pointer is over `conn_id` (or no connection), and over no card; `idle`
        when no gesture runs (only then does hovering make an item)."""
        if conn_id == self.hovered:
            return
        previous, self.hovered = self.hovered, None
        if previous is not None:
            self.release_soon(previous)
        if conn_id is not None and idle and self.activate_connection(conn_id) is not None:
            self.hovered = conn_id

    # ----- headers and cells -----------------------------------------------------------

    def _headers(self, layout: MapLayout) -> None:
        journey = self.journey
        counts: dict[str, int] = {}
        for (stage_id, _), columns in layout.columns.items():
            counts[stage_id] = counts.get(stage_id, 0) + sum(len(ids) for ids in columns.values())
        stages = {s.id: s for s in journey.stages}
        self._sync(
            self.stage_headers,
            layout.stages,
            lambda k: StageHeaderItem(stages[k], self.host),
            lambda k, item: item.update_from(
                stages[k], layout.stage_header(k), layout.stage_titles[k], counts.get(k, 0)
            ),
        )
        lanes = {lane.id: lane for lane in journey.lanes}
        self._sync(
            self.lane_headers,
            layout.lanes,
            lambda k: LaneHeaderItem(lanes[k], self.host),
            lambda k, item: item.update_from(
                lanes[k], layout.lane_header(k), layout.lane_titles[k]
            ),
        )

    def _cells(self, layout: MapLayout) -> None:
        kinds = layout.lane_kinds
        stages = list(layout.stages)
        notes = [
            (lane, s) for lane, kind in kinds.items() if kind is LaneKind.NOTES for s in stages
        ]
        self._sync(
            self.notes,
            notes,
            lambda k: NotesCellItem(*k),
            lambda k, item: item.update_from(layout.cell(k[1], k[0]), layout.notes.get(k, ())),
        )
        lists = [(lane, s) for lane, kind in kinds.items() if kind in _LIST_KINDS for s in stages]
        self._sync(
            self.lists,
            lists,
            lambda k: ListCellItem(k[0], k[1], kinds[k[0]]),
            lambda k, item: item.update_from(
                layout.cell(k[1], k[0]), layout.lists.get(k, ()), self._names(layout, k)
            ),
        )
        self._sync(
            self.emotion,
            layout.emotion,
            lambda k: EmotionLaneItem(k, self.style),
            lambda k, item: item.update_from(
                layout.lanes[k], layout.emotion[k], {p.id: p.name for p in self.journey.personas}
            ),
        )

    def _names(self, layout: MapLayout, key: tuple[str, str]) -> dict[str, str]:
        journey = self.journey
        ids = {i for item in layout.lists.get(key, ()) for i in item.touchpoints[:4]}
        return {i: journey.touchpoint(i).name for i in ids if journey.has_touchpoint(i)}

    def _sync(
        self,
        items: dict[K, I],
        keys: Iterable[K],
        make: Callable[[K], I],
        update: Callable[[K, I], None],
    ) -> None:
        wanted = list(keys)
        keep = set(wanted)
        for key in [k for k in items if k not in keep]:
            self.scene.removeItem(items.pop(key))
        for key in wanted:
            item = items.get(key)
            if item is None:
                item = make(key)
                self.scene.addItem(item)
                items[key] = item
            update(key, item)
