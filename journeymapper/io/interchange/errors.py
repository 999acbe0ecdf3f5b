"""The errors of the interchange formats: one `FileFormatError` subclass per format.

Each importer raises only its own, and only when nothing in the file can be read; a
line or row it cannot take is a `Notice` in the result instead.
"""

from __future__ import annotations

from journeymapper.io.errors import FileFormatError


class CsvError(FileFormatError):
    """A CSV file that cannot be imported at all."""


class MermaidError(FileFormatError):
    """Mermaid text that is not a user journey at all."""


class GraphMLError(FileFormatError):
    """A GraphML file that cannot be imported: not XML, not GraphML, or unsafe XML."""
