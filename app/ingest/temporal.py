"""Find temporal expressions in English news text and normalise them.

`find_mentions(text, anchor)` returns every date, time, duration and set with
character offsets, a TIMEX3 value (what TimeML annotates) and, where the
expression places something on the calendar, an EDTF value.

Design: a small grammar of date parts (months, weekdays, day numbers, years,
units, number words) compiled into one alternation of patterns, most specific
first; each pattern has a normaliser. Candidate detection is deliberately
precise (capitalised month names, years only where they can be years, no bare
clock readings), because a false date on a timeline is worse than a missed one.

Relative expressions are resolved against the anchor (the publication date).
Nothing is ever taken from the machine's clock: without an anchor, a weekday
stays `XXXX-XX-XX` and a month-and-day keeps an unknown year (`XXXX-07-05`).
"""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_left
from collections.abc import Callable
from dataclasses import dataclass, replace
from functools import lru_cache

from dateutil.easter import easter

from .dates import MONTH_NAMES, UNKNOWN, WEEKDAY_NAMES, WEEKDAY_WORD
from .types import UNKNOWN_ANCHOR, Anchor, Mention

# --- vocabulary --------------------------------------------------------------

_MONTH_FORMS: dict[str, int] = {}
for _i, _name in enumerate(MONTH_NAMES, start=1):
    for _form in {_name, _name[:3], "Sept" if _i == 9 else _name[:3]}:
        _MONTH_FORMS[_form] = _i
        _MONTH_FORMS[_form.upper()] = _i

_MONTH_ALTERNATIVES = "|".join(sorted((re.escape(f) for f in _MONTH_FORMS), key=len, reverse=True))
MONTH = r"(?P<{g}>" + _MONTH_ALTERNATIVES + r")(?:\.|(?![A-Za-z]))"
# A month's name as other stages look for it ("March", "Sept.", "Aug"), the tagger's own forms, in no group
MONTH_WORD = r"(?:" + _MONTH_ALTERNATIVES + r")(?:\.|(?![A-Za-z]))"

_WEEKDAY_FORMS: dict[str, int] = {}
for _i, _name in enumerate(WEEKDAY_NAMES):
    for _form in {_name, _name[:3] + ".", _name[:4] + "." if _name[:4] in ("Tues", "Thur") else _name[:3] + "."}:
        _WEEKDAY_FORMS[_form] = _i
    _WEEKDAY_FORMS[_name.upper()] = _i
_WEEKDAY_FORMS["Thurs."] = 3

WEEKDAY = (
    r"(?P<{g}>"
    + "|".join(sorted((re.escape(f) for f in _WEEKDAY_FORMS), key=len, reverse=True))
    + r")(?![A-Za-z])"
)

DAY = r"(?P<{g}>[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?(?!\d|:\d)"

# Years as they are spoken (broadcast transcripts): "nineteen ninety-six", "eighteen hundred",
# "nineteen oh five", "two thousand and one".
_ONES = "one|two|three|four|five|six|seven|eight|nine"
_TEENS = "ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen"
_TENS = "twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
# "twelve fifteen" is a clock time more often than a year: spoken years start at fifteen hundred.
SPOKEN_CENTURIES = {"fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19}
SPOKEN_YEAR = (
    r"(?i:(?:" + "|".join(SPOKEN_CENTURIES) + r")[ \t-]+(?:(?:" + _TENS + r")(?:[ \t-]+(?:" + _ONES + r"))?|"
    + _TEENS + r"|hundred|o[h']?[ \t-]+(?:" + _ONES + r"))"
    r"|two[ \t]+thousand(?:[ \t]+(?:and[ \t]+)?(?:twenty(?:[ \t-]+(?:" + _ONES + r"))?|" + _TEENS + r"|" + _ONES
    + r"))?)(?![A-Za-z])")
SPOKEN_DECADES = {"tens": 1, "twenties": 2, "thirties": 3, "forties": 4, "fifties": 5, "sixties": 6, "seventies": 7,
                  "eighties": 8, "nineties": 9}
YEAR = r"(?P<{g}>1[0-9]\d\d|20\d\d|" + SPOKEN_YEAR + r")(?![\d,]\d|\d|%)"

NUMBER_WORDS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
    "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17,
    "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40,
    "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
    "hundred": 100, "a dozen": 12, "dozen": 12, "a couple of": 2, "a couple": 2,
    "couple of": 2, "half a": 0.5, "half an": 0.5, "a half": 0.5,
}
VAGUE_NUMBERS = ("several", "a few", "few", "many", "some", "numerous", "the next few",
                 "the past few", "the last few", "recent", "coming")
_NUM_WORD = "|".join(sorted((re.escape(w) for w in NUMBER_WORDS), key=len, reverse=True))
_VAGUE = "|".join(sorted((re.escape(w) for w in VAGUE_NUMBERS), key=len, reverse=True))
_FRACTION = r"(?:[ \t]+(?:1/2|1/4|3/4)|[ \t]*[\u00bd\u00bc\u00be]|[ \t]+and[ \t]+a[ \t]+(?:half|quarter))"
_AND_A_HALF = r"[ \t]+(?i:and[ \t]+a[ \t]+half)"  # after the unit: "an hour and a half"
NUMBER = (
    r"(?P<{g}>(?:\d{{1,3}}(?:\.\d)?|(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)[ \t-](?:one|two|three|four|five|six|seven|eight|nine)(?![A-Za-z])"
    r"|" + _NUM_WORD + r")" + _FRACTION + r"?|" + _VAGUE + r")"
)
FRACTIONS = {"1/2": 0.5, "1/4": 0.25, "3/4": 0.75, "\u00bd": 0.5, "\u00bc": 0.25, "\u00be": 0.75,
             "and a half": 0.5, "and a quarter": 0.25}

UNITS = {
    "second": ("S", True), "minute": ("M", True), "hour": ("H", True),
    "day": ("D", False), "week": ("W", False), "month": ("M", False),
    "year": ("Y", False), "decade": ("DE", False), "century": ("CE", False),
    "centurie": ("CE", False), "quarter": ("Q", False), "weekend": ("WE", False),
}
UNIT = r"(?P<{g}>second|minute|hour|day|week|fortnight|month|year|decade|centur(?:y|ie)|quarter)"

SEASONS = {"spring": ("SP", 21), "summer": ("SU", 22), "autumn": ("FA", 23),
           "fall": ("FA", 23), "winter": ("WI", 24)}
QUARTER_WORDS = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3,
                 "fourth": 4, "4th": 4}
ORDINAL_WORDS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6,
                 "seventh": 7, "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11,
                 "twelfth": 12, "thirteenth": 13, "fourteenth": 14, "fifteenth": 15,
                 "sixteenth": 16, "seventeenth": 17, "eighteenth": 18, "nineteenth": 19,
                 "twentieth": 20, "twenty-first": 21}

# Fixed-date holidays only: a movable feast needs a calendar computation per year.
HOLIDAYS = {
    "christmas eve": (12, 24), "christmas day": (12, 25), "christmas": (12, 25),
    "new year's eve": (12, 31), "new year's day": (1, 1), "halloween": (10, 31),
    "valentine's day": (2, 14), "independence day": (7, 4), "bastille day": (7, 14),
    "boxing day": (12, 26), "armistice day": (11, 11), "veterans day": (11, 11),
    "veterans' day": (11, 11), "may day": (5, 1), "st. patrick's day": (3, 17),
    "guy fawkes night": (11, 5), "remembrance day": (11, 11),
}
# Movable holidays: (month, weekday, which one: 1st, 2nd... or -1 for the last, days after it).
MOVABLE_HOLIDAYS = {
    "thanksgiving day": (11, 3, 4, 0), "thanksgiving": (11, 3, 4, 0), "labor day": (9, 0, 1, 0),
    "memorial day": (5, 0, -1, 0), "martin luther king day": (1, 0, 3, 0), "mother's day": (5, 6, 2, 0),
    "father's day": (6, 6, 3, 0),
    "election day": (11, 0, 1, 1),  # American: the Tuesday after the first Monday in November
}
# The feasts that follow Easter: days after (or before) Easter Sunday; a week is the one Easter ends.
EASTER_FEASTS = {
    "easter sunday": 0, "easter day": 0, "easter": 0, "easter monday": 1, "good friday": -2,
    "maundy thursday": -3, "holy saturday": -1, "palm sunday": -7, "ash wednesday": -46,
    "pentecost": 49, "whit sunday": 49, "easter week": "week", "holy week": "week",
}
_HOLIDAY = "|".join(
    sorted((re.escape(h).replace("'", "['\u2019]").replace(r"\ ", r"\s+")
            for h in [*HOLIDAYS, *MOVABLE_HOLIDAYS, *EASTER_FEASTS]),
           key=len, reverse=True))

PARTS_OF_DAY = {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI"}

# Words that, shortly before a weekday or month, say the sentence looks ahead.
FUTURE_CUE = re.compile(
    r"\b(?:will|would|shall|'ll|is to|are to|plans? to|planning to|planned|scheduled|expected to|(?:is|are) expected|set to|"
    r"(?:is|are) due|going to|to be held|upcoming|later|as soon as|as early as|effective|payable|intends? to|"
    r"until|till|must|needs? to|has to|have to|(?:runs|lasts|continues|stays|remains|extends) (?:through|to|into)|"
    r"(?:takes?|take) effect|(?:comes?|goes?) into (?:force|effect)|(?:is|are) (?:forecast|predicted|projected)|"
    r"(?:is|are) set for|(?:is|are) (?:possible|likely)|[Aa]head of|in (?:place|force|effect)(?: [\w-]+){0,6} from|"
    r"(?:expect|expects|anticipate|anticipates|predict|predicts)|"
    r"(?:ends|expires|begins|starts|opens|closes|resumes|kicks off)(?: on| in| at)?|"
    # a possibility is a future one ("could make his debut on Saturday", "a 60% chance of a cut in June"), but
    # "could not be reached on Friday", "could be located Wednesday" and "may have left on Tuesday" are past
    r"(?:could|might|may)(?! (?:not|never|have|n't|also have|be (?:reached|located|found|contacted|confirmed|verified|"
    r"identified|seen|heard))\b)|chances? of|odds of|likelihood of|probability of|"
    # a fixture in the present tense: "United host Forest at 8pm on Saturday", "Villa travel to Burnley"
    r"(?:host|hosts|travel to|travels to|take on|takes on|face|faces)(?! (?:a|an|the|charges?|questions?|criticism|calls|"
    r"pressure|scrutiny)\b)|"
    # a date set in the present tense: "Argentines vote on Sunday", "The Fed meets on Wednesday", "Santos
    # appears in court on Friday"; not a noun ("held a vote on Sunday", "the meeting on Monday")
    + "".join(rf"(?<!\b{word} )(?<!\b{word.capitalize()} )" for word in (
        "a", "an", "the", "its", "his", "her", "their", "this", "that", "no", "key", "final", "snap", "first",
        "second", "to")) +  # ("difficult for Sun to meet demand well into the summer": an infinitive, no schedule)
    r"(?-i:vote|votes|meet|meets|takes place|take place|goes to the polls|go to the polls|head to the polls|heads to the polls|"
    r"testify|testifies|appears? (?:in|at|before)|stands? trial)(?! (?:was|were|had|took)\b)|"
    # "The central bank's next policy meeting is Jan. 30-31"
    r"next(?: [\w-]+){0,2} (?:meeting|session|sitting|election|vote|hearing|round|summit|match|game|race|launch|"
    r"deadline|review|decision|report|release|update|fixture|auction|budget|conference|congress|debate)s?)\b")

# A bare year is a date only when the words around it make it one.
YEAR_LEFT_CUE = re.compile(
    r"(?:\b(?:in|since|by|from|until|till|before|after|during|of|to|through|around|circa|"
    r"c\.|early|late|mid|fiscal|year|years|summer|winter|spring|autumn|fall|the|and|or|"
    r"between|than|for|as of|at|end|start|beginning|on|'s|\u2019s)\s*|[(\[,;:\u2013\u2014-]\s*)$",
    re.I)
NOT_A_YEAR_AFTER = re.compile(
    r"^\s*(?:%|percent|per\s?cent|people|persons|troops|soldiers|ships|km|kilomet|mile|metre|meter|"
    r"feet|foot|tons?|tonnes?|dollars|euros|pounds|yuan|rubles|roubles|votes|cases|deaths|"
    r"units|shares|barrels|acres|hectares|pages|words|points|jobs|members|seats|students|"
    r"workers|employees|residents|children|men|women|refugees|homes|houses|vehicles|cars|"
    # any other plural noun ("2,000 rifles"), but not a verb ("in 2000 was", "in 1991 has") or a name ("Charles")
    r"(?!(?:has|was|is|does|says|seems|remains|marks|means|sees|looks|brings|begins|ends|comes|goes|"
    r"shows|suggests|reveals|finds|indicates|confirms|proves|explains|appears|continues|stands|represents|"
    r"onwards|afterwards|towards|forwards|backwards|as|thus|was|has|is)\b)"
    r"(?-i:[a-z]+s)\b(?!\s+(?:war|election|olympics|games|cup|census)))",
    re.I)


# --- the grammar ---------------------------------------------------------------


def _pat(template: str, **names: str) -> str:
    parts = {k: v.format(g=names[k]) for k, v in (
        ("MONTH", MONTH), ("MONTH2", MONTH), ("WEEKDAY", WEEKDAY), ("DAY", DAY), ("DAY2", DAY), ("DAY3", DAY),
        ("YEAR", YEAR), ("YEAR2", YEAR), ("NUMBER", NUMBER), ("UNIT", UNIT)) if k in names}
    return template.format(**parts)


S = r"[ \t\u00a0]+"  # a space inside an expression, never a line break
OPT_COMMA = r",?[ \t\u00a0]*"
# "30 July last year", "March of last year", "Tuesday last week": the year or week a date is in
_UNIT_AFTER = S + r"(?:(?i:of)" + S + r")?(?P<{g}>(?i:last|this|next))" + S + r"(?i:{unit})(?![A-Za-z'\u2019-])"

_ERA = r"B\.C\.E\.|B\.C\.|BCE|BC|A\.D\.|AD|C\.E\.|CE"  # upper case: "ad" and "ce" are words
_DAY_TO = r"(?:[ \t]*[-\u2013\u2014][ \t]*|" + S + r"(?i:to|through|until|till)" + S + r")"
# what may follow the last day of a span: not a clock time, a share or a count ("March 3 to 5 p.m.", "3-5 people")
_DAY_RANGE_END = r"(?![ \t]*(?:[:.,]?\d|%|(?i:a\.?m\b|p\.?m\b|per\b|percent|people|points)))"
# A clock's zone: "15:20 GMT", "7 a.m. Central time", "00:20 Japan time"
ZONE = (r"(?:GMT|UTC|BST|CET|CEST|EDT|EST|ET|CDT|CST|CT|MDT|MST|MT|PDT|PST|PT|IST|JST|AEST|AEDT|MSK|local time|"
        r"(?:Japan|Eastern|Central|Pacific|Mountain|Moscow|Beijing|Kyiv|Paris|London|Tokyo|Delhi|Gaza|Israel) time)\b")

PATTERNS: list[tuple[str, str]] = [
    # "48 BC", "2,500 BCE", "AD 391", "1066 AD": a year of an era (before a bare year reads "1200" of "1200 BC")
    ("era_year", r"(?:(?P<erafirst>A\.?D\.?)" + S + r"(?P<eyfirst>[1-9]\d{0,3})(?!\d|,\d)|(?P<ey>[1-9]\d{0,3}|[1-9],\d{3})"
                 + S + r"(?P<era>" + _ERA + r"))(?![A-Za-z])"),
    ("iso", r"(?<![\d-])(?P<iy>\d{4})-(?P<im>0[1-9]|1[0-2])-(?P<id>0[1-9]|[12]\d|3[01])"
            r"(?:[T ](?P<ih>[01]\d|2[0-3]):(?P<imin>[0-5]\d)(?::[0-5]\d(?:\.\d+)?)?(?:Z|[+-]\d\d:?\d\d)?)?(?![\d])"),
    ("numeric", r"(?<![\d/.-])(?P<nm>0?[1-9]|[12]\d|3[01])(?:(?P<sep>[/-])(?P<nd>0?[1-9]|[12]\d|3[01])(?P=sep)(?P<ny>\d{4}|\d{2})"
                r"|\.(?P<ndot>0?[1-9]|1[0-2])\.(?P<nydot>\d{4}))"
                r"(?:[ \t]+(?P<nh>[01]\d|2[0-3]):?(?P<nmin>[0-5]\d)(?::[0-5]\d)?)?(?![\d/])"),
    ("compact", r"(?<!\d)(?P<cy>19\d\d|20\d\d)(?P<cm>0[1-9]|1[0-2])(?P<cd>0[1-9]|[12]\d|3[01])(?!\d)"),
    # "the first Monday in October", "the last Thursday of November 2023": one day of the month
    ("nth_weekday", _pat(r"(?i:(?:the" + S + r")?(?P<nwn>first|second|third|fourth|fifth|last|1st|2nd|3rd|4th|5th))" + S
                         + r"(?:{WEEKDAY}|(?P<nwe>(?i:weekend)))" + S + r"(?i:in|of)" + S + r"{MONTH}(?:" + OPT_COMMA
                         + r"{YEAR})?",
                         WEEKDAY="nwd", MONTH="nwm", YEAR="nwy")),
    ("holiday", r"(?i:(?:(?P<hrel>last|next|this)" + S + r")?(?P<hol>" + _HOLIDAY + r"))(?:" + OPT_COMMA + r"(?:(?:in|of)" + S + r")?"
                + YEAR.format(g="hy") + r")?"),
    # "Aug. 15-16", "March 3 to 5, 2021", "Aug. 30-Sept. 2", "15-16 August": a span of days
    # "2 and 3 May", "May 2 and 3," (days joined by "and" read as the span they cover; a month-first one
    # only before punctuation, so "May 2 and 3 soldiers" stays a day and a count)
    ("day_range", _pat(r"{MONTH}" + S + r"{DAY}(?:" + _DAY_TO + r"(?:{MONTH2}" + S + r")?{DAY2}" + _DAY_RANGE_END
                       + r"|" + S + r"(?i:and)" + S + r"{DAY3}(?![\d])(?=[ \t]*(?:[,.;:)]|$)))"
                       + r"(?:" + OPT_COMMA + r"{YEAR})?", MONTH="rm1", DAY="rd1", MONTH2="rm2", DAY2="rd2", DAY3="rd3",
                       YEAR="ryr")
                  + "|" + _pat(r"{DAY}(?:" + S + r"{MONTH2})?(?:" + _DAY_TO + r"|" + S + r"(?i:and)" + S + r"){DAY2}" + S
                               + r"(?:of" + S + r")?{MONTH}(?:" + OPT_COMMA + r"{YEAR})?", DAY="rdd1", MONTH2="rdm1",
                               DAY2="rdd2", MONTH="rdm", YEAR="rdy")),
    ("mdy", _pat(r"(?:{WEEKDAY}" + OPT_COMMA + r")?{MONTH}" + S + r"(?:the" + S + r")?{DAY}(?:"
                 + OPT_COMMA + r"{YEAR}|" + _UNIT_AFTER.format(g="myrel", unit="year") + r")?",
                 WEEKDAY="mw", MONTH="mm", DAY="md", YEAR="my")),
    ("dmy", _pat(r"(?:{WEEKDAY}" + OPT_COMMA + r")?(?:the" + S + r")?{DAY}" + S + r"(?:of" + S + r")?{MONTH}(?:"
                 + OPT_COMMA + r"{YEAR}|" + _UNIT_AFTER.format(g="dyrel", unit="year") + r")?",
                 WEEKDAY="dw", DAY="dd", MONTH="dm", YEAR="dy")),
    ("day_of_month", r"(?i:(?:the" + S + r")?" + DAY.format(g="dmd") + S + r"of" + S
                      + r"(?P<dmrel>this|last|next)" + S + r"month)(?![A-Za-z])"),
    ("month_week", _pat(r"(?i:the" + S + r"(?P<mwn>first|second|third|fourth|last|final)" + S + r"week" + S + r"of)" + S
                        + r"{MONTH}(?:" + OPT_COMMA + r"{YEAR})?", MONTH="mwm", YEAR="mwy")),
    ("week_of_day", _pat(r"(?i:the" + S + r"week" + S + r"of)" + S + r"{MONTH}" + S + r"{DAY}(?:" + OPT_COMMA
                         + r"{YEAR})?", MONTH="wom", DAY="wod", YEAR="woy")),
    ("month_year", _pat(r"(?i:(?P<mymod>early|mid|late|the end of|the beginning of|the start of|the middle of)[ \t-]+)?"
                        r"{MONTH}" + OPT_COMMA + r"(?:of" + S + r")?{YEAR}", MONTH="yym", YEAR="yyy")),
    ("decade", r"(?i:(?P<decmod>the" + S + r"(?:early|mid|late)[ \t-]*|the" + S + r"|early[ \t-]*|mid[ \t-]*|late[ \t-]*))?"
               r"(?:(?P<dec4>1\d\d0|20\d0)|['\u2019](?P<dec2>\d0))['\u2019]?s(?![A-Za-z])"),
    ("spoken_decade", r"(?i:(?P<sdmod>the(?:" + S + r"(?:early|mid|late))?[ \t-]+|(?:early|mid|late)[ \t-]+)"
                      r"(?:(?P<sdcen>" + "|".join(SPOKEN_CENTURIES) + r"|two[ \t]+thousand)[ \t-]+)?"
                      r"(?P<sdec>" + "|".join(SPOKEN_DECADES) + r"))(?![A-Za-z])"),
    ("century", r"(?i:(?:the" + S + r")?(?:(?P<cenmod>early|mid|late)[ \t-]+)?(?:(?P<cennum>\d{1,2})(?:st|nd|rd|th)|"
                r"(?P<cenword>first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|"
                r"thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth|twenty-first))"
                r"[ \t-]+century)(?![A-Za-z])(?:" + S + r"(?P<cenera>" + _ERA + r"))?"),
    ("year_range", r"(?P<rbetween>(?i:between)" + S + r")?" + YEAR.format(g="ry1")
                   # "2013 and 2017" are two years; "between 2013 and 2017" the span
                   # "2020/21": a fiscal year or a season, as "2022-23" is
                   + r"(?:[ \t]*[\u2013\u2014-][ \t]*|/|" + S + r"(?(rbetween)(?i:and|to|until|through)|(?i:to|until|through))"
                   + S + r")"
                   + r"(?P<ry2>1[0-9]\d\d|20\d\d|\d\d)(?!\d|,\d)"),
    ("year_part", r"(?i:(?:the" + S + r")?(?P<yph>first|second|last|latter)" + S + r"half" + S + r"of)" + S
                  + r"(?:" + YEAR.format(g="yhy") + r"|(?i:(?P<yhrel>the|this|last|next)" + S + r"year)(?![A-Za-z-]))"),
    ("half_code", r"(?<![A-Za-z0-9])H(?P<hcode>[12])(?:[ \t]+|['\u2019])(?P<hcy>(?:1[5-9]|20)\d\d|\d\d)(?![\d%])"),  # "H1 2024"
    ("year_edge", r"(?i:the" + S + r"(?:end|beginning|start|middle|close)" + S + r"of)" + S + YEAR.format(g="yey")),
    ("fiscal_year", r"(?i:(?:the" + S + r")?fiscal)(?:[ \t]+|-)(?:(?i:year)" + S + r")?" + YEAR.format(g="fy")
                    + r"|(?<![A-Za-z])FY[ \t]?['\u2019]?(?P<fyy>\d{4}|\d{2})(?![\d%])"),  # "FY24", "FY 2024"
    ("year_quarter", r"(?i:(?P<tyrel>this|last|next)" + S + r"year['\u2019]s" + S
                     + r"(?P<tyq>first|second|third|fourth)[ \t-]+quarter)(?![A-Za-z])"),
    ("year_period", r"(?i:the)" + S + YEAR.format(g="ypy") + S
                    + r"(?i:(?:(?P<ypq>first|second|third|fourth)" + S + r")?(?:period|quarter))(?![A-Za-z])"),
    ("season", r"(?i:the" + S + r"(?=(?:early|late|mid)?[ \t-]*(?:spring|summer|autumn|winter)))?"
               r"(?i:(?P<smod>early|late|mid)[ \t-]+)?(?i:(?P<srel>this past|this|that|last|next|the past|the coming)" + S + r")?"
               r"(?P<season>(?i:spring|summer|autumn|winter)|(?<=this |last |next |past )(?i:fall)|"
               r"(?i:fall)(?=" + OPT_COMMA + r"(?:of" + S + r")?(?:1\d\d\d|20\d\d)))(?![A-Za-z])"  # not "Springfield"
               r"(?:" + OPT_COMMA + r"(?:of" + S + r")?" + YEAR.format(g="sy") + r")?"),
    ("quarter", r"(?i:(?:the" + S + r"(?!(?:first|second|third|fourth|1st|2nd|3rd|4th)-))?(?:fiscal[ \t-]+)?(?P<qrel>this|last|next|latest|year-earlier|year-ago|previous)?[ \t]*"
                r"(?P<q>first|second|third|fourth|1st|2nd|3rd|4th)[ \t-]+quarter(?!ly))(?:" + OPT_COMMA
                + r"(?:(?i:of)" + S + r")?" + YEAR.format(g="qy") + r")?"
                + r"|(?P<qq>Q[1-4])[ \t]*" + YEAR.format(g="qqy")),
    # "the year-ago quarter", "the corresponding period last year", "the quarter a year ago", "last year's quarter"
    ("year_ago", r"(?i:(?:the" + S + r")?(?:(?:comparable|corresponding|same)" + S + r")?(?:year-earlier|year-ago)"
                 r"(?:" + S + r"(?:quarter|period|months?))?"
                 r"|(?:the" + S + r")?(?:(?:comparable|corresponding|same)" + S + r")?(?:quarter|period)" + S
                 + r"(?:(?:of|in)" + S + r")?(?:last" + S + r"year|a" + S + r"year" + S + r"(?:ago|earlier)|the" + S
                 + r"(?:previous|prior)" + S + r"year)"
                 r"|last" + S + r"year['\u2019]s" + S + r"(?:quarter|period))(?![A-Za-z-])"),
    ("this_quarter", r"(?i:the" + S + r"(?:latest" + S + r"|current" + S + r"|same" + S + r")?quarter)(?![A-Za-z\-])"),
    ("ago", _pat(r"(?i:(?:about|some|nearly|almost|more than|less than)" + S + r")?(?i:{NUMBER})[ \t-]+(?i:{UNIT})s?"
                 + r"(?P<agohalf>" + _AND_A_HALF + r")?" + S + r"(?P<agodir>(?i:ago|earlier|before|later|from now|hence))", NUMBER="agon", UNIT="agou")),
    ("rel_unit_mod", r"(?i:(?P<rumod>earlier|later|early|late|the end of|the beginning of|the start of|the middle of)"
                     + S + r"(?P<rurel>this|last|next)" + S + r"(?P<ruunit>week|month|year|quarter|decade|century))(?![A-Za-z])"),
    ("story_unit", r"(?i:(?:(?P<sumod>earlier|later)" + S + r")?(?:that(?:" + S + r"same)?|the" + S + r"same)" + S
                   + r"(?P<suunit>year|month|week|day))(?![A-Za-z-])"),
    # "The day before, officials had warned": the day before the story's last date (not "the day before the vote")
    ("day_around", r"(?i:the" + S + r"day" + S + r"(?P<daround>before|after))(?=[ \t]*(?:[,.;:)\n]|$))"),
    ("within_unit", r"(?i:(?:the" + S + r"full|(?:the" + S + r"(?:end|beginning|start|middle)" + S + r"of|(?:earlier|later|early|late)"
                    + S + r"in)" + S + r"the)" + S + r"(?:fiscal" + S + r")?(?P<wuunit>year|month|week))(?![A-Za-z-])"),
    # "the week before last", "the weekend before last": the one before the last
    ("before_last", r"(?i:the" + S + r"(?P<blunit>week|weekend|month|year)" + S + r"before" + S + r"last)(?![A-Za-z])"
                    # not "the week before last Christmas", "the month before last year's vote"
                    r"(?![ \t]+(?:[A-Z]|(?i:year|month|week|weekend|spring|summer|autumn|fall|winter)\b))"),
    ("rel_unit", r"(?i:(?P<rrel>the next(?=" + S + r"day\b)|last|next|this|the coming|the past|the previous|the preceding|the following|past|coming|previous|following|the current|current)"
                 + S + r"(?P<rnum>(?:" + _NUM_WORD + r"|" + _VAGUE + r"|\d{1,3})" + S + r")?"
                 + r"(?:fiscal" + S + r"(?=year|quarter))?"
                 + r"(?P<runit>week|weekend|fortnight|month|year|quarter|decade|century|day|hour|minute)(?P<rplural>s)?)"
                 + r"(?![A-Za-z])"),
    ("the_weekend", r"(?i:the" + S + r"weekend)(?![A-Za-z])"),
    ("part_of_day", r"(?i:(?P<prel>this|yesterday|tomorrow|last)" + S + r"(?P<ppart>morning|afternoon|evening|night)"
                    r"|mid[ \t-]?(?P<mpart>morning|afternoon|evening)(?:[ \t]+(?P<mrel>yesterday|today|tomorrow))?"
                    r"|(?P<tonight>tonight))(?![A-Za-z])"),
    # ("close for three weeks from Monday" is a length from that Monday, not the Monday three weeks on)
    ("weekday", _pat(r"(?:(?<!\b[Ff]or )(?i:(?P<wfrom>a|one|two|three)" + S + r"weeks?" + S + r"from" + S + r"))?"
                     r"(?i:(?:early|late|earlier|later)" + S + r")?(?i:(?P<wrel>last|next|this|coming|past|previous|following)"
                     + S + r")?{WEEKDAY}(?:" + S
                     + r"(?i:(?P<wpart>morning|afternoon|evening|night)))?(?:"
                     + _UNIT_AFTER.format(g="wwrel", unit="week") + r"|(?P<wweek>[ \t]+week)(?![A-Za-z'\u2019-]))?",
                     WEEKDAY="wd")),
    ("today", r"(?i:(?:early|late|earlier|later)" + S + r")?"
              r"(?i:(?P<today>today|tomorrow|yesterday|the day before yesterday|the day after tomorrow))(?![A-Za-z])"),
    ("set", r"(?i:(?P<setq>every|each|per)" + S + r"(?:(?P<setn>other|two|three|four|five|six)" + S + r")?"
            r"(?P<setu>day|week|month|year|quarter|morning|evening|night|monday|tuesday|wednesday|thursday|friday|"
            r"saturday|sunday|january|february|march|april|may|june|july|august|september|october|november|december)s?)(?![A-Za-z])"
            r"|(?i:(?P<setadv>daily|weekly|monthly|annually|yearly|hourly|nightly))(?![A-Za-z])"),
    ("duration", _pat(r"(?i:(?:(?P<dmod>about|around|nearly|almost|more than|less than|at least|up to|some|roughly)" + S
                      + r")?(?P<dthe>the" + S + r"(?:(?:past|last|next|first|coming)" + S + r")?)?{NUMBER}[ \t-]+(?:(?:more|full|straight|long|consecutive|additional|extra|further|trading|business|working)" + S + r")?"
                      + r"{UNIT}(?P<dpl>s)?(?P<dhalf>" + _AND_A_HALF + r")?)(?![A-Za-z])", NUMBER="dn", UNIT="du")),
    ("bare_units", r"(?i:(?P<bunit>years|months|weeks|decades|centuries|days|hours|minutes))(?![A-Za-z])"),
    ("ref", r"(?i:(?P<ref>right now|now|then[ \t-]current|currently|current|at present|nowadays|presently|these days|at the moment|"
            r"recently|lately|recent years|recent|the future|in the future|soon|the past|former(?:ly)?|once|so far|"
            r"to date|for now|any time|immediately|a (?:later|future) date|the (?:near|short|long) term|a while))(?![A-Za-z-])"),
    ("time_on_day", r"(?P<twat>(?i:at)[ \t]+)?(?:(?<![\d:.])(?P<twh>1[0-2]|0?[1-9])(?:[:.](?P<twmin>[0-5]\d))?[ \t]*(?P<twap>(?i:a\.m\.|p\.m\.|am|pm))"
                     r"|(?P<twnoon>(?i:noon|midnight|midday))"
                     r"|(?<![\d:.])(?P<twh24>[01]?\d|2[0-3]):(?P<twmin24>[0-5]\d)(?:(?=[ \t]*" + ZONE + r")|(?(twat)|(?!))))"
                     r"(?:[ \t]*" + ZONE + r")?" + OPT_COMMA + r"(?:(?i:on)" + S + r")?"
                     # "on Thursday 14 December": the weekday before a date is the date's
                     + r"(?:(?:" + WEEKDAY.format(g="twdd0") + OPT_COMMA + r")?(?:" + MONTH.format(g="twm") + r"[ \t\u00a0]*"
                     + DAY.format(g="twdd") + r"(?![A-Za-z])(?:" + OPT_COMMA + YEAR.format(g="twy") + r")?|"
                     + DAY.format(g="twdd2") + S + MONTH.format(g="twm2") + r"(?:" + OPT_COMMA + YEAR.format(g="twy2")
                     + r")?)|" + WEEKDAY.format(g="twd") + r"|(?P<twrel>(?i:today|tomorrow|yesterday))(?![A-Za-z]))"),
    ("time", r"(?<![\d:.])(?P<th>1[0-2]|0?[1-9])(?:[:.](?P<tmin>[0-5]\d))?[ \t]*(?P<tap>(?i:a\.m\.|p\.m\.|am|pm))(?![A-Za-z])"
             r"|(?i:(?P<tnoon>noon|midnight|midday))(?![A-Za-z])"
             # a 24-hour clock, when its zone or an "at" says it is one: "15:30 GMT", "at 09:00" (the "at" is
             # matched, not looked behind for: a pattern that looks behind is tried at every word)
             r"|(?P<tat>(?i:at)[ \t]+)?(?<![\d:.])(?P<th24>[01]?\d|2[0-3]):(?P<tmin24>[0-5]\d)(?![\d:])"
             r"(?![ \t]*(?i:a\.m\.|p\.m\.|am|pm)(?![A-Za-z]))"  # "at 8:30 p.m.": not a 24-hour clock
             r"(?:(?=[ \t]*" + ZONE + r")|(?(tat)|(?!)))(?:[ \t]*" + ZONE + r")?"),
    ("month_alone", _pat(r"(?i:(?P<mamod>early|mid|late|last|next|this|that|the end of|the beginning of|the start of|the middle of)[ \t-]+)?{MONTH}"
                         r"(?:" + _UNIT_AFTER.format(g="mayrel", unit="year") + r")?",
                         MONTH="mam")),
    ("year", r"(?:(?i:the)" + S + r"(?i:year)" + S + r"|(?P<ymod>(?i:early|mid|late))[ \t-]+)?" + YEAR.format(g="yy")),
    # "in the new year": the next year, said in its second half ("New Year's Day" is a holiday, read above)
    ("new_year", r"(?:the|The)" + S + r"new" + S + r"year(?![A-Za-z\-'\u2019])"),
    ("the_year", r"(?i:the" + S + r"(?:fiscal" + S + r")?year)(?![A-Za-z\-'\u2019])"),
]

MASTER = re.compile("|".join(f"(?P<_{name}>{rx})" for name, rx in PATTERNS))

# The grammar is only tried where a word could start a temporal expression: a
# digit, or one of these words. Trying it at every position costs ten times more.
TRIGGER_WORDS = frozenset(
    [f.lower().rstrip(".") for f in _MONTH_FORMS] + [f.lower().rstrip(".") for f in _WEEKDAY_FORMS]
    + list(NUMBER_WORDS) + [w.split()[0] for w in NUMBER_WORDS] + [w.split()[0] for w in VAGUE_NUMBERS]
    + [h.split()[0].replace("'", "") for h in [*HOLIDAYS, *MOVABLE_HOLIDAYS, *EASTER_FEASTS]] + ["valentine", "new", "st", "mother", "father"]
    + list(SEASONS) + list(QUARTER_WORDS) + ["q1", "q2", "q3", "q4", "fy", "h"] + list(ORDINAL_WORDS) + """
    the that last next this coming past previous following current earlier later early late mid end beginning start
    middle between every each per comparable corresponding same fiscal half latter close daily weekly monthly annually yearly hourly nightly quarterly today tomorrow
    yesterday tonight now right currently at nowadays presently these recently lately in soon former formerly then
    once so to for any immediately about around nearly almost more less over up roughly noon midnight midday q
    years months weeks decades centuries days hours minutes latest year ad""".split())
# Common words ("the", "in", "last") start a temporal expression only when a core
# temporal word or a number follows within a few words; checking that first keeps
# the grammar from being tried at every "the".
CORE_WORDS = frozenset(
    [f.lower().rstrip(".") for f in _MONTH_FORMS] + [f.lower().rstrip(".") for f in _WEEKDAY_FORMS]
    + [u + s for u in ("second", "minute", "hour", "day", "week", "fortnight", "month", "year", "decade", "weekend", "quarter",
                       "morning", "afternoon", "evening", "night") for s in ("", "s")]
    + list(SEASONS) + ["century", "centuries", "future", "past", "present", "moment", "recent", "today",
                       "tomorrow", "yesterday", "tonight", "now", "currently", "recently", "lately", "nowadays",
                       "presently", "soon", "formerly", "former", "once", "immediately", "current", "christmas", "eve",
                       "halloween", "thanksgiving", "easter", "pentecost", "term",
                       "noon", "midnight", "midday", "daily", "weekly", "monthly", "annually", "yearly", "hourly",
                       "nightly", "quarterly", "date", "q1", "q2", "q3", "q4", "fy", "h", "while", "thousand", *SPOKEN_CENTURIES, *SPOKEN_DECADES])
_TOKEN = re.compile(r"\d+|[A-Za-z]+")
CORE_REACH = 48  # characters after a common word in which a core word must appear

Grammar = tuple[tuple[str | None, re.Pattern[str]], ...]  # (pattern name, or None: read it off the match)
_WHOLE_GRAMMAR: Grammar = ((None, MASTER),)


@lru_cache(maxsize=None)
def _grammar_for(word: str) -> Grammar:
    """The patterns that can start with `word`, in grammar order, each compiled alone.

    Most tries start at common words ("the", "in", "to") and fail; trying every
    pattern there cost most of the tagging time. Which patterns could match is
    decided from the grammar itself: a pattern is kept when it matches the word,
    in any case, or could match something the word begins (partial matching, from
    the `regex` module). A pattern that looks behind its start is always kept. Trying them
    one by one in order finds what the whole grammar's alternation finds: its
    first alternative that matches."""
    import regex

    keep = []
    for name, rx in PATTERNS:
        partial = _PARTIAL.get(name)
        if partial is None:
            partial = _PARTIAL[name] = regex.compile(rx)
        if "(?<=" in rx or any(partial.match(form, partial=True) for form in (word, word.capitalize(), word.upper())):
            keep.append((name, _pattern(name)))
    return tuple(keep)


_PARTIAL: dict[str, object] = {}


@lru_cache(maxsize=None)
def _pattern(name: str) -> re.Pattern[str]:
    return re.compile(dict(PATTERNS)[name])
_MONTH_CAP = re.compile(r"^[A-Z]")


# --- normalisation helpers -----------------------------------------------------


@dataclass
class _Result:
    type: str
    value: str
    edtf: str | None
    granularity: str
    relative: bool = False
    unresolved: bool = False
    # Counted back from what the text last dated rather than from the anchor: "a year earlier"
    # after "the third quarter" is that quarter a year before; "ten days later", days after the last day.
    back_from: tuple[str, int] | None = None  # (unit, signed count), or ("quarter in", year)
    # "The following year" counts from any date the text last gave, a plain year or month too;
    # "a year earlier" only from a quarter or half (beside a bare year it means the publication's).
    from_any_date: bool = False
    needs_antecedent: bool = False  # "that day" with no date before it in the text is no date at all
    skip: int = 0  # leading characters the match took that are not part of the expression
    # "three days later": TimeML marks the length ("three days", P3D) and leaves "later" as a signal,
    # while the timeline still places the day it counts to. The TIMEX3 value, and the signal's length.
    counted_length: tuple[str, int] | None = None
    counted_from: str | None = None  # the earlier expression a `back_from` result was counted from
    before_what_follows: bool = False  # "two days before the deadline": counted from no date the text gave


def _month(tok: str) -> int:
    return _MONTH_FORMS[tok.rstrip(".")]


def _weekday(tok: str) -> int:
    return _WEEKDAY_FORMS.get(tok, _WEEKDAY_FORMS.get(tok.rstrip(".") + ".", _WEEKDAY_FORMS.get(tok.capitalize(), 0)))


def _number(word: str | None) -> float | None:
    """The quantity of a number word; None for vague ones (`several`)."""
    if word is None:
        return 1
    w = " ".join(word.lower().split())
    for fraction, value in FRACTIONS.items():  # "2 1/2", "two and a half"
        if w.endswith(fraction) and w != fraction:
            whole = _number(w[:-len(fraction)].strip())
            return None if whole is None else whole + value
    if w in NUMBER_WORDS:
        return NUMBER_WORDS[w]
    if "-" in w or " " in w:  # "twenty-four", "twenty four"
        tens, _, ones = w.replace("-", " ").partition(" ")
        if tens in NUMBER_WORDS and ones in NUMBER_WORDS:
            return NUMBER_WORDS[tens] + NUMBER_WORDS[ones]
    try:
        return float(w)
    except ValueError:
        return None


_SPOKEN_VALUES = {**{w: i for i, w in enumerate(_ONES.split("|"), start=1)},
                  **{w: i for i, w in enumerate(_TEENS.split("|"), start=10)},
                  **{w: 10 * i for i, w in enumerate(_TENS.split("|"), start=2)}, "oh": 0, "o": 0, "o'": 0}


def _year_number(tok: str) -> int:
    """A year group's value, written (`1996`) or spoken (`nineteen ninety-six`, `two thousand and one`)."""
    if tok[0].isdigit():
        return int(tok)
    words = tok.lower().replace("-", " ").split()
    if words[:2] == ["two", "thousand"]:
        return 2000 + sum(_SPOKEN_VALUES[w] for w in words[2:] if w != "and")
    if words[1] == "hundred":
        return SPOKEN_CENTURIES[words[0]] * 100
    return SPOKEN_CENTURIES[words[0]] * 100 + sum(_SPOKEN_VALUES[w] for w in words[1:])


# TIMEX3 writes a fraction in the next smaller unit: "2 1/2 years" is P2Y6M, "5 1/2 hours" PT5H30M.
_NEXT_SMALLER = {"year": ("month", 12), "month": ("day", 30), "day": ("hour", 24), "hour": ("minute", 60),
                 "minute": ("second", 60)}


def _duration(n: float | None, unit: str) -> str:
    unit = unit.lower().rstrip("s")
    if unit == "centurie":
        unit = "century"
    if unit == "fortnight":  # TIMEX3 has no fortnight: two weeks
        unit, n = "week", None if n is None else 2 * n
    if unit == "week" and n is not None and n != int(n):
        unit, n = "day", round(n * 7)  # weeks mix with no other unit in ISO 8601: "1.5 weeks" is P10D
    if n is not None and n != int(n) and unit in _NEXT_SMALLER:
        smaller, per = _NEXT_SMALLER[unit]
        whole = int(n)
        part = _duration(round((n - whole) * per), smaller)
        if not whole:
            return part
        head, tail = _duration(whole, unit), part[1:]  # "P2Y" + "6M"; "PT5H" + "30M"; "P2D" + "T12H"
        return head + (tail[1:] if "T" in head and tail.startswith("T") else tail)
    code, is_time = UNITS[unit]
    if n is None:
        qty = "X"
    elif n == int(n):
        qty = str(int(n))
    else:
        qty = str(n)
    if code == "DE":
        code, qty = ("Y", str(int(n) * 10)) if n is not None and n == int(n) else ("DE", qty)
    if code == "CE":
        code, qty = ("Y", str(int(n) * 100)) if n is not None and n == int(n) else ("CE", qty)
    return f"PT{qty}{code}" if is_time else f"P{qty}{code}"


def _safe_date(y: int, m: int, d: int) -> dt.date | None:
    try:
        return dt.date(y, m, d)
    except ValueError:
        return None


def _two_digit_year(yy: int, anchor: Anchor) -> int:
    """`89` in a 1989 text is 1989. Without an anchor (a page's own stamp, "11/16/23 06:00 AM EST"), the POSIX
    pivot that `strptime` uses: 69-99 are 19xx, 00-68 20xx."""
    if not anchor.year:
        return (1900 if yy >= 69 else 2000) + yy
    century = anchor.year // 100 * 100
    year = century + yy
    if year > anchor.year + 10:
        year -= 100
    return year


def _week_bounds(day: dt.date) -> tuple[dt.date, dt.date]:
    monday = day - dt.timedelta(days=day.weekday())
    return monday, monday + dt.timedelta(days=6)


def _week_value(day: dt.date) -> str:
    iso = day.isocalendar()
    return f"{iso[0]}-W{iso[1]:02d}"


def _shift_month(year: int, month: int, delta: int) -> tuple[int, int]:
    idx = year * 12 + (month - 1) + delta
    return idx // 12, idx % 12 + 1


_THAN_CLAUSE = re.compile(r"\bthan\s+(?:it|they|he|she|we|I|you)\s", re.I)


def _looks_ahead(text: str, start: int) -> bool:
    """Does the clause around a date look ahead ("will meet on Friday", "is due Monday")?"""
    # Only what comes before the date in its clause: in "Putin on Tuesday said that
    # Moscow will not...", the "will" after it belongs to the reported speech.
    window = text[max(0, start - 80):start]
    # A quotation ends a clause too: in `"We will...," he said Friday` the "will" is the quote's.
    # "would fall sooner than it forecast in November": the comparison is a clause with its own tense
    than = [m.start() for m in _THAN_CLAUSE.finditer(window)]
    cut = max(_sentence_end(window), window.rfind(";"), window.rfind("\n"), window.rfind(", "),
              window.rfind('"'), window.rfind("\u201d"), window.rfind("''"), than[-1] if than else -1)
    clause = window[cut + 1:]
    cue = FUTURE_CUE.search(clause)
    # "had been scheduled to expire Friday": a plan told in the past perfect is already past
    return bool(cue) and not re.search(r"\bhad\s+(?:been\s+|\w+ly\s+)?$", clause[:cue.start()])


_ABBREVIATION_END = re.compile(r"(?:\b[A-Z]|\b(?:Mr|Mrs|Ms|Dr|St|Sen|Rep|Gov|Gen|Col|Lt|Inc|Corp|Co|No|Jan|Feb|Mar|"
                               r"Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|U\.S|a\.m|p\.m))\.$")


def _sentence_end(window: str) -> int:
    """Where the last sentence in `window` ended (-1: none): a full stop that ends no abbreviation."""
    at = window.rfind(". ")
    while at >= 0 and _ABBREVIATION_END.search(window[:at + 1]):
        at = window.rfind(". ", 0, at)
    return at


# "the highest since November", "in jail since early October": a time before the publication, always
SINCE_BEFORE = re.compile(r"\bsince\s+(?:(?:early|late|mid)[\s-]+)?$", re.I)


def _year_in_context(month: int, day: int, anchor: Anchor, text: str, start: int) -> int | None:
    ahead = _looks_ahead(text, start)
    # A borrowed anchor is too loose a "now" for a thing done to be placed before it.
    return _year_for_month_day(month, day, anchor, ahead,
                               since=SINCE_BEFORE.search(text, max(0, start - 20), start) is not None,
                               done=None if ahead or anchor.inferred else lambda: _done_just_before(text, start))


# What keeps a date after a verb in the past still to come: "was moved to December", "was pushed back until
# March", "asked them to return in May", "said the vote in December will be free"
_STILL_TO_COME_BEFORE = re.compile(r"\b(?<!run-up )(?<!lead-up )(?<!build-up )(?:to|for|until|till|into|by|before|after)\s+"
                                   r"(?:(?:early|late|mid)[\s-]+)?$", re.I)  # ("rose in the run-up to Christmas": done)
_INFINITIVE = re.compile(r"\bto\s+(?!the\b|a\b|an\b|his\b|her\b|its\b|their\b)[a-z]+\b")
# past tenses _PAST_VERB leaves out ("Sales rose in the run-up to Christmas"), for things done only
_IRREGULAR_PAST = re.compile(r"\b(?<!\bbe )(?<!\bbeen )(?:rose|fell|grew|ran|sold|bought|came|went|saw|hit|struck|broke|"
                             r"spent|wrote|fled|flew|sank|shook|shot|stole|swore|tore|threw|wore|won|lost|paid|sent|"
                             r"kept|held|led|built|fought|caught|brought|taught|froze|chose|drove|rode|spoke)\b")
_SPEECH_VERB = re.compile(r"(?:said|told|announced|reported|warned|wrote|added|stated)$")
_SPEECH_THEN_DATE = re.compile(r"\s+(?:in|on|at)\s+(?:(?:early|late|mid)[\s-]+)?$")


def _done_just_before(text: str, start: int) -> bool:
    """Whether a verb in the past a few words before the date tells something done then: "pleaded guilty in
    December", "the charges were dropped by prosecutors in December", "who was sworn in on December 15". Such
    a date cannot be after the publication, so it is last year's."""
    clause = _clause_before(text, start)
    verbs = list(_PAST_VERB.finditer(clause)) + list(_IRREGULAR_PAST.finditer(clause))
    if not verbs:
        return False
    verbs.sort(key=lambda v: v.start())
    verb, tail = verbs[-1], clause[verbs[-1].end():]
    if len(tail.split()) > 6 or _STILL_TO_COME_BEFORE.search(tail) or _INFINITIVE.search(tail) \
            or _DETERMINER_BEFORE.search(tail):
        return False  # "gave no reason for the Jan. 14 deadline": the date names which deadline, still to come
    if _SPEECH_VERB.search(verb.group()) and not _SPEECH_THEN_DATE.fullmatch(tail):
        return False  # "said the vote in December will be free": the date is the words', not the saying's
    after = re.split(r"[.;,\n]", text[start:start + 80], maxsplit=1)[0]
    return FUTURE_CUE.search(after) is None


def _year_for_month_day(month: int, day: int, anchor: Anchor, ahead: bool, since: bool = False,
                        done: Callable[[], bool] | None = None) -> int | None:
    """The year a month-and-day without a year most likely means.

    News reports mostly look back: a date more than four months after the
    publication date is last year's, unless the sentence looks ahead, when one
    more than two weeks before it is next year's; one told with "since", or `done`
    (told in the past: asked only of a day more than a week after the publication),
    is last year's.
    """
    if anchor.year is None:
        return None
    year = anchor.year
    if anchor.date is not None:
        candidate = _safe_date(year, month, day if month != 2 or day != 29 else 28)
        if candidate is not None:
            gap = (candidate - anchor.date).days
            # A week's grace for a done day: a stamp may be the first version's, or a time zone behind the story.
            if (gap > 120 and not ahead) or (gap > 0 and since) or (gap > 7 and done is not None and done()):
                year -= 1
            elif gap < -14 and ahead:
                # "It will vote on May 2" in October: next May, as "due in March" is next March. A day just
                # gone stays: a story filed late still says "will be held on Monday".
                year += 1
    return year


# Every date this tagger names has a year of four digits (or Xs: "199X", "XXXX-07-05"); either
# side of a range too, unless it is open ("../1990").
_CALENDAR_YEAR = re.compile(r"-?[\dX]{4}(?!\d)|\.\.$|$")


def _unresolved(type_: str = "DATE") -> _Result:
    return _Result(type_, UNKNOWN, UNKNOWN, "unknown", relative=True, unresolved=True)


# --- normalisers, one per pattern ---------------------------------------------


def _norm_iso(g: dict, anchor: Anchor, text: str, start: int) -> _Result | None:
    y, m, d = int(g["iy"]), int(g["im"]), int(g["id"])
    if _safe_date(y, m, d) is None:
        return None
    day = f"{y:04d}-{m:02d}-{d:02d}"
    if g["ih"]:
        return _Result("TIME", f"{day}T{g['ih']}:{g['imin']}", day, "day")
    return _Result("DATE", day, day, "day")


def _norm_numeric(g: dict, anchor: Anchor, text: str, start: int) -> _Result | None:
    if g["ndot"]:  # 15.08.2021: dots are the day-first style of Europe
        d, m, ys = int(g["nm"]), int(g["ndot"]), g["nydot"]
    else:
        first, second, ys = int(g["nm"]), int(g["nd"]), g["ny"]
        if g["sep"] == "-" and len(ys) == 4 and not g["nh"]:
            return None  # 3-4-2021 style with dashes is too often a score or a range
        # 25/12/2020 can only be day first. 04/05/2021 is American, as most wire copy is, unless the
        # article writes its dates day first.
        day_first = first > 12 or (anchor.day_first and second <= 12)
        m, d = (second, first) if day_first else (first, second)
    y = int(ys) if len(ys) == 4 else _two_digit_year(int(ys), anchor)
    if _safe_date(y, m, d) is None:
        return None
    day = f"{y:04d}-{m:02d}-{d:02d}"
    if g["nh"]:
        return _Result("TIME", f"{day}T{g['nh']}:{g['nmin']}", day, "day")
    return _Result("DATE", day, day, "day")


def _norm_compact(g: dict, anchor: Anchor, text: str, start: int) -> _Result | None:
    y, m, d = int(g["cy"]), int(g["cm"]), int(g["cd"])
    if _safe_date(y, m, d) is None:
        return None
    day = f"{y:04d}-{m:02d}-{d:02d}"
    return _Result("DATE", day, day, "day")


def _nth_weekday(year: int, month: int, weekday: int, n: int) -> int:
    """The day of the month of its n-th (or, n = -1, last) such weekday."""
    if n > 0:
        first = dt.date(year, month, 1)
        return 1 + (weekday - first.weekday()) % 7 + 7 * (n - 1)
    last = dt.date(year + month // 12, month % 12 + 1, 1) - dt.timedelta(days=1)
    return last.day - (last.weekday() - weekday) % 7


def _within_the_calendar(year: int) -> None:
    """A holiday is a day of the calendar: "Halloween" in a story dated 1 January of year 1 (last
    year's) and "Easter" looked ahead to from December 9999 are past its ends."""
    if not 1 <= year <= 9999:
        raise OverflowError(f"year {year} is outside the calendar")


_EASTER_AS_A_NAME = re.compile(r"\s+(?:Island|Rising|Offensive|egg)")


def _norm_easter_feast(name: str, name_end: int, year_tok: str | None, anchor: Anchor, text: str,
                       start: int, rel: str = "") -> _Result | None:
    if _EASTER_AS_A_NAME.match(text, name_end):
        return None  # a name of its own, not the day
    days = EASTER_FEASTS[name]
    if year_tok:
        year: int | None = _year_number(year_tok)
    elif anchor.year is not None:
        this_years = easter(anchor.year)
        year = _holiday_year(this_years.month, this_years.day, rel, anchor, text, start)
    else:
        year = None
    if year is None:
        return _Result("DATE", UNKNOWN, UNKNOWN, "unknown", relative=True, unresolved=True)
    _within_the_calendar(year)
    sunday = easter(year)
    if days == "week":
        v = _week_value(sunday)
        first, last = _week_bounds(sunday)
        return _Result("DATE", v, f"{first.isoformat()}/{last.isoformat()}", "range", relative=not year_tok)
    v = (sunday + dt.timedelta(days=days)).isoformat()
    return _Result("DATE", v, v, "day", relative=not year_tok)


# "Holodomor Remembrance Day", "Orthodox Christmas", "Chinese New Year": a name of its own, another day
_NAME_BEFORE = re.compile(r"\b(?P<word>[A-Z][a-z]+)[ \t]+$")
_NOT_A_NAME = frozenset(["On", "The", "In", "At", "By", "Since", "Until", "Before", "After", "During", "Over", "For",
                         "Last", "Next", "This", "Every", "Happy", "Merry", *MONTH_NAMES, *WEEKDAY_NAMES])


_NTH = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4, "fifth": 5, "5th": 5,
        "last": -1}


def _norm_nth_weekday(g: dict, anchor: Anchor, text: str, start: int) -> _Result | None:
    # a weekend is counted by its Saturday: "the second weekend of July"
    month, weekday, nth = _month(g["nwm"]), 5 if g["nwe"] else _weekday(g["nwd"]), _NTH[g["nwn"].lower()]

    def day_in(year: int) -> int | None:
        day = _nth_weekday(year, month, weekday, nth)
        return day if _safe_date(year, month, day) else None  # no fifth Monday in this month

    if g["nwy"]:
        year: int | None = _year_number(g["nwy"])
    elif anchor.year is not None:
        year = _year_in_context(month, day_in(anchor.year) or 28, anchor, text, start)
    else:
        year = None
    if year is None:
        v = f"XXXX-{month:02d}"
        return _Result("DATE", v, v, "month", relative=True)
    _within_the_calendar(year)
    day = day_in(year)
    if day is None:
        return None
    v = f"{year:04d}-{month:02d}-{day:02d}"
    if g["nwe"]:
        sunday = dt.date(year, month, day) + dt.timedelta(days=1)
        return _Result("DATE", _week_value(sunday) + "-WE", f"{v}/{sunday.isoformat()}", "range", relative=not g["nwy"])
    return _Result("DATE", v, v, "day", relative=not g["nwy"])


def _norm_holiday(g: dict, anchor: Anchor, text: str, start: int) -> _Result | None:
    name = " ".join(g["hol"].lower().replace("\u2019", "'").split())
    rel = (g["hrel"] or "").lower()
    if rel and g["hy"]:
        return None  # "last Christmas 2020": not a way news writes a date
    hol_start = start + g["_m"].find(g["hol"])
    named = _NAME_BEFORE.search(text, max(0, hol_start - 30), hol_start)
    if named and named.group("word") not in _NOT_A_NAME:
        return None
    if not rel and re.search(r"\b(?:every|each)[ \t]+$", text[max(0, start - 8):start], re.I):
        # "has returned to the charts every Christmas since": each year's, none in particular
        month, day = HOLIDAYS.get(name, (MOVABLE_HOLIDAYS.get(name, (None,))[0], None))
        return _Result("SET", f"XXXX-{month:02d}" + (f"-{day:02d}" if day else "") if month else "P1Y", None, "set")
    if name in EASTER_FEASTS:
        return _norm_easter_feast(name, hol_start + len(g["hol"]), g["hy"], anchor, text, start, rel)
    if name in MOVABLE_HOLIDAYS:
        month, weekday, nth, days_after = MOVABLE_HOLIDAYS[name]

        def day_in(year: int) -> int:
            return _nth_weekday(year, month, weekday, nth) + days_after

        if g["hy"]:
            year = _year_number(g["hy"])
        elif anchor.year is not None:
            year = _holiday_year(month, day_in(anchor.year), rel, anchor, text, start)
        else:
            year = None
        if year is None:
            return _Result("DATE", f"XXXX-{month:02d}-XX", None, "month", relative=True)
        _within_the_calendar(year)
        v = f"{year:04d}-{month:02d}-{day_in(year):02d}"
        return _Result("DATE", v, v, "day", relative=not g["hy"])
    month, day = HOLIDAYS[name]
    if g["hy"]:
        year: int | None = _year_number(g["hy"])
        relative = False
    else:
        year = _holiday_year(month, day, rel, anchor, text, start)
        relative = True
    if year is None:
        v = f"XXXX-{month:02d}-{day:02d}"
        return _Result("DATE", v, v, "day", relative=True)
    _within_the_calendar(year)
    v = f"{year:04d}-{month:02d}-{day:02d}"
    return _Result("DATE", v, v, "day", relative=relative)


def _holiday_year(month: int, day: int, rel: str, anchor: Anchor, text: str, start: int) -> int | None:
    """The year of a holiday that falls on `month` and `day` in the anchor's year: "last Christmas" is the one
    gone by, "next Easter" the one to come, "this Christmas" this year's; a bare one as any month and day."""
    if not rel or anchor.date is None:
        return _year_in_context(month, day, anchor, text, start)
    this_years = _safe_date(anchor.date.year, month, day)
    if this_years is None or rel == "this":
        return anchor.date.year
    if rel == "last":
        return anchor.date.year if this_years < anchor.date else anchor.date.year - 1
    return anchor.date.year if this_years > anchor.date else anchor.date.year + 1


def _month_day(month: int, day: int, year_tok: str | None, anchor: Anchor, text: str,
               start: int, year_rel: str | None = None) -> _Result | None:
    """A day of a month in the year given, in the one `year_rel` names ("last year"), or in the year
    the anchor makes likeliest."""
    if year_tok:
        if _safe_date(_year_number(year_tok), month, day) is None:
            return None
        v = f"{_year_number(year_tok):04d}-{month:02d}-{day:02d}"
        return _Result("DATE", v, v, "day")
    if not 1 <= day <= 31:
        return None
    if year_rel:
        year = None if anchor.year is None else anchor.year + _OFFSETS[year_rel.lower()]
    else:
        year = _year_in_context(month, day, anchor, text, start)
    if year is None:
        v = f"XXXX-{month:02d}-{day:02d}"
        return _Result("DATE", v, v, "day", relative=True)
    if _safe_date(year, month, day) is None:
        return None
    v = f"{year:04d}-{month:02d}-{day:02d}"
    return _Result("DATE", v, v, "day", relative=True)


def _norm_day_range(g: dict, anchor: Anchor, text: str, start: int) -> _Result | None:
    if g["rm1"]:
        m1, d1, m2, d2, year_tok = _month(g["rm1"]), int(g["rd1"]), g["rm2"], int(g["rd2"] or g["rd3"]), g["ryr"]
        m2 = _month(m2) if m2 else m1
    else:
        m2 = _month(g["rdm"])
        m1 = _month(g["rdm1"]) if g["rdm1"] else m2
        d1, d2, year_tok = int(g["rdd1"]), int(g["rdd2"]), g["rdy"]
    first = _month_day(m1, d1, year_tok, anchor, text, start)
    if first is None:
        return None
    if first.value.startswith("X"):  # no year known: the span still reads as its days
        first.edtf = f"{first.value}/XXXX-{m2:02d}-{d2:02d}"
        first.granularity = "range"
        return first
    y1 = int(first.value[:4])
    y2 = y1 + (1 if (m2, d2) < (m1, d1) else 0)  # "Dec. 30-Jan. 2" crosses into the next year
    if year_tok and m2 < m1:
        y1, y2 = y1 - 1, y1  # "Dec. 30-Jan. 2, 2021": the year is the last day's
    last = _safe_date(y2, m2, d2)
    if last is None or _safe_date(y1, m1, d1) is None or last <= dt.date(y1, m1, d1) \
            or (last - dt.date(y1, m1, d1)).days > 62:
        return None
    first.edtf = f"{y1:04d}-{m1:02d}-{d1:02d}/{last.isoformat()}"
    first.value = f"{y1:04d}-{m1:02d}-{d1:02d}"
    first.granularity = "range"
    return first


def _norm_day_of_month(g: dict, anchor: Anchor, text: str, start: int) -> _Result | None:
    """`the 25th of this month`, `the 3rd of next month`."""
    if anchor.date is None:
        return _Result("DATE", f"XXXX-XX-{int(g['dmd']):02d}", None, "day", relative=True, unresolved=True)
    year, month = _shift_month(anchor.date.year, anchor.date.month, _OFFSETS[g["dmrel"].lower()])
    if _safe_date(year, month, int(g["dmd"])) is None:
        return None
    v = f"{year:04d}-{month:02d}-{int(g['dmd']):02d}"
    return _Result("DATE", v, v, "day", relative=True)


def _norm_month_week(g: dict, anchor: Anchor, text: str, start: int) -> _Result | None:
    """`the first week of July`: days 1-7 of it, `the last week of July` its last seven."""
    month = _month(g["mwm"])
    month_res = _month_day(month, 1, g["mwy"], anchor, text, start)
    if month_res is None or month_res.value.startswith("X"):
        return _Result("DATE", f"XXXX-{month:02d}", None, "range", relative=True, unresolved=True)
    year = int(month_res.value[:4])
    last_day = (dt.date(year + month // 12, month % 12 + 1, 1) - dt.timedelta(days=1)).day
    nth = g["mwn"].lower()
    first = last_day - 6 if nth in ("last", "final") else 1 + 7 * (ORDINAL_WORDS[nth] - 1)
    # TIMEX3 cannot name a week of a month: its value is the month; the timeline gets the days
    v = f"{year:04d}-{month:02d}"
    return _Result("DATE", v, f"{v}-{first:02d}/{v}-{first + 6:02d}", "range", relative=not g["mwy"])


def _norm_week_of_day(g: dict, anchor: Anchor, text: str, start: int) -> _Result | None:
    """`the week of March 6`: the week that holds that day."""
    day = _month_day(_month(g["wom"]), int(g["wod"]), g["woy"], anchor, text, start)
    if day is None or day.unresolved or len(day.value) != 10:
        return day
    first, last = _week_bounds(dt.date.fromisoformat(day.value))
    return _Result("DATE", _week_value(first), f"{first.isoformat()}/{last.isoformat()}", "range",
                   relative=day.relative)


def _norm_mdy(g: dict, anchor: Anchor, text: str, start: int) -> _Result | None:
    return _month_day(_month(g["mm"]), int(g["md"]), g["my"], anchor, text, start, g["myrel"])


def _norm_dmy(g: dict, anchor: Anchor, text: str, start: int) -> _Result | None:
    return _month_day(_month(g["dm"]), int(g["dd"]), g["dy"], anchor, text, start, g["dyrel"])


def _norm_month_year(g: dict, anchor: Anchor, text: str, start: int) -> _Result | None:
    v = f"{_year_number(g['yyy']):04d}-{_month(g['yym']):02d}"
    return _Result("DATE", v, v, "month")


_STYLE_AFTER = re.compile(r"-(?:style|era|vintage|inspired|like|themed)\b")


def _norm_decade(g: dict, anchor: Anchor, text: str, start: int) -> _Result | None:
    if _STYLE_AFTER.match(text, start + len(g["_m"])):
        return None  # "a 1970s-style bar", "the 1950s-era building": what it looks like, not when
    if g["dec4"]:
        prefix = g["dec4"][:3]
    else:
        prefix = "19" + g["dec2"][0]
    edtf = f"{prefix}X"
    if g["decmod"] and any(w in g["decmod"].lower() for w in ("early", "mid", "late")):
        edtf += "~"
    return _Result("DATE", prefix, edtf, "decade")


def _norm_spoken_decade(g: dict, anchor: Anchor, text: str, start: int) -> _Result | None:
    """`the nineties`, `the late sixties`, `the nineteen-eighties`. Without its century, a decade is
    the latest one of that name by the publication date; an undated article leaves it to an editor."""
    if re.search(r"\b(?:his|her|their|its|my|your|our)\s+$", text[max(0, start - 8):start]):
        return None  # "in his sixties" is an age
    tens = SPOKEN_DECADES[g["sdec"].lower()]
    if g["sdcen"]:
        century = 20 if g["sdcen"].lower().startswith("two") else SPOKEN_CENTURIES[g["sdcen"].lower()]
    elif anchor.year is None:
        return _unresolved()
    else:
        century = anchor.year // 100 - (tens > anchor.year % 100 // 10)
    prefix = f"{century}{tens}"
    edtf = f"{prefix}X" + ("~" if any(w in g["sdmod"].lower() for w in ("early", "mid", "late")) else "")
    return _Result("DATE", prefix, edtf, "decade", relative=not g["sdcen"])


def _before_christ(era: str | None) -> bool:
    return era is not None and era.replace(".", "") in ("BC", "BCE")


def _norm_century(g: dict, anchor: Anchor, text: str, start: int) -> _Result | None:
    n = int(g["cennum"]) if g["cennum"] else ORDINAL_WORDS[g["cenword"].lower()]
    if not 1 <= n <= 21:
        return None
    # EDTF counts years as astronomers do (1 BC is year 0): the third century BC, 300-201 BC, is -0299 to
    # -0200, which is -02XX
    prefix = f"-{n - 1:02d}" if _before_christ(g["cenera"]) else f"{n - 1:02d}"
    return _Result("DATE", prefix, f"{prefix}XX", "century")


def _norm_era_year(g: dict, anchor: Anchor, text: str, start: int) -> _Result | None:
    if g["eyfirst"]:
        number, era = int(g["eyfirst"]), "AD"
    else:
        number, era = int(g["ey"].replace(",", "")), g["era"]
    if not 1 <= number <= 9999:
        return None
    if _before_christ(era):
        year = f"-{number - 1:04d}" if number > 1 else "0000"  # astronomical: 48 BC is -0047
    else:
        year = f"{number:04d}"
    return _Result("DATE", year, year, "year")


def _norm_year_range(g: dict, anchor: Anchor, text: str, start: int) -> _Result | None:
    y1 = _year_number(g["ry1"])
    y2s = g["ry2"]
    y2 = int(y2s) if len(y2s) == 4 else (y1 // 100) * 100 + int(y2s)
    if not y1 < y2 <= y1 + 200:
        return None
    return _Result("DATE", str(y1), f"{y1}/{y2}", "range")


def _norm_year_part(g: dict, anchor: Anchor, text: str, start: int) -> _Result | None:
    half = 1 if g["yph"].lower() == "first" else 2
    if g["yhy"]:
        year, relative = _year_number(g["yhy"]), False
    elif anchor.year is None:  # "the second half of the year" in an undated text
        return _Result("DATE", f"XXXX-H{half}", None, "range", relative=True, unresolved=True)
    else:
        year, relative = anchor.year + _OFFSETS.get(g["yhrel"].lower(), 0), True
    return _Result("DATE", f"{year}-H{half}", f"{year}-{1 if half == 1 else 7:02d}/{year}-{6 if half == 1 else 12:02d}",
                   "range", relative=relative)


def _norm_year_edge(g: dict, anchor: Anchor, text: str, start: int) -> _Result | None:
    v = str(_year_number(g["yey"]))  # TimeML keeps the year and marks the edge as a modifier; so does the timeline
    return _Result("DATE", v, v, "year")


def _norm_fiscal_year(g: dict, anchor: Anchor, text: str, start: int) -> _Result | None:
    if g["fyy"]:
        if len(g["fyy"]) == 2 and anchor.year is None:
            return None  # "FY24" with no date to tell its century: not guessed
        v = g["fyy"] if len(g["fyy"]) == 4 else str(_two_digit_year(int(g["fyy"]), anchor))
    else:
        v = str(_year_number(g["fy"]))  # a fiscal year's months vary by company: the year is what is known
    return _Result("DATE", v, v, "year")


def _norm_year_period(g: dict, anchor: Anchor, text: str, start: int) -> _Result | None:
    year = _year_number(g["ypy"])
    if g["ypq"]:
        q = QUARTER_WORDS[g["ypq"].lower()]
        first = 3 * (q - 1) + 1
        return _Result("DATE", f"{year}-Q{q}", f"{year}-{first:02d}/{year}-{first + 2:02d}", "quarter")
    res = _Result("DATE", str(year), str(year), "year")
    if g["_m"].lower().endswith("quarter"):
        res.back_from = ("quarter in", year)  # "the 1988 quarter": the quarter reported on, in 1988
    return res


def _norm_year_quarter(g: dict, anchor: Anchor, text: str, start: int) -> _Result | None:
    """`this year's third quarter`."""
    if anchor.year is None:
        return _unresolved()
    year = anchor.year + {"last": -1, "this": 0, "next": 1}[g["tyrel"].lower()]
    q = QUARTER_WORDS[g["tyq"].lower()]
    first = 3 * (q - 1) + 1
    return _Result("DATE", f"{year}-Q{q}", f"{year}-{first:02d}/{year}-{first + 2:02d}", "quarter", relative=True)


def _norm_time_on_day(g: dict, anchor: Anchor, text: str, start: int) -> _Result | None:
    """`9 a.m. Tuesday`, `5 p.m. EST Nov. 9`, `noon tomorrow`: a time on that day."""
    if g["twd"]:
        day = _norm_weekday({"wd": g["twd"], "wrel": None, "wpart": None, "wwrel": None, "_m": g["_m"]}, anchor, text, start)
    elif g["twm"] or g["twm2"]:
        year = g["twy"] or g["twy2"]
        day = _month_day(_month(g["twm"] or g["twm2"]), int(g["twdd"] or g["twdd2"]), year, anchor, text, start)
    else:
        day = _day_relative({"today": 0, "tomorrow": 1, "yesterday": -1}[g["twrel"].lower()], anchor)
    if day is None:
        return None
    if g["twnoon"]:
        hour, minute = (24 if g["twnoon"].lower() == "midnight" else 12), 0
    elif g["twh24"]:
        hour, minute = int(g["twh24"]), int(g["twmin24"])
    else:
        hour = int(g["twh"]) % 12 + (12 if g["twap"].lower().startswith("p") else 0)
        minute = int(g["twmin"] or 0)
    skip = len(g["twat"] or "")  # "at" only told a 24-hour clock from other numbers
    if day.unresolved or day.edtf is None or len(day.value) != 10:
        return _Result("TIME", f"XXXX-XX-XXT{hour:02d}:{minute:02d}", UNKNOWN, "unknown", relative=True,
                       unresolved=True, skip=skip)
    return _Result("TIME", f"{day.value}T{hour:02d}:{minute:02d}", day.edtf, "day", relative=day.relative, skip=skip)


# "Static Summer", "the Arab Spring", "Indian Summer": a capitalised season after a capitalised word is a name
_NAME_BEFORE_SEASON = re.compile(r"(?<![.!?:\"\u201c\u2018]\s)(?<!^)\b(?!(?:This|Last|Next|Early|Late|Mid|In|The|Of|"
                                 r"Since|During|Until|By|And|Or|Past|Coming)\b)[A-Z][a-z]+[ \t]+$")


# "He said that March was the wettest": "that" opens what was said, not which March
_THAT_SAYS_BEFORE = re.compile(r"\b(?:said|says|say|noted|believe[sd]?|think|thinks|thought|feared|hoped|expected|argued|"
                               r"added|announced|stated|claimed|confirmed|warned|shows?|showed|found|means?|meant|"
                               r"knew|know|is|was|so|such)[ \t]+$", re.I)
_VERB_AFTER_THAT_MONTH = re.compile(r"[ \t]+(?:was|is|were|had|has|saw|will|would|brought|marked|proved|could|may)\b")


def _in_that_year(value: str, edtf: str, granularity: str, text: str, start: int, length: int) -> _Result | None:
    """"an invasion that October", "and that summer he married": the month or season in the year the text last
    gave; with none before it, its year stays unknown."""
    if _THAT_SAYS_BEFORE.search(text, max(0, start - 12), start) or _VERB_AFTER_THAT_MONTH.match(text, start + length):
        return None
    return _Result("DATE", value, edtf, granularity, relative=True, back_from=("that year", 0))


def _season_gone(num: int, day: dt.date) -> bool:
    """Whether this year's spring (21), summer (22) or autumn (23) has ended by `day`: spring with May, and so on.
    A winter runs into the next year, and is never said to be gone this way."""
    return num < 24 and day.month > 3 * (num - 20) + 2


def _norm_season(g: dict, anchor: Anchor, text: str, start: int) -> _Result | None:
    code, num = SEASONS[g["season"].lower()]
    rel = (g["srel"] or "").lower()
    if rel == "that" and not g["sy"]:
        return _in_that_year(f"XXXX-{code}", f"XXXX-{num}", "season", text, start, len(g["_m"]))
    if not rel and not g["sy"] and g["season"][0].isupper() and text.startswith(g["season"], start) \
            and _NAME_BEFORE_SEASON.search(text, max(0, start - 30), start):
        return None
    if g["sy"]:
        year: int | None = _year_number(g["sy"])
    elif rel and rel != "this past":
        if anchor.year is None:
            return _unresolved()
        year = anchor.year + {"last": -1, "the past": -1, "next": 1, "the coming": 1}.get(rel, 0)
        if rel == "last" and anchor.date is not None and _season_gone(num, anchor.date):
            # "last spring", told in December: this year's, the latest gone by ("last fall" in February is
            # the year before's: this year's is to come)
            year += 1
    elif anchor.year is None:
        return _Result("DATE", f"XXXX-{code}", None, "season", relative=True)
    else:
        year = anchor.year  # "the summer": this year's, as news uses it
        if anchor.date is not None and num - 20 > (anchor.date.month + 2) // 3 \
                and (rel == "this past" or not _looks_ahead(text, start)):
            year -= 1  # a season still to come this year, spoken of in the past: last year's
        elif anchor.date is not None and not rel and _season_gone(num, anchor.date) and _looks_ahead(text, start):
            year += 1  # "Production will resume in the spring", told in December: next year's
    return _Result("DATE", f"{year}-{code}", f"{year}-{num}", "season", relative=not g["sy"])


def _norm_quarter(g: dict, anchor: Anchor, text: str, start: int) -> _Result | None:
    if g["qq"]:
        q, year = int(g["qq"][1]), _year_number(g["qqy"])
        relative = False
    else:
        q = QUARTER_WORDS[g["q"].lower()]
        rel = (g["qrel"] or "").lower()
        if g["qy"]:
            year, relative = _year_number(g["qy"]), False
        elif anchor.year is None:
            return _Result("DATE", f"XXXX-Q{q}", None, "quarter", relative=True)
        else:
            year = anchor.year - (1 if rel in ("last", "year-earlier", "year-ago", "previous") else 0)
            if anchor.date is not None and not rel and q > (anchor.date.month - 1) // 3 + 1 \
                    and not _looks_ahead(text, start):
                year -= 1  # "the fourth quarter" in a January report is last year's
            relative = True
    first = 3 * (q - 1) + 1
    # A company's fiscal quarter need not be the calendar's, and with no year named which one is a guess
    unsure = "?" if relative and "fiscal" in g["_m"].lower() else ""
    return _Result("DATE", f"{year}-Q{q}", f"{year}-{first:02d}/{year}-{first + 2:02d}{unsure}", "quarter",
                   relative=relative)


def _norm_this_quarter(g: dict, anchor: Anchor, text: str, start: int) -> _Result | None:
    """`the quarter` in business news is the quarter being reported, the anchor's."""
    if re.match(r"\s+(?:of|century|mile|final)\b", text[start + len(g["_m"]):]):
        return None
    # Early in a quarter, results are still being reported for the one just ended.
    in_first_months = anchor.date is not None and (anchor.date.month - 1) % 3 < 2
    return _relative_unit("quarter", -1 if in_first_months else 0, anchor)


# "record of the year", "European Player of the Year": an award, not a year
_AWARD_OF = re.compile(r"\b(?:record|album|song|player|person|coach|manager|team|book|car|word|man|woman|athlete|artist|"
                       r"photo|photographer|picture|film|movie|game|rookie|driver|goal|entertainer|sportsman|sportswoman|"
                       r"personality|newcomer|employee|teacher|citizen|volunteer|horse|designer|chef|restaurant|company|"
                       r"brand|product|writer|journalist|actor|actress|breakthrough)s?[ \t]+of[ \t]+$", re.I)
_THE_YEAR_BEFORE = re.compile(r"(?i:for|of|in|during|throughout)[ \t]+$")
_THE_YEAR_PERIOD = re.compile(r"[ \t]+(?:ended|ending|to)[ \t]+(?:" + "|".join(MONTH_NAMES) + r"|Jan|Feb|Mar|Apr|Jun|Jul"
                              r"|Aug|Sept?|Oct|Nov|Dec|June|July|tomorrow|today)\b")
_THE_YEAR_OTHER = re.compile(r"[ \t]*(?:before|after|earlier|later|since|when|that|in which|of|which|following|-)",
                             re.I)


def _norm_the_year(g: dict, anchor: Anchor, text: str, start: int) -> _Result | None:
    """`the year` after a preposition is the year the report is about: "for the year, volume was
    flat", "the first nine months of the year". `the year ended Sept. 30` is a twelve-month period.
    "The year before", "the year that the war ended" name another year: not read."""
    after = text[start + len(g["_m"]):]
    if _THE_YEAR_PERIOD.match(after):
        return _Result("DURATION", "P1Y", None, "duration")
    if _THE_YEAR_OTHER.match(after) or not _THE_YEAR_BEFORE.search(text, max(0, start - 12), start) \
            or _AWARD_OF.search(text, max(0, start - 30), start):
        return None
    return _relative_unit("year", 0, anchor)


_OPENS_A_SENTENCE = re.compile(r"(?:^|[.!?][\"'\u201d\u2019)]*[ \t]+|\n[ \t]*)$")
_YEARS_IN = {"year": 1, "decade": 10, "century": 100, "centurie": 100}
_CLAUSE_ENDS = re.compile(r"[ \t]*(?:[,.;:)\n]|$)")


def _norm_ago(g: dict, anchor: Anchor, text: str, start: int) -> _Result | None:
    n = _number(g["agon"])
    if g["agohalf"] and n is not None:
        n += 0.5  # "a year and a half ago"
    unit = g["agou"].lower()
    direction = g["agodir"].lower()
    sign = -1 if direction in ("ago", "earlier", "before") else 1
    if unit == "fortnight":
        unit, n = "week", None if n is None else 2 * n
    # "three years later" counts from the story's last date, as "ten days later" does: "later" is never
    # the publication's. Years "earlier" stay the publication's ("up from a year earlier" in a report).
    # So do years "earlier" opening a sentence of a narrative: "Twenty-five years earlier, on July 20, 1944, ..."
    # ("A year earlier, net income was ..." is a report's year before, counted from its period).
    story_years = unit in ("year", "decade", "century", "centurie") and (
        direction == "later" or direction in ("earlier", "before") and (n is None or n * _YEARS_IN[unit] > 1)
        and _OPENS_A_SENTENCE.search(text, max(0, start - 8), start) is not None
        and text.startswith(",", start + len(g["_m"])))
    counted = story_years or (direction in ("earlier", "before", "later")
                              and unit in ("day", "week", "month", "hour", "minute"))

    signal = len(g["_m"]) - g["_m"].lower().rindex(direction)
    if direction in ("earlier", "later") and _THAN.match(text, start + len(g["_m"])):
        return None  # "two quarters earlier than it forecast": how much sooner, no date
    if n is None:  # "several years ago": TimeML's vague past (or future), which places nothing
        if counted:  # "a few days later": a vague length
            return _Result("DURATION", _duration(None, unit), None, "duration",
                           counted_length=(_duration(None, unit), signal))
        return _Result("DATE", "PAST_REF" if sign < 0 else "FUTURE_REF", None, "ref")
    length, n = n, int(n)
    if counted:
        # "two days later" counts from the day the text last named, not from the anchor.
        res = _Result("DATE", "XXXX-XX-XX", None, "unknown", relative=True,
                      counted_length=(_duration(length, unit), signal))
        # "two days before a shutdown deadline": before what the text names next, not its last date
        res.before_what_follows = direction == "before" and not _CLAUSE_ENDS.match(text, start + len(g["_m"]))
        if story_years:  # from any date the text gave before, a bare year too; with none, no date
            res.back_from = ("year", sign * n * _YEARS_IN[unit])
            res.from_any_date = True
        else:
            res.back_from = (unit, sign * n)
        return res
    if anchor.date is None:
        return _unresolved()
    if unit == "year" and length != n:  # "two and a half years ago": the year it is counted back to
        y, _ = _shift_month(anchor.date.year, anchor.date.month, sign * round(length * 12))
        return _Result("DATE", str(y), str(y), "year", relative=True)
    if unit in ("year", "decade", "century", "centurie"):
        years = n * _YEARS_IN[unit]
        v = str(anchor.date.year + sign * years)
        res = _Result("DATE", v, v, "year", relative=True)
        if unit == "year":
            res.back_from = ("year", sign * years)
        return res
    if unit == "month" or unit == "quarter":
        y, m = _shift_month(anchor.date.year, anchor.date.month, sign * n * (3 if unit == "quarter" else 1))
        v = f"{y:04d}-{m:02d}"
        return _Result("DATE", v, v, "month", relative=True)
    if unit == "week":  # "six weeks ago" names a week, not a day: a day would claim more than the text
        day = anchor.date + dt.timedelta(weeks=sign * n)
        lo, hi = _week_bounds(day)
        return _Result("DATE", _week_value(day), f"{lo.isoformat()}/{hi.isoformat()}", "week", relative=True)
    if unit == "day":
        v = (anchor.date + dt.timedelta(days=sign * n)).isoformat()
        return _Result("DATE", v, v, "day", relative=True)
    return _Result("TIME", anchor.date.isoformat(), anchor.date.isoformat(), "day", relative=True)


def _norm_year_ago(g: dict, anchor: Anchor, text: str, start: int) -> _Result | None:
    """`the year-earlier quarter`, `year-ago results`: the year before (the period the text is about)."""
    if anchor.year is None:
        return _unresolved()
    v = str(anchor.year - 1)
    res = _Result("DATE", v, v, "year", relative=True)
    res.back_from = ("year", -1)
    return res


def _count_from(res: _Result, value: str, unit: str, count: int) -> None:
    """`res` as `count` units from the date `value` (in place); unknown when `value` is too coarse
    for the unit ("that day" after "in 1979")."""
    res.type, res.relative, res.unresolved = "DATE", True, False
    if unit == "year":
        res.value = res.edtf = str(int(value[:4]) + count)
        res.granularity = "year"
    elif unit == "month" and re.match(r"\d{4}-\d\d(?:$|-)", value):
        y, mo = _shift_month(int(value[:4]), int(value[5:7]), count)
        res.value = res.edtf = f"{y:04d}-{mo:02d}"
        res.granularity = "month"
    elif unit in ("day", "week") and re.match(r"\d{4}-\d\d-\d\d", value):
        day = dt.date.fromisoformat(value[:10]) + dt.timedelta(days=count * (7 if unit == "week" else 1))
        if unit == "week":
            lo, hi = _week_bounds(day)
            res.value, res.edtf, res.granularity = _week_value(day), f"{lo.isoformat()}/{hi.isoformat()}", "week"
        else:
            res.value = res.edtf = day.isoformat()
            res.granularity = "day"
    else:  # what is known of it: "that day" after "in October 1998" is some day of that October
        known = re.match(r"\d{4}(?:-\d\d)?", value).group(0)
        if unit == "day":
            res.value = res.edtf = known + "-XX" * (3 - len(known.split("-")))
        else:
            res.value = res.edtf = known + ("-XX" if unit == "month" else "")
            if unit == "week":
                res.value = f"{known[:4]}-WXX"
        res.granularity = "month" if len(known) == 7 else "year"


def _back_from(res: _Result, previous: list[Mention], anchor: Anchor) -> None:
    """Re-read a `back_from` result against what the text dated before it (in place)."""
    unit, count = res.back_from
    recent = previous[-10:]
    if unit == "that year":
        for m in reversed(recent):
            if m.type in ("DATE", "TIME") and re.match(r"\d{4}(?:$|-)", m.value):
                res.value, res.edtf = m.value[:4] + res.value[4:], m.value[:4] + (res.edtf or "")[4:]
                res.counted_from = m.text
                return
        return
    if unit == "year" and not res.from_any_date:
        _back_from_period(res, recent, count, anchor)
        return
    if unit == "quarter in":
        _back_from_period(res, recent, 0, anchor, in_year=count)
        return
    for m in reversed(recent):
        if res.from_any_date and m.type in ("DATE", "TIME") and re.match(r"\d{4}(?:$|-)", m.value):
            _count_from(res, m.value, unit, count)
            res.needs_antecedent = False
            res.counted_from = m.text
            return
        if unit != "year" and re.fullmatch(r"\d{4}-\d\d-\d\d", m.value):
            res.counted_from = m.text
            day = dt.date.fromisoformat(m.value)
            if unit in ("day", "week", "weekday"):
                # "weekday": the first such weekday after the day
                day += dt.timedelta(days=(count - day.weekday()) % 7 or 7 if unit == "weekday"
                                    else count * (7 if unit == "week" else 1))
                res.value = res.edtf = day.isoformat()
                res.granularity = "day"
            elif unit == "month":
                y, mo = _shift_month(day.year, day.month, count)
                res.value = res.edtf = f"{y:04d}-{mo:02d}"
                res.granularity = "month"
            else:
                return
            res.unresolved = False
            return


def _back_from_period(res: _Result, recent: list[Mention], count: int, anchor: Anchor,
                      in_year: int | None = None) -> None:
    """"A year earlier" beside quarters: the quarter (or half) the text reports on, `count` years on
    (or in the year `in_year`).

    That is the latest one named that has ended: not a forecast ("losses through the third quarter of
    1990"), nor an earlier one told in passing ("after a flat second quarter"). A fiscal quarter may
    end before its calendar namesake, so with none ended, the last one named."""
    named, ended = [], []
    for m in recent:
        if not re.fullmatch(r"\d{4}-(?:Q[1-4]|H[12])", m.value):
            continue
        year, part = int(m.value[:4]), m.value[5:]
        last = 3 * int(part[1]) if part[0] == "Q" else 6 if part == "H1" else 12
        named.append((year, last, part))
        if count > 0 or anchor.date is None or dt.date(year, last, 1) <= anchor.date:
            ended.append((year, last, part))
    if not named:
        return
    year, last, part = max(ended, key=lambda p: p[:2]) if ended else named[-1]
    year = in_year if in_year is not None else year + count
    first = last - 2 if part[0] == "Q" else last - 5
    res.value = f"{year}-{part}"
    res.edtf, res.granularity = f"{year}-{first:02d}/{year}-{last:02d}", "quarter"


def _relative_unit(unit: str, offset: int, anchor: Anchor) -> _Result:
    """`last week`, `this month`, `next year` against the anchor."""
    if anchor.date is None:
        if unit == "year" and anchor.year is not None:
            v = str(anchor.year + offset)
            return _Result("DATE", v, v, "year", relative=True)
        return _unresolved()
    d = anchor.date
    if unit == "week":
        day = d + dt.timedelta(weeks=offset)
        lo, hi = _week_bounds(day)
        return _Result("DATE", _week_value(day), f"{lo.isoformat()}/{hi.isoformat()}", "week", relative=True)
    if unit == "weekend":
        day = d + dt.timedelta(weeks=offset)
        lo, _ = _week_bounds(day)
        sat = lo + dt.timedelta(days=5)
        return _Result("DATE", _week_value(day) + "-WE",
                       f"{sat.isoformat()}/{(sat + dt.timedelta(days=1)).isoformat()}", "week", relative=True)
    if unit == "month":
        y, m = _shift_month(d.year, d.month, offset)
        v = f"{y:04d}-{m:02d}"
        return _Result("DATE", v, v, "month", relative=True)
    if unit == "quarter":
        q0 = (d.month - 1) // 3 + offset
        y, q = d.year + q0 // 4, q0 % 4 + 1
        first = 3 * (q - 1) + 1
        return _Result("DATE", f"{y}-Q{q}", f"{y}-{first:02d}/{y}-{first + 2:02d}", "quarter", relative=True)
    if unit == "year":
        v = str(d.year + offset)
        return _Result("DATE", v, v, "year", relative=True)
    if unit == "decade":
        prefix = str(d.year // 10 + offset)
        return _Result("DATE", prefix, prefix + "X", "decade", relative=True)
    if unit == "century":
        prefix = f"{d.year // 100 + offset:02d}"
        return _Result("DATE", prefix, prefix + "XX", "century", relative=True)
    if unit == "day":
        v = (d + dt.timedelta(days=offset)).isoformat()
        return _Result("DATE", v, v, "day", relative=True)
    return _Result("DURATION", "PT1H" if unit == "hour" else "PT1M", None, "duration")


_OFFSETS = {"last": -1, "past": -1, "the past": -1, "previous": -1, "the previous": -1,
            "next": 1, "coming": 1, "the coming": 1, "following": 1, "the following": 1,
            "this": 0, "current": 0, "the current": 0}


def _norm_story_unit(g: dict, anchor: Anchor, text: str, start: int) -> _Result | None:
    """`that year`, `later that day`, `the same month`: the date the story last gave; with none, unknown."""
    unit = g["suunit"].lower()
    res = _unresolved()
    res.back_from, res.from_any_date, res.needs_antecedent = (unit, 0), True, True
    return res


def _norm_day_around(g: dict, anchor: Anchor, text: str, start: int) -> _Result | None:
    step = -1 if g["daround"].lower() == "before" else 1
    res = _day_relative(step, anchor)
    res.back_from, res.from_any_date, res.needs_antecedent = ("day", step), True, True
    return res


def _norm_within_unit(g: dict, anchor: Anchor, text: str, start: int) -> _Result | None:
    """`the full year`, `the end of the year`, `earlier in the month`: the publication's year or month."""
    return _relative_unit(g["wuunit"].lower(), 0, anchor)


_NARRATIVE = {"the following": 1, "following": 1, "the next": 1, "the previous": -1, "the preceding": -1}


def _norm_rel_unit(g: dict, anchor: Anchor, text: str, start: int) -> _Result | None:
    rel = " ".join(g["rrel"].lower().split())
    unit = g["runit"].lower()
    if g["rnum"] or g["rplural"]:
        n = _number(g["rnum"].strip()) if g["rnum"] else None
        if unit == "weekend":
            unit = "week"
        return _Result("DURATION", _duration(n, unit), None, "duration")
    if unit == "fortnight":  # "the past fortnight", "the next fortnight": two weeks, as British news counts
        return _Result("DURATION", _duration(1, unit), None, "duration")
    if rel in ("the past", "past") and unit in ("week", "month", "year", "decade", "day"):
        # "the past year" is a stretch of time ending now, as TimeML reads it.
        return _Result("DURATION", _duration(1, unit), None, "duration")
    if unit in ("hour", "minute"):
        return _Result("DURATION", _duration(1, unit), None, "duration")
    if rel in _NARRATIVE and unit in ("day", "week", "month", "year"):
        # "On May 22, 1995, he was promoted, and the following year...": the story's time, not the
        # publication's; the publication's only when the text gave no date before.
        res = _relative_unit(unit, _NARRATIVE[rel], anchor)
        res.back_from, res.from_any_date = (unit, _NARRATIVE[rel]), True
        # "he resigned the next day" after no date at all is the day after something the text never dated
        res.needs_antecedent = unit == "day"
        return res
    if unit == "day":
        return None
    return _relative_unit(unit, _OFFSETS.get(rel, 0), anchor)


def _norm_rel_unit_mod(g: dict, anchor: Anchor, text: str, start: int) -> _Result | None:
    return _relative_unit(g["ruunit"].lower(), _OFFSETS[g["rurel"].lower()], anchor)


def _day_relative(offset: int, anchor: Anchor) -> _Result:
    if anchor.date is None:
        return _unresolved()
    v = (anchor.date + dt.timedelta(days=offset)).isoformat()
    return _Result("DATE", v, v, "day", relative=True)


# "Today's youth", "many of today's computers", "the people of tomorrow": the era, not a day.
_ERA_NOUNS = (r"(?:world|youth|young|society|generations?|children|kids|teenagers|students|families|people|"
              r"leaders|workers|workforce|jobs|technology|economy|culture|armies|army|cars|computers|weapons|schools)")
_ERA_POSSESSIVE = re.compile(r"['\u2019]s\b(?P<era>\s+(?:[a-z]+\s+)?" + _ERA_NOUNS + r"\b)?", re.I)
_ERA_OF = re.compile(r"\b" + _ERA_NOUNS + r"\s+of\s+$", re.I)


def _names_an_era(text: str, start: int, end: int) -> bool:
    possessive = _ERA_POSSESSIVE.match(text, end)
    if possessive:
        return bool(possessive["era"])
    return bool(_ERA_OF.search(text[max(0, start - 20):start]))


def _norm_new_year(g: dict, anchor: Anchor, text: str, start: int) -> _Result | None:
    """`the new year`: the year to come when said from July on, the year just begun before then."""
    if anchor.date is None:
        return _unresolved()
    v = str(anchor.date.year + (anchor.date.month >= 7))
    return _Result("DATE", v, v, "year", relative=True)


def _norm_today(g: dict, anchor: Anchor, text: str, start: int) -> _Result | None:
    word = " ".join(g["today"].lower().split())
    if word in ("today", "tomorrow") and g["today"] == g["_m"] and _names_an_era(text, start, start + len(word)):
        return None
    offset = {"today": 0, "tomorrow": 1, "yesterday": -1, "the day before yesterday": -2,
              "the day after tomorrow": 2}[word]
    return _day_relative(offset, anchor)


def _norm_the_weekend(g: dict, anchor: Anchor, text: str, start: int) -> _Result | None:
    """`the weekend`: the one just past, or the coming one when the sentence looks ahead."""
    if anchor.date is None:
        return _unresolved()
    d = anchor.date
    saturday = d - dt.timedelta(days=(d.weekday() - 5) % 7)
    if _looks_ahead(text, start) and d.weekday() < 5:
        saturday += dt.timedelta(weeks=1)
    return _weekend(saturday)


def _weekend(saturday: dt.date) -> _Result:
    return _Result("DATE", _week_value(saturday) + "-WE",
                   f"{saturday.isoformat()}/{(saturday + dt.timedelta(days=1)).isoformat()}", "week", relative=True)


def _norm_before_last(g: dict, anchor: Anchor, text: str, start: int) -> _Result | None:
    """"The week before last": two weeks back; "the weekend before last", the one before the last."""
    unit = g["blunit"].lower()
    if unit != "weekend":
        return _relative_unit(unit, -2, anchor)
    if anchor.date is None:
        return _unresolved()
    d = anchor.date
    return _weekend(d - dt.timedelta(days=(d.weekday() - 5) % 7 + 7))


def _norm_half_code(g: dict, anchor: Anchor, text: str, start: int) -> _Result | None:
    """"H1 2024", "H2'23": a half year, as company reports write it."""
    half, year_token = int(g["hcode"]), g["hcy"]
    if len(year_token) == 2:
        if anchor.year is None:
            return None  # a century would be a guess
        year = _two_digit_year(int(year_token), anchor)
    else:
        year = int(year_token)
    return _Result("DATE", f"{year}-H{half}", f"{year}-{1 if half == 1 else 7:02d}/{year}-{6 if half == 1 else 12:02d}",
                   "range")


def _norm_part_of_day(g: dict, anchor: Anchor, text: str, start: int) -> _Result | None:
    rel = (g["prel"] or g["mrel"] or ("today" if g["mpart"] else "tonight")).lower()
    part = (g["ppart"] or g["mpart"] or "").lower()
    if rel == "tonight":
        part, offset = "night", 0
    else:
        offset = {"this": 0, "today": 0, "yesterday": -1, "tomorrow": 1, "last": -1}[rel]
        if rel == "last" and part != "night":
            return None
    res = _day_relative(offset, anchor)
    if res.unresolved:
        return _Result("TIME", UNKNOWN, UNKNOWN, "unknown", relative=True, unresolved=True)
    return _Result("TIME", f"{res.value}T{PARTS_OF_DAY[part]}", res.edtf, "day", relative=True)


# What a sentence opening on a day goes on to say: "On Tuesday, the league plans to hold a news conference".
_PLAN_AFTER = re.compile(r",?\s+(?:the\s+)?(?:[A-Z][\w.'-]*\s+|of\s+|and\s+|[a-z]+'s\s+){0,8}?"
                         r"(?:will|plans? to|is to|are to|is scheduled to|are scheduled to|is expected to|are expected to|"
                         r"is due to|are due to|intends? to)\b")


def _plan_follows(text: str, start: int, end: int) -> bool:
    """Does a sentence that opens on this day go on to a plan? Only its subject may come between. A day told
    after a verb in the past is that verb's: "Biden declared a disaster on Thursday, and will visit"."""
    if not _PLAN_AFTER.match(text, end):
        return False
    window = text[max(0, start - 80):start]
    return not _PAST_VERB.search(window, max(_sentence_end(window), window.rfind("\n")) + 1)


_SCHEDULED_AFTER = re.compile(r"\s+(?:deadline|vote|election|meeting|summit|hearing|game|match|debate|launch|ceremony|"
                              r"talks|session|trial|rally|parade|opening|final|race)\b")


# "days before a Friday deadline" is the coming Friday; "tendered by the Tuesday deadline" may be gone
_DEADLINE_AFTER = re.compile(r"\s+deadline\b")
_DEADLINE_AHEAD = re.compile(r"(?:\b(?:before|ahead of)\s+(?:a|the)|\ba)\s+$", re.I)


_THE_DAY_AROUND = re.compile(r"[ \t]+(?:after|before|following|preceding)[ \t]+(?:the|a|an|his|her|its|their)\b")


def _norm_weekday(g: dict, anchor: Anchor, text: str, start: int) -> _Result | None:
    tok = g["wd"]
    if tok.isupper() and len(tok) > 3 and tok.rstrip(".") not in [w.upper() for w in WEEKDAY_NAMES]:
        return None
    if not _MONTH_CAP.match(tok):
        return None
    target = _weekday(tok)
    rel = (g["wrel"] or "").lower()
    if not rel and _part_of_a_name(text, start, start + len(g["_m"])):
        return None
    if rel == "following":  # "He returned the following Monday": after the day the story last gave
        res = _unresolved()  # with no such day before it, a weekday of an unknown week: flagged, not guessed
        res.back_from = ("weekday", target)
        return res
    if anchor.date is None or not rel and _THE_DAY_AROUND.match(text, start + len(g["_m"])) \
            and re.search(r"\b[Tt]he[ \t]+$", text[max(0, start - 6):start]):
        # "on the Monday after the coronation": a day counted from an event the words do not date
        return _unresolved()
    d = anchor.date
    # "would get around Wednesday's ruling": the clause's tense is the verb's, not the possessive's; but a
    # deadline or a vote is set ahead ("must act before Friday's deadline")
    possessive = text.startswith(("'s", "\u2019s"), start + len(g["_m"])) \
        and not _SCHEDULED_AFTER.match(text, start + len(g["_m"]) + 2)
    if (g.get("wweek") or g.get("wfrom")) and not rel:
        # "Wednesday week", as Britain says it, and "a week from Wednesday": weeks after the coming Wednesday
        weeks = _number(g["wfrom"]) if g.get("wfrom") else 1
        day = d + dt.timedelta(days=((target - d.weekday()) % 7 or 7) + 7 * weeks)
    elif g["wwrel"] and not rel:  # "Tuesday last week": that weekday of the week named
        week_start = d - dt.timedelta(days=d.weekday()) + dt.timedelta(weeks=_OFFSETS[g["wwrel"].lower()])
        day = week_start + dt.timedelta(days=target)
    elif rel in ("next", "coming") or (not rel and not possessive and (
            _looks_ahead(text, start) or _plan_follows(text, start, start + len(g["_m"]))
            or _DEADLINE_AFTER.match(text, start + len(g["_m"])) and _DEADLINE_AHEAD.search(text, max(0, start - 20), start))):
        delta = (target - d.weekday()) % 7 or (7 if rel else 0)
        day = d + dt.timedelta(days=delta)
    elif rel == "this":
        day = d + dt.timedelta(days=target - d.weekday())
    else:
        delta = (d.weekday() - target) % 7
        if rel in ("last", "past", "previous") and delta == 0:
            delta = 7
        day = d - dt.timedelta(days=delta)
    v = day.isoformat()
    if g.get("wpart"):  # "Friday night": a time of that day, as TimeML writes it; on the timeline, the day
        return _Result("TIME", f"{v}T{PARTS_OF_DAY[g['wpart'].lower()]}", v, "day", relative=True)
    return _Result("DATE", v, v, "day", relative=True)


_CAP_WORD_BEFORE = re.compile(r"(?:^|(?<![!?:;\"\u201c\n'`])(?:(?<=\b(?:Mr|Ms|Dr|St)\.)|(?<=Mrs\.)|(?<![.])))"
                              r"[ \t]([A-Z][a-z]+)\s+$")
_CAP_WORD_AFTER = re.compile(r"^\s+([A-Z][a-z]+)")
_NOT_NAMES = {"On", "Last", "Next", "This", "By", "Since", "Until", "Till", "From", "Before", "After", "Early",
              "Late", "Every", "Each", "The", "Through", "Between", "And", "Or", "Earlier", "Later", "Also", "But",
              "Then", "As", "Only", "Even", "Again", "Still"}


_TITLE_AND_NAME_BEFORE = re.compile(r"\b(?:Mr|Ms|Mrs|Dr|Sgt|Gen|Col|Capt|Lt|Prof|Rev|Sen|Rep|Gov)\.?\s+[A-Z][a-z]+\s+$")
_NAMED_DAYS = {"Good", "Black", "Ash", "Holy", "Maundy", "Super", "Cyber", "Palm", "Easter", "Bloody", "Man", "Girl"}


def _part_of_a_name(text: str, start: int, end: int) -> bool:
    """`Mr. Will Friday`, `Sunday Adelaja`, `Good Friday`: a weekday that belongs to a name.

    A capitalised word before a weekday is usually a place or a subject, news style
    dropping the "on" ("attacks in Kenya and Tanzania Friday"): it makes a name only
    after a title, or as one of the named days."""
    before = _CAP_WORD_BEFORE.search(text[max(0, start - 30):start])
    if before and before.group(1) not in _NOT_NAMES and (
            before.group(1) in _NAMED_DAYS or _TITLE_AND_NAME_BEFORE.search(text[max(0, start - 45):start])):
        return True
    if _A_TITLE_AFTER.match(text, start) or _A_PAPER_BEFORE.search(text, max(0, start - 16), start):
        return True  # "appeared on Saturday Night Live", "told the Sunday Times", "the Mail on Sunday"
    if _DAY_CUE_BEFORE.search(text, max(0, start - 12), start):
        return False  # "said on Tuesday Russia would ...": the name after is the next clause's subject
    after = _CAP_WORD_AFTER.match(text[end:end + 30])
    return bool(after and after.group(1) not in _MONTH_FORMS and after.group(1) not in _NOT_NAMES)


_A_TITLE_AFTER = re.compile(r"[A-Z][a-z]+[ \t]+(?:Night[ \t]+(?:Live|Football|Lights|Fever)|Times|Telegraph|Mirror|"
                            r"Express|Post|Herald|Independent|Tribune|Mail|Sport|Politics|Brunch|Kitchen)\b")
_A_PAPER_BEFORE = re.compile(r"\b(?:Mail|Independent|Sun|Express|Star)[ \t]+on[ \t]+$")
_DAY_CUE_BEFORE = re.compile(r"\b(?:on|said|says)[ \t]+$", re.I)


# What comes before a rate's unit: "8% annually", "$500 million a year", "700 seats a week".
_AFTER_A_QUANTITY = re.compile(
    r"(?:\d|%|\b(?:percent|per\s+cent|million|billion|trillion|thousand|hundred))\s+(?:[a-z]+\s+)?$", re.I)


def _norm_set(g: dict, anchor: Anchor, text: str, start: int) -> _Result | None:
    if g["setadv"]:
        if _AFTER_A_QUANTITY.search(text[max(0, start - 40):start]):
            return None  # "grow 8% annually", "10,000 units annually": a rate's unit, as "per year" in "$5 per year"
        adv = g["setadv"].lower()
        v = {"daily": "P1D", "nightly": "P1D", "weekly": "P1W", "monthly": "P1M",
             "annually": "P1Y", "yearly": "P1Y", "hourly": "PT1H"}[adv]
        return _Result("SET", v, None, "set")
    unit = g["setu"].lower()
    n = {"other": 2, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6}.get((g["setn"] or "").lower(), 1)
    if unit in (w.lower() for w in WEEKDAY_NAMES):
        return _Result("SET", f"XXXX-WXX-{[w.lower() for w in WEEKDAY_NAMES].index(unit) + 1}", None, "set")
    if unit in (m.lower() for m in MONTH_NAMES):
        return _Result("SET", f"XXXX-{[m.lower() for m in MONTH_NAMES].index(unit) + 1:02d}", None, "set")
    if unit in ("morning", "evening", "night"):
        return _Result("SET", f"XXXX-XX-XXT{PARTS_OF_DAY[unit]}", None, "set")
    code = {"day": "D", "week": "W", "month": "M", "year": "Y", "quarter": "Q"}[unit]
    return _Result("SET", f"P{n}{code}", None, "set")


def _norm_duration(g: dict, anchor: Anchor, text: str, start: int) -> _Result | None:
    n = _number(g["dn"])
    unit = g["du"].lower()
    if g["dn"].lower() in ("a", "an") and not g["dhalf"] and re.match(r"[\s-]*(?:ago|earlier|later)",
                                                                     text[start + len(g["_m"]):]):
        return None
    if g["dn"].lower() in ("a", "an") and _AFTER_A_QUANTITY.search(text[max(0, start - 40):start]):
        return None  # "$500 million a year", "700 seats a week": a rate's unit, as "per year"
    if unit == "quarter":
        return None  # "three quarters of ..." is a fraction far more often than a duration
    if re.match(r"[\s-]+old\b", text[start + len(g["_m"]):]):
        return None  # "a 6-year-old boy": an age, not a stretch of time
    if g["dhalf"] and n is not None:
        n += 0.5  # "an hour and a half"
    res = _Result("DURATION", _duration(n, unit), None, "duration")
    the = g["dthe"] or ""
    if the.lower().split() == ["the"] and (not g["dpl"] or "-" in g["_m"]):
        res.skip = len(the)  # "the 14-day strike", "the two day visit": "the" belongs to the noun
    return res


def _norm_bare_units(g: dict, anchor: Anchor, text: str, start: int) -> _Result | None:
    unit = g["bunit"].lower().rstrip("s")
    if unit == "centurie":
        unit = "century"
    before = text[max(0, start - 12):start].lower()
    # Only "for years", "in recent weeks", "decades of" read as durations on their own.
    if not re.search(r"(?:for|in|over|within|after|recent|past|coming|those|these|many|the)\s+$", before):
        return None
    return _Result("DURATION", _duration(None, unit), None, "duration")


_REFS = {
    "now": "PRESENT_REF", "right now": "PRESENT_REF", "currently": "PRESENT_REF",
    "at present": "PRESENT_REF", "nowadays": "PRESENT_REF", "presently": "PRESENT_REF",
    "these days": "PRESENT_REF", "at the moment": "PRESENT_REF", "so far": "PRESENT_REF",
    "to date": "PRESENT_REF", "for now": "PRESENT_REF", "current": "PRESENT_REF", "then current": "PAST_REF",
    "recently": "PAST_REF", "lately": "PAST_REF", "recent years": "PAST_REF", "recent": "PAST_REF",
    "the past": "PAST_REF", "formerly": "PAST_REF", "former": "PAST_REF", "once": "PAST_REF",
    "the future": "FUTURE_REF", "in the future": "FUTURE_REF", "soon": "FUTURE_REF",
    "any time": "FUTURE_REF", "immediately": "PRESENT_REF",
    "a later date": "FUTURE_REF", "a future date": "FUTURE_REF",
    "the near term": "FUTURE_REF", "the short term": "FUTURE_REF", "the long term": "FUTURE_REF",
}
# Refs that TimeML annotates as times; the rest of the list is context we must not
# turn into events, but scoring them as TIMEX would only add false positives.
_ANNOTATED_REFS = {"now", "right now", "currently", "recently", "recent", "the future", "the past",
                   "recent years", "nowadays", "these days", "at present", "lately", "presently", "current",
                   "then current", "soon", "a later date", "a future date", "the near term", "the short term",
                   "the long term", "a while"}
# "Current" is the present's adjective, as "recent" is the past's ("its current owner"), but not
# where it is a noun ("swept away by the current", "the current of") or a term of its own
# ("current account", "in current dollars": nominal ones, "alternating current").
_CURRENT_NOT_OF_TIME = re.compile(
    r"\s*(?:[^\w\s]|$|(?:of|in|and|or|from|to|was|is|were|are|has|had|flows?|flowing|that|which|"
    r"accounts?|assets?|liabilit\w*|ratio|yield|dollars?|prices?)\b)", re.I)
_CURRENT_AS_NOUN_AFTER = re.compile(r"\b(?:alternating|direct|electric|electrical|ocean|rip|tidal)\s+$", re.I)
_TERM_AS_ADJECTIVE = re.compile(r"\s+(?:debt|bonds?|loans?|notes?|rates?|interest|securities|paper|borrowings?|"
                                r"financing|funds?|investments?|deposits?|outlook|prospects?|goals?|plans?|contracts?|"
                                r"care|memory|trend|profits?|earnings|gains?|costs?|savings|lots?|parking)\b", re.I)
# "Soon" is the future only where it says so: not "as soon as", "soon after", or a past tale ("was soon
# released", "soon became").
_SOON_NOT_AHEAD = re.compile(r"\s*(?:as|after|afterwards?|thereafter|became|began|came|went|found|left|\w+ed)\b", re.I)


def _opens_sentence(text: str, start: int) -> bool:
    before = text[max(0, start - 6):start].rstrip(" \t\"'`\u201c\u2018")
    return not before or before[-1] in ".!?\n" or before.endswith(("''", "\u201d"))


def _norm_ref(g: dict, anchor: Anchor, text: str, start: int) -> _Result | None:
    word = " ".join(g["ref"].lower().replace("-", " ").split())
    if word not in _ANNOTATED_REFS:
        return None
    end = start + len(g["ref"])
    if word == "current" and (_CURRENT_NOT_OF_TIME.match(text, end)
                              or _CURRENT_AS_NOUN_AFTER.search(text[max(0, start - 14):start])):
        return None
    if g["ref"] == "Now" and text.startswith(",", end) and _opens_sentence(text, start):
        return None  # "Now, ..." opening a sentence is a turn in the telling, not the present
    if word == "a while":  # "for a while": a stretch of time of no stated length
        before = text[max(0, start - 12):start]
        if not re.search(r"\b(?:for|in|after)\s+$", before, re.I) or re.search(r"\bonce\s+in\s+$", before, re.I):
            return None  # "once in a while" is how often, not how long
        return _Result("DURATION", "PXX", None, "duration")
    if word.endswith(" term") and _TERM_AS_ADJECTIVE.match(text, end):
        return None  # "the short term debt": a kind of debt, not a time
    if word == "soon" and (_SOON_NOT_AHEAD.match(text, end)
                           or re.search(r"\b(?:was|were|had)\s+$", text[max(0, start - 6):start], re.I)):
        return None
    if word == "right now":
        res = _Result("DATE", "PRESENT_REF", None, "ref")
        res.skip = len(g["ref"]) - 3  # TimeML marks "now", not its "right"
        return res
    if word == "the past" and re.match(r"\s+(?:few|\d|two|three|four|five|six|several)", text[start + len(word):]):
        return None
    return _Result("DATE", _REFS[word], None, "ref")


def _norm_time(g: dict, anchor: Anchor, text: str, start: int) -> _Result | None:
    if g["tnoon"]:
        hour, minute = (12, 0) if g["tnoon"].lower() in ("noon", "midday") else (0, 0)
        if g["tnoon"].lower() == "midnight":
            hour = 24
    elif g["th24"]:
        hour, minute = int(g["th24"]), int(g["tmin24"])
    else:
        hour = int(g["th"]) % 12 + (12 if g["tap"].lower().startswith("p") else 0)
        minute = int(g["tmin"] or 0)
    skip = len(g["tat"] or "")
    if anchor.date is None:
        return _Result("TIME", f"XXXX-XX-XXT{hour:02d}:{minute:02d}", None, "time", relative=True, skip=skip)
    day = anchor.date.isoformat()
    return _Result("TIME", f"{day}T{hour:02d}:{minute:02d}", None, "time", relative=True, skip=skip)


_MONTH_LEFT_CUE = re.compile(
    r"(?:\b(?:in|since|until|till|by|during|from|through|to|of|before|after|on|last|next|this|early|"
    r"mid|late|between|and|for|around|end|start|beginning|middle|throughout)[ \t-]*"
    r"|\b(?:" + "|".join(MONTH_NAMES) + r")[ \t]*[-\u2013][ \t]*)$", re.I)  # "the October-December quarter"


_DETERMINER_BEFORE = re.compile(r"\b(?:a|the|its|their|his|her|our)\s+$", re.I)
_NOUN_AFTER = re.compile(r"[ \t]+(?!(?:and|or|of|to|in|on|at|for|by|is|was|will|had|has|said|says)\b)[a-z]{3,}\b")
_PERIOD_TO_BEFORE = re.compile(r"\b(?:\d+|one|two|three|four|five|six|nine|twelve|the)[ \t-]+(?:months?|weeks?|quarters?|"
                               r"years?)[ \t]+(?:through|to|ended|ending|until)[ \t]+(?:(?:early|mid|late|the[ \t]+end[ \t]+of)[ \t-]+)?$",
                               re.I)
_DEADLINE_BEFORE = re.compile(r"\b(?:through|until|till)\s+$", re.I)
# "the November retail sales report", "the June jobs figures": a month's figures, out or about to be
FIGURES_AFTER = re.compile(r"[ \t]+(?:[\w-]+[ \t]+){0,2}?(?:report|figures|data|numbers|reading|survey|statistics|"
                            r"payrolls|CPI|PPI|PMI)\b")


_TO_A_MONTH = re.compile(r"[ \t]*(?:to|through|and|-|\u2013)[ \t]*(?:" + "|".join(MONTH_NAMES) + r")\b")


def _norm_month_alone(g: dict, anchor: Anchor, text: str, start: int) -> _Result | None:
    tok = g["mam"]
    month = _month(tok)
    mod = (g["mamod"] or "").lower()
    if len(tok.rstrip(".")) == 3 and not tok.endswith(".") and tok != "May":
        return None  # "Mar", "Jan" alone are names more often than months
    if not mod and not _MONTH_LEFT_CUE.search(text[max(0, start - 12):start]) and not (
            _DETERMINER_BEFORE.search(text[max(0, start - 8):start])
            and (_NOUN_AFTER.match(text, start + len(g["_m"])) or _TO_A_MONTH.match(text, start + len(g["_m"])))):
        # a month alone is a date after "in", "since"..., or before a noun: "the October slaying", "the February to
        # April period"
        return None
    if mod == "that":
        return _in_that_year(f"XXXX-{month:02d}", f"XXXX-{month:02d}", "month", text, start, len(g["_m"]))
    if g["mayrel"] and anchor.year is not None:  # "June last year"
        year = anchor.year + _OFFSETS[g["mayrel"].lower()]
        v = f"{year:04d}-{month:02d}"
        return _Result("DATE", v, v, "month", relative=True)
    if tok == "May" and not mod and re.match(r"\s+(?:be|have|not|well|also|I|we|you)\b", text[start + 3:]):
        return None
    if anchor.year is None:
        v = f"XXXX-{month:02d}"
        return _Result("DATE", v, v, "month", relative=True)
    year = anchor.year
    if anchor.date is not None:
        now = anchor.date.month
        if mod == "last":  # the latest one before this month: "last April" in October is this year's
            year -= month >= now
        elif mod == "next":
            year += month <= now
        elif mod != "this":
            if SINCE_BEFORE.search(text, max(0, start - 20), start):
                year -= month > now  # "the highest since November", in September: last November
            elif _DETERMINER_BEFORE.search(text[max(0, start - 8):start]) \
                    and FIGURES_AFTER.match(text, start + len(g["_m"])):
                year -= month > now  # "will look to the November retail sales report", in December: the one just gone
            elif _looks_ahead(text, start) or _DEADLINE_BEFORE.search(text[max(0, start - 12):start]) \
                    and not _PERIOD_TO_BEFORE.search(text, max(0, start - 40), start):
                # "due in January", "through February": the coming one ("in the 12 months through November" is
                # a period's end, read as any month)
                year += month < now
            elif month - now > 2:
                year -= 1  # news looks back: a month well after this one is last year's
            elif month > now and not anchor.inferred and (dt.date(year, month, 1) - anchor.date).days > 7 \
                    and _done_just_before(text, start):
                year -= 1  # "pleaded guilty in December", in November: a thing done is gone by
    v = f"{year:04d}-{month:02d}"
    edtf = v + ("~" if mod in ("early", "mid", "late") else "")
    return _Result("DATE", v, edtf, "month", relative=True)


def _norm_year(g: dict, anchor: Anchor, text: str, start: int) -> _Result | None:
    year = _year_number(g["yy"])
    span = len(g["_m"])
    # "the year 2000" is the year too; its cues are read around the year itself.
    before = text[max(0, start - 14):start + span - len(g["yy"])]
    after = text[start + span:start + span + 26]
    if year == 2000 and not g["yy"][0].isdigit() and not _TWO_THOUSAND_CUE.search(before):
        return None  # "two thousand" is a count ("more than two thousand"), unless "the year", "in", "since"...
    if before.endswith(("$", "#", "No. ", "no. ", "€", "£", "number ")) or before.rstrip().endswith(("$", "€", "£")):
        return None
    if re.match(r"[.,]\d", after) or re.match(r"\s*(?:-|\u2013)\s*\d", after) or CLOCK_ZONE_AFTER.match(after) \
            or (ADDRESS_AFTER.match(text, start + span) or MAKE_AFTER.match(text, start + span)) \
            and not _TIME_PREPOSITION_BEFORE.search(before):
        return None  # "1030 GMT": a clock; "1999 Elm Street": an address; "a 2015 Toyota Camry": a model
    # "post-1959 politics", "mid-1990 sales": a prefixed year is an adjective, not a count of things
    if NOT_A_YEAR_AFTER.match(after) and not re.search(r"\b(?:pre|post|mid)-$", before, re.I):
        return None
    cued = YEAR_LEFT_CUE.search(before)
    if not cued and (not (1900 <= year <= 2099) or not re.match(r"[\s,.;:)'\u2019]|$", after)
                     or g["yy"][0].isdigit() and NAME_BEFORE_YEAR.search(before)):
        return None
    v = str(year)
    # "mid-1996", "late 2019": TimeML keeps the year as the value; the timeline marks the date approximate
    return _Result("DATE", v, v + ("~" if g["ymod"] else ""), "year")


# "a 2015 Toyota Camry": a model year, not a date
MAKE_AFTER = re.compile(r"[ \t]+(?:Toyota|Ford|Honda|Chevrolet|Chevy|Nissan|BMW|Mercedes(?:-Benz)?|Audi|Volkswagen|VW|"
                        r"Hyundai|Kia|Jeep|Dodge|Tesla|Subaru|Mazda|Lexus|GMC|Cadillac|Buick|Chrysler|Volvo|Porsche|"
                        r"Jaguar|Mitsubishi|Acura|Infiniti|Pontiac|Harley-Davidson|Ferrari|Lamborghini)\b")
_TIME_PREPOSITION_BEFORE = re.compile(r"\b(?:in|since|by|from|until|till|before|after|during|through|of)\s+$", re.I)
ADDRESS_AFTER = re.compile(r"[ \t]+(?:block\b|(?:[A-Z][a-z]+[ \t]+){1,3}(?:Street|St\.|Avenue|Ave\.|Road|Rd\.|"
                           r"Boulevard|Blvd\.?|Lane|Drive|Dr\.|Way|Place|Court)(?![A-Za-z]))")
CLOCK_ZONE_AFTER = re.compile(r"[ \t]*(?:GMT|UTC|BST|CET|CEST|[ECMP][SD]?T|IST|JST|AE[SD]T|hrs|hours|local time)\b")
# "Vision 2030", "Euro 2024", "Paris 2024": a year in a name (a month, season or holiday before a year is
# read by its own pattern first)
NAME_BEFORE_YEAR = re.compile(r"\b(?!(?:That|This|These|Those|An?|Its|His|Her|Their|Our|My|Your|Every|Each|Last|Next|"
                              r"Some|Any|No|Another|Which|What|Whose|(?i:copyright))[ \t])[A-Z][A-Za-z]+[ \t]$")
_TWO_THOUSAND_CUE = re.compile(r"\b(?:year|in|since|by|until|till|before|after)\s+$", re.I)


NORMALISERS: dict[str, Callable[[dict, Anchor, str, int], _Result | None]] = {
    "iso": _norm_iso, "numeric": _norm_numeric, "compact": _norm_compact, "nth_weekday": _norm_nth_weekday, "holiday": _norm_holiday,
    "day_range": _norm_day_range, "month_week": _norm_month_week, "week_of_day": _norm_week_of_day, "day_of_month": _norm_day_of_month, "mdy": _norm_mdy, "dmy": _norm_dmy, "month_year": _norm_month_year, "decade": _norm_decade,
    "century": _norm_century, "era_year": _norm_era_year, "spoken_decade": _norm_spoken_decade, "year_range": _norm_year_range, "year_part": _norm_year_part,
    "year_edge": _norm_year_edge, "fiscal_year": _norm_fiscal_year, "year_period": _norm_year_period, "year_quarter": _norm_year_quarter,
    "time_on_day": _norm_time_on_day, "season": _norm_season,
    "quarter": _norm_quarter, "this_quarter": _norm_this_quarter, "new_year": _norm_new_year, "the_year": _norm_the_year, "year_ago": _norm_year_ago, "ago": _norm_ago, "rel_unit_mod": _norm_rel_unit_mod,
    "rel_unit": _norm_rel_unit, "story_unit": _norm_story_unit, "day_around": _norm_day_around, "within_unit": _norm_within_unit, "the_weekend": _norm_the_weekend, "before_last": _norm_before_last, "half_code": _norm_half_code, "part_of_day": _norm_part_of_day, "weekday": _norm_weekday,
    "today": _norm_today, "set": _norm_set, "duration": _norm_duration,
    "bare_units": _norm_bare_units, "ref": _norm_ref, "time": _norm_time,
    "month_alone": _norm_month_alone, "year": _norm_year,
}


def _explain(text: str, res: _Result, anchor: Anchor) -> str:
    if not res.relative:
        return ""
    if res.unresolved and res.back_from is not None and res.back_from[0] == "weekday":
        return f"\u2018{text}\u2019 follows a day the text did not give"
    if res.back_from == ("that year", 0):
        if res.counted_from is None:
            return f"\u2018{text}\u2019 is in a year the text gives nowhere before it"
        return f"\u2018{text}\u2019 in the year of \u2018{res.counted_from}\u2019, the date the text gave before it"
    if res.unresolved or (res.edtf and res.edtf.startswith("XXXX")):
        return f"\u2018{text}\u2019 needs the publication date, which is unknown"
    if res.counted_from is not None and res.edtf is not None:
        return f"\u2018{text}\u2019 counted from \u2018{res.counted_from}\u2019, the date the text gave before it"
    if anchor.heading is not None:
        return f"\u2018{text}\u2019 under the heading \u2018{anchor.heading}\u2019"
    if anchor.date is not None:
        basis = f"an article published {anchor.date.day} {MONTH_NAMES[anchor.date.month - 1]} {anchor.date.year}"
    elif anchor.year is not None:
        basis = f"an article from {anchor.year}"
    else:
        basis = "an undated article"
    if anchor.inferred:
        basis += f" (inferred from {anchor.inferred_from})"
    if _gone_by_though_soon(res, anchor):
        return f"\u2018{text}\u2019, told as gone by, in {basis}: the one the year before"
    return f"\u2018{text}\u2019 in {basis}"


def _gone_by_though_soon(res: _Result, anchor: Anchor) -> bool:
    """Whether a month or day alone was put in the year before though this year's is only weeks after the
    publication: it was told as done, or "since" it, so the reader is told why."""
    if anchor.date is None or res.edtf is None or res.granularity not in ("month", "day"):
        return False
    m = re.fullmatch(r"(\d{4})-(\d\d)(?:-(\d\d))?", res.edtf)
    if m is None or int(m.group(1)) != anchor.date.year - 1:
        return False
    this_year = _safe_date(anchor.date.year, int(m.group(2)), int(m.group(3) or 1))
    return this_year is not None and 0 < (this_year - anchor.date).days <= 120


@lru_cache(maxsize=4096)
def _scan(text: str) -> tuple[list[tuple[int, int]], dict[int, tuple[str, int, dict] | None]]:
    """Where in `text` the grammar is worth trying, and a memo of what it matched there.

    Neither depends on the anchor, and an undated article's paragraphs are read again
    once its year is known (wire copies repeat them too), so both are kept per text."""
    # Each word lower-cased once (not the whole text: lower() can change its length).
    tokens = [(t.start(), t.group(0).lower()) for t in _TOKEN.finditer(text)]
    core = [start for start, tok in tokens if tok in CORE_WORDS or tok[0].isdigit()]
    starts: list[tuple[int, int, Grammar]] = []  # (token start, expression start, patterns to try)
    if not core:
        return starts, {}
    for start, tok in tokens:
        begin = start
        grammar = _WHOLE_GRAMMAR
        if tok[0].isdigit():
            if start > 0 and (text[start - 1].isalnum() or text[start - 1] == "_"):
                continue  # "A380", "COVID19"
            if start > 1 and text[start - 1] in ",.:" and text[start - 2].isdigit():
                continue  # the rest of a number: "21,000 years ago" is no "000 years ago", "3.5" no "5", "09:12" no "12"
            if start > 0 and text[start - 1] in "'\u2019":
                begin = start - 1  # '90s
        elif start > 0 and (text[start - 1].isalnum() or text[start - 1] in "'\u2019"):
            continue  # inside a word
        elif tok not in TRIGGER_WORDS:
            continue
        else:
            i = bisect_left(core, start)
            if i == len(core) or core[i] > start + CORE_REACH:
                continue
            grammar = _grammar_for(tok)
        starts.append((start, begin, grammar))
    return starts, {}


def _match_at(text: str, start: int, grammar: Grammar,
              tried: dict[int, tuple[str, int, dict] | None]) -> tuple[str, int, dict] | None:
    if start in tried:
        return tried[start]
    hit = None
    for kind, pattern in grammar:
        m = pattern.match(text, start)
        if m is not None:
            if kind is None:
                kind = m.lastgroup[1:]  # each pattern's group encloses it, so it is the last to close
            groups = m.groupdict()
            groups["_m"] = m.group(0)
            hit = (kind, m.end(), groups)
            break
    tried[start] = hit
    return hit


_THAN = re.compile(r"[ \t]+than\b")


def _match_after(text: str, start: int, kind: str) -> tuple[str, int, dict] | None:
    """What the grammar's patterns after `kind` match at `start`: what was read there when `kind` was not."""
    names = [name for name, _ in PATTERNS]
    for name in names[names.index(kind) + 1:]:
        m = _pattern(name).match(text, start)
        if m is not None:
            groups = m.groupdict()
            groups["_m"] = m.group(0)
            return name, m.end(), groups
    return None


_APPOSITION = re.compile(r"[ \t]*,[ \t]*(?:just|only|exactly|precisely|some|nearly|almost|about|around|roughly|barely"
                         r"|(?:less|more|fewer)[ \t]+than|over|under)?[ \t]*")


def find_mentions(text: str, anchor: Anchor | dt.date | None = None, before: tuple[Mention, ...] = ()) -> list[Mention]:
    """Every temporal expression in `text`, in order, with offsets into `text`. `before`: the dates of the
    paragraph before, which "A week earlier" or "The next day" opening this one counts from."""
    if anchor is None:
        anchor = UNKNOWN_ANCHOR
    elif isinstance(anchor, dt.date):
        anchor = Anchor(date=anchor)
    found: list[Mention] = []
    derived: set[int] = set()  # mentions counted back from another: never a reference themselves
    starts, tried = _scan(text)
    pos = 0
    for token_start, start, grammar in starts:
        if token_start < pos:
            continue
        hit = _match_at(text, start, grammar, tried)
        if hit is None:
            continue
        kind, end, groups = hit
        # Normalisers read the groups and never change them: the memo stays valid.
        month_of = False
        try:
            res = NORMALISERS[kind](groups, anchor, text, start)
            if res is None and kind == "day_range" and (hit := _match_after(text, start, kind)) is not None:
                # "from June 1 to Nov. 30": no one stretch of days, but the first day is a date of its own
                kind, end, groups = hit
                res = NORMALISERS[kind](groups, anchor, text, start)
            if res is None:
                continue
            start += res.skip
            if res.back_from is not None and found and found[-1].edtf and _APPOSITION.fullmatch(text, found[-1].end, start):
                continue  # "on Saturday, a day before the storm hit": the date again, told by another event
            month_of = _month_of_a_year(found, text, start, res)
            if res.back_from is not None and not res.before_what_follows:
                earlier = [*before, *(m for i, m in enumerate(found) if m.start > start - 1500 and i not in derived)]
                # "June of that year": the year is counted from the date before June, which it places
                _back_from(res, earlier[:-1] if month_of else earlier, anchor)
        except OverflowError:
            # Counted past either end of the calendar ("yesterday" in a story dated 1 January of
            # year 1, "the next day" after 31 December 9999): a date, but none that can be named.
            res = _unresolved()
        if res.edtf is not None and not all(map(_CALENDAR_YEAR.match, res.edtf.split("/"))):
            res = _unresolved()  # the same, counted in years: "a decade ago" in year 1, "next year" in 9999
        if res.needs_antecedent:
            continue
        if res.counted_length is not None:
            res.value, signal = res.counted_length
            res.type = "DURATION"
            end -= signal
        # Trim trailing punctuation that belongs to the sentence, not the date.
        while end > start and text[end - 1] in " ,.\t":
            if text[end - 1] == "." and re.search(r"(?:[A-Z][a-z]{2,3}|a\.m|p\.m)\.$", text[start:end]) \
                    and text[start:end - 1].split()[-1] not in MONTH_NAMES:  # "Feb." keeps its full stop, "May." not
                break
            end -= 1
        span_text = text[start:end]
        if month_of and res.edtf and re.fullmatch(r"\d{4}", res.edtf):
            month = found[-1]
            span_text = text[month.start:end]
            found[-1] = replace(month, end=end, text=span_text, value=res.value + month.value[4:],
                                edtf=res.edtf + month.edtf[4:], inferred=res.relative and anchor.inferred,
                                how=_explain(span_text, res, anchor))
            pos = end
            continue
        if res.back_from is not None:
            derived.add(len(found))
        found.append(Mention(
            start=start, end=end, text=span_text, type=res.type, value=res.value,
            edtf=res.edtf, granularity=res.granularity, relative=res.relative,
            inferred=res.relative and anchor.inferred, how=_explain(span_text, res, anchor)))
        pos = end
    _first_day_in_the_year_of_the_last(found, text)
    _years_ago_this(found, text)
    _day_in_the_year_before(found, text)
    _month_in_the_season_before(found, text)
    _ahead_with_the_day_before(found, text, anchor)
    _ahead_with_the_date_before(found, text, anchor)
    return found


_OF = re.compile(r"[ \t]+of[ \t]+")


def _month_of_a_year(found: list[Mention], text: str, start: int, res: _Result) -> bool:
    """Whether the year at `start` is the year of the month, day or season just before it, named without one:
    "June of that year", "in December of the same year", "the spring of that year"."""
    if not found or res.back_from is None or res.back_from[0] != "year" or not _OF.fullmatch(text, found[-1].end, start):
        return False
    month = found[-1]
    return month.relative and month.edtf is not None and _CALENDAR_DAY.match(month.edtf) is not None and (
        month.granularity == "season" or month.granularity in ("month", "day") and _MONTH_WORD.search(month.text) is not None)


_WEEKDAY_OR_WEEKEND = re.compile(r"(?:(?:early|late)[ \t]+)?(?:(?:on|over)[ \t]+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|"
                                 r"Saturday|Sunday|the weekend|this weekend)\b", re.I)


# "..., pending approval from the FAA, which granted a launch license on Wednesday morning": a verb in the past
# between the two days says the second is gone by, unless a cue to the future comes after it.
_PAST_VERB = re.compile(r"\b(?<!\bbe )(?<!\bbeen )(?<!\bbeing )(?<!\bis )(?<!\bare )(?<!\bhas )(?<!\bhave )"
                        r"(?:was|were|had|did|said|told|"
                        r"met|won|lost|took|made|gave|began|left|[a-z]{3,}ed(?![ \t]+by\b))\b")  # "followed by": a participle


def _told_as_past(between: str) -> bool:
    verbs = list(_PAST_VERB.finditer(between))
    return bool(verbs) and not FUTURE_CUE.search(between, verbs[-1].end())


_WEEK_NAMED = re.compile(r"\b(?:last|next|this|previous|past|coming|following|ago|week)\b", re.I)
# "on Tuesday and Wednesday", "from Tuesday to Thursday": two days told as one stretch
_JOINED_DAYS = re.compile(r"(?:[ \t]*,[ \t]*|[ \t]*(?:,[ \t]*)?\b(?:and|or|to|through|until|till|into)[ \t]+|[ \t]*[-\u2013][ \t]*)"
                          r"(?:on[ \t]+)?")


def _in_week_order(first: Mention, second: Mention, between: str) -> bool:
    """"Tuesday and Wednesday" is a stretch of days, "Friday and Thursday" two days listed; "Friday to Monday" runs on."""
    if re.search(r"\b(?:to|through|until|till|into)\b|[-\u2013]", between):
        return True
    return dt.date.fromisoformat(second.edtf[:10]).weekday() > dt.date.fromisoformat(first.edtf[:10]).weekday()


_STRETCH_TO = re.compile(r"\b(?:until|till|to|through)\b")


def _opens_a_stretch_to(first: Mention, second: Mention, text: str, between: str) -> bool:
    """Whether `first`, a weekday gone by, opens a stretch to `second`, a day to come more than a week after it."""
    if not (WEEKDAY_WORD.search(first.text) and not _WEEK_NAMED.search(first.text) and first.edtf
            and second.edtf and len(between) < 40 and _STRETCH_TO.search(between) and _in_one_breath(between)):
        return False
    start, end = dt.date.fromisoformat(first.edtf[:10]), dt.date.fromisoformat(second.edtf[:10])
    return (end - start).days > 7 and re.search(r"\bfrom\s+(?:\S+\s+){0,4}$", text[max(0, first.start - 40):first.start]) \
        is not None and not _told_as_past(_clause_before(text, first.start))  # "was closed from Tuesday until Friday"


def _clause_before(text: str, start: int) -> str:
    window = text[max(0, start - 80):start]
    return window[max(window.rfind("\n"), window.rfind(";"), _sentence_end(window)) + 1:]


def _in_one_breath(between: str) -> bool:
    """Whether the words between two dates keep them in one sentence and one clause."""
    return _sentence_end(between) < 0 and not re.search(r"[;\n]|[.!?][\"'\u201d\u2019)]*\s", between)


def _a_week_later(day: dt.date) -> dt.date:
    return day + dt.timedelta(weeks=1)


def _a_year_later(day: dt.date) -> dt.date:
    return _safe_date(day.year + 1, day.month, day.day) or dt.date(day.year + 1, 2, 28)


_ISO_DAY = re.compile(r"\d{4}-\d\d-\d\d")


def _moved(m: Mention, shift: Callable[[dt.date], dt.date]) -> Mention | None:
    """`m` with each of its days moved by `shift`, its TIMEX3 value too (a weekend's week, a day's time of day);
    None when its value names no day to move (a month: "on Monday, the first since October")."""
    if not all(_ISO_DAY.fullmatch(d) for d in m.edtf.split("/")):
        return None
    days = [shift(dt.date.fromisoformat(d)) for d in m.edtf.split("/")]
    if re.fullmatch(r"\d{4}-W\d\d-WE", m.value):
        value = _week_value(days[0]) + "-WE"
    elif _CALENDAR_DAY.match(m.value[:10]):
        value = days[0].isoformat() + m.value[10:]
    else:
        return None
    return replace(m, edtf="/".join(d.isoformat() for d in days), value=value)


def _ahead_with_the_day_before(found: list[Mention], text: str, anchor: Anchor) -> None:
    """"Storms are forecast to move in late on Friday, with cooler air arriving over the weekend": a weekday or
    weekend told after a day to come, in the same sentence, is not the one gone by. Nor is one joined to the day
    before it as a stretch ("appointments on Tuesday and Wednesday", told on a Tuesday): it comes after that day."""
    if anchor.date is None:
        return
    for i in range(1, len(found)):
        before, this = found[i - 1], found[i]
        if not (before.relative and this.relative and before.edtf and this.edtf
                and _CALENDAR_DAY.match(before.edtf[:10]) and _CALENDAR_DAY.match(this.edtf[:10])
                and _WEEKDAY_OR_WEEKEND.match(this.text)):
            continue
        between = text[before.end:this.start]
        after_a_day_to_come = (before.edtf[:10] > anchor.date.isoformat() and this.edtf[:10] < anchor.date.isoformat()
                               and _in_one_breath(between) and not _told_as_past(between))
        if _opens_a_stretch_to(before, this, text, between):
            # "from 18:00 GMT on Tuesday until 12:00 on Wednesday", told on Monday: Tuesday is the day to come
            found[i - 1] = _moved(before, _a_week_later) or before
            continue
        joined_after = (_JOINED_DAYS.fullmatch(between) is not None and _WEEKDAY_OR_WEEKEND.match(before.text)
                        and not _WEEK_NAMED.search(this.text) and this.edtf[:10] <= before.edtf[-10:]
                        and _in_week_order(before, this, between) and not _told_as_past(_clause_before(text, before.start)))
        if after_a_day_to_come or joined_after:
            found[i] = _moved(this, _a_week_later) or this


def _ahead_with_the_date_before(found: list[Mention], text: str, anchor: Anchor) -> None:
    """"The band will play Cardiff on 4 and 5 July, followed by Heaton Park on 19 and 20 July", told in August: a day
    of the calendar told after one to come, in the same sentence, is not the one gone by either."""
    if anchor.date is None:
        return
    today = anchor.date.isoformat()
    for i in range(1, len(found)):
        before, this = found[i - 1], found[i]
        if not (before.relative and this.relative and before.edtf and this.edtf
                and _CALENDAR_DAY.match(before.edtf[:10]) and before.edtf[:10] > today
                and _CALENDAR_DAY.match(this.edtf[:10]) and this.edtf[:10] < today
                and _MONTH_WORD.search(this.text) and not WEEKDAY_WORD.search(this.text)):
            continue
        between = text[before.end:this.start]
        if _in_one_breath(between) and not _told_as_past(between):
            found[i] = _moved(this, _a_year_later) or this


_YEARS_AGO = re.compile(r"\b(?:years?|decades?|centur(?:y|ies))[ \t]+ago$", re.I)
_THIS_TIME = re.compile(r"(?:today|tonight|this[ \t]+(?:morning|afternoon|evening|week|weekend|month))$", re.I)
_TOLD_TOGETHER = re.compile(r"[ \t]*,?[ \t]*")


def _years_ago_this(found: list[Mention], text: str) -> None:
    """"Fifty years ago this week", "twenty years ago today": the week (or day, or month) of the anniversary,
    one date, not the year back then and this week besides."""
    for i in range(len(found) - 1, 0, -1):
        ago, this = found[i - 1], found[i]
        if not (ago.relative and this.relative and ago.edtf and this.edtf and re.fullmatch(r"\d{4}", ago.edtf)
                and _YEARS_AGO.search(ago.text) and _THIS_TIME.fullmatch(this.text)
                and _TOLD_TOGETHER.fullmatch(text, ago.end, this.start)):
            continue
        back = int(this.edtf[:4]) - int(ago.edtf)
        days = [dt.date.fromisoformat(d) for d in this.edtf.split("/") if _CALENDAR_DAY.fullmatch(d) and len(d) == 10]
        if this.granularity == "month" and re.fullmatch(r"\d{4}-\d\d", this.edtf):
            edtf = value = f"{int(this.edtf[:4]) - back:04d}{this.edtf[4:]}"
        elif days and this.granularity in ("day", "week"):
            shifted = [_safe_date(d.year - back, d.month, d.day) or dt.date(d.year - back, 2, 28) for d in days]
            edtf = "/".join(d.isoformat() for d in shifted)
            value = shifted[0].isoformat() + this.value[10:] if this.granularity == "day" else _week_value(shifted[0])
        else:
            continue
        span_text = text[ago.start:this.end]
        found[i - 1:i + 1] = [replace(this, start=ago.start, text=span_text, edtf=edtf, value=value,
                                      how=this.how.replace(f"\u2018{this.text}\u2019", f"\u2018{span_text}\u2019", 1))]


_SEASON_MONTHS = {"21": (3, 4, 5), "22": (6, 7, 8), "23": (9, 10, 11), "24": (12, 1, 2)}
_SEASON_VALUE = re.compile(r"(\d{4})-(2[1-4])")
_MONTH_VALUE = re.compile(r"(\d{4})-(\d\d)([~?%]?)")


def _month_in_the_season_before(found: list[Mention], text: str) -> None:
    """"Last winter, a similar cold spell in mid-December ...": the month is that winter's, not the publication
    year's December."""
    for i in range(1, len(found)):
        season, month = found[i - 1], found[i]
        s = _SEASON_VALUE.fullmatch(season.edtf or "")
        m = _MONTH_VALUE.fullmatch(month.edtf or "")
        if not (s and m and season.relative and month.relative and month.granularity == "month"
                and int(m.group(2)) in _SEASON_MONTHS[s.group(2)] and month.start - season.end < 80
                and not re.search(r"[;\n]|[.!?]\s", text[season.end:month.start])):
            continue
        year = int(s.group(1)) + (s.group(2) == "24" and int(m.group(2)) < 3)  # winter's January is the next year's
        edtf = f"{year:04d}-{m.group(2)}{m.group(3)}"
        found[i] = replace(month, edtf=edtf, value=f"{year:04d}{month.value[4:]}",
                           how=f"\u2018{month.text}\u2019 in \u2018{season.text}\u2019, told just before it")


_YEAR_THEN_DAY = re.compile(r"[ \t]*(?:,[ \t]*(?:(?:on|in)[ \t]+)?|(?:on|in)[ \t]+)")


def _day_in_the_year_before(found: list[Mention], text: str) -> None:
    """"In 1979, on December 24, Soviet troops ...": a month and day told right after a year are in that year,
    not in the publication's."""
    for i in range(1, len(found)):
        year, day = found[i - 1], found[i]
        if not (year.edtf and re.fullmatch(r"\d{4}", year.edtf) and year.granularity == "year"
                and day.relative and day.edtf and day.granularity in ("day", "month")
                and re.fullmatch(r"\d{4}-\d\d(?:-\d\d)?~?", day.edtf) and _MONTH_WORD.search(day.text)
                and not re.search(r"\d{4}", day.text) and _YEAR_THEN_DAY.fullmatch(text, year.end, day.start)):
            continue
        found[i] = replace(day, edtf=year.edtf + day.edtf[4:], value=year.edtf + day.value[4:],
                           relative=year.relative, inferred=year.inferred,
                           how=f"\u2018{day.text}\u2019 in the year just before it, \u2018{year.text}\u2019")


# "between March 3 and March 9, 2020", "from Dec. 22 to Jan. 25, 2019": two days told as a span
SPAN_OPENS = re.compile(r"\b(?:from|between)[ \t]+$", re.I)
SPAN_JOINS = re.compile(r"[ \t]*,?[ \t]*(?:(?i:to|until|till|through|and)[ \t]+|[\u2013\u2014][ \t]*)")
_MONTH_WORD = re.compile(r"\b" + MONTH_WORD)
MONTHS_JOINED = re.compile(r"[ \t]*(?:,[ \t]*)?(?:and|or)[ \t]+")
_CALENDAR_DAY = re.compile(r"^(\d{4})-(\d\d)(?:-(\d\d))?$")


def _first_day_in_the_year_of_the_last(found: list[Mention], text: str) -> None:
    """A span's first day without a year takes its last day's: "between March 3 and March 9, 2020" is
    March 3, 2020, whatever year the article was published in (the year before when the span crosses
    a new year: "from Dec. 22 to Jan. 25, 2019")."""
    for i in range(len(found) - 1):
        first, last = found[i], found[i + 1]
        if not (first.relative and not last.relative and first.granularity in ("day", "month")
                and _MONTH_WORD.search(first.text) and not re.search(r"\d{4}", first.text)
                and (SPAN_JOINS.fullmatch(text, first.end, last.start)
                     and SPAN_OPENS.search(text, max(0, first.start - 12), first.start)
                     # "in September and October 2022": two months of one year
                     or first.granularity == last.granularity == "month" and _MONTH_WORD.search(last.text)
                     and MONTHS_JOINED.fullmatch(text, first.end, last.start))):
            continue
        end = _CALENDAR_DAY.match(last.edtf or "")
        if end is None or first.edtf is None or "T" in first.edtf:
            continue
        month_day = first.edtf[5:]
        year = int(end.group(1)) - (month_day > f"{end.group(2)}-{end.group(3) or '31'}"[:len(month_day)])
        found[i] = replace(first, edtf=f"{year:04d}{first.edtf[4:]}", value=f"{year:04d}{first.value[4:]}",
                           relative=False, inferred=last.inferred,
                           how=f"\u2018{first.text}\u2019 in the year of \u2018{last.text}\u2019")
