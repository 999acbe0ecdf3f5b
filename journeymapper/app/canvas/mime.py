"""The MIME types the canvas trades in: palette drags and copied cards.

A palette drag carries one JSON object (`{"channel": key, "name": label}`) under a
vendor type, so only JourneyMapper drops accept it; copied cards travel as JSON under
another vendor type plus their names as plain text for every other application.
"""

from __future__ import annotations

import json
from typing import Any

from PySide6.QtCore import QMimeData

TOUCHPOINT_MIME = "application/x-journeymapper-touchpoint"
CARDS_MIME = "application/x-journeymapper-cards"


def touchpoint_mime(channel: str, name: str) -> QMimeData:
    """What a palette entry carries when dragged."""
    data = QMimeData()
    data.setData(TOUCHPOINT_MIME, json.dumps({"channel": channel, "name": name}).encode())
    data.setText(name)
    return data


def read_touchpoint(data: QMimeData | None) -> dict[str, str] | None:
    """The channel and name of a palette drag, or None when it is not one."""
    if data is None or not data.hasFormat(TOUCHPOINT_MIME):
        return None
    try:
        payload = json.loads(bytes(data.data(TOUCHPOINT_MIME).data()).decode())
    except (ValueError, UnicodeDecodeError):
        return None
    if not isinstance(payload, dict):
        return None
    name = str(payload.get("name") or "").strip()
    channel = str(payload.get("channel") or "")
    return {"channel": channel, "name": name or "New touchpoint"}


def cards_mime(payload: dict[str, Any], names: list[str]) -> QMimeData:
    data = QMimeData()
    data.setData(CARDS_MIME, json.dumps(payload, ensure_ascii=False).encode())
    data.setText("\n".join(names))
    return data


def read_cards(data: QMimeData | None) -> dict[str, Any] | None:
    if data is None or not data.hasFormat(CARDS_MIME):
        return None
    try:
        payload = json.loads(bytes(data.data(CARDS_MIME).data()).decode())
    except (ValueError, UnicodeDecodeError):
        return None
    return payload if isinstance(payload, dict) else None
