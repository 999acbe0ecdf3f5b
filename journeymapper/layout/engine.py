"""Lays a map out once, then keeps the layout up to date edit by edit.

`layout_journey` lays out a whole map. The canvas lays the map out again after every
edit, which at 10,000 cards cost more than a frame; so it keeps a `LayoutEngine`,
which remembers what each part of the layout was made from — the cards of each stage ×
lane cell, the tallest stack of each cell, each stage's pain points and emotion
buckets. `update(ids)` redoes only the cells those cards left or joined, the widths and
heights they change, and moves the cards of the stages and lanes that shifted. Changes
to stages, lanes, personas or the map's info lay the whole map out again. Whatever the
path, the layout equals a fresh `layout_journey` of the same map (a property test).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from journeymapper.base.perf import gc_paused
from journeymapper.layout.emotion import lane_height as emotion_lane_height
from journeymapper.layout.emotion import plot_rect, series
from journeymapper.layout.geometry import (
    BULLET_INDENT,
    CARD_GAP_X,
    CARD_GAP_Y,
    CARD_W,
    CELL_PAD,
    ITEM_GAP,
    LANE_FONT,
    LANE_HEADER_W,
    MIN_CARD_LANE_H,
    MIN_HEADER_H,
    MIN_STAGE_W,
    MIN_TEXT_LANE_H,
    PHASE_FONT,
    STAGE_FONT,
    TEXT_FONT,
    CardGeometry,
    EmotionPlot,
    ListItem,
    MapLayout,
    Rect,
    card_size,
    cumulative,
    has_markers,
    list_height,
)
from journeymapper.layout.routing.router import Routing
from journeymapper.layout.text import line_height, wrap
from journeymapper.model.document import Journey
from journeymapper.model.schema import Lane, LaneKind, Touchpoint

Cell = tuple[str, str]  # (stage id, lane id)
Columns = dict[int, list[str]]
Entries = list[tuple[str, tuple[str, ...], tuple[str, ...]]]  # (text, lines, card ids)
Buckets = dict[str | None, dict[float, list[int]]]  # series key → card-column x → emotions
_LIST_KINDS = (LaneKind.PAIN_POINTS, LaneKind.OPPORTUNITIES)
_PITCH = CARD_W + CARD_GAP_X


@dataclass(frozen=True, slots=True)
class LayoutChange:
    """What an update changed: `full` when everything may have; otherwise the ids of the
    cards whose geometry is new, moved or gone."""

    full: bool
    cards: frozenset[str] = frozenset()


class LayoutEngine:
    """The layout of one journey, kept current by `update`; `layout` is the latest."""

    def __init__(self, journey: Journey, reserve: Cell | None = None) -> None:
        self.journey = journey
        self.reserve = reserve
        self.layout: MapLayout
        self._build()

    # ----- the whole map ------------------------------------------------------------

    def _build(self) -> None:
        journey = self.journey
        self._structure = _structure(journey)
        self.stages = journey.stages
        self.lanes = [lane for lane in journey.lanes if not lane.hidden]
        self.lane_rank = {lane.id: i for i, lane in enumerate(journey.lanes)}
        self.visible = {lane.id for lane in self.lanes}
        self.cell_of: dict[str, Cell] = {}
        self.sizes: dict[str, tuple[tuple[str, ...], float, bool]] = {}
        self.feelings: dict[str, tuple[int, tuple[str, ...]]] = {}  # emotion, personas
        self.listed: set[str] = set()  # cards with pain points or opportunities
        members: dict[Cell, list[Touchpoint]] = defaultdict(list)
        for tp in journey.touchpoints():
            members[tp.stage, tp.lane].append(tp)
            self._note(tp)
        self.members = {cell: {tp.id for tp in tps} for cell, tps in members.items()}
        self.columns: dict[Cell, Columns] = {}
        self.tallest: dict[Cell, float] = {}
        for cell, tps in members.items():
            self._group(cell, tps)
        self.widths = {s.id: self._stage_width(s.id) for s in self.stages}
        self.stage_titles = {s.id: self._stage_title(s.id) for s in self.stages}
        self.lane_titles = {
            lane.id: wrap(lane.name, LANE_FONT, LANE_HEADER_W - 2 * CELL_PAD, True)
            for lane in self.lanes
        }
        self.notes = {key: lines for s in self.stages for key, lines in self._notes(s.id)}
        self.lists = {s.id: self._stage_lists(s.id) for s in self.stages}
        self.heights = {lane.id: self._lane_height(lane) for lane in self.lanes}
        self.xs = self._xs()
        self.ys = self._ys()
        self.cards: dict[str, CardGeometry] = {}
        for cell in self.columns:
            self._place(cell, self.cards)
        self.buckets = {s.id: self._buckets(s.id) for s in self.stages}
        self.layout = self._assemble(self.cards)

    def _assemble(self, cards: dict[str, CardGeometry]) -> MapLayout:
        """A `MapLayout` of the current state, with `cards` as its card geometry."""
        total_w = self.xs[-1] if self.stages else LANE_HEADER_W
        total_h = self.ys[-1] if self.lanes else self._header_h()
        stage_rects = {
            s.id: Rect(self.xs[i], 0.0, self.widths[s.id], total_h)
            for i, s in enumerate(self.stages)
        }
        lane_rects = {
            lane.id: Rect(0.0, self.ys[i], total_w, self.heights[lane.id])
            for i, lane in enumerate(self.lanes)
        }
        result = MapLayout(
            width=total_w,
            height=total_h,
            header_h=self._header_h(),
            stages=stage_rects,
            stage_titles=dict(self.stage_titles),
            lanes=lane_rects,
            lane_titles=dict(self.lane_titles),
            lane_kinds={lane.id: lane.kind for lane in self.lanes},
            cards=cards,
            connection_ends=self.journey.connection_ends(),
            labels_of=self._labels,
            router=Routing,
            notes=dict(self.notes),
            columns=dict(self.columns),
        )
        result.lists = self._position_lists(lane_rects)
        result.emotion = {
            lane.id: self._emotion_plot(lane, lane_rects[lane.id])
            for lane in self.lanes
            if lane.kind is LaneKind.EMOTION
        }
        return result

    def _labels(self) -> dict[str, str]:
        return {c.id: c.label for c in self.journey.connections() if c.label}

    # ----- keeping up with edits ----------------------------------------------------

    def update(
        self, touchpoints: Iterable[str] = (), reserve: Cell | bool | None = False
    ) -> LayoutChange:
        """Bring `layout` up to date after the cards `touchpoints` were added, changed or
        removed (and connections added or removed, which need no ids). `reserve` sets a
        new reserved cell (False keeps the current one). Changes to anything but cards
        and connections are detected here and lay the whole map out again."""
        old_reserve = self.reserve
        if not isinstance(reserve, bool):
            self.reserve = reserve  # a cell, or None for no reserved cell
        if not _same(_structure(self.journey), self._structure):
            with gc_paused():
                self._build()
            return LayoutChange(full=True)
        with gc_paused():
            return self._update(set(touchpoints), old_reserve)

    def _update(self, ids: set[str], old_reserve: Cell | None) -> LayoutChange:
        dirty = self._regroup(ids)
        stages = {cell[0] for cell in dirty}
        if old_reserve != self.reserve:
            stages |= {c[0] for c in (old_reserve, self.reserve) if c is not None}
        stages &= self.widths.keys()
        widened = set()
        for stage_id in stages:
            width = self._stage_width(stage_id)
            if width != self.widths[stage_id]:
                self.widths[stage_id] = width
                self.stage_titles[stage_id] = self._stage_title(stage_id)
                widened.add(stage_id)
        for stage_id in widened:
            self.notes = {k: v for k, v in self.notes.items() if k[1] != stage_id}
            self.notes.update(self._notes(stage_id))
        for stage_id in stages | widened:
            self.lists[stage_id] = self._stage_lists(stage_id)
        lanes = {cell[1] for cell in dirty} & self.visible
        lanes |= {lane.id for lane in self.lanes if lane.kind is not LaneKind.TOUCHPOINTS}
        for lane in self.lanes:
            if lane.id in lanes:
                self.heights[lane.id] = self._lane_height(lane)
        xs, ys = self._xs(), self._ys()
        moved_stages = {s.id for i, s in enumerate(self.stages) if xs[i] != self.xs[i]}
        moved_lanes = {lane.id for i, lane in enumerate(self.lanes) if ys[i] != self.ys[i]}
        self.xs, self.ys = xs, ys
        cards = dict(self.cards)
        for card_id in ids:  # their cells are dirty: placed again below unless hidden or gone
            cards.pop(card_id, None)
        replace = {c for c in self.columns if c[0] in moved_stages or c[1] in moved_lanes}
        for cell in dirty | replace:
            self._place(cell, cards)
        changed = {i for i in ids if cards.get(i) != self.cards.get(i)}
        for cell in replace | dirty:
            for column in self.columns.get(cell, {}).values():
                changed.update(i for i in column if cards.get(i) != self.cards.get(i))
        for stage_id in stages | moved_stages:
            self.buckets[stage_id] = self._buckets(stage_id)
        self.cards = cards
        self.layout = self._assemble(cards)
        return LayoutChange(full=False, cards=frozenset(changed))

    def _regroup(self, ids: set[str]) -> set[Cell]:
        """Move the cards `ids` to the cells they are in now; the cells that changed."""
        journey, dirty = self.journey, set()
        for card_id in ids:
            old = self.cell_of.pop(card_id, None)
            if old is not None:
                self.members[old].discard(card_id)
                dirty.add(old)
            self.sizes.pop(card_id, None)
            self.feelings.pop(card_id, None)
            self.listed.discard(card_id)
            if journey.has_touchpoint(card_id):
                tp = journey.touchpoint(card_id)
                self._note(tp)
                self.members.setdefault(self.cell_of[card_id], set()).add(card_id)
                dirty.add(self.cell_of[card_id])
        for cell in dirty:
            ids_here = self.members.get(cell)
            if ids_here:
                self._group(cell, [journey.touchpoint(i) for i in ids_here])
            else:
                self.members.pop(cell, None)
                self.columns.pop(cell, None)
                self.tallest.pop(cell, None)
        return dirty

    # ----- the parts ------------------------------------------------------------------

    def _note(self, tp: Touchpoint) -> None:
        """Remember what the layout needs of one card: its cell, size, feeling, lists."""
        self.cell_of[tp.id] = (tp.stage, tp.lane)
        self.sizes[tp.id] = (*card_size(tp.name), has_markers(tp))
        if tp.emotion is not None:
            self.feelings[tp.id] = (tp.emotion, tp.personas)
        if tp.pain_points or tp.opportunities:
            self.listed.add(tp.id)

    def _group(self, cell: Cell, tps: list[Touchpoint]) -> None:
        """A cell's card columns in stacking order, and the height of its tallest stack."""
        by_column: dict[int, list[tuple[float, str]]] = defaultdict(list)
        for tp in tps:
            by_column[tp.slot.column].append((tp.slot.order, tp.id))
        sizes = self.sizes
        columns: Columns = {}
        tallest = 0.0
        for col in sorted(by_column):
            ids = [card_id for _, card_id in sorted(by_column[col])]
            columns[col] = ids
            stack = sum(sizes[i][1] for i in ids) + CARD_GAP_Y * (len(ids) - 1)
            tallest = max(tallest, stack)
        self.columns[cell] = columns
        self.tallest[cell] = tallest

    def _stage_width(self, stage_id: str) -> float:
        count = max(
            (
                max(cols) + 1
                for lane_id in self.visible
                if (cols := self.columns.get((stage_id, lane_id)))
            ),
            default=0,
        )
        if self.reserve is not None and self.reserve[0] == stage_id:
            cols = self.columns.get(self.reserve, {})
            count = max(count, (max(cols) + 2 if cols else 1))
        needed = 2 * CELL_PAD + count * CARD_W + max(0, count - 1) * CARD_GAP_X
        return max(MIN_STAGE_W, needed)

    def _stage_title(self, stage_id: str) -> tuple[str, ...]:
        name = next(s.name for s in self.stages if s.id == stage_id)
        return wrap(name, STAGE_FONT, self.widths[stage_id] - 2 * CELL_PAD, True)

    def _header_h(self) -> float:
        return max(
            [MIN_HEADER_H]
            + [
                2 * CELL_PAD - 4 + len(t) * line_height(STAGE_FONT) + line_height(PHASE_FONT)
                for t in self.stage_titles.values()
            ]
        )

    def _notes(self, stage_id: str) -> list[tuple[Cell, tuple[str, ...]]]:
        """The wrapped notes of one stage, keyed (lane id, stage id)."""
        width = self.widths[stage_id] - 2 * CELL_PAD
        return [
            ((lane.id, stage_id), wrap(lane.notes[stage_id], TEXT_FONT, width))
            for lane in self.lanes
            if lane.kind is LaneKind.NOTES and lane.notes.get(stage_id)
        ]

    def _stage_lists(self, stage_id: str) -> dict[str, Entries]:
        """Per pain-point or opportunity lane: (text, lines, card ids), each text once."""
        list_lanes = [lane for lane in self.lanes if lane.kind in _LIST_KINDS]
        if not list_lanes:
            return {}
        journey, rank, listed = self.journey, self.lane_rank, self.listed
        cards = [
            journey.touchpoint(card_id)
            for lane_id in self.lane_rank
            for col in self.columns.get((stage_id, lane_id), {}).values()
            for card_id in col
            if card_id in listed
        ]
        cards.sort(key=lambda t: (rank.get(t.lane, 0), t.slot.column, t.slot.order, t.id))
        width = self.widths[stage_id] - 2 * CELL_PAD - BULLET_INDENT
        result = {}
        for lane in list_lanes:
            found: dict[str, list[str]] = {}
            pains = lane.kind is LaneKind.PAIN_POINTS
            for tp in cards:
                for text in tp.pain_points if pains else tp.opportunities:
                    found.setdefault(text, []).append(tp.id)
            if found:
                result[lane.id] = [
                    (text, wrap(text, TEXT_FONT, width), tuple(ids)) for text, ids in found.items()
                ]
        return result

    def _lane_height(self, lane: Lane) -> float:
        title_h = 2 * CELL_PAD + len(self.lane_titles[lane.id]) * line_height(LANE_FONT)
        if lane.kind is LaneKind.TOUCHPOINTS:
            stacks = [self.tallest.get((s.id, lane.id), 0.0) for s in self.stages]
            content = 2 * CELL_PAD + max(stacks, default=0.0)
            return max(MIN_CARD_LANE_H, content, title_h)
        if lane.kind is LaneKind.EMOTION:
            return emotion_lane_height(self.lane_titles[lane.id], self.journey.info.emotion_scale)
        if lane.kind is LaneKind.NOTES:
            texts = [lines for (lane_id, _), lines in self.notes.items() if lane_id == lane.id]
            longest = max((len(t) for t in texts), default=0)
            content = 2 * CELL_PAD + longest * line_height(TEXT_FONT)
            return max(MIN_TEXT_LANE_H, content, title_h)
        items = [e for lists in self.lists.values() if (e := lists.get(lane.id))]
        content = 2 * CELL_PAD + max((list_height(e) for e in items), default=0.0)
        return max(MIN_TEXT_LANE_H, content, title_h)

    def _xs(self) -> list[float]:
        return cumulative(LANE_HEADER_W, [self.widths[s.id] for s in self.stages])

    def _ys(self) -> list[float]:
        return cumulative(self._header_h(), [self.heights[lane.id] for lane in self.lanes])

    def _place(self, cell: Cell, cards: dict[str, CardGeometry]) -> None:
        """Put the cards of `cell` into `cards` where they go now (not a hidden lane's)."""
        stage_id, lane_id = cell
        if lane_id not in self.visible or cell not in self.columns:
            return
        stage_i = next(i for i, s in enumerate(self.stages) if s.id == stage_id)
        lane_i = next(i for i, lane in enumerate(self.lanes) if lane.id == lane_id)
        left = self.xs[stage_i] + CELL_PAD
        top = self.ys[lane_i] + CELL_PAD
        sizes = self.sizes
        for col, ids in self.columns[cell].items():
            x = left + col * _PITCH
            y = top
            for card_id in ids:
                lines, height, markers = sizes[card_id]
                cards[card_id] = CardGeometry(card_id, Rect(x, y, CARD_W, height), lines, markers)
                y += height + CARD_GAP_Y

    def _position_lists(self, lane_rects: dict[str, Rect]) -> dict[Cell, tuple[ListItem, ...]]:
        placed = {}
        step = line_height(TEXT_FONT)
        for stage in self.stages:
            for lane_id, entries in self.lists[stage.id].items():
                top = lane_rects[lane_id].y + CELL_PAD
                items = []
                for text, lines, ids in entries:
                    items.append(ListItem(text, lines, top, ids))
                    top += len(lines) * step + ITEM_GAP
                placed[lane_id, stage.id] = tuple(items)
        return placed

    def _buckets(self, stage_id: str) -> Buckets:
        """The emotions of one stage's visible cards by card-column centre, for every
        line of the emotion curve (all cards: None; and each persona)."""
        buckets: Buckets = {None: defaultdict(list)}
        for persona in self.journey.personas:
            buckets[persona.id] = defaultdict(list)
        stage_i = next((i for i, s in enumerate(self.stages) if s.id == stage_id), None)
        if stage_i is None:
            return buckets
        left = self.xs[stage_i] + CELL_PAD
        everyone, feelings = buckets[None], self.feelings
        for lane in self.lanes:
            for col, ids in self.columns.get((stage_id, lane.id), {}).items():
                x = round(left + col * _PITCH + CARD_W / 2, 3)
                for card_id in ids:
                    feeling = feelings.get(card_id)
                    if feeling is not None:
                        emotion, personas = feeling
                        everyone[x].append(emotion)
                        for persona_id in personas:
                            buckets[persona_id][x].append(emotion)
        return buckets

    def _emotion_plot(self, lane: Lane, row: Rect) -> EmotionPlot:
        scale = self.journey.info.emotion_scale
        plot = plot_rect(row, self.lane_titles[lane.id], scale)
        merged: Buckets = {None: {}}
        for persona in self.journey.personas:
            merged[persona.id] = {}
        for stage in self.stages:  # stages never share a card column: plain merges
            for key, bucket in self.buckets[stage.id].items():
                merged[key].update(bucket)
        lines = tuple(series(key, bucket, plot, scale) for key, bucket in merged.items())
        return EmotionPlot(lane.id, plot, lines)


def _structure(journey: Journey) -> tuple[object, ...]:
    """What, when it changes, makes the whole map lay out again: the stages, lanes,
    personas and the map's info. They are frozen objects an edit replaces, so `_same`
    compares them by identity, which costs nothing."""
    return (*journey.stages, None, *journey.lanes, None, *journey.personas, None, journey.info)


def _same(a: tuple[object, ...], b: tuple[object, ...]) -> bool:
    return len(a) == len(b) and all(x is y for x, y in zip(a, b, strict=True))


def layout_journey(journey: Journey, reserve: tuple[str, str] | None = None) -> MapLayout:
    """The whole layout of `journey` (the canvas keeps a `LayoutEngine` instead, which
    updates it edit by edit). `reserve`, a (stage id, lane id) cell, keeps room for one
    more card column there: the editor opens that gap while a card is being typed."""
    with gc_paused():
        return LayoutEngine(journey, reserve).layout
