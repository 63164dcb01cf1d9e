"""Place and date kinds of the tenth blind round (texts written here): a described settlement's
region, a headline that names the captivity, a reminder of an earlier case, live-blog entries,
places that are not the scene, and days told in other ways."""

from __future__ import annotations

from datetime import date

import pytest

from bot.detect import scene
from bot.detect.dates import incident_dates
from bot.detect.extract import extract_facts
from bot.detect.gazetteer import canonical_places, spelling_of

PUB = date(2026, 11, 28)


@pytest.mark.parametrize(
    ("title", "body", "want"),
    [
        # "X is a settlement in Y district": a settlement described, like a village, gives
        # the district it lies in
        (
            "Intercepted call: soldier says his platoon shot two captives near Hrodivka",
            "Ukraine's security service released a call in which a Russian soldier says his "
            "platoon shot two captured Ukrainians near Hrodivka. "
            "He says it happened at dawn after a short firefight. "
            "Hrodivka is a settlement in the Pokrovsk district.",
            {"Hrodivka", "Pokrovsk district"},
        ),
        (
            "Captured scouts shot near Kotlyne, prosecutors say",
            "Prosecutors say Russian soldiers shot three captured scouts near Kotlyne. "
            "Kotlyne, a small settlement in Pokrovsk district, changed hands twice this year.",
            {"Kotlyne", "Pokrovsk district"},
        ),
    ],
)
def test_a_described_settlement_gives_its_region(title: str, body: str, want: set[str]) -> None:
    assert set(extract_facts(title, body, PUB).locations) == want


@pytest.mark.parametrize(
    ("title", "body", "want"),
    [
        # a headline that tells the killing and names the captivity as a noun tells the
        # incident: its oblast counts, not only its towns
        (
            "Двоє братів: на Полтавщині поховали бійців, яких окупанти вбили після полону",
            "Рідні впізнали двох військових, тіла яких знайшли в лісосмузі. "
            "За даними слідства, 4 березня брати потрапили в оточення біля Тоненького. "
            "Окупанти взяли їх у полон, а потім обох розстріляли.",
            {"Poltava Oblast", "Tonenke"},
        ),
        (
            "На Луганщине опознали бойцов, которых оккупанты расстреляли после плена",
            "Родственники опознали троих военных. "
            "По данным следствия, они попали в окружение возле Белогоровки. "
            "Их взяли в плен и расстреляли.",
            {"Luhansk Oblast", "Bilohorivka"},
        ),
        # without a captive word the headline's oblast is only the area
        (
            "На Полтавщині поховали бійця, якого вбили окупанти",
            "Рідні впізнали військового. "
            "За даними слідства, він потрапив у полон біля Тоненького, де його розстріляли.",
            {"Tonenke"},
        ),
    ],
)
def test_a_headline_naming_the_captivity_gives_its_region(
    title: str, body: str, want: set[str]
) -> None:
    assert set(extract_facts(title, body, PUB).locations) == want


@pytest.mark.parametrize(
    ("title", "body", "want_places", "want_count"),
    [
        # a reminder of an earlier case before the story's own killing is background
        (
            "Ще один розстріл під Роботиним: прокуратура встановлює імена загиблих",
            "Обласна прокуратура відкрила провадження щодо страти захисників. "
            "Нагадаємо, минулого літа біля Вербового окупанти вбили чотирьох полонених. "
            "Цього разу, як встановило слідство, 9 серпня біля Роботиного окупанти захопили "
            "двох поранених піхотинців і розстріляли їх.",
            {"Robotyne"},
            2,
        ),
        (
            "Что известно о новом деле у Работино",
            "Прокуратура начала расследование. "
            "Напомним, весной у Вербового оккупанты расстреляли пятерых пленных. "
            "По данным следствия, 9 августа у Работино российские военные захватили троих "
            "раненых бойцов и расстреляли их.",
            {"Robotyne"},
            3,
        ),
        (
            "Another killing of captives reported near Robotyne",
            "Regional prosecutors opened a new case on Tuesday. "
            "As a reminder, last spring Russian troops shot five captured soldiers near "
            "Verbove. "
            "This time investigators say Russian troops captured two wounded infantrymen near "
            "Robotyne on 9 August and shot them.",
            {"Robotyne"},
            2,
        ),
    ],
)
def test_a_reminder_of_an_earlier_case_is_background(
    title: str, body: str, want_places: set[str], want_count: int
) -> None:
    facts = extract_facts(title, body, PUB)
    assert set(facts.locations) == want_places
    assert facts.victims == want_count


@pytest.mark.parametrize(
    ("title", "body", "want"),
    [
        # a live blog's time-stamped entries are stories of their own: a front round-up or a
        # drone count in another entry names no scene of the killing
        (
            "Russia-Ukraine war live: 3 March",
            "Live coverage, all times Kyiv. "
            "19:10 — Power has been restored to 30,000 homes in Sumy Oblast. "
            "16:45 — Prosecutors say a Ukrainian soldier who had raised his hands was shot dead "
            "by Russian troops near Ivanivske on Sunday. "
            "The regional prosecutor's office said a drone filmed the killing. "
            "12:20 — Russia says its air defences shot down 31 drones over Bryansk and Kursk "
            "regions overnight. "
            "08:00 — Good morning, here are the main events.",
            {"Ivanivske"},
        ),
        (
            "Війна, день 900: головне за 3 березня",
            "Стрічка оновлюється. "
            "09:15 Генштаб: за добу відбулося 120 бойових зіткнень, найзапекліші на "
            "Покровському і Костянтинівському напрямках. "
            "13:40 Прокуратура: біля Іванівського російські військові розстріляли двох "
            "українських бійців, які вийшли до них без зброї. "
            "17:05 На Сумщині через обстріл знеструмлено 2 тисячі абонентів.",
            {"Ivanivske"},
        ),
    ],
)
def test_a_live_blogs_other_entries_name_no_scene(title: str, body: str, want: set[str]) -> None:
    assert set(extract_facts(title, body, PUB).locations) == want


@pytest.mark.parametrize(
    ("sentence", "place"),
    [
        # where the dead are mourned or buried is not where they were killed
        (
            "A memorial was unveiled on Sunday in the town of Huliaipole for marines shot after "
            "they surrendered",
            "Huliaipole",
        ),
        ("The two brothers were laid to rest in Orikhiv last week", "Orikhiv"),
        ("Бійців, розстріляних у полоні, поховали вчора в Оріхові", "Orikhiv"),
        ("Расстрелянных в плену бойцов похоронили в Гуляйполе", "Huliaipole"),
        # where a soldier was sent to the war from
        ("Відправлений з Краматорська, він загинув у полоні", "Kramatorsk"),
        ("Він пішов на фронт з Краматорська навесні 2022 року", "Kramatorsk"),
        ("Мобилизованный из Краматорска боец погиб в плену", "Kramatorsk"),
        ("He was mobilised from Kramatorsk in 2023 and later captured", "Kramatorsk"),
        # where a case was opened, like where a court sat
        ("В ДНР возбуждено дело об убийстве пленного", "Donetsk Oblast"),
        ("У Покровську відкрили кримінальне провадження щодо розстрілу полонених", "Pokrovsk"),
        ("In Kherson, prosecutors opened a case over the killing of two captives", "Kherson"),
    ],
)
def test_more_places_that_are_not_the_scene(sentence: str, place: str) -> None:
    assert place not in {h.canonical for h in scene.hits(sentence)}


@pytest.mark.parametrize(
    ("sentence", "place"),
    [
        # neighbours that stay the scene
        ("Russian troops shot two captives near Orikhiv and buried them in a ravine", "Orikhiv"),
        (
            "Окупанти відкрили вогонь у Роботиному по бійцях, які вийшли з піднятими руками",
            "Robotyne",
        ),
        ("В Артемовске боевики захватили пленного и убили его", "Bakhmut"),
        (
            "Russian troops were sent to storm Robotyne and shot the men who surrendered",
            "Robotyne",
        ),
    ],
)
def test_places_that_stay_the_scene(sentence: str, place: str) -> None:
    assert place in {h.canonical for h in scene.hits(sentence)}


@pytest.mark.parametrize(
    ("text", "want"),
    [
        # a two-word name with a plural adjective, in Russian, inflected, and romanized
        ("Пленного казнили у села Малые Щербаки", ["Mali Shcherbaky"]),
        ("Видео казни сняли у Малых Щербаков", ["Mali Shcherbaky"]),
        ("Бои идут под Малыми Щербаками", ["Mali Shcherbaky"]),
        ("The captive was shot near Malye Shcherbaki", ["Mali Shcherbaky"]),
        ("Бойцов расстреляли возле Великих Проходов", ["Velyki Prokhody"]),
    ],
)
def test_russian_plural_adjective_names(text: str, want: list[str]) -> None:
    assert canonical_places(text) == want


@pytest.mark.parametrize(
    ("sentence", "want"),
    [
        # a report's period, opened right before its first day, even beside a killing word
        (
            "The monitors said on Friday that captured soldiers had been shot, in a report "
            "covering 1 March 2024 to 31 August 2024",
            [],
        ),
        (
            "Доповідь охоплює період з 1 березня по 31 серпня 2024 року: полонених розстріляли",
            [],
        ),
        ("В докладе за период с 1 марта по 31 августа пленных расстреляли", []),
        # a day written as an ordinal word
        (
            "Слідство встановило, що двадцять п'ятого квітня 2025 року окупанти розстріляли бійця",
            [date(2025, 4, 25)],
        ),
        (
            "По версии следствия, тридцать первого октября пленного расстреляли",
            [date(2026, 10, 31)],
        ),
        ("Первого сентября 2024 года пленных вывели из подвала", [date(2024, 9, 1)]),
        (
            "The soldiers were shot on the twenty-second of March, the court found",
            [date(2026, 3, 22)],
        ),
        # no month, no date
        ("На третього дня полону його вбили", []),
    ],
)
def test_periods_and_days_in_words(sentence: str, want: list[date]) -> None:
    assert incident_dates(sentence, PUB) == want


@pytest.mark.parametrize(
    ("title", "body", "want"),
    [
        # the attack in which the men were captured, dated beside the statement
        (
            "Captured soldiers shot in border village, prosecutors say",
            "Russian troops shot five Ukrainian soldiers after capturing them in the village of "
            "Yunakivka, prosecutors said on Friday. "
            "The men had been holding a trench on the edge of the village when Russian forces "
            "attacked on 3 June, the office said. "
            "After capture they were led to a barn and shot.",
            date(2026, 6, 3),
        ),
        (
            "Полонених розстріляли після штурму позицій",
            "Прокуратура повідомила про розстріл трьох полонених біля Юнаківки. "
            "Росіяни атакували позиції 3 червня, кажуть у відомстві. "
            "Після полону бійців вивели до посадки й розстріляли.",
            date(2026, 6, 3),
        ),
    ],
)
def test_the_attack_beside_the_statement_dates_it(title: str, body: str, want: date) -> None:
    assert extract_facts(title, body, PUB).incident_date == want


@pytest.mark.parametrize(
    ("title", "body", "want"),
    [
        # a killing that refers back to a group by a demonstrative: the sentence that brought
        # the group in holds the scene
        (
            "Families wait in vain as prisoners come home",
            "Hundreds of soldiers came home on Friday in a swap. "
            "Not every family was lucky. "
            "Relatives of men from a platoon that held a trench near Klishchiivka, south of "
            "Bakhmut, in May stood at the checkpoint with photographs. "
            "Three of that platoon's soldiers were shot after being taken prisoner, prosecutors "
            "say.",
            {"Klishchiivka", "Bakhmut"},
        ),
        (
            "Обмін полоненими: не всі повернулися",
            "Додому повернулися понад сто військових. "
            "Обмін відбувся на кордоні з Білоруссю. "
            "Серед звільнених є нацгвардійці й моряки. "
            "Наймолодшому з них двадцять років. "
            "Рідні бійців роти, що тримала оборону біля Кліщіївки навесні, чекали на своїх. "
            "Двох полонених бійців цієї роти розстріляли, повідомили в прокуратурі.",
            {"Klishchiivka"},
        ),
        (
            "Обмен пленными: вернулись не все",
            "Домой вернулись более ста военных. "
            "Обмен прошел на границе с Беларусью. "
            "Среди освобожденных есть нацгвардейцы и моряки. "
            "Самому младшему из них двадцать лет. "
            "Родственники бойцов взвода, который держал оборону возле Клещеевки весной, ждали их. "
            "Двоих бойцов этого взвода расстреляли в плену, сообщили в прокуратуре.",
            {"Klishchiivka"},
        ),
    ],
)
def test_a_demonstrative_refers_back_to_the_scene(title: str, body: str, want: set[str]) -> None:
    assert set(extract_facts(title, body, PUB).locations) == want


@pytest.mark.parametrize(
    ("spelling", "want"),
    [
        # another romanization of one of our places is that place
        ("Liptsi", "Lyptsi"),
        ("Mariinka", "Marinka"),
        ("Progres", "Prohres"),
        ("Russkoe Porechnoe", "Russkoye Porechnoye"),
        ("Kazachia Loknia", "Kazachya Loknya"),
        ("Ol'govka", "Olgovka"),
        ("Kremianoe", "Kremyanoye"),
        ("Liubimovka", "Lyubimovka"),
        # ours, unknown, or the spelling of no one place: the name itself
        ("Pokrovsk district", "Pokrovsk district"),
        ("Kursk Oblast", "Kursk Oblast"),
        ("Nowhereville", "Nowhereville"),
    ],
)
def test_a_labels_spelling_of_our_place(spelling: str, want: str) -> None:
    assert spelling_of(spelling) == want


@pytest.mark.parametrize(
    ("sentence", "place"),
    [
        # a person's age, then where he came from
        (
            "The marine filmed being shot near Vuhledar was named as Serhii Koval, 24, from "
            "Poltava region",
            "Poltava Oblast",
        ),
        (
            "Both men, from villages in Chernihiv Oblast, were shot after capture",
            "Chernihiv Oblast",
        ),
        # where a side was pushed out of
        (
            "The killing comes as Russian troops, having pushed Ukrainian units out of most of "
            "Kursk Oblast, press on",
            "Kursk Oblast",
        ),
        (
            "Після того як окупантів витіснили з Куп'янська, бійці знайшли тіла полонених",
            "Kupiansk",
        ),
        ("Когда ВСУ выбили из Работино, тела пленных нашли в посадке", "Robotyne"),
        # a witness's own capture, told as he gives his account
        (
            "A Russian soldier captured near Kupiansk later described the shooting to "
            "interrogators",
            "Kupiansk",
        ),
        ("Боєць, взятий у полон під Бахмутом, розповів слідчим про розстріл", "Bakhmut"),
        ("Военный, попавший в плен под Угледаром, рассказал о расстреле", "Vuhledar"),
    ],
)
def test_origins_retreats_and_witnesses_are_not_the_scene(sentence: str, place: str) -> None:
    assert place not in {h.canonical for h in scene.hits(sentence)}


@pytest.mark.parametrize(
    ("sentence", "place"),
    [
        # a captive's capture place, with no account given, stays the scene
        ("A Ukrainian soldier captured near Kupiansk was shot the same day", "Kupiansk"),
        ("Бійця, взятого в полон під Бахмутом, розстріляли", "Bakhmut"),
        # a village described as such after a comma stays a place in a list
        ("Fighting went on near Pokrovsk, Kotlyne, a village to the west, and Udachne", "Kotlyne"),
    ],
)
def test_capture_places_and_described_villages_stay(sentence: str, place: str) -> None:
    assert place in {h.canonical for h in scene.hits(sentence)}


def test_a_name_described_as_a_person_is_no_place() -> None:
    # "Oleh" is also a village; after a place and a comma, then ", a combat medic", a person
    text = "In a talk recorded in a cafe in Kramatorsk, Oleh, a combat medic, recalls Avdiivka"
    assert "Oleh" not in canonical_places(text)
