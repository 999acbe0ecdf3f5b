"""Caps on what one connection may send: message size, message rate, queue lengths.

The rate limit is a token bucket (the algorithm of RFC 2697, "A Single Rate Three
Color Marker", §3: tokens refill at a fixed rate up to a burst size, and a message
takes one): a person double-tapping is never refused, a script flooding the server is.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass

MAX_MESSAGE_BYTES = 16 * 1024


@dataclass(frozen=True)
class Limits:
    """What the transport enforces on every connection, whoever it belongs to."""

    max_message_bytes: int = MAX_MESSAGE_BYTES
    messages_per_second: float = 20.0
    burst: int = 40
    strikes_before_close: int = 20  # messages refused for rate before the socket is closed
    max_connections: int = 500  # sockets open at once, all roles together
    send_queue: int = 2_000  # messages waiting for a slow reader before it is dropped
    http_requests_per_second: float = 50.0  # per client address, pages and files


class TokenBucket:
    """RFC 2697's committed-rate bucket: `rate` tokens a second, at most `burst` kept."""

    def __init__(
        self, rate: float, burst: int, clock: Callable[[], float] = time.monotonic
    ) -> None:
        self.rate = rate
        self.burst = float(burst)
        self._tokens = float(burst)
        self._clock = clock
        self._last = clock()

    def take(self) -> bool:
        """Spend one token; False when the bucket is empty (the message is refused)."""
        now = self._clock()
        self._tokens = min(self.burst, self._tokens + (now - self._last) * self.rate)
        self._last = now
        if self._tokens >= 1.0:
            self._tokens -= 1.0
            return True
        return False


class AddressBuckets:
    """One bucket per client address, forgetting the idle ones so the table stays small."""

    MAX_ADDRESSES = 4_096

    def __init__(self, rate: float, burst: int) -> None:
        self.rate = rate
        self.burst = burst
        self._buckets: dict[str, TokenBucket] = {}

    def take(self, address: str) -> bool:
        bucket = self._buckets.get(address)
        if bucket is None:
            if len(self._buckets) >= self.MAX_ADDRESSES:
                self._buckets.clear()  # a flood of addresses resets everyone's allowance
            bucket = self._buckets[address] = TokenBucket(self.rate, self.burst)
        return bucket.take()
