"""The online clothing store of the practical example of the “Customer Touchpoints” lesson."""

from __future__ import annotations

from journeymapper.model.schema import JourneyData, Persona
from maps.mapmaker import BUY, GUESS, POST, PRE, RESEARCH, MapMaker, kpi


def build() -> JourneyData:
    m = MapMaker(
        "Online clothing store",
        "The practical example of the “Customer Touchpoints” lesson of an online Customer "
        "Experience Course (Module 3, “Customer Interactions”): a customer sees an ad on "
        "Instagram, browses the catalogue, signs up for the newsletter to get a discount code, "
        "checks out, receives the order confirmation and a shipping notification, contacts "
        "customer support to track the order and, once it arrives, leaves a review. A friend's "
        "recommendation and a later 'complete the look' email complete the picture: the first is "
        "the indirect touchpoint the lesson warns is easy to forget, the second leads back to the "
        "catalogue (a deliberate loop).",
        [
            ("pre-purchase", "Pre-purchase", PRE, "#4C78A8", "From the first ad to a full basket."),
            ("purchase", "Purchase", BUY, "#F58518", "Checkout, payment and confirmation."),
            (
                "post-purchase",
                "Post-purchase",
                POST,
                "#54A24B",
                "Delivery, support, reviews and coming back.",
            ),
        ],
        [
            Persona(
                id="maya",
                name="Maya",
                description="Busy professional, 34. Shops on her phone on the commute and "
                "returns anything that does not fit.",
                goals=("Find clothes that fit the first time", "Know when the parcel arrives"),
                color="#7E57C2",
            ),
            Persona(
                id="tom",
                name="Tom",
                description="Student, 22. Waits for discount codes and asks friends what is "
                "worth buying.",
                goals=("Pay as little as possible", "Buy what friends recommend"),
                color="#26A69A",
            ),
        ],
    )
    m.note(
        "pre-purchase",
        "Scrolls Instagram on the commute, follows a friend's link, browses and filters "
        "on the phone, signs up for the discount.",
        "“Would this jacket fit me? Is there a discount code somewhere?”",
        "Paid social campaign; product feed synced nightly from the warehouse system; the "
        "newsletter platform sends the code.",
    )
    m.note(
        "purchase",
        "Fills the basket, enters the address, pays, reads the confirmation.",
        "“Why is shipping €4.95 only now? Do I really need an account?”",
        "Checkout on the shop platform; payments through the payment provider; the CRM "
        "sends the confirmation.",
    )
    m.note(
        "post-purchase",
        "Tracks the parcel, calls support when it is late, unpacks, writes a review.",
        "“Where is my parcel?” — then, once it is here: “It fits!”",
        "Carrier collects at 16:00; a support team of four; review requests go out seven "
        "days after delivery.",
    )
    m.card(
        "ad",
        "Sees an ad on Instagram",
        "pre-purchase",
        "digital",
        0,
        "online_ads",
        1,
        description="A carousel ad with this season's jackets, in the feed and in stories.",
        kpis=[kpi("Click-through rate", 1.4, 2.0, "%"), kpi("Cost per click", 0.42, 0.35, "EUR")],
        feedback="Ad comments and saves, reviewed weekly",
        owner="Marketing",
        personas=["maya"],
        evidence=RESEARCH,
        tags=["paid social"],
    )
    m.card(
        "friend",
        "Hears about the shop from a friend",
        "pre-purchase",
        "human",
        0,
        "referral",
        2,
        description="A friend shares a link in a group chat and vouches for the fit.",
        kpis=[kpi("Visitors who came from a referral", 12, 15, "%")],
        feedback="“How did you hear about us?” at checkout",
        owner="Marketing",
        personas=["tom"],
    )
    m.card(
        "catalogue",
        "Browses the product catalogue",
        "pre-purchase",
        "digital",
        1,
        "website",
        0,
        description="Lands on a product page, filters by size and colour, compares items.",
        pain_points=["Size guide is hard to find", "Filters reset after going back to the list"],
        opportunities=[
            "Fit finder on every product page",
            "Keep the filters in the address, so Back restores them",
        ],
        kpis=[kpi("Bounce rate", 42, 35, "%"), kpi("Add-to-cart rate", 7.5, 9.0, "%")],
        feedback="On-page feedback widget; session recordings",
        owner="E-commerce",
        personas=["maya", "tom"],
        votes=5,
        tags=["mobile"],
        evidence=RESEARCH,
    )
    m.card(
        "newsletter",
        "Signs up for the newsletter for a 10 % discount code",
        "pre-purchase",
        "digital",
        2,
        "newsletter",
        1,
        pain_points=["The code only arrives by email, minutes later"],
        opportunities=["Show the code on screen as well"],
        kpis=[kpi("Sign-up rate", 3.1, 4.0, "%")],
        feedback="Double opt-in confirmation rate",
        owner="CRM",
        personas=["tom"],
        votes=2,
    )
    m.card(
        "checkout",
        "Adds items to the cart and checks out",
        "purchase",
        "digital",
        0,
        "checkout",
        -1,
        description="Reviews the basket, enters the address, chooses a delivery option.",
        pain_points=["Shipping cost appears only at the last step", "Account creation is forced"],
        opportunities=["Show the shipping cost on the product page", "Offer guest checkout"],
        kpis=[
            kpi("Conversion rate", 2.7, 3.5, "%"),
            kpi("Cart abandonment rate", 71, 60, "%"),
            kpi("Average order value", 62.5, 70, "EUR"),
        ],
        feedback="Exit survey on abandoned checkouts",
        owner="E-commerce",
        personas=["maya", "tom"],
        votes=7,
        tags=["quick win"],
        evidence=RESEARCH,
    )
    m.card(
        "pay",
        "Pays by card or PayPal",
        "purchase",
        "digital",
        1,
        "payment",
        0,
        pain_points=["The bank's security check times out in some banking apps"],
        opportunities=["Offer wallet payments (Apple Pay, Google Pay)"],
        kpis=[kpi("Payment success rate", 97.8, 99.0, "%")],
        feedback="Payment provider's error reports",
        owner="E-commerce",
        personas=["maya", "tom"],
    )
    m.card(
        "confirmation",
        "Receives the order confirmation email",
        "purchase",
        "digital",
        2,
        "order_confirmation",
        1,
        kpis=[kpi("Open rate", 78, 80, "%")],
        feedback="Replies to the no-reply address are forwarded to support",
        owner="CRM",
        personas=["maya", "tom"],
    )
    m.card(
        "shipped",
        "Receives a shipping notification",
        "post-purchase",
        "digital",
        0,
        "shipping_notification",
        1,
        pain_points=["The tracking link shows “no information” for the first day"],
        opportunities=["Send the link only once the carrier has scanned the parcel"],
        kpis=[kpi("Tracking link clicks per order", 1.8, None)],
        feedback="Tracking page visits per order",
        owner="Warehouse",
        personas=["maya", "tom"],
    )
    m.card(
        "support",
        "Contacts customer support to track the order",
        "post-purchase",
        "human",
        1,
        "customer_support",
        -2,
        description="Calls because the parcel is late, waits in a queue, then gives the "
        "order number twice.",
        pain_points=["A 20-minute wait on the phone", "Has to repeat the order number"],
        opportunities=[
            "Live order status in the customer account",
            "Chat with the order number already filled in",
        ],
        kpis=[
            kpi("First-contact resolution", 68, 80, "%"),
            kpi("Average wait time", 20, 5, "min"),
            kpi("Customer satisfaction score", 3.4, 4.2, "out of 5"),
        ],
        feedback="Post-call satisfaction survey (1–5)",
        owner="Customer service",
        personas=["maya"],
        votes=6,
        evidence=RESEARCH,
    )
    m.card(
        "parcel",
        "Unpacks the parcel",
        "post-purchase",
        "physical",
        2,
        "delivery",
        2,
        description="A recyclable box, tissue paper and a handwritten thank-you.",
        pain_points=["No returns label in the box"],
        opportunities=["Include a prepaid returns label"],
        kpis=[kpi("Return rate", 24, 18, "%")],
        feedback="Return reasons from the returns portal",
        owner="Warehouse",
        personas=["maya", "tom"],
    )
    m.card(
        "review",
        "Leaves a review on the website",
        "post-purchase",
        "digital",
        3,
        "online_reviews",
        1,
        description="Rates fit and quality and adds a photo.",
        kpis=[kpi("Review rate", 6, 10, "%"), kpi("Average rating", 4.3, 4.5, "stars")],
        feedback="Review text and rating, tagged by theme every month",
        owner="E-commerce",
        personas=["maya", "tom"],
    )
    m.card(
        "comeback",
        "Gets a “complete the look” email a month later",
        "post-purchase",
        "digital",
        3,
        "email",
        1,
        order=1,
        kpis=[kpi("Repeat purchase rate", 22, 30, "%")],
        feedback="Email clicks and the orders they lead to",
        owner="CRM",
        personas=["tom"],
        tags=["retention"],
        evidence=GUESS,
    )
    m.flow("ad", "catalogue", "checkout", "pay", "confirmation", "shipped", "parcel", "review")
    m.flow("friend", "catalogue", "newsletter", "checkout")
    m.flow("shipped", "support", "parcel", "comeback")
    m.flow("comeback", "catalogue", label="Buys again")
    return m.data()
