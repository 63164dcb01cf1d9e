"""full_text: true — one-line feed items are judged on the article page's main text."""

from __future__ import annotations

import io
from datetime import UTC, datetime
from typing import Any

import pytest

from bot.alerts.notify import TerminalSender
from bot.app import close_runtime, open_runtime, tick
from bot.feeds import fulltext
from bot.feeds.fetch import make_session
from bot.models import Entry
from bot.runtime import Runtime
from storage.store import Store
from tests.feeds import Item, rss
from tests.servers import LOOPBACK, FakeBotAPI, FeedServer
from tests.telegram_helpers import running_bot

PAGE = """<!doctype html><html><head><title>Prosecutors open case</title></head><body>
<nav><a href="/">Home</a> | <a href="/war">War</a> | Subscribe to our newsletter</nav>
<article><h1>Prosecutors open a war crimes case in Zaporizhzhia Oblast</h1>
<p>Prosecutors in Zaporizhzhia Oblast opened a war crimes investigation on Tuesday after a
video emerged from the southern front.</p>
<p>According to the regional prosecutor's office, Russian troops shot three Ukrainian soldiers
who had surrendered near the village of Robotyne. The men had laid down their weapons before
they were killed, investigators said.</p>
<p>Investigators are working to identify the unit involved and the soldiers responsible.</p>
</article>
<aside>News feed: Heating season starts in Kharkiv · Football results · Weather</aside>
</body></html>"""


def headline_only(link: str) -> Item:
    return Item(
        title="Prosecutors open a war crimes case in Zaporizhzhia Oblast",
        text="A new investigation was opened.",
        link=link,
    )


async def test_full_text_feed_is_judged_on_the_page(
    feed_server: FeedServer, bot_api: FakeBotAPI, make_settings: Any
) -> None:
    page = feed_server.set("/2024/case.html", PAGE, content_type="text/html; charset=utf-8")
    plain = feed_server.set("/plain.xml", rss([headline_only(page + "?from=plain")]))
    full = feed_server.set("/full.xml", rss([headline_only(page)]))
    settings = make_settings(
        [{"name": "Plain", "url": plain}, {"name": "Full", "url": full, "full_text": True}],
        api=bot_api,
    )
    async with running_bot(settings) as app:
        runtime: Runtime = app.bot_data.runtime
        report = await tick(runtime, force=True)
        assert report is not None
        by_feed = {o.feed: o for o in report.outcomes}
        assert by_feed["Plain"].flagged == 0  # the headline alone says nothing of a killing
        assert by_feed["Full"].flagged == 1
        stored = await runtime.worker.read(Store.latest, 5)
        assert "surrendered near the village of Robotyne" in stored[0].summary
        assert "Football results" not in stored[0].summary
        assert feed_server.hits["/2024/case.html"] == 1  # the plain feed never fetched it


def page(n: int) -> str:
    return (
        f"<html><body><article><h1>Council session {n}</h1><p>The city council met for "
        f"session number {n} and debated the budget for road repairs at length.</p><p>Members "
        f"agreed to publish marker-{n}-full in the minutes of the next meeting.</p></article>"
        "</body></html>"
    )


async def test_items_over_the_page_cap_wait_for_the_next_poll(
    feed_server: FeedServer, make_settings: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(fulltext, "MAX_PAGES_PER_POLL", 3)
    links = [feed_server.set(f"/p{n}.html", page(n), content_type="text/html") for n in range(7)]
    items = [Item(title=f"Council session {n}", text="Short.", link=links[n]) for n in range(7)]
    url = feed_server.set("/full.xml", rss(items))
    settings = make_settings([{"name": "Full", "url": url, "full_text": True}])
    runtime = await open_runtime(settings, TerminalSender(io.StringIO()))

    def texts(store: Store) -> list[str]:
        return [r[0] for r in store.db.execute("select text from articles order by id")]

    stored: list[list[str]] = []
    fetched: list[int] = []
    try:
        for _ in range(4):
            report = await tick(runtime, force=True)
            assert report is not None and report.outcomes[0].error is None
            stored.append(await runtime.worker.run(texts))
            fetched.append(sum(feed_server.hits.get(f"/p{n}.html", 0) for n in range(7)))
    finally:
        await close_runtime(runtime)
    assert fetched == [3, 6, 7, 7]  # never more pages than the cap in one poll
    assert [len(s) for s in stored] == [3, 6, 7, 7]  # the rest is not stored from its headline
    assert all(f"marker-{n}-full" in stored[-1][n] for n in range(7))  # all read in full
    assert all(feed_server.hits[f"/p{n}.html"] == 1 for n in range(7))
    assert feed_server.hits["/full.xml"] == 4
    assert feed_server.conditional_hits.get("/full.xml") == 1  # 304 only once nothing waits


async def test_a_link_no_url_parser_reads_costs_only_its_own_page(feed_server: FeedServer) -> None:
    """feedparser blanks such links today; fetch_pages must not depend on it."""
    page = feed_server.set("/page.html", "<html><body><p>Words.</p></body></html>")
    entries = [
        Entry("F", guid=f"g{i}", link=link, title="t", text="x", published=datetime.now(UTC))
        for i, link in enumerate(["http://[::1/odd", "https://a.test:99999/odd", page])
    ]
    async with make_session(timeout=5.0, concurrency=2, allowed=LOOPBACK) as session:
        pages = await fulltext.fetch_pages(session, entries, fulltext.HostLocks())
    assert list(pages) == ["g2"] and feed_server.hits == {"/page.html": 1}
