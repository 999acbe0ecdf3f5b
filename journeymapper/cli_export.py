"""`journeymapper export FILE -o OUT`: a poster PDF, or another format by its extension.

PDF posters are built here (`journeymapper.io.poster`), and with `--summary` the
one-page session summary (`journeymapper.io.summary_pdf`); every other extension goes to
`journeymapper.io.interchange.export_file`, imported lazily. Bad options, an unknown
paper or format, an unreadable map and an unwritable output are each one line on
stderr and exit code 2; never a traceback.
"""

from __future__ import annotations

import argparse
import datetime as dt
import importlib
import logging
from pathlib import Path
from typing import Any, Protocol

from journeymapper.io.poster.options import Mode, PosterOptions
from journeymapper.io.poster.paper import (
    KNOWN,
    Orientation,
    PosterError,
    parse_number,
    parse_paper,
)

log = logging.getLogger(__name__)

EXIT_OK = 0
EXIT_FAILED = 2
INTERCHANGE_MODULE = "journeymapper.io.interchange"
POSTER_ONLY = ("paper", "orientation", "fit", "tile", "scale", "overlap", "persona", "findings")


class Out(Protocol):
    def line(self, text: str = "") -> None: ...
    def problem(self, text: str) -> None: ...


def register(commands: Any) -> None:
    """Add the `export` subcommand to an argparse subparsers object."""
    parser = commands.add_parser(
        "export",
        help="export a map as a poster PDF (or CSV, Mermaid, GraphML, PNG, SVG)",
        description="Export FILE to OUT. A .pdf is a poster: the whole map fitted on one "
        "sheet (--fit, the default), or printed at --scale over several sheets (--tile "
        "PAPER) with crop marks, sheet labels and an assembly page, or on one page of its "
        "own size (--scale without --tile). Other extensions are exported as that format. "
        "Exit code 2 when the map cannot be read, OUT cannot be written, or an option is "
        "wrong.",
    )
    parser.add_argument("file", type=Path, metavar="FILE", help="a .journey file")
    parser.add_argument(
        "-o",
        "--output",
        type=Path,
        required=True,
        metavar="OUT",
        help="where to write (.pdf: a poster)",
    )
    parser.add_argument(
        "--format", help="the output format (default: from OUT's extension, e.g. pdf)"
    )
    parser.add_argument(
        "--paper",
        metavar="PAPER",
        help=f"the sheet for --fit: {KNOWN}, or WIDTHxHEIGHT with mm, in or pt "
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
        "--dpi", type=int, metavar="N", help="pixels per inch of a .png image (default 144)"
    )
    parser.add_argument(
        "--date", metavar="YYYY-MM-DD", help="the date in the title block (default: today)"
    )
    parser.add_argument(
        "--summary",
        action="store_true",
        help="a one-page session summary PDF instead of the poster: top-voted touchpoints, "
        "pain points and opportunities per stage, findings",
    )
    parser.set_defaults(handler=run_export)


def run_export(args: argparse.Namespace, out: Out) -> int:
    fmt = (args.format or args.output.suffix.lstrip(".")).lower()
    if getattr(args, "summary", False):
        return _run_summary(args, out, fmt)
    if fmt == "pdf":
        if args.dpi is not None:
            out.problem("--dpi applies to PNG images only; a poster PDF is vector")
            return EXIT_FAILED
        return _run_poster(args, out)
    return _run_interchange(args, out, fmt)


def _load(path: Path, out: Out) -> Any:
    from journeymapper.io.errors import FileFormatError
    from journeymapper.io.journey_file import load_journey

    try:
        return load_journey(path)
    except FileFormatError as exc:
        out.problem(str(exc))
        return None


def poster_options(args: argparse.Namespace) -> PosterOptions:
    """The options the command line asks for; `PosterError` for anything unusable."""
    options: dict[str, Any] = {}
    if args.paper:
        options["paper"] = parse_paper(args.paper)
    if args.orientation:
        options["orientation"] = Orientation(args.orientation)
    if args.scale is not None:
        options["scale"] = parse_number(args.scale, "--scale", 0.01, 10, percent=True)
    if args.overlap is not None:
        options["overlap_mm"] = parse_number(args.overlap, "--overlap (mm)", 0, 50)
    if args.tile:
        options["mode"] = Mode.TILE
        options["tile_paper"] = parse_paper(args.tile)
    elif args.scale is not None:
        if args.fit:
            raise PosterError("--fit scales the map to the paper; drop --scale, or use --tile")
        if args.paper:
            raise PosterError(
                "--paper sets the sheet for --fit; with --scale alone the page "
                "takes the map's size (use --tile PAPER to print on PAPER)"
            )
        options["mode"] = Mode.ACTUAL
    if args.overlap is not None and not args.tile:
        raise PosterError("--overlap only applies with --tile")
    if args.tile and args.paper:
        raise PosterError("--paper is for --fit; --tile PAPER sets the sheet size")
    if args.date:
        try:
            options["date"] = dt.date.fromisoformat(args.date)
        except ValueError:
            raise PosterError(f"--date must be YYYY-MM-DD, not {args.date!r}") from None
    options["persona"] = args.persona
    options["findings"] = args.findings
    options["legend"] = not args.no_legend
    return PosterOptions(**options).checked()


def _run_poster(args: argparse.Namespace, out: Out) -> int:
    try:
        options = poster_options(args)
    except PosterError as exc:
        out.problem(str(exc))
        return EXIT_FAILED
    journey = _load(args.file, out)
    if journey is None:
        return EXIT_FAILED
    from journeymapper.io.poster.export import export_poster
    from journeymapper.io.poster.plan import describe, hint

    try:
        result = export_poster(journey, args.output, options)
    except PosterError as exc:
        out.problem(str(exc))
        return EXIT_FAILED
    except OSError as exc:
        out.problem(f"{args.output}: cannot be written ({exc.strerror or exc})")
        return EXIT_FAILED
    except Exception as exc:  # a bug: still one line, with the details in the log
        log.exception("poster export failed")
        out.problem(
            f"the poster could not be made ({type(exc).__name__}: {exc}); please report this"
        )
        return EXIT_FAILED
    out.line(f"wrote {args.output} ({describe(result.plan, options)})")
    advice = hint(result.plan)
    if advice:
        out.line(f"note: {advice}")
    return EXIT_OK


def _run_summary(args: argparse.Namespace, out: Out, fmt: str) -> int:
    if fmt != "pdf":
        out.problem(f"--summary writes a PDF, not {_ext(fmt)}")
        return EXIT_FAILED
    given = [name for name in (*POSTER_ONLY, "dpi") if getattr(args, name, None)]
    if given or args.no_legend:
        out.problem(f"--{(given or ['no-legend'])[0]} applies to posters, not to --summary")
        return EXIT_FAILED
    try:
        day = dt.date.fromisoformat(args.date) if args.date else dt.date.today()
    except ValueError:
        out.problem(f"--date must be YYYY-MM-DD, not {args.date!r}")
        return EXIT_FAILED
    journey = _load(args.file, out)
    if journey is None:
        return EXIT_FAILED
    from journeymapper.io.summary_pdf import export_summary

    try:
        export_summary(journey, args.output, day)
    except OSError as exc:
        out.problem(f"{args.output}: cannot be written ({exc.strerror or exc})")
        return EXIT_FAILED
    out.line(f"wrote {args.output} (session summary, 1 page)")
    return EXIT_OK


def _run_interchange(args: argparse.Namespace, out: Out, fmt: str) -> int:
    given = [name for name in POSTER_ONLY if getattr(args, name, None)]
    if args.no_legend:
        given.append("no-legend")
    try:
        module = importlib.import_module(INTERCHANGE_MODULE)
        export_file = module.export_file
    except (ImportError, AttributeError):
        out.problem(f"unknown export format {_ext(fmt)} (known: .pdf)")
        return EXIT_FAILED
    known = _known_formats(module)
    if known and fmt not in known:
        listing = ", ".join("." + k for k in sorted({"pdf", *known}))
        out.problem(f"unknown export format {_ext(fmt)} (known: {listing})")
        return EXIT_FAILED
    if given:
        out.problem(f"--{given[0]} applies to PDF posters only, not to {_ext(fmt)}")
        return EXIT_FAILED
    options = {} if args.dpi is None else {"dpi": args.dpi}
    if options and fmt != "png":
        out.problem(f"--dpi applies to PNG images only, not to {_ext(fmt)}")
        return EXIT_FAILED
    journey = _load(args.file, out)
    if journey is None:
        return EXIT_FAILED
    try:
        export_file(journey, args.output, fmt, **options)
    except (ValueError, KeyError) as exc:
        out.problem(str(exc).strip("'\"") or f"unknown export format {_ext(fmt)}")
        return EXIT_FAILED
    except OSError as exc:
        out.problem(f"{args.output}: cannot be written ({exc.strerror or exc})")
        return EXIT_FAILED
    out.line(f"wrote {args.output}")
    return EXIT_OK


def _known_formats(module: Any) -> set[str]:
    for name in ("EXPORT_FORMATS", "FORMATS", "EXPORTERS"):
        value = getattr(module, name, None)
        if value:
            return {str(k).lower().lstrip(".") for k in value}
    return set()


def _ext(fmt: str) -> str:
    return f"'.{fmt}'" if fmt else "'' (OUT has no extension; add one or use --format)"
