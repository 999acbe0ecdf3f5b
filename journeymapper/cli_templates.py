"""`journeymapper new --template NAME` and `--list-templates`: the options `new` gets.

The templates are `journeymapper.model.templates.templates()`, the registry File ▸ New
from Template reads too. `--list-templates` prints them and ends the command, as
`--help` and `--version` do, so it works without the `-o` that `new` otherwise needs.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from typing import Any

from journeymapper.model.schema import JourneyData
from journeymapper.model.templates import blank_map, template, templates

DEFAULT_TITLE = "Untitled journey"


def template_listing() -> list[str]:
    """One line per template: its name, title and what it holds."""
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


def add_template_options(parser: argparse.ArgumentParser) -> None:
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


def template_map(args: argparse.Namespace) -> JourneyData:
    """The new map: the chosen template (or the blank three-phase map), titled."""
    name = getattr(args, "template", None)
    if not name:
        return blank_map(args.title)
    title = None if args.title == DEFAULT_TITLE else args.title
    return template(name).build(title)
