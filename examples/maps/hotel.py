"""Booking a hotel room online: exercise 2 of the “Customer Touchpoints” lesson."""

from __future__ import annotations

from journeymapper.model.schema import JourneyData, Persona
from maps.mapmaker import (
    BUY,
    DIGITAL,
    HUMAN,
    OWNED,
    PAID,
    PHYSICAL,
    POST,
    PRE,
    RESEARCH,
    MapMaker,
    kpi,
)


def build() -> JourneyData:
    m = MapMaker(
        "Booking a hotel room online",
        "Exercise 2 of the “Customer Touchpoints” lesson of an online Customer Experience Course "
        "(Module 3, “Customer Interactions”): a guest books a room at a city hotel, with at least "
        "three touchpoints in each phase — online travel ads, the hotel website and social media "
        "reviews before; the booking form, the payment confirmation and the booking confirmation "
        "email during; the pre-arrival email with check-in details, customer support for special "
        "requests and the post-stay survey after. The stay itself is mapped too: it is what the "
        "survey asks about.",
        [
            ("inspiration", "Inspiration", PRE, "#4C78A8", "Where the trip and the hotel appear."),
            ("compare", "Research and compare", PRE, "#6C8EBF", "Website, booking sites, prices."),
            ("book", "Book", BUY, "#F58518", "Booking form, payment, confirmation."),
            ("before", "Before arrival", POST, "#54A24B", "Check-in details, special requests."),
            ("stay", "Stay", POST, "#3C9A6B", "Check-in, the room, check-out."),
            ("after", "After the stay", POST, "#2E7D5B", "Survey, reviews, returning guests."),
        ],
        [
            Persona(
                id="sofia",
                name="Sofia",
                description="Consultant, 41, travels twice a month; books on her laptop "
                "between meetings.",
                goals=("Book in under five minutes", "Check in late without phoning"),
                color="#D81B60",
            ),
            Persona(
                id="nguyen",
                name="The Nguyen family",
                description="Two adults and two children on a city break; they plan weeks "
                "ahead and compare prices.",
                goals=("A family room with a cot", "Know what breakfast costs"),
                color="#26A69A",
            ),
        ],
    )
    m.note(
        "inspiration",
        "Sees a city-break ad; reads what other guests posted.",
        "“That looks like a good weekend for the kids.”",
        "Seasonal campaign with the city's tourist board.",
    )
    m.note(
        "compare",
        "Compares rooms and prices on the hotel site and a booking site.",
        "“Is it cheaper on the booking site? How big is the room?”",
        "Channel manager keeps rates in line across booking sites.",
    )
    m.note(
        "book",
        "Fills in the form, pays, reads the confirmation.",
        "“Did they get that we need a cot?”",
        "Booking engine; payment provider; confirmation from the property system.",
    )
    m.note(
        "before",
        "Reads the pre-arrival email; asks for a late check-in or a cot.",
        "“Will someone be there at 11 pm?”",
        "Requests arrive in a shared mailbox the front desk reads each morning.",
    )
    m.note(
        "stay",
        "Checks in, settles into the room, checks out.",
        "“The room is lovely. Why is the minibar on the bill?”",
        "Front desk rota; housekeeping inspections; billing at check-out.",
    )
    m.note(
        "after",
        "Answers the survey, posts a review, receives an offer.",
        "“We would come back — if the price is right.”",
        "The manager reads the survey each week; marketing sends returning-guest offers.",
    )
    card = m.card
    card(
        "travel-ad",
        "Sees an online travel ad for the city",
        "inspiration",
        "digital",
        0,
        "online_ads",
        1,
        kpis=[kpi("Click-through rate", 1.1, 1.5, "%")],
        feedback="Landing-page survey",
        owner="Marketing",
        personas=["nguyen"],
    )
    card(
        "social-reviews",
        "Reads social media reviews and guest photos",
        "inspiration",
        "digital",
        1,
        "online_reviews",
        1,
        pain_points=["Photos show the rooms before the renovation"],
        opportunities=["Invite recent guests to post photos"],
        kpis=[kpi("Average rating", 4.2, 4.5, "stars")],
        feedback="Review monitoring tool",
        owner="Front office manager",
        personas=["nguyen"],
        evidence=RESEARCH,
    )
    card(
        "colleague",
        "Gets a tip from a colleague",
        "inspiration",
        "human",
        0,
        "referral",
        2,
        feedback="“Who recommended us?” in the booking form",
        owner="Marketing",
        personas=["sofia"],
    )
    card(
        "website",
        "Compares rooms on the hotel website",
        "compare",
        "digital",
        0,
        "website",
        0,
        pain_points=[
            "Room sizes are not listed",
            "The price with breakfast only appears at the end",
        ],
        opportunities=[
            "Room size and bed type on every room",
            "Show the total with and without breakfast",
        ],
        kpis=[kpi("Booking conversion rate", 2.4, 3.2, "%")],
        feedback="On-site poll: “Did you find what you needed?”",
        owner="E-commerce",
        personas=["sofia", "nguyen"],
        votes=6,
        evidence=RESEARCH,
    )
    card(
        "booking-site",
        "Checks the price on a booking site",
        "compare",
        "digital",
        1,
        "Online travel agency",
        0,
        category=DIGITAL,
        ownership=PAID,
        pain_points=["The booking site is cheaper than the hotel's own site"],
        opportunities=["A best-rate guarantee on the hotel website"],
        kpis=[kpi("Direct booking share", 38, 50, "%")],
        feedback="Rate-parity reports from the channel manager",
        owner="Revenue manager",
        personas=["nguyen"],
    )
    card(
        "form",
        "Fills in the online booking form",
        "book",
        "digital",
        0,
        "checkout",
        0,
        pain_points=["The cot request is a free-text field that gets missed"],
        opportunities=["A “travelling with children” option that books the cot"],
        kpis=[kpi("Form completion rate", 64, 75, "%")],
        feedback="Form analytics: where guests drop out",
        owner="E-commerce",
        personas=["sofia", "nguyen"],
        votes=4,
    )
    card(
        "payment",
        "Pays and sees the payment confirmation",
        "book",
        "digital",
        1,
        "payment",
        1,
        kpis=[kpi("Payment success rate", 98.6, 99.0, "%")],
        feedback="Payment provider's error log",
        owner="E-commerce",
        personas=["sofia", "nguyen"],
    )
    card(
        "confirmation",
        "Receives the booking confirmation email",
        "book",
        "digital",
        2,
        "order_confirmation",
        1,
        pain_points=["The email does not say where to park"],
        opportunities=["Add parking and arrival directions"],
        kpis=[kpi("Open rate", 88, 90, "%")],
        feedback="Calls and replies about the booking",
        owner="Reservations",
        personas=["sofia", "nguyen"],
    )
    card(
        "pre-arrival",
        "Gets the pre-arrival email with check-in details",
        "before",
        "digital",
        0,
        "email",
        1,
        kpis=[kpi("Online check-in rate", 35, 60, "%")],
        feedback="Clicks on “check in online”",
        owner="Reservations",
        personas=["sofia", "nguyen"],
    )
    card(
        "request",
        "Asks customer support for a late check-in or a cot",
        "before",
        "human",
        1,
        "customer_support",
        0,
        pain_points=["Support answers by email, within 24 hours"],
        opportunities=["Messaging with the front desk"],
        kpis=[kpi("Response time", 19, 2, "hours")],
        feedback="“Was your request handled?” in the reply",
        owner="Front office",
        personas=["sofia", "nguyen"],
        votes=3,
    )
    card(
        "check-in",
        "Checks in at the front desk",
        "stay",
        "human",
        0,
        "Front desk",
        1,
        category=HUMAN,
        ownership=OWNED,
        pain_points=["A queue at 15:00 when tour groups arrive"],
        opportunities=["A mobile key for guests who checked in online"],
        kpis=[kpi("Average check-in time", 7, 3, "min")],
        feedback="Front-desk log",
        owner="Front office",
        personas=["sofia", "nguyen"],
    )
    card(
        "room",
        "Settles into the room",
        "stay",
        "physical",
        1,
        "Room",
        2,
        category=PHYSICAL,
        ownership=OWNED,
        kpis=[kpi("Room cleanliness score", 4.6, 4.5, "out of 5")],
        feedback="Housekeeping inspection; comment card in the room",
        owner="Housekeeping",
        personas=["sofia", "nguyen"],
    )
    card(
        "bill",
        "Checks out and gets the invoice by email",
        "stay",
        "digital",
        2,
        "billing",
        0,
        pain_points=["Minibar items disputed at check-out"],
        opportunities=["An itemised bill to check before check-out"],
        kpis=[kpi("Bills disputed", 3.1, 1.0, "%")],
        feedback="Disputes logged by the front desk",
        owner="Front office",
        personas=["sofia", "nguyen"],
    )
    card(
        "survey",
        "Answers the post-stay survey",
        "after",
        "digital",
        0,
        "survey",
        1,
        kpis=[
            kpi("Survey response rate", 18, 25, "%"),
            kpi("Net Promoter Score", 41, 50, "points"),
        ],
        feedback="The survey itself, read every week by the manager",
        owner="Hotel manager",
        personas=["sofia", "nguyen"],
        evidence=RESEARCH,
    )
    card(
        "review",
        "Posts a review on a travel site",
        "after",
        "digital",
        1,
        "online_reviews",
        1,
        kpis=[kpi("Reviews answered within 48 hours", 70, 100, "%")],
        feedback="Review monitoring tool",
        owner="Front office manager",
        personas=["nguyen"],
    )
    card(
        "offer",
        "Receives a returning-guest offer",
        "after",
        "digital",
        1,
        "loyalty_programme",
        1,
        order=1,
        kpis=[kpi("Repeat stays within a year", 14, 20, "%")],
        feedback="Offer redemptions",
        owner="Marketing",
        personas=["sofia"],
    )
    m.flow("travel-ad", "social-reviews", "website", "booking-site", "form")
    m.flow("colleague", "website", "form", "payment", "confirmation", "pre-arrival", "request")
    m.flow("request", "check-in", "room", "bill", "survey", "review")
    m.flow("pre-arrival", "check-in")
    m.flow("survey", "offer")
    return m.data()
