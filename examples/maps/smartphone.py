"""Buying a smartphone from an electronics retailer: exercise 1 of the “Customer Touchpoints”
lesson."""

from __future__ import annotations

from journeymapper.model.schema import JourneyData, Persona
from maps.mapmaker import BUY, EARNED, POST, PRE, RESEARCH, MapMaker, kpi


def build() -> JourneyData:
    m = MapMaker(
        "Buying a smartphone from an electronics retailer",
        "Exercise 1 of the “Customer Touchpoints” lesson of an online Customer Experience Course "
        "(Module 3, “Customer Interactions”): every touchpoint of a customer buying a smartphone "
        "from an electronics retailer — online ads, social media posts, product pages, email "
        "newsletters and in-store displays before; the online checkout, the in-store purchase and "
        "the mobile app during; the order confirmation, shipping notification, support calls, "
        "product reviews and loyalty offers after. The flow branches where the purchase does: "
        "Priya buys in the app, Frank in the store with an advisor.",
        [
            ("discover", "Discover", PRE, "#4C78A8", "Ads, social media, newsletters, displays."),
            (
                "compare",
                "Research and compare",
                PRE,
                "#6C8EBF",
                "Product pages, reviews and advice in the store.",
            ),
            ("purchase", "Purchase", BUY, "#F58518", "Online checkout, in the store or the app."),
            (
                "set-up",
                "Delivery and set-up",
                POST,
                "#54A24B",
                "From the parcel to a working phone.",
            ),
            ("ownership", "Ownership", POST, "#2E7D5B", "Support, reviews and loyalty offers."),
        ],
        [
            Persona(
                id="priya",
                name="Priya",
                description="Software developer, 29. Reads spec sheets and reviews; buys in "
                "the app to collect points.",
                goals=("The best camera for the money", "Delivery the next day"),
                color="#5C6BC0",
            ),
            Persona(
                id="frank",
                name="Frank",
                description="Retired teacher, 67. Upgrading after five years; wants to hold "
                "the phone and ask someone.",
                goals=("A phone he can read without glasses", "Keep his photos and contacts"),
                color="#EF6C00",
            ),
        ],
    )
    m.note(
        "discover",
        "Notices the launch ads, a creator's unboxing video, the newsletter, the display.",
        "“My phone is slow. Is the new model worth it?”",
        "Launch campaign with the manufacturer; co-funded in-store displays.",
    )
    m.note(
        "compare",
        "Compares models online, reads reviews, asks an advisor in the store.",
        "“Which one has the better battery? Will my old phone's data move over?”",
        "Product content from the manufacturer's feed; store stock synced every 15 minutes.",
    )
    m.note(
        "purchase",
        "Buys online, in the app or at the till; trades in the old phone.",
        "“Is the trade-in price fair? Can I have it today?”",
        "One order system for web, app and stores; trade-in partner values the old phone.",
    )
    m.note(
        "set-up",
        "Waits for the parcel or has the advisor move the data; sets the phone up.",
        "“I hope nothing gets lost in the transfer.”",
        "Carrier next-day service; data-transfer tool licensed for the stores.",
    )
    m.note(
        "ownership",
        "Calls support with a question, writes a review, uses a loyalty offer.",
        "“The battery lasts two days. Good choice.”",
        "Support centre shared with other product lines; loyalty platform.",
    )
    card = m.card
    card(
        "ads",
        "Online ads for the new model",
        "discover",
        "digital",
        0,
        "online_ads",
        1,
        kpis=[kpi("Click-through rate", 0.9, 1.2, "%")],
        feedback="Brand-lift survey every quarter",
        owner="Marketing",
        personas=["priya"],
    )
    card(
        "video",
        "Watches a creator's unboxing video",
        "discover",
        "digital",
        0,
        "video",
        2,
        order=1,
        ownership=EARNED,
        description="An independent tech creator's review; the retailer did not pay for it.",
        feedback="Mentions tracked with social listening",
        owner="Marketing",
        personas=["priya"],
    )
    card(
        "newsletter",
        "Reads the newsletter's trade-in offer",
        "discover",
        "digital",
        1,
        "newsletter",
        1,
        kpis=[kpi("Open rate", 31, 35, "%"), kpi("Click rate", 2.8, 3.5, "%")],
        feedback="Unsubscribe reasons",
        owner="CRM",
        personas=["frank"],
    )
    card(
        "display",
        "Notices the in-store display",
        "discover",
        "physical",
        0,
        "store_visit",
        0,
        pain_points=["Demo phones are locked or have a flat battery"],
        opportunities=["Check every demo phone before opening"],
        kpis=[kpi("Visitors who stop at the display", 18, 25, "%")],
        feedback="Store staff observation sheet",
        owner="Store operations",
        personas=["frank"],
    )
    card(
        "pages",
        "Compares models on the product pages",
        "compare",
        "digital",
        0,
        "website",
        0,
        pain_points=[
            "Spec tables differ between models",
            "Shown as in stock, but not in the local store",
        ],
        opportunities=["One comparison table for all models", "Live stock per store"],
        kpis=[kpi("Add-to-cart rate", 4.2, 5.0, "%")],
        feedback="Page feedback widget",
        owner="E-commerce",
        personas=["priya", "frank"],
        votes=5,
        evidence=RESEARCH,
    )
    card(
        "reviews",
        "Reads product reviews and ratings",
        "compare",
        "digital",
        1,
        "online_reviews",
        1,
        kpis=[kpi("Average rating", 4.5, 4.5, "stars")],
        feedback="Review moderation queue",
        owner="E-commerce",
        personas=["priya"],
    )
    card(
        "advice",
        "Asks a sales advisor in the store",
        "compare",
        "human",
        1,
        "sales_staff",
        2,
        description="Holds two phones side by side; asks about the camera and the battery.",
        pain_points=["Advisors are busy on Saturdays"],
        opportunities=["Book a 15-minute advice slot online"],
        kpis=[kpi("Customer satisfaction score", 4.4, 4.5, "out of 5")],
        feedback="QR-code survey at the counter",
        owner="Store operations",
        personas=["frank"],
        votes=3,
        evidence=RESEARCH,
    )
    card(
        "online",
        "Buys through the online checkout",
        "purchase",
        "digital",
        0,
        "checkout",
        0,
        pain_points=["The trade-in value is only confirmed when the old phone arrives"],
        opportunities=["An instant trade-in quote from photos of the old phone"],
        kpis=[kpi("Conversion rate", 2.1, 2.8, "%"), kpi("Average order value", 812, 850, "EUR")],
        feedback="Exit survey on abandoned checkouts",
        owner="E-commerce",
    )
    card(
        "app",
        "Buys in the mobile app",
        "purchase",
        "digital",
        1,
        "mobile_app",
        1,
        kpis=[kpi("App conversion rate", 3.9, 4.5, "%")],
        feedback="App store ratings; in-app survey",
        owner="E-commerce",
        personas=["priya"],
        tags=["loyalty points"],
    )
    card(
        "till",
        "Pays at the till in the store",
        "purchase",
        "physical",
        1,
        "point_of_sale",
        0,
        pain_points=["Queues at the till while the advisor activates the phone"],
        opportunities=["The advisor takes payment on a handheld terminal"],
        kpis=[kpi("Average queue time", 9, 4, "min")],
        feedback="Survey link on the receipt",
        owner="Store operations",
        personas=["frank"],
    )
    card(
        "confirmation",
        "Receives the order confirmation email",
        "purchase",
        "digital",
        2,
        "order_confirmation",
        1,
        kpis=[kpi("Open rate", 81, 80, "%")],
        feedback="Email replies to support",
        owner="CRM",
        personas=["priya"],
    )
    card(
        "shipping",
        "Receives a shipping notification",
        "set-up",
        "digital",
        0,
        "shipping_notification",
        1,
        kpis=[kpi("Delivered next day", 93, 95, "%")],
        feedback="Carrier delivery reports",
        owner="Logistics",
        personas=["priya"],
    )
    card(
        "transfer",
        "An advisor moves contacts and photos over",
        "set-up",
        "human",
        0,
        "sales_staff",
        2,
        kpis=[kpi("Transfers completed in store", 88, 95, "%")],
        feedback="Advisor checklist signed by the customer",
        owner="Store operations",
        personas=["frank"],
    )
    card(
        "unbox",
        "Unboxes and sets up the phone",
        "set-up",
        "physical",
        1,
        "delivery",
        0,
        pain_points=["Moving the data from the old phone takes an hour"],
        opportunities=["Free data transfer in the store or by video call"],
        kpis=[kpi("Set up within a day", 72, 90, "%")],
        feedback="Check-in email on day three",
        owner="Customer service",
        personas=["priya", "frank"],
    )
    card(
        "support",
        "Calls customer support about the battery",
        "ownership",
        "human",
        0,
        "customer_support",
        -1,
        pain_points=["The phone menu does not mention phones bought in a store"],
        opportunities=["One support line for every channel"],
        kpis=[kpi("First-contact resolution", 74, 85, "%"), kpi("Average wait time", 11, 5, "min")],
        feedback="Post-call satisfaction survey",
        owner="Customer service",
        personas=["frank"],
        votes=4,
    )
    card(
        "review",
        "Writes a product review",
        "ownership",
        "digital",
        1,
        "online_reviews",
        1,
        kpis=[kpi("Review rate", 5, 8, "%")],
        feedback="Review text and rating",
        owner="E-commerce",
        personas=["priya", "frank"],
    )
    card(
        "loyalty",
        "Gets a loyalty offer for accessories",
        "ownership",
        "digital",
        1,
        "loyalty_programme",
        1,
        order=1,
        kpis=[kpi("Offer redemption rate", 11, 15, "%")],
        feedback="Redemptions per offer",
        owner="CRM",
        personas=["priya"],
    )
    m.flow("ads", "pages", "reviews", "app", "confirmation", "shipping", "unbox", "review")
    m.flow("video", "reviews", "online", "confirmation")
    m.flow("newsletter", "pages", "advice", "till", "transfer", "unbox", "support", "review")
    m.flow("display", "advice")
    m.flow("unbox", "loyalty")
    return m.data()
