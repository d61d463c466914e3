"""The temporal tagger, table-driven: what it finds, what it must not find, and how it resolves."""

from __future__ import annotations

import datetime as dt

import pytest

from app.ingest.temporal import find_mentions
from app.ingest.types import Anchor

MON_23_AUG_2021 = dt.date(2021, 8, 23)


def only(text: str, anchor=MON_23_AUG_2021):
    found = [m for m in find_mentions(text, anchor) if m.type in ("DATE", "TIME")]
    assert len(found) == 1, [(m.text, m.value) for m in found]
    return found[0]


@pytest.mark.parametrize("text, span, edtf, granularity", [
    ("It happened on 24 December 1979 in Kabul.", "24 December 1979", "1979-12-24", "day"),
    ("Signed on September 11, 2001, it lasted.", "September 11, 2001", "2001-09-11", "day"),
    ("Troops invaded on Christmas Eve in 1979.", "Christmas Eve in 1979", "1979-12-24", "day"),
    ("The war ended in 1989, officials said.", "1989", "1989", "year"),
    ("the Afghan War (1978\u20131992) raged", "1978\u20131992", "1978/1992", "range"),
    ("Ahmad Shah Massoud (1953-2001) fought", "1953-2001", "1953/2001", "range"),
    ("a lull between 1967 and 1975 ended", "between 1967 and 1975", "1967/1975", "range"),
    ("Bayern won the title in the 1998/99 season.", "1998/99", "1998/1999", "range"),
    ("fought the Taliban back in the 1990s.", "the 1990s", "199X", "decade"),
    ("Prices rose in July 1997 sharply.", "July 1997", "1997-07", "month"),
    ("The report, dated 2021-08-26, said", "2021-08-26", "2021-08-26", "day"),
    ("On 11/02/89 the index fell", "11/02/89", "1989-11-02", "day"),
    ("in the summer of 2019 we", "the summer of 2019", "2019-22", "season"),
    ("in the 19th century trade grew", "the 19th century", "18XX", "century"),
    # Forms of news from elsewhere: day-first dates, quarters as codes, spans of days.
    ("The deadline was 15.08.2021, he said.", "15.08.2021", "2021-08-15", "day"),
    ("Shops shut on 25/12/2020 across the city.", "25/12/2020", "2020-12-25", "day"),
    ("Earnings for Q3 2021 beat forecasts.", "Q3 2021", "2021-07/2021-09", "quarter"),
    ("Talks are set for Aug. 15-16, 2019 in Doha.", "Aug. 15-16, 2019", "2019-08-15/2019-08-16", "range"),
    ("The summit ran from 30 November to 2 December 2015.", "30 November to 2 December 2015",
     "2015-11-30/2015-12-02", "range"),
    ("The strike ran Dec. 30-Jan. 2, 2020, unions said.", "Dec. 30-Jan. 2, 2020", "2019-12-30/2020-01-02", "range"),
    # TimeML keeps the year as the value of "mid-1996"; the timeline marks it approximate.
    ("Growth slowed in mid-1996 and recovered.", "mid-1996", "1996~", "year"),
    ("Sales fell in late 2019, the firm said.", "late 2019", "2019~", "year"),
    # A year before an adverb ending in -s is still a year, not a count of things ("2,000 rifles").
    ("She travelled from 1986 onwards to campaign.", "1986", "1986", "year"),
    ("Prices fell in 1991 as the war ended.", "1991", "1991", "year"),
    ("Stones were replaced between 2013 and 2019, the city said.", "between 2013 and 2019", "2013/2019", "range"),
    ("Updated 10:14 AM EDT Jun 5, 2023 by the desk", "10:14 AM EDT Jun 5, 2023", "2023-06-05", "day"),
    # Days joined by "and" cover their span: neither day is lost.
    ("Floods hit on 2 and 3 May 2023, killing two.", "2 and 3 May 2023", "2023-05-02/2023-05-03", "range"),
    ("Talks were held June 2 and 3, 2022, in Doha.", "June 2 and 3, 2022", "2022-06-02/2022-06-03", "range"),
])
def test_absolute_dates(text, span, edtf, granularity):
    m = only(text)
    assert (m.text, m.edtf, m.granularity) == (span, edtf, granularity)
    assert text[m.start:m.end] == m.text


@pytest.mark.parametrize("text, first", [
    ("Talks were held between March 3 and March 9, 2020 in Doha.", "2020-03-03"),
    ("The exhibition ran from May to July 2019 in Paris.", "2019-05"),
    ("The strike lasted from December until February 2019, unions said.", "2018-12"),  # across a new year
])
def test_the_first_day_of_a_span_is_in_the_year_its_last_day_names(text, first):
    found = find_mentions(text, MON_23_AUG_2021)
    assert found[0].edtf == first and "in the year of" in found[0].how


def test_a_day_not_told_as_a_span_keeps_the_publication_year():
    assert find_mentions("He arrived on March 3 and left for Paris, 2020 figures show.", MON_23_AUG_2021)[0].edtf \
        == "2021-03-03"


@pytest.mark.parametrize("text, span, edtf", [
    ("Julius Caesar's fire of 48 BC is often blamed.", "48 BC", "-0047"),  # 1 BC is year 0000
    ("Rome was founded, legend says, in 753 B.C.E. by Romulus.", "753 B.C.E", "-0752"),
    ("The site dates to 2,500 BCE, archaeologists said.", "2,500 BCE", "-2499"),
    ("In AD 391, the bishop ordered the destruction of the Serapeum.", "AD 391", "0391"),
    ("Vesuvius erupted in 79 CE, burying Pompeii.", "79 CE", "0079"),
    ("It was built in 1200 BC, not in 1200.", "1200 BC", "-1199"),
    ("The library was founded in the third century BC under Ptolemy I.", "the third century BC", "-02XX"),
    ("The abbey was built in the 5th century AD by monks.", "the 5th century AD", "04XX"),
])
def test_years_of_an_era(text, span, edtf):
    m = find_mentions(text, MON_23_AUG_2021)[0]
    assert (m.text, m.edtf) == (span, edtf)


@pytest.mark.parametrize("text", ["He read the ad 30 times.", "Add 30 g of flour.", "The ad ran in 30 papers."])
def test_ad_as_a_word_is_no_era(text):
    assert find_mentions(text, MON_23_AUG_2021) == []


@pytest.mark.parametrize("text, edtf", [
    ("Brent settled at $90.04 a barrel, the highest since November.", "2022-11"),
    ("He has been in jail since early October.", "2022-10~"),
    ("It was the highest since Nov. 7, traders said.", "2022-11-07"),
    ("Prices have risen since March.", "2023-03"),  # before the publication already: this year's
    ("Talks will resume in November.", "2023-11"),  # no "since": the coming one
])
def test_a_month_told_with_since_is_before_the_publication(text, edtf):
    assert only(text, dt.date(2023, 9, 5)).edtf == edtf


@pytest.mark.parametrize("text", ["The country marked Holodomor Remembrance Day.", "Orthodox Christmas is celebrated by millions.",
                                  "Celebrations for Chinese New Year began."])
def test_a_holiday_s_name_inside_another_name_is_not_that_holiday(text):
    assert find_mentions(text, MON_23_AUG_2021) == []


def test_a_holiday_after_a_preposition_or_a_weekday_is_still_the_holiday():
    assert only("On Christmas Day he died.").edtf == "2020-12-25"
    assert only("Parades are planned for Monday Memorial Day events.", dt.date(2023, 5, 20)).text == "Memorial Day"


@pytest.mark.parametrize("text, edtf", [
    ("The law takes effect on Jan. 1.", "2024-01-01"),
    ("The rules come into force on 1 January.", "2024-01-01"),
    ("The law took effect on Jan. 1.", "2023-01-01"),  # told in the past: the one gone by
])
def test_taking_effect_looks_ahead(text, edtf):
    assert only(text, dt.date(2023, 9, 7)).edtf == edtf


@pytest.mark.parametrize("day_first, edtf", [(False, "2023-03-10"), (True, "2023-10-03")])
def test_an_ambiguous_numeric_date_is_read_as_the_article_writes_its_dates(day_first, edtf):
    assert only("Polls closed on 03/10/2023 in the capital.", Anchor(day_first=day_first)).edtf == edtf
    assert only("Shops shut on 25/12/2020.", Anchor(day_first=day_first)).edtf == "2020-12-25"  # only one way


@pytest.mark.parametrize("text, anchor, edtf", [
    ("Putin said on Tuesday that", dt.date(2021, 8, 26), "2021-08-24"),       # Thursday -> the Tuesday before
    ("revealed on Monday, noting", dt.date(2021, 8, 23), "2021-08-23"),       # published on a Monday: that day
    ("On Friday, the minister said", dt.date(2021, 8, 23), "2021-08-20"),
    ("The talks will resume on Friday.", dt.date(2021, 8, 23), "2021-08-27"),  # looks ahead
    ("On Tuesday, the National Abortion Rights Action League plans to hold a news conference.",
     dt.date(1998, 10, 26), "1998-10-27"),  # the plan comes after the day
    ("Putin said on Tuesday that Moscow will not interfere", dt.date(2021, 8, 26), "2021-08-24"),  # reported speech
    ("On Friday, the minister said", dt.date(2021, 3, 1), "2021-02-26"),       # across a month boundary
    ("said on Thursday", dt.date(2021, 1, 2), "2020-12-31"),                   # across a year boundary
    ("It rose last month.", dt.date(2021, 1, 15), "2020-12"),
    ("It fell yesterday.", dt.date(2021, 3, 1), "2021-02-28"),
    ("Last week, Moscow said", dt.date(2021, 8, 23), "2021-08-16/2021-08-22"),
    ("earlier this month, the", dt.date(2021, 8, 23), "2021-08"),
    ("The law passed on December 24.", dt.date(2021, 1, 5), "2020-12-24"),     # last year's, not next
    ("Putin on July 5 assured", dt.date(2021, 8, 23), "2021-07-05"),
    ("two years ago, the", dt.date(2021, 8, 23), "2019"),
    ("Next year the plan", dt.date(2021, 8, 23), "2022"),
    ("The plant closed last fall.", dt.date(1998, 3, 2), "1997-23"),
    ("Earlier Friday, lawyers filed a petition", dt.date(2000, 1, 7), "2000-01-07"),  # not a name
    ("protesters rallied Friday night in the plaza", dt.date(2000, 1, 8), "2000-01-07"),
    ("Putin on Tuesday said that Moscow will not interfere", dt.date(2021, 8, 26), "2021-08-24"),
    ("Profit rose in the quarter, the bank said.", dt.date(1989, 10, 26), "1989-07/1989-09"),  # just ended
    ("Sales fell in the fourth quarter.", dt.date(1998, 1, 26), "1997-10/1997-12"),  # last year's
    # American holidays that move: the fourth Thursday, the Tuesday after the first Monday
    ("Families gathered on Thanksgiving.", dt.date(2021, 12, 1), "2021-11-25"),
    ("a major theme of our campaign until Election Day", dt.date(1998, 10, 26), "1998-11-03"),
    ("Polls close on Election Day.", dt.date(2024, 10, 1), "2024-11-05"),
    # Easter moves with the moon; its feasts and its week move with it
    ("Protesters prayed as Easter week began.", dt.date(2000, 4, 17), "2000-04-17/2000-04-23"),
    ("The case may be resolved in a hearing the week of March 6.", dt.date(2000, 2, 24), "2000-03-06/2000-03-12"),
    ("The shops close on Good Friday.", dt.date(2021, 3, 1), "2021-04-02"),
    ("Pilgrims gathered at Easter.", dt.date(2019, 5, 2), "2019-04-21"),
    ("The talks resume after Easter Monday 2022.", dt.date(2021, 3, 1), "2022-04-18"),
])
def test_relative_dates_resolve_against_the_publication_date(text, anchor, edtf):
    assert only(text, anchor).edtf == edtf


@pytest.mark.parametrize("text, edtf", [
    ("Putin said on Tuesday that", "XXXX-XX-XX"),
    ("Putin on July 5 assured", "XXXX-07-05"),
    ("It fell yesterday.", "XXXX-XX-XX"),
    ("Last week, Moscow said", "XXXX-XX-XX"),
])
def test_without_a_publication_date_nothing_comes_from_the_clock(text, edtf):
    m = only(text, None)
    assert m.edtf == edtf
    assert str(dt.date.today().year) not in m.edtf
    assert "publication date" in m.how


def test_year_known_but_day_unknown_resolves_month_day_only():
    anchor = Anchor(year=2021, inferred_from="another article")
    assert only("On August 15, Taliban fighters", anchor).edtf == "2021-08-15"
    assert only("said on Tuesday", anchor).edtf == "XXXX-XX-XX"
    assert only("On August 15, Taliban fighters", anchor).inferred


@pytest.mark.parametrize("text", [
    "We learned our lesson.",
    "You may leave now if you may.",
    "the fr edition and the de edition",
    "0:00 26:12 0:00 29:12",
    "a fleet of 1,869 ships",
    "with 2000 troops and 1500 tanks",
    "an 843-mile-long border",
    "costs $1979 a month",
    "March on, said the general.",
    "Mr. Will Friday met Sunday Adelaja",
    "the March on Washington",
    "profit fell from $450 million the year before",
    "The year that the war ended was hard.",
])
def test_things_that_are_not_dates(text):
    placed = [m for m in find_mentions(text, MON_23_AUG_2021) if m.places_event]
    assert placed == [], [(m.text, m.value) for m in placed]


@pytest.mark.parametrize("text, value, type_", [
    ("Nothing has changed now.", "PRESENT_REF", "DATE"),
    ("It recently emerged", "PAST_REF", "DATE"),
    ("after the recent collapse of the junk-bond market", "PAST_REF", "DATE"),
    # "current" is the present's adjective as "recent" is the past's; "then-current" looks back.
    ("Castro said he would travel with his current wife", "PRESENT_REF", "DATE"),
    ("at 50% of the then-current market price", "PAST_REF", "DATE"),
    ("prosecutors may soon seek an indictment", "FUTURE_REF", "DATE"),
    ("they seem to hurt market makers more painfully these days", "PRESENT_REF", "DATE"),
    ("The rest will be financed at a later date.", "FUTURE_REF", "DATE"),
    ("we don't minimize the challenges of the near term", "FUTURE_REF", "DATE"),
    ("to placate some holders in the short term", "FUTURE_REF", "DATE"),
    ("the market has moved in recent weeks", "PXW", "DURATION"),
    ("for three years", "P3Y", "DURATION"),
    ("the offer must stay open for five business days", "P5D", "DURATION"),
    ("the loan may be extended for an additional year", "P1Y", "DURATION"),
    ("they will have to live without it for a while", "PXX", "DURATION"),
    ("the past two months", "P2M", "DURATION"),
    ("within 24 hours", "PT24H", "DURATION"),
    ("meets every week", "P1W", "SET"),
    ("is published daily", "P1D", "SET"),
    # A fraction is written in the next smaller unit, as TimeML does.
    ("after 2 1/2 years in office", "P2Y6M", "DURATION"),
    ("a flight of 5 1/2 hours", "PT5H30M", "DURATION"),
    ("It took a minute and a half.", "PT1M30S", "DURATION"),
    ("the talks lasted two and a half days", "P2DT12H", "DURATION"),
    ("half an hour", "PT30M", "DURATION"),
    ("in the last twenty four hours", "PT24H", "DURATION"),
])
def test_refs_durations_and_sets_are_mentions_but_place_nothing(text, value, type_):
    found = find_mentions(text, MON_23_AUG_2021)
    assert [(m.value, m.type) for m in found] == [(value, type_)]
    assert not found[0].places_event


@pytest.mark.parametrize("text", [
    "The boat was swept away by the current.",
    "a strong current of opinion",
    "the current account deficit widened",
    "alternating current motors",
    "Now, he says, the plan looks different.",  # a turn in the telling, not the present
    "expects revenue to increase by 20% annually",  # a rate's unit, as "per year"
    "a plant that would produce about 10,000 units annually",
    "eliminate dividend payments of C$17.9 million annually",
    "save $500 million a year in costs",
    "This will add nearly 700 seats a week on the route.",
    # "soon" looks ahead only in a clause that does
    "They want the boy returned as soon as possible.",
    "He was probably killed soon after his capture.",
    "He was soon released from hospital.",
    "a trickle of cash that soon became a flood",
    # "today" and "tomorrow" as an era, not a day
    "The case of Elian is for today's youth what the blockade was for us.",
    "the chips of choice in many of today's personal computers",
    "If I were choosing the people of tomorrow, I would choose them.",
    "the statues of Easter Island",
    "Proceeds will reduce short-term debt.",
    "Proceeds will reduce the short term debt.",
    "Once in a while, prices fall.",
    "snapping back to profitability after its first quarterly loss",
])
def test_words_of_time_that_name_no_time(text):
    found = find_mentions(text, MON_23_AUG_2021)
    assert found == [], [(m.text, m.value) for m in found]


@pytest.mark.parametrize("text, span, value", [
    ("The offer, advertised in today's editions, expires in a week.", "today", "2021-08-23"),
    ("Tomorrow's vote has international implications.", "Tomorrow", "2021-08-24"),
    ("As of today, the border is closed.", "today", "2021-08-23"),
    ("The leaders of tomorrow's summit met.", "tomorrow", "2021-08-24"),
])
def test_today_and_tomorrow_before_a_thing_of_the_day_are_the_day(text, span, value):
    m = only(text)
    assert (m.text, m.value) == (span, value)


@pytest.mark.parametrize("text, value", [
    ("The offer will expire at midnight Friday.", "1989-11-03T24:00"),
    # a plan told in the past perfect is already past
    ("The offer previously had been scheduled to expire at midnight Friday.", "1989-10-27T24:00"),
])
def test_a_plan_looks_ahead_unless_told_in_the_past_perfect(text, value):
    assert only(text, dt.date(1989, 10, 30)).value == value


@pytest.mark.parametrize("text, edtf", [
    ("The parliament will vote on May 2.", "2024-05-02"),  # not the May 2 gone five months ago
    ("The parliament voted on May 2.", "2023-05-02"),
    # a day just gone, in a story filed late, is not a year away
    ("The summit will be held on Oct. 20.", "2023-10-20"),
])
def test_a_month_and_day_looked_ahead_to_is_the_coming_one(text, edtf):
    assert only(text, dt.date(2023, 10, 24)).edtf == edtf


@pytest.mark.parametrize("text", ["Putin said on Tuesday Russia would not interfere.",
                                  "On Tuesday Russia said it would act.", "He said Tuesday Obama would act."])
def test_a_weekday_told_with_on_or_said_is_a_day_before_a_name(text):
    assert only(text).value == "2021-08-17"


def test_a_weekday_in_a_name_is_no_day():
    assert find_mentions("The pastor Sunday Adelaja spoke.", MON_23_AUG_2021) == []


def test_a_year_before_a_verb_in_s_is_a_year_not_a_count():
    assert only("A fossil found in Mongolia in 2019 shows that some dinosaurs guarded their nests.").edtf == "2019"
    assert find_mentions("Police seized 2019 rifles.", MON_23_AUG_2021) == []


def test_now_opening_a_sentence_without_a_comma_is_the_present():
    found = find_mentions("Now the alliance is larger. Prices are lower now.", MON_23_AUG_2021)
    assert [(m.text, m.value) for m in found] == [("Now", "PRESENT_REF"), ("now", "PRESENT_REF")]


def test_the_current_fiscal_year_is_the_publications():
    found = find_mentions("sales in the current fiscal year", MON_23_AUG_2021)
    assert [(m.text, m.value) for m in found] == [("the current fiscal year", "2021")]


def test_a_companys_year_ended_on_a_day_is_twelve_months_not_a_date():
    found = find_mentions("Revenue rose in the year ended March 31.", MON_23_AUG_2021)
    assert [(m.text, m.value, m.type, m.places_event) for m in found] == [
        ("the year", "P1Y", "DURATION", False), ("March 31", "2021-03-31", "DATE", True)]


def test_offsets_index_the_original_text():
    text = "Russia\u2019s envoy said on Friday \u2014 a week after August 15 \u2014 that"
    for m in find_mentions(text, MON_23_AUG_2021):
        assert text[m.start:m.end] == m.text


def test_ages_are_not_durations():
    assert find_mentions("the 6-year-old boy and his 62-year-old uncle", MON_23_AUG_2021) == []
    assert [m.value for m in find_mentions("a 24-hour strike", MON_23_AUG_2021)] == ["PT24H"]


FRI_27_OCT_1989 = dt.date(1989, 10, 27)


def read_in_1989(text: str, span: str):
    """The mention with exactly this text, in an article of Friday 27 October 1989."""
    return next(m for m in find_mentions(text, FRI_27_OCT_1989) if m.text == span)


@pytest.mark.parametrize("text, span, value, edtf", [
    # News style drops the "on": a capitalised word before a weekday is a place, not a first name.
    ("bomb attacks in Kenya and Tanzania Friday, calling them", "Friday", "1989-10-27", "1989-10-27"),
    # "A year earlier" beside a quarter is that quarter a year before.
    ("Third-quarter profit rose 5% from a year earlier.", "a year earlier", "1988-Q3", "1988-07/1988-09"),
    ("In the third quarter, sales rose. The year-earlier quarter was weak.", "The year-earlier quarter", "1988-Q3",
     "1988-07/1988-09"),
    ("Profit rose 5% from a year ago.", "a year ago", "1988", "1988"),
    # A comparison a year back is with the quarter reported on, not a forecast one named after it.
    ("Third-quarter profit fell. Losses may go on through the fourth quarter and the third quarter of 1990. "
     "In the year-ago period, it earned $101 million.", "the year-ago period", "1988-Q3", "1988-07/1988-09"),
    ("Third-quarter net rose. After a flat second quarter, gains came from tissue. Charges were taken in the "
     "year-earlier period.", "the year-earlier period", "1988-Q3", "1988-07/1988-09"),
    ("Third-quarter profit fell to $1 million from $4 million in the 1988 quarter.", "the 1988 quarter", "1988-Q3",
     "1988-07/1988-09"),
    ("Third-quarter net fell from $1.8 million for the corresponding period last year.",
     "the corresponding period last year", "1988-Q3", "1988-07/1988-09"),
    ("Third-quarter U.K. sales for last year's quarter were about $3 million.", "last year's quarter", "1988-Q3",
     "1988-07/1988-09"),
    ("It lost money in the third quarter. For the quarter a year ago, it earned $16 million.",
     "the quarter a year ago", "1988-Q3", "1988-07/1988-09"),
    # "a year-earlier loss": the article belongs to the noun, the date is "year-earlier".
    ("Third-quarter profit beat a year-earlier loss of $5 million.", "year-earlier", "1988-Q3", "1988-07/1988-09"),
    # "The year" after a preposition is the year reported on; "the year before" is another.
    ("For the year, pet food volume was flat.", "the year", "1989", "1989"),
    ("Sales rose in the first nine months of the year.", "the year", "1989", "1989"),
    ("A year and a half ago it was worth less.", "A year and a half ago", "1988", "1988"),
    # "Ten days later" counts from the day the text named, not from the publication date. TimeML
    # marks its length ("Ten days", P10D) and leaves "later" as a signal; the timeline places the day.
    ("The deal closed on Sept. 1. Ten days later it collapsed.", "Ten days", "P10D", "1989-09-11"),
    ("Talks began on Oct. 2. Two weeks later they broke down.", "Two weeks", "P2W", "1989-10-16"),
    ("A few days later it collapsed.", "A few days", "PXD", None),
    ("An hour later he was declared dead.", "An hour", "PT1H", None),
    # A month alone: the latest past one, or the coming one when the sentence looks ahead.
    ("The chip was unveiled last April.", "last April", "1989-04", "1989-04"),
    ("The loan runs through January.", "January", "1990-01", "1990-01"),
    ("The company was sold in January.", "January", "1989-01", "1989-01"),
    ("Mr. Schwarz will succeed Daniel P. Davison in February.", "February", "1990-02", "1990-02"),
    # "by" looks ahead only with the tense: "refugees began to flood the border by early July" is past.
    ("Refugees began to flood the border by early July.", "early July", "1989-07", "1989-07~"),
    ("The stock split would be paid on a date in January.", "January", "1990-01", "1990-01"),
    # A month before a noun is a date too: "the October slaying", "a June agreement".
    ("Police solved the October slaying.", "October", "1989-10", "1989-10"),
    ("It is trying to sell itself under a June agreement.", "June", "1989-06", "1989-06"),
    # A weekday in reported future is the coming one; a possessive takes no tense from the clause.
    ("He said he would travel to Washington Thursday.", "Thursday", "1989-11-02", "1989-11-02"),
    ("They said they would fight Wednesday's ruling.", "Wednesday", "1989-10-25", "1989-10-25"),
    # A verb or a name after a year does not make it a count of things.
    ("In nineteen ninety-one Charles Keating was convicted.", "nineteen ninety-one", "1991", "1991"),
    ("The approach of the year two thousand has many worried.", "the year two thousand", "2000", "2000"),
    ("By 1995 was the deadline.", "1995", "1995", "1995"),
    # A prefixed year is an adjective before its noun, not a count of things.
    ("The post-1959 politics split families.", "1959", "1959", "1959"),
    # A part of a day is a time in TimeML's value; the timeline places it on the day.
    ("Police arrived Wednesday night.", "Wednesday night", "1989-10-25TNI", "1989-10-25"),
    ("The talks ended Thursday evening.", "Thursday evening", "1989-10-26TEV", "1989-10-26"),
    ("By mid afternoon, officials were saying the operation was over.", "mid afternoon", "1989-10-27TAF",
     "1989-10-27"),
    ("In London at mid-afternoon yesterday, the shares were up.", "mid-afternoon yesterday", "1989-10-26TAF",
     "1989-10-26"),
    ("Sales slowed in the summer.", "the summer", "1989-SU", "1989-22"),
    # A clock time beside a day is a time on that day.
    ("Bids are due by 5 p.m. EST Nov. 9.", "5 p.m. EST Nov. 9", "1989-11-09T17:00", "1989-11-09"),
    ("The offer expires at midnight Friday.", "midnight Friday", "1989-10-27T24:00", "1989-10-27"),
    ("He will speak at noon tomorrow.", "noon tomorrow", "1989-10-28T12:00", "1989-10-28"),
    # Broadcast transcripts speak their years and decades.
    ("It began in nineteen ninety-six.", "nineteen ninety-six", "1996", "1996"),
    ("The bombing of January nineteen ninety-seven", "January nineteen ninety-seven", "1997-01", "1997-01"),
    ("Prices peaked in the winter of nineteen ninety-four.", "the winter of nineteen ninety-four", "1994-WI", "1994-24"),
    ("Computers may fail in the year two thousand.", "the year two thousand", "2000", "2000"),
    ("The law dates from nineteen oh five.", "nineteen oh five", "1905", "1905"),
    ("Since two thousand and one, prices rose.", "two thousand and one", "2001", "2001"),
    ("It was a hit in the late sixties.", "the late sixties", "196", "196X~"),
    ("Growth in the nineteen-eighties was fast.", "the nineteen-eighties", "198", "198X"),
])
def test_resolution_from_context(text, span, value, edtf):
    m = read_in_1989(text, span)
    assert (m.value, m.edtf) == (value, edtf)


@pytest.mark.parametrize("text, span, value, edtf", [
    ("Markets closed at 15:30 GMT.", "15:30 GMT", "2021-08-23T15:30", None),
    ("The train left at 9.30am.", "9.30am", "2021-08-23T09:30", None),
    ("The vote opened at 09:00 in the capital.", "09:00", "2021-08-23T09:00", None),
    ("The ceasefire began at 14:00 GMT on Sunday.", "14:00 GMT on Sunday", "2021-08-22T14:00", "2021-08-22"),
    ("It began at 6 a.m. local time on Sunday.", "6 a.m. local time on Sunday", "2021-08-22T06:00", "2021-08-22"),
    ("The evacuation ended at 23:59 on 30 August.", "23:59 on 30 August", "2021-08-30T23:59", "2021-08-30"),
    ("The president will visit on the 25th of this month.", "the 25th of this month", "2021-08-25", "2021-08-25"),
    ("He left a fortnight ago.", "a fortnight ago", "2021-W32", "2021-08-09/2021-08-15"),
    ("The talks lasted a fortnight.", "a fortnight", "P2W", None),
    ("The festival runs from March 3 to 5.", "March 3 to 5", "2021-03-03", "2021-03-03/2021-03-05"),
])
def test_clock_times_fortnights_and_spans_of_days(text, span, value, edtf):
    m = next(m for m in find_mentions(text, MON_23_AUG_2021) if m.text == span)
    assert (m.value, m.edtf) == (value, edtf)


def test_numbers_with_colons_are_times_only_with_a_zone_or_an_at():
    assert find_mentions("Genesis 3:16 says the score was 15:30, and 12.30 per cent", MON_23_AUG_2021) == []
    # "3 to 5 p.m." is a time of day, not a span of days
    assert [m.text for m in find_mentions("Open March 3 to 5 p.m.", MON_23_AUG_2021)] == ["March 3", "5 p.m."]


def test_over_is_not_part_of_a_duration():
    assert [m.text for m in find_mentions("Prices fell over the past 20 years.", FRI_27_OCT_1989)] == [
        "the past 20 years"]


@pytest.mark.parametrize("text", [
    "More than two thousand people marched.",  # a count, not the year 2000
    "A man in his sixties was arrested.",      # an age, not a decade
    "The meeting starts at twelve fifteen.",   # a clock time, not a year
])
def test_spoken_numbers_that_are_not_dates(text):
    assert [m.text for m in find_mentions(text, FRI_27_OCT_1989) if m.type == "DATE"] == []


def test_a_spoken_decade_needs_the_publication_date_for_its_century():
    m = find_mentions("Sales boomed in the nineties.", None)[0]
    assert m.text == "the nineties" and m.edtf == "XXXX-XX-XX"  # flagged for review, never guessed


@pytest.mark.parametrize("text, span, value", [
    # "The following year" is the story's next year, not the publication's.
    ("On May 22, 1995, Farkas was made a general, and the following year he was appointed attache.",
     "the following year", "1996"),
    ("In March 1989 the bid failed. The following month, the company put itself up for sale.",
     "The following month", "1989-04"),
    ("He arrived on Sept. 3 and left the following day.", "the following day", "1989-09-04"),
    ("Kabul fell on Aug. 15, 2021. The next day, crowds filled the airport.", "The next day", "2021-08-16"),
    ("The vote was on Oct. 2. The day before, officials had warned of attacks.", "The day before", "1989-10-01"),
    # With no date before it, the publication's year is the story's.
    ("Profit fell from the previous year.", "the previous year", "1988"),
    # "That year", "earlier that day": the date the story last gave.
    ("On May 22, 1995, Farkas was made a general, and later that year he was appointed.", "later that year", "1995"),
    ("Police came on Oct. 23. Earlier that day, a bomb exploded.", "Earlier that day", "1989-10-23"),
    ("In the third quarter of 1988 sales rose; that year was good.", "that year", "1988"),
    # Only what is known: a day of that October.
    ("In October 1998 he came, and that same day left.", "that same day", "1998-10-XX"),
    # Within the publication's year or month.
    ("Sales for the full year will rise.", "the full year", "1989"),
    ("The plant closes at the end of the year.", "the end of the year", "1989"),
    ("Shares fell earlier in the month.", "earlier in the month", "1989-10"),
    ("Results are due by the end of the week.", "the end of the week", "1989-W43"),
    ("Attacks rose in the second half of last year.", "the second half of last year", "1988-H2"),
    # A week of a month: TIMEX3 can only say the month; the timeline gets its days (below).
    ("They met in the first week of July.", "the first week of July", "1989-07"),
])
def test_dates_counted_from_the_story_or_the_publication(text, span, value):
    assert read_in_1989(text, span).value == value


@pytest.mark.parametrize("text", [
    "Market makers suffer losses on trades made that day.",
    "He resigned the next day.",
    "The day before, officials had warned of attacks.",
])
def test_a_day_counted_from_no_date_before_it_is_not_a_date(text):
    assert find_mentions(text, FRI_27_OCT_1989) == []


def test_a_week_of_a_month_is_its_seven_days():
    assert read_in_1989("in the last week of February 1988", "the last week of February 1988").edtf == \
        "1988-02-23/1988-02-29"
    assert read_in_1989("They met in the first week of July.", "the first week of July").edtf == "1989-07-01/1989-07-07"


def test_the_day_before_an_event_is_not_counted_from_a_date():
    found = find_mentions("Police came on Oct. 23, the day before the vote.", FRI_27_OCT_1989)
    assert [m.text for m in found] == ["Oct. 23"]


def test_weeks_ago_is_a_week_not_a_day():
    (m,) = find_mentions("The plan was drafted six weeks ago.", FRI_27_OCT_1989)
    assert (m.value, m.edtf, m.granularity) == ("1989-W37", "1989-09-11/1989-09-17", "week")


@pytest.mark.parametrize("text, anchor", [
    ("He spoke on Tuesday.", dt.date(1, 1, 1)),
    ("It happened yesterday.", dt.date(1, 1, 1)),
    ("It was a decade ago.", dt.date(1, 1, 1)),
    ("They meet next week.", dt.date(9999, 12, 31)),
    ("They meet next year.", dt.date(9999, 12, 31)),
    ("They will meet on Memorial Day.", dt.date(9999, 12, 31)),
    ("They will meet at Easter.", dt.date(9999, 12, 31)),
    ("Halloween came and went.", dt.date(1, 1, 1)),
])
def test_a_date_counted_past_either_end_of_the_calendar_is_flagged_not_a_crash(text, anchor):
    """A story whose dateline says year 1 or 9999 (a scraper's placeholder): its relative dates
    fall outside the calendar, so they are dates for review, never a crash or a made-up year."""
    found = only(text, anchor)
    assert found.edtf == "XXXX-XX-XX" and found.places_event  # an event with an unknown date: for review


def test_a_day_counted_from_the_last_day_of_the_calendar_is_flagged():
    found = find_mentions("He arrived on Friday. The next day, he left.", dt.date(9999, 12, 31))
    assert [(m.text, m.edtf) for m in found] == [("Friday", "9999-12-31"), ("The next day", "XXXX-XX-XX")]


def test_a_day_and_a_count_are_not_a_span_of_days():
    m = only("Two died on May 2 and 3 soldiers were hurt.", dt.date(2023, 6, 5))
    assert (m.text, m.edtf) == ("May 2", "2023-05-02")


def test_a_date_told_again_by_an_offset_from_another_event_is_not_a_second_date():
    found = find_mentions("He asked for a declaration on Saturday, a day before the storm hit.", dt.date(2021, 8, 30))
    assert [(m.text, m.edtf) for m in found] == [("Saturday", "2021-08-28")]
    later = find_mentions("The talks began on Monday. A day later, they collapsed.", dt.date(2021, 8, 30))
    assert [m.edtf for m in later] == ["2021-08-30", "2021-08-31"]  # counted from the date before it


@pytest.mark.parametrize("text, span, edtf", [
    # The year or week after a date says which one: one expression, not a date and a year apart.
    ("The rover was launched on 30 July last year.", "30 July last year", "1988-07-30"),
    ("It was founded on July 30 next year.", "July 30 next year", "1990-07-30"),
    ("Its ninth hike since March of last year.", "March of last year", "1988-03"),
    ("They met on Tuesday last week.", "Tuesday last week", "1989-10-17"),
    ("They meet on Tuesday of next week.", "Tuesday of next week", "1989-10-31"),
])
def test_a_date_in_the_year_or_week_named_after_it(text, span, edtf):
    assert [(m.text, m.edtf) for m in find_mentions(text, FRI_27_OCT_1989)] == [(span, edtf)]


@pytest.mark.parametrize("text, dates", [
    # "Later" is the story's time: years after the date the text last gave, never after the publication.
    ("The dam broke in 1928. Two decades later, the town was rebuilt.", ["1928", "1948"]),
    ("He was elected in 2016 and re-elected four years later.", ["2016", "2020"]),
    ("Three years later, the company went bankrupt.", []),  # later than a date the text never gave
    # The same day told again, counted from an earlier event: not a second date.
    ("Germany was reunified on 3 October 1990, less than a year later.", ["1990-10-03"]),
])
def test_years_later_count_from_the_story_not_the_publication(text, dates):
    assert [m.edtf for m in find_mentions(text, FRI_27_OCT_1989) if m.edtf] == dates


def test_a_date_counted_from_another_says_which():
    later = find_mentions("The dam broke in 1928. Two decades later, the town was rebuilt.", FRI_27_OCT_1989)[1]
    assert later.how == "\u2018Two decades\u2019 counted from \u20181928\u2019, the date the text gave before it"


def test_years_joined_by_and_are_a_list_unless_between():
    assert [m.edtf for m in find_mentions("He also lost in 2007, 2013 and 2017.", FRI_27_OCT_1989)] == \
        ["2007", "2013", "2017"]
    assert [m.edtf for m in find_mentions("A lull between 1967 and 1975 ended.", FRI_27_OCT_1989)] == ["1967/1975"]


def test_a_season_is_a_whole_word():
    assert [m.text for m in find_mentions("The Springfield City Council voted on Tuesday.", FRI_27_OCT_1989)] == \
        ["Tuesday"]
    assert [m.text for m in find_mentions("Work resumes in the spring.", FRI_27_OCT_1989)] == ["the spring"]


def test_what_runs_through_a_weekday_runs_to_the_coming_one():
    found = find_mentions("The convention, which opened Monday, runs through Thursday.", FRI_27_OCT_1989)
    assert [(m.text, m.edtf) for m in found] == [("Monday", "1989-10-23"), ("Thursday", "1989-11-02")]


@pytest.mark.parametrize("text, dates", [
    # A deadline or a vote is set ahead: "Friday's deadline" that the Senate "must" meet is the coming Friday.
    ("The Senate must act before Monday's deadline.", ["1989-10-30"]),
    ("They would fight Wednesday's ruling.", ["1989-10-25"]),  # a ruling already made
    # "Two days before a deadline" counts from the deadline, which has no date here: a length, no day.
    ("The House on Wednesday passed it, sending it to the Senate two days before a shutdown deadline.",
     ["1989-10-25"]),
    ("The vote was on Oct. 2. Two days before, officials had warned.", ["1989-10-02", "1989-09-30"]),
])
def test_what_a_weekday_or_a_count_of_days_is_set_against(text, dates):
    assert [m.edtf for m in find_mentions(text, FRI_27_OCT_1989) if m.edtf] == dates


@pytest.mark.parametrize("text, span, value", [
    # "at 8:30 p.m. ET": an evening time in the zone US news writes, not a 24-hour 08:30.
    ("Milton made landfall at 8:30 p.m. ET on Wednesday.", "8:30 p.m. ET on Wednesday", "1989-10-25T20:30"),
    ("The polls closed at 8:30 pm PT.", "8:30 pm", "1989-10-27T20:30"),
    ("Trading opened at 09:00 in Frankfurt.", "09:00", "1989-10-27T09:00"),
])
def test_a_clock_time_and_its_zone(text, span, value):
    m = read_in_1989(text, span)
    assert (m.type, m.value) == ("TIME", value)


@pytest.mark.parametrize("text, span, edtf", [
    # A month, day or season "of that year" is in the year the story last gave, not the publication's
    ("Rates rose from March 2022. By June of that year inflation peaked.", "June of that year", "2022-06"),
    ("He was elected in 1998. In December of the following year he resigned.", "December of the following year",
     "1999-12"),
    ("She left in 2001 and returned on June 5 of the same year.", "June 5 of the same year", "2001-06-05"),
    ("The war ended in 1945. In the spring of that year, Berlin fell.", "the spring of that year", "1945-21"),
])
def test_a_month_of_that_year_is_in_the_year_the_story_gave(text, span, edtf):
    assert (span, edtf) in [(m.text, m.edtf) for m in find_mentions(text, FRI_27_OCT_1989)]
    assert len([m for m in find_mentions(text, FRI_27_OCT_1989) if m.edtf and m.edtf.startswith("1989")]) == 0


def test_the_rest_of_a_number_is_no_date():
    # "21,000 years ago" is not "000 years ago" (which was read as the publication's year)
    assert [m.text for m in find_mentions("Humans were there between 21,000 and 23,000 years ago, and 1,368 "
                                          "people live there now.", FRI_27_OCT_1989) if m.edtf] == []


def test_a_weekday_week_is_a_week_after_the_coming_weekday():
    sunday = dt.date(2023, 11, 26)
    found = find_mentions("They host Wolves next Saturday before a trip to Lens on Wednesday week.", sunday)
    assert [(m.text, m.edtf) for m in found] == [("next Saturday", "2023-12-02"), ("Wednesday week", "2023-12-06")]
    found = find_mentions("The vote is a week from Friday, and the count two weeks from Monday.", sunday)
    assert [(m.text, m.edtf) for m in found] == [("a week from Friday", "2023-12-08"),
                                                  ("two weeks from Monday", "2023-12-11")]


def test_the_one_before_last_is_two_back():
    wednesday = dt.date(2023, 12, 6)
    found = find_mentions("They met the weekend before last, and prices fell the week before last.", wednesday)
    assert [(m.text, m.edtf) for m in found] == [("the weekend before last", "2023-11-25/2023-11-26"),
                                                  ("the week before last", "2023-11-20/2023-11-26")]
    # "last" goes with what follows it here
    assert [m.text for m in find_mentions("The week before last Christmas was busy.", wednesday)] == ["last Christmas"]


@pytest.mark.parametrize("text, span, edtf", [
    ("The Senate sent the bill to the president just days before a Friday deadline.", "Friday", "2023-11-17"),
    ("Shareholders tendered 99% of the stock by the Tuesday deadline.", "Tuesday", "2023-11-14"),  # may be gone
    ("More rain is forecast for the weekend.", "the weekend", "2023-11-18/2023-11-19"),
])
def test_a_deadline_ahead_and_a_forecast_look_ahead(text, span, edtf):
    wednesday = dt.date(2023, 11, 15)
    assert [(m.text, m.edtf) for m in find_mentions(text, wednesday)] == [(span, edtf)]


@pytest.mark.parametrize("text, dates", [
    # A year written after a name is part of the name, not a date: a plan, a tournament, a campaign
    ("Saudi Arabia's Vision 2030 plan and the UN's Agenda 2030 were discussed.", []),
    ("Tickets for Euro 2024 and Paris 2024 sold out.", []),
    # ... but not after a word that points at it, nor after a month, a season or a holiday
    ("That 1978 resolution calls for a withdrawal. Copyright 1998 by the agency.", ["1978", "1998"]),
    ("Spring 2024 will be busy, as Christmas 2023 was.", ["2024-21", "2023-12-25"]),
])
def test_a_year_in_a_name_is_no_date(text, dates):
    assert [m.edtf for m in find_mentions(text, FRI_27_OCT_1989) if m.edtf] == dates


def test_a_clock_without_its_colon_is_no_year():
    assert [m.edtf for m in find_mentions("Brent was down 1.1% at $77.99 a barrel by 1030 GMT.", FRI_27_OCT_1989)
            if m.edtf] == []


def test_the_following_weekday_follows_the_story_s_day_or_is_flagged():
    wednesday = dt.date(2023, 12, 6)
    told = find_mentions("He left on March 3, 2021, and returned the following Monday.", wednesday)
    assert [(m.text, m.edtf) for m in told] == [("March 3, 2021", "2021-03-03"), ("following Monday", "2021-03-08")]
    (alone,) = find_mentions("He returned the following Monday.", wednesday)
    assert alone.edtf == "XXXX-XX-XX" and alone.how == "\u2018following Monday\u2019 follows a day the text did not give"


def test_what_is_set_for_a_month_is_ahead():
    assert [m.edtf for m in find_mentions("Talks are set for the first week of March.", dt.date(2023, 12, 6))] \
        == ["2024-03-01/2024-03-07"]


@pytest.mark.parametrize("text, edtf", [
    # What a present-tense "ends", "opens" or "ahead of" sets a date to is ahead; "ended", "opened" behind
    ("The 90-day truce ends on Jan. 3.", "2024-01-03"),
    ("The truce ended on Jan. 3.", "2023-01-03"),
    ("The trial opens Monday.", "2023-12-11"),
    ("The store opened on Monday.", "2023-12-04"),
    ("Ahead of Tuesday's vote, protests grew.", "2023-12-12"),
])
def test_a_schedule_in_the_present_tense_is_ahead(text, edtf):
    assert [m.edtf for m in find_mentions(text, dt.date(2023, 12, 6)) if m.edtf] == [edtf]


@pytest.mark.parametrize("day, edtf", [(dt.date(2023, 12, 12), "2024"), (dt.date(2024, 2, 1), "2024")])
def test_the_new_year_is_the_year_to_come_or_just_begun(day, edtf):
    assert [m.edtf for m in find_mentions("MPs will debate the bill again in the new year.", day)] == [edtf]


def test_a_fiscal_quarter_with_no_year_is_an_uncertain_calendar_quarter():
    found = find_mentions("It expected fiscal second-quarter revenue, after profit rose in the second quarter.",
                          dt.date(2023, 10, 24))
    assert [(m.text, m.value, m.edtf) for m in found] == [
        ("fiscal second-quarter", "2023-Q2", "2023-04/2023-06?"), ("the second quarter", "2023-Q2", "2023-04/2023-06")]


def test_a_clock_on_a_weekday_and_its_date_is_one_time_on_that_date():
    found = find_mentions("Polls close at 10pm on Thursday 14 December.", dt.date(2023, 12, 6))
    assert [(m.text, m.value, m.edtf) for m in found] == [
        ("10pm on Thursday 14 December", "2023-12-14T22:00", "2023-12-14")]


@pytest.mark.parametrize("text, dates", [
    # A number before a street is an address: "the 1900 block of Main Street", "1999 Elm Street"
    ("Police were called to the 1900 block of Main Street.", []),
    ("He lives at 1999 Elm Street.", []),
    # ... unless a word of time points at it
    ("In 1999 Main Street was rebuilt.", ["1999"]),
])
def test_a_house_number_is_no_year(text, dates):
    assert [m.edtf for m in find_mentions(text, FRI_27_OCT_1989) if m.edtf] == dates


@pytest.mark.parametrize("text, dates", [
    # A model year and a decade's style say what a thing is, not when something happened
    ("Police said the suspect drove a 2015 Toyota Camry.", []),
    ("A 1970s-style bar opened and the 1950s-era building was demolished.", []),
    ("In 2015 Toyota recalled cars, as in the 1970s.", ["2015", "197X"]),
])
def test_a_model_year_or_a_decade_s_style_is_no_date(text, dates):
    assert [m.edtf for m in find_mentions(text, FRI_27_OCT_1989) if m.edtf] == dates


def test_a_fiscal_year_in_shorthand_is_its_year_but_not_guessed_without_a_date():
    found = find_mentions("Revenue for FY24 rose 5%, after FY 2023 was strong.", dt.date(2023, 12, 6))
    assert [(m.text, m.edtf) for m in found] == [("FY24", "2024"), ("FY 2023", "2023")]
    assert find_mentions("Revenue for FY24 rose 5%.") == []  # no century to read "24" in


def test_a_half_year_in_shorthand_is_its_six_months():
    found = find_mentions("Sales rose in H1 2024, after a flat H2'23.", dt.date(2024, 8, 1))
    assert [(m.text, m.edtf) for m in found] == [("H1 2024", "2024-01/2024-06"), ("H2'23", "2023-07/2023-12")]
    assert find_mentions("The H1 2024 results beat H2 estimates.", dt.date(2024, 8, 1))[0].value == "2024-H1"


def test_last_and_next_holiday_are_the_one_gone_by_and_the_one_to_come():
    december = dt.date(2023, 12, 6)
    found = find_mentions("They met last Christmas and will meet next Easter; shops shut last Thanksgiving "
                          "and will open this Christmas.", december)
    assert [(m.text, m.edtf) for m in found] == [
        ("last Christmas", "2022-12-25"), ("next Easter", "2024-03-31"), ("last Thanksgiving", "2023-11-23"),
        ("this Christmas", "2023-12-25")]
    january = dt.date(2024, 1, 10)
    assert [(m.text, m.edtf) for m in find_mentions("Sales fell last Christmas.", january)] == [
        ("last Christmas", "2023-12-25")]


@pytest.mark.parametrize("text, value", [
    # a possibility is a coming one
    ("Okafor could make his debut against Wexham on Saturday.", "2024-02-03"),
    ("Traders see a 60% chance of a first rate cut in June.", "2024-06"),
    # so is what someone expects
    ("Forecasters expect the storm to weaken by Saturday morning.", "2024-02-03TMO"),
    # ... but not one that was never met, or may have been
    ("The club could not be reached for comment on Saturday.", "2024-01-27"),
    ("He may have left the country on Saturday.", "2024-01-27"),
    ("Neither he nor his family could be located Saturday in their hometown.", "2024-01-27"),
])
def test_a_possibility_looks_ahead(text, value):
    assert only(text, dt.date(2024, 2, 1)).value == value


@pytest.mark.parametrize("text, span, edtf", [
    ("Fifty years ago this week, the dam gave way.", "Fifty years ago this week", "1974-06-03/1974-06-09"),
    ("Twenty years ago today, the first iPhone went on sale.", "Twenty years ago today", "2004-06-09"),
    ("Ten years ago this month, the bridge collapsed.", "Ten years ago this month", "2014-06"),
    ("Thirty years ago tonight, the guards opened the checkpoints.", "Thirty years ago tonight", "1994-06-09"),
])
def test_years_ago_this_week_is_that_week_back_then(text, span, edtf):
    m = only(text, dt.date(2024, 6, 9))
    assert (m.text, m.edtf) == (span, edtf)
    assert m.how.startswith(f"\u2018{span}\u2019")


@pytest.mark.parametrize("text, edtf", [
    ("In 1979, on December 24, Soviet troops crossed the border.", "1979-12-24"),
    ("In 1979 on December 24 Soviet troops crossed the border.", "1979-12-24"),
    ("Last year, in March, the mayor resigned.", "2023-03"),
])
def test_a_month_and_day_right_after_a_year_are_in_that_year(text, edtf):
    assert find_mentions(text, dt.date(2024, 6, 9))[-1].edtf == edtf


def test_a_day_after_a_year_in_a_clause_of_its_own_keeps_the_publication_year():
    mentions = find_mentions("The law passed in 2019, and on March 3 the court struck it down.", dt.date(2024, 6, 9))
    assert [m.edtf for m in mentions] == ["2019", "2024-03-03"]


@pytest.mark.parametrize("text", ['The band released its debut album, "Static Summer", in 1991.',
                                  "The Arab Spring swept the region in 2011."])
def test_a_season_in_a_name_is_no_season(text):
    assert [m.text for m in find_mentions(text, dt.date(2024, 6, 9))] == [text[-5:-1]]


@pytest.mark.parametrize("text, value", [("In Summer 2023 the band split.", "2023-SU"),
                                         ("Last Summer the band split.", "2023-SU")])
def test_a_capitalised_season_after_a_time_word_is_a_season(text, value):
    assert only(text, dt.date(2024, 6, 9)).value == value


@pytest.mark.parametrize("text, span, edtf", [
    ("Nasser nationalised the canal in 1956, prompting an invasion that October.", "that October", "1956-10"),
    ("In 1990 he moved to Paris, and that summer he married.", "that summer", "1990-22"),
])
def test_that_month_is_in_the_year_the_text_gave_before_it(text, span, edtf):
    m = find_mentions(text, dt.date(2021, 3, 29))[-1]
    assert (m.text, m.edtf) == (span, edtf)
    assert "the year of" in m.how


def test_that_month_with_no_year_before_it_keeps_its_year_unknown():
    (m,) = find_mentions("The invasion came that October.", dt.date(2021, 3, 29))
    assert m.edtf == "XXXX-10"
    assert "gives nowhere before it" in m.how


@pytest.mark.parametrize("text", ["He said that March was the wettest month on record.",
                                  "Officials feared that October would bring more storms."])
def test_that_opening_what_was_said_is_no_that_month(text):
    assert find_mentions(text, dt.date(2021, 3, 29)) == []


@pytest.mark.parametrize("text, edtfs", [
    ("Storms are forecast to move in late on Friday, with cooler air arriving over the weekend.",
     ["2024-07-19", "2024-07-20/2024-07-21"]),
    # a day gone by, then another: both stay past
    ("Police said on Friday that the man had been arrested over the weekend.", ["2024-07-12", "2024-07-13/2024-07-14"]),
    # a verb in the past between them: the second day is gone by
    ("SpaceX will try again on Saturday, pending approval from the FAA, which granted a license on Monday morning.",
     ["2024-07-20", "2024-07-15"]),
    ("The match will be played on Saturday and broadcast on Sunday.", ["2024-07-20", "2024-07-21"]),
])
def test_a_weekend_told_after_a_day_to_come_is_the_coming_one(text, edtfs):
    assert [m.edtf for m in find_mentions(text, dt.date(2024, 7, 16))] == edtfs


@pytest.mark.parametrize("text, value", [("United host Nottingham Forest at 8pm on Saturday.", "2023-12-30T20:00"),
                                         ("Villa travel to Burnley on Saturday.", "2023-12-30")])
def test_a_fixture_in_the_present_tense_is_the_coming_one(text, value):
    assert only(text, dt.date(2023, 12, 26)).value == value


@pytest.mark.parametrize("text, edtf", [
    ("Argentines vote on Sunday in a general election.", "2023-10-22"),
    ("The Fed meets on Wednesday.", "2023-10-25"),
    ("The former aide testifies on Tuesday.", "2023-10-24"),
    # a noun, not a verb: the day gone by
    ("Parliament held a vote on Sunday.", "2023-10-15"),
    ("The vote on Sunday was close.", "2023-10-15"),
])
def test_a_date_set_in_the_present_tense_is_the_coming_one(text, edtf):
    assert only(text, dt.date(2023, 10, 20)).edtf == edtf


@pytest.mark.parametrize("text, edtfs", [
    # a plan after the day, the day told after a verb in the past: the day is the verb's
    ('President Joe Biden declared a major disaster on Thursday, and will visit the island "as soon as possible."',
     ["2023-08-10"]),
    ("On Thursday, the White House will announce the visit.", ["2023-08-17"]),
    # a show or a paper named for a day is no day
    ("She tore up a photograph of the Pope on Saturday Night Live in October 1992.", ["1992-10"]),
    ("He told the Sunday Times on Friday that he would quit.", ["2023-08-11"]),
    ("The Mail on Sunday reported it on Saturday.", ["2023-08-12"]),
    # what is possible is to come
    ("Gusts of up to 80mph are possible along the south coast overnight into Thursday.", ["2023-08-17"]),
    # a length from a day, not the day three weeks on; "three weeks from Monday" alone is that day
    ("A main road will close for three weeks from Monday while it is resurfaced.", ["2023-08-14"]),
    ("The results will be known three weeks from Monday.", ["2023-09-11"]),  # from the coming Monday
])
def test_weekdays_in_their_clauses(text, edtfs):
    assert [m.edtf for m in find_mentions(text, dt.date(2023, 8, 14)) if m.edtf] == edtfs


@pytest.mark.parametrize("text, edtf", [
    ("Investors will look to the November retail sales report.", "2023-11"),
    ("Economists will study the October jobs figures.", "2023-10"),
    ("Voters will go to the polls in the November election.", "2024-11"),  # no figures: the coming one
])
def test_a_month_s_figures_are_for_a_month_gone_by(text, edtf):
    assert only(text, dt.date(2023, 12, 13)).edtf == edtf


def test_both_months_of_a_hyphenated_stretch_are_dates():
    mentions = find_mentions("Net profit for the October-December quarter rose to 71.45 billion rupees.",
                             dt.date(2024, 2, 2))
    assert [m.edtf for m in mentions] == ["2023-10", "2023-12"]


def test_two_months_joined_before_a_year_are_both_in_it():
    mentions = find_mentions("Japan spent a record sum to prop up the yen in September and October 2022.",
                             dt.date(2024, 4, 26))
    assert [m.edtf for m in mentions] == ["2022-09", "2022-10"]


@pytest.mark.parametrize("text, edtfs", [
    ("Patients with appointments on Tuesday and Wednesday have been contacted.", ["2023-12-05", "2023-12-06"]),
    ("Clinics on Tuesday, Wednesday and Thursday are cancelled.", ["2023-12-05", "2023-12-06", "2023-12-07"]),
    ("Shops closed on Sunday and Monday.", ["2023-12-03", "2023-12-04"]),
    # two days listed, latest first, are both gone by
    ("Following are statements made Tuesday and Monday by the lawyer.", ["2023-12-05", "2023-12-04"]),
])
def test_a_day_joined_to_the_day_before_it_comes_after_that_day(text, edtfs):
    """Told on Tuesday 5 December 2023."""
    assert [m.edtf for m in find_mentions(text, dt.date(2023, 12, 5))] == edtfs


def test_a_day_after_a_day_to_come_in_another_sentence_keeps_its_own_reading():
    mentions = find_mentions("The vote will be held on Friday.\nOn Sunday, the party met.", dt.date(2024, 7, 16))
    assert [m.edtf for m in mentions] == ["2024-07-19", "2024-07-14"]


def test_two_days_too_far_apart_for_one_stretch_are_two_dates():
    mentions = find_mentions("The Atlantic hurricane season runs from June 1 to Nov. 30.", dt.date(2024, 9, 12))
    assert [(m.text, m.edtf) for m in mentions] == [("June 1", "2024-06-01"), ("Nov. 30", "2024-11-30")]


@pytest.mark.parametrize("text", ["Her album won four Grammy Awards, including record of the year.",
                                  "He was named European Player of the Year."])
def test_an_award_of_the_year_is_no_year(text):
    assert find_mentions(text, dt.date(2023, 5, 24)) == []


def test_a_next_meeting_looks_ahead():
    assert only("The central bank's next policy meeting is Jan. 30-31.", dt.date(2023, 12, 13)).edtf == \
        "2024-01-30/2024-01-31"


def test_how_much_earlier_than_something_is_no_date_and_the_comparison_keeps_its_own_tense():
    mentions = find_mentions("Inflation would fall below 2% two quarters earlier than it forecast in November.",
                             dt.date(2024, 3, 6))
    assert [(m.text, m.edtf) for m in mentions] == [("November", "2023-11")]


def test_a_month_to_a_month_after_the_is_two_months():
    mentions = find_mentions("Vacancies fell to 898,000 in the February to April period.", dt.date(2024, 5, 14))
    assert [m.edtf for m in mentions] == ["2024-02", "2024-04"]


@pytest.mark.parametrize("text, edtfs", [
    # told on Monday 27 November 2023: a warning in place from Tuesday, one from Tuesday until Wednesday
    ("Snow and ice warnings are in place for large parts of the UK from Tuesday.", ["2023-11-28"]),
    ("The Met Office has issued a warning from 18:00 GMT on Tuesday until 12:00 on Wednesday.",
     ["2023-11-28", "2023-11-29"]),
])
def test_a_stretch_from_a_day_to_come(text, edtfs):
    assert [m.edtf for m in find_mentions(text, dt.date(2023, 11, 27))] == edtfs


@pytest.mark.parametrize("text, edtf", [("Last winter, a cold spell in mid-December closed schools.", "2022-12~"),
                                        ("Last winter, a cold spell in January closed schools.", "2023-01")])
def test_a_month_told_after_a_season_is_in_that_season(text, edtf):
    assert find_mentions(text, dt.date(2023, 11, 27))[1].edtf == edtf


def test_a_calendar_day_told_after_one_to_come_is_to_come_too():
    mentions = find_mentions("Oasis will play Cardiff on 4 and 5 July, followed by Manchester's Heaton Park on 19 and "
                             "20 July.", dt.date(2024, 8, 27))
    assert [m.edtf for m in mentions] == ["2025-07-04/2025-07-05", "2025-07-19/2025-07-20"]


@pytest.mark.parametrize("text", ["A bank holiday will be held on the Monday after the coronation.",
                                  "The Sunday before the election was quiet."])
def test_a_weekday_counted_from_an_undated_event_is_flagged_not_guessed(text):
    (m,) = find_mentions(text, dt.date(2022, 10, 11))
    assert m.edtf == "XXXX-XX-XX"


@pytest.mark.parametrize("text, span", [("It weakened in the past fortnight.", "the past fortnight"),
                                        ("Talks resume next fortnight.", "next fortnight")])
def test_a_fortnight_told_with_past_or_next_is_two_weeks(text, span):
    assert [(m.text, m.type, m.value) for m in find_mentions(text, dt.date(2023, 12, 13))] == [(span, "DURATION", "P2W")]


@pytest.mark.parametrize("text, edtf", [
    # done: a thing told in the past cannot have happened after the publication, so it is last year's
    ("Ellison pleaded guilty in December and testified against him.", "2022-12"),
    ("The charges were dropped by prosecutors in December.", "2022-12"),
    ("Premier Steven Miles, who was sworn in on December 15, will visit.", "2022-12-15"),
    ("The company said in December that it had cut jobs.", "2022-12"),
    # still to come, though a verb in the past is near
    ("The vote was moved to December.", "2023-12"),
    ("The trial was pushed back until December 12.", "2023-12-12"),
    ("The ruling was delayed to December 4.", "2023-12-04"),
    ("Officials asked residents to return in December.", "2023-12"),
    ("The band announced a tour in December.", "2023-12"),
    ("The union said the strike in December will be the biggest yet.", "2023-12"),
    ("Meissner gave no reason for the December 14 deadline.", "2023-12-14"),  # which deadline
    ("The council approved the budget, which takes effect in December.", "2023-12"),
    # a week's grace: a story's stamp may be its first version's, or a zone behind
    ("The film was released on November 8 in cinemas.", "2023-11-08"),
])
def test_a_date_after_the_publication_told_as_done_is_last_year_s(text, edtf):
    assert only(text, dt.date(2023, 11, 3)).edtf == edtf


def test_years_earlier_opening_a_sentence_count_back_from_the_story_s_year():
    (first,) = find_mentions("In 1969, Neil Armstrong walked on the Moon.", dt.date(2023, 7, 20))
    text = "Twenty-five years earlier, von Stauffenberg's bomb failed to kill Hitler."
    assert find_mentions(text, dt.date(2023, 7, 20), before=(first,))[0].edtf == "1944"
    # in a report, "a year earlier" is still the year before the publication's (or its period's)
    assert only("Sales were up from a year earlier.", dt.date(2023, 7, 20)).edtf == "2022"


def test_a_month_after_a_day_to_come_is_read_not_moved():
    # a month is no day to move a year on: reading it once failed the whole article
    assert [m.edtf for m in find_mentions("The strike will begin on Monday, the first since October.",
                                          dt.date(2023, 12, 6))] == ["2023-12-11", "2023-10"]


@pytest.mark.parametrize("text, edtf", [
    ("The court opens its term on the first Monday in October.", "2023-10-02"),
    ("The holiday falls on the fourth Thursday of November.", "2023-11-23"),
    ("It ended on the last Thursday in November 2022.", "2022-11-24"),
    ("The vote is on the second Tuesday of March 2024.", "2024-03-12"),
])
def test_the_nth_weekday_of_a_month_is_one_day(text, edtf):
    assert only(text, dt.date(2023, 10, 2)).edtf == edtf


def test_every_christmas_is_each_year_s_and_no_day():
    (m,) = find_mentions("The song has returned to the charts every Christmas since.", dt.date(2023, 11, 30))
    assert (m.type, m.edtf) == ("SET", None)


@pytest.mark.parametrize("text, edtf", [
    ("They face Aston Villa at Villa Park on Saturday evening.", "2023-12-09"),  # a fixture
    ("He faces a fine after the crash on Saturday.", "2023-12-02"),  # what he faces is no fixture
    ("Decisions in the biggest cases are expected by late June.", "2024-06~"),
])
def test_what_is_faced_or_expected_is_to_come(text, edtf):
    assert only(text, dt.date(2023, 12, 6)).edtf == edtf


@pytest.mark.parametrize("text, published, edtf", [
    # a period's end is no deadline: the month gone by, or the coming one when it is near
    ("Inflation slowed to 3.1% in the 12 months through November.", dt.date(2023, 12, 13), "2023-11"),
    ("The ban runs through February.", dt.date(2023, 12, 13), "2024-02"),
])
def test_a_period_through_a_month_ends_in_it(text, published, edtf):
    assert [m.edtf for m in find_mentions(text, published) if m.edtf] == [edtf]


@pytest.mark.parametrize("text, edtf", [
    ("Production will resume in the spring.", "2024-21"),  # told ahead in December: next spring
    ("Production resumed in the spring.", "2023-21"),
])
def test_a_season_gone_this_year_told_ahead_is_next_year_s(text, edtf):
    assert only(text, dt.date(2023, 12, 6)).edtf == edtf


@pytest.mark.parametrize("text, edtf", [
    ("The event takes place on the second weekend of July.", "2024-07-13/2024-07-14"),  # a schedule: next July's
    ("It took place on the first weekend of June 2019.", "2019-06-01/2019-06-02"),
    ("The match takes place on Saturday.", "2023-12-09"),
    ("The vote took place on Saturday.", "2023-12-02"),
])
def test_the_nth_weekend_of_a_month_and_what_takes_place(text, edtf):
    assert only(text, dt.date(2023, 12, 6)).edtf == edtf


def test_the_minutes_of_a_clock_start_no_date():
    assert [(m.text, m.edtf) for m in find_mentions("All News 09:12 December 18, 2023")] == [
        ("December 18, 2023", "2023-12-18")]


def test_an_infinitive_is_no_schedule():
    # "to meet" after a verb in the past looks nowhere ahead: the summer gone by
    assert only("It made it difficult for Sun to meet demand well into the summer.", dt.date(1989, 10, 26)).edtf == \
        "1989-22"


@pytest.mark.parametrize("text, published, edtf", [
    ("The school closed last spring.", dt.date(2023, 12, 6), "2023-21"),  # the latest spring gone by
    ("The school closed last spring.", dt.date(2023, 4, 6), "2022-21"),  # in spring, the one before
    ("It snowed last winter.", dt.date(2023, 12, 6), "2022-24"),
    ("Prices fell last fall.", dt.date(1998, 2, 6), "1997-23"),  # in February the autumn gone by is last year's
    # a thing done told with an irregular past, before a holiday still to come this year
    ("Sales rose in the run-up to Christmas.", dt.date(2023, 12, 6), "2022-12-25"),
    ("Shares fell on December 15.", dt.date(2023, 11, 3), "2022-12-15"),
])
def test_last_season_and_irregular_pasts(text, published, edtf):
    assert only(text, published).edtf == edtf


def test_a_date_put_in_the_year_before_says_why():
    (m,) = find_mentions("Ellison pleaded guilty in December.", dt.date(2023, 11, 3))
    assert m.how == "\u2018December\u2019, told as gone by, in an article published 3 November 2023: the one the year before"
    (m,) = find_mentions("It rose in July.", dt.date(2023, 11, 3))
    assert m.how == "\u2018July\u2019 in an article published 3 November 2023"


def test_a_season_still_to_come_this_year_told_ahead_is_this_year_s():
    assert only("Production will resume in the spring.", dt.date(1998, 2, 6)).edtf == "1998-21"
