"""Ingest throughput against a naive dateparser baseline, measured in the same process.

    python benchmarks/ingest.py [--articles 5000] [--workers 0] [--baseline-articles 300] [--repeat 3]

Builds a corpus from the seed articles with varied stories, names, numbers and
dates, and some wire copies (a fixed random seed, so every run measures the same
work), then, `--repeat` times, each in a fresh process, times:
- the full ingest: `timeline ingest` on the folder into a fresh, migrated SQLite file
  (reading, boilerplate, tagging, events, merging, every article whole or not at all);
- the naive baseline: `dateparser.search.search_dates(text, languages=["en"])` over
  each article, half of its sample before the ingest and half after; and, once, the
  same call with dateparser's default language guessing, which is ten times slower.
Prints articles/second for each, the ratios, the peak memory of the ingest (its process and, with
--workers N, its largest reader process), and the median run. Not part of the test suite.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import re
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
SYLLABLES = ["ka", "lo", "mer", "tan", "vi", "dor", "sel", "ru", "pa", "zen", "ol", "ath", "ben", "cor", "li", "mu"]


def _vocabulary(rng: random.Random, n: int) -> list[str]:
    return ["".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 4))) for _ in range(n)]


def make_corpus(folder: Path, n: int, seed: int = 20211, wire_share: float = 0.1) -> list[Path]:
    """`n` articles shaped like the seeds (boilerplate, datelines, relative and absolute dates), each a
    different story: names, places and a third of the content words are drawn from a made-up vocabulary,
    and dates move across two centuries. A share are wire copies of an earlier article, lightly edited,
    so merging has real work to do."""
    rng = random.Random(seed)
    seeds = sorted((ROOT / "seeds").glob("*.txt"))
    texts = [p.read_text(encoding="utf-8") for p in seeds]
    words = _vocabulary(rng, 20000)
    names = [w.capitalize() for w in _vocabulary(rng, 3000)]
    written: list[str] = []
    paths = []
    for i in range(n):
        if written and rng.random() < wire_share:
            text = rng.choice(written[-200:]).replace(" said", " told reporters", 1)
        else:
            text = texts[i % len(texts)]
            shift = rng.randint(-150, 4)
            text = re.sub(r"\b(19[5-9]\d|20[0-2]\d)\b", lambda m: str(int(m.group(1)) + shift), text)
            text = re.sub(r"\bAugust\b", lambda m: rng.choice(MONTHS), text)
            text = re.sub(r"\b(Monday|Tuesday|Friday|Saturday)\b", lambda m: rng.choice(WEEKDAYS), text)
            # Two-digit days stay two digits: "2021-08-26" must stay a well-formed date.
            text = re.sub(r"\b(1[0-9]|2[0-8])\b(?=[,\s])", lambda m: str(rng.randint(10, 28)), text)
            # One story's substitutions are consistent, so its headline still repeats and its names recur.
            story: dict[str, str] = {}

            def swap(m: re.Match, pool: list[str], share: float, story: dict[str, str] = story) -> str:
                w = m.group(0)
                if w in MONTHS or w in WEEKDAYS or w == "Tags":
                    return w
                if w not in story:
                    story[w] = rng.choice(pool) if rng.random() < share else w
                return story[w]

            text = re.sub(r"\b[A-Z][a-z]{3,}\b", lambda m: swap(m, names, 0.7), text)
            text = re.sub(r"\b[a-z]{5,}\b", lambda m: swap(m, words, 0.35), text)
            written.append(text)
        path = folder / f"{i:06d}.txt"
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths


def time_ingest(folder: Path, db: Path, workers: int = 0) -> float:
    import os

    import typer

    os.environ["DATABASE_URL"] = f"sqlite:///{db}"
    from app.cli import ingest
    from app.migrate import upgrade

    upgrade(os.environ["DATABASE_URL"])
    started = time.perf_counter()
    try:
        ingest(paths=[str(folder)], progress=False, workers=workers)
    except typer.Exit as exc:
        if exc.exit_code:
            raise SystemExit("the ingest failed on some articles: its speed would mean nothing") from None
    return time.perf_counter() - started


def time_baseline(paths: list[Path], languages: list[str] | None = ("en",)) -> float:
    """Seconds for `search_dates` over each article. English only by default: with
    dateparser's own default (guess the language of every text) it is ten times slower."""
    from dateparser.search import search_dates

    settings = {"RELATIVE_BASE": dt.datetime(2021, 8, 23), "PREFER_DATES_FROM": "past"}
    langs = list(languages) if languages else None
    search_dates("warm up on Friday", languages=langs, settings=settings)
    started = time.perf_counter()
    for p in paths:
        search_dates(p.read_text(encoding="utf-8"), languages=langs, settings=settings)
    return time.perf_counter() - started


def run_once(folder: Path, db: Path, baseline_articles: int, guessing_articles: int, workers: int = 0) -> dict:
    """One measurement in a fresh process (no warm caches from an earlier run). The machine's
    speed drifts (a shared VM): half the baseline runs before the ingest and half after,
    so both sides of the ratio see the same conditions."""
    paths = sorted(folder.glob("*.txt"))
    sample = paths[:baseline_articles]
    half = len(sample) // 2
    before = time_baseline(sample[:half])
    seconds = time_ingest(folder, db, workers)
    # High-water marks in KiB: this process (which also ran the first half of the baseline) and the
    # largest of its reader processes.
    peak, readers = (resource.getrusage(who).ru_maxrss for who in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN))
    after = time_baseline(sample[half:])
    guessing = time_baseline(paths[:guessing_articles], languages=None) if guessing_articles else 0.0
    return {"articles": len(paths), "seconds": seconds, "ours": len(paths) / seconds,
            "baseline": len(sample) / (before + after), "before": half / before,
            "after": (len(sample) - half) / after,
            "guessing": guessing_articles / guessing if guessing_articles else None,
            "peak_mib": peak / 1024, "reader_peak_mib": readers / 1024}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=5000)
    ap.add_argument("--baseline-articles", type=int, default=300,
                    help="the baseline is slow; its rate is measured on this many of the same articles")
    ap.add_argument("--guessing-articles", type=int, default=20,
                    help="articles for the baseline with dateparser's default language guessing (0: skip)")
    ap.add_argument("--repeat", type=int, default=3, help="measurements, each in a fresh process; the median counts")
    ap.add_argument("--workers", type=int, default=0, help="timeline ingest --workers N (0: parse in-process)")
    ap.add_argument("--run-once", type=Path, help=argparse.SUPPRESS)  # a corpus folder: measure once, print JSON
    ap.add_argument("--db", type=Path, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.run_once:
        print(json.dumps(run_once(args.run_once, args.db, args.baseline_articles, args.guessing_articles,
                                  args.workers)))
        return 0
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "corpus"
        folder.mkdir()
        t0 = time.perf_counter()
        paths = make_corpus(folder, args.articles)
        print(f"timeline ingest --workers {args.workers}; corpus: {len(paths)} articles, {sum(p.stat().st_size for p in paths) / 1e6:.1f} MB "
              f"(built in {time.perf_counter() - t0:.1f} s)")
        runs = []
        for n in range(args.repeat):
            out = subprocess.run(
                [sys.executable, __file__, "--run-once", str(folder), "--db", str(Path(tmp) / f"bench{n}.db"),
                 "--baseline-articles", str(args.baseline_articles),
                 "--guessing-articles", str(args.guessing_articles if n == 0 else 0), "--workers", str(args.workers)],
                capture_output=True, text=True)
            if out.returncode:
                sys.stderr.write(out.stderr)
                return out.returncode
            run = json.loads(out.stdout.strip().splitlines()[-1])
            runs.append(run)
            print(f"run {n + 1}: timeline ingest {run['articles']} articles in {run['seconds']:.1f} s = "
                  f"{run['ours']:.0f} articles/s; dateparser (English) {run['baseline']:.1f} articles/s "
                  f"({run['before']:.1f} before, {run['after']:.1f} after); ratio {run['ours'] / run['baseline']:.1f}x; "
                  f"peak memory {run['peak_mib']:.0f} MiB" + (f", readers {run['reader_peak_mib']:.0f} MiB" if args.workers else ""))
            if run["guessing"]:
                print(f"       dateparser with its default language guessing: {run['guessing']:.1f} articles/s "
                      f"(ratio {run['ours'] / run['guessing']:.0f}x)")
        mid = sorted(runs, key=lambda r: r["ours"] / r["baseline"])[len(runs) // 2]
        print(f"median: {mid['ours']:.0f} articles/s, {mid['ours'] / mid['baseline']:.1f}x the naive "
              f"dateparser baseline (English only)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
