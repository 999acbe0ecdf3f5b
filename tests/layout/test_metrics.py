"""The width tables shipped beside the fonts are the fonts' own widths, and are used."""

from __future__ import annotations

import hashlib
import json
import logging
from pathlib import Path

import pytest

from journeymapper.base.resources import resource
from journeymapper.layout import metrics

FONTS = ("DejaVuSans.ttf", "DejaVuSans-Bold.ttf")


@pytest.mark.parametrize("font", FONTS)
def test_the_shipped_table_is_made_from_the_shipped_font(font: str) -> None:
    """Fails when a font is updated without `python -m journeymapper.layout.metrics`."""
    path = resource("fonts", font)
    table = json.loads(resource("fonts", metrics.table_name(font)).read_text(encoding="utf-8"))
    assert table["sha256"] == hashlib.sha256(path.read_bytes()).hexdigest()
    assert table == metrics.pack(path)


@pytest.mark.parametrize("font", FONTS)
def test_the_table_gives_exactly_the_widths_reportlab_reads(font: str) -> None:
    metrics.widths.cache_clear()
    char_widths, default = metrics.widths(font)
    expected_widths, expected_default = metrics.measure(resource("fonts", font))
    assert char_widths == expected_widths  # the same floats: line breaks cannot differ
    assert default == expected_default
    assert char_widths[ord("W")] > char_widths[ord("i")] > 0
    assert char_widths[0xA0] == char_widths[0x20]


def test_a_table_made_from_another_file_is_not_used(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    font = tmp_path / "DejaVuSans.ttf"
    font.write_bytes(resource("fonts", "DejaVuSans.ttf").read_bytes())
    table = metrics.pack(font)
    table["size"] += 1  # as if the table had been made from another version of the font
    table["runs"] = [[65, [1.0]]]
    (tmp_path / "DejaVuSans.widths.json").write_text(json.dumps(table), encoding="utf-8")
    monkeypatch.setattr(metrics, "resource", lambda *parts: tmp_path / parts[-1])
    metrics.widths.cache_clear()
    try:
        with caplog.at_level(logging.WARNING, logger=metrics.__name__):
            char_widths, _ = metrics.widths("DejaVuSans.ttf")
    finally:
        metrics.widths.cache_clear()
    assert char_widths[65] == metrics.measure(font)[0][65] != 1.0
    assert "was not made from DejaVuSans.ttf" in caplog.text


def test_without_a_table_the_font_is_measured(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    font = tmp_path / "DejaVuSans.ttf"
    font.write_bytes(resource("fonts", "DejaVuSans.ttf").read_bytes())

    def only_the_font(*parts: str) -> Path:
        if parts[-1] != font.name:
            raise metrics.MissingResourceError(parts[-1], [str(tmp_path)])
        return font

    monkeypatch.setattr(metrics, "resource", only_the_font)
    metrics.widths.cache_clear()
    try:
        assert metrics.widths("DejaVuSans.ttf") == metrics.measure(font)
    finally:
        metrics.widths.cache_clear()
