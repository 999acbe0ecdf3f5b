"""What the canvas's parts may ask of the scene: the canvas's protocol module.

The scene (`scene.py`) makes the items (through `sync.py`) and the interactions, so
neither may import the scene back. Items are handed an `ItemHost` when they are made
and tell it what the user did to them (hovered a card, pressed a handle); interactions
and text targets work with a `Canvas`. `JourneyScene` implements both.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Literal, Protocol

from PySide6.QtCore import QPointF, Signal
from PySide6.QtWidgets import QGraphicsItem, QGraphicsView

from journeymapper.app.document import Document
from journeymapper.layout.geometry import MapLayout, Rect
from journeymapper.model.document import Journey

HeaderKind = Literal["stage", "lane"]


class ItemHost(Protocol):
    """What an item on the canvas reports, by id."""

    def card_hovered(self, card_id: str, rect: Rect) -> None:
        """The pointer entered a card (its connect handle goes there)."""
        ...

    def hover_connection(self, conn_id: str | None) -> None:
        """The pointer is over a connection drawn by the layer (or over none)."""
        ...

    def connection_left(self, conn_id: str) -> None:
        """The pointer left a connection's own item: it may go back to the layer."""
        ...

    def begin_connect(self, card_id: str, pos: QPointF) -> None:
        """A press on a card's handle: drag a new connection from it."""
        ...

    def begin_header_drag(self, kind: HeaderKind, ident: str, pos: QPointF) -> None:
        """A press on a stage or lane header: it may be dragged to a new place."""
        ...

    def cards_moving(self) -> bool:
        """Cards are being dragged: heavy work (routing a big map) waits for the drop."""
        ...


class Canvas(Protocol):
    """The scene as interactions and text targets see it."""

    message: Signal

    @property
    def journey(self) -> Journey: ...

    @property
    def document(self) -> Document: ...

    @property
    def layout(self) -> MapLayout: ...

    def ensure_layout(self) -> None: ...

    def card_rect(self, card_id: str) -> Rect | None: ...

    def card_items(self) -> Mapping[str, QGraphicsItem]:
        """The cards that have an item now, by id."""
        ...

    def card_item(self, card_id: str) -> QGraphicsItem | None:
        """A card's item, made now if the view has not been there yet."""
        ...

    def activate_connection(self, conn_id: str) -> QGraphicsItem | None:
        """A connection's item, made now (the layer stops drawing it meanwhile)."""
        ...

    def selected_card_ids(self) -> list[str]: ...

    def select_ids(self, ids: Iterable[str]) -> list[QGraphicsItem]: ...

    def request_text_edit(self, target: object) -> None: ...

    def put_back(self, card_ids: Iterable[str]) -> None: ...

    def follow_cards(self, card_ids: Iterable[str]) -> None: ...

    def show_drop_cell(self, cell: tuple[str, str] | None) -> None: ...

    def attach_handle(self, card_id: str | None) -> None: ...

    def end_interaction(self, interaction: object) -> None: ...

    # QGraphicsScene's own
    def addItem(self, item: QGraphicsItem) -> None: ...

    def removeItem(self, item: QGraphicsItem) -> None: ...

    def items(self, pos: QPointF) -> list[QGraphicsItem]: ...

    def views(self) -> list[QGraphicsView]: ...
