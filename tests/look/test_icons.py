from __future__ import annotations

import subprocess
import sys
from pathlib import Path as FilePath

import pytest
from defusedxml import ElementTree

from journeymapper.base.resources import resource
from journeymapper.look import icons
from journeymapper.look.icons import ICONS, Circle, Path, RectShape, outline, parse_path, to_svg
from journeymapper.model.catalog import CHANNELS, GENERIC_ICON

UI_ICONS = [
    "pain",
    "opportunity",
    "vote",
    "touchpoints",
    "notes",
    "emotion",
    "pain_points",
    "opportunities",
    "digital",
    "physical",
    "human",
    "error",
    "warning",
    "info",
    "app",
]
HALF_STROKE = icons.STROKE_WIDTH / 2


def _paths() -> list[tuple[str, Path]]:
    return [(name, s) for name, shapes in ICONS.items() for s in shapes if isinstance(s, Path)]


def test_every_catalogue_icon_exists() -> None:
    missing = {c.icon for c in CHANNELS} - ICONS.keys()
    assert not missing
    assert GENERIC_ICON in ICONS


@pytest.mark.parametrize("name", UI_ICONS)
def test_ui_icon_exists(name: str) -> None:
    assert ICONS[name]


@pytest.mark.parametrize(("name", "shape"), _paths())
def test_every_path_parses(name: str, shape: Path) -> None:
    segments = parse_path(shape.d)
    assert segments[0][0] == "M"
    assert {s[0] for s in segments} <= {"M", "L", "C", "Q", "Z"}


def _extents(shape: Circle | Path | RectShape) -> list[tuple[float, float]]:
    """Points whose stroke must stay on the grid (curves lie inside their control points)."""
    if isinstance(shape, Circle):
        r = shape.r
        return [(shape.cx - r, shape.cy - r), (shape.cx + r, shape.cy + r)]
    if isinstance(shape, RectShape):
        return [(shape.x, shape.y), (shape.x + shape.w, shape.y + shape.h)]
    coords = [c for segment in parse_path(shape.d) for c in segment[1:]]
    return list(zip(coords[::2], coords[1::2], strict=True))


@pytest.mark.parametrize("name", list(ICONS))
def test_ink_stays_inside_the_grid(name: str) -> None:
    low, high = HALF_STROKE, icons.GRID - HALF_STROKE
    for shape in ICONS[name]:
        for x, y in _extents(shape):
            assert low <= x <= high, (name, shape)
            assert low <= y <= high, (name, shape)


def test_filled_circles_are_big_enough_to_have_no_hole() -> None:
    # A stroke wider than the circle folds its inner edge back; the fill must cover the fold.
    for name, shapes in ICONS.items():
        for shape in shapes:
            if isinstance(shape, Circle) and shape.fill:
                assert shape.r >= HALF_STROKE / 2, name


@pytest.mark.parametrize("name", list(ICONS))
def test_outline_uses_only_the_common_subset(name: str) -> None:
    for shape in ICONS[name]:
        segments = outline(shape)
        assert segments[0][0] == "M"
        assert {s[0] for s in segments} <= {"M", "L", "C", "Z"}


def test_parse_path_converts_h_and_v_to_l() -> None:
    assert parse_path("M1 2 H5 V7.5 Z") == [("M", 1, 2), ("L", 5, 2), ("L", 5, 7.5), ("Z",)]
    assert parse_path("M0,0 C1 2 3 4 5 6 Q7 8 9 10") == [
        ("M", 0, 0),
        ("C", 1, 2, 3, 4, 5, 6),
        ("Q", 7, 8, 9, 10),
    ]


@pytest.mark.parametrize(
    "d", ["M1 2 l3 4", "M1 2 A1 1 0 0 1 3 4", "M1 2 L3", "L1 2", "M1 2 L3 x", "M1 2 L3 Z", ""]
)
def test_parse_path_rejects_what_renderers_cannot_draw(d: str) -> None:
    with pytest.raises(ValueError):
        parse_path(d)


def test_outline_turns_a_quadratic_into_the_equivalent_cubic() -> None:
    assert outline(Path("M0 0 Q3 6 6 0")) == [("M", 0, 0), ("C", 2, 4, 4, 4, 6, 0)]


def test_outline_of_circle_and_rect_closes_where_it_starts() -> None:
    circle = outline(Circle(12, 12, 10))
    assert circle[0] == ("M", 22, 12)
    assert list(circle[-2])[-2:] == [22, 12]
    rect = outline(RectShape(2, 4, 20, 16, rx=3))
    assert rect[0] == ("M", 5, 4)
    assert list(rect[-2])[-2:] == [5, 4]
    assert rect[-1] == ("Z",)


def test_svg_files_are_current() -> None:
    directory = resource("icons")
    on_disk = {p.stem: p.read_text(encoding="utf-8") for p in directory.glob("*.svg")}
    assert on_disk.keys() == ICONS.keys(), "run: python -m journeymapper.look.icons"
    for name, text in on_disk.items():
        assert text == to_svg(name), f"{name}.svg is stale: run python -m journeymapper.look.icons"


@pytest.mark.parametrize("name", list(ICONS))
def test_svg_is_well_formed(name: str) -> None:
    root = ElementTree.fromstring(resource("icons", f"{name}.svg").read_text(encoding="utf-8"))
    assert root.tag == "{http://www.w3.org/2000/svg}svg"
    assert root.get("viewBox") == "0 0 24 24"
    assert len(root) == len(ICONS[name])


def test_to_svg_uses_the_given_colour() -> None:
    svg = to_svg("vote", color="#D64545")
    assert 'stroke="#D64545"' in svg
    assert 'fill="#D64545"' in svg


def test_write_svgs_removes_stale_files(tmp_path: FilePath) -> None:
    (tmp_path / "retired.svg").write_text("<svg/>", encoding="utf-8")
    assert icons.main([str(tmp_path)]) == 0
    assert {p.stem for p in tmp_path.glob("*.svg")} == ICONS.keys()


def test_icons_import_neither_qt_nor_reportlab() -> None:
    code = (
        "import sys, journeymapper.look.icons; "
        "sys.exit(any(m.split('.')[0] in ('PySide6', 'reportlab') for m in sys.modules))"
    )
    assert subprocess.run([sys.executable, "-c", code], check=False).returncode == 0
