"""Fact kinds of the eighth blind round (texts written here): whose count a number is (the
sentenced, the interviewed, a term in years), counts in more wordings, a headline's count."""

from __future__ import annotations

from datetime import date

import pytest

from bot.detect import scene
from bot.detect.dates import incident_dates
from bot.detect.extract import extract_facts
from bot.detect.gazetteer import canonical_places
from bot.detect.quantities import count
from bot.detect.side import victim_side

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
        # "him", then a chain of verbs that ends in shooting; a possessive stays no count
        ("Видно, как его подтаскивают к окопу и стреляют в упор.", 1),
        ("Окупанти його роззброїли, поклали на землю й розстріляли.", 1),
        ("Его товарищей вывели к дороге и расстреляли.", None),
        # a killing between the count and "said" ends the group's clause: the unit said it
        (
            "The regiment confirmed that three of its soldiers had been shot after surrendering "
            "near Siversk and said the video was sent to prosecutors",
            3,
        ),
    ],
)
def test_whose_count_a_number_is(sentence: str, want: int | None) -> None:
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
        # a soft stem's genitive and instrumental: Маріуполь -> Маріуполя, под Мариуполем
        ("після оборони Маріуполя", ["Mariupol"]),
        ("бои под Мариуполем", ["Mariupol"]),
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


@pytest.mark.parametrize(
    ("title", "body", "want"),
    [
        (
            "Survivor says Russian troops shot surrendered comrades near Kurakhove",
            "Nine Ukrainian infantrymen climbed out of a cellar in Kurakhove on 14 August "
            "after the attackers promised to spare them. "
            "Six of them were shot on the spot, the regional prosecutor said on Tuesday. "
            "One man hid in a garden and reached Ukrainian lines two days later.",
            date(2026, 8, 14),
        ),
        (
            "Полонених розстріляли біля Торецька",
            "Четверо бійців вийшли з укриття біля Торецька 9 липня, повіривши обіцянкам "
            "окупантів. "
            "Трьох із них розстріляли одразу, повідомили в прокуратурі. "
            "Четвертий вижив і розповів слідчим про події того дня.",
            date(2026, 7, 9),
        ),
    ],
)
def test_the_group_a_killing_refers_back_to_dates_it(title: str, body: str, want: date) -> None:
    assert extract_facts(title, body, PUB).incident_date == want


@pytest.mark.parametrize(
    ("sentence", "want"),
    [
        # "the Nth of Month"
        ("On the 9th of March two captives were shot near Siversk", [date(2026, 3, 9)]),
        ("The men were executed on 21st of June, 2024", [date(2024, 6, 21)]),
        # a pair of days: the earliest
        ("The prisoners were shot on 3 and 4 May near Vuhledar", [date(2026, 5, 3)]),
        ("Полонених розстріляли 7-8 квітня під Бахмутом", [date(2026, 4, 7)]),
        # a screening or broadcast day is the film's, not the killing's
        ("The documentary premiered on 2 and 3 September at a festival in Lviv", []),
        ("The film about the killings airs on 14 November", []),
    ],
)
def test_more_day_formats_and_days_that_are_not_the_incidents(
    sentence: str, want: list[date]
) -> None:
    assert incident_dates(sentence, PUB) == want


def test_a_periodic_assessments_headline_date_is_its_issue_date() -> None:
    facts = extract_facts(
        "Russian Offensive Campaign Assessment, October 3, 2026",
        "Key takeaways: Russian forces made gains near Siversk. "
        "Footage geolocated by the team shows Russian troops executing two Ukrainian POWs "
        "near Ivanivske.",
        PUB,
    )
    assert facts.incident_date is None


@pytest.mark.parametrize(
    ("title", "body", "want"),
    [
        (
            "Что снял наш дрон под Торецком",
            "Окраина Торецка, запись с коптера, вчера днем. "
            "Пятерых ребят из нашей роты оккупанты выводят из блиндажа. "
            "Руки за головой, без оружия. "
            "Ставят на колени у стены. "
            "Смотреть дальше невозможно. "
            "Через пару секунд у стены никто не шевелится. "
            "Видео передали следователям.",
            5,
        ),
        (
            "What our drone saw near Siversk",
            "The footage is from Tuesday morning. "
            "Russian soldiers lead three of our men out of a dugout. "
            "They are pushed to their knees beside a crater with their hands raised. "
            "It is hard to watch the rest. "
            "Seconds later nobody moves. "
            "We have sent the video to investigators.",
            3,
        ),
    ],
)
def test_a_killing_told_by_its_outcome_takes_the_count_from_before(
    title: str, body: str, want: int
) -> None:
    assert extract_facts(title, body, PUB).victims == want


@pytest.mark.parametrize(
    ("sentence", "want"),
    [
        # the armed forces named in full after the soldiers
        (
            "Four servicemen of the Armed Forces of the Russian Federation were shot after "
            "laying down their arms",
            "Russian",
        ),
        ("Three servicemen of the Armed Forces of Ukraine were executed in a ravine", "Ukrainian"),
        # "formations" as the agent of a passive
        ("The captives were shot by the Ukrainian formations near the river", "Russian"),
        ("The prisoners were killed by Russian formations after their capture", "Ukrainian"),
    ],
)
def test_the_side_of_armed_forces_named_in_full(sentence: str, want: str) -> None:
    assert victim_side([sentence]) == want


def test_an_obituarys_life_is_not_the_scene_and_fighting_for_a_village_is() -> None:
    facts = extract_facts(
        "Petro Lysenko, 1991-2024: the nurse who stayed with the wounded",
        "Petro Lysenko, who has died aged 33, worked as a nurse at a clinic in Lubny for "
        "nine years before he enlisted in 2022. "
        "Colleagues remember a quiet man who sang in a church choir. "
        "He served with an assault battalion as a combat medic. "
        "In May, during fighting for Berestove, he stayed behind with two wounded men and was "
        "himself hit by shrapnel. "
        "Russian soldiers took him prisoner that night. "
        "His battalion said in June that drone footage showed he had been shot dead by his "
        "captors the next morning, 19 May. "
        "He leaves a wife and a son.",
        PUB,
    )
    assert (facts.locations, facts.victims) == (("Berestove",), 1)


@pytest.mark.parametrize(
    ("sentence", "want"),
    [
        # a unit redeployed from or to a place: its route, not the scene
        (
            "Це бійці бригади, перекинутої на Покровський напрямок із-під Бахмута.",
            [],
        ),
        ("Речь о полку, переброшенном на Запорожское направление из-под Херсона.", []),
        ("The regiment had been redeployed to the Kupiansk sector from Kherson.", []),
        # the scene in the same story still counts
        ("Полонених розстріляли біля села Роботине.", ["Robotyne"]),
    ],
)
def test_a_redeployed_units_route_is_not_the_scene(sentence: str, want: list[str]) -> None:
    assert [h.canonical for h in scene.hits(sentence)] == want


@pytest.mark.parametrize(
    ("sentence", "want"),
    [
        # the siege or defence before the captivity is an earlier turn of the front
        ("The men had laid down their arms after the siege of Mariupol ended", []),
        ("Вони потрапили в полон після оборони Маріуполя", []),
        ("Их взяли в плен после осады Мариуполя", []),
        ("They were captured after the battle for Avdiivka", []),
        # during the siege, the town is the scene
        ("During the siege of Mariupol two captives were shot", ["Mariupol"]),
    ],
)
def test_a_siege_before_the_captivity_is_not_the_scene(sentence: str, want: list[str]) -> None:
    assert [h.canonical for h in scene.hits(sentence)] == want


def test_under_a_headline_only_statement_the_bodys_captives_are_the_incidents() -> None:
    facts = extract_facts(
        "«Пленных не брать»: СБУ опубликовала перехват из-под Торецка",
        "Служба безопасности Украины обнародовала разговор российского офицера с "
        "подчиненным. "
        "В записи подчиненный докладывает, что троих украинских военных, вышедших из "
        "блиндажа с поднятыми руками возле села Щербиновка под Торецком, «списали». "
        "Следователи устанавливают личности собеседников. "
        "Открыто уголовное производство.",
        PUB,
    )
    assert (facts.victims, set(facts.locations)) == (3, {"Shcherbynivka", "Toretsk"})
