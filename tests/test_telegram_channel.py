"""Telegram channel sources: the preview parser, paging, failures, and the whole chain.

Pages come from tests/channels.py (the preview's structure, texts written for these tests),
served on 127.0.0.1; detection, the store and the alert path are the real ones.
"""

from __future__ import annotations

import io
import json
from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.alerts.notify import TerminalSender
from bot.app import close_runtime, open_runtime, tick
from bot.config import ConfigError, parse_feeds
from bot.feeds.telegram import last_seen_id, parse_channel
from bot.runtime import Runtime
from storage.store import Store
from tests.channels import ChannelServer, Post, channel_page, posts_range
from tests.feeds import Item, rss
from tests.servers import FakeBotAPI, FeedServer

NOW = datetime(2025, 11, 14, 12, 0, tzinfo=UTC)
CHANNEL = "pgo_test_ua"
# A prosecutor's channel post and a news article about the same (invented) killing.
EXECUTION_POST = (
    "Окупанти розстріляли трьох полонених українських захисників біля Степногірська\n"
    "За процесуального керівництва Офісу Генерального прокурора розпочато досудове "
    "розслідування за фактом розстрілу трьох українських військовополонених поблизу "
    "Степногірська Запорізької області. За даними слідства, 12 листопада російські "
    "військові взяли в полон трьох бійців, які склали зброю, після чого стратили їх."
)
EXECUTION_ARTICLE = Item(
    title="Russian soldiers executed three Ukrainian POWs near Stepnohirsk, prosecutors say",
    text=(
        "<p>Three Ukrainian servicemen who had laid down their arms were shot dead by Russian "
        "troops near Stepnohirsk in Zaporizhzhia Oblast on November 12, the Prosecutor "
        "General's Office reported.</p><p>A pre-trial investigation into the execution of "
        "the prisoners of war has been opened.</p>"
    ),
    link="https://example-news.test/2025/stepnohirsk-three-pows",
    age_hours=0.5,
)


@pytest.fixture
async def channels() -> AsyncIterator[ChannelServer]:
    server = ChannelServer()
    await server.start()
    yield server
    await server.stop()


def page(posts: list[Post], now: datetime = NOW) -> bytes:
    return channel_page(CHANNEL, "Офіс Генпрокурора (test)", posts, now).encode()


# --- the parser -----------------------------------------------------------------------------


def test_posts_become_entries_like_feed_items() -> None:
    posts = [
        Post(10, "First line of a notice\nits second line", age_hours=3),
        Post(11, "", photo=True),  # media only: nothing to classify
        Post(12, "A caption under a photo", photo=True),
        Post(13, "Passed on", forwarded_from=("Coordination HQ", "https://t.me/hq_test/77")),
        Post(14, "An answer", reply_to=(10, "the quoted notice, not this post's text")),
        Post(15, service=True),
        Post(16, "Read the report", preview=("Report title", "Report summary")),
    ]
    parsed = parse_channel([page(posts)], CHANNEL, "PGO", now=NOW, language="uk")
    assert parsed.is_feed and parsed.error is None
    assert parsed.title == "Офіс Генпрокурора (test)"
    by_id = {e.guid.rsplit("/", 1)[-1]: e for e in parsed.entries}
    assert sorted(by_id) == ["10", "12", "13", "14", "16"]  # newest first, no media/service
    assert parsed.entries[0].guid == f"t.me/{CHANNEL}/16"
    first = by_id["10"]
    assert first.link == f"https://t.me/{CHANNEL}/10"
    assert first.title == "First line of a notice"
    assert first.text.startswith("First line of a notice\nits second line")
    assert first.published == NOW - timedelta(hours=3)
    assert first.language == "uk" and first.feed_name == "PGO"
    assert by_id["12"].text.startswith("A caption under a photo")
    assert "Forwarded from Coordination HQ (https://t.me/hq_test/77)" in by_id["13"].text
    assert json.loads(by_id["13"].raw)["forwarded_from"] == "Coordination HQ"
    assert "quoted notice" not in by_id["14"].text
    assert "Report title\nReport summary" in by_id["16"].text


def test_an_edit_is_a_new_entry_keyed_by_its_text() -> None:
    before = parse_channel([page([Post(5, "Short notice")])], CHANNEL, "F", now=NOW).entries[0]
    edited = [Post(5, "Short notice, with more", edited=True)]
    after = parse_channel([page(edited)], CHANNEL, "F", now=NOW).entries[0]
    again = parse_channel([page(edited)], CHANNEL, "F", now=NOW).entries[0]
    assert before.guid == f"t.me/{CHANNEL}/5"
    assert after.guid.startswith(f"t.me/{CHANNEL}/5?edit=") and after.guid == again.guid
    assert after.link != before.link and json.loads(after.raw)["edited"] is True


@pytest.mark.parametrize("word", ["edited", "изменено", "змінено", "Edited"])
def test_the_edit_marker_is_read_in_the_previews_languages(word: str) -> None:
    edited = [Post(5, "Short notice, with more", edited=True, edited_word=word)]
    entry = parse_channel([page(edited)], CHANNEL, "F", now=NOW).entries[0]
    assert json.loads(entry.raw)["edited"] is True


@pytest.mark.parametrize(
    ("broken", "named"),
    [
        (lambda s: s.replace("tgme_channel_history", "tgme_history_v2"), "tgme_channel_history"),
        (lambda s: s.replace("<time datetime=", "<time data-when="), "<time datetime>"),
        (lambda s: s.replace("tgme_widget_message_date", "tgme_post_date"), "<time datetime>"),
        (lambda s: s.replace('data-post="', 'data-id="'), "markup changed"),
    ],
)
def test_changed_markup_is_an_error_naming_what_is_missing(broken: Any, named: str) -> None:
    body = broken(page(posts_range(1, 3)).decode()).encode()
    parsed = parse_channel([body], CHANNEL, "F", now=NOW)
    assert not parsed.is_feed and parsed.entries == ()
    assert parsed.error is not None and named in parsed.error


@settings(max_examples=150, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                "<div class='tgme_widget_message' data-post='pgo_test_ua/7'>",
                '<div class="tgme_widget_message_text">',
                '<a class="tgme_widget_message_date"><time datetime="2025-11-14T10:00:00Z">',
                "</div>",
                "</a></time>",
                "<br/>",
                "edited",
                "&#0;&amp;&#xD800;",
                "\x00\xff",
                "<!--",
                "<script>",
                "Текст",
            ]
        ),
        max_size=40,
    )
)
def test_hostile_pages_never_crash_the_parser(pieces: list[str]) -> None:
    body = page(posts_range(1, 2)).replace(b"</section>", "".join(pieces).encode() + b"</section>")
    parsed = parse_channel(
        [body, "".join(pieces).encode("utf-8", "replace")], CHANNEL, "F", now=NOW
    )
    assert parsed.is_feed or parsed.error


def test_feed_entries_can_name_channels() -> None:
    data = {
        "feeds": [
            {"name": "PGO", "telegram": "PGO_gov_UA"},
            {"telegram": "@ombudsman_test"},
            {"name": "HQ", "url": "https://t.me/s/hq_test"},
            {"name": "Post link", "url": "https://t.me/region_test/123"},
            {"name": "Feed", "url": "https://example.test/rss"},
        ]
    }
    feeds, problems = parse_feeds(data)
    assert problems == []
    assert [(f.name, f.kind, f.url) for f in feeds] == [
        ("PGO", "telegram", "https://t.me/s/pgo_gov_ua"),
        ("@ombudsman_test", "telegram", "https://t.me/s/ombudsman_test"),
        ("HQ", "telegram", "https://t.me/s/hq_test"),
        ("Post link", "telegram", "https://t.me/s/region_test"),
        ("Feed", "rss", "https://example.test/rss"),
    ]
    bad = {
        "feeds": [
            {"name": "A", "telegram": "no"},
            {"name": "B", "telegram": "x_valid", "url": "https://t.me/x_valid"},
            {"name": "C", "telegram": "pgo_gov_ua"},
            {"name": "D", "url": "https://t.me/pgo_gov_ua"},
            {"name": "E", "telegram": 5},
        ]
    }
    _, problems = parse_feeds(bad)
    assert problems == [
        "feeds[0].telegram: 'no' is not a public channel name (5-32 letters, digits or _, "
        "e.g. pgo_gov_ua)",
        "feeds[1]: give either url or telegram, not both",
        "feeds[3].url: 'https://t.me/pgo_gov_ua' is listed twice",
        "feeds[4].telegram: 5 is not a public channel name (5-32 letters, digits or _, "
        "e.g. pgo_gov_ua)",
    ]


def test_preview_base_url_is_validated(make_settings: Any) -> None:
    with pytest.raises(ConfigError, match="TELEGRAM_PREVIEW_BASE_URL: 'ftp://x' is not http"):
        make_settings([], TELEGRAM_PREVIEW_BASE_URL="ftp://x")


# --- polling over loopback ------------------------------------------------------------------


async def _runtime(
    make_settings: Any, channels: ChannelServer, feeds: list[dict[str, Any]], **env: str
) -> tuple[Runtime, io.StringIO]:
    settings = make_settings(feeds, TELEGRAM_PREVIEW_BASE_URL=channels.base_url, **env)
    out = io.StringIO()
    return await open_runtime(settings, TerminalSender(out)), out


async def _state(runtime: Runtime) -> Any:
    return await runtime.worker.run(Store.feed_state, f"https://t.me/s/{CHANNEL}")


async def test_first_poll_pages_a_bounded_backlog_then_only_what_is_new(
    make_settings: Any, channels: ChannelServer
) -> None:
    channel = channels.add(CHANNEL, "PGO", posts_range(1, 70))
    runtime, _ = await _runtime(make_settings, channels, [{"name": "PGO", "telegram": CHANNEL}])
    try:
        report = await tick(runtime, force=True)
        assert report is not None and report.outcomes[0].error is None
        assert channels.requested(CHANNEL) == [
            f"/s/{CHANNEL}",
            f"/s/{CHANNEL}?before=51",
            f"/s/{CHANNEL}?before=31",
        ]
        assert report.totals["new"] == 60  # three pages of 20: 11..70
        # English first, so the preview words its "edited" marker as the parser expects
        assert channels.languages and all(h.startswith("en") for h in channels.languages)
        assert last_seen_id((await _state(runtime)).recent_guids) == 70

        # 25 new posts: page 1 holds 76..95, the page before 76 reaches the last seen (70).
        channel.posts += posts_range(71, 95)
        channels.requests.clear()
        report = await tick(runtime, force=True)
        assert report is not None
        assert channels.requested(CHANNEL) == [f"/s/{CHANNEL}", f"/s/{CHANNEL}?before=76"]
        assert report.totals["new"] == 25
        assert last_seen_id((await _state(runtime)).recent_guids) == 95

        # Nothing new: one request, nothing stored.
        channels.requests.clear()
        report = await tick(runtime, force=True)
        assert report is not None
        assert channels.requested(CHANNEL) == [f"/s/{CHANNEL}"]
        assert report.totals["new"] == 0 and report.outcomes[0].fetched == 20
    finally:
        await close_runtime(runtime)


async def test_a_flood_beyond_the_page_bound_is_a_visible_warning(
    make_settings: Any, channels: ChannelServer
) -> None:
    channel = channels.add(CHANNEL, "PGO", posts_range(1, 5))
    runtime, _ = await _runtime(make_settings, channels, [{"name": "PGO", "telegram": CHANNEL}])
    try:
        await tick(runtime, force=True)
        channel.posts += posts_range(6, 260)
        report = await tick(runtime, force=True)
        assert report is not None and report.totals["new"] == 200  # MAX_PAGES of 20
        state = await _state(runtime)
        assert "posts 6…60 were not read" in str(state.last_warning)
    finally:
        await close_runtime(runtime)


async def test_an_edit_that_adds_the_report_is_classified_and_alerted(
    make_settings: Any, channels: ChannelServer
) -> None:
    channel = channels.add(CHANNEL, "PGO", [*posts_range(1, 3), Post(4, "Оновлення буде згодом.")])
    channel.posts[-1].age_hours = 0.3
    runtime, out = await _runtime(
        make_settings, channels, [{"name": "PGO", "telegram": CHANNEL, "language": "uk"}]
    )
    try:
        report = await tick(runtime, force=True)
        assert report is not None and report.totals["flagged"] == 0
        channel.posts[-1] = Post(4, EXECUTION_POST, age_hours=0.3, edited=True)
        report = await tick(runtime, force=True)
        assert report is not None
        assert report.totals["new"] == 1 and report.totals["flagged"] == 1
        assert out.getvalue().count("===== ALERT =====") == 1
        assert f"https://t.me/{CHANNEL}/4?edit=" in out.getvalue()
        report = await tick(runtime, force=True)  # the same edit again: nothing new
        assert report is not None and report.totals["new"] == 0
    finally:
        await close_runtime(runtime)


async def test_forwarded_report_keeps_its_source_and_media_only_posts_are_skipped(
    make_settings: Any, channels: ChannelServer
) -> None:
    forwarded = ("Coordination HQ (test)", "https://t.me/hq_test_ua/41")
    channels.add(
        CHANNEL,
        "PGO",
        [
            Post(1, "", photo=True, age_hours=2),
            Post(2, EXECUTION_POST, forwarded_from=forwarded, age_hours=1),
            Post(3, "", photo=True, age_hours=0.5),
        ],
    )
    runtime, out = await _runtime(
        make_settings, channels, [{"name": "PGO", "telegram": CHANNEL, "language": "uk"}]
    )
    try:
        report = await tick(runtime, force=True)
        assert report is not None and report.outcomes[0].error is None
        assert report.totals["fetched"] == report.totals["new"] == 1  # the photos: nothing
        assert report.totals["flagged"] == 1
        [row] = await runtime.worker.run(
            lambda s: list(
                s.db.query(
                    "select a.text, t.raw_entry from articles a "
                    "join article_trail t on t.article_id = a.id"
                )
            )
        )
        assert row["text"].endswith(
            "Forwarded from Coordination HQ (test) (https://t.me/hq_test_ua/41)"
        )
        assert json.loads(row["raw_entry"])["forwarded_link"] == forwarded[1]
        assert f"https://t.me/{CHANNEL}/2" in out.getvalue()
    finally:
        await close_runtime(runtime)


async def test_a_channel_that_disappears_is_a_feed_error(
    make_settings: Any, channels: ChannelServer
) -> None:
    channel = channels.add(CHANNEL, "PGO", posts_range(1, 3))
    runtime, _ = await _runtime(make_settings, channels, [{"name": "PGO", "telegram": CHANNEL}])
    try:
        await tick(runtime, force=True)
        channel.gone = True
        report = await tick(runtime, force=True)
        assert report is not None
        error = str(report.outcomes[0].error)
        assert error.startswith(f"@{CHANNEL} has no public preview (redirected to http://")
        state = await _state(runtime)
        assert state.error_count == 1 and state.last_error == error
        assert last_seen_id(state.recent_guids) == 3  # kept for when it comes back
    finally:
        await close_runtime(runtime)


async def test_changed_markup_fails_the_poll_loudly(
    make_settings: Any, channels: ChannelServer
) -> None:
    channel = channels.add(CHANNEL, "PGO", posts_range(1, 3))
    channel.body = page(posts_range(1, 3)).decode().replace("<time datetime=", "<time x=")
    runtime, _ = await _runtime(make_settings, channels, [{"name": "PGO", "telegram": CHANNEL}])
    try:
        report = await tick(runtime, force=True)
        assert report is not None and report.totals["new"] == 0
        assert "post 1 has no <time datetime>" in str(report.outcomes[0].error)
        assert (await _state(runtime)).error_count == 1
    finally:
        await close_runtime(runtime)


@pytest.mark.parametrize("before", [None, 51])
async def test_429_retry_after_is_honoured_and_nothing_is_half_read(
    make_settings: Any, channels: ChannelServer, before: int | None
) -> None:
    channels.add(CHANNEL, "PGO", posts_range(1, 70))
    channels.fail(CHANNEL, 429, before=before, retry_after=1800)
    runtime, _ = await _runtime(make_settings, channels, [{"name": "PGO", "telegram": CHANNEL}])
    try:
        report = await tick(runtime, force=True)
        assert report is not None
        assert report.totals["new"] == 0  # a failed page fails the poll: no gap is ever made
        assert report.outcomes[0].status == "429"
        assert "HTTP 429" in str(report.outcomes[0].error)
        state = await _state(runtime)
        assert state.next_due_at >= report.started_at + timedelta(seconds=1799)
        assert last_seen_id(state.recent_guids) is None
        report = await tick(runtime, force=True)  # the retry reads the whole backlog
        assert report is not None and report.totals["new"] == 60
    finally:
        await close_runtime(runtime)


# --- the whole chain ------------------------------------------------------------------------


async def test_post_and_article_about_one_killing_make_one_incident_and_one_alert(
    make_settings: Any, channels: ChannelServer, feed_server: FeedServer, bot_api: FakeBotAPI
) -> None:
    from tests.telegram_helpers import running_bot
    from tests.test_pipeline import channel_posts

    channels.add(CHANNEL, "PGO", [*posts_range(1, 4), Post(5, EXECUTION_POST, age_hours=1)])
    url = feed_server.set("/news.xml", rss([EXECUTION_ARTICLE]))
    settings = make_settings(
        [
            {"name": "PGO channel", "telegram": CHANNEL, "language": "uk"},
            {"name": "Example News", "url": url, "language": "en"},
        ],
        api=bot_api,
        TELEGRAM_PREVIEW_BASE_URL=channels.base_url,
    )
    async with running_bot(settings) as app:
        runtime: Runtime = app.bot_data.runtime
        report = await tick(runtime, force=True)
        assert report is not None and report.totals["flagged"] == 2
        rows = await runtime.worker.run(
            lambda s: list(s.db.query("select link, incident_id from articles where flagged"))
        )
        assert {r["link"] for r in rows} == {
            f"https://t.me/{CHANNEL}/5",
            EXECUTION_ARTICLE.link,
        }
        assert len({r["incident_id"] for r in rows}) == 1
        texts = [p.get("text", "") for p in channel_posts(bot_api)]
        edits = [
            p.get("text", "")
            for p in bot_api.sent("editMessageText")
            if str(p.get("chat_id")) == str(settings.channel_id)
        ]
        assert len(texts) == 1  # one incident, one message (updated, not repeated)
        assert any(f"t.me/{CHANNEL}/5" in t for t in [*texts, *edits])
