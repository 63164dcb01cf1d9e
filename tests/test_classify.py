"""Detector behaviour: en/uk/ru statements that must flag, and near misses that must not."""

from __future__ import annotations

import pytest

from bot.classify import classify

POSITIVES = [
    # English: single incidents, allegations, denials, tallies, passing mentions
    ("Russian soldiers executed three Ukrainian prisoners of war near Toretsk, officials say", ""),
    ("Footage shows captured Ukrainian marines being shot after they laid down their weapons", ""),
    (
        "Prosecutors open case over deaths near Kurakhove",
        "Two Ukrainian servicemen who had surrendered were killed by Russian troops on Monday, "
        "the regional prosecutor said.",
    ),
    (
        "Moscow says Ukrainian troops shot five captured Russian soldiers in the Kursk region",
        "",
    ),
    ("Kyiv denies its marines executed Russian PoWs near Krynky", ""),
    (
        "Zelensky meets European leaders in Berlin",
        "The talks focused on air defence and sanctions. Kyiv also raised the fate of soldiers "
        "in Russian hands: prosecutors say more than 150 POWs have been executed since 2022.",
    ),
    (
        "Intercepted call: Russian commander tells troops to take no Ukrainian prisoners",
        "Ukraine's intelligence agency published the recording on Tuesday.",
    ),
    ("Dozens of Ukrainian POWs killed in explosion at Russian-run detention camp", ""),
    (
        "Vuhledar",
        "A wounded Ukrainian soldier who was hors de combat was finished off by Russian "
        "troops near Vuhledar, the brigade said.",
    ),
    ("UN monitors in Ukraine say 32 PoWs were summarily executed in six months", ""),
    # Ukrainian
    ("Окупанти розстріляли трьох полонених бійців ЗСУ біля Часового Яру", ""),
    ("На Запоріжжі росіяни стратили військовополоненого, який вийшов з піднятими руками", ""),
    ("Прокуратура: росіяни вбили двох українських військових, які склали зброю", ""),
    ("Росіяни добили пораненого полоненого бійця поблизу Торецька", ""),
    (
        "Додому повернулися ще 90 захисників",
        "Україна провела черговий обмін полоненими. Лубінець нагадав, що окупанти й надалі "
        "розстрілюють українських військових, які здаються в полон.",
    ),
    # Russian
    ("Российские военные расстреляли четырех украинских пленных под Угледаром", ""),
    ("СК: украинские военные казнили двух сдавшихся в плен российских солдат под Суджей", ""),
    ("Генпрокуратура Украины: под Покровском убиты трое военнопленных", ""),
    ("Пленного бойца ВСУ застрелили после допроса, показывает видео", ""),
    (
        "Раненых бойцов оставили на позиции под Авдеевкой",
        "Через несколько дней родственники узнали тела раненых, которых не смогли эвакуировать, "
        "на видео российских каналов.",
    ),
]

NEGATIVES = [
    # prisoner exchanges and repatriation of bodies
    ("Ukraine and Russia swap 250 prisoners of war in UAE-brokered exchange", ""),
    ("Обмін полоненими: з полону повернулися 150 захисників", ""),
    ("Россия и Украина обменялись пленными: домой вернулись 103 военных", ""),
    ("Russia returns the bodies of 900 fallen Ukrainian soldiers", ""),
    ("Україні повернули тіла 757 загиблих військових", ""),
    # torture and mock executions without a killing
    ("Freed Ukrainian POWs say guards beat them daily and staged mock executions", ""),
    ("Звільнені з полону розповіли про катування та імітацію розстрілу", ""),
    ("Освобожденные из плена рассказали о пытках и имитации расстрела", ""),
    ("Видео: военные стреляют по ногам связанным пленным", ""),
    # civilians only
    ("Russian troops executed six civilians in an occupied village, police say", ""),
    ("Окупанти розстріляли цивільних мешканців села на Херсонщині", ""),
    ("Украинских военных обвинили в расстреле мирных жителей в Курской области", ""),
    # capital punishment elsewhere; sentenced but not executed
    ("Iran executes three men convicted over protests", ""),
    ("Separatist court sentences captured foreign volunteers to death in Donetsk", ""),
    ("Суд в ДНР приговорил пленного британца к смертной казни", ""),
    # "executed" as carried out
    (
        "Brigade executed the plan to retake the heights and captured 12 Russian soldiers",
        "",
    ),
    ("Ukraine says drones executed strikes on two Russian airfields; prisoners taken", ""),
    ("Contract for drone deliveries to Ukraine executed ahead of schedule", ""),
    # deaths in captivity from disease, neglect or a strike
    ("Ukrainian POW died in Russian captivity after being denied medical care", ""),
    ("У російському полоні помер ще один український військовий", ""),
    ("Moscow says Ukrainian POWs were killed when a drone strike hit their barracks", ""),
    # history and other wars
    ("Poland remembers Katyn, where the NKVD shot thousands of Polish prisoners of war", ""),
    ("Veterans mark anniversary of the Malmedy massacre of American prisoners of war", ""),
    ("Годовщина Катыни: в 1940 году НКВД расстрелял польских военнопленных", ""),
    ("Paramilitaries executed captured soldiers in Darfur, rights groups say", ""),
    # metaphors
    ("Над Києвом ППО розстріляла два десятки шахедів", ""),
    ("Форвард расстрелял ворота соперника, а полузащитники взяли в плен центр поля", ""),
    ("Air defence shot down 40 drones overnight, Ukraine's air force says", ""),
    # commanders killing their own men
    ("Russian commanders execute their own soldiers who retreat, deserters say", ""),
    ("Путин: командиры ВСУ расстреливают своих солдат, которые пытаются сдаться в плен", ""),
    ("Обнулення: як командири вбивають власних підлеглих", ""),
    # battlefield captures, casualty counts
    ("Ukrainian forces captured 40 Russian soldiers near Pokrovsk and destroyed two tanks", ""),
    ("ЗСУ взяли в полон 20 російських військових на Курщині", ""),
    ("Минобороны: в районе Красноармейска в плен сдались 15 военных ВСУ", ""),
    ("Ukraine says 120 Russian soldiers were killed and 15 captured in the past day", ""),
    ("Russian forces killed 30 Ukrainian troops and captured 12 more, Moscow claims", ""),
    # "prisoner" in other senses
    ("Russia recruits prisoners from penal colonies to fight in Ukraine", ""),
    ("Navalny dies in Arctic prison colony, prison service says", ""),
]


@pytest.mark.parametrize(("title", "text"), POSITIVES)
def test_statement_of_killed_captives_flags(title: str, text: str) -> None:
    verdict = classify(title, text)
    assert verdict.flagged, verdict
    assert 0.5 <= verdict.score <= 1.0
    assert verdict.evidence
    for ev in verdict.evidence:
        assert ev.terms
        assert len(ev.sentence) <= 402


@pytest.mark.parametrize(("title", "text"), NEGATIVES)
def test_near_miss_does_not_flag(title: str, text: str) -> None:
    verdict = classify(title, text)
    assert not verdict.flagged, verdict.evidence
    assert 0.0 <= verdict.score < 0.5
    assert verdict.evidence == ()


def test_negative_cue_applies_only_to_its_own_sentence() -> None:
    title = "Prisoner exchange completed as new killing of POWs is reported"
    text = (
        "Ukraine and Russia swapped 95 prisoners on Friday. "
        "Separately, prosecutors said Russian troops shot four Ukrainian POWs near Siversk."
    )
    assert classify(title, text).flagged


def test_evidence_points_at_the_statement_sentence() -> None:
    text = (
        "Fighting continued near Lyman on Sunday. "
        "Prosecutors said two Ukrainian prisoners of war were executed in a forest nearby. "
        "The weather was cold."
    )
    verdict = classify("Update from the front", text)
    assert [ev.sentence for ev in verdict.evidence] == [
        "Prosecutors said two Ukrainian prisoners of war were executed in a forest nearby."
    ]
    assert set(verdict.evidence[0].terms) == {"prisoners of war", "executed"}


def test_long_sentence_evidence_is_trimmed() -> None:
    filler = "The statement also covered supply lines and weather conditions, " * 12
    verdict = classify("", filler + "and said Russian troops executed three captured Ukrainians.")
    assert verdict.flagged
    assert len(verdict.evidence[0].sentence) <= 402
    assert "executed" in verdict.evidence[0].sentence


def test_more_statements_raise_the_score() -> None:
    one = classify("Ukrainian POWs shot near Bakhmut", "")
    many = classify(
        "Ukrainian POWs shot near Bakhmut",
        "Russian troops executed the captured men. Prosecutors said the prisoners of war were "
        "killed at close range.",
    )
    assert many.score > one.score


def test_empty_input_is_a_clean_negative() -> None:
    assert classify("", "").flagged is False
    assert classify("", "").score == 0.0
