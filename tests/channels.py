"""Telegram channel preview pages (t.me/s/<name>) for tests, and a loopback server for them.

The markup follows the structure of the public preview as maintained readers parse it (class
names such as tgme_channel_history, tgme_widget_message, tgme_widget_message_text, the "edited"
marker in tgme_widget_message_meta, ?before= paging); every post text is written for these tests.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from html import escape
from typing import Any

from aiohttp import web

from tests.servers import listen

PAGE_SIZE = 20


@dataclass
class Post:
    id: int
    text: str = ""  # plain text; "\n" becomes <br/>
    age_hours: float = 1.0
    edited: bool = False
    edited_word: str = "edited"  # the marker in the preview's language ("изменено", "змінено")
    photo: bool = False  # a photo: the text, if any, is its caption
    forwarded_from: tuple[str, str] | None = None  # (name, link)
    reply_to: tuple[int, str] | None = None  # (post id, quoted text)
    preview: tuple[str, str] | None = None  # link preview (title, description)
    service: bool = False  # "channel photo updated" and the like


def _text_html(text: str) -> str:
    return "<br/>".join(escape(line) for line in text.split("\n"))


def post_html(channel: str, title: str, post: Post, now: datetime) -> str:
    stamp = (now - timedelta(hours=post.age_hours)).astimezone(UTC)
    link = f"https://t.me/{channel}/{post.id}"
    if post.service:
        return (
            '<div class="tgme_widget_message_wrap js-widget_message_wrap">'
            f'<div class="tgme_widget_message service_message js-widget_message" '
            f'data-post="{channel}/{post.id}"><div class="tgme_widget_message_bubble">'
            '<div class="tgme_widget_message_text">Channel photo updated</div>'
            "</div></div></div>"
        )
    parts = [
        '<div class="tgme_widget_message_wrap js-widget_message_wrap">',
        f'<div class="tgme_widget_message text_not_supported_wrap js-widget_message" '
        f'data-post="{channel}/{post.id}" data-view="eyJjIjoxfQ">',
        '<div class="tgme_widget_message_user">'
        f'<a href="https://t.me/{channel}"><i class="tgme_widget_message_user_photo bgcolor3" '
        'style="background-color:#8bd" data-content="P"></i></a></div>',
        '<div class="tgme_widget_message_bubble">',
        '<i class="tgme_widget_message_bubble_tail"><svg class="bubble_icon" width="9px" '
        'height="20px" viewBox="0 0 9 20"><path class="background" d="M6,17 L9,20"/></svg></i>',
        '<div class="tgme_widget_message_author accent_color">'
        f'<a class="tgme_widget_message_owner_name" href="https://t.me/{channel}">'
        f'<span dir="auto">{escape(title)}</span></a></div>',
    ]
    if post.forwarded_from:
        name, source = post.forwarded_from
        parts.append(
            '<div class="tgme_widget_message_forwarded_from accent_color">Forwarded from '
            f'<a class="tgme_widget_message_forwarded_from_name" href="{escape(source)}">'
            f'<span dir="auto">{escape(name)}</span></a></div>'
        )
    if post.reply_to:
        rid, quoted = post.reply_to
        parts.append(
            f'<a class="tgme_widget_message_reply" href="https://t.me/{channel}/{rid}">'
            '<div class="tgme_widget_message_author accent_color">'
            f'<span class="tgme_widget_message_author_name">{escape(title)}</span></div>'
            f'<div class="tgme_widget_message_text js-message_reply_text">{escape(quoted)}</div>'
            "</a>"
        )
    if post.photo:
        parts.append(
            f'<a class="tgme_widget_message_photo_wrap 5231 blured" href="{link}" '
            "style=\"width:800px;background-image:url('https://cdn.example.invalid/p.jpg')\">"
            '<div class="tgme_widget_message_photo" style="padding-top:62.5%"></div></a>'
        )
    if post.text:
        parts.append(
            '<div class="tgme_widget_message_text js-message_text" dir="auto">'
            f"{_text_html(post.text)} "
            '<i class="emoji" style="background-image:url(\'//telegram.org/img/emoji/40/x.png\')">'
            "<b>\u2757</b></i></div>"
        )
    if post.preview:
        heading, description = post.preview
        parts.append(
            '<a class="tgme_widget_message_link_preview" href="https://news.example.invalid/a">'
            '<div class="link_preview_site_name accent_color" dir="auto">Example News</div>'
            f'<div class="link_preview_title" dir="auto">{escape(heading)}</div>'
            f'<div class="link_preview_description" dir="auto">{escape(description)}</div></a>'
        )
    edited = f"{post.edited_word}&nbsp;" if post.edited else ""
    parts += [
        '<div class="tgme_widget_message_footer compact js-message_footer">',
        '<div class="tgme_widget_message_info short js-message_info">',
        '<span class="tgme_widget_message_views">2.1K</span>',
        f'<span class="tgme_widget_message_meta">{edited}'
        f'<a class="tgme_widget_message_date" href="{link}">'
        f'<time datetime="{stamp.isoformat()}" class="time">{stamp:%H:%M}</time></a></span>',
        "</div></div>",
        "</div></div></div>",
    ]
    return "".join(parts)


def channel_page(
    channel: str, title: str, posts: list[Post], now: datetime, *, before: int | None = None
) -> str:
    """One preview page: the channel header, then posts oldest first, as t.me lays them out."""
    more = ""
    if posts and posts[0].id > 1:
        first = posts[0].id
        more = (
            f'<div class="tgme_widget_message_centered js-messages_more_wrap">'
            f'<a href="/s/{channel}?before={first}" class="tme_messages_more js-messages_more" '
            f'data-before="{first}"></a></div>'
        )
    body = "".join(post_html(channel, title, p, now) for p in posts)
    prev = f'<link rel="canonical" href="/s/{channel}?before={before}">' if before else ""
    return (
        '<!DOCTYPE html>\n<html><head><meta charset="utf-8">'
        f"<title>{escape(title)} – Telegram</title>{prev}</head>"
        '<body class="widget_frame_base tgme_webpreview emoji_image">'
        '<div class="tgme_channel_info"><div class="tgme_channel_info_header">'
        f'<div class="tgme_channel_info_header_title"><span dir="auto">{escape(title)}</span>'
        '</div><div class="tgme_channel_info_header_username">'
        f'<a href="https://t.me/{channel}">@{channel}</a></div></div></div>'
        '<main class="tgme_main"><section class="tgme_channel_history js-message_history">'
        f"{more}{body}</section></main></body></html>"
    )


def redirect_page(channel: str) -> str:
    """What t.me/<name> shows for a name without a public preview (no message list)."""
    return (
        '<!DOCTYPE html><html><head><meta charset="utf-8"><title>Telegram: Contact</title>'
        '</head><body><div class="tgme_page"><div class="tgme_page_title">'
        f"<span>@{channel}</span></div></div></body></html>"
    )


@dataclass
class Channel:
    title: str
    posts: list[Post] = field(default_factory=list)
    gone: bool = False  # the preview redirects to t.me/<name>, as for a missing channel
    failures: list[tuple[int | None, int, dict[str, str]]] = field(default_factory=list)
    body: str | None = None  # serve this instead of generated pages (changed markup)


class ChannelServer:
    """Serves t.me/s/<name>[?before=<id>] pages from memory; records every request."""

    def __init__(self) -> None:
        self.channels: dict[str, Channel] = {}
        self.requests: list[str] = []
        self.languages: list[str] = []  # Accept-Language of each preview request
        self.now = datetime.now(UTC)
        self._runner: web.AppRunner | None = None
        self.port = 0

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def add(self, name: str, title: str, posts: list[Post]) -> Channel:
        self.channels[name] = Channel(title=title, posts=sorted(posts, key=lambda p: p.id))
        return self.channels[name]

    def fail(
        self, name: str, status: int, *, before: int | None = None, retry_after: int | None = None
    ) -> None:
        """The next request for that page (before=None: the newest) answers status."""
        headers = {"Retry-After": str(retry_after)} if retry_after is not None else {}
        self.channels[name].failures.append((before, status, headers))

    def requested(self, name: str) -> list[str]:
        return [r for r in self.requests if r.startswith(f"/s/{name}")]

    async def _preview(self, request: web.Request) -> web.Response:
        name = request.match_info["name"]
        self.requests.append(request.path_qs)
        self.languages.append(request.headers.get("Accept-Language", ""))
        channel = self.channels.get(name)
        if channel is None or channel.gone:
            raise web.HTTPFound(f"/{name}")
        raw_before = request.query.get("before")
        before = int(raw_before) if raw_before and raw_before.isdigit() else None
        for failure in channel.failures:
            if failure[0] == before:
                channel.failures.remove(failure)
                return web.Response(status=failure[1], headers=failure[2], text="Too Many")
        if channel.body is not None:
            return web.Response(text=channel.body, content_type="text/html")
        older = [p for p in channel.posts if before is None or p.id < before]
        page = older[-PAGE_SIZE:]
        html = channel_page(name, channel.title, page, self.now, before=before)
        return web.Response(text=html, content_type="text/html")

    async def _plain(self, request: web.Request) -> web.Response:
        self.requests.append(request.path_qs)
        text = redirect_page(request.match_info["name"])
        return web.Response(text=text, content_type="text/html")

    async def start(self) -> None:
        app = web.Application()
        app.router.add_get("/s/{name}", self._preview)
        app.router.add_get("/{name}", self._plain)
        self._runner, self.port = await listen(app)

    async def stop(self) -> None:
        if self._runner:
            await self._runner.cleanup()


def posts_range(first: int, last: int, **kwargs: Any) -> list[Post]:
    """Plain, unflagged posts first..last (service notices about the daily routine)."""
    return [
        Post(
            id=n,
            text=f"Notice {n}: the regional office will receive citizens on Thursday {n % 28 + 1}."
            "\nBring your documents.",
            age_hours=100 - n * 0.01,
            **kwargs,
        )
        for n in range(first, last + 1)
    ]
