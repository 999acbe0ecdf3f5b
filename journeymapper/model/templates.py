"""Starting points for new maps: the blank three-phase map and the named templates.

A template is a `.journey` file in `resources/templates/`, and `templates.json` there
lists them in menu order with the line that describes each, so a new template is a
map saved from the editor plus one entry in that list. A template gives a map its
frame — stages (with phases and colours), lanes, and starter notes that ask the
questions a facilitator would ask in each cell — and no touchpoints: those come from
the people who know the journey. `templates()` is the one registry both
`journeymapper new --template NAME` and File ▸ New from Template read.

Listing the templates reads plain JSON, so `journeymapper new --help` does not load
pydantic; a template is parsed and validated as a map (`JourneyData`) when it is built.
The files are written at the current format version (a test compares each with what
`io.journey_file` loads), since the model cannot run the file loader's migrations.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING

from journeymapper.base.resources import resource

if TYPE_CHECKING:
    from journeymapper.model.schema import JourneyData, Lane, Stage

FOLDER = "templates"
INDEX = "templates.json"
BLANK = "blank"
SUFFIX = ".journey"


@dataclass(frozen=True, slots=True)
class Template:
    """A named starting point; `build(title)` makes its map (the template's title if None)."""

    name: str
    title: str
    description: str

    def build(self, title: str | None = None) -> JourneyData:
        from journeymapper.model.schema import JourneyData  # see the module's docstring

        data = _data(self.name)
        if title is None:
            return data
        return JourneyData.model_validate({**dict(data), "title": title})


def templates() -> dict[str, Template]:
    """Every named template by name, in the order menus list them."""
    return dict(_registry())


def template(name: str) -> Template:
    """The template called `name`; a KeyError that lists the names otherwise."""
    found = _registry().get(name.strip().casefold())
    if found is None:
        raise KeyError(f"no template '{name}'; choose one of: {', '.join(_registry())}")
    return found


def blank_map(title: str = "Untitled journey") -> JourneyData:
    """The map File ▸ New and `journeymapper new` give: three phases, the usual lanes."""
    return template(BLANK).build(title)


def default_lanes() -> tuple[Lane, ...]:
    """The rows a new map starts with: what the customer does, meets, feels, suffers, could get."""
    return _data(BLANK).lanes


def three_phase_stages() -> tuple[Stage, ...]:
    """Pre-purchase, Purchase, Post-purchase: the stages of a new map."""
    return _data(BLANK).stages


@cache
def _registry() -> dict[str, Template]:
    index = json.loads(resource(FOLDER, INDEX).read_text(encoding="utf-8"))
    return {
        entry["name"]: Template(entry["name"], _title(entry["name"]), entry["description"])
        for entry in index["templates"]
    }


def _title(name: str) -> str:
    doc = json.loads(resource(FOLDER, name + SUFFIX).read_text(encoding="utf-8"))
    return str(doc["title"])


@cache
def _data(name: str) -> JourneyData:
    """The template's map, parsed once (the data is immutable, so it can be shared)."""
    from journeymapper.model.schema import JourneyData  # see the module's docstring

    return JourneyData.model_validate_json(resource(FOLDER, name + SUFFIX).read_bytes())
