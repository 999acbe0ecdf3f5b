"""`journeymapper run-demo` (hidden): write a sample map, then validate it and print its stats."""

from __future__ import annotations

import argparse

from journeymapper.cli.output import Output
from journeymapper.cli.stats import print_stats
from journeymapper.cli.validate import validate_files

NAME = "run-demo"
HELP: str | None = None  # hidden: a quick look at what the command line prints, without a map
DESCRIPTION = "Write and check a sample map."


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """No options."""


def run(args: argparse.Namespace, out: Output) -> int:
    import tempfile
    from pathlib import Path

    from journeymapper.analysis.demo import demo_map
    from journeymapper.io.journey_file import save_data

    path = Path(tempfile.mkdtemp(prefix="journeymapper-demo-")) / "clothing-store.journey"
    save_data(demo_map(), path, backup=False)
    out.lines([f"Wrote a sample map: {path}", "", "Validation"])
    validate_files([path], out, as_json=False, strict=False)
    out.lines(["", "Stats"])
    return print_stats(path, out, as_json=False)
