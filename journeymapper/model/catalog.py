"""The channel catalogue: the touchpoint kinds the palette offers and the defaults they bring.

A touchpoint's `channel` is either a key of this catalogue or free text; free text
falls back to a generic icon and no defaults.
"""

from __future__ import annotations

from dataclasses import dataclass

from journeymapper.model.schema import Category, Ownership, Phase

D, P, H = Category.DIGITAL, Category.PHYSICAL, Category.HUMAN
OWNED, PAID, EARNED = Ownership.OWNED, Ownership.PAID, Ownership.EARNED
PRE, BUY, POST = Phase.PRE_PURCHASE, Phase.PURCHASE, Phase.POST_PURCHASE


@dataclass(frozen=True, slots=True)
class Channel:
    key: str
    label: str
    category: Category
    ownership: Ownership
    phase: Phase | None
    icon: str
    keywords: str = ""


CHANNELS: tuple[Channel, ...] = (
    Channel("website", "Website", D, OWNED, PRE, "globe", "homepage product page blog"),
    Channel("social_media", "Social media", D, OWNED, PRE, "share", "instagram facebook posts"),
    Channel("online_ads", "Online ads", D, PAID, PRE, "megaphone", "advertising banner"),
    Channel("search", "Search", D, EARNED, PRE, "search", "google seo"),
    Channel("email", "Email", D, OWNED, None, "mail", "promotional"),
    Channel("newsletter", "Newsletter", D, OWNED, PRE, "newspaper", "subscription"),
    Channel("referral", "Referral / word of mouth", H, EARNED, PRE, "people", "friends"),
    Channel("online_reviews", "Online reviews", D, EARNED, PRE, "star", "ratings"),
    Channel("press_release", "Press release", D, EARNED, PRE, "newspaper", "media pr"),
    Channel("outdoor_print", "Outdoor & print", P, PAID, PRE, "billboard", "poster tv"),
    Channel("video", "Video", D, PAID, PRE, "play", "youtube commercial"),
    Channel("store_visit", "Store visit / in-store display", P, OWNED, PRE, "store", "shop"),
    Channel("point_of_sale", "Point of sale", P, OWNED, BUY, "register", "till cashier"),
    Channel("sales_staff", "Sales staff", H, OWNED, BUY, "person", "advisor"),
    Channel("phone", "Phone", H, OWNED, None, "phone", "call centre"),
    Channel("live_chat", "Live chat", H, OWNED, None, "chat", "chatbot messaging"),
    Channel("mobile_app", "Mobile app", D, OWNED, None, "smartphone", "in-app"),
    Channel("push_notification", "Push notification", D, OWNED, None, "bell", "alert"),
    Channel("checkout", "Checkout", D, OWNED, BUY, "cart", "basket e-commerce"),
    Channel("payment", "Payment", D, OWNED, BUY, "card", "gateway"),
    Channel("order_confirmation", "Order confirmation", D, OWNED, BUY, "check", "receipt"),
    Channel("shipping_notification", "Shipping notification", D, OWNED, POST, "truck", "delivery"),
    Channel("delivery", "Delivery", P, OWNED, POST, "package", "parcel packaging"),
    Channel("billing", "Billing", D, OWNED, POST, "invoice", "invoice statement"),
    Channel("customer_support", "Customer support", H, OWNED, POST, "headset", "helpdesk"),
    Channel("loyalty_programme", "Loyalty programme", D, OWNED, POST, "gift", "rewards points"),
    Channel("community", "Community", D, EARNED, POST, "people", "forum user group"),
    Channel("survey", "Survey", D, OWNED, POST, "clipboard", "feedback nps"),
    Channel("thank_you", "Thank-you note", P, OWNED, POST, "heart", "card gift"),
)

_BY_KEY = {channel.key: channel for channel in CHANNELS}

CATEGORY_LABELS = {D: "Digital", P: "Physical", H: "Human"}
OWNERSHIP_LABELS = {OWNED: "Owned", PAID: "Paid", EARNED: "Earned (indirect)"}
PHASE_LABELS = {PRE: "Pre-purchase", BUY: "Purchase", POST: "Post-purchase"}
GENERIC_ICON = "dot"


def channel(key: str) -> Channel | None:
    """The catalogue entry for `key`, or None for free-text channels."""
    return _BY_KEY.get(key)


def channel_label(key: str) -> str:
    entry = _BY_KEY.get(key)
    return entry.label if entry else key


def icon_for(key: str) -> str:
    entry = _BY_KEY.get(key)
    return entry.icon if entry else GENERIC_ICON


def search(text: str) -> list[Channel]:
    """Channels whose label, key or keywords contain every word of `text`."""
    words = text.casefold().split()
    return [
        entry
        for entry in CHANNELS
        if all(w in f"{entry.label} {entry.key} {entry.keywords}".casefold() for w in words)
    ]
