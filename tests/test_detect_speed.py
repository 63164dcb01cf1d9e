"""Detector shortcuts (issue 15): each skips a regex scan only when the scan could not match.

The shortcuts must not change a verdict; these tests pin the invariants they rely on and that
the dear scans are in fact skipped (counted with a profile hook, no mocks).
"""

from __future__ import annotations

import json
import re
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from types import FrameType
from typing import Any

import pytest

from bot.detect import authority as au
from bot.detect import extract as ex
from bot.detect import families as fa
from bot.detect import irrealis as ir
from bot.detect import lexicon as lx
from bot.detect import quantities as qu
from bot.detect import scene as sc
from bot.detect import side as sd
from bot.detect.boilerplate import strip_boilerplate
from bot.detect.classify import _IMPLIED, analyse, classify
from bot.detect.cue import _UNSAFE_ESCAPE, CaseBlind, Cue, Keys, fold, scripts, union
from bot.detect.dates import incident_dates, mask_dates
from bot.detect.extract import extract_facts
from bot.detect.families import ArticleKeys
from bot.detect.sentences import split_sentences
from bot.detect.suppressors import ANY_SUPPRESSOR

EVAL = Path(__file__).resolve().parent.parent / "eval"


def _sentences() -> list[str]:
    """Lowercased sentences of the labelled sets shipped in eval/ (titles and bodies)."""
    out: list[str] = []
    for path in sorted(EVAL.glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                row = json.loads(line)
                out.append(lx.lower(row["title"]))
                out.extend(lx.lower(s) for s in split_sentences(row["text"]))
    return out


SENTENCES = _sentences()
TITLES_AND_SENTENCES = [
    t
    for path in sorted(EVAL.glob("*.jsonl"))
    for line in path.read_text(encoding="utf-8").splitlines()
    if line.strip()
    for row in [json.loads(line)]
    for t in (row["title"], *split_sentences(row["text"]))
]


@contextmanager
def _scans() -> Iterator[list[re.Pattern[str]]]:
    """The compiled patterns whose search/match/finditer/findall/sub ran inside the block."""
    seen: list[re.Pattern[str]] = []

    def hook(frame: FrameType, event: str, arg: Any) -> None:
        if event == "c_call" and isinstance(getattr(arg, "__self__", None), re.Pattern):
            seen.append(arg.__self__)

    sys.setprofile(hook)
    try:
        yield seen
    finally:
        sys.setprofile(None)


TEXTS = [
    "",
    "12 . 05",
    "prisoners were shot near the village",
    "полонених розстріляли біля села",
    "пленных расстреляли у деревни; в'язнів",
    "mixed: Ukrainian POWs / українських полонених / ёлка",
    "ЗСУ and ВСУ said nothing; call them, surgery, any day",
]
KEY_LISTS = [
    lx.TRIGGERS,
    ir.IRREALIS_KEYS,
    ir.HELPLESS_KEYS,
    ir.CHARGE_KEYS,
    ir.FICTION_KEYS,
    ir.DENIAL_KEYS,
    ("12", " не ", "call", "ёл", "'"),
]


@pytest.mark.parametrize("keys", KEY_LISTS)
@pytest.mark.parametrize("text", TEXTS)
def test_keys_give_the_answer_of_testing_every_key(keys: tuple[str, ...], text: str) -> None:
    low = lx.lower(text)
    found = Keys(keys)
    assert found.present(low, scripts(low)) == tuple(k for k in keys if k in low)
    assert found.any_in(low, scripts(low)) == any(k in low for k in keys)


def test_keys_skip_the_other_script() -> None:
    keys = Keys(("kill", "вбив", "12"))
    assert keys.on(scripts("вбивство 12")) == ("вбив", "12")
    assert keys.on(scripts("killing 12")) == ("kill", "12")


@pytest.mark.parametrize("cyrillic", [False, True])
def test_union_matches_where_any_member_does(cyrillic: bool) -> None:
    members = [lx.DEATH_PENALTY, lx.CIVILIAN, lx.HISTORY, ir.FICTION, lx.NO_QUARTER]
    both = union(*members)
    hits = 0
    for s in SENTENCES:
        expected = any(m.on(cyrillic).search(s) for m in members)
        assert bool(both.on(cyrillic).search(s)) == expected, s
        hits += expected
    assert hits  # the corpus exercises the positive side too


def _key_in_every_match(cue: Cue, keys: tuple[str, ...], examples: list[str]) -> None:
    matched = 0
    for s in [*examples, *SENTENCES]:
        for cyr in (False, True):
            for m in cue.on(cyr).finditer(s):
                matched += 1
                assert any(k in m.group() for k in keys), (m.group(), s)
    assert matched >= len(examples)


def test_every_irrealis_mask_match_holds_a_key() -> None:
    """The per-sentence gate in classify._mask relies on this (see IRREALIS_KEYS)."""
    examples = [
        "the host urged viewers to kill every soldier who surrenders",
        "he called for the execution of captured marines",
        "a deputy proposed shooting the prisoners",
        "prisoners of war must not be killed, the convention says",
        "the law forbids killing of captured prisoners",
        "every such killing will be investigated",
        "he threatened to execute the captives",
        "guards fired shots over their heads",
        "блогер закликав розстрілювати полонених",
        "депутат призвал расстреливать пленных",
        "полонених не можна вбивати",
        "пленных нельзя убивать",
        "він погрожував розстріляти полонених",
        "стреляли в воздух над головами",
    ]
    _key_in_every_match(ir.IRREALIS_MASKS, ir.IRREALIS_KEYS, examples)


def test_every_helpless_match_holds_a_key() -> None:
    examples = [
        "the wounded man was unable to resist",
        "a helpless soldier lay in the trench",
        "поранені не могли чинити опір",
        "раненые не могли сопротивляться",
        "беспомощного бойца добили",
    ]
    _key_in_every_match(ir.HELPLESS, ir.HELPLESS_KEYS, examples)


@pytest.mark.parametrize("letter", list("publпубл"))
def test_gate_letters_fold_only_to_their_capitals(letter: str) -> None:
    """strip_boilerplate tests 'publ'/'публ' in lowercased text before a case-blind scan."""
    rx = re.compile(re.escape(letter), re.IGNORECASE)
    folds = {c for c in range(sys.maxunicode + 1) if rx.fullmatch(chr(c))}
    assert folds == {ord(letter), ord(letter.upper())}


def _scanned(run: Callable[[], object]) -> set[re.Pattern[str]]:
    with _scans() as seen:
        run()
    return set(seen)


def test_a_plain_statement_skips_the_separate_suppressor_scans() -> None:
    title = "Russian troops shot two captured Ukrainian soldiers near Robotyne, prosecutors say"
    scanned = _scanned(lambda: classify(title, "The case was opened on Monday."))
    assert classify(title, "").flagged
    assert ANY_SUPPRESSOR.en in scanned
    for cue in (lx.DEATH_PENALTY, lx.OWN_SIDE, lx.CIVILIAN, lx.HISTORY, lx.STRIKE):
        assert cue.en not in scanned


def test_a_sentence_without_a_killing_word_skips_captive_and_implied_rule_scans() -> None:
    title = "Prisoners moved to a new camp in the north"
    scanned = _scanned(lambda: classify(title, ""))
    assert not classify(title, "").flagged
    assert _IMPLIED.en in scanned
    assert lx.NO_QUARTER.en not in scanned
    assert lx.CAPTIVE_STRONG.en not in scanned


def test_the_irrealis_masks_run_only_on_sentences_with_a_key() -> None:
    # the article has an irrealis key ("may"), the statement sentence has none
    title = "Footage shows captured Ukrainian soldiers executed near Bakhmut"
    text = "Investigators may publish the video later."
    scanned = _scanned(lambda: classify(title, text))
    assert classify(title, text).flagged
    assert ir.IRREALIS_MASKS.en not in scanned
    scanned = _scanned(lambda: classify(title + " as the host urged", text))
    assert ir.IRREALIS_MASKS.en in scanned


def test_text_without_digits_or_notes_skips_the_date_and_note_scans() -> None:
    text = "Three captured soldiers were shot in the forest, officials said."
    scanned = _scanned(lambda: (mask_dates(text), incident_dates(text, None)))
    assert scanned and all(p.pattern == r"\d" for p in scanned)
    assert mask_dates("shot on ٢٤ November") == "shot on" + " " * 12  # any Unicode digit counts
    scanned = _scanned(lambda: strip_boilerplate(text))
    assert not any("republished" in p.pattern for p in scanned)
    note = "Three soldiers were shot. This story was first published by a local outlet."
    assert strip_boilerplate(note) == "Three soldiers were shot."


def test_plain_case_letters_fold_only_in_pairs() -> None:
    """`fold` relies on this: on plain-case text, IGNORECASE equals comparing lowercase."""
    plain = [chr(c) for c in range(sys.maxunicode + 1) if fold(chr(c))[1]]
    assert all(len(x.lower()) == 1 and fold(x.lower())[1] for x in plain)
    letters = [x for x in plain if x.lower() != x.upper()]
    assert "ї" in letters and "Q" in letters and "ı" not in plain and "\u212a" not in plain
    for p in letters:
        rx = re.compile(re.escape(p), re.IGNORECASE)
        assert [x for x in plain if rx.fullmatch(x)] == [
            x for x in plain if x.lower() == p.lower()
        ]


CASE_BLIND = [
    *(rx for rxs in sd._SIDE_RX.values() for rx in rxs),
    sd._BOTH_SIDES,
    ex.BACKGROUND,
    ex.ROUNDUP,
    ex.OCCURRENCE,
    ex.ASSAULT_OR_DATE,
    sc._NOT_SCENE,
    sc._MOVEMENT,
    sc._BORDER,
    ex._RECAP_TITLE,
    ex._MONTH_OR_YEAR,
    qu._VAGUE,
    qu._AGGREGATE,
    qu._SINGLE,
]


@pytest.mark.parametrize("rx", CASE_BLIND, ids=lambda rx: rx.blind.pattern[:30])
def test_the_plain_twin_finds_what_the_case_blind_pattern_finds(rx: CaseBlind) -> None:
    raw = [
        row
        for path in sorted(EVAL.glob("*.jsonl"))
        for line in path.read_text(encoding="utf-8").splitlines()
        if line.strip()
        for row in [json.loads(line)]
    ]
    texts = [t for row in raw for t in (row["title"], *split_sentences(row["text"]))]
    folded = 0
    for s in [*texts, *(t.upper() for t in texts), *(t.swapcase() for t in texts)]:
        t, is_folded = fold(s)
        folded += is_folded
        found = [m.span() for m in rx.on(is_folded).finditer(t)]
        assert found == [m.span() for m in rx.blind.finditer(s)], s
    assert folded > len(texts)
    assert fold("Ukraınian POWs") == ("Ukraınian POWs", False)  # dotless i: case-blind path


def test_case_blind_refuses_patterns_it_cannot_fold() -> None:
    for pattern in (r"\W+", r"(?-i:ЗСУ)", r"\x41", "Ωmega"):
        with pytest.raises(ValueError, match="cannot fold"):
            CaseBlind(pattern)


def test_extract_reads_each_sentences_cues_once() -> None:
    title = "Russian troops shot two captured Ukrainian soldiers, prosecutors say"
    text = (
        "The wounded men had come under fire in a tree line. "
        "Both were shot moments later, the office said. "
        "A drone filmed the prisoners before the killing. "
        "Another captive was taken to a camp."
    )
    verdict = classify(title, text)
    assert verdict.flagged
    with _scans() as seen:
        extract_facts(title, text, None, None, verdict)
    assert 0 < seen.count(ex._KILL.en) <= len(analyse(title, text).sentences)


def test_side_literal_gates_hold_for_every_plain_match() -> None:
    """side.victim_side skips a plain twin when the folded sentence lacks its literals."""
    examples = [
        "Russian troops shot two captured Ukrainian soldiers",
        "російські окупанти розстріляли українських полонених",
        "российские военные расстреляли пленных бойцов ВСУ",
        "Ukrainian forces killed surrendering Russian soldiers, both sides said",
        "обидві сторони звинувачують одна одну; обе стороны",
    ]
    matched = 0
    for s in [*examples, *SENTENCES]:
        t, folded = fold(s)
        if not folded:
            continue  # the case-blind patterns run there, ungated
        for side, rxs in sd._SIDE_RX.items():
            own, other = sd._OWN_OTHER[side]
            for rx, keys, nouns in zip(rxs, (own, own, other, own), sd._NOUN_KEYS, strict=True):
                for m in rx.plain.finditer(t):
                    matched += 1
                    assert any(k in t for k in keys), (side, m.group(), s)
                    assert nouns is None or any(k in m.group() for k in nouns), (m.group(), s)
        if sd._BOTH_SIDES.plain.search(t):
            matched += 1
            assert any(k in t for k in sd._BOTH_SIDES_KEYS), s
    assert matched > len(examples)


def _calls(run: Callable[[], object], name: str) -> list[tuple[Any, Any]]:
    """The first two arguments of each Python-level call to a function named `name`."""
    seen: list[tuple[Any, Any]] = []

    def hook(frame: FrameType, event: str, arg: Any) -> None:
        if event == "call" and frame.f_code.co_name == name:
            names = frame.f_code.co_varnames[: min(2, frame.f_code.co_argcount)]
            args = [frame.f_locals[a] for a in names]
            seen.append((args[0], args[1] if len(args) > 1 else None))

    sys.setprofile(hook)
    try:
        run()
    finally:
        sys.setprofile(None)
    return seen


@pytest.mark.parametrize("text", TEXTS)
def test_article_keys_give_the_answer_of_testing_every_key(text: str) -> None:
    low = lx.lower(text)
    keys = ArticleKeys(low, scripts(low), olenivka=False)
    assert keys.irrealis == any(k in low for k in ir.IRREALIS_KEYS)
    assert keys.helpless == any(k in low for k in ir.HELPLESS_KEYS)
    assert keys.finish == any(k in low for k in ir.FINISH_KEYS)
    assert keys.charge == any(k in low for k in ir.CHARGE_KEYS)
    assert keys.fiction == any(k in low for k in ir.FICTION_KEYS)
    assert keys.denial == tuple(k for k in ir.DENIAL_KEYS if k in low)
    assert keys.with_olenivka(True).fiction == keys.fiction


def test_article_keys_are_checked_only_when_a_rule_asks_and_once() -> None:
    # a plain statement: no suppressor cue, so the fiction keys are never looked for
    title = "Russian troops shot two captured Ukrainian soldiers near Robotyne"
    text = "Both men were captured soldiers. The soldiers were killed after capture."
    calls = _calls(lambda: analyse(title, text + " (1)"), "any_in")
    assert classify(title, text).flagged
    per_article = [keys for keys, low in calls if "\n" in low]  # title + "\n" + text
    assert fa.FICTION not in per_article
    assert len(per_article) == len(set(map(id, per_article)))  # each family once per article
    assert {id(fa.HELPLESS), id(fa.FINISH)} <= set(map(id, per_article))


def test_a_denial_key_that_blanks_nothing_does_not_rescan_the_killing_cues() -> None:
    title = "Russian troops shot two captured Ukrainian soldiers, a war crime, officials say"
    scanned = _scans_list(lambda: analyse(title, ""))
    assert classify(title, "").flagged
    assert ir.DENIAL_MASKS.en in scanned  # "crime" is a denial key: the masks were looked for
    assert scanned.count(lx.KILL_EXEC.en) == 1
    denied = "Russian troops could face execution if they shot captured Ukrainian soldiers"
    scanned = _scans_list(lambda: analyse(denied, ""))
    assert scanned.count(lx.KILL_EXEC.en) == 2  # something was blanked: look again


def _scans_list(run: Callable[[], object]) -> list[re.Pattern[str]]:
    with _scans() as seen:
        run()
    return list(seen)


def test_extract_reads_each_sentences_places_and_background_once() -> None:
    title = "Russian troops shot two captured Ukrainian soldiers near Robotyne, prosecutors say"
    text = (
        "The men had surrendered near Robotyne in Zaporizhzhia Oblast. "
        "They were shot on the spot near Robotyne, the regional office said. "
        "Earlier, another captive was shot near Bakhmut. "
        "The soldiers came from Kharkiv."
    )
    verdict = classify(title, text)
    assert verdict.flagged
    sentences = analyse(title, text).sentences
    with _scans() as seen:
        facts = extract_facts(title, text, None, None, verdict)
    assert facts.locations
    assert 0 < seen.count(ex.BACKGROUND.plain) <= len(sentences)
    calls = _calls(lambda: extract_facts(title, text, None, None, verdict), "hits")
    scene_tests = [s for s, _ in calls if isinstance(s, str)]  # scene.hits, not the memo's
    assert scene_tests
    assert len(scene_tests) == len(set(scene_tests))


def test_every_casualty_list_holds_two_stems_and_killed_and_captured_its_keys() -> None:
    """classify._mask scans for these only when the literals are there."""
    examples = [
        "12 soldiers killed, wounded or captured in the assault",
        "the brigade lost men: dead, injured, missing",
        "вбиті, поранені, зниклих безвісти",
        "убиты, ранены, взяты в плен",
        "troops killed 200 soldiers and captured 12",
        "знищили 30 окупантів і взяли в полон ще трьох",
        "ликвидировали группу и пленили двоих",
    ]
    lists = pairs = 0
    killed, captured = lx.KILLED_AND_CAPTURED_KEYS
    for s in [*examples, *SENTENCES]:
        for m in lx.CASUALTY_LIST.finditer(s):
            lists += 1
            assert sum(m.group().count(k) for k in lx.CASUALTY_STEMS) >= 2, (m.group(), s)
        for m in lx.KILLED_AND_CAPTURED.finditer(s):
            pairs += 1
            assert any(k in m.group() for k in killed), (m.group(), s)
            assert any(k in m.group() for k in captured), (m.group(), s)
    assert lists >= 4 and pairs >= 3


def test_a_sentence_without_the_literals_skips_the_list_and_prisoner_scans() -> None:
    title = "Russian troops shot two captured Ukrainian soldiers near Robotyne"
    scanned = _scanned(lambda: analyse(title, ""))
    assert classify(title, "").flagged
    for rx in (lx.CASUALTY_LIST, lx.KILLED_AND_CAPTURED, lx.PRISONER_CONTEXT.en, ir.CONVICTS.en):
        assert rx not in scanned
    listed = "Two soldiers were killed or captured, and prisoners of war were shot"
    scanned = _scanned(lambda: analyse(listed, ""))
    assert lx.CASUALTY_LIST in scanned and lx.PRISONER_CONTEXT.en in scanned


def test_headline_cues_are_read_only_when_a_statement_asks() -> None:
    # a strong captive cue: only the history and fiction headline cues can suppress it
    title = "Russian troops shot two captured Ukrainian soldiers near Robotyne"
    scanned = _scanned(lambda: analyse(title, "The prosecutors opened a case."))
    assert classify(title, "").flagged
    assert lx.HISTORY.both in scanned and ir.FICTION.both in scanned
    for cue in (lx.CIVILIAN, lx.CAPTIVE_VERBAL, lx.OWN_SIDE):
        assert cue.both not in scanned
    # a verbal captive cue only: the civilian, own-side and accused cues are asked too
    title = "Soldiers who surrendered near Robotyne were shot, prosecutors say"
    scanned = _scanned(lambda: analyse(title, "The prosecutors opened a case."))
    assert classify(title, "").flagged
    assert lx.CIVILIAN.both in scanned and lx.CAPTIVE_STRONG.both in scanned


def test_victim_side_skips_the_noun_patterns_whose_nouns_are_absent() -> None:
    captive, adj, _, soldier = sd._SIDE_RX["Ukrainian"]
    scanned = _scanned(lambda: sd.victim_side(["Russian troops shot surrendering Ukrainians"]))
    assert sd.victim_side(["Russian troops shot surrendering Ukrainians"]) == "Ukrainian"
    assert adj.plain in scanned and soldier.plain in scanned
    assert captive.plain not in scanned
    scanned = _scanned(lambda: sd.victim_side(["Russian troops shot Ukrainian POWs"]))
    assert captive.plain in scanned
    assert adj.plain not in scanned and soldier.plain not in scanned


def _one_pass(text: str) -> list[tuple[tuple[int, int], int]]:
    """The authority matches of one case-scoped pattern over every name (the reference)."""
    rx = re.compile(
        r"(?<!\w)(?:"
        + "|".join(
            f"(?P<a{i}>(?{'i' if p.flags & re.IGNORECASE else '-i'}:{p.pattern}))"
            for i, (_, p) in enumerate(au.AUTHORITIES)
        )
        + ")"
    )
    return [(m.span(), int((m.lastgroup or "")[1:])) for m in rx.finditer(text)]


def test_the_folded_authority_passes_find_what_one_pass_finds() -> None:
    for i in au._BLIND:  # lowercasing keeps their meaning (as cue.CaseBlind requires)
        assert not _UNSAFE_ESCAPE.search(au.AUTHORITIES[i][1].pattern)
    examples = [
        "the UN Human Rights Monitoring Mission and the U.N. said; SBU, the AP and BBC",
        "Ukraine's Security Service (SBU) and the Prosecutor General's Office: ОГП, СБУ, ООН",
        "Russia's Defence Ministry, the Russian prosecutor, Следственный комитет (СК), Türk",
        "Volker Turk, VOLKER TÜRK, Office of the UN High Commissioner for Human Rights",
    ]
    found = 0
    texts = [*examples, *TITLES_AND_SENTENCES]
    for s in [*texts, *(t.upper() for t in texts), *(t.swapcase() for t in texts)]:
        expected = _one_pass(s)
        assert [(m.span(), i) for m, i in au._matches(s)] == expected, s
        found += len(expected)
    assert found > len(examples) * 4


def test_the_merged_authority_passes_break_ties_by_list_order() -> None:
    # at one position the name listed first wins, whichever pass it is in
    names = [(re.IGNORECASE, "foo bar"), (0, "Foo"), (re.IGNORECASE, "foo"), (0, "Bar baz")]
    blind = [i for i, (f, _) in enumerate(names) if f]

    def one(indices: list[int], flags: int, lower: bool = False) -> re.Pattern[str]:
        body = "|".join(
            f"(?P<a{i}>{names[i][1].lower() if lower else names[i][1]})" for i in indices
        )
        return re.compile(rf"(?<!\w)(?:{body})", flags)

    reference = re.compile(
        r"(?<!\w)(?:"
        + "|".join(f"(?P<a{i}>(?{'i' if f else '-i'}:{p}))" for i, (f, p) in enumerate(names))
        + ")"
    )
    passes = (one(blind, 0, lower=True), one(blind, re.IGNORECASE))
    cased = one([1, 3], 0)
    for text in ("Foo bar, Foo, foo bar; Bar baz foo", "FOO BAR Bar baz", "foo Bar baz Foo"):
        expected = [(m.span(), int((m.lastgroup or "")[1:])) for m in reference.finditer(text)]
        got = [(m.span(), i) for m, i in au._matches(text, passes, cased)]
        assert got == expected, text
