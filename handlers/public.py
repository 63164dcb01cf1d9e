"""Commands for the monitoring team: /start /help /latest /search /incident /stats."""

from __future__ import annotations

import logging

from telegram import InlineKeyboardButton, InlineKeyboardMarkup, Update
from telegram.constants import ParseMode
from telegram.ext import (
    Application,
    CallbackQueryHandler,
    MessageHandler,
    filters,
)

from bot.alerts.render import (
    esc,
    paginate,
    render_article,
    render_incident_detail,
)
from bot.reports.query import parse_count, parse_query
from bot.runtime import BotContext
from handlers.access import NEW_MESSAGES, command
from storage.store import Store

logger = logging.getLogger(__name__)

LATEST_MAX = 20
MAX_ID = 999_999_999_999  # incident and report numbers
SEARCH_PAGE = 5
MAX_QUERY_CHARS = 200
SEARCH_CACHE = 500  # remembered /search queries for the "more" button (callback data is short)

COMMANDS: tuple[tuple[str, str], ...] = (
    ("latest", "/latest [n] — the n most recent flagged reports (default 5, max 20)"),
    ("search", "/search <words> [since: until: lang: place: min: flagged:] — search history"),
    ("incident", "/incident <id> — every fact, source and link of one incident"),
    ("stats", "/stats [since:… until:… place:…] — counts and a chart of incidents per month"),
    ("export", "/export [since:… until:… place:… min:…] — incidents as CSV and JSON files"),
    ("help", "/help — this list"),
)
ADMIN_COMMANDS: tuple[tuple[str, str], ...] = (
    ("feeds", "/feeds [page|failing] — every watched feed with its health (admins)"),
    ("health", "/health — uptime, last cycle, failing feeds, outbox (admins)"),
    ("addfeed", "/addfeed <url> [name] — check a feed and start watching it (admins)"),
    ("removefeed", "/removefeed <name> — stop watching a feed; its history stays (admins)"),
    ("pausefeed", "/pausefeed <name> — pause a feed (enabled: false) (admins)"),
    ("resumefeed", "/resumefeed <name> — poll a paused feed again (admins)"),
    ("setinterval", "/setinterval <name> <minutes> — how often a feed is polled (admins)"),
    ("audit", "/audit [n] — who changed which feed, and when (admins)"),
    ("exportfeeds", "/exportfeeds — the feed list as an OPML file (admins)"),
    ("importfeeds", "/importfeeds — reply to an OPML file to add its feeds (admins)"),
    ("split", "/split <report> — take a wrongly merged report out of its incident (admins)"),
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


async def reply(
    update: Update, pages: list[str], markup: InlineKeyboardMarkup | None = None
) -> None:
    """Send each page as HTML without link previews; the markup goes on the last page."""
    message = update.effective_message
    if message is None:
        return
    pages = pages or ["Nothing to show."]
    for i, page in enumerate(pages):
        await message.reply_text(
            page,
            parse_mode=ParseMode.HTML,
            disable_web_page_preview=True,
            reply_markup=markup if i == len(pages) - 1 else None,
        )


async def start(update: Update, context: BotContext) -> None:
    user = update.effective_user
    is_admin = bool(user and user.id in context.runtime.settings.admin_ids)
    await reply(update, [help_text(is_admin=is_admin)])


async def latest(update: Update, context: BotContext) -> None:
    args = context.args or []
    count = 5
    if args:
        parsed = parse_count(args[0], 1, LATEST_MAX) if len(args) == 1 else None
        if parsed is None:
            await reply(update, [f"Usage: /latest [n] — n is a number from 1 to {LATEST_MAX}."])
            return
        count = parsed
    articles = await context.runtime.worker.read(Store.latest, count)
    if not articles:
        await reply(update, ["No flagged reports stored yet."])
        return
    await reply(update, paginate([render_article(a) for a in articles]))


def _remember_query(context: BotContext, chat_id: int, query: str) -> int:
    runtime = context.runtime
    runtime.search_seq += 1
    key = runtime.search_seq
    runtime.search_queries[key] = (chat_id, query)
    while len(runtime.search_queries) > SEARCH_CACHE:
        runtime.search_queries.popitem(last=False)
    return key


async def _search_page(context: BotContext, query: str, offset: int) -> tuple[list[str], bool]:
    # One extra row tells whether a "more" button is needed.
    found = await context.runtime.worker.read(Store.search, query, SEARCH_PAGE + 1, offset)
    has_more = len(found) > SEARCH_PAGE
    blocks = [render_article(a, with_snippet=True) for a in found[:SEARCH_PAGE]]
    return blocks, has_more


def _more_button(key: int, offset: int) -> InlineKeyboardMarkup:
    return InlineKeyboardMarkup(
        [[InlineKeyboardButton("More results ▸", callback_data=f"s:{key}:{offset}")]]
    )


SEARCH_USAGE = (
    "Usage: /search <words> [filters] — e.g. /search Pokrovsk, /search полонених lang:uk\n"
    "Filters: since:2024-10-01 until:2024-12-31 lang:en|uk|ru place:Kursk min:5 "
    "flagged:only"
)


async def search(update: Update, context: BotContext) -> None:
    query = " ".join(context.args or []).strip()[:MAX_QUERY_CHARS]
    parsed = parse_query(query)
    if parsed.problems or parsed.is_empty:
        lines = [SEARCH_USAGE, *(esc(p, 200) for p in parsed.problems)]
        await reply(update, ["\n".join(lines)])
        return
    blocks, has_more = await _search_page(context, query, 0)
    if not blocks:
        await reply(update, [f"No stored reports match “{esc(query, 100)}”."])
        return
    header = f"Results for “{esc(query, 100)}”:"
    chat = update.effective_chat
    markup = None
    if has_more and chat is not None:
        markup = _more_button(_remember_query(context, chat.id, query), SEARCH_PAGE)
    await reply(update, paginate([header, *blocks]), markup)


async def search_more(update: Update, context: BotContext) -> None:
    """The "more" button: the next page of the remembered query."""
    callback = update.callback_query
    if callback is None:
        return
    await callback.answer()
    try:
        _, key_raw, offset_raw = (callback.data or "").split(":", 2)
        key, offset = int(key_raw), int(offset_raw)
    except ValueError:
        return
    # Keys are counted, so any key can be typed into a forged callback: a query answers only
    # in the chat it was asked in (another user's words and results stay theirs).
    chat = update.effective_chat
    remembered = context.runtime.search_queries.get(key)
    chat_id, query = remembered or (None, "")
    if chat is None or chat_id != chat.id or not 0 < offset <= 10_000:
        await reply(update, ["That search has expired; send /search again."])
        return
    blocks, has_more = await _search_page(context, query, offset)
    if not blocks:
        await reply(update, ["No more results."])
        return
    header = f"Results for “{esc(query, 100)}” (from {offset + 1}):"
    markup = _more_button(key, offset + SEARCH_PAGE) if has_more else None
    await reply(update, paginate([header, *blocks]), markup)


async def incident(update: Update, context: BotContext) -> None:
    args = context.args or []
    incident_id = parse_count(args[0].removeprefix("#"), 1, MAX_ID) if len(args) == 1 else None
    if incident_id is None:
        await reply(update, ["Usage: /incident <id> — the number shown in an alert."])
        return
    record = await context.runtime.worker.read(Store.incident, incident_id)
    if record is None:
        await reply(update, [f"No incident {incident_id}."])
        return
    articles = await context.runtime.worker.read(Store.incident_articles, record.id)
    tally = await context.runtime.worker.read(Store.review_tally, record.id)
    trails = await context.runtime.worker.read(Store.trails, record.id)
    await reply(update, paginate(render_incident_detail(record, articles, tally, trails)))


async def unknown(update: Update, context: BotContext) -> None:
    await reply(update, ["I don't know that command. Send /help for the list."])


def register(app: Application) -> None:  # type: ignore[type-arg]
    app.add_handler(command(["start", "help"], start))
    app.add_handler(command("latest", latest))
    app.add_handler(command("search", search))
    app.add_handler(command("incident", incident))
    app.add_handler(CallbackQueryHandler(search_more, pattern=r"^s:\d+:\d+$"))


def register_fallback(app: Application) -> None:  # type: ignore[type-arg]
    """Registered last in group 0: only commands no other handler took reach it."""
    app.add_handler(MessageHandler(filters.COMMAND & NEW_MESSAGES, unknown))
