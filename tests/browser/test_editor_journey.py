"""The editor's journey in Chromium: log in, correct the Kazan meeting's date through the form with its
live preview, see the timeline move the event and the history entry, log out and read it as a reader."""

from __future__ import annotations

import re

import pytest

from tests.conftest import PASSWORD, ROOT, add_editor

AXE = ROOT / "tests" / "vendor" / "axe" / "axe.min.js"


@pytest.fixture
def editor_server(live_server, seeded_url):
    add_editor(seeded_url)
    return live_server


def serious_violations(page) -> list:
    page.add_script_tag(path=str(AXE))
    result = page.evaluate("async () => await axe.run(document, {resultTypes: ['violations']})")
    return [(v["id"], v["impact"], v["help"], [n["target"] for n in v["nodes"]][:3])
            for v in result["violations"] if v["impact"] in ("serious", "critical")]


def test_the_editor_journey(page, editor_server):
    base = editor_server
    page.goto(base + "/")
    assert page.locator(".edit-link").count() == 0  # readers see no edit controls
    page.get_by_role("link", name="Editors").click()
    page.get_by_label("Name").fill("ed")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    page.wait_for_url(base + "/")
    assert page.get_by_role("button", name=re.compile("Log out")).is_visible()

    # The Kazan meeting: only "on Friday" in an undated article, so its date is unknown.
    card = page.locator("article.event", has_text="warned against any").first
    assert "date unknown" in card.inner_text()
    card.get_by_role("link", name=re.compile("^Edit")).click()
    page.wait_for_url(re.compile(r"/events/\d+#edit"))
    event_url = page.url.split("#")[0]

    date = page.get_by_label("Date")
    preview = page.locator("#date-preview")
    date.fill("on Friday")  # what the article says is not enough: the preview says why
    page.wait_for_function("() => /does not say which year/.test(document.querySelector('#date-preview').textContent)")
    date.fill("4 Oct 2024")
    page.wait_for_function("() => /will show 4 October 2024/.test(document.querySelector('#date-preview').textContent)")
    assert "2024-10-04" in preview.inner_text()
    page.get_by_label(re.compile("^Reason")).fill("The Kazan meeting was on Friday 4 October 2024")
    page.get_by_role("button", name="Save").click()
    page.wait_for_url(re.compile(r"done=saved"))
    assert page.locator("p.notice").inner_text() == "Saved."
    history = page.locator("#history li").first.inner_text()
    assert "ed changed the date from date unknown to 4 October 2024" in history
    assert "The Kazan meeting was on Friday 4 October 2024" in history

    # The timeline moved it: from "Date unknown" to 2024.
    page.goto(base + "/")
    moved = page.locator("section.year", has=page.locator("article.event", has_text="warned against any"))
    assert moved.locator("h2").first.inner_text().startswith("2024")
    assert "4 October 2024" in page.locator("article.event", has_text="warned against any").first.inner_text()

    # Log out, and read it as everybody does.
    page.get_by_role("button", name=re.compile("Log out")).click()
    page.wait_for_url(base + "/")
    page.goto(event_url)
    assert "4 October 2024" in page.locator(".event-date").first.inner_text()
    assert page.locator("#edit").count() == 0 and page.locator("#history").count() == 0


def test_editor_pages_are_accessible(audit_page, editor_server):
    page, base = audit_page, editor_server
    page.goto(base + "/login")
    assert not serious_violations(page)
    page.get_by_label("Name").fill("ed")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    page.wait_for_url(base + "/")
    for path in ("/review", "/events/1", "/articles/5", "/articles/5/paragraphs/2/new-event"):
        page.goto(base + path)
        assert not serious_violations(page), path


def test_clearing_a_review_item_is_one_click(page, editor_server):
    base = editor_server
    page.goto(base + "/login?next=/review")
    page.get_by_label("Name").fill("ed")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    page.wait_for_url(base + "/review")
    rows = page.locator("ol.review > li")
    before = rows.count()
    first = rows.first.get_attribute("id")
    rows.first.get_by_role("button", name=re.compile("^Clear")).click()
    page.wait_for_function(f"() => !document.getElementById('{first}')")  # htmx removed it in place
    assert rows.count() == before - 1
    page.reload()
    assert page.locator(f"#{first}").count() == 0
