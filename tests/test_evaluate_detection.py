"""scripts/evaluate_detection.py: figures on a labelled file, clean errors on a bad one."""

from __future__ import annotations

import importlib.util
import json
import sys
from collections.abc import Sequence
from pathlib import Path
from types import ModuleType

import pytest

from scripts import labelled

ROOT = Path(__file__).resolve().parent.parent


def _script() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "evaluate_detection", ROOT / "scripts" / "evaluate_detection.py"
    )
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("evaluate_detection", module)
    spec.loader.exec_module(module)
    return module


ROWS = [
    {
        "id": "a1",
        "lang": "en",
        "label": 1,
        "title": "Russian troops executed three Ukrainian POWs near Toretsk",
        "text": "",
        "published": "2025-03-05",
        "facts": {
            "locations": ["Toretsk"],
            "victims": 3,
            "victim_side": "Ukrainian",
            "incident_date": None,
            "source_authority": None,
        },
    },
    {
        "id": "a2",
        "lang": "uk",
        "label": 0,
        "title": "Обмін полоненими: 90 бійців удома",
        "text": "",
    },
    {
        "id": "a3",
        "lang": "ru",
        "label": 1,
        "title": "Расстреляли пленных под Угледаром",
        "text": "",
        "published": "2025-03-05",
        "facts": {
            "locations": ["Vuhledar"],
            "victims": None,
            "victim_side": None,
            "incident_date": None,
            "source_authority": None,
        },
    },
]


def _write(path: Path, rows: Sequence[object]) -> Path:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), "utf-8")
    return path


def test_reports_scores_per_language_and_fields(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    corpus = _write(tmp_path / "set.jsonl", ROWS)
    assert _script().main([str(corpus), "--summary"]) == 0
    out = capsys.readouterr().out
    assert "3 items, 2 positive" in out
    for line in ("  all         1.000  1.000  1.000", "  en ", "  uk ", "  ru "):
        assert line in out
    assert "  victims            1.000 (2/2)" in out
    assert "event_key" not in out  # detection needs none
    assert "MISS" not in out and "misses" not in out  # --summary: aggregates only


def test_places_found_forgives_an_extra_locator_town(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    row = {**ROWS[0], "title": "Russian troops executed three Ukrainian POWs in Kurdiumivka"}
    row["text"] = "The village of Kurdiumivka lies south of Bakhmut."
    row["facts"] = {**row["facts"], "locations": ["Kurdiumivka"]}  # no locator town
    wider = {**row, "id": "a4", "title": row["title"] + ", near Bakhmut"}
    corpus = _write(tmp_path / "set.jsonl", [row, wider])
    assert _script().main([str(corpus), "--summary"]) == 0
    out = capsys.readouterr().out
    assert "  locations          0.500 (1/2)" in out
    assert "  places found       1.000 (2/2)" in out


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ('{"title": "x", "text": "y"}\n', "line 1: missing id, lang, label"),
        (
            '{"id": "a", "lang": "en", "label": 0, "title": "x", "text": "y"}\nnot json\n',
            "line 2: invalid JSON",
        ),
    ],
)
def test_bad_line_is_one_clear_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], content: str, message: str
) -> None:
    corpus = tmp_path / "bad.jsonl"
    corpus.write_text(content, "utf-8")
    assert _script().main([str(corpus)]) == 2
    err = capsys.readouterr().err
    assert message in err and err.count("\n") == 1 and "Traceback" not in err


def test_missing_file_and_missing_default(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    script = _script()
    assert script.main([str(tmp_path / "absent.jsonl")]) == 2
    assert "no such file" in capsys.readouterr().err
    monkeypatch.setattr(labelled, "DEFAULT", tmp_path / "no-dev.jsonl")
    assert script.main([]) == 2
    assert "no corpus given" in capsys.readouterr().err


def test_a_labels_other_spelling_of_our_place_is_accepted(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # the writer romanized the village another way: the same place, not a miss
    row = {**ROWS[0], "title": "Russian troops executed three Ukrainian POWs near Lyptsi"}
    row["facts"] = {**row["facts"], "locations": ["Liptsi"]}
    other = {
        **row,
        "id": "a5",
        "title": "Russian troops executed three Ukrainian POWs near Lyptsi",
    }
    other["facts"] = {**row["facts"], "locations": ["Vovchansk"]}  # another place stays wrong
    corpus = _write(tmp_path / "set.jsonl", [row, other])
    assert _script().main([str(corpus), "--summary"]) == 0
    assert "  locations          0.500 (1/2)" in capsys.readouterr().out
