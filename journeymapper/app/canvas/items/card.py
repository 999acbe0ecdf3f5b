"""A touchpoint card: channel icon, wrapped name, emotion face, markers, persona chips.

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
from journeymapper.layout.text import elide
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
        self._paint_content(painter)

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

    def _paint_content(self, painter: QPainter) -> None:
        tp, parts, t = self.tp, self.geometry.parts, theme()
        accent = color(t.category_color(tp.category))
        paint_icon(painter, catalog.icon_for(tp.channel), _qrect(parts.icon), accent)
        paint_face(painter, _qrect(parts.face), tp.emotion, self.style.scale)
        label = catalog.channel_label(tp.channel) if tp.channel else "No channel"
        room = parts.face.x - 6 - parts.channel_x
        painter.setPen(color(t.muted_ink))
        icon_mid = parts.icon.y + parts.icon.h / 2
        draw_line(
            painter,
            parts.channel_x,
            icon_mid + SMALL_FONT * 0.36,
            elide(label, SMALL_FONT, room),
            SMALL_FONT,
        )
        painter.setPen(color(t.ink))
        for line, baseline in zip(self.geometry.name_lines, parts.name_baselines, strict=True):
            draw_line(painter, parts.icon.x, baseline, line, NAME_FONT, bold=True)
        if parts.markers is not None:
            self._paint_markers(painter, parts.markers)

    def _paint_markers(self, painter: QPainter, row: Rect) -> None:
        tp, t = self.tp, theme()
        x, mid = row.x, row.y + row.h / 2
        for count, icon_name, hex_color in (
            (len(tp.pain_points), "pain", t.pain),
            (len(tp.opportunities), "opportunity", t.opportunity),
        ):
            if count:
                paint_icon(painter, icon_name, QRectF(x, mid - 6, 12, 12), color(hex_color))
                painter.setPen(color(hex_color))
                draw_line(painter, x + 14, mid + 3.2, str(count), SMALL_FONT, bold=True)
                x += 14 + 6 * len(str(count)) + 8
        if tp.votes:
            x = self._paint_votes(painter, x, mid)
        self._paint_personas(painter, row)

    def _paint_votes(self, painter: QPainter, x: float, mid: float) -> float:
        t = theme()
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(color(t.vote))
        for _ in range(min(self.tp.votes, 5)):
            painter.drawEllipse(QPointF(x + 3.5, mid), 3.3, 3.3)
            x += 8.5
        if self.tp.votes > 5:
            painter.setPen(color(t.vote_ink))
            draw_line(painter, x + 4, mid + 3.2, f"+{self.tp.votes - 5}", SMALL_FONT, bold=True)
            x += 20
        return x + 6

    def _paint_personas(self, painter: QPainter, row: Rect) -> None:
        x, t = row.right - 5, theme()
        painter.setPen(pen(t.ring, 1.5))
        for persona_id in reversed(self.tp.personas):
            fallback = t.category_color(None)
            painter.setBrush(color(self.style.persona_colors.get(persona_id, fallback)))
            painter.drawEllipse(QPointF(x, row.y + row.h / 2), 5.5, 5.5)
            x -= 9


def _html(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
