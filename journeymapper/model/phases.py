"""The purchase phases a stage can belong to: their colours, and a guess from a stage's name.

Templates and example maps colour their stages by phase; imports use `guess_phase` so
that a sheet's "Pre-purchase" or a Mermaid "section Onboarding" takes part in the
coverage rules.
"""

from __future__ import annotations

import re

from journeymapper.model.schema import Phase

PHASE_COLORS = {
    Phase.PRE_PURCHASE: "#4C78A8",
    Phase.PURCHASE: "#F58518",
    Phase.POST_PURCHASE: "#54A24B",
}


PRE, BUY, POST = Phase.PRE_PURCHASE, Phase.PURCHASE, Phase.POST_PURCHASE

_PHASE_WORDS: dict[str, Phase] = {
    **dict.fromkeys(
        (
            "pre purchase",
            "prepurchase",
            "before purchase",
            "before buying",
            "before the purchase",
            "awareness",
            "discover",
            "discovery",
            "inspiration",
            "consideration",
            "research",
            "research and compare",
            "evaluation",
            "interest",
            "explore",
        ),
        PRE,
    ),
    **dict.fromkeys(
        (
            "purchase",
            "buy",
            "buying",
            "during purchase",
            "when making a purchase",
            "checkout",
            "book",
            "booking",
            "order",
            "pay",
            "payment",
            "decision",
            "sign up",
            "signup",
        ),
        BUY,
    ),
    **dict.fromkeys(
        (
            "post purchase",
            "postpurchase",
            "after purchase",
            "after buying",
            "after the purchase",
            "delivery",
            "onboarding",
            "support",
            "loyalty",
            "advocacy",
            "retention",
            "use",
            "usage",
            "renewal",
            "stay",
            "after the stay",
            "follow up",
        ),
        POST,
    ),
}


def guess_phase(stage_name: str) -> Phase | None:
    """The purchase phase a stage called `stage_name` plainly belongs to, else None.

    Imports use it so that a sheet's "Pre-purchase" or a Mermaid "section Onboarding"
    takes part in the coverage rules; anything less obvious stays without a phase.
    """
    key = re.sub(r"[\s_\-–—/&]+", " ", stage_name.casefold()).strip()
    return _PHASE_WORDS.get(key)
