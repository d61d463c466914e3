"""Command-line adapter for the temporal tagger, in the TempEval-3 extractor contract.

    python -m app.temporal --dct 1998-03-01 --json < text.txt

prints `[{"start", "end", "text", "value", "type"}, ...]` with TIMEX3 values,
so that `../shared/eval/score_timex.py` can score the tagger the timeline uses.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import re
import sys

from app.ingest.temporal import find_mentions
from app.ingest.types import Anchor

_YEARS = re.compile(r"1[0-9]\d\d|20\d\d|\d\d")
_DAY_RANGE_PARTS = re.compile(r"(.*?\d+)(?:st|nd|rd|th)?\s*(?:[-\u2013\u2014]|\b(?:to|through|until|till)\b)\s*(\D*\d.*)",
                              re.DOTALL)


def timex_items(text: str, anchor: Anchor) -> list[dict]:
    """Mentions as TIMEX3 items; a range of years or days is annotated by TimeML as two dates."""
    items = []
    for m in find_mentions(text, anchor):
        if m.granularity == "range" and m.edtf and "/" in m.edtf:
            years = list(_YEARS.finditer(m.text))
            if len(years) == 2 and "-" not in m.edtf:
                first, last = m.edtf.split("/")
                for part, value in zip(years, (first, last)):
                    s = m.start + part.start()
                    items.append({"start": s, "end": m.start + part.end(),
                                  "text": text[s:m.start + part.end()], "value": value, "type": "DATE"})
                continue
            parts = _DAY_RANGE_PARTS.fullmatch(m.text)
            if parts:  # "Aug. 15-16": TimeML marks each day
                for (begin, end), value in zip((parts.span(1), parts.span(2)), m.edtf.split("/")):
                    items.append({"start": m.start + begin, "end": m.start + end, "text": m.text[begin:end],
                                  "value": value, "type": "DATE"})
                continue
        items.append({"start": m.start, "end": m.end, "text": m.text, "value": m.value, "type": m.type})
    return items


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dct", help="document creation time, YYYY-MM-DD[Thh:mm]")
    parser.add_argument("--json", action="store_true", help="print JSON (the only format)")
    args = parser.parse_args(argv)
    anchor = Anchor(date=dt.date.fromisoformat(args.dct[:10])) if args.dct else Anchor()
    text = sys.stdin.read()
    json.dump(timex_items(text, anchor), sys.stdout, ensure_ascii=False)
    sys.stdout.write("\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
