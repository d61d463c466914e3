"""Editors through the real app: login, CSRF, every edit, history and revert, conflicts, review, re-ingest."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from tests.conftest import (PASSWORD, SEEDS, add_editor, ingest_paths, listings_out_of_step, log_in, page_csrf,
                            settings_for, sql)


@pytest.fixture(autouse=True)
def listings_stay_true(db_url):
    """Whatever a test did (edits, merges, reverts, articles read again), no stored listing that
    still counts says other than its event does now."""
    yield
    assert listings_out_of_step(db_url) == []


@pytest.fixture
def editor_client(client, seeded_url):
    add_editor(seeded_url)
    token = log_in(client)
    client.csrf = token
    return client


def event_id(client, text: str) -> int:
    """The event whose title says `text`, else the first whose date expression's sentence does."""
    events = client.get("/api/events?limit=1000").json()["events"]
    for e in events:
        if text in e["title"]:
            return e["id"]
    for e in events:
        if any(text in s["paragraph_text"][max(0, s["mention_start"] - 120):s["mention_end"] + 120] for s in e["sources"]):
            return e["id"]
    raise AssertionError(f"no event mentions {text!r}")


def most_reported(client) -> dict:
    return client.get("/api/events?sort=sources&limit=1").json()["events"][0]


def version_of(client, eid: int) -> str:
    return re.search(r'name="version" value="(\d+)"', client.get(f"/events/{eid}").text).group(1)


def edit(client, eid: int, **fields):
    data = {"csrf_token": client.csrf, "version": version_of(client, eid), **fields}
    return client.post(f"/events/{eid}/edit", data=data, follow_redirects=False)


KAZAN = "warned on Friday against any"


# Accounts and safety ----------------------------------------------------------------------------

def test_anonymous_visitors_read_but_cannot_change_anything(client, seeded_url):
    add_editor(seeded_url)
    eid = event_id(client, KAZAN)
    page = client.get(f"/events/{eid}").text
    assert 'id="edit"' not in page and "Revert" not in page and "Detach" not in page
    assert 'class="edit-link"' not in client.get("/").text and "Log out" not in client.get("/").text
    assert "+ event" not in client.get("/articles/1").text
    # Pages send anonymous visitors to the login page; every change is refused.
    r = client.get("/review", follow_redirects=False)
    assert r.status_code == 303 and r.headers["location"] == "/login?next=/review"
    assert client.get("/articles/1/paragraphs/0/new-event", follow_redirects=False).status_code == 303
    posts = [f"/events/{eid}/edit", f"/events/{eid}/flags", f"/events/{eid}/merge", "/articles/1/published",
             f"/review/{eid}/clear", "/revisions/1/revert", "/articles/1/paragraphs/0/new-event",
             f"/events/{eid}/sources/1/detach", "/logout"]
    for path in posts:
        assert client.post(path, data={"date": "1979", "other": "1", "title": "x"}).status_code == 401, path
    assert client.get("/date-preview?date=1979", headers={"HX-Request": "true"}).status_code == 401


def test_login_sets_a_signed_httponly_samesite_cookie_and_logout_ends_it(client, seeded_url):
    add_editor(seeded_url)
    r = client.post("/login", data={"name": "ed", "password": PASSWORD, "csrf_token": page_csrf(client),
                                    "next": "/review"}, follow_redirects=False)
    assert r.status_code == 303 and r.headers["location"] == "/review"
    cookie = r.headers["set-cookie"].lower()
    assert "httponly" in cookie and "samesite=lax" in cookie and "secure" not in cookie
    assert client.get("/review").status_code == 200
    token = page_csrf(client, "/review")
    assert client.post("/logout", data={"csrf_token": token}, follow_redirects=False).status_code == 303
    assert client.get("/review", follow_redirects=False).status_code == 303
    # A forged cookie is not a session.
    client.cookies.set("timeline_session", "eyJlZGl0b3IiOiAiZWQifQ==.forged.sig")
    assert client.get("/review", follow_redirects=False).status_code == 303


def test_cookie_is_secure_when_served_over_https(seeded_url):
    from app.web.app import create_app

    add_editor(seeded_url)
    with TestClient(create_app(settings_for(seeded_url, https=True)), base_url="https://testserver") as c:
        r = c.post("/login", data={"name": "ed", "password": PASSWORD, "csrf_token": page_csrf(c)},
                   follow_redirects=False)
        assert "secure" in r.headers["set-cookie"].lower()


def test_login_refuses_wrong_passwords_and_throttles_guessing(client, seeded_url):
    add_editor(seeded_url)
    token = page_csrf(client)
    for _ in range(5):
        r = client.post("/login", data={"name": "ed", "password": "wrong password!", "csrf_token": token})
        assert r.status_code == 401 and "Wrong name or password" in r.text
        assert 'value="ed"' in r.text  # the name typed is kept
    r = client.post("/login", data={"name": "ed", "password": PASSWORD, "csrf_token": token})
    assert r.status_code == 429 and "Too many failed logins" in r.text
    # The login form is CSRF-protected too.
    assert client.post("/login", data={"name": "ed", "password": PASSWORD}).status_code == 403
    assert client.post("/login", data={"name": "ed", "password": PASSWORD, "next": "//evil.example",
                                       "csrf_token": "x"}).status_code == 403


def test_login_only_redirects_within_the_site(client, seeded_url):
    add_editor(seeded_url)
    r = client.post("/login", data={"name": "ed", "password": PASSWORD, "csrf_token": page_csrf(client),
                                    "next": "//evil.example/x"}, follow_redirects=False)
    assert r.headers["location"] == "/"


def test_every_change_needs_the_sessions_csrf_token(editor_client):
    eid = event_id(editor_client, KAZAN)
    data = {"date": "1979", "version": version_of(editor_client, eid)}
    assert editor_client.post(f"/events/{eid}/edit", data=data).status_code == 403
    assert editor_client.post(f"/events/{eid}/edit", data={**data, "csrf_token": "forged"}).status_code == 403
    # htmx sends it as a header.
    r = editor_client.post(f"/review/{eid}/clear", headers={"X-CSRF-Token": editor_client.csrf, "HX-Request": "true"})
    assert r.status_code == 200 and r.text == ""
    assert editor_client.get(f"/api/events/{eid}").json()["date"]["edtf"] == "XXXX-XX-XX"  # the forged one did nothing


def test_removed_editors_lose_access_at_once(editor_client, seeded_url):
    from sqlmodel import Session

    from app import accounts
    from app.db import get_engine

    with Session(get_engine(seeded_url)) as s:
        accounts.remove_editor(s, "ed")
    assert editor_client.get("/review", follow_redirects=False).status_code == 303


def test_article_text_with_html_is_shown_as_text_everywhere(db_url: str, tmp_path: Path):
    from app.web.app import create_app

    f = tmp_path / "xss.txt"
    f.write_text("Attack <script>alert(1)</script> Headline\n\nPublished: 2022-10-03\n\n"
                 "The mayor <b onmouseover=\"alert(2)\">resigned</b> on October 1, 2022 <img src=x onerror=alert(3)>.\n")
    assert ingest_paths(db_url, f).exit_code == 0
    add_editor(db_url)
    with TestClient(create_app(settings_for(db_url))) as c:
        log_in(c)
        eid = c.get("/api/events").json()["events"][0]["id"]
        pages = [c.get(p).text for p in ("/", f"/events/{eid}", "/articles/1", "/articles", "/review",
                                          f"/events/{eid}/card?expanded=true",
                                          "/articles/1/paragraphs/0/new-event")]
        for html in pages:
            assert "<script>alert" not in html and "<b onmouseover" not in html and "<img src=x" not in html
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in pages[2]
        assert "&lt;b onmouseover=" in pages[1]


# Editing ----------------------------------------------------------------------------------------

@pytest.mark.parametrize("typed, shown", [
    ("24 Dec 1979", "24 December 1979"), ("1979", "1979"), ("the 1990s", "1990s"), ("1978-1992", "1978\u20131992"),
    ("c. 1980", "c. 1980"), ("before 2001", "2000 or earlier"), ("1979-12-24", "24 December 1979"),
    ("2021-08-20?", "20 August 2021?"), ("199X", "1990s")])
def test_date_preview_shows_what_the_timeline_will_show(editor_client, typed, shown):
    r = editor_client.get("/date-preview", params={"date": typed}, headers={"HX-Request": "true"})
    assert r.status_code == 200 and f"<strong>{shown}</strong>" in r.text


def test_date_preview_explains_what_is_wrong(editor_client):
    r = editor_client.get("/date-preview", params={"date": "on Friday"})
    assert "does not say which year" in r.text
    assert "not a date I can read" in editor_client.get("/date-preview", params={"date": "soon-ish"}).text
    assert "ends (1978) before it starts (1992)" in editor_client.get("/date-preview", params={"date": "1992-1978"}).text


def test_timeline_cards_are_drawn_for_who_is_looking_and_redrawn_after_a_change(client, seeded_url):
    """A card is remembered between windows: a reader's must never reach an editor (no edit link)
    nor an editor's a reader, and a change to the event shows at once."""
    add_editor(seeded_url)
    eid = event_id(client, KAZAN)
    window = f"/?article={client.get(f'/api/events/{eid}').json()['sources'][0]['article_id']}"
    assert f'id="e{eid}"' in client.get(window).text and 'class="edit-link"' not in client.get(window).text
    client.csrf = log_in(client)
    seen = client.get(window + "&zoom=decade").text  # the same card in another window
    assert f'href="/events/{eid}#edit"' in seen
    edit(client, eid, date="4 Oct 2024", title="Lavrov in Kazan warns against a US return")
    client.post("/logout", data={"csrf_token": client.csrf})
    shown = client.get(window).text
    assert "Lavrov in Kazan warns against a US return" in shown and 'class="edit-link"' not in shown


def test_correcting_a_date_moves_the_event_and_is_recorded(editor_client):
    eid = event_id(editor_client, KAZAN)
    r = edit(editor_client, eid, date="4 Oct 2024", title="Lavrov in Kazan warns against a US return",
             reason="The meeting in Kazan was on Friday 4 October 2024")
    assert r.status_code == 303 and r.headers["location"] == f"/events/{eid}?done=saved"
    event = editor_client.get(f"/api/events/{eid}").json()
    assert event["date"]["edtf"] == "2024-10-04" and event["date"]["corrected"]
    assert event["date"]["machine_edtf"] == "XXXX-XX-XX" and event["corrected_by"] == "ed"
    assert event["title"] == "Lavrov in Kazan warns against a US return"
    page = editor_client.get(f"/events/{eid}").text
    assert "ed</span> changed the date from date unknown to 4 October 2024" in page
    assert "The meeting in Kazan was on Friday 4 October 2024" in page
    timeline = editor_client.get("/?zoom=year").text
    assert timeline.index("2024") < timeline.index("Lavrov in Kazan")  # filed under 2024 now
    assert "Lavrov in Kazan" in editor_client.get("/api/events?q=Kazan").text  # title in the search index


def test_invalid_input_gets_an_inline_message_and_keeps_what_was_typed(editor_client):
    eid = event_id(editor_client, KAZAN)
    r = edit(editor_client, eid, date="the Friday after next", title="My new title")
    assert r.status_code == 422
    assert 'value="the Friday after next"' in r.text and 'value="My new title"' in r.text
    assert 'aria-invalid="true"' in r.text and "is not a date I can read" in r.text
    assert edit(editor_client, eid, date="1979", title="   ").status_code == 422
    assert editor_client.get(f"/api/events/{eid}").json()["date"]["edtf"] == "XXXX-XX-XX"


def test_hide_unhide_and_verify(editor_client, seeded_url):
    eid = event_id(editor_client, "intervened in Afghanistan")

    def flags(**f):
        data = {"csrf_token": editor_client.csrf, "version": version_of(editor_client, eid), **f}
        return editor_client.post(f"/events/{eid}/flags", data=data, follow_redirects=False)

    assert flags(hidden="true").status_code == 303
    with TestClient(editor_client.app) as reader:
        assert reader.get(f"/events/{eid}").status_code == 404
        assert reader.get(f"/api/events/{eid}").status_code == 404
        assert "intervened in Afghanistan" not in reader.get("/").text
    assert "Hidden: readers do not see this event" in editor_client.get(f"/events/{eid}").text
    assert flags(hidden="false").status_code == 303
    assert flags(verified="true").status_code == 303
    event = editor_client.get(f"/api/events/{eid}").json()
    assert event["date"]["verified"] and not event["hidden"]
    history = editor_client.get(f"/events/{eid}").text
    assert "changed its date to verified" in history and "changed it to hidden" in history


def test_setting_a_publication_date_resolves_the_articles_relative_dates_except_corrected_ones(editor_client):
    kazan = event_id(editor_client, KAZAN)
    other = event_id(editor_client, "would only be possible")  # the same article, also "on Friday"
    assert edit(editor_client, other, date="2024-10-03").status_code == 303  # an editor decided this one
    article = next(a for a in editor_client.get("/api/articles").json()["articles"] if a["file"].startswith("004"))
    r = editor_client.post(f"/articles/{article['id']}/published",
                           data={"published": "Sunday 6 October 2024", "csrf_token": editor_client.csrf},
                           follow_redirects=False)
    assert r.status_code == 303
    assert editor_client.get(f"/api/events/{kazan}").json()["date"]["edtf"] == "2024-10-04"  # same event, now dated
    assert editor_client.get(f"/api/events/{other}").json()["date"]["edtf"] == "2024-10-03"  # kept
    page = editor_client.get(f"/articles/{article['id']}").text
    assert "6 October 2024" in page and "set by an editor" in page
    assert "changed the publication date" in page
    # Reverting the revision takes the article back to what its text says: "on Friday" is unknown again.
    revision = re.search(r'action="/revisions/(\d+)/revert"', page).group(1)
    assert editor_client.post(f"/revisions/{revision}/revert", data={"csrf_token": editor_client.csrf},
                              follow_redirects=False).status_code == 303
    assert editor_client.get(f"/api/events/{kazan}").json()["date"]["edtf"] == "XXXX-XX-XX"
    assert editor_client.get(f"/api/articles/{article['id']}").json()["published"] is None
    # Not a day: refused inline.
    r = editor_client.post(f"/articles/{article['id']}/published",
                           data={"published": "October 2024", "csrf_token": editor_client.csrf})
    assert r.status_code == 422 and "a publication date is one day" in r.text


def test_a_publication_date_is_applied_without_the_web_process_reading_the_event_index(editor_client, monkeypatch):
    """Re-reading the article merges it against the archive's whole event index: for 100,000 articles
    9 s and over a gigabyte, which a web worker kept. It is read by a process of its own."""
    from app import store

    read_here = []
    load_index = store.load_index
    monkeypatch.setattr(store, "load_index", lambda session: read_here.append(1) or load_index(session))
    kazan = event_id(editor_client, KAZAN)
    article = next(a for a in editor_client.get("/api/articles").json()["articles"] if a["file"].startswith("004"))
    r = editor_client.post(f"/articles/{article['id']}/published",
                           data={"published": "6 October 2024", "csrf_token": editor_client.csrf},
                           follow_redirects=False)
    assert r.status_code == 303
    assert editor_client.get(f"/api/events/{kazan}").json()["date"]["edtf"] == "2024-10-04"  # re-read all the same
    assert read_here == []


def test_the_ndjson_export_carries_an_editors_correction_as_the_api_does(editor_client):
    """An event an editor corrected has a correction time: it broke the NDJSON export at that event,
    ending the download halfway (a datetime the export's JSON encoder did not know)."""
    import json

    kazan = event_id(editor_client, KAZAN)
    assert edit(editor_client, kazan, date="2024-10-04").status_code == 303
    lines = editor_client.get("/api/events.ndjson").text.splitlines()
    records = {r["id"]: r for r in map(json.loads, lines)}
    assert len(records) == len(lines) == len(sql(editor_client.app.state.settings.database_url,
                                                 "select id from event where hidden = :no and merged_into is null",
                                                 no=False))
    assert records[kazan]["date"]["edtf"] == "2024-10-04"
    assert records[kazan]["corrected_at"] == editor_client.get(f"/api/events/{kazan}").json()["corrected_at"]


def test_merge_then_revert_the_merge(editor_client):
    target = event_id(editor_client, "intervened in Afghanistan")
    other = event_id(editor_client, "The Red Army finally withdrew")
    counts = [editor_client.get(f"/api/events/{e}").json()["source_count"] for e in (target, other)]
    r = editor_client.post(f"/events/{target}/merge", data={
        "other": f"/events/{other}", "csrf_token": editor_client.csrf, "version": version_of(editor_client, target)},
        follow_redirects=False)
    assert r.status_code == 303
    merged = editor_client.get(f"/api/events/{target}").json()
    assert merged["source_count"] == sum(counts)
    with TestClient(editor_client.app) as reader:
        assert reader.get(f"/api/events/{other}").status_code == 404
    assert "Merged into" in editor_client.get(f"/events/{other}").text
    revision = re.search(r'action="/revisions/(\d+)/revert"', editor_client.get(f"/events/{target}").text).group(1)
    assert editor_client.post(f"/revisions/{revision}/revert", data={"csrf_token": editor_client.csrf},
                              follow_redirects=False).status_code == 303
    assert editor_client.get(f"/api/events/{target}").json()["source_count"] == counts[0]
    back = editor_client.get(f"/api/events/{other}").json()
    assert back["source_count"] == counts[1] and not back["hidden"]
    # Merging with itself or with nothing is refused inline.
    r = editor_client.post(f"/events/{target}/merge", data={
        "other": "banana", "csrf_token": editor_client.csrf, "version": version_of(editor_client, target)})
    assert r.status_code == 422 and 'value="banana"' in r.text


def test_detach_a_source_into_its_own_event(editor_client):
    event = most_reported(editor_client)
    eid = event["id"]
    assert event["source_count"] >= 2
    page = editor_client.get(f"/events/{eid}").text
    source_id = re.search(r'/events/\d+/sources/(\d+)/detach', page).group(1)
    r = editor_client.post(f"/events/{eid}/sources/{source_id}/detach",
                           data={"csrf_token": editor_client.csrf, "version": version_of(editor_client, eid)},
                           follow_redirects=False)
    assert r.status_code == 303
    new_id = int(re.search(r"/events/(\d+)", r.headers["location"]).group(1))
    assert new_id != eid
    assert editor_client.get(f"/api/events/{new_id}").json()["source_count"] == 1
    assert editor_client.get(f"/api/events/{eid}").json()["source_count"] == event["source_count"] - 1


def test_create_an_event_from_a_paragraph(editor_client):
    form = editor_client.get("/articles/1/paragraphs/0/new-event")
    assert form.status_code == 200 and "New event from paragraph 1" in form.text
    r = editor_client.post("/articles/1/paragraphs/0/new-event", data={
        "date": "15 Aug 2021", "title": "", "csrf_token": editor_client.csrf})
    assert r.status_code == 422 and 'value="15 Aug 2021"' in r.text and "give the event a title" in r.text
    r = editor_client.post("/articles/1/paragraphs/0/new-event", data={
        "date": "15 Aug 2021", "title": "An event the machine missed", "csrf_token": editor_client.csrf},
        follow_redirects=False)
    new_id = int(re.search(r"/events/(\d+)", r.headers["location"]).group(1))
    event = editor_client.get(f"/api/events/{new_id}").json()
    assert event["date"]["edtf"] == "2021-08-15" and event["sources"][0]["url"] == "/articles/1#p0"


def test_review_queue_lists_doubtful_events_first_and_clears_in_one_action(editor_client):
    html = editor_client.get("/review").text
    assert "the date is unknown" in html and "the date is inferred from other articles" in html
    items = re.findall(r'<li id="r(\d+)">', html)
    assert len(items) >= 5
    kazan = event_id(editor_client, KAZAN)
    assert str(kazan) in items
    r = editor_client.post(f"/review/{kazan}/clear", data={"csrf_token": editor_client.csrf, "reason": "x" * 501})
    assert r.status_code == 422 and "at most 500 characters" in r.text  # it was a 500
    assert f'<li id="r{kazan}">' in editor_client.get("/review").text
    r = editor_client.post(f"/review/{kazan}/clear", data={"csrf_token": editor_client.csrf},
                           follow_redirects=False)
    assert r.status_code == 303
    assert f'<li id="r{kazan}">' not in editor_client.get("/review").text
    # Any later change brings it back.
    assert edit(editor_client, kazan, date="XXXX-XX-XX?").status_code == 303
    assert f'<li id="r{kazan}">' in editor_client.get("/review").text


def test_review_flags_sources_that_disagree(editor_client):
    eid = most_reported(editor_client)["id"]
    page = editor_client.get(f"/events/{eid}").text
    source_id = re.search(r'/events/\d+/sources/(\d+)/detach', page).group(1)
    other = event_id(editor_client, "intervened in Afghanistan")  # 1979-12-24
    # Move a 2021 source onto the 1979 event: the sources now disagree.
    from app.models import Event, EventSource
    from sqlmodel import Session
    from app.db import get_engine

    with Session(get_engine(editor_client.app.state.settings.database_url)) as s:
        src = s.get(EventSource, int(source_id))
        for moved in (src.event_id, other):  # as every writer does: the events changed
            s.get(Event, moved).version += 1
        src.event_id = other
        s.add(src)
        s.commit()
    html = editor_client.get("/review").text
    row = html.split(f'<li id="r{other}">', 1)[1].split("</li>\n", 1)[0]
    assert "the sources give different dates" in html and "sources give different dates" in row


def test_every_revision_can_be_reverted_and_a_revert_is_a_revision(editor_client):
    eid = event_id(editor_client, KAZAN)
    assert edit(editor_client, eid, date="4 Oct 2024").status_code == 303
    assert edit(editor_client, eid, title="Kazan meeting").status_code == 303
    page = editor_client.get(f"/events/{eid}").text
    date_revision = re.findall(r'action="/revisions/(\d+)/revert"', page)[-1]  # the oldest: the date
    assert editor_client.post(f"/revisions/{date_revision}/revert", data={"csrf_token": editor_client.csrf},
                              follow_redirects=False).status_code == 303
    event = editor_client.get(f"/api/events/{eid}").json()
    assert event["date"]["edtf"] == "XXXX-XX-XX" and event["title"] == "Kazan meeting"
    history = editor_client.get(f"/events/{eid}").text
    assert history.count('<li><span class="who">') == 3
    assert f"revert of revision {date_revision}" in history


def test_a_stale_save_is_refused_showing_the_other_change_and_keeping_the_typed_value(editor_client, seeded_url):
    from app.web.app import create_app

    eid = event_id(editor_client, KAZAN)
    stale = version_of(editor_client, eid)
    add_editor(seeded_url, "ann")
    with TestClient(create_app(settings_for(seeded_url))) as ann:
        ann.csrf = log_in(ann, "ann")
        assert edit(ann, eid, date="2024-10-04").status_code == 303
    r = editor_client.post(f"/events/{eid}/edit", data={"date": "2024-10-05", "title": "Mine",
                                                        "csrf_token": editor_client.csrf, "version": stale})
    assert r.status_code == 409
    assert "ann changed the date from date unknown to 4 October 2024" in r.text
    assert 'value="2024-10-05"' in r.text and 'value="Mine"' in r.text
    assert editor_client.get(f"/api/events/{eid}").json()["date"]["edtf"] == "2024-10-04"
    # Saving again from the page that showed the conflict applies over theirs.
    fresh = re.search(r'name="version" value="(\d+)"', r.text).group(1)
    assert editor_client.post(f"/events/{eid}/edit", data={"date": "2024-10-05", "title": "Mine",
                                                           "csrf_token": editor_client.csrf, "version": fresh},
                              follow_redirects=False).status_code == 303


# Durability -------------------------------------------------------------------------------------

def test_corrections_survive_reingest_of_unchanged_and_changed_articles(editor_client, seeded_url, tmp_path):
    import shutil

    folder = tmp_path / "seeds"
    shutil.copytree(SEEDS, folder)
    kazan = event_id(editor_client, KAZAN)
    other = event_id(editor_client, "intervened in Afghanistan")
    assert edit(editor_client, kazan, date="4 Oct 2024", title="Kazan meeting").status_code == 303
    editor_client.post(f"/events/{other}/flags", data={"csrf_token": editor_client.csrf, "hidden": "true",
                                                       "version": version_of(editor_client, other)})
    assert ingest_paths(seeded_url, folder).exit_code == 0  # unchanged: every file skipped
    # The copy has other names: these are new articles reporting the same events. Re-ingest the seeds
    # themselves, one of them changed.
    changed = folder / "004_41b4385f7882b3f3.txt"
    text = (SEEDS / changed.name).read_text()
    (tmp_path / "v2").mkdir()
    edited = tmp_path / "v2" / changed.name
    edited.write_text(text.replace("central Russia", "in central Russia, on the Volga"))
    assert ingest_paths(seeded_url, edited).exit_code == 0
    event = editor_client.get(f"/api/events/{kazan}").json()
    assert (event["date"]["edtf"], event["title"]) == ("2024-10-04", "Kazan meeting")
    assert event["date"]["needs_review"]  # its article changed under an editor's decision
    assert f'<li id="r{kazan}">' in editor_client.get("/review").text
    assert "an article under an editor&#39;s decision changed" in editor_client.get("/review").text
    with TestClient(editor_client.app) as reader:
        assert reader.get(f"/api/events/{other}").status_code == 404  # still hidden


def test_an_editors_paragraph_event_survives_its_article_changing(editor_client, seeded_url, tmp_path):
    article = next(a for a in editor_client.get("/api/articles").json()["articles"] if a["file"].startswith("004"))
    r = editor_client.post(f"/articles/{article['id']}/paragraphs/2/new-event", data={
        "date": "2024-10-04", "title": "Kazan talks", "csrf_token": editor_client.csrf}, follow_redirects=False)
    new_id = int(re.search(r"/events/(\d+)", r.headers["location"]).group(1))
    paragraph = editor_client.get(f"/api/events/{new_id}").json()["sources"][0]["paragraph_text"]
    text = (SEEDS / article["file"]).read_text()
    first = next(line for line in text.splitlines() if len(line) > 80)
    changed = tmp_path / article["file"]
    changed.write_text(text.replace(first, first + "\n\nA new paragraph added in an update.", 1))
    assert ingest_paths(seeded_url, changed).exit_code == 0
    event = editor_client.get(f"/api/events/{new_id}").json()
    assert event["title"] == "Kazan talks" and event["date"]["edtf"] == "2024-10-04"
    assert event["sources"][0]["paragraph_text"] == paragraph  # followed its paragraph to its new place


# The API for editors' scripts -------------------------------------------------------------------

@pytest.fixture
def token(seeded_url) -> str:
    from sqlmodel import Session

    from app import accounts
    from app.db import get_engine

    add_editor(seeded_url)
    with Session(get_engine(seeded_url)) as s:
        return accounts.issue_token(s, "ed")[1]


def test_patch_needs_a_token_and_a_current_etag(client, token):
    eid = event_id(client, KAZAN)
    r = client.get(f"/api/events/{eid}")
    etag = r.headers["etag"]
    auth = {"Authorization": f"Bearer {token}"}
    assert client.patch(f"/api/events/{eid}", json={"date": "1979"}, headers={"If-Match": etag}).status_code == 401
    assert client.patch(f"/api/events/{eid}", json={"date": "1979"},
                        headers={"Authorization": "Bearer nope", "If-Match": etag}).status_code == 401
    assert client.patch(f"/api/events/{eid}", json={"date": "1979"}, headers=auth).status_code == 428
    r = client.patch(f"/api/events/{eid}", json={"date": "someday"}, headers={**auth, "If-Match": etag})
    assert r.status_code == 422 and r.json()["detail"].startswith("date:")
    r = client.patch(f"/api/events/{eid}", json={"date": "4 October 2024", "verified": True, "reason": "TASS"},
                     headers={**auth, "If-Match": etag})
    assert r.status_code == 200
    body = r.json()
    assert body["date"]["edtf"] == "2024-10-04" and body["date"]["verified"] and body["corrected_by"] == "ed"
    assert body["corrected_at"] and r.headers["etag"] != etag
    stale = client.patch(f"/api/events/{eid}", json={"title": "x"}, headers={**auth, "If-Match": etag})
    assert stale.status_code == 412 and stale.json()["event"]["date"]["edtf"] == "2024-10-04"
    # The same history as the forms.
    from tests.conftest import log_in as login

    login(client)
    assert "— “TASS”" in client.get(f"/events/{eid}").text


def test_api_hides_hidden_events_from_anonymous_callers_only(client, token):
    eid = event_id(client, KAZAN)
    auth = {"Authorization": f"Bearer {token}"}
    etag = client.get(f"/api/events/{eid}").headers["etag"]
    assert client.patch(f"/api/events/{eid}", json={"hidden": True}, headers={**auth, "If-Match": etag}).status_code == 200
    assert client.get(f"/api/events/{eid}").status_code == 404
    assert eid not in [e["id"] for e in client.get("/api/events?limit=1000").json()["events"]]
    assert client.get(f"/api/events/{eid}", headers=auth).json()["hidden"] is True
    assert eid in [e["id"] for e in client.get("/api/events?limit=1000", headers=auth).json()["events"]]


def test_a_revoked_token_stops_working(client, token, seeded_url):
    from sqlmodel import Session

    from app import accounts
    from app.db import get_engine

    eid = event_id(client, KAZAN)
    etag = client.get(f"/api/events/{eid}").headers["etag"]
    with Session(get_engine(seeded_url)) as s:
        token_id = accounts.list_tokens(s, "ed")[0].id
        accounts.revoke_token(s, token_id)
    r = client.patch(f"/api/events/{eid}", json={"title": "x"},
                     headers={"Authorization": f"Bearer {token}", "If-Match": etag})
    assert r.status_code == 401 and r.headers["www-authenticate"].startswith("Bearer")


def test_remembered_lists_follow_an_edit_and_keep_editors_apart(client, token):
    """List pages are answered from memory between changes (caching.remembered): a correction must show
    in the very next anonymous list, and what a token sees must never be served to a reader."""
    auth = {"Authorization": f"Bearer {token}"}
    eid = event_id(client, KAZAN)
    listed = lambda headers=None: {e["id"]: e for e in client.get("/api/events?limit=1000", headers=headers).json()["events"]}
    assert listed() == listed()  # the second answer comes from memory
    etag = client.get(f"/api/events/{eid}").headers["etag"]
    r = client.patch(f"/api/events/{eid}", json={"title": "Lavrov meets in Kazan"}, headers={**auth, "If-Match": etag})
    assert r.status_code == 200
    assert listed()[eid]["title"] == "Lavrov meets in Kazan"
    assert "Lavrov meets in Kazan" in client.get("/").text
    r = client.patch(f"/api/events/{eid}", json={"hidden": True}, headers={**auth, "If-Match": r.headers["etag"]})
    assert listed(auth)[eid]["hidden"] is True  # the editor's list, remembered first
    assert eid not in listed()
    assert "Lavrov meets in Kazan" not in client.get("/").text


def test_lists_show_the_ingests_stored_listings_and_never_a_stale_one(client, token, seeded_url):
    """An ingest stores each event as lists show it (app.listings), and a list reads that; once an
    editor changes the event, lists show the change at once, and the next ingest, even of nothing
    new, stores the event again."""
    from app import listings
    from app.db import get_engine

    def stale() -> list[int]:
        with get_engine(seeded_url).connect() as conn:
            return listings.stale(conn)

    def listed_title(eid: int) -> str:  # a page not asked before: not answered from memory
        return {e["id"]: e for e in client.get("/api/events?limit=999").json()["events"]}[eid]["title"]

    assert stale() == []
    eid = event_id(client, KAZAN)
    version = sql(seeded_url, "select version from event where id = :id", id=eid)[0][0]
    # Proof that lists read the stored listing: one altered here (still at the event's version) shows.
    body = bytes(sql(seeded_url, "select body from event_listing where event_id = :id", id=eid)[0][0])
    sql(seeded_url, "update event_listing set body = :body where event_id = :id",
        body=body.replace(b"Lavrov", b"Lavroff"), id=eid)
    assert "Lavroff" in listed_title(eid)
    etag = client.get(f"/api/events/{eid}").headers["etag"]
    r = client.patch(f"/api/events/{eid}", json={"title": "Lavrov meets in Kazan"},
                     headers={"Authorization": f"Bearer {token}", "If-Match": etag})
    assert r.status_code == 200 and r.json()["version"] > version
    assert listed_title(eid) == "Lavrov meets in Kazan"  # built from the tables: the listing is stale
    assert stale() == [eid]
    assert ingest_paths(seeded_url, SEEDS).exit_code == 0  # nothing new to read
    assert stale() == []
    assert b"Lavrov meets in Kazan" in bytes(sql(seeded_url, "select body from event_listing where event_id = :id",
                                                 id=eid)[0][0])


def test_an_archive_from_before_listings_gets_them_from_its_next_ingest(client, seeded_url):
    before = client.get("/api/events?limit=1000").content
    sql(seeded_url, "delete from event_listing")
    assert client.get("/api/events?limit=1000&sort=date").content == before  # built from the tables
    result = ingest_paths(seeded_url, SEEDS)
    assert result.exit_code == 0 and "0 added, 0 updated, 5 skipped" in result.output
    events = sql(seeded_url, "select count(*) from event")[0][0]
    assert sql(seeded_url, "select count(*) from event_listing")[0][0] == events
    assert client.get("/api/events?limit=1000&sort=date&undated=include").content == before


def test_review_flags_an_event_dated_after_its_reports_only_past_what_they_are_known_to_be(editor_client, seeded_url):
    """An article known only to be of 2021 (a year borrowed from other articles) may report any day of
    2021: an event of November 2021 is not after it, one of 2022 is."""
    event, article = sql(seeded_url, "select e.id, min(s.article_id) from event e join event_source s on "
                                     "s.event_id = e.id group by e.id having count(distinct s.article_id) = 1 "
                                     "order by e.id limit 1")[0]
    sql(seeded_url, "update article set published = null, anchor = '2021' where id = :id", id=article)
    # As every writer does: the events this article reports changed (their sources' order).
    sql(seeded_url, "update event set version = version + 1 where id in "
                    "(select event_id from event_source where article_id = :id)", id=article)

    def flagged_after_reports(day: str) -> bool:
        sql(seeded_url, "update event set date_start = :day, date_end = :day, version = version + 1 where id = :id",
            day=day, id=event)
        html = editor_client.get("/review").text
        if f'<li id="r{event}">' not in html:
            return False
        row = html.split(f'<li id="r{event}">', 1)[1].split("</li>\n", 1)[0]
        return "dated after every article that reports it" in row

    assert not flagged_after_reports("2021-11-30")
    assert flagged_after_reports("2022-01-05")
