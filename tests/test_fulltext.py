"""full_text: true — one-line feed items are judged on the article page's main text."""

from __future__ import annotations

from typing import Any

from bot.app import tick
from bot.runtime import Runtime
from storage.store import Store
from tests.feeds import Item, rss
from tests.servers import FakeBotAPI, FeedServer
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
