"""Where the bundled files (fonts, icons, schema, desktop files, templates, examples) are.

The checkout keeps them in `resources/` and `examples/` at the top; the build maps those
folders into the package as `journeymapper/_resources` and `journeymapper/_examples`
(pyproject.toml, build.spec), so every install finds them the same way:

- a wheel or the PyInstaller bundle: `importlib.resources.files("journeymapper")` and
  the mapped folder inside it (PyInstaller's frozen importer answers `files()` from the
  bundle's folder);
- a checkout, editable or on `PYTHONPATH`: the top-level folder beside the package (an
  editable install points at the sources, where the mapped folders do not exist);
- a zip on `sys.path`: the file is extracted once, by `importlib.resources.as_file`.

A file that is in none of them raises `MissingResourceError`, which names the file and
every place looked in: the command line prints it as one line and exits 2.
"""

from __future__ import annotations

import atexit
import contextlib
from collections.abc import Iterator
from functools import cache
from importlib.resources import as_file, files
from importlib.resources.abc import Traversable
from pathlib import Path

PACKAGE = "journeymapper"
_MAPPED = {"resources": "_resources", "examples": "_examples"}
_SOURCE_ROOT = Path(__file__).resolve().parents[2]


class MissingResourceError(Exception):
    """A bundled file is missing: the install is incomplete (a packager dropped it).

    Not an `OSError`: callers that catch "cannot write OUT" must not take it for that."""

    def __init__(self, name: str, looked_in: list[str]) -> None:
        self.name = name
        self.looked_in = looked_in
        where = " and ".join(looked_in)
        super().__init__(
            f"the bundled file {name} is missing (looked in {where}); "
            "the installation is incomplete: reinstall JourneyMapper"
        )


def _places(folder: str) -> Iterator[Traversable]:
    """Where `folder` ("resources" or "examples") may be, in the order they are tried."""
    yield files(PACKAGE).joinpath(_MAPPED[folder])
    if (_SOURCE_ROOT / "pyproject.toml").is_file():  # a checkout, not site-packages
        yield _SOURCE_ROOT / folder


@cache
def _folder(folder: str) -> Traversable | None:
    return next((place for place in _places(folder) if place.is_dir()), None)


def _find(folder: str, parts: tuple[str, ...]) -> Path:
    base = _folder(folder)
    found = base.joinpath(*parts) if base is not None else None
    if found is None or not (found.is_file() or found.is_dir()):
        name = "/".join((folder, *parts))
        raise MissingResourceError(name, [str(place) for place in _places(folder)])
    return _on_disk(found)


_extracted = contextlib.ExitStack()
atexit.register(_extracted.close)


def _on_disk(found: Traversable) -> Path:
    """A real path for `found`: itself, or a temporary copy when it is inside a zip."""
    if isinstance(found, Path):
        return found
    if found.is_dir():
        raise MissingResourceError(found.name, ["a zip archive, where folders cannot be used"])
    return _extracted.enter_context(as_file(found))


def resource(*parts: str) -> Path:
    """The bundled file or folder `resources/<parts>`; `MissingResourceError` if absent."""
    return _find("resources", parts)


def example(name: str) -> Path:
    """The bundled example map `examples/<name>`; `MissingResourceError` if absent."""
    return _find("examples", (name,))


def examples_dir() -> Path:
    """The folder of the bundled example maps."""
    return _find("examples", ())


def resources_dir() -> Path:
    """The folder of the bundled resources (fonts, icons, schema, desktop files)."""
    return _find("resources", ())
