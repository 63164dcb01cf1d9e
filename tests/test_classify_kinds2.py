"""Failure kinds of the second blind round, one group per kind, in en/uk/ru (written here).

False alarms: a risk asked about, a no-quarter threat, a captive convicted over a killing, a
headline casualty list. Misses: a surrendered man killed by a captive, captors and hands on
heads, a review of non-fiction, Olenivka, a TV listing's blurb, a killing told a sentence later.
"""

from __future__ import annotations

import pytest

from bot.detect.boilerplate import strip_boilerplate
from bot.detect.classify import classify

NOT_A_KILLING = {
    "a risk asked about, not an event": [
        ("Could captured soldiers in Kursk face execution? Lawyers weigh in", ""),
        ("Captured marines face the prospect of execution near Krynky, lawyers say", ""),
        ("Analysts discuss the danger of execution for captured marines near Krynky", ""),
        ("Чи загрожує розстріл полоненим бійцям на Курщині? Пояснюють юристи", ""),
        ("Полоненим морпіхам ризикує загрожувати страта, попереджають правозахисники", ""),
        ("Грозит ли расстрел пленным бойцам под Курском? Отвечают эксперты", ""),
    ],
    "a no-quarter phrase as a threat or a hint": [
        ("Chechen leader says his fighters would stop taking prisoners in Kursk", ""),
        ("A Russian general hinted that his units will take no prisoners near Vovchansk", ""),
        ("Commander vows his men will take no Ukrainian prisoners at Pokrovsk", ""),
        ("Russian officer warned that from now on his unit takes no prisoners in Kursk", ""),
        ("Кадиров пригрозив не брати українських полонених на Курщині", ""),
        ("Кадыров пригрозил, что его бойцы в плен не берут украинцев под Курском", ""),
    ],
    "a captive convicted over or in a killing": [
        ("Captured Russian paratrooper convicted over killing of Kherson region farmer", ""),
        ("Captured Russian soldier found guilty in the killing of a pensioner in Sumy", ""),
        ("Captured Russian gunner sentenced over the shooting of a driver near Chernihiv", ""),
    ],
    "a casualty list that ends with a comma": [
        ("Потери ВСУ за неделю: убиты, ранены, взяты в плен", ""),
        ("Втрати окупантів за добу: убиті, поранені, взяті в полон", ""),
        ("Russian losses this week near Kupiansk: killed, wounded, taken captive", ""),
    ],
    "a staged execution": [
        ("Ex-POW says guards staged his execution three times at Olenivka", ""),
        ("Guards staged the execution of captured Ukrainians three times to frighten them", ""),
        ("Охоронці тричі інсценували розстріл полонених у колонії, кажуть правозахисники", ""),
        (
            "Охрана дважды инсценировала публичный расстрел пленных украинцев, сообщил юрист",
            "",
        ),
    ],
    "a captive who killed, named with a noun or a participle between": [
        ("Court jails captured Russian soldier from Buryatia who killed a pensioner in Sumy", ""),
        ("Суд у Києві виніс вирок полоненому окупанту, який розстріляв цивільного в Бучі", ""),
        ("Суд приговорил пленного российского солдата, расстрелявшего жителя Бучи", ""),
    ],
    "a killing denied in the same sentence": [
        ("Video shows Ukrainian POWs being beaten; no one was killed, monitors say", ""),
        ("ISW: Russian forces likely executed no POWs this week, contrary to claims", ""),
        ("Ukrainian commander: we shoot drones, not prisoners", ""),
        ("Кадыров: пленных украинцев ждет суд, а не расстрел", ""),
        ("Омбудсман: полонених чекає обмін, а не розстріл", ""),
        ("Полонених били, але нікого не розстріляли, кажуть у штабі", ""),
    ],
    "a captive who fired at civilians": [
        ("В Україні засудили полоненого, який стріляв по цивільних у Харкові", ""),
        ("Captured Russian tank gunner who fired at civilians in Chernihiv goes on trial", ""),
        ("Суд отклонил апелляцию пленного, который стрелял по мирным жителям", ""),
    ],
    "the legal line as a noun": [
        ("Killing prisoners of war is a war crime, Ukraine's ombudsman reminds", ""),
        ("Вбивство полонених — воєнний злочин, нагадав омбудсман на брифінгу", ""),
        ("Расстрел пленных — военное преступление, напомнил юрист ООН", ""),
    ],
    "a condition or a fear": [
        ("What happens if captured Ukrainian soldiers are shot? Lawyers explain", ""),
        ("Що буде, якщо полонених розстріляють? Пояснює юрист", ""),
        ("Что будет с пленными, если их расстреляют? Отвечает юрист", ""),
        ("Russian POWs in a Ukrainian camp say they fear being shot if sent home", ""),
    ],
    "prisoners who are convicts, and deaths from torture": [
        ("Prisoners shot dead during riot at a Russian penal colony near Ukraine's border", ""),
        ("UN report: Ukrainian POWs tortured, some killed by beatings in Russian detention", ""),
    ],
    "a count of others killed": [
        ("Ukrainian troops took 40 Russians prisoner near Kursk and killed dozens more", ""),
        ("Russian forces captured two Ukrainian soldiers and killed many more near Pokrovsk", ""),
    ],
}

KILLED = {
    "a captive convicted of killing a man who surrendered": [
        ("Captured Russian soldier jailed for shooting a Ukrainian who had surrendered", ""),
        ("Суд засудив полоненого росіянина за розстріл бійця, який здався в полон", ""),
        ("В Запорожье пленного россиянина приговорили за расстрел сдавшегося бойца", ""),
    ],
    "a no-quarter order is still an order": [
        ("", "The commander ordered his men to take no prisoners near Avdiivka, a POW said."),
        ("", "Командир наказав полонених не брати під Авдіївкою, розповіли в ЗСУ."),
    ],
    "captors and hands on heads": [
        ("", "The sniper was shot dead by his captors near Soledar, the video shows."),
        ("", "Four Ukrainian soldiers walk out with hands on heads and are shot from behind."),
        ("", "Двоє бійців ЗСУ вийшли з руками за головою, і їх розстріляли під Бахмутом."),
        ("", "Бойцы ВСУ вышли с руками за головой, их расстреляли у Работино."),
    ],
    "a review of non-fiction about real killings": [
        (
            "Рецензия: книга о тех, кто сложил оружие",
            "Журналистка документирует истории пленных: других расстреляли через минуты после "
            "сдачи под Авдеевкой.",
        ),
        (
            "Рецензія: книжка про тих, хто здався",
            "Авторка документує історії полонених: частину з них розстріляли одразу після "
            "здачі в полон під Бахмутом.",
        ),
        (
            "Book review: the last winter in Bakhmut",
            "In this non-fiction account the author traces how captured Ukrainian soldiers were "
            "executed near Bakhmut.",
        ),
    ],
    "Olenivka": [
        ("", "Dozens of Ukrainians were killed in the blast at Olenivka in July 2022."),
        (
            "Three years after Olenivka",
            "The barracks where defenders of Mariupol were held blew up at night. More than 50 "
            "Ukrainian POWs perished.",
        ),
        (
            "Три роки після Оленівки",
            "Вночі стався вибух у бараку колонії. Тоді загинули понад 50 українських "
            "військовополонених.",
        ),
        ("", "Более 50 украинских военнопленных погибли при взрыве в Еленовке летом 2022 года."),
    ],
    "a killing told a sentence after the setup": [
        (
            "The woman who watched the video",
            "Two men in Ukrainian uniforms kneel in a tree line near Udachne. Prosecutors say "
            "both were shot moments later.",
        ),
        (
            "A medic remembers Avdiivka",
            "We had to leave wounded soldiers behind at the position. Later we saw the video. "
            "They had been finished off where they lay.",
        ),
        (
            "Медик згадує Авдіївку",
            "Нам довелося залишити поранених бійців на позиції. Потім ми побачили відео. Їх "
            "добили там, де вони лежали.",
        ),
        (
            "Женщина, которая смотрела видео",
            "Двое военных ВСУ стоят на коленях у лесополосы под Угледаром. По словам "
            "прокуроров, обоих расстреляли через минуту.",
        ),
    ],
}

STILL_NOT_A_KILLING = [
    # Olenivka named, but the deaths told are others (far from it, or from disease)
    (
        "Ukraine brings home 95 defenders",
        "Some of the freed men were once held at Olenivka. The swap took a whole day. Two "
        "Ukrainian POWs perished in a bus crash on the way home, officials said.",
    ),
    (
        "Обмін полоненими",
        "Серед звільнених є захисники, які утримувалися в Оленівці. Раніше в полоні загинули "
        "двоє військовополонених від хвороб.",
    ),
    # the setup without a killing that follows it, or a killing with no setup before it
    (
        "Exchange near Sumy",
        "Five Ukrainian soldiers surrendered near Vovchansk in May. They were exchanged in June.",
    ),
    (
        "Front report",
        "Russian troops advanced near Toretsk. The town was shelled. They were killed by a "
        "drone, the army said.",
    ),
]


def _cases(groups: dict[str, list[tuple[str, str]]]) -> list[object]:
    return [
        pytest.param(title, text, id=f"{kind}-{n}")
        for kind, cases in groups.items()
        for n, (title, text) in enumerate(cases)
    ]


@pytest.mark.parametrize(("title", "text"), _cases(NOT_A_KILLING))
def test_no_prisoner_was_killed(title: str, text: str) -> None:
    verdict = classify(title, text)
    assert not verdict.flagged, verdict


@pytest.mark.parametrize(("title", "text"), _cases(KILLED))
def test_a_killing_of_captives_flags(title: str, text: str) -> None:
    verdict = classify(title, text)
    assert verdict.flagged, verdict


@pytest.mark.parametrize(("title", "text"), STILL_NOT_A_KILLING)
def test_neighbours_of_the_new_rules_do_not_flag(title: str, text: str) -> None:
    assert not classify(title, text).flagged


def test_tv_listing_blurb_is_content_and_bare_times_are_not() -> None:
    listing = (
        "ПЕРШИЙ\n06:00 Ранок\n09:00 Новини\n13:10 Погода\n\nДОКУ-КАНАЛ\n"
        "21:15 «Без права на полон» — документальне розслідування про трьох морпіхів, яких "
        "росіяни розстріляли після здачі в полон у Кринках\n22:30 «Дикі кішки Африки»"
    )
    assert "розстріляли" in strip_boilerplate(listing)
    assert classify("Телепрограма на четвер", listing).flagged
    ru = (
        "21:15 «Без права на плен» — документальный фильм о бойцах ВСУ, которых расстреляли "
        "после сдачи в плен под Бахмутом\n22:30 «Дикие кошки»\n23:40 Новости"
    )
    assert classify("Телепрограмма на четверг", ru).flagged
    feed = (
        "Bridge opens.\n\n14:05 Russian troops executed POWs near Pokrovsk\n13:40 Tax\n12:10 Sun"
    )
    assert "executed" not in strip_boilerplate(feed)
