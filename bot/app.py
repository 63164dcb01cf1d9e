"""Build and run the bot: the PTB Application (token set) or the terminal mode (no token).

Both poll through APScheduler: PTB's JobQueue, or an AsyncIOScheduler in terminal mode.
"""

from __future__ import annotations

import asyncio
import gc
import logging
from datetime import UTC, datetime
from typing import Any

from apscheduler.schedulers.asyncio import AsyncIOScheduler
from telegram import BotCommand, Update
from telegram.ext import AIORateLimiter, Application, ApplicationBuilder, ContextTypes

from bot import metrics
from bot.alerts.escalate import Escalator, delivery_problem
from bot.alerts.notify import (
    DeliveryReport,
    Sender,
    TelegramSender,
    TerminalSender,
    deliver_pending,
)
from bot.config import Settings
from bot.feeds.fetch import make_session
from bot.lifecycle import Stopper
from bot.poll import CycleReport, run_cycle
from bot.runtime import BotContext, Runtime
from bot.workers import RestartingPool
from handlers import register_all
from handlers.public import ADMIN_COMMANDS, COMMANDS
from handlers.watch import run_watch, watch_job, watch_state
from storage.store import Store, StoreError
from storage.worker import StoreWorker

logger = logging.getLogger(__name__)

TICK_SECONDS = 15  # how often due feeds and the outbox are checked; feeds keep their own interval
ESCALATOR = Escalator()  # admins told, at most every 30 min, when only a human can fix delivery


async def open_runtime(settings: Settings, sender: Sender | None = None) -> Runtime:
    worker = await asyncio.to_thread(StoreWorker, settings.database_path)
    session = make_session(settings.fetch_timeout, settings.fetch_concurrency)
    metrics.start(settings.metrics_port, settings.metrics_host)
    cpu = RestartingPool(settings.worker_processes) if settings.worker_processes > 0 else None
    runtime = Runtime(
        settings=settings,
        worker=worker,
        session=session,
        sender=sender or TerminalSender(),
        feeds=settings.feeds,
        cpu=cpu,
    )
    # Start-up objects (modules, the Application, sessions) live as long as the process: keep
    # them out of the cyclic collector's full passes, which otherwise stalled the event loop
    # for up to 60-70 ms during a cold cycle (python -m bench: worst stall 51-71 -> 21-23 ms).
    # Once per process: a later runtime (tests open many) must not freeze what is garbage.
    if not gc.get_freeze_count():
        gc.freeze()
    return runtime


async def close_runtime(runtime: Runtime) -> None:
    await runtime.session.close()
    await asyncio.to_thread(runtime.worker.close)
    await asyncio.to_thread(metrics.stop)
    if runtime.cpu is not None:
        runtime.cpu.shutdown(wait=True, cancel_futures=True)


async def tick(runtime: Runtime, *, force: bool = False) -> CycleReport | None:
    """Poll due feeds, then deliver the outbox; never overlaps itself."""
    if runtime.cycle_running:
        return None
    runtime.cycle_running = True
    try:
        report = await run_cycle(
            runtime.poll_context(), runtime.feeds, force=force, on_alerts=lambda: deliver(runtime)
        )
        if report.outcomes:
            runtime.last_cycle = report
        outcomes = [(o.feed, o.new, o.flagged, o.error is not None) for o in report.outcomes]
        metrics.observe_cycle(outcomes, report.duration)
        await deliver(runtime)  # retries of earlier alerts, and any the cycle left
        return report
    except StoreError as exc:
        bot = getattr(runtime.sender, "bot", None)
        await ESCALATOR.escalate(bot, runtime.settings.admin_ids, "storage", str(exc))
        return None
    finally:
        runtime.cycle_running = False


async def deliver(runtime: Runtime) -> None:
    """Deliver the outbox now, then metrics and escalation."""
    delivery = await deliver_pending(runtime.worker, runtime.sender)
    await _after_delivery(runtime, delivery)


async def _after_delivery(runtime: Runtime, delivery: DeliveryReport) -> None:
    """Metrics, and the admins told (rate-limited) when only a human can fix delivery."""
    if metrics.is_serving():
        pending = await runtime.worker.run(Store.outbox_depth)
        metrics.observe_delivery(delivery.sent, pending, delivery.error is not None)
    if delivery.is_fatal and delivery.error:
        problem = delivery_problem(delivery.error, delivery.waiting)
        bot = getattr(runtime.sender, "bot", None)
        await ESCALATOR.escalate(bot, runtime.settings.admin_ids, "delivery", problem)


def file_base_url(api_base_url: str) -> str:
    """Where getFile downloads live: ".../bot" -> ".../file/bot" (the official layout)."""
    if api_base_url.endswith("/bot"):
        return api_base_url[: -len("/bot")] + "/file/bot"
    return "https://api.telegram.org/file/bot"


def build_application(settings: Settings) -> Application:  # type: ignore[type-arg]
    """The PTB Application: rate limiter with retries, JobQueue polling, handlers."""
    assert settings.token is not None
    context_types = ContextTypes(context=BotContext)
    app: Application[Any, Any, Any, Any, Any, Any] = (
        ApplicationBuilder()
        .token(settings.token)
        .base_url(settings.api_base_url)
        .base_file_url(file_base_url(settings.api_base_url))
        .context_types(context_types)
        .rate_limiter(AIORateLimiter(max_retries=3))
        .post_init(_post_init)
        .post_shutdown(_post_shutdown)
        .build()
    )
    app.bot_data["settings"] = settings
    register_all(app, settings.admin_ids)
    return app


async def _post_init(app: Application) -> None:  # type: ignore[type-arg]
    settings: Settings = app.bot_data["settings"]
    assert settings.channel_id is not None
    sender = TelegramSender(
        app.bot,
        settings.channel_id,
        silent=settings.alerts_silent,
        quiet_hours=settings.quiet_hours,
    )
    runtime = await open_runtime(settings, sender)
    app.bot_data["runtime"] = runtime
    commands = [BotCommand(name, line.split(" — ", 1)[1][:256]) for name, line in COMMANDS]
    commands += [BotCommand(name, line.split(" — ", 1)[1][:256]) for name, line in ADMIN_COMMANDS]
    try:
        await app.bot.set_my_commands(commands)
    except Exception:
        logger.warning("setMyCommands failed; the command menu may be stale", exc_info=True)
    assert app.job_queue is not None
    # A poll interval shorter than the tick would otherwise be stretched to the tick.
    every = min(TICK_SECONDS, settings.poll_interval)
    app.job_queue.run_repeating(_tick_job, interval=every, first=1, name="poll")
    stopper = app.bot_data["stopper"] = Stopper()
    stopper.install(app.stop_running)  # SIGTERM: finish the running step, then stop
    # Hand edits of the feeds file and feed alarms (admins' direct messages), every tick.
    app.job_queue.run_repeating(watch_job, interval=TICK_SECONDS, first=TICK_SECONDS, name="watch")
    logger.info("bot started: %d feeds, channel %s", len(runtime.feeds), settings.channel_id)


async def _tick_job(context: BotContext) -> None:
    stopper = context.bot_data.get("stopper")
    if isinstance(stopper, Stopper):
        await stopper.run(lambda: tick(context.runtime))
    else:
        await tick(context.runtime)


async def _post_shutdown(app: Application) -> None:  # type: ignore[type-arg]
    runtime = app.bot_data.get("runtime")
    if isinstance(runtime, Runtime):
        await close_runtime(runtime)


def run_telegram(settings: Settings) -> None:
    app = build_application(settings)
    # bootstrap_retries=-1: if Telegram is unreachable at start, keep trying instead of exiting.
    app.run_polling(
        allowed_updates=Update.ALL_TYPES, drop_pending_updates=False, bootstrap_retries=-1
    )


async def run_terminal(settings: Settings) -> None:
    """No token: poll on schedule and print alerts to the terminal until SIGINT/SIGTERM."""
    runtime = await open_runtime(settings)
    stop = asyncio.Event()
    stopper = Stopper()
    stopper.install(stop.set)  # SIGTERM: finish the running step, then stop

    async def step() -> None:
        await stopper.run(lambda: tick(runtime))

    # Hand edits of feeds.yaml and feed alarms, as in Telegram mode (messages go to the log).
    watching = watch_state({}, runtime)

    async def watch() -> None:
        await run_watch(runtime, None, watching, datetime.now(UTC))

    scheduler = AsyncIOScheduler()
    every = min(TICK_SECONDS, settings.poll_interval)
    scheduler.add_job(step, "interval", seconds=every, max_instances=1, coalesce=True)
    scheduler.add_job(watch, "interval", seconds=TICK_SECONDS, max_instances=1, coalesce=True)
    scheduler.start()
    logger.info(
        "terminal mode: no TELEGRAM_BOT_TOKEN, alerts are printed here; %d feeds",
        len(runtime.feeds),
    )
    first = asyncio.create_task(step())
    try:
        await stop.wait()
    finally:
        await stopper.stop()
        await first
        scheduler.shutdown(wait=False)
        await close_runtime(runtime)
        logger.info("stopped")


async def run_once(settings: Settings) -> CycleReport:
    """One cycle over every enabled feed (due or not), alerts delivered, then exit."""
    sender: Sender
    if settings.token:
        from telegram import Bot

        bot = Bot(settings.token, base_url=settings.api_base_url)
        await bot.initialize()
        assert settings.channel_id is not None
        sender = TelegramSender(bot, settings.channel_id)
    else:
        bot = None
        sender = TerminalSender()
    runtime = await open_runtime(settings, sender)
    try:
        report = await tick(runtime, force=True)
        assert report is not None
        return report
    finally:
        await close_runtime(runtime)
        if bot is not None:
            await bot.shutdown()
