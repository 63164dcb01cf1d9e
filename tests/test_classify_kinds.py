"""Failure kinds from issue 15, one group per kind, each in en/uk/ru (sentences written here).

False alarms: a prisoner word and a killing word in one sentence, but no prisoner was killed.
Misses: the killing of the helpless told without a prisoner word, or with a trailing clause.
"""

from __future__ import annotations

import pytest

from bot.detect.boilerplate import strip_boilerplate
from bot.detect.classify import classify

NOT_A_KILLING = {
    "death sentence and the legal line": [
        ("Occupation court in Luhansk sentences captured Colombian fighter to death", ""),
        (
            "Under international law, prisoners of war may not be executed, the lawyer explained",
            "",
        ),
        ("Geneva Conventions: killing prisoners of war is a war crime, expert reminds", ""),
        ("The law of war forbids the execution of prisoners of war, the lecturer said", ""),
        ("Prisoners of war must not be killed, the UN reminded both sides", ""),
        ("International humanitarian law prohibits killing prisoners of war, students told", ""),
        ("Міжнародне право забороняє страчувати військовополонених, нагадали юристи", ""),
        ("Міжнародне гуманітарне право: полонених не можна вбивати", ""),
        ("Убивать военнопленных запрещено Женевской конвенцией, напомнил эксперт", ""),
        ("Пленных нельзя расстреливать, напомнил юрист", ""),
    ],
    "captive accused of killing a civilian": [
        ("Captured Russian soldier convicted of killing a civilian in Chernihiv Oblast", ""),
        ("Ukrainian court jails captured Russian soldier for shooting a civilian in Sumy", ""),
        ("Captured Russian soldier goes on trial for murdering an elderly woman", ""),
        ("Prosecutors charge a captured Russian soldier with shooting a civilian driver", ""),
        ("Суд засудив полоненого російського військового за вбивство цивільного", ""),
        ("Полонений російський військовий отримав 15 років за вбивство мешканця села", ""),
        ("Суд приговорил пленного российского военного за убийство мирного жителя", ""),
        ("Пленный российский солдат осужден за расстрел мирного жителя в Сумской области", ""),
    ],
    "fiction and games": [
        (
            "Film review: a war drama whose harshest scene is the execution of captured soldiers",
            "",
        ),
        ("In the new video game, players must stop the execution of prisoners of war", ""),
        ("Review: the new war movie opens with Russian soldiers executing prisoners", ""),
        ("Рецензія: у фільмі сцена страти полонених знята надто натуралістично", ""),
        ("У новому серіалі є сцена розстрілу полонених", ""),
        ("В новой компьютерной игре игрок должен спасти пленных от расстрела", ""),
        ("Рецензия на фильм: сцена казни пленных снята без купюр", ""),
        (
            "Film review: a bleak drama about the front",
            "In the last act the captured Ukrainian soldiers are shot one by one near Bakhmut.",
        ),
        (
            "Autumn festival programme announced in Lviv",
            "The closing night shows a feature film in which captured Ukrainian soldiers are "
            "executed by Russian troops.",
        ),
        (
            "У Львові оголосили програму осіннього фестивалю",
            "Завершить його серіал, де окупанти розстрілюють полонених українських бійців.",
        ),
    ],
    "mock executions, threats and calls": [
        ("Freed POWs say guards fired shots over their heads to scare them", ""),
        ("Guards staged executions, firing into the air above the prisoners' heads", ""),
        ("Russian TV host calls for Ukrainians who surrender to be killed", ""),
        ("Propagandist urges Russian troops to take no prisoners", ""),
        ("Russian blogger urges soldiers to shoot every Ukrainian who surrenders", ""),
        ("Pro-Kremlin pundit calls for all captured Ukrainians to be executed", ""),
        ("Russian officer threatened to shoot the prisoners if they moved", ""),
        ("Полонених ставили на коліна і стріляли над головами, розповів звільнений", ""),
        ("Російський пропагандист закликав розстрілювати полонених українців", ""),
        ("Російський телеведучий закликав не брати українців у полон", ""),
        ("Пленных ставили к стене и стреляли поверх голов", ""),
        ("Российский телеведущий призвал убивать сдающихся в плен украинцев", ""),
        ("Депутат Госдумы призвал расстреливать пленных украинцев", ""),
    ],
    "civilians with hands tied": [
        ("Police found the bodies of two men shot with their hands tied near Bucha", ""),
        (
            "Bodies with hands bound found in liberated village; investigators say they were shot",
            "",
        ),
        ("Bodies of three civilians found shot with their hands tied in a village near Izium", ""),
        ("У звільненому селі знайшли тіла двох чоловіків із зв'язаними руками, їх застрелили", ""),
        ("Тіла трьох чоловіків зі зв'язаними руками знайшли після деокупації села", ""),
        ("В селе нашли тела мужчин со связанными руками, их расстреляли", ""),
    ],
    "own side: commanders and men who try to surrender": [
        ("Командири розстрілюють тих, хто намагається здатися в полон, розповів полонений", ""),
        ("Russian commanders shoot soldiers who try to surrender, captured Russian says", ""),
    ],
}

# Second round, from the tuning half of the blind set: the same kinds in other wording.
NOT_A_KILLING_MORE = {
    "strike on a place of detention": [
        (
            "Moscow says Ukrainian POWs died when a missile hit the barracks where they were held",
            "",
        ),
        (
            "Several captured soldiers were killed when a drone struck the school used as a jail",
            "",
        ),
        ("Полонені загинули внаслідок влучання ракети в будівлю колонії", ""),
        ("Українські полонені були вбиті внаслідок влучання ракети в будівлю колонії", ""),
        (
            "Ukrainian prisoners of war were killed when a missile struck the building where "
            "they were held, Moscow says",
            "",
        ),
        ("Пленные погибли при попадании снаряда в здание изолятора", ""),
        ("Украинские пленные были убиты при попадании снаряда в здание изолятора", ""),
    ],
    "no-quarter talk, not an order": [
        ("Blogger's call to 'take no prisoners' draws condemnation from the army", ""),
        ("Russian military podcaster says units should take no Ukrainian prisoners", ""),
        ("A TV presenter said on air that troops should take no prisoners", ""),
        (
            "Заклики «не брати полонених» і «розстрілювати тих, хто здається» ширяться в мережі",
            "",
        ),
        ("Блогер в эфире заявил, что пленных брать не следует", ""),
    ],
    "novels, plays and shooter games": [
        ("Book review: a debut novel in which soldiers who surrendered are shot", ""),
        ("A debut novel follows Ukrainian soldiers who surrendered and were shot by Russians", ""),
        ("The new play at the city theatre ends with the execution of captured soldiers", ""),
        ("Вийшла повість про війну: у фіналі окупанти розстрілюють полонених", ""),
        ("Новая миссия в тактическом шутере: пленных не брать", ""),
    ],
    "captive who killed a civilian": [
        ("Captured paratrooper who shot a villager near Bucha gets life sentence", ""),
        ("Captured soldier who killed a farmer in Sumy region jailed for 15 years", ""),
        ("Russian troops shot an unarmed villager near Kupiansk", ""),
        (
            "Russian court sentences 9 captured Ukrainian marines to prison terms on charges "
            "including the alleged killing of civilians in Mariupol",
            "",
        ),
        ("Полонений, який застрелив пенсіонера, отримав довічне", ""),
        ("Пленный, который убил велосипедиста, осужден на 15 лет", ""),
        (
            "Captured Russian sergeant jailed for killing a cyclist in Sumy region",
            "He was taken prisoner weeks after the killing, investigators said.",
        ),
        (
            "Captured Russian sergeant jailed for life for killing a man in Sumy region",
            "He was taken prisoner by Ukrainian troops weeks after the killing.",
        ),
        (
            "Суд засудив полоненого окупанта за вбивство фермера",
            "Слідство спиралося на свідчення інших полонених, які бачили розправу.",
        ),
    ],
    "shooting at the legs": [
        ("Video shows Russian soldiers shooting captured Ukrainian men in the legs", ""),
    ],
    "the legal line, other wording": [
        ("Стратити полоненого за сам факт участі в боях неприпустимо, пояснює юрист", ""),
        ("Расстреливать пленных за участие в боях недопустимо, напомнил юрист", ""),
    ],
}

# Third round, written from the kinds alone: proposals, vows and fears (an infinitive with no
# verb that makes it happen), sentences "to be shot", history and re-enactment, civilians.
NOT_A_KILLING_THIRD = {
    "proposed, vowed, feared: the infinitive": [
        ("Russian MP proposes executing captured Ukrainian soldiers", ""),
        ("Chechen leader vows to kill every Ukrainian prisoner his men take", ""),
        ("Medvedev: captured Ukrainian saboteurs should be shot on the spot", ""),
        ("Ukrainian POWs in Russia fear they could be executed, relatives say", ""),
        ("Captured British fighters risk being executed by separatists, lawyers warn", ""),
        ("Депутат Держдуми пропонує розстрілювати українських полонених", ""),
        ("Полонені бояться, що їх можуть стратити, кажуть рідні", ""),
        ("Депутат Госдумы предложил расстреливать украинских пленных", ""),
        ("Кадыров пообещал убивать пленных украинцев", ""),
    ],
    "sentenced to be shot": [
        ("Captured foreign fighters condemned to death by separatist court", ""),
        (
            "Court in Donetsk condemned three captured Ukrainians to death by firing squad",
            "",
        ),
        ("Суд у так званій ДНР засудив полоненого до розстрілу", ""),
        ("Суд в ДНР приговорил пленного к расстрелу", ""),
    ],
    "other wars and re-enactments": [
        ("Historians recall how troops executed Russian prisoners in the First World War", ""),
        ("Re-enactors staged the execution of prisoners of war at a history festival", ""),
        ("Re-enactors in Kyiv showed how captured soldiers were shot at the festival", ""),
        ("Учасники реконструкції показали розстріл полонених", ""),
        ("Историки напомнили о расстреле пленных в Первой мировой войне", ""),
    ],
    "civilians, unarmed": [
        ("Russian soldiers shot an elderly man and his teenage son, both unarmed", ""),
        ("Окупанти розстріляли беззбройного літнього чоловіка та його онука", ""),
        ("Российские военные расстреляли безоружного пожилого мужчину", ""),
    ],
    "prosecution of captives, the POW camp, killings in general": [
        ("Russia puts 20 Ukrainian POWs on trial, accusing them of killing civilians", ""),
        ("Росія судить 20 українських полонених, звинувачуючи їх у вбивстві цивільних", ""),
        ("В Ростове судят пленных бойцов, обвиняемых в убийстве мирных жителей", ""),
        ("Ukrainian intelligence: Russian POW camp commander killed in car bomb", ""),
        ("Ukraine marks day of POWs; Lubinets says every killing will be investigated", ""),
        ("Лубінець: кожне вбивство полонених буде розслідуване", ""),
        ("Ukraine's army executed a flawless counterattack and took 40 prisoners", ""),
    ],
    "captive animals": [
        ("Hunters shot a captive-bred bear that escaped near Kharkiv, Ukraine", ""),
        ("Ukrainian zoo: two captive wolves were shot after escaping during a Russian attack", ""),
    ],
    "own side, other wording": [
        ("Russian soldier says he was shot by his own commander after trying to surrender", ""),
        ("Полонений розповів, що командир розстріляв бійця, який хотів здатися", ""),
        (
            "A Ukrainian soldier who had surrendered was shot by his own officers, Moscow claims",
            "",
        ),
        ("Командир розстріляв бійця ЗСУ, який хотів здатися", ""),
    ],
}
FACTUAL_INFINITIVES = [
    # a verb that makes the infinitive happen: began, continue, ordered
    ("Russian troops began to shoot the captured Ukrainians one by one", ""),
    ("Окупанти почали розстрілювати полонених біля посадки", ""),
    ("Командир приказал расстрелять пленных, и его приказ выполнили", ""),
    ("Zelensky: Russian troops continue to kill Ukrainian POWs", ""),
    ("Ukrainian soldiers captured and later killed by Russian troops near Siversk", ""),
]

SIDEBARS = [
    ("Новини за темою", "Окупанти розстріляли двох полонених біля Торецька", "Погода на вихідні"),
    ("Читайте також", "Окупанти розстріляли двох полонених біля Торецька", "Курс валют"),
    ("Інші новини:", "Росіяни стратили полоненого під Бахмутом", "Курс валют"),
    ("Другие новости", "Российские военные расстреляли пленных под Угледаром", "Спорт"),
    ("Читайте также", "Российские военные расстреляли пленных под Угледаром", "Спорт"),
    ("По теме:", "Российские военные расстреляли пленных под Угледаром", "Спорт"),
    ("Most read", "Russian troops executed five Ukrainian POWs near Pokrovsk", "Energy prices"),
    ("Related news", "Russian troops executed five Ukrainian POWs near Pokrovsk", "Energy"),
    ("More on this topic:", "Russian troops executed five Ukrainian POWs near Pokrovsk", "Tax"),
    ("You may also like", "Russian troops executed five Ukrainian POWs near Pokrovsk", "Tax"),
    ("TRENDING NOW", "1. Russian troops executed five Ukrainian POWs near Pokrovsk", "2. Tax"),
    ("Trending now", "Russian troops executed five Ukrainian POWs near Pokrovsk", "Tax news"),
    ("Latest headlines", "Russian troops executed five Ukrainian POWs near Pokrovsk", "Tax"),
    ("Latest headlines", "• Russian troops executed five Ukrainian POWs near Pokrovsk", "• Tax"),
    ("Читайте більше", "— Окупанти розстріляли двох полонених біля Торецька", "— Курс валют"),
    ("", "— Окупанти розстріляли двох полонених біля Торецька", "— Курс валют"),
    ("", "• Российские военные расстреляли пленных под Угледаром", "• Спорт"),
    ("Also on our site", "Russian troops executed five Ukrainian POWs near Pokrovsk", "Frost"),
    ("Топ новин", "Окупанти розстріляли двох полонених біля Торецька", "Морози повертаються"),
    ("Еще новости", "Российские военные расстреляли пленных под Угледаром", "Морозы"),
    ("", "14:05 Russian troops executed five Ukrainian POWs near Pokrovsk", "13:40 Tax"),
]

HELPLESS_KILLED = {
    "finished off the wounded": [
        ("Ukrainian troops finished off wounded Russian soldiers near Tetkino, Moscow claims", ""),
        ("Wounded Ukrainian soldiers were finished off by Russian troops after the assault", ""),
        ("Окупанти добили поранених українських бійців у посадці під Торецьком", ""),
        ("Поранених захисників окупанти добивали пострілами в голову", ""),
        ("Российские военные добили раненых бойцов ВСУ в блиндаже", ""),
        ("Раненых украинских солдат российские военные добивали из автоматов", ""),
    ],
    "unable to resist": [
        (
            "Prosecutors: Russian soldiers shot two wounded Ukrainians who were unable to resist",
            "",
        ),
        (
            "Russian soldiers killed a wounded Ukrainian who could not resist, prosecutors allege",
            "",
        ),
        ("Росіяни вбили поранених бійців, які не могли чинити опір", ""),
        ("Российские военные убили раненых украинцев, которые не могли сопротивляться", ""),
    ],
    "hands raised, while surrendering": [
        ("Ukrainian soldier killed with his hands raised near Pokrovsk, video shows", ""),
        ("Russian troops shot a Ukrainian soldier who was trying to surrender near Toretsk", ""),
        ("A Ukrainian marine was shot dead as he tried to surrender, video shows", ""),
        ("Росіяни застрелили бійця, який намагався здатися в полон під Покровськом", ""),
        ("Окупанти застрелили українського бійця, коли він здавався в полон", ""),
        ("Российские военные застрелили бойца ВСУ, когда он сдавался в плен", ""),
        (
            "Двое бойцов погибли при попытке сдаться: российские штурмовики открыли по ним огонь",
            "",
        ),
        ("Двоє бійців загинули під час спроби здатися: окупанти відкрили по них вогонь", ""),
    ],
    "captured as a participle": [
        ("Российские военные расстреляли захваченных украинских бойцов под Покровском", ""),
        ("Захваченных в районе Суджи российских солдат убили украинские военные", ""),
        ("Окупанти розстріляли захоплених у полон українських бійців біля Кринок", ""),
        ("Russian soldier executed a captured Ukrainian and a civilian, prosecutors say", ""),
    ],
    "trailing reported speech": [
        (
            "Prosecutors said Russian troops executed three captured Ukrainian soldiers near "
            "Toretsk and said that the investigation continues",
            "",
        ),
        ("The ombudsman said Russian troops shot two POWs near Lyman and said that he wrote", ""),
        (
            "Росіяни розстріляли трьох полонених бійців біля "
            "Торецька, і заявив, що слідство триває",
            "",
        ),
        ("Окупанти розстріляли чотирьох полонених під Вугледаром і повідомили, що це сталося", ""),
        ("Российские военные расстреляли двух пленных, и сказал, что дело передано в суд", ""),
    ],
    "calls that are not calls to kill; a documentary": [
        ("Kyiv calls for an international probe into the execution of Ukrainian POWs", ""),
        ("Ukraine urges the UN to respond to the execution of captured soldiers", ""),
        ("Лубінець закликав ООН відреагувати на розстріл полонених під Покровськом", ""),
        ("Documentary film shows Russian troops executing Ukrainian POWs near Bakhmut", ""),
        ("Russian commander ordered his men to take no prisoners, intercept shows", ""),
    ],
    "given up; captured with a person object": [
        ("Russian troops murdered two wounded Ukrainians who had given up near Vovchansk", ""),
        ("Окупанти захопили двох українських піхотинців і невдовзі розстріляли їх", ""),
        ("Российские военные захватили раненого украинского морпеха и застрелили его", ""),
    ],
    "bound bodies of soldiers; accused and victim in one sentence": [
        ("Bodies of Ukrainian soldiers with their hands tied found; they had been shot", ""),
        ("Russian troops shot Ukrainian soldiers whose hands were tied, prosecutors say", ""),
        ("Росіяни розстріляли українських військових зі зв'язаними руками", ""),
        ("Российские военные расстреляли украинских солдат со связанными руками", ""),
        (
            "Тіла українських військових зі зв'язаними руками знайшли на позиції; їх розстріляли",
            "",
        ),
        ("Court convicts Russian soldier of killing a Ukrainian prisoner of war near Bakhmut", ""),
        ("Суд засудив російського військового за розстріл полоненого", ""),
    ],
}


def _cases(groups: dict[str, list[tuple[str, str]]]) -> list[object]:
    return [
        pytest.param(title, text, id=f"{kind}-{i}")
        for kind, items in groups.items()
        for i, (title, text) in enumerate(items)
    ]


@pytest.mark.parametrize(
    ("title", "text"), _cases(NOT_A_KILLING | NOT_A_KILLING_MORE | NOT_A_KILLING_THIRD)
)
def test_no_prisoner_was_killed(title: str, text: str) -> None:
    verdict = classify(title, text)
    assert not verdict.flagged, verdict.evidence


@pytest.mark.parametrize(("header", "headline", "after"), SIDEBARS)
def test_related_links_block_is_furniture(header: str, headline: str, after: str) -> None:
    body = f"City officials opened a new bridge on Tuesday.\n\n{header}\n{headline}\n{after}"
    body = body.replace("\n\n\n", "\n\n")  # no header: a bare list of headlines
    assert "opened a new bridge" in strip_boilerplate(body)
    assert headline not in strip_boilerplate(body)
    assert not classify("New bridge opens in Dnipro", body).flagged


def test_a_list_of_full_sentences_is_kept() -> None:
    text = (
        "Prosecutors listed the cases.\n"
        "— Russian troops shot two Ukrainian POWs near Toretsk in May.\n"
        "— A captured medic was executed near Siversk in June."
    )
    assert strip_boilerplate(text) == text
    assert classify("Prosecutors list killings of POWs", text).flagged


def test_header_words_opening_a_sentence_are_kept() -> None:
    text = "Главное управление разведки сообщило о расстреле пленных под Угледаром."
    assert strip_boilerplate(text) == text
    assert classify("", text).flagged


@pytest.mark.parametrize(("title", "text"), _cases(HELPLESS_KILLED))
def test_killing_of_the_helpless_flags(title: str, text: str) -> None:
    verdict = classify(title, text)
    assert verdict.flagged, verdict


@pytest.mark.parametrize(("title", "text"), FACTUAL_INFINITIVES)
def test_an_infinitive_that_happened_flags(title: str, text: str) -> None:
    assert classify(title, text).flagged
