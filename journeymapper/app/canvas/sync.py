"""Keeps the scene's items matching the layout: one id → item map per kind of item.

Cards get items only where the view has been (`reveal`): a 100,000-card map opens
showing the overview and makes items for the few hundred cards a zoomed-in view
shows, column by column, as it scrolls there. Connections get an item only while
active (the connection layer draws the rest). After an edit, `apply` touches only the
cards the layout engine reports changed and the connections of those cards.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable
from typing import TYPE_CHECKING, TypeVar

from PySide6.QtCore import QRectF
from PySide6.QtWidgets import QGraphicsItem

from journeymapper.app.canvas.items.card import CardItem
from journeymapper.app.canvas.items.emotion_curve import EmotionLaneItem
from journeymapper.app.canvas.items.lane_header import LaneHeaderItem
from journeymapper.app.canvas.items.list_cell import ListCellItem
from journeymapper.app.canvas.items.notes_cell import NotesCellItem
from journeymapper.app.canvas.items.stage_header import StageHeaderItem
from journeymapper.layout.engine import LayoutChange
from journeymapper.layout.geometry import CARD_GAP_X, CARD_W, CELL_PAD, MapLayout
from journeymapper.model.schema import LaneKind

if TYPE_CHECKING:
    from journeymapper.app.canvas.scene import JourneyScene

K = TypeVar("K", bound=Hashable)
I = TypeVar("I", bound=QGraphicsItem)  # noqa: E741

_LIST_KINDS = (LaneKind.PAIN_POINTS, LaneKind.OPPORTUNITIES)
_PITCH = CARD_W + CARD_GAP_X
Column = tuple[str, str, int]  # stage id, lane id, card column


class SceneSync:
    def __init__(self, scene: JourneyScene) -> None:
        self.scene = scene
        self.stage_headers: dict[str, StageHeaderItem] = {}
        self.lane_headers: dict[str, LaneHeaderItem] = {}
        self.notes: dict[tuple[str, str], NotesCellItem] = {}
        self.lists: dict[tuple[str, str], ListCellItem] = {}
        self.emotion: dict[str, EmotionLaneItem] = {}
        self.labels: dict[str, str] = {}  # the labelled connections' labels
        self._made: set[Column] = set()  # card columns whose every card has an item

    def _maps(self) -> tuple[dict, ...]:  # type: ignore[type-arg]
        return (
            self.scene.cards,
            self.scene.connections,
            self.stage_headers,
            self.lane_headers,
            self.notes,
            self.lists,
            self.emotion,
        )

    def clear(self) -> None:
        self.scene.connection_layer.clear()
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
        touched = set(touchpoints)
        self._cards(layout, change, touched)
        self._connections(layout, change, touched | change.cards, set(connections))
        self._headers(layout)
        self._cells(layout)

    # ----- cards ------------------------------------------------------------------------

    def _cards(self, layout: MapLayout, change: LayoutChange, touched: set[str]) -> None:
        scene, cards = self.scene, self.scene.cards
        if change.full:
            for card_id in [c for c in cards if c not in layout.cards]:
                scene.removeItem(cards.pop(card_id))
            for card_id, item in cards.items():
                item.update_from(scene.journey.touchpoint(card_id), layout.cards[card_id])
            made, self._made = self._made, set()
            self._make_columns(layout, made)
            return
        for card_id in touched | change.cards:
            geometry, item = layout.cards.get(card_id), cards.get(card_id)
            if geometry is None:
                if item is not None:
                    scene.removeItem(cards.pop(card_id))
                continue
            tp = scene.journey.touchpoint(card_id)
            if item is not None:
                item.update_from(tp, geometry)
            elif (tp.stage, tp.lane, tp.slot.column) in self._made:
                self._make(card_id, layout)

    def _make(self, card_id: str, layout: MapLayout) -> None:
        scene = self.scene
        item = CardItem(scene.journey.touchpoint(card_id), layout.cards[card_id], scene.style)
        scene.addItem(item)
        scene.cards[card_id] = item

    def _make_columns(self, layout: MapLayout, columns: Iterable[Column]) -> int:
        """Give every card of `columns` an item; the number of items made."""
        made, cards = 0, self.scene.cards
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
        scene, layer = self.scene, self.scene.connection_layer
        journey = scene.journey
        if change.full:
            self.labels = {c.id: c.label for c in journey.connections() if c.label}
            layer.reset(layout, self.labels)
        else:
            succ, pred = journey.graph._succ, journey.graph._pred
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
        scene, layout = self.scene, self.scene.layout
        for conn_id, item in list(scene.connections.items()):
            route = layout.routing.current(conn_id)
            if route is None:  # gone, or a card in a hidden lane
                scene.drop_connection(conn_id)
                continue
            item.live = False
            item.set_route(route, self.labels.get(conn_id, ""))
            item.refresh()
            if item.resting:
                scene.release_connection_soon(conn_id)

    def follow_card(self, card: CardItem) -> None:
        """Re-route the connections of a card being dragged, from the cards' positions
        now: only these few, provisionally (the full routing follows the drop)."""
        scene = self.scene
        routing, cards = scene.layout.routing, scene.layout.cards
        for conn in scene.journey.connections_of([card.card_id]):
            source, target = scene.card_rect(conn.source), scene.card_rect(conn.target)
            if source is None or target is None:
                continue
            item = scene.activate_connection(conn.id)
            moved = {
                card_id: rect
                for card_id, rect in ((conn.source, source), (conn.target, target))
                if card_id not in cards or cards[card_id].rect != rect
            }
            route = routing.sketch(conn.source, conn.target, moved)
            if item is not None and route is not None:
                item.live = True
                item.set_route(route)

    # ----- headers and cells -----------------------------------------------------------

    def _headers(self, layout: MapLayout) -> None:
        journey = self.scene.journey
        counts: dict[str, int] = {}
        for (stage_id, _), columns in layout.columns.items():
            counts[stage_id] = counts.get(stage_id, 0) + sum(len(ids) for ids in columns.values())
        stages = {s.id: s for s in journey.stages}
        self._sync(
            self.stage_headers,
            layout.stages,
            lambda k: StageHeaderItem(stages[k]),
            lambda k, item: item.update_from(
                stages[k], layout.stage_header(k), layout.stage_titles[k], counts.get(k, 0)
            ),
        )
        lanes = {lane.id: lane for lane in journey.lanes}
        self._sync(
            self.lane_headers,
            layout.lanes,
            lambda k: LaneHeaderItem(lanes[k]),
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
            lambda k: EmotionLaneItem(k, self.scene.style),
            lambda k, item: item.update_from(layout.lanes[k], layout.emotion[k]),
        )

    def _names(self, layout: MapLayout, key: tuple[str, str]) -> dict[str, str]:
        journey = self.scene.journey
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
