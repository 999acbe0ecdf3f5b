"""What a Yjs update holds, without applying it: each struct's id range and dependencies.

Reads the update format v1 as Yjs writes it (`readClientsStructRefs` and the content
readers of yjs/src/utils/encoding.js and structs/*.js, with lib0's `decoding.js` for
numbers, strings and `readAny`), keeping only what causal delivery needs: for each
struct its client, first clock and length, and the ids it cannot be integrated without
(its left and right origins and its parent item); and the update's delete set. Content
is skipped, never built. `causal` uses this to hand updates to yrs in an order Yjs
itself would integrate them in.
"""

from __future__ import annotations

from dataclasses import dataclass

from journeymapper.sync.state import DecodeError

_ID = tuple[int, int]  # (client, clock)


@dataclass(frozen=True, slots=True)
class Struct:
    client: int
    clock: int
    end: int  # clock + length
    needs: tuple[_ID, ...]  # ids that must be integrated first


@dataclass(frozen=True, slots=True)
class Shape:
    structs: tuple[Struct, ...]  # in the update's order: per client, by clock
    deleted: tuple[tuple[int, int, int], ...]  # (client, clock, length)


class _Reader:
    __slots__ = ("data", "pos")

    def __init__(self, data: bytes) -> None:
        self.data = data
        self.pos = 0

    def uint(self) -> int:
        data, pos = self.data, self.pos
        value = shift = 0
        while True:
            if pos >= len(data):
                raise DecodeError("truncated number")
            byte = data[pos]
            pos += 1
            value |= (byte & 0x7F) << shift
            if byte < 0x80:
                self.pos = pos
                return value
            shift += 7
            if shift > 63:
                raise DecodeError("number too long")

    def byte(self) -> int:
        if self.pos >= len(self.data):
            raise DecodeError("truncated update")
        self.pos += 1
        return self.data[self.pos - 1]

    def skip(self, count: int) -> None:
        self.pos += count
        if self.pos > len(self.data):
            raise DecodeError("truncated update")

    def skip_bytes(self) -> int:
        """Skip a length-prefixed string or buffer; returns its length in bytes."""
        length = self.uint()
        self.skip(length)
        return length

    def string(self) -> str:
        length = self.uint()
        self.skip(length)
        try:
            return self.data[self.pos - length : self.pos].decode("utf-8")
        except UnicodeDecodeError:
            raise DecodeError("a string is not UTF-8") from None


def _skip_any(reader: _Reader, depth: int = 0) -> None:
    """lib0's `readAny`, skipping the value."""
    if depth > 100:
        raise DecodeError("value nested too deeply")
    tag = reader.byte()
    if tag in (127, 126, 121, 120):  # undefined, null, false, true
        return
    if tag == 125:  # varint: 7 bits a byte, high bit continues
        while reader.byte() >= 0x80:
            pass
    elif tag == 124:
        reader.skip(4)
    elif tag in (123, 122):
        reader.skip(8)
    elif tag in (119, 116):  # string, Uint8Array
        reader.skip_bytes()
    elif tag == 118:  # object
        for _ in range(reader.uint()):
            reader.skip_bytes()
            _skip_any(reader, depth + 1)
    elif tag == 117:  # array
        for _ in range(reader.uint()):
            _skip_any(reader, depth + 1)
    else:
        raise DecodeError(f"unknown value type {tag}")


def _content_length(reader: _Reader, ref: int) -> int:
    """Skip an item's content (Yjs's `contentRefs`); returns its length in clock units."""
    if ref == 1:  # deleted
        return reader.uint()
    if ref == 2:  # JSON: strings
        count = reader.uint()
        for _ in range(count):
            reader.skip_bytes()
        return count
    if ref == 8:  # any
        count = reader.uint()
        for _ in range(count):
            _skip_any(reader)
        return count
    if ref == 4:  # string: its length in UTF-16 code units, as JavaScript counts
        return len(reader.string().encode("utf-16-le")) // 2
    if ref in (3, 5):  # binary, embed
        reader.skip_bytes()
    elif ref == 6:  # format: key, value
        reader.skip_bytes()
        reader.skip_bytes()
    elif ref == 7:  # a shared type; XmlElement (3) and XmlHook (5) carry a name
        if reader.uint() in (3, 5):
            reader.skip_bytes()
    elif ref == 9:  # a subdocument: guid, options
        reader.skip_bytes()
        _skip_any(reader)
    else:
        raise DecodeError(f"unknown content type {ref}")
    return 1


def _item(reader: _Reader, info: int, client: int, clock: int) -> Struct:
    needs: list[_ID] = []
    if info & 0x80:  # left origin
        needs.append((reader.uint(), reader.uint()))
    if info & 0x40:  # right origin
        needs.append((reader.uint(), reader.uint()))
    if not info & 0xC0:  # no origin: the parent is written
        if reader.uint() == 1:
            reader.skip_bytes()  # a root type's name
        else:
            needs.append((reader.uint(), reader.uint()))  # the parent item
        if info & 0x20:
            reader.skip_bytes()  # the key in a map
    length = _content_length(reader, info & 0x1F)
    if length <= 0:
        raise DecodeError("an item of length 0")
    return Struct(client, clock, clock + length, tuple(needs))


def read_shape(update: bytes) -> Shape:
    """The structs and deletions of a v1 update; `DecodeError` if it is not one."""
    reader = _Reader(update)
    structs: list[Struct] = []
    for _ in range(reader.uint()):
        count = reader.uint()
        client = reader.uint()
        clock = reader.uint()
        if count > len(update):
            raise DecodeError("more structs than bytes")
        for _ in range(count):
            info = reader.byte()
            ref = info & 0x1F
            if ref == 0:  # GC: a deleted range, no dependencies
                length = reader.uint()
                structs.append(Struct(client, clock, clock + length, ()))
            elif ref == 10:  # Skip: a hole, nothing to integrate
                length = reader.uint()
            else:
                struct = _item(reader, info, client, clock)
                structs.append(struct)
                length = struct.end - clock
            clock += length
    return Shape(tuple(structs), _delete_set(reader))


def _delete_set(reader: _Reader) -> tuple[tuple[int, int, int], ...]:
    deleted: list[tuple[int, int, int]] = []
    for _ in range(reader.uint()):
        client = reader.uint()
        for _ in range(reader.uint()):
            clock = reader.uint()
            deleted.append((client, clock, reader.uint()))
    return tuple(deleted)
