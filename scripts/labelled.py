"""Read a labelled JSON Lines corpus for the evaluation scripts; bad input is one clear line.

The format (one object per line) is described in eval/README.md; eval/sample.jsonl is a
small example written for this repository.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
DEFAULT = ROOT.parent / "shared" / "corpus" / "dev.jsonl"
SAMPLE = ROOT / "eval" / "sample.jsonl"
ITEM_KEYS = ("id", "lang", "label", "title", "text")
POSITIVE_KEYS = ("published", "facts", "event_key")
FACT_KEYS = ("locations", "victims", "victim_side", "incident_date", "source_authority")


class CorpusError(Exception):
    """The corpus cannot be used; the message names the file, the line and the key."""


def corpus_path(given: str | Path | None) -> Path:
    """The corpus to read: the one given, or the team's default when it exists."""
    if given is not None:
        return Path(given)
    if not DEFAULT.exists():
        raise CorpusError(
            f"no corpus given, and the default {DEFAULT} does not exist; give a labelled "
            f"JSON Lines file, e.g. {SAMPLE.relative_to(ROOT)} (format: eval/README.md)"
        )
    return DEFAULT


def load(path: Path, positive_keys: tuple[str, ...] = POSITIVE_KEYS) -> list[dict[str, Any]]:
    """Every item of a labelled corpus, each checked for the keys the scripts use
    (`positive_keys`: what a positive must carry; detection needs no event_key)."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except FileNotFoundError:
        raise CorpusError(f"{path}: no such file") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise CorpusError(f"{path}: cannot be read ({exc})") from None
    rows: list[dict[str, Any]] = []
    for n, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError as exc:
            raise CorpusError(f"{path}: line {n}: invalid JSON ({exc.msg})") from None
        if not isinstance(row, dict):
            raise CorpusError(f"{path}: line {n}: expected a JSON object")
        need = ITEM_KEYS + (positive_keys if row.get("label") == 1 else ())
        missing = [k for k in need if k not in row]
        if missing:
            raise CorpusError(
                f"{path}: line {n}: missing {', '.join(missing)} — is it labelled? "
                "(format: eval/README.md)"
            )
        if row["label"] not in (0, 1):
            raise CorpusError(f"{path}: line {n}: label must be 0 or 1")
        facts = row.get("facts") or {}
        if row["label"] == 1 and not all(k in facts for k in FACT_KEYS):
            raise CorpusError(f"{path}: line {n}: facts must have {', '.join(FACT_KEYS)}")
        rows.append(row)
    if not rows:
        raise CorpusError(f"{path}: no items")
    return rows
