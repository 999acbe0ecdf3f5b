"""Sticky-note quick add: a room calls out touchpoints, the facilitator types them.

It is the editor's own live capture (type a name, Enter, the next one), started in
the focused stage's first touchpoints lane (or the lane the cell is in), with a panel
at the bottom of the canvas that says where the cards go, which emotion the next one
gets, and what this burst has added. The emotion is chosen while typing, with Alt+1…5
(Alt+0 clears; ⌥ on a Mac) or the panel's buttons: a modifier, so a name may still
start or end with a digit ("24/7 hotline", "Step 2"). Each card is one undo step, its
emotion and arrow included, so Ctrl+Z takes back the last sticky only.

With Insert ▸ Connect As You Type on, the first sticky is connected from the selected
card (or else from the last card of its cell) and each next one from the one before;
the panel says which card the next one follows. In presentation mode the panel shows
for any capture; in the editor, for a capture started with Workshop ▸ Quick Add
(Ctrl+Shift+A).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QRect, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from journeymapper.app.context import EditorContext
from journeymapper.app.present.focus import StageFocus
from journeymapper.look import palette
from journeymapper.model.schema import LaneKind

_DIGITS = {getattr(Qt.Key, f"Key_{n}"): n for n in range(10)}
RECENT = 4  # names of the burst shown in the panel

_SHEET = """
QFrame#quick_add { background: rgba(11, 18, 32, 235); border: 2px solid #F59E0B;
                   border-radius: 10px; }
QFrame#quick_add QLabel { color: #F8FAFC; font-size: 15px; }
QFrame#quick_add QLabel#quick_title { font-size: 19px; font-weight: bold; }
QFrame#quick_add QLabel#quick_hint { color: #CBD5E1; }
QFrame#quick_add QLabel#quick_flow { color: #FDE68A; }
QFrame#quick_add QPushButton { color: #0B1220; border: 3px solid transparent; border-radius: 6px;
                               padding: 4px 10px; font-size: 15px; font-weight: bold; }
QFrame#quick_add QPushButton:checked { border: 3px solid #F8FAFC; }
"""


class QuickAddPanel(QFrame):
    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("quick_add")
        self.setStyleSheet(_SHEET)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        column = QVBoxLayout(self)
        column.setContentsMargins(16, 10, 16, 12)
        column.setSpacing(6)
        self.title = QLabel()
        self.title.setObjectName("quick_title")
        self.hint = QLabel(
            "Type a name, Enter adds it  ·  Alt+1…5 its emotion  ·  Tab next stage  ·  "
            "Ctrl+↑/↓ lane  ·  Esc (or Enter on an empty line) ends"
        )
        self.hint.setObjectName("quick_hint")
        self.faces = QHBoxLayout()
        self.faces.setSpacing(6)
        self.buttons: dict[int, QPushButton] = {}
        self.recent = QLabel()
        self.flow = QLabel()  # where Connect As You Type connects the next card from
        self.flow.setObjectName("quick_flow")
        for label in (self.recent, self.flow):
            label.setTextFormat(Qt.TextFormat.PlainText)  # card names are never markup
        for widget in (self.title, self.hint):
            column.addWidget(widget)
        column.addLayout(self.faces)
        column.addWidget(self.recent)
        column.addWidget(self.flow)
        self.hide()


class QuickAdd(QObject):
    def __init__(self, context: EditorContext, focus: StageFocus) -> None:
        super().__init__(context.parent)
        self.context = context
        self.focus = focus
        self.host = context.view.text_editing
        self.presenting = False
        self.forced = False  # started from the menu: the panel shows outside presentation too
        self.panel = QuickAddPanel(context.view)  # over the viewport: scrolling moves its children
        self.host.field.installEventFilter(self)
        context.scene.cell_changed.connect(self.refresh)
        context.document.signals.touchpoint_added.connect(lambda _: self.refresh())
        self._view = context.view
        self._view.installEventFilter(self)

    @property
    def capturing(self) -> bool:
        return self.host.session is not None and self.host.active

    def start(self) -> None:
        """Capture into the focused stage (or the cell's, or the first one)."""
        scene = self.context.scene
        scene.ensure_layout()
        lanes = [i for i, k in scene.layout.lane_kinds.items() if k is LaneKind.TOUCHPOINTS]
        stage = self.focus.stage_id or (scene.cell[0] if scene.cell else None)
        if stage is None:
            default = scene.default_cell()
            stage = default[0] if default else None
        if stage is None or not lanes:
            return
        lane = scene.cell[1] if scene.cell is not None and scene.cell[1] in lanes else lanes[0]
        scene.set_cell((stage, lane))  # (the selected card stays: the flow goes on from it)
        self.forced = True
        self.host.start_capture("")
        self.refresh()

    def set_emotion(self, digit: int) -> bool:
        session = self.host.session
        if session is None:
            return False
        scale = self.context.document.journey.info.emotion_scale
        value = None if digit == 0 else scale.minimum + digit - 1
        if value is not None and not scale.contains(value):
            return False
        session.emotion = None if value == session.emotion else value
        self.refresh()
        return True

    # ----- the panel -------------------------------------------------------------------

    def refresh(self) -> None:
        shown = self.capturing and (self.presenting or self.forced)
        if not shown:
            if not self.capturing:
                self.forced = False
            self.panel.hide()
            return
        session = self.host.session
        assert session is not None
        journey = self.context.document.journey
        cell = self.context.scene.cell
        if cell is not None and cell[0] in {s.id for s in journey.stages}:
            where = f"{journey.stage(cell[0]).name}  ›  {journey.lane(cell[1]).name}"
        else:
            where = "—"
        self.panel.title.setText(f"Quick add  →  {where}")
        self._faces(session.emotion)
        names = [journey.touchpoint(t).name for t in session.added if journey.has_touchpoint(t)]
        if names:
            recent = " · ".join(names[-RECENT:])
            more = f"{len(names) - RECENT} more · " if len(names) > RECENT else ""
            self.panel.recent.setText(f"Added {len(names)}:  {more}{recent}")
        else:
            self.panel.recent.setText("Nothing added yet.")
        self._flow(session.connect_flow, session.previous)
        self.panel.adjustSize()
        self._place()
        self.panel.show()
        self.panel.raise_()

    def _flow(self, on: bool, previous: str | None) -> None:
        """Say where the next card's arrow comes from (Connect As You Type), so a card
        never looks connected when it is not."""
        self.panel.flow.setVisible(on)
        journey = self.context.document.journey
        if previous is not None and journey.has_touchpoint(previous):
            name = journey.touchpoint(previous).name
            self.panel.flow.setText(f"Connect as you type: the next card follows “{name}”")
        else:
            self.panel.flow.setText("Connect as you type: the next card starts a new flow")

    def _faces(self, chosen: int | None) -> None:
        scale = self.context.document.journey.info.emotion_scale
        values = list(range(scale.minimum, scale.maximum + 1))[:9]
        if list(self.panel.buttons) != values:
            for button in self.panel.buttons.values():
                self.panel.faces.removeWidget(button)
                button.deleteLater()
            self.panel.buttons = {}
            for digit, value in enumerate(values, 1):
                button = QPushButton(f"Alt+{digit}  {scale.label(value)}")
                button.setCheckable(True)
                button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
                r, g, b = (round(c * 255) for c in palette.rgb(palette.emotion_color(value, scale)))
                button.setStyleSheet(
                    f"QPushButton {{ background: rgba({r}, {g}, {b}, 90); color: #F8FAFC; }}"
                    f"QPushButton:checked {{ background: rgb({r}, {g}, {b}); color: #0B1220; }}"
                )
                button.clicked.connect(lambda _=False, d=digit: self.set_emotion(d))
                self.panel.faces.addWidget(button)
                self.panel.buttons[value] = button
            self.panel.faces.addStretch(1)
        for value, button in self.panel.buttons.items():
            button.setChecked(value == chosen)

    def _place(self) -> None:
        port = self.context.view.viewport().geometry()
        size = self.panel.sizeHint()
        width = min(size.width(), port.width() - 24)
        x = port.left() + (port.width() - width) // 2
        below = QRect(x, port.bottom() - size.height() - 16, width, size.height())
        editor = self.host.field.geometry().translated(port.topLeft())
        if below.intersects(editor):  # typing low in the view: the panel goes up top
            below.moveTop(port.top() + 16)
        self.panel.setGeometry(below)

    # ----- keys -----------------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if watched is self._view:
            if kind == QEvent.Type.Resize and self.panel.isVisible():
                self._place()
            return False
        if kind in (QEvent.Type.Show, QEvent.Type.Hide, QEvent.Type.Move):
            self.refresh()
            return False
        if not isinstance(event, QKeyEvent) or self.host.session is None:
            return False
        alt = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        if alt != Qt.KeyboardModifier.AltModifier or event.key() not in _DIGITS:
            return False
        if kind == QEvent.Type.ShortcutOverride:
            event.accept()  # Alt+digit is ours while capturing, never a shortcut
            return True
        if kind == QEvent.Type.KeyPress:
            self.set_emotion(_DIGITS[event.key()])
            return True
        return False
