"""`python -m bot classify [--render] [FILE]`: JSON Lines in (FILE or stdin), one verdict line
out per input, or with --render the channel alert each flagged line would produce.

Exit status: 0 all lines fine, 1 some lines bad (each gets an {"line", "error"} line), 2 when
FILE cannot be opened.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Iterable, Iterator
from datetime import UTC, date, datetime
from typing import IO, Any

from bot.alerts.render import render_alert, to_plain
from bot.cli.common import Parser
from bot.detect import classify, extract_facts, summarize
from bot.models import Evidence, Facts, IncidentRecord, StoredArticle

_OPTIONAL_STR = ("url", "lang", "published")


class LineError(ValueError):
    """A line that cannot be classified; the message goes into the error record."""


def _published(raw: object) -> date | None:
    if raw is None or raw == "":
        return None
    if not isinstance(raw, str):
        raise LineError("published must be a string (YYYY-MM-DD or ISO datetime)")
    try:
        if len(raw) == 10:
            return date.fromisoformat(raw)
        return datetime.fromisoformat(raw.replace("Z", "+00:00")).date()
    except ValueError:
        raise LineError(f"published is not a date: {raw[:40]!r}") from None


def _parse(line: str) -> dict[str, Any]:
    try:
        obj = json.loads(line)
    except json.JSONDecodeError as exc:
        raise LineError(f"invalid JSON: {exc.msg} (column {exc.colno})") from None
    if not isinstance(obj, dict):
        raise LineError(f"expected a JSON object, got {type(obj).__name__}")
    for key in ("title", "text", *_OPTIONAL_STR):
        if obj.get(key) is not None and not isinstance(obj[key], str):
            raise LineError(f"{key} must be a string, got {type(obj[key]).__name__}")
    ident = obj.get("id")
    if ident is not None and (isinstance(ident, bool) or not isinstance(ident, str | int)):
        raise LineError(f"id must be a string or an integer, got {type(ident).__name__}")
    if not (obj.get("title") or "").strip() and not (obj.get("text") or "").strip():
        raise LineError("title and text are both missing or empty")
    return obj


def facts_record(facts: Facts) -> dict[str, Any]:
    """Facts as the JSON the classify interface prints (also used by the evaluation script)."""
    return {
        "locations": list(facts.locations),
        "victims": facts.victims,
        "victim_side": facts.victim_side,
        "incident_date": facts.incident_date.isoformat() if facts.incident_date else None,
        "source_authority": facts.source_authority,
    }


def classify_record(obj: dict[str, Any]) -> dict[str, Any]:
    """The output record for one parsed input object."""
    title = obj.get("title") or ""
    text = obj.get("text") or ""
    lang = obj.get("lang")
    published = _published(obj.get("published"))
    verdict = classify(title, text, lang)
    facts = Facts()
    summary = ""
    if verdict.flagged:
        facts = extract_facts(title, text, published, lang, verdict)
        summary = summarize(title, text, verdict)
    return {
        "id": obj.get("id"),
        "flagged": verdict.flagged,
        "score": verdict.score,
        "evidence": [{"sentence": e.sentence, "terms": list(e.terms)} for e in verdict.evidence],
        "facts": facts_record(facts),
        "summary": summary,
    }


def render_record(obj: dict[str, Any], record: dict[str, Any], n: int) -> str:
    """The alert text (plain, as terminal mode prints it) a flagged input line would post; the
    incident number is the line number, as nothing is stored."""
    published = _published(obj.get("published"))
    when = datetime.combine(published, datetime.min.time(), UTC) if published else None
    raw = record["facts"]
    facts = Facts(
        locations=tuple(raw["locations"]),
        victims=raw["victims"],
        victim_side=raw["victim_side"],
        incident_date=date.fromisoformat(raw["incident_date"]) if raw["incident_date"] else None,
        source_authority=raw["source_authority"],
    )
    title = obj.get("title") or ""
    article = StoredArticle(
        id=n,
        title=title or (obj.get("text") or "")[:120],
        link=obj.get("url") or "",
        feed_name="(classify)",
        published=when,
        fetched_at=when or datetime.now(UTC),
        language=obj.get("lang"),
        flagged=True,
        score=record["score"],
        summary=record["summary"],
        evidence=tuple(Evidence(e["sentence"], tuple(e["terms"])) for e in record["evidence"]),
        facts=facts,
        incident_id=n,
    )
    incident = IncidentRecord(n, article.title, facts, when, when, None)
    return to_plain(render_alert(incident, [article]))


def _lines(stream: Iterable[str | bytes]) -> Iterator[tuple[int, str | None]]:
    """(line number, text) pairs; text is None when a line is not valid UTF-8."""
    for n, raw in enumerate(stream, start=1):
        if isinstance(raw, bytes):
            try:
                yield n, raw.decode("utf-8")
            except UnicodeDecodeError:
                yield n, None
        else:
            yield n, raw


def run(stream: Iterable[str | bytes], out: IO[str], err: IO[str], *, render: bool = False) -> int:
    """Classify every line of stream; return 0 if all were fine, 1 if any was bad."""
    bad = 0
    write: Callable[[int, dict[str, Any], dict[str, Any]], None] = _write_json(out)
    if render:
        write = _write_alert(out)
    for n, line in _lines(stream):
        if line is not None and not line.strip():
            continue  # blank lines (a trailing newline, spacing) are not records
        try:
            if line is None:
                raise LineError("line is not valid UTF-8")
            obj = _parse(line.lstrip("\ufeff"))
            record = classify_record(obj)
        except LineError as exc:
            bad += 1
            obj, record = {}, {"line": n, "error": str(exc)}
            err.write(f"classify: line {n}: {exc}\n")
        write(n, obj, record)
    out.flush()
    return 1 if bad else 0


def _write_json(out: IO[str]) -> Callable[[int, dict[str, Any], dict[str, Any]], None]:
    def write(n: int, obj: dict[str, Any], record: dict[str, Any]) -> None:
        out.write(json.dumps(record, ensure_ascii=False) + "\n")

    return write


def _write_alert(out: IO[str]) -> Callable[[int, dict[str, Any], dict[str, Any]], None]:
    def write(n: int, obj: dict[str, Any], record: dict[str, Any]) -> None:
        if record.get("flagged"):
            ident = f", id {record['id']}" if record.get("id") is not None else ""
            out.write(
                f"===== ALERT for line {n}{ident} =====\n{render_record(obj, record, n)}\n\n"
            )
        elif "error" not in record:
            out.write(f"line {n}: not flagged (score {record['score']:.2f})\n")

    return write


def main(
    argv: list[str] | None = None, stdin: IO[Any] | None = None, stdout: IO[str] | None = None
) -> int:
    """Entry point for `python -m bot classify [FILE]`."""
    parser = Parser(
        prog="python -m bot classify",
        description="Classify JSON Lines news items (fields: id, title, text, url, published, "
        "lang); write one JSON verdict (flagged, score, evidence, facts, summary) per line.",
    )
    parser.add_argument("file", nargs="?", default="-", help="JSON Lines file (default: stdin)")
    parser.add_argument(
        "--render",
        action="store_true",
        help="instead of JSON, print the channel alert each flagged line would produce",
    )
    args = parser.parse_args(argv)
    out = stdout if stdout is not None else sys.stdout
    err = sys.stderr
    if args.file == "-":
        source = stdin if stdin is not None else getattr(sys.stdin, "buffer", sys.stdin)
        return run(source, out, err, render=args.render)
    try:
        handle = open(args.file, "rb")  # noqa: SIM115 - closed below, errors reported as 2
    except OSError as exc:
        err.write(f"classify: cannot open {args.file}: {exc.strerror or exc}\n")
        return 2
    with handle:
        return run(handle, out, err, render=args.render)
