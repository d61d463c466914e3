"""EDTF helpers: display, bounds, compatibility, and editors' free-text dates."""

from __future__ import annotations

import re

import pytest

from app.ingest.dates import DateInputError, bounds, compatible, display, granularity, parse_date_input


@pytest.mark.parametrize("edtf, text", [
    ("1979-12-24", "24 December 1979"), ("2021-08", "August 2021"), ("199X", "1990s"),
    ("1978/1992", "1978\u20131992"), ("1980~", "c. 1980"), ("XXXX-07-05", "5 July (year unknown)"),
    ("XXXX-XX-XX", "date unknown"), ("2021-08-20?", "20 August 2021?"), ("18XX", "19th century"),
    ("2021-08-16/2021-08-22", "16\u201322 August 2021"), ("../2001", "2001 or earlier"), ("1979-12-25/..", "25 December 1979 or later"),
    ("2021-21", "spring 2021"), ("1989-23?", "autumn 1989?"),
    ("2023-07/2023-09", "July\u2013September 2023"), ("2022-07/2023-06", "July 2022 \u2013 June 2023"),
    # EDTF counts years as astronomers do: 0000 is 1 BC
    ("-0047", "48 BC"), ("0000", "1 BC"), ("0391", "AD 391"), ("-02XX", "3rd century BC"),
    ("-0047/0391", "48 BC\u2013AD 391"),
])
def test_display(edtf, text):
    assert display(edtf) == text


@pytest.mark.parametrize("edtf, start, end, g", [
    ("1979", "1979-01-01", "1979-12-31", "year"), ("199X", "1990-01-01", "1999-12-31", "decade"),
    ("1978/1992", "1978-01-01", "1992-12-31", "range"), ("XXXX-07-05", None, None, "day"),
    ("2021-02", "2021-02-01", "2021-02-28", "month"), ("2021-21", "2021-03-01", "2021-05-31", "season"),
    ("0391", "0391-01-01", "0391-12-31", "year"),
    # Before AD 1 there are no ISO days to sort by: such a date is not placed, and lists it with the undated
    ("-0047", None, None, "year"), ("-02XX", None, None, "century"), ("0000", None, None, "year"),
])
def test_bounds_and_granularity(edtf, start, end, g):
    assert bounds(edtf) == (start, end)
    assert granularity(edtf) == g


@pytest.mark.parametrize("a, b, ok", [
    ("1979", "1979-12-24", True), ("XXXX-08-15", "2021-08-15", True), ("XXXX-08-15", "2021-08-16", False),
    ("1979", "1980", False), ("XXXX-XX-XX", "XXXX-XX-XX", False), ("199X", "1995-03", True),
])
def test_compatible(a, b, ok):
    assert compatible(a, b) is ok and compatible(b, a) is ok


@pytest.mark.parametrize("typed, edtf", [
    ("24 Dec 1979", "1979-12-24"), ("Dec 24, 1979", "1979-12-24"), ("on 24 December 1979", "1979-12-24"),
    ("1979", "1979"), ("December 1979", "1979-12"), ("the 1990s", "199X"), ("1980s?", "198X?"),
    ("the 19th century", "18XX"), ("1978-1992", "1978/1992"), ("1978 to 1992", "1978/1992"),
    ("between 1980 and 1985", "1980/1985"), ("c. 1980", "1980~"), ("about 1980", "1980~"),
    ("before 2001", "../2000"), ("before 24 December 1979", "../1979-12-23"), ("after 1979", "1980/.."),
    ("1979-12-24", "1979-12-24"), ("2021-08-20?", "2021-08-20?"), ("199X", "199X"), ("XXXX-07-05", "XXXX-07-05"),
    ("1978/1992", "1978/1992"), ("2021-08-01/2021-08-15", "2021-08-01/2021-08-15"), ("../2000", "../2000"),
])
def test_editors_free_text_dates_become_edtf(typed, edtf):
    assert parse_date_input(typed) == edtf


@pytest.mark.parametrize("typed, message", [
    ("", "type a date"), ("on Friday", "does not say which year"), ("next week", "does not say which year"),
    ("soon", "not a date I can read"), ("24 Dec 1979x", "not a date I can read"),
    ("1979-13-01", "not a date I can read"), ("1992-1978", "ends (1978) before it starts (1992)"),
    ("1979/XXXX-07-05", "each end of a range needs its year"),
    ("after 9999-12-31", "the calendar has nothing after 9999-12-31"), ("before 0001", "nothing before 0001"),
])
def test_editors_dates_that_are_not_dates_say_why(typed, message):
    with pytest.raises(DateInputError, match=re.escape(message)):
        parse_date_input(typed)
