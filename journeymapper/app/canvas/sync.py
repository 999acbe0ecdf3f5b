"""Keeps the scene's items matching a layout: one id → item map per kind of item.

`apply(layout)` creates the items the layout has and the scene lacks, updates the
others (each item repaints only when what it shows changed) and removes the rest.
At 5,000 cards it touches only the connections whose cards moved.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable
from typing import TYPE_CHECKING, TypeVar

from PySide6.QtWidgets import QGraphicsItem

from journeymapper.app.canvas.items.card import CardItem
from journeymapper.app.canvas.items.connection import ConnectionItem
from journeymapper.app.canvas.items.emotion_curve import EmotionLaneItem
from journeymapper.app.canvas.items.lane_header import LaneHeaderItem
from journeymapper.app.canvas.items.list_cell import ListCellItem
from journeymapper.app.canvas.items.notes_cell import NotesCellItem
from journeymapper.app.canvas.items.stage_header import StageHeaderItem
from journeymapper.layout import MapLayout
from journeymapper.model.schema import LaneKind

if TYPE_CHECKING:
    from journeymapper.app.canvas.scene import JourneyScene

K = TypeVar("K", bound=Hashable)
I = TypeVar("I", bound=QGraphicsItem)  # noqa: E741

_LIST_KINDS = (LaneKind.PAIN_POINTS, LaneKind.OPPORTUNITIES)


class SceneSync:
    def __init__(self, scene: JourneyScene) -> None:
        self.scene = scene
        self.stage_headers: dict[str, StageHeaderItem] = {}
        self.lane_headers: dict[str, LaneHeaderItem] = {}
        self.notes: dict[tuple[str, str], NotesCellItem] = {}
        self.lists: dict[tuple[str, str], ListCellItem] = {}
        self.emotion: dict[str, EmotionLaneItem] = {}
        self._dirty_connections: set[str] = set()
        self._live: set[str] = set()

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
        self._live.clear()
        self.scene.clearSelection()
        for items in self._maps():
            for item in items.values():
                self.scene.removeItem(item)
            items.clear()

    def mark_connection(self, conn_id: str) -> None:
        """A connection's label changed: re-read it at the next layout."""
        self._dirty_connections.add(conn_id)

    def apply(self, layout: MapLayout) -> None:
        self._cards(layout)
        self._connections(layout)
        self._headers(layout)
        self._cells(layout)

    # ----- cards and connections -------------------------------------------------------

    def _cards(self, layout: MapLayout) -> None:
        scene, journey, cards = self.scene, self.scene.journey, self.scene.cards
        for card_id in [c for c in cards if c not in layout.cards]:
            scene.removeItem(cards.pop(card_id))
        for card_id, geometry in layout.cards.items():
            tp = journey.touchpoint(card_id)
            item = cards.get(card_id)
            if item is None:
                item = CardItem(tp, geometry, scene.style)
                scene.addItem(item)
                cards[card_id] = item
            else:
                item.update_from(tp, geometry)

    def _connections(self, layout: MapLayout) -> None:
        scene, journey, items = self.scene, self.scene.journey, self.scene.connections
        layer, cards = scene.connection_layer, layout.cards
        for conn_id in [c for c in items if c not in layout.connection_ends]:
            self._remove_connection(conn_id)
        dirty, self._dirty_connections = self._dirty_connections, set()
        live, self._live = self._live, set()
        for conn_id, (source, target) in layout.connection_ends.items():
            a, b = cards.get(source), cards.get(target)
            item = items.get(conn_id)
            if a is None or b is None:  # a card in a hidden lane
                if item is not None:
                    self._remove_connection(conn_id)
                continue
            if item is None:
                label = journey.connection(conn_id).label
                item = ConnectionItem(conn_id, a.rect, b.rect, label, scene.style)
                scene.addItem(item)
                items[conn_id] = item
                layer.put(item)
                continue
            label = journey.connection(conn_id).label if conn_id in dirty else None
            moved = item.set_ends(a.rect, b.rect, label)
            if conn_id in live:
                item.live = False
                item.refresh()
            if moved or conn_id in live:
                layer.put(item)
        layer.flush()

    def _remove_connection(self, conn_id: str) -> None:
        self.scene.connection_layer.take(conn_id)
        self.scene.removeItem(self.scene.connections.pop(conn_id))

    def follow_card(self, card: CardItem) -> None:
        """Re-route the connections of a card being dragged, from the cards' positions now."""
        scene = self.scene
        for conn in scene.journey.connections_of([card.card_id]):
            item = scene.connections.get(conn.id)
            source, target = scene.card_rect(conn.source), scene.card_rect(conn.target)
            if item is not None and source is not None and target is not None:
                if not item.live:
                    item.live = True
                    scene.connection_layer.take(conn.id)
                    self._live.add(conn.id)
                item.set_ends(source, target)
        scene.connection_layer.flush()

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
