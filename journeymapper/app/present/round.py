"""A dot-voting round: who votes, how many dots each, and where they went.

Session state, not the map: nothing here changes the journey until the round ends,
when `edits` turns the tallies into one `Batch` that adds them to the touchpoints'
`votes` (one undo step). Until then `amend` gives the recovery copy the map as if the
round had ended now, so a crash never costs the votes cast (see `app/autosave.py`).

A room votes in one of two ways:
- named voters ("Ana, Ben, Chloé"), N dots each, the voter whose turn it is chosen in
  the facilitator bar (the turn passes on by itself when someone has used all theirs);
- anonymous ("8" people): one shared pool of 8 × N dots that anyone spends.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from journeymapper.model.document import Journey
from journeymapper.model.edits import Batch, UpdateTouchpoint
from journeymapper.model.schema import JourneyData

EVERYONE = "Everyone"
MAX_VOTES_EACH = 99
MAX_VOTERS = 200


class SetupError(ValueError):
    """A round that cannot start: the sentence says why."""


def parse_voters(text: str) -> tuple[tuple[str, ...], int]:
    """Names from "Ana, Ben; Chloé" (one per line works too), or () and a head count
    from a bare number ("8": an anonymous room). Duplicate names get a number."""
    text = text.strip()
    if not text:
        return (), 1
    if text.isdigit():
        count = int(text)
        if not 1 <= count <= MAX_VOTERS:
            raise SetupError(f"An anonymous room has 1 to {MAX_VOTERS} people.")
        return (), count
    names: list[str] = []
    seen: Counter[str] = Counter()
    for part in text.replace(";", ",").replace("\n", ",").split(","):
        name = " ".join(part.split())[:40]
        if not name:
            continue
        seen[name.casefold()] += 1
        names.append(name if seen[name.casefold()] == 1 else f"{name} ({seen[name.casefold()]})")
    if len(names) > MAX_VOTERS:
        raise SetupError(f"A round has at most {MAX_VOTERS} voters.")
    return tuple(names), 1


@dataclass
class VotingRound:
    votes_each: int
    voters: tuple[str, ...]
    anonymous: bool = False
    current: int = 0
    cast: dict[str, list[str]] = field(default_factory=dict)  # voter → card ids, in order

    @classmethod
    def setup(cls, votes_each: int, who: str) -> VotingRound:
        """A round of `votes_each` dots per person for the voters `who` names."""
        if not 1 <= votes_each <= MAX_VOTES_EACH:
            raise SetupError(f"Each person has 1 to {MAX_VOTES_EACH} votes.")
        names, count = parse_voters(who)
        if names:
            return cls(votes_each, names)
        return cls(votes_each * count, (EVERYONE,), anonymous=True)

    # ----- reading --------------------------------------------------------------------

    @property
    def voter(self) -> str:
        return self.voters[self.current]

    def remaining(self, voter: str | None = None) -> int:
        voter = self.voter if voter is None else voter
        return self.votes_each - len(self.cast.get(voter, ()))

    def tallies(self) -> Counter[str]:
        """Dots per card, all voters together."""
        return Counter(card for cards in self.cast.values() for card in cards)

    @property
    def total_cast(self) -> int:
        return sum(len(cards) for cards in self.cast.values())

    @property
    def total_votes(self) -> int:
        return self.votes_each * len(self.voters)

    @property
    def done(self) -> bool:
        return self.total_cast >= self.total_votes

    # ----- voting ---------------------------------------------------------------------

    def vote(self, card_id: str) -> bool:
        """The current voter puts a dot on `card_id`; False when they have none left."""
        if self.remaining() <= 0:
            return False
        self.cast.setdefault(self.voter, []).append(card_id)
        return True

    def take_back(self, card_id: str) -> bool:
        """The current voter's last dot on `card_id` comes off; False if they have none."""
        cards = self.cast.get(self.voter, [])
        for i in range(len(cards) - 1, -1, -1):
            if cards[i] == card_id:
                del cards[i]
                return True
        return False

    def choose(self, index: int) -> None:
        self.current = index % len(self.voters)

    def step(self, delta: int) -> None:
        self.choose(self.current + delta)

    def pass_turn(self) -> bool:
        """When the current voter has used every dot, the next one with dots left is up;
        True if the turn moved."""
        if self.remaining() > 0:
            return False
        for offset in range(1, len(self.voters)):
            index = (self.current + offset) % len(self.voters)
            if self.remaining(self.voters[index]) > 0:
                self.current = index
                return True
        return False

    def forget(self, card_ids: set[str]) -> None:
        """Cards deleted from the map lose their dots, which go back to their voters."""
        for voter, cards in self.cast.items():
            self.cast[voter] = [c for c in cards if c not in card_ids]

    # ----- ending ---------------------------------------------------------------------

    def edits(self, journey: Journey) -> Batch | None:
        """The votes as one undoable step: each voted card's `votes` raised by its dots."""
        changes = tuple(
            UpdateTouchpoint(card, {"votes": journey.touchpoint(card).votes + n})
            for card, n in sorted(self.tallies().items())
            if journey.has_touchpoint(card)
        )
        if not changes:
            return None
        total = sum(n for c, n in self.tallies().items() if journey.has_touchpoint(c))
        label = f"Record {total} vote{'s' if total != 1 else ''} of the voting round"
        return Batch(changes, label)

    def amend(self, data: JourneyData) -> JourneyData:
        """`data` with this round's dots added, as if it had ended now."""
        tallies = self.tallies()
        if not tallies:
            return data
        touchpoints = tuple(
            tp.model_copy(update={"votes": tp.votes + tallies[tp.id]}) if tp.id in tallies else tp
            for tp in data.touchpoints
        )
        return data.model_copy(update={"touchpoints": touchpoints})
