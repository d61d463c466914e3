"""What people click, in Chromium: the timeline journey with and without JavaScript, and accessibility."""

from __future__ import annotations

import re

import pytest

from tests.conftest import ROOT

AXE = ROOT / "tests" / "vendor" / "axe" / "axe.min.js"


@pytest.fixture
def no_js_page(browser):
    context = browser.new_context(java_script_enabled=False, viewport={"width": 1200, "height": 800})
    page = context.new_page()
    yield page
    context.close()


def test_the_timeline_journey(page, live_server):
    page.goto(live_server + "/")
    assert page.locator("article.event").count() > 15
    # Zoom to decades: htmx swaps the results and the URL follows.
    page.get_by_role("link", name="Decades").click()
    page.wait_for_url(re.compile(r"zoom=decade"))
    page.wait_for_function("() => [...document.querySelectorAll('section.year h2')].some(h => h.textContent.includes('1970s'))")
    # Filter by a word, typed: results narrow without a reload, and the URL keeps the word.
    page.get_by_label("Search events and sources").fill("kabul")
    page.wait_for_url(re.compile(r"q=kabul"))
    page.wait_for_function("() => /matching “kabul”/.test(document.querySelector('#results').textContent)")
    assert page.locator("form.filters").count() == 1  # the page was not reloaded into itself
    # Expand an event: its sources appear, the button says so.
    card = page.locator("article.event", has_text="15 August 2021").first
    button = card.get_by_role("button", name="Show the sources")
    button.click()
    expanded = page.locator("article.event.is-expanded", has_text="15 August 2021").first
    expanded.locator("blockquote mark").first.wait_for()
    assert expanded.get_by_role("button", name="Hide the sources").get_attribute("aria-expanded") == "true"
    # Follow a source to its paragraph, which is highlighted.
    link = expanded.locator(".source a").first
    href = link.get_attribute("href")
    link.click()
    page.wait_for_url(re.compile(r"/articles/\d+#p\d+"))
    target = page.locator(href[href.index("#"):])
    assert target.evaluate("el => el.matches(':target')")
    assert target.evaluate("el => getComputedStyle(el).backgroundColor") not in ("rgba(0, 0, 0, 0)", "transparent")


def test_the_keyboard_moves_between_events_and_expands_them(page, live_server):
    page.goto(live_server + "/")
    page.keyboard.press("j")
    page.keyboard.press("j")
    second = page.locator("article.event").nth(1)
    assert second.evaluate("el => el === document.activeElement")
    page.keyboard.press("k")
    assert page.locator("article.event").nth(0).evaluate("el => el === document.activeElement")
    page.keyboard.press("Enter")
    page.locator("article.event.is-expanded").first.wait_for()


def test_the_same_journey_without_javascript(no_js_page, live_server):
    page = no_js_page
    page.goto(live_server + "/")
    page.get_by_role("link", name="Decades").click()
    assert "zoom=decade" in page.url and page.locator("section.year h2", has_text="1970s").count() == 1
    page.get_by_label("Search events and sources").fill("kabul")
    page.get_by_role("button", name="Filter", exact=True).click()
    assert "q=kabul" in page.url and "matching “kabul”" in page.locator("#results").inner_text()
    # Without JavaScript "Show the sources" is a link to the event's page, which lists them.
    page.locator("article.event", has_text="15 August 2021").first.get_by_role("button", name="Show the sources").click()
    assert re.search(r"/events/\d+$", page.url)
    link = page.locator(".source a").first
    href = link.get_attribute("href")
    link.click()
    assert page.locator(href[href.index("#"):]).evaluate("el => el.matches(':target')")


def test_the_pages_refuse_scripts_that_are_not_the_site_s_own(page, live_server):
    """Article text is untrusted: were anything to slip past escaping, the browser would not run it."""
    from playwright.sync_api import Error

    page.goto(live_server + "/")
    with pytest.raises(Error, match="Content Security Policy"):
        page.add_script_tag(content="window.injected = true")
    assert page.evaluate("window.injected") is None
    assert page.evaluate("typeof htmx") == "object"  # the site's own scripts run


@pytest.mark.parametrize("page_kind", ["timeline", "timeline, dark scheme", "zoomed timeline", "event", "article"])
def test_no_serious_accessibility_violations(audit_page, live_server, page_kind):
    page = audit_page
    if "dark" in page_kind:
        page.emulate_media(color_scheme="dark")  # contrast is checked in both schemes
    page.goto(live_server + ("/?zoom=month&around=2021-08" if page_kind == "zoomed timeline" else "/"))
    if page_kind == "event":
        page.locator("article.event h3 a").first.click()
    elif page_kind == "article":
        page.get_by_role("link", name="Articles").click()
        page.locator(".articles a").first.click()
    page.add_script_tag(path=str(AXE))
    result = page.evaluate("async () => await axe.run(document, {resultTypes: ['violations']})")
    serious = [(v["id"], v["impact"], v["help"], [n["target"] for n in v["nodes"]][:3])
               for v in result["violations"] if v["impact"] in ("serious", "critical")]
    assert not serious, serious


def test_1979_1989_and_2021_fit_on_one_desktop_screen(browser, live_server):
    context = browser.new_context(viewport={"width": 1280, "height": 1000})
    page = context.new_page()
    page.goto(live_server + "/?zoom=decade")
    cards = page.evaluate("""() => [...document.querySelectorAll('article.event')].map(
        card => [card.querySelector('time').textContent.trim(), card.getBoundingClientRect().top])""")
    context.close()
    first = {}
    for date, top in cards:
        first.setdefault(date, top)
    assert first["24 December 1979"] < 1000 and first["1989"] < 1000
    assert min(top for date, top in cards if date.endswith("2021")) < 1000


def test_nothing_overflows_at_360_px(browser, live_server):
    context = browser.new_context(viewport={"width": 360, "height": 780})
    page = context.new_page()
    for path in ("/", "/?zoom=decade&q=kabul", "/articles"):
        page.goto(live_server + path)
        assert page.evaluate("document.documentElement.scrollWidth") <= 360, path
    context.close()


def test_back_and_forward_follow_zoom_and_filters(page, live_server):
    page.goto(live_server + "/")
    page.get_by_role("link", name="Decades").click()
    page.wait_for_function("() => location.search.includes('zoom=decade')")
    page.wait_for_function("() => document.querySelector('section.year h2').textContent.includes('1950s')")
    page.go_back()
    page.wait_for_function("() => !location.search.includes('zoom=decade')")
    page.wait_for_function("() => document.querySelector('section.year h2').textContent.trim() === '1953'")
    page.go_forward()
    page.wait_for_function("() => document.querySelector('section.year h2').textContent.includes('1950s')")
