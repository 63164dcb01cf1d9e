"""Undeclared single-byte Cyrillic feeds: windows-1251, KOI8-R/U and ISO-8859-5 told apart."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from bot.analyse import parse_and_analyse
from tests.feeds import Item, rss

NOW = datetime(2024, 6, 1, 12, 0, tzinfo=UTC)
RU = Item(
    title="Российские военные расстреляли пленных украинских бойцов под Бахмутом",
    text=(
        "<p>По данным прокуратуры, российские военные расстреляли троих украинских "
        "военнопленных, которые сложили оружие. Следователи устанавливают имена погибших.</p>"
    ),
    link="https://news.test/ru/1",
)
UK = Item(
    title="Окупанти розстріляли полонених біля Роботиного",
    text=(
        "<p>Прокуратура розпочала розслідування страти військовополонених: їхні імена "
        "встановлюють слідчі, а свідки дають показання.</p>"
    ),
    link="https://news.test/uk/1",
)


def undeclared(item: Item, encoding: str) -> bytes:
    doc = rss([item], title="Новости", now=NOW).replace(' encoding="UTF-8"', "")
    return doc.encode(encoding)


@pytest.mark.parametrize(
    ("item", "encoding"),
    [
        (RU, "koi8-r"),
        (RU, "cp1251"),
        (RU, "iso-8859-5"),
        (UK, "koi8-u"),
        (UK, "cp1251"),
    ],
)
@pytest.mark.parametrize("language", [None, "ru", "uk"])
@pytest.mark.parametrize("content_type", [None, "text/xml", "application/rss+xml"])
def test_undeclared_cyrillic_feeds_are_read_and_judged(
    item: Item, encoding: str, language: str | None, content_type: str | None
) -> None:
    batch = parse_and_analyse(
        undeclared(item, encoding),
        "F",
        now=NOW,
        content_type=content_type,
        base_url=None,
        language=language,
    )
    assert [a.entry.title for a in batch.articles] == [item.title], encoding
    assert batch.articles[0].entry.text.startswith(item.text[3:40])
    assert batch.articles[0].verdict.flagged, encoding  # gibberish would never be flagged
    assert batch.warning is not None and "does not fit the bytes" in batch.warning


@pytest.mark.parametrize("break_at", ["title", "text"])
@pytest.mark.parametrize("declared", [' encoding="UTF-8"', ' encoding="windows-1251"', ""])
def test_utf8_with_a_broken_byte_stays_utf8(break_at: str, declared: str) -> None:
    """One stray byte (a cut multibyte character, a bad splice) costs one U+FFFD, not the
    whole feed read as windows-1251 gibberish the detector never flags."""
    doc = rss([UK], title="Новини", now=NOW).replace(' encoding="UTF-8"', declared)
    anchor = "Окупанти" if break_at == "title" else "Прокуратура"
    body = doc.encode("utf-8").replace(anchor.encode(), b"\xd0" + anchor.encode(), 1)
    batch = parse_and_analyse(body, "F", now=NOW, content_type=None, base_url=None, language=None)
    [article] = batch.articles
    assert article.entry.title.endswith(UK.title[1:]), article.entry.title
    assert "\ufffd" in article.entry.title + article.entry.text
    assert article.verdict.flagged
    assert batch.warning is not None and "1 broken byte sequence(s) replaced" in batch.warning
