"""Short phrases the findings are written with: quoted names and lists of names.

Findings are read aloud in workshops, so they name cards and stages as people wrote
them, never by id.
"""

from __future__ import annotations

from collections.abc import Sequence

NAME_LIMIT = 40


def quoted(name: str, limit: int = NAME_LIMIT) -> str:
    """`“Order confirmation email”`, shortened with an ellipsis past `limit` characters."""
    text = " ".join(name.split())
    if len(text) > limit:
        text = text[: limit - 1].rstrip() + "…"
    return f"“{text}”"


def name_list(names: Sequence[str], shown: int = 3, more: int | None = None) -> str:
    """`“A”, “B” and “C”`, or `“A”, “B”, “C” and 4 more` for longer lists. `more`: the
    length of the whole list when `names` is only its beginning."""
    quoted_names = [quoted(n) for n in names[:shown]]
    rest = (len(names) if more is None else more) - len(quoted_names)
    if rest > 0:
        return f"{', '.join(quoted_names)} and {rest} more"
    if len(quoted_names) <= 1:
        return "".join(quoted_names)
    return f"{', '.join(quoted_names[:-1])} and {quoted_names[-1]}"


def plural(count: int, singular: str, many: str | None = None) -> str:
    """`1 touchpoint`, `3 touchpoints`."""
    word = singular if count == 1 else (many or singular + "s")
    return f"{count} {word}"
