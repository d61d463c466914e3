"""Events in the formats other tools read: CSV, NDJSON, iCalendar, TimelineJS3.

Pure functions of the read side's EventView; the routes stream what they return.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections.abc import Iterable, Iterator
from html import escape

from app.queries import EventView

CSV_COLUMNS = ["id", "date", "date_display", "date_start", "date_end", "granularity", "uncertain", "inferred",
               "needs_review", "title", "summary", "sources", "articles", "source_urls"]


def _cell(value: object) -> object:
    """Spreadsheets run a cell that starts with = + - @ as a formula: article text must not."""
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + value
    return value


def csv_lines(events: Iterable[EventView], base_url: str) -> Iterator[str]:
    """One row per event, its sources joined; UTF-8 with a byte-order mark so Excel reads it right."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    buffer.write("\ufeff")
    writer.writerow(CSV_COLUMNS)
    for e in events:
        writer.writerow([_cell(v) for v in (
            e.id, e.edtf, e.display, e.start or "", e.end or "", e.granularity, e.uncertain, e.inferred,
            e.needs_review, e.title, e.summary, len(e.sources),
            "; ".join(dict.fromkeys(s.article_title for s in e.sources)),
            " ".join(base_url + s.url for s in e.sources))])
        yield buffer.getvalue()
        buffer.seek(0)
        buffer.truncate()


def ndjson_lines(records: Iterable[str]) -> Iterator[str]:
    """One JSON document a line. The records come serialised (as the API serialises them: dates and
    times as ISO strings), so that a line says what /api/events says."""
    for record in records:
        yield record + "\n"


def _ics_text(value: str) -> str:
    return value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\n", "\\n")


def _fold(line: str) -> str:
    """RFC 5545: lines of at most 75 octets, continued with a leading space."""
    out, current = [], b""
    for ch in line:
        encoded = ch.encode()
        if len(current) + len(encoded) > 75:
            out.append(current.decode())
            current = b" "
        current += encoded
    out.append(current.decode())
    return "\r\n".join(out)


def ics_lines(events: Iterable[EventView], base_url: str, now: dt.datetime) -> Iterator[str]:
    """All-day events for the day-precise dates; other dates have no day to put them on."""
    stamp = now.strftime("%Y%m%dT%H%M%SZ")
    yield "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Newsroom Timeline//EN\r\nCALSCALE:GREGORIAN\r\n"
    for e in events:
        if e.granularity != "day" or not e.start or e.start != e.end:
            continue
        day = dt.date.fromisoformat(e.start)
        lines = ["BEGIN:VEVENT", f"UID:event-{e.id}@newsroom-timeline", f"DTSTAMP:{stamp}",
                 f"DTSTART;VALUE=DATE:{day:%Y%m%d}", f"DTEND;VALUE=DATE:{day + dt.timedelta(days=1):%Y%m%d}",
                 f"SUMMARY:{_ics_text(e.title)}", f"DESCRIPTION:{_ics_text(e.summary)}",
                 f"URL:{base_url}/events/{e.id}", "END:VEVENT"]
        yield "".join(_fold(line) + "\r\n" for line in lines)
    yield "END:VCALENDAR\r\n"


def _tl_date(iso: str, granularity: str) -> dict:
    """A TimelineJS date with only the parts the granularity knows."""
    year, month, day = int(iso[:4]), int(iso[5:7]), int(iso[8:10])
    if granularity in ("day",):
        return {"year": year, "month": month, "day": day}
    if granularity in ("month", "week", "season", "quarter"):
        return {"year": year, "month": month}
    return {"year": year}


def timelinejs_document(events: Iterable[EventView], base_url: str, group_by: str, title: str) -> dict:
    """A TimelineJS3 document. Events without a known year are left out: a slide needs one."""
    slides = []
    for e in events:
        if not e.start or not e.end:
            continue
        slide: dict = {"unique_id": f"event-{e.id}", "start_date": _tl_date(e.start, e.granularity),
                       "display_date": e.display,
                       "text": {"headline": escape(e.title), "text": _slide_text(e, base_url)}}
        if e.start != e.end and e.granularity not in ("day", "month", "year", "week", "season", "quarter"):
            slide["end_date"] = _tl_date(e.end, e.granularity)
        if group_by == "article" and e.sources:
            slide["group"] = e.sources[0].article_title
        elif group_by == "era":
            slide["group"] = f"{e.start[:3]}0s"
        slides.append(slide)
    return {"title": {"text": {"headline": escape(title), "text": ""}}, "events": slides}


def _slide_text(e: EventView, base_url: str) -> str:
    quotes = "".join(
        f'<p>&ldquo;{escape(s.paragraph_text[:400])}&rdquo; &mdash; '
        f'<a href="{escape(base_url + s.url)}">{escape(s.article_title)}</a></p>' for s in e.sources[:5])
    return f"<p>{escape(e.summary)}</p>{quotes}"
