"""Analyst commands: /export of incidents as CSV and JSON files, narrowed by filters."""

from __future__ import annotations

import asyncio
import logging
from datetime import UTC, datetime

from telegram import InputFile, Update
from telegram.error import TelegramError
from telegram.ext import Application

from bot.alerts.render import esc, render_stats
from bot.reports.chart import monthly_series, render_chart
from bot.reports.export import incident_row, to_csv, to_json
from bot.reports.query import parse_query
from bot.runtime import BotContext
from handlers.access import command
from handlers.public import reply
from storage.history import IncidentFilter
from storage.store import Store

logger = logging.getLogger(__name__)

EXPORT_USAGE = (
    "Usage: /export [since:2024-01-01] [until:2024-12-31] [place:Pokrovsk] [min:5] — "
    "sends every matching incident as CSV and JSON."
)


def incident_filter(text: str) -> tuple[IncidentFilter | None, list[str]]:
    """Filters from command arguments; words that are not filters are a usage error."""
    query = parse_query(text)
    problems = list(query.problems)
    if query.words:
        problems.append("only filters are understood here, not search words")
    if problems:
        return None, problems
    place = query.places[0] if query.places else None
    return IncidentFilter(query.since, query.until, place, query.min_victims), []


async def export(update: Update, context: BotContext) -> None:
    message = update.effective_message
    if message is None:
        return
    flt, problems = incident_filter(" ".join(context.args or [])[:500])
    if flt is None:
        await reply(update, ["\n".join([esc(EXPORT_USAGE), *(esc(p) for p in problems)])])
        return
    rows = await context.runtime.worker.read(Store.export_rows, flt)
    if not rows:
        await reply(update, ["No incidents match."])
        return
    table = [incident_row(record, articles, review) for record, articles, review in rows]
    stamp = datetime.now(UTC).strftime("%Y%m%d-%H%M")
    caption = f"{len(table)} incidents"
    try:
        await message.reply_document(
            InputFile(to_csv(table), filename=f"powwatch-incidents-{stamp}.csv"), caption=caption
        )
        await message.reply_document(
            InputFile(to_json(table), filename=f"powwatch-incidents-{stamp}.json"),
            caption=caption,
        )
    except TelegramError as exc:
        await _not_sent(update, "the export files", exc)


async def stats(update: Update, context: BotContext) -> None:
    """Counts for 24 h / 7 d / 30 d, then a chart of incidents and victims per month."""
    message = update.effective_message
    if message is None:
        return
    flt, problems = incident_filter(" ".join(context.args or [])[:500])
    if flt is None:
        usage = "Usage: /stats [since:2024-01-01] [until:2024-12-31] [place:Kursk]"
        await reply(update, ["\n".join([esc(usage), *(esc(p) for p in problems)])])
        return
    worker = context.runtime.worker
    counts = await worker.read(Store.stats, datetime.now(UTC))
    tally = await worker.read(Store.review_tally)
    await reply(update, [render_stats(counts, tally)])
    incidents = await worker.read(Store.incidents_matching, flt)
    series = monthly_series(incidents)
    if not series.months:
        return
    png = await asyncio.to_thread(render_chart, series)
    caption = (
        f"{series.total_incidents} incidents, {series.total_victims} reported victims, "
        f"{series.months[0]} to {series.months[-1]}"
    )
    try:
        await message.reply_photo(InputFile(png, filename="powwatch-stats.png"), caption=caption)
    except TelegramError as exc:
        await _not_sent(update, "the chart", exc)


async def _not_sent(update: Update, what: str, exc: TelegramError) -> None:
    """A file Telegram refused (or a Bot API server without the method): say so, carry on."""
    logger.warning("could not send %s: %s", what, exc.message[:200])
    await reply(update, [esc(f"Sorry, {what} could not be sent: {exc.message[:200]}")])


def register(app: Application) -> None:  # type: ignore[type-arg]
    app.add_handler(command("export", export))
    app.add_handler(command("stats", stats))
