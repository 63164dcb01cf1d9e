"""`python -m bot classify`: JSON Lines in, one verdict (or error) line out per input line."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from bot.cli.classify import main

POSITIVE = {
    "id": "p1",
    "title": "Russian troops executed four Ukrainian POWs near Siversk, prosecutors say",
    "text": "The killing happened on Feb. 3, the Donetsk Oblast prosecutor's office said.",
    "url": "https://example.org/a?utm_source=x",
    "published": "2025-02-05T10:00:00Z",
    "lang": "en",
}
NEGATIVE = {"id": 7, "title": "Ukraine and Russia swap 90 prisoners of war", "text": ""}


def _run(lines: list[str], argv: list[str] | None = None) -> tuple[int, list[dict[str, object]]]:
    out = io.StringIO()
    code = main(argv or [], stdin=io.StringIO("\n".join(lines) + "\n"), stdout=out)
    return code, [json.loads(line) for line in out.getvalue().splitlines()]


def test_good_lines_give_verdicts_and_exit_zero() -> None:
    code, rows = _run([json.dumps(POSITIVE), json.dumps(NEGATIVE)])
    assert code == 0
    pos, neg = rows
    assert pos["id"] == "p1"
    assert pos["flagged"] is True
    assert 0.5 <= float(pos["score"]) <= 1.0  # type: ignore[arg-type]
    assert pos["evidence"][0]["terms"]  # type: ignore[index]
    assert pos["facts"] == {
        "locations": ["Siversk"],
        "victims": 4,
        "victim_side": "Ukrainian",
        "incident_date": "2025-02-03",
        "source_authority": "Prosecutor General's Office",
    }
    assert "executed four Ukrainian POWs" in str(pos["summary"])
    assert neg["id"] == 7
    assert neg["flagged"] is False
    assert neg["evidence"] == []
    assert neg["summary"] == ""
    assert neg["facts"] == {
        "locations": [],
        "victims": None,
        "victim_side": None,
        "incident_date": None,
        "source_authority": None,
    }


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("{not json", "invalid JSON"),
        ("[1, 2]", "expected a JSON object"),
        ('"just a string"', "expected a JSON object"),
        ('{"id": "x", "title": "", "text": "  "}', "title and text are both missing or empty"),
        ('{"id": "x"}', "title and text are both missing or empty"),
        ('{"id": "x", "title": 5, "text": "t"}', "title must be a string"),
        ('{"id": "x", "title": "t", "text": ["a"]}', "text must be a string"),
        ('{"id": [1], "title": "t"}', "id must be a string or an integer"),
        ('{"id": "x", "title": "t", "published": "yesterday"}', "published is not a date"),
        ('{"id": "x", "title": "t", "lang": 3}', "lang must be a string"),
    ],
)
def test_bad_line_gets_an_error_record_and_the_run_goes_on(
    line: str, message: str, capsys: pytest.CaptureFixture[str]
) -> None:
    code, rows = _run([json.dumps(NEGATIVE), line, json.dumps(POSITIVE)])
    assert code == 1
    assert [r.get("id") for r in (rows[0], rows[2])] == [7, "p1"]
    assert rows[1]["line"] == 2
    assert message in str(rows[1]["error"])
    assert "line 2" in capsys.readouterr().err


def test_blank_lines_are_skipped_and_line_numbers_stay_true() -> None:
    code, rows = _run(["", json.dumps(NEGATIVE), "   ", "oops"])
    assert code == 1
    assert rows[0]["id"] == 7
    assert rows[1] == {"line": 4, "error": rows[1]["error"]}


def test_reads_a_file(tmp_path: Path) -> None:
    path = tmp_path / "items.jsonl"
    path.write_bytes(
        (json.dumps(POSITIVE, ensure_ascii=False) + "\n").encode() + b'{"title": "\xff"}\n'
    )
    out = io.StringIO()
    assert main([str(path)], stdout=out) == 1
    first, second = (json.loads(x) for x in out.getvalue().splitlines())
    assert first["flagged"] is True
    assert second == {"line": 2, "error": "line is not valid UTF-8"}


def test_missing_file_exits_2_with_a_message(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = io.StringIO()
    assert main([str(tmp_path / "nope.jsonl")], stdout=out) == 2
    err = capsys.readouterr().err
    assert "cannot open" in err
    assert "Traceback" not in err
    assert out.getvalue() == ""


def test_cyrillic_is_written_as_text() -> None:
    item = {"id": "u", "title": "Окупанти розстріляли двох полонених біля Кринок", "text": ""}
    out = io.StringIO()
    assert main([], stdin=io.StringIO(json.dumps(item)), stdout=out) == 0
    assert "розстріляли" in out.getvalue()
    assert json.loads(out.getvalue())["facts"]["locations"] == ["Krynky"]


def test_a_reader_that_goes_away_ends_the_run_quietly(tmp_path: Path) -> None:
    # `python -m bot classify < big.jsonl | head -1`: no traceback when head closes the pipe
    import subprocess
    import sys

    big = tmp_path / "big.jsonl"
    big.write_text("\n".join(json.dumps({**POSITIVE, "id": n}) for n in range(3000)) + "\n")
    with (
        big.open("rb") as src,
        subprocess.Popen(
            [sys.executable, "-m", "bot", "classify"],
            stdin=src,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            cwd=Path(__file__).resolve().parent.parent,
        ) as proc,
    ):
        assert proc.stdout is not None and proc.stderr is not None
        first = proc.stdout.readline()
        proc.stdout.close()  # the reader goes away after one verdict
        err = proc.stderr.read().decode()
        code = proc.wait(timeout=120)
    assert json.loads(first)["id"] == 0
    assert "Traceback" not in err and "BrokenPipe" not in err
    assert code == 141
