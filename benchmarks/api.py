"""/api/events latency and the full NDJSON export at 100,000 events in SQLite, in-process.

    python benchmarks/api.py [--events 100000] [--db PATH] [--requests 400]

Builds (or reuses, with --db) a database of at least --events events by ingesting
generated articles (benchmarks/ingest.py's corpus), then, through the real app with
Starlette's TestClient:
- times GET /api/events?limit=100 with a mix of what clients ask: first pages, deep
  pages by cursor, date ranges, min_sources, full-text q, each sort; prints median and p99;
- times streaming the whole /api/events.ndjson export, with its peak memory;
- as a baseline in the same process, times the bare SQL a hand-written client would run for
  one page (SELECT ... ORDER BY date_start LIMIT 100 through sqlite3) and prints the ratio.
Not part of the test suite.
"""

from __future__ import annotations

import argparse
import random
import resource
import sqlite3
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))


def build(db: Path, events: int) -> None:
    from ingest import make_corpus, time_ingest  # benchmarks/ingest.py

    articles = int(events / 3.1) + 500  # the corpus gives about 3.2 events an article
    with tempfile.TemporaryDirectory() as tmp:
        started = time.perf_counter()
        make_corpus(Path(tmp), articles)
        print(f"corpus: {articles} articles in {time.perf_counter() - started:.0f} s")
        print(f"ingest: {time_ingest(Path(tmp), db):.0f} s")


def anonymous_kib() -> int:
    """This process's resident memory that is not a mapped file (Linux)."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("RssAnon:"):
            return int(line.split()[1])
    return 0


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(q * (len(ordered) - 1))))]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--events", type=int, default=100_000)
    ap.add_argument("--db", type=Path, help="reuse this database (built there if missing)")
    ap.add_argument("--requests", type=int, default=400)
    args = ap.parse_args()
    db = args.db or Path(tempfile.mkdtemp()) / "api-bench.db"
    if not db.exists():
        build(db, args.events)
    count = sqlite3.connect(db).execute("select count(*) from event").fetchone()[0]
    print(f"database: {db} ({count} events, {db.stat().st_size / 1e6:.0f} MB)")

    from fastapi.testclient import TestClient

    from app.config import Settings
    from app.web.app import create_app

    settings = Settings(database_url=f"sqlite:///{db}", host="127.0.0.1", port=8000, page_size=100)
    rng = random.Random(7)
    with TestClient(create_app(settings)) as client:
        # Cursors deep into each order, gathered first (not timed).
        cursors = {}
        for sort in ("date", "-date", "sources"):
            url, deep = f"/api/events?limit=1000&sort={sort}", []
            for _ in range(60):
                url = client.get(url).json()["next"]
                if url is None:
                    break
                deep.append(url.split("after=")[1])
            cursors[sort] = deep
        queries: list[tuple[str, str]] = []
        for i in range(args.requests):
            kind = i % 8
            sort = ("date", "-date", "sources")[i % 3]
            if kind == 0:
                queries.append(("first page", f"/api/events?limit=100&sort={sort}"))
            elif kind in (1, 2) and cursors[sort]:
                queries.append(("deep page", f"/api/events?limit=100&sort={sort}&after={rng.choice(cursors[sort])}"))
            elif kind == 3:
                year = rng.randint(1860, 2024)
                queries.append(("from/to", f"/api/events?limit=100&from={year}&to={year + rng.randint(0, 5)}"))
            elif kind == 4:
                queries.append(("min_sources", f"/api/events?limit=100&min_sources={rng.randint(2, 4)}&sort={sort}"))
            elif kind == 5:
                word = rng.choice(["kabul", "taliban", "border", "putin", "refugees", "embassy", "withdrew"])
                queries.append(("q", f"/api/events?limit=100&q={word}"))
            elif kind == 6:
                queries.append(("granularity", f"/api/events?limit=100&granularity=day&needs_review=false&sort={sort}"))
            else:
                queries.append(("undated", "/api/events?limit=100&undated=only"))
        for _, q in queries[:20]:
            client.get(q)  # warm the page cache and the app
        timings, by_kind = [], {}
        for kind, q in queries:
            started = time.perf_counter()
            response = client.get(q)
            elapsed = (time.perf_counter() - started) * 1000
            timings.append(elapsed)
            by_kind.setdefault(kind, []).append(elapsed)
            assert response.status_code == 200, (q, response.text[:200])
        print(f"/api/events?limit=100, {len(timings)} requests: median {statistics.median(timings):.1f} ms, "
              f"p99 {percentile(timings, 0.99):.1f} ms, max {max(timings):.1f} ms")
        for kind, values in by_kind.items():
            print(f"  {kind:12s} {len(values):4d} requests: median {statistics.median(values):6.1f} ms, "
                  f"p99 {percentile(values, 0.99):6.1f} ms")

        raw = sqlite3.connect(db)
        raw_timings = []
        for _ in range(100):
            started = time.perf_counter()
            raw.execute("SELECT * FROM event WHERE date_start IS NOT NULL ORDER BY date_start, date_end, id "
                        "LIMIT 100").fetchall()
            raw_timings.append((time.perf_counter() - started) * 1000)
        base = statistics.median(raw_timings)
        print(f"baseline, bare SQL for one page (no sources): median {base:.2f} ms; "
              f"the API's median is {statistics.median(timings) / base:.0f}x that, with every source included")

        # The process's own memory, not its maximum resident size: SQLite maps the database file
        # (mmap_size), so reading every page of it counts towards ru_maxrss as page cache.
        anon_before = peak = anonymous_kib()
        started = time.perf_counter()
        lines = size = 0
        with client.stream("GET", "/api/events.ndjson") as response:
            for chunk in response.iter_lines():
                lines += 1
                size += len(chunk)
                if lines % 2000 == 0:
                    peak = max(peak, anonymous_kib())
        seconds = time.perf_counter() - started
        print(f"/api/events.ndjson: {lines} events, {size / 1e6:.0f} MB in {seconds:.1f} s "
              f"({lines / seconds:.0f} events/s); the process's own memory (RssAnon) grew at most "
              f"{(peak - anon_before) / 1024:.0f} MB while streaming (the mapped database file not counted: "
              f"{resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB peak resident with it)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
