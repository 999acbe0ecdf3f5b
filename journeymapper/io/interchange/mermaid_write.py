"""Mermaid `journey` text: a map as text Mermaid renders (entry points: `mermaid`).

The export writes `title`, `accDescr` (the map's description), one `section` per stage
and the stage's touchpoints in flow order, each `name: score: actors` — the emotion as
a score 1…5 (none is the neutral 3), the personas as actors. `#`, `:`, `;` (and `,` in
actor names) become Mermaid entity codes, `%%` becomes `#37;%`, and a name that would
read as a keyword gets its first letter as a code, so every name renders as written and
imports back exactly.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from journeymapper.io.interchange.flow import flow_order
from journeymapper.model.document import Journey
from journeymapper.model.schema import EmotionScale

FORMAT = "mermaid"
NO_SECTION = "(No section)"

_KEYWORDS = ("title", "section", "journey", "acctitle", "accdescr", "%")


def _entities(text: str, special: str) -> str:
    """`text` on one line with `special` characters as entity codes; `%%` (a comment to
    Mermaid) becomes `#37;%`."""
    text = re.sub(r"[\r\n\t]+", " ", text).strip()
    text = "".join(f"#{ord(c)};" if c in special else c for c in text)
    return re.sub(r"%(?=%)", "#37;", text)


def _name(text: str, special: str = "#:;") -> str:
    cleaned = _entities(text, special)
    if cleaned.casefold().startswith(_KEYWORDS):
        cleaned = f"#{ord(cleaned[0])};" + cleaned[1:]
    return cleaned


def score_of(emotion: int | None, scale: EmotionScale) -> int:
    """The Mermaid score (1…5) for an emotion on `scale`; no emotion is the neutral 3."""
    if emotion is None:
        return 3
    span = scale.maximum - scale.minimum
    return 1 + round(4 * (emotion - scale.minimum) / span)


def mermaid_lines(journey: Journey) -> Iterator[str]:
    yield "journey"
    yield f"    title {_name(journey.title, '#;')}"
    description = journey.info.description.strip()
    if "\n" in description:
        yield "    accDescr {"
        for line in description.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
            yield f"        {_entities(line, '}#')}" if line.strip() else ""
        yield "    }"
    elif description:
        yield f"    accDescr: {_entities(description, '#')}"
    personas = {p.id: p.name for p in journey.personas}
    scale = journey.info.emotion_scale
    order = flow_order(journey)
    for stage in journey.stages:
        yield f"    section {_name(stage.name)}"
        for tp in (tp for tp in order if tp.stage == stage.id):
            line = f"        {_name(tp.name)}: {score_of(tp.emotion, scale)}"
            actors = [_name(personas[p], "#:;,") for p in tp.personas if p in personas]
            yield line + (f": {', '.join(actors)}" if actors else "")


def mermaid_text(journey: Journey) -> str:
    return "\n".join(mermaid_lines(journey)) + "\n"
