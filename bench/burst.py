"""The burst scenario: hundreds of template-worded incidents in a few hours, with duplicates.

`generate()` writes the reports and their ground truth; bench/burst_score.py scores them."""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from email.utils import format_datetime
from xml.sax.saxutils import escape

from bench.burst_texts import (
    FOLLOW_UP_DAY,
    FOLLOW_UPS,
    MONTHS,
    PLACES,
    RECAP,
    RELEASES,
    REVISIONS,
    SYNDICATION_NOTE,
    UPDATE_NOTE,
)

LANGS = ("en", "uk", "ru")
OUTLETS = {
    "en": ("Front Ledger", "Kyiv Wire", "War Crimes Watch", "Eastern Desk"),
    "uk": ("Стрічка Сходу", "Прокурорський вісник", "Донбас Новини"),
    "ru": ("Восточная лента", "Независимый обзор", "Хроника фронта"),
}
SAME_FACTS_DAYS = 10  # two incidents never share town and count this close (see docs)


@dataclass(frozen=True, slots=True)
class Report:
    """One generated item and its ground truth."""

    truth: int  # the incident it is about (a recap is an incident of its own)
    kind: str  # release, translation, syndicated, updated, follow-up, revision, recap
    lang: str
    outlet: str
    title: str
    text: str
    link: str
    published: datetime


@dataclass(frozen=True, slots=True)
class Incident:
    id: int
    place: dict[str, str]
    victims: int
    day: date
    first_published: datetime


def _date(day: date, lang: str) -> str:
    month = MONTHS[lang][day.month - 1]
    return f"{month} {day.day}" if lang == "en" else f"{day.day} {month}"


def _fill(template: str, inc: Incident, lang: str, n: int | None = None, count: str = "") -> str:
    p = inc.place
    gen = p["uk_gen"] if lang == "uk" else p["ru_gen"]
    return template.format(
        n=inc.victims if n is None else n,
        place=p["en"],
        place_uk=p["uk"],
        place_ru=p["ru"],
        gen=gen,
        oblast=p["oblast"],
        date=_date(inc.day, lang),
        count=count,
    )


def _incidents(
    rng: random.Random, count: int, start: datetime, bursts: int, wave_days: int
) -> list[Incident]:
    """Incidents published in `bursts` waves `wave_days` apart, each wave within three hours."""
    taken: list[tuple[str, int, date]] = []
    out: list[Incident] = []
    while len(out) < count:
        wave = len(out) * bursts // count
        published = start + timedelta(days=wave * wave_days, minutes=rng.randrange(180))
        day = published.date() - timedelta(days=rng.randrange(1, 8))
        place = rng.choice(PLACES)
        victims = rng.randrange(2, 31)
        # Same town and count within days: facts cannot tell them apart, nor could a reader.
        if any(
            t == place["en"] and v == victims and abs((d - day).days) <= SAME_FACTS_DAYS
            for t, v, d in taken
        ):
            continue
        taken.append((place["en"], victims, day))
        out.append(Incident(len(out) + 1, place, victims, day, published))
    return out


def _link(outlet: str, n: int) -> str:
    host = "".join(c for c in outlet.lower() if c.isascii() and c.isalnum()) or "outlet"
    return f"https://{host}{n % 7}.test/news/{n}"


def generate(
    incidents: int = 300,
    seed: int = 1,
    start: datetime | None = None,
    *,
    same_day: bool = False,
    wave_days: int = 1,
) -> list[Report]:
    """The scenario's reports in publication order, each with its true incident.

    same_day: only what is published within hours (no follow-ups or revisions days later),
    copies and translations twice as often: a small burst for one poll cycle. wave_days: days
    between the waves of sixty incidents (1: a town sees several killings a day).
    """
    rng = random.Random(seed)
    more = 2.0 if same_day else 1.0
    start = start or datetime(2025, 6, 2, 6, 0, tzinfo=UTC)
    reports: list[Report] = []

    def add(inc_id: int, kind: str, lang: str, title: str, text: str, at: datetime) -> None:
        outlet = rng.choice(OUTLETS[lang])
        n = len(reports) + 1
        reports.append(Report(inc_id, kind, lang, outlet, title, text, _link(outlet, n), at))

    made = _incidents(rng, incidents, start, max(1, incidents // 60), wave_days)
    for inc in made:
        lang = rng.choice(LANGS)
        title_t, text_t = rng.choice(RELEASES[lang])
        title, text = _fill(title_t, inc, lang), _fill(text_t, inc, lang)
        add(inc.id, "release", lang, title, text, inc.first_published)
        minutes = timedelta(minutes=rng.randrange(5, 240))
        roll = rng.random()
        if roll < 0.35 * more:  # the same release copied by another outlet
            add(inc.id, "syndicated", lang, title, text + SYNDICATION_NOTE[lang],
                inc.first_published + minutes)  # fmt: skip
        if rng.random() < 0.4 * more:  # the same incident reported in another language
            other = rng.choice([x for x in LANGS if x != lang])
            t2, x2 = rng.choice(RELEASES[other])
            add(inc.id, "translation", other, _fill(t2, inc, other), _fill(x2, inc, other),
                inc.first_published + minutes * 2)  # fmt: skip
        if rng.random() < 0.15 * more:  # the outlet updates its article under a new address
            add(inc.id, "updated", lang, title, text + UPDATE_NOTE[lang],
                inc.first_published + minutes * 3)  # fmt: skip
        if not same_day and rng.random() < 0.2:  # a suspect named days later; half repeat no count
            fl = rng.choice(LANGS)
            ft, fx = rng.choice(FOLLOW_UPS[fl])
            roll = rng.random()  # the count, the day, or (a quarter) neither: ambiguous
            count = f" {inc.victims}" if roll < 0.5 else ""
            fx += FOLLOW_UP_DAY[fl] if 0.5 <= roll < 0.75 else ""
            later = inc.first_published + timedelta(days=rng.randrange(2, 15), hours=3)
            add(inc.id, "follow-up", fl, _fill(ft, inc, fl, count=count),
                _fill(fx, inc, fl, count=count), later)  # fmt: skip
        if not same_day and inc.victims >= 4 and rng.random() < 0.08:  # revised days later
            rl = rng.choice(LANGS)
            rt, rx = REVISIONS[rl]
            revised = inc.victims + rng.choice((-2, -1, 1, 2, 3))
            later = inc.first_published + timedelta(days=rng.randrange(1, 5), hours=2)
            add(inc.id, "revision", rl, _fill(rt, inc, rl, revised),
                _fill(rx, inc, rl, revised), later)  # fmt: skip
    recap_items = " ".join(
        f"On {_date(inc.day, 'en')}, {inc.victims} near {inc.place['en']}." for inc in made[:6]
    )
    recap_at = max(inc.first_published for inc in made) + timedelta(hours=1 if same_day else 6)
    add(len(made) + 1, "recap", "en", RECAP[0], RECAP[1].format(items=recap_items), recap_at)
    reports.sort(key=lambda r: (r.published, r.link))
    return reports


def rss(reports: list[Report], title: str = "Burst") -> str:
    """An RSS 2.0 document carrying the reports, newest first like most feeds."""
    items = "".join(
        f"<item><title>{escape(r.title)}</title><link>{escape(r.link)}</link>"
        f'<guid isPermaLink="false">{escape(r.link)}</guid>'
        f"<pubDate>{format_datetime(r.published, usegmt=True)}</pubDate>"
        f"<description>{escape(r.text)}</description></item>"
        for r in sorted(reports, key=lambda r: r.published, reverse=True)
    )
    return (
        '<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel>'
        f"<title>{escape(title)}</title><link>https://burst.test/</link>"
        f"<description>burst</description>{items}</channel></rss>"
    )


if __name__ == "__main__":
    from bench.burst_score import main

    raise SystemExit(main())
