"""How the timeline page lays events out: groups by the zoom level, visible breaks over
long empty stretches, and a density overview. Plain functions of the read side's views."""

from __future__ import annotations

import calendar
import datetime as dt
from collections import Counter
from dataclasses import dataclass

from app.ingest.dates import MONTH_NAMES, before_christ
from app.queries import EventView

ZOOMS = ("decade", "year", "month", "day")
# Around a focus date, each zoom shows this many of its units on either side.
WINDOW = {"year": 5, "month": 6, "day": 15}


@dataclass
class Group:
    key: str            # "1970s", "1979", "1979-12", "1979-12-24", or "" for undated
    label: str          # "1970s", "1979", "December 1979", "24 December 1979", "Date unknown"
    events: list[EventView]
    gap_before: str | None = None  # "— 32 years —" when a long empty stretch precedes the group
    space_before: int = 0          # empty units before it, when too few for a break: drawn as space
    zoom_in: str | None = None     # the focus to zoom into this group, if there is a finer level


def _unit(day: str, zoom: str) -> str:
    return {"decade": day[:3] + "0s", "year": day[:4], "month": day[:7], "day": day[:10]}[zoom]


def _label(key: str, zoom: str) -> str:
    year = int(key[:4])
    said = str(year) if year >= 1000 else f"AD {year}"  # "AD 391", not "0391"
    if zoom == "decade":
        return f"{int(key[:3])}0s"
    if zoom == "month":
        return f"{MONTH_NAMES[int(key[5:7]) - 1]} {said}"
    if zoom == "day":
        return f"{int(key[8:10])} {MONTH_NAMES[int(key[5:7]) - 1]} {said}"
    return said


def _distance(a: str, b: str, zoom: str) -> int:
    """How many zoom units lie strictly between two group keys."""
    if zoom == "decade":
        return int(b[:3]) - int(a[:3]) - 1
    if zoom == "year":
        return int(b) - int(a) - 1
    if zoom == "month":
        return (int(b[:4]) * 12 + int(b[5:7])) - (int(a[:4]) * 12 + int(a[5:7])) - 1
    return (dt.date.fromisoformat(b) - dt.date.fromisoformat(a)).days - 1


def _gap_text(units: int, zoom: str) -> str:
    return f"\u2014 {units} {zoom}{'' if units == 1 else 's'} \u2014"


# The group of dates before AD 1: they have no ISO days, so they come with the undated, under a name of their own
BEFORE_CHRIST = "BC"


def group_events(events: list[EventView], zoom: str, min_gap: int = 2) -> list[Group]:
    """Consecutive events grouped by the zoom's unit (by their start), with a break before a
    group when at least `min_gap` empty units separate it from the previous one."""
    groups: list[Group] = []
    finer = ZOOMS[ZOOMS.index(zoom) + 1] if zoom != "day" else None
    for event in events:
        key = _unit(event.start, zoom) if event.start else BEFORE_CHRIST if before_christ(event.edtf) else ""
        if not groups or groups[-1].key != key:
            label = _label(key, zoom) if key and key != BEFORE_CHRIST else "Before AD 1" if key else "Date unknown"
            focus = None
            if key and key != BEFORE_CHRIST and finer:
                focus = key[:4] if zoom == "decade" else key  # decade zooms to its first year
            groups.append(Group(key=key, label=label, events=[], zoom_in=focus))
            if len(groups) > 1 and key and groups[-2].key and BEFORE_CHRIST not in (key, groups[-2].key):
                units = _distance(groups[-2].key, key, zoom)
                if units >= min_gap:
                    groups[-1].gap_before = _gap_text(units, zoom)
                else:
                    groups[-1].space_before = units
        groups[-1].events.append(event)
    return groups


def window(zoom: str, around: str | None) -> tuple[str | None, str | None]:
    """The ISO days a zoom level shows around its focus (None: unbounded)."""
    if not around or zoom not in WINDOW:
        return None, None
    n = WINDOW[zoom]
    year = int(around[:4])
    if zoom == "year":
        return _calendar_day(year - n, 1, 1), _calendar_day(year + n, 12, 31)
    if zoom == "month":
        month = int(around[5:7]) if len(around) >= 7 else 6
        return _calendar_day(*_add_months(year, month, -n), 1), _calendar_day(*_add_months(year, month, n))
    day = dt.date.fromisoformat(around[:10]) if len(around) >= 10 else \
        dt.date(year, int(around[5:7]) if len(around) >= 7 else 7, 1)
    return _days_from(day, -n).isoformat(), _days_from(day, n).isoformat()


def _calendar_day(year: int, month: int, day: int | None = None) -> str:
    """An ISO day (`day` None: the month's last), held inside years 1 to 9999: a window around a
    date near either end of the calendar would reach past it."""
    if year < dt.MINYEAR:
        return dt.date.min.isoformat()
    if year > dt.MAXYEAR:
        return dt.date.max.isoformat()
    return dt.date(year, month, day or calendar.monthrange(year, month)[1]).isoformat()


def _days_from(day: dt.date, days: int) -> dt.date:
    try:
        return day + dt.timedelta(days=days)
    except OverflowError:
        return dt.date.max if days > 0 else dt.date.min


def _add_months(year: int, month: int, k: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + k
    return index // 12, index % 12 + 1


@dataclass
class Bar:
    label: str
    count: int
    x: float
    width: float
    height: float
    href_from: str
    href_to: str


def density(year_counts: dict[int, int], width: float = 640, height: float = 48) -> tuple[list[Bar], str]:
    """Events per decade over the whole span (per year when it is short), as SVG bars."""
    if not year_counts:
        return [], ""
    span = max(year_counts) - min(year_counts)
    per = 10 if span > 60 else 1
    counts: Counter[int] = Counter()
    for year, n in year_counts.items():
        counts[year // per * per] += n
    first, last = min(counts), max(counts)
    slots = (last - first) // per + 1
    top = max(counts.values())
    bar_w = width / slots
    bars = []
    for i in range(slots):
        start = first + i * per
        n = counts.get(start, 0)
        if not n:
            continue
        label = f"{start}s" if per == 10 else str(start)
        bars.append(Bar(label=label, count=n, x=round(i * bar_w, 1), width=round(max(bar_w - 1, 1.0), 1),
                        height=round(max(2.0, height * n / top), 1),
                        href_from=f"{start:04d}", href_to=f"{start + per - 1:04d}"))
    return bars, ("decade" if per == 10 else "year")
