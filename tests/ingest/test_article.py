"""Article reading on the saved seed pages (golden tests) and on shapes of our own."""

from __future__ import annotations

import datetime as dt

import pytest

from app.ingest.article import parse_article
from tests.conftest import SEEDS


def seed(name: str):
    path = next(SEEDS.glob(f"{name}_*.txt"))
    return parse_article(path.read_text(encoding="utf-8"), path.name)


@pytest.mark.parametrize("name, title, byline, published", [
    ("000", "Vladimir Putin Rejects Military Mission into Afghanistan: 'We Learned Our Lesson'", "Gabrielle Reyes", None),
    ("001", "Putin said that Russia would not interfere in Afghanistan\u2019s domestic affairs", None, None),
    ("002", "Russia will NOT send military contingent to Afghanistan & has no intention of supporting "
            "Taliban terrorist group, says Moscow", None, dt.date(2021, 8, 23)),
    ("004", "Russia Opposes Western Return to Afghanistan", None, None),
])
def test_seed_headers(name, title, byline, published):
    a = seed(name)
    assert (a.title, a.byline, a.published) == (title, byline, published)
    assert not a.title_derived


def test_article_without_headline_gets_a_derived_one_and_its_dateline_date():
    a = seed("003")
    assert a.title_derived
    assert 10 < len(a.title) <= 90
    assert "Tuesday" not in a.title
    assert a.published == dt.date(2021, 8, 26)
    assert "2021-08-26" in a.published_evidence
    # The header and dateline are not part of the story text.
    assert a.paragraphs[0].text.startswith("Russian President Vladimir Putin on Tuesday said")


def test_boilerplate_is_stripped_but_kept():
    body = " ".join(p.text for n in ("002", "004") for p in seed(n).paragraphs)
    for junk in ("icon bookmark", "Also on rt.com", "If you like this story", "0:00", "26:12",
                 "Related Articles", "Thursday 27 June", "Coll\u00e8ge de France", "Home Politics Monitor",
                 "originally published"):
        assert junk not in body
    assert any("Also on rt.com" in line for line in seed("002").boilerplate)


def test_paragraph_indexes_are_stable_and_dense():
    a = seed("002")
    assert [p.index for p in a.paragraphs] == list(range(len(a.paragraphs)))
    assert a.paragraphs[0].text.startswith("Moscow has no intention")


def test_our_own_shapes():
    text = (
        "World \u203a Europe \u203a Elections\n\n"
        "Voters Return to the Polls in a Tight Race\n"
        "By Jane Q. Doe\n"
        "Published: 2019-05-26T09:30:00Z\n\n"
        "Voters across the bloc went to the polls on Sunday in an election that pits the centre against a "
        "surge of nationalist parties, officials said.\n\n"
        "Share this article\n\n"
        "Turnout in 2014 was the lowest since 1979, when the first direct elections were held.\n\n"
        "Read more: Why turnout matters\n\n"
        "More stories\n\nSomething else entirely happened on 3 March 2019.\n")
    a = parse_article(text, "x.txt")
    assert a.title == "Voters Return to the Polls in a Tight Race"
    assert a.byline == "Jane Q. Doe"
    assert a.published == dt.date(2019, 5, 26)
    assert [p.text[:12] for p in a.paragraphs] == ["Voters acros", "Turnout in 2"]
    assert "Something else" not in " ".join(p.text for p in a.paragraphs)


def test_hard_wrapped_text_is_joined_per_block():
    text = ("A Headline About Floods\n\n"
            "Heavy rain flooded the valley on Monday, forcing hundreds of families to\n"
            "leave their homes as rivers burst their banks in several places across\n"
            "the region, according to local officials.\n\n"
            "The last comparable flood struck in 1953.\n")
    a = parse_article(text, "w.txt")
    assert len(a.paragraphs) == 2
    assert a.paragraphs[0].text.endswith("according to local officials.")


def test_cms_fields_take_precedence():
    a = parse_article("Body text that says something on Friday about a vote.", "cms:1",
                      title="Given Title", published="2020-02-03T10:00:00Z", url="https://example.org/a")
    assert (a.title, a.published, a.url) == ("Given Title", dt.date(2020, 2, 3), "https://example.org/a")
