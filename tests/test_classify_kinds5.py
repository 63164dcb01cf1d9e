"""Failure kinds of the eighth blind round, in en/uk/ru (texts written here)."""

from __future__ import annotations

import pytest

from bot.detect.classify import classify

NOT_A_KILLING = [
    # a captive about his own battalion's drone operator
    (
        "Captured Russian: our drones hit men who try to surrender",
        "The 24-year-old said a drone operator from his own battalion opened fire on a comrade "
        "who walked towards Ukrainian lines with his hands raised.",
    ),
    # a strike on a place of detention
    (
        "Moscow: drone hit a building holding prisoners of war",
        "Russia's defence ministry said a Ukrainian drone had struck a detention facility in "
        "Luhansk region, killing three Ukrainian prisoners of war.",
    ),
    # mock executions: shots fired beside the captives
    (
        "Омбудсман: российских пленных подвергали имитации расстрела",
        "По ее словам, пленных выводили в поле с завязанными глазами и стреляли рядом с ними.",
    ),
    # a novel that reads like reportage, or feels more real than memoirs
    (
        "Роман, який лише схожий на репортаж",
        "Кульмінація — епізод у вигаданому селищі, де героя беруть у полон і на його очах "
        "окупанти розстрілюють його товаришів.",
    ),
    (
        "Book review: a novel of the trenches",
        "It feels more real than most memoirs of the war. The book turns on an invented "
        "episode: a wounded Russian soldier crawls towards the trench with his hands up, and a "
        "Ukrainian private shoots him.",
    ),
    # an opinion, the law asked about, and an order that is itself a crime
    (
        "Колонка: о пленных",
        "Поэтому мое мнение простое: российским военным пленных не брать.",
    ),
    (
        "Можно ли убить пленного? Что говорят Женевские конвенции",
        "Отдать приказ «пленных не брать» — само по себе военное преступление.",
    ),
    # "take no prisoners" among bankers, beside "executes"
    (
        "Ukrainian lender executes debt swap as investors take no prisoners",
        "The state bank said it had completed the exchange of its bonds.",
    ),
    # commanders shooting men who refused to storm
    (
        "Полонений окупант: «Командирам усе одно»",
        "Російський військовий, захоплений у полон під Покровськом, розповів про свою частину."
        " За його словами, командири розстрілювали тих, хто відмовлявся йти на штурм.",
    ),
]

KILLED = [
    # blindfolded captives, then "all three ... are shot" in the present tense
    (
        "Дрон зафіксував розстріл трьох військових",
        "На відео видно, як російські військові виводять із підвалу трьох українських "
        "військовослужбовців із зав'язаними очима. Усіх трьох ставлять до стіни й розстрілюють.",
    ),
    # hands up in the instrumental case, then the killing in the next sentence
    (
        "Командир роти про оборону Торецька",
        "Двоє хлопців із сусіднього взводу вийшли з руками вгору. Росіянин підійшов і розстріляв "
        "обох упритул.",
    ),
    # the captive named by a relative clause ("whom they had captured")
    (
        "Онлайн: головне за день",
        "Офіс генпрокурора: окупанти стратили пораненого українського військового, якого "
        "захопили біля Ступочок.",
    ),
    # death told by what follows: nobody moves, "all five are now 'двухсотые'"
    (
        "Новомихайловка: то, что видел наш дрон",
        "Четверых бойцов ВСУ оккупанты выводят из подвала, без оружия. Ставят на колени у "
        "забора. Через минуту у забора никто не шевелится.",
    ),
    (
        "«Сдаваться пришли»",
        "Свежак с Часовоярского направления. Хохлы выползли из подвала — пятеро, руки вверх. "
        "Наши решили, что кормить их некому. Все пятеро теперь двухсотые.",
    ),
    (
        "Brigade: the men from the dugout",
        "Three Ukrainian soldiers came out of the dugout blindfolded, escorted by Russian "
        "troops. Minutes later none of them got up.",
    ),
]


@pytest.mark.parametrize(("title", "text"), NOT_A_KILLING)
def test_eighth_round_false_alarm_kinds(title: str, text: str) -> None:
    assert not classify(title, text).flagged


@pytest.mark.parametrize(("title", "text"), KILLED)
def test_eighth_round_killings_flag(title: str, text: str) -> None:
    assert classify(title, text).flagged


def test_captured_men_by_a_participle_or_an_object_clause() -> None:
    assert classify(
        "На Харківщині розслідують вбивство захоплених окупантами прикордонників", "Текст."
    ).flagged
    assert classify(
        "Brigade: the gunner was shot",
        "Russian troops shot a Ukrainian gunner they had captured near Lyptsi.",
    ).flagged
    # captured land is not a captive
    assert not classify(
        "Звіт про обстріли",
        "На захоплених росіянами територіях окупанти розстріляли колону техніки з дронів.",
    ).flagged
    assert not classify(
        "Front update",
        "Russian troops said they had captured the village of Lyptsi and killed 40 Ukrainian "
        "soldiers in the fighting.",
    ).flagged


def test_a_columns_call_echoed_in_its_headline_is_no_order() -> None:
    text = (
        "Я много думал об этой войне. Поэтому мое мнение простое: российским военным пленных "
        "не брать."
    )
    assert not classify("Пленных не брать", text).flagged
    # a headline order over a body that reports it as an order still flags
    report = "Перехват: командир штурмовой роты ВС РФ приказал пленных не брать под Угледаром."
    assert classify("Пленных не брать", report).flagged


@pytest.mark.parametrize(
    ("title", "text"),
    [
        # the idiom in politics and business, with the words of a fight but no soldiers
        (
            "Budget battle: Ukraine's finance minister takes no prisoners",
            "In the battle over next year's budget the minister took no prisoners, cutting "
            "every ministry's request.",
        ),
        (
            "Kyiv grocer takes no prisoners in price war",
            "The company took no prisoners in the price war with its Ukrainian rivals, fighting "
            "for every position on the shelves.",
        ),
        # a drama podcast is fiction
        (
            "New drama podcast: 'The Cellar'",
            "In our drama podcast a captured Ukrainian scout is shot by Russian guards in the "
            "final episode.",
        ),
    ],
)
def test_metaphors_of_war_and_drama_podcasts(title: str, text: str) -> None:
    assert not classify(title, text).flagged


def test_a_denial_in_the_active_voice() -> None:
    assert not classify(
        "Brigade: the captives from Toretsk are alive",
        "The brigade said there was no evidence that Russian troops killed the captured "
        "Ukrainian soldiers.",
    ).flagged
