"""Reading Yjs state vectors and update messages without a document.

A state vector is lib0-encoded: a count, then (client id, clock) pairs as variable-length
unsigned integers (the y-protocols "sync" encoding). The client's own clock says how many
of its changes a peer holds, which is how the binding knows what the server confirmed.
"""

from __future__ import annotations

from journeymapper.sync.layout import YDoc

MAX_VARINT_BYTES = 10


class DecodeError(ValueError):
    """Bytes that are not what the Yjs protocol says they should be."""


def read_varuint(data: bytes, pos: int) -> tuple[int, int]:
    """The unsigned integer at `pos` and the position after it."""
    value = 0
    shift = 0
    for i in range(MAX_VARINT_BYTES):
        if pos + i >= len(data):
            raise DecodeError("truncated number")
        byte = data[pos + i]
        value |= (byte & 0x7F) << shift
        shift += 7
        if byte < 0x80:
            return value, pos + i + 1
    raise DecodeError("number too long")


def read_state_vector(data: bytes) -> dict[int, int]:
    count, pos = read_varuint(data, 0)
    if count > len(data):
        raise DecodeError("state vector count larger than the message")
    result: dict[int, int] = {}
    for _ in range(count):
        client, pos = read_varuint(data, pos)
        clock, pos = read_varuint(data, pos)
        result[client] = clock
    return result


def client_clock(doc: YDoc) -> int:
    """How many changes of this document's own client it holds."""
    return read_state_vector(doc.get_state()).get(doc.client_id, 0)
