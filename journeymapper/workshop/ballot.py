"""A voting round: dots per person (changeable mid-round), who put which dot where.

Who voted for what is kept here only to enforce the limit and let a person take a dot
back; it never leaves the session. Participants see their own dots and the round's
progress; the counts per card are revealed to everyone when the round ends.

The methods check and change in one step with no `await` in between, and the session
calls them on the server's one event loop, so two taps arriving together are two
calls in turn: the second is refused once the first has used the last dot.
"""

from __future__ import annotations

from collections import Counter


class Ballot:
    def __init__(self) -> None:
        self.running = False
        self.number = 0  # rounds started in this session
        self.votes_each = 0
        self.dots: dict[str, list[str]] = {}  # person id → card ids, oldest first

    def start(self, votes_each: int) -> None:
        self.running = True
        self.number += 1
        self.votes_each = votes_each
        self.dots = {}

    def set_votes_each(self, votes_each: int) -> list[str]:
        """Change the allowance; a person over a lowered one loses their latest dots.
        Returns the people whose dots changed."""
        self.votes_each = votes_each
        trimmed = [person for person, dots in self.dots.items() if len(dots) > votes_each]
        for person in trimmed:
            del self.dots[person][votes_each:]
        return trimmed

    def vote(self, person: str, card: str) -> str | None:
        """Put one of `person`'s dots on `card`; the reason when it cannot be done."""
        if not self.running:
            return "No voting round is running."
        if self.remaining(person) <= 0:
            return "You have no votes left."
        self.dots.setdefault(person, []).append(card)
        return None

    def unvote(self, person: str, card: str) -> str | None:
        """Take back `person`'s latest dot on `card`."""
        dots = self.dots.get(person, [])
        for i in range(len(dots) - 1, -1, -1):
            if dots[i] == card:
                del dots[i]
                return None
        return "You have no vote on that card." if self.running else "No voting round is running."

    def used(self, person: str) -> int:
        return len(self.dots.get(person, ()))

    def remaining(self, person: str) -> int:
        return max(0, self.votes_each - self.used(person)) if self.running else 0

    def mine(self, person: str) -> dict[str, int]:
        return dict(Counter(self.dots.get(person, ())))

    def forget(self, card: str) -> list[str]:
        """A card left the map: its dots go back to their owners, who are returned."""
        touched = [person for person, dots in self.dots.items() if card in dots]
        for person in touched:
            self.dots[person] = [c for c in self.dots[person] if c != card]
        return touched

    def tallies(self) -> Counter[str]:
        return Counter(card for dots in self.dots.values() for card in dots)

    @property
    def cast(self) -> int:
        return sum(len(dots) for dots in self.dots.values())

    def end(self) -> Counter[str]:
        """Stop the round; its tallies (the dots themselves are forgotten)."""
        tallies = self.tallies()
        self.running = False
        self.dots = {}
        return tallies
