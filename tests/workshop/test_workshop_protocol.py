"""The session over real sockets: join, cards, capture, votes, timer, exactly-once delivery."""

from __future__ import annotations

import time
from collections.abc import Iterator

import pytest
from websockets.exceptions import ConnectionClosed

from journeymapper.workshop.session import SessionConfig
from tests.sample import clothing_store
from tests.workshop.wsclient import Client, Host, hosting, names_on_map

HOSTILE_NAME = "<img src=x onerror=alert(1)>"


@pytest.fixture
def host() -> Iterator[Host]:
    with hosting(clothing_store()) as running:
        yield running


def joined(host: Host, name: str = "", facilitator: bool = False) -> Client:
    client = Client(host.socket_url(facilitator))
    client.hello(name)
    return client


def test_a_participant_joins_and_sees_the_map(host: Host) -> None:
    ana = Client(host.socket_url())
    welcome = ana.hello("Ana")
    assert welcome["you"]["name"] == "Ana"
    assert welcome["you"]["role"] == "participant"
    shown = ana.wait("map")
    stage_ids = host.on_map(lambda j: [s.id for s in j.stages])
    assert [s["id"] for s in shown["stages"]] == stage_ids
    assert all(s["open"] for s in shown["stages"])
    assert len(shown["cards"]) == host.on_map(lambda j: j.touchpoint_count())
    assert "description" not in shown["cards"][0]  # only what the room needs leaves the laptop


def test_people_without_a_name_are_numbered(host: Host) -> None:
    joined(host)
    second = joined(host)
    facilitator = joined(host, facilitator=True)
    room = facilitator.wait("room", lambda m: len(m["people"]) == 2)
    assert [p["name"] for p in room["people"]] == ["Anonymous 1", "Anonymous 2"]
    assert all(p["online"] for p in room["people"])
    second.close()
    room = facilitator.wait("room", lambda m: not m["people"][1]["online"])
    assert room["people"][0]["online"]


def test_a_card_reaches_the_other_pages_and_the_map(host: Host) -> None:
    ana, ben = joined(host, "Ana"), joined(host, "Ben")
    reply = ana.do("add", stage="purchase", name="  Pays   with\ta card ", emotion=-1, pain="Slow")
    assert reply["ok"], reply
    card = ben.wait("card", lambda m: m["card"]["name"] == "Pays with a card")["card"]
    assert card["stage"] == "purchase"
    assert card["emotion"] == -1
    assert card["pain"] == ["Slow"]
    assert card["room"] is True
    on_map = host.on_map(lambda j: j.touchpoint(card["id"]))
    assert (on_map.name, on_map.stage, on_map.emotion) == ("Pays with a card", "purchase", -1)
    assert on_map.pain_points == ("Slow",)
    assert "workshop" in on_map.tags


def test_user_text_is_passed_on_as_text(host: Host) -> None:
    ana, ben = joined(host, HOSTILE_NAME), joined(host)
    assert ana.do("add", stage="purchase", name=HOSTILE_NAME)["ok"]
    card = ben.wait("card")["card"]
    assert card["name"] == HOSTILE_NAME  # the pages put it on screen with textContent
    facilitator = joined(host, facilitator=True)
    room = facilitator.wait("room")
    assert room["people"][0]["name"] == HOSTILE_NAME


def test_capture_closed_for_a_stage_refuses_cards_there_only(host: Host) -> None:
    facilitator, ana = joined(host, facilitator=True), joined(host)
    assert facilitator.do("capture", stage="purchase", open=False)["ok"]
    stages = ana.wait("stages")["stages"]
    assert {s["id"]: s["open"] for s in stages}["purchase"] is False
    refused = ana.do("add", stage="purchase", name="Too late")
    assert not refused["ok"]
    assert "closed" in refused["error"]
    assert ana.do("add", stage="pre-purchase", name="Still open")["ok"]
    assert facilitator.do("capture", stage=None, open=False)["ok"]
    assert not ana.do("add", stage="pre-purchase", name="Closed now")["ok"]
    assert "Too late" not in names_on_map(host)
    assert "Closed now" not in names_on_map(host)


def test_a_participant_cannot_use_the_facilitators_controls(host: Host) -> None:
    ana = joined(host)
    for kind, fields in (
        ("capture", {"open": False}),
        ("round_start", {"votes": 3}),
        ("timer_start", {"seconds": 60}),
    ):
        reply = ana.do(kind, **fields)
        assert not reply["ok"]
        assert reply["error"] == "Only the facilitator can do that."


def test_bad_cards_are_refused_with_a_sentence(host: Host) -> None:
    ana = joined(host)
    assert ana.do("add", stage="nowhere", name="x")["error"] == "That stage is not on the map."
    out_of_scale = ana.do("add", stage="purchase", name="x", emotion=7)
    assert "emotion" in out_of_scale["error"].lower()
    ana.send({"type": "add", "key": "blankname", "stage": "purchase", "name": "   "})
    assert "name" in ana.wait("error")["message"]
    assert "x" not in names_on_map(host)


def test_a_change_sent_twice_is_applied_once(host: Host) -> None:
    ana = joined(host)
    key = ana.change("add", stage="purchase", name="Once")
    ana.change("add", key=key, stage="purchase", name="Once")
    first = ana.ack(key)
    second = ana.ack(key)
    assert first == second
    assert names_on_map(host).count("Once") == 1


def test_a_reconnecting_page_resends_without_doubling(host: Host) -> None:
    """The reply was lost with the connection: the page sends the same key again."""
    ana = joined(host)
    key = ana.change("add", stage="purchase", name="Queued")
    ana.close()  # gone before reading the acknowledgement
    time.sleep(0.2)
    again = Client(host.socket_url(), client=ana.client)
    again.hello()
    again.change("add", key=key, stage="purchase", name="Queued")
    assert again.ack(key)["ok"]
    assert names_on_map(host).count("Queued") == 1


def test_votes_are_limited_hidden_and_revealed(host: Host) -> None:
    facilitator, ana, ben = joined(host, facilitator=True), joined(host), joined(host)
    cards = host.on_map(lambda j: sorted(tp.id for tp in j.touchpoints()))
    assert facilitator.do("round_start", votes=2)["ok"]
    assert ana.do("vote", card=cards[0])["ok"]
    assert ana.do("vote", card=cards[0])["ok"]
    over = ana.do("vote", card=cards[1])
    assert over == {**over, "ok": False, "error": "You have no votes left."}
    mine = ana.wait("round", lambda m: m["running"] and m["left"] == 0)
    assert mine["mine"] == {cards[0]: 2}
    assert mine["done"] is True
    assert ben.do("vote", card=cards[1])["ok"]
    # Ben learns how many dots were cast, never where Ana's went.
    progress = ben.wait("progress", lambda m: m["cast"] == 3)
    assert set(progress) == {"type", "running", "cast", "finished", "people"}
    assert all(m["type"] != "results" or not m["tallies"] for m in ben.drain())
    assert ana.do("unvote", card=cards[0])["ok"]
    assert ana.wait("round", lambda m: m["left"] == 1)["mine"] == {cards[0]: 1}
    assert facilitator.do("round_end")["ok"]
    results = ben.wait("results", lambda m: m["total"] > 0)
    assert results["tallies"] == {cards[0]: 1, cards[1]: 1}
    votes = host.on_map(lambda j: {c: j.touchpoint(c).votes for c in cards[:2]})
    before = {c: clothing_store().touchpoint(c).votes for c in cards[:2]}
    assert votes == {c: before[c] + 1 for c in cards[:2]}


def test_votes_per_person_change_mid_round(host: Host) -> None:
    facilitator, ana = joined(host, facilitator=True), joined(host)
    card = host.on_map(lambda j: next(j.touchpoints()).id)
    facilitator.do("round_start", votes=3)
    for _ in range(3):
        assert ana.do("vote", card=card)["ok"]
    assert facilitator.do("round_votes", votes=5)["ok"]
    assert ana.wait("round", lambda m: m["votes_each"] == 5)["left"] == 2
    assert facilitator.do("round_votes", votes=1)["ok"]
    lowered = ana.wait("round", lambda m: m["votes_each"] == 1)
    assert (lowered["left"], lowered["mine"]) == (0, {card: 1})
    assert not ana.do("vote", card=card)["ok"]


def test_finished_voting_is_shown_to_the_facilitator(host: Host) -> None:
    facilitator, ana = joined(host, facilitator=True), joined(host, "Ana")
    facilitator.do("round_start", votes=3)
    assert ana.do("done", done=True)["ok"]
    room = facilitator.wait("room", lambda m: m["finished"] == 1)
    assert room["people"][0] == {**room["people"][0], "name": "Ana", "done": True, "used": 0}


def test_a_card_deleted_mid_round_gives_its_votes_back(host: Host) -> None:
    facilitator, ana = joined(host, facilitator=True), joined(host)
    card = host.on_map(lambda j: next(j.touchpoints()).id)
    facilitator.do("round_start", votes=1)
    assert ana.do("vote", card=card)["ok"]
    from journeymapper.model.edits import RemoveTouchpoint

    host.on_map(lambda j: j.apply(RemoveTouchpoint(card)))
    assert ana.wait("card_removed")["id"] == card
    assert ana.wait("round", lambda m: m["left"] == 1)["mine"] == {}


def test_the_timer_sends_its_end_time(host: Host) -> None:
    facilitator, ana = joined(host, facilitator=True), joined(host)
    before = int(time.time() * 1000)  # (the server sends whole milliseconds)
    assert facilitator.do("timer_start", seconds=90)["ok"]
    timer = ana.wait("timer", lambda m: m["ends_at"] is not None)
    # `now` is the server's clock as it sends, a moment after it set the end
    assert 88_000 <= timer["ends_at"] - timer["now"] <= 90_000
    assert before <= timer["now"] <= time.time() * 1000 + 1
    facilitator.do("timer_stop")
    assert ana.wait("timer", lambda m: m["ends_at"] is None)


def test_the_room_has_a_cap() -> None:
    with hosting(clothing_store(), SessionConfig(max_participants=2)) as host:
        joined(host), joined(host)
        third = Client(host.socket_url())
        third.send({"type": "hello", "client": third.client, "name": ""})
        refused = third.wait("error")
        assert refused["full"] is True
        with pytest.raises(ConnectionClosed) as closed:
            third.wait("welcome", timeout=2)
        assert closed.value.rcvd is not None
        assert closed.value.rcvd.code == 1013
        assert joined(host, facilitator=True).wait("room")  # the facilitator still gets in


def test_stopping_the_session_sends_every_page_the_ended_message() -> None:
    journey = clothing_store()
    with hosting(journey) as host:
        ana, facilitator = joined(host), joined(host, facilitator=True)
        card = host.on_map(lambda j: next(j.touchpoints()).id)
        before = host.on_map(lambda j: j.touchpoint(card).votes)
        facilitator.do("round_start", votes=2)
        ana.do("vote", card=card)
    assert ana.wait("ended")
    assert facilitator.wait("ended")
    with pytest.raises(ConnectionClosed):
        ana.wait("anything", timeout=2)
    assert journey.touchpoint(card).votes == before + 1  # the running round was recorded
