"""Reading Mermaid `journey` text as a map.

The import follows Mermaid's own grammar (`journey.jison`) and semantics (`journeyDb`):

    journey
        title My working day          (the diagram title; YAML front matter may set it too)
        accTitle: …  accDescr: …  accDescr { … }   (accessibility title and description)
        section Go to work            (a section: a stage of the map)
          Make tea: 5: Me             (a task: a touchpoint; score 1–5; actors after a colon)
          Go upstairs: 3: Me, Cat

- A section name ends at `:`; a title, section or task ends at `#` (a comment) or `;`.
- A task's data is split at `:` — the score, then the actors, split at `,`; further
  parts are ignored (Mermaid ignores them too). Tasks follow each other in the order
  written, so consecutive tasks are connected, across sections.
- Score s (1…5) becomes emotion s − 3 (−2…+2). A score outside 1…5 is clamped, one that
  is not a whole number rounded, one that is not a number left out; each with a warning
  that names the line. An empty score counts as 0, as in Mermaid.
- Actors become personas; `%%` comment lines and `%%{…}%%` directives are skipped;
  Mermaid's entity codes (`#35;` for `#`, `#quot;`) are decoded.
- Lenient where Mermaid would refuse the whole diagram: a line it cannot parse is
  skipped with its number; a trailing `%% …` is a comment; `;` separates statements.
- Tasks before the first section go to a stage called "(No section)". A diagram pasted
  from Markdown may keep its ```mermaid fences.
- Text pasted as a block — out of an HTML page or a Markdown list, indented as a whole,
  front matter included — loses its common indentation first, as Mermaid's `run()`
  does (it dedents a diagram's text with `ts-dedent` before parsing); blank lines before
  the front matter are skipped. Line numbers stay those of the file.
"""

from __future__ import annotations

import html.entities
import math
import re
import textwrap
from pathlib import Path
from typing import Any

from journeymapper.base.perf import gc_paused
from journeymapper.io.interchange.build import (
    ImportResult,
    MapBuilder,
    Notice,
    TouchpointError,
    title_from_path,
)
from journeymapper.io.interchange.errors import MermaidError
from journeymapper.io.interchange.limits import (
    MAX_ENTITY_CODES,
    MAX_LINES,
    MAX_STATEMENTS,
    MAX_TEXT_BLOCK,
    ImportLimitError,
    SkippedList,
    WarningList,
    check_limit,
)
from journeymapper.io.interchange.mermaid_write import FORMAT, NO_SECTION

_DIAGRAM_WORDS = (
    "graph",
    "flowchart",
    "sequencediagram",
    "classdiagram",
    "statediagram",
    "statediagram-v2",
    "erdiagram",
    "gantt",
    "pie",
    "gitgraph",
    "mindmap",
    "timeline",
    "quadrantchart",
    "requirementdiagram",
    "c4context",
    "sankey-beta",
    "xychart-beta",
    "block-beta",
    "kanban",
    "architecture-beta",
)


# ----- entity codes ---------------------------------------------------------------------

_ENTITY = re.compile(r"#(\w+);")
_PLACEHOLDER = re.compile("\x00([0-9]+)\x00")  # NUL never occurs: the parser refuses it


def _entity_text(name: str) -> str | None:
    if name.isdigit():
        code = int(name) if len(name) < 8 else 0
        if 0 < code < 0x110000 and not 0xD800 <= code <= 0xDFFF:
            return chr(code)
        return None
    return html.entities.html5.get(name + ";")


class _Protected:
    """A line with its entity codes replaced by placeholders, so that `#`, `;`, `:` or
    `,` written as codes are not taken for syntax (Mermaid's `encodeEntities`)."""

    def __init__(self, line: str) -> None:
        self.values: list[str] = []

        def hide(match: re.Match[str]) -> str:
            decoded = _entity_text(match[1])
            self.values.append(decoded if decoded is not None else match[0])
            return f"\x00{len(self.values) - 1}\x00"

        self.text = _ENTITY.sub(hide, line.replace("\x00", ""))

    def restore(self, text: str) -> str:
        return _PLACEHOLDER.sub(lambda m: self.values[int(m[1])], text)


def decode_entities(text: str) -> str:
    protected = _Protected(text)
    return protected.restore(protected.text)


def parse_mermaid(text: str, path: str | Path | None = None) -> ImportResult:
    """The map in Mermaid journey text; `MermaidError` when it is not a journey at all."""
    if "\x00" in text:
        raise MermaidError(path, "", "holds NUL bytes: it is not Mermaid text")
    if text.count("\n") + text.count("\r") > MAX_LINES:
        raise MermaidError(
            path, "", f"has more than {MAX_LINES:,} lines; JourneyMapper reads fewer"
        )
    text = text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    lines = textwrap.dedent(text).split("\n")
    try:
        with gc_paused():
            return _Parser(path, lines).parse()
    except ImportLimitError as exc:
        raise MermaidError(path, "", str(exc)) from None


# Every pattern here reads a line in one pass, never trying a run of characters split in
# many ways: `\d+\.?\d*` tried every split of a run of digits before giving up on a letter
# after it (a score of 20,000 digits held the import for a minute). The score's digits
# are matched possessively (`\d++`, Python 3.11): a run is never given back at all.
_SCORE = re.compile(r"[-+]?+(?:\d++(?:\.\d*+)?|\.\d++)(?:[eE][-+]?+\d++)?")
_ACC_TITLE = re.compile(r"^acctitle\s*:\s*(.*)$", re.I | re.S)
_ACC_DESCR = re.compile(r"^accdescr\s*:\s*(.*)$", re.I | re.S)
_ACC_BLOCK = re.compile(r"^accdescr\s*\{(.*)$", re.I | re.S)
_TITLE = re.compile(r"^title\s(.*)$", re.I | re.S)
_SECTION = re.compile(r"^section\s([^:]*)(.*)$", re.I | re.S)
_FENCE = re.compile(r"^-{3}\s*$")
_FRONT_TITLE = re.compile(r"^title\s*:(.*)$")  # stripped after: `(.*?)\s*$` is quadratic


class _Parser:
    def __init__(self, path: str | Path | None, lines: list[str]) -> None:
        self.path = path
        self.lines = lines
        self.builder = MapBuilder(title_from_path(path))
        self.skipped: list[Notice] = SkippedList()
        self.warnings: list[Notice] = WarningList()
        self.hashes = 0  # '#' seen: each may start an entity code, which costs a decode
        self.statements = 0
        self.titles: dict[str, str] = {}
        self.stage: str | None = None
        self.previous: str | None = None
        self.block: list[str] | None = None  # lines of an open `accDescr {`
        self.block_start = 0
        self.block_size = 0

    def parse(self) -> ImportResult:
        start = self._front_matter()
        header = self._header(start)
        for number, line in enumerate(self.lines[header:], header + 1):
            if line or self.block is not None:  # a file of blank lines costs little
                self._line(number, line)
        if self.block is not None:
            self.warnings.append(
                Notice(self.block_start, "the accDescr { … } block is never closed with }")
            )
            self._end_block()
        title = self.titles.get("title") or self.titles.get("front") or self.titles.get("acc")
        if title:
            self.builder.set_info("title", title)
        return ImportResult(self.builder.build(), FORMAT, self.skipped, self.warnings)

    def _skip(self, number: int, message: str) -> None:
        self.skipped.append(Notice(number, message))

    def _warn(self, number: int, message: str) -> None:
        self.warnings.append(Notice(number, message))

    # ----- front matter and header --------------------------------------------------

    def _front_matter(self) -> int:
        """Read a `---` YAML block at the top (after blank lines) for its title; the index
        after it, or 0 when there is none."""
        first = next((i for i, line in enumerate(self.lines) if line.strip()), 0)
        if not self.lines or self.lines[first].rstrip() != "---":
            return 0
        for end in range(first + 1, len(self.lines)):
            if self.lines[end].startswith("---") and _FENCE.match(self.lines[end]):
                for line in self.lines[first + 1 : end]:
                    match = _FRONT_TITLE.match(line) if line.startswith("title") else None
                    if match:
                        self.titles["front"] = _yaml_scalar(match[1].strip())
                return end + 1
        raise MermaidError(
            self.path, f"line {first + 1}", "the front matter opened here is never closed"
        )

    def _header(self, start: int) -> int:
        """The index of the `journey` line; anything else first is not a user journey."""
        for index in range(start, len(self.lines)):
            stripped = self.lines[index].strip()
            if not stripped or stripped.startswith(("%%", "```", "~~~")):  # comments, fences
                continue
            word = stripped.split(None, 1)[0].casefold()
            if word == "journey":
                rest = stripped[len("journey") :]
                if rest.strip():
                    self._line(index + 1, rest)
                return index + 1
            where = f"line {index + 1}"
            if word in _DIAGRAM_WORDS or word.startswith(_DIAGRAM_WORDS):
                raise MermaidError(
                    self.path,
                    where,
                    f"this is a Mermaid '{stripped.split()[0]}' diagram, not a user journey "
                    "(which starts with 'journey')",
                )
            raise MermaidError(
                self.path, where, "a Mermaid user journey starts with the word 'journey'"
            )
        raise MermaidError(self.path, "", "holds no Mermaid diagram ('journey' is missing)")

    # ----- lines and statements -----------------------------------------------------

    def _line(self, number: int, line: str) -> None:
        if "#" in line and not line.lstrip().startswith("%%"):
            self.hashes += line.count("#")
            check_limit(self.hashes, MAX_ENTITY_CODES, "'#' characters (entity codes)")
        if self.block is not None:
            close = line.find("}")
            part = line if close < 0 else line[:close]
            if self.block_size < MAX_TEXT_BLOCK:  # a description keeps 20,000 at most
                self.block.append(part[: MAX_TEXT_BLOCK - self.block_size])
            self.block_size += len(part) + 1
            if close < 0:
                return
            self._end_block()
            line = line[close + 1 :]
        stripped = line.strip()
        if not stripped or stripped.startswith("%%") or stripped in ("```", "~~~"):
            return  # blank, a comment, or the fence closing a diagram pasted from Markdown
        self.statements += 1
        check_limit(self.statements, MAX_STATEMENTS, "statements")
        if self._accessibility(number, stripped):
            return
        protected = _Protected(stripped)
        code = re.split(r"#|%%", protected.text, maxsplit=1)[0]
        for statement in code.split(";"):
            if statement.strip():
                self._statement(number, statement.strip(), protected)

    def _accessibility(self, number: int, stripped: str) -> bool:
        for pattern, key in ((_ACC_TITLE, "acc"), (_ACC_DESCR, "descr")):
            match = pattern.match(stripped)
            if match:
                value = decode_entities(match[1]).strip()
                if key == "acc":
                    self.titles["acc"] = value
                else:
                    self.builder.set_info("description", value)
                return True
        match = _ACC_BLOCK.match(stripped)
        if match is None:
            return False
        self.block, self.block_start, self.block_size = [], number, 0
        self._line(number, match[1])
        return True

    def _end_block(self) -> None:
        assert self.block is not None
        lines = self.block
        self.block = None
        text = textwrap.dedent("\n".join([lines[0].strip(), *lines[1:]])).strip()
        self.builder.set_info("description", decode_entities(text))

    def _statement(self, number: int, statement: str, protected: _Protected) -> None:
        match = _TITLE.match(statement)
        if match:
            self.titles["title"] = protected.restore(match[1]).strip()
            return
        match = _SECTION.match(statement)
        if match:
            self._section(number, protected.restore(match[1]).strip(), match[2])
            return
        name, colon, data = statement.partition(":")
        if not colon:
            word = statement.split()[0].casefold()
            if word in ("title", "section"):
                self._skip(number, f"'{word}' needs a name after it")
            else:
                self._skip(
                    number,
                    f"'{protected.restore(statement)[:60]}' is neither a title, a section nor "
                    "a task (a task is written 'Task name: score: Actor, Actor')",
                )
            return
        self._task(number, protected.restore(name).strip(), data, protected)

    def _section(self, number: int, name: str, rest: str) -> None:
        if not name:
            self._skip(number, "a section needs a name")
            return
        if rest.strip():
            self._warn(number, "a section name ends at ':'; the text after it was ignored")
        try:
            self.stage = self.builder.stage(name[:200], separate=True)
        except ValueError:
            self._skip(number, "the section name holds characters a map cannot keep")

    def _task(self, number: int, name: str, data: str, protected: _Protected) -> None:
        if not name:
            self._skip(number, "a task needs a name before the ':'")
            return
        if not data:
            self._skip(number, "a task needs a score after the ':' (e.g. 'Make tea: 5')")
            return
        pieces = data.split(":")
        if len(pieces) > 2 and ":".join(pieces[2:]).strip():
            self._warn(number, "a task is 'name: score: actors'; the text after that was ignored")
        emotion = self._emotion(number, protected.restore(pieces[0]).strip())
        actors = (
            [protected.restore(a).strip() for a in pieces[1].split(",")] if len(pieces) > 1 else []
        )
        personas: list[str] = []
        for actor in filter(None, actors):
            try:
                ident = self.builder.persona(actor[:200])
            except ValueError:
                self._warn(number, f"the actor '{actor[:40]}' is not a usable name; left out")
                continue
            if ident not in personas:
                personas.append(ident)
        if self.stage is None:
            self.stage = self.builder.stage(NO_SECTION)
        fields: dict[str, Any] = {"emotion": emotion, "personas": tuple(personas)}
        try:
            ident = self.builder.add_touchpoint(
                None, name=name, stage=self.stage, lane=self.builder.lane(""), **fields
            )
        except TouchpointError as exc:
            self._skip(number, f"the task cannot become a touchpoint ({exc})")
            return
        if self.previous is not None:
            self.builder.connect(self.previous, ident)
        self.previous = ident

    def _emotion(self, number: int, text: str) -> int | None:
        if text and not _SCORE.fullmatch(text):
            self._warn(number, f"the score '{text[:20]}' is not a number; no emotion was set")
            return None
        score = float(text) if text else 0.0
        if not math.isfinite(score):
            self._warn(number, f"the score '{text[:20]}' is too large; no emotion was set")
            return None
        rounded = int(score + 0.5) if score >= 0 else -int(-score + 0.5)
        if rounded != score:
            shown = text[:20]
            self._warn(number, f"the score {shown} is not a whole number; rounded to {rounded}")
        clamped = min(5, max(1, rounded))
        if clamped != rounded:
            shown = text[:20] or "0 (empty)"
            self._warn(number, f"the score {shown} is outside 1–5; clamped to {clamped}")
        return clamped - 3


def _yaml_scalar(text: str) -> str:
    """A YAML plain or quoted scalar, as front matter titles are written."""
    if len(text) >= 2 and text[0] == text[-1] and text[0] in "'\"":
        inner = text[1:-1]
        return inner.replace("''", "'") if text[0] == "'" else inner.replace('\\"', '"')
    return text.split(" #", 1)[0].strip()
