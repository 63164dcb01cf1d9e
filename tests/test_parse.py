"""Parsing feed bytes into plain-text entries with UTC dates."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from functools import partial

import pytest

from bot.analyse import parse_and_analyse
from bot.detect.sentences import normalise
from bot.feeds.parse import html_to_text, parse_feed
from tests.feeds import NEGATIVE_EXCHANGE, NEGATIVE_PLAN, POSITIVE, atom, rss

NOW = datetime(2024, 6, 1, 12, 0, tzinfo=UTC)


def test_rss_entries_are_normalised() -> None:
    parsed = parse_feed(rss([POSITIVE, NEGATIVE_PLAN], now=NOW).encode(), "F", now=NOW)
    assert parsed.is_feed and parsed.title == "Example News"
    first = parsed.entries[0]
    assert first.title.startswith("Prosecutors: Russian troops shot")
    assert "<p>" not in first.text and "executed by Russian forces" in first.text
    assert first.published == datetime(2024, 6, 1, 11, 0, tzinfo=UTC)
    assert parsed.entries[1].text.endswith("in full & on time.")


def test_atom_entries_are_normalised() -> None:
    parsed = parse_feed(atom([POSITIVE], now=NOW).encode(), "F", now=NOW)
    assert parsed.is_feed and len(parsed.entries) == 1
    assert parsed.entries[0].link == POSITIVE.link
    assert parsed.entries[0].published is not None


def test_html_page_is_not_a_feed() -> None:
    page = b"<html><head><title>Home</title></head><body><p>Welcome</p></body></html>"
    assert not parse_feed(page, "F", now=NOW).is_feed


def test_absurd_dates_become_unknown() -> None:
    doc = rss([POSITIVE], now=NOW).replace("2024", "2091")
    parsed = parse_feed(doc.encode(), "F", now=NOW)
    assert parsed.entries[0].published is None


def test_entity_expansion_is_not_performed() -> None:
    bomb = (
        '<?xml version="1.0"?><!DOCTYPE r [<!ENTITY a "AAAAAAAAAA">'
        '<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">'
        '<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]>'
        '<rss version="2.0"><channel><title>t</title><item><title>x &c;</title>'
        "<link>https://a.test/1</link></item></channel></rss>"
    )
    parsed = parse_feed(bomb.encode(), "F", now=NOW)
    assert all("AAAA" not in e.title for e in parsed.entries)
    assert parsed.warning is not None and "DOCTYPE removed" in parsed.warning


def test_a_flood_of_elements_is_refused_before_parsing() -> None:
    # 150,000 nested elements in one item: feedparser would spend seconds of CPU on them
    flood = "<x>" * 150_000 + "</x>" * 150_000
    doc = rss([POSITIVE], now=NOW).replace("</item>", flood + "</item>", 1)
    parsed = parse_feed(doc.encode(), "F", now=NOW)
    assert not parsed.is_feed and not parsed.entries
    assert parsed.error is not None and "limit of 100000" in parsed.error


def test_markup_inside_cdata_does_not_count_as_elements() -> None:
    html = "<p>" + "<b>word</b> " * 60_000 + "</p>"
    doc = rss([POSITIVE], now=NOW).replace(
        "</item>", f"<content:encoded><![CDATA[{html}]]></content:encoded></item>", 1
    )
    doc = doc.replace("<rss ", '<rss xmlns:content="http://purl.org/rss/1.0/modules/content/" ')
    parsed = parse_feed(doc.encode(), "F", now=NOW)
    assert parsed.is_feed and len(parsed.entries) == 1 and parsed.error is None


def test_html_to_text_drops_scripts_and_decodes() -> None:
    text = html_to_text("<p>A &amp; B</p><script>alert(1)</script><p>C&nbsp;D</p>")
    assert text == "A & B\nC D"


@pytest.mark.parametrize(
    ("markup", "text"),
    [
        ("  <p>One\t two\u00a0 three</p>\r\n\r\n<p>\u200bFour</p>  ", "One two three\nFour"),
        ("<div>a</div>\n \n<div>b<br>c</div>", "a\nb\nc"),
        ("<!-- hidden --><p>kept</p><![CDATA[x]]>", "kept\nx"),
        ("plain   text\n\n\nnext", "plain text\nnext"),
        ("<p>   </p><p></p>", ""),
    ],
)
def test_html_to_text_collapses_whitespace_and_blank_lines(markup: str, text: str) -> None:
    assert html_to_text(markup) == text


def test_normalise_keeps_length_and_unifies_apostrophes_and_yo() -> None:
    raw = "П\u2019ятихатки, Пʼятихатки, ёлка\u00a0Ёж\u2011x"
    assert normalise(raw) == "П'ятихатки, П'ятихатки, елка Еж-x"
    assert len(normalise(raw)) == len(raw)


def test_parse_and_analyse_keeps_the_raw_item_of_flagged_reports_only() -> None:
    body = rss([POSITIVE, NEGATIVE_PLAN, NEGATIVE_EXCHANGE]).encode()
    poll = partial(
        parse_and_analyse,
        body,
        "News",
        now=datetime.now(UTC),
        content_type="application/rss+xml",
        base_url=None,
        language="en",
    )
    batch = poll()
    assert batch.fetched == 3 and len(batch.marks) == 3
    by_title = {a.entry.title: a for a in batch.articles}
    flagged = by_title[POSITIVE.title]
    assert flagged.verdict.flagged
    assert json.loads(flagged.entry.raw)["link"] == POSITIVE.link
    assert [a.entry.raw for a in batch.articles if not a.verdict.flagged] == ["", ""]
    # the next poll passes this poll's marks: nothing is analysed again
    again = poll(known=frozenset(batch.marks))
    assert again.fetched == 3 and again.articles == ()
    # not analysed here (full-text feeds): every new entry keeps its raw item for later
    later = poll(analyse_new=False)
    assert len(later.new_entries) == 3 and all(e.raw for e in later.new_entries)


# Yandex-style feeds: the description empty or a teaser, the article in an extension element.
FULL_TEXT_FEED = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:ya="http://news.yandex.ru" xmlns:turbo="http://turbo.yandex.ru"
     xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel><title>Regional News</title><link>https://regional.test/</link>
<item><title>Суд у Харкові</title><link>https://regional.test/1</link>
<description></description>
<ya:full-text>Суд розглянув справу про крадіжку генератора. Вирок оголосять у понеділок.
</ya:full-text></item>
<item turbo="true"><title>Ремонт мосту</title><link>https://regional.test/2</link>
<description>Коротко.</description>
<turbo:content><![CDATA[<header><h1>Ремонт мосту</h1><figure><img src="x.jpg"/></figure>
</header><p>Міст через річку відкриють для руху наприкінці місяця, кажуть будівники.</p>]]>
</turbo:content></item>
<item><title>Weather</title><link>https://regional.test/3</link>
<description>Rain.</description>
<content:encoded><![CDATA[<p>Rain is expected across the region on Friday, with wind.</p>]]>
</content:encoded></item>
<item><title>Long teaser</title><link>https://regional.test/4</link>
<description>A teaser that is longer than the full text element of this item.</description>
<ya:full-text>Short.</ya:full-text></item>
</channel></rss>"""


def test_full_text_extensions_fill_empty_or_short_descriptions() -> None:
    parsed = parse_feed(FULL_TEXT_FEED.encode(), "F", now=NOW)
    texts = [e.text for e in parsed.entries]
    assert texts[0].startswith("Суд розглянув справу про крадіжку генератора.")
    assert texts[1] == "Міст через річку відкриють для руху наприкінці місяця, кажуть будівники."
    assert texts[2] == "Rain is expected across the region on Friday, with wind."
    assert texts[3] == "A teaser that is longer than the full text element of this item."
    raw = json.loads(parse_feed(FULL_TEXT_FEED.encode(), "F", now=NOW).entries[0].raw)
    assert raw["content"].startswith("Суд розглянув")
