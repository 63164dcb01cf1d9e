"""Detector shortcuts, second round (issue 15): lazy article keys and headline cues, literal
gates, per-article memos and the folded authority passes skip only scans that could not match.
"""

from __future__ import annotations

import re

import pytest

from bot.detect import authority as au
from bot.detect import extract as ex
from bot.detect import families as fa
from bot.detect import irrealis as ir
from bot.detect import lexicon as lx
from bot.detect import side as sd
from bot.detect.classify import analyse, classify
from bot.detect.cue import _UNSAFE_ESCAPE, scripts
from bot.detect.extract import extract_facts
from bot.detect.families import ArticleKeys
from tests import detect_scans as ds
from tests.detect_scans import SENTENCES, TEXTS, TITLES_AND_SENTENCES


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
    calls = ds.calls(lambda: analyse(title, text + " (1)"), "any_in")
    assert classify(title, text).flagged
    per_article = [keys for keys, low in calls if "\n" in low]  # title + "\n" + text
    assert fa.FICTION not in per_article
    assert len(per_article) == len(set(map(id, per_article)))  # each family once per article
    assert {id(fa.HELPLESS), id(fa.FINISH)} <= set(map(id, per_article))


def test_a_denial_key_that_blanks_nothing_does_not_rescan_the_killing_cues() -> None:
    title = "Russian troops shot two captured Ukrainian soldiers, a war crime, officials say"
    scanned = ds.scan_list(lambda: analyse(title, ""))
    assert classify(title, "").flagged
    assert ir.DENIAL_MASKS.en in scanned  # "crime" is a denial key: the masks were looked for
    assert scanned.count(lx.KILL_EXEC.en) == 1
    denied = "Russian troops could face execution if they shot captured Ukrainian soldiers"
    scanned = ds.scan_list(lambda: analyse(denied, ""))
    assert scanned.count(lx.KILL_EXEC.en) == 2  # something was blanked: look again


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
    with ds.scans() as seen:
        facts = extract_facts(title, text, None, None, verdict)
    assert facts.locations
    assert 0 < seen.count(ex.BACKGROUND.plain) <= len(sentences)
    calls = ds.calls(lambda: extract_facts(title, text, None, None, verdict), "hits")
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
    scanned = ds.scanned(lambda: analyse(title, ""))
    assert classify(title, "").flagged
    for rx in (lx.CASUALTY_LIST, lx.KILLED_AND_CAPTURED, lx.PRISONER_CONTEXT.en, ir.CONVICTS.en):
        assert rx not in scanned
    listed = "Two soldiers were killed or captured, and prisoners of war were shot"
    scanned = ds.scanned(lambda: analyse(listed, ""))
    assert lx.CASUALTY_LIST in scanned and lx.PRISONER_CONTEXT.en in scanned


def test_headline_cues_are_read_only_when_a_statement_asks() -> None:
    # a strong captive cue: only the history and fiction headline cues can suppress it
    title = "Russian troops shot two captured Ukrainian soldiers near Robotyne"
    scanned = ds.scanned(lambda: analyse(title, "The prosecutors opened a case."))
    assert classify(title, "").flagged
    assert lx.HISTORY.both in scanned and ir.FICTION.both in scanned
    for cue in (lx.CIVILIAN, lx.CAPTIVE_VERBAL, lx.OWN_SIDE):
        assert cue.both not in scanned
    # a verbal captive cue only: the civilian, own-side and accused cues are asked too
    title = "Soldiers who surrendered near Robotyne were shot, prosecutors say"
    scanned = ds.scanned(lambda: analyse(title, "The prosecutors opened a case."))
    assert classify(title, "").flagged
    assert lx.CIVILIAN.both in scanned and lx.CAPTIVE_STRONG.both in scanned


def test_victim_side_skips_the_noun_patterns_whose_nouns_are_absent() -> None:
    captive, adj, _, soldier = sd._SIDE_RX["Ukrainian"]
    scanned = ds.scanned(lambda: sd.victim_side(["Russian troops shot surrendering Ukrainians"]))
    assert sd.victim_side(["Russian troops shot surrendering Ukrainians"]) == "Ukrainian"
    assert adj.plain in scanned and soldier.plain in scanned
    assert captive.plain not in scanned
    scanned = ds.scanned(lambda: sd.victim_side(["Russian troops shot Ukrainian POWs"]))
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
