"""`journeymapper export IN -o OUT`: any format `import` reads to any format, in one step.

IN is a `.journey` map or anything `import` takes (CSV, Mermaid, GraphML), with the
import's bounds and its skipped-line report on stderr; OUT's extension (or `--format`)
picks what is written: a poster PDF (`poster`), a PNG or SVG of the canvas (`images`),
or a data format (`io.interchange.formats`). Options are checked before IN is read;
bad options, an unreadable IN and an unwritable OUT are each one line on stderr and
exit code 2.
"""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from journeymapper.cli import images, poster
from journeymapper.cli.output import EXIT_FAILED, EXIT_OK, Output, ext
from journeymapper.cli.reading import IMPORT_FORMATS, read_journey

if TYPE_CHECKING:
    from pathlib import Path

    from journeymapper.model.document import Journey

DATA_FORMATS = ("csv", "tsv", "mmd", "mermaid", "graphml", "journey")
KNOWN = ("pdf", *images.FORMATS, *DATA_FORMATS)


NAME = "export"
HELP: str | None = "convert a map to a poster PDF, PNG, SVG, CSV, Mermaid, GraphML or .journey"
DESCRIPTION = (
    "Convert IN to OUT in one step. IN is a .journey map or any file `import` reads "
    "(.csv/.tsv, .mmd, .graphml); rows or lines it skips are reported on stderr. A .pdf "
    "OUT is a poster: the whole map fitted on one sheet (--fit, the default), or printed "
    "at --scale over several sheets (--tile PAPER) with crop marks, sheet labels and an "
    "assembly page, or on one page of its own size (--scale without --tile). Other "
    "extensions are written as that format. Exit code 2 when IN cannot be read, OUT "
    "cannot be written, or an option is wrong."
)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    from pathlib import Path

    parser.add_argument("file", type=Path, metavar="IN", help="the map to convert")
    parser.add_argument(
        "-o", "--output", type=Path, required=True, metavar="OUT", help="where to write"
    )
    parser.add_argument("--format", help="OUT's format (default: from OUT's extension, e.g. pdf)")
    parser.add_argument(
        "--from",
        dest="source_format",
        choices=IMPORT_FORMATS,
        help="IN's format (default: from IN's extension)",
    )
    _add_poster_options(parser)
    parser.add_argument(
        "--dpi", type=int, metavar="N", help="pixels per inch of a .png image (default 144)"
    )


def _add_poster_options(parser: argparse.ArgumentParser) -> None:
    from journeymapper.io.poster.paper import KNOWN as PAPERS
    from journeymapper.io.poster.paper import Orientation

    parser.add_argument(
        "--paper",
        metavar="PAPER",
        help=f"the sheet for --fit: {PAPERS}, or WIDTHxHEIGHT with mm, in or pt "
        "(e.g. 600x900mm); default a3",
    )
    parser.add_argument(
        "--orientation",
        choices=[o.value for o in Orientation],
        help="portrait, landscape, or auto (default: follows the map's shape)",
    )
    layout = parser.add_mutually_exclusive_group()
    layout.add_argument(
        "--fit", action="store_true", help="the whole map on one sheet (the default)"
    )
    layout.add_argument(
        "--tile", metavar="PAPER", help="print at --scale over sheets of PAPER (e.g. a4)"
    )
    parser.add_argument(
        "--scale", metavar="S", help="print scale: 1 or 100%% is the map's own size (default 1)"
    )
    parser.add_argument(
        "--overlap", metavar="MM", help="how much neighbouring sheets share (default 10 mm)"
    )
    parser.add_argument("--persona", metavar="NAME", help="highlight one persona's line and cards")
    parser.add_argument(
        "--findings", action="store_true", help="add the coverage findings on a last page"
    )
    parser.add_argument("--no-legend", action="store_true", help="leave the legend out")
    parser.add_argument(
        "--date", metavar="YYYY-MM-DD", help="the date in the title block (default: today)"
    )
    parser.add_argument(
        "--summary",
        action="store_true",
        help="a one-page session summary PDF instead of the poster: top-voted touchpoints, "
        "pain points and opportunities per stage, findings",
    )


def run(args: argparse.Namespace, out: Output) -> int:
    fmt = (args.format or args.output.suffix.lstrip(".")).strip().lstrip(".").lower()
    if args.summary:
        day = poster.summary_date(args, fmt, out)
        journey = None if day is None else read_journey(args.file, args.source_format, out)
        if day is None or journey is None:
            return EXIT_FAILED
        return poster.write_summary(journey, args.output, day, out)
    if fmt == "pdf":
        options = poster.checked_poster(args, out)
        journey = None if options is None else read_journey(args.file, args.source_format, out)
        if options is None or journey is None:
            return EXIT_FAILED
        return poster.write_poster(journey, args.output, options, out)
    if not _options_fit(args, fmt, out):
        return EXIT_FAILED
    journey = read_journey(args.file, args.source_format, out)
    if journey is None:
        return EXIT_FAILED
    if fmt in images.FORMATS:
        return images.write_image(journey, args.output, fmt, args.dpi, out)
    return _write_data(journey, args.output, fmt, out)


def _options_fit(args: argparse.Namespace, fmt: str, out: Output) -> bool:
    """For an image or data OUT: a known format, and no option that only posters take."""
    if fmt not in KNOWN:
        listing = ", ".join("." + k for k in sorted(KNOWN))
        out.problem(f"unknown export format {ext(fmt)} (known: {listing})")
        return False
    given = [name for name in poster.POSTER_ONLY if getattr(args, name, None)]
    if args.no_legend:
        given.append("no-legend")
    if given:
        out.problem(f"--{given[0]} applies to PDF posters only, not to {ext(fmt)}")
        return False
    if args.dpi is not None and fmt != "png":
        out.problem(f"--dpi applies to PNG images only, not to {ext(fmt)}")
        return False
    return True


def _write_data(journey: Journey, path: Path, fmt: str, out: Output) -> int:
    from journeymapper.io.interchange.formats import export_file

    try:
        export_file(journey, path, fmt)
    except OSError as exc:
        out.problem(f"{path}: cannot be written ({exc.strerror or exc})")
        return EXIT_FAILED
    out.line(f"wrote {path}")
    return EXIT_OK
