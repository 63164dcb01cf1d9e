"""Build and run the bot: the PTB Application (token set) or the terminal mode (no token).

Both poll feeds through APScheduler from the first second (PTB's JobQueue, started before
getMe; an AsyncIOScheduler in terminal mode); in Telegram mode getMe is retried beside it, and
commands and alert delivery start once Telegram answers.
"""

from __future__ import annotations

import asyncio
import contextlib
import gc
import logging
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime
from typing import Any

from apscheduler.schedulers.asyncio import AsyncIOScheduler
from telegram import Bot, BotCommand, Update
from telegram.error import InvalidToken, TelegramError
from telegram.ext import AIORateLimiter, Application, ApplicationBuilder, ContextTypes, JobQueue

from bot import metrics
from bot.alerts.escalate import delivery_problem, failed_alert_problem
from bot.alerts.notify import (
    DeliveryReport,
    Sender,
    TelegramSender,
    TerminalSender,
    deliver_pending,
)
from bot.botapi import TolerantRequest
from bot.cli.health import beat
from bot.config import TICK_SECONDS, Settings, plural
from bot.feeds.fetch import make_session
from bot.lifecycle import Stopper
from bot.models import CycleReport
from bot.poll import run_cycle
from bot.runtime import BotContext, BotData, Runtime
from bot.workers import RestartingPool
from handlers import register_all
from handlers.public import ADMIN_COMMANDS, COMMANDS
from handlers.watch import run_watch
from storage.store import Store, StoreError
from storage.worker import StoreWorker

logger = logging.getLogger(__name__)

CONNECT_RETRY_MAX = 60.0  # seconds between two tries to reach Telegram, at most
TOKEN_REJECTED = "Telegram rejected the bot token (check TELEGRAM_BOT_TOKEN)"


class TokenRejected(Exception):
    """Telegram refused the token; the message never contains the token itself."""

    def __init__(self) -> None:
        super().__init__(TOKEN_REJECTED)


async def open_runtime(settings: Settings, sender: Sender | None = None) -> Runtime:
    worker = await asyncio.to_thread(StoreWorker, settings.database_path)
    session = make_session(
        settings.fetch_timeout, settings.fetch_concurrency, settings.allowed_private_networks
    )
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
        if report.storage_error is not None:
            await _tell_storage(runtime, report.storage_error)
        await deliver(runtime)  # retries of earlier alerts, and any the cycle left
        await asyncio.to_thread(beat, runtime.settings.database_path)  # `python -m bot health`
        return report
    except StoreError as exc:
        await _tell_storage(runtime, str(exc))
        return None
    finally:
        runtime.cycle_running = False


async def _tell_storage(runtime: Runtime, problem: str) -> None:
    admins = runtime.settings.admin_ids
    await runtime.escalator.escalate(runtime.bot, admins, "storage", problem)


async def deliver(runtime: Runtime, *, now: datetime | None = None) -> None:
    """Deliver the outbox now (once Telegram is reachable), then metrics and escalation."""
    if not runtime.can_deliver:
        return  # alerts wait in the outbox until Telegram answers
    delivery = await deliver_pending(
        runtime.worker, runtime.sender, now=now, posted=runtime.posted
    )
    await _after_delivery(runtime, delivery)


async def _after_delivery(runtime: Runtime, delivery: DeliveryReport) -> None:
    """Metrics, and the admins told (rate-limited) when only a human can fix delivery."""
    if metrics.is_serving():
        pending = await runtime.worker.run(Store.outbox_depth)
        metrics.observe_delivery(delivery.sent, pending, delivery.error is not None)
    admins = runtime.settings.admin_ids
    for alert_id, incident_id, error in delivery.failed:
        # A new key per alert: each given-up alert is told exactly once.
        problem = failed_alert_problem(alert_id, incident_id, error)
        await runtime.escalator.escalate(runtime.bot, admins, f"alert {alert_id}", problem)
    if delivery.is_fatal and delivery.error:
        problem = delivery_problem(delivery.error, delivery.waiting)
        await runtime.escalator.escalate(runtime.bot, admins, "delivery", problem)


def file_base_url(api_base_url: str) -> str:
    """Where getFile downloads live: ".../bot" -> ".../file/bot" (the official layout)."""
    if api_base_url.endswith("/bot"):
        return api_base_url[: -len("/bot")] + "/file/bot"
    return "https://api.telegram.org/file/bot"


def build_application(settings: Settings) -> Application:  # type: ignore[type-arg]
    """The PTB Application: rate limiter with retries, typed bot_data, handlers."""
    assert settings.token is not None
    context_types = ContextTypes(context=BotContext, bot_data=BotData)
    app: Application[Any, Any, Any, Any, Any, Any] = (
        ApplicationBuilder()
        .token(settings.token)
        .base_url(settings.api_base_url)
        .base_file_url(file_base_url(settings.api_base_url))
        .context_types(context_types)
        .rate_limiter(AIORateLimiter(max_retries=3))
        .request(TolerantRequest(connection_pool_size=256))
        .get_updates_request(TolerantRequest(connection_pool_size=1))
        .build()
    )
    register_all(app, settings.admin_ids)
    return app


async def attach_runtime(app: Application, settings: Settings) -> Runtime:  # type: ignore[type-arg]
    """Open the store and session for this Application; alerts wait until Telegram answers."""
    assert settings.channel_id is not None
    sender = TelegramSender(
        app.bot,
        settings.channel_id,
        silent=settings.alerts_silent,
        quiet_hours=settings.quiet_hours,
    )
    runtime = await open_runtime(settings, sender)
    runtime.can_deliver = False
    app.bot_data.runtime = runtime
    return runtime


async def connect_telegram(app: Application, runtime: Runtime) -> None:  # type: ignore[type-arg]
    """getMe until Telegram answers (feeds are polled meanwhile); TokenRejected if it refuses."""
    delay = 2.0
    warned = False
    while True:
        try:
            await app.initialize()
            break
        except InvalidToken:
            raise TokenRejected from None
        except (TelegramError, OSError) as exc:
            # One WARNING per outage; the retries after it would only repeat it.
            log = logger.debug if warned else logger.warning
            log(
                "Telegram is unreachable (%s); retrying in %.0fs, then at most every %.0fs; "
                "feeds are polled meanwhile and alerts wait in the outbox",
                f"{type(exc).__name__}: {exc}"[:200],
                delay,
                CONNECT_RETRY_MAX,
            )
            warned = True
            await asyncio.sleep(delay)
            delay = min(delay * 2, CONNECT_RETRY_MAX)
    if warned:
        logger.info("Telegram is reachable again")
    await on_connected(app, runtime)


async def on_connected(app: Application, runtime: Runtime) -> None:  # type: ignore[type-arg]
    """Command menu, the channel's numeric id, and delivery switched on."""
    commands = [BotCommand(name, line.split(" — ", 1)[1][:256]) for name, line in COMMANDS]
    commands += [BotCommand(name, line.split(" — ", 1)[1][:256]) for name, line in ADMIN_COMMANDS]
    try:
        await app.bot.set_my_commands(commands)
    except TelegramError as exc:
        # Optional: a Bot API server without setMyCommands (an emulator) still runs the bot.
        logger.warning("setMyCommands failed (%s); the command menu may be stale", exc)
    channel = runtime.settings.channel_id
    if isinstance(channel, str):
        # "@name" works for sending, but updates from the channel carry only its numeric id.
        try:
            chat = await app.bot.get_chat(channel)
        except TelegramError as exc:
            logger.warning("could not look up channel %s: %s", channel, exc)
        else:
            runtime.channel_chat_id = chat.id
            if isinstance(runtime.sender, TelegramSender):
                runtime.sender.chat_id = chat.id
            logger.info("channel %s is chat %d", channel, chat.id)
    runtime.can_deliver = True


def _jobs(
    runtime: Runtime, stopper: Stopper
) -> tuple[tuple[str, float, Callable[[], Awaitable[None]]], ...]:
    """The tick (feeds, outbox) and the watch job (feeds file, alarms): name, seconds, step."""

    async def step() -> None:
        await stopper.run(lambda: tick(runtime))

    async def watch() -> None:
        await run_watch(runtime, runtime.bot, runtime.watch, datetime.now(UTC))

    # A poll interval shorter than the tick would otherwise be stretched to the tick.
    every = min(TICK_SECONDS, runtime.settings.poll_interval)
    return (("poll", every, step), ("watch", TICK_SECONDS, watch))


def schedule_on_job_queue(jobs: JobQueue[BotContext], runtime: Runtime, stopper: Stopper) -> None:
    """Telegram mode: the jobs on PTB's JobQueue (APScheduler), one run of each at a time."""
    for name, seconds, run in _jobs(runtime, stopper):

        async def callback(context: BotContext, run: Callable[[], Awaitable[None]] = run) -> None:
            del context  # the runtime is bound already: the job runs before Telegram answers
            await run()

        jobs.run_repeating(
            callback,
            interval=seconds,
            first=seconds,
            name=name,
            job_kwargs={"max_instances": 1, "coalesce": True},
        )


def _scheduler(runtime: Runtime, stopper: Stopper) -> AsyncIOScheduler:
    """Terminal mode (no Application, so no JobQueue): the same jobs on an AsyncIOScheduler."""
    scheduler = AsyncIOScheduler()
    for name, seconds, run in _jobs(runtime, stopper):
        scheduler.add_job(
            run, "interval", seconds=seconds, max_instances=1, coalesce=True, name=name
        )
    return scheduler


async def serve_telegram(settings: Settings, stop: asyncio.Event | None = None) -> None:
    """Poll feeds from the first second; answer commands and post alerts once Telegram answers.

    Runs until SIGTERM/SIGINT (or `stop` is set); raises TokenRejected if Telegram refuses.
    """
    app = build_application(settings)
    runtime = await attach_runtime(app, settings)
    stop = stop or asyncio.Event()
    stopper = Stopper()
    stopper.install(stop.set)  # SIGTERM: finish the running step, then stop
    jobs = app.job_queue
    assert jobs is not None
    schedule_on_job_queue(jobs, runtime, stopper)
    # Started here, not by app.start(): that waits for getMe, and feeds must not.
    await jobs.start()
    logger.info(
        "bot started: %s, channel %s", plural(len(runtime.feeds), "feed"), settings.channel_id
    )
    first = asyncio.create_task(stopper.run(lambda: tick(runtime)))
    connecting = asyncio.create_task(connect_telegram(app, runtime))
    stopped = asyncio.create_task(stop.wait())
    try:
        await asyncio.wait({connecting, stopped}, return_when=asyncio.FIRST_COMPLETED)
        if connecting.done():
            connecting.result()  # TokenRejected propagates
            assert app.updater is not None
            await app.updater.start_polling(
                allowed_updates=Update.ALL_TYPES, drop_pending_updates=False, bootstrap_retries=-1
            )
            await app.start()
            await stopped
    finally:
        for task in (connecting, stopped):
            task.cancel()
        await stopper.stop()
        with contextlib.suppress(Exception):
            await first
        if jobs.scheduler.running:
            await jobs.stop(wait=False)
        if app.updater is not None and app.updater.running:
            await app.updater.stop()
        if app.running:
            await app.stop()
        await app.shutdown()
        await app.bot.shutdown()  # closes its HTTP client if getMe never succeeded
        await close_runtime(runtime)
        logger.info("stopped")


def run_telegram(settings: Settings) -> None:
    asyncio.run(serve_telegram(settings))


async def run_terminal(settings: Settings) -> None:
    """No token: poll on schedule and print alerts to the terminal until SIGINT/SIGTERM."""
    runtime = await open_runtime(settings)
    stop = asyncio.Event()
    stopper = Stopper()
    stopper.install(stop.set)  # SIGTERM: finish the running step, then stop
    # Hand edits of feeds.yaml and feed alarms, as in Telegram mode (messages go to the log).
    scheduler = _scheduler(runtime, stopper)
    scheduler.start()
    logger.info(
        "terminal mode: no TELEGRAM_BOT_TOKEN, alerts are printed here; %s",
        plural(len(runtime.feeds), "feed"),
    )
    first = asyncio.create_task(stopper.run(lambda: tick(runtime)))
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
    bot: Bot | None = None
    is_connected = True
    if settings.token:
        bot = Bot(settings.token, base_url=settings.api_base_url, request=TolerantRequest())
        try:
            await bot.initialize()
        except InvalidToken:
            raise TokenRejected from None
        except (TelegramError, OSError) as exc:
            logger.warning(
                "Telegram is unreachable (%s); feeds are polled, alerts wait in the outbox",
                f"{type(exc).__name__}: {exc}"[:200],
            )
            is_connected = False
        assert settings.channel_id is not None
        sender = TelegramSender(bot, settings.channel_id)
    else:
        sender = TerminalSender()
    runtime = await open_runtime(settings, sender)
    runtime.can_deliver = is_connected
    try:
        report = await tick(runtime, force=True)
        assert report is not None
        return report
    finally:
        await close_runtime(runtime)
        if bot is not None:
            await bot.shutdown()
