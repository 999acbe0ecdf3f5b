"""`journeymapper export FILE -o OUT.pdf`: the poster, or with `--summary` the session summary.

The options become `PosterOptions` before the map is read, so a wrong option costs
nothing; reportlab is imported only when the PDF is drawn.
"""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, Any

from journeymapper.cli.output import EXIT_FAILED, EXIT_OK, Output, ext

if TYPE_CHECKING:
    import datetime as dt
    from pathlib import Path

    from journeymapper.io.poster.options import PosterOptions
    from journeymapper.model.document import Journey

POSTER_ONLY = ("paper", "orientation", "fit", "tile", "scale", "overlap", "persona", "findings")


def poster_options(args: argparse.Namespace) -> PosterOptions:
    """The options the command line asks for; `PosterError` for anything unusable."""
    import datetime as dt

    from journeymapper.io.poster.options import Mode, PosterOptions
    from journeymapper.io.poster.paper import Orientation, PosterError, parse_number, parse_paper

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


def checked_poster(args: argparse.Namespace, out: Output) -> PosterOptions | None:
    """The poster's options, or None (said in one line) when they cannot be used."""
    from journeymapper.io.poster.paper import PosterError

    if args.dpi is not None:
        out.problem("--dpi applies to PNG images only; a poster PDF is vector")
        return None
    try:
        return poster_options(args)
    except PosterError as exc:
        out.problem(str(exc))
        return None


def write_poster(journey: Journey, path: Path, options: PosterOptions, out: Output) -> int:
    from journeymapper.io.poster.export import export_poster
    from journeymapper.io.poster.paper import PosterError
    from journeymapper.io.poster.plan import describe, hint

    try:
        result = export_poster(journey, path, options)
    except PosterError as exc:
        out.problem(str(exc))
        return EXIT_FAILED
    except OSError as exc:
        out.problem(f"{path}: cannot be written ({exc.strerror or exc})")
        return EXIT_FAILED
    out.line(f"wrote {path} ({describe(result.plan, options, result.pages)})")
    advice = hint(result.plan)
    if advice:
        out.line(f"note: {advice}")
    return EXIT_OK


def summary_date(args: argparse.Namespace, fmt: str, out: Output) -> dt.date | None:
    """The date of a `--summary`, or None (said in one line) when the options do not fit."""
    import datetime as dt

    if fmt != "pdf":
        out.problem(f"--summary writes a PDF, not {ext(fmt)}")
        return None
    given = [name for name in (*POSTER_ONLY, "dpi") if getattr(args, name, None)]
    if given or args.no_legend:
        out.problem(f"--{(given or ['no-legend'])[0]} applies to posters, not to --summary")
        return None
    try:
        return dt.date.fromisoformat(args.date) if args.date else dt.date.today()
    except ValueError:
        out.problem(f"--date must be YYYY-MM-DD, not {args.date!r}")
        return None


def write_summary(journey: Journey, path: Path, day: dt.date, out: Output) -> int:
    from journeymapper.io.summary_pdf import export_summary

    try:
        export_summary(journey, path, day)
    except OSError as exc:
        out.problem(f"{path}: cannot be written ({exc.strerror or exc})")
        return EXIT_FAILED
    out.line(f"wrote {path} (session summary, 1 page)")
    return EXIT_OK
