"""The memory of recent answers stays within its bytes and drops what was used least recently."""

from __future__ import annotations

from fastapi import Response

from app.memory import Memory


def test_remembered_answers_stay_within_their_bytes_dropping_the_least_recently_used():
    bodies = Memory(max_bytes=800, size=lambda response: len(response.body))
    for n in range(4):
        bodies.put(("page", n), Response(b"x" * 100))
    assert bodies.get(("page", 0)) is not None  # used again: now the most recent
    for n in range(4, 10):  # ten pages of 100 bytes where eight fit: the two least recently used go
        bodies.put(("page", n), Response(b"x" * 100))
    assert bodies.size == 800
    assert bodies.get(("page", 1)) is None and bodies.get(("page", 2)) is None
    assert bodies.get(("page", 0)) is not None and bodies.get(("page", 3)) is not None
    assert bodies.get(("page", 9)).body == b"x" * 100
    bodies.put(("huge",), Response(b"x" * 200))  # more than an eighth of the whole: not kept
    assert bodies.get(("huge",)) is None


def test_a_remembered_page_keeps_the_bytes_it_sent_not_the_events_it_was_made_from(client):
    """A page is remembered as what was sent. The events and sources it was rendered from are let go:
    a thousand remembered pages holding theirs made every full garbage collection take 160 ms."""
    import gc

    from app.queries import EventView

    first = client.get("/?zoom=decade")
    assert first.status_code == 200 and "Kabul" in first.text
    gc.collect()
    assert [o for o in gc.get_objects() if isinstance(o, EventView)] == []
    assert client.get("/?zoom=decade").text == first.text  # and it is still remembered


def test_list_pages_share_each_events_json_and_say_what_a_fresh_page_says(client, seeded_url, monkeypatch):
    """Each listed event's JSON is remembered and reused by the other list pages holding the event
    (other filters, windows, page sizes): they must give exactly what a page built afresh gives."""
    import json

    from app.web import caching
    from tests.conftest import sql

    sql(seeded_url, "delete from event_listing")  # as after an editor's change: built, then remembered
    memory = Memory(max_bytes=1 << 20, size=len)
    monkeypatch.setattr(caching, "EVENT_JSON", memory)
    client.get("/api/events?limit=3")
    assert memory.size > 0
    shared = client.get("/api/events?limit=8").content  # three of its events come from memory
    monkeypatch.setattr(caching, "EVENT_JSON", Memory(max_bytes=0, size=len))  # remembers nothing
    fresh = client.get("/api/events?limit=8&sort=date").content
    assert json.loads(shared)["events"] == json.loads(fresh)["events"]
    assert shared.split(b'"next":')[0] == fresh.split(b'"next":')[0]  # the same bytes, not only the same data


def test_what_the_memories_keep_by_the_thousand_is_nothing_the_garbage_collector_reads(client):
    """A full garbage collection stops a worker for as long as it takes to read every object it tracks.
    What the memories keep by the thousand (pages, cards, windows' counts) is bytes, text, numbers and
    tuples of them, which it stops tracking: a served page kept as a Response made every collection
    of a busy worker take 20-35 ms."""
    import gc

    from app.web import caching, pages

    for url in ("/", "/?zoom=year&around=1979", "/?zoom=month&around=2021-08", "/api/events?limit=5"):
        assert client.get(url).status_code == 200
    gc.unfreeze()  # an ingest in this process (as other tests run it) sets aside what exists by then
    for _ in range(3):  # a tuple is untracked once what it holds is: a level each collection
        gc.collect()
    kept = [*caching.BODIES._entries.items(), *caching.CARDS._entries.items(),
            *[(key, value) for key, value in pages._MEMO.items() if key[2] == "count"]]
    assert len(kept) > 5
    assert [entry for entry in kept if gc.is_tracked(entry[0]) or gc.is_tracked(entry[1])] == []
    assert not [key for key in pages._MEMO if gc.is_tracked(key)]
