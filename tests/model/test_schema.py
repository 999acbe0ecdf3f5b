from __future__ import annotations

import pytest
from pydantic import ValidationError

from journeymapper.model.schema import (
    FORMAT_VERSION,
    EmotionScale,
    JourneyData,
    Kpi,
    Persona,
    Stage,
    Touchpoint,
)


def touchpoint(**fields: object) -> Touchpoint:
    base: dict[str, object] = {"id": "tp-1", "name": "Checkout", "stage": "s", "lane": "l"}
    return Touchpoint.model_validate(base | fields)


@pytest.mark.parametrize("name", ["", "   ", "\t\n", "a" * 201, "bad\x00name", "bell\x07"])
def test_names_must_be_real_text(name: str) -> None:
    with pytest.raises(ValidationError):
        touchpoint(name=name)


@pytest.mark.parametrize(
    "name",
    [
        "Café & crème",
        "Ελληνικά",
        "Кириллица",
        "naïve – “quotes” 🛒",
        "a" * 200,
        "two\nlines",
        "\u202eRTL override",
    ],
)
def test_names_accept_any_printable_unicode(name: str) -> None:
    assert touchpoint(name=name).name == name


@pytest.mark.parametrize("ident", ["", "-leading", "has space", "a" * 65, "é", "a/b"])
def test_ids_are_stable_ascii_tokens(ident: str) -> None:
    with pytest.raises(ValidationError):
        touchpoint(id=ident)


@pytest.mark.parametrize("color", ["red", "#FFF", "#12345G", "123456", "#1234567"])
def test_colours_are_rrggbb(color: str) -> None:
    with pytest.raises(ValidationError):
        Stage(id="s", name="Stage", color=color)
    assert Persona(id="p", name="P", color="#a1B2c3").color == "#a1B2c3"


def test_models_are_frozen_and_strict() -> None:
    tp = touchpoint()
    with pytest.raises(ValidationError):
        tp.name = "Other"  # type: ignore[misc]
    with pytest.raises(ValidationError):
        touchpoint(colour="#FFFFFF")
    with pytest.raises(ValidationError):
        touchpoint(votes=-1)


@pytest.mark.parametrize("value", [float("nan"), float("inf"), float("-inf")])
def test_kpi_numbers_are_finite(value: float) -> None:
    with pytest.raises(ValidationError):
        Kpi(name="Conversion rate", target=value)


def test_emotion_scale_needs_one_label_per_step() -> None:
    assert EmotionScale().label(-2) == "Frustrated"
    assert EmotionScale(minimum=-1, maximum=1, labels=()).label(1) == "+1"
    with pytest.raises(ValidationError):
        EmotionScale(minimum=-2, maximum=2, labels=("a", "b"))
    with pytest.raises(ValidationError):
        EmotionScale(minimum=0, maximum=0, labels=())


def test_journey_data_defaults_are_a_valid_empty_map() -> None:
    data = JourneyData()
    assert data.format == "journeymapper"
    assert data.version == FORMAT_VERSION
    assert data.touchpoints == ()
