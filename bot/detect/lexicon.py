"""Term patterns for the detector (English, Ukrainian, Russian), written as stems and regexes.

Cue families: captive ideas, killing ideas, masks that remove a non-killing or non-captive
sense before matching, sentence suppressors (negative cues) and document anchors.
"""

from __future__ import annotations

import re

from bot.detect.cue import Cue
from bot.detect.cue import is_cyrillic as is_cyrillic
from bot.detect.cue import lower as lower

_F = re.IGNORECASE


def _rx(*parts: str) -> Cue:
    return Cue(parts)


_PERSON_EN = (
    r"soldiers?|servicem[ae]n|servicewom[ae]n|service ?members?|troops|men|man|people"
    r"|Ukrainians|Russians|fighters?|marines?|defenders?|paratroopers?|operators?"
    r"|comrades?|snipers?|gunners?|crew|POWs?|conscripts?|recruits?|infantrym[ae]n|medics?"
    r"|scouts?|sappers?|pilots?|stormtroopers?|assault troops|mobili[sz]ed|personnel|members"
    r"|sergeants?|corporals?|privates?|lieutenants?|officers?|infantry|border guards?|guardsm[ae]n"
)

# --- captive ideas -----------------------------------------------------------------------
# "Strong": a noun that names a prisoner of war or captive.
CAPTIVE_STRONG = _rx(
    r"\bP\.?O\.?W\.?s?\b|\bPoWs?\b|\bprisoners?[- ]of[- ]war\b|\bwar prisoners?\b|\bcaptives?\b"
    r"(?!-|\s+(?:audience|market|animals?|bears?|lions?"
    r"|tigers?|elephants?|dolphins?|birds?|wolves))",
    rf"\bcaptured (?:[\w-]+ ){{0,3}}?(?:{_PERSON_EN})\b|\bcaptured (?:Ukrainian|Russian)"
    r"(?=[,.;:]|$| (?:and|who|was|after|in|near|at|on|by)\b)",
    rf"\b(?:{_PERSON_EN}) (?:who|that) (?:had )?(?:been |were |was )?(?:captured|taken prisoner)"
    rf"|\b(?:{_PERSON_EN}) (?:captured|taken prisoner) (?:near|in|at|on|during|by|after|earlier"
    r"|last|when|while|and (?:later |then |subsequently )?(?:killed|shot|executed))\b",
    r"\b(?:військово)?полонен\w*|\bполонян\w*|\bбранц(?:і|ів|ям|ями|ях)\b|\bбранець\b",
    r"\b(?:военно)?пленн\w*|\bпленник\w*",
)
# "prisoner(s)" alone counts only next to a nationality or military word (see classify).
PRISONER = _rx(r"(?<!\bno )\bprisoners?\b")  # "take no prisoners" names none
PRISONER_CONTEXT = _rx(
    r"\b(?:Ukrain\w*|Russian|soldiers?|servicem[ae]n|troops|military|wounded|captured|unarmed"
    r"|war|battlefield|front)\b"
)
# "Verbal": surrender, capture, hands up, unarmed (bound hands alone are not captivity:
# civilians are found so too; see BOUND).
CAPTIVE_VERBAL = _rx(
    r"\bsurrender(?:ed|ing|s)?\b(?! (?:its|control|ground|territory|market"
    r"|the lead)\b)|\b(?:taken|took|take|taking|held) (?!no\b)(?:[\w-]+ ){0,4}?"
    r"(?:as )?(?:prisoner|captive)s?\b|\bin captivity\b|\bafter (?:their |his |being )?captur"
    r"(?:e|ed)\b|\b(?:had been|were|was|being|been|got) captured\b"
    r"|\b(?:day|hours?|minutes?|moments?) (?:of|after) (?:his |their |being )?captur(?:e|ed)\b",
    r"\b(?:laid|lay|laying|put|putting) down (?:their |his )?(?:arms|weapons|rifles?|guns)\b"
    r"|\bg(?:ive|ives|ave|iven|iving) (?:themselves|himself|herself) up\b"
    r"|\b(?:who|that|after) (?:had |have |has )?(?:given|gave|giving) up\b",
    r"\bhands? (?:up|raised|in the air|above (?:his|their) heads?|behind (?:his|their) heads?)"
    r"|\bhands? (?:on|clasped (?:on|behind)) (?:their |his )?(?:heads?|helmets?)\b"
    r"|\btook (?:away )?their (?:rifles|weapons|guns|arms)\b"
    r"|\bin (?:russian|ukrainian|enemy) hands\b|\bafter capturing (?:them|him)\b"
    # "a soldier they had captured": the object is before the verb, not a place after it
    r"|\b(?:they|he|we|it) (?:had |have )?(?:just |earlier )?(?:captured|taken)\b"
    r"(?! (?:the |a |an )?"
    r"(?:[\w-]+ )?(?:village|town|city|position|trench|hill|settlement|area|district"
    r"|bridgehead)s?\b)"
    r"|\bput (?:the|their|his) (?:rifles?|weapons?|guns?|arms) (?:down|on the ground)\b"
    r"|\bblindfolded\b"
    r"|\bin (?:the )?hands of the (?:enemy|Russians)\b"
    r"|\bby (?:his|their|her|the)"
    r" captors\b|\bруками? (?:за|на) голов\w*|\bруки (?:за|на) голов\w*"
    r"|\b(?:raised|with raised) hands\b|\bwith a white (?:flag|rag|cloth)\b"
    r"|\bwith (?:his|a|one) (?:hand|arm) raised\b"
    # the wounded as a noun, shot: "I saw them shoot the wounded"
    r"|\b(?:shoot|shot|shooting) the (?:wounded|injured)\b"
    r"|\b(?:raised|raising|put|putting|held|holding) (?:up )?"
    r"(?:their|his|both) hands(?: up)?\b|\bwhite flag\b|\bhors de combat\b",
    # execution posture: made to kneel, lying face down
    r"\b(?:made|forced|ordered|told) (?:[\w-]+ ){0,2}?(?:to )?kneel\b|\bkneel(?:ing)? before\b"
    r"|\bknelt before\b|\bkneeling (?:captives|prisoners|men|soldiers)\b|\bon (?:their|his) knees"
    r" before\b|\b(?:lying|lay|lie|laid|made to lie) face ?down\b",
    # "unarmed" of soldiers, not of a villager or a driver ("an unarmed man" may be either)
    r"\bdisarmed\b|\bunarmed\b(?! (?:woman|women|civilians?|residents?|villagers?"
    r"|drivers?|pensioners?|teenagers?|boys?|girls?|farmers?|locals?|people|protesters?))"
    r"|\bdefen[cs]eless\b|\brestrained\b"
    # a captured man named by the participle before the killing: "Brothers captured together
    # were shot"; led out of the basement they held
    r"|\bcaptured(?= (?:[\w'-]+,? ){0,6}?(?:were|was|had been|have been) (?:later |then )?"
    r"(?:shot|killed|executed|murdered|finished off)\b)"
    r"|\b(?:dragged|taken|led|brought|marched) (?:him |them )?(?:out of|from) (?:a|the|their|his)"
    r" (?:dugout|trench|basement|bunker|cellar|shelter|building|house)\b"
    r"|\bthrew down (?:their |his )?(?:weapons|rifles|arms|guns)\b",
    r"\b[ву] полон(?:і)?\b|\bполонил\w*|\bзда\w*(?:с[яь]|ся)\b|\bздач\w* в полон"
    r"|\bскла(?:ли|дають|ла|в|вши|дали) зброю"
    r"|\bз піднятими руками|\bбеззбройн\w*\b(?! (?:жінк|мешкан|цивільн|селян|воді"
    r"|пенсіонер|місцев|підліт))"
    r"|\bкину\w* (?:свої )?(?:зброю|автомати)\b|\bпотрапи\w* (?:до (?:них|ворога|росіян)|в руки"
    r"|у руки)|\bзахоплен[іоа]?\b(?= (?:і|й|а потім|після чого) )|\bлицем (?:у|в|до) (?:сніг"
    r"|землю|землі|багнюку|бруд)|\bпіднявши руки|\bвийш\w* (?:[\w'-]+ ){0,5}?без зброї"
    r"|\b[ву] руках (?:окупантів|ворога|противника|росіян)"
    r"|\b(?:з|із) біл\w+ (?:прапор|ганчірк|тканин)\w*|\bбіл\w+ прапор\w*|\bпрапор\w* біл\w*"
    r"|\bзброю (?:[\w'-]+ ){0,3}?(?:склали|поскладали|покидали|кинули)\b|\bбез ствол\w*"
    r"|\bобеззброєн\w*|\bроззброєн\w*|\bна колінах\b"
    # made to kneel ("ставив наших поранених бійців на коліна"), not a country brought to its
    # knees: only people between the verb and the knees
    r"|\b(?:по)?став\w* (?:(?:наших|їх|його|усіх|всіх|поранених|полонених|бійців|хлопців"
    r"|військових|солдат\w*|чоловіків|українських|російських|двох|трьох|кількох) ){0,3}на колін\w*"
    r"|\bпідня(?:ли|в|вши|вших|вшого|вшим|вшими) (?:[\w'-]+ )?руки\b(?! за\b)"
    r"|\bз піднятою рукою|\bпідня(?:в|вши) руку\b(?! (?:на|за)\b)"
    r"|\bвзяли (?:двох|трьох|чотирьох|п'ятьох|\d+|кількох) (?:орків|росіян|кацапів|окупантів"
    r"|русаків|бійців)\b"
    r"|\bобличчям (?:до землі|донизу|вниз)\b",
    r"\bзахопи\w* (?:у полон )?(?:[\w'-]+ ){0,2}?(?:поранен\w*|українськ\w*|російськ\w*|бійц\w*"
    r"|бійця|військов\w*|солдат\w*|піхотинц\w*|морпіх\w*|десантник\w*|захисник\w*"
    r"|прикордонник\w*|нацгвардійц\w*)",
    r"\bзахвати\w* (?:в плен )?(?:[\w-]+ ){0,2}?(?:ранен\w*|украинск\w*|российск\w*|бойц\w*"
    r"|военн\w*|солдат\w*|пехотинц\w*|морпех\w*|десантник\w*|защитник\w*"
    r"|пограничник\w*|нацгвардейц\w*)",
    r"\bв плен(?:у)?\b|\bпленил\w*|\bсда\w*(?:с[яь]|ся)\b|\bсдач\w* в плен"
    r"|\bслож(?:ил|или|ивш)\w* оружие"
    r"|\bс поднятыми руками|\bбезоружн\w*\b(?! (?:женщин|жител|мирн|гражданск|местн"
    r"|водител|пенсионер|подрост))"
    r"|\bброси\w* (?:свое )?(?:оружие|автоматы)\b|\bпопавш\w* (?:к (?:ним|врагу|противнику"
    r"|россиянам|украинцам)|в руки)|\bпопал\w* в руки|\bзахвачен[ыао]?\b(?= (?:и|а затем"
    r"|после чего) )|\bлицом в (?:снег|грязь)|\bразоружен\w*|\bподняв руки"
    r"|\bвыш(?:ел|ли|едш\w*) (?:[\w-]+ ){0,5}?без оружия|\bс бел\w+ (?:флаг|тряпк|ткан)\w*"
    r"|\bбел\w+ флаг\w*|\bфлаг\w* бел\w*|\bоружие (?:\w+ ){0,3}?(?:сложили|побросали|бросили)\b"
    r"|\bбез ствол\w*"
    r"|\bв руках (?:оккупантов|врага|противника)|\bвзяли(?=,? (?:и )?(?:кончили|расстреляли"
    r"|убили|застрелили|положили))"
    r"|\b(?:по)?став\w* (?:(?:наших|их|его|всех|раненых|пленных|бойцов|ребят|военных|солдат"
    r"|мужчин|украинских|российских|двоих|троих|нескольких) ){0,3}на колени"
    r"|\bна коленях\b|\bлицом (?:в землю|вниз)\b"
    r"|\bподня(?:ли|л|вш\w*) (?:[\w-]+ )?руки\b(?! за\b)"
    r"|\bс поднятой рукой|\bподняв руку\b(?! (?:на|за)\b)"
    r"|\bвзял\w* (?:двоих|троих|четверых|пятерых|\d+|нескольких) (?:укроп\w*|всушник\w*"
    r"|хохл\w*|бойц\w*|солдат\w*|орк\w*|русак\w*|рашист\w*)"
    r"|\bруки (?:подняты|вверх|підняті|вгору)\b|\bруками (?:вгору|вверх|догори)\b"
    r"|\b(?:з|із|зі|с) зав'?язаними очима|\bс завязанными глазами"
    r"|\b(?:якого|яких|которого|которых) (?:[\w'-]+ )?(?:захопили|захватили|взяли в полон"
    r"|взяли в плен|полонили|пленили)\b|\b(?:уже |вже )?без (?:оружия|зброї|автомат\w*)\b"
    r"|\bоружия (?:у них )?нет\b|\bзброї (?:у них )?(?:немає|нема|не було)\b"
    # captured men named by the participle alone, not captured land or kit
    r"|\b(?:захваченн|захоплен)\w*(?! (?:[\w-]+ )?(?:територ|земл|город|міст|сел|населен|район"
    r"|позиц|техні|техник|пункт|област|регион|регіон|укріплен|укреплен|плацдарм|курщин|частин))",
)

# A captive who is the speaker ("captured soldier says ...", "..., said a POW", "рассказал
# пленный", "за словами полоненого") is a source, not a victim: matched on the lowercased
# sentence right after (SPEAKER_AFTER) or right before (SPEAKER_BEFORE) the captive cue.
_SPEECH = (
    r"says|said|say|tells|tell|told|describes|described"
    r"|recounts|recounted|recalls|recalled|testifies"
    r"|testified|admits|admitted|confesses|confessed|explains|explained|claims|claimed|alleges"
    r"|warns|warned|testifying|describing|recounting|recalling"
    r"|розпові\w*|заяви\w*|зізна\w*|сказа\w*|свідч\w*|пояснил\w*|пояснив"
    r"|стверджу\w*|рассказ\w*|призна\w*|утвержда\w*|сообщил\w*|повідомил\w*|поділи\w*"
    r"|поделил\w*|вспомина\w*|згаду\w*"
)
SPEAKER_AFTER = re.compile(
    rf"(?:\s+(?!(?:and|і|й|та|и|а|але|но|but|then|потім|затем)\s)[\w'-]+){{0,3}}?\s+"
    rf"(?:{_SPEECH})\b(?!\s+(?:to (?:be|have|lie|kneel)|as(?! a witness))\b)"
)
SPEAKER_BEFORE = re.compile(
    rf"(?:[,\"»”:—–-]\s*(?:{_SPEECH})|\baccording to|\bin (?:an )?interviews? with|\bза словами"
    rf"|\btestimon(?:y|ies) (?:of|from)|\baccounts? (?:of|from)|\bпоказання|\bсвідчення"
    rf"|\bпоказани[яй]|\bсвидетельств\w*"
    rf"|\bзі слів|\bпо словам|\bсо слов|\bінтерв'ю (?:з|із)|\bинтервью (?:с|со))\s+"
    rf"(?:(?:a|an|the|one|another)\s+)?(?:[\w'-]+\s+){{0,2}}$"
)

# --- killing ideas -------------------------------------------------------------------------
# "Execution" verbs: unambiguous deliberate killing.
KILL_EXEC = _rx(
    r"\bexecut(?:e|ed|es|ing|ion|ions)\b|\bsummar(?:y|ily) execut\w*|\bmassacr(?:e|ed|es|ing)\b"
    r"|\bmurder(?:ed|ing|s)?\b|\bput to death\b|\bslaughter(?:ed)?\b|\bgunned down\b"
    r"|\bgun(?:ning)? down\b|\bfinish(?:ed|ing)? off\b|\bshot (?:dead|and killed)\b"
    r"|\bshooting dead\b|\bshot (?:\w+ ){1,5}?(?:dead|in the (?:back|head))\b"
    r"|\bbehead\w*|\bdecapitat\w*|\bstabbed to death\b|\bburned alive\b|\bhanged\b"
    r"|\bmow(?:ed|n) down\b|\b(?:at|from) (?:point-blank|point blank|close) range\b"
    r"|\bpoint-blank\b|\bfiring squads?\b|\bin cold blood\b|\bexecution-style\b"
    r"|\bhead ?shots?\b|\bshots? (?:to|in|into) the head\b|\bback of (?:the|his|their) heads?\b"
    r"|\bgunshot wounds? (?:to|in) the (?:back of the )?head\b"
    r"|\bput (?:a )?bullets? (?:in|into|through) (?:him|them|his|their|the|each)\b"
    # "liquidated" kills in battle too; with captives or the wounded as the object it executes
    r"|\bliquidat\w*[’'\"”]?(?= (?:[\w'-]+ ){0,4}?(?:prisoners|captives|pows|wounded|injured"
    r"|captured|surrendered|(?:it|they|he|we) had taken))",
    r"\bрозстр[іi]л\w*|\bстрат(?:а|и|у|ою|і|ами|ам|ах|ив|ила|или|ити|ять|ить|ено)?\b"
    r"|\bстрачен\w*|\bстрачу\w*|\bдобил[иао]?\b|\bдобива(?:ли|ють|є|в|ти|ючи)\b"
    r"|\bобезголов\w*|\bвідрізал\w* голов\w*|\bзарізал\w*|\bспалил\w* живцем"
    r"|\bдобит(?:і|ий|их|ого|ому|ими|а|о)\b|\bприкінчи\w*|\bпристрели\w*|\bвпритул\b"
    r"|\bконтрольн\w* (?:постріл|в голову)\w*|\b[ву] потилицю\b|\bпростреленою головою\b"
    r"|\bпусти\w* (?:[\w'-]+ )?кулю (?:в|у|їм|йому)\b"
    r"|\bвогнепальн\w* поранен\w* (?:у |в )?(?:голов\w*|потилиц\w*)"
    # "ліквідували/знищили" kill soldiers in battle; with captives as the object they execute
    r"|\b(?:ліквідува|знищи)\w*(?= (?:(?!де\b|куди\b)[\w'-]+,? ){0,3}?"
    r"(?:\w*полонен|бранц|здал|захоплен))",
    r"\bрасстрел\w*|\bказн(?:ь|и|ей|ям|ями|ях|ил\w*|ен\w*|ит\w*|ят|ящ\w*)\b"
    r"|\bдобил[иао]?\b|\bдобива(?:ли|ют|ет|л|ть|я)\b|\bобезглав\w*|\bотрезал\w* голов\w*"
    r"|\bзарезал\w*|\bсожгл\w* заживо|\bдобит(?:ы|ый|ых|ого|ому|ыми|ые|а|о)\b|\bприкончи\w*"
    r"|\bпристрели\w*|\bв упор\b|\bконтрольн\w* (?:выстрел|в голову)\w*|\bв затылок\b"
    r"|\bпусти\w* (?:[\w-]+ )?пулю (?:в|им|ему)\b"
    r"|\bпростреленн\w* голов\w*|\bогнестрельн\w* ранени\w* (?:в )?(?:голов\w*|затылк\w*)"
    r"|\b(?:ликвидирова|уничтожи)\w*(?= (?:(?!где\b|куда\b)[\w-]+,? ){0,3}?"
    r"(?:\w*пленн|сдавш|сдал|захваченн))",
)
# Other killing verbs: killed, shot, вбили, убили, застрелили, opened fire.
KILL_OTHER = _rx(
    r"\bkill(?:ed|ing|ings|s)?\b|\bslain\b|\bshot\b|\bshoot(?:ing|s)?\b|\bopen(?:ed|ing)? fire\b"
    r"|\b(?:been|were|was) [\"'“‘]?put down\b|\bspray(?:ed|ing|s)? (?:them|him) with bullets\b"
    r"|\b(?:sprayed|riddled) with bullets\b|\bcut down by\b|\bcut (?:them|him|both) down\b"
    r"|\b(?:were|was|been) cut down\b"
    r"|\bfir(?:ed|ing|es?) (?:at|on|into)\b",
    r"\b[ву]би(?:в|ли|ла|вали|вають|ває|вати|вство|вства|вств\w*|вц\w*)\b|\b[ву]бит\w*"
    r"|\bзастрел\w*|\bрозправ\w*|\bвідкри\w* (?:по \w+ )?вогонь|\bстріля(?:ли|в|ють|є|ти|ючи)\b"
    r"|\bпостріл\w*|\bвистріли(?:в|ли|ла|ти)\b|\bпорішил\w*|\bпустили в розхід"
    r"|\b«?поклал(?:и|а)?»? (?:з автомата|з кулемета|обох|всіх|усіх|їх)|\b«поклали»"
    r"|\bклад[еу] (?:обох|всіх|усіх|їх)|\bмінусану\w*|\bмінуснул\w*|\bзадвохсоти\w*"
    r"|\bобнулил\w*",
    r"\bуби(?:л|ли|ла|вать|вают|вали|т|ты|та|тых|тыми|ть|йство|йства|йств\w*|йц\w*)\b"
    r"|\bзастрел\w*|\bрасправ\w*|\bоткры\w* (?:по \w+ )?огонь|\bстреля(?:ли|л|ют|ет|ть|я)\b"
    r"|\bвыстрел\w*|\bкончил[иа]?\b|\bпорешил\w*|\bпустили в расход"
    r"|\b«?положил(?:и|а)?»? (?:из автомата|из пулемета|обоих|всех|их)"
    r"|\bминусану\w*|\bминусну\w*|\bзадвухсоти\w*|\bобнулил\w*",
)

# --- masks: spans blanked before matching because they carry another sense ---------------
MASKS = _rx(
    # exchanges, repatriation and institutions named after prisoners of war
    r"\b(?:prisoner|POW|captive)s?[- ](?:exchange|swap)s?\b|\b(?:exchange|swap)s? of "
    r"(?:[\w-]+ ){0,2}?(?:prisoners|POWs|captives|bodies)\b",
    r"\b(?:exchang|swap)\w* (?:all |the |more |our |their )?(?:[\w-]+ ){0,2}?(?:prisoners|POWs"
    r"|captives)\b",
    r"\bобмін\w* (?:[\w'-]+ ){0,2}?(?:військово)?полонен\w*|\bобмен\w* (?:[\w-]+ ){0,2}?"
    r"(?:военно)?пленн\w*|\bобмінн\w* фонд\w*|\bобменн\w* фонд\w*",
    r"\bPOWs? (?:camps?|facilit\w*|status|rights?|affairs|issues?|hotline|register|day)\b"
    r"|\bCoordination (?:Headquarters|Center|Centre) for the Treatment of Prisoners of War\b"
    r"|\b(?:Geneva )?Convention\w* (?:on|relative to) the treatment of prisoners of war\b"
    r"|\bthe treatment of prisoners of war\b|\bКоординаційн\w+ штаб\w* (?:з питань )?"
    r"поводження з військовополоненими|\bКоординационн\w+ штаб\w* по обращению с "
    r"военнопленными|\bповодження з військовополоненими|\bобращени\w+ с военнопленными",
    # mock executions, threats, perfidy
    r"\b(?:mock|staged|simulated|fake|pretend) (?:executions?|firing squads?)\b|\bthreat\w* "
    r"(?:\w+ ){0,2}?(?:of|with) (?:execution|being shot|death)\b|\bthreaten\w* to (?:kill|shoot"
    r"|execute)\b|\bfeign\w* (?:their )?surrender\b|\bfake surrender\b",
    r"\bімітаці\w* розстріл\w*|\bімітува\w* розстріл\w*|\bпогро[зж]\w* (?:\w+ ){0,2}?"
    r"(?:розстріл\w*|стратою|вбивством|смертю)|\bімітува\w* здач\w* в полон"
    r"|\bвдавали, що здаються|\bстріля\w* (?:поруч|поверх|над голов\w*|у повітря|в повітря)",
    r"\bстреля\w* (?:рядом|поверх|над голов\w*|в воздух|мимо)|\bfir(?:ed|ing|es) (?:near|next"
    r" to|over|above) (?:them|him|their heads|his head)\b",
    # a staging being prepared, not an allegation: "Киев готовит инсценировку «расстрела»"
    r"\b(?:готов|планиру|собира|намерева|готу|планує|збира)\w* (?:[\w-]+ ){0,3}?"
    r"(?:инсценировк|постановочн|інсценуванн|інсценізаці|постановк)\w*[^.;!?]{0,80}",
    r"\b(?:prepar|plan)\w* (?:[\w-]+ ){0,3}?(?:staged|stage-managed|a stag)\w*[^.;!?]{0,80}",
    r"\bимитаци\w* расстрел\w*|\bинсцени\w* расстрел\w*|\bугро[зж]\w* (?:\w+ ){0,2}?"
    r"(?:расстрел\w*|казнью|убийством|смертью)|\bимитир\w* сдач\w* в плен|\bимитируя сдачу",
    # words quoted as words: "если журналист пишет «казнили пленного»", "the phrase 'executed
    # prisoners'", "хто пише «полонених не брати»" (a colon before the quote is reported speech)
    r"(?:\bпиш\w*|\bписать|\bписати|\bпише|\bговорить|\bказати|\bслов[оа]|\bвыражени\w*"
    r"|\bвираз\w*|\bформулировк\w*|\bформулюванн\w*|\bтермин\w*|\bтермін\w*)"
    r" [«\"“'‘][^»\"”'’]{1,60}[»\"”'’]",
    r"\b(?:phrase|words?|term|writes?|writing) [\"“'‘][^\"”'’]{1,60}[\"”'’]",
    # a killing in the future tense is not an event ("думав, що розстріляють", "убьют")
    r"\b(?:розстріляють|розстріляє|стратять|вб'ють|уб'ють|вб'є|уб'є|доб'ють|розстрілюватим\w*"
    r"|будуть розстрілювати|расстреляют|расстреляет|убьют|убьёт|убьет|добьют|пристрелят"
    r"|будут расстреливать)\b",
    # "executed" as carried out
    r"\bexecut(?:e|ed|es|ing|ion) (?:(?:a|an|the|its|their|his|her|our|this|that|these) )?"
    r"(?:[\w-]+ ){0,2}?(?:plans?|orders?|strikes?|contracts?|tasks?|missions?|attacks?|"
    r"manoeuvres?|maneuvers?|operations?|deals?|agreements?|projects?|programmes?|programs?|"
    r"transactions?|trades?|warrants?|searches|moves?|pass(?:es)?|penalty|kicks?|raids?|"
    r"assaults?|counteroffensive|offensive|counter-?attacks?|ambush(?:es)?|breakthrough|"
    r"withdrawal|landing|crossing|rotation|evacuation|budget|decisions?|decrees?|commands?|code|"
    r"scripts?|"
    r"quer(?:y|ies)|turns?|swaps?|exchanges?|restructuring|reforms?|overhaul|turnaround"
    r"|strateg(?:y|ies)|campaigns?|takeover|merger|layoffs|rebranding|launch)\b",
    r"\b(?:plans?|contracts?|orders?|strikes?|deals?|agreements?|projects?|missions?|tasks?|"
    r"operations?|attacks?) (?:[\w-]+ ){0,5}?(?:be|been|was|were|is|are|being) "
    r"(?:\w+ )?executed\b",
    # shot down / filmed / legs / killed in action
    r"\bshot down\b|\bshoot(?:ing|s)? down\b|\b(?:video|footage|film|clip|photos?|images?) "
    r"(?:\w+ ){0,3}?(?:was |were )?shot\b|\bshots? (?:on|at) goal\b|\bshot (?:a |the )?"
    r"(?:video|footage|film)\b|\bshot (?:[\w-]+ ){0,3}?(?:portraits?|photos?|photographs?"
    r"|pictures?"
    r"|images?|series|documentar\w*|videos?)\b|\bphotographer\w*\b",
    r"\b(?:shot|shoot\w*|fir\w*|стріля\w*|постріл\w*|вистріл\w*|стреля\w*|выстрел\w*)\b"
    r" (?:\w+ ){0,5}?(?:legs?|knees?|kneecaps?|limbs|arms|feet|foot|thighs?|hips?|ankles?"
    r"|calf|calves|ноги|ногу|нозі|ногам|ногах|колін\w*|колен\w*|стегн\w*|бедр\w*|ступн\w*"
    r"|кінцівк\w*|конечност\w*)\b",
    r"\bkill\w* (?:another|other|more|a further|dozens of other) (?:\d+ )?|\bkill\w* (?:\w+ ){1,2}"
    r"more\b|\bkilled in (?:the )?(?:ensuing |subsequent |following )?"
    r"(?:action|combat|battle|fighting|firefight|clash\w*)\b|\bзагину\w* в бою\b"
    r"|\bпогиб\w* в бою\b",
    # weapons, drones and sports as objects of "розстріляли/расстреляли"
    r"\b(?:розстр[іi]л\w*|расстрел\w*|казн\w*) (?:(?!полон|плен|військов|военн)[\w«»'-]+ ){0,7}?"
    r"[«]?(?:шахед\w*|дрон\w*|безпілотник\w*|беспилотник\w*|ракет\w*|ворот\w*|вратар\w*"
    r"|воротар\w*|мішен\w*|мишен\w*|колон\w* техні\w*|колонн\w* техник\w*)",
    r"\bв плен (?:центр\w*|полузащит\w*)|\bв полон (?:центр\w*)",
)
# Casualty lists ("killed, wounded or captured"): masked unless captive precedes killing.
_CASUALTY = (
    r"(?:killed|dead|wounded|injured|missing|captured|taken prisoner|taken captive|[ву]бит\w*"
    r"|загибл\w*|погибш\w*|поранен\w*|ранен\w*|полонен\w*|пленн\w*|зниклих|пропавш\w*"
    r"|взят\w* в плен|[ву]?зят\w* в полон)"
)
# A list ends with "and/or" or, as in headlines ("убиты, ранены, взяты в плен"), with a comma.
CASUALTY_LIST = re.compile(
    rf"\b{_CASUALTY}(?:\s*,\s*{_CASUALTY})*"
    rf"(?:\s*,?\s*(?:and|or|та|і|й|и|или|або)\s+|\s*,\s*){_CASUALTY}\b"
    # a daily loss report: "lost 19 killed and 23 wounded, and 2 servicemen were taken prisoner"
    rf"|\b\d[\d,]*\s+{_CASUALTY}(?:\s*,\s*\d[\d,]*\s+{_CASUALTY})*\s*,?\s*(?:and|та|і|и)\s+"
    rf"\d[\d,]*\s+(?:[\w-]+\s+){{0,2}}?{_CASUALTY}\b",
    0,
)
CASUALTY_CAPTIVE = re.compile(r"captured|prisoner|captive|полон|плен")
CASUALTY_KILL = re.compile(r"killed|dead|[ву]бит|загибл|погибш")
# Every _CASUALTY match holds one of these stems, so a list (two or more matches, disjoint)
# needs two occurrences in all: most sentences have one at most and skip the scan.
CASUALTY_STEMS = (
    "killed", "dead", "wounded", "injured", "missing", "captured", "taken", "бит", "загибл",
    "погибш", "ранен", "полонен", "пленн", "зниклих", "пропавш", "зят",
)  # fmt: skip
# "killed 200 soldiers and captured 12": two different groups of people.
KILLED_AND_CAPTURED = re.compile(
    r"\b(?:killed|[ву]били|уничтожили|знищили|ліквідували|ликвидировали)\b[^.;:]{0,80}?"
    r"(?:\band\b|\bта\b|\bі\b|\bи\b|,)\s+(?:also |також |также )?(?:captured|took (?:\w+ ){0,3}"
    r"prisoner|взяли в (?:полон|плен)|захопили|захватили|полонили|пленили)\b",
    0,
)
# A KILLED_AND_CAPTURED match holds one key of each list (lowercase text).
KILLED_AND_CAPTURED_KEYS = (
    ("killed", "били", "уничтожили", "знищили", "ліквідували", "ликвидировали"),
    ("captured", "prisoner", "взяли в ", "захопили", "захватили", "полонили", "пленили"),
)

# --- sentence suppressors (negative cues) --------------------------------------------------
DEATH_PENALTY = _rx(
    r"\bdeath penalty\b|\bcapital punishment\b|\bdeath sentences?\b|\bsentenc(?:e|es|ed|ing) "
    r"(?:[\w'-]+ ){0,8}?to death\b|\bdeath row\b|\blethal injection\b|\bnitrogen\b"
    r"|\bsentence would be carried out|\bcondemn(?:s|ed|ing)? (?:[\w'-]+ ){0,8}?to death\b",
    r"\bсмертн\w* (?:кар\w*|вирок\w*|казн\w*|приговор\w*)|\bзасуд\w* (?:\w+ ){0,3}?до "
    r"(?:страти|смертної|розстрілу)|\bвищ\w* мір\w* покаранн\w*|\bвысш\w* мер\w*"
    r"|\bприговор\w* (?:\w+ ){0,4}?к (?:смертной|расстрелу)|\bмораторий\b",
)
OWN_SIDE = _rx(
    r"\b(?:their|his) own (?:men|soldiers|troops|fighters|comrades|servicemen|side|subordinates"
    r"|commanders?|officers?|unit|battalion|brigade|regiment|company|platoon|squad)"
    r"\b|\b(?:his|their|my|our) (?:company |platoon |battalion |unit |squad )?"
    r"(?:commander|officer)s? (?:had )?(?:shot|killed|executed)"
    r"\b|\bzeroing\b|\bdefect(?:ed|or|ors|ing)\b|\bsledgehammer\b|\bbarrier troops\b",
    r"\bcommanders? (?:[\w-]+ ){0,8}?(?:try|tries|trying|tried|attempt\w*) to surrender\b"
    r"|\b(?:shot|shoot\w*|execut\w*|kill\w*) (?:[\w-]+ ){0,2}?(?:deserters|stragglers"
    r"|retreating (?:men|soldiers|troops))\b|\b(?:try|tries|trying|tried|attempt\w*) to "
    r"(?:retreat|flee|desert|run away|leave (?:their|the) positions?)\b"
    r"|\brefus\w* to (?:attack|advance|fight|storm|go (?:on|into) (?:the )?(?:attack|assault))\b"
    r"|\bfor (?:retreating|desertion|deserting|refusing to (?:attack|advance|fight))\b",
    r"\bзаградотряд\w*|\bзагороджувальн\w*|\bкувалд\w*|\bперебежчик\w*"
    # "своїх же бійців": Ukrainian "своїх побратимів" alone is a soldier's own comrades, whom the
    # enemy may kill; "же" makes the killers their own side
    r"|\bсвоїх же (?:бійц\w*|військов\w*|солдат\w*|побратим\w*)|\bсвоїх підлегл\w*"
    r"|\bвласн\w+ (?:підрозділ|роти|роті|батальйон|бригад|взвод)\w*"
    r"|\bсобственн\w+ (?:подразделени|роты|роте|батальон|бригад|взвод)\w*"
    r"|\bперебіжчик\w*|\bсво(?:их|іх|ими|їми) (?:же )?(?:солдат\w*|бійц\w*|бойц\w*|військов\w*"
    r"|военн\w*|підлегл\w*|подчиненн\w*|побратим\w*|сослуживц\w*)"
    r"|\bсво(?:их|їх),? (?:тих,? )?(?:хто|які|кто|которые|что)\b|\bсобственн\w+ (?:солдат\w*"
    r"|военн\w*|подчиненн\w*|военнослужащ\w*)|\bвласн\w+ (?:солдат\w*|військов\w*|підлегл\w*"
    r"|бійц\w*)"
    r"|\bза (?:самовільн\w+ )?відступ\w*|\bвідступа(?:л\w*|в|ли)\b"
    r"|\bвідмов\w* (?:йти|іти|піти) (?:в|на|у) (?:атак\w*"
    r"|штурм\w*)|\bдезертир\w* (?:розстрілю|страчу)\w*|\b(?:розстрілю|страчу)\w* дезертир\w*"
    r"|\bза (?:самовольн\w+ )?отступлени\w*|\bотступавш\w*|\bотступал\w*|\bотказ\w* (?:идти|пойти)"
    r" (?:в|на) (?:атак\w*|штурм\w*)|\bрасстрелива\w* дезертир\w*|\bдезертир\w* расстрелива\w*",
)
# Shooting men "who tried to surrender" is the own side's doing only when a commander is named.
# "обнулили" zeroes one's own men, unless the enemy's captives are in the sentence ("обнулили
# полонених", "взяли троих укропов … обнулили"): then it is the slang of a killing
ZEROING = _rx(r"\bобнул\w*")
ENEMY_CAPTIVES = _rx(
    r"\b(?:полонен|военнопленн|пленн|укроп|всушник|хохл|орк|русак|рашист|кацап|окупант"
    r"|оккупант)\w*"
)
TRIED_TO_SURRENDER = _rx(
    r"\bпри попытке сдаться|\bпыта\w* сдаться|\bспроб\w* здатися|\bнамага\w* здатися"
    r"|\bхоті\w* здатися|\bхотел\w* сдаться|\bwant\w* to surrender"
    r"|\b(?:try|tries|trying|tried|attempt\w*) to surrender\b",
)
CIVILIAN = _rx(
    r"\bcivilians?\b|\bresidents?\b|\bvillagers?\b|\blocals\b|\blocal (?:people|men|women)\b"
    r"|\bfarmers?\b|\bpensioners?\b|\bcyclists?\b|\bpassers-by\b|\bpasserby\b"
    r"|\belderly\b|\bteenage\w*|\bgrandsons?\b|\bgranddaughters?\b"
    # journalists told something are the audience: "told journalists", "рассказал журналистам"
    r"|\bnon-combatants?\b|\bjournalists?\b(?<!told journalists)(?<!told journalist)"
    r"(?<!tells journalists)(?<!tells journalist)|\bhostages?\b|\bchildren\b"
    r"|\bwoman\b|\bwomen\b",
    r"\bцивільн\w*|\bмирн\w+ (?:жител\w*|населен\w*|мешкан\w*)|\bжител\w*|\bмешкан\w*"
    r"|\bфермер\w*|\bпенсіонер\w*|\bпенсионер\w*|\bвелосипедист\w*|\bселян\w*|\bкрестьян\w*"
    r"|\bлітн\w+|\bпідліт\w*|\bонук\w*|\bпожил\w+|\bподрост\w*|\bвнук\w*"
    r"|\bзаручник\w*|\bзаложник\w*|\bжурналіст(?!ам\b)\w*|\bжурналист(?!ам\b)\w*"
    r"|\bгражданск\w+ (?:лиц\w*"
    r"|населен\w*)|\bмирн\w+ (?:граждан\w*)|\bдіт\w*|\bдетей\b|\bжінк\w*|\bженщин\w*",
)
HISTORY = _rx(
    r"\bSecond World War\b|\bWorld War (?:II|Two|2)\b|\bWWII\b|\bWW2\b|\bNazi\w*|\bHolocaust\b"
    r"|\bSS\b|\bWehrmacht\b|\bGestapo\b|\bNKVD\b|\bKatyn\b|\bMalmedy\b|\bSandarmo(?:kh|ch)\b"
    r"|\bKhatyn\b|\bSoviet\b|\bRed Army\b|\bBattle of the Bulge\b|\bSudan\w*|\bDarfur\b"
    r"|\bEl Fasher\b|\bRapid Support Forces\b|\bGaza\b|\bHamas\b|\bIsrael\w*|\bSyria\w*"
    r"|\bMyanmar\b|\bTigray\b|\bYemen\w*|\bISIS\b|\bIslamic State\b|\bChechen wars?\b"
    r"|\bChechnya\b|\bKarabakh\b|\bArmenia\w*|\bAzerbaijan\w*|\bMali\b|\bLibya\w*"
    r"|\bIraq\w*|\bAfghan\w*|\bCentral African\b|\bWorld War (?:I|One|1)\b|\bFirst World War\b"
    r"|\bWWI\b|\bGreat War\b|\bVietnam\w*|\bKorean War\b|\bBosnia\w*|\bSrebrenica\b|\bKosovo\b"
    r"|\bRwanda\w*|\bCambodia\w*|\bKhmer\b|\bEthiopia\w*|\bCongo\w*|\bBoko Haram\b"
    r"|\bre-?enact\w*",
    r"\bДруг\w+ світов\w*|\bВтор\w+ миров\w*|\bВелик\w+ (?:Отечествен|Вітчизнян)\w*|\bнацист\w*"
    r"|\bфашист\w*|\bгитлер\w*|\bгітлер\w*|\bНКВД\b|\bНКВС\b|\bКатин\w*|\bКатын\w*|\bСандармох\w*"
    r"|\bХатин\w*|\bХатын\w*|\bрадянськ\w*|\bсоветск\w*|\bЧервон\w+ арм\w*|\bКрасн\w+ арм\w*"
    r"|\bСудан\w*|\bГаз[аіеу]\b|\bХАМАС\b|\bИзраил\w*|\bІзраїл\w*|\bСири\w*|\bСирі\w*"
    r"|\bКарабах\w*|\bВірмен\w*|\bАрмен\w*|\bАзербайджан\w*|\bЧечн\w*|\bЛиви\w*|\bЛіві\w*"
    r"|\bМьянм\w*|\bМ'янм\w*|\bЭфиоп\w*|\bЕфіоп\w*|\bИГИЛ\b|\bІДІЛ\b|\bДарфур\w*|\bЙемен\w*"
    r"|\bАфган\w*|\bИрак\w*|\bІрак\w*|\bРуанд\w*|\bБосни\w*|\bБосні\w*|\bСребрениц\w*"
    r"|\bПерш\w+ світов\w*|\bПерв\w+ миров\w*|\bВ'єтнам\w*|\bВьетнам\w*|\bреконструкц\w*"
    r"|\bреконструктор\w*",
    r"\b1[89]\d\d\b",
)
STRIKE = _rx(
    r"\b(?:drone|missile|air|artillery|rocket|HIMARS)[- ]?(?:strikes?|attacks?|raids?)\b"
    r"|\bshell(?:ing|ed)\b|\bHIMARS\b|\bbombing\b|\bairstrikes?\b|\bartillery\b"
    r"|\bby (?:an? )?(?:[\w-]+ )?(?:drone|missile|shell|mine|bomb|rocket)s?\b"
    r"|\b(?:drone|missile|shell|bomb|rocket|strike)s? (?:had |has )?(?:struck|hit|hits|strikes"
    r"|landed)\b",
    r"\bобстріл\w*|\bобстрел\w*|\b(?:удар\w*|атак\w*) (?:\w+ ){0,2}?(?:дрон\w*|безпілотник\w*"
    r"|беспилотник\w*|ракет\w*|HIMARS)|\bавіаудар\w*|\bавиаудар\w*|\bприл[еі]т\w*"
    r"|\bдрон(?:ом|ами)\b|\bракет(?:ою|ой)\b|\bбеспилотником\b|\bбезпілотником\b"
    r"|\bартилері\w*|\bартиллери\w*|\bвлуча\w*|\bвлучи\w*|\bпопадани\w*",
)
CAPTIVITY_DEATH = _rx(
    r"\b(?:tortured|beaten) to death\b|\bdied (?:of|from|after|as a result of) (?:[\w-]+ ){0,2}?"
    r"(?:torture|beatings?|disease|illness|neglect|conditions|stroke|heart|lack|untreated|"
    r"hunger|starvation|wounds)\b|\bkilled (?:by|through|under) (?:[\w-]+ ){0,2}?(?:beatings?"
    r"|torture)",
    r"\bзакатован\w*|\bзамучен\w*|\bзабит\w* до смерт\w*|\bдо смерти избит\w*|\bпомер\w* від"
    r"|\bумер\w* от|\b(?:загину|загиб|погиб)\w* (?:[\w'-]+ ){0,4}?(?:від|от) "
    r"(?:хвороб|болезн|катуван|пыток)",
)
METAPHOR = _rx(
    r"\bgoalkeeper\b|\bfootball\b|\bsoccer\b|\bstriker\b|\bmatch\b",
    r"\bворот(?:а|ар\w*)\b|\bвратар\w*|\bфутбол\w*|\bматч\w*|\bкомментатор\w*|\bкоментатор\w*"
    r"|\bППО\b|\bПВО\b|\bshahed\w*|\bшахед\w*",
)
WAR_CONTEXT = _rx(
    r"\bUkrain\w*|\bRussia\w*|\bKremlin\b|\bKyiv\b|\bKiev\b|\bMoscow\b|\bDonbas\w*"
    r"|\bfull-scale invasion\b|\bsince the invasion\b|\bspecial military operation\b",
    r"\bУкраїн\w*|\bУкраин\w*|\bРосі\w*|\bРосси\w*|\bросіян\w*|\bроссиян\w*|\bКи[їє]в\w*"
    r"|\bКиев\w*|\bМоскв\w*|\bЗСУ\b|\bВСУ\b|\bДонбас\w*|\bокупант\w*|\bоккупант\w*|\bКремл\w*"
    r"|\bповномасштабн\w*|\bполномасштабн\w*|\bСВО\b|\bспецоперац\w*",
)
STRONG_ANCHOR = _rx(
    r"\b20(?:2[2-9])\b|\bfull-scale\b|\bUkrainian (?:POWs?|prisoners|soldiers|servicem[ae]n"
    r"|troops|defenders|forces)\b",
    r"\bповномасштабн\w*|\bполномасштабн\w*|\bЗСУ\b|\bВСУ\b|\bукраїнськ\w+ (?:військов\w*"
    r"|полонен\w*|бійц\w*|захисник\w*)|\bукраинск\w+ (?:военн\w*|пленн\w*|солдат\w*)"
    r"|\bокупант\w*|\bоккупант\w*",
)

# Literal stems (lowercase): a sentence without any of them cannot hold a statement.
_TRIGGER_STEMS = (
    "behead|decapit|stabbed|burned alive|hanged|mowed|mown|обезгол|обезглав|голов|зарізал|"
    "зарезал|живцем|заживо|execut|kill|shot|shoot|murder|massacr|slain|slaughter|gun|finish|"
    "fire|death|prisoner|captive|tied|bound|taped|замотан|обмотан|wounded|injured|hurt|розстр|страт|страч|добил|"
    "добив|вби|уби|застрел|розправ|вогонь|стріл|расстрел|казн|расправ|огонь|стрел|полон|плен|"
    "зв'яз|связан|поранен|ранен|убьют|point-bl|point bl|firing squad|cold blood|прикінч|"
    "прикончи|добит|упор|впритул|ліквід|знищ|ликвид|уничтож|простреле|put down|spray|riddled"
    "|кончил|порішил|порешил|розхід|расход|поклал|положил|кладе|кладу|bullet|кулю|пулю|liquidat"
    "|трехсот|трёхсот|трьохсот|минусан|минусну|мінусан|мінусну|задвухсот|задвохсот|обнул"
    "|cut "
    # the deaths told by what follows (carried.EXECUTION_MARK): nobody moves, "двухсотые"
    "|шевел|ворушит|не двига|не рухає|двухсот|двохсот|got up|gets up|stood up|stands up"
    "|nobody moves|no one moves|where they lay|where he lay|где они лежали|где лежали"
    "|де вони лежали|де лежали|не вста|не підвод"
)
TRIGGERS = tuple(_TRIGGER_STEMS.split("|"))
