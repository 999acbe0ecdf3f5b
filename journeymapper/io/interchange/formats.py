"""The data formats in one place: pick one by name or extension, import any, export any.

    result = import_file("sheet.csv")                # ImportResult: data, skipped, warnings
    export_file(journey, "map.mmd")                  # the format from the extension
    export_file(journey, "out.txt", "mermaid")       # or named

| format  | extensions          | options                  |
|---------|---------------------|--------------------------|
| csv     | .csv, .tsv          | delimiter=",", bom=True  |
| mermaid | .mmd, .mermaid      |                          |
| graphml | .graphml            | yed=True                 |
| journey | .journey            |                          |

Only data formats: the pictures of a map (PDF posters, PNG and SVG images of the
canvas) are made by `io.poster` and the editor, and the command line and the editor
choose between those and these. Every import raises only its format's
`FileFormatError` subclass; a file that is plainly another format than its extension
says (`sniff`) gets a sentence naming what it looks like instead of a parse error.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from journeymapper.io.errors import FileFormatError, JourneyFileError
from journeymapper.io.interchange.build import MAX_IMPORT_BYTES, ImportResult
from journeymapper.io.interchange.errors import CsvError, GraphMLError, MermaidError
from journeymapper.io.interchange.sniff import sniff
from journeymapper.io.journey_file import MAX_FILE_BYTES, load_journey, save_journey
from journeymapper.model.document import Journey

FORMATS = ("csv", "mermaid", "graphml", "journey")
EXTENSIONS = {
    "csv": "csv",
    "tsv": "csv",
    "mmd": "mermaid",
    "mermaid": "mermaid",
    "graphml": "graphml",
    "journey": "journey",
}
LABELS = {
    "csv": "CSV spreadsheet",
    "mermaid": "Mermaid journey",
    "graphml": "GraphML graph",
    "journey": "JourneyMapper map",
}
SUFFIXES = {"csv": ".csv", "mermaid": ".mmd", "graphml": ".graphml", "journey": ".journey"}
ERRORS: dict[str, type[FileFormatError]] = {
    "csv": CsvError,
    "mermaid": MermaidError,
    "graphml": GraphMLError,
    "journey": JourneyFileError,
}


class UnknownFormatError(ValueError):
    """No data format goes by that name or extension."""


def format_for(path: str | Path, fmt: str | None = None, *, verb: str = "import") -> str:
    """The format's name for `fmt` (a name or extension) or else `path`'s extension;
    `UnknownFormatError` says what cannot be done (`verb`) and lists what is known."""
    given = (fmt or Path(path).suffix).strip().lstrip(".").casefold()
    name = EXTENSIONS.get(given)
    if name is None:
        known = ", ".join(sorted(f".{e}" for e in EXTENSIONS))
        shown = f"'.{given}'" if given else "'' (the file has no extension; add one)"
        raise UnknownFormatError(f"cannot {verb} format {shown} (known: {known})")
    return name


def import_file(path: str | Path, fmt: str | None = None) -> ImportResult:
    """Read `path` as a map; raises the format's `FileFormatError` subclass if it cannot.

    `fmt` names the format; without it the extension does. A file whose first bytes
    plainly belong to another format is refused with a sentence that says so."""
    name = format_for(path, fmt)
    check_content(path, name)
    # Each format's module is imported when it is used: converting a Mermaid file to a
    # poster should not pay for loading the GraphML reader and writer.
    if name == "csv":
        from journeymapper.io.interchange.csv import read_csv

        return read_csv(path)
    if name == "mermaid":
        from journeymapper.io.interchange.mermaid import read_mermaid

        return read_mermaid(path)
    if name == "graphml":
        from journeymapper.io.interchange.graphml import read_graphml

        return read_graphml(path)
    return ImportResult(load_journey(path).to_data(), "journey")


def check_content(path: str | Path, name: str) -> None:
    """Refuse a file that looks like another format than `name`, in one sentence."""
    looks = sniff(path, MAX_FILE_BYTES if name == "journey" else MAX_IMPORT_BYTES)
    if looks is None or looks.format == name:
        return
    suffix = Path(path).suffix
    by_suffix = EXTENSIONS.get(suffix[1:].casefold()) == name
    expected = f"a {suffix} file" if by_suffix else f"a {LABELS[name]}"
    advice = f"; rename it to {SUFFIXES[looks.format]}" if looks.format in SUFFIXES else ""
    sentence = f"this looks like {looks.description}, not {expected}{advice}"
    raise ERRORS[name](path, "", sentence)


def export_file(journey: Journey, path: str | Path, fmt: str | None = None, **options: Any) -> None:
    """Write `journey` to `path` in `fmt` (default: from the extension), atomically.

    Options: `delimiter` and `bom` for CSV (a .tsv gets tabs), `yed` for GraphML."""
    name = format_for(path, fmt, verb="export")
    if name == "csv":
        from journeymapper.io.interchange.csv import write_csv

        given = (fmt or Path(path).suffix).lstrip(".").casefold()
        options.setdefault("delimiter", "\t" if given == "tsv" else ",")
        write_csv(journey, path, **options)
    elif name == "mermaid":
        from journeymapper.io.interchange.mermaid import write_mermaid

        write_mermaid(journey, path, **options)
    elif name == "graphml":
        from journeymapper.io.interchange.graphml import write_graphml

        write_graphml(journey, path, **options)
    else:
        save_journey(journey, path, **options)
