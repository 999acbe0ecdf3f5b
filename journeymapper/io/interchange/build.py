"""What every importer shares: the result it returns, reading the file, building the map.

An importer reads a foreign file line by line (or row by row), hands what it can take
to a `MapBuilder`, and records every line it could not take — or took only in part —
as a `Notice` with its number. Only a file that cannot be read at all raises the
importer's own `FileFormatError` subclass.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from journeymapper.io.errors import FileFormatError, first_problem
from journeymapper.io.interchange.limits import (
    MAX_CONNECTIONS,
    MAX_LANES,
    MAX_PERSONAS,
    MAX_STAGES,
    MAX_TOUCHPOINTS,
    check_limit,
)
from journeymapper.model.builders import PERSONA_COLORS, STAGE_COLORS
from journeymapper.model.phases import PHASE_COLORS, guess_phase
from journeymapper.model.schema import (
    Connection,
    JourneyData,
    Lane,
    LaneKind,
    Persona,
    Slot,
    Stage,
    Touchpoint,
)

MAX_IMPORT_BYTES = 50 * 1024 * 1024
DEFAULT_LANE = "Touchpoints"


@dataclass(frozen=True, slots=True)
class Notice:
    """A line or row an import skipped, or took with a change: its number and why.

    `line` counts from 1 (a CSV's header is row 1, as a spreadsheet shows it); 0 means
    the file as a whole.
    """

    line: int
    message: str
    unit: str = "line"

    @property
    def reason(self) -> str:
        return self.message

    def __str__(self) -> str:
        return f"{self.unit} {self.line}: {self.message}" if self.line else self.message


Skipped = Notice


@dataclass(slots=True)
class ImportResult:
    """A map read from a foreign file, with everything that was skipped or adjusted."""

    data: JourneyData
    format: str
    skipped: list[Notice] = field(default_factory=list)
    warnings: list[Notice] = field(default_factory=list)
    encoding: str = "utf-8"

    @property
    def is_empty(self) -> bool:
        """True when the file gave neither a touchpoint nor a stage: nothing was read."""
        return not self.data.touchpoints and not self.data.stages

    def report(self) -> list[str]:
        """Every notice as a sentence, in file order: what the CLI prints and dialogs list."""
        tagged = [(n, "skipped") for n in self.skipped] + [(n, "warning") for n in self.warnings]
        tagged.sort(key=lambda pair: pair[0].line)
        lines = [_sentence(n, tag) for n, tag in tagged]
        dropped = getattr(self.warnings, "dropped", 0)
        if dropped:
            lines.append(f"… and {dropped:,} more warnings")
        return lines


def _sentence(notice: Notice, tag: str) -> str:
    if notice.line:
        return f"{notice.unit} {notice.line}: {tag}: {notice.message}"
    return f"{tag}: {notice.message}"


def read_limited(
    path: str | Path, error: type[FileFormatError], limit: int = MAX_IMPORT_BYTES
) -> bytes:
    """The bytes of `path`, refusing anything that is not a regular file under `limit`.

    The size is checked before a byte is read, so a huge file costs nothing."""
    path = Path(path)
    try:
        if not path.exists():
            raise error(path, "", "does not exist")
        if not path.is_file():
            raise error(path, "", "is not a file (a folder or a device?)")
        size = path.stat().st_size
        if size > limit:
            raise error(
                path, "", f"is {size / 2**20:.1f} MB; files over {limit // 2**20} MB are refused"
            )
        with path.open("rb") as handle:
            raw = handle.read(limit + 1)
    except OSError as exc:
        raise error(path, "", f"cannot be read ({exc.strerror or exc})") from None
    if len(raw) > limit:
        raise error(path, "", f"is larger than {limit // 2**20} MB; refused")
    return raw


def decode_text(raw: bytes) -> tuple[str, str]:
    """Text and the encoding it was read with: UTF-8 (BOM or not), UTF-16 with a BOM,
    else Windows-1252, else Latin-1 (which reads any bytes)."""
    if raw.startswith(b"\xef\xbb\xbf"):
        return raw[3:].decode("utf-8", errors="replace"), "utf-8-sig"
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return raw.decode("utf-16"), "utf-16"
        except UnicodeDecodeError:
            pass
    try:
        return raw.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        return raw.decode("cp1252"), "cp1252"
    except UnicodeDecodeError:
        return raw.decode("latin-1"), "latin-1"


ENCODING_NAMES = {"cp1252": "Windows-1252", "latin-1": "Latin-1 (ISO 8859-1)"}


def slug(text: str, limit: int = 48) -> str:
    """`Pre-purchase ad` → `pre-purchase-ad`: a readable id stem ('' if nothing is left)."""
    return re.sub(r"[^a-z0-9]+", "-", text.casefold()).strip("-")[:limit].strip("-")


def title_from_path(path: str | Path | None, fallback: str = "Imported journey") -> str:
    """`online-clothing_store.csv` → `Online clothing store`."""
    if path is None:
        return fallback
    words = re.sub(r"[-_]+", " ", Path(path).stem).strip()
    words = clean_text(words, 200)
    return words[:1].upper() + words[1:] if words else fallback


_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")


def clean_text(text: str, limit: int | None = None) -> str:
    """`text` without the control characters a map cannot hold, trimmed, at most `limit`."""
    cleaned = _CONTROL.sub(" ", text).strip()
    return cleaned[:limit].strip() if limit is not None else cleaned


class TouchpointError(ValueError):
    """A touchpoint the builder could not take: `field` is the failing field, if known."""

    def __init__(self, field_name: str, message: str) -> None:
        self.field = field_name
        super().__init__(f"{field_name}: {message}" if field_name else message)


class MapBuilder:
    """Collects stages, lanes, personas, touchpoints and connections by name, then builds
    `JourneyData`: ids are readable and unique, cards fill their cells left to right.

    Seeded with a `frame` (stages, lanes and personas of a map), it finds those by id
    or name and keeps every lane of it; otherwise the map gets the usual notes,
    emotion, pain-point and opportunity lanes around the touchpoint lanes it meets.
    Names and ids are found through dictionaries, so a file of many rows costs time in
    proportion to its rows; a map beyond `import_limits` raises `ImportLimitError`.
    """

    def __init__(self, title: str, frame: JourneyData | None = None) -> None:
        self.info: dict[str, Any] = {"title": title}
        self._ids: set[str] = set()
        self._reserved: set[str] = set()
        self.stages: list[Stage] = []
        self.lanes: list[Lane] = []
        self.personas: list[Persona] = []
        self.touchpoints: dict[str, Touchpoint] = {}
        self.connections: list[Connection] = []
        self._edges: set[tuple[str, str]] = set()
        self._cells: dict[tuple[str, str], int] = {}
        self._suffix: dict[str, int] = {}  # the last number `fresh_id` gave each stem
        self._stage_names: dict[str, str] = {}  # casefolded name → id of the first such
        self._persona_names: dict[str, str] = {}
        self._lane_names: dict[str, Lane] = {}
        if frame is None:
            self.lanes = [
                self._lane("Doing", LaneKind.NOTES),
                self._lane("Feeling", LaneKind.EMOTION),
                self._lane("Pain points", LaneKind.PAIN_POINTS),
                self._lane("Opportunities", LaneKind.OPPORTUNITIES),
                self._lane("Backstage", LaneKind.NOTES),
            ]
        else:
            self.info = dict(frame.info())
            self.stages = list(frame.stages)
            self.lanes = list(frame.lanes)
            self.personas = list(frame.personas)
            self._ids |= {s.id for s in self.stages} | {lane.id for lane in self.lanes}
            self._ids |= {p.id for p in self.personas}
        for stage in self.stages:
            self._stage_names.setdefault(stage.name.casefold(), stage.id)
        for persona in self.personas:
            self._persona_names.setdefault(persona.name.casefold(), persona.id)
        for lane in self.lanes:
            self._lane_names.setdefault(lane.name.casefold(), lane)
        self._stage_ids = {s.id for s in self.stages}
        self._persona_ids = {p.id for p in self.personas}

    def _lane(self, name: str, kind: LaneKind = LaneKind.TOUCHPOINTS) -> Lane:
        return Lane(id=self.fresh_id(name, "lane"), name=name, kind=kind)

    def set_info(self, name: str, value: str) -> None:
        """Set the map's title or description from a file, cleaned to what a map can hold."""
        limit = 200 if name == "title" else 20_000
        text = clean_text(value, limit)
        if text or name != "title":
            self.info[name] = text

    # ----- ids ---------------------------------------------------------------------

    def fresh_id(self, hint: str, prefix: str) -> str:
        """A new unique id built from `hint` (a name) or `prefix`, and reserve it."""
        stem = slug(hint) or prefix
        n = self._suffix.get(stem, 1)
        candidate = stem if n == 1 else f"{stem}-{n}"
        while candidate in self._ids:
            n += 1
            candidate = f"{stem}-{n}"
        self._suffix[stem] = n
        self._ids.add(candidate)
        return candidate

    def claim_id(self, ident: str) -> bool:
        """Take `ident` as given (or as reserved before); False when it is taken already."""
        if ident in self._reserved:
            self._reserved.discard(ident)
            return True
        if ident in self._ids:
            return False
        self._ids.add(ident)
        return True

    def reserve(self, ident: str) -> None:
        """Keep a valid `ident` for a touchpoint added later, so that no stage, lane or
        persona made in between takes it; the touchpoint claims it by passing it."""
        if _valid_id(ident) and ident not in self._ids:
            self._ids.add(ident)
            self._reserved.add(ident)

    # ----- stages, lanes, personas by name ------------------------------------------

    def find_stage(self, name: str) -> str | None:
        return self._stage_names.get(name.strip().casefold())

    def stage(self, name: str, *, separate: bool = False) -> str:
        """The id of the stage called `name`, created at the end if new (or if `separate`)."""
        name = name.strip()
        found = None if separate else self.find_stage(name)
        if found is not None:
            return found
        check_limit(len(self.stages) + 1, MAX_STAGES, "stages")
        phase = guess_phase(name)
        color = PHASE_COLORS[phase] if phase else STAGE_COLORS[len(self.stages) % len(STAGE_COLORS)]
        stage = Stage(id=self.fresh_id(name, "stage"), name=name, phase=phase, color=color)
        self.stages.append(stage)
        self._stage_names.setdefault(name.casefold(), stage.id)
        self._stage_ids.add(stage.id)
        return stage.id

    def stage_by_id(self, ident: str) -> str | None:
        return ident if ident in self._stage_ids else None

    def lane(self, name: str) -> str:
        """The id of the touchpoints lane called `name` ('' → the first one), created if new.

        A name that belongs to a lane of another kind ("Feeling") is not a place for
        cards; such a card goes to the first touchpoints lane, and `LaneKindError` says so.
        """
        name = name.strip()
        if not name:
            first = next((lane for lane in self.lanes if lane.kind is LaneKind.TOUCHPOINTS), None)
            return first.id if first else self.lane(DEFAULT_LANE)
        found = self._lane_names.get(name.casefold())
        if found is not None:
            if found.kind is not LaneKind.TOUCHPOINTS:
                raise LaneKindError(found.name, found.kind)
            return found.id
        check_limit(len(self.lanes) + 1, MAX_LANES, "lanes")
        lane = self._lane(name)
        self._lane_names[name.casefold()] = lane
        cards = [i for i, old in enumerate(self.lanes) if old.kind is LaneKind.TOUCHPOINTS]
        if cards:
            at = cards[-1] + 1
        elif self.lanes and self.lanes[0].kind is LaneKind.NOTES:
            at = 1  # a new map: right below "Doing"
        else:
            at = len(self.lanes)
        self.lanes.insert(at, lane)
        return lane.id

    def lane_by_id(self, ident: str) -> str | None:
        for lane in self.lanes:
            if lane.id == ident and lane.kind is LaneKind.TOUCHPOINTS:
                return ident
        return None

    def persona(self, name: str) -> str:
        """The id of the persona called `name`, created if new."""
        name = name.strip()
        found = self._persona_names.get(name.casefold())
        if found is not None:
            return found
        check_limit(len(self.personas) + 1, MAX_PERSONAS, "personas")
        color = PERSONA_COLORS[len(self.personas) % len(PERSONA_COLORS)]
        persona = Persona(id=self.fresh_id(name, "persona"), name=name, color=color)
        self.personas.append(persona)
        self._persona_names[name.casefold()] = persona.id
        self._persona_ids.add(persona.id)
        return persona.id

    def persona_by_id(self, ident: str) -> str | None:
        return ident if ident in self._persona_ids else None

    # ----- touchpoints and connections ------------------------------------------------

    def add_touchpoint(self, ident: str | None, slot: Slot | None = None, **fields: Any) -> str:
        """Add a touchpoint (fields as for `Touchpoint`; `stage` and `lane` are ids).

        `ident` is kept when it is a valid, unused id; otherwise a fresh one is made.
        Raises `TouchpointError` naming the field a value is wrong for.
        """
        check_limit(len(self.touchpoints) + 1, MAX_TOUCHPOINTS, "touchpoints")
        if ident is None or not _valid_id(ident) or not self.claim_id(ident):
            ident = self.fresh_id(str(fields.get("name", "")), "tp")
        cell = (fields["stage"], fields["lane"])
        if slot is None:
            slot = Slot(column=min(self._cells.get(cell, 0), 999))
        try:
            tp = Touchpoint(id=ident, slot=slot, **fields)
        except ValidationError as exc:
            self._ids.discard(ident)  # a reserved id is given up too: the retry claims it anew
            place, message = first_problem(exc)
            raise TouchpointError(place.split(".")[0].split("[")[0], message) from None
        self._cells[cell] = self._cells.get(cell, 0) + 1
        self.touchpoints[ident] = tp
        return ident

    def connect(self, source: str, target: str, label: str = "", ident: str | None = None) -> bool:
        """Connect two added touchpoints; False (nothing added) if they are connected already.

        Raises ValueError (pydantic's) for a label that is not valid text.
        """
        if (source, target) in self._edges:
            return False
        check_limit(len(self.connections) + 1, MAX_CONNECTIONS, "connections")
        if ident is None or not _valid_id(ident) or ident in self._ids:
            ident = self.fresh_id(f"c-{source}-{target}", "c")
        conn = Connection(id=ident, source=source, target=target, label=label)
        self._ids.add(ident)
        self._edges.add((source, target))
        self.connections.append(conn)
        return True

    def build(self) -> JourneyData:
        """The map: the frame's lanes, or the usual lanes around the touchpoint lanes met."""
        if not any(lane.kind is LaneKind.TOUCHPOINTS for lane in self.lanes):
            self.lane(DEFAULT_LANE)
        lanes = self.lanes
        return JourneyData(
            **self.info,
            personas=tuple(self.personas),
            stages=tuple(self.stages),
            lanes=tuple(lanes),
            touchpoints=tuple(self.touchpoints.values()),
            connections=tuple(self.connections),
        )


class LaneKindError(ValueError):
    def __init__(self, name: str, kind: LaneKind) -> None:
        super().__init__(
            f"'{name}' is a {kind.value.replace('_', ' ')} lane, which holds no touchpoints"
        )


_ID_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.:-]{0,63}$")


def _valid_id(ident: str) -> bool:
    return bool(_ID_RE.match(ident))
