"""Touchpoint fields as single text cells, and back: the codecs CSV and GraphML share.

Lists are joined with `|`; inside an item a backslash escapes the next character, so a
literal `|` is written `\\|` and a literal backslash `\\\\` (a backslash before any other
character stays as it is, so a hand-typed `C:\\docs` survives). A KPI is written

    NAME=ACTUAL/TARGET UNIT      e.g.  Conversion rate=2.7/4.0%   Satisfaction=4.2/4.5 points

where every part after the name is optional (`NPS`, `NPS=/50`, `Wait=38 s`); a literal
`=` in a name is written `\\=`. Numbers may use a decimal comma (`2,7`), as sheets from
European locales do.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Iterator

from journeymapper.model import catalog
from journeymapper.model.schema import Category, EmotionScale, Evidence, Kpi, Ownership

SEPARATOR = "|"

# ----- spreadsheet formula injection --------------------------------------------------

_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def guard(cell: str) -> str:
    """A cell a spreadsheet will not run as a formula: an apostrophe before `= + - @`.

    A cell that starts with an apostrophe gets one more, so `unguard` can always
    remove exactly what was added.
    """
    return "'" + cell if cell.startswith((*_FORMULA_STARTS, "'")) else cell


def unguard(cell: str) -> str:
    """Undo `guard`: drop one apostrophe that precedes a formula character or another one."""
    if cell.startswith("'") and cell[1:].startswith((*_FORMULA_STARTS, "'")):
        return cell[1:]
    return cell


# ----- lists --------------------------------------------------------------------------


def escape(text: str, special: str = SEPARATOR) -> str:
    out = text.replace("\\", "\\\\")
    for char in special:
        out = out.replace(char, "\\" + char)
    return out


def join_items(items: Iterable[str]) -> str:
    return SEPARATOR.join(escape(item) for item in items)


_LIST_ESCAPES = "\\|"
_KPI_ESCAPES = "\\|=0123456789+-.,/"


def _tokens(text: str, escapable: str) -> Iterator[tuple[str, bool]]:
    """Characters of `text` with whether a backslash escaped them."""
    chars = iter(text)
    for char in chars:
        if char == "\\":
            following = next(chars, None)
            if following is None:
                yield char, False
            elif following in escapable:
                yield following, True
            else:
                yield char, False
                yield following, False
        else:
            yield char, False


def _split_tokens(text: str, escapable: str = _LIST_ESCAPES) -> list[list[tuple[str, bool]]]:
    items: list[list[tuple[str, bool]]] = [[]]
    for char, escaped in _tokens(text, escapable):
        if char == SEPARATOR and not escaped:
            items.append([])
        else:
            items[-1].append((char, escaped))
    return items


def split_items(text: str) -> list[str]:
    """The items of a `|`-joined cell, trimmed; empty items are dropped."""
    items = ("".join(char for char, _ in item).strip() for item in _split_tokens(text))
    return [item for item in items if item]


def split_keep_empty(text: str) -> list[str]:
    """Like `split_items`, but untrimmed and keeping empty items (labels beside targets)."""
    return ["".join(c for c, _ in item) for item in _split_tokens(text)] if text else []


# ----- KPIs ---------------------------------------------------------------------------

_NUMBER = r"[-+]?(?:\d+(?:[.,]\d*)?|[.,]\d+)(?:[eE][-+]?\d+)?"
# Matched on the stripped text: a lazy `(?P<unit>.*?)\s*$` tried every split of a run of
# blanks before a last letter, quadratic in its length (a 10,000-blank cell took seconds).
_KPI_VALUES = re.compile(
    rf"(?P<actual>{_NUMBER})?\s*(?:/\s*(?P<target>{_NUMBER})?)?\s*(?P<unit>.*)", re.S
)
_UNIT_NEEDS_ESCAPE = "0123456789+-.,/"  # would read as part of the numbers
_PRIVATE = 0xF0000  # placeholders for escaped characters while the numbers are parsed


def format_number(value: float) -> str:
    return repr(float(value))


def format_kpi(kpi: Kpi) -> str:
    name = escape(kpi.name, "|=")
    if kpi.actual is None and kpi.target is None and not kpi.unit:
        return name
    values = "" if kpi.actual is None else format_number(kpi.actual)
    if kpi.target is not None:
        values += "/" + format_number(kpi.target)
    unit = escape(kpi.unit)
    if unit[:1] and unit[0] in _UNIT_NEEDS_ESCAPE:
        unit = "\\" + unit
    gap = " " if values and unit and (unit[0].isalnum() or unit[0] == "\\") else ""
    return f"{name}={values}{gap}{unit}"


def format_kpis(kpis: Iterable[Kpi]) -> str:
    return SEPARATOR.join(format_kpi(k) for k in kpis)


def parse_number(text: str) -> float:
    """A finite number, with a decimal point or comma; ValueError otherwise."""
    value = float(text.strip().replace(",", "."))
    if not math.isfinite(value):
        raise ValueError(f"'{text}' is too large")
    return value


def parse_kpis(cell: str) -> tuple[list[Kpi], list[str]]:
    """The KPIs of a cell, and a sentence for each item that is not a KPI."""
    kpis: list[Kpi] = []
    problems: list[str] = []
    for tokens in _split_tokens(cell, _KPI_ESCAPES):
        if not "".join(c for c, _ in tokens).strip():
            continue
        try:
            kpis.append(_parse_kpi(tokens))
        except ValueError as exc:
            shown = "".join(c for c, _ in tokens).strip()
            problems.append(f"KPI '{shown}': {exc}")
    return kpis, problems


def _parse_kpi(tokens: list[tuple[str, bool]]) -> Kpi:
    split = next((i for i, (c, esc) in enumerate(tokens) if c == "=" and not esc), len(tokens))
    name = "".join(c for c, _ in tokens[:split]).strip()
    if not name:
        raise ValueError("a KPI needs a name before '='")
    originals: list[str] = []
    masked = ""
    for char, esc in tokens[split + 1 :]:
        if esc:
            masked += chr(_PRIVATE + len(originals))
            originals.append(char)
        else:
            masked += char
    match = _KPI_VALUES.fullmatch(masked.strip())
    assert match is not None  # every group is optional
    unit = "".join(
        originals[ord(c) - _PRIVATE] if 0 <= ord(c) - _PRIVATE < len(originals) else c
        for c in match["unit"]
    )
    actual = parse_number(match["actual"]) if match["actual"] else None
    target = parse_number(match["target"]) if match["target"] else None
    try:
        return Kpi(name=name, actual=actual, target=target, unit=unit)
    except Exception as exc:  # pydantic's ValidationError: a name too long, a control character
        raise ValueError("not a valid KPI (name or unit too long, or control characters)") from exc


# ----- enumerations and numbers -----------------------------------------------------


def parse_category(text: str) -> Category | None:
    key = text.strip().casefold()
    if not key:
        return None
    for category in Category:
        if key in (category.value, catalog.CATEGORY_LABELS[category].casefold()):
            return category
    raise ValueError(f"'{text}' is not a category; use digital, physical or human")


def parse_ownership(text: str) -> Ownership:
    key = text.strip().casefold().split(" ")[0] if text.strip() else "owned"
    if key in ("indirect", "earned"):
        return Ownership.EARNED
    if key == "direct":
        return Ownership.OWNED
    try:
        return Ownership(key)
    except ValueError:
        raise ValueError(f"'{text}' is not an ownership; use owned, paid or earned") from None


def parse_evidence(text: str) -> Evidence:
    key = re.sub(r"[\s-]+", "_", text.strip().casefold()) or "assumption"
    try:
        return Evidence(key)
    except ValueError:
        raise ValueError(
            f"'{text}' is not an evidence level; use assumption, partly backed or research-based"
        ) from None


def parse_emotion(text: str, scale: EmotionScale) -> int | None:
    """A whole number on `scale` (or one of its labels, such as "Pleased"); '' is None."""
    text = text.strip()
    if not text:
        return None
    for value in range(scale.minimum, scale.maximum + 1):
        if scale.labels and scale.label(value).casefold() == text.casefold():
            return value
    try:
        number = float(text.replace(",", "."))
    except ValueError:
        raise ValueError(
            f"'{text}' is not an emotion; use a whole number from "
            f"{scale.minimum} to {scale.maximum}"
        ) from None
    if not number.is_integer() or not scale.contains(int(number)):
        raise ValueError(f"'{text}' is outside the emotion scale {scale.minimum}…{scale.maximum}")
    return int(number)


def parse_votes(text: str) -> int:
    text = text.strip()
    if not text:
        return 0
    try:
        number = float(text)
    except ValueError:
        raise ValueError(f"'{text}' is not a number of votes") from None
    if not number.is_integer() or not 0 <= number <= 1_000_000:
        raise ValueError(f"'{text}' is not a number of votes (a whole number, 0 or more)")
    return int(number)


def normalise_channel(text: str) -> str:
    """A catalogue key for a catalogue key or label ("Online ads" → online_ads); else the text."""
    text = text.strip()
    if catalog.channel(text) is not None:
        return text
    key = text.casefold()
    for entry in catalog.CHANNELS:
        if key in (entry.key, entry.label.casefold()):
            return entry.key
    return text
