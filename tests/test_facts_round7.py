"""Fact kinds of the seventh blind round (texts written here): whose count a number is, the
incident behind a tally, pronouns that refer back, and the side named by a wounded captive."""

from __future__ import annotations

from datetime import date

import pytest

from bot.detect import narrative, scene
from bot.detect.extract import extract_facts
from bot.detect.gazetteer import canonical_places
from bot.detect.quantities import count
from tests.detect_scans import SENTENCES

PUB = date(2026, 11, 28)


@pytest.mark.parametrize(
    ("sentence", "want"),
    [
        # the agent of a passive counts the killers, not the victims
        ("The captives were lined up and then shot by two Russian soldiers", None),
        ("The prisoners were executed by the three paratroopers who had taken them", None),
        # the subject of a killing verb before the victims' noun: the killers
        ("Троє окупантів розстріляли полоненого біля Кліщіївки", 1),
        ("Двое российских военных расстреляли пленного у Работино", 1),
        ("Два окупанти розстріляли трьох полонених під Кураховим", 3),
        # an accusative count before an active verb: the victims
        ("Чотирьох убили одразу.", 4),
        ("Пятерых расстреляли сразу.", 5),
        ("Четверо убили пленного.", 1),
        # "його" before a noun is a possessive: the victims are his comrades, not him
        ("Боєць розповів, як окупанти розстріляли його побратимів біля Торського", None),
        ("Окупанти розстріляли його на місці", 1),
        # a singular soldier noun in the genitive
        ("Суд назначил срок за убийство раненого пехотинца под Кременной", 1),
        ("Розпочато справу про вбивство пораненого прикордонника на Харківщині", 1),
        ("Вынесен приговор за расстрел взятого в плен бойца под Угледаром", 1),
        # a headline's bare "prisoner" without an article
        ("Russian troops shoot wounded prisoner near Lyptsi, brigade says", 1),
        ("Ukraine proposes new prisoner exchange", None),
    ],
)
def test_whose_count_a_number_is(sentence: str, want: int | None) -> None:
    assert count(sentence)[1] == want


def test_the_killers_counted_in_a_passive_are_not_the_victims() -> None:
    facts = extract_facts(
        "Witnesses describe killing of captured marines near Krynky",
        "Russian troops shot dead four Ukrainian marines after taking them prisoner near "
        "Krynky on 9 March. "
        "A drone operator watched from above. "
        "The captives were made to kneel in a crater and then shot by two Russian soldiers "
        "while their commander filmed it.",
        PUB,
    )
    assert (facts.victims, facts.victim_side) == (4, "Ukrainian")


def test_the_incident_told_after_a_tally_is_not_background() -> None:
    facts = extract_facts(
        "Peace talks must not forget the captives",
        "Opinion. "
        "Officials in Kyiv count more than 150 prisoners of war executed since 2022. "
        "Just last month, prosecutors said Russian troops had shot three captured soldiers "
        "near Orikhiv. "
        "Any agreement must start with an exchange of all prisoners.",
        PUB,
    )
    assert (facts.victims, facts.locations) == (3, ("Orikhiv",))


def test_a_tally_before_the_incident_keeps_later_cases_in_the_background() -> None:
    facts = extract_facts(
        "Russian troops shot five captured Ukrainian soldiers near Orikhiv",
        "Russian troops shot five captured Ukrainian soldiers near Orikhiv on Monday, "
        "prosecutors said. "
        "Last month another captive was shot near Polohy.",
        PUB,
    )
    assert (facts.victims, facts.locations) == (5, ("Orikhiv",))


@pytest.mark.parametrize(
    ("title", "body", "want"),
    [
        (
            "Soldiers who raised their hands were cut down, footage shows",
            "Four men climbed out of a trench near Vuhledar with their arms above their heads, "
            "drone footage released on Friday shows. "
            "The brigade said they were its riflemen whose ammunition had run out. "
            "They were shot dead after they had surrendered, the brigade said.",
            4,
        ),
        (
            "Бійців, які підняли руки, скосили чергою — відео",
            "Троє бійців вийшли з посадки біля Вугледара з піднятими руками. "
            "Бригада підтвердила, що це її піхотинці. "
            "Їх розстріляли як полонених, заявили в бригаді.",
            3,
        ),
    ],
)
def test_a_pronoun_statement_takes_the_count_from_before(title: str, body: str, want: int) -> None:
    assert extract_facts(title, body, PUB).victims == want


@pytest.mark.parametrize(
    ("title", "body", "want"),
    [
        (
            "Video shows captured soldier shot in a ditch",
            "Prosecutors said the prisoner of war was shot by a Russian soldier near Lyman.",
            "Ukrainian",
        ),
        (
            "Survivors describe the killing of captives",
            "The captives were searched and then shot by three Russian soldiers, the two "
            "survivors said.",
            "Ukrainian",
        ),
        (
            "Мать узнала сына на видео",
            "На видео украинские военные ведут раненого российского бойца со связанными "
            "руками, а потом один из них стреляет в пленного.",
            "Russian",
        ),
        (
            "Мати впізнала сина на відео",
            "На відео російські військові ведуть пораненого українського бійця, а потім "
            "один з них стріляє в полоненого.",
            "Ukrainian",
        ),
    ],
)
def test_the_side_of_a_wounded_captive_and_a_counted_agent(
    title: str, body: str, want: str
) -> None:
    assert extract_facts(title, body, PUB).victim_side == want


@pytest.mark.parametrize(
    ("text", "want"),
    [
        # a plural name in "-ки" whose genitive is "-ків" / "-ков"
        ("полонених розстріляли біля Малих Щербаків", ["Mali Shcherbaky"]),
        ("пленных расстреляли возле Грыпаков", ["Hrypaky"]),
        # a region's possessive before the village
        ("Two POWs were shot in Kharkiv region's Husarivka", ["Kharkiv Oblast", "Husarivka"]),
        # an appositive after the name is a place context
        (
            "the trench line east of Tsukuryne, a village in Pokrovsk district",
            ["Tsukuryne", "Pokrovsk district"],
        ),
        ("a ditch beyond Lobkove, a small village near the river", ["Lobkove"]),
        # "past", "east" end in "st" but are no street abbreviation ("st. Franka")
        ("the captives were led past Lobkove, a small village near the river", ["Lobkove"]),
        ("свідки бачили це, Щербинівка — село під Торецьком", ["Shcherbynivka", "Toretsk"]),
        # ... but a bare capitalised word is still not a village
        ("Щербинівка прийшла до редакції", []),
    ],
)
def test_codifier_names_in_more_contexts(text: str, want: list[str]) -> None:
    assert canonical_places(text) == want


@pytest.mark.parametrize(
    ("sentence", "place"),
    [
        # where a victim came from
        ("The dead man was a 40-year-old machine-gunner from the village of Sedniv", "Sedniv"),
        ("He was identified as a sergeant from the town of Irpin", "Irpin"),
        # an earlier turn of the front
        ("It happened as Russian units pulled back after losing Lyman", "Lyman"),
        ("It happened weeks after the loss of Avdiivka", "Avdiivka"),
        # an office's seat
        ("Прокуратура, которая работает из Краматорска, сообщила о казни", "Kramatorsk"),
        # where a unit went
        ("Russian troops also advanced into central Toretsk", "Toretsk"),
    ],
)
def test_more_places_that_are_not_the_scene(sentence: str, place: str) -> None:
    assert place in canonical_places(sentence)
    assert place not in [h.canonical for h in scene.hits(sentence)]


@pytest.mark.parametrize(
    ("title", "body", "want"),
    [
        # the region right after the incident's village locates it
        (
            "Russian troops shot two captured Ukrainian soldiers near Krynky",
            "Russian troops shot two captured Ukrainian soldiers near Krynky, prosecutors said. "
            "The two had been cut off in a dugout near Krynky, in Kherson Oblast, for a day.",
            {"Krynky", "Kherson Oblast"},
        ),
        (
            "Intercept: Russian soldier boasts of shooting captives near Bilohorivka",
            "In an intercepted call, a soldier describes what his squad did near Bilohorivka in "
            "Luhansk Oblast. The SBU said three captured Ukrainian soldiers had been shot.",
            {"Bilohorivka", "Luhansk Oblast"},
        ),
        (
            "Окупанти розстріляли двох полонених під Юнаківкою",
            "Окупанти розстріляли двох полонених під Юнаківкою, повідомили в бригаді. "
            "Бійці вийшли з лісосмуги біля Юнаківки Сумського району з піднятими руками.",
            {"Yunakivka", "Sumy district"},
        ),
        # a headline that tells a killing without a captive word adds its town, not its oblast
        (
            "Батько впізнав на відео сина, розстріляного окупантами під Куп'янськом",
            "На відео російські військові ведуть пораненого українського бійця, а потім один з "
            "них стріляє полоненому в спину. Слідчі встановили, що зйомка зроблена біля "
            "Синьківки.",
            {"Kupiansk", "Synkivka"},
        ),
        (
            "На Луганщині окупанти вбили трьох бійців",
            "Українських військових, які здалися біля Невського, окупанти розстріляли.",
            {"Nevske"},
        ),
        # the findings of an investigation or a court tell the incident itself
        (
            "Prosecutors charge Russian sergeant over killing of two captured guards",
            "A Russian sergeant has been charged in absentia with shooting two Ukrainian border "
            "guards after they surrendered, prosecutors said. "
            "According to the investigation, on 3 June 2024 near the village of Hlyboke the "
            "suspect's squad took the guards out of a cellar. "
            "He has been notified of suspicion.",
            {"Hlyboke"},
        ),
        (
            "Окупанту повідомили про підозру у розстрілі полоненого",
            "Окупанту заочно повідомили про підозру у вбивстві полоненого. "
            "Слідство встановило, що 4 квітня 2023 року біля села Іванівське підозрюваний "
            "захопив українського бійця. "
            "Йому загрожує довічне ув'язнення.",
            {"Ivanivske"},
        ),
        (
            "Военнослужащему вынесли приговор за убийство пленного",
            "Суд вынес приговор военнослужащему за убийство пленного. "
            "Судом установлено, что в мае 2023 года на окраине Новомихайловки подсудимый "
            "застрелил раненого бойца.",
            {"Novomykhailivka"},
        ),
        # an office whose long name ends in "which works from X" sits there
        (
            "Бойцов, которые сдались, расстреляли — прокуратура",
            "Прокуратура в сфере обороны Восточного региона, которая работает из Краматорска, "
            "сообщила о расстреле трех украинских военнопленных на окраине Курахово.",
            {"Kurakhove"},
        ),
    ],
)
def test_which_places_locate_the_incident(title: str, body: str, want: set[str]) -> None:
    assert set(extract_facts(title, body, PUB).locations) == want


@pytest.mark.parametrize(
    ("title", "body", "want"),
    [
        (
            "Prosecutors charge Russian sergeant over killing of two captured guards",
            "A Russian sergeant has been charged in absentia with shooting two Ukrainian border "
            "guards after they surrendered, prosecutors said. "
            "According to the investigation, on 3 June 2024 near the village of Hlyboke the "
            "suspect's squad took the guards out of a cellar. "
            "He has been notified of suspicion.",
            date(2024, 6, 3),
        ),
        (
            "Окупанти розстріляли двох полонених прикордонників на Сумщині",
            "Прокуратура розслідує вбивство двох полонених прикордонників. "
            "За даними слідства, 8 травня ворожа група зайшла на околицю села Басівка. "
            "Двоє військових дістали поранення. "
            "Російські військові підійшли до них і вбили обох.",
            date(2026, 5, 8),
        ),
    ],
)
def test_the_findings_date_the_incident(title: str, body: str, want: date) -> None:
    assert extract_facts(title, body, PUB).incident_date == want


def test_every_finding_match_holds_a_key() -> None:
    examples = [
        "According to the investigation, on 3 June the squad shot them.",
        "The court found that the defendant shot the prisoner.",
        "За даними Донецької обласної прокуратури, йдеться про події 6 вересня.",
        "Суд встановив, що обвинувачений розстріляв полоненого.",
        "По версии следствия, пленного расстреляли 5 мая.",
        "Судом установлено, что подсудимый застрелил пленного.",
    ]
    matched = 0
    for s in [*examples, *SENTENCES]:
        for t in (s, s.upper()):
            if narrative.FINDING.blind.search(t):
                matched += 1
                assert any(k in t[:160].lower() for k in narrative.FINDING_KEYS), t
    assert matched >= 2 * len(examples)


@pytest.mark.parametrize(
    ("title", "body", "want"),
    [
        # a reported clause dates the event, not the report
        (
            "Court jails Russian corporal for shooting a captured Ukrainian",
            "Prosecutors said that on 5 August 2023 the corporal shot a captured Ukrainian "
            "soldier near Robotyne.",
            date(2023, 8, 5),
        ),
        (
            "Court jails Russian corporal for shooting a captured Ukrainian",
            "The regional prosecutor's office said the court found that on 5 August 2023 the "
            "corporal shot a captured Ukrainian soldier near Robotyne.",
            date(2023, 8, 5),
        ),
        (
            "Court jails Russian corporal for shooting a captured Ukrainian",
            "Prosecutors said on 5 August 2023 that the corporal had shot a captured Ukrainian "
            "soldier near Robotyne.",
            None,
        ),
        # a sentence that dates the event
        (
            "Окупанти добили двох бійців, які здавалися дрону",
            "Бригада оприлюднила відео, як окупанти добили двох поранених бійців, які "
            "здавалися. Подію датують 14 березня.",
            date(2026, 3, 14),
        ),
        (
            "«Нас вивели з піднятими руками»: боєць розповів про розстріл побратимів",
            "Це було 9 лютого 2024 року. "
            "Семеро бійців вийшли з бліндажа з піднятими руками. "
            "Росіяни розстріляли їх одразу.",
            date(2024, 2, 9),
        ),
        # a daily update's headline date is its issue date
        (
            "Front Daily Update, March 2, 2025",
            "Russian forces reportedly executed four surrendering Ukrainian servicemen near "
            "Pokrovsk.",
            None,
        ),
        # bound captives set up before the shots, and a capture two sentences before them
        (
            "Свідки розповіли про розстріл полонених біля Лобкового",
            "Прокуратура отримала показання свідків розстрілу українських полонених. "
            "За їхніми словами, 8 червня 2023 року російські військові привели до лісосмуги "
            "двох бійців зі зв'язаними руками. "
            "Потім пролунали постріли.",
            date(2023, 6, 8),
        ),
    ],
)
def test_which_day_the_incident_is(title: str, body: str, want: date | None) -> None:
    assert extract_facts(title, body, PUB).incident_date == want


@pytest.mark.parametrize(
    ("title", "body", "want"),
    [
        # the place of a capture two sentences before the killing
        (
            "«Двох моїх побратимів застрелили»: звільнений з полону розповів про страту під "
            "Авдіївкою",
            "Сержант розповів, як потрапив у полон біля Степового разом із трьома побратимами. "
            "Двоє з них мали поранення. "
            "Росіяни наказали всім лягти, а потім застрелили обох поранених полонених.",
            {"Avdiivka", "Stepove"},
        ),
        # the accused's own capture later is not the scene
        (
            "Captured Russian soldier jailed for shooting a Ukrainian who surrendered",
            "A court sentenced a captured Russian soldier to life for shooting a Ukrainian "
            "soldier who had surrendered near Husarivka. "
            "The Russian was himself taken prisoner near Balakliia in September 2022.",
            {"Husarivka"},
        ),
        (
            "Осужден российский военный, расстрелявший пленного у Гусаровки",
            "Суд приговорил российского военного за расстрел пленного украинского бойца у "
            "Гусаровки. "
            "Осужденный сам был взят в плен 3 сентября под Балаклеей.",
            {"Husarivka"},
        ),
        # where a court sat, told as where the sentence happened
        (
            "У Ростові засудили українського полоненого за вбивство російського військового",
            "Суд визнав українського полоненого винним у вбивстві російського військового, "
            "який здався в полон біля Кремінної.",
            {"Kreminna"},
        ),
        (
            "In Rostov, a court sentenced a Ukrainian POW over the killing of a captive",
            "The court said the Ukrainian had shot a Russian soldier who had surrendered near "
            "Kreminna.",
            {"Kreminna"},
        ),
    ],
)
def test_which_places_are_the_incidents(title: str, body: str, want: set[str]) -> None:
    assert set(extract_facts(title, body, PUB).locations) == want


@pytest.mark.parametrize(
    ("text", "want"),
    [
        # a renamed town's old name, as Russian sources still write it
        ("пленных расстреляли в Дзержинске", ["Toretsk"]),
        ("полонених розстріляли під Дзержинськом", ["Toretsk"]),
        # a soft plural's Russian genitive
        ("их захватили у Бердычей", ["Berdychi"]),
        # the next name in a list of places
        ("Курахівський напрямок, Успенівка", ["Kurakhove", "Uspenivka"]),
        (
            "near Pokrovsk, Novoekonomichne and Myrnohrad",
            ["Pokrovsk", "Novoekonomichne", "Myrnohrad"],
        ),
        ("Покровськ, Перемога буде за нами", ["Pokrovsk"]),
    ],
)
def test_old_names_plurals_and_lists(text: str, want: list[str]) -> None:
    assert canonical_places(text) == want


@pytest.mark.parametrize(
    ("title", "body", "want"),
    [
        (
            "Записки з окопу",
            "Кліщіївка.\n"
            "Знову.\n"
            "Хлопець із сусідньої роти вийшов до них без зброї з піднятими руками.\n"
            "Орки дочекалися, поки він підійде ближче, і розстріляли полоненого впритул.\n"
            "Я його знав.\n"
            "Пишу без імен, родині ще не повідомили.\n"
            "Відео не викладаю.",
            {"Klishchiivka"},
        ),
        (
            "Вести с передка",
            "⚡️Курахівський напрямок, Успенівка\n"
            "Двоє наших вийшли з підвалу з піднятими руками.\n"
            "Орки поклали їх обличчям у землю і розстріляли.\n"
            "Відео вже гуляє по їхніх пабліках.\n"
            "Позивні передали куди треба.\n"
            "Пам'ятаємо.\n"
            "#воєнні_злочини",
            {"Kurakhove", "Uspenivka"},
        ),
    ],
)
def test_a_posts_place_line_names_the_scene(title: str, body: str, want: set[str]) -> None:
    assert set(extract_facts(title, body, PUB).locations) == want


@pytest.mark.parametrize(
    ("title", "body", "want"),
    [
        (
            "A brigade reconstructs how its squad was lost",
            "Four men walked out of a dugout with their hands raised. "
            "In the last frames the Russian soldiers guarding them open fire from behind, "
            "killing the prisoners.",
            "Ukrainian",
        ),
        (
            "Омбудсман перевіряє відео",
            "На відео, як стверджують пропагандисти, українські військові стріляють у трьох "
            "полонених, які лежать на землі без зброї, — йдеться про росіян.",
            "Russian",
        ),
        # "ours" is the author's side: shown by the slur for the enemy
        (
            "⚡️Вугледарський напрямок",
            "Позавчора під час відходу у нас лишилися четверо поранених, укропи накрили все "
            "мінометами.\n"
            "Сьогодні противник сам виклав відео: наших полонених витягують з окопу і добивають.",
            "Russian",
        ),
        (
            "Вугледарський напрямок",
            "Позавчора під час відходу у нас лишилися четверо поранених, орки накрили все "
            "мінометами.\n"
            "Сьогодні противник сам виклав відео: наших полонених витягують з окопу і добивають.",
            "Ukrainian",
        ),
    ],
)
def test_the_side_of_killers_who_open_fire_and_of_ours(title: str, body: str, want: str) -> None:
    assert extract_facts(title, body, PUB).victim_side == want


@pytest.mark.parametrize(
    ("sentence", "want"),
    [
        # "200" is the soldiers' word for the dead
        ("Обидва — двохсоті.", 2),
        ("Оба двухсотые.", 2),
        ("Троє двохсоті.", 3),
        # a hyphenated soldier noun
        ("Then he shot a wounded machine-gunner at point-blank range", 1),
    ],
)
def test_more_ways_to_count(sentence: str, want: int) -> None:
    assert count(sentence)[1] == want


def test_an_office_that_has_worked_from_a_town_and_men_who_came_under_fire() -> None:
    facts = extract_facts(
        "🩸 Орки добили наших поранених під Кліщіївкою",
        "Це пише адмін каналу. "
        "Вчора, 12 травня, група наших хлопців потрапила під щільний вогонь на південь від "
        "Кліщіївки, що під Бахмутом. "
        "Двоє були важко поранені, хлопці відійшли, щоб повернутися за ними вночі. "
        "Вранці дрон зняв, як орки підійшли до поранених полонених і добили їх упритул. "
        "Обидва — двохсоті.",
        PUB,
    )
    assert (facts.locations, facts.victims, facts.incident_date) == (
        ("Klishchiivka", "Bakhmut"),
        2,
        date(2026, 5, 12),
    )
    seat = "Prosecutors, whose office has worked from Kramatorsk since spring, named the accused"
    assert scene.hits("The regional office, which has worked from Kramatorsk since spring") == []
    assert "Kramatorsk" in canonical_places(seat)


@pytest.mark.parametrize(
    ("sentence", "want"),
    [
        # a definite count stands for the group told before
        ("The five are led in single file towards a ditch.", 5),
        ("All four were made to lie face down.", 4),
        ("Усі троє лежали обличчям донизу.", 3),
        # ... but not survivors
        ("The two were the only survivors.", None),
    ],
)
def test_a_definite_count_of_the_group(sentence: str, want: int | None) -> None:
    assert count(sentence)[1] == want


def test_the_group_counted_beside_the_statement() -> None:
    facts = extract_facts(
        "A drone's footage shows the end of a lost squad",
        "The squad had held the position for nine days. "
        "A clip filmed by a drone shows what happened next. "
        "The five are led in single file towards a ditch. "
        "Then the Russian soldiers escorting the prisoners open fire from behind.",
        PUB,
    )
    assert (facts.victims, facts.victim_side) == (5, "Ukrainian")


@pytest.mark.parametrize(
    ("sentence", "want"),
    [
        # a term or a span of time is never a count
        ("Russian corporal jailed for 12 years for shooting Ukrainian POW", 1),
        ("Росіянина засудили до 14 років за розстріл полоненого", 1),
        ("Three days later the captives were shot", None),
        # the accused counted is not the victims
        ("Prosecutors notified three Russian paratroopers of suspicion of killing a POW", 1),
        ("Прокурори повідомили про підозру двом окупантам у вбивстві полоненого", 1),
        # a singular passive, not a film's
        ("His brother, she says, was shot by Russian soldiers after surrendering", 1),
        ("The footage was shot near Avdiivka, the captives' bodies were found later", None),
    ],
)
def test_terms_the_accused_and_singular_passives(sentence: str, want: int | None) -> None:
    assert count(sentence)[1] == want


def test_the_dead_counted_before_the_captives_counted() -> None:
    facts = extract_facts(
        "Один із чотирьох вижив: під Прогресом окупанти розстріляли полонених",
        "Четверо українських бійців потрапили в полон 3 березня поблизу села Прогрес. "
        "Російські військові поставили їх на коліна й відкрили вогонь. "
        "Троє загинули, четвертий удав мертвого і згодом виповз до своїх.",
        PUB,
    )
    assert facts.victims == 3


@pytest.mark.parametrize(
    ("title", "body", "want"),
    [
        # a second verb after the killers: "made them lie down and fired at them"
        (
            "Prosecutors investigate the killing of three captives near Orikhiv",
            "The three captives were made to kneel: Ukrainian servicemen made them lie face "
            "down and fired at them with rifles, the investigators said.",
            "Russian",
        ),
        # a quoted verb and a wound before the object
        (
            "Spokeswoman accuses Kyiv of killing fighters who raised a white flag",
            "She said Ukrainian soldiers near Kreminna had 'shot in the back' a group of Russian "
            "fighters who had raised a white flag.",
            "Russian",
        ),
        # fighters are soldiers
        (
            "Ministry says captives were shot",
            "Two Russian fighters were shot after they surrendered, the ministry said.",
            "Russian",
        ),
    ],
)
def test_killers_with_a_second_verb_or_a_quoted_one(title: str, body: str, want: str) -> None:
    assert extract_facts(title, body, PUB).victim_side == want


@pytest.mark.parametrize(
    ("sentence", "place", "scene_place"),
    [
        # what the enemy did elsewhere, given as a motive, is another event's place
        (
            "Наші не церемонилися — після того, що ці тварюки робили з нашими під Бахмутом.",
            "Bakhmut",
            False,
        ),
        (
            "Наши не церемонились — после того, что эти твари делали с нашими под Бахмутом.",
            "Bakhmut",
            False,
        ),
        (
            "They did not hold back after what the enemy had done to their friends near Bakhmut",
            "Bakhmut",
            False,
        ),
        # ... not "after they were captured near X"
        ("После того как их взяли в плен под Бахмутом, их расстреляли", "Bakhmut", True),
    ],
)
def test_a_motive_names_another_events_place(sentence: str, place: str, scene_place: bool) -> None:
    assert place in canonical_places(sentence)
    assert (place in [h.canonical for h in scene.hits(sentence)]) == scene_place
