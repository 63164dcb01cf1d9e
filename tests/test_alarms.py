"""Feed alarms: raised once when a feed fails too long or goes silent, cleared once, via DMs."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

from bot.alerts.alarms import FAILING, SILENT, decide, silence_limit, usual_gap
from bot.alerts.render import render_alarm
from bot.models import FeedSpec
from bot.runtime import Runtime
from handlers.watch import run_watch
from storage.feedstate import FeedState
from storage.store import Store
from tests.conftest import ADMIN_ID, CHANNEL_ID
from tests.servers import FakeBotAPI
from tests.telegram_helpers import running_bot

NOW = datetime(2024, 5, 1, 12, 0, tzinfo=UTC)
HOUR = timedelta(hours=1)
NEVER_DUE = datetime(2100, 1, 1, tzinfo=UTC)  # keeps the bot's own poll job off these feeds
SPEC = FeedSpec("Alpha", "https://alpha.test/rss")


def failing_state(since: datetime) -> FeedState:
    return FeedState(
        url=SPEC.url,
        name=SPEC.name,
        last_attempt_at=NOW,
        last_error="HTTP 503 Service Unavailable",
        error_count=7,
        failing_since=since,
        next_due_at=NEVER_DUE,
    )


def hourly(count: int, last: datetime) -> list[datetime]:
    return [last - HOUR * i for i in range(count)]


def test_usual_gap_needs_history_and_silence_has_a_floor() -> None:
    assert usual_gap(hourly(5, NOW)) is None  # four gaps: too little to judge
    assert usual_gap(hourly(6, NOW)) == HOUR
    assert silence_limit(hourly(20, NOW)) == timedelta(hours=24)  # 4 h, raised to the minimum
    daily = [NOW - timedelta(days=2 * i) for i in range(10)]
    assert silence_limit(daily) == timedelta(days=8)


def test_failing_alarm_starts_after_the_threshold_then_clears() -> None:
    after = timedelta(minutes=60)
    args: dict[str, Any] = {"published": {}, "failing_after": after}
    short = decide(
        [SPEC], {SPEC.url: failing_state(NOW - 30 * timedelta(minutes=1))}, {}, **args, now=NOW
    )
    assert short == []
    started = decide([SPEC], {SPEC.url: failing_state(NOW - 2 * HOUR)}, {}, **args, now=NOW)
    assert [(c.kind, c.is_raised) for c in started] == [(FAILING, True)]
    assert "Alpha" in render_alarm(started[0]) and "HTTP 503" in render_alarm(started[0])
    raised = {(SPEC.url, FAILING): NOW}
    still = decide([SPEC], {SPEC.url: failing_state(NOW - 3 * HOUR)}, raised, **args, now=NOW)
    assert still == []  # no repeat while it keeps failing
    ok = FeedState(url=SPEC.url, name=SPEC.name, last_success_at=NOW, last_new_item_at=NOW)
    cleared = decide([SPEC], {SPEC.url: ok}, raised, **args, now=NOW + HOUR)
    assert [(c.kind, c.is_raised, c.notify) for c in cleared] == [(FAILING, False, True)]
    assert "works again" in render_alarm(cleared[0])


def test_silent_alarm_uses_the_feeds_own_rhythm() -> None:
    history = {SPEC.name: hourly(30, NOW - 30 * HOUR)}  # hourly until 30 h ago
    state = FeedState(url=SPEC.url, name=SPEC.name, last_new_item_at=NOW - 30 * HOUR)
    started = decide([SPEC], {SPEC.url: state}, {}, history, NOW, HOUR)
    assert [(c.kind, c.is_raised) for c in started] == [(SILENT, True)]
    assert "nothing new for 30.0 h" in render_alarm(started[0])
    raised = {(SPEC.url, SILENT): NOW}
    assert decide([SPEC], {SPEC.url: state}, raised, history, NOW + HOUR, HOUR) == []
    fresh = FeedState(url=SPEC.url, name=SPEC.name, last_new_item_at=NOW + 2 * HOUR)
    cleared = decide([SPEC], {SPEC.url: fresh}, raised, history, NOW + 2 * HOUR, HOUR)
    assert [(c.kind, c.is_raised) for c in cleared] == [(SILENT, False)]
    # A feed with little history is never called silent.
    few = {SPEC.name: hourly(3, NOW - 90 * HOUR)}
    assert decide([SPEC], {SPEC.url: state}, {}, few, NOW, HOUR) == []


def test_paused_or_removed_feeds_drop_alarms_quietly() -> None:
    raised = {(SPEC.url, FAILING): NOW, (SPEC.url, SILENT): NOW}
    paused = FeedSpec(SPEC.name, SPEC.url, enabled=False)
    changes = decide([paused], {}, raised, {}, NOW, HOUR)
    assert {(c.kind, c.is_raised, c.notify) for c in changes} == {
        (FAILING, False, False),
        (SILENT, False, False),
    }
    assert len(decide([], {}, raised, {}, NOW, HOUR)) == 2


def admin_dms(api: FakeBotAPI) -> list[str]:
    return [p["text"] for p in api.sent() if str(p.get("chat_id")) == str(ADMIN_ID)]


async def test_alarm_is_sent_once_survives_a_restart_and_clears_once(
    bot_api: FakeBotAPI, make_settings: Any
) -> None:
    settings = make_settings(
        [{"name": "Alpha", "url": SPEC.url}], api=bot_api, FEED_FAILING_ALARM_MINUTES="30"
    )
    async with running_bot(settings) as app:
        runtime: Runtime = app.bot_data.runtime
        state = runtime.watch
        await runtime.worker.run(
            Store.save_feed_state, failing_state(NOW - 20 * timedelta(minutes=1))
        )
        await run_watch(runtime, app.bot, state, NOW)
        assert admin_dms(bot_api) == []  # 20 min < 30 min
        for minutes in (15, 30, 45):
            await run_watch(runtime, app.bot, state, NOW + timedelta(minutes=minutes))
        dms = admin_dms(bot_api)
        assert len(dms) == 1 and "has been failing" in dms[0] and "Alpha" in dms[0]
        assert not any(str(p.get("chat_id")) == str(CHANNEL_ID) for p in bot_api.sent())

    async with running_bot(settings) as app:  # a restart does not announce it again
        runtime = app.bot_data.runtime
        state = runtime.watch
        await run_watch(runtime, app.bot, state, NOW + 2 * HOUR)
        assert len(admin_dms(bot_api)) == 1
        recovered = FeedState(
            url=SPEC.url,
            name=SPEC.name,
            last_attempt_at=NOW,
            last_success_at=NOW + 2 * HOUR,
            next_due_at=NEVER_DUE,
        )
        await runtime.worker.run(Store.save_feed_state, recovered)
        await run_watch(runtime, app.bot, state, NOW + 3 * HOUR)
        await run_watch(runtime, app.bot, state, NOW + 4 * HOUR)
        dms = admin_dms(bot_api)
        assert len(dms) == 2 and "works again" in dms[1]
        assert await runtime.worker.run(Store.raised_alarms) == {}
