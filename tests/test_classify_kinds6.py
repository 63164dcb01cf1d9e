"""Failure kinds of the tenth blind round, in en/uk/ru (texts written here)."""

from __future__ import annotations

import pytest

from bot.detect.classify import classify

NOT_A_KILLING = [
    # a captive acquitted of a killing is the accused, as one convicted of it is
    (
        "Judges clear captured paratrooper of shooting a farmer",
        "",
    ),
    (
        "Trial ends in acquittal",
        "A district court acquitted a captured Russian conscript of the murder of a shepherd "
        "near Snihurivka, saying the evidence was thin.",
    ),
    (
        "Суд виправдав полоненого окупанта у справі про вбивство пенсіонера",
        "",
    ),
    (
        "Суд оправдал пленного десантника по делу об убийстве лесника",
        "",
    ),
    # a newsletter teaser on the page of an unrelated story
    (
        "Solar panels arrive at Kherson hospitals",
        "The first panels were installed on Monday.\n\nThis week's newsletter: how prosecutors "
        "build cases over executed prisoners of war, and more. Delivered on Fridays.",
    ),
    # a bullet in the thigh or the foot is torture, not a killing
    (
        "Freed soldier describes his first day as a prisoner",
        "After his capture near Kreminna a guard fired into his thigh so that he could not run.",
    ),
    (
        "Звільнений з полону розповів про допити",
        "Після полонення росіяни вистрілили йому в стегно, щоб не втік.",
    ),
    (
        "Освобожденный из плена рассказал о первых сутках",
        "После пленения охранник выстрелил ему в ногу, «чтобы не сбежал».",
    ),
    # the legal line in quotation marks, and without a copula in Russian and Ukrainian
    (
        "Berlin: prisoners of war 'must never be executed'",
        "",
    ),
    (
        "Юристы напомнили о нормах",
        "Убийство пленных запрещено Женевской конвенцией, напомнили в ассоциации юристов.",
    ),
    (
        "Правники нагадали про норми",
        "Вбивство полонених прямо заборонене Женевськими конвенціями, наголосили правники.",
    ),
    # the law's generic person, not an event
    (
        "Що таке страта з погляду права",
        "Для вбивства людини, яка склала зброю, Гаазькі норми мають окреме формулювання, а "
        "Римський статут — окремий склад злочину.",
    ),
    (
        "Что такое казнь с точки зрения права",
        "Для убийства человека, который сложил оружие, в статуте есть отдельный состав.",
    ),
    # a rumour of an execution refuted: the victims are alive
    (
        "Чутки не підтвердилися: бійці живі",
        "Інформація про нібито страту трьох українських військових під Торецьком не "
        "відповідає дійсності, повідомили в бригаді.",
    ),
    # a staged video announced, not a killing
    (
        "МИД: Киев готовит постановочное видео «расстрела пленных»",
        "В ведомстве заявили, что готовится инсценировка «казни военнопленных» для показа в "
        "западных СМИ.",
    ),
    # commanders shooting their own men ("своїх же")
    (
        "Полонений розповів про порядки в роті",
        "Він розповів, що командири розстрілювали своїх же бійців, які хотіли здатися.",
    ),
]


@pytest.mark.parametrize(("title", "text"), NOT_A_KILLING)
def test_not_a_killing_of_captives(title: str, text: str) -> None:
    assert not classify(title, text).flagged


KILLINGS = [
    # an execution verb with soldiers as its object: custody is implied
    (
        "Moscow says Ukrainian unit executed two wounded Russian servicemen",
        "",
    ),
    (
        "Investigators: three Ukrainian soldiers were executed near Tonenke",
        "",
    ),
    (
        "Біля Новодонецького знайшли тіла двох військових, страчених окупантами",
        "",
    ),
    (
        "СК: под Кременной казнили троих российских военнослужащих",
        "",
    ),
    # "розстріляли" with a number of soldiers as its object; a denial calling the video fake
    (
        "Під Курахове розстріляли двох українських військових",
        "",
    ),
    (
        "Под Угледаром расстреляли троих российских военнослужащих",
        "",
    ),
    (
        "Kremlin: the video of executed Ukrainian soldiers near Kupiansk is fake",
        "",
    ),
    # liquidated, with the captives named as its object
    (
        "War blogger claims marines liquidated wounded Russians they had taken prisoner",
        "",
    ),
    # a bullet put in a man who came out with his hands up
    (
        "Post from the front",
        "He came out of the dugout with his hands up near Yampil, and they put a bullet in "
        "his head.",
    ),
    # made to kneel (any aspect, two words between) and shot in the back of the head
    (
        "Колонка. Про компроміси",
        "Як говорити про компроміс із тими, хто під Куп'янськом ставив наших поранених "
        "бійців на коліна і стріляв їм у потилицю?",
    ),
    # raised their hands, in finite and participle forms
    (
        "Под Лиманом расстреляли пехотинцев",
        "Российские военные застрелили украинских пехотинцев, которые подняли руки.",
    ),
    (
        "Під Торецьком розстріляли піхотинців",
        "Окупанти розстріляли трьох піхотинців, що підняли руки над головою.",
    ),
    # "трёхсотые": the wounded in soldiers' slang
    (
        "Под Кременной добили наших трёхсотых",
        "",
    ),
    # a collective subject with a passive killing, after a surrender told earlier
    (
        "Что известно о гибели троих бойцов у Новоселовки",
        "Позицию окружили утром. Бойцы передали по рации, что сдаются. Вечером российские "
        "каналы выложили видео. Все трое были убиты выстрелами в голову, сообщила прокуратура.",
    ),
    # an interview: a one-word question between the setup and the killing
    (
        "Інтерв'ю з командиром взводу",
        "— Що сталося під Кліщіївкою?\n\n— Двоє наших лишилися в бліндажі, обидва важко "
        "поранені, винести їх ми не могли. Потім ми побачили з дрона, як туди зайшли "
        "росіяни.\n\n— І що далі?\n\n— Вони їх застрелили.",
    ),
    # a "what we know" list whose items end in semicolons is the story, not a links block
    (
        "Що відомо про розстріл біля Роботиного",
        "Що відомо на зараз:\n\n• загиблі — двоє бійців, які вийшли з окопу без зброї;\n"
        "• їх розстріляли впритул;\n• поліція відкрила провадження.",
    ),
    # a list of crimes with children in another item: the captives are soldiers
    (
        "Мнение: о чём молчат переговорщики",
        "Россия всё это время сама выбирала, что делать: удары по больницам, депортации "
        "детей, расстрелы сдававшихся в плен украинских бойцов под Бахмутом.",
    ),
]


@pytest.mark.parametrize(("title", "text"), KILLINGS)
def test_killings_of_captives(title: str, text: str) -> None:
    assert classify(title, text).flagged


# Neighbours of the new rules that must stay unflagged
NEIGHBOURS = [
    # soldiers as the subject who carried something out
    (
        "Marines executed a river crossing near Krynky",
        "Ukrainian marines executed a difficult crossing under fire, the brigade said.",
    ),
    # a death sentence on soldiers, carried out in another country's past
    (
        "Lecture: soldiers executed for desertion in 1944",
        "The historian spoke about soldiers executed by their own army for desertion in 1944.",
    ),
    # "liquidated" in a battle report, no captive
    (
        "General Staff: 1,200 occupiers liquidated in a day",
        "Ukrainian forces liquidated 1,200 Russian soldiers over the past day.",
    ),
    # a bulleted links block keeps being furniture
    (
        "Weather: rain in Kyiv",
        "Rain is expected on Tuesday.\n\nRead also\n• Captured soldiers executed near Tonenke\n"
        "• Prices rise in Lviv",
    ),
    # civilians killed by soldiers: the soldier noun names the killers, not the captives
    (
        "У Бучі знайшли тіла п'ятьох мешканців",
        "За даними слідства, російські військові тримали беззбройних місцевих мешканців у "
        "підвалі й убивали їх.",
    ),
    (
        "Captured Russian tells court about his unit",
        "The witness, who surrendered to Ukrainian troops in May, said his unit had fired on "
        "houses where civilians were sheltering.",
    ),
    # "розстріляли" a car with soldiers in it: combat
    (
        "Окупанти розстріляли автомобіль з двома військовими під Куп'янськом",
        "",
    ),
    # soldiers executed by their own commanders for retreating
    (
        "Report: Russian soldiers executed by their commanders for retreating near Avdiivka",
        "",
    ),
    # "підняли руки" of a vote, not a surrender
    (
        "Депутати підняли руки за бюджет",
        "Депутати підняли руки за бюджет, а опозиція назвала його вбивством економіки.",
    ),
]


@pytest.mark.parametrize(("title", "text"), NEIGHBOURS)
def test_neighbours_stay_unflagged(title: str, text: str) -> None:
    assert not classify(title, text).flagged
