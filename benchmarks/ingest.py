"""Ingest throughput against a naive dateparser baseline, measured in the same run.

    python benchmarks/ingest.py [--articles 5000] [--baseline-articles 300]

Builds a corpus from the seed articles with varied stories, names, numbers and
dates, and some wire copies (a fixed random seed, so every run measures the same
work), then times:
- the full ingest: `timeline ingest` on the folder into a fresh, migrated SQLite file
  (reading, boilerplate, tagging, events, merging, one transaction an article);
- the naive baseline: `dateparser.search.search_dates` over each article's text,
  half of its sample before the ingest and half after.
Prints articles/second for both and their ratio. Not part of the test suite.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import re
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
            text = re.sub(r"\b(1[0-9]|2[0-8])\b(?=[,\s])", lambda m: str(rng.randint(1, 28)), text)
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


def time_ingest(folder: Path, db: Path) -> tuple[float, str]:
    import os

    os.environ["DATABASE_URL"] = f"sqlite:///{db}"
    from app.cli import ingest
    from app.migrate import upgrade

    upgrade(os.environ["DATABASE_URL"])
    started = time.perf_counter()
    try:
        ingest(paths=[str(folder)], progress=False)
    except SystemExit:
        pass
    except Exception as exc:  # typer.Exit on failures
        if type(exc).__name__ != "Exit":
            raise
    return time.perf_counter() - started, ""


def time_baseline(paths: list[Path]) -> float:
    from dateparser.search import search_dates

    settings = {"RELATIVE_BASE": dt.datetime(2021, 8, 23), "PREFER_DATES_FROM": "past"}
    search_dates("warm up on Friday", languages=["en"], settings=settings)
    started = time.perf_counter()
    for p in paths:
        search_dates(p.read_text(encoding="utf-8"), languages=["en"], settings=settings)
    return time.perf_counter() - started


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=5000)
    ap.add_argument("--baseline-articles", type=int, default=300,
                    help="the baseline is slow; its rate is measured on this many of the same articles")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "corpus"
        folder.mkdir()
        t0 = time.perf_counter()
        paths = make_corpus(folder, args.articles)
        print(f"corpus: {len(paths)} articles, {sum(p.stat().st_size for p in paths) / 1e6:.1f} MB "
              f"(built in {time.perf_counter() - t0:.1f} s)")
        # The machine's speed drifts (a shared VM): half the baseline runs before the
        # ingest and half after, so both sides of the ratio see the same conditions.
        sample = paths[:args.baseline_articles]
        half = len(sample) // 2
        before = time_baseline(sample[:half])
        seconds, _ = time_ingest(folder, Path(tmp) / "bench.db")
        after = time_baseline(sample[half:])
        ours = len(paths) / seconds
        print(f"timeline ingest : {len(paths)} articles in {seconds:.1f} s = {ours:.0f} articles/s")
        base = len(sample) / (before + after)
        print(f"dateparser naive: {len(sample)} articles in {before + after:.1f} s = {base:.1f} articles/s "
              f"({half / before:.1f}/s before the ingest, {(len(sample) - half) / after:.1f}/s after)")
        print(f"ratio           : {ours / base:.1f}x the naive baseline")
    return 0


if __name__ == "__main__":
    sys.exit(main())
