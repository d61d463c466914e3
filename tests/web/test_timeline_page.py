"""The interactive timeline page, server-rendered: filters, zoom, breaks, density, more (JS or not)."""

from __future__ import annotations

import re

import pytest



def headings(html: str) -> list[str]:
    return re.findall(r"<h2>(?:<a [^>]*>)?([^<]+)", html)


def test_long_empty_stretches_become_visible_breaks(client):
    html = client.get("/").text
    gaps = re.findall(r'<p class="gap"[^>]*>([^<]+)</p>', html)
    assert gaps == ["\u2014 24 years \u2014", "\u2014 9 years \u2014", "\u2014 10 years \u2014",
                    "\u2014 19 years \u2014"]  # 1953|1978, 1979|1989, 1990(s)|2001, 2001|2021


def test_zoom_levels_group_by_decade_year_month_and_day(client):
    assert headings(client.get("/?zoom=decade").text)[:3] == ["1950s", "1970s", "1980s"]
    month = client.get("/?zoom=month&around=2021-08").text
    assert "August 2021" in headings(month) and "1979" not in " ".join(headings(month))
    day = headings(client.get("/?zoom=day&around=2021-08-15").text)
    assert "15 August 2021" in day and all("2021" in h for h in day)
    assert re.search(r'aria-current="true">Months</a>', client.get("/?zoom=month&q=kabul").text)
    links = re.findall(r'<a href="(/\?[^"]*zoom=[^"]*)" hx-get', client.get("/?zoom=month&q=kabul").text)
    assert len(links) == 4 and all("q=kabul" in link and link.count("zoom=") == 1 for link in links)


def test_filters_are_in_the_url_and_say_how_many_match(client):
    html = client.get("/?q=kabul").text
    assert re.search(r"<strong>(\d+)</strong> events? matching “kabul”", html)
    count = int(re.search(r"<strong>(\d+)</strong>", html).group(1))
    assert count == len(client.get("/api/events?q=kabul").json()["events"])
    assert 'value="kabul"' in html  # the form shows what was asked
    ranged = client.get("/?from=1979&to=1989").text
    assert "24 December 1979" in ranged and "15 August 2021" not in ranged
    reviewed = client.get("/?needs_review=true").text
    assert "needs review" in reviewed


def test_a_search_runs_once_for_every_view_of_it_until_the_archive_changes(client, seeded_url, tmp_path):
    """A timeline page asks for its counts, its overview and its window, each a statement: the full-text
    search behind them runs once, and other views of the same words reuse what it found. A write moves
    the archive on, and the next search finds what was added."""
    from sqlalchemy import event

    from app.db import get_engine
    from tests.conftest import ingest_paths

    searches = []

    def note_searches(conn, cursor, statement, *args):
        if " MATCH " in statement or " @@ " in statement:  # FTS5, or PostgreSQL's text search
            searches.append(statement)

    engine = get_engine(seeded_url)
    event.listen(engine, "before_cursor_execute", note_searches)
    try:
        assert re.search(r"<strong>\d+</strong> events? matching “kabul”", client.get("/?q=kabul").text)
        assert len(searches) == 1
        client.get("/?q=kabul&zoom=month&around=2021-08")
        assert client.get("/api/events?q=Kabul&sort=-date").json()["events"]  # the same words, in other case
        assert len(searches) == 1

        assert client.get("/api/events?q=ferryboat").json()["events"] == []
        article = tmp_path / "ferry.txt"
        article.write_text("Ferry sinks off Zanzibar\n\nBy A. Reporter\n\nPublished 4 March 2020\n\n"
                           "A ferryboat sank off Zanzibar on 3 March 2020, the port authority said.\n")
        assert ingest_paths(seeded_url, article).exit_code == 0
        found = client.get("/api/events?q=ferryboat").json()["events"]
        assert [e["date"]["edtf"] for e in found] == ["2020-03-03"]
    finally:
        event.remove(engine, "before_cursor_execute", note_searches)


def test_htmx_gets_only_the_results(client):
    partial = client.get("/?q=kabul", headers={"HX-Request": "true"}).text
    assert "<form" not in partial and "<html" not in partial and "matching “kabul”" in partial
    full = client.get("/?q=kabul").text
    assert full.count("<form") == 1


def test_the_density_overview_links_each_bar_to_its_span(client):
    html = client.get("/").text
    svg = html[html.index("<svg"):html.index("</svg>")]
    links = re.findall(r'href="([^"]+)"', svg)
    assert links and all("from=" in link and "to=" in link for link in links)
    assert "1970s: 1 event" in svg or "1970s: 2 events" in svg


def test_the_count_and_the_overview_follow_new_articles(client, seeded_url, tmp_path):
    """Both are remembered between requests (they are costly at archive scale) until the data changes."""
    from tests.conftest import ingest_paths

    before = client.get("/").text
    assert "1850s" not in before[before.index("<svg"):before.index("</svg>")]
    count = int(re.search(r"<strong>(\d+)</strong>", before).group(1))
    f = tmp_path / "old.txt"
    f.write_text("Canal Opens\n\nPublished: 2021-08-26\n\nThe canal first opened to barges in 1851, "
                 "historians said, after a decade of digging.\n")
    assert ingest_paths(seeded_url, f).exit_code == 0
    after = client.get("/").text
    assert int(re.search(r"<strong>(\d+)</strong>", after).group(1)) == count + 1
    assert "1850s: 1 event" in after[after.index("<svg"):after.index("</svg>")]


def test_the_overview_stays_remembered_while_windows_come_and_go(client, monkeypatch):
    """Each window's count is remembered too, in a memory of bounded size: windows read once make way
    for new ones, while the overview every page shows (costly on an archive) is not computed again."""
    from app.web import pages

    monkeypatch.setattr(pages, "_MEMO_SIZE", 4)
    assert client.get("/?first=1").status_code == 200
    overview = {key: value for key, value in pages._MEMO.items() if key[2] == "overview"}
    assert overview
    for year in range(1975, 1990):
        assert client.get(f"/?zoom=year&around={year}").status_code == 200
    assert len(pages._MEMO) <= 4
    assert all(pages._MEMO.get(key) is value for key, value in overview.items())


def test_more_loads_the_next_window(client, seeded_url, tmp_path):
    from app.web import pages

    original = pages.TIMELINE_WINDOW
    pages.TIMELINE_WINDOW = 5
    try:
        first = client.get("/").text
        more = re.search(r'<p class="more"><a href="([^"]+)"', first).group(1).replace("&amp;", "&")
        plain = client.get(more).text  # without JavaScript: the next page, whole
        assert "<form" in plain and "24 December 1979" not in plain
        appended = client.get(more, headers={"HX-Request": "true"}).text
        assert "<section" in appended and '<div class="groups">' not in appended
    finally:
        pages.TIMELINE_WINDOW = original


def test_a_bad_focus_is_a_clear_error(client):
    response = client.get("/?around=yesterday")
    assert response.status_code == 422 and "around" in response.text
    assert client.get("/?from=nonsense").status_code == 422


@pytest.mark.parametrize("focus", ["zoom=month&around=9999-12", "zoom=day&around=9999-12-31",
                                   "zoom=year&around=0001", "zoom=day&around=0001-01-01"])
def test_a_focus_at_either_end_of_the_calendar_shows_what_is_inside_it(client, focus):
    response = client.get(f"/?{focus}")  # the window around it reaches past year 9999 or before year 1
    assert response.status_code == 200 and "<h1" in response.text


def test_the_form_s_empty_fields_mean_no_filter(client):
    html = client.get("/?q=kabul&from=&to=&min_sources=&zoom=decade").text
    assert "matching “kabul”" in html and 'aria-current="true">Decades' in html
    assert client.get("/api/events?min_sources=").status_code == 422  # the API stays strict


def test_an_article_links_to_its_events_on_the_timeline(client):
    article = next(a for a in client.get("/api/articles").json()["articles"] if a["file"].startswith("004"))
    page = client.get(f"/articles/{article['id']}").text
    assert f'href="/?article={article["id"]}"' in page
    timeline = client.get(f"/?article={article['id']}").text
    assert f"<strong>{article['events']}</strong> event" in timeline
    assert re.search(rf'<option value="{article["id"]}" selected>', timeline)  # the source picker shows it


def test_uncertain_dates_say_why(client):
    html = client.get("/").text
    assert re.search(r'class="date is-uncertain[^"]*"\s+title="Approximate: the text gives this date loosely', html)


def test_counts_of_an_archive_are_written_with_thousands_separators(seeded_url):
    """In a big archive a story has thousands of reports: "12,345 articles", not "12345 articles"."""
    from fastapi.testclient import TestClient

    from app.web.app import create_app
    from tests.conftest import settings_for, sql

    sql(seeded_url, "update event set source_count = 12345 where edtf = '2021-08-15'")
    with TestClient(create_app(settings_for(seeded_url))) as client:
        html = client.get("/?zoom=day&around=2021-08-15").text
    assert "12,345 articles" in html and "12345" not in html
