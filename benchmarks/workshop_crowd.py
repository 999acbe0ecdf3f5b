"""The simulated room for `benchmarks/workshop.py`: 60 participants in a process of their
own (as phones would be: their work must not take the editor's interpreter lock),
driven over a pipe. Times are `time.perf_counter()`, the system's monotonic clock, so
they compare with the editor process's."""

from __future__ import annotations

import asyncio
import json
import secrets
import time
from multiprocessing.connection import Connection
from typing import Any

from websockets.asyncio.client import ClientConnection, connect

VOTES_PER_BATCH = 20


class Person:
    """One page: its socket, and when each count of cast votes first reached it."""

    def __init__(self, ws: ClientConnection) -> None:
        self.ws = ws
        self.cast = 0
        self.reached: dict[int, float] = {}
        self.cards: list[str] = []

    async def read(self) -> None:
        async for text in self.ws:
            data = json.loads(text)
            for message in data if isinstance(data, list) else [data]:
                self.take(message)

    def take(self, message: dict[str, Any]) -> None:
        if message["type"] == "map":
            self.cards = [card["id"] for card in message["cards"]]
        elif message["type"] == "progress" and message["cast"] > self.cast:
            now = time.perf_counter()
            for count in range(self.cast + 1, message["cast"] + 1):
                self.reached[count] = now
            self.cast = message["cast"]

    async def send(self, message: dict[str, Any]) -> float:
        sent = time.perf_counter()
        await self.ws.send(json.dumps({**message, "key": secrets.token_hex(8)}))
        return sent


async def join(url: str) -> Person:
    ws = await connect(url, max_queue=None)
    await ws.send(json.dumps({"type": "hello", "client": secrets.token_hex(16)}))
    person = Person(ws)
    asyncio.get_running_loop().create_task(person.read())
    return person


async def votes(people: list[Person]) -> list[float]:
    """Votes one after the other; for each, its delay to every other page."""
    while not people[0].cards:
        await asyncio.sleep(0.01)
    card = people[0].cards[0]
    samples: list[float] = []
    for i in range(VOTES_PER_BATCH):
        voter = people[(i * 7) % len(people)]
        target = max(p.cast for p in people) + 1
        sent = await voter.send({"type": "vote", "card": card})
        others = [p for p in people if p is not voter]
        deadline = time.perf_counter() + 10
        while any(target not in p.reached for p in others):
            if time.perf_counter() > deadline:
                raise TimeoutError("a vote did not reach every page in 10 s")
            await asyncio.sleep(0.001)
        samples += [p.reached[target] - sent for p in others]
    return samples


async def cards(people: list[Person]) -> dict[str, float]:
    """Every participant sends a card at once; the time each was sent, by its name."""
    batch = secrets.token_hex(4)
    names = [f"Card {batch} {i}" for i in range(len(people))]
    pairs = zip(people, names, strict=True)
    stages = ("pre-purchase", "purchase", "post-purchase")
    adds = (
        p.send({"type": "add", "stage": stages[i % 3], "name": n}) for i, (p, n) in enumerate(pairs)
    )
    sent = await asyncio.gather(*adds)
    return dict(zip(names, sent, strict=True))


async def _serve(pipe: Connection, participant_url: str, facilitator_url: str, size: int) -> None:
    people = [await join(participant_url) for _ in range(size)]
    facilitator = await join(facilitator_url)
    await facilitator.send({"type": "round_start", "votes": 99})
    pipe.send("ready")
    while (command := await asyncio.to_thread(pipe.recv)) != "stop":
        if command == "votes":
            pipe.send(await votes(people))
        elif command == "cards":
            pipe.send(await cards(people))
        elif command == "both":
            sent, _ = await asyncio.gather(cards(people), votes(people))
            pipe.send(sent)
    for person in [*people, facilitator]:
        await person.ws.close()


def main(pipe: Connection, participant_url: str, facilitator_url: str, size: int) -> None:
    asyncio.run(_serve(pipe, participant_url, facilitator_url, size))
