"""A service business from the before / during / after table of Viindoo's article
“What is customer touchpoint? How to increase touch points with customers”."""

from __future__ import annotations

from journeymapper.model.schema import JourneyData, Persona
from maps.mapmaker import BUY, DIGITAL, EARNED, GUESS, OWNED, POST, PRE, RESEARCH, MapMaker, kpi


def build() -> JourneyData:
    m = MapMaker(
        "An air-conditioning service: before, during and after the purchase",
        "A local company that installs and maintains air conditioning, mapped from the "
        "table of customer touchpoints in Viindoo's article “What is customer touchpoint? "
        "How to increase touch points with customers” (Jun Nguyen, 2023): word "
        "of mouth, social networks, advertising, reviews and ratings, and marketing before "
        "buying; the office, the telephone system, the website, sales staff and the point "
        "of sale when making the purchase; customer care, monitoring, transactional email "
        "and thank-you notes after it. The stages keep the table's own names.",
        [
            ("before", "Before buying", PRE, "#4C78A8", "How households and offices find us."),
            (
                "during",
                "When making a purchase",
                BUY,
                "#F58518",
                "Quote, site visit, deposit.",
            ),
            ("after", "After purchase", POST, "#54A24B", "Installation, care, maintenance."),
        ],
        [
            Persona(
                id="anna",
                name="Anna",
                description="Owns a terraced house; wants one quiet unit in the bedroom "
                "before the summer.",
                goals=("A quiet unit", "Installed before July"),
                color="#D81B60",
            ),
            Persona(
                id="david",
                name="David",
                description="Runs an office of twelve; needs three units and a maintenance "
                "contract.",
                goals=("No downtime in a heat wave", "One invoice a year for maintenance"),
                color="#5C6BC0",
            ),
        ],
    )
    m.note(
        "before",
        "Asks neighbours, reads reviews, notices adverts and mailings.",
        "“Who can do it before the summer? Are they reliable?”",
        "Adverts on local radio and in the paper; spring maintenance mailing.",
    )
    m.note(
        "during",
        "Calls or fills in the web form, visits the office, meets the advisor.",
        "“How loud will it be? What will it cost to run?”",
        "Two office staff share the phone with technicians; quotes from the CRM.",
    )
    m.note(
        "after",
        "Has it installed, reads the emails, calls customer care if it drips.",
        "“Nice touch, the card. Will they remember me next year?”",
        "Installer teams of two; maintenance reminders from the CRM.",
    )
    card = m.card
    card(
        "word-of-mouth",
        "Hears about the company from a neighbour",
        "before",
        "human",
        0,
        "referral",
        2,
        kpis=[kpi("Customers from word of mouth", 34, 40, "%")],
        feedback="“How did you find us?” on every quote",
        owner="Owner",
        personas=["anna"],
    )
    card(
        "social-network",
        "Sees installation photos in a local social network group",
        "before",
        "digital",
        1,
        "social_media",
        1,
        ownership=EARNED,
        description="Customers post photos of their new units in the neighbourhood group.",
        feedback="Group mentions collected every week",
        owner="Office",
        personas=["anna"],
    )
    card(
        "advert",
        "Hears a heat-wave advert on local radio",
        "before",
        "physical",
        0,
        "outdoor_print",
        0,
        description="Radio spots and a half-page in the local paper.",
        pain_points=["Adverts run when every installer is fully booked"],
        opportunities=["Advertise maintenance in spring and installs before the heat"],
        kpis=[kpi("Calls in an advert week", 14, 20, "calls")],
        feedback="A call-tracking number per advert",
        owner="Owner",
        personas=["david"],
        evidence=GUESS,
    )
    card(
        "reviews",
        "Reads reviews and ratings",
        "before",
        "digital",
        2,
        "online_reviews",
        1,
        description="Ratings on maps and review sites.",
        pain_points=["Two unanswered one-star reviews about missed appointments"],
        opportunities=["Answer every review within two days"],
        kpis=[kpi("Average rating", 4.6, 4.8, "stars")],
        feedback="Review alerts",
        owner="Office",
        personas=["anna", "david"],
        votes=3,
    )
    card(
        "mailing",
        "Gets the spring maintenance mailing",
        "before",
        "digital",
        2,
        "newsletter",
        0,
        order=1,
        kpis=[kpi("Response rate", 4, 6, "%")],
        feedback="Bookings by campaign code",
        owner="Office",
        personas=["david"],
    )
    card(
        "phone",
        "Calls the office for a quote",
        "during",
        "human",
        0,
        "phone",
        -1,
        description="The telephone system rings the office, then goes to voicemail.",
        pain_points=["Calls go to voicemail while staff are on site", "No call-back time is given"],
        opportunities=[
            "Book a call-back from the voicemail",
            "One phone queue for the office and the technicians",
        ],
        kpis=[kpi("Calls answered", 62, 90, "%")],
        feedback="Missed-call report from the telephone system",
        owner="Office",
        personas=["david"],
        votes=5,
        evidence=RESEARCH,
    )
    card(
        "web-form",
        "Requests a quote on the website",
        "during",
        "digital",
        0,
        "website",
        1,
        pain_points=["The form asks for room sizes customers do not know"],
        opportunities=["Ask for photos of the rooms instead"],
        kpis=[kpi("Quote requests per 100 visits", 3.5, 5.0)],
        feedback="Where visitors leave the form",
        owner="Office",
        personas=["anna"],
    )
    card(
        "office",
        "Visits the office to hear the units",
        "during",
        "physical",
        1,
        "store_visit",
        1,
        description="Working units in the showroom, to hear how quiet they are.",
        kpis=[kpi("Showroom visitors who buy", 58, 60, "%")],
        feedback="Visitor book",
        owner="Office",
        personas=["david"],
    )
    card(
        "advisor",
        "Site visit by a sales advisor",
        "during",
        "human",
        2,
        "sales_staff",
        2,
        description="Measures the rooms, explains noise and running costs, leaves a quote.",
        kpis=[kpi("Quotes accepted", 46, 55, "%")],
        feedback="Advisor notes in the CRM",
        owner="Sales",
        personas=["anna", "david"],
        evidence=RESEARCH,
    )
    card(
        "deposit",
        "Pays the deposit at the point of sale",
        "during",
        "physical",
        3,
        "point_of_sale",
        0,
        description="The card terminal in the office or the advisor's handheld one.",
        pain_points=["A deposit of 50 % feels high"],
        opportunities=["30 % deposit, the rest after installation"],
        kpis=[kpi("Average order value", 3150, 3000, "EUR")],
        feedback="Reasons given when a quote is declined",
        owner="Office",
        personas=["anna", "david"],
    )
    card(
        "emails",
        "Transactional emails: date, invoice, warranty",
        "after",
        "digital",
        0,
        "email",
        1,
        kpis=[kpi("Emails opened", 85, 90, "%")],
        feedback="Replies to the booking email",
        owner="Office",
        personas=["anna", "david"],
    )
    card(
        "thank-you-note",
        "Finds a handwritten thank-you note on the unit",
        "after",
        "physical",
        1,
        "thank_you",
        2,
        description="Left by the installer, with the customer care number.",
        kpis=[kpi("Reviews that mention the note", 12, None, "%")],
        feedback="Mentions in reviews",
        owner="Installers",
        personas=["anna"],
    )
    card(
        "customer-care",
        "Calls customer care when the unit drips",
        "after",
        "human",
        2,
        "customer_support",
        -1,
        pain_points=["Has to explain the model and the installation date again"],
        opportunities=["Whoever answers sees the customer's record"],
        kpis=[kpi("Fixed on the first visit", 77, 90, "%")],
        feedback="Follow-up call after each repair",
        owner="Service",
        personas=["anna"],
        votes=2,
    )
    card(
        "monitoring",
        "Maintenance reminders and remote monitoring",
        "after",
        "digital",
        1,
        "Monitoring",
        1,
        category=DIGITAL,
        ownership=OWNED,
        description="A yearly reminder to clean the filters; alerts from office units.",
        kpis=[kpi("Maintenance contracts renewed", 71, 80, "%")],
        feedback="Technician checklist after each service",
        owner="Service",
        personas=["david"],
    )
    card(
        "thank-you-call",
        "A thank-you call a week later",
        "after",
        "human",
        3,
        "phone",
        1,
        description="The owner asks whether everything works and whether they would "
        "recommend the company.",
        kpis=[kpi("Net Promoter Score", 62, 70, "points")],
        feedback="Answers noted in the CRM",
        owner="Owner",
        personas=["anna", "david"],
    )
    m.flow("word-of-mouth", "social-network", "reviews", "web-form", "advisor", "deposit")
    m.flow("advert", "reviews", "phone", "office", "advisor")
    m.flow("mailing", "phone")
    m.flow("deposit", "emails", "thank-you-note", "customer-care", "thank-you-call")
    m.flow("emails", "monitoring", "thank-you-call")
    return m.data()
