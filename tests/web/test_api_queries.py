"""/api/events filters, orders, pagination and caching, through the real app on a real SQLite file."""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys

import pytest

from tests.conftest import ROOT, ingest_paths, settings_for, sqlite_only


def walk(client, url: str) -> list[dict]:
    events = []
    while url:
        response = client.get(url)
        assert response.status_code == 200, response.text
        body = response.json()
        events.extend(body["events"])
        assert (response.headers.get("link") is None) == (body["next"] is None)
        url = body["next"]
    return events


def ids(events: list[dict]) -> list[int]:
    return [e["id"] for e in events]


@pytest.mark.parametrize("sort", ["date", "-date", "sources"])
def test_every_order_walks_every_event_exactly_once(client, sort):
    whole = client.get(f"/api/events?sort={sort}&limit=1000").json()["events"]
    paged = walk(client, f"/api/events?sort={sort}&limit=4")
    assert ids(paged) == ids(whole) and len(set(ids(paged))) == len(paged) > 15


def test_orders(client):
    newest = client.get("/api/events?sort=-date&undated=exclude&limit=1000").json()["events"]
    starts = [e["date"]["start"] for e in newest]
    assert starts == sorted(starts, reverse=True)
    by_sources = client.get("/api/events?sort=sources&limit=1000").json()["events"]
    dated = [len(e["sources"]) for e in by_sources if e["date"]["start"]]
    assert dated == sorted(dated, reverse=True) and dated[0] >= 3  # Kabul's fall: four reports
    assert by_sources[-1]["date"]["start"] is None  # undated events last in every order


def test_a_cursor_only_works_for_the_order_it_was_made_for(client):
    next_url = client.get("/api/events?sort=sources&limit=2").json()["next"]
    cursor = next_url.split("after=")[1]
    response = client.get(f"/api/events?sort=date&after={cursor}")
    assert response.status_code == 400 and "after" in response.json()["detail"]


def edtfs(client, query: str) -> set[str]:
    return {e["date"]["edtf"] for e in walk(client, f"/api/events?limit=1000&{query}")}


def test_date_filters_match_overlapping_intervals_at_their_edges(client):
    assert "1989" in edtfs(client, "from=1989-12-31")  # a year overlaps its last day
    assert "1989" in edtfs(client, "to=1989-01-01")
    assert "1979-12-24" not in edtfs(client, "from=1979-12-25")
    assert "1978/1992" in edtfs(client, "from=1985&to=1985")  # a range contains the year
    in_the_70s = edtfs(client, "from=197X&to=197X")
    assert "1979-12-24" in in_the_70s and "1989" not in in_the_70s
    assert not any(e.startswith("X") for e in edtfs(client, "from=1900"))  # unknown dates overlap no range


@pytest.mark.parametrize("sort", ["date", "-date"])
def test_date_windows_find_exactly_the_overlapping_events(client, seeded_url, tmp_path, sort):
    """A window is read as two index ranges (events starting up to a year before it, and long events
    starting earlier): the answer must be what a plain overlap test over every event gives."""
    (tmp_path / "spans.txt").write_text(
        "Valley History\n\nPublished: 2021-08-26\n\nThe valley was farmed for most of a century (1900\u20131990), records show.\n\n"
        "Its mill ran through the 1960s and closed in 1971.\n\nThe week from 28 December 1983 to 3 January 1984 "
        "was the coldest on record.\n\nA flood came in December 1984, and the last "
        "farm was sold in 1985.\n")
    assert ingest_paths(seeded_url, tmp_path / "spans.txt").exit_code == 0
    everything = walk(client, "/api/events?limit=7")
    for start, end in [("1985-01-01", "1985-01-31"), ("1984-06-01", None), ("1965-01-01", "1966-12-31"),
                       ("1979-12-25", "2021-08-14"), ("0001-01-01", "1000-01-01"), ("1986-01-01", None),
                       ("1984-02-01", "1984-02-10"), ("1985-01-02", None)]:
        expected = [e for e in everything if e["date"]["start"] and e["date"]["end"] >= start
                    and (end is None or e["date"]["start"] <= end)]
        if sort == "-date":
            expected.sort(key=lambda e: (e["date"]["start"], e["date"]["end"], e["id"]), reverse=True)
        query = f"from={start}" + (f"&to={end}" if end else "")
        assert ids(walk(client, f"/api/events?limit=3&sort={sort}&{query}")) == ids(expected), query
        shown = client.get(f"/?{query}").text
        assert f"<strong>{len(expected)}</strong>" in shown, query
    assert "1900/1990" in [e["date"]["edtf"] for e in walk(client, "/api/events?from=1985-01-01&to=1985-01-31")]


@sqlite_only
@pytest.mark.parametrize("where", [{"start": "1985-01-01", "end": "1985-01-31"}, {"start": "1986-01-01"},
                                   {"start": "1986-01-01", "min_sources": 2}])
def test_a_window_looks_for_earlier_events_among_those_crossing_a_year_only(client, seeded_url, where):
    """Events starting more than a year before a window are read from the small index of events that
    cross a new year; through the timeline's index, a window in the 1980s read every event before it."""
    from sqlalchemy import event
    from sqlmodel import Session

    from app import queries
    from app.db import get_engine

    engine = get_engine(seeded_url)
    statements = []
    listener = lambda conn, cursor, statement, params, context, many: statements.append((statement, params))  # noqa: E731
    event.listen(engine, "before_cursor_execute", listener)
    try:
        with Session(engine) as session:
            queries.list_events(session, limit=5, where=queries.EventFilter(**where), sources=False)
            queries.count_events(session, queries.EventFilter(**where))
    finally:
        event.remove(engine, "before_cursor_execute", listener)
    earlier = [(s, p) for s, p in statements if "substr(event.date_end" in s]
    assert len(earlier) == 2  # the page's and the count's
    with engine.connect() as conn:
        for statement, params in earlier:
            plan = " ".join(row[-1] for row in conn.exec_driver_sql("EXPLAIN QUERY PLAN " + statement, params))
            assert "ix_event_year_crossing" in plan, plan


@pytest.mark.parametrize("sort", ["date", "-date", "sources"])
def test_a_granularity_filter_pages_through_exactly_its_events_in_order(client, seeded_url, sort):
    """SQLite reads a common granularity ("day") in the page's order and a rare one through its own
    index: either way, a page is the right events in the right order."""
    from sqlmodel import Session

    from app.db import get_engine
    from app.queries import _is_common

    everything = walk(client, f"/api/events?limit=1000&sort={sort}")
    with Session(get_engine(seeded_url)) as session:
        assert _is_common(session, "day", 2) and not _is_common(session, "year", 2)  # both ways are tried
    for granularity in ("day", "year", "range", "decade"):
        expected = [e for e in everything if e["date"]["granularity"] == granularity]
        assert ids(walk(client, f"/api/events?limit=2&sort={sort}&granularity={granularity}")) == ids(expected)
        assert expected or granularity == "decade"


def test_other_filters(client):
    kabul = walk(client, "/api/events?q=kabul")
    assert kabul and all("kabul" in (e["title"] + " ".join(s["paragraph_text"] for s in e["sources"])).lower()
                         for e in kabul)
    assert client.get("/api/events?q=invad").json()["events"]  # a word's start finds "invaded"
    assert all(len(e["sources"]) >= 3 for e in walk(client, "/api/events?min_sources=3"))
    assert {e["date"]["granularity"] for e in walk(client, "/api/events?granularity=year")} == {"year"}
    flagged = walk(client, "/api/events?needs_review=true")
    assert flagged and all(e["date"]["needs_review"] for e in flagged)
    assert not any(e["date"]["needs_review"] for e in walk(client, "/api/events?needs_review=false"))
    article = client.get("/api/articles").json()["articles"][0]
    reported = walk(client, f"/api/events?article={article['id']}")
    assert len(reported) == article["events"]
    assert all(any(s["article_id"] == article["id"] for s in e["sources"]) for e in reported)
    undated = walk(client, "/api/events?undated=only")
    assert undated and all(e["date"]["start"] is None for e in undated)
    assert all(e["date"]["start"] for e in walk(client, "/api/events?undated=exclude"))


def test_pages_with_the_same_filters_answer_for_their_own_values(client):
    """One filter asked again with other values (other words, another article, another cursor) in one
    process: each page answers for its own values, never for what was asked before."""
    kabul, soviet = (ids(walk(client, f"/api/events?q={word}&limit=2")) for word in ("kabul", "soviet"))
    assert kabul and soviet and set(kabul) != set(soviet)
    assert ids(walk(client, "/api/events?q=kabul&limit=2")) == kabul
    for article in client.get("/api/articles").json()["articles"][:3]:
        reported = walk(client, f"/api/events?article={article['id']}&limit=2")
        assert len(reported) == article["events"]
        assert all(any(s["article_id"] == article["id"] for s in e["sources"]) for e in reported)


def test_counts_with_the_same_filters_count_their_own_values(seeded_url):
    """A count's statement is made once per shape of filters too: counted again with other words,
    another article or another window, each count is of its own values."""
    from sqlmodel import Session

    from app import queries
    from app.db import get_engine

    asked = [{"q": "kabul"}, {"q": "soviet"}, {"start": "1979-01-01"}, {"start": "2021-01-01"},
             {"start": "1979-01-01", "end": "1989-12-31"}, {"start": "2021-08-01", "end": "2021-08-31"},
             {"min_sources": 1}, {"min_sources": 2}] + [{"article": n} for n in range(1, 6)]
    with Session(get_engine(seeded_url)) as session:
        everything, _ = queries.list_events(session, limit=1000, sources=False)
        counted = {}
        for where in asked + asked:  # the second time, every shape has its statement already
            n = queries.count_events(session, queries.EventFilter(**where))
            assert counted.setdefault(str(where), n) == n
            listed, more = queries.list_events(session, limit=1000, where=queries.EventFilter(**where), sources=False)
            assert more is None and n == len(listed), where
    assert len(set(counted.values())) > 4 and max(counted.values()) == len(everything)  # min_sources=1


@pytest.mark.parametrize("query, name", [
    ("from=yesterday", "from"), ("to=13/13/13", "to"), ("from=1990&to=1980", "from"), ("sort=title", "sort"),
    ("granularity=minute", "granularity"), ("min_sources=0", "min_sources"), ("undated=maybe", "undated"),
    ("limit=1001", "limit"), ("needs_review=perhaps", "needs_review"), ("article=x", "article"),
    ("q=" + "x" * 201, "q"),
])
def test_a_bad_parameter_is_a_problem_naming_it(client, query, name):
    response = client.get(f"/api/events?{query}")
    assert response.status_code == 422
    assert response.headers["content-type"] == "application/problem+json"
    assert response.json()["detail"].startswith(name)


def test_search_input_cannot_break_the_query(client):
    for q in ['"', "AND OR NOT", "kabul*", "(", "NEAR(a b)", "title:kabul", "'; drop table event; --"]:
        assert client.get("/api/events", params={"q": q}).status_code == 200


def test_conditional_requests(seeded_url, tmp_path):
    from fastapi.testclient import TestClient

    from app.web.app import create_app

    with TestClient(create_app(settings_for(seeded_url))) as client:
        first = client.get("/api/events?limit=5")
        tag, modified = first.headers["etag"], first.headers["last-modified"]
        assert modified.endswith("GMT")
        again = client.get("/api/events?limit=5", headers={"If-None-Match": tag})
        assert again.status_code == 304 and again.content == b"" and again.headers["etag"] == tag
        assert client.get("/api/events?limit=6").headers["etag"] != tag  # another representation
        for path in ("/api/events.csv", "/api/articles", "/api/timelinejs.json"):
            r = client.get(path)
            assert client.get(path, headers={"If-None-Match": r.headers["etag"]}).status_code == 304
        # New data: the same URL gets a new tag, and the old one no longer matches.
        story = tmp_path / "new.txt"
        story.write_text("Dam Opens\n\nPublished: 2022-05-02\n\nThe new dam opened on May 1, officials said.\n")
        assert ingest_paths(seeded_url, story).exit_code == 0
        fresh = client.get("/api/events?limit=5", headers={"If-None-Match": tag})
        assert fresh.status_code == 200 and fresh.headers["etag"] != tag


def test_cors_is_off_unless_configured(seeded_url):
    from dataclasses import replace

    from fastapi.testclient import TestClient

    from app.web.app import create_app

    origin = {"Origin": "https://graphics.example.org"}
    with TestClient(create_app(settings_for(seeded_url))) as client:
        assert "access-control-allow-origin" not in client.get("/api/events", headers=origin).headers
    settings = replace(settings_for(seeded_url), cors_origins=("https://graphics.example.org",))
    with TestClient(create_app(settings)) as client:
        response = client.get("/api/events", headers=origin)
        assert response.headers["access-control-allow-origin"] == "https://graphics.example.org"
        assert "ETag" in response.headers["access-control-expose-headers"]


def test_csv_export_is_one_row_per_event_and_safe_in_a_spreadsheet(client, seeded_url, tmp_path):
    story = tmp_path / "formula.txt"
    story.write_text("=HYPERLINK(\"http://evil\")\n\nPublished: 2022-05-02\n\n"
                     "=1+1 The bridge reopened on May 1, officials said.\n")
    assert ingest_paths(seeded_url, story).exit_code == 0
    response = client.get("/api/events.csv")
    assert response.headers["content-type"].startswith("text/csv")
    assert response.text.startswith("\ufeff")
    rows = list(csv.DictReader(io.StringIO(response.text.lstrip("\ufeff"))))
    events = walk(client, "/api/events?limit=1000")
    assert [int(r["id"]) for r in rows] == ids(events)
    kabul = next(r for r in rows if r["date"] == "2021-08-15")
    assert kabul["sources"] == "4" and kabul["date_display"] == "15 August 2021"
    assert not any(v.startswith(("=", "+", "@")) for r in rows for v in r.values())


def test_ndjson_and_ics_exports(client):
    lines = client.get("/api/events.ndjson?undated=exclude").text.splitlines()
    events = [json.loads(line) for line in lines]
    assert ids(events) == ids(walk(client, "/api/events?undated=exclude&limit=1000"))
    ics = client.get("/api/events.ics").text
    assert ics.startswith("BEGIN:VCALENDAR\r\n") and ics.endswith("END:VCALENDAR\r\n")
    assert "DTSTART;VALUE=DATE:19791224\r\nDTEND;VALUE=DATE:19791225" in ics
    assert all(len(line.encode()) <= 75 for line in ics.split("\r\n"))
    assert "DTSTART;VALUE=DATE:1989" not in ics  # a year is not a day


def test_timelinejs_document(client):
    doc = client.get("/api/timelinejs.json?group=era").json()
    slides = {s["display_date"]: s for s in doc["events"]}
    assert slides["24 December 1979"]["start_date"] == {"year": 1979, "month": 12, "day": 24}
    assert slides["1989"]["start_date"] == {"year": 1989}
    assert slides["1978–1992"]["end_date"] == {"year": 1992}
    assert slides["15 August 2021"]["group"] == "2020s"
    assert '<a href="http' in slides["15 August 2021"]["text"]["text"]
    assert not any(s["start_date"]["year"] is None for s in doc["events"])


def test_walking_the_pages_while_another_process_ingests_loses_and_repeats_nothing(client, seeded_url, tmp_path):
    folder = tmp_path / "more"
    folder.mkdir()
    for i in range(60):
        (folder / f"story{i:03d}.txt").write_text(
            f"Storm {i} Hits Coast\n\nPublished: 2022-10-{i % 28 + 1:02d}\n\n"
            f"Storm number {i} made landfall on October {i % 28 + 1}, 1990, flooding towns, officials said.\n")
    before = set(ids(walk(client, "/api/events?limit=1000")))
    ingest = subprocess.Popen([sys.executable, "-m", "app.cli", "ingest", "--no-progress", str(folder)],
                              cwd=ROOT, env={**os.environ, "DATABASE_URL": seeded_url},
                              stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    seen: list[int] = []
    while ingest.poll() is None or not seen:
        seen = ids(walk(client, "/api/events?limit=2"))
        assert len(seen) == len(set(seen))  # nothing twice
        assert before <= set(seen)  # nothing that was there is skipped
    assert ingest.wait() == 0, ingest.stdout.read()
    assert len(ids(walk(client, "/api/events?limit=7"))) > len(before)


def test_lists_carry_an_events_first_sources_and_its_page_all_of_them(db_url, tmp_path):
    from fastapi.testclient import TestClient

    from app.queries import LIST_SOURCES
    from app.web.app import create_app

    for i in range(LIST_SOURCES + 5):
        (tmp_path / f"wire{i:02d}.txt").write_text(
            f"Storm Hits Coast ({i})\n\nPublished: 2022-10-03\n\nA powerful storm made landfall on October 1, "
            "flooding coastal towns and cutting power to thousands of homes, officials said.\n")
    assert ingest_paths(db_url, tmp_path).exit_code == 0
    with TestClient(create_app(settings_for(db_url))) as client:
        (listed,) = client.get("/api/events").json()["events"]
        assert listed["source_count"] == LIST_SOURCES + 5 and len(listed["sources"]) == LIST_SOURCES
        whole = client.get(f"/api/events/{listed['id']}").json()
        assert len(whole["sources"]) == LIST_SOURCES + 5
        assert [s["article_file"] for s in whole["sources"][:LIST_SOURCES]] == \
            [s["article_file"] for s in listed["sources"]]
