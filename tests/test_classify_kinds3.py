"""Failure kinds of the third blind round, in en/uk/ru (texts written here).

False alarms: the legal line with the killing as a noun phrase, a novel named in quotes in
the headline, a reader's comment or a newsletter teaser below an unrelated story.
"""

from __future__ import annotations

import pytest

from bot.detect.boilerplate import strip_boilerplate
from bot.detect.classify import classify

NOT_A_KILLING = {
    "the legal line, the killing as the subject": [
        (
            "Explainer: the rules for soldiers who give up",
            "Under the Geneva Conventions a wounded soldier who can no longer fight is protected."
            " Killing a man who has laid down his arms is a grave breach and a war crime.",
        ),
        (
            "Пояснюємо: що кажуть Женевські конвенції",
            "Вбивство бійця, який склав зброю, є грубим порушенням міжнародного права.",
        ),
        (
            "Объясняем: что говорит международное право",
            "Убийство сдавшегося в плен военного является военным преступлением.",
        ),
    ],
    "a death sentence with the captives named at length": [
        (
            "Court in occupied Donetsk sentences two captured foreign fighters to death",
            "The court sentenced two foreign fighters captured in Mariupol to death by firing "
            "squad; their lawyers will appeal.",
        ),
    ],
    "a novel or a series named in quotes in the headline": [
        (
            "In 'Ash Meadow', a captured scout waits for his firing squad",
            "The second novel by a Lviv author follows a Ukrainian scout captured by Russian "
            "troops through his last night before the execution.",
        ),
        (
            "«Остання ніч»: полоненого розвідника ведуть на розстріл",
            "Новий роман харківської письменниці розповідає про полоненого розвідника, якого "
            "вранці мають розстріляти.",
        ),
        (
            "«Последняя ночь»: пленного разведчика ведут на расстрел",
            "Новый сериал стримингового сервиса рассказывает о пленном разведчике, которого на "
            "рассвете должны расстрелять.",
        ),
    ],
}

KILLED = [
    # the helpless named by what they did: laid down a rifle, came out unarmed, hands up
    (
        "Soldier shot after laying down his rifle",
        "A Ukrainian soldier who had laid down his rifle and knelt was shot in the head by a "
        "Russian infantryman near Kupiansk, the prosecutor's office said.",
    ),
    ("Под Торецком расстреляли вышедших без оружия", ""),
    (
        "Прокуратура: под Торецком убиты украинские бойцы",
        "Российские военные расстреляли троих украинских бойцов, которые вышли к ним без "
        "оружия, подняв руки, сообщили в прокуратуре.",
    ),
    (
        "Прокуратура: під Торецьком убито українських бійців",
        "Російські військові розстріляли трьох українських бійців, які вийшли до них без зброї,"
        " піднявши руки, повідомили в прокуратурі.",
    ),
    # a quoted headline over a real report is still a report
    (
        "'They lined them up': survivor tells of captured comrades shot near Bakhmut",
        "A soldier who survived told prosecutors that Russian troops shot six of his captured "
        "comrades near Bakhmut. A documentary crew filmed his testimony.",
    ),
    # the legal line beside a real killing does not cancel it
    (
        "Russian troops shot three captured soldiers near Lyman",
        "Russian troops shot three captured Ukrainian soldiers near Lyman. Killing prisoners is "
        "a war crime, the prosecutor said.",
    ),
]


def _cases(groups: dict[str, list[tuple[str, str]]]) -> list[tuple[str, str]]:
    return [case for cases in groups.values() for case in cases]


@pytest.mark.parametrize(("title", "text"), _cases(NOT_A_KILLING))
def test_no_prisoner_was_killed(title: str, text: str) -> None:
    assert not classify(title, text).flagged


@pytest.mark.parametrize(("title", "text"), KILLED)
def test_a_killing_of_captives_flags(title: str, text: str) -> None:
    assert classify(title, text).flagged


STORY = (
    "The city opened a memorial wall with the names of 400 residents killed in the war.\n\n"
    "Relatives, veterans and officials attended the ceremony on Sunday.\n\n"
)


@pytest.mark.parametrize(
    "tail",
    [
        "Коментарі (2)\n\nОлег: Гарна справа.\n\nМарина: А хлопців, яких окупанти розстріляли "
        "в полоні під Кураховим, теж внесуть?",
        "Комментарии\n\nИгорь: А пленных, которых расстреляли под Курахово, тоже внесут?",
        "3 comments\n\nAndriy: Will the captured men the Russians shot near Kurakhove be on it?",
        "📩 Щотижнева розсилка «Хроніка»\nЦього тижня: як окупанти стратили полонених під "
        "Кринками. Підпишіться — і отримуйте головне щоп'ятниці.",
    ],
)
def test_comments_and_newsletter_teasers_are_furniture(tail: str) -> None:
    text = STORY + tail
    assert "Relatives, veterans" in strip_boilerplate(text)
    assert not classify("A memorial wall opens in Dnipro", text).flagged


TEASER = {
    "en": "Russian troops shot five captured Ukrainian soldiers near Pokrovsk, prosecutors say.",
    "uk": "Окупанти розстріляли п'ятьох полонених під Покровськом, повідомили у прокуратурі.",
    "ru": "Оккупанты расстреляли пятерых пленных под Покровском, сообщили в прокуратуре.",
}


@pytest.mark.parametrize(
    ("lang", "header"),
    [
        ("en", "You may also be interested in"),
        ("en", "Don't miss"),
        ("en", "Similar stories"),
        ("en", "More in Ukraine"),
        ("uk", "Вас також може зацікавити"),
        ("uk", "Схожі новини"),
        ("uk", "Що ще почитати"),
        ("uk", "Головні новини"),
        ("ru", "Вам может быть интересно"),
        ("ru", "Похожие новости"),
        ("ru", "Что еще почитать"),
        ("ru", "Лента новостей"),
    ],
)
@pytest.mark.parametrize("sep", ["\n", ": "])
def test_a_teaser_under_a_related_links_header_is_furniture(
    lang: str, header: str, sep: str
) -> None:
    text = STORY + header + sep + TEASER[lang]
    assert "Relatives, veterans" in strip_boilerplate(text)
    assert not classify("A memorial wall opens in Dnipro", text).flagged


@pytest.mark.parametrize("header", ["Earlier", "Раніше", "Ранее"])
def test_an_earlier_report_named_in_the_story_still_flags(header: str) -> None:
    lang = {"Earlier": "en", "Раніше": "uk", "Ранее": "ru"}[header]
    assert classify("A memorial wall opens in Dnipro", f"{STORY}{header}: {TEASER[lang]}").flagged


@pytest.mark.parametrize(
    "title",
    [
        # "liquidated / destroyed" with captives as the object
        "Окупанти ліквідували полонених під Бахмутом",
        "Росіяни знищили бійців, які здалися в полон",
        "Оккупанты ликвидировали сдавшихся в плен под Бахмутом",
        "Россияне уничтожили украинских военных, сдавшихся в плен",
        # a captive found dead with a wound to the head
        "Ukrainian serviceman taken prisoner near Bakhmut later found dead with gunshot wound "
        "to the head",
        "Тіло полоненого з простреленою головою повернули під час репатріації",
        "Тело пленного с огнестрельным ранением в голову вернули при обмене телами",
    ],
)
def test_a_killing_of_captives_in_other_words(title: str) -> None:
    assert classify(title, "").flagged


@pytest.mark.parametrize(
    "title",
    [
        "Сили оборони знищили 40 окупантів і взяли в полон шістьох",
        "ВСУ уничтожили 30 оккупантов, пятерых взяли в плен",
        "Росіяни знищили колонію, де утримували полонених",
        "Россияне уничтожили колонию, где содержали пленных",
    ],
)
def test_battle_losses_and_strikes_stay_negative(title: str) -> None:
    assert not classify(title, "").flagged


@pytest.mark.parametrize(
    "tail",
    [
        "Tags: executions of POWs, war crimes, Pokrovsk",
        "Теги: розстріл полонених, воєнні злочини",
        "Темы: расстрел пленных, военные преступления",
        "Photo: prosecutors at the place where captured soldiers were shot near Pokrovsk, in a "
        "picture taken last year (archive)",
        "Previous article: Russian troops shot three captured soldiers near Lyman",
        "Попередня новина: Окупанти розстріляли трьох полонених під Лиманом",
        "Следующая новость: Оккупанты расстреляли троих пленных под Лиманом",
        "Watch: drone video shows POWs executed near Pokrovsk",
        "Відео: окупанти розстрілюють полонених під Покровськом",
        "Russian troops executed 16 POWs near Pokrovsk — live updates",
        "Під Покровськом розстріляли 16 полонених — стежте за оновленнями",
    ],
)
def test_tags_captions_navigation_and_promos_are_furniture(tail: str) -> None:
    assert not classify("A memorial wall opens in Dnipro", STORY + tail).flagged


@pytest.mark.parametrize(
    ("title", "text"),
    [
        ("⚡ Терміново", "⚡ Терміново: під Покровськом окупанти розстріляли 16 полонених."),
        (
            "Russian troops shot 16 captured soldiers near Pokrovsk",
            "Prosecutors said Russian troops shot 16 captured soldiers near Pokrovsk.\n\n"
            "Video: the footage investigators are examining",
        ),
    ],
)
def test_a_report_beside_such_lines_still_flags(title: str, text: str) -> None:
    assert classify(title, text).flagged


@pytest.mark.parametrize(
    ("title", "text"),
    [
        # a captive witness about his own commander
        (
            "Captured soldier testifies about his unit",
            "A captured Russian soldier, testifying as a witness in a Ukrainian court, said his "
            "platoon commander had shot a comrade who refused to go on an assault near Lyman.",
        ),
        # calls and appeals, however they are worded
        ("Duma deputy calls for 'no prisoners' in the Kursk region", ""),
        ("Pro-war milblogger urges troops to stop taking Ukrainian prisoners", ""),
        # sport
        (
            "Dynamo take no prisoners as a six-goal rout seals the title",
            "Dynamo Kyiv took no prisoners on Sunday, thrashing their rivals 6-0 in the league.",
        ),
        # torture: shots into the limbs
        (
            "Freed soldiers describe interrogations",
            "According to Ukraine's ombudsman, shooting prisoners in the limbs during "
            "interrogations is one of the methods of torture most often described by freed "
            "soldiers.",
        ),
        # a film review in Russian and Ukrainian
        (
            "«Позывной»: как новое кино учит ненавидеть",
            "Расстрел безоружного пленного в этом кино — всего лишь сюжетный поворот.",
        ),
        (
            "«Позивний»: нове кіно про війну",
            "Розстріл беззбройного полоненого в цьому кіно — лише сюжетний поворот.",
        ),
    ],
)
def test_fourth_round_false_alarm_kinds(title: str, text: str) -> None:
    assert not classify(title, text).flagged


@pytest.mark.parametrize(
    ("title", "text"),
    [
        ("Body of a missing soldier found with hands taped behind his back near Lyman", ""),
        ("Тіло зниклого бійця знайшли під Лиманом: руки замотані скотчем", ""),
        (
            "Escaped soldier tells of his unit's fate",
            "Four soldiers, three of them wounded, were taken prisoner near Lyman. The wounded "
            "were shot on the spot, the soldier said.",
        ),
        (
            "Freed men recall a comrade's death",
            "A fellow soldier, wounded in the leg, was shot by Russian troops on the day of "
            "capture near Lyptsi because he could not keep up.",
        ),
    ],
)
def test_fourth_round_miss_kinds(title: str, text: str) -> None:
    assert classify(title, text).flagged


@pytest.mark.parametrize(
    ("title", "text"),
    [
        # perfidy: the one who feigned surrender did the killing
        (
            "Soldier who feigned surrender and shot a Ukrainian is charged",
            "A Russian soldier who pretended to surrender near Lyman and then shot a Ukrainian "
            "soldier who approached to take him prisoner has been charged, prosecutors said.",
        ),
        # another war, a year is no anchor of this one
        ("Court hears of 2020 execution videos of Armenian captives", ""),
        # a possibility asked about
        ("Could captured foreign fighters be executed if they are handed back?", ""),
        # the legal line with the act described at length, in three languages
        (
            "Explainer: the Geneva Conventions",
            "Killing a soldier who has surrendered or is hors de combat is a war crime.",
        ),
        (
            "Объясняем: Женевская конвенция",
            "Умышленное убийство пленного или того, кто сдается, считается тяжким нарушением "
            "международного права.",
        ),
        # a photographer shoots portraits
        (
            "Photographer wins award",
            "A Ukrainian photographer who shot a series of portraits of prisoners of war freed "
            "in exchanges has won an award.",
        ),
        # refused to surrender, killed in battle
        (
            "Assault group destroyed near Lyman",
            "The Russian group refused to surrender. When they opened fire instead, they were "
            "killed in the ensuing battle, the brigade said.",
        ),
        # a captive as the killer, and a captive telling of his commander's crime
        ("Полонений росіянин убив конвоїра під час спроби втечі", ""),
        (
            "Полонений окупант розповів про злочин командира",
            "Захоплений під Лиманом російський військовий на допиті розповів слідчим, що його "
            "командир наказав розстріляти двох місцевих мешканців.",
        ),
        # rumours of a killing proved false
        ("Чутки про розстріл полонених під Лиманом не підтвердилися: бійці живі", ""),
    ],
)
def test_fifth_round_false_alarm_kinds(title: str, text: str) -> None:
    assert not classify(title, text).flagged


@pytest.mark.parametrize(
    "tail",
    [
        "BREAKING ▸ Ombudsman: Russians executed 3 POWs near Lyman ▸ Air raid alert ▸ Hryvnia",
        "POLL: Should soldiers who executed prisoners of war be tried in absentia? ○ Yes ○ No",
        "About the author: a former investigator who documented the execution of prisoners of "
        "war near Bakhmut.",
        "У попередній версії цього матеріалу помилково йшлося про розстріл полонених.",
    ],
)
def test_tickers_polls_bios_and_corrections_are_furniture(tail: str) -> None:
    assert not classify("A memorial wall opens in Dnipro", STORY + tail).flagged


def test_a_makiivka_style_denial_still_flags() -> None:
    text = (
        "Russian officials accused Ukrainian troops of shooting Russian soldiers who had "
        "surrendered. Kyiv said the men only feigned surrender before opening fire."
    )
    assert classify("Moscow accuses Kyiv of shooting surrendered soldiers", text).flagged


@pytest.mark.parametrize(
    ("title", "text"),
    [
        # other words for the killing
        (
            "Prosecutors open a case over an intercepted call",
            "A Russian commander reported that three Ukrainian soldiers who had given themselves "
            "up near Lyman had been 'put down'.",
        ),
        ("«Взяли, кончили, закопали»: перехват из-под Лимана", "Речь об украинских пленных."),
        (
            "Окупанти «поклали» трьох бійців під Лиманом",
            "Троє бійців вийшли з бліндажа з піднятими руками. Окупанти поклали їх з автомата.",
        ),
        (
            "Відео з Лиману",
            "Двоє наших стоять на колінах, руки за головою. Підходить окупант і кладе обох.",
        ),
        # the killing told with the marks of an execution, after the captives' setup
        (
            "Ombudsman forwards drone footage to the UN",
            "It shows three Ukrainian soldiers led out of a dugout with their hands on their "
            "helmets. A Russian soldier gestures for them to lie down. Seconds later two others "
            "spray them with bullets.",
        ),
        (
            "Лубинец показал видео из-под Лимана",
            "Они выходили из лесополосы по одному. Руки за головой. Дальше на записи — очереди "
            "в упор.",
        ),
        # captivity named by what was done: in enemy hands, came out without weapons
        (
            "На Луганщині окупанти вбили п'ятьох захисників",
            "Українські військові після бою опинилися в руках окупантів. Їх роздягнули до "
            "білизни, відвели до лісосмуги й застрелили.",
        ),
        (
            "Прокуратура: під Кринками окупанти розстріляли морпіхів",
            "Вони вийшли до російських позицій біля Кринок без зброї. За кілька хвилин їх "
            "застрелили впритул.",
        ),
    ],
)
def test_sixth_round_miss_kinds(title: str, text: str) -> None:
    assert classify(title, text).flagged


@pytest.mark.parametrize(
    ("title", "text"),
    [
        (
            "TV host urges troops to 'take no prisoners'",
            "A presenter told viewers that troops should 'shoot everyone who comes with a white "
            "flag'.",
        ),
        ("Полонений росіянин: командири розстрілювали тих, хто відступав", ""),
        (
            "Засуджений до розстрілу морпіх повернувся додому",
            "«Мені казали, що мене мають розстріляти.»",
        ),
    ],
)
def test_sixth_round_false_alarm_kinds(title: str, text: str) -> None:
    assert not classify(title, text).flagged
