"""EDTF values: their calendar bounds, granularity, human display and how two compare.

An event date is an EDTF string (`1979`, `1979-12-24`, `199X`, `1978/1992`,
`XXXX-07-05`, `2021-08-20?`). Bounds come from the `edtf` library; everything
here is cached because a corpus repeats the same few thousand values.
"""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache

import edtf

MONTH_NAMES = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)
WEEKDAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
WEEKDAY_WORD = re.compile(r"\b(" + "|".join(WEEKDAY_NAMES) + r")\b")

UNKNOWN = "XXXX-XX-XX"

_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
_MONTH = re.compile(r"^(\d{4})-(0[1-9]|1[0-2])$")  # 21-24 in that place are seasons
_YEAR = re.compile(r"^(-?\d{4})$")  # EDTF counts years as astronomers do: 0000 is 1 BC, -0047 is 48 BC
_DECADE = re.compile(r"^(\d{3})X$")
_CENTURY = re.compile(r"^(-?\d{2})XX$")
_PARTIAL = re.compile(r"^XXXX-(0[1-9]|1[0-2]|XX)(?:-(\d{2}|XX))?$")
_SEASON = re.compile(r"^(\d{4})-(2[1-4])$")
SEASON_NAMES = {21: "spring", 22: "summer", 23: "autumn", 24: "winter"}


def strip_qualifiers(value: str) -> tuple[str, bool, bool]:
    """Split `2021-08-20?` into (`2021-08-20`, uncertain, approximate)."""
    uncertain = approximate = False
    while value and value[-1] in "?~%":
        q = value[-1]
        uncertain |= q in "?%"
        approximate |= q in "~%"
        value = value[:-1]
    return value, uncertain, approximate


@lru_cache(maxsize=65536)
def bounds(value: str) -> tuple[str | None, str | None]:
    """ISO start and end days of an EDTF value; None where the value leaves them open.

    A value with an unknown year (`XXXX-07-05`) has no bounds: it cannot be
    placed on the calendar until someone knows the year.
    """
    core, _, _ = strip_qualifiers(value)
    if not core or core.startswith("XXXX") or before_christ(core):
        # A year before Christ: the timeline's days run from 1 January of AD 1 (ISO days sort as text)
        return None, None
    if "/" in core:
        left, right = core.split("/", 1)
        start = bounds(left)[0] if left and left != ".." else None
        end = bounds(right)[1] if right and right != ".." else None
        return start, end
    quick = _simple_bounds(core)
    if quick is not None:
        return quick
    try:
        parsed = edtf.parse_edtf(core)
        lo, hi = parsed.lower_strict(), parsed.upper_strict()
    except Exception:  # any value the parser rejects simply has no bounds
        return None, None
    return _iso(lo), _iso(hi)


def _simple_bounds(core: str) -> tuple[str, str] | None:
    """Bounds of the forms news dates nearly always take, without a full EDTF parse.

    The `edtf` parser costs ~20 ms a value; a corpus has tens of thousands of
    distinct days. Anything not handled here goes to the parser.
    """
    try:
        if m := _DAY.match(core):
            dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
            return core, core
        if m := _MONTH.match(core):
            y, mo = int(m.group(1)), int(m.group(2))
            first = dt.date(y, mo, 1)
            last = (dt.date(y + (mo == 12), mo % 12 + 1, 1) - dt.timedelta(days=1))
            return first.isoformat(), last.isoformat()
    except ValueError:
        return None
    if _YEAR.match(core):
        return f"{core}-01-01", f"{core}-12-31"
    if m := _DECADE.match(core):
        return f"{m.group(1)}0-01-01", f"{m.group(1)}9-12-31"
    if m := _CENTURY.match(core):
        return f"{m.group(1)}00-01-01", f"{m.group(1)}99-12-31"
    return None


def _iso(t) -> str | None:
    try:
        return dt.date(t.tm_year, t.tm_mon, t.tm_mday).isoformat()
    except (ValueError, AttributeError, OverflowError):
        return None


@lru_cache(maxsize=65536)
def granularity(value: str) -> str:
    core, _, _ = strip_qualifiers(value)
    if "/" in core:
        return "range"
    if _DAY.match(core):
        return "day"
    if _MONTH.match(core):
        return "month"
    if _YEAR.match(core):
        return "year"
    if _DECADE.match(core):
        return "decade"
    if _CENTURY.match(core):
        return "century"
    if _SEASON.match(core):
        return "season"
    m = _PARTIAL.match(core)
    if m:
        if m.group(1) == "XX":
            return "unknown"
        return "day" if m.group(2) and m.group(2) != "XX" else "month"
    return "unknown"


# Lower is more precise; used to keep the most precise date when sources merge.
PRECISION = {"day": 0, "week": 1, "month": 2, "season": 3, "year": 4, "range": 5,
             "decade": 6, "century": 7, "unknown": 9}


def precision_rank(value: str) -> tuple[int, int]:
    """Sort key: more precise first; a known year beats an unknown one."""
    core, uncertain, _ = strip_qualifiers(value)
    known_year = 0 if not core.startswith("XXXX") else 1
    g = granularity(value)
    if g == "range":
        start, end = bounds(value)
        if start and end:
            span = (dt.date.fromisoformat(end) - dt.date.fromisoformat(start)).days
            g = "day" if span < 1 else "week" if span < 8 else "month" if span < 32 else "range"
    return (known_year * 10 + PRECISION[g], int(uncertain))


def _day_display(iso: str) -> str:
    d = dt.date.fromisoformat(iso)
    return f"{d.day} {MONTH_NAMES[d.month - 1]} {d.year}"


@lru_cache(maxsize=65536)
def display(value: str) -> str:
    """A date as a reader says it: `24 December 1979`, `August 2021`, `1990s`, `1978–1992`."""
    if not value:
        return "date unknown"
    core, uncertain, approximate = strip_qualifiers(value)
    text = _display_core(core)
    if approximate:
        text = f"c. {text}"
    if uncertain:
        text = f"{text}?"
    return text


def _display_core(core: str) -> str:
    if "/" in core:
        left, right = core.split("/", 1)
        if not left or left == "..":
            return f"{_display_core(right)} or earlier"
        if not right or right == "..":
            return f"{_display_core(left)} or later"
        if _YEAR.match(left) and _YEAR.match(right):
            return f"{_display_core(left)}\u2013{_display_core(right)}"
        if _DAY.match(left) and _DAY.match(right) and left[:7] == right[:7]:
            d1, d2 = dt.date.fromisoformat(left), dt.date.fromisoformat(right)
            return f"{d1.day}\u2013{d2.day} {MONTH_NAMES[d1.month - 1]} {d1.year}"
        if (a := _MONTH.match(left)) and (b := _MONTH.match(right)) and a.group(1) == b.group(1):
            return f"{MONTH_NAMES[int(a.group(2)) - 1]}\u2013{MONTH_NAMES[int(b.group(2)) - 1]} {a.group(1)}"
        return f"{_display_core(left)} \u2013 {_display_core(right)}"
    if m := _DAY.match(core):
        try:
            return _day_display(core)
        except ValueError:
            return core
    if m := _MONTH.match(core):
        return f"{MONTH_NAMES[int(m.group(2)) - 1]} {m.group(1)}"
    if _YEAR.match(core):
        year = int(core)
        return f"{1 - year} BC" if year < 1 else f"AD {year}" if year < 1000 else core
    if m := _DECADE.match(core):
        return f"{m.group(1)}0s"
    if m := _CENTURY.match(core):
        before_christ = m.group(1).startswith("-")
        n = abs(int(m.group(1))) + 1
        suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
        return f"{n}{suffix} century" + (" BC" if before_christ else "")
    if m := _SEASON.match(core):
        return f"{SEASON_NAMES[int(m.group(2))]} {m.group(1)}"
    if m := _PARTIAL.match(core):
        month, day = m.group(1), m.group(2)
        if month == "XX":
            return "date unknown"
        if day and day != "XX":
            return f"{int(day)} {MONTH_NAMES[int(month) - 1]} (year unknown)"
        return f"{MONTH_NAMES[int(month) - 1]} (year unknown)"
    return core


@lru_cache(maxsize=262144)
def compatible(a: str, b: str) -> bool:
    """Could two date values describe the same moment?

    True when one contains the other (`1979` and `1979-12-24`), or when an
    unknown year is all that separates them (`XXXX-08-15` and `2021-08-15`).
    Two fully unknown dates are not evidence of anything, so they are not
    compatible.
    """
    ca, _, _ = strip_qualifiers(a)
    cb, _, _ = strip_qualifiers(b)
    if ca == UNKNOWN or cb == UNKNOWN:
        return False
    if ca.startswith("XXXX") or cb.startswith("XXXX"):
        return _partial_matches(ca, cb)
    sa, ea = bounds(ca)
    sb, eb = bounds(cb)
    if None in (sa, ea, sb, eb):
        return ca == cb
    inside_a = sa <= sb and eb <= ea
    inside_b = sb <= sa and ea <= eb
    return inside_a or inside_b


def _partial_matches(a: str, b: str) -> bool:
    """`XXXX-08-15` matches any date whose month and day agree with it."""
    pa, pb = a.split("-"), b.split("-")
    if "/" in a or "/" in b or len(pa) != len(pb):
        return False
    return all(x == y or "X" in x or "X" in y for x, y in zip(pa, pb))


def before_christ(value: str) -> bool:
    """A date before AD 1 (`-0047`, 48 BC; `-02XX`, the third century BC; `0000`, 1 BC)."""
    core, _, _ = strip_qualifiers(value)
    return core.startswith(("-", "0000"))


def year_of(value: str) -> int | None:
    core, _, _ = strip_qualifiers(value)
    return int(core[:4]) if core[:4].isdigit() else None


class DateInputError(ValueError):
    """What an editor typed is not a date this timeline can show; the message says why."""


_APPROX = re.compile(r"^(?:c\.|ca\.|circa|about|around|approximately|approx\.)\s*", re.I)
_BEFORE = re.compile(r"^(?:before|until|by)\s+", re.I)
_AFTER = re.compile(r"^(?:after|since)\s+", re.I)
_DECADE_WORDS = re.compile(r"^(?:the\s+)?(\d{3})0'?s$", re.I)
_CENTURY_WORDS = re.compile(r"^(?:the\s+)?(\d{1,2})(?:st|nd|rd|th)\s+century$", re.I)
_FILLER = re.compile(r"[\s,.;:]*(?:(?:on|in|the|of|at)\b[\s,.;:]*)*", re.I)  # all a date may leave around it
_RANGE_WORDS = re.compile(r"^(?:from\s+|between\s+)?(.+?)\s*(?:\s(?:to|until|and|through)\s|[-\u2013\u2014]|/)\s*(.+)$", re.I)


def parse_date_input(text: str) -> str:
    """An editor's free-text date as EDTF: `24 Dec 1979`, `1979`, `the 1990s`, `1978-1992`, `c. 1980`,
    `before 2001`, `2021-08-20?` or any EDTF value. Raises DateInputError saying what is wrong.

    Nothing is filled from the clock: a date that does not name its year is refused, since
    an editor's date is meant to be the settled one."""
    raw = " ".join(text.split())
    if not raw:
        raise DateInputError("type a date, e.g. 24 Dec 1979, 1979, the 1990s, 1978-1992, c. 1980 or before 2001")
    if len(raw) > 100:
        raise DateInputError("that is too long to be a date")
    if _edtf_ok(raw):
        return raw
    value, uncertain = raw, False
    if value.endswith("?"):
        value, uncertain = value[:-1].rstrip(), True
    approximate = bool(_APPROX.match(value))
    value = _APPROX.sub("", value)
    if m := _BEFORE.match(value):
        edge = _single(value[m.end():])
        result = f"../{_step(edge, -1)}"
    elif m := _AFTER.match(value):
        edge = _single(value[m.end():])
        result = f"{_step(edge, +1)}/.."
    else:
        result = _range_or_single(value)
    if approximate and "/" not in result:
        result += "~"
    if uncertain:
        result += "?"
    return result


def _edtf_ok(value: str) -> bool:
    """A value EDTF accepts and this timeline can place (or knowingly cannot: `XXXX-07-05`)."""
    if not re.fullmatch(r"[0-9X?~%./\-]+", value) or not re.search(r"\d|X", value):
        return False
    core, _, _ = strip_qualifiers(value)
    if granularity(value) != "unknown" and not core.startswith("XXXX"):
        start, end = bounds(value)
        if "/" in core:
            return (start is not None or core.startswith("..")) and (end is not None or core.endswith("..")) \
                and (start is None or end is None or start <= end)
        return start is not None
    if _PARTIAL.match(core):
        return True
    try:
        edtf.parse_edtf(value)
    except Exception:
        return False
    return bounds(value) != (None, None)


def _range_or_single(value: str) -> str:
    m = _RANGE_WORDS.match(value)
    if m and not re.fullmatch(r"\d{4}-\d{2}(-\d{2})?", value):
        try:
            left, right = _single(m.group(1)), _single(m.group(2))
        except DateInputError:
            pass
        else:
            start, end = bounds(left)[0], bounds(right)[1]
            if start is None or end is None:
                raise DateInputError("each end of a range needs its year, e.g. 1978-1992 or March 1979 to June 1980")
            if start > end:
                raise DateInputError(f"the range ends ({display(right)}) before it starts ({display(left)})")
            return f"{left}/{right}"
    return _single(value)


def _single(value: str) -> str:
    value = value.strip().strip(",.")
    if m := _DECADE_WORDS.match(value):
        return f"{m.group(1)}X"
    if m := _CENTURY_WORDS.match(value):
        return f"{int(m.group(1)) - 1:02d}XX"
    if _edtf_ok(value) and "/" not in value:
        return value
    from app.ingest.temporal import find_mentions  # the tagger reads "24 Dec 1979" as the timeline does

    covering = [m for m in find_mentions(value) if m.edtf and _FILLER.fullmatch(value[:m.start] + " " + value[m.end:])]
    if not covering:
        raise DateInputError(f"“{value}” is not a date I can read; try 24 Dec 1979, 1979-12-24 or 1979")
    found = covering[0].edtf
    if found.startswith("X") or covering[0].relative:
        raise DateInputError(f"“{value}” does not say which year; give the full date, e.g. 4 October 2024")
    return found


def _step(value: str, direction: int) -> str:
    """The unit just before (or after) a date, at its own precision: before 2001 is 2000 or earlier."""
    try:
        stepped = _stepped(value, direction)
    except OverflowError:
        stepped = ""
    if not re.fullmatch(r"(?!0000)\d{4}(?:-\d\d){0,2}", stepped):  # past year 1 or 9999
        raise DateInputError(f"the calendar has nothing {'before' if direction < 0 else 'after'} {value}")
    return stepped


def _stepped(value: str, direction: int) -> str:
    core, _, _ = strip_qualifiers(value)
    if m := _DAY.match(core):
        return (dt.date.fromisoformat(core) + dt.timedelta(days=direction)).isoformat()
    if m := _MONTH.match(core):
        y, mo = int(m.group(1)), int(m.group(2)) + direction
        y, mo = (y - 1, 12) if mo == 0 else (y + 1, 1) if mo == 13 else (y, mo)
        return f"{y:04d}-{mo:02d}"
    if _YEAR.match(core):
        return f"{int(core) + direction:04d}"
    start, end = bounds(core)
    if start is None or end is None:
        raise DateInputError(f"cannot say what comes before or after {value}")
    edge = dt.date.fromisoformat(start if direction < 0 else end) + dt.timedelta(days=direction)
    return edge.isoformat()
