"""Detector shortcuts (issue 15): each skips a regex scan only when the scan could not match.

The shortcuts must not change a verdict; these tests pin the invariants they rely on and that
the dear scans are in fact skipped (counted with a profile hook, no mocks).
"""

from __future__ import annotations

import re
import sys

import pytest

from bot.detect import custody
from bot.detect import extract as ex
from bot.detect import irrealis as ir
from bot.detect import lexicon as lx
from bot.detect import narrative as nr
from bot.detect import quantities as qu
from bot.detect import scene as sc
from bot.detect import side as sd
from bot.detect.boilerplate import strip_boilerplate
from bot.detect.classify import _IMPLIED, analyse, classify
from bot.detect.cue import CaseBlind, Cue, Keys, fold, scripts, union
from bot.detect.dates import incident_dates, mask_dates
from bot.detect.extract import extract_facts
from bot.detect.suppressors import ANY_SUPPRESSOR
from tests.detect_scans import SENTENCES, TEXTS, TITLES_AND_SENTENCES
from tests.detect_scans import scanned as _scanned
from tests.detect_scans import scans as _scans

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
    members = [lx.DEATH_PENALTY, lx.CIVILIAN, lx.HISTORY, ir.FICTION, custody.NO_QUARTER]
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
    assert custody.NO_QUARTER.en not in scanned
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
    nr.FINDING,
    sc._NOT_SCENE,
    sc._MOVEMENT,
    sc._MOTIVE,
    sc._BORDER,
    nr.RECAP_TITLE,
    nr.MONTH_OR_YEAR,
    qu._VAGUE,
    qu._AGGREGATE,
    qu._SINGLE,
]


@pytest.mark.parametrize("rx", CASE_BLIND, ids=lambda rx: rx.blind.pattern[:30])
def test_the_plain_twin_finds_what_the_case_blind_pattern_finds(rx: CaseBlind) -> None:
    texts = TITLES_AND_SENTENCES
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
