"""Fact extraction and summary on sentences written for these tests (en/uk/ru)."""

from __future__ import annotations

from datetime import date

import pytest

from bot.detect.classify import classify
from bot.detect.extract import extract_facts, summarize
from bot.detect.gazetteer import canonical_places, place_variants
from bot.detect.sentences import normalise
from bot.models import Facts, Verdict

PUB = date(2025, 3, 5)

CASES = [
    (
        "Russian troops shot seven surrendering Ukrainian soldiers near Chasiv Yar, "
        "prosecutors say",
        "The killing took place on Feb. 12 near the town in Bakhmut district, the Donetsk Oblast "
        "prosecutor's office said on Feb. 14.",
        Facts(("Chasiv Yar", "Bakhmut district"), 7, "Ukrainian", date(2025, 2, 12),
              "Prosecutor General's Office"),
    ),
    (
        "Біля Покровська окупанти розстріляли дев'ятьох полонених",
        "За даними слідства, 3 березня росіяни взяли в полон дев'ятьох бійців ЗСУ поблизу "
        "Покровська і розстріляли їх. Про це повідомили в Офісі генпрокурора.",
        Facts(("Pokrovsk",), 9, "Ukrainian", date(2025, 3, 3), "Prosecutor General's Office"),
    ),
    (
        "СК: украинские военные казнили шестерых российских военнопленных в Курской области",
        "По данным следствия, это произошло 14 февраля у поселка Суджа.",
        Facts(("Kursk Oblast", "Sudzha"), 6, "Russian", date(2025, 2, 14),
              "Russian Investigative Committee"),
    ),
    (
        "Ombudsman: Russian troops executed at least four Ukrainian POWs in Avdeevka",
        "",
        Facts(("Avdiivka",), 4, "Ukrainian", None, "Ombudsman"),
    ),
    (
        "МЗС: у Шаховому окупанти стратили п'ятьох українських військовополонених",
        "",
        Facts(("Shakhove",), 5, "Ukrainian", None, "Ukrainian Foreign Ministry"),
    ),
    (
        "Минобороны России: под Работино украинские военные расстреляли более десяти пленных",
        "",
        Facts(("Robotyne",), None, "Russian", None, "Russian Defence Ministry"),
    ),
]  # fmt: skip


@pytest.mark.parametrize(("title", "text", "want"), CASES)
def test_facts_are_normalised(title: str, text: str, want: Facts) -> None:
    got = extract_facts(title, text, PUB, None, classify(title, text))
    assert set(got.locations) == set(want.locations)
    assert (got.victims, got.victim_side) == (want.victims, want.victim_side)
    assert got.incident_date == want.incident_date
    assert got.source_authority == want.source_authority


@pytest.mark.parametrize(
    ("title", "victims"),
    [
        ("Russian soldiers killed at least nine captured Ukrainians", 9),
        ("Russian soldiers killed more than nine captured Ukrainians", None),
        ("Dozens of Ukrainian POWs executed, officials say", None),
        ("Росіяни розстріляли п'ятьох полонених захисників", 5),
        ("Российские военные расстреляли шестерых пленных", 6),
        ("Russian troops shot five of six captured Ukrainian soldiers", 5),
        ("Prosecutors say 210 Ukrainian POWs have been executed since 2022", None),
        ("UN documents 40 executions of captured soldiers in Ukraine since August", None),
        ("Russian soldier shot a wounded Ukrainian POW after his capture", 1),
        ("Росіяни вбили полоненого бійця ЗСУ", 1),
    ],
)
def test_victim_counts(title: str, victims: int | None) -> None:
    assert extract_facts(title, "", PUB).victims == victims


@pytest.mark.parametrize(
    ("text", "want"),
    [
        # a day without a year takes the published year, or the year before if that is later
        ("Russian troops executed two Ukrainian POWs on Dec. 30, prosecutors said.", "2024-12-30"),
        # the day a video surfaced is not the day of the killing
        (
            "A video that surfaced on Feb. 2 shows Russian soldiers shooting two captured men.",
            None,
        ),
        ("Prosecutors said on March 3 that Russian troops had shot three Ukrainian POWs.", None),
        ("Окупанти 1 березня розстріляли двох полонених біля Кринок.", "2025-03-01"),
        ("Видео опубликовали 2 марта: на нем расстреливают пленных бойцов ВСУ.", None),
        ("Russian soldiers shot captured Ukrainians in early February, officials said.", None),
    ],
)
def test_incident_date(text: str, want: str | None) -> None:
    got = extract_facts("", text, PUB).incident_date
    assert (got.isoformat() if got else None) == want


def test_background_places_are_left_out() -> None:
    title = "Russian troops shot three captured Ukrainian soldiers near Toretsk"
    text = (
        "The men were taken prisoner during an assault on Feb. 20, prosecutors said. "
        "Earlier this year prosecutors reported a similar killing of POWs near Kurakhove."
    )
    facts = extract_facts(title, text, PUB)
    assert facts.locations == ("Toretsk",)
    assert facts.incident_date == date(2025, 2, 20)


def test_district_makes_the_direction_locator_redundant() -> None:
    title = "На Покровському напрямку росіяни розстріляли двох полонених"
    text = "Це сталося поблизу села Котлине Покровського району."
    assert set(extract_facts(title, text, PUB).locations) == {"Kotlyne", "Pokrovsk district"}


def test_both_sides_leave_victim_side_empty() -> None:
    title = "UN: both Russian and Ukrainian forces executed prisoners of war"
    assert extract_facts(title, "", PUB).victim_side is None


def test_unflagged_article_gets_empty_facts() -> None:
    verdict = Verdict(flagged=False, score=0.1)
    assert extract_facts("Grain exports rise", "Ports are busy.", PUB, "en", verdict) == Facts()
    assert extract_facts("Grain exports rise", "Ports are busy.", PUB) == Facts()


def test_summary_is_short_and_holds_the_statement() -> None:
    title = "Prosecutors report new killing of POWs"
    text = (
        "Investigators spent the week collecting evidence in the area. "
        * 3
        + "They said Russian troops executed four Ukrainian prisoners of war near Siversk after "
        "the men had laid down their weapons, and that the unit involved had been identified "
        "by its insignia, radio intercepts and the testimony of a fifth soldier who escaped."
    )
    verdict = classify(title, text)
    summary = summarize(title, text, verdict)
    assert len(summary) <= 300
    assert "executed four Ukrainian prisoners of war" in summary


@pytest.mark.parametrize(
    ("text", "places"),
    [
        ("бої біля Покровська та в Авдіївці", ["Pokrovsk", "Avdiivka"]),
        ("под Покровском и в Красноармейске", ["Pokrovsk"]),
        ("на Курщині, в Курской области и in Russia's Kursk region", ["Kursk Oblast"]),
        ("у Шаховому, під Роботиним, у П'ятихатках", ["Shakhove", "Robotyne", "Piatykhatky"]),
        ("Zelenyy Shlyakh / Зелёный Шлях", ["Zelenyi Shliakh"]),
        ("на Херсонщині, біля Кринок", ["Kherson Oblast", "Krynky"]),
        ("Пологівського району на Запоріжжі", ["Polohy district", "Zaporizhzhia Oblast"]),
        ("the Donetsk Oblast prosecutor's office", []),
        ("a court in Zaporizhzhia; The New York Times", []),
    ],
)
def test_gazetteer_maps_inflected_spellings(text: str, places: list[str]) -> None:
    assert canonical_places(text) == places


def test_place_variants_serve_search() -> None:
    forms = place_variants("Pokrovsk")
    assert {"Pokrovsk", "Покровськ", "Покровську", "Покровском", "Красноармейск"} <= set(forms)
    assert "Авдіївці" in place_variants("Avdiivka")
    assert place_variants("Atlantis") == []


# Probe reports written for these tests (not from the corpus): new front-line places in
# inflected forms, count nouns (men, бійців, защитников), singular victims, dates, sources.
PROBE_FACTS = [
    (
        "Video appears to show three men in Ukrainian uniforms kneeling before being shot "
        "near Stepnohirsk",
        "",
        Facts(("Stepnohirsk",), 3, "Ukrainian", None, None),
    ),
    (
        "Під Часовим Яром окупанти розстріляли двох бійців, які здалися в полон",
        "Про це 2 березня повідомили в Офісі генпрокурора.",
        Facts(("Chasiv Yar",), 2, "Ukrainian", None, "Prosecutor General's Office"),
    ),
    (
        "Под Часовым Яром российские военные расстреляли пятерых сдавшихся защитников",
        "",
        Facts(("Chasiv Yar",), 5, "Ukrainian", None, None),
    ),
    (
        "Prosecutors: four Ukrainian servicemen shot after surrendering near Huliaipole "
        "on Feb. 20",
        "",
        Facts(("Huliaipole",), 4, "Ukrainian", date(2025, 2, 20), "Prosecutor General's Office"),
    ),
    (
        "Six Ukrainian fighters who laid down their arms were executed near Kostiantynivka",
        "",
        Facts(("Kostiantynivka",), 6, "Ukrainian", None, None),
    ),
    (
        "Окупанти вбили сімох захисників, які потрапили в полон біля Липців",
        "",
        Facts(("Lyptsi",), 7, "Ukrainian", None, None),
    ),
    (
        "На Запоріжжі біля Малої Токмачки росіяни стратили трьох полонених",
        "",
        Facts(("Zaporizhzhia Oblast", "Mala Tokmachka"), 3, "Ukrainian", None, None),
    ),
    (
        "СК: украинские военные расстреляли двух пленных российских военных в Кореневском районе",
        "",
        Facts(("Korenevo district",), 2, "Russian", None, "Russian Investigative Committee"),
    ),
    (
        "Ombudsman: Russian troops killed a captured Ukrainian drone operator near Kupiansk",
        "",
        Facts(("Kupiansk",), 1, "Ukrainian", None, "Ombudsman"),
    ),
    (
        "Russian forces executed eight Ukrainian defenders after they surrendered near "
        "Vuhledar, the SBU said",
        "",
        Facts(("Vuhledar",), 8, "Ukrainian", None, "SBU"),
    ),
    (
        "В Тёткино украинские военные убили троих сдавшихся российских солдат, заявили в "
        "Минобороны России",
        "",
        Facts(("Tetkino",), 3, "Russian", None, "Russian Defence Ministry"),
    ),
    (
        "Росіяни розстріляли чотирьох полонених військових у Липцях на Харківщині",
        "",
        Facts(("Lyptsi", "Kharkiv Oblast"), 4, "Ukrainian", None, None),
    ),
    (
        "Під Торецьком окупанти добили двох поранених бійців, які потрапили в полон 12 лютого",
        "",
        Facts(("Toretsk",), 2, "Ukrainian", date(2025, 2, 12), None),
    ),
    (
        "Близ Кременной российские военные застрелили украинского военнопленного",
        "",
        Facts(("Kreminna",), 1, "Ukrainian", None, None),
    ),
]


@pytest.mark.parametrize(("title", "text", "want"), PROBE_FACTS)
def test_probe_facts(title: str, text: str, want: Facts) -> None:
    verdict = classify(title, text)
    assert verdict.flagged
    got = extract_facts(title, text, PUB, None, verdict)
    assert set(got.locations) == set(want.locations)
    assert (got.victims, got.victim_side) == (want.victims, want.victim_side)
    assert got.incident_date == want.incident_date
    assert got.source_authority == want.source_authority


@pytest.mark.parametrize(
    ("text", "places"),
    [
        ("під Часовим Яром і под Часовым Яром, Chasiv Yar", ["Chasiv Yar"]),
        ("біля Степногірська, под Степногорском, near Stepnohirsk", ["Stepnohirsk"]),
        ("у Липцях, под Гуляйполем, в Кременной", ["Lyptsi", "Huliaipole", "Kreminna"]),
        ("у Малій Токмачці та в Новой Каховке", ["Mala Tokmachka", "Nova Kakhovka"]),
        ("на Голій Пристані, під Олешками", ["Hola Prystan", "Oleshky"]),
        ("у Новоселівці Першій, біля Торського", ["Novoselivka Persha", "Torske"]),
        ("в Малой Локне, в Тёткино, у Коренево", ["Malaya Loknya", "Tetkino", "Korenevo"]),
        ("під Горлівкою, у Волновасі, в Херсоне", ["Horlivka", "Volnovakha", "Kherson"]),
        ("near Druzhkivka, Kramatorsk and Sloviansk", ["Druzhkivka", "Kramatorsk", "Sloviansk"]),
        (
            "Запорізькому районі; на Часовоярському напрямку",
            ["Zaporizhzhia district", "Chasiv Yar"],
        ),
        ("the Kherson Oblast prosecutor's office; the Kherson region", ["Kherson Oblast"]),
    ],
)
def test_gazetteer_knows_front_line_places(text: str, places: list[str]) -> None:
    assert canonical_places(normalise(text)) == places


# Fact kinds from issue 15 (sentences written for these tests), one field per case.
FACT_KINDS: dict[str, list[tuple[str, str, str, object]]] = {
    "count in the headline only": [
        (
            "Five soldiers killed near Pokrovsk, prosecutors say",
            "The men had surrendered to Russian troops and were shot minutes later.",
            "victims",
            5,
        ),
        (
            "П'ятьох бійців убили під Покровськом",
            "Чоловіки здалися в полон, після чого росіяни їх розстріляли.",
            "victims",
            5,
        ),
        (
            "Пятерых бойцов убили под Покровском",
            "Мужчины сдались в плен, после чего российские военные их расстреляли.",
            "victims",
            5,
        ),
    ],
    "head shots of N immobilised servicemen": [
        (
            "Prosecutors examine drone footage",
            "The video shows head shots of four immobilised Ukrainian servicemen by Russian "
            "troops near Toretsk.",
            "victims",
            4,
        ),
    ],
    "number words": [
        ("Russian troops executed eleven Ukrainian POWs near Siversk", "", "victims", 11),
        ("Russian troops executed twenty-two Ukrainian POWs near Siversk", "", "victims", 22),
        ("Окупанти розстріляли одинадцятьох полонених під Сіверськом", "", "victims", 11),
        ("Окупанти розстріляли шістьох полонених під Сіверськом", "", "victims", 6),
        ("Оккупанты расстреляли одиннадцать пленных под Северском", "", "victims", 11),
        ("Оккупанты расстреляли троих пленных под Северском", "", "victims", 3),
    ],
    "a tally is not the count": [
        (
            "Russian troops shot three Ukrainian POWs near Toretsk",
            "At least 250 Ukrainian prisoners of war have been executed since Russia's "
            "full-scale invasion began, the ombudsman said.",
            "victims",
            3,
        ),
        (
            "Ombudsman: Russia has executed at least 250 POWs since the invasion; new case",
            "Russian troops shot three captured Ukrainian soldiers near Toretsk on Monday.",
            "victims",
            3,
        ),
        (
            "Лубінець: за час війни росіяни стратили понад 200 полонених",
            "Новий випадок: під Торецьком окупанти розстріляли трьох полонених бійців.",
            "victims",
            3,
        ),
        ("Ombudsman: at least 250 Ukrainian POWs executed since Russia's invasion", "", "victims",
         None),
        ("Lubinets: Russia has executed at least 245 POWs during the war", "", "victims", None),
        ("Ombudsman: 45 Ukrainian POWs executed since Russia's full-scale invasion", "",
         "victims", None),
        ("Lubinets: Russian troops have executed 48 POWs during the war", "", "victims", None),
        ("Лубінець: за час війни окупанти стратили 48 полонених", "", "victims", None),
    ],
    "perpetrators, witnesses and survivors are not victims": [
        ("Two Russian soldiers shot a captured Ukrainian near Toretsk, prosecutors say", "",
         "victims", 1),
        ("Двоє російських військових розстріляли полоненого бійця під Торецьком", "", "victims",
         1),
        ("Двое российских военных расстреляли пленного бойца под Торецком", "", "victims", 1),
        (
            "Two surviving soldiers told investigators that Russian troops shot three captured "
            "Ukrainian servicemen",
            "",
            "victims",
            3,
        ),
        (
            "Двоє вцілілих бійців розповіли, що росіяни розстріляли трьох полонених",
            "",
            "victims",
            3,
        ),
        (
            "Russian troops shot a captured Ukrainian soldier near Toretsk, three witnesses said",
            "",
            "victims",
            1,
        ),
    ],
    "victim side": [
        ("Captured Russian soldier convicted of killing a Ukrainian prisoner of war", "",
         "victim_side", "Ukrainian"),
        ("Kyiv denies its troops shot surrendering Russian soldiers near Makiivka", "",
         "victim_side", "Russian"),
        ("Україна заперечує, що ЗСУ розстріляли російських полонених на Курщині", "",
         "victim_side", "Russian"),
    ],
    "incident date": [
        (
            "Prosecutors report killing of POWs",
            "Prosecutors said on Jan. 10 that Russian troops shot two Ukrainian POWs near "
            "Toretsk on Jan. 8.",
            "incident_date",
            date(2025, 1, 8),
        ),
        (
            "Прокурори повідомили про розстріл",
            "10 січня прокурори повідомили, що 8 січня росіяни розстріляли двох полонених.",
            "incident_date",
            date(2025, 1, 8),
        ),
        ("War in Ukraine, March 4: what we know",
         "Prosecutors said Russian troops executed three Ukrainian POWs near Toretsk.",
         "incident_date", None),
        ("Війна, 4 березня: головне за добу",
         "Прокурори заявили, що росіяни розстріляли трьох полонених під Торецьком.",
         "incident_date", None),
        ("Главное за 4 марта",
         "Прокуроры заявили, что российские военные расстреляли трех пленных под Торецком.",
         "incident_date", None),
    ],
    "bare singular in headline English": [
        ("Investigators: Russian troops killed helpless wounded serviceman near Sudzha", "",
         "victims", 1),
        ("UN mission verifies killing of Ukrainian POW near Bakhmut", "", "victims", 1),
        ("Wounded scout was shot by Russian troops after being taken prisoner", "", "victims",
         1),
        ("Russian soldier shot captured Ukrainians near Toretsk, prosecutors say", "",
         "victims", None),
    ],
    "both sides: no single count or side": [
        ("Місія ООН задокументувала страти полонених з обох сторін",
         "За квартал зафіксовано вбивства щонайменше 20 українських і трьох російських "
         "полонених.", "victims", None),
        ("UN: POWs executed by both sides, at least 20 Ukrainians and three Russians", "",
         "victim_side", None),
    ],
    "groups, pairs and brothers": [
        ("Russian troops shot a group of seven Ukrainian POWs near Bakhmut", "", "victims", 7),
        ("Two brothers serving in one brigade were executed after capture near Toretsk", "",
         "victims", 2),
        ("Ukrainian POW and his comrade shot by Russian troops near Lyman", "", "victims", 2),
        ("Окупанти розстріляли полоненого та його побратима біля Лимана", "", "victims", 2),
        ("Russian troops executed all six captured Ukrainian soldiers near Kurakhove", "",
         "victims", 6),
        ("Оккупанты расстреляли всех шестерых пленных у Курахово", "", "victims", 6),
    ],
    "codifier districts in English": [
        ("Russian troops executed three captured Ukrainians near the village of Zghurivka in "
         "Brovary district", "", "locations", ("Zghurivka", "Brovary district")),
        ("Russian troops shot two POWs near Zghurivka, Brovarskyi raion", "", "locations",
         ("Zghurivka", "Brovary district")),
    ],
    "counts of infantry": [
        ("Окупанти захопили двох українських піхотинців і розстріляли їх", "", "victims", 2),
        ("Пятерых украинских военных, захваченных в бою, российские десантники расстреляли",
         "", "victims", 5),
    ],
    "places of the incident only": [
        (
            "Court in Kramatorsk jails Russian soldier for killing captured Ukrainian near Lyman",
            "",
            "locations",
            ("Lyman",),
        ),
        (
            "Суд в Краматорске заочно осудил российского военного за расстрел пленного под "
            "Лиманом",
            "",
            "locations",
            ("Lyman",),
        ),
        (
            "Russian units advancing from Avdiivka toward Ocheretyne and Pokrovsk shot three "
            "surrendering Ukrainians near Novobakhmutivka",
            "",
            "locations",
            ("Novobakhmutivka",),
        ),
        (
            "Pokrovsk holds, Kramatorsk hit; three captured soldiers shot near Novoselivka",
            "",
            "locations",
            ("Novoselivka",),
        ),
        (
            "Фронт за добу: бої під Покровськом і Костянтинівкою",
            "Окремо прокурори повідомили, що біля Торського окупанти розстріляли двох "
            "полонених.",
            "locations",
            ("Torske",),
        ),
        (
            "Российские военные расстреляли пленных у Казачьих Лагерей",
            "",
            "locations",
            ("Kozachi Laheri",),
        ),
        (
            "Russian troops shot three Ukrainian POWs near Toretsk",
            "The brigade had rotated in from Kramatorsk a month earlier. Its commander grew up "
            "in Sloviansk.",
            "locations",
            ("Toretsk",),
        ),
        (
            "Оккупанты расстреляли троих пленных под Торецком",
            "Бригада прибыла из Краматорска месяцем ранее. Ее командир вырос в Славянске.",
            "locations",
            ("Toretsk",),
        ),
    ],
}  # fmt: skip


@pytest.mark.parametrize(
    ("title", "text", "field", "want"),
    [
        pytest.param(*case, id=f"{kind}-{i}")
        for kind, cases in FACT_KINDS.items()
        for i, case in enumerate(cases)
    ],
)
def test_fact_kinds(title: str, text: str, field: str, want: object) -> None:
    verdict = classify(title, text)
    assert verdict.flagged
    got = getattr(extract_facts(title, text, PUB, None, verdict), field)
    assert (tuple(got) if field == "locations" else got) == want
