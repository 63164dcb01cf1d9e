"""One hostile item never costs its feed: bounded tag patterns, huge references, an item guard."""

from __future__ import annotations

import io
import logging
import subprocess
import sys
from datetime import UTC, datetime
from typing import Any

import pytest

from bot.alerts.notify import TerminalSender
from bot.app import close_runtime, open_runtime, tick
from bot.feeds import parse
from bot.feeds.parse import html_to_text, parse_feed
from storage.store import Store
from tests.feeds import NEGATIVE_PLAN, POSITIVE, Item, rss
from tests.processes import ROOT
from tests.servers import FeedServer

NOW = datetime(2024, 6, 1, 12, 0, tzinfo=UTC)
HUGE_REF = "&#" + "9" * 5000 + ";"


def test_huge_decimal_references_become_replacement_characters() -> None:
    assert html_to_text(f"<p>before {HUGE_REF} after</p>") == "before \ufffd after"
    assert html_to_text("&#" + "0" * 5000 + "65; &#00000000097;") == "A a"
    assert html_to_text("&#x" + "f" * 5000 + ";") == "\ufffd"


# Unclosed tags of every pattern, 2 MB each. One scan to the end per `<` (the old patterns)
# is about 10**12 steps here, hours; linear work is well under a second. The generous timeout
# only separates the two, whatever the machine.
UNCLOSED = """
from bot.feeds.parse import html_to_text
for unit in ("<p", "<P ", "<div", "</li", "<script", "<style x", "<!a", "<?x", '<a href="'):
    html_to_text(unit * (2_000_000 // len(unit)), limit=10**7)
"""


def test_unclosed_tags_cost_linear_time() -> None:
    result = subprocess.run(
        [sys.executable, "-c", UNCLOSED],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr[-2000:]


def test_tags_are_still_stripped() -> None:
    markup = '<div class="x"><p>One <b>bold</b> word<br/>next</p><script>var a = "<p>";</script>'
    assert html_to_text(markup + "<?php echo 1 ?><!DOCTYPE x><p a<b>tail") == (
        "One bold word\nnext\n<p atail"  # `<p a` holds a `<`: text, not a tag
    )


async def test_a_hostile_item_leaves_the_rest_of_its_feed_stored(
    feed_server: FeedServer, make_settings: Any
) -> None:
    hostile = Item(title="Numbers", text=f"Counted {HUGE_REF} times.", link="https://a.test/n")
    url = feed_server.set("/feed.xml", rss([hostile, POSITIVE, NEGATIVE_PLAN]))
    runtime = await open_runtime(
        make_settings([{"name": "F", "url": url}]), TerminalSender(io.StringIO())
    )
    try:
        report = await tick(runtime, force=True)
        latest = await runtime.worker.run(
            lambda store: [r[0] for r in store.db.execute("select title from articles")]
        )
        states = await runtime.worker.run(Store.feed_states)
    finally:
        await close_runtime(runtime)
    assert report is not None and report.outcomes[0].error is None
    assert report.outcomes[0].new == 3 and report.outcomes[0].flagged == 1
    assert sorted(latest) == sorted([hostile.title, POSITIVE.title, NEGATIVE_PLAN.title])
    assert states[url].error_count == 0


def test_an_item_that_cannot_be_read_is_skipped_and_counted(
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    # A fault no input reaches today stands in for the next one a feed finds.
    real = parse._entry_text

    def fragile(item: Any) -> str:
        if "BOOM" in (item.get("summary") or ""):
            raise RecursionError("maximum recursion depth exceeded")
        return real(item)

    monkeypatch.setattr(parse, "_entry_text", fragile)
    bad = [Item(title=f"Bad {n}", text="BOOM", link=f"https://a.test/b{n}") for n in range(2)]
    doc = rss([bad[0], POSITIVE, bad[1], NEGATIVE_PLAN], now=NOW)
    with caplog.at_level(logging.WARNING, logger="bot.feeds.parse"):
        parsed = parse_feed(doc.encode(), "F", now=NOW)
    assert [e.title for e in parsed.entries] == [POSITIVE.title, NEGATIVE_PLAN.title]
    assert parsed.warning == (
        "2 unreadable item(s) skipped (RecursionError: maximum recursion depth exceeded)"
    )
    assert "feed=F 2 unreadable item(s) skipped" in caplog.text


BAD_LINKS = ["http://[::1/story", "https://]/story", "http://[v7.x/story"]


@pytest.mark.parametrize("full_text", [False, True])
async def test_an_item_link_no_url_parser_accepts_costs_only_its_link(
    feed_server: FeedServer, make_settings: Any, full_text: bool
) -> None:
    """urlsplit raises on an unclosed IPv6 bracket; the link is dropped at parse time, so no
    later step (dedup, full-text host locks) sees it and the feed is stored whole."""
    items = [
        Item(title=f"Odd link {i}", text="A line of text.", link=link)
        for i, link in enumerate(BAD_LINKS)
    ]
    url = feed_server.set("/feed.xml", rss([*items, POSITIVE, NEGATIVE_PLAN]))
    settings = make_settings([{"name": "F", "url": url, "full_text": full_text}])
    runtime = await open_runtime(settings, TerminalSender(io.StringIO()))
    try:
        report = await tick(runtime, force=True)
        links = await runtime.worker.run(
            lambda store: dict(store.db.execute("select title, link from articles"))
        )
    finally:
        await close_runtime(runtime)
    assert report is not None and report.outcomes[0].error is None, report
    assert report.outcomes[0].new == len(BAD_LINKS) + 2
    assert all(links[item.title] == "" for item in items), links
    assert links[POSITIVE.title] == POSITIVE.link


def _tiny_items(kind: str, count: int) -> bytes:
    if kind == "atom":
        entries = "".join(
            f"<entry><id>urn:n:{i}</id><title>Note {i}</title></entry>" for i in range(count)
        )
        return (
            f'<feed xmlns="http://www.w3.org/2005/Atom"><title>T</title>{entries}</feed>'.encode()
        )
    items = "".join(
        f"<item><title>Note {i}</title><link>https://a.test/{i}</link></item>"
        for i in range(count)
    )
    if kind == "rdf":
        return (
            '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" '
            'xmlns="http://purl.org/rss/1.0/"><channel><title>T</title></channel>'
            f"{items}</rdf:RDF>"
        ).encode()
    return f'<rss version="2.0"><channel><title>T</title>{items}</channel></rss>'.encode()


@pytest.mark.parametrize("kind", ["rss", "atom", "rdf"])
def test_items_past_the_cap_are_never_built(kind: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """5 MB of tiny items made feedparser build 60,000 of them (15 s, 290 MB) for the 500
    kept; the rest are cut before it sees them, and the feed stays well-formed."""
    built: list[int] = []
    real = parse.feedparser.parse

    def counting(*args: Any, **kwargs: Any) -> Any:
        result = real(*args, **kwargs)
        built.append(len(result.entries))
        return result

    monkeypatch.setattr(parse.feedparser, "parse", counting)
    feed = parse_feed(_tiny_items(kind, 3 * parse.MAX_ENTRIES), "F", now=NOW)
    assert built == [parse.MAX_ENTRIES]
    assert [e.title for e in feed.entries] == [f"Note {i}" for i in range(parse.MAX_ENTRIES)]
    assert feed.is_feed and feed.warning is None  # still well-formed: no parser complaint
