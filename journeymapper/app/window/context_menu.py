"""Right-click menus on the canvas: what can be done to what is under the pointer."""

from __future__ import annotations

from PySide6.QtCore import QPointF
from PySide6.QtWidgets import QMenu

from journeymapper.app.canvas import text_targets
from journeymapper.app.canvas.items.card import CardItem
from journeymapper.app.canvas.items.connection import ConnectionItem
from journeymapper.app.canvas.items.lane_header import LaneHeaderItem
from journeymapper.app.canvas.items.stage_header import StageHeaderItem
from journeymapper.app.context import EditorContext
from journeymapper.app.window.actions import LANE_LABELS
from journeymapper.model.edits import Disconnect
from journeymapper.model.schema import LaneKind


def build_context_menu(context: EditorContext, pos: QPointF) -> QMenu:
    scene, ops, a = context.scene, context.operations, context.actions
    menu = QMenu(context.parent)
    scene.activate_connection_at(pos)  # an arrow at rest has no item until asked
    hit = next(
        (
            i
            for i in scene.items(pos)
            if isinstance(i, CardItem | ConnectionItem | StageHeaderItem | LaneHeaderItem)
        ),
        None,
    )
    if hit is not None and not hit.isSelected():
        scene.clearSelection()
        hit.setSelected(True)
    if isinstance(hit, CardItem):
        menu.addActions([a.rename, a.duplicate])
        emotion = menu.addMenu("Emotion")
        scale = context.document.journey.info.emotion_scale
        for value in range(scale.minimum, scale.maximum + 1):
            emotion.addAction(
                f"{value:+d}  {scale.label(value)}", lambda v=value: ops.set_emotion(v)
            )
        emotion.addAction("Clear", lambda: ops.set_emotion(None))
        if len(scene.selected_card_ids()) > 1:
            menu.addAction(a.add_connection)
        menu.addSeparator()
        menu.addActions([a.cut, a.copy, a.delete])
    elif isinstance(hit, ConnectionItem):
        conn_id = hit.conn_id
        menu.addAction(
            "Edit Label…",
            lambda: scene.request_text_edit(text_targets.connection_target(scene, conn_id)),
        )
        menu.addAction("Delete Connection", lambda: context.document.push(Disconnect(conn_id)))
    elif isinstance(hit, StageHeaderItem):
        stage_id = hit.stage_id
        menu.addAction(a.rename)
        menu.addAction("Change Colour…", lambda: ops.recolour_stage(stage_id))
        menu.addAction("Insert Stage After", lambda: ops.add_stage(after=stage_id))
        menu.addSeparator()
        menu.addAction("Delete Stage", lambda: ops.delete_stage(stage_id))
    elif isinstance(hit, LaneHeaderItem):
        lane_id = hit.lane_id
        menu.addAction(a.rename)
        add = menu.addMenu("Insert Lane Below")
        for kind, label in LANE_LABELS.items():
            add.addAction(label, lambda k=kind: ops.add_lane(k, after=lane_id))
        menu.addAction("Hide Lane", lambda: ops.set_lane_hidden(lane_id, True))
        menu.addSeparator()
        menu.addAction("Delete Lane", lambda: ops.delete_lane(lane_id))
    else:
        _cell_menu(context, menu, pos)
    return menu


def _cell_menu(context: EditorContext, menu: QMenu, pos: QPointF) -> None:
    scene, a = context.scene, context.actions
    cell = scene.layout.cell_at(pos.x(), pos.y())
    if cell is not None and scene.layout.lane_kinds[cell[1]] is LaneKind.TOUCHPOINTS:
        scene.set_cell(cell)
        menu.addAction(a.add_touchpoint)
        menu.addAction("Type Touchpoints Here", lambda: context.view.text_editing.start_capture(""))
        menu.addAction(a.paste)
        menu.addSeparator()
    menu.addActions([a.select_all, a.fit])
