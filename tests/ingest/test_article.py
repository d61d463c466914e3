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


@pytest.mark.parametrize("stamp, day", [
    ("Published 6:42 PM GMT+0, Thu March 14, 2024", dt.date(2024, 3, 14)),
    ("Wed 17 May 2023 14.05 BST", dt.date(2023, 5, 17)),
    ("Thursday 21 September 2023 18:04, UK", dt.date(2023, 9, 21)),  # the zone as a country
    ("12/16/2024 December 16, 2024", dt.date(2024, 12, 16)),  # one day written twice
    ("Mon 5 Jun 2023 09.30 EDT", dt.date(2023, 6, 5)),
    ("June 5, 2023 at 3:45 p.m. EDT", dt.date(2023, 6, 5)),
    ("Last Modified: Jun 5, 2023 10:14 AM ET", dt.date(2023, 6, 5)),
    ("Published On 5 Jun 2023", dt.date(2023, 6, 5)),
    ("Jun 5, 2023 / 10:14 AM / CBS News", dt.date(2023, 6, 5)),
    ("Monday, June 5, 2023 | 10:14 a.m.", dt.date(2023, 6, 5)),
    ("June 5, 2023, 6 AM ET", dt.date(2023, 6, 5)),  # a clock without minutes (The Atlantic)
    ("All News 09:12 June 5, 2023", dt.date(2023, 6, 5)),  # the section, then the clock (Yonhap)
])
def test_news_sites_timestamps_give_the_publication_date(stamp, day):
    text = (f"Flooding forces thousands from homes in northern Italy\n\n{stamp}\n\n"
            "More than 10,000 people have been evacuated after torrential rain, authorities said on Wednesday.\n")
    a = parse_article(text, "t.txt")
    assert a.published == day and a.title == "Flooding forces thousands from homes in northern Italy"
    assert stamp.split()[0] in a.published_evidence


def test_a_line_of_the_page_s_fields_gives_the_stamp_among_them():
    text = ("China, Brazil sign trade deals during state visit\n\nSource: Xinhua | Editor: Huaxia | 2023-04-14 18:32:05\n\n"
            "BEIJING, April 14 (Xinhua) -- China and Brazil on Friday signed 15 cooperation agreements covering trade, "
            "agriculture and technology.\n")
    a = parse_article(text, "t.txt")
    assert (a.published, a.title) == (dt.date(2023, 4, 14), "China, Brazil sign trade deals during state visit")
    assert "2023-04-14 18:32:05" in a.published_evidence
    # the bars may come without their spaces
    a = parse_article(text.replace("Source: Xinhua | Editor: Huaxia | ", "Source: Xinhua|Editor: Huaxia|"), "t.txt")
    assert (a.published, a.title) == (dt.date(2023, 4, 14), "China, Brazil sign trade deals during state visit")


def test_a_headline_that_names_a_date_is_a_headline_not_a_timestamp():
    text = ("Storm hits coast on June 5, 2023\n\nA powerful storm made landfall on Monday, flooding coastal towns "
            "and cutting power to thousands of homes, officials said.\n")
    a = parse_article(text, "t.txt")
    assert a.title == "Storm hits coast on June 5, 2023" and a.published is None


def test_page_furniture_and_the_site_name_do_not_become_the_headline():
    text = ("Skip to main content\nMenu  World  Politics  Business  Tech  Sport\nSign in | Subscribe\nThe Guardian\n\n"
            "Chile's new copper law passes Senate after years of debate\n\n"
            "By Maria Gonzalez and Tom Reed, Reuters\n"
            "Updated 8:10 PM GMT+0, Fri March 15, 2024\nPublished 6:42 PM GMT+0, Thu March 14, 2024\n\n"
            "SANTIAGO, March 14 (Reuters) - Chile's Senate on Wednesday approved a long-delayed mining royalty "
            "bill, ending a fight that began in 2019.\n")
    a = parse_article(text, "t.txt")
    assert a.title == "Chile's new copper law passes Senate after years of debate"
    assert a.byline == "Maria Gonzalez and Tom Reed, Reuters"
    assert a.published == dt.date(2024, 3, 14)  # published, not updated
    assert a.paragraphs[0].text.startswith("Chile's Senate on Wednesday")
    assert "Skip to main content" in a.boilerplate


def test_a_standfirst_before_the_byline_and_a_glued_updated_stamp():
    text = ("Advertisement\nSKIP ADVERTISEMENT\n\nThe New York Times\n\n"
            "Europe's Oldest Bridge Reopens After Decade-Long Restoration\n\n"
            "The 14th-century span in Prague, damaged by floods in August 2002, had been closed since 2013.\n\n"
            "By Hannah Beech\nJune 5, 2023Updated 3:45 p.m. ET\n\n"
            "PRAGUE \u2014 After more than ten years of work, the Charles Bridge reopened to pedestrians on Sunday, "
            "city officials said.\n\n"
            "A version of this article appears in print on June 6, 2023, Section A, Page 8 of the New York edition.\n")
    a = parse_article(text, "t.txt")
    assert a.title == "Europe's Oldest Bridge Reopens After Decade-Long Restoration"
    assert (a.byline, a.published) == ("Hannah Beech", dt.date(2023, 6, 5))
    texts = [p.text for p in a.paragraphs]
    assert texts[0].startswith("The 14th-century span")  # the standfirst is story text, with its dates
    assert len(texts) == 2 and not any("Updated" in t or "in print" in t for t in texts)


def test_a_menu_of_sections_is_navigation():
    text = ("BBC News\nHome | Israel-Gaza war | War in Ukraine | Climate | Video | World | UK | Business | Tech\n\n"
            "Titan submersible: Debris found near Titanic wreck\n\n22 June 2023\n\n"
            "Debris found on the seabed near the Titanic wreck is consistent with the implosion of the Titan "
            "submersible, the US Coast Guard said on Thursday.\n")
    a = parse_article(text, "t.txt")
    assert (a.title, a.published) == ("Titan submersible: Debris found near Titanic wreck", dt.date(2023, 6, 22))


def test_a_press_release_dateline_and_its_boilerplate():
    text = ("PRESS RELEASE\n\nAcme Corp reports record third-quarter results\n\n"
            "SAN JOSE, Calif., Oct. 24, 2024 /PRNewswire/ -- Acme Corp (NASDAQ: ACME) today reported revenue of "
            "$2.1 billion for the third quarter, up 14% from the same period last year.\n\n"
            "The company was founded in 1998 and went public in 2006, its filings show.\n\n"
            "About Acme Corp\nAcme Corp makes things. For more information, visit www.acme.example.\n\n"
            "SOURCE Acme Corp\n")
    a = parse_article(text, "t.txt")
    assert (a.title, a.published, a.byline) == ("Acme Corp reports record third-quarter results", dt.date(2024, 10, 24), None)
    assert a.paragraphs[0].text.startswith("Acme Corp (NASDAQ: ACME) today reported")
    assert len(a.paragraphs) == 2 and "About Acme Corp" in a.boilerplate


def test_first_published_wins_over_the_last_update_and_credits_and_corrections_are_furniture():
    text = ("World news\nCanada wildfires: smoke blankets New York as air quality plunges\n\n"
            "Image caption, The Statue of Liberty shrouded in haze on Wednesday\nGetty Images\n\n"
            "Edward Helmore in New York\nThu 8 Jun 2023 02.14 BST\nFirst published on Wed 7 Jun 2023 15.30 BST\n\n"
            "New York City recorded its worst air quality on record on Wednesday as smoke from hundreds of "
            "Canadian wildfires drifted south, officials said.\n\n"
            "Photograph: Spencer Platt/Getty Images\n\n"
            "This article was amended on 8 June 2023 to correct the number of fires in Quebec.\n")
    a = parse_article(text, "t.txt")
    assert a.published == dt.date(2023, 6, 7) and a.published_evidence.startswith("First published")
    assert [p.text[:14] for p in a.paragraphs] == ["New York City "]


@pytest.mark.parametrize("header, title, byline, day", [
    ("Police: Gunman kills 3 at Texas mall\n\nBy JAMES BROWN Associated Press\nUpdated: 10:14 AM EDT Jun 5, 2023",
     "Police: Gunman kills 3 at Texas mall", "JAMES BROWN Associated Press", dt.date(2023, 6, 5)),
    ("By AP | June 5, 2023\n\nStorm knocks out power to thousands in Florida",
     "Storm knocks out power to thousands in Florida", "AP", dt.date(2023, 6, 5)),
    ("Title: Election results delayed in Nigeria\nDate: 2023-02-27T10:00:00Z\nAuthor: Ade Obi",
     "Election results delayed in Nigeria", "Ade Obi", dt.date(2023, 2, 27)),
    ("Storm knocks out power to thousands in Florida\n\nBy CNN staff\nUpdated 11:58 PM EDT, Wed June 7, 2023",
     "Storm knocks out power to thousands in Florida", "CNN staff", dt.date(2023, 6, 7)),
    ("By Euronews with AP\nPublished on 07/06/2023 - 10:05\n\nStorm knocks out power to thousands in Florida",
     "Storm knocks out power to thousands in Florida", "Euronews with AP", dt.date(2023, 6, 7)),
    ("Home / India News / Storm knocks out power\n\nStorm knocks out power to thousands in Florida\n\n"
     "By Press Trust of India\nUpdated: 23/06/2023 18:45 IST",
     "Storm knocks out power to thousands in Florida", "Press Trust of India", dt.date(2023, 6, 23)),
    # A byline and a stamp on one line; France 24's "Issued on"; NPR's year glued to its clock; a comma astray
    ("Storm knocks out power to thousands in Florida\nBy TOI staff 14 March 2023, 8:00 pm",
     "Storm knocks out power to thousands in Florida", "TOI staff", dt.date(2023, 3, 14)),
    ("Storm knocks out power to thousands in Florida\nBy John Smith, Reuters March 14, 2023",
     "Storm knocks out power to thousands in Florida", "John Smith, Reuters", dt.date(2023, 3, 14)),
    ("Storm knocks out power to thousands in Florida\nIssued on: 14/03/2023 - 20:01 Modified: 14/03/2023 - 20:05",
     "Storm knocks out power to thousands in Florida", None, dt.date(2023, 3, 14)),
    ("Storm knocks out power to thousands in Florida\nMarch 14, 20238:00 PM ET",
     "Storm knocks out power to thousands in Florida", None, dt.date(2023, 3, 14)),
    ("Storm knocks out power to thousands in Florida\nPublished: 14 March ,2023: 08:00 PM GST",
     "Storm knocks out power to thousands in Florida", None, dt.date(2023, 3, 14)),
    # The Times: the stamp ends with the paper's name after a comma; the byline is a name and a job
    ("The Times\nUK\nStorm knocks out power to thousands in Florida\nFiona Hamilton, Crime and Security Editor\n"
     "Tuesday January 09 2024, 6.00pm, The Times", "Storm knocks out power to thousands in Florida",
     "Fiona Hamilton, Crime and Security Editor", dt.date(2024, 1, 9)),
])
def test_more_header_shapes(header, title, byline, day):
    text = (header + "\n\nMIAMI \u2014 A powerful storm knocked out power to about 200,000 customers on Sunday "
            "night, the utility said.\n\nFILE - In this Sept. 12, 2019, file photo, shoppers walk through a mall. "
            "(AP Photo/LM Otero, File)\n")
    a = parse_article(text, "t.txt")
    assert (a.title, a.byline, a.published) == (title, byline, day)
    assert len(a.paragraphs) == 1  # the file photo's caption is furniture, its 2019 no event


def test_a_menu_item_named_like_a_teaser_heading_does_not_swallow_the_story():
    """"Top Stories" above the headline is the site's menu; below the story it would start the teasers."""
    text = ("AP NEWS\nSections\nTop Stories\nTopics\n\n"
            "Fed raises key rate by quarter point, signals more hikes\nBy CHRISTOPHER RUGABER\n"
            "Updated 4:12 PM EDT, March 22, 2023\n\n"
            "WASHINGTON (AP) \u2014 The Federal Reserve raised its key interest rate by a quarter-point Wednesday "
            "despite concerns about the banking system.\n\n"
            "Silicon Valley Bank collapsed on March 10, and Signature Bank failed two days later.\n\n"
            "Top Stories\n\nA different story entirely, told on 3 March 2023 in another city far away.\n")
    a = parse_article(text, "t.txt")
    assert (a.title, a.byline, a.published) == (
        "Fed raises key rate by quarter point, signals more hikes", "CHRISTOPHER RUGABER", dt.date(2023, 3, 22))
    assert [p.text[:20] for p in a.paragraphs] == ["WASHINGTON (AP) \u2014 Th", "Silicon Valley Bank "]


def test_a_bar_of_menu_items_and_a_link_home_are_not_the_headline():
    text = ("Skip to content\nBBC Homepage\nHome News Sport Weather iPlayer Sounds\nMenu\nWar in Ukraine\nClimate\n\n"
            "Nasa's Perseverance rover lands safely on Mars\n\nPublished\n19 February 2021\n\nBy Jonathan Amos\n"
            "BBC Science Correspondent\n\n"
            "The US space agency's Perseverance rover has landed safely on Mars after a seven-month journey.\n")
    assert parse_article(text, "t.txt").title == "Nasa's Perseverance rover lands safely on Mars"
    text = ("The Guardian - Back to home\nSupport the Guardian\nOpinion\nSport\nCulture\n\n"
            "Berlin Wall anniversary: crowds gather 30 years on\nKate Connolly in Berlin\nSat 9 Nov 2019 14.03 GMT\n\n"
            "Thousands of people gathered at the Brandenburg Gate on Saturday to mark 30 years since the fall of "
            "the Berlin Wall.\n")
    a = parse_article(text, "t.txt")
    assert (a.title, a.byline) == ("Berlin Wall anniversary: crowds gather 30 years on", "Kate Connolly in Berlin")
    assert "The Guardian - Back to home" in a.boilerplate


@pytest.mark.parametrize("line, byline", [
    ("Helen Davidson and Chi Hui Lin in Taipei", "Helen Davidson and Chi Hui Lin in Taipei"),
    ("Floods in Texas", None),  # a headline: no reporter's name
])
def test_a_reporter_in_a_place_over_the_timestamp_is_the_byline(line, byline):
    text = (f"Storm leaves thousands without power\n{line}\nMon 5 Jun 2023 09.30 EDT\n\n"
            "Heavy rain flooded the valley on Monday, forcing hundreds of families from their homes.\n")
    assert parse_article(text, "t.txt").byline == byline


def test_a_tagline_above_the_menu_a_glued_update_and_the_staff_credits():
    text = ("Skip to main content\nExclusive news, data and analytics for financial market professionals\n"
            "Reuters home\nWorld\nBusiness\nMarkets\n\n"
            "Japan's Nikkei hits record high, surpassing 1989 bubble-era peak\n"
            "By Junko Fujita and Satoshi Sugiyama\nFebruary 22, 2024 11:47 AM GMTUpdated 2 years ago\n\n"
            "Japan's Nikkei share average surged to a record high on Thursday, surpassing its 1989 peak.\n\n"
            "Reporting by Junko Fujita; Editing by Sam Holmes\n")
    a = parse_article(text, "t.txt")
    assert a.title == "Japan's Nikkei hits record high, surpassing 1989 bubble-era peak"
    assert a.published == dt.date(2024, 2, 22)
    assert [p.text[:14] for p in a.paragraphs] == ["Japan's Nikkei"]
    assert "Updated 2 years ago" in a.boilerplate and "Reporting by Junko Fujita; Editing by Sam Holmes" in a.boilerplate


def test_a_standfirst_then_the_player_share_and_reporting_from_lines_before_the_byline_and_date():
    text = ("Advertisement\nSKIP ADVERTISEMENT\n\nSupported by\n\n"
            "Notre-Dame Cathedral Reopens Five Years After Devastating Fire\n\n"
            "The Paris landmark, gutted by a blaze in April 2019, welcomed worshipers again after a long restoration.\n\n"
            "Listen to this article \u00b7 6:12 min Learn more\n\nShare full article\n\n"
            "By Catherine Porter and Aurelien Breeden\nReporting from Paris\nDec. 7, 2024\nUpdated 6:03 p.m. ET\n\n"
            "The bells of Notre-Dame rang out over Paris on Saturday evening as the cathedral reopened to the public.\n")
    a = parse_article(text, "t.txt")
    assert (a.title, a.byline, a.published) == ("Notre-Dame Cathedral Reopens Five Years After Devastating Fire",
                                                "Catherine Porter and Aurelien Breeden", dt.date(2024, 12, 7))
    assert [p.text[:12] for p in a.paragraphs] == ["The Paris la", "The bells of"]


def test_a_wire_tag_opening_the_lede_and_a_most_read_block():
    text = ("Oil Jumps After OPEC+ Agrees to Extend Output Cuts\n\nBy Grant Smith\nJune 2, 2024 at 3:14 PM UTC\n\n"
            "(Bloomberg) -- Oil rose after OPEC+ agreed on Sunday to extend most of its supply cuts into next year.\n\n"
            "Most Read from Bloomberg\nStocks Rally as Traders Bet on Rate Cuts\n")
    a = parse_article(text, "t.txt")
    assert [p.text[:18] for p in a.paragraphs] == ["(Bloomberg) -- Oil"]
    from app.ingest import first_reading
    assert first_reading(a)[1][0].title.startswith("Oil rose after OPEC+ agreed")


def test_a_page_title_with_its_section_after_a_bar_is_the_headline_without_it():
    text = ("News | World | Asia\nJapan's PM Kishida to step down | Asia News\nPublished: 14 Aug 2024, 09:12\n\n"
            "Japanese Prime Minister Fumio Kishida said on Wednesday he would not seek re-election in September.\n")
    a = parse_article(text, "t.txt")
    assert (a.title, a.title_derived, a.published) == ("Japan's PM Kishida to step down", False, dt.date(2024, 8, 14))


def test_html_entities_a_scraper_left_are_read_as_text():
    text = ("AT&amp;T to buy Time Warner for $85 billion\n\nBy Jane Doe\nOct. 22, 2016\n\n"
            "AT&amp;T agreed on Saturday to buy Time Warner in a deal valued at $85.4 billion, the companies said.&nbsp;\n\n"
            "The deal, announced on Oct.&nbsp;22, needs regulators&#8217; approval.\n")
    a = parse_article(text, "t.txt")
    assert a.title == "AT&T to buy Time Warner for $85 billion"
    assert [p.text for p in a.paragraphs] == [
        "AT&T agreed on Saturday to buy Time Warner in a deal valued at $85.4 billion, the companies said.",
        "The deal, announced on Oct. 22, needs regulators\u2019 approval."]


def test_a_tass_dateline_a_teaser_under_its_label_and_a_follow_prompt():
    text = ("WORLD\nMOSCOW, July 28. /TASS/. Russia's Foreign Ministry welcomed the talks between Chinese officials "
            "and the Taliban, spokeswoman Maria Zakharova said on Wednesday.\n\n"
            "The previous such meeting took place in Doha on April 30.\n\nAlso on rt.com\n"
            "US troops leave Bagram airbase after 20 years\n\nFollow Frances Martel on Facebook and Twitter.\n")
    a = parse_article(text, "t.txt")
    assert a.dateline_day == (7, 28, "MOSCOW, July 28. /TASS/.")
    assert [p.text[:20] for p in a.paragraphs] == ["Russia's Foreign Min", "The previous such me"]
    assert a.title.startswith("Russia's Foreign Ministry welcomed the talks")


@pytest.mark.parametrize("stamp, story, day", [
    # The page writes "30 September": its "03/10/2023" is 3 October, and "Saturday's election" the Saturday before.
    ("Published on 03/10/2023 - 14:22", "Robert Fico was asked on Tuesday to form a government after his party "
     "won Saturday's election with 23% of the vote on 30 September.", dt.date(2023, 10, 3)),
    # Another of its own dates can only be read day first.
    ("Published - 11/12/2023 11:04 am IST", "The court reserved its verdict on 05/09/2023 and ruled on Monday, "
     "weeks after the hearing of 16/08/2023 ended.", dt.date(2023, 12, 11)),
    # "Jan. 17" is written month first: so is "04/05/2023".
    ("Posted: 04/05/2023 6:15 PM CDT", "The city council voted on Tuesday to approve the parking plan first "
     "proposed on Jan. 17, after months of debate.", dt.date(2023, 4, 5)),
    # A stamp on a 24-hour clock is European, and Europe writes day first: 4 March, a Monday, as the story says.
    ("Issued on: 04/03/2024 - 18:55 Modified: 04/03/2024 - 21:10", "French lawmakers on Monday voted to enshrine "
     "abortion rights in the constitution.", dt.date(2024, 3, 4)),
    # "11:04 am" is no 24-hour clock, and "09:15 AM" neither.
    ("Posted: 04/05/2023 09:15 AM CDT", "The city council voted on Tuesday to approve the parking plan.",
     dt.date(2023, 4, 5)),
    # A stamp's two-digit year is this century's up to 68, as strptime reads it: no page was stamped in 1923
    ("11/16/23 06:00 AM EST", "The Senate on Wednesday night passed a stopgap spending bill.", dt.date(2023, 11, 16)),
    # Nothing says: American, as most wire copy is.
    ("Posted: 04/05/2023", "The city council voted on Tuesday to approve the parking plan, after months of debate.",
     dt.date(2023, 4, 5)),
])
def test_a_numeric_date_is_read_the_way_the_page_writes_its_dates(stamp, story, day):
    a = parse_article(f"City news\n\nCouncil approves the plan\n{stamp}\n\n{story}\n", "t.txt")
    assert a.published == day



def test_a_standfirst_then_a_newsroom_with_agency_byline_a_stamp_with_its_update_and_a_reading_time():
    text = ("Le Monde in English\nInternational\n"
            "French pension reform: Constitutional Council approves raising retirement age to 64\n"
            "The Council struck down six measures but validated the core of the reform on Friday, April 14. "
            "President Emmanuel Macron is expected to sign it into law within 15 days.\n"
            "Le Monde with AFP\n"
            "Published on April 14, 2023, at 7:21 pm (Paris), updated on April 15, 2023, at 10:04 am\n"
            "Time to 2 min.\n"
            "France's Constitutional Council on Friday approved the main part of the government's pension reform.\n")
    a = parse_article(text, "t.txt")
    assert (a.byline, a.published) == ("Le Monde with AFP", dt.date(2023, 4, 14))
    assert a.published_evidence == ("Published on April 14, 2023, at 7:21 pm (Paris), updated on April 15, 2023, "
                                    "at 10:04 am")  # the stamp whole, not a paragraph dated twice
    assert [p.text[:20] for p in a.paragraphs] == ["The Council struck d", "France's Constitutio"]
    assert "Time to 2 min." in a.boilerplate


def test_a_reporter_s_job_before_the_name_and_the_stamp_repeated_under_the_story():
    text = ("ABC News\nJust In\nPosted Mon 4 Sep 2023 at 5:33am, updated Mon 4 Sep 2023 at 9:10am\n"
            "Qantas chief executive Alan Joyce to step down two months early\n"
            "By business reporter Nassim Khadem\n"
            "Qantas chief executive Alan Joyce will leave the airline two months earlier than planned, the company "
            "announced on Monday.\n"
            "Posted 4 Sep 2023, updated 4 Sep 2023\nShare\n")
    a = parse_article(text, "t.txt")
    assert (a.title, a.byline) == ("Qantas chief executive Alan Joyce to step down two months early",
                                   "business reporter Nassim Khadem")
    assert a.published == dt.date(2023, 9, 4)
    assert [p.text[:20] for p in a.paragraphs] == ["Qantas chief executi"]  # the stamp below is no paragraph


def test_a_stamp_under_the_story_is_the_publication_date_when_the_header_has_none():
    text = ("Qantas chief to step down early\n\nAlan Joyce will leave the airline two months earlier than planned, "
            "the company announced on Monday.\n\nPosted 4 Sep 2023, updated 4 Sep 2023\n")
    a = parse_article(text, "t.txt")
    assert a.published == dt.date(2023, 9, 4) and len(a.paragraphs) == 1


def test_a_sports_menu_a_site_tagline_a_correction_and_a_note_about_the_reporter_are_furniture():
    espn = ("ESPN\nNFL\nHome Scores Schedule Standings Stats Teams\n"
            "Chiefs edge Jaguars behind Mahomes' two touchdowns\nSep 17, 2023, 07:55 PM ET\n"
            "Patrick Mahomes threw two touchdown passes and the Kansas City Chiefs beat the Jaguars 17-9 on Sunday.\n")
    assert parse_article(espn, "t.txt").title == "Chiefs edge Jaguars behind Mahomes' two touchdowns"
    wapo = ("Democracy Dies in Darkness\nPolitics\nHouse passes stopgap bill hours before shutdown deadline\n"
            "By Jacob Bogage and Marianna Sotomayor\nSeptember 30, 2023 at 3:42 p.m. EDT\n"
            "The House on Saturday passed a bill to keep the government open for 45 days, hours before a deadline.\n"
            "Correction: An earlier version of this article misstated the length of the 2013 shutdown.\n"
            "Jacob Bogage covers Congress for The Washington Post.\n")
    a = parse_article(wapo, "t.txt")
    assert a.title == "House passes stopgap bill hours before shutdown deadline"
    assert [p.text[:20] for p in a.paragraphs] == ["The House on Saturda"]
    assert "Jacob Bogage covers Congress for The Washington Post." in a.boilerplate


@pytest.mark.parametrize("last", [
    "Jane Smith is a retired teacher who has lived in the town since 1990.",  # someone in the story
    "Maria Lopez covers the cost of the repairs herself, she said.",  # not the reporter: no byline names her
])
def test_a_closing_line_about_someone_else_stays_in_the_story(last):
    text = ("Town library reopens\nBy Tom Reyes\nPosted 4 Sep 2023\n"
            f"The town library reopened on Monday after a two-year renovation, the council said.\n{last}\n")
    assert len(parse_article(text, "t.txt").paragraphs) == 2


@pytest.mark.parametrize("signed", ["Legal Correspondent", "Special Correspondent", "Staff Reporter", "Web Desk",
                                    "Associated Press"])
def test_a_desk_or_an_agency_on_its_own_line_is_the_byline(signed):
    text = (f"Home / News / National\nSupreme Court upholds abrogation of Article 370\n"
            f"Published - 11/12/2023 11:04 am IST\n{signed}\nNEW DELHI\n"
            "The Supreme Court on Monday unanimously upheld the Centre's decision to abrogate Article 370.\n")
    assert parse_article(text, "t.txt").byline == signed


@pytest.mark.parametrize("signed", ["our foreign staff", "a staff writer", "Telegraph reporters",
                                    "Yorkshire Evening Post reporter"])
def test_a_desk_signed_with_by_is_the_byline_not_the_headline(signed):
    text = ("Israel-Gaza war live: UN Security Council to vote on ceasefire resolution\nLive updates\n"
            f"By {signed}\nUpdated 14:05 GMT, 8 Dec 2023\n"
            "The UN Security Council will vote on a resolution calling for a ceasefire on Friday, diplomats said.\n")
    a = parse_article(text, "t.txt")
    assert (a.title, a.byline) == ("Israel-Gaza war live: UN Security Council to vote on ceasefire resolution", signed)


@pytest.mark.parametrize("header", ["Tumaini Carayol at Flushing Meadows\nMon 11 Sep 2023 02.14 BST",
                                    "Mon 11 Sep 2023 02.14 BST\nTumaini Carayol at Flushing Meadows",
                                    "By Tumaini Carayol at Flushing Meadows\nMon 11 Sep 2023 02.14 BST"])
def test_a_reporter_at_a_place_beside_the_stamp_is_the_byline(header):
    a = parse_article(f"Djokovic wins record 24th grand slam title\n{header}\n"
                      "Novak Djokovic beat Daniil Medvedev on Sunday to win the US Open.\n", "t.txt")
    assert (a.title, a.byline) == ("Djokovic wins record 24th grand slam title", "Tumaini Carayol at Flushing Meadows")


def test_a_headline_a_byline_and_a_stamp_without_blank_lines_are_no_wrapped_paragraph():
    a = parse_article("Maui wildfire death toll rises to 111 as search continues\n"
                      "By Jennifer Sinco Kelleher and Audrey McAvoy, Associated Press\n"
                      "Updated 11:03 PM EDT, August 16, 2023\n\n"
                      "LAHAINA, Hawaii (AP) \u2014 The death toll from the wildfire rose to 111 on Wednesday.\n", "t.txt")
    assert (a.title, a.published) == ("Maui wildfire death toll rises to 111 as search continues", dt.date(2023, 8, 16))
    assert a.byline == "Jennifer Sinco Kelleher and Audrey McAvoy, Associated Press"


def test_a_desk_and_a_stamp_joined_by_a_slash_are_the_byline_and_the_date():
    a = parse_article("News / India News\nISRO's Aditya-L1 reaches its destination, enters halo orbit\n"
                      "TOI News Desk / Updated: Jan 6, 2024, 19:45 IST\n\n"
                      "BENGALURU: India's first solar observatory was placed in a halo orbit on Saturday, ISRO said.\n",
                      "t.txt")
    assert (a.title, a.byline, a.published) == ("ISRO's Aditya-L1 reaches its destination, enters halo orbit",
                                                "TOI News Desk", dt.date(2024, 1, 6))


def test_a_stamp_showing_its_date_twice_glued_is_the_stamp():
    a = parse_article("News|Israel-Palestine conflict\nHamas launches surprise attack on Israel from Gaza\n"
                      "Hundreds of fighters crossed into southern Israel in the deadliest attack in decades.\n"
                      "Published On 7 Oct 20237 Oct 2023\n\n"
                      "Hamas fighters launched an unprecedented attack on Israel from the Gaza Strip early on Saturday.\n",
                      "t.txt")
    assert (a.title, a.published) == ("Hamas launches surprise attack on Israel from Gaza", dt.date(2023, 10, 7))
    assert not any("Published" in p.text for p in a.paragraphs)


@pytest.mark.parametrize("line, byline", [("By AFP", "AFP"), ("By Reuters", "Reuters"),
                                          ("Jane Smith and John Doe", "Jane Smith and John Doe")])
def test_an_agency_signed_with_by_and_two_bare_names_are_the_byline(line, byline):
    a = parse_article(f"Parliament passes new climate law after marathon debate\n{line}\nDecember 5, 2023\n\n"
                      "Parliament passed the climate law on Monday after a debate that lasted 14 hours.\n", "t.txt")
    assert (a.byline, a.boilerplate) == (byline, ())


def test_contributors_and_a_wire_s_standards_line_are_furniture():
    text = ("Earthquake kills more than 2,000 in Morocco\nBy TARIK EL BARAKAH\nUpdated 9:42 PM GMT+1, September 9, 2023\n"
            "A rare, powerful earthquake struck Morocco late Friday night, killing more than 2,000 people.\n"
            "Associated Press writers Jon Gambrell in Dubai and Lori Hinnant in Paris contributed to this report.\n"
            "Our Standards: The Thomson Reuters Trust Principles.\n")
    a = parse_article(text, "t.txt")
    assert [p.text[:20] for p in a.paragraphs] == ["A rare, powerful ear"]


def test_a_line_saying_who_contributed_money_stays_in_the_story():
    text = ("Town library reopens\nBy Tom Reyes\nPosted 4 Sep 2023\n"
            "The town library reopened on Monday after a two-year renovation, the council said.\n"
            "The state and two local banks contributed to the cost of the new roof.\n")
    assert len(parse_article(text, "t.txt").paragraphs) == 2


def test_related_topics_end_the_story_and_are_no_byline():
    text = ("BBC Sport\nKane completes record move to Bayern Munich\nPublished 12 August 2023\n"
            "Harry Kane has completed his move to Bayern Munich from Tottenham for a fee of more than 100m pounds.\n"
            "Related Topics\nTottenham Hotspur\n")
    a = parse_article(text, "t.txt")
    assert a.byline is None and len(a.paragraphs) == 1 and "Tottenham Hotspur" in a.boilerplate


def test_a_series_label_over_the_headline_and_a_name_with_the_job_as_byline():
    text = ("The Guardian\nPolitics\nUK general election 2024\n"
            "Labour wins landslide as Conservatives suffer worst result in history\n"
            "Keir Starmer to become prime minister after Labour wins more than 400 seats\n"
            "Peter Walker Senior political correspondent\nFri 5 Jul 2024 06.31 BST\n"
            "Labour has won a landslide victory in the general election, ending 14 years of Conservative government.\n")
    a = parse_article(text, "t.txt")
    assert a.title == "Labour wins landslide as Conservatives suffer worst result in history"
    assert a.byline == "Peter Walker Senior political correspondent"



@pytest.mark.parametrize("line, read", [
    ("\u2022 The council voted on Tuesday to approve the plan, officials said.",
     "The council voted on Tuesday to approve the plan, officials said."),
    ("* The council voted on Tuesday to approve the plan, officials said.",
     "The council voted on Tuesday to approve the plan, officials said."),
    ("**Update**: The council voted on Tuesday to approve the plan, officials said.",
     "**Update**: The council voted on Tuesday to approve the plan, officials said."),
    ("-3 degrees was the low in Oslo overnight on Tuesday, forecasters said.",
     "-3 degrees was the low in Oslo overnight on Tuesday, forecasters said."),
])
def test_only_a_list_s_mark_and_its_space_are_dropped(line, read):
    a = parse_article(f"Council news\n\nPublished: 2023-09-05\n\n{line}\n", "t.txt")
    assert [p.text for p in a.paragraphs] == [read]


def test_a_wire_stamp_with_its_age_and_a_reporter_credited_only_under_the_story():
    text = ("Business\nAcme Corp profit beats forecasts as cloud sales jump\nReuters\n"
            "October 24, 2023 4:35 PM EDT Updated 2 hours ago\n"
            "SAN FRANCISCO, Oct 24 (Reuters) - Acme Corp on Tuesday reported quarterly profit above Wall Street "
            "estimates.\nReporting by Ann Smith and Li Wei in San Francisco; Editing by Bob Jones\n")
    a = parse_article(text, "t.txt")
    assert (a.published, a.byline) == (dt.date(2023, 10, 24), "Ann Smith and Li Wei")
    assert len(a.paragraphs) == 1


def test_a_print_edition_note_is_furniture():
    text = ("Why central banks are cutting rates so cautiously\nDec 5th 2024\n"
            "The Fed cut rates by half a percentage point in September, its first cut since 2020.\n"
            "This article appeared in the Finance & economics section of the print edition under the headline "
            "\"The last mile\"\n")
    a = parse_article(text, "t.txt")
    assert a.published == dt.date(2024, 12, 5) and len(a.paragraphs) == 1


def test_a_name_alone_over_the_stamp_is_the_byline_but_a_short_headline_is_not():
    text = ("DW\nGermany\nGermany's parliament approves 2024 budget after court ruling\n"
            "The Bundestag has passed the 2024 budget, weeks later than planned, after a top court ruling blew a hole "
            "in the government's finances.\nRina Goldenberg\n02/02/2024\n"
            "German lawmakers approved the budget on Friday after weeks of talks in the coalition.\n")
    assert parse_article(text, "t.txt").byline == "Rina Goldenberg"
    short = parse_article("Taliban Retake Kabul\nAugust 15, 2021\nThe Taliban entered Kabul on Sunday as the "
                          "president fled the country.\n", "t.txt")
    assert (short.title, short.byline) == ("Taliban Retake Kabul", None)


def test_a_wire_s_end_mark_and_a_press_release_s_about_section_and_contacts_are_furniture():
    text = ("FOR IMMEDIATE RELEASE\nCity of Springfield Announces Opening of New Riverside Park\n"
            "SPRINGFIELD, Ill., March 4, 2024 /PRNewswire/ -- The City of Springfield today announced that Riverside "
            "Park will open to the public on Saturday, April 6, 2024.\n"
            "Construction began in May 2022 and was funded by a state grant.\n"
            "A ribbon-cutting ceremony will be held at 10 a.m. on opening day.\n(END)\n"
            "About the City of Springfield\nSpringfield is the capital of Illinois.\n"
            "Media Contact: Tom Smith, 217-555-0100\n")
    a = parse_article(text, "t.txt")
    assert a.published == dt.date(2024, 3, 4) and len(a.paragraphs) == 3
    assert {"(END)", "About the City of Springfield", "Springfield is the capital of Illinois."} <= set(a.boilerplate)


def test_a_kicker_over_the_headline_when_the_standfirst_reads_as_the_story_s_first_line():
    text = ("The New Yorker\nA Reporter at Large\nThe Long Fall of a Steel Town\n"
            "How a century of boom and bust shaped Braddock, Pennsylvania.\nBy Ellen Marsh\nNovember 27, 2023\n"
            "Braddock was built on steel. Andrew Carnegie opened his first mill here in 1875.\n"
            "Published in the print edition of the December 4, 2023, issue, with the headline \"Steel Town.\"\n")
    a = parse_article(text, "t.txt")
    assert (a.title, a.byline, a.published) == ("The Long Fall of a Steel Town", "Ellen Marsh", dt.date(2023, 11, 27))
    assert [p.text[:8] for p in a.paragraphs] == ["How a ce", "Braddock"]  # the print-edition note is furniture


def test_a_two_line_paragraph_of_a_hard_wrapped_text_is_joined_too():
    text = ("Flooding forces thousands from homes in eastern Libya\n\nSeptember 12, 2023\n\n"
            "BENGHAZI, Libya - Floods caused by Storm Daniel burst two dams\nnear the city of Derna on Sunday night, "
            "sweeping away entire\nneighbourhoods, officials said on Tuesday.\n\n"
            "Rescue teams arrived from Egypt and Turkey on Monday. The UN said it\nwould send a team by Friday.\n\n"
            "Officials said on Tuesday that the death toll would rise.\nThe port reopened on Wednesday.\n")
    a = parse_article(text, "t.txt")
    assert [p.text[:14] for p in a.paragraphs] == ["BENGHAZI, Liby", "Rescue teams a", "Officials said",
                                                   "The port reope"]  # two sentences, two lines: not wrapped


@pytest.mark.parametrize("address, url", [
    ("https://www.example-news.com/2023/03/14/business/bank-collapse-svb.html\n", None),
    ("", "https://www.example-news.com/2023/03/14/business/bank-collapse-svb.html"),
])
def test_with_no_stamp_the_day_in_the_page_s_address_is_the_publication_date(address, url):
    text = (f"{address}Business\nRegulators race to contain fallout from bank collapse\n"
            "Regulators said on Sunday that all depositors at the failed bank would be repaid in full.\n"
            "Related\nhttps://www.example-news.com/2019/05/01/business/other-story.html\n")
    a = parse_article(text, "t.txt", url=url)
    assert a.published == dt.date(2023, 3, 14) and a.published_evidence.startswith("address https://")
    teaser_only = parse_article(text.replace(address, ""), "t.txt")
    assert teaser_only.published is None  # another story's address, further down, is not this one's


def test_a_stamp_then_its_byline_on_one_line_and_a_comment_form_under_the_story():
    text = ("The Springfield Gazette\nCity council approves new budget after heated debate\n"
            "Posted on December 4, 2023 by John Smith\n"
            "The Springfield city council voted 5-2 on Monday night to approve a $48 million budget for 2024.\n"
            "Leave a Reply\nYour email address will not be published.\n")
    a = parse_article(text, "t.txt")
    assert (a.published, a.byline, len(a.paragraphs)) == (dt.date(2023, 12, 4), "John Smith", 1)


@pytest.mark.parametrize("stamp, day, byline", [
    ("Page last updated at 10:42 GMT, Monday, 4 December 2023", dt.date(2023, 12, 4), None),
    ("2023.12.04 14:32", dt.date(2023, 12, 4), None),
    ("Jane Doe, Reuters | 4 Dec 2023", dt.date(2023, 12, 4), "Jane Doe, Reuters"),
    ("Staten Island, NY | 4 Dec 2023", dt.date(2023, 12, 4), None),  # a place and its state
])
def test_more_stamps_and_a_reporter_with_the_agency(stamp, day, byline):
    a = parse_article(f"Strikes halt trains across the country\n{stamp}\n"
                      "Rail workers walked out on Monday in a dispute over pay, the union said.\n", "t.txt")
    assert (a.published, a.byline) == (day, byline)


def test_an_embedded_post_s_signature_is_furniture_not_an_event():
    text = ("Wildfire destroys historic Maui town\nUpdated 9:40 PM EDT, August 10, 2023\n"
            "A wildfire that swept through the Maui town of Lahaina on Tuesday night killed at least 36 people.\n"
            "This is heartbreaking. Praying for everyone on Maui.\n"
            "\u2014 Barack Obama (@BarackObama) August 9, 2023\n"
            "Governor Josh Green said the town had been burned to the ground.\n")
    a = parse_article(text, "t.txt")
    assert "\u2014 Barack Obama (@BarackObama) August 9, 2023" in a.boilerplate and len(a.paragraphs) == 3


def test_a_name_over_its_job_and_handle_is_the_byline_and_an_obituary_s_headline_is_no_site_name():
    sky = parse_article("Sky News\nUK\nJunior doctors in England to strike for six days in January\n"
                        "Junior doctors in England will go on strike for six days in January.\nAshish Joshi\n"
                        "Health correspondent @AshishJoshiSky\nTuesday 19 December 2023 17:01, UK\n\n"
                        "The strike will begin at 7am on 3 January, the British Medical Association said.\n", "t.txt")
    assert (sky.title, sky.byline) == ("Junior doctors in England to strike for six days in January", "Ashish Joshi")
    obituary = parse_article("Music\nSin\u00e9ad O'Connor obituary\nSinger and songwriter whose powerful voice and "
                             "activism made her one of the most distinctive artists of her generation\n"
                             "Wed 26 Jul 2023 22.18 BST\n\nSin\u00e9ad O'Connor, who has died aged 56, was a singer "
                             "whose version of Nothing Compares 2 U topped the charts around the world in 1990.\n",
                             "t.txt")
    assert obituary.title == "Sin\u00e9ad O'Connor obituary"


def test_a_section_named_with_an_ampersand_is_a_label_under_a_tagline():
    a = parse_article("Democracy Dies in Darkness\nClimate & Environment\nCanada's wildfire season is the worst on "
                      "record\nBy Amudalat Ajasa\nJune 28, 2023 at 6:00 a.m. EDT\n\nMore than 8.1 million hectares "
                      "have burned across Canada this year, surpassing the previous record set in 1989.\n", "t.txt")
    assert a.title == "Canada's wildfire season is the worst on record"


def test_a_stamp_after_the_place_it_was_filed_from_and_a_wire_slug_before_the_headline():
    elpais = parse_article("EL PA\u00cdS English\nSpain\nPedro S\u00e1nchez re-elected as Spain's prime minister\n"
                           "Madrid - NOV 16, 2023 - 12:45 CET\n\nPedro S\u00e1nchez was re-elected prime minister of "
                           "Spain on Thursday with the support of 179 lawmakers.\n", "t.txt")
    assert elpais.published == dt.date(2023, 11, 16)
    reuters = parse_article("UPDATE 2-Volkswagen to cut costs by 10 bln euros\nBy Victoria Waldersee\n\nBERLIN, Nov 27 "
                            "(Reuters) - Volkswagen will cut costs at its namesake brand by 10 billion euros by 2026, it "
                            "said on Monday.\n\nPublished November 27, 2023\n", "t.txt")
    assert (reuters.title, reuters.published) == ("Volkswagen to cut costs by 10 bln euros", dt.date(2023, 11, 27))


def test_a_name_over_its_job_is_the_byline():
    text = ("BBC Homepage\nRishi Sunak survives Rwanda bill vote as Tory rebels back down\n12 December 2023\n"
            "Chris Mason\nPolitical editor\nShare\n"
            "Rishi Sunak has seen off a rebellion by Conservative MPs and won a key vote on his flagship Rwanda bill.\n")
    a = parse_article(text, "t.txt")
    assert (a.title, a.byline, a.published) == ("Rishi Sunak survives Rwanda bill vote as Tory rebels back down",
                                                "Chris Mason", dt.date(2023, 12, 12))


def test_a_name_between_the_stamp_and_the_place_it_was_filed_from_is_the_byline():
    text = ("THE HINDU\nNEWS \u00bb NATIONAL\nChandrayaan-3 lands near Moon's south pole\n"
            "Published - August 23, 2023 06:12 pm IST\nT.S. Subramanian\nBENGALURU\n\n"
            "India became the first country to land a spacecraft near the Moon's south pole on Wednesday evening.\n")
    a = parse_article(text, "t.txt")
    assert (a.title, a.byline, a.published) == ("Chandrayaan-3 lands near Moon's south pole", "T.S. Subramanian",
                                                dt.date(2023, 8, 23))


def test_a_note_on_the_reporter_as_bureau_chief_is_furniture_but_a_closing_line_on_a_chief_executive_is_not():
    head = ("Argentina devalues peso by more than 50 percent\nBy Jack Nicas\nDec. 12, 2023\n"
            "Argentina's new government said on Tuesday that it would devalue the country's currency by half.\n")
    note = parse_article(head + "Jack Nicas is the Brazil bureau chief for The Times. He is based in Rio de Janeiro.\n",
                         "t.txt")
    assert len(note.paragraphs) == 1
    story = parse_article(head.replace("By Jack Nicas\n", "") + "Luis Caputo is the chief economist of the bank.\n",
                          "t.txt")
    assert len(story.paragraphs) == 2


def test_a_bare_name_over_the_place_over_the_stamp_is_the_byline():
    text = ("Business\nShell to cut 200 jobs in low-carbon unit\n"
            "Shell plans to cut jobs in its low-carbon solutions division, the company said on Tuesday.\n"
            "Ron Bousso\nLONDON\nPublished 5 December 2023\n\n"
            "Shell will cut 200 jobs in its low-carbon solutions division in 2024, a spokesperson said on Tuesday.\n")
    a = parse_article(text, "t.txt")
    assert (a.title, a.byline, a.published) == ("Shell to cut 200 jobs in low-carbon unit", "Ron Bousso",
                                                dt.date(2023, 12, 5))
    assert [p.text[:11] for p in a.paragraphs] == ["Shell plans", "Shell will "]  # no name, no place
