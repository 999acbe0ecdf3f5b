"""Top voted: the cards ranked by dot votes, over the canvas; click one to go to it.

The list counts the votes stored on the cards and, while a round runs, its dots too,
so the ranking grows as the room votes. "Pain points only" keeps the cards that carry
pain points: the top pain points of the session. A click selects the card and brings
it to the middle of the view (focusing its stage when a stage is in focus). The panel
never takes the keyboard: the canvas keeps it.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtWidgets import (
    QCheckBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from journeymapper.analysis.votes import Ranked, ranking
from journeymapper.app.context import EditorContext
from journeymapper.app.present.focus import StageFocus
from journeymapper.app.present.voting import Voting

_SHEET = """
QFrame#ranking { background: rgba(11, 18, 32, 240); border: 2px solid #334155;
                 border-radius: 10px; }
QFrame#ranking QLabel#rank_title { color: #F8FAFC; font-size: 21px; font-weight: bold; }
QFrame#ranking QCheckBox { color: #E2E8F0; font-size: 14px; }
QFrame#ranking QCheckBox::indicator { width: 14px; height: 14px; border: 2px solid #94A3B8;
                                      border-radius: 3px; background: #0B1220; }
QFrame#ranking QCheckBox::indicator:checked { background: #F2B52A; border-color: #F2B52A; }
QFrame#ranking QPushButton { color: #F8FAFC; background: #1E293B; border: 1px solid #475569;
                             border-radius: 5px; padding: 2px 9px; font-size: 15px; }
QFrame#ranking QListWidget { background: transparent; border: none; color: #F8FAFC;
                             font-size: 16px; }
QFrame#ranking QListWidget::item { border-bottom: 1px solid #1E293B; }
QFrame#ranking QListWidget::item:selected { background: #1D4ED8; }
QFrame#ranking QListWidget::item:hover { background: #1E293B; }
QFrame#ranking QLabel#rank_place { color: #94A3B8; font-size: 18px; font-weight: bold; }
QFrame#ranking QLabel#rank_votes { background: #F2B52A; color: #111827; border-radius: 13px;
                    font-size: 17px; font-weight: bold; padding: 1px 9px; }
QFrame#ranking QLabel#rank_name { color: #F8FAFC; font-size: 18px; font-weight: bold; }
QFrame#ranking QLabel#rank_detail { color: #CBD5E1; font-size: 14px; }
QFrame#ranking QLabel#rank_pain { color: #FCA5A5; font-size: 14px; }
"""

TEXT_W = 360  # the name column, so rows know their height


def _row(rank: Ranked) -> QWidget:
    """One ranked card: place, votes, name, and its stage and first pain point."""
    row = QWidget()
    line = QHBoxLayout(row)
    line.setContentsMargins(6, 7, 6, 7)
    line.setSpacing(10)
    place = QLabel(f"{rank.rank}.")
    place.setObjectName("rank_place")
    place.setFixedWidth(34)
    place.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
    votes = QLabel(str(rank.votes))
    votes.setObjectName("rank_votes")
    votes.setAlignment(Qt.AlignmentFlag.AlignCenter)
    votes.setMinimumWidth(34)
    text = QVBoxLayout()
    text.setSpacing(1)
    tp = rank.touchpoint
    parts = [("rank_name", tp.name), ("rank_detail", rank.stage)]
    if tp.pain_points:
        more = f"  (+{len(tp.pain_points) - 1})" if len(tp.pain_points) > 1 else ""
        parts.append(("rank_pain", f"Pain point: {tp.pain_points[0]}{more}"))
    for name, value in parts:
        label = QLabel(value)
        label.setObjectName(name)
        label.setTextFormat(Qt.TextFormat.PlainText)  # a name is never markup
        label.setWordWrap(True)
        label.setFixedWidth(TEXT_W)
        text.addWidget(label)
    line.addWidget(place, 0, Qt.AlignmentFlag.AlignTop)
    line.addWidget(votes, 0, Qt.AlignmentFlag.AlignTop)
    line.addLayout(text, 1)
    row.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
    return row


class RankingPanel(QFrame):
    def __init__(self, context: EditorContext, focus: StageFocus, voting: Voting) -> None:
        super().__init__(context.view)  # over the viewport, not in it: scrolling moves those
        self.context = context
        self.focus = focus
        self.voting = voting
        self.setObjectName("ranking")
        self.setStyleSheet(_SHEET)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        column = QVBoxLayout(self)
        column.setContentsMargins(14, 10, 14, 12)
        head = QHBoxLayout()
        self.title = QLabel("Top voted")
        self.title.setObjectName("rank_title")
        self.pain_only = QCheckBox("Pain points only")
        self.pain_only.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.pain_only.toggled.connect(self.refresh)
        close = QPushButton("✕")
        close.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        close.setToolTip("Close the ranking")
        close.clicked.connect(self.hide)
        head.addWidget(self.title, 1)
        head.addWidget(self.pain_only)
        head.addWidget(close)
        self.list = QListWidget()
        self.list.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.list.setWordWrap(True)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.itemClicked.connect(self._clicked)
        column.addLayout(head)
        column.addWidget(self.list, 1)
        self._soon = QTimer(self)
        self._soon.setSingleShot(True)
        self._soon.setInterval(0)
        self._soon.timeout.connect(self.refresh)
        context.document.signals.changed.connect(self._refresh_soon)
        voting.changed.connect(self._refresh_soon)
        context.view.installEventFilter(self)
        self.hide()

    def toggle(self) -> None:
        if self.isVisible():
            self.hide()
        else:
            self.open(pain_points_only=self.pain_only.isChecked())

    def open(self, pain_points_only: bool = False) -> None:
        self.pain_only.setChecked(pain_points_only)
        self.refresh()
        self._place()
        self.show()
        self.raise_()

    def _refresh_soon(self) -> None:
        if self.isVisible():
            self._soon.start()

    def refresh(self) -> None:
        journey = self.context.document.journey
        rows = ranking(journey, self.voting.tallies(), pain_points_only=self.pain_only.isChecked())
        self.title.setText("Top pain points" if self.pain_only.isChecked() else "Top voted")
        self.list.clear()
        for row in rows:
            tp = row.touchpoint
            item = QListWidgetItem()
            item.setData(Qt.ItemDataRole.UserRole, tp.id)
            item.setToolTip("\n".join((tp.name, *tp.pain_points)))
            widget = _row(row)
            self.list.addItem(item)
            self.list.setItemWidget(item, widget)
            widget.ensurePolished()  # the panel's style sheet sizes its text: then measure
            item.setSizeHint(widget.sizeHint())
        if not rows:
            empty = QListWidgetItem(
                "No votes yet."
                if not self.pain_only.isChecked()
                else "No voted card has pain points."
            )
            empty.setFlags(Qt.ItemFlag.NoItemFlags)
            self.list.addItem(empty)

    def _place(self) -> None:
        port = self.context.view.viewport().geometry()
        width = min(TEXT_W + 150, port.width() - 32)
        rows = sum(self.list.sizeHintForRow(i) for i in range(self.list.count()))
        height = min(int(port.height() * 0.8), rows + 70)
        self.setGeometry(port.right() - width - 16, port.top() + 16, width, height)

    def _clicked(self, item: QListWidgetItem) -> None:
        card_id = item.data(Qt.ItemDataRole.UserRole)
        journey = self.context.document.journey
        if not card_id or not journey.has_touchpoint(card_id):
            return
        show_card(self.context, self.focus, card_id)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize and self.isVisible():
            self._place()
        return False


def show_card(context: EditorContext, focus: StageFocus, card_id: str) -> None:
    """Select `card_id` and put it in the middle of the view, readable."""
    scene, view = context.scene, context.view
    stage = context.document.journey.touchpoint(card_id).stage
    if focus.stage_id is not None and focus.stage_id != stage:
        focus.set(stage, follow=False)
    scene.select_ids([card_id])
    scene.ensure_layout()
    rect = scene.layout.cards[card_id].rect
    if view.zoom < 1.0:
        view.set_zoom(1.0)
    view.centerOn(rect.x + rect.w / 2, rect.y + rect.h / 2)
    view.setFocus()
