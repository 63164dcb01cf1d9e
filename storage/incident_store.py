"""Incidents in SQLite: place a flagged article (twin, match or new), explain merges, split.

The matching itself is pure (bot.incidents.cluster); this module loads the bounded candidate
window, persists each incident's merged view as JSON and queues the alert, inside the
caller's transaction.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

import sqlite_utils

from bot.incidents.cluster import (
    IncidentView,
    candidate_window,
    is_ambiguous,
    is_recap,
    merge_facts,
    new_incident,
    rank_incidents,
    view_facts,
)
from bot.incidents.dedup import Signature, content_signature, signature_from_bytes
from bot.models import Article, Facts, IncidentRecord, StoredArticle
from storage import dedup_index
from storage.outbox import Outbox
from storage.records import article_from_row, from_iso, iso


@dataclass(frozen=True, slots=True)
class Placement:
    """Where a flagged article went and why."""

    incident_id: int
    is_new: bool
    reasons: tuple[str, ...] = ()
    duplicate_of: int | None = None


def view_to_json(view: IncidentView) -> str:
    return json.dumps(
        {
            "locations": list(view.locations),
            "victims": view.victims,
            "victim_side": view.victim_side,
            "incident_date": view.incident_date.isoformat() if view.incident_date else None,
            "first_published": view.first_published.isoformat() if view.first_published else None,
            "latest_published": (
                view.latest_published.isoformat() if view.latest_published else None
            ),
            "signatures": [s.digest.hex() for s in view.signatures],
            "titles": list(view.titles),
            "victim_claims": list(view.victim_claims),
            "source_authority": view.source_authority,
            "is_recap": view.is_recap,
            "reports": view.reports,
            "copies_only": view.copies_only,
        },
        ensure_ascii=False,
    )


def _day(value: Any) -> date | None:
    return date.fromisoformat(value) if value else None


def view_from_json(incident_id: int, raw: str) -> IncidentView:
    data = json.loads(raw)
    return IncidentView(
        id=incident_id,
        locations=tuple(data["locations"]),
        victims=data["victims"],
        victim_side=data["victim_side"],
        incident_date=_day(data["incident_date"]),
        first_published=_day(data["first_published"]),
        latest_published=_day(data["latest_published"]),
        signatures=tuple(Signature(bytes.fromhex(s)) for s in data["signatures"]),
        titles=tuple(data["titles"]),
        victim_claims=tuple(data["victim_claims"]),
        source_authority=data["source_authority"],
        is_recap=bool(data["is_recap"]),
        reports=int(data["reports"]),
        copies_only=bool(data.get("copies_only", False)),
    )


class Incidents:
    """Incident placement, repair and look-ups. Writers: the caller holds the transaction."""

    def __init__(self, db: sqlite_utils.Database, outbox: Outbox) -> None:
        self.db = db
        self.outbox = outbox

    def incident(self, incident_id: int) -> IncidentRecord | None:
        row = self.db.execute(
            "select id, title, locations, victims, victim_side, incident_date, "
            "source_authority, first_published, last_published, message_id "
            "from incidents where id = ?",
            [incident_id],
        ).fetchone()
        if row is None:
            return None
        facts = Facts(
            locations=tuple(json.loads(row[2] or "[]")),
            victims=row[3],
            victim_side=row[4],
            incident_date=date.fromisoformat(row[5]) if row[5] else None,
            source_authority=row[6],
        )
        return IncidentRecord(
            row[0], row[1] or "", facts, from_iso(row[7]), from_iso(row[8]), row[9]
        )

    def incident_articles(self, incident_id: int) -> list[StoredArticle]:
        sql = (
            "select * from articles where incident_id = ? order by coalesce(published, fetched_at)"
        )
        return [article_from_row(r) for r in self.db.query(sql, [incident_id])]

    def _candidates(self, published: date) -> list[IncidentView]:
        start, end = candidate_window(published)
        rows = self.db.execute(
            "select id, view from incidents where view is not null and is_recap = 0 "
            "and last_published between ? and ?",
            [start.isoformat(), end.isoformat() + "T23:59:59"],
        ).fetchall()
        return [view_from_json(r[0], r[1]) for r in rows]

    def _view(self, incident_id: int) -> IncidentView | None:
        row = self.db.execute("select view from incidents where id = ?", [incident_id]).fetchone()
        return view_from_json(incident_id, row[0]) if row and row[0] else None

    def _save_view(self, view: IncidentView, title: str | None = None) -> None:
        facts = view_facts(view)
        self.db.conn.execute(
            "update incidents set view = ?, locations = ?, victims = ?, victim_side = ?, "
            "incident_date = ?, source_authority = ?, first_published = ?, last_published = ?, "
            "is_recap = ?, title = coalesce(?, title) where id = ?",
            [
                view_to_json(view),
                json.dumps(list(facts.locations), ensure_ascii=False),
                facts.victims,
                facts.victim_side,
                facts.incident_date.isoformat() if facts.incident_date else None,
                facts.source_authority,
                view.first_published.isoformat() if view.first_published else None,
                view.latest_published.isoformat() if view.latest_published else None,
                int(view.is_recap),
                title,
                view.id,
            ],
        )

    def _create_incident(self, view_of: Any, title: str, now: datetime) -> int:
        cur = self.db.conn.execute(
            "insert into incidents (created_at, title) values (?, ?)", [iso(now), title]
        )
        incident_id = int(cur.lastrowid or 0)
        self._save_view(view_of(incident_id), title)
        return incident_id

    def _twins(
        self, sig: Signature, article_id: int, facts: Facts
    ) -> dict[int, tuple[int, float]]:
        """Incident id -> (stored article, similarity) of the closest copy in it.

        A copy states the same count and day (or none, like the report): a release of the same
        template about another count or day is a sibling, not a copy.
        """
        day = facts.incident_date.isoformat() if facts.incident_date else None
        twins: dict[int, tuple[int, float]] = {}
        for twin_id, score in dedup_index.near_duplicates(self.db, sig, exclude=article_id):
            row = self.db.execute(
                "select incident_id, victims, incident_date from articles where id = ?",
                [twin_id],
            ).fetchone()
            is_copy = row is not None and (row[1], row[2]) == (facts.victims, day)
            if row and row[0] and row[0] not in twins and is_copy:
                twins[int(row[0])] = (twin_id, score)
        return twins

    def place_article(self, article: Article, article_id: int, now: datetime) -> Placement:
        """Join the incident whose facts agree best (a copy's text counts as evidence), else
        start one: a recap, a report no incident fits, or one that fits two about equally."""
        entry, facts = article.entry, article.facts
        published = (entry.published or now).date()
        sig = (
            signature_from_bytes(article.signature)
            if article.signature
            else content_signature(entry.title, entry.text)
        )
        recap = is_recap(entry.title, facts)
        # Template releases ("occupiers shot N POWs near X") read alike for different towns
        # and counts: the text is evidence, the facts decide (match_incident's vetoes).
        twins = self._twins(sig, article_id, facts)
        placement: Placement | None = None
        ambiguous = False
        why: tuple[str, ...] = ("recap: kept apart",) if recap else ()
        if recap:  # a copy of a recap joins that recap; nothing else joins or is joined
            for incident_id, (twin_id, score) in twins.items():
                if (view := self._view(incident_id)) is not None and view.is_recap:
                    reason = f"near-duplicate text of report {twin_id} ({score:.2f})"
                    placement = Placement(incident_id, False, (reason,), duplicate_of=twin_id)
                    break
        else:
            candidates = {v.id: v for v in self._candidates(published)}
            for incident_id in twins.keys() - candidates.keys():
                if (view := self._view(incident_id)) is not None and not view.is_recap:
                    candidates[incident_id] = view
            near = {i: score for i, (_, score) in twins.items()}
            found = rank_incidents(
                facts, entry.title, entry.text, published, list(candidates.values()), sig, near
            )
            ambiguous = is_ambiguous(found)
            match = found[0] if found and not ambiguous else None
            if ambiguous:
                ids = " and ".join(str(m.incident_id) for m in found[:2])
                why = (f"ambiguous: fits incidents {ids} about equally; kept apart",)
            if match is not None:
                twin = twins.get(match.incident_id)
                placement = Placement(
                    match.incident_id, False, match.reasons, twin[0] if twin else None
                )
        if placement is not None and (view := self._view(placement.incident_id)) is not None:
            self._save_view(merge_facts(view, facts, entry.title, published, sig))
        else:
            incident_id = self._create_incident(
                lambda i: new_incident(i, facts, entry.title, published, sig, recap, ambiguous),
                entry.title,
                now,
            )
            placement = Placement(incident_id, True, why)
        dedup_index.add(self.db, article_id, sig)
        self.db.conn.execute(
            "update articles set incident_id = ?, duplicate_of = ?, merge_reasons = ? "
            "where id = ?",
            [
                placement.incident_id,
                placement.duplicate_of,
                json.dumps(list(placement.reasons), ensure_ascii=False),
                article_id,
            ],
        )
        return placement

    def _rebuild_view(self, incident_id: int) -> None:
        """Recompute an incident's view from the articles it still has, in published order."""
        rows = self.db.execute(
            "select a.title, a.text, a.published, a.fetched_at, a.locations, a.victims, "
            "a.victim_side, a.incident_date, a.source_authority, s.sig from articles a "
            "left join article_signatures s on s.article_id = a.id where a.incident_id = ? "
            "order by coalesce(a.published, a.fetched_at), a.id",
            [incident_id],
        ).fetchall()
        view: IncidentView | None = None
        for title, text, published, fetched, locations, victims, side, day, source, blob in rows:
            facts = Facts(
                locations=tuple(json.loads(locations or "[]")),
                victims=victims,
                victim_side=side,
                incident_date=_day(day),
                source_authority=source,
            )
            when = date.fromisoformat((published or fetched)[:10])
            sig = signature_from_bytes(blob) if blob else content_signature(title, text)
            if view is None:
                view = new_incident(incident_id, facts, title, when, sig)
            else:
                view = merge_facts(view, facts, title, when, sig)
        if view is not None:
            self._save_view(view, view.titles[0])

    def split_article(self, article_id: int, now: datetime, *, alert: bool = True) -> int | None:
        """Take a wrongly merged article out into an incident of its own; return its id."""
        with self.db.conn:
            row = self.db.execute(
                "select incident_id, title from articles where id = ? and flagged = 1",
                [article_id],
            ).fetchone()
            if row is None or row[0] is None:
                return None
            old_id, title = row
            others = self.db.execute(
                "select count(*) from articles where incident_id = ? and id != ?",
                [old_id, article_id],
            ).fetchone()[0]
            if others == 0:
                return int(old_id)  # already alone
            cur = self.db.conn.execute(
                "insert into incidents (created_at, title) values (?, ?)", [iso(now), title]
            )
            new_id = int(cur.lastrowid or 0)
            self.db.conn.execute(
                "update articles set incident_id = ?, duplicate_of = null, merge_reasons = ? "
                "where id = ?",
                [new_id, json.dumps([f"split from incident {old_id} by an admin"]), article_id],
            )
            self._rebuild_view(new_id)
            self._rebuild_view(old_id)
            if alert:
                self.outbox.queue_alert(old_id, "update", now)
                self.outbox.queue_alert(new_id, "new", now)
            return new_id
