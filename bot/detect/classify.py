"""Detector for reports of executed POWs. Rule order, per sentence of title + cleaned body:
1 strip boilerplate; 2 blank masked senses (exchanges, mock executions, "executed a plan",
shot down, drones, casualty lists); 3 a statement = captive cue + killing cue within 150
chars (a captive who is the speaker, "captured soldier says", is not a captive cue), or an
implied rule (no-quarter order; bound bodies; wounded left behind then shot or dead; Olenivka;
"Both were shot" one or two sentences after the captives are set up);
4 suppress it on a negative cue that applies to that sentence (death penalty, own side,
civilians-only, history/other wars, strike or disease deaths, metaphor) or to the whole article
(no Russia-Ukraine context, except a Cyrillic statement with a POW noun; a history, civilian or
own-side headline); 5 flag if any remain.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from bot.detect import carried, custody
from bot.detect import irrealis as ir
from bot.detect import lexicon as lx
from bot.detect.accused import CAPTIVE_KILLS, is_accused
from bot.detect.boilerplate import strip_boilerplate
from bot.detect.cue import Keys, scripts, union
from bot.detect.families import ALL_KEYS, HELPLESS, IRREALIS, ArticleKeys
from bot.detect.gazetteer import find_places
from bot.detect.headline import TitleCues, headline_filter, title_cues
from bot.detect.sentences import clip, normalise, split_sentences
from bot.detect.suppressors import civilian_victims, suppressor
from bot.models import Evidence, Verdict

MAX_GAP = 150  # characters between a captive cue and a killing cue in one statement
MAX_EVIDENCE = 3


@dataclass(frozen=True, slots=True)
class Statement:
    """One sentence that states (or implies) a killing of captives."""

    index: int  # 0 = title, 1.. = body sentences
    sentence: str
    terms: tuple[str, ...]
    strength: float
    rule: str
    start: int = 0
    end: int = 0
    strong_captive: bool = False


@dataclass(frozen=True, slots=True)
class Analysis:
    """Everything the detector saw; facts extraction reuses it."""

    sentences: tuple[str, ...]  # title first, then body sentences
    statements: tuple[Statement, ...]
    suppressed: tuple[tuple[int, str], ...]
    partial: float  # 0..0.45 evidence short of a statement


def _blank(text: str, spans: list[tuple[int, int]]) -> str:
    if not spans:
        return text
    chars = list(text)
    for a, b in spans:
        chars[a:b] = " " * (b - a)
    return "".join(chars)


_TRIGGERS, _OLENIVKA, _OLENIVKA_TRIGGERS, _SETUP, _BOUND = map(
    Keys,
    (lx.TRIGGERS, ir.OLENIVKA_KEYS, ir.OLENIVKA_TRIGGERS, carried.SETUP_KEYS, custody.BOUND_KEYS),
)


def _mask(s: str, cyr: bool, keys: ArticleKeys = ALL_KEYS) -> str:
    spans = [m.span() for m in lx.MASKS.on(cyr).finditer(s)]
    # the keys hold for each sentence too (every mask part contains one): the regex is dear
    if keys.irrealis and IRREALIS.any_in(s, scripts(s)):
        spans.extend(m.span() for m in ir.IRREALIS_MASKS.on(cyr).finditer(s))
    # the literal tests are a few `in` scans; the two regexes cost more on every sentence
    stems = sum(s.count(k) for k in lx.CASUALTY_STEMS)
    for m in lx.CASUALTY_LIST.finditer(s) if stems >= 2 else ():
        cap = lx.CASUALTY_CAPTIVE.search(m.group())
        kill = lx.CASUALTY_KILL.search(m.group())
        # "captured and killed" is a sequence (keep); "killed or captured" is a list (mask)
        if not (cap and kill and cap.start() < kill.start() and " or " not in m.group()):
            spans.append(m.span())
    killed, captured = lx.KILLED_AND_CAPTURED_KEYS
    if any(k in s for k in killed) and any(k in s for k in captured):
        spans.extend(m.span() for m in lx.KILLED_AND_CAPTURED.finditer(s))
    return _blank(s, spans)


def _spans(rx: re.Pattern[str], s: str) -> list[re.Match[str]]:
    return list(rx.finditer(s))


def _nearest(
    a: list[re.Match[str]], b: list[re.Match[str]]
) -> tuple[int, re.Match[str], re.Match[str]] | None:
    best: tuple[int, re.Match[str], re.Match[str]] | None = None
    for x in a:
        for y in b:
            gap = max(x.start(), y.start()) - min(x.end(), y.end())
            if best is None or gap < best[0]:
                best = (gap, x, y)
    return best


def _is_speaker(s: str, m: re.Match[str]) -> bool:
    """A captive named as the source ("a captured soldier told ...", "..., said a POW")."""
    return bool(
        lx.SPEAKER_AFTER.match(s, m.end(), m.end() + 60)
        or lx.SPEAKER_BEFORE.search(s[max(0, m.start() - 60) : m.start()])
    )


def _captives(
    s: str, cyr: bool, keys: ArticleKeys = ALL_KEYS, context: bool = False
) -> tuple[list[re.Match[str]], list[re.Match[str]]]:
    accused = keys.charge
    strong = [
        m
        for m in _spans(lx.CAPTIVE_STRONG.on(cyr), s)
        if not _is_speaker(s, m)
        and not (accused and is_accused(s, m))
        and not CAPTIVE_KILLS.match(s, m.end())  # "a captive killed a guard"
    ]
    if cyr and ("захоплен" in s or "захваченн" in s):
        strong.extend(
            m for m in _spans(ir.CAPTURED_PARTICIPLE.on(cyr), s) if not _is_speaker(s, m)
        )
    weak = _spans(lx.CAPTIVE_VERBAL.on(cyr), s)
    if custody.asserted(s):  # "executed two wounded servicemen"
        weak.extend(_spans(custody.EXECUTED_SOLDIERS.on(cyr), s))
    if keys.helpless and HELPLESS.any_in(s, scripts(s)):
        weak.extend(_spans(ir.HELPLESS.on(cyr), s))
    if keys.finish and ir.FINISH_OFF.on(cyr).search(s):
        # "finished off the wounded", "добили поранених"
        weak.extend(_spans(custody.WOUNDED.on(cyr), s))
    # bare "prisoner(s)": its context and the convicts check only matter when it is there
    if (
        not cyr
        and "prisoner" in s
        and (context or lx.PRISONER_CONTEXT.en.search(s))
        and not ir.CONVICTS.en.search(s)
    ):
        weak.extend(m for m in lx.PRISONER.en.finditer(s) if not _is_speaker(s, m))
    return strong, weak


# The first cue of each implied rule: one scan rules them all out for most sentences
_IMPLIED = union(custody.NO_QUARTER, custody.WOUNDED, custody.BOUND)
# "take no prisoners" is an English idiom too ("the new CEO takes no prisoners", "Karpaty took
# no prisoners at the stadium"): an order needs soldiers, a unit or the enemy in its sentence.
_AT_WAR = re.compile(
    r"\b(?:soldiers?|troops|brigades?|battalions?|regiments?|platoons?|assault (?:group|unit)s?"
    r"|fighters|enemy|military|army|servicem[ae]n|marines|paratroopers|pows?|captured"
    r"|surrender\w*|officers?|commanders?|ordered|orders? to|intercept\w*|captives"
    r"|prisoners of war|trench\w*|wagner)\b"
)


def _statement(
    index: int,
    s: str,
    triggers: tuple[str, ...] = lx.TRIGGERS,
    keys: ArticleKeys = ALL_KEYS,
    context: bool = False,
    soldiers: bool = False,
) -> tuple[Statement | None, str]:
    """The statement in one sentence (or None) and, when suppressed, the reason.

    `triggers`: the trigger stems present anywhere in the article (checked once per article,
    so each sentence tests only those, not all of them: the hot path of a cold cycle).
    """
    low = lx.lower(s)
    if not any(k in low for k in triggers):
        return None, ""
    cyr = lx.is_cyrillic(s)
    m = _mask(low, cyr, keys)
    execs = _spans(lx.KILL_EXEC.on(cyr), m)
    others = _spans(lx.KILL_OTHER.on(cyr), m)
    if (execs or others) and any(k in low for k in keys.denial):
        # denials, risks, conditions: looked for only once a killing word is there (common words)
        denied = [x.span() for x in ir.DENIAL_MASKS.on(cyr).finditer(low)]
        if denied:  # nothing blanked: the same text, the same kills
            m = _blank(m, denied)
            execs = _spans(lx.KILL_EXEC.on(cyr), m)
            others = _spans(lx.KILL_OTHER.on(cyr), m)
    infinitives = [k for k in execs + others if ir.is_infinitive(m, k, cyr)]
    if infinitives and not ir.FACTUAL_GOVERNOR.on(cyr).search(m):
        # "proposes to shoot", "пообещал убивать", "could be executed": nothing was done
        execs = [k for k in execs if k not in infinitives]
        others = [k for k in others if k not in infinitives]
    kills = execs + others
    # the captive cues are the dearest step (speaker and accused checks per match); without a
    # killing word they matter only once an implied rule holds or for the Olenivka rule
    has_captives = bool(kills) or not cyr or "полон" in low or "плен" in low
    strong: list[re.Match[str]] = []
    weak: list[re.Match[str]] = []
    if has_captives and (kills or keys.olenivka):
        strong, weak = _captives(m, cyr, keys, context)
        has_captives = False
    found = _nearest(strong + weak, kills) if kills else None
    rule = ""
    terms: tuple[str, ...] = ()
    strength = 0.0
    span = (0, len(s))
    if found and found[0] <= MAX_GAP:
        _, cap, kill = found
        rule = "captive+killing"
        terms = (cap.group().lower(), kill.group().lower())
        strength = 0.6 + (0.2 if strong else 0.0) + (0.15 if execs else 0.0)
        span = (min(cap.start(), kill.start()), max(cap.end(), kill.end()))
    elif not _IMPLIED.on(cyr).search(m):
        pass  # none of the implied rules below can hold
    elif (
        (nq := custody.NO_QUARTER.on(cyr).search(m))
        and not ir.COMMENTARY.on(cyr).search(m)
        and (cyr or _AT_WAR.search(m))
        and not _inside_denial(low, cyr, nq.span(), keys)
    ):
        rule, terms, strength, span = "no-quarter order", (nq.group().lower(),), 0.6, nq.span()
    elif (wd := custody.WOUNDED.on(cyr).search(m)) and (
        lb := custody.LEFT_BEHIND.on(cyr).search(m)
    ):
        dead = kills[0] if kills else custody.DEAD.on(cyr).search(m)
        if dead:
            rule = "wounded left behind"
            terms = (wd.group().lower(), lb.group().lower(), dead.group().lower())
            strength = 0.7 if kills else 0.55
    elif (
        (bd := custody.BOUND.on(cyr).search(m))
        and (dd := custody.DEAD.on(cyr).search(m) or (kills[0] if kills else None))
        and (soldiers or custody.SOLDIER.on(cyr).search(m))
    ):
        rule, terms, strength = "bound bodies", (bd.group().lower(), dd.group().lower()), 0.55
    if not rule and keys.olenivka and (ol := _olenivka(m, cyr, kills, bool(strong))):
        rule, terms, strength = "olenivka", ol, 0.6
    if not rule:
        return None, ""
    if has_captives:  # not looked for above
        strong = _captives(m, cyr, keys, context)[0]
    # a weak captive cue beside a soldier noun ("сдававшихся в плен украинских бойцов") is
    # not made civilian by a list's other items ("депортации детей, расстрелы …")
    soldierly = bool(strong) or bool(found and custody.SOLDIERS_AFTER.match(m, found[1].end()))
    reason = suppressor(m, cyr, soldierly, bool(execs), keys)
    if reason:
        return None, reason
    st = Statement(index, s, terms, min(strength, 1.0), rule, span[0], span[1], bool(strong))
    return st, ""


def _olenivka(m: str, cyr: bool, kills: list[re.Match[str]], strong: bool) -> tuple[str, ...]:
    """Olenivka named with a death (or a blast that POWs were in), or POWs who perished in the
    sentence after one naming it (`keys.olenivka` is set per sentence for that)."""
    here = ir.OLENIVKA.on(cyr).search(m)
    death = kills[0] if kills else custody.DEAD.on(cyr).search(m) or ir.PERISHED.on(cyr).search(m)
    if here and (death or (strong and (death := ir.BLAST.on(cyr).search(m)))):
        return (here.group(), death.group())
    if strong and (perished := ir.PERISHED.on(cyr).search(m)):
        return ("olenivka", perished.group())
    return ()


def _inside_denial(low: str, cyr: bool, span: tuple[int, int], keys: ArticleKeys) -> bool:
    """Is span inside a legal line, a question or a denial ("a 'no prisoners' order is itself
    a war crime")?"""
    if not any(k in low for k in keys.denial):
        return False
    return any(a <= span[0] and span[1] <= b for a, b in _denials(low, cyr))


def _denials(low: str, cyr: bool) -> list[tuple[int, int]]:
    return [x.span() for x in ir.DENIAL_MASKS.on(cyr).finditer(low)]


def _carried_over(sentences: tuple[str, ...], keys: ArticleKeys) -> list[Statement]:
    """A killing told with a pronoun ("Both were shot moments later") one or two sentences
    after the captives are set up ("Two men in Ukrainian uniforms kneel in a tree line")."""
    found: list[Statement] = []
    for i in range(2, len(sentences)):
        low = lx.lower(sentences[i])
        cyr = lx.is_cyrillic(low)
        m = _mask(low, cyr, keys)
        m = _blank(m, [x.span() for x in ir.DENIAL_MASKS.on(cyr).finditer(low)])
        # a pronoun ("Both were shot"), or the words of an execution ("bursts at point-blank
        # range", "lay dead with gunshot wounds to the head") after the captives' setup
        kill = carried.ANAPHOR_KILL.on(cyr).search(m) or carried.EXECUTION_MARK.search(m)
        if not kill and keys.finish:  # "наших вытаскивают из окопа и добивают": the wounded
            kill = ir.FINISH_OFF.on(cyr).search(m)
        if not kill or (cyr and ir.has_infinitive(m, kill.group())):  # "розстрілювати його"
            continue
        for j in carried.before(sentences, i):
            prev = _mask(lx.lower(sentences[j]), lx.is_cyrillic(sentences[j]), keys)
            strong, weak = _captives(prev, cyr, keys)
            cue = strong or weak
            setup = cue[0] if cue else carried.SETUP.on(cyr).search(prev)
            if not setup and keys.finish and ir.FINISH_OFF.on(cyr).search(m):
                setup = custody.WOUNDED.on(cyr).search(
                    prev
                )  # "Our wounded stayed. … finished off"
            if not setup:
                continue
            execs = bool(lx.KILL_EXEC.on(cyr).search(m))
            if not suppressor(f"{prev} {m}", cyr, bool(strong), execs, keys):
                terms = (setup.group(), kill.group())
                combatant = bool(strong) or bool(carried.COMBATANT.on(cyr).search(prev))
                st = Statement(
                    i, sentences[i], terms, 0.55, "carried over", *kill.span(), combatant
                )
                found.append(st)
            break
    return found


def _in_scope_alone(st: Statement) -> bool:
    """A statement that needs no Russia-Ukraine anchor elsewhere in the article."""
    return st.strong_captive and lx.is_cyrillic(st.sentence)


def _neighbour_context(sentences: Sequence[str]) -> tuple[int, ...]:
    """Sentences whose bare "prisoners" the neighbours place in the war: the headline, by a first
    sentence naming the war's soldiers; a body sentence, by the one before it telling how those
    soldiers were captured. Convicts named there keep "prisoners" convicts."""
    lows = [lx.lower(s) for s in sentences[:2]]
    found = [0] if len(lows) == 2 and _war_soldiers(lows[1]) else []
    for i in range(2, len(sentences)):
        low = lx.lower(sentences[i - 1])
        if "captur" in low and _war_soldiers(low) and lx.CAPTIVE_VERBAL.en.search(low):
            found.append(i)
    return tuple(found)


def _soldiers_near(sentences: Sequence[str], raw_low: str) -> set[int]:
    def captive(low: str) -> bool:
        return bool(lx.CAPTIVE_STRONG.both.search(low) or lx.CAPTIVE_VERBAL.both.search(low))

    lows = [lx.lower(s) for s in sentences]
    return custody.soldiers_near(lows, captive, civilian_victims(raw_low))


def _war_soldiers(low: str) -> bool:
    return bool(lx.PRISONER_CONTEXT.en.search(low)) and not ir.CONVICTS.en.search(low)


@lru_cache(maxsize=1024)
def analyse(title: str, text: str) -> Analysis:
    """Split, clean and scan one article; cached so extraction can reuse the work."""
    title = normalise(" ".join(title.split()))
    raw_low = lx.lower(f"{title}\n{normalise(text)}")
    # The trigger stems anywhere in the article: a superset of those left once boilerplate
    # is stripped (that only deletes text), so each sentence need test only these.
    script = scripts(raw_low)
    present = _TRIGGERS.present(raw_low, script)
    olenivka = _OLENIVKA.any_in(raw_low, script)
    if olenivka:  # "POWs perished", "a blast": words only the Olenivka rule needs
        present = (*present, *_OLENIVKA_TRIGGERS.present(raw_low, script))
    if not present:
        # No captive or killing word at all (about half of all news): nothing to split or clean
        return Analysis((title,), (), (), 0.0)
    keys = ArticleKeys(raw_low, script, olenivka)
    body = normalise(strip_boilerplate(text))
    sentences = (title, *split_sentences(body))
    full = f"{title}\n{body}"
    statements: list[Statement] = []
    suppressed: list[tuple[int, str]] = []
    cues: TitleCues | None = None
    near = in_title = False  # Olenivka named in the title or the sentence before
    # bare "prisoners" takes the war from a neighbouring sentence ("Three prisoners killed …" /
    # "The Ukrainian soldiers had been held …"; "… servicemen were captured. … a deliberate
    # killing of prisoners, police said.")
    context = _neighbour_context(sentences) if "prisoner" in raw_low else ()
    # bound bodies whose soldiers a neighbouring sentence or the headline names
    bound = _BOUND.any_in(raw_low, script)
    near_soldiers = _soldiers_near(sentences, raw_low) if bound else set()
    for i, s in enumerate(sentences):
        if not s:
            continue
        if keys.olenivka:
            here = bool(ir.OLENIVKA.search(s))
            olenivka_keys = keys.with_olenivka(near or here)
            st, reason = _statement(i, s, present, olenivka_keys, i in context, i in near_soldiers)
            in_title = in_title or (here and i == 0)
            near = here or in_title
        else:
            st, reason = _statement(i, s, present, keys, i in context, i in near_soldiers)
        if st is None:
            if reason:
                suppressed.append((i, reason))
            continue
        cues = cues or title_cues(title, full, sentences[1] if len(sentences) > 1 else "")
        doc_reason = headline_filter(cues, st.sentence, st.strong_captive)
        if doc_reason:
            suppressed.append((i, doc_reason))
            continue
        statements.append(st)
    if (
        not statements
        and _SETUP.any_in(raw_low, script)
        and (
            carried.ANAPHOR_KILL.both.search(raw_low)
            or carried.EXECUTION_MARK.search(raw_low)
            or (keys.finish and ir.FINISH_OFF.both.search(raw_low))
        )
    ):
        cues = cues or title_cues(title, full, sentences[1] if len(sentences) > 1 else "")
        for st in _carried_over(sentences, keys):
            doc_reason = headline_filter(cues, st.sentence, st.strong_captive)
            if doc_reason:
                suppressed.append((st.index, doc_reason))
            else:
                statements.append(st)
    if statements and all(st.index == 0 and st.rule == "no-quarter order" for st in statements):
        # a column's call echoed in its headline ("Пленных не брать" over "my view: take no
        # prisoners"): the body says it as commentary, so the headline is no order either
        echoed = [
            i
            for i, s in enumerate(sentences[1:], 1)
            if custody.NO_QUARTER.search(s)
            and ir.COMMENTARY.on(lx.is_cyrillic(s)).search(lx.lower(s))
        ]
        if echoed:
            suppressed.append((0, "commentary headline"))
            statements = []
    if statements and not lx.WAR_CONTEXT.search(full) and not find_places(full):
        # a Ukrainian or Russian text about killed POWs (noun полонені/пленные) is about this
        # war unless a history or other-war cue said otherwise (already suppressed above)
        out_of_scope = [st for st in statements if not _in_scope_alone(st)]
        suppressed.extend((st.index, "no Russia-Ukraine context") for st in out_of_scope)
        statements = [st for st in statements if _in_scope_alone(st)]
    partial = 0.0
    if not statements and suppressed:
        partial = 0.3
    elif not statements:
        low = full.lower()
        partial = 0.1 if _TRIGGERS.any_in(low, scripts(low)) else 0.0
    return Analysis(tuple(sentences), tuple(statements), tuple(suppressed), partial)


def classify(title: str, text: str, lang: str | None = None) -> Verdict:
    """Decide whether an article reports executed POWs; score in [0, 1], flagged at >= 0.5."""
    del lang  # the lexicon covers en/uk/ru at once; mixed-language items are common
    a = analyse(title or "", text or "")
    if not a.statements:
        return Verdict(flagged=False, score=round(a.partial, 3))
    miss = 1.0
    for st in sorted(a.statements, key=lambda x: -x.strength)[:4]:
        miss *= 1.0 - st.strength * (1.0 if st.index else 0.9)
    score = round(min(1.0, 0.5 + 0.5 * (1.0 - miss)), 3)
    best = sorted(a.statements, key=lambda x: (-x.strength, x.index))[:MAX_EVIDENCE]
    evidence = tuple(
        Evidence(clip(st.sentence, st.start, st.end), st.terms)
        for st in sorted(best, key=lambda x: x.index)
    )
    return Verdict(flagged=True, score=score, evidence=evidence)
