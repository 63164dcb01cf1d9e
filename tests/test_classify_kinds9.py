"""Failure kinds of the fourteenth blind round, in en/uk/ru (texts written here)."""

from __future__ import annotations

import pytest

from bot.detect.classify import classify

NOT_A_KILLING = [
    # satire
    (
        "Сатира. У Міноборони РФ відкрили курси ввічливості для конвоїрів",
        "Курси мають навчити конвоїрів розстрілювати полонених лише після чаювання.",
    ),
    (
        "Satire: Kremlin opens a ministry of humane captivity",
        "The new ministry will make sure Ukrainian prisoners of war are executed only on paper.",
    ),
    # a cookie notice carrying a headline
    (
        "Fuel prices fall again",
        "By continuing you agree to cookies used to show you stories like 'Captured soldiers "
        "shot near Toretsk'.\n\nPetrol got cheaper for the third week.",
    ),
    # the men of the speaker's own unit
    (
        "Полонений розповів про свого командира",
        "Командир застрелив двох бійців власного підрозділу, які хотіли перейти на бік ЗСУ, "
        "розповів полонений.",
    ),
    (
        "Пленный рассказал о своем командире",
        "Командир расстрелял двоих бойцов собственного подразделения, которые хотели сдаться.",
    ),
    # a plan to kill, with the verb in quotes
    (
        "Moscow claims Kyiv plans to 'liquidate' captured soldiers",
        "Russian officials claim Ukraine intends to 'liquidate' Ukrainian prisoners of war "
        "returned in exchanges.",
    ),
]


@pytest.mark.parametrize(("title", "text"), NOT_A_KILLING)
def test_not_a_killing_of_captives(title: str, text: str) -> None:
    assert not classify(title, text).flagged


KILLINGS = [
    # 'liquidated' in quotes; the men a unit "had taken"
    (
        "Blogger boasts of 'liquidating' captured Ukrainians near Kreminna",
        "",
    ),
    (
        "Ombudsman cites war blogger's video",
        "A fighter in the video says his unit 'liquidated' two Ukrainians it had taken near "
        "Kreminna.",
    ),
    # the captured, in apposition, then shot
    (
        "Field notes",
        "A medic said a soldier of their company, captured overnight near Ivanopillia, had been "
        "shot by the Russians.",
    ),
    # bare "prisoners" after the sentence telling how the soldiers were captured
    (
        "What the police found",
        "The four Ukrainian servicemen were captured on 2 August when their trench was overrun. "
        "Spent "
        "casings at the wall point to a deliberate killing of prisoners, police said.",
    ),
    # a white flag told after the noun; weapons laid down told first; a count as the object
    (
        "Перехват: что произошло у Песчаного",
        "«Пятеро вышли, флаг белый. Командир сказал не тащить. Ну и положили их прямо у "
        "посадки», — говорит он на записи.",
    ),
    (
        "«Нас було шестеро»",
        "— Зброю ми поскладали ще в окопі. Росіяни нас порахували. Потім чотирьох відвели до "
        "воронки і поклали там.",
    ),
    # the wounded in slang, killed in slang, unarmed in slang
    (
        "Военкор: под Кременной добивают",
        "Хохлы задвухсотили двоих наших трёхсотых — ребята уже без стволов лежали.",
    ),
    # the wounded left behind (told before the verb), then seen with shot heads
    (
        "«На их видео ребята уже были мёртвые»",
        "Троих тяжелораненых пришлось оставить у Кузьминовки, рассказал журналистам командир "
        "роты. Вынести их не было возможности. Утром в Telegram появилось видео: все трое "
        "лежат у блиндажа с простреленными головами.",
    ),
]


@pytest.mark.parametrize(("title", "text"), KILLINGS)
def test_killings_of_captives(title: str, text: str) -> None:
    assert classify(title, text).flagged


def test_prisoners_named_far_from_any_capture_stay_unanchored() -> None:
    # a camp's history: the sentence before tells no capture of the war's soldiers
    text = (
        "Historians mapped the graves of the camp near Darnytsia. Thousands of prisoners "
        "died of hunger; thousands more were shot."
    )
    assert not classify("Kyiv historians map an old camp's graves", text).flagged
