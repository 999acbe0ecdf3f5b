"""Session tokens: a random 128-bit value in every URL, compared in constant time.

A workshop has two: the participants' token, shown in the QR code and the short URL,
and the facilitator's, which opens the facilitator page and is never shown to the room.
"""

from __future__ import annotations

import hmac
import secrets
from dataclasses import dataclass, field
from enum import StrEnum

TOKEN_BYTES = 16  # 128 bits: guessing one is hopeless at any request rate


class Role(StrEnum):
    PARTICIPANT = "participant"
    FACILITATOR = "facilitator"


def new_token() -> str:
    """22 URL-safe characters from the operating system's random source."""
    return secrets.token_urlsafe(TOKEN_BYTES)


def same_token(given: str, expected: str) -> bool:
    """True when `given` is `expected`, in time that does not depend on where they differ."""
    return hmac.compare_digest(
        given.encode("utf-8", "replace"), expected.encode("utf-8", "replace")
    )


@dataclass(frozen=True)
class Tokens:
    """The two tokens of one session; `role_of` says which one a request carried."""

    participant: str = field(default_factory=new_token)
    facilitator: str = field(default_factory=new_token)

    def role_of(self, given: str | None) -> Role | None:
        """The role `given` grants, or None. Both tokens are always compared, so the time
        taken does not tell which one was close."""
        if not given:
            return None
        is_facilitator = same_token(given, self.facilitator)
        is_participant = same_token(given, self.participant)
        if is_facilitator:
            return Role.FACILITATOR
        return Role.PARTICIPANT if is_participant else None

    def of(self, role: Role) -> str:
        return self.facilitator if role is Role.FACILITATOR else self.participant
