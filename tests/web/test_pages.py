"""The HTML pages: timeline, event and article, and untrusted text shown as text."""

from __future__ import annotations

import re

from tests.conftest import ingest_paths


def test_timeline_groups_events_by_year_with_human_dates(client):
    html = client.get("/").text
    years = re.findall(r'<h2>(?:<a [^>]*>)?([^<]+)', html)
    assert years[:3] == ["1953", "1978", "1979"]
    assert years[-1] == "Date unknown"
    assert "24 December 1979" in html and "1978\u20131992" in html and "1990s" in html
    assert "inferred" in html and "needs review" in html
    assert "Friday (date unknown)" in html  # 'warned on Friday' in an undated article


def test_event_page_shows_each_source_and_how_its_date_was_resolved(client):
    events = client.get("/api/events").json()["events"]
    friday = next(e for e in events if e["date"]["edtf"] == "2021-08-20")
    html = client.get(f"/events/{friday['id']}").text
    assert "20 August 2021" in html
    assert "\u2018On Friday\u2019 in an article published 23 August 2021" in html or \
           "\u2018Friday\u2019 in an article published 23 August 2021" in html


def test_article_page_has_paragraph_anchors_and_highlighted_dates(client):
    articles = client.get("/api/articles").json()["articles"]
    a = next(x for x in articles if x["file"].startswith("004"))
    html = client.get(f"/articles/{a['id']}").text
    assert 'id="p13"' in html
    assert re.search(r'<a class="mention" href="/events/\d+"[^>]*>Christmas Eve in 1979</a>', html)
    assert "Show original" in html and "page furniture" in html  # the stripped boilerplate, on request


def test_every_page_s_stylesheet_and_scripts_are_served(client):
    for page in ("/", "/articles", "/events/1", "/login"):
        html = client.get(page).text
        assets = re.findall(r'(?:href|src)="(?:https?://[^/"]+)?(/static/[^"]+)"', html)
        assert {"/static/app.css", "/static/htmx.min.js", "/static/timeline.js"} <= set(assets), page
        for asset in assets:
            assert client.get(asset).status_code == 200, asset


def test_unknown_pages_are_friendly_404s(client):
    r = client.get("/articles/424242")
    assert r.status_code == 404 and "There is no article 424242" in r.text
    assert "<html" in r.text


def test_article_text_is_untrusted(db_url, tmp_path):
    from fastapi.testclient import TestClient

    from app.web.app import create_app
    from tests.conftest import settings_for

    evil = tmp_path / "evil.txt"
    evil.write_text('<script>alert("x")</script> Evil <b>Headline</b>\n\n'
                    'Published: 2020-01-02\n\n'
                    'The <img src=x onerror=alert(1)> mayor resigned on January 1 after a <script>vote</script>.\n')
    assert ingest_paths(db_url, evil).exit_code == 0
    with TestClient(create_app(settings_for(db_url))) as c:
        for url in ("/", "/articles", "/articles/1"):
            body = c.get(url).text
            assert "<script>alert" not in body and "<img src=x" not in body, url
        # The API carries the text as data, as JSON, which no browser runs.
        assert c.get("/api/events").headers["content-type"] == "application/json"
        assert "&lt;script&gt;" in c.get("/articles/1").text
        event_id = c.get("/api/events").json()["events"][0]["id"]
        assert "<img src=x" not in c.get(f"/events/{event_id}").text


def test_pages_allow_only_the_site_s_own_scripts(client):
    page = client.get("/articles/1")
    policy = page.headers["content-security-policy"]
    assert "script-src 'self'" in policy and "object-src 'none'" in policy and "frame-ancestors 'none'" in policy
    assert page.headers["x-content-type-options"] == "nosniff"
    assert client.get("/api/events").headers["x-content-type-options"] == "nosniff"
    assert "content-security-policy" not in client.get("/docs").headers  # Swagger UI runs a script of its own


def test_an_article_s_address_is_a_link_only_when_it_is_a_web_address(db_url, tmp_path):
    """A CMS export's `url` is as untrusted as its text: `javascript:` must not become a link."""
    import json

    from fastapi.testclient import TestClient

    from app.web.app import create_app
    from tests.conftest import settings_for

    feed = tmp_path / "feed.jsonl"
    text = "Published: 2022-01-10\n\nThe mayor resigned on January 3, officials said."
    feed.write_text("\n".join(json.dumps({"title": title, "text": text, "url": url}) for title, url in [
        ("Evil", "javascript:alert(document.cookie)"), ("Good", "https://example.com/mayor?a=1&b=2")]))
    assert ingest_paths(db_url, feed).exit_code == 0
    with TestClient(create_app(settings_for(db_url))) as c:
        evil, good = c.get("/articles/1").text, c.get("/articles/2").text
    assert 'href="javascript' not in evil and "javascript:alert(document.cookie)" in evil
    assert '<a href="https://example.com/mayor?a=1&amp;b=2" rel="noopener nofollow">' in good


def test_a_season_is_an_event_of_its_own_granularity(db_url, tmp_path):
    """"In the spring of 2021" is EDTF `2021-21`: its page once failed, reading 21 as a month."""
    from fastapi.testclient import TestClient

    from app.web.app import create_app
    from tests.conftest import settings_for

    story = tmp_path / "spring.txt"
    story.write_text("Dam Plan Shelved\n\nPublished: 2022-01-10\n\n"
                     "Work on the dam stopped in the spring of 2021, after the floods, engineers said.\n")
    assert ingest_paths(db_url, story).exit_code == 0
    with TestClient(create_app(settings_for(db_url))) as c:
        [event] = c.get("/api/events?granularity=season").json()["events"]
        assert event["date"]["edtf"] == "2021-21" and c.get("/api/events?granularity=month").json()["events"] == []
        page = c.get(f"/events/{event['id']}")
        assert page.status_code == 200 and "spring 2021" in page.text
        assert "spring 2021" in c.get("/").text


def test_empty_database_shows_how_to_start(empty_client):
    assert "timeline ingest" in empty_client.get("/").text


def wire_copies(folder, n: int):
    """`n` copies of one dated seed under different names, as a wire story is: each of its events
    gathers `n` sources."""
    from tests.conftest import SEEDS

    text = sorted(SEEDS.glob("002_*.txt"))[0].read_text(encoding="utf-8")
    folder.mkdir()
    for i in range(n):
        (folder / f"copy_{i:03d}.txt").write_text(text, encoding="utf-8")
    return folder


def test_a_story_told_by_many_articles_pages_its_sources(db_url, tmp_path, monkeypatch):
    """A big story's event page once carried every source (tens of megabytes for one told by thousands):
    it shows a page of them, says which, and links to the pages before and after."""
    from fastapi.testclient import TestClient

    from app.web import rendering
    from app.web.app import create_app
    from tests.conftest import settings_for

    assert ingest_paths(db_url, wire_copies(tmp_path / "wire", 25)).exit_code == 0
    monkeypatch.setattr(rendering, "SOURCES_PER_PAGE", 10)
    with TestClient(create_app(settings_for(db_url))) as c:
        event = max(c.get("/api/events?limit=1000").json()["events"], key=lambda e: e["source_count"])
        assert event["source_count"] == 25
        everything = [s["url"] for s in c.get(f"/api/events/{event['id']}").json()["sources"]]
        assert len(everything) == 25  # the API still gives them all

        def shown(html: str) -> list[str]:
            return re.findall(r'<td><a href="(/articles/\d+#p\d+)">', html)

        pages = [c.get(f"/events/{event['id']}" + (f"?sources_page={n}" if n > 1 else "")) for n in (1, 2, 3)]
        assert all(p.status_code == 200 for p in pages)
        # In the order the API gives them, each once.
        assert [url for p in pages for url in shown(p.text)] == everything
        first, middle, last = (p.text for p in pages)
        assert "Sources 1–10 of 25" in first and "Sources 11–20 of 25" in middle and "Sources 21–25 of 25" in last
        assert 'rel="prev"' not in first and f'href="/events/{event["id"]}?sources_page=2#sources">Later' in first
        assert f'href="/events/{event["id"]}#sources">← Earlier' in middle and 'rel="next"' in middle
        assert 'rel="next"' not in last
        past = c.get(f"/events/{event['id']}?sources_page=4")
        assert past.status_code == 404 and "there is no page 4" in past.text
        assert c.get(f"/events/{event['id']}?sources_page=0").status_code == 422


def test_an_expanded_card_shows_the_first_sources_and_links_to_the_rest(db_url, tmp_path):
    from fastapi.testclient import TestClient

    from app.queries import LIST_SOURCES
    from app.web.app import create_app
    from tests.conftest import settings_for

    assert ingest_paths(db_url, wire_copies(tmp_path / "wire", LIST_SOURCES + 3)).exit_code == 0
    with TestClient(create_app(settings_for(db_url))) as c:
        events = c.get("/api/events?limit=1000").json()["events"]
        big = max(events, key=lambda e: e["source_count"])
        card = c.get(f"/events/{big['id']}/card?expanded=true").text
        assert card.count('<li class="source">') == LIST_SOURCES
        assert f'All {LIST_SOURCES + 3} sources on the event’s page' in card
        page = c.get(f"/events/{big['id']}").text
        assert page.count('<li class="source">') == LIST_SOURCES + 3 and "Later sources" not in page


def test_dates_before_ad_1_are_shown_as_such_not_as_unknown(db_url, tmp_path):
    from fastapi.testclient import TestClient

    from app.web.app import create_app
    from tests.conftest import settings_for

    history = tmp_path / "history.txt"
    history.write_text("The library of Alexandria\n\nPublished: 12 March 2022\n\n"
                       "Julius Caesar's fire of 48 BC is often blamed for the library's destruction.\n\n"
                       "In AD 391, the bishop Theophilus ordered the destruction of the Serapeum.\n\n"
                       "A spy for the Taliban was arrested on Friday, the ministry said.\n")
    assert ingest_paths(db_url, history).exit_code == 0
    with TestClient(create_app(settings_for(db_url))) as c:
        html = c.get("/").text
        groups = re.findall(r'<h2>(?:<a [^>]*>)?([^<]+)', html)
        assert groups == ["AD 391", "2022", "Before AD 1"]  # not "0391", nor "Date unknown" for 48 BC
        assert "48 BC" in html
        api = {e["title"]: e["date"] for e in c.get("/api/events").json()["events"]}
        fire = next(date for title, date in api.items() if "Caesar" in title)
        assert (fire["edtf"], fire["display"], fire["start"]) == ("-0047", "48 BC", None)
