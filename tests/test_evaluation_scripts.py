"""The evaluation scripts: a shipped labelled sample, and one clear line instead of tracebacks."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from scripts import labelled
from tests.processes import ROOT

SCRIPTS = ("evaluate_detection.py", "evaluate_clusters.py")


def run(script: str, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(ROOT / "scripts" / script), *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_the_shipped_sample_is_labelled_and_measured() -> None:
    rows = labelled.load(labelled.SAMPLE)
    assert 12 <= len(rows) <= 20 and {r["lang"] for r in rows} == {"en", "uk", "ru"}
    detection = run("evaluate_detection.py", "eval/sample.jsonl")
    assert detection.returncode == 0, detection.stderr
    assert "(14 items, 6 positive)" in detection.stdout
    clusters = run("evaluate_clusters.py", "eval/sample.jsonl", "--quiet")
    assert clusters.returncode == 0, clusters.stderr
    assert "clusters: 3 (gold: 3)" in clusters.stdout


@pytest.mark.parametrize("script", SCRIPTS)
def test_an_unlabelled_or_missing_file_is_one_line(script: str, tmp_path: Path) -> None:
    plain = tmp_path / "plain.jsonl"
    plain.write_text(json.dumps({"id": "x", "title": "t", "text": "u"}) + "\n")
    for path, expected in ((plain, "line 1: missing lang, label"), (tmp_path / "no", "no such")):
        result = run(script, str(path))
        assert result.returncode == 2 and expected in result.stderr, result.stderr
        assert len(result.stderr.splitlines()) == 1


def test_a_missing_default_corpus_points_to_the_sample(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setattr(labelled, "DEFAULT", tmp_path / "absent" / "dev.jsonl")
    with pytest.raises(labelled.CorpusError, match=r"eval/sample\.jsonl"):
        labelled.corpus_path(None)
