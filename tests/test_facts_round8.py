"""Fact kinds of the eighth blind round (texts written here): whose count a number is (the
sentenced, the interviewed, a term in years), counts in more wordings, a headline's count."""

from __future__ import annotations

from datetime import date

import pytest

from bot.detect.extract import extract_facts
from bot.detect.gazetteer import canonical_places
from bot.detect.quantities import count

PUB = date(2026, 11, 28)


@pytest.mark.parametrize(
    ("sentence", "want"),
    [
        # a term of years in the dative or instrumental is no count
        ("Российского снайпера приговорили к 18 годам за убийство пленного бойца", 1),
        ("Бойовика засудили до 14 років за розстріл пораненого бійця", 1),
        # the sentenced, or those found guilty, are not the victims
        (
            "Two Russian paratroopers were sentenced to life on Monday for murdering four "
            "captured Ukrainian soldiers",
            4,
        ),
        (
            "Суд засудив трьох російських військових, визнаних винними у розстрілі п'ятьох "
            "полонених",
            5,
        ),
        ("Трех военных признали виновными в убийстве семерых пленных", 7),
        # the people an author talked to are the sources
        (
            "The reporter interviewed more than 30 people, including relatives of six "
            "Ukrainian soldiers shot after capture",
            6,
        ),
        # "a pair of" is two
        ("A pair of wounded paratroopers were shot after they surrendered", 2),
        # a bare singular captive in headline English
        ("Troops executed unarmed Russian captive near Kreminna, officials say", 1),
        # "he had been shot": a singular pronoun, the past perfect passive
        ("Medics later learned that he had been shot at close range by his guards", 1),
        # "the soldier seen being shot": a singular noun, then its killing in the passive
        ("Police confirmed he was the marine filmed being shot near the river", 1),
        # a definite count with an adverb before the dead: "all N are now dead"
        ("Все шестеро теперь двухсотые.", 6),
        ("All four are now dead.", 4),
        # the wounded ("300") counted, then "both" finished off after a chain of verbs
        ("Троє трьохсотих лишилися в окопі.", 3),
        ("Обох роззули, поклали обличчям у землю і добили.", 2),
    ],
)
def test_whose_count_a_number_is(sentence: str, want: int) -> None:
    assert count(sentence)[1] == want


@pytest.mark.parametrize(
    "sentence",
    [
        # the plural killed with no singular subject: "had been" is no singular passive
        "They had been finished off where they lay.",
        "Doctors found that each had been killed by a shot to the head",
        "It is unclear how many had been killed.",
    ],
)
def test_a_plural_past_perfect_is_no_singular(sentence: str) -> None:
    assert count(sentence)[1] is None


def test_a_headline_count_outweighs_a_tally_in_the_statements() -> None:
    facts = extract_facts(
        "Прокуратура: біля Торського окупанти розстріляли 9 захисників",
        "Слідчі встановили, що бійці, оточені в посадці, склали зброю 3 жовтня. "
        "Від початку повномасштабного вторгнення прокурори розслідують понад 70 проваджень "
        "щодо страт українських полонених.",
        PUB,
    )
    assert facts.victims == 9


@pytest.mark.parametrize(
    ("text", "want"),
    [
        # villages renamed in the codifier keep their old names in reports
        ("Бій точився біля села Желанне Покровського району", ["Zhelanne", "Pokrovsk district"]),
        ("Окупанти зайшли в Желанне зі сходу", ["Zhelanne"]),
        ("Стрельба велась у Ласточкино", ["Lastochkyne"]),
        ("fighting near Lastochkyne went on", ["Lastochkyne"]),
        # an old (pre-2020) district, still named by writers
        (
            "in the Huliaipole district of Zaporizhzhia Oblast",
            ["Huliaipole district", "Zaporizhzhia Oblast"],
        ),
        ("на території Гуляйпільського району", ["Huliaipole district"]),
        # the occupation names spelt out name the oblast
        ("у селі Білогорівка Луганської народної республіки", ["Bilohorivka", "Luhansk Oblast"]),
        ("в Донецкой Народной Республике", ["Donetsk Oblast"]),
        ("in the self-styled Luhansk People's Republic", ["Luhansk Oblast"]),
        # "желанное" is a word: the village needs a place context
        ("Желанное перемирие так и не наступило", []),
    ],
)
def test_old_names_and_districts(text: str, want: list[str]) -> None:
    assert canonical_places(text) == want


@pytest.mark.parametrize(
    ("title", "body", "want"),
    [
        (
            "Нотатки взводного",
            "Важко про це писати, але мушу. "
            "Минулого тижня під Торським наш розрахунок вийшов з позиції на світанку. "
            "Троє трьохсотих не змогли йти далі, ми сховали їх у бліндажі. "
            "Повернутися вдень не вийшло, бо над нами весь час кружляли дрони. "
            "Наступного ранку туди зайшли окупанти. "
            "З коптера ми бачили все: усіх трьох витягли, поставили на коліна і розстріляли. "
            "Вічна пам'ять, брати. "
            "Запис віддали слідчим. "
            "Ми не забудемо.",
            {"Torske"},
        ),
        (
            "Без жалости",
            "Короче, свежак с Покровского направления, пацаны. "
            "Ночью трое выползли из блиндажа, белая тряпка на палке, руки вверх. "
            "Подумали наши недолго. "
            "Все трое теперь двухсотые. "
            "Кто против — отписывайтесь. "
            "Видео не будет. "
            "Подписывайтесь на канал.",
            {"Pokrovsk"},
        ),
    ],
)
def test_a_statement_that_refers_back_takes_the_scene_set_before(
    title: str, body: str, want: set[str]
) -> None:
    facts = extract_facts(title, body, PUB)
    assert set(facts.locations) == want


def test_a_passing_mention_takes_no_scene_from_before() -> None:
    facts = extract_facts(
        "Додому повернулися ще 120 оборонців",
        "Відбувся черговий обмін полоненими. "
        "Серед звільнених є захисники Бахмута та Соледара. "
        "Частину з них росіяни захопили під Кліщіївкою ще 2023 року. "
        "Усіх доправили до лікарень. "
        "Омбудсман наголосив, що окупанти й надалі розстрілюють українських військових, "
        "які складають зброю. "
        "Це вже п'ятдесятий обмін.",
        PUB,
    )
    assert facts.locations == ()
