"""Starting points for new maps: the default three-phase map and the named templates.

A template gives a map its frame — stages (with phases and colours), lanes, and starter
notes that ask the questions a facilitator would ask in each cell. It adds no
touchpoints: those come from the people who know the journey. `templates()` is the one
registry both `journeymapper new --template NAME` and File ▸ New from Template read.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from journeymapper.model.schema import JourneyData, Lane, LaneKind, Phase, Stage

PHASE_COLORS = {
    Phase.PRE_PURCHASE: "#4C78A8",
    Phase.PURCHASE: "#F58518",
    Phase.POST_PURCHASE: "#54A24B",
}


def default_lanes() -> tuple[Lane, ...]:
    """The rows a new map starts with: what the customer does, meets, feels, suffers, could get."""
    return (
        Lane(id="doing", name="Doing", kind=LaneKind.NOTES),
        Lane(id="touchpoints", name="Touchpoints", kind=LaneKind.TOUCHPOINTS),
        Lane(id="feeling", name="Feeling", kind=LaneKind.EMOTION),
        Lane(id="pain-points", name="Pain points", kind=LaneKind.PAIN_POINTS),
        Lane(id="opportunities", name="Opportunities", kind=LaneKind.OPPORTUNITIES),
        Lane(id="backstage", name="Backstage", kind=LaneKind.NOTES),
    )


def three_phase_stages() -> tuple[Stage, ...]:
    return (
        Stage(
            id="pre-purchase",
            name="Pre-purchase",
            phase=Phase.PRE_PURCHASE,
            color=PHASE_COLORS[Phase.PRE_PURCHASE],
        ),
        Stage(
            id="purchase", name="Purchase", phase=Phase.PURCHASE, color=PHASE_COLORS[Phase.PURCHASE]
        ),
        Stage(
            id="post-purchase",
            name="Post-purchase",
            phase=Phase.POST_PURCHASE,
            color=PHASE_COLORS[Phase.POST_PURCHASE],
        ),
    )


def blank_map(title: str = "Untitled journey") -> JourneyData:
    """The map File ▸ New and `journeymapper new` give."""
    return JourneyData(title=title, stages=three_phase_stages(), lanes=default_lanes())


# ----- phases from stage names ----------------------------------------------------

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


# ----- named templates ------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class StageSpec:
    name: str
    phase: Phase | None
    color: str
    description: str
    doing: str = ""
    backstage: str = ""


@dataclass(frozen=True, slots=True)
class Template:
    """A named starting point; `build(title)` makes its map (the template's title if None)."""

    name: str
    title: str
    description: str
    builder: Callable[[str], JourneyData]

    def build(self, title: str | None = None) -> JourneyData:
        return self.builder(self.title if title is None else title)


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.casefold()).strip("-")


def _lanes(touchpoint_lanes: Sequence[str], extra_notes: Sequence[str] = ()) -> list[Lane]:
    lanes = [Lane(id="doing", name="Doing", kind=LaneKind.NOTES)]
    lanes += [Lane(id=_slug(name), name=name, kind=LaneKind.NOTES) for name in extra_notes]
    lanes += [Lane(id=f"tp-{_slug(name)}", name=name) for name in touchpoint_lanes]
    lanes += [
        Lane(id="feeling", name="Feeling", kind=LaneKind.EMOTION),
        Lane(id="pain-points", name="Pain points", kind=LaneKind.PAIN_POINTS),
        Lane(id="opportunities", name="Opportunities", kind=LaneKind.OPPORTUNITIES),
        Lane(id="backstage", name="Backstage", kind=LaneKind.NOTES),
    ]
    return lanes


def _framed(
    title: str,
    description: str,
    specs: Sequence[StageSpec],
    touchpoint_lanes: Sequence[str] = ("Touchpoints",),
    extra_notes: Sequence[str] = (),
) -> JourneyData:
    stages = tuple(
        Stage(
            id=_slug(s.name),
            name=s.name,
            phase=s.phase,
            color=s.color,
            description=s.description,
        )
        for s in specs
    )
    lanes = []
    for lane in _lanes(touchpoint_lanes, extra_notes):
        if lane.id in ("doing", "backstage"):
            attr = lane.id
            notes = {st.id: getattr(s, attr) for st, s in zip(stages, specs, strict=True)}
            lane = lane.model_copy(update={"notes": {k: v for k, v in notes.items() if v}})
        lanes.append(lane)
    return JourneyData(title=title, description=description, stages=stages, lanes=tuple(lanes))


def _blank(title: str) -> JourneyData:
    return blank_map(title)


def _retail(title: str) -> JourneyData:
    return _framed(
        title,
        "A shopper's journey through a physical shop and its website: how they hear of it, "
        "visit, choose, pay and come back.",
        (
            StageSpec(
                "Discover",
                PRE,
                "#4C78A8",
                "How shoppers first hear of the shop.",
                "Notices a window display, an ad or a friend's recommendation.",
                "Which campaigns run? Who answers reviews and social media?",
            ),
            StageSpec(
                "Research",
                PRE,
                "#6C8EBF",
                "Checking the offer before the trip.",
                "Checks opening hours, stock and prices online; reads reviews.",
                "Is online stock accurate? Are store hours current on every listing?",
            ),
            StageSpec(
                "Visit and choose",
                BUY,
                "#F58518",
                "In the shop: finding, trying, asking.",
                "Finds the aisle, compares products, asks staff.",
                "Staffing per hour; how displays are refreshed.",
            ),
            StageSpec(
                "Pay",
                BUY,
                "#E8A33D",
                "Queue, till and receipt.",
                "Queues, pays, takes a receipt or an e-receipt.",
                "Which payment methods work? How long is the queue at peak?",
            ),
            StageSpec(
                "After the visit",
                POST,
                "#54A24B",
                "Using the product, returns, loyalty.",
                "Uses the product; may return it, review it or come back.",
                "Returns process; loyalty sign-ups; survey response rate.",
            ),
        ),
        touchpoint_lanes=("Digital", "Physical", "Human"),
    )


def _ecommerce(title: str) -> JourneyData:
    return _framed(
        title,
        "An online shopper from the first ad to the review: discovery, product pages, "
        "checkout, delivery and follow-up.",
        (
            StageSpec(
                "Discover",
                PRE,
                "#4C78A8",
                "Ads, search, social media, word of mouth.",
                "Sees an ad or a post; searches for the product.",
                "Which channels bring visitors? What does a click cost?",
            ),
            StageSpec(
                "Browse and compare",
                PRE,
                "#6C8EBF",
                "Product pages, filters, reviews, newsletter.",
                "Browses the catalogue, compares, reads reviews, signs up for a discount.",
                "Search and filter quality; stock accuracy; page speed on mobile.",
            ),
            StageSpec(
                "Checkout",
                BUY,
                "#F58518",
                "Cart, payment, order confirmation.",
                "Fills the cart, enters address and payment, gets a confirmation.",
                "Payment provider; fraud checks; when shipping costs are shown.",
            ),
            StageSpec(
                "Delivery",
                POST,
                "#54A24B",
                "Shipping notifications, tracking, unboxing.",
                "Waits, tracks the parcel, unpacks it.",
                "Carrier hand-over; tracking updates; packaging.",
            ),
            StageSpec(
                "After the purchase",
                POST,
                "#2E8B57",
                "Support, returns, reviews, loyalty.",
                "Asks for help, returns or reviews the product; may buy again.",
                "Support queue times; returns cost; review requests.",
            ),
        ),
        touchpoint_lanes=("Online", "Service"),
        extra_notes=("Thinking",),
    )


def _hotel(title: str) -> JourneyData:
    return _framed(
        title,
        "A guest booking a hotel room online, from the first travel ad to the post-stay survey.",
        (
            StageSpec(
                "Inspiration",
                PRE,
                "#4C78A8",
                "Where the trip and the hotel first appear.",
                "Sees travel ads, friends' photos, reviews.",
                "Ad spend by channel; review monitoring.",
            ),
            StageSpec(
                "Research and compare",
                PRE,
                "#6C8EBF",
                "Hotel website, comparison sites, reviews.",
                "Compares prices, rooms and locations; reads reviews.",
                "Rate parity with booking sites; photo and content freshness.",
            ),
            StageSpec(
                "Book",
                BUY,
                "#F58518",
                "Booking form, payment, confirmation.",
                "Chooses dates and room, pays, receives a confirmation.",
                "Booking engine; payment provider; confirmation email.",
            ),
            StageSpec(
                "Before the stay",
                POST,
                "#54A24B",
                "Pre-arrival email, special requests.",
                "Plans the trip, asks for a late check-in or a cot.",
                "How requests reach the front desk.",
            ),
            StageSpec(
                "Stay",
                POST,
                "#3C9A6B",
                "Arrival, room, services, check-out.",
                "Checks in, sleeps, eats, checks out.",
                "Front desk staffing; housekeeping; billing at check-out.",
            ),
            StageSpec(
                "After the stay",
                POST,
                "#2E7D5B",
                "Survey, reviews, loyalty offers.",
                "Answers the survey, writes a review, maybe books again.",
                "Survey response rate; who replies to reviews.",
            ),
        ),
        touchpoint_lanes=("Touchpoints", "Staff"),
    )


def _saas(title: str) -> JourneyData:
    return _framed(
        title,
        "A new user of a software service from sign-up to the first renewal; the purchase "
        "is the sign-up, and the journey that matters happens after it.",
        (
            StageSpec(
                "Evaluate",
                PRE,
                "#4C78A8",
                "Website, pricing page, reviews, demo.",
                "Reads the pricing page and reviews; watches a demo.",
                "Which plan do visitors pick? What do sales calls ask?",
            ),
            StageSpec(
                "Sign up",
                BUY,
                "#F58518",
                "Account creation, trial, payment details.",
                "Creates an account, confirms the email, picks a plan.",
                "Sign-up form fields; email deliverability; trial length.",
            ),
            StageSpec(
                "First run",
                POST,
                "#54A24B",
                "Setup, import, invitations — the time to first value.",
                "Sets up the workspace, imports data, invites the team.",
                "Onboarding emails; setup checklist; in-app guides.",
            ),
            StageSpec(
                "Adoption",
                POST,
                "#3C9A6B",
                "Regular use, help, feature discovery.",
                "Uses it weekly, finds features, asks support.",
                "Activation metric; help-centre searches; support tickets.",
            ),
            StageSpec(
                "Renewal",
                POST,
                "#2E7D5B",
                "Billing, renewal, upgrade, referral.",
                "Receives the invoice, renews or upgrades, recommends it.",
                "Churn signals; renewal reminders; referral programme.",
            ),
        ),
        touchpoint_lanes=("Product", "People"),
    )


def _lifecycle(title: str) -> JourneyData:
    return _framed(
        title,
        "The whole customer lifecycle, from first awareness to advocacy.",
        (
            StageSpec(
                "Awareness",
                PRE,
                "#4C78A8",
                "The customer learns the brand exists.",
                "Sees an ad, a post, a review or hears from a friend.",
                "Reach by channel; share of voice.",
            ),
            StageSpec(
                "Consideration",
                PRE,
                "#6C8EBF",
                "The customer compares the offer with others.",
                "Visits the website, reads reviews, asks questions.",
                "Content, comparison pages, sales follow-up.",
            ),
            StageSpec(
                "Purchase",
                BUY,
                "#F58518",
                "The moment of commitment.",
                "Buys online, in a shop or through sales staff.",
                "Checkout, payment, order confirmation.",
            ),
            StageSpec(
                "Onboarding",
                POST,
                "#54A24B",
                "Getting started with the product or service.",
                "Receives, installs or starts using it.",
                "Welcome emails, guides, delivery.",
            ),
            StageSpec(
                "Support",
                POST,
                "#3C9A6B",
                "Help when something goes wrong.",
                "Contacts support by phone, chat or email.",
                "Response times; first-contact resolution.",
            ),
            StageSpec(
                "Loyalty",
                POST,
                "#B279A2",
                "Reasons to come back.",
                "Collects points, receives offers, buys again.",
                "Loyalty programme; repeat purchase rate.",
            ),
            StageSpec(
                "Advocacy",
                POST,
                "#9D5C8F",
                "Customers who recommend the brand.",
                "Writes reviews, recommends it, joins the community.",
                "Review requests; referral programme; community management.",
            ),
        ),
    )


_TEMPLATES: tuple[Template, ...] = (
    Template(
        "blank",
        "Untitled journey",
        "Three phases — pre-purchase, purchase, post-purchase — and the usual lanes.",
        _blank,
    ),
    Template(
        "retail",
        "Retail store journey",
        "A physical shop and its website: discover, research, visit, pay, come back; "
        "digital, physical and human touchpoint lanes.",
        _retail,
    ),
    Template(
        "e-commerce",
        "Online shop journey",
        "An online shop from the first ad to the review: discover, browse, checkout, "
        "delivery, after the purchase.",
        _ecommerce,
    ),
    Template(
        "hotel",
        "Hotel booking journey",
        "Booking a hotel room online: inspiration, research, booking, before, during and "
        "after the stay.",
        _hotel,
    ),
    Template(
        "saas-onboarding",
        "SaaS onboarding journey",
        "A software service from evaluation and sign-up through first run and adoption to renewal.",
        _saas,
    ),
    Template(
        "lifecycle",
        "Customer lifecycle",
        "Awareness → Consideration → Purchase → Onboarding → Support → Loyalty → Advocacy.",
        _lifecycle,
    ),
)


def templates() -> dict[str, Template]:
    """Every named template by name, in the order menus list them."""
    return {t.name: t for t in _TEMPLATES}


def template(name: str) -> Template:
    """The template called `name`; a KeyError that lists the names otherwise."""
    found = templates().get(name.strip().casefold())
    if found is None:
        raise KeyError(f"no template '{name}'; choose one of: {', '.join(templates())}")
    return found
