"""A big map's scene: card items only where the view goes, arrows as items only while
active, edits that touch only what changed, and the same picture as a fresh layout."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QPointF, QRectF

from benchmarks.generate import generate_map
from journeymapper.app.canvas.scene import EAGER_CARDS
from journeymapper.layout.engine import layout_journey
from journeymapper.layout.route import point_along
from journeymapper.model.document import Journey
from journeymapper.model.edits import MoveTouchpoints, Placement
from journeymapper.model.schema import Slot
from tests.app.helpers import at, card_center, click, move, press, release

BIG = EAGER_CARDS + 1_000


def _visible(window) -> QRectF:  # type: ignore[no-untyped-def]
    view = window.view
    return view.mapToScene(view.viewport().rect()).boundingRect()


def _show(window, card_id: str) -> None:  # type: ignore[no-untyped-def]
    rect = window.scene.layout.cards[card_id].rect
    window.view.set_zoom(1.0)
    window.view.centerOn(rect.x + rect.w / 2, rect.y + rect.h / 2)


def test_a_big_map_has_card_items_only_where_the_view_has_been(make_window) -> None:
    window = make_window(Journey(generate_map(BIG, seed=2)))
    scene, layout = window.scene, window.scene.layout
    assert 0 < len(scene.cards) < len(layout.cards)
    first = min(layout.cards, key=lambda c: layout.cards[c].rect.x)
    last = max(layout.cards, key=lambda c: layout.cards[c].rect.x)
    assert first not in scene.cards
    _show(window, first)
    area = _visible(window)
    shown = [
        c
        for c, g in layout.cards.items()
        if area.intersects(QRectF(g.rect.x, g.rect.y, g.rect.w, g.rect.h))
    ]
    assert shown
    assert all(c in scene.cards for c in shown)
    assert last not in scene.cards
    scene.select_ids([last])  # a problem or a search names a card far away
    assert scene.cards[last].isSelected()


def test_edits_on_a_big_map_update_the_items_they_touch(make_window) -> None:
    journey = Journey(generate_map(BIG, seed=2))
    window = make_window(journey)
    scene, stack = window.scene, window.document.undo_stack
    card_id = next(iter(scene.cards))
    _show(window, card_id)
    tp = journey.touchpoint(card_id)
    moved = Placement(tp.stage, tp.lane, Slot(column=tp.slot.column + 1, order=-1.0))
    window.document.push(MoveTouchpoints({card_id: moved}))
    for _ in range(2):
        scene.ensure_layout()
        assert scene.layout == layout_journey(journey)
        for item_id, item in scene.cards.items():
            rect = scene.layout.cards[item_id].rect
            assert (item.pos().x(), item.pos().y()) == (rect.x, rect.y), item_id
        stack.undo()


def _free_arrow(window) -> tuple[str, QPointF]:  # type: ignore[no-untyped-def]
    """An unlabelled connection and the middle of its route, away from every card."""
    layout = window.scene.layout
    for conn_id in layout.connection_ends:
        route = layout.routing.current(conn_id)
        if route is None or window.document.journey.connection(conn_id).label:
            continue
        x, y = point_along(route.points, 0.5)
        if not any(c.rect.contains(x, y) for c in layout.cards.values()):
            return conn_id, QPointF(x, y)
    raise AssertionError("no free arrow in the sample map")


def test_an_arrow_is_an_item_only_while_pointed_at_or_selected(window, qtbot) -> None:
    scene = window.scene
    assert not scene.connections
    conn_id, middle = _free_arrow(window)
    point = at(window.view, middle.x(), middle.y())
    for _ in range(3):
        move(window.view, point, held=False)
    qtbot.waitUntil(lambda: conn_id in scene.connections)
    assert scene.connection_layer.connection_at(middle) == conn_id
    move(window.view, point + QPoint(0, 60), held=False)
    qtbot.waitUntil(lambda: conn_id not in scene.connections)
    click(window.view, point)
    assert scene.selected_connection_ids() == [conn_id]
    scene.clearSelection()
    move(window.view, point + QPoint(0, 60), held=False)  # still pointed at until here
    qtbot.waitUntil(lambda: conn_id not in scene.connections)


def test_a_dragged_card_takes_its_arrows_along_and_hands_them_back(window, qtbot) -> None:
    scene = window.scene
    links = {c.id for c in window.document.journey.connections_of(["cart"])}
    start = card_center(window.view, "cart")
    move(window.view, start, held=False)
    press(window.view, start)
    for dy in (10, 20, 30):
        move(window.view, start + QPoint(0, dy))
    assert links <= set(scene.connections)
    assert all(scene.connections[c].live for c in links)
    release(window.view, start + QPoint(0, 30))
    qtbot.waitUntil(lambda: not links & set(scene.connections))


def test_a_long_arrow_repaints_only_what_the_view_shows(make_window, monkeypatch) -> None:
    """A long arrow's box on a big map is far bigger than the view, and Qt paints an
    update into a scratch pixmap the size of the update (300 MB for one arrow at
    100,000 cards): the layer asks only for what the view shows."""
    window = make_window(Journey(generate_map(BIG, seed=2)))
    scene, layout = window.scene, window.scene.layout

    def span(conn_id: str) -> float:
        source, target = layout.connection_ends[conn_id]
        return abs(layout.cards[source].rect.x - layout.cards[target].rect.x)

    longest = max(layout.connection_ends, key=span)
    source = layout.connection_ends[longest][0]
    _show(window, source)
    window.view.viewport().repaint()
    visible = _visible(window)
    assert span(longest) > 2 * visible.width()  # the arrow's box is wider than the view
    asked: list[QRectF] = []
    layer = scene.connection_layer
    monkeypatch.setattr(layer, "update", lambda *rect: asked.append(QRectF(*rect)))
    scene.activate_connection(longest)
    scene.drop_connection(longest)
    assert asked
    slack = 100.0
    allowed = visible.adjusted(-slack, -slack, slack, slack)
    assert all(allowed.contains(rect) for rect in asked), (allowed, asked)


def test_an_edit_reaches_the_canvas_without_networkx(window, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """The canvas reads the flow graph's own dicts: the first edit of a session once
    imported networkx on the UI thread (0.3 s) to find a card's connections."""
    import threading

    from journeymapper.model.graph import FlowGraph

    on_ui_thread: list[str] = []
    original = FlowGraph.networkx_view

    def watched(self: FlowGraph):  # type: ignore[no-untyped-def]
        if threading.current_thread() is threading.main_thread():
            on_ui_thread.append("networkx")
        return original(self)

    monkeypatch.setattr(FlowGraph, "networkx_view", watched)
    journey = window.document.journey
    tp = next(t for t in journey.touchpoints() if journey.flow._succ.get(t.id))
    away = Placement(tp.stage, tp.lane, Slot(column=tp.slot.column + 1, order=-1.0))
    window.document.push(MoveTouchpoints({tp.id: away}))
    window.scene.ensure_layout()
    window.view.viewport().repaint()
    assert window.scene.layout.cards[tp.id].rect == layout_journey(journey).cards[tp.id].rect
    assert journey.touchpoint(tp.id).slot != tp.slot  # it did move
    assert on_ui_thread == []
