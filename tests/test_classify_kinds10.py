"""Failure kinds of the fifteenth blind round, in en/uk/ru (texts written here)."""

from __future__ import annotations

import pytest

from bot.detect.classify import classify

NOT_A_KILLING = [
    # a killing asked about as a possibility, the verb the last of a coordinated list
    (
        "Opinion: what courts may do with foreign volunteers",
        "Might Ukrainian soldiers who surrendered in good faith be jailed for years, or even "
        "executed?",
    ),
    # the speaker denies shooting ("I did not shoot"); he is a captive, not a victim
    (
        "Captured gunner speaks to reporters in Kyiv",
        "'I never shot anyone there,' said the gunner, who was taken prisoner near Kupiansk.",
    ),
    (
        "Полонений розповів журналістам про свою службу",
        "«Я не стріляв у людей», — сказав полонений, якого взяли біля Куп'янська.",
    ),
    # the legal line with "cannot" written as one word
    (
        "Court in occupied Donetsk sentences two foreigners",
        "Prisoners of war held by Russia cannot be prosecuted for fighting, lawyers said, and "
        "they cannot be executed.",
    ),
    # the law's line after a parenthetical, and the question of an order
    (
        "Юрист объясняет нормы войны",
        "Расстрел военнопленного, как и любое другое насилие над ним, запрещен в любых "
        "обстоятельствах.\n\nМожет ли командир приказать «пленных не брать»?",
    ),
    (
        "Юристка пояснює норми війни",
        "Чи може командир наказати «полонених не брати»? Ні, і такий наказ теж є злочином.",
    ),
    # a question with the killing as one of its alternatives
    (
        "Что ждет пленного наемника из Чили: обмен, суд или расстрел?",
        "",
    ),
    (
        "What awaits mercenaries captured in Ukraine: a trial, a swap or an execution?",
        "",
    ),
    # the law classing a list of acts, the killing first of them
    (
        "Що кажуть конвенції",
        "Убивство полоненого, побиття, приниження або «показові» допити є тяжкими порушеннями "
        "Женевських конвенцій.",
    ),
    (
        "Что говорят конвенции",
        "Убийство пленного, пытки, унижение или угрозы являются грубыми нарушениями конвенций.",
    ),
    # the captive as the one who fired, an adverb between
    (
        "Інструктор пояснює правила поводження з полоненими",
        "Навіть якщо полонений щойно стріляв у ваших друзів, він під захистом закону.",
    ),
    # journalists who identified a soldier are not the victims, but civilians still are
    (
        "Residents found shot near Izium",
        "Journalists identified three residents whose bodies were found with hands tied.",
    ),
]


@pytest.mark.parametrize(("title", "text"), NOT_A_KILLING)
def test_not_a_killing_of_captives(title: str, text: str) -> None:
    assert not classify(title, text).flagged


KILLINGS = [
    # journalists as the ones who identified the soldier, not his fellow victims
    (
        "Журналісти встановили ім'я бійця, страченого в полоні під Роботиним",
        "",
    ),
    (
        "Журналисты установили имя бойца, казненного в плену под Работино",
        "",
    ),
    (
        "Reporters identify the marine executed in captivity near Krynky",
        "",
    ),
    # Olenivka in its Russian spelling, the blast told in the next sentence
    (
        "Обмен пленными",
        "Трое из освобожденных выжили в Оленовке.\n\nЛетом 2022 года в бараке, где держали "
        "пленных, прогремел взрыв, и погибли десятки украинских военнопленных.",
    ),
    # men coming out to surrender, "liquidated" in the next sentence
    (
        "Пост военкора",
        "Трое бойцов ВСУ вышли из блиндажа с белой тряпкой и подняли руки. Всех троих "
        "ликвидировали прямо там.",
    ),
    (
        "Допис бригади",
        "Двоє росіян вийшли з посадки з білою ганчіркою, здаватися. Обох ліквідували на місці.",
    ),
    # bound hands and head shots; that they were soldiers told in the headline or a neighbour
    (
        "Three of our scouts found with hands taped near Klishchiivka",
        "All three had their hands bound with tape and had been shot in the head.",
    ),
    (
        "Brigade statement",
        "Two bodies were found in a trench near Andriivka. Both had their hands tied and were "
        "shot in the back of the head. The two marines had been captured on 4 May.",
    ),
    (
        "Біля Кліщіївки знайшли тіла наших розвідників",
        "У обох руки були зв'язані скотчем, обидва вбиті пострілом у потилицю.",
    ),
]


@pytest.mark.parametrize(("title", "text"), KILLINGS)
def test_killing_of_captives(title: str, text: str) -> None:
    assert classify(title, text).flagged


def test_an_infinitive_is_not_a_killing_carried_over() -> None:
    # the captive set up a sentence before, the verb an infinitive ("must not shoot him")
    title = "Інструкторка пояснює, як поводитися з тими, хто здався"
    text = (
        "Вчора до вашого окопу підповз поранений росіянин з піднятими руками. Навіть тоді "
        "розстрілювати його заборонено, і кожен боєць має це знати."
    )
    assert not classify(title, text).flagged
