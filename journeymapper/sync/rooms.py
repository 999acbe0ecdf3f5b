"""Rooms on the server: pycrdt-websocket's rooms, each persisted by pycrdt-store's SQLite store.

Every room loads its document from the store before its first client is served, and
every update the room's document takes is written to the store, in order, by one writer
task per room. Rooms stay open until the server stops (pycrdt-websocket's automatic
clean-up would cancel writes still in flight); stopping closes each room's queue and
waits for its writer to finish, so a clean shutdown (SIGTERM) loses nothing. A SIGKILL
can lose the last updates the store had not written: the clients still hold them and
send them again when they reconnect (the sync handshake sends what the server lacks).
"""

from __future__ import annotations

import contextlib
import logging
import math
from pathlib import Path
from typing import Any

import anyio
from anyio.streams.memory import MemoryObjectReceiveStream, MemoryObjectSendStream
from pycrdt import merge_updates
from pycrdt.store import SQLiteYStore, YDocNotFound
from pycrdt.websocket import WebsocketServer, YRoom, exception_logger

log = logging.getLogger(__name__)

STORE_FILE = "rooms.sqlite"


class RoomStore(SQLiteYStore):
    """One room's updates in the server's SQLite file (pycrdt-store keys them by path)."""

    def __init__(self, db_path: Path, room: str) -> None:
        super().__init__(path=room, log=log)
        self.db_path = str(db_path)


class StoredRooms(WebsocketServer):
    def __init__(self, store_dir: Path | None) -> None:
        super().__init__(
            rooms_ready=False, auto_clean_rooms=False, exception_handler=exception_logger, log=log
        )
        self.store_dir = store_dir
        self._lock = anyio.Lock()
        self._queues: dict[str, MemoryObjectSendStream[bytes]] = {}
        self._stores: dict[str, RoomStore] = {}
        self._written: dict[str, anyio.Event] = {}

    async def get_room(self, name: str) -> YRoom:
        async with self._lock:
            if name not in self.rooms:
                room = YRoom(ready=False, exception_handler=exception_logger, log=log)
                room.on_message_error = _skip_bad_message
                self.rooms[name] = room
                await self.start_room(room)
                if self.store_dir is not None:
                    await self._attach_store(self.store_dir, name, room)
                room.ready = True
        return self.rooms[name]

    async def _attach_store(self, store_dir: Path, name: str, room: YRoom) -> None:
        assert self._task_group is not None
        store = RoomStore(store_dir / STORE_FILE, name)
        await self._task_group.start(store.start)
        with contextlib.suppress(YDocNotFound):
            await store.apply_updates(room.ydoc)
        send, receive = anyio.create_memory_object_stream[bytes](max_buffer_size=math.inf)
        room.ydoc.observe(lambda event: _put(send, event.update))
        self._queues[name], self._stores[name] = send, store
        self._written[name] = anyio.Event()
        self._task_group.start_soon(self._write, name, store, receive)

    async def _write(
        self, name: str, store: RoomStore, updates: MemoryObjectReceiveStream[bytes]
    ) -> None:
        try:
            async with updates:
                async for update in updates:
                    batch = [update]
                    while True:  # under load, one merged write (one commit) for all queued
                        try:
                            batch.append(updates.receive_nowait())
                        except anyio.WouldBlock:
                            break
                        except anyio.EndOfStream:
                            break
                    await store.write(batch[0] if len(batch) == 1 else merge_updates(*batch))
        finally:
            self._written[name].set()

    async def close_rooms(self, timeout: float = 10.0) -> None:
        """Finish writing every room's updates, then close the stores."""
        for send in self._queues.values():
            send.close()
        with anyio.move_on_after(timeout):
            for event in self._written.values():
                await event.wait()
        for store in self._stores.values():
            with contextlib.suppress(RuntimeError):
                await store.stop()


def _put(stream: MemoryObjectSendStream[bytes], update: bytes) -> None:
    try:
        stream.send_nowait(update)
    except (anyio.ClosedResourceError, anyio.BrokenResourceError):
        log.error("an update arrived after the room's store was closed")


def _skip_bad_message(exc: Exception, message: bytes, channel: Any) -> bool:
    log.warning("ignored a message that could not be applied (%s)", exc)
    return True
