"""Why an edit or a map's data was refused: the model's exceptions."""

from __future__ import annotations

from journeymapper.model.integrity import ReferenceProblem


class EditError(ValueError):
    """An edit that would make the map inconsistent; the map is left unchanged."""


class BrokenReferencesError(EditError):
    """Data whose objects refer to missing or duplicate ids; `problems` lists them all."""

    def __init__(self, problems: list[ReferenceProblem]) -> None:
        self.problems = problems
        first = problems[0]
        super().__init__(f"{first.place}: {first.message}")


class UnknownIdError(EditError, KeyError):
    """An id that names nothing in this map."""

    def __str__(self) -> str:
        return str(self.args[0]) if self.args else "unknown id"
