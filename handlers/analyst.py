"""Analyst commands: /export of incidents as CSV and JSON files, narrowed by filters."""

from __future__ import annotations

import logging
from datetime import UTC, datetime

from telegram import InputFile, Update
from telegram.ext import Application, CommandHandler

from bot.export import incident_row, to_csv, to_json
from bot.query import parse_query
from bot.render import esc
from bot.runtime import BotContext
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
    if query.clauses:
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
    rows = await context.runtime.worker.run(Store.export_rows, flt)
    if not rows:
        await reply(update, ["No incidents match."])
        return
    table = [incident_row(record, articles, review) for record, articles, review in rows]
    stamp = datetime.now(UTC).strftime("%Y%m%d-%H%M")
    caption = f"{len(table)} incidents"
    await message.reply_document(
        InputFile(to_csv(table), filename=f"powwatch-incidents-{stamp}.csv"), caption=caption
    )
    await message.reply_document(
        InputFile(to_json(table), filename=f"powwatch-incidents-{stamp}.json"), caption=caption
    )


def register(app: Application) -> None:  # type: ignore[type-arg]
    app.add_handler(CommandHandler("export", export))
