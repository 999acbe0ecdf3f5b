"""Mermaid `journey`: Mermaid's grammar and semantics on import, renderable text on export."""

from __future__ import annotations

import contextlib
import time
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from journeymapper.io.interchange.errors import MermaidError
from journeymapper.io.interchange.mermaid import read_mermaid
from journeymapper.io.interchange.mermaid_read import parse_mermaid
from journeymapper.io.interchange.mermaid_write import NO_SECTION, mermaid_text, score_of
from journeymapper.io.journey_file import load_journey
from journeymapper.model.document import Journey
from journeymapper.model.schema import EmotionScale, Phase
from tests.io.interchange.strategies import journey_maps

EXAMPLES = sorted((Path(__file__).parents[3] / "examples").glob("*.journey"))

MERMAID_DOCS_EXAMPLE = """journey
    title My working day
    section Go to work
      Make tea: 5: Me
      Go upstairs: 3: Me
      Do work: 1: Me, Cat
    section Go home
      Go downstairs: 5: Me
      Sit down: 5: Me
"""


def _tasks(data):  # type: ignore[no-untyped-def]
    stages = {s.id: s.name for s in data.stages}
    personas = {p.id: p.name for p in data.personas}
    order = {tp.id: i for i, tp in enumerate(data.touchpoints)}
    return [
        (stages[tp.stage], tp.name, tp.emotion, [personas[p] for p in tp.personas])
        for tp in sorted(data.touchpoints, key=lambda t: order[t.id])
    ]


def test_the_example_from_mermaids_documentation() -> None:
    result = parse_mermaid(MERMAID_DOCS_EXAMPLE)
    assert result.skipped == []
    assert result.warnings == []
    data = result.data
    assert data.title == "My working day"
    assert _tasks(data) == [
        ("Go to work", "Make tea", 2, ["Me"]),
        ("Go to work", "Go upstairs", 0, ["Me"]),
        ("Go to work", "Do work", -2, ["Me", "Cat"]),
        ("Go home", "Go downstairs", 2, ["Me"]),
        ("Go home", "Sit down", 2, ["Me"]),
    ]
    journey = Journey(data)
    names = {tp.id: tp.name for tp in journey.touchpoints()}
    flow = sorted((names[c.source], names[c.target]) for c in journey.connections())
    assert flow == sorted(
        [
            ("Make tea", "Go upstairs"),
            ("Go upstairs", "Do work"),
            ("Do work", "Go downstairs"),
            ("Go downstairs", "Sit down"),
        ]
    )
    assert [p.name for p in data.personas] == ["Me", "Cat"]


def test_scores_outside_one_to_five_are_clamped_with_the_line() -> None:
    text = "journey\nsection S\n  A: 7: Me\n  B: 0\n  C: -3\n  D: 4.6\n  E: soon\n  F:\n"
    result = parse_mermaid(text)
    assert [tp.emotion for tp in result.data.touchpoints] == [2, -2, -2, 2, None]
    warnings = {n.line: n.message for n in result.warnings}
    assert warnings[3] == "the score 7 is outside 1–5; clamped to 5"
    assert warnings[4] == "the score 0 is outside 1–5; clamped to 1"
    assert warnings[5] == "the score -3 is outside 1–5; clamped to 1"
    assert "rounded to 5" in warnings[6]
    assert "not a number" in warnings[7]
    assert [(n.line, n.message[:24]) for n in result.skipped] == [(8, "a task needs a score aft")]


@pytest.mark.parametrize(
    ("text", "warning"),
    [
        ("journey\nsection S\n  A: " + "1" * 10_000 + "x: Me\n", "the score '1111"),
        ("---\ntitle: T" + " " * 40_000 + "x\n---\njourney\nsection S\n  A: 5\n", None),
    ],
    ids=["digits before a letter", "blanks in a front matter title"],
)
def test_a_hostile_score_or_title_is_read_in_one_pass(text: str, warning: str | None) -> None:
    """Regression: `\\d+\\.?\\d*` tried every split of a run of digits before failing on the
    letter after it (10,000 digits took about 15 s of CPU; a fuzzed file hung the import),
    and a front matter title's `(.*?)\\s*$` did the same with a run of blanks (40,000: 6 s)."""
    started = time.process_time()
    result = parse_mermaid(text)
    assert time.process_time() - started < 1.0  # linear: milliseconds
    if warning is None:
        assert result.data.title == "T"  # a title keeps 200 characters, then is stripped
    else:
        assert result.warnings[0].message.startswith(warning)
        assert len(result.warnings[0].message) < 100  # the score is quoted, not all of it
        assert result.data.touchpoints[0].emotion is None


def test_comments_front_matter_accessibility_crlf_and_indentation() -> None:
    text = (
        "---\r\n"
        'title: "Front matter title"\r\n'
        "config:\r\n"
        "  theme: forest\r\n"
        "---\r\n"
        "%% a comment before the header\r\n"
        "%%{init: {'theme': 'dark'}}%%\r\n"
        "   JOURNEY\r\n"
        "accTitle: Accessible title\r\n"
        "  accDescr {\r\n"
        "    First line\r\n"
        "    second line\r\n"
        "  }\r\n"
        "\t\tEarly task: 4: Me   %% tasks before any section\r\n"
        "\tsection   Morning  # a comment\r\n"
        "\t\t\tTea #35;1: 5 # comment: 1\r\n"
        "  %% Skipped: 1\r\n"
    )
    result = parse_mermaid(text)
    assert result.skipped == []
    assert result.warnings == []
    data = result.data
    assert data.title == "Front matter title"
    assert data.description == "First line\nsecond line"
    assert _tasks(data) == [(NO_SECTION, "Early task", 1, ["Me"]), ("Morning", "Tea #1", 2, [])]


def test_a_diagram_pasted_from_markdown_keeps_its_fences() -> None:
    result = parse_mermaid("```mermaid\n" + MERMAID_DOCS_EXAMPLE + "```\n")
    assert result.skipped == []
    assert len(result.data.touchpoints) == 5


@pytest.mark.parametrize("indent", ["    ", "\t", "  \t"])
def test_text_pasted_as_an_indented_block_keeps_its_front_matter_title(indent: str) -> None:
    """Copied out of an HTML page or a Markdown list: indented as a whole (Mermaid dedents)."""
    block = ["---", "title: A day out", "---", " journey", "  section Morning", "    Tea: 5: Me",
             "    Toast: x: Me", "  section Noon", "    Lunch: 3: Me, Cat"]  # fmt: skip
    text = "\n\n" + "\n".join(indent + line for line in block) + "\n" + indent + "\n"
    result = parse_mermaid(text)
    assert result.data.title == "A day out"
    assert _tasks(result.data) == [
        ("Morning", "Tea", 2, ["Me"]), ("Morning", "Toast", None, ["Me"]),
        ("Noon", "Lunch", 0, ["Me", "Cat"]),
    ]  # fmt: skip
    assert [(n.line, n.message[:24]) for n in result.warnings] == [(9, "the score 'x' is not a n")]


def test_an_indented_markdown_fence_and_a_list_item_indent() -> None:
    text = "   ```mermaid\n   journey\n     section A\n       One: 4\n   ```\n"
    result = parse_mermaid(text)
    assert (result.skipped, _tasks(result.data)) == ([], [("A", "One", 1, [])])


def test_a_title_statement_wins_over_front_matter_and_acc_title_is_the_fallback() -> None:
    both = parse_mermaid("---\ntitle: Front\n---\njourney\ntitle Statement\n").data
    assert both.title == "Statement"
    acc = parse_mermaid("journey\naccTitle: Only accessible\naccDescr: One line\n").data
    assert (acc.title, acc.description) == ("Only accessible", "One line")
    untitled = parse_mermaid("journey\nsection A\n", "my-day.mmd").data
    assert untitled.title == "My day"


def test_sections_are_stages_in_order_and_may_repeat() -> None:
    data = parse_mermaid(
        "journey\nsection Before buying\nsection Purchase\nsection Purchase\n"
    ).data
    assert [s.name for s in data.stages] == ["Before buying", "Purchase", "Purchase"]
    assert [s.phase for s in data.stages] == [Phase.PRE_PURCHASE, Phase.PURCHASE, Phase.PURCHASE]
    assert len({s.id for s in data.stages}) == 3


def test_lines_mermaid_cannot_parse_are_skipped_with_their_number() -> None:
    text = "journey\nsection A\n  just words\n  : 3: Me\n  ok: 3\nsection\ntitle\n"
    result = parse_mermaid(text)
    assert [n.line for n in result.skipped] == [3, 4, 6, 7]
    assert [tp.name for tp in result.data.touchpoints] == ["ok"]


def test_semicolons_separate_statements_and_extra_task_parts_are_ignored() -> None:
    result = parse_mermaid("journey\nsection A; B: 2: X: ignored\n")
    assert _tasks(result.data) == [("A", "B", -1, ["X"])]
    assert result.warnings[0].line == 2
    assert "ignored" in result.warnings[0].message


def test_not_a_journey_raises_mermaid_error_with_the_line() -> None:
    with pytest.raises(MermaidError, match=r"line 2: this is a Mermaid 'flowchart' diagram"):
        parse_mermaid("%% c\nflowchart LR\nA-->B\n")
    with pytest.raises(MermaidError, match="starts with the word 'journey'"):
        parse_mermaid("hello\n")
    with pytest.raises(MermaidError, match="'journey' is missing"):
        parse_mermaid("\n%% only comments\n")
    with pytest.raises(MermaidError, match="line 1: the front matter"):
        parse_mermaid("---\ntitle: x\njourney\n")


def test_export_is_text_mermaid_renders() -> None:
    journey = load_journey(EXAMPLES[0].parent / "online-clothing-store.journey")
    text = mermaid_text(journey)
    lines = text.splitlines()
    assert lines[0] == "journey"
    assert lines[1] == "    title Online clothing store"
    assert lines[2].startswith("    accDescr: The practical example of the “Customer Touchpoints”")
    assert "    section Pre-purchase" in lines
    assert "        Adds items to the cart and checks out: 2: Maya, Tom" in lines
    post = lines[lines.index("    section Post-purchase") + 1 :]
    # flow order, not file order: support comes before the parcel, the parcel before the review
    order = [line.split(":")[0].strip() for line in post]
    assert (
        order.index("Contacts customer support to track the order")
        < order.index("Unpacks the parcel")
        < order.index("Leaves a review on the website")
    )


def test_export_escapes_what_would_be_syntax() -> None:
    data = parse_mermaid("journey\nsection x\n  y: 3\n").data
    journey = Journey(
        data.model_copy(
            update={
                "title": "Plan; act #1",
                "touchpoints": (
                    data.touchpoints[0].model_copy(
                        update={"name": "Section 2: pay; then #tag\nnext line", "emotion": 1}
                    ),
                ),
            }
        )
    )
    text = mermaid_text(journey)
    assert "title Plan#59; act #35;1" in text
    assert "#83;ection 2#58; pay#59; then #35;tag next line: 4" in text
    back = parse_mermaid(text).data
    assert back.title == "Plan; act #1"
    assert back.touchpoints[0].name == "Section 2: pay; then #tag next line"


def test_scores_of_other_scales() -> None:
    assert [score_of(e, EmotionScale()) for e in (None, -2, -1, 0, 1, 2)] == [3, 1, 2, 3, 4, 5]
    wide = EmotionScale(minimum=-5, maximum=5, labels=())
    assert [score_of(e, wide) for e in (-5, 0, 5)] == [1, 3, 5]


def _flat(data):  # type: ignore[no-untyped-def]
    """Stages in order, each with its tasks' names, scores and actors in order."""
    stages = {s.id: s.name for s in data.stages}
    personas = {p.id: p.name for p in data.personas}
    return [
        (stages[tp.stage], tp.name, tp.emotion, tuple(personas[p] for p in tp.personas))
        for tp in data.touchpoints
    ]


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.stem)
def test_examples_export_and_import_keep_stages_names_order_scores_actors(path: Path) -> None:
    journey = load_journey(path)
    result = parse_mermaid(mermaid_text(journey))
    assert result.skipped == []
    assert result.warnings == []
    assert [s.name for s in result.data.stages] == [s.name for s in journey.stages]
    again = parse_mermaid(mermaid_text(Journey(result.data))).data
    assert _flat(again) == _flat(result.data)
    names = {tp.name for tp in journey.touchpoints()}
    assert {tp.name for tp in result.data.touchpoints} == names


@settings(max_examples=60)
@given(journey_maps(max_cards=6))
def test_generated_maps_keep_stages_names_order_scores_actors(data) -> None:  # type: ignore[no-untyped-def]
    journey = Journey(data)
    result = parse_mermaid(mermaid_text(journey))
    assert result.skipped == []
    assert result.warnings == []
    back = result.data
    assert [s.name for s in back.stages] == [s.name.strip() for s in data.stages]
    expected = []
    from journeymapper.io.interchange.flow import flow_order

    personas = {p.id: p.name for p in data.personas}
    stages = {s.id: s.name for s in data.stages}
    for tp in flow_order(journey):
        score = score_of(tp.emotion, data.emotion_scale)
        actors = tuple(dict.fromkeys(personas[p].strip() for p in tp.personas))
        expected.append((stages[tp.stage], " ".join(tp.name.split()), score - 3, actors))
    got = [(s, " ".join(n.split()), e, a) for s, n, e, a in _flat(back)]
    assert got == expected


@given(st.text(max_size=300))
def test_garbage_after_the_header_raises_only_mermaid_error(body: str) -> None:
    with contextlib.suppress(MermaidError):
        Journey(parse_mermaid("journey\n" + body).data)


@given(raw=st.binary(max_size=300))
def test_garbage_files_raise_only_mermaid_error(tmp_path_factory, raw: bytes) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path_factory.mktemp("m") / "x.mmd"
    path.write_bytes(raw)
    with contextlib.suppress(MermaidError):
        Journey(read_mermaid(path).data)


_STARTS = st.sampled_from(
    ["title ", "section ", "accTitle: ", "accDescr: ", "accDescr {", "}", "%% ", "", "  ",
     "Task: ", "Task: 3: ", ": ", "journey ", "---", "#35;", "Name: 9: A, "]
)  # fmt: skip
_LINES = st.lists(st.tuples(_STARTS, st.text(max_size=30)).map("".join), max_size=12)


@given(_LINES, st.booleans())
def test_statement_shaped_garbage_raises_only_mermaid_error(lines: list[str], crlf: bool) -> None:
    text = ("\r\n" if crlf else "\n").join(["journey", *lines])
    with contextlib.suppress(MermaidError):
        Journey(parse_mermaid(text).data)
