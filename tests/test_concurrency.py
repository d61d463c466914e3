"""Two `timeline ingest` processes at once, and an ingest while the site answers requests:
nothing lost, nothing corrupted. Runs on SQLite and, with DATABASE_URL, on PostgreSQL."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
from pathlib import Path

from fastapi.testclient import TestClient

from tests.conftest import ROOT, listings_out_of_step, settings_for, sql

N = int(os.environ.get("TIMELINE_CONCURRENCY_ARTICLES", "60"))  # each process's share


def write_articles(folder: Path, prefix: str, n: int) -> list[str]:
    folder.mkdir()
    words = []
    for i in range(n):
        day = 1 + i % 27
        word = f"{prefix}marker{i}"
        words.append(word)
        (folder / f"{prefix}_{i:03d}.txt").write_text(
            f"Council {prefix} {i} Votes\n\nPublished: 2022-10-{day + 1:02d}\n\n"
            f"The council of {prefix}ville {i} voted on October {day} to close the {word} bridge, officials said.\n\n"
            f"Repairs began in 2019 and will last until 2024, the mayor told reporters on Monday.\n")
    return words


def ingest(url: str, folder: Path) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "app.cli", "ingest", "--no-progress", str(folder)], cwd=ROOT,
                            env={**os.environ, "DATABASE_URL": url}, stdout=subprocess.PIPE,
                            stderr=subprocess.STDOUT, text=True)


def assert_consistent(url: str) -> None:
    """Every row hangs together: no orphan, every event's stored count is its real count."""
    assert sql(url, "select count(*) from paragraph where article_id not in (select id from article)") == [(0,)]
    assert sql(url, "select count(*) from event_source where event_id not in (select id from event)") == [(0,)]
    assert sql(url, "select count(*) from event_source where article_id not in (select id from article)") == [(0,)]
    assert sql(url, "select count(*) from event e where source_count != "
                    "(select count(*) from event_source s where s.event_id = e.id)") == [(0,)]
    assert sql(url, "select count(*) from event e where not exists "
                    "(select 1 from event_source s where s.event_id = e.id)") == [(0,)]
    # Each process wrote the listings of what it changed after its last commit: none is missing,
    # stale or different from the event built afresh.
    assert sql(url, "select count(*) from event e left join event_listing l on l.event_id = e.id "
                    "where l.version is null or l.version != e.version") == [(0,)]
    assert listings_out_of_step(url) == []


def test_two_ingest_processes_at_once_lose_and_corrupt_nothing(db_url: str, tmp_path: Path):
    first = write_articles(tmp_path / "a", "alpha", N)
    second = write_articles(tmp_path / "b", "beta", N)
    runs = [ingest(db_url, tmp_path / "a"), ingest(db_url, tmp_path / "b")]
    outputs = [run.communicate(timeout=300)[0] for run in runs]
    assert [run.returncode for run in runs] == [0, 0], outputs
    assert all(f"{N} added" in out for out in outputs), outputs
    assert sql(db_url, "select count(*) from article") == [(2 * N,)]
    assert sql(db_url, "select count(*) from paragraph") == [(4 * N,)]
    assert_consistent(db_url)
    from app.web.app import create_app

    # Each process took in what the other stored: the same story is one event, not one per process.
    assert sql(db_url, "select count(*) from (select edtf, title from event group by edtf, title "
                       "having count(*) > 1) twice") == [(0,)]
    with TestClient(create_app(settings_for(db_url))) as client:
        for word in (first[0], first[-1], second[0], second[-1]):  # every article is searchable
            events = client.get(f"/api/events?q={word}").json()["events"]
            texts = ["".join(s["paragraph_text"] for s in client.get(f"/api/events/{e['id']}").json()["sources"])
                     for e in events]
            assert texts and all(word in text for text in texts), word


def test_an_ingest_while_the_site_answers_loses_and_corrupts_nothing(client, seeded_url: str, tmp_path: Path):
    write_articles(tmp_path / "more", "gamma", 60)
    failures: list[str] = []
    answered = 0
    done = threading.Event()

    def readers() -> None:
        nonlocal answered
        while not done.is_set():
            for path in ("/api/events?limit=50", "/", "/api/events?q=council", "/api/articles"):
                response = client.get(path)
                answered += 1
                if response.status_code != 200:
                    failures.append(f"{path}: {response.status_code}")

    thread = threading.Thread(target=readers)
    thread.start()
    run = ingest(seeded_url, tmp_path / "more")
    output = run.communicate(timeout=300)[0]
    done.set()
    thread.join(timeout=60)
    assert run.returncode == 0 and "60 added" in output, output
    assert not failures and answered > 10, failures[:5]
    assert sql(seeded_url, "select count(*) from article") == [(65,)]
    assert_consistent(seeded_url)
