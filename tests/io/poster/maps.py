"""Maps and helpers the poster tests share."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from pypdf import PdfReader

from journeymapper.base.resources import examples_dir
from journeymapper.io.journey_file import load_journey
from journeymapper.io.poster.options import PosterOptions
from journeymapper.model.document import Journey
from journeymapper.model.schema import (
    Category,
    Connection,
    JourneyData,
    Lane,
    LaneKind,
    Ownership,
    Persona,
    Slot,
    Stage,
    Touchpoint,
)

DATE = dt.date(2025, 3, 14)
EXAMPLE = examples_dir() / "online-clothing-store.journey"
LONG_NAME = (
    "A very long touchpoint name that a workshop typed without stopping: the customer "
    "compares three delivery options, reads every return condition twice and finally "
    "asks a friend"
)
SPECIAL_NAMES = (
    "<b>Café & crème</b>",
    "Ελληνικά",
    "Кириллица",
    "naïve – “quotes”",
    '<img src="x.png"/> &amp; <font name="Courier">',
    "Überweisung · Straße (€ 12,50) ✓",
    LONG_NAME,
)


def example() -> Journey:
    return load_journey(EXAMPLE)


def special_journey() -> Journey:
    """A small map whose names are markup, accents, Greek, Cyrillic and a long sentence."""
    stages = (
        Stage(id="s1", name="Avant l’achat <i>", color="#4C78A8"),
        Stage(id="s2", name="Покупка & paiement", color="#F58518"),
    )
    lanes = (
        Lane(
            id="doing", name="Doing", kind=LaneKind.NOTES, notes={"s1": "Liest <b>alles</b> & mehr"}
        ),
        Lane(id="tp", name="Touchpoints"),
        Lane(id="feel", name="Feeling", kind=LaneKind.EMOTION),
        Lane(id="pain", name="Pain points", kind=LaneKind.PAIN_POINTS),
        Lane(id="opp", name="Opportunities", kind=LaneKind.OPPORTUNITIES),
    )
    tps = tuple(
        Touchpoint(
            id=f"t{i}",
            name=name,
            stage="s1" if i < 4 else "s2",
            lane="tp",
            slot=Slot(column=i % 4),
            channel="website" if i % 2 else "sales_staff",
            category=Category.DIGITAL if i % 2 else Category.HUMAN,
            ownership=(Ownership.OWNED, Ownership.PAID, Ownership.EARNED)[i % 3],
            emotion=(i % 5) - 2,
            pain_points=("Zu <teuer> & langsam",) if i == 0 else (),
            opportunities=("Καλύτερη τιμή",) if i == 0 else (),
            votes=i,
            personas=("ana",) if i % 2 else (),
        )
        for i, name in enumerate(SPECIAL_NAMES)
    )
    conns = tuple(
        Connection(
            id=f"c{i}", source=f"t{i}", target=f"t{i + 1}", label="<u>next</u>" if i == 0 else ""
        )
        for i in range(len(tps) - 1)
    )
    return Journey(
        JourneyData(
            title="Spécial <b>markup</b> & Ελληνικά",
            description="Кириллица & “quotes”",
            personas=(Persona(id="ana", name="Ana & <Bo>"),),
            stages=stages,
            lanes=lanes,
            touchpoints=tps,
            connections=conns,
        )
    )


def options(**fields: object) -> PosterOptions:
    fields.setdefault("date", DATE)
    return PosterOptions(**fields)  # type: ignore[arg-type]


def pdf_text(path: Path | bytes) -> str:
    """All text of a PDF, whitespace collapsed to single spaces."""
    import io

    source = io.BytesIO(path) if isinstance(path, bytes) else path
    reader = PdfReader(source)
    return re.sub(r"\s+", " ", " ".join(page.extract_text() for page in reader.pages))


def words_in_order(text: str, name: str) -> bool:
    """True when every word of `name` appears in `text`, in order (lines may break between)."""
    position = 0
    for word in name.split():
        found = text.find(word, position)
        if found < 0:
            return False
        position = found + len(word)
    return True
