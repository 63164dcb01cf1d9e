"""Records the Store returns, and their conversions from rows."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any

import sqlite_utils
from sqlite_utils.db import Table

from bot.models import Evidence, Facts, StoredArticle


def table(db: sqlite_utils.Database, name: str) -> Table:
    """A typed handle on a table (db[name] may also be a view, which mypy cannot rule out)."""
    return Table(db, name)


def iso(when: datetime | None) -> str | None:
    return when.astimezone(UTC).isoformat(timespec="seconds") if when else None


def from_iso(value: str | None) -> datetime | None:
    return datetime.fromisoformat(value) if value else None


def sha256(value: str) -> str:
    return hashlib.sha256(value.encode("utf-8")).hexdigest()


@dataclass(frozen=True, slots=True)
class AddResult:
    """What add_article did: stored or not, and the alert it queued, if any."""

    article_id: int | None
    is_new: bool
    alert_id: int | None = None
    incident_id: int | None = None


def _facts_from_row(row: dict[str, Any]) -> Facts:
    return Facts(
        locations=tuple(json.loads(row["locations"] or "[]")),
        victims=row["victims"],
        victim_side=row["victim_side"],
        incident_date=date.fromisoformat(row["incident_date"]) if row["incident_date"] else None,
        source_authority=row["source_authority"],
    )


def article_from_row(row: dict[str, Any]) -> StoredArticle:
    evidence = tuple(
        Evidence(sentence=e["sentence"], terms=tuple(e.get("terms", ())))
        for e in json.loads(row["evidence"] or "[]")
    )
    return StoredArticle(
        id=row["id"],
        title=row["title"],
        link=row["link"] or "",
        feed_name=row["feed_name"] or "",
        published=from_iso(row["published"]),
        fetched_at=from_iso(row["fetched_at"]) or datetime.fromtimestamp(0, UTC),
        language=row["language"],
        flagged=bool(row["flagged"]),
        score=row["score"] or 0.0,
        summary=row["summary"] or "",
        evidence=evidence,
        facts=_facts_from_row(row),
        incident_id=row["incident_id"],
        snippet=row.get("snippet") or "",
        merge_reasons=tuple(json.loads(row.get("merge_reasons") or "[]")),
    )


class StoreError(Exception):
    """The database cannot be opened or written; the message says why in plain words."""
