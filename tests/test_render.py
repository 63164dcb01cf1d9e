"""Alert and reply rendering with hostile feed text: escaped, bounded, never broken HTML."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime
from html.parser import HTMLParser

import pytest

from bot.alerts.render import (
    MAX_MESSAGE,
    esc,
    paginate,
    render_alert,
    render_article,
    render_incident_detail,
    render_snippet,
)
from bot.models import MARK_END, MARK_START, Evidence, Facts, IncidentRecord, StoredArticle

NOW = datetime(2024, 10, 2, 9, 0, tzinfo=UTC)

HOSTILE = [
    "<script>alert('x')</script> POWs shot",
    "Tom & Jerry <b>unbalanced <i>tags",
    "A" * 10_000,
    "Розстріляли полонених 🇺🇦🔥 near Pokrovsk",
    "\u202eRTL override \u05e9\u05dc\u05d5\u05dd مرحبا",
    '"><a href="javascript:alert(1)">click</a>',
    "&amp;&lt;&#x27; entity soup &",
]


def article(title: str, text: str, link: str = "https://news.test/a?x=1&y=<2>") -> StoredArticle:
    return StoredArticle(
        id=1,
        title=title,
        link=link,
        feed_name=text[:50] or "feed",
        published=NOW,
        fetched_at=NOW,
        language="en",
        flagged=True,
        score=0.9,
        summary=text,
        evidence=(Evidence(sentence=text, terms=("POWs", "<shot>")),),
        facts=Facts(
            locations=("Pokrovsk", title[:30]),
            victims=16,
            victim_side="Ukrainian",
            incident_date=date(2024, 10, 1),
            source_authority=title[:40],
        ),
        incident_id=7,
    )


class _TagChecker(HTMLParser):
    """Telegram's HTML subset: balanced b/i/a tags, nothing else."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.bad: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag not in ("b", "i", "a"):
            self.bad.append(tag)
        if tag == "a" and not (dict(attrs).get("href") or "").startswith("http"):
            self.bad.append("a-href")
        self.stack.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if not self.stack or self.stack.pop() != tag:
            self.bad.append("/" + tag)


def assert_valid(markup: str) -> None:
    assert len(markup) <= MAX_MESSAGE
    checker = _TagChecker()
    checker.feed(markup)
    checker.close()
    assert not checker.bad, checker.bad
    assert not checker.stack, checker.stack
    assert not re.search(r"&(?!(amp|lt|gt|quot|#x27|#39);)", markup), "raw ampersand"


@pytest.mark.parametrize("hostile", HOSTILE)
def test_alert_is_escaped_and_bounded(hostile: str) -> None:
    incident = IncidentRecord(7, hostile, article(hostile, hostile).facts, NOW, NOW, None)
    text = render_alert(incident, [article(hostile, hostile), article("second", hostile)])
    assert_valid(text)
    assert "<script>" not in text
    assert "#incident7" in text
    assert "Content warning" in text


def test_alert_with_many_sources_stays_under_the_limit() -> None:
    arts = [article("T" * 300, "S" * 3000, f"https://n.test/{i}") for i in range(60)]
    incident = IncidentRecord(7, "t", arts[0].facts, NOW, NOW, None)
    assert_valid(render_alert(incident, arts))


def test_alert_says_what_a_monitor_needs() -> None:
    a = article("Sixteen POWs shot near Pokrovsk", "Sixteen POWs were shot near Pokrovsk.")
    incident = IncidentRecord(7, a.title, a.facts, NOW, NOW, None)
    text = render_alert(incident, [a])
    for piece in (
        "Pokrovsk",
        "16 killed",
        "2024-10-01",
        "Ukrainian POWs",
        "Why flagged",
        'href="https://news.test/a?x=1&amp;y=&lt;2&gt;"',
    ):
        assert piece in text


def test_changed_count_is_shown() -> None:
    first = article("first", "six")
    second = StoredArticle(
        **{
            **{f: getattr(first, f) for f in first.__slots__},
            "facts": Facts(victims=5),
            "feed_name": "Brigade",
        }
    )
    incident = IncidentRecord(7, "x", first.facts, NOW, NOW, None)
    assert "16 → 5, per Brigade" in render_alert(incident, [first, second])


@pytest.mark.parametrize("hostile", HOSTILE)
def test_replies_are_escaped_and_paged(hostile: str) -> None:
    blocks = [render_article(article(hostile, hostile)) for _ in range(30)]
    pages = paginate(blocks)
    assert len(pages) >= 1
    for page in pages:
        assert_valid(page)
    incident = IncidentRecord(7, hostile, article(hostile, hostile).facts, NOW, NOW, None)
    for page in paginate(render_incident_detail(incident, [article(hostile, hostile)] * 40)):
        assert_valid(page)


def test_javascript_links_are_not_linked() -> None:
    text = render_article(article("t", "x", link="javascript:alert(1)"))
    assert "javascript:" not in text
    assert "href" not in text


def test_an_over_long_block_is_escaped_again_after_decoding() -> None:
    """to_plain decodes &lt; back to <: the page is HTML, so it must be escaped once more."""
    hostile = "<script>alert(1)</script> & <b>bold</b> "
    block = "<b>Title</b>\n" + esc(hostile * 200)  # escaped feed text, far over one message
    pages = paginate([block])
    assert len(pages) == 1 and len(pages[0]) <= MAX_MESSAGE
    assert "<script>" not in pages[0] and "<b>bold" not in pages[0]
    assert "&lt;script&gt;" in pages[0] and "&amp;" in pages[0]
    assert "<b>Title" not in pages[0]  # our own markup became plain text too
    assert_valid(pages[0])


def test_search_snippets_show_the_match_in_bold_and_escape_the_rest() -> None:
    snippet = f"…shot near {MARK_START}Pokrovsk{MARK_END} <script>, prosecutors said…"
    shown = render_snippet(snippet)
    assert "<b>Pokrovsk</b>" in shown
    assert "&lt;script&gt;" in shown and "<script>" not in shown
    long = render_snippet("word " * 100 + f"{MARK_START}Kupiansk{MARK_END}", limit=40)
    assert "<b>" not in long and len(long) <= 40  # the cut fell before the match: no open tag


def test_bidi_controls_in_feed_text_never_reach_an_alert() -> None:
    """A right-to-left override in a title would reverse the rest of its line in the channel."""
    hostile = "POWs shot near \u202ekspvorkoP\u202c, prosecutors say \u2067x\u2069 \u200f"
    incident = IncidentRecord(7, hostile, article(hostile, hostile).facts, NOW, NOW, None)
    text = render_alert(incident, [article(hostile, hostile)])
    assert not re.search("[\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]", text)
    assert "POWs shot near kspvorkoP, prosecutors say x" in text
