"""Arrows on the canvas follow the router: the layer draws routes, a hovered or
selected arrow rises above the cards along its whole route, a dragged card's arrows
(and only those) follow it live, and a big map is routed in slices, never blocking."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QPointF

from benchmarks.generate import generate_map
from journeymapper.app.canvas.items.card import CARD_Z
from journeymapper.layout.route import point_along
from journeymapper.model.document import Journey
from tests.app.helpers import at, card_center, click, move, press, release


def _free_point(window, conn_id: str) -> QPointF:  # type: ignore[no-untyped-def]
    route = window.scene.layout.routing.current(conn_id)
    for fraction in (0.5, 0.4, 0.6, 0.3, 0.7):
        x, y = point_along(route.points, fraction)
        if not any(c.rect.contains(x, y) for c in window.scene.layout.cards.values()):
            return QPointF(x, y)
    raise AssertionError("no free point on the route")


def test_the_layer_draws_and_hit_tests_the_routes(window) -> None:
    scene = window.scene
    layout = scene.layout
    assert layout.routing.done  # a small map routes at once
    for conn_id in layout.connection_ends:
        route = layout.routing.current(conn_id)
        assert route == layout.route(conn_id)
        x, y = point_along(route.points, 0.5)
        assert scene.connection_layer.connection_at(QPointF(x, y), 1.5) in (conn_id, None) or any(
            c.rect.contains(x, y) for c in layout.cards.values()
        )
    conn_id = next(iter(layout.connection_ends))
    point = _free_point(window, conn_id)
    assert scene.connection_layer.connection_at(point) == conn_id


def test_a_selected_arrow_rises_above_the_cards_along_its_whole_route(window, qtbot) -> None:
    scene = window.scene
    conn_id = next(iter(scene.layout.connection_ends))
    point = at(window.view, *_tuple(_free_point(window, conn_id)))
    for _ in range(3):
        move(window.view, point, held=False)
    qtbot.waitUntil(lambda: conn_id in scene.connections and scene.connections[conn_id].hovered)
    item = scene.connections[conn_id]
    assert item.zValue() > CARD_Z  # hovered: above the cards
    click(window.view, point)
    assert scene.selected_connection_ids() == [conn_id]
    assert item.zValue() > CARD_Z
    route = scene.layout.route(conn_id)
    path = item.path()
    for fraction in (0.05, 0.5, 0.95):  # the highlight follows the route, end to end
        x, y = point_along(route.points, fraction)
        assert item.shape().contains(QPointF(x, y))
    assert path.elementCount() >= len(route.points)


def _tuple(p: QPointF) -> tuple[float, float]:
    return (p.x(), p.y())


def test_dragging_a_card_reroutes_only_its_own_arrows(window, qtbot) -> None:
    scene = window.scene
    journey = window.document.journey
    mine = {c.id for c in journey.connections_of(["cart"])}
    others = set(scene.layout.connection_ends) - mine
    before = {c: scene.layout.routing.current(c) for c in others}
    start = card_center(window.view, "cart")
    move(window.view, start, held=False)
    press(window.view, start)
    for step in (12, 24, 36):
        move(window.view, start + QPoint(step, step))
    assert mine <= set(scene.connections)
    assert not others & set(scene.connections)
    rect = scene.cards["cart"].scene_rect()
    for conn_id in mine:
        route = scene.connections[conn_id].route
        source, target = journey.connection(conn_id).source, journey.connection(conn_id).target
        end = route.start if source == "cart" else route.end
        assert rect.x - 0.5 <= end[0] <= rect.right + 0.5  # it follows the card, live
        assert rect.y - 0.5 <= end[1] <= rect.bottom + 0.5
        assert target != source
    assert {c: scene.layout.routing.current(c) for c in others} == before
    release(window.view, start + QPoint(36, 36))
    qtbot.waitUntil(lambda: not mine & set(scene.connections))


def test_a_big_map_is_routed_in_slices_without_blocking(make_window, qtbot) -> None:
    window = make_window(Journey(generate_map(4_000, seed=5)))
    scene = window.scene
    qtbot.waitUntil(lambda: scene.layout.routing.done, timeout=60_000)
    routes = dict(scene.layout.routes())
    old = scene.layout
    first = next(iter(scene.layout.cards))
    tp = window.document.journey.touchpoint(first)
    from journeymapper.model.edits import UpdateTouchpoint

    window.document.push(UpdateTouchpoint(first, {"name": tp.name + " and more words " * 3}))
    scene.ensure_layout()
    routing = scene.layout.routing
    assert not routing.done  # the new routing runs in slices from the event loop
    new = scene.layout
    untouched = next(
        c for c, (s, t) in new.connection_ends.items()
        if new.cards[s].rect == old.cards[s].rect and new.cards[t].rect == old.cards[t].rect
    )  # fmt: skip
    assert routing.current(untouched) == routes[untouched]  # the previous route meanwhile
    qtbot.waitUntil(lambda: routing.done, timeout=60_000)
    assert scene.layout.routing is routing


def test_file_export_svg_writes_the_semantic_svg(window, tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from defusedxml import ElementTree
    from PySide6.QtWidgets import QFileDialog

    from tests.app.dialogs.test_interchange import action

    target = tmp_path / "map.svg"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    action(window, "export_svg").trigger()
    root = ElementTree.fromstring(target.read_bytes())
    ns = "{http://www.w3.org/2000/svg}"
    cards = [g.get("data-id") for g in root.iter(f"{ns}g") if g.get("class") == "card"]
    assert sorted(cards) == sorted(window.scene.layout.cards)
    arrows = [p for p in root.iter(f"{ns}path") if p.get("class") == "connection"]
    assert len(arrows) == window.document.journey.connection_count()
