"""Writing CSV: the columns, and one row per touchpoint in the order the map reads.

Columns, in this order (README "Import and export" documents each one):

    id, stage, lane, name, description, channel, category, ownership, emotion,
    pain_points, opportunities, kpis, feedback, owner, personas, votes, tags, next,
    next_labels, evidence

Lists are joined with `|` and KPIs written `Conversion rate=2.7/4.0%` (see
`cells`); personas are named, `next` holds the ids of the touchpoints a
row leads to and `next_labels` those connections' labels, in the same order. A cell
that starts with `= + - @` gets an apostrophe so a spreadsheet never runs it as a
formula; the import removes it again.

The entry points are in `csv`; the import (`csv_read`) also takes a sheet typed by hand.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator

from journeymapper.io.interchange.cells import format_kpis, guard, join_items
from journeymapper.model.document import Journey
from journeymapper.model.schema import Touchpoint

FORMAT = "csv"

COLUMNS = (
    "id",
    "stage",
    "lane",
    "name",
    "description",
    "channel",
    "category",
    "ownership",
    "emotion",
    "pain_points",
    "opportunities",
    "kpis",
    "feedback",
    "owner",
    "personas",
    "votes",
    "tags",
    "next",
    "next_labels",
    "evidence",
)
_NUMERIC = ("emotion", "votes")  # written as plain numbers, which no spreadsheet runs


# ----- export -------------------------------------------------------------------------


def ordered_touchpoints(journey: Journey) -> list[Touchpoint]:
    """Cards as the map reads: stage by stage, lane by lane, left to right, top to bottom."""
    stage_rank = {s.id: i for i, s in enumerate(journey.stages)}
    lane_rank = {lane.id: i for i, lane in enumerate(journey.lanes)}
    return sorted(
        journey.touchpoints(),
        key=lambda t: (
            stage_rank.get(t.stage, 0),
            lane_rank.get(t.lane, 0),
            t.slot.column,
            t.slot.order,
            t.id,
        ),
    )


def csv_rows(journey: Journey) -> Iterator[list[str]]:
    """The header and one row per touchpoint, cells guarded against formula injection."""
    yield list(COLUMNS)
    stages = {s.id: s.name for s in journey.stages}
    lanes = {lane.id: lane.name for lane in journey.lanes}
    personas = {p.id: p.name for p in journey.personas}
    ordered = ordered_touchpoints(journey)
    rank = {tp.id: i for i, tp in enumerate(ordered)}
    succ = journey.flow._succ
    for tp in ordered:
        outgoing = sorted(succ[tp.id].items(), key=lambda pair: rank[pair[0]])
        labels = [data["conn"].label for _, data in outgoing]
        cells = {
            "id": tp.id,
            "stage": stages[tp.stage],
            "lane": lanes[tp.lane],
            "name": tp.name,
            "description": tp.description,
            "channel": tp.channel,
            "category": tp.category.value if tp.category else "",
            "ownership": tp.ownership.value,
            "emotion": "" if tp.emotion is None else str(tp.emotion),
            "pain_points": join_items(tp.pain_points),
            "opportunities": join_items(tp.opportunities),
            "kpis": format_kpis(tp.kpis),
            "feedback": tp.feedback,
            "owner": tp.owner,
            "personas": join_items(personas[p] for p in tp.personas),
            "votes": str(tp.votes),
            "tags": join_items(tp.tags),
            "next": "|".join(target for target, _ in outgoing),
            "next_labels": join_items(labels) if any(labels) else "",
            "evidence": tp.evidence.value,
        }
        yield [cell if name in _NUMERIC else guard(cell) for name, cell in cells.items()]


def csv_text(journey: Journey, delimiter: str = ",") -> str:
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, delimiter=delimiter, lineterminator="\r\n")
    writer.writerows(csv_rows(journey))
    return buffer.getvalue()
