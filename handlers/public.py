"""Commands for the monitoring team: /start /help /latest /search."""

from __future__ import annotations

import logging

from telegram import Update
from telegram.constants import ParseMode
from telegram.ext import Application, CommandHandler, MessageHandler, filters

from bot.render import esc, paginate, render_article
from bot.runtime import BotContext
from storage.store import Store

logger = logging.getLogger(__name__)

LATEST_MAX = 20
SEARCH_PAGE = 5
MAX_QUERY_CHARS = 200

COMMANDS: tuple[tuple[str, str], ...] = (
    ("latest", "/latest [n] — the n most recent flagged reports (default 5, max 20)"),
    ("search", "/search <words> — search the stored history, flagged reports first"),
    ("help", "/help — this list"),
)
ADMIN_COMMANDS: tuple[tuple[str, str], ...] = (
    ("feeds", "/feeds — every watched feed with its health (admins)"),
    ("health", "/health — uptime, last cycle, failing feeds, outbox (admins)"),
)

HELP_INTRO = (
    "<b>powwatch</b> watches news feeds in English, Ukrainian and Russian for reports of "
    "executions of prisoners of war and posts each new incident to the monitoring channel."
)


def help_text(*, is_admin: bool) -> str:
    lines = [HELP_INTRO, ""] + [esc(line) for _, line in COMMANDS]
    if is_admin:
        lines += [""] + [esc(line) for _, line in ADMIN_COMMANDS]
    return "\n".join(lines)


async def reply(update: Update, pages: list[str]) -> None:
    message = update.effective_message
    if message is None:
        return
    for page in pages or ["Nothing to show."]:
        await message.reply_text(page, parse_mode=ParseMode.HTML, disable_web_page_preview=True)


async def start(update: Update, context: BotContext) -> None:
    user = update.effective_user
    is_admin = bool(user and user.id in context.runtime.settings.admin_ids)
    await reply(update, [help_text(is_admin=is_admin)])


async def latest(update: Update, context: BotContext) -> None:
    args = context.args or []
    count = 5
    if args:
        if len(args) > 1 or not args[0].isdigit() or not 1 <= int(args[0]) <= LATEST_MAX:
            await reply(update, [f"Usage: /latest [n] — n is a number from 1 to {LATEST_MAX}."])
            return
        count = int(args[0])
    articles = await context.runtime.worker.run(Store.latest, count)
    if not articles:
        await reply(update, ["No flagged reports stored yet."])
        return
    await reply(update, paginate([render_article(a) for a in articles]))


async def search(update: Update, context: BotContext) -> None:
    query = " ".join(context.args or []).strip()
    if not query:
        await reply(update, ["Usage: /search <words> — e.g. /search Pokrovsk"])
        return
    query = query[:MAX_QUERY_CHARS]
    articles = await context.runtime.worker.run(Store.search, query, SEARCH_PAGE)
    if not articles:
        await reply(update, [f"No stored reports match “{esc(query, 100)}”."])
        return
    header = f"Results for “{esc(query, 100)}”:"
    blocks = [header] + [render_article(a, with_snippet=True) for a in articles]
    await reply(update, paginate(blocks))


async def unknown(update: Update, context: BotContext) -> None:
    await reply(update, ["I don't know that command. Send /help for the list."])


def register(app: Application) -> None:  # type: ignore[type-arg]
    app.add_handler(CommandHandler(["start", "help"], start))
    app.add_handler(CommandHandler("latest", latest))
    app.add_handler(CommandHandler("search", search))


def register_fallback(app: Application) -> None:  # type: ignore[type-arg]
    """Registered last in group 0: only commands no other handler took reach it."""
    app.add_handler(MessageHandler(filters.COMMAND, unknown))
