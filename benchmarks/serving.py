"""Serving under load: `timeline serve --workers 2` and Datasette on the same SQLite file, the same
load from wrk on loopback, one endpoint group at a time.

    python benchmarks/serving.py --db PATH [--seconds 15] [--connections 8] [--datasette PATH-TO-datasette]

PATH is a migrated timeline database (benchmarks/api.py --db PATH builds a 100,000-event one).
Datasette is a benchmark-only dependency: `pip install datasette` into any environment and pass
its executable with --datasette (default: `datasette` on PATH). wrk comes from Debian's packages.
Prints requests/second and p50/p99 latency per endpoint, and our/Datasette ratios for the
equivalent table query (ours returns each event's sources too; Datasette returns the rows).
"""

from __future__ import annotations

import argparse
import os
import random
import re
import shutil
import socket
import sqlite3
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DISTINCT = 10_000  # more than a run of 15 s sends to one endpoint

# The API's list with each of the filters a reader uses, asked again and again.
REPEATED_API_PAGES = ["/api/events?limit=100", "/api/events?limit=100&sort=-date",
                      "/api/events?limit=100&from=1979&to=1989", "/api/events?limit=100&min_sources=3",
                      "/api/events?limit=100&granularity=day", "/api/events?limit=100&sort=sources",
                      "/api/events?limit=100&needs_review=true", "/api/events?limit=100&undated=exclude&from=2021"]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_for(url: str, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=5) as r:
                if r.status == 200:
                    return
        except OSError:
            time.sleep(0.3)
    raise SystemExit(f"{url} did not come up")


def wrk(base: str, paths: list[str], seconds: int, connections: int) -> dict:
    """Run wrk over `paths` (each request takes the next one), return rps and latency percentiles."""
    with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as script:
        script.write("paths = {" + ",".join(f'"{p}"' for p in paths) + "}\n"
                     "i = 0\nrequest = function()\n  i = i % #paths + 1\n"
                     "  return wrk.format('GET', paths[i])\nend\n")
    out = subprocess.run(["wrk", "-t1", f"-c{connections}", f"-d{seconds}s", "--latency", "-s", script.name, base],
                         capture_output=True, text=True, check=True).stdout
    os.unlink(script.name)

    def ms(label: str) -> float:
        m = re.search(rf"^\s+{label}%\s+([\d.]+)(us|ms|s)", out, re.M)
        value, unit = float(m.group(1)), m.group(2)
        return value / 1000 if unit == "us" else value * 1000 if unit == "s" else value

    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    return {"rps": float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1)), "p50": ms("50"), "p99": ms("99"),
            "non2xx": int(errors.group(1)) if errors else 0}


def distinct_api_pages(rng: random.Random) -> dict[str, str]:
    """DISTINCT different `/api/events` pages, each with Datasette's equivalent table query.

    The same filters over many different date ranges, none asked twice in a run (more of them than
    a run sends), so the server's memory of recent answers cannot help: only what pages share (events,
    counts). (Until a later round there were 3,000, which a run went through once and then partly
    again; the timeline's were drawn from about 1,000 windows.)"""
    distinct: dict[str, str] = {}
    while len(distinct) < DISTINCT:
        y, m, span, n = rng.randint(1900, 2025), rng.randint(1, 12), rng.randint(0, 30), rng.randint(2, 6)
        start, end = f"{y}-{m:02d}", f"{y + span}-{m:02d}"  # months: 10,000 different ranges exist
        kind = rng.randrange(4)
        ours, theirs = {
            0: (f"from={start}", f"_sort=date_start&date_end__gte={start}-01"),
            1: (f"from={start}&to={end}", f"_sort=date_start&date_end__gte={start}-01&date_start__lte={end}-31"),
            2: (f"sort=-date&to={start}", f"_sort_desc=date_start&date_start__lte={start}-31"),
            3: (f"from={start}&min_sources={n}", f"_sort=date_start&date_end__gte={start}-01&source_count__gte={n}"),
        }[kind]
        distinct.setdefault(f"/api/events?limit=100&{ours}", theirs)
    return distinct


def distinct_windows(rng: random.Random) -> list[str]:
    """DISTINCT different timeline windows: a day, a month or a year, some with a minimum of sources."""
    windows: set[str] = set()
    while len(windows) < DISTINCT:
        y, m, d, n = rng.randint(1900, 2025), rng.randint(1, 12), rng.randint(1, 28), rng.choice(["", 2, 3])
        sources = f"&min_sources={n}" if n else ""
        windows.add(rng.choice([f"/?zoom=day&around={y}-{m:02d}-{d:02d}", f"/?zoom=month&around={y}-{m:02d}",
                                f"/?zoom=year&around={y}"]) + sources)
    return sorted(windows)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--db", type=Path, required=True)
    ap.add_argument("--seconds", type=int, default=15)
    ap.add_argument("--connections", type=int, default=8)
    ap.add_argument("--datasette", default=shutil.which("datasette"))
    args = ap.parse_args()
    if not shutil.which("wrk"):
        raise SystemExit("wrk is needed: apt-get install wrk")
    db = args.db.resolve()
    # Steady state is what is measured: a file the OS no longer holds in memory made the first endpoint
    # of a run read it from disk (p99 1,370 ms where the next run had 33 ms), the others not.
    started = time.monotonic()
    with db.open("rb") as whole:
        while whole.read(1 << 24):
            pass
    print(f"database read into the OS cache in {time.monotonic() - started:.1f} s")
    conn = sqlite3.connect(db)
    events = [r[0] for r in conn.execute("select id from event where hidden = 0 order by random() limit 200")]
    articles = [r[0] for r in conn.execute("select id from article order by random() limit 200")]
    n_events = conn.execute("select count(*) from event").fetchone()[0]
    conn.close()
    rng = random.Random(7)
    distinct = distinct_api_pages(rng)
    distinct_datasette = list(distinct.values())
    windows = distinct_windows(rng)
    groups = {
        "/api/events (8 filters, repeated)": list(REPEATED_API_PAGES),
        f"/api/events ({DISTINCT:,} distinct)": list(distinct),
        "/ (3 views, repeated)": ["/", "/?zoom=decade", "/?zoom=month&around=2021-08"],
        f"/ ({DISTINCT:,} distinct windows)": windows,
        "/events/{id}": [f"/events/{i}" for i in events],
        "/articles/{id}": [f"/articles/{i}" for i in articles],
    }
    port = free_port()
    env = {**os.environ, "DATABASE_URL": f"sqlite:///{db}"}
    ours = subprocess.Popen([sys.executable, "-m", "app.cli", "serve", "--workers", "2", "--port", str(port)],
                            cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    servers = [ours]
    try:
        base = f"http://127.0.0.1:{port}"
        wait_for(base + "/api/events?limit=1")
        print(f"database: {db.name}, {n_events:,} events; wrk 1 thread, {args.connections} connections, "
              f"{args.seconds} s per endpoint; server: timeline serve --workers 2")
        results = {}
        for name, paths in groups.items():
            rng.shuffle(paths)
            wrk(base, paths[::-1], 2, args.connections)  # warm up; reversed, so distinct paths stay unseen
            results[name] = r = wrk(base, paths, args.seconds, args.connections)
            print(f"  {name:38} {r['rps']:8.0f} req/s   p50 {r['p50']:7.1f} ms   p99 {r['p99']:7.1f} ms"
                  + (f"   non-2xx {r['non2xx']}" if r["non2xx"] else ""))
        if not args.datasette:
            print("Datasette: not found (pip install datasette, then --datasette PATH)")
            return 0
        dport = free_port()
        datasette = subprocess.Popen([args.datasette, "serve", str(db), "--port", str(dport),
                                      "--setting", "sql_time_limit_ms", "10000", "--setting", "num_sql_threads", "3"],
                                     stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        servers.append(datasette)
        dbase = f"http://127.0.0.1:{dport}"
        table = f"/{db.stem}/event.json"
        # Like our API, no total count and no facets: Datasette computes both by default.
        lean = "&_nocount=1&_nofacet=1&_nosuggest=1"
        wait_for(dbase + table + "?_size=1", 120)
        equivalent = [f"{table}?_size=100&_sort=date_start", f"{table}?_size=100&_sort_desc=date_start",
                      f"{table}?_size=100&_sort=date_start&date_end__gte=1979-01-01&date_start__lte=1989-12-31",
                      f"{table}?_size=100&_sort=date_start&source_count__gte=3",
                      f"{table}?_size=100&_sort=date_start&granularity=day", f"{table}?_size=100&_sort_desc=source_count",
                      f"{table}?_size=100&_sort=date_start&needs_review=1",
                      f"{table}?_size=100&_sort=date_start&date_end__gte=2021-01-01"]
        datasette_groups = {
            "/api/events (8 filters, repeated)": [path + lean for path in equivalent],
            f"/api/events ({DISTINCT:,} distinct)": [f"{table}?_size=100&{q}{lean}" for q in distinct_datasette],
        }
        for name, paths in datasette_groups.items():
            wrk(dbase, paths[::-1], 2, args.connections)
            d = wrk(dbase, paths, args.seconds, args.connections)
            o = results[name]
            label = "Datasette, same as " + name.split(" ", 1)[1]
            print(f"  {label:38} {d['rps']:8.0f} req/s   p50 {d['p50']:7.1f} ms   "
                  f"p99 {d['p99']:7.1f} ms" + (f"   non-2xx {d['non2xx']}" if d["non2xx"] else ""))
            if d["rps"] and d["p99"]:
                print(f"  {'':38} ours/Datasette: throughput {o['rps'] / d['rps']:.2f}x, "
                      f"p99 {o['p99'] / d['p99']:.2f}x (below 1 is better for us)")
    finally:
        for server in servers:
            server.terminate()
            server.wait(timeout=30)
    return 0


if __name__ == "__main__":
    sys.exit(main())
