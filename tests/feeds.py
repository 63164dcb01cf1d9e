"""Feed documents for tests, built from items written for these tests (no outside text)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from xml.sax.saxutils import escape


@dataclass(frozen=True)
class Item:
    title: str
    text: str
    link: str
    guid: str | None = None
    age_hours: float = 1.0


POSITIVE = Item(
    title="Prosecutors: Russian troops shot three captured Ukrainian soldiers near Robotyne",
    text=(
        "<p>Three Ukrainian soldiers who had surrendered were executed by Russian forces near "
        "Robotyne in Zaporizhzhia Oblast, the Prosecutor General's Office said on Tuesday.</p>"
        "<p>An investigation into the killing of the prisoners of war has been opened.</p>"
    ),
    link="https://example-news.test/2024/prosecutors-three-pows-robotyne?utm_source=rss",
)
NEGATIVE_EXCHANGE = Item(
    title="Ukraine and Russia swap 95 prisoners of war",
    text="<p>Ninety-five Ukrainian defenders returned home in the latest prisoner exchange, "
    "mediated by the United Arab Emirates.</p>",
    link="https://example-news.test/2024/pow-exchange-95",
)
NEGATIVE_PLAN = Item(
    title="City council executed its winter heating plan on schedule",
    text="<p>Kharkiv utilities said the plan was executed in full &amp; on time.</p>",
    link="https://example-news.test/2024/heating-plan",
)


def rss(items: list[Item], *, title: str = "Example News", now: datetime | None = None) -> str:
    now = now or datetime.now(UTC)
    parts = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<rss version="2.0"><channel>',
        f"<title>{escape(title)}</title><link>https://example-news.test/</link>",
        "<description>Test feed</description>",
    ]
    for item in items:
        published = format_datetime(now - timedelta(hours=item.age_hours), usegmt=True)
        parts.append(
            "<item>"
            f"<title>{escape(item.title)}</title>"
            f"<link>{escape(item.link)}</link>"
            f'<guid isPermaLink="false">{escape(item.guid or item.link)}</guid>'
            f"<pubDate>{published}</pubDate>"
            f"<description>{escape(item.text)}</description>"
            "</item>"
        )
    parts.append("</channel></rss>")
    return "\n".join(parts)


def atom(items: list[Item], *, title: str = "Example Atom", now: datetime | None = None) -> str:
    now = now or datetime.now(UTC)
    parts = [
        '<?xml version="1.0" encoding="utf-8"?>',
        '<feed xmlns="http://www.w3.org/2005/Atom">',
        f"<title>{escape(title)}</title><id>urn:test:feed</id>",
        f"<updated>{now.isoformat()}</updated>",
    ]
    for item in items:
        when = (now - timedelta(hours=item.age_hours)).isoformat()
        parts.append(
            "<entry>"
            f"<title>{escape(item.title)}</title>"
            f'<link href="{escape(item.link)}"/>'
            f"<id>{escape(item.guid or item.link)}</id>"
            f"<updated>{when}</updated>"
            f'<content type="html">{escape(item.text)}</content>'
            "</entry>"
        )
    parts.append("</feed>")
    return "\n".join(parts)
