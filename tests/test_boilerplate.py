"""Page furniture is removed so it neither creates nor masks a flag."""

from __future__ import annotations

import pytest

from bot.detect.boilerplate import strip_boilerplate
from bot.detect.classify import classify

ARTICLE = "City officials opened a new bridge over the river on Tuesday after two years of work."

FURNITURE = [
    # sidebar headlines
    "News Feed\n\n4:12 PM\n\nRussian troops executed five Ukrainian POWs, prosecutors say.\n\n"
    "Details followed in a later statement.\nMORE NEWS",
    "Read also: Russians shot three captured Ukrainian soldiers near Lyman",
    "Читайте також:\n— Окупанти розстріляли двох полонених біля Торецька\n— Погода на вихідні",
    "Читайте также:\nРоссийские военные расстреляли пленных под Угледаром\nНовости спорта",
    # appeals and newsletter boxes
    "Independent reporting survives only if readers pay for it. Become a member today.",
    "Sign up for our free weekly newsletter\nYour email\nSubscribe\n* indicates required",
    "Підтримайте редакцію щомісячним внеском — навіть 50 гривень мають значення.\nПідтримати",
    "Подпишитесь на вечернюю рассылку: главное за день в одном письме.",
    # captions, bylines, RSS tails
    "Soldiers at a checkpoint near Pokrovsk. (Photo: Illustrative image / Reuters)",
    "by Example Desk · March 3, 2025 · 2 min read",
    "The post Russian troops executed POWs near Bakhmut appeared first on Example Herald.",
]


@pytest.mark.parametrize("furniture", FURNITURE)
def test_furniture_is_removed_and_article_kept(furniture: str) -> None:
    cleaned = strip_boilerplate(f"{ARTICLE}\n\n{furniture}")
    assert ARTICLE in cleaned
    for word in ("POWs", "полонених", "пленных", "captured", "member", "newsletter", "Photo"):
        if word in furniture:
            assert word not in cleaned, cleaned


@pytest.mark.parametrize("furniture", FURNITURE)
def test_furniture_does_not_create_a_flag(furniture: str) -> None:
    assert not classify("New bridge opens in Dnipro", f"{ARTICLE}\n\n{furniture}").flagged


def test_sidebar_about_an_exchange_does_not_mask_a_positive() -> None:
    text = (
        "Russian soldiers shot two Ukrainian prisoners of war near Siversk, prosecutors said.\n\n"
        "News Feed\n\n5:40 PM\n\nUkraine and Russia swap 300 prisoners of war.\n\nMORE NEWS"
    )
    assert classify("Two POWs shot near Siversk", text).flagged


def test_teaser_with_cut_off_blurb_is_dropped() -> None:
    text = (
        f"{ARTICLE}\n"
        "How Russian troops execute surrendering soldiers\n"
        "A long investigation into what happens on the front line when men lay down their "
        "arms, based on interviews with dozens of witnesses and analysis of drone footage, "
        "shows a pattern that…"
    )
    assert strip_boilerplate(text) == ARTICLE


def test_ordinary_paragraphs_survive() -> None:
    text = "First paragraph ends here.\n\nSecond paragraph mentions membership talks with the EU."
    assert strip_boilerplate(text) == text


@pytest.mark.parametrize(
    "note",
    [
        "This report was first published by our partner outlet Frontline Ledger.",
        "The story was originally published by Steppe Courier and is republished with consent.",
        "Матеріал вперше опубліковано на сайті партнерів.",
    ],
)
def test_a_syndication_note_takes_only_its_own_sentence(note: str) -> None:
    """A note sharing a paragraph with the story: the story's sentences stay, the note goes."""
    story = (
        "Russian troops shot five captured soldiers near Toretsk on 24 November, officials said."
    )
    text = f"Shelling went on along the front.\n\n{note} {story}\n\nPower is back in Kharkiv."
    cleaned = strip_boilerplate(text)
    assert story in cleaned and note not in cleaned
    assert classify("Weekly front-line digest", text).flagged
