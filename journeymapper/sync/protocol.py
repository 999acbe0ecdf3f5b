"""The y-websocket wire protocol: reading and checking messages before anything applies them.

A message is a type (0 sync, 1 awareness, 3 awareness query), for sync a step (0 state
vector, 1 the reply with missing updates, 2 an update), then one length-prefixed
payload (y-protocols' `sync.js` and `awareness.js`). `parse` refuses anything that does
not decode, so the server closes the socket of a peer that sends garbage instead of
handing it to the document, and the client never applies it either.
"""

from __future__ import annotations

import json
from enum import Enum

from pycrdt import create_awareness_message, create_update_message, get_state, write_message

from journeymapper.sync.state import DecodeError, read_state_vector, read_varuint

MAX_AWARENESS_STATE = 64 * 1024  # one client's presence: a name, a colour, a selection


class Kind(Enum):
    STEP1 = "sync step 1"  # payload: a state vector
    STEP2 = "sync step 2"  # payload: an update (the reply to step 1)
    UPDATE = "update"  # payload: an update
    AWARENESS = "awareness"  # payload: an awareness update
    QUERY = "awareness query"  # no payload


_SYNC_STEPS = {0: Kind.STEP1, 1: Kind.STEP2, 2: Kind.UPDATE}


def parse(message: bytes) -> tuple[Kind, bytes]:
    """The kind and payload of a message; `DecodeError` when it is not a valid one."""
    if not message:
        raise DecodeError("empty message")
    if message[0] == 3:
        return Kind.QUERY, b""
    if message[0] == 1:
        payload = _payload(message, 1)
        check_awareness(payload)
        return Kind.AWARENESS, payload
    if message[0] != 0 or len(message) < 2 or message[1] not in _SYNC_STEPS:
        raise DecodeError(f"unknown message type {message[:2].hex()}")
    kind = _SYNC_STEPS[message[1]]
    payload = _payload(message, 2)
    if kind is Kind.STEP1:
        read_state_vector(payload)
    else:
        check_update(payload)
    return kind, payload


def _payload(message: bytes, start: int) -> bytes:
    length, pos = read_varuint(message, start)
    if pos + length != len(message):
        raise DecodeError("the payload length does not match the message")
    return message[pos:]


def check_update(update: bytes) -> None:
    try:
        get_state(update)
    except (ValueError, RuntimeError) as exc:
        raise DecodeError(f"not a Yjs update ({exc})") from None


def check_awareness(payload: bytes) -> None:
    count, pos = read_varuint(payload, 0)
    if count > len(payload):
        raise DecodeError("awareness count larger than the message")
    for _ in range(count):
        _, pos = read_varuint(payload, pos)  # client
        _, pos = read_varuint(payload, pos)  # clock
        length, pos = read_varuint(payload, pos)
        if length > MAX_AWARENESS_STATE or pos + length > len(payload):
            raise DecodeError("awareness state too long")
        try:
            json.loads(payload[pos : pos + length].decode("utf-8") or "null")
        except (UnicodeDecodeError, ValueError) as exc:
            raise DecodeError(f"awareness state is not JSON ({exc})") from None
        pos += length


def step1(state_vector: bytes) -> bytes:
    return bytes([0, 0]) + write_message(state_vector)


def step2(update: bytes) -> bytes:
    return bytes([0, 1]) + write_message(update)


def update_message(update: bytes) -> bytes:
    return create_update_message(update)


def awareness_message(payload: bytes) -> bytes:
    return create_awareness_message(payload)


EMPTY_STATE = b"\x00"  # a state vector that knows nothing: asks for the whole document
