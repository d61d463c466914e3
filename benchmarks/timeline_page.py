"""The timeline page at 10,000 and 100,000 events: server time, page size, and in Chromium
first paint and click-to-paint for zoom, expand and more.

    python benchmarks/timeline_page.py [--big-db PATH]

Builds a 10,000-event database from generated articles (benchmarks/ingest.py's corpus);
--big-db adds a larger one (benchmarks/api.py builds 100,000 events). For each database:
- `/` in-process (TestClient): median of 20 requests, and the bytes sent (raw and gzip);
- under uvicorn, in headless Chromium (Debian's, through Playwright): first contentful
  paint of `/`, and from a click on a zoom level, on an event's "Show the sources" and on
  "More events" to the next frame painted after htmx swapped the answer in.
Not part of the test suite.
"""

from __future__ import annotations

import argparse
import gzip
import os
import shutil
import socket
import sqlite3
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

CLICK_TO_PAINT = """async (selector) => {
  const el = document.querySelector(selector);
  const started = performance.now();
  const swapped = new Promise(resolve => document.addEventListener("htmx:after:swap", resolve, {once: true}));
  el.click();
  await swapped;
  await new Promise(resolve => requestAnimationFrame(() => requestAnimationFrame(resolve)));
  return performance.now() - started;
}"""


def build(db: Path, events: int) -> None:
    from ingest import make_corpus, time_ingest  # benchmarks/ingest.py

    with tempfile.TemporaryDirectory() as tmp:
        make_corpus(Path(tmp), int(events / 3.1))
        time_ingest(Path(tmp), db)


def measure(db: Path) -> None:
    from fastapi.testclient import TestClient

    from app.config import Settings
    from app.web.app import create_app

    count = sqlite3.connect(db).execute("select count(*) from event").fetchone()[0]
    settings = Settings(database_url=f"sqlite:///{db}", host="127.0.0.1", port=8000, page_size=100)
    app = create_app(settings)
    with TestClient(app) as client:
        client.get("/")
        times = []
        for _ in range(20):
            started = time.perf_counter()
            body = client.get("/").content
            times.append((time.perf_counter() - started) * 1000)
    print(f"{count} events: GET / median {statistics.median(times):.1f} ms (max {max(times):.1f}), "
          f"{len(body) / 1024:.0f} KB ({len(gzip.compress(body)) / 1024:.0f} KB gzipped)")

    import uvicorn
    from playwright.sync_api import sync_playwright

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    threading.Thread(target=server.run, daemon=True).start()
    while not server.started:
        time.sleep(0.05)
    base = f"http://127.0.0.1:{port}"
    chromium = os.environ.get("CHROMIUM") or shutil.which("chromium")
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium, args=["--no-sandbox", "--disable-gpu"])
        paints, clicks = [], {"zoom": [], "expand": [], "more": []}
        for _ in range(5):
            page = browser.new_page()
            page.goto(base + "/")
            paints.append(page.evaluate("""() => new Promise(resolve => {
                const seen = performance.getEntriesByName('first-contentful-paint')[0];
                if (seen) return resolve(seen.startTime);
                new PerformanceObserver(list => resolve(list.getEntries()[0].startTime))
                  .observe({type: 'paint', buffered: true});
            })"""))
            page.wait_for_function("() => window.htmx")
            clicks["expand"].append(page.evaluate(CLICK_TO_PAINT, "article.event a.expand"))
            clicks["more"].append(page.evaluate(CLICK_TO_PAINT, "p.more a"))
            clicks["zoom"].append(page.evaluate(CLICK_TO_PAINT, "nav.zoom a:not([aria-current])"))
            page.close()
        browser.close()
    server.should_exit = True
    print(f"{count} events in Chromium: first contentful paint median {statistics.median(paints):.0f} ms; "
          + ", ".join(f"{k} click to paint median {statistics.median(v):.0f} ms" for k, v in clicks.items()))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--big-db", type=Path, help="also measure this (larger) database")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        small = Path(tmp) / "10k.db"
        build(small, 10_000)
        measure(small)
    if args.big_db:
        measure(args.big_db)
    return 0


if __name__ == "__main__":
    sys.exit(main())
