"""Article language from the text when the feed declares none (sentences written here)."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from bot.analyse import analyse, parse_and_analyse
from bot.detect import detect_language
from bot.models import Entry

NOW = datetime(2025, 3, 5, 12, 0, tzinfo=UTC)


@pytest.mark.parametrize(
    ("title", "text", "want"),
    [
        ("Grain exports rise as ports reopen", "Shipping firms expect a busy spring.", "en"),
        ("Ціни на хліб зросли", "У Києві подорожчали борошно та олія, кажуть пекарі.", "uk"),
        ("Цены на хлеб выросли", "В Москве подорожали мука и масло, говорят пекари.", "ru"),
        # Cyrillic headline inside an English story: the Latin majority decides
        ("Kyiv", "The sign read «Київ» but the rest of the report is written in English.", "en"),
        # one Ukrainian-only letter is enough when Russian ones are absent
        ("Обмін полоненими", "Додому повернулися сто двадцять захисників", "uk"),
        ("Обмен пленными", "Домой вернулись сто двадцать защитников, сообщили в штабе", "ru"),
        ("", "", None),
        ("2025", "12:40", None),
        # no letter of either set: no guess
        ("Мама мала рано", "Сон", None),
    ],
)
def test_language_of_a_text(title: str, text: str, want: str | None) -> None:
    assert detect_language(title, text) == want


def test_entry_without_a_language_gets_the_texts() -> None:
    entry = Entry("feed", "g1", "https://example.org/a", "Ціни на хліб зросли", "Пекарі кажуть.")
    assert analyse(entry, NOW).entry.language == "uk"


def test_declared_language_is_kept() -> None:
    entry = Entry(
        "feed", "g2", "https://example.org/b", "Цены выросли", "Пекари говорят.", None, "uk"
    )
    assert analyse(entry, NOW).entry.language == "uk"


def test_feed_without_language_element_gets_languages_per_item() -> None:
    body = (
        '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Mixed</title>'
        "<item><title>Ціни на хліб зросли</title><guid>u1</guid>"
        "<description>У Києві подорожчали борошно та олія.</description></item>"
        "<item><title>Цены на хлеб выросли</title><guid>r1</guid>"
        "<description>В Москве подорожали мука и масло.</description></item>"
        "<item><title>Grain exports rise</title><guid>e1</guid>"
        "<description>Shipping firms expect a busy spring.</description></item>"
        "</channel></rss>"
    ).encode()
    batch = parse_and_analyse(
        body, "Mixed", now=NOW, content_type="application/rss+xml", base_url=None, language=None
    )
    assert [a.entry.language for a in batch.articles] == ["uk", "ru", "en"]
