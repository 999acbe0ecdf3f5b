"""The one undo command: apply, undo, redo, and merging of edits that share a key."""

from __future__ import annotations

from journeymapper.app.document import Document
from journeymapper.model.edits import UpdateTouchpoint
from tests.sample import clothing_store


def test_typing_in_one_field_merges_and_undo_restores_the_first_value(app) -> None:
    doc = Document(clothing_store())
    for text in ("B", "Br", "Bro"):
        assert doc.push(UpdateTouchpoint("ad", {"name": text}, merge_key="typing:ad:name")) is None
    assert doc.undo_stack.count() == 1
    assert doc.undo_stack.undoText() == "Rename “Instagram ad”"
    doc.undo_stack.undo()
    assert doc.journey.touchpoint("ad").name == "Instagram ad"
    doc.undo_stack.redo()
    assert doc.journey.touchpoint("ad").name == "Bro"


def test_a_merge_into_the_saved_step_makes_the_map_modified(app) -> None:
    doc = Document(clothing_store())
    doc.push(UpdateTouchpoint("ad", {"emotion": 2}, merge_key="k"))
    doc.undo_stack.setClean()
    doc.push(UpdateTouchpoint("ad", {"emotion": -2}, merge_key="k"))
    assert doc.modified


def test_a_refused_edit_never_reaches_the_stack(app) -> None:
    doc = Document(clothing_store())
    reasons: list[str] = []
    doc.edit_refused.connect(reasons.append)
    assert doc.push(UpdateTouchpoint("ad", {"emotion": 9})) == "emotion 9 is outside the scale -2…2"
    assert doc.undo_stack.count() == 0
    assert "outside" in reasons[0]


def test_every_model_signal_reaches_the_gui_with_its_arguments(app) -> None:  # type: ignore[no-untyped-def]
    from journeymapper.app.document import Document, journey_signals

    doc = Document()
    heard: list[tuple[str, tuple[object, ...]]] = []
    names = journey_signals()
    assert {"touchpoint_added", "reset", "info_changed"} <= set(names)
    for name in names:
        getattr(doc.signals, name).connect(lambda *args, n=name: heard.append((n, args)))
    for name, types in names.items():
        getattr(doc.journey, name).emit(*(f"{name}-id" for _ in types))
    assert heard == [(n, tuple(f"{n}-id" for _ in t)) for n, t in names.items()]
