"""Temporal tagger speed on the TimeBank+AQUAINT texts, against dateparser in the same run.

    python benchmarks/temporal.py [../shared/eval/timebank]

Reads each .tml file's TEXT (tags removed, entities decoded, as the scorer feeds
it) and its creation date, then times `find_mentions` over all documents in one
process, and `dateparser.search.search_dates` over the same texts. Prints
documents/second for both and the ratio. Accuracy is scored by
../shared/eval/score_timex.py (`make timex`).
"""

from __future__ import annotations

import datetime as dt
import html
import re
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

TEXT = re.compile(r"<TEXT>(.*?)</TEXT>", re.S)
DCT = re.compile(r'functionInDocument="CREATION_TIME"[^>]*value="(\d{4}-\d{2}-\d{2})|'
                 r'value="(\d{4}-\d{2}-\d{2})[^"]*"[^>]*functionInDocument="CREATION_TIME"')
TAG = re.compile(r"<[^>]+>")


def documents(folder: Path) -> list[tuple[str, dt.date]]:
    docs = []
    for path in sorted(folder.rglob("*.tml")):
        raw = path.read_text(encoding="utf-8")
        body = TEXT.search(raw)
        dct = DCT.search(raw)
        if body and dct:
            docs.append((html.unescape(TAG.sub("", body.group(1))), dt.date.fromisoformat(dct.group(1) or dct.group(2))))
    return docs


def main() -> int:
    folder = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT.parent / "shared" / "eval" / "timebank"
    docs = documents(folder)
    if not docs:
        print(f"no TimeML documents under {folder}")
        return 2
    from app.ingest.temporal import find_mentions

    started = time.perf_counter()
    found = sum(len(find_mentions(text, dct)) for text, dct in docs)
    ours = time.perf_counter() - started
    from dateparser.search import search_dates

    started = time.perf_counter()
    for text, dct in docs:
        search_dates(text, languages=["en"], settings={"RELATIVE_BASE": dt.datetime.combine(dct, dt.time()),
                                                       "PREFER_DATES_FROM": "past"})
    theirs = time.perf_counter() - started
    chars = sum(len(t) for t, _ in docs)
    print(f"documents: {len(docs)} ({chars / 1e6:.2f} M characters), {found} mentions found")
    print(f"find_mentions : {len(docs) / ours:.0f} documents/s ({ours:.2f} s)")
    print(f"dateparser    : {len(docs) / theirs:.1f} documents/s ({theirs:.2f} s)")
    print(f"ratio         : {theirs / ours:.1f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
