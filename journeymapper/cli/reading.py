"""Reading the map a command is given, in any format `import` reads.

`import` and `export` both start here, so both have the same bounds (the size checked
before a byte is read), the same one-line errors (a wrong extension gets a sentence
saying what the file looks like) and the same report: every row or line the import
skipped or changed is one line on stderr with its number.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from journeymapper.cli.output import Output

if TYPE_CHECKING:
    from pathlib import Path

    from journeymapper.io.interchange.build import ImportResult
    from journeymapper.model.document import Journey

IMPORT_FORMATS = ("csv", "mermaid", "graphml", "journey", "tsv", "mmd")


def read_import(path: Path, fmt: str | None, out: Output) -> ImportResult | None:
    """The import of `path` with its notices reported; None (reported) if nothing was read."""
    from journeymapper.io.errors import FileFormatError
    from journeymapper.io.interchange.formats import UnknownFormatError, import_file

    try:
        result = import_file(path, fmt)
    except UnknownFormatError as exc:
        out.problem(f"{path}: {exc}")
        return None
    except FileFormatError as exc:
        out.problem(str(exc))
        return None
    for line in result.report():
        out.problem(f"{path}: {line}")
    if result.is_empty:
        out.problem(f"{path}: nothing could be imported")
        return None
    return result


def read_journey(path: Path, fmt: str | None, out: Output) -> Journey | None:
    """The map in `path`, in any import format, as a `Journey`; None (reported) if none.

    A `.journey` file is loaded directly (no detour through the import's data)."""
    from journeymapper.io.errors import FileFormatError
    from journeymapper.io.interchange.formats import UnknownFormatError, check_content, format_for
    from journeymapper.io.journey_file import load_journey
    from journeymapper.model.document import Journey

    try:
        if format_for(path, fmt) == "journey":
            check_content(path, "journey")
            return load_journey(path)
    except UnknownFormatError as exc:
        out.problem(f"{path}: {exc}")
        return None
    except FileFormatError as exc:
        out.problem(str(exc))
        return None
    result = read_import(path, fmt, out)
    return None if result is None else Journey(result.data)
