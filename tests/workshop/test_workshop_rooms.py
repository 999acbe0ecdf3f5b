"""The co-editing rooms the workshop's server hosts for editors (issue 18), beside the
participants' sockets: the rooms take Yjs updates of megabytes from the facilitator's
editors, while a participant's socket is still refused any message over 16 KB from the
frame's header, before the server reads (and holds) its payload."""

from __future__ import annotations

import base64
import os
import socket
import struct
from collections.abc import Iterator
from urllib.parse import urlsplit

import pytest

from journeymapper.server.limits import MAX_MESSAGE_BYTES
from journeymapper.server.tokens import Role
from tests.sample import clothing_store
from tests.workshop.wsclient import WAIT, Host, hosting

TEXT, BINARY = 0x1, 0x2


@pytest.fixture
def host() -> Iterator[Host]:
    with hosting(clothing_store(), host_rooms=True) as running:
        yield running


class RawSocket:
    """A WebSocket client by hand, so a test can send a frame's header without its payload."""

    def __init__(self, url: str) -> None:
        parts = urlsplit(url)
        self.sock = socket.create_connection((parts.hostname, parts.port), timeout=WAIT)
        key = base64.b64encode(os.urandom(16)).decode()
        self.sock.sendall(
            f"GET {parts.path}?{parts.query} HTTP/1.1\r\nHost: {parts.netloc}\r\n"
            "Upgrade: websocket\r\nConnection: Upgrade\r\n"
            f"Sec-WebSocket-Key: {key}\r\nSec-WebSocket-Version: 13\r\n\r\n".encode()
        )
        response = b""
        while b"\r\n\r\n" not in response:
            response += self.sock.recv(4096)
        self.status = int(response.split(b" ", 2)[1])
        self.buffer = response.split(b"\r\n\r\n", 1)[1]

    def header(self, opcode: int, length: int) -> bytes:
        """A final, masked frame's header announcing `length` bytes (64-bit length form)."""
        return struct.pack("!BBQ", 0x80 | opcode, 0x80 | 127, length) + b"\0\0\0\0"

    def send_frame(self, opcode: int, payload: bytes) -> None:
        self.sock.sendall(self.header(opcode, len(payload)) + payload)  # mask 0: as is

    def close_code(self) -> int:
        """The code of the server's close frame, skipping what it sent before."""
        while True:
            while len(self.buffer) < 2 or len(self.buffer) < 2 + self._length():
                chunk = self.sock.recv(65536)  # times out (fails) if the server waits
                if not chunk:
                    raise ConnectionError("closed without a close frame")
                self.buffer += chunk
            size = 2 + self._length()
            opcode, payload = self.buffer[0] & 0x0F, self.buffer[2:size]
            self.buffer = self.buffer[size:]
            if opcode == 0x8:
                return int(struct.unpack("!H", payload[:2])[0])

    def _length(self) -> int:
        length = self.buffer[1] & 0x7F
        if length >= 126:
            raise AssertionError("the server sent an unexpectedly long frame")
        return length


def test_a_participant_frame_over_16_kb_is_refused_from_its_header(host: Host) -> None:
    """The server does not wait for the 20 MB it was announced (it would, under a cap
    as large as the rooms'): the header alone gets the socket closed, "message too big"."""
    participant = RawSocket(host.socket_url())
    assert participant.status == 101
    participant.sock.sendall(participant.header(TEXT, 20 * 2**20))
    assert participant.close_code() == 1009


def test_the_rooms_take_messages_far_larger_than_the_participants(host: Host) -> None:
    """A 1 MB message reaches the room, which reads it (and refuses it as not being Yjs:
    1007), rather than the transport refusing its size."""
    room = host.workshop.room_url("planning")
    assert f"token={host.workshop.server.tokens.of(Role.FACILITATOR)}" in room
    editor = RawSocket(room)
    assert editor.status == 101
    editor.send_frame(BINARY, b"\xff" * (MAX_MESSAGE_BYTES * 64))
    assert editor.close_code() == 1007


def test_the_rooms_are_for_the_facilitators_token_only(host: Host) -> None:
    room = host.workshop.room_url("planning")
    participant_token = host.workshop.server.tokens.of(Role.PARTICIPANT)
    stranger = RawSocket(room.split("?")[0] + f"?token={participant_token}")
    assert stranger.status == 403
