"""Place and date kinds of the thirteenth blind round (texts written here): the victims'
capture told as an act before their killing, offices and titles that name a region, a
commemoration's town, and a headline's earlier case."""

from __future__ import annotations

from datetime import date

import pytest

from bot.detect.extract import extract_facts

PUB = date(2026, 11, 28)


@pytest.mark.parametrize(
    ("title", "body", "place", "day"),
    [
        (
            "Investigators: captured machine-gunner was shot near Hrodivka",
            "Investigators say Russian soldiers shot a captured Ukrainian machine-gunner. "
            "On 3 October two soldiers seized the gunner near "
            "Hrodivka when he ran out of ammunition. "
            "He was shot an hour later behind a barn.",
            "Hrodivka",
            date(2026, 10, 3),
        ),
        (
            "Омбудсман: окупанти вбили полоненого сапера",
            "Омбудсман повідомив про нове порушення конвенції. "
            "За його словами, 14 вересня біля Тоненького ворожа група захопила сапера. "
            "Згодом його розстріляли.",
            "Tonenke",
            date(2026, 9, 14),
        ),
        (
            "Пленного связиста убили у Песчаного",
            "Военные сообщили о гибели пленного связиста. "
            "По их данным, 8 июля у Песчаного украинские военные задержали связиста. "
            "Позже его расстреляли.",
            "Pishchane",
            date(2026, 7, 8),
        ),
    ],
)
def test_a_capture_told_as_an_act_sets_up_the_captives(
    title: str, body: str, place: str, day: date
) -> None:
    facts = extract_facts(title, body, PUB)
    assert place in facts.locations
    assert facts.incident_date == day


def test_a_suspect_seized_is_an_arrest_not_the_setup() -> None:
    facts = extract_facts(
        "Suspect in killing of captured scout detained",
        "Police said a Russian soldier shot a captured Ukrainian scout in 2024. "
        "On 3 October officers detained the suspect near Kramatorsk. "
        "He was shot in the head, the indictment says.",
        PUB,
    )
    assert facts.incident_date is None


@pytest.mark.parametrize(
    ("title", "body", "want"),
    [
        # an official's title names his region, not the scene
        (
            "Губернатор: у Козинки после пленения убиты двое бойцов",
            "Губернатор Курской области сообщил, что двое бойцов, попавших в плен у села "
            "Козинка, были расстреляны.",
            {"Kozinka"},
        ),
        # a force's name ("Народная милиция ДНР") is no place either
        (
            "Под Авдеевкой застрелили пленного связиста, заявили в милиции",
            "Представитель Народной милиции ДНР заявил, что возле Авдеевки украинские военные "
            "застрелили пленного связиста.",
            {"Avdiivka"},
        ),
        # a court named after its district is an office
        (
            "Суд засудив окупанта, який розстріляв полоненого біля Липців",
            "Харківський районний суд засудив російського військового, який розстріляв "
            "полоненого українського бійця біля Липців.",
            {"Lyptsi"},
        ),
        (
            "Russian soldier jailed for shooting a captured medic near Lyptsi",
            "A Kharkiv district court jailed a Russian soldier who shot a captured Ukrainian "
            "medic near Lyptsi.",
            {"Lyptsi"},
        ),
    ],
)
def test_an_office_or_a_title_names_no_scene(title: str, body: str, want: set[str]) -> None:
    assert set(extract_facts(title, body, PUB).locations) == want


@pytest.mark.parametrize(
    ("title", "body", "want"),
    [
        # the town where the dead are remembered is not where they were killed
        (
            "В Лебедине почтили память бойцов, расстрелянных в плену под Суджей",
            "В Лебедине у мемориала прошла траурная акция в память о троих военных, "
            "расстрелянных после пленения под Суджей.",
            {"Sudzha"},
        ),
        (
            "У Ромнах вшанували пам'ять полонених, яких розстріляли під Вовчанськом",
            "У Ромнах біля меморіалу зібралися рідні трьох бійців, яких окупанти розстріляли "
            "в полоні під Вовчанськом.",
            {"Vovchansk"},
        ),
        (
            "In Uman, families honoured two captives shot near Robotyne",
            "In Uman, families honoured two Ukrainian soldiers who were shot after they "
            "surrendered near Robotyne.",
            {"Robotyne"},
        ),
    ],
)
def test_where_the_dead_are_remembered_is_no_scene(title: str, body: str, want: set[str]) -> None:
    assert set(extract_facts(title, body, PUB).locations) == want


@pytest.mark.parametrize(
    ("title", "body", "want"),
    [
        # a headline's second sentence about an earlier case names that case's place
        (
            "Полоненого розстріляли біля Липців. Раніше подібне було під Вовчанськом",
            "Прокурори розслідують новий випадок: окупанти розстріляли полоненого бійця.",
            {"Lyptsi"},
        ),
        (
            "Captive shot near Robotyne. Earlier, two were killed at Verbove",
            "Prosecutors say Russian soldiers shot a Ukrainian soldier who had surrendered.",
            {"Robotyne"},
        ),
    ],
)
def test_a_headline_sentence_about_an_earlier_case_is_background(
    title: str, body: str, want: set[str]
) -> None:
    assert set(extract_facts(title, body, PUB).locations) == want


@pytest.mark.parametrize(
    ("title", "body", "day"),
    [
        # men cut off are surrounded: the day they were cut off dates the incident
        (
            "Троє розвідників загинули під Кринками",
            "Окупанти розстріляли трьох полонених розвідників, кажуть рідні. "
            "Хлопці служили разом з весни. "
            "Вранці 9 листопада їхня група була відрізана від своїх.",
            date(2026, 11, 9),
        ),
        (
            "Трое разведчиков погибли у Крынок",
            "Оккупанты расстреляли троих пленных разведчиков, говорят родные. "
            "Ребята служили вместе с весны. "
            "Утром 9 ноября их группа оказалась отрезана от своих.",
            date(2026, 11, 9),
        ),
        (
            "Three scouts died near Krynky",
            "Russian soldiers shot three captured Ukrainian scouts, their families say. "
            "The men had served together since spring. "
            "On the morning of 9 November their group was cut off from the rest of the unit.",
            date(2026, 11, 9),
        ),
    ],
)
def test_men_cut_off_are_surrounded(title: str, body: str, day: date) -> None:
    assert extract_facts(title, body, PUB).incident_date == day


@pytest.mark.parametrize(
    ("title", "body", "day"),
    [
        # the day the killing was filmed, even told after "said", is the incident's day (the
        # first case guards the report's own day, "said on 2 March that")
        (
            "Video shows captured gunner shot near Lyptsi",
            "A brigade said on 2 March that the killing of a captured Ukrainian gunner near "
            "Lyptsi was filmed on 27 February.",
            date(2026, 2, 27),
        ),
        (
            "Video shows captured gunner shot near Lyptsi",
            "The clip, which the brigade said was filmed on 27 February, shows a Russian "
            "soldier shooting a captured Ukrainian gunner near Lyptsi.",
            date(2026, 2, 27),
        ),
    ],
)
def test_the_day_a_killing_was_filmed_dates_it(title: str, body: str, day: date) -> None:
    assert extract_facts(title, body, PUB).incident_date == day


@pytest.mark.parametrize(
    ("title", "body", "day"),
    [
        # a day with no year takes the year the story gave its month before it, not the
        # publication's
        (
            "The last morning at the quarry",
            "For a week in May 2025, a Ukrainian squad held a dugout by the quarry. "
            "By the morning of 19 May, they were surrounded. "
            "Russian soldiers shot the four men after they came out with their hands up.",
            date(2025, 5, 19),
        ),
        (
            "Останній ранок біля кар'єру",
            "У травні 2025 року відділення тримало бліндаж біля кар'єру. "
            "Вранці 19 травня бійців оточили. "
            "Окупанти розстріляли чотирьох полонених, коли ті вийшли з піднятими руками.",
            date(2025, 5, 19),
        ),
        # a month named with its year after the dated sentence tells another time (a life)
        (
            "Captured machine-gunner shot near Lyptsi on 19 May",
            "A captured Ukrainian machine-gunner was shot near Lyptsi on 19 May. "
            "He had joined up in May 2023 and never complained, his sister said.",
            date(2026, 5, 19),
        ),
    ],
)
def test_a_day_takes_the_year_the_story_gave_its_month(title: str, body: str, day: date) -> None:
    assert extract_facts(title, body, PUB).incident_date == day


@pytest.mark.parametrize(
    ("title", "body", "want"),
    [
        # a post's hashtag keeps the place context before it
        (
            "💔 Andrii is gone",
            "💔 Our Andrii will not come home. "
            "He was captured near #Tonenke on 4 June with two friends. "
            "The friends who came back in the swap told us: they shot him the same evening.",
            {"Tonenke"},
        ),
        # where men came from ("Брати з Полтавщини", "бойцы из Сумской области") is not the scene
        (
            "Брати з Полтавщини загинули в полоні: їх розстріляли на Харківщині",
            "Навесні брати потрапили в полон під Липцями на Харківщині. "
            "Окупанти розстріляли обох.",
            {"Lyptsi", "Kharkiv Oblast"},
        ),
        (
            "Бойцы из Сумской области погибли в плену: их расстреляли под Волчанском",
            "Весной бойцы попали в плен у Волчанска. Оккупанты расстреляли обоих.",
            {"Vovchansk"},
        ),
    ],
)
def test_a_hashtag_and_an_origin(title: str, body: str, want: set[str]) -> None:
    assert set(extract_facts(title, body, PUB).locations) == want


@pytest.mark.parametrize(
    ("title", "body", "want"),
    [
        # a neuter noun as a name's second word declines as a noun: Поле -> Поля, Полі
        (
            "Четверо полонених розстріляні біля Високого Поля",
            "Окупанти розстріляли чотирьох українських військових, які здалися в полон.",
            {"Vysoke Pole"},
        ),
        (
            "Бійців, що здалися, розстріляли у Червоному Полі",
            "Окупанти розстріляли двох полонених бійців.",
            {"Chervone Pole"},
        ),
        (
            "Окупанти вбили полоненого біля Нового Селища",
            "Російські військові розстріляли полоненого українського бійця.",
            {"Nove Selyshche"},
        ),
    ],
)
def test_a_noun_second_word_declines_as_a_noun(title: str, body: str, want: set[str]) -> None:
    assert set(extract_facts(title, body, PUB).locations) == want


@pytest.mark.parametrize(
    ("title", "body", "want"),
    [
        # where the accused was himself captured is not the scene
        (
            "SBU holds Russian soldier suspected of shooting a captive",
            "The SBU said it was holding a Russian soldier captured in the Kursk region who is "
            "suspected of shooting a captured Ukrainian near Robotyne last year.",
            {"Robotyne"},
        ),
        (
            "СБУ повідомила про підозру окупанту, який розстріляв полоненого",
            "СБУ повідомила, що військовий, взятий у полон на Курщині, якого підозрюють у "
            "розстрілі полоненого під Роботиним, дає свідчення.",
            {"Robotyne"},
        ),
    ],
)
def test_where_the_accused_was_captured_is_no_scene(title: str, body: str, want: set[str]) -> None:
    assert set(extract_facts(title, body, PUB).locations) == want


@pytest.mark.parametrize(
    ("title", "body", "want"),
    [
        # "X, south of Y": the town that locates the village is named with it
        (
            "Captured sappers shot near Hrodivka",
            "Russian soldiers shot two captured Ukrainian sappers near Hrodivka, prosecutors "
            "said. Hrodivka, north of Pokrovsk, has been under fire since the spring.",
            {"Hrodivka", "Pokrovsk"},
        ),
        (
            "Окупанти розстріляли полонених біля Гродівки",
            "Окупанти розстріляли двох полонених саперів біля Гродівки, повідомили прокурори. "
            "Гродівку, на північ від Покровська, обстрілюють з весни.",
            {"Hrodivka", "Pokrovsk"},
        ),
        # "the outskirts of X" is a place context
        (
            "Video from Tonenke: two captives shot",
            "Investigators studied a video from the outskirts of Tonenke, west of Avdiivka, in "
            "which Russian soldiers shoot two captured Ukrainians.",
            {"Tonenke", "Avdiivka"},
        ),
    ],
)
def test_a_village_located_by_a_town(title: str, body: str, want: set[str]) -> None:
    assert set(extract_facts(title, body, PUB).locations) == want


@pytest.mark.parametrize(
    ("title", "body", "want"),
    [
        # a front named by its town's Russian-era name is that town's direction
        (
            "Военкор: добили раненых пленных",
            "Тяжёлая весть с Артёмовского направления: украинские военные добили двоих "
            "раненых пленных.",
            {"Bakhmut"},
        ),
        (
            "На Красноармійському напрямку окупанти розстріляли полонених",
            "На Красноармійському напрямку окупанти розстріляли трьох полонених бійців.",
            {"Pokrovsk"},
        ),
    ],
)
def test_a_direction_by_its_old_name(title: str, body: str, want: set[str]) -> None:
    assert set(extract_facts(title, body, PUB).locations) == want


@pytest.mark.parametrize(
    ("title", "body", "want"),
    [
        # two oblasts sharing one plural noun: both are named
        (
            "Моніторинги: нові страти полонених",
            "Місія зафіксувала нові страти полонених; випадки стосуються Харківської та "
            "Луганської областей.",
            {"Kharkiv Oblast", "Luhansk Oblast"},
        ),
        (
            "Мониторинг: новые казни пленных",
            "Миссия зафиксировала новые казни пленных в Харьковской и Луганской областях.",
            {"Kharkiv Oblast", "Luhansk Oblast"},
        ),
        (
            "Monitors record new executions of captives",
            "Monitors recorded new executions of captured soldiers in Kharkiv and Luhansk "
            "oblasts.",
            {"Kharkiv Oblast", "Luhansk Oblast"},
        ),
        # a boundary between two oblasts is no scene, for either of them
        (
            "Captured scout shot near Makiivka",
            "Russian soldiers shot a captured Ukrainian scout near Makiivka, close to the "
            "boundary of Luhansk and Kharkiv oblasts.",
            {"Makiivka"},
        ),
    ],
)
def test_two_oblasts_sharing_a_plural(title: str, body: str, want: set[str]) -> None:
    assert set(extract_facts(title, body, PUB).locations) == want


@pytest.mark.parametrize(
    ("title", "body", "want"),
    [
        # a district by its region word ("-щина"); an oblast centre's is its oblast's
        (
            "Окупанти стратили двох полонених на Ізюмщині",
            "Прокурори повідомили про страту двох полонених українських бійців.",
            {"Izium district"},
        ),
        (
            "На Покровщине расстреляли троих пленных",
            "Прокуроры сообщили о расстреле троих пленных украинских бойцов.",
            {"Pokrovsk district"},
        ),
        # right after its village the region word is the area around it, not a second place
        (
            "Встановлено ім'я полоненого, розстріляного біля Липців",
            "Окупанти розстріляли полоненого наприкінці травня поблизу Липців на Ізюмщині.",
            {"Lyptsi"},
        ),
        (
            "Окупанти стратили двох полонених на Харківщині",
            "Прокурори повідомили про страту двох полонених українських бійців.",
            {"Kharkiv Oblast"},
        ),
    ],
)
def test_a_district_by_its_region_word(title: str, body: str, want: set[str]) -> None:
    assert set(extract_facts(title, body, PUB).locations) == want


def test_a_listed_entry_opens_with_its_place() -> None:
    # a bulleted entry's heading ("• X — …") is a place context
    facts = extract_facts(
        "Розстріли полонених: три випадки за місяць",
        "Ми зібрали відомі випадки.\n"
        "• Тоненьке — окупанти розстріляли двох полонених після допиту.\n"
        "• Гродівка — на відео видно, як росіяни вбивають бійця, який здався.",
        PUB,
    )
    assert {"Tonenke", "Hrodivka"} <= set(facts.locations)


@pytest.mark.parametrize(
    ("title", "body", "day"),
    [
        # a post's day and month after its day word ("yesterday, 14.03") is a day
        (
            "Post: 2nd Rifle Battalion",
            "Near Tonenke yesterday, 21.10, our drone filmed the enemy shooting a captured "
            "soldier of ours.",
            date(2026, 10, 21),
        ),
        (
            "Допис батальйону",
            "Біля Тоненького вчора, 21.10, наш дрон зафіксував, як ворог розстріляв "
            "полоненого бійця.",
            date(2026, 10, 21),
        ),
    ],
)
def test_a_posts_day_and_month(title: str, body: str, day: date) -> None:
    assert extract_facts(title, body, PUB).incident_date == day


def test_a_bare_day_and_month_is_no_date() -> None:
    facts = extract_facts(
        "Captured soldier shot near Tonenke",
        "Russian soldiers shot a captured Ukrainian near Tonenke, the brigade said in post 21.10.",
        PUB,
    )
    assert facts.incident_date is None
