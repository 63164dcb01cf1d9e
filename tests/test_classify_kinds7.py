"""Failure kinds of the twelfth blind round, in en/uk/ru (texts written here)."""

from __future__ import annotations

import pytest

from bot.detect.classify import classify

NOT_A_KILLING = [
    # "unarmed" of a civilian is not captivity ("an unarmed man" in a trench may be a soldier)
    (
        "Prosecutors: Russian soldier shot unarmed driver at checkpoint near Beryslav",
        "",
    ),
    (
        "Окупант застрелив беззбройного водія на блокпосту під Бериславом",
        "",
    ),
    (
        "Российский военный застрелил безоружного водителя на блокпосту под Бериславом",
        "",
    ),
    # a killing in the future tense: feared, not done
    (
        "«Були певні, що розстріляють»: звільнені з полону про перший день",
        "",
    ),
    (
        "«Думали, что расстреляют»: вернувшиеся из плена о первых часах",
        "",
    ),
    # a cookie banner with a news ticker on its line, above an unrelated story
    (
        "Drill at the refinery",
        "We use cookies to improve your experience. Latest: POWs executed near Yampil, "
        "prosecutors say.\n\nWorkers practised an evacuation on Tuesday.",
    ),
    (
        "Навчання на заводі",
        "Останні новини: Розстріл полонених під Ямполем — відкрито справу.\n\nНа заводі "
        "відбулися планові навчання з евакуації.",
    ),
    # a convoy carrying the wounded shot up: an attack, not an execution
    (
        "Окупанти розстріляли колону з пораненими під Ізюмом",
        "",
    ),
    # "своїх же бійців": commanders and their own men
    (
        "Полонений: командири розстрілювали своїх же побратимів за відступ",
        "",
    ),
]


@pytest.mark.parametrize(("title", "text"), NOT_A_KILLING)
def test_not_a_killing_of_captives(title: str, text: str) -> None:
    assert not classify(title, text).flagged


KILLINGS = [
    # an unarmed man in a trench: the noun does not make him a civilian
    (
        "Відео з траншеї",
        "Окупанти вбили беззбройного чоловіка в траншеї під Соледаром після того, як він "
        "вигукнув «Слава Україні!».",
    ),
    # the captured named by a participle before the killing
    (
        "Cousins captured together near Mala Tokmachka were executed, police say",
        "",
    ),
    # led out of a basement, then shot (a sentence later, "every one")
    (
        "Drone footage from Krasnohorivka",
        "The drone filmed four Ukrainian soldiers being led out of a basement. They were "
        "made to stand by a fence. Then the Russians shot every one.",
    ),
    # weapons thrown down; fallen into enemy hands
    (
        "Під Кліщіївкою розстріляли бійців, які кинули зброю",
        "",
    ),
    (
        "Под Работино расстреляли бойцов, бросивших оружие",
        "",
    ),
    (
        "Военкор: под Клещеевкой ВСУшники расстреляли четверых наших, попавших к ним",
        "",
    ),
    (
        "Під Бахмутом росіяни розстріляли трьох бійців, які потрапили до них у руки",
        "",
    ),
    # captured and killed, in short forms
    (
        "Губернатор: бойцы у Тёткино были захвачены и убиты",
        "",
    ),
    (
        "Біля Вовчанська бійці були захоплені й убиті",
        "",
    ),
    # soldiers' slang for killing
    (
        "Военкор: сдавшихся у Марьинки минусанули прямо у лесополосы",
        "",
    ),
    # taken near a village; shot "that same day" two sentences later
    (
        "Our Andrii did not come back",
        "Andrii was taken near Terny on 3 May. Men exchanged last week told us what happened. "
        "The Russians shot him that same day.",
    ),
    # his own comrades, killed by the enemy, seen from a drone
    (
        "Оператор дрона розповів про розстріл біля Котлиного",
        "Своїх побратимів, які намагалися здатися в полон, він бачив на екрані. «Росіяни "
        "поклали їх лицем у сніг і застрелили», — каже він.",
    ),
    # the wounded executed
    (
        "Окупанти розстріляли поранених бійців під Авдіївкою",
        "",
    ),
    (
        "СК: боевики расстреляли раненых под Суджей",
        "",
    ),
    (
        "Investigators: Russian troops executed the wounded near Avdiivka",
        "",
    ),
    (
        "СК: под Суджей расстреляли двух российских военных",
        "",
    ),
]


@pytest.mark.parametrize(("title", "text"), KILLINGS)
def test_killings_of_captives(title: str, text: str) -> None:
    assert classify(title, text).flagged
