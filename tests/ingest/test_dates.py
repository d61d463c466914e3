"""EDTF helpers: display, bounds, compatibility."""

from __future__ import annotations

import pytest

from app.ingest.dates import bounds, compatible, display, granularity


@pytest.mark.parametrize("edtf, text", [
    ("1979-12-24", "24 December 1979"), ("2021-08", "August 2021"), ("199X", "1990s"),
    ("1978/1992", "1978\u20131992"), ("1980~", "c. 1980"), ("XXXX-07-05", "5 July (year unknown)"),
    ("XXXX-XX-XX", "date unknown"), ("2021-08-20?", "20 August 2021?"), ("18XX", "19th century"),
    ("2021-08-16/2021-08-22", "16\u201322 August 2021"), ("../2001", "2001 or earlier"), ("1979-12-25/..", "25 December 1979 or later"),
])
def test_display(edtf, text):
    assert display(edtf) == text


@pytest.mark.parametrize("edtf, start, end, g", [
    ("1979", "1979-01-01", "1979-12-31", "year"), ("199X", "1990-01-01", "1999-12-31", "decade"),
    ("1978/1992", "1978-01-01", "1992-12-31", "range"), ("XXXX-07-05", None, None, "day"),
    ("2021-02", "2021-02-01", "2021-02-28", "month"),
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
