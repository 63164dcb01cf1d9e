"""Failure kinds of the thirteenth blind round, in en/uk/ru (texts written here)."""

from __future__ import annotations

import pytest

from bot.detect.classify import classify

NOT_A_KILLING = [
    # officers shooting their own men who try to surrender
    (
        "Defectors: officers shoot soldiers who try to surrender",
        "Russian soldiers who crossed to Ukraine say their officers have shot comrades caught "
        "trying to surrender.",
    ),
    # a call quoted in full: "stop taking prisoners and shoot them"
    (
        "Pundit's post condemned",
        'A Russian blogger called on the army to "stop taking Ukrainians prisoner and shoot '
        'them where they stand".',
    ),
    # words quoted as words
    (
        "Колонка юриста: слова имеют значение",
        "Когда редактор пишет «казнили пленного», он называет убийство наказанием.",
    ),
    (
        "Колонка: про слова",
        "Тим, хто пише «полонених не брати», варто почитати, скільки наших повернулося з обміну.",
    ),
    # families fear a reprisal
    (
        "Родственники пленных из Курской области опасаются расправы",
        "",
    ),
    (
        "Рідні полонених побоюються розправи над ними",
        "",
    ),
    # the law classing an act
    (
        "Что говорит право",
        "Статья 130 конвенции относит умышленное убийство военнопленного к серьезным нарушениям.",
    ),
    # a captive who, words later, is the one who shot a civilian
    (
        "Суд у Сумах",
        "Суд засудив полоненого військового РФ, який навесні 2022 року біля Охтирки застрелив "
        "цивільного.",
    ),
]


@pytest.mark.parametrize(("title", "text"), NOT_A_KILLING)
def test_not_a_killing_of_captives(title: str, text: str) -> None:
    assert not classify(title, text).flagged


KILLINGS = [
    # "cut down" in a headline's passive
    (
        "Two soldiers who walked out to surrender cut down by machine-gun fire near Siversk",
        "",
    ),
    # the wounded shot; the helpless "could no longer resist"
    (
        "Medic's account",
        "He says he saw Russian soldiers near Toretsk shoot the wounded one by one.",
    ),
    (
        "Rights group: men killed near Siversk 'could no longer resist'",
        "The group says Russian troops killed two Ukrainian soldiers who could no longer resist.",
    ),
    # "обнулили" with the enemy's captives is a killing, not zeroing one's own
    (
        "СБУ: окупант розповідає, як «обнулили» полонених під Бахмутом",
        "",
    ),
    (
        "Военкор похвастался",
        "Взяли четверых укропов под Кременной, вели в тыл, потом обнулили прямо в посадке.",
    ),
    # a single hand raised; shot in the head two sentences later
    (
        "Інтерв'ю з медиком",
        "Хлопець не міг відходити, він підняв руку й показав, що здається. Підійшли двоє "
        "росіян. Один вистрілив йому в голову.",
    ),
    (
        "Под Часовым Яром застрелили бойца с поднятой рукой",
        "",
    ),
]


@pytest.mark.parametrize(("title", "text"), KILLINGS)
def test_killings_of_captives(title: str, text: str) -> None:
    assert classify(title, text).flagged


NEIGHBOURS = [
    # commanders "zeroing" their own men stays own side
    (
        "Полонений: командири обнуляли своїх бійців за відступ",
        "Він розповів, що командири обнулили двох бійців, які відмовилися йти на штурм.",
    ),
    # reported speech after a colon is a statement
    (
        "Омбудсман про розстріл під Роботиним",
        "Лубінець заявив: «Окупанти розстріляли трьох полонених під Роботиним».",
    ),
]


def test_zeroing_stays_own_side() -> None:
    assert not classify(*NEIGHBOURS[0]).flagged


def test_a_quote_after_a_colon_is_reported_speech() -> None:
    assert classify(*NEIGHBOURS[1]).flagged


def test_a_headlines_bare_prisoners_take_the_war_from_the_first_sentence() -> None:
    title = "Four prisoners shot in a ravine near Vilkhuvatka, police say"
    assert classify(title, "The Ukrainian soldiers had been held there for a day.").flagged
    # convicts stay convicts
    assert not classify(title, "The inmates of the penal colony had rioted that morning.").flagged
