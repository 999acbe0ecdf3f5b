"""How much one import takes, so that a hostile file cannot hold the editor for long.

A journey map is small (the benchmark map has 5,000 touchpoints); a file that would
make a far larger one, or that the importer mostly has to skip, is refused with the
importer's own error instead of being read for a minute. With these limits every
importer reads any file of up to 10 MB in well under two seconds
(tests/io/test_hostile_timing.py holds that).

The builder raises `ImportLimitError`; each importer turns it into its
`FileFormatError` subclass. It is not a `ValueError`, so the per-row `except
ValueError` handlers that skip one bad row let it through.
"""

from __future__ import annotations

from typing import TypeVar

MAX_TOUCHPOINTS = 10_000
MAX_CONNECTIONS = 100_000
MAX_STAGES = 1_000
MAX_LANES = 200
MAX_PERSONAS = 500
MAX_SKIPPED = 1_000  # lines or rows an import could not take at all
MAX_WARNINGS = 5_000  # further warnings are counted, not kept
MAX_CSV_COLUMNS = 1_000
MAX_CSV_ROWS = 100_000  # blank ones included
MAX_ENTITY_CODES = 20_000  # Mermaid's `#35;` codes in one file
MAX_TEXT_BLOCK = 100_000  # characters of a Mermaid `accDescr { … }` block kept
MAX_LINES = 1_000_000  # lines of a Mermaid file, blank ones included
MAX_STATEMENTS = 50_000  # Mermaid lines that are neither blank nor comments
MAX_XML_TAGS = 500_000  # `<` in a GraphML file; a 5,000-card yEd export has ~360,000
MAX_GRAPHML_KEYS = 1_000  # <key> declarations; an export has about 30
MAX_GRAPHML_NODES = 6_000  # GraphML is the slowest to read: ~0.2 ms a node
MAX_XML_ATTRIBUTES = 5_000  # on one element


class ImportLimitError(Exception):
    """A file that would make a map larger than an import takes; `str()` says which limit."""


def check_limit(count: int, limit: int, what: str) -> None:
    """Refuse the `count`-th item of a kind when it goes over `limit`."""
    if count > limit:
        raise ImportLimitError(
            f"holds more than {limit:,} {what}; JourneyMapper imports at most {limit:,}"
        )


T = TypeVar("T")


class SkippedList(list[T]):
    """The lines an import skipped: past `MAX_SKIPPED` the file is not what it claims to be."""

    def append(self, item: T) -> None:
        if len(self) >= MAX_SKIPPED:
            raise ImportLimitError(
                f"more than {MAX_SKIPPED:,} lines or rows could not be read; "
                "is this the right kind of file?"
            )
        super().append(item)


class WarningList(list[T]):
    """Warnings of an import: the first `MAX_WARNINGS` are kept, the rest only counted."""

    dropped = 0

    def append(self, item: T) -> None:
        if len(self) >= MAX_WARNINGS:
            self.dropped += 1
            return
        super().append(item)
