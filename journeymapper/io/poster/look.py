"""How a poster looks: the shared palette plus what the options highlight."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

from journeymapper.layout.text import elide
from journeymapper.look.palette import PAPER, mix
from journeymapper.model.document import Journey
from journeymapper.model.schema import Persona, Touchpoint

FADE = 0.72
"""How far the cards of other personas move towards the paper when one is highlighted."""


@dataclass(slots=True)
class Look:
    """The journey being drawn and the persona (if any) whose cards and line stand out."""

    journey: Journey
    persona: Persona | None = None
    _faded: dict[str, str] = field(default_factory=dict)

    def is_faded(self, tp: Touchpoint) -> bool:
        return self.persona is not None and self.persona.id not in tp.personas

    def fade(self, color: str) -> str:
        """`color` as it looks on a card that steps back for the highlighted persona."""
        faded = self._faded.get(color)
        if faded is None:
            faded = self._faded[color] = mix(color, PAPER, FADE)
        return faded

    def tone(self, color: str, faded: bool) -> str:
        return self.fade(color) if faded else color


@lru_cache(maxsize=4096)
def short_label(text: str, size: float, width: float, bold: bool = False) -> str:
    """A small label (channel, chip, sheet name) cut to `width`; never used for content."""
    return elide(text, size, width, bold)
