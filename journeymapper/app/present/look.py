"""How the canvas looks on a projector: the same design, with the contrast turned up.

A projector washes out thin grey lines, pale tints and mid-grey text. While
presenting, the canvas paints with one of these themes instead of `LIGHT` or `DARK`:
near-black (or white) ink, muted text dark enough to read from the back of the room,
card borders and grid lines that survive a washed-out beam, stage bands a little
stronger. The larger type comes from the zoom the stage focus chooses: the largest that
shows the whole stage (`focus.py`), up to `MAX_PRESENT_ZOOM`.
"""

from __future__ import annotations

from dataclasses import replace

from journeymapper.app.canvas.sticky import PinLook
from journeymapper.app.look.colors import DARK, LIGHT, Theme
from journeymapper.model.schema import LaneKind

MAX_PRESENT_ZOOM = 3.2
# The stage and lane names pinned to the view's edges: large, white on near-black.
PIN_LOOK = PinLook(px=18.0, bold=True, fill="#0B1220", border="#64748B", ink="#F8FAFC")

PRESENT_LIGHT = replace(
    LIGHT,
    name="present-light",
    backdrop="#CBD3DD",
    ink="#05080D",
    muted_ink="#2B3441",
    hint_ink="#4B5563",
    grid="#8D99A8",
    frame="#4B5563",
    lane_tints={
        LaneKind.TOUCHPOINTS: "#FFFFFF",
        LaneKind.NOTES: "#F4F6F9",
        LaneKind.EMOTION: "#F6F6FD",
        LaneKind.PAIN_POINTS: "#FDF1F1",
        LaneKind.OPPORTUNITIES: "#EEF8F2",
    },
    card_border="#374151",
    connection="#1F2937",
    emotion_line="#111827",
    stage_tint=0.74,
    stage_tint_hover=0.68,
    selection="#1D4ED8",
    vote_ink="#7A5200",
)

PRESENT_DARK = replace(
    DARK,
    name="present-dark",
    backdrop="#000000",
    paper="#0B0E12",
    ink="#FFFFFF",
    muted_ink="#D5DCE6",
    hint_ink="#A3ADBB",
    grid="#5A6576",
    frame="#8391A5",
    lane_tints={
        LaneKind.TOUCHPOINTS: "#0B0E12",
        LaneKind.NOTES: "#11151B",
        LaneKind.EMOTION: "#10131C",
        LaneKind.PAIN_POINTS: "#1C1115",
        LaneKind.OPPORTUNITIES: "#0E1B15",
    },
    card="#1A1F27",
    card_border="#A9B4C4",
    connection="#C9D2DE",
    emotion_line="#F1F5F9",
    stage_tint=0.72,
    stage_tint_hover=0.66,
    lane_header="#161B22",
    ring="#1A1F27",
)


def presentation_theme(base: Theme) -> Theme:
    """The projector version of `base` (already one: itself)."""
    if base.name.startswith("present-"):
        return base
    return PRESENT_DARK if base.dark else PRESENT_LIGHT
