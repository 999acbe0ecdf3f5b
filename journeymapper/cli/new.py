"""`journeymapper new -o FILE`: write a new map, blank or from `--template NAME`.

The templates are `journeymapper.model.templates.templates()`, the registry File ▸ New
from Template reads too; listing them reads plain JSON, so the parser can offer the
names without loading pydantic. `--list-templates` prints them and ends the command, as
`--help` and `--version` do, so it works without the `-o` that `new` otherwise needs.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from journeymapper.cli.output import EXIT_FAILED, EXIT_OK, EXIT_REFUSED, Output

if TYPE_CHECKING:
    from pathlib import Path

    from journeymapper.model.schema import JourneyData

DEFAULT_TITLE = "Untitled journey"


NAME = "new"
HELP: str | None = "write a new map"
DESCRIPTION = (
    "Write a new map with the three purchase phases (pre-purchase, "
    "purchase, post-purchase) and the usual lanes. Refuses to replace an existing "
    "file (exit code 1) unless --force is given; exit code 2 when it cannot be written."
)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    from pathlib import Path

    parser.add_argument(
        "-o", "--output", type=Path, required=True, metavar="FILE", help="where to write the map"
    )
    parser.add_argument("--title", default=DEFAULT_TITLE, help="the map's title")
    parser.add_argument(
        "--force",
        action="store_true",
        help="replace FILE if it exists (the old one is kept as FILE.bak)",
    )
    from journeymapper.model.templates import templates

    names = list(templates())
    parser.add_argument(
        "--template",
        metavar="NAME",
        choices=names,
        help=f"start from a template: {', '.join(names)} (default: blank; the template's "
        "title unless --title is given)",
    )
    parser.add_argument(
        "--list-templates", action=_ListTemplates, help="list the templates and exit"
    )


def run(args: argparse.Namespace, out: Output) -> int:
    from pydantic import ValidationError

    from journeymapper.io.errors import first_problem
    from journeymapper.io.journey_file import save_data

    path: Path = args.output
    if path.exists() and not args.force:
        out.problem(f"{path} already exists; add --force to replace it")
        return EXIT_REFUSED
    try:
        data = starting_map(args)
    except ValidationError as exc:  # e.g. an empty title
        place, message = first_problem(exc)
        out.problem(f"--{place}: {message}")
        return EXIT_FAILED
    try:
        save_data(data, path)
    except OSError as exc:
        out.problem(f"{path}: cannot be written ({exc.strerror or exc})")
        return EXIT_FAILED
    out.line(f"wrote {path}")
    return EXIT_OK


def starting_map(args: argparse.Namespace) -> JourneyData:
    """The new map: the chosen template (or the blank three-phase map), titled."""
    from journeymapper.model.templates import template

    name = args.template or "blank"
    title = None if args.template and args.title == DEFAULT_TITLE else args.title
    return template(name).build(title)


def template_listing() -> list[str]:
    """One line per template: its name, title and what it holds."""
    from journeymapper.model.templates import templates

    width = max(len(name) for name in templates())
    return [f"{t.name:<{width}}  {t.title}: {t.description}" for t in templates().values()]


class _ListTemplates(argparse.Action):
    def __init__(self, option_strings: Sequence[str], dest: str, **kwargs: Any) -> None:
        super().__init__(
            option_strings, dest, nargs=0, default=argparse.SUPPRESS, help=kwargs.get("help")
        )

    def __call__(
        self,
        parser: argparse.ArgumentParser,
        namespace: argparse.Namespace,
        values: Any,
        option_string: str | None = None,
    ) -> None:
        sys.stdout.write("".join(line + "\n" for line in template_listing()))
        parser.exit(0)
