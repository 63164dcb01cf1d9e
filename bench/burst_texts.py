"""Wordings for the burst scenario: prosecutors' template releases and follow-ups, en/uk/ru.

Written for this benchmark. Each place carries the forms the templates need: English name,
Ukrainian and Russian nominative (after "населеного пункту") and genitive (after "біля"/"возле").
"""

from __future__ import annotations

# canonical | uk nominative | uk genitive | ru nominative | ru genitive | oblast (en)
_PLACES = """
Toretsk|Торецьк|Торецька|Торецк|Торецка|Donetsk
Siversk|Сіверськ|Сіверська|Северск|Северска|Donetsk
Vuhledar|Вугледар|Вугледара|Угледар|Угледара|Donetsk
Avdiivka|Авдіївка|Авдіївки|Авдеевка|Авдеевки|Donetsk
Bakhmut|Бахмут|Бахмута|Бахмут|Бахмута|Donetsk
Robotyne|Роботине|Роботиного|Работино|Работино|Zaporizhzhia
Kurakhove|Курахове|Курахового|Курахово|Курахово|Donetsk
Pokrovsk|Покровськ|Покровська|Покровск|Покровска|Donetsk
Chasiv Yar|Часів Яр|Часового Яру|Часов Яр|Часового Яра|Donetsk
Kupiansk|Куп'янськ|Куп'янська|Купянск|Купянска|Kharkiv
Selydove|Селидове|Селидового|Селидово|Селидово|Donetsk
Myrnohrad|Мирноград|Мирнограда|Мирноград|Мирнограда|Donetsk
Kostiantynivka|Костянтинівка|Костянтинівки|Константиновка|Константиновки|Donetsk
Kramatorsk|Краматорськ|Краматорська|Краматорск|Краматорска|Donetsk
Lyman|Лиман|Лимана|Лиман|Лимана|Donetsk
Kreminna|Кремінна|Кремінної|Кременная|Кременной|Luhansk
Orikhiv|Оріхів|Оріхова|Орехов|Орехова|Zaporizhzhia
Huliaipole|Гуляйполе|Гуляйполя|Гуляйполе|Гуляйполя|Zaporizhzhia
Verbove|Вербове|Вербового|Вербовое|Вербового|Zaporizhzhia
Krynky|Кринки|Кринок|Крынки|Крынок|Kherson
Vovchansk|Вовчанськ|Вовчанська|Волчанск|Волчанска|Kharkiv
Klishchiivka|Кліщіївка|Кліщіївки|Клещеевка|Клещеевки|Donetsk
Ocheretyne|Очеретине|Очеретиного|Очеретино|Очеретино|Donetsk
Novohrodivka|Новогродівка|Новогродівки|Новогродовка|Новогродовки|Donetsk
Velyka Novosilka|Велика Новосілка|Великої Новосілки|Великая Новоселка|Великой Новоселки|Donetsk
Tokmak|Токмак|Токмака|Токмак|Токмака|Zaporizhzhia
Sudzha|Суджа|Суджі|Суджа|Суджи|Kursk
Svatove|Сватове|Сватового|Сватово|Сватово|Luhansk
"""

PLACES: list[dict[str, str]] = [
    dict(zip(("en", "uk", "uk_gen", "ru", "ru_gen", "oblast"), line.split("|"), strict=True))
    for line in _PLACES.strip().splitlines()
]

MONTHS = {
    "en": [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ],
    "uk": [
        "січня",
        "лютого",
        "березня",
        "квітня",
        "травня",
        "червня",
        "липня",
        "серпня",
        "вересня",
        "жовтня",
        "листопада",
        "грудня",
    ],
    "ru": [
        "января",
        "февраля",
        "марта",
        "апреля",
        "мая",
        "июня",
        "июля",
        "августа",
        "сентября",
        "октября",
        "ноября",
        "декабря",
    ],
}

# First releases: {n} victims, {place}/{gen} place, {oblast}, {date}. Keys: (title, text).
RELEASES: dict[str, list[tuple[str, str]]] = {
    "en": [
        (
            "Russian occupiers shot {n} Ukrainian prisoners of war near {place}: a case is opened",
            "The Prosecutor General's Office has opened a war crimes case after Russian troops "
            "shot {n} Ukrainian prisoners of war near {place} in {oblast} Oblast on {date}. "
            "According to the investigation, the servicemen had laid down their arms and were "
            "taken captive before they were killed. Pre-trial investigation is under way.",
        ),
        (
            "Prosecutors: {n} surrendering Ukrainian soldiers executed near {place}",
            "Russian forces executed {n} Ukrainian soldiers who had surrendered near {place} "
            "on {date}, regional prosecutors in {oblast} Oblast said. Drone footage shows the "
            "captives lying face down before the shots. Proceedings were opened under the "
            "article on violations of the laws and customs of war.",
        ),
        (
            "Execution of {n} captured Ukrainian defenders near {place} under investigation",
            "Investigators are looking into the execution of {n} captured Ukrainian defenders "
            "near {place}, {oblast} Oblast. On {date}, Russian servicemen took the men prisoner "
            "after a battle and then shot them, the prosecutor's office said.",
        ),
    ],
    "uk": [
        (
            "Окупанти розстріляли {n} українських військовополонених біля {gen}: розпочато "
            "провадження",
            "{date} під час штурму позицій поблизу {gen} російські військові взяли в полон {n} "
            "українських захисників і розстріляли їх, повідомили в Офісі генерального "
            "прокурора. Розпочато досудове розслідування за фактом порушення законів та "
            "звичаїв війни, поєднаного з умисним вбивством.",
        ),
        (
            "Прокуратура: поблизу {gen} росіяни стратили {n} полонених бійців ЗСУ",
            "Прокурори розслідують страту {n} українських військовополонених, яку російські "
            "військові вчинили {date} поблизу {gen}. За даними слідства, захисники вийшли з "
            "укриття без зброї, після чого окупанти відкрили по них вогонь.",
        ),
        (
            "У районі населеного пункту {place_uk} окупанти вбили {n} полонених захисників",
            "{date} у районі населеного пункту {place_uk} російські військові розстріляли {n} "
            "українських військовополонених. Момент страти зафіксував безпілотник. Розпочато "
            "досудове розслідування.",
        ),
    ],
    "ru": [
        (
            "Оккупанты расстреляли {n} украинских военнопленных возле {gen}: открыто дело",
            "{date} возле {gen} российские военные взяли в плен {n} украинских бойцов и "
            "расстреляли их, сообщили в Офисе генпрокурора Украины. Начато досудебное "
            "расследование по статье о нарушении законов и обычаев войны.",
        ),
        (
            "Прокуратура: в районе населенного пункта {place_ru} казнили {n} пленных",
            "По данным прокуратуры, {date} в районе населенного пункта {place_ru} российские "
            "военные казнили {n} украинских военнопленных, которые сложили оружие. Открыто "
            "уголовное производство.",
        ),
        (
            "Возле {gen} расстреляли {n} сдавшихся в плен украинских военных",
            "Украинская прокуратура сообщила, что {date} российские военные расстреляли {n} "
            "военнопленных возле {gen}. Возбуждено дело о военном преступлении.",
        ),
    ],
}

# Follow-ups days later: a suspect named. {count} is "" or " {n}" (some repeat no count).
FOLLOW_UPS: dict[str, list[tuple[str, str]]] = {
    "en": [
        (
            "Suspect identified in the killing of captured Ukrainian soldiers near {place}",
            "Investigators have identified a Russian commander suspected of ordering the "
            "execution of{count} Ukrainian prisoners of war near {place}. He has been served a "
            "notice of suspicion in absentia, prosecutors said.",
        ),
    ],
    "uk": [
        (
            "Встановлено підозрюваного у розстрілі полонених біля {gen}",
            "Слідчі встановили російського командира, який наказав розстріляти{count} "
            "українських військовополонених поблизу {gen}. Йому заочно повідомлено про підозру.",
        ),
    ],
    "ru": [
        (
            "Установлен подозреваемый в расстреле пленных возле {gen}",
            "Следователи установили российского командира, который приказал расстрелять{count} "
            "украинских военнопленных возле {gen}. Ему заочно сообщено о подозрении.",
        ),
    ],
}

FOLLOW_UP_DAY = {
    "en": " The killing took place on {date}.",
    "uk": " Розстріл стався {date}.",
    "ru": " Расстрел произошел {date}.",
}

# A revised toll a few days later, naming the place and the day.
REVISIONS: dict[str, tuple[str, str]] = {
    "en": (
        "Toll of POWs executed near {place} revised to {n}",
        "Prosecutors revised to {n} the number of Ukrainian prisoners of war shot by Russian "
        "troops near {place} on {date}, after the bodies were recovered and identified.",
    ),
    "uk": (
        "Кількість розстріляних полонених біля {gen} уточнили: {n}",
        "Прокурори уточнили, що {date} поблизу {gen} російські військові розстріляли {n} "
        "українських військовополонених: тіла загиблих повернули та ідентифікували.",
    ),
    "ru": (
        "Число расстрелянных пленных возле {gen} уточнили: {n}",
        "Прокуроры уточнили, что {date} возле {gen} российские военные расстреляли {n} "
        "украинских военнопленных: тела погибших вернули и опознали.",
    ),
}

UPDATE_NOTE = {
    "en": " Update: the prosecutor's office has since published the drone footage.",
    "uk": " Оновлено: прокуратура оприлюднила відео з дрона.",
    "ru": " Обновлено: прокуратура опубликовала видео с дрона.",
}
SYNDICATION_NOTE = {
    "en": " This report was first published by a partner outlet.",
    "uk": " Матеріал опубліковано за домовленістю з партнерським виданням.",
    "ru": " Материал опубликован по соглашению с партнерским изданием.",
}
RECAP = (
    "Timeline: the executions of captured Ukrainian soldiers reported this month",
    "Prosecutors have opened cases on a series of executions of prisoners of war. {items} "
    "Human rights monitors say the pattern points to orders from above.",
)
