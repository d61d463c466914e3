"""/api/timelinejs.json loaded into the real TimelineJS3 library (vendored under tests/vendor) in Chromium."""

from __future__ import annotations

from tests.conftest import ROOT

EMBED = ROOT / "tests" / "vendor" / "timelinejs" / "embed.html"


def test_timelinejs_renders_our_document_with_the_right_dates(client, page):
    document = client.get("/api/timelinejs.json").json()
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.goto(EMBED.as_uri())
    page.evaluate("doc => { window.timeline = new TL.Timeline('timeline-embed', doc); }", document)
    page.wait_for_selector(".tl-slide", state="attached", timeout=15000)
    dates = page.eval_on_selector_all(".tl-slide .tl-headline-date", "els => els.map(e => e.textContent.trim())")
    headlines = page.eval_on_selector_all(".tl-slide .tl-headline", "els => els.map(e => e.textContent.trim())")
    assert not errors, errors
    # One slide per event with a known year, plus the title slide.
    assert page.locator(".tl-slide").count() == len(document["events"]) + 1
    assert {"24 December 1979", "1989", "15 August 2021", "1978–1992"} <= set(dates)
    kabul = next(s for s in document["events"] if s["display_date"] == "15 August 2021")
    assert kabul["text"]["headline"] in headlines
    # The time navigation places the slides by their dates: markers span 1953 to 2023.
    years = page.eval_on_selector_all(".tl-timeaxis .tl-timeaxis-tick-text",
                                      "els => els.map(e => e.textContent.trim()).filter(t => /^\\d{4}$/.test(t))")
    assert years and min(map(int, years)) <= 1960 and max(map(int, years)) >= 2020
