"""The fifteen touchpoints of “15 Customer Touchpoints That Will Optimize Your Customer
Journey” (a marketing blog), for a home and garden store."""

from __future__ import annotations

from journeymapper.model.schema import JourneyData, Persona
from maps.mapmaker import BUY, GUESS, OWNED, POST, PRE, RESEARCH, MapMaker, kpi


def build() -> JourneyData:
    m = MapMaker(
        "Fifteen touchpoints of a home and garden store",
        "The fifteen touchpoints of the marketing blog article “15 Customer Touchpoints That Will "
        "Optimize Your Customer Journey”, for a home and garden retailer with shops and a website:"
        " seven before the purchase (company website, referrals, social media, online ads, press "
        "releases, outdoor and print campaigns, video), three during it (point of sale, reviews, "
        "brochures) and five after it (loyalty programme, community, billing, emails, surveys). "
        "One warning is left in on purpose: billing has a pain point the team has no answer to yet"
        " (invoices for furniture arrive before the furniture). It shows how the problems panel "
        "flags a pain point without an opportunity, and it is the question for the next workshop.",
        [
            ("pre-purchase", "Pre-purchase", PRE, "#4C78A8", "Seven ways customers find us."),
            ("purchase", "Purchase", BUY, "#F58518", "At the shelf and at the till."),
            ("post-purchase", "Post-purchase", POST, "#54A24B", "Why customers come back."),
        ],
        [
            Persona(
                id="lena",
                name="Lena",
                description="Homeowner, 45, renovating her kitchen; plans big purchases for "
                "weeks and keeps every brochure.",
                goals=("A kitchen delivered on time", "Invoices that match what arrived"),
                color="#7E57C2",
            ),
            Persona(
                id="marco",
                name="Marco",
                description="Just moved into his first flat; buys small things often, on "
                "impulse, mostly from his phone.",
                goals=("Ideas for a small balcony", "Member prices"),
                color="#EF6C00",
            ),
        ],
    )
    m.note(
        "pre-purchase",
        "Hears from a neighbour, sees posts, ads, billboards, a how-to video.",
        "“Could our garden look like that?”",
        "Campaign calendar shared by marketing, PR and the stores.",
    )
    m.note(
        "purchase",
        "Reads reviews at the shelf, takes a brochure, pays at the till.",
        "“Is this the one with the good reviews?”",
        "Shelf labels print star ratings from the website each night.",
    )
    m.note(
        "post-purchase",
        "Gets the invoice, emails, joins the loyalty programme and forum.",
        "“Why do I have to pay before it arrives?”",
        "Billing runs from the order system; community managed by two staff.",
    )
    card = m.card
    card(
        "website",
        "Company website",
        "pre-purchase",
        "digital",
        1,
        "website",
        0,
        description="The first place customers learn what the store sells; it has to work "
        "on a phone.",
        pain_points=["Opening hours differ between the website and maps"],
        opportunities=["One source of store data, published everywhere"],
        kpis=[kpi("Mobile bounce rate", 48, 35, "%")],
        feedback="Site searches with no results",
        owner="E-commerce",
        personas=["lena", "marco"],
        votes=3,
    )
    card(
        "referral",
        "Referral from a neighbour",
        "pre-purchase",
        "human",
        0,
        "referral",
        2,
        description="Social proof: a neighbour shows off the new patio furniture.",
        kpis=[kpi("New customers from referrals", 9, 12, "%")],
        feedback="“How did you hear about us?” at the till",
        owner="Marketing",
        personas=["lena"],
    )
    card(
        "social",
        "Social media",
        "pre-purchase",
        "digital",
        0,
        "social_media",
        1,
        description="More than half of shoppers check social media before they buy.",
        kpis=[kpi("Engagement rate", 3.2, 4.0, "%")],
        feedback="Comments and messages, answered within a day",
        owner="Marketing",
        personas=["marco"],
    )
    card(
        "ads",
        "Online ads",
        "pre-purchase",
        "digital",
        0,
        "online_ads",
        0,
        order=1,
        description="Search and social ads, personalised by location and browsing.",
        pain_points=["Ads keep showing a sofa after it was bought"],
        opportunities=["Leave recent buyers out of retargeting"],
        kpis=[kpi("Return on ad spend", 3.1, 4.0, "x")],
        feedback="Ad hide and report rates",
        owner="Marketing",
        personas=["marco"],
    )
    card(
        "press",
        "Press release about the new garden range",
        "pre-purchase",
        "digital",
        0,
        "press_release",
        0,
        order=2,
        kpis=[kpi("Articles picked up", 6, 10)],
        feedback="Coverage tracked by the PR agency",
        owner="PR",
    )
    card(
        "video",
        "How-to video: building a raised bed",
        "pre-purchase",
        "digital",
        0,
        "video",
        2,
        order=3,
        ownership=OWNED,
        kpis=[kpi("Average watch time", 2.4, 3.0, "min")],
        feedback="Video comments",
        owner="Marketing",
    )
    card(
        "outdoor",
        "Outdoor and print campaign",
        "pre-purchase",
        "physical",
        0,
        "outdoor_print",
        1,
        description="Billboards on the ring road and a spring leaflet.",
        pain_points=["Expensive, and hard to measure"],
        opportunities=["A QR code and a store-specific offer code on the leaflet"],
        kpis=[kpi("Offer codes redeemed", 1.2, 2.0, "%")],
        feedback="Offer-code redemptions per store",
        owner="Marketing",
        personas=["lena"],
        evidence=GUESS,
    )
    card(
        "reviews",
        "Reads reviews at the shelf and online",
        "purchase",
        "digital",
        0,
        "online_reviews",
        1,
        description="Star ratings on shelf labels and product pages.",
        kpis=[kpi("Products with five or more reviews", 38, 60, "%")],
        feedback="Review invitations after the purchase",
        owner="E-commerce",
        personas=["marco"],
    )
    card(
        "brochure",
        "Picks up the kitchen brochure",
        "purchase",
        "physical",
        0,
        "outdoor_print",
        0,
        ownership=OWNED,
        pain_points=["Prices in the brochure are out of date by autumn"],
        opportunities=["A QR code to live prices instead of printed ones"],
        kpis=[kpi("Brochures that lead to a planning appointment", 4, 6, "%")],
        feedback="Kitchen planners note the brochure code",
        owner="Kitchen department",
        personas=["lena"],
    )
    card(
        "till",
        "Pays at the point of sale",
        "purchase",
        "physical",
        1,
        "point_of_sale",
        0,
        description="Tills take cards, mobile payments and cash.",
        pain_points=["Self-checkout cannot scan large items"],
        opportunities=["A scan-and-go app for large items"],
        kpis=[kpi("Average queue time", 6, 3, "min"), kpi("Average basket value", 54, 60, "EUR")],
        feedback="Survey link on the receipt",
        owner="Store operations",
        personas=["lena", "marco"],
        votes=4,
        evidence=RESEARCH,
    )
    card(
        "billing",
        "Billing and invoices",
        "post-purchase",
        "digital",
        0,
        "billing",
        -1,
        description="Invoices for delivered furniture and fitted kitchens.",
        pain_points=["Invoices for furniture arrive before the furniture"],
        kpis=[kpi("Billing queries per 100 orders", 7, 2)],
        feedback="Billing queries logged by customer service",
        owner="Finance",
        personas=["lena"],
        votes=5,
        tags=["open question"],
    )
    card(
        "emails",
        "Emails with tips and offers",
        "post-purchase",
        "digital",
        1,
        "email",
        1,
        kpis=[kpi("Click rate", 2.9, 3.5, "%")],
        feedback="Unsubscribe reasons",
        owner="CRM",
        personas=["lena", "marco"],
    )
    card(
        "loyalty",
        "Customer loyalty programme",
        "post-purchase",
        "digital",
        1,
        "loyalty_programme",
        2,
        order=1,
        description="Points, member prices and early access to the spring range.",
        kpis=[kpi("Active members", 41, 50, "%"), kpi("Repeat purchase rate", 35, 45, "%")],
        feedback="Member panel twice a year",
        owner="CRM",
        personas=["marco"],
    )
    card(
        "community",
        "Community of gardeners",
        "post-purchase",
        "digital",
        2,
        "community",
        2,
        description="A forum and Saturday workshops run with local gardeners.",
        kpis=[kpi("Monthly active members", 1200, 2000, "people")],
        feedback="Forum threads tagged by theme",
        owner="Community team",
        personas=["marco"],
    )
    card(
        "survey",
        "Post-purchase survey",
        "post-purchase",
        "digital",
        2,
        "survey",
        0,
        order=1,
        pain_points=["The survey arrives before large items are delivered"],
        opportunities=["Send the survey after the delivery, not after the payment"],
        kpis=[
            kpi("Customer satisfaction score", 4.1, 4.5, "out of 5"),
            kpi("Response rate", 12, 20, "%"),
        ],
        feedback="The survey itself",
        owner="Customer service",
        personas=["lena"],
    )
    for source in ("referral", "social", "ads", "press", "outdoor", "video"):
        m.flow(source, "website")
    m.flow("website", "brochure", "till", "billing", "survey")
    m.flow("website", "reviews", "till", "emails", "loyalty", "community")
    m.flow("emails", "survey")
    return m.data()
