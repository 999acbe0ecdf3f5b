"""The properties dock: the form for whatever is selected on the canvas.

One card: every touchpoint field. Several cards: the fields they can share. A
connection, a stage header or a lane header: their fields. Nothing: the map's. The
form follows selection changes and model changes, each coalesced into one refresh.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QDockWidget, QScrollArea, QStackedWidget

from journeymapper.app.canvas.items.card import CardItem
from journeymapper.app.canvas.items.connection import ConnectionItem
from journeymapper.app.canvas.items.lane_header import LaneHeaderItem
from journeymapper.app.canvas.items.stage_header import StageHeaderItem
from journeymapper.app.canvas.scene import JourneyScene
from journeymapper.app.document import Document
from journeymapper.app.panels.forms.base import Form
from journeymapper.app.panels.forms.connection import ConnectionForm
from journeymapper.app.panels.forms.lane import LaneForm
from journeymapper.app.panels.forms.map_info import MapForm
from journeymapper.app.panels.forms.multi import MultiForm
from journeymapper.app.panels.forms.stage import StageForm
from journeymapper.app.panels.forms.touchpoint import TouchpointForm


class PropertiesDock(QDockWidget):
    def __init__(self, document: Document, scene: JourneyScene) -> None:
        super().__init__("Properties")
        self.setObjectName("PropertiesDock")
        self.document = document
        self.scene = scene
        self.touchpoint = TouchpointForm(document)
        self.multi = MultiForm(document)
        self.connection = ConnectionForm(document)
        self.stage = StageForm(document)
        self.lane = LaneForm(document)
        self.map = MapForm(document)
        self.pages = QStackedWidget()
        self.forms: list[Form] = [
            self.map,
            self.touchpoint,
            self.multi,
            self.connection,
            self.stage,
            self.lane,
        ]
        self._scrolls: dict[int, QScrollArea] = {}
        self._shown: tuple[object, ...] = ()  # what the form shows: its kind and ids
        for form in self.forms:
            scroll = QScrollArea()
            scroll.setWidgetResizable(True)
            scroll.setFrameShape(QScrollArea.Shape.NoFrame)
            scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
            scroll.setWidget(form)
            self._scrolls[id(form)] = scroll
            self.pages.addWidget(scroll)
        self.setWidget(self.pages)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self.show_selection)
        scene.selectionChanged.connect(self._timer.start)
        document.signals.changed.connect(self._timer.start)
        document.replaced.connect(self._timer.start)
        self.show_selection()

    @property
    def current(self) -> Form:
        scroll = self.pages.currentWidget()
        form = scroll.widget() if isinstance(scroll, QScrollArea) else None
        assert isinstance(form, Form), "every page is a form in a scroll area"
        return form

    def show_selection(self) -> None:
        """Show the form for the current selection, refreshed from the model."""
        selected = self.scene.selectedItems()
        cards = [i.card_id for i in selected if isinstance(i, CardItem)]
        journey = self.document.journey
        cards = [c for c in cards if journey.has_touchpoint(c)]
        if len(cards) == 1:
            self.touchpoint.show_touchpoint(cards[0])
            self._show(self.touchpoint, cards[0])
        elif cards:
            self.multi.show_touchpoints(cards)
            self._show(self.multi, *cards)
        elif len(selected) == 1 and isinstance(selected[0], ConnectionItem):
            self.connection.show_connection(selected[0].conn_id)
            self._show(self.connection, selected[0].conn_id)
        elif len(selected) == 1 and isinstance(selected[0], StageHeaderItem):
            self.stage.show_stage(selected[0].stage_id)
            self._show(self.stage, selected[0].stage_id)
        elif len(selected) == 1 and isinstance(selected[0], LaneHeaderItem):
            self.lane.show_lane(selected[0].lane_id)
            self._show(self.lane, selected[0].lane_id)
        else:
            self.map.refresh()
            self._show(self.map)

    def _show(self, form: Form, *ids: str) -> None:
        scroll = self._scrolls[id(form)]
        if self.pages.currentWidget() is not scroll:
            self.pages.setCurrentWidget(scroll)
        form.show_starts()
        shown = (id(form), *ids)
        if shown != self._shown:  # a new selection: its form from the top
            self._shown = shown
            scroll.verticalScrollBar().setValue(0)
