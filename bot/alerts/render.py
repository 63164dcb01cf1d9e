"""Telegram HTML for alerts and replies (pure): every feed string escaped, every message bounded.

Text is cut before it is escaped, so truncation never splits a tag or an entity.
"""

from __future__ import annotations

import html
import re
from collections.abc import Mapping, Sequence
from datetime import datetime, timedelta

from bot.alerts.alarms import FAILING, AlarmChange
from bot.models import (
    MARK_END,
    MARK_START,
    FetchTrail,
    IncidentRecord,
    ReviewTally,
    Stats,
    StoredArticle,
)

MAX_MESSAGE = 4096
CONTENT_WARNING = (
    "⚠️ Content warning: reports of killings of prisoners; linked footage may be graphic."
)
_TAG_RE = re.compile(r"<[^>]+>")
_LINK_RE = re.compile(r'<a href="([^"]*)">(.*?)</a>', re.DOTALL)
# Control characters, and the bidi controls that can reverse a line of an alert or a list.
_CONTROL_RE = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]"
)


def clip(text: str, limit: int) -> str:
    """Plain text cut at a word boundary to at most `limit` characters, with an ellipsis."""
    text = _CONTROL_RE.sub("", text).strip()
    if len(text) <= limit:
        return text
    cut = text[: max(0, limit - 1)]
    space = cut.rfind(" ")
    if space > limit * 0.6:
        cut = cut[:space]
    return cut.rstrip() + "…"


def esc(text: str, limit: int = MAX_MESSAGE) -> str:
    return html.escape(clip(text, limit), quote=False)


def link(url: str, label: str, limit: int = 80) -> str:
    """An <a> only for http(s) URLs; anything else is shown as text."""
    if not url.lower().startswith(("http://", "https://")):
        return esc(label, limit)
    return f'<a href="{html.escape(url[:2000], quote=True)}">{esc(label, limit)}</a>'


def outlet_of(article: StoredArticle) -> str:
    return article.feed_name or "source"


def fmt_date(when: datetime | None) -> str:
    return when.strftime("%Y-%m-%d") if when else "date unknown"


def facts_line(incident: IncidentRecord, articles: Sequence[StoredArticle]) -> str:
    """place · killed · incident date · who reports · whose soldiers, as escaped HTML."""
    facts = incident.facts
    parts = []
    if facts.locations:
        parts.append("📍 " + esc(", ".join(facts.locations), 200))
    parts.append(
        f"🔢 {facts.victims} killed" if facts.victims is not None else "🔢 number not stated"
    )
    if facts.incident_date:
        parts.append(f"📅 {facts.incident_date.isoformat()}")
    if facts.source_authority:
        parts.append("🏛 " + esc(facts.source_authority, 80))
    if facts.victim_side:
        parts.append(esc(f"{facts.victim_side} POWs", 40))
    return " · ".join(parts)


MAX_COUNT_CHANGES = 3  # an alert shows the latest changes only: its length stays bounded


def count_changes(articles: Sequence[StoredArticle]) -> str:
    """'9 → 16, per <outlet>' when sources disagree on the number killed (the last few)."""
    changes: list[str] = []
    last: int | None = None
    for article in articles:
        victims = article.facts.victims
        if victims is None:
            continue
        if last is not None and victims != last:
            changes.append(f"{last} → {victims}, per {esc(outlet_of(article), 60)}")
        last = victims
    return "; ".join(changes[-MAX_COUNT_CHANGES:])


def render_alert(incident: IncidentRecord, articles: Sequence[StoredArticle]) -> str:
    """The channel message of one incident: headline, facts, summary, why, sources, id."""
    first = articles[0] if articles else None
    title = first.title if first else incident.title
    head = [
        "🚨 <b>Reported execution of prisoners of war</b>",
        f"<b>{esc(title, 300)}</b>",
        facts_line(incident, articles),
    ]
    changes = count_changes(articles)
    if changes:
        head.append(f"🔁 Count changed: {changes}")
    tail = [f"#incident{incident.id} · /incident {incident.id}", f"<i>{esc(CONTENT_WARNING)}</i>"]
    sources: list[str] = []
    for article in articles[:10]:
        label = f"{outlet_of(article)}, {fmt_date(article.published or article.fetched_at)}"
        sources.append(link(article.link, label, 80))
    if len(articles) > 10:
        sources.append(f"and {len(articles) - 10} more")
    src = "🔗 " + sources[0] if sources else ""
    if len(sources) > 1:
        src += "\n+ Also reported by: " + ", ".join(sources[1:])
    fixed = "\n".join([*head, "", "", src, "", *tail])
    budget = MAX_MESSAGE - len(fixed) - 40
    body: list[str] = []
    if first and budget > 100:
        summary = first.summary or first.title
        body.append(esc(summary, min(600, budget // 2 * 1)))
        evidence = first.evidence[0] if first.evidence else None
        if evidence is not None:
            terms = ", ".join(evidence.terms[:6])
            why = f"<i>Why flagged:</i> “{esc(evidence.sentence, min(400, budget // 3))}”"
            if terms:
                why += f" ({esc(terms, 120)})"
            body.append(why)
    text = "\n".join([*head, "", *body, "", src, "", *tail])
    if len(text) > MAX_MESSAGE:  # only possible with absurd inputs; keep the essentials
        text = "\n".join([*head[:2], "", src[:1500].rsplit(",", 1)[0], "", *tail])[:MAX_MESSAGE]
    return text


def render_article(article: StoredArticle, *, with_snippet: bool = False) -> str:
    """One history entry for /latest and /search."""
    mark = "🚨" if article.flagged else "•"
    parts = [f"{mark} <b>{esc(article.title, 200)}</b>"]
    meta = f"{esc(outlet_of(article), 60)}, {fmt_date(article.published or article.fetched_at)}"
    if article.incident_id:
        meta += f" · /incident {article.incident_id}"
    parts.append(meta)
    if with_snippet and article.snippet:
        parts.append(render_snippet(article.snippet))
    elif article.flagged and article.summary:
        parts.append(esc(article.summary, 300))
    if article.link:
        parts.append(link(article.link, "open article"))
    return "\n".join(parts)


def render_snippet(snippet: str, limit: int = 300) -> str:
    """FTS snippet with its markers turned into bold, escaped in between."""
    # clip() drops control characters, and the markers are two: carry them through it as
    # private-use characters (any already in the text are removed first).
    start, end = "\ue000", "\ue001"
    snippet = snippet.replace(start, "").replace(end, "")
    snippet = clip(snippet.replace(MARK_START, start).replace(MARK_END, end), limit)
    out: list[str] = []
    bold = False
    for piece in re.split(f"([{start}{end}])", snippet):
        if piece == start:
            if not bold:
                out.append("<b>")
                bold = True
        elif piece == end:
            if bold:
                out.append("</b>")
                bold = False
        else:
            out.append(html.escape(piece, quote=False))
    if bold:
        out.append("</b>")
    # FTS5 already put "…" where it cut the text, and none where the snippet starts or ends it.
    return "".join(out)


def to_plain(markup: str) -> str:
    """Plain text of our HTML (terminal mode, and when Telegram rejects the HTML): links kept
    as 'label (url)', other tags dropped, entities decoded."""
    text = _LINK_RE.sub(lambda m: f"{m.group(2)} ({m.group(1)})", markup)
    return html.unescape(_TAG_RE.sub("", text))[:MAX_MESSAGE]


def paginate(blocks: Sequence[str], limit: int = MAX_MESSAGE) -> list[str]:
    """Join reply blocks into as few messages as fit, never splitting a block's HTML."""
    pages: list[str] = []
    current = ""
    for block in blocks:
        block = block if len(block) <= limit else _plain_html(block, limit)
        candidate = f"{current}\n\n{block}" if current else block
        if len(candidate) > limit:
            pages.append(current)
            current = block
        else:
            current = candidate
    if current:
        pages.append(current)
    return pages


def _plain_html(block: str, limit: int) -> str:
    """An over-long block as plain text, escaped again (to_plain decoded its entities, and the
    page is sent as HTML), cut so that the escaped text still fits."""
    plain = to_plain(block)
    budget = limit
    while True:
        text = esc(plain, budget)
        if len(text) <= limit:
            return text
        budget -= max(1, len(text) - limit)


def render_trail(trail: FetchTrail) -> str:
    """Evidence of how a report was obtained: when, from where, what the server said."""
    parts = [
        f"fetched {trail.fetched_at:%Y-%m-%d %H:%M} UTC",
        f"HTTP {trail.status}" if trail.status else "HTTP ?",
        f"sha256 {trail.body_sha256[:16]}…",
    ]
    if trail.archive_path:
        parts.append("body archived")
    text = "  " + esc(" · ".join(parts), 200)
    if trail.final_url:
        text += " · " + link(trail.final_url, "feed as fetched", 40)
    return text


def render_claim(article: StoredArticle, trail: FetchTrail | None = None) -> str:
    """One source of an incident with its own numbers and date (sources may disagree)."""
    facts = article.facts
    claim = [
        f"{'killed: ' + str(facts.victims) if facts.victims is not None else 'number not stated'}",
    ]
    if facts.incident_date:
        claim.append(f"date: {facts.incident_date.isoformat()}")
    if facts.locations:
        claim.append("place: " + ", ".join(facts.locations))
    if facts.source_authority:
        claim.append("per " + facts.source_authority)
    when = fmt_date(article.published or article.fetched_at)
    head = f"• {link(article.link, outlet_of(article), 60)}, {when} — {esc(article.title, 160)}"
    text = head + "\n  " + esc("; ".join(claim), 300) + f"\n  report {article.id}"
    if article.merge_reasons:
        text += " · joined on " + esc(", ".join(article.merge_reasons), 300)
    if trail is not None:
        text += "\n" + render_trail(trail)
    return text


def render_review(tally: ReviewTally) -> str:
    if not tally.confirmed and not tally.not_relevant:
        return "Review: not reviewed yet"
    return f"Review: ✅ confirmed by {tally.confirmed} · ❌ not relevant by {tally.not_relevant}"


def render_incident_detail(
    incident: IncidentRecord,
    articles: Sequence[StoredArticle],
    review: ReviewTally | None = None,
    trails: Mapping[int, FetchTrail] | None = None,
) -> list[str]:
    """/incident: the merged facts, the evidence, then every source as a claims ledger."""
    blocks = [
        f"<b>Incident {incident.id}</b>: {esc(incident.title, 300)}\n"
        + facts_line(incident, articles)
    ]
    first = articles[0] if articles else None
    if first is not None:
        if first.summary:
            blocks.append(esc(first.summary, 600))
        for evidence in first.evidence[:2]:
            terms = ", ".join(evidence.terms[:6])
            blocks.append(
                f"<i>Why flagged:</i> “{esc(evidence.sentence, 400)}”"
                + (f" ({esc(terms, 120)})" if terms else "")
            )
    changes = count_changes(articles)
    if changes:
        blocks.append(f"🔁 Count changed: {changes}")
    if review is not None:
        blocks.append(render_review(review))
    blocks.append(f"<b>Sources ({len(articles)})</b>")
    blocks.extend(render_claim(a, (trails or {}).get(a.id)) for a in articles)
    return blocks


def render_stats(stats: Stats, review: ReviewTally | None = None) -> str:
    lines = ["<b>powwatch statistics</b>"]
    pairs = zip(stats.reports, stats.incidents, strict=True)
    for (label, reports), (_, incidents) in pairs:
        lines.append(f"last {label}: {incidents} incidents, {reports} flagged reports")
    if stats.top_places:
        places = ", ".join(f"{esc(p, 60)} ({c})" for p, c in stats.top_places)
        lines.append(f"top places (30 d): {places}")
    if stats.top_outlets:
        outlets = ", ".join(f"{esc(o, 60)} ({c})" for o, c in stats.top_outlets)
        lines.append(f"top outlets (30 d): {outlets}")
    lines.append(f"stored: {stats.total_articles} articles, {stats.total_flagged} flagged")
    if review is not None and review.precision is not None:
        lines.append(
            f"reviewed incidents: {review.confirmed} confirmed, {review.not_relevant} not "
            f"relevant — detector precision {review.precision:.0%}"
        )
    return "\n".join(lines)


def _span(delta: timedelta) -> str:
    hours = delta.total_seconds() / 3600
    if hours < 2:
        return f"{max(hours * 60, 1):.0f} min"
    return f"{hours:.1f} h" if hours < 48 else f"{hours / 24:.1f} days"


def _when(at: datetime | None) -> str:
    return at.strftime("%Y-%m-%d %H:%M UTC") if at else "unknown"


def render_alarm(change: AlarmChange) -> str:
    """The admins' message for a feed alarm that starts or clears (Telegram HTML)."""
    name = esc(change.name, 80)
    zero = timedelta(0)
    if change.kind == FAILING and change.is_raised:
        return (
            f"⚠️ Feed <b>{name}</b> has been failing for {_span(change.duration or zero)} "
            f"(since {_when(change.since)}, {change.attempts} attempts).\n"
            f"Last error: {esc(change.last_error, 300)}\n"
            "It is retried with backoff; /feeds shows every feed."
        )
    if change.kind == FAILING:
        failed = _span(change.duration or zero)
        return f"✅ Feed <b>{name}</b> works again (it failed for {failed})."
    if change.is_raised:
        return (
            f"🔇 Feed <b>{name}</b> has published nothing new for "
            f"{_span(change.duration or zero)} (last item {_when(change.since)}; it usually "
            f"publishes every {_span(change.usual_gap or zero)}).\n"
            "The feed may have moved or changed format; check it in a browser."
        )
    return f"✅ Feed <b>{name}</b> publishes again (new item at {_when(change.since)})."
