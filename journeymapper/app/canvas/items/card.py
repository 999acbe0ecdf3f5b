"""A touchpoint card: channel icon and label, ownership badge, wrapped name, emotion
face, and the marker row (pain points, opportunities, votes, persona dots) — the marks of
`journeymapper.layout.marks`, which the poster and the SVG draw too.

Every position and size comes from the layout's `CardGeometry`; the item only paints.
Moving is Qt's own (`ItemIsMovable`); the scene's drag keeps the moved cards inside
the map and their connections following after each mouse move, and turns the drag
into one edit on release. The item has no `itemChange`: once Python overrides it, Qt
calls it for every flag, z and position change of every card, which doubled the cost
of making a card's item and of moving it when the layout changes.
"""

from __future__ import annotations

from functools import cache

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPainterPath
from PySide6.QtWidgets import (
    QGraphicsItem,
    QGraphicsSceneHoverEvent,
    QStyle,
    QStyleOptionGraphicsItem,
    QWidget,
)

from journeymapper.app.canvas.items.face import paint_face
from journeymapper.app.canvas.protocol import ItemHost
from journeymapper.app.canvas.style import (
    DETAIL_LOD,
    CanvasStyle,
    color,
    draw_line,
    pen,
    theme,
)
from journeymapper.app.look.glyphs import paint_icon
from journeymapper.layout.geometry import (
    CARD_PAD,
    CARD_W,
    NAME_FONT,
    SMALL_FONT,
    CardGeometry,
    Rect,
)
from journeymapper.layout.marks import (
    GLYPH,
    PERSONA_R,
    VOTE_BADGE_H,
    VOTE_R,
    Mark,
    head,
    marker_row,
)
from journeymapper.layout.text import elide, text_width
from journeymapper.look import palette
from journeymapper.model import catalog
from journeymapper.model.schema import Touchpoint

RADIUS = 7.0
ACCENT_W = 4.0
CARD_Z = 2.0
DRAG_Z = 5.0
_FLAGS = (
    QGraphicsItem.GraphicsItemFlag.ItemIsSelectable | QGraphicsItem.GraphicsItemFlag.ItemIsMovable
)


@cache
def _body(height: float) -> QPainterPath:
    path = QPainterPath()
    path.addRoundedRect(QRectF(0, 0, CARD_W, height), RADIUS, RADIUS)
    return path


@cache
def _accent(height: float) -> QPainterPath:
    strip = QPainterPath()
    strip.addRect(QRectF(0, 0, ACCENT_W, height))
    return _body(height).intersected(strip)


def _qrect(rect: Rect) -> QRectF:
    return QRectF(rect.x, rect.y, rect.w, rect.h)


class CardItem(QGraphicsItem):
    """One touchpoint on the canvas, keyed by its id in `SceneSync.cards`."""

    def __init__(
        self, tp: Touchpoint, geometry: CardGeometry, style: CanvasStyle, host: ItemHost
    ) -> None:
        super().__init__()
        self.card_id = tp.id
        self.host = host
        self.style = style
        self.tp = tp
        self.geometry = geometry
        self.hovered = False
        self.flagged = False  # search match or problem subject: drawn like a selection
        self._bounds = QRectF()
        self.setFlags(_FLAGS)
        self.setAcceptHoverEvents(True)
        self.setZValue(CARD_Z)
        # A card is painted once per zoom level and then blitted: panning, dragging and
        # repainting the arrows around it never redraw its text and icons.
        self.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
        self._apply(tp, geometry)

    # ----- model → item ---------------------------------------------------------------

    def update_from(self, tp: Touchpoint, geometry: CardGeometry) -> None:
        """Show `tp` at `geometry`; repaints only when something visible changed."""
        if tp is self.tp and geometry == self.geometry and self.pos() == self.home:
            return
        self._apply(tp, geometry)
        self.update()

    def _apply(self, tp: Touchpoint, geometry: CardGeometry) -> None:
        rect = geometry.rect
        bounds = QRectF(-4, -4, rect.w + 8, rect.h + 8)
        if bounds != self._bounds:
            self.prepareGeometryChange()
            self._bounds = bounds
        self.tp, self.geometry = tp, geometry
        self.setPos(rect.x, rect.y)
        if self.hovered:
            self.setToolTip(self._tooltip())

    def _tooltip(self) -> str:
        tp = self.tp
        parts = [f"<b>{_html(tp.name)}</b>"]
        details = [catalog.channel_label(tp.channel)] if tp.channel else []
        if tp.emotion is not None:
            details.append(f"feels {self.style.scale.label(tp.emotion).lower()}")
        if details:
            parts.append(_html(" · ".join(details)))
        if tp.description:
            parts.append(_html(tp.description).replace("\n", "<br>"))
        return "<br>".join(parts)

    @property
    def home(self) -> QPointF:
        """Where the layout puts this card (a drag moves it away until the edit lands)."""
        return QPointF(self.geometry.rect.x, self.geometry.rect.y)

    def scene_rect(self) -> Rect:
        """The card's rectangle where it is now, in the layout's terms."""
        pos = self.pos()
        return Rect(pos.x(), pos.y(), self.geometry.rect.w, self.geometry.rect.h)

    # ----- Qt ---------------------------------------------------------------------------

    def boundingRect(self) -> QRectF:
        return self._bounds

    def shape(self) -> QPainterPath:
        return _body(self.geometry.rect.h)

    def hoverEnterEvent(self, event: QGraphicsSceneHoverEvent) -> None:
        self.setToolTip(self._tooltip())  # built when first needed, not for every card
        self.hovered = True
        self.host.card_hovered(self.card_id, self.scene_rect())
        self.update()
        super().hoverEnterEvent(event)

    def hoverLeaveEvent(self, event: QGraphicsSceneHoverEvent) -> None:
        self.hovered = False
        self.update()
        super().hoverLeaveEvent(event)

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        lod = QStyleOptionGraphicsItem.levelOfDetailFromTransform(painter.worldTransform())
        selected = bool(option.state & QStyle.StateFlag.State_Selected) or self.flagged
        persona = self.style.highlighted_persona
        if persona is not None and persona not in self.tp.personas:
            painter.setOpacity(0.28)
        if lod < DETAIL_LOD:
            self._paint_simple(painter, selected)
            return
        self._paint_body(painter, selected, persona)
        self._paint_content(painter, selected)

    # ----- painting ----------------------------------------------------------------------

    def _paint_simple(self, painter: QPainter, selected: bool) -> None:
        """Zoomed out: the card's shape and colours, with bars standing in for its text."""
        height = self.geometry.rect.h
        t = theme()
        painter.setPen(pen(t.selection, 4.0) if selected else pen(t.card_border, 1.5))
        painter.setBrush(color(t.card))
        painter.drawPath(_body(height))
        painter.fillPath(_accent(height), color(t.category_color(self.tp.category)))
        parts = self.geometry.parts
        if self.tp.emotion is not None:
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(self.style.emotion_color(self.tp.emotion))
            painter.drawEllipse(_qrect(parts.face))
        bar = color(t.placeholder_bar)
        for line, baseline in zip(self.geometry.name_lines, parts.name_baselines, strict=True):
            width = min(CARD_W - 2 * CARD_PAD, len(line) * NAME_FONT * 0.62)
            painter.fillRect(
                QRectF(parts.icon.x, baseline - NAME_FONT * 0.7, width, NAME_FONT * 0.75), bar
            )

    def _paint_body(self, painter: QPainter, selected: bool, persona: str | None) -> None:
        height = self.geometry.rect.h
        body = _body(height)
        t = theme()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        if selected:
            halo = QColor(t.selection)
            halo.setAlpha(60 if not t.dark else 90)
            painter.setPen(pen(halo.name(QColor.NameFormat.HexArgb), 6.0))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawPath(body)
        if persona is not None and persona in self.tp.personas:
            painter.setPen(pen(self.style.persona_colors.get(persona, t.selection), 5.0))
            painter.drawPath(body)
        if selected:
            border = pen(t.selection, 2.0)
        elif self.hovered:
            border = pen(t.hover, 1.6)
        else:
            border = pen(t.card_border, 1.0)
        painter.setPen(border)
        painter.setBrush(color(t.card))
        painter.drawPath(body)
        painter.fillPath(_accent(height), color(t.category_color(self.tp.category)))

    def _paint_content(self, painter: QPainter, selected: bool) -> None:
        tp, parts, t = self.tp, self.geometry.parts, theme()
        accent = color(t.category_color(tp.category))
        paint_icon(painter, catalog.icon_for(tp.channel), _qrect(parts.icon), accent)
        paint_face(painter, _qrect(parts.face), tp.emotion, self.style.scale)
        top = head(tp, parts, catalog.channel_label(tp.channel) if tp.channel else "")
        if top.badge_rect is not None:
            _paint_badge(painter, top.badge_rect, top.badge, palette.OWNERSHIP_BADGES[tp.ownership])
        label, ink = top.label, t.muted_ink
        if not label and selected:  # a quickly captured card: a hint, only while selected
            label, ink = "No channel", t.hint_ink
        if label:
            painter.setPen(color(ink))
            baseline = parts.icon.y + parts.icon.h / 2 + SMALL_FONT * 0.36
            room = top.label_right - parts.channel_x
            draw_line(
                painter, parts.channel_x, baseline, elide(label, SMALL_FONT, room), SMALL_FONT
            )
        painter.setPen(color(t.ink))
        for line, baseline in zip(self.geometry.name_lines, parts.name_baselines, strict=True):
            draw_line(painter, parts.icon.x, baseline, line, NAME_FONT, bold=True)
        if parts.markers is not None:
            self._paint_markers(painter, parts.markers)

    def _paint_markers(self, painter: QPainter, row: Rect) -> None:
        t = theme()
        glyphs = {"pain": t.pain, "opportunity": t.opportunity}
        for mark in marker_row(self.tp, row):
            if mark.kind in glyphs:
                ink = color(glyphs[mark.kind])
                box = QRectF(mark.x, mark.y - GLYPH / 2, GLYPH, GLYPH)
                paint_icon(painter, mark.kind, box, ink)
                painter.setPen(ink)
                draw_line(painter, mark.text_x, mark.y + 3.2, mark.text, SMALL_FONT, bold=True)
            elif mark.kind == "vote":
                painter.setPen(Qt.PenStyle.NoPen)
                painter.setBrush(color(t.vote))
                painter.drawEllipse(QPointF(mark.x, mark.y), VOTE_R, VOTE_R)
            elif mark.kind == "votes":
                _paint_vote_badge(painter, mark)
            else:
                fallback = t.category_color(None)
                painter.setPen(pen(t.ring, 1.5))
                painter.setBrush(color(self.style.persona_colors.get(mark.persona, fallback)))
                painter.drawEllipse(QPointF(mark.x, mark.y), PERSONA_R, PERSONA_R)


def _paint_vote_badge(painter: QPainter, mark: Mark) -> None:
    """Past a few votes: one pill in the vote colour with the count."""
    h = VOTE_BADGE_H
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(color(theme().vote))
    painter.drawRoundedRect(QRectF(mark.x, mark.y - h / 2, mark.width, h), h / 2, h / 2)
    painter.setPen(color(palette.VOTE_BADGE_INK))
    left = mark.text_x - text_width(mark.text, SMALL_FONT, True) / 2
    draw_line(painter, left, mark.y + SMALL_FONT * 0.36, mark.text, SMALL_FONT, bold=True)


def _paint_badge(painter: QPainter, rect: Rect, letter: str, fill: str) -> None:
    """The paid or earned badge: a rounded square with its letter."""
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(color(fill))
    painter.drawRoundedRect(_qrect(rect), 2.5, 2.5)
    painter.setPen(color(palette.BADGE_LETTER))
    size = 7.0
    left = rect.x + (rect.w - text_width(letter, size, True)) / 2
    draw_line(painter, left, rect.y + rect.h * 0.75, letter, size, bold=True)


def _html(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
