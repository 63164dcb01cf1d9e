"""The burst scenario at a small size: the generator's truth, the real Store, the figures."""

from __future__ import annotations

import subprocess
import sys

from bench.burst import generate
from bench.burst_score import measure
from tests.processes import ROOT


def test_generator_writes_every_kind_of_report_with_truth() -> None:
    reports = generate(60, seed=2)
    kinds = {r.kind for r in reports}
    assert {"release", "syndicated", "translation", "updated", "follow-up", "recap"} <= kinds
    assert {r.lang for r in reports} == {"en", "uk", "ru"}
    assert len({r.truth for r in reports}) == 61  # sixty incidents and the recap
    assert [r.published for r in reports] == sorted(r.published for r in reports)


def test_small_burst_keeps_towns_apart_and_alerts_each_incident() -> None:
    figures = measure(incidents=60, seed=2)
    assert figures["flagged"] == figures["reports"]
    assert figures["precision"] >= 0.98
    assert figures["recall"] >= 0.85
    assert figures["incidents_with_unrelated_towns"] == 0
    assert figures["max_settlements_in_incident"] == 1
    assert figures["real_incidents_without_one_new_alert"] == 0


def test_python_m_bench_burst_prints_the_figures() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "bench", "burst", "--incidents", "10"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert "precision:" in result.stdout and "recall:" in result.stdout
