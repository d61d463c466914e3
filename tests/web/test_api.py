"""The JSON API through the real app on a real SQLite file."""

from __future__ import annotations

import pytest

from app.migrate import NotMigrated


def walk(client, path: str) -> list[dict]:
    items, url = [], path
    key = path.split("?")[0].rsplit("/", 1)[-1]
    while url:
        body = client.get(url).json()
        items.extend(body[key])
        url = body["next"]
    return items


def test_events_have_the_documented_shape(client):
    body = client.get("/api/events").json()
    assert body["ok"] is True and body["next"] is None
    event = next(e for e in body["events"] if e["date"]["edtf"] == "1979-12-24")
    assert event["date"] == {"edtf": "1979-12-24", "start": "1979-12-24", "end": "1979-12-24", "granularity": "day",
                             "display": "24 December 1979", "uncertain": False, "inferred": False,
                             "needs_review": False, "corrected": False, "machine_edtf": "1979-12-24",
                             "verified": False}
    assert (event["hidden"], event["corrected_by"], event["corrected_at"]) == (False, None, None)
    src = next(s for s in event["sources"] if s["article_file"].startswith("004"))
    assert src["mention_text"] == "Christmas Eve in 1979"
    assert src["paragraph_text"][src["mention_start"]:src["mention_end"]] == "Christmas Eve in 1979"
    assert src["url"] == f"/articles/{src['article_id']}#p{src['paragraph_index']}"


def test_events_come_in_date_order_with_undated_last(client):
    events = client.get("/api/events").json()["events"]
    starts = [e["date"]["start"] for e in events]
    dated = [s for s in starts if s is not None]
    assert dated == sorted(dated)
    assert starts[len(dated):] == [None] * (len(starts) - len(dated))
    assert starts[-1] is None


def test_pagination_walks_every_event_exactly_once(client):
    everything = client.get("/api/events?limit=1000").json()["events"]
    paged = walk(client, "/api/events?limit=3")
    assert [e["id"] for e in paged] == [e["id"] for e in everything]
    assert len({e["id"] for e in paged}) == len(paged) > 10


def test_articles(client):
    articles = walk(client, "/api/articles?limit=2")
    assert len(articles) == 5
    a = next(x for x in articles if x["file"].startswith("002"))
    assert a["published"] == "2021-08-23" and a["events"] > 0
    undated = next(x for x in articles if x["file"].startswith("001"))
    # No date in the text: the year comes from 'August 15', the day from 'said on Tuesday'
    # matching the dated report of the same speech.
    assert undated["published"] is None and undated["anchor"] == "2021-08-24"
    assert "August 15" in undated["anchor_inferred_from"] and "Tuesday" in undated["anchor_inferred_from"]


def test_article_detail_has_paragraphs_and_mentions(client):
    aid = client.get("/api/articles").json()["articles"][0]["id"]
    body = client.get(f"/api/articles/{aid}").json()
    assert body["paragraphs"][0]["index"] == 0
    assert any(m["event_id"] for p in body["paragraphs"] for m in p["mentions"])


@pytest.mark.parametrize("url, status, words", [
    ("/api/events/999999", 404, "no event 999999"),
    ("/api/articles/999999", 404, "no article 999999"),
    ("/api/events?limit=0", 422, "limit"),
    ("/api/events?limit=5000", 422, "limit"),
    ("/api/events?limit=abc", 422, "limit"),
    ("/api/events?after=not-a-cursor", 400, "after"),
    ("/api/events/abc", 422, "event_id"),
])
def test_bad_requests_get_problem_json_never_500(client, url, status, words):
    r = client.get(url)
    assert r.status_code == status
    assert r.headers["content-type"].startswith("application/problem+json")
    body = r.json()
    assert body["ok"] is False and body["status"] == status and words in body["detail"]


def test_openapi_documents_the_api(client):
    spec = client.get("/openapi.json").json()
    assert {"/api/events", "/api/events/{event_id}", "/api/articles", "/api/articles/{article_id}"} <= set(spec["paths"])
    params = {p["name"]: p for p in spec["paths"]["/api/events"]["get"]["parameters"]}
    assert params["limit"]["description"] and params["after"]["description"]


def test_pages_travel_compressed_to_clients_that_accept_it(client):
    whole = client.get("/api/events?limit=100", headers={"Accept-Encoding": "identity"})
    assert "content-encoding" not in whole.headers
    packed = client.get("/api/events?limit=100", headers={"Accept-Encoding": "gzip"})
    assert packed.headers["content-encoding"] == "gzip"
    assert int(packed.headers["content-length"]) * 3 < len(whole.content)  # the seeds' page shrinks at least threefold
    assert packed.json() == whole.json()  # decoded by the client: the same answer


def test_the_app_refuses_an_unmigrated_database(tmp_path):
    from fastapi.testclient import TestClient

    from app.web.app import create_app
    from tests.conftest import settings_for

    with pytest.raises(NotMigrated, match="timeline db upgrade"):
        with TestClient(create_app(settings_for(f"sqlite:///{tmp_path / 'blank.db'}"))):
            pass


def test_a_listed_events_json_is_what_its_model_writes(seeded_url):
    """List pages write each event's JSON from plain data, without the model's validation: it must
    be the model's JSON all the same, for untouched events and for ones an editor corrected, hid
    and verified (a date corrected, a time, an editor's name)."""
    from sqlmodel import Session

    from app import editing, queries
    from app.db import get_engine
    from app.schemas import EventPublic

    engine = get_engine(seeded_url)
    with Session(engine) as session:
        views, _ = queries.list_events(session, limit=1000)
        target = next(v for v in views if v.sources)
        editing.edit_event(session, target.id, "ed", editing.Changes(date="1979-12?", title="A <b>new</b> title",
                                                                    hidden=True, verified=True), None)
        session.commit()
    with Session(engine) as session:
        views, _ = queries.list_events(session, limit=1000, include_hidden=True)
    edited = next(v for v in views if v.id == target.id)
    assert edited.corrected_at is not None and edited.hidden and edited.date_corrected
    assert len(views) > 10
    for view in views:
        assert EventPublic.json_of(view) == EventPublic.of(view).model_dump_json().encode()
