"""This code's server against another revision's, both under the same load at the same time.

    python benchmarks/serving_ab.py --db PATH [--baseline REV] [--baseline-db PATH]
                                    [--pages api|windows|repeated] [--rounds 3] [--seconds 20] [--connections 4]

On a shared machine two runs of one code, minutes apart, differed by more than most changes do
(repeated `/api/events` pages: 350 and 500 req/s). Here the baseline (a `git worktree` of REV,
default HEAD: commit first, or compare with HEAD~1) and the working tree each run
`timeline serve --workers 2` on the same SQLite file, and each gets its own wrk on loopback at
once, so whatever the machine does meanwhile it does to both. The measure that holds up is the
servers' CPU a request (their processes' user and system time over the requests answered);
requests/second and latency are printed too, but the two servers also compete for the CPU.
Each round reads pages the rounds before did not. Not part of the test suite.
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
from pathlib import Path

from serving import REPEATED_API_PAGES, distinct_api_pages, distinct_windows, free_port, wait_for, wrk

ROOT = Path(__file__).resolve().parent.parent


def cpu_seconds(pid: int) -> float:
    """User and system time of a process and its children alive now (`timeline serve`'s workers)."""
    tick = os.sysconf("SC_CLK_TCK")
    total = 0
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue  # gone meanwhile
        if int(entry.name) == pid or int(fields[1]) == pid:  # fields[1]: the parent's pid
            total += int(fields[11]) + int(fields[12])  # utime, stime
    return total / tick


class Server:
    def __init__(self, code: Path, db: Path) -> None:
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        env = {**os.environ, "DATABASE_URL": f"sqlite:///{db}"}
        self.process = subprocess.Popen([sys.executable, "-m", "app.cli", "serve", "--workers", "2",
                                         "--port", str(self.port)], cwd=code, env=env,
                                        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        wait_for(self.base + "/api/events?limit=1")

    def stop(self) -> None:
        self.process.terminate()
        self.process.wait(timeout=30)


def at_once(servers: list[Server], paths: list[str], seconds: int, connections: int) -> list[dict]:
    """wrk against every server at the same time; each result with the server's CPU a request."""
    results: list[dict] = [{} for _ in servers]
    before = [cpu_seconds(s.process.pid) for s in servers]

    def load(i: int) -> None:
        results[i] = wrk(servers[i].base, paths, seconds, connections)

    threads = [threading.Thread(target=load, args=(i,)) for i in range(len(servers))]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    for result, server, started in zip(results, servers, before):
        answered = result["rps"] * seconds
        result["cpu_ms"] = (cpu_seconds(server.process.pid) - started) * 1000 / answered if answered else float("nan")
    return results


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--db", type=Path, required=True)
    ap.add_argument("--baseline", default="HEAD", help="the git revision to compare the working tree with")
    ap.add_argument("--baseline-db", type=Path, help="the baseline's own copy of the database (default --db): "
                    "when the working tree adds a migration, the baseline refuses a database migrated past it")
    ap.add_argument("--pages", choices=["api", "windows", "repeated"], default="api",
                    help="10,000 distinct /api/events pages, 10,000 distinct timeline windows, or 8 repeated pages")
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--seconds", type=int, default=20)
    ap.add_argument("--connections", type=int, default=4, help="wrk connections for each server")
    args = ap.parse_args()
    if not shutil.which("wrk"):
        raise SystemExit("wrk is needed: apt-get install wrk")
    rng = random.Random(11)
    paths = {"api": lambda: list(distinct_api_pages(rng)), "windows": lambda: distinct_windows(rng),
             "repeated": lambda: list(REPEATED_API_PAGES)}[args.pages]()
    rng.shuffle(paths)
    with tempfile.TemporaryDirectory() as tmp:
        baseline_code = Path(tmp) / "baseline"
        subprocess.run(["git", "worktree", "add", "--detach", "-q", str(baseline_code), args.baseline],
                       cwd=ROOT, check=True)
        servers: list[Server] = []
        try:
            servers = [Server(baseline_code, (args.baseline_db or args.db).resolve()), Server(ROOT, args.db.resolve())]
            names = [f"baseline {args.baseline}", "working tree"]
            print(f"{args.pages} pages, {args.rounds} rounds of {args.seconds} s, wrk {args.connections} "
                  f"connections on each server at once; server CPU a request, req/s, p50 and p99")
            ratios = []
            step = len(paths) // (args.rounds + 1)
            for n in range(args.rounds):
                # A fresh stretch of pages each round, warmed with the stretch after it.
                ahead = paths[step * (n + 1):] + paths[:step * (n + 1)]
                at_once(servers, ahead[step:], 3, args.connections)
                results = at_once(servers, ahead, args.seconds, args.connections)
                for name, r in zip(names, results):
                    print(f"  round {n + 1} {name:24} {r['cpu_ms']:6.2f} ms CPU   {r['rps']:7.1f} req/s   "
                          f"p50 {r['p50']:6.1f} ms   p99 {r['p99']:6.1f} ms")
                ratios.append((results[1]["cpu_ms"] / results[0]["cpu_ms"], results[1]["rps"] / results[0]["rps"]))
            print(f"working tree / baseline, median of {len(ratios)} rounds: CPU a request "
                  f"{statistics.median(r[0] for r in ratios):.2f}x, throughput "
                  f"{statistics.median(r[1] for r in ratios):.2f}x (every round: CPU "
                  + ", ".join(f"{r[0]:.2f}x" for r in ratios) + ")")
        finally:
            for server in servers:
                server.stop()
            subprocess.run(["git", "worktree", "remove", "--force", str(baseline_code)], cwd=ROOT, check=False)
    return 0


if __name__ == "__main__":
    sys.exit(main())
