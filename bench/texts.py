"""Synthetic news text in English, Ukrainian and Russian: template sentences written for the
benchmark (no corpus or seed text), a few of them reports of captives being shot.
"""

from __future__ import annotations

import random

LANGUAGES = ("en", "uk", "ru")
# (English, Ukrainian, Russian) names; Cyrillic ones follow "місто"/"город", so nominative.
PLACES = (
    ("Pokrovsk", "Покровськ", "Покровск"),
    ("Kupiansk", "Куп'янськ", "Купянск"),
    ("Robotyne", "Роботине", "Работино"),
    ("Vuhledar", "Вугледар", "Угледар"),
    ("Bakhmut", "Бахмут", "Бахмут"),
    ("Avdiivka", "Авдіївка", "Авдеевка"),
    ("Kramatorsk", "Краматорськ", "Краматорск"),
    ("Huliaipole", "Гуляйполе", "Гуляйполе"),
    ("Toretsk", "Торецьк", "Торецк"),
    ("Chasiv Yar", "Часів Яр", "Часов Яр"),
    ("Lyman", "Лиман", "Лиман"),
    ("Siversk", "Сіверськ", "Северск"),
    ("Kurakhove", "Курахове", "Курахово"),
    ("Orikhiv", "Оріхів", "Орехов"),
    ("Kherson", "Херсон", "Херсон"),
    ("Zaporizhzhia", "Запоріжжя", "Запорожье"),
    ("Kharkiv", "Харків", "Харьков"),
    ("Sumy", "Суми", "Сумы"),
    ("Dnipro", "Дніпро", "Днепр"),
    ("Mykolaiv", "Миколаїв", "Николаев"),
    ("Odesa", "Одеса", "Одесса"),
    ("Lviv", "Львів", "Львов"),
    ("Poltava", "Полтава", "Полтава"),
    ("Chernihiv", "Чернігів", "Чернигов"),
    ("Izium", "Ізюм", "Изюм"),
    ("Sloviansk", "Слов'янськ", "Славянск"),
    ("Druzhkivka", "Дружківка", "Дружковка"),
    ("Kostiantynivka", "Костянтинівка", "Константиновка"),
    ("Myrnohrad", "Мирноград", "Мирноград"),
    ("Selydove", "Селидове", "Селидово"),
    ("Nikopol", "Нікополь", "Никополь"),
    ("Marhanets", "Марганець", "Марганец"),
    ("Beryslav", "Берислав", "Берислав"),
    ("Vovchansk", "Вовчанськ", "Волчанск"),
    ("Kreminna", "Кремінна", "Кременная"),
    ("Svatove", "Сватове", "Сватово"),
    ("Tokmak", "Токмак", "Токмак"),
    ("Vasylivka", "Василівка", "Васильевка"),
    ("Bilopillia", "Білопілля", "Белополье"),
    ("Okhtyrka", "Охтирка", "Ахтырка"),
)
NEUTRAL = {
    "en": (
        "Officials in {place} said repairs to the water network would take {n} more days.",
        "The regional administration reported {n} power outages overnight near {place}.",
        "Volunteers delivered generators and medicine to families in {place} on {day}.",
        "Schools in {place} will continue teaching online until the end of the term.",
        "The city council of {place} approved a budget for new bomb shelters.",
        "Farmers near {place} began the harvest despite mines left in the fields.",
        "Rail services between {place} and the regional centre resumed on {day}.",
        "Analysts expect fighting around {place} to continue through the winter.",
        "A drone attack damaged {n} residential buildings in {place}, rescuers said.",
        "The governor urged residents of {place} to evacuate before the cold season.",
        "Prices for bread and fuel in {place} rose by {n} percent this month.",
        "A new bridge near {place} is expected to open for traffic on {day}.",
        "The central bank kept its key rate unchanged on {day}.",
        "Parliament will debate the draft law on veterans' benefits on {day}.",
        "Hospitals reported a shortage of blood donors for the second week.",
        "The ministry said {n} thousand households had their heating restored.",
        "Exporters shipped {n} vessels of grain through the corridor this month.",
        "Teachers called for higher salaries at a meeting on {day}.",
    ),
    "uk": (
        "У місті {place} ремонт водогону триватиме ще {n} днів, повідомили в адміністрації.",
        "Обласна влада повідомила про {n} відключень світла вночі поблизу міста {place}.",
        "Волонтери доставили генератори та ліки родинам у місті {place} у {day}.",
        "Школи міста {place} продовжать навчання онлайн до кінця семестру.",
        "Міська рада затвердила бюджет на нові укриття у місті {place}.",
        "Фермери біля міста {place} почали жнива попри міни на полях.",
        "Залізничне сполучення з містом {place} відновили у {day}.",
        "Аналітики очікують, що бої біля міста {place} триватимуть усю зиму.",
        "Атака дронів пошкодила {n} житлових будинків у місті {place}, повідомили рятувальники.",
        "Голова області закликав мешканців міста {place} евакуюватися до холодів.",
        "Національний банк залишив облікову ставку без змін уже {n} тиждень поспіль.",
        "Парламент розгляне законопроєкт про пільги для ветеранів у {day}.",
        "Лікарні повідомили про нестачу донорів крові другий тиждень.",
        "Міністерство заявило, що тепло повернули у {n} тисяч домівок.",
        "Експортери відправили {n} суден із зерном цього місяця.",
    ),
    "ru": (
        "В городе {place} ремонт водопровода займет еще {n} дней, сообщили в администрации.",
        "Областные власти сообщили о {n} отключениях света ночью возле города {place}.",
        "Волонтеры доставили генераторы и лекарства семьям в городе {place} в {day}.",
        "Школы города {place} продолжат обучение онлайн до конца семестра.",
        "Городской совет утвердил бюджет на новые укрытия в городе {place}.",
        "Фермеры возле города {place} начали уборку урожая несмотря на мины.",
        "Железнодорожное сообщение с городом {place} возобновили в {day}.",
        "Аналитики ожидают, что бои у города {place} продолжатся всю зиму.",
        "Атака дронов повредила {n} жилых домов в городе {place}, сообщили спасатели.",
        "Центробанк сохранил ключевую ставку без изменений уже {n} неделю подряд.",
        "Парламент рассмотрит законопроект о льготах для ветеранов в {day}.",
        "Больницы сообщили о нехватке доноров крови вторую неделю.",
        "Министерство заявило, что тепло вернули в {n} тысяч домов.",
        "Экспортеры отправили {n} судов с зерном в этом месяце.",
    ),
}
POSITIVE = {
    "en": (
        "Russian soldiers shot {n} captured Ukrainian soldiers near {place}, prosecutors said.",
        "Prosecutors opened a case after {n} prisoners of war were executed near {place}.",
        "A video shows {n} Ukrainian servicemen who had surrendered being shot near {place}.",
    ),
    "uk": (
        "Російські військові розстріляли {n} полонених українських захисників біля міста {place}.",
        "Прокуратура розслідує страту {n} військовополонених поблизу міста {place}.",
    ),
    "ru": (
        "Военные расстреляли {n} пленных украинских солдат возле города {place}.",
        "Прокуратура расследует казнь {n} военнопленных у города {place}.",
    ),
}
HEADLINES = {
    "en": ("Update from {place}", "{place}: what we know", "Situation near {place} on {day}"),
    "uk": ("Новини з міста {place}", "Що відомо про {place}", "Ситуація у місті {place}"),
    "ru": ("Новости из города {place}", "Что известно о {place}", "Обстановка в городе {place}"),
}
DAYS = {
    "en": ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"),
    "uk": ("понеділок", "вівторок", "середу", "четвер", "п'ятницю", "суботу", "неділю"),
    "ru": ("понедельник", "вторник", "среду", "четверг", "пятницу", "субботу", "воскресенье"),
}
_LANG_INDEX = {"en": 0, "uk": 1, "ru": 2}


def _fill(rng: random.Random, template: str, lang: str) -> str:
    place = rng.choice(PLACES)[_LANG_INDEX[lang]]
    return template.format(place=place, n=rng.randint(2, 40), day=rng.choice(DAYS[lang]))


def headline(rng: random.Random, lang: str) -> str:
    """A short headline naming a place."""
    return _fill(rng, rng.choice(HEADLINES[lang]), lang)


def paragraphs(rng: random.Random, lang: str, size: int, *, positive: bool) -> list[str]:
    """Paragraphs of 2-4 sentences until about `size` characters; one report if positive."""
    out: list[str] = []
    total = 0
    while total < size:
        count = rng.randint(2, 4)
        para = " ".join(_fill(rng, rng.choice(NEUTRAL[lang]), lang) for _ in range(count))
        out.append(para)
        total += len(para)
    if positive:
        at = rng.randrange(len(out))
        out[at] = _fill(rng, rng.choice(POSITIVE[lang]), lang) + " " + out[at]
    return out
