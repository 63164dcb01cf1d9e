"""Cues for killings that did not happen or are not about this war's captives: calls and
prohibitions, risks, fiction and games, shots over heads, a captive who is the accused; and the
cues of the helpless without a prisoner word (the wounded finished off), and of Olenivka.
"""

from __future__ import annotations

import re

from bot.detect.cue import Cue, lower

_INF_UK = r"(?:розстрілю|розстріля|страчу|страти|вбива|вбити|убива|добива|добити|прикінчи)\w*ти"
_INF_RU = r"(?:расстрелива|расстреля|казни|убива|уби|добива|доби|прикончи|пристрели)\w*ть"
_INF_EN = r"to (?:be )?(?:kill\w*|shot|shoot\w*|execut\w*|murder\w*|finish\w* off|slaughter\w*)"
_CAPTIVE_NOUN = (
    r"(?:POWs?|prisoners?(?: of war)?|captives|(?:військово)?полонен\w*|(?:военно)?пленн\w*"
    r"|тих, хто здає?ться|тех, кто сда\w*|сдающ\w*|здаються)"
)

# Spans blanked before matching: the killing is called for, forbidden or threatened, not done.
IRREALIS_MASKS = Cue(
    (
        # calls and appeals ("TV host urges troops to kill those who surrender")
        rf"\b(?:call(?:s|ed|ing)? (?:for|on)|urg(?:e|es|ed|ing)|appeal\w* (?:to|for)|demand\w*"
        rf"|incit\w*|encourag\w*) (?:[\w'-]+ ){{0,7}}?(?:{_INF_EN}\b|to take no\b"
        rf"|to [\"“‘']?(?:stop|quit) taking\b[^\"”’.;]{{0,80}})",
        r"\b(?:call(?:s|ed|ing)? for|urg(?:e|es|ed|ing)) (?:the )?(?:mass )?(?:killing|execution"
        r"|shooting|murder)s? of\b",
        r"\b(?:propos|suggest|advocat|recommend|urg|consider|favou?r)\w* (?:[\w'-]+ ){0,2}?"
        r"(?:executing|killing|shooting)\b",
        r"\b(?:call(?:s|ed|ing)? for|urg(?:e|es|ed|ing)) (?:[\w'-]+ ){0,6}?to be (?:kill\w*"
        r"|shot|execut\w*)\b",
        rf"\bзаклик\w* (?:[\w'«»\"“”-]+,? ){{0,8}}[«\"“]?(?:{_INF_UK}\b|не брати|до "
        rf"(?:розстріл|страт|вбивств|знищенн)\w*)",
        rf"\b(?:призыв|призва)\w* (?:[\w'«»\"“”-]+,? ){{0,8}}[«\"“]?(?:{_INF_RU}\b|не брать"
        rf"|к (?:расстрел|казн|убийств|уничтожени)\w*)",
        # the legal line: "POWs may not be executed", "the law forbids killing prisoners"
        rf"\b{_CAPTIVE_NOUN} (?:[\w'-]+ ){{0,3}}?[\"'“‘]?(?:may|must|can|cannot|can't|should"
        rf"|shall)(?: not|n't)? (?:never )?be (?:kill\w*|shot|execut\w*|murder\w*|harmed)\b",
        rf"\b(?:prohibit\w*|forbid\w*|forbade|bans?|banned|outlaw\w*|illegal to|unlawful to|"
        rf"a war crime to) (?:[\w'-]+ ){{0,3}}?(?:kill\w*|shooting|execut\w*|murder\w*)"
        rf"(?: of)? (?:[\w'-]+ ){{0,2}}?{_CAPTIVE_NOUN}",
        rf"\b(?:забороня\w*|заборонен\w*|не можна|не мають права|заборона) (?:[\w'-]+ ){{0,3}}?"
        rf"(?:{_INF_UK}|вбивство|страту|розстріл)\w* (?:[\w'-]+ ){{0,2}}?{_CAPTIVE_NOUN}",
        rf"(?:{_INF_UK}|{_INF_RU}) (?:[\w'-]+ ){{0,2}}?{_CAPTIVE_NOUN},? (?:[\w'-]+,? ){{0,10}}?"
        rf"(?:заборонен\w*|забороня\w*|не можна|запрещ\w*|нельзя|неприпустим\w*|недопустим\w*"
        rf"|не допуска\w*)",
        rf"{_CAPTIVE_NOUN},? (?:[\w'-]+ ){{0,2}}?(?:заборонен\w*|забороня\w*|не можна"
        rf"|не можуть|запрещ\w*|нельзя|не (?:должны|могут)) (?:[\w'-]+ ){{0,2}}?"
        rf"(?:{_INF_UK}|{_INF_RU})\b",
        rf"\b(?:запрещ\w*|нельзя|не имеют права|запрет\w*) (?:[\w'-]+ ){{0,3}}?(?:{_INF_RU}"
        rf"|убийство|казнь|расстрел)\w* (?:[\w'-]+ ){{0,2}}?{_CAPTIVE_NOUN}",
        # what troops "should" do: "should shoot everyone who comes with a white flag"
        r"\b(?:should|must|ought to|need to|have to) [\"'“‘]?(?:shoot|kill|execute|finish off)\b",
        # a killing in general, not one that happened: "every killing will be investigated"
        r"\b(?:every|any|each) (?:such )?(?:killing|execution|murder)\b|\b(?:кожн|будь-як)\w+ "
        r"(?:таке |такий )?(?:вбивств|страт|розстріл)\w*|\b(?:кажд|люб)\w+ (?:такое |такой )?"
        r"(?:убийств|казн|расстрел)\w*",
        # threats in any tense ("пригрозил расстрелять пленных")
        rf"\b(?:threat\w*|пригроз\w*|погро\w*|погрожу\w*|угрожа\w*|грози\w*) (?:[\w'-]+ ){{0,4}}?"
        rf"(?:{_INF_EN}|{_INF_UK}|{_INF_RU})\b",
        # shots over the heads, into the air: a mock execution
        r"\b(?:fired|firing|fire|shots?|shoot\w*|стріля\w*|постріл\w*|стреля\w*|выстрел\w*)"
        r" (?:[\w'-]+ ){0,3}?(?:over (?:their|his|the) heads?|into the air|над (?:їхніми |их )?"
        r"голов\w*|поверх голов\w*|в повітря|у повітря|в воздух)",
    )
)

# Spans blanked when the sentence itself says the killing did not happen or is only a risk,
# a condition, a staging or the legal line (keys checked per sentence: these words are common).
DENIAL_MASKS = Cue(
    (
        # a risk, not an event: "could face execution", "загрожує розстріл", "грозит казнь"
        r"\b(?:fac(?:e|es|ed|ing)|risk(?:s|ed|ing)?|fear(?:s|ed|ing)?|(?:danger|prospect|risk) "
        r"of) (?:[\w'-]+ ){0,2}?(?:execution|being (?:shot|executed|killed|murdered))\b",
        r"\b(?:загрож\w*|ризику\w*|ризик\w*|грози\w*|грозя\w*|рискую\w*|риск\w*|опаса\w*"
        r"|побою\w*|бояться|боятся|боїться|боится|остерига\w*) "
        r"(?:[\w'-]+ ){0,3}?(?:розстріл|страт|расстрел|казн|розправ|расправ)\w*",
        # the law classing an act: "статья 130 относит умышленное убийство пленного к …"
        r"\b(?:статья|стаття|article|конвенці\w*|конвенци\w*|статут\w*|кодекс\w*|convention)"
        r" (?:[\w'-]+ ){0,4}?(?:относит|відносить|квалифицир\w*|кваліфіку\w*|визначає"
        r"|определяет|classif\w*|defines?|lists?|treats?) (?:[\w'-]+ ){0,3}?(?:убийств|вбивств"
        r"|расстрел|розстріл|killing|murder)\w*",
        # a condition, not an event: "if they are shot", "якщо їх розстріляють", "если убьют"
        r"\b(?:if|якщо|коли б|если|в случае,? если) (?:[\w'-]+ ){0,4}?(?:(?:be|are|is|get) "
        r"(?:shot|killed|executed|murdered)|розстріля\w*|стратять|вб'ють|уб'ють"
        r"|розстрілю\w*|расстреля\w*|казнят|убьют|расстрелива\w*)",
        # the legal line as a noun: "killing POWs is a war crime", "вбивство полонених — злочин"
        # ("killing a person hors de combat is a grave breach of the Geneva Conventions")
        r"\b(?:killing|executing|shooting|(?:the )?(?:execution|murder|killing) of) "
        r"(?:[\w'-]+ ){0,5}?(?:is|are|constitutes|amounts to|remains) (?:a |an )?(?:[\w-]+ )?"
        r"(?:war crime|crime|illegal|prohibited|forbidden|breach|violation)",
        r"\b(?:вбивство|розстріл|страта|убийство|расстрел|казнь|приказ\w*|наказ\w*) "
        r"(?:[\w'«»-]+,? ){0,5}?(?:—|–|-|є|це"
        r"|это|является|становить|составляет) (?:[\w-]+ ){0,3}?(?:воєнн\w* злочин\w*|злочин\w*"
        r"|военн\w* преступлени\w*|преступлени\w*|заборонен\w*|запрещ\w*|порушенн\w*"
        r"|нарушени\w*)",
        # the legal line with the act described at length: "killing a soldier who has
        # surrendered or is hors de combat is a war crime"; "убийство пленного … считается
        # нарушением"
        r"\b(?:killing|executing|shooting) (?:[\w'-]+ ){0,12}?(?:is|are|constitutes) (?:a |an )?"
        r"(?:[\w-]+ )?(?:war crime|crime|breach|violation)",
        # the law's generic person: "для вбивства людини, яка склала зброю, конвенція має…"
        r"\b(?:[ву]бивств\w*|убийств\w*|розстріл\w*|расстрел\w*|killing|executing|execution of"
        r"|murder of) (?:людини|особи|человека|лица|a person|any person|anyone|someone)\b"
        r"[^.;]{0,80}",
        # without a copula: "убийство пленных запрещено конвенцией", "прямо заборонене"
        r"\b(?:[ву]бивство|убийство|розстріл|расстрел|страта|казнь|страти|казни) "
        r"(?:[\w'-]+,? ){0,8}?"
        r"(?:прямо |категорично |строго |суворо )?(?:заборонен\w*|запрещен\w*|неприпустим\w*"
        r"|недопустим\w*)",
        r"\b(?:[ву]бивство|убийство|розстріл|расстрел|страта|казнь) (?:[\w'«»\"-]+,? ){0,8}?"
        r"(?:вважається|визнається|считается|признается|является|являются|є) (?:[\w-]+ ){0,2}?"
        r"(?:воєнн\w* злочин"
        r"\w*|злочин\w*|порушенн\w*|военн\w* преступлени\w*|преступлени\w*|нарушени\w*)",
        # a killing asked about as a possibility: "Could captured soldiers be executed?"
        r"\b(?:could|would|might|may|will|can|cannot) (?:[\w'-]+ ){0,8}?be "
        r"(?:[\w'-]+,? ){0,5}?(?:executed|killed|shot|murdered)\b",
        # perfidy: the one who feigned surrender is the killer, not a captive
        r"\b(?:pretend|feign)\w* (?:to )?surrender\w*|\b(?:approached|came|went|moved|tried)"
        r" to take (?:\w+ ){0,2}?prisoner\b|\b(?:refus\w*|declin\w*) to surrender\b"
        r"|\b(?:did not|didn't|would not|wouldn't) surrender\b",
        r"\b(?:вдава\w*|удава\w*|імітува\w*|имитирова\w*|притвори\w*|прикинул\w*) "
        r"(?:[\w'-]+ )?(?:здачу|сдачу|здатися|сдаться)|\bвідмов\w* (?:здатися|здаватися)"
        r"|\bотказ\w* (?:сдаться|сдаваться)|\bне (?:здал\w*|сдал\w*)",
        # rumours proved false, the men alive
        r"\b(?:чутк\w*|слух\w*|rumou?rs?|reports?|claims?) (?:про|о|об|of|about|that) "
        r"(?:[\w'-]+ ){0,4}?"
        r"(?:розстріл|расстрел|execution|killing|страт|казн)\w* (?:[\w'-]+ ){0,5}?"
        r"(?:не підтвердил\w*|не подтвердил\w*|спростован\w*|опровергнут\w*|(?:were|was|proved)"
        r" (?:false|unfounded)|not confirmed)",
        # staged executions: "guards staged his execution three times"
        r"\b(?:stag|simulat|fak|mock)\w* (?:[\w'-]+ ){0,2}?(?:executions?|shootings?"
        r"|firing squads?)",
        r"\b(?:інсцен|инсцен|імітува|имитир)\w* (?:[\w'-]+ ){0,2}?"
        r"(?:розстріл|страт|расстрел|казн)\w*",
        # a killing denied in the sentence: "no one was killed", "executed no POWs", "a trial,
        # not an execution", "суд, а не расстрел", "drones, not prisoners"
        r"\b(?:no one|nobody|none(?: of them)?) (?:was |were |had been )?(?:[\w-]+ )?"
        r"(?:killed|shot|executed|harmed)\b",
        r"\b(?:kill|shoot|shot|execut)\w* no (?:[\w-]+ )?(?:prisoners|POWs|captives)\b",
        r"\b(?:kill|shoot|shot|execut)\w* (?:[\w-]+,? ){1,2}?not (?:the )?(?:prisoners|POWs"
        r"|captives)\b|,? not (?:an? )?(?:execution|killing|firing squad)\b",
        r"\b(?:ніхто|никто|нікого|никого) (?:не )?(?:[\w'-]+ )?(?:загинув|загинули|вбит\w*"
        r"|убит\w*|погиб\w*|розстріля\w*|расстреля\w*)",
        r"\b(?:а|але|но) не (?:розстріл|страт|расстрел|казн)\w*",
        # the law explained: "Что грозит за убийство военнопленного", "what is the penalty for"
        r"\b(?:що|чим) (?:загрожує|світить) за (?:[\w'-]+ ){0,3}?(?:вбивство|розстріл|страту)"
        r"|\b(?:что|чем) (?:грозит|светит) за (?:[\w-]+ ){0,3}?(?:убийство|расстрел|казнь)"
        r"|\bwhat (?:is |are )?(?:the )?(?:penalty|penalties|punishment) (?:for|awaits?) "
        r"(?:[\w'-]+ ){0,3}?(?:killing|executing|murdering|shooting)\b",
        # the law asked about: "Можно ли убить пленного?", "Чи можна розстріляти полоненого?"
        r"\b(?:можно ли|чи можна|чи дозволено|разрешено ли) (?:[\w'-]+ ){0,2}?(?:убить|убивать"
        r"|расстрел\w*|казнить|вбити|вбивати|розстрілю\w*|розстріляти|стратити)",
        # a speaker's own denial: "I never shot anyone", "я не стрілял"
        r"\b(?:did not|didn't|never|had not|hadn't) (?:[\w-]+ )?(?:shoot|shot|kill|killed"
        r"|execute|executed|murder|murdered)\b",
        r"\bне (?:стріля|вбива|розстрілю|стреля|убива|расстрелива)\w*",
        # a question of what may be done or awaits: "Может ли командир приказать …?", "What
        # awaits captured mercenaries: a trial, a swap or an execution?"
        r"\b(?:может ли|могут ли|можно ли|чи може|чи можуть|чи можна|чи дозволено|разрешено ли"
        r"|(?:что|що) (?:ждет|ждёт|чекає|ожидает|грозит|загрожує)|what (?:awaits|faces"
        r"|lies ahead for))\b[^?.!]{0,120}\?",
        # "no evidence that any of the captives had been shot"
        r"\bno (?:evidence|sign|signs|indication|proof) (?:that |of )?(?:(?!when|while|as|before"
        r"|after|once)[\w'-]+ ){0,5}?(?:had been |have been |were |was |being )?"
        r"(?:shot|killed|executed|harmed|murdered)\b",
        r"\b(?:немає|нема|нет) (?:жодних |никаких )?(?:доказів|ознак|доказательств|признаков)"
        r",? (?:[\w'-]+,? ){0,8}?(?:розстріля\w*|вбил\w*|вбит\w*|страт\w*|расстреля\w*|убил\w*"
        r"|убит\w*|казн\w*)",
    )
)
DENIAL_KEYS = (
    " не ", "not ", "no ", "if ", "fac", "risk", "fear", "crime", "stag", "если", "якщо",
    "гроз", "загрож", "злочин", "преступл", "danger", "prospect", "ризик", "риск", "коли б",
    "в случае", "simulat", "fak", "mock", "інсцен", "инсцен", "імітув", "имитир", "nobody",
    "none", "ніхто", "никто", "нікого", "никого", "breach", "violation", "порушен", "нарушен",
    "вважається", "визнається", "считается", "признается", "является", "could", "would",
    "might", "may ", "will ", "pretend", "feign", "to take", "surrender", "вдава", "удава",
    "імітув", "имитиров", "притвори", "прикинул", "відмов", "отказ", "чутк", "слух", "rumo",
    "report", "claim", "немає", "нема", "нет ", "penalt", "punish", "світить", "светит",
    "можно ли", "чи можна", "чи дозволено", "разрешено ли", "заборон", "запрещ", "неприпуст",
    "недопуст", "людини", "особи", "человека", "лица", "person", "anyone", "someone", "опаса",
    "побою", "боят", "боїть", "боит", "остерига", "относит", "відносить", "квалиф", "кваліф",
    "визначає", "определяет", "classif", "defines", "lists", "treats", "never", "n't",
    "может ли", "могут ли", "чи може", "ждет", "ждёт", "чекає", "ожидает", "await", "faces",
    "lies ahead", "являются", " є ",
)  # fmt: skip

# Literal keys: a sentence without any of them cannot match IRREALIS_MASKS / HELPLESS (the
# regexes cost more than a few `in` scans on every sentence with a trigger word).
IRREALIS_KEYS = (
    "call", "urg", "appeal", "demand", "incit", "encourag", "prohibit", "forbid", "forbade",
    "ban", "outlaw", "illegal", "unlawful", "war crime", "may", "must", "can", "should",
    "propos", "suggest", "advocat", "recommend", "consider", "favo",
    "shall", "threat", "over ", "into the air", "закли", "призв", "призыв", "заборон",
    "не можна", "не можуть", "не мають", "запрещ", "нельзя", "не имеют", "запрет", "не должн",
    "не могут", "погро", "пригроз", "угрожа", "грози", "голов", "повітря", "воздух",
    "неприпуст", "недопуст", "не допуска", "заклик", "every", "any", "each", "кожн", "будь-як",
    "кажд", "люб", "грозя",
)  # fmt: skip
HELPLESS_KEYS = (
    "resist", "fight back", "defend", "helpless", "incapacit", "immobili", "move", "опір",
    "опира", "захища", "руха", "безпорад", "знерухом", "сопротивл", "защища", "двига",
    "беспомощ", "обездвиж",
)  # fmt: skip
CHARGE_KEYS = (
    "convict", "jail", "sentenc", "charg", "trial", "accus", "suspect", "guilty", "tried",
    "receiv", "gets", "got", "faces", "засуд", "обвин", "підозр", "вирок", "отрима", "осуд",
    "осужд", "приговор", "подозр", "получи", "звинува", "звинувач", "accusing", "who shot",
    "who killed", "who murdered", "who had", "who fired", "який стріляв", "который стрелял",
    "апеляц", "апелляц", "appeal", "який застрелив", "який вбив", "который убил",
    "который застрелил", "acquit", "cleared", "clears", "виправда", "оправда",
)  # fmt: skip
FICTION_KEYS = (
    "movie", "film", "novel", "fiction", "game", "quest", "player", "screenplay", "sitcom",
    "series", "box office", "trailer", "review", "book", "theat", "playwright", "stage play",
    "dlc", "expansion pack", "фільм", "серіал", "гр", "гравц", "гравець", "квест", "рецензі",
    "шутер", "вистав", "театр", "повіст", "книж", "книг", "фильм", "сериал", "игр", "рецензи",
    "спектакл", "повест", "дополнени", "кіно", "кино", "сюжет", "drama", "audio fiction",
    "invented", "вигадан", "вымышлен", "выдуманн", "satir", "parody", "сатир", "пароді",
    "пароди",
    "radio play", "audio play", "аудіосеріал", "аудиосериал", "радіопостанов", "радиопостанов",
)  # fmt: skip
FINISH_KEYS = ("finish", "добил", "добив", "добит", "прикінч", "прикончи")

# Fiction, games and reviews: a sentence (or a headline, for the whole article) about a
# story, not an event. A documentary is about real events and does not count.
FICTION = Cue(
    (
        r"\bmovies?\b|\bfeature films?\b|\bfilm review\b|\bin the film\b|\bthe film's\b"
        r"|\bfiction(?:al)?\b|\bvideo ?games?\b|\bcomputer games?\b|\bboard games?\b"
        r"|\bgameplay\b|\bin-game\b|\bplayers? (?:must|can|have to)\b|\bquest\b"
        r"|\bscreenplay\b|\bsitcom\b|\b(?:tv|drama|streaming) series\b|\bbox office\b"
        r"|\btrailer for\b|\breview:|\bnovels?\b(?! (?:tactics?|approach|weapons?|methods?"
        r"|ways?|drones?|technique|idea|threat))|\bnovelist\b|\bthe book's\b|\bbook review\b"
        r"|\bfictional\b|\binvented (?:village|town|character|episode|story|hero)\b"
        r"|\bbook of the week\b|\btheat(?:re|er)\b|\bplaywright\b|\bstage play\b"
        r"|\b(?:shooter|strategy|mobile|computer) games?\b|\bDLC\b|\bexpansion pack\b"
        r"|\b(?:audio|radio|podcast) (?:drama|play)s?\b|\baudio fiction\b"
        r"|\b(?:drama|fiction) podcasts?\b|\baudio series\b|\bsatir(?:e|ical)\b|\bparody\b",
        r"\bвигадан\w*|\bфільм\w*|\bкінофільм\w*|\bсеріал\w*|\bаудіосеріал\w*"
        r"|\bрадіопостанов\w*|\b(?:комп'ютерн|відео)\w* гр\w*|\bв грі\b"
        r"|\bу грі\b|\bгравц\w*|\bгравець\b|\bквест\w*|\bрецензі\w*|\bшутер\w*|\bвистав[аиіу]\b"
        r"|\bвиставою\b|\bтеатр\w*|\bповіст\w*|\bрома[нн]\w* про\b|\bкниж\w*|\bкниг\w*"
        r"|\b(?:нов|перш|друг|дебютн)\w* роман\w*|\bкіно\b|\bкінокартин\w*|\bсюжет\w*"
        r"|\bсатир\w*|\bпароді\w*",
        r"\bвымышлен\w*|\bвыдуманн\w*|\bфильм\w*|\bкинофильм\w*|\bсериал\w*|\bаудиосериал\w*"
        r"|\bрадиопостанов\w*|\b(?:компьютерн|видео)\w* игр\w*|\bв игре\b"
        r"|\bигрок\w*|\bквест\w*|\bрецензи\w*|\bспектакл\w*|\bшутер\w*|\bтеатр\w*"
        r"|\bповест\w*|\bкниг\w*|\bдополнени\w* к игре|\bроман\w* (?:о|об)\b"
        r"|\b(?:нов|перв|втор|дебютн)\w* роман\w*|\bкино\b|\bкинокартин\w*|\bсюжет\w*"
        r"|\bсатир\w*|\bпароди\w*",
    )
)
# Non-fiction about real events: a documentary, reportage, a memoir, a book built on records.
DOCUMENTARY = Cue(
    (
        r"\bdocumentar\w*|\bnon-?fiction\b|\breportage\b|\breporter'?s notebook\b|\bmemoirs?\b"
        r"|\bdocument(?:s|ed|ing)\b|\bcourt (?:records|documents|files|materials)\b"
        r"|\bnot a novel\b|\bcase files\b|\bwitness interviews\b",
        r"\bдокументальн\w*|\bнон-?ф[іи]кшн\b|\bрепортаж\w*|\bмемуар\w*|\bдокументу\w*"
        r"|\bзадокументува\w*|\bдокументир\w*|\bзадокументир\w*|\bсудов\w+ матеріал\w*"
        r"|\bсудебн\w+ материал\w*",
    )
)

# "reads like reportage but is not", "не є репортажем", "это не документалка": a denied or
# likened non-fiction word does not make a work real
_NOT_REAL_BEFORE = re.compile(
    r"(?:\bnot|\bno|n't|\bnever|\blike|\bthan|\bяк|\bкак|\bніж|\bчем|\bне є|\bне)\s+"
    r"(?:a |an |most |many |any |the |більшість |большинство )?$"
)
_NOT_REAL_AFTER = re.compile(
    r"^\w*,? (?:але|но|but|yet) (?:ним |им |it |this )?(?:не|is not|isn't)\b"
)


def documentary(text: str, cyrillic: bool | None = None) -> bool:
    """A non-fiction word in `text` that is not denied or a likeness ("not a documentary",
    "reads like reportage but is not")."""
    low = lower(text)
    rx = DOCUMENTARY.both if cyrillic is None else DOCUMENTARY.on(cyrillic)
    for m in rx.finditer(low):
        if _NOT_REAL_BEFORE.search(low[max(0, m.start() - 24) : m.start()]):
            continue
        if _NOT_REAL_AFTER.search(low[m.end() : m.end() + 30]):
            continue
        return True
    return False


# The helpless without a prisoner word: finishing off the wounded; "unable to resist".
FINISH_OFF = Cue(
    (
        r"\bfinish(?:ed|ing|es)? off\b",
        r"\bдобил[иао]?\b|\bдобива(?:ли|ють|є|в|ти|ючи)\b|\bдобит(?:і|ий|их|ого|ому|ими|а|о)\b"
        r"|\bприкінчи\w*",
        r"\bдобива(?:ли|ют|ет|л|ть|я)\b|\bдобит(?:ы|ый|ых|ого|ому|ыми|ые|а|о)\b|\bприкончи\w*",
    )
)
HELPLESS = Cue(
    (
        r"\b(?:unable to|could not|couldn't|cannot|could no longer|can no longer|(?:was|were) no "
        r"longer able to|too (?:badly )?(?:wounded|hurt) to) [\"'“‘]?"
        r"(?:resist|fight back|defend (?:themselves|himself)|move)\b|\bhelpless\b"
        r"|\bincapacitated\b|\bimmobili[sz]ed\b",
        r"\bне (?:могли|міг|могла|можуть|здатн\w*) (?:чинити опір|опиратися|захищатися|рухатися)"
        r"|\bбезпорадн\w*|\bзнерухомлен\w*",
        r"\bне (?:могли|мог|могла|могут|способн\w*) (?:сопротивляться|оказать сопротивление"
        r"|защищаться|двигаться)|\bбеспомощн\w*|\bобездвижен\w*",
    )
)
# "захваченных (в плен) украинских бойцов": the participle with a person noun.
CAPTURED_PARTICIPLE = Cue(
    (
        r"\bзахопле\w+ (?:у полон |в полон )?(?:[\w'-]+ ){0,4}?(?:бійц\w*|військов\w*|солдат\w*"
        r"|захисник\w*|українц\w*|росіян\w*|морпіх\w*|десантник\w*|операторів)",
        r"\bзахваченн\w+ (?:в плен )?(?:[\w'-]+ ){0,4}?(?:бойц\w*|военн\w*|военнослужащ\w*"
        r"|солдат\w*|украинц\w*|россиян\w*|морпех\w*|десантник\w*|операторов)",
        # the person first: "пятерых военных, захваченных в ходе боя"
        r"\b(?:бійц\w*|військов\w*|солдат\w*|захисник\w*|піхотинц\w*),? захоплен\w+",
        r"\b(?:бойц\w*|военн\w*|военнослужащ\w*|солдат\w*|пехотинц\w*),? захваченн\w+",
    )
)
# Commanders shooting men "who tried to surrender" is own-side only when a commander is named.
COMMANDER = Cue(
    (
        r"\bcommand\w*|\bofficers?\b",
        r"\bкоманд\w*|\bофіцер\w*|\bофицер\w*|\bначальств\w*",
    )
)


# Commentary, not an order: a no-quarter phrase said by a pundit, blogger or host, or as an
# opinion ("units should take no prisoners"); a commander's order still counts.
COMMENTARY = Cue(
    (
        r"\b(?:podcast\w*|\w*blogg?er\w*|pundit\w*|(?:tv |talk.show )?hosts?|presenter\w*"
        r"|propagandist\w*|commentator\w*|influencer\w*|remarks?|on air|should|ought to"
        r"|backlash|condemn\w*|would|suggest\w*|hint\w*|vow\w*|threat\w*|warn\w*|urg\w*"
        r"|calls? for|called for|demand\w*|deputy|lawmaker\w*"
        # sport: "Shakhtar take no prisoners as a five-goal rout seals the title"
        r"|goals?|match\w*|league|title|rout|derby|striker\w*|cup|season|championship"
        r"|tournament|rivals?|thrash\w*)\b",
        r"\b(?:блогер\w*|подкаст\w*|ведуч\w*|телеведуч\w*|пропагандист\w*|коментатор\w*"
        r"|ефір\w*|висловлюван\w*|мали б|повинні|слід|погро\w*|пригроз\w*|натяк\w*|пообіця\w*"
        r"|закли\w*|депутат\w*|матч\w*|чемпіонат\w*|турнір\w*|суперник\w*|думк[аиу]\b"
        r"|вважаю|на мою думку)",
        r"\b(?:блогер\w*|подкаст\w*|ведущ\w*|телеведущ\w*|пропагандист\w*|комментатор\w*"
        r"|эфир\w*|высказыван\w*|должны|следует|пригроз\w*|угрож\w*|намек\w*|пообеща\w*"
        r"|призыв\w*|призва\w*|депутат\w*|матч\w*|чемпионат\w*|турнир\w*|соперник\w*"
        r"|мнени[ея]\b|считаю|по-моему)",
    )
)


# A killing verb in the infinitive ("пропонує розстрілювати полонених", "vows to kill every
# prisoner", "could be executed") states no killing unless a verb makes it one: an order, or
# "began / continued to" ("почали розстрілювати", "continue to kill").
INFINITIVE_BEFORE_EN = re.compile(
    r"\b(?:to|to be|risk\w* being|cannot be|(?:can|could|may|might|must|should|would|will|shall"
    r"|ought to)"
    r"(?: not|n't)? be)\s+[\"'“‘]?$"
)
_INFINITIVE_UK = re.compile(r"\w{3,}(?:ти|тися)")  # -ть is the present tense in Ukrainian
_INFINITIVE_RU = re.compile(r"\w{3,}(?:ть|ться)")
_UK_LETTERS = re.compile(r"[іїєґ]")
_NOUNS_LIKE_INFINITIVES = frozenset({"страти", "страть"})
FACTUAL_GOVERNOR = Cue(
    (
        r"\b(?:began|begun|begin\w*|start\w*|continu\w*|keep|keeps|kept|went on|proceeded"
        r"|order\w*|told|tells|instruct\w*|command\w*|forced|made them|decided)\b",
        r"\b(?:почал\w*|почина\w*|почну\w*|продовжу\w*|продовжил\w*|стал[иао]?\b|взял\w*ся"
        r"|наказ\w*|веліл\w*|велів|змуси\w*|вирішил\w*|вирішив)",
        r"\b(?:начал\w*|начина\w*|продолжа\w*|продолжил\w*|стал[иао]?\b|принял\w*сь"
        r"|приказ\w*|велел\w*|заставил\w*|решил\w*)",
    )
)


def is_infinitive(s: str, m: re.Match[str], cyr: bool) -> bool:
    """A killing cue in the infinitive: "розстрілювати", "убить", "to kill", "be executed"."""
    if cyr:
        word = m.group()
        rx = _INFINITIVE_UK if _UK_LETTERS.search(s) else _INFINITIVE_RU
        return bool(rx.fullmatch(word)) and word not in _NOUNS_LIKE_INFINITIVES
    return bool(INFINITIVE_BEFORE_EN.search(s[max(0, m.start() - 25) : m.start()]))


def has_infinitive(s: str, words: str) -> bool:
    """Some Cyrillic word of `words` (a phrase from sentence `s`) is an infinitive."""
    rx = _INFINITIVE_UK if _UK_LETTERS.search(s) else _INFINITIVE_RU
    return any(rx.fullmatch(w) and w not in _NOUNS_LIKE_INFINITIVES for w in words.split())


# "Prisoners" who are convicts: a riot in a penal colony, inmates, a jail (s is lowercased)
CONVICTS = Cue(
    (r"\briots?\b|\bpenal colon\w*|\binmates?\b|\bconvicts?\b|\bjail\w*|\bprison guards?\b",)
)

# Olenivka (the July 2022 blast in the prison camp) counts by policy: a sentence naming it with
# a blast or a death, or, in an article about it, a sentence on POWs who perished.
OLENIVKA_KEYS = ("olenivk", "olenovk", "оленівк", "оленівц", "еленовк", "оленовк")
OLENIVKA_TRIGGERS = (
    "pow", "perish", "lost their lives", "blast", "explosion", "blew up", "загину", "погиб",
    "вибух", "взрыв", "olen", "олен", "елен",
)  # fmt: skip
OLENIVKA = Cue(
    (
        r"\bolenivk\w*|\bolenovk\w*|\byelenovk\w*",
        r"\bоленівк\w*|\bоленівц\w*|\bеленовк\w*|\bоленовк\w*",
    )
)
BLAST = Cue(
    (r"\bblast\b|\bexplosion\b|\bblew up\b", r"\bвибух\w*|\bвзрыв\w*|\bпідрив\w*|\bподрыв\w*")
)
PERISHED = Cue(
    (
        r"\bkilled\b|\bperished\b|\blost their lives\b",
        r"\bзагину\w*|\bзагибл\w*|\bпогиб\w*|\b[ву]бит\w*|\bвбили\b|\bубили\b",
    )
)
