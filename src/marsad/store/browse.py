"""Paged reads for the HTTP API and dashboard, on top of :class:`Repository`'s connection.

:mod:`marsad.store.repository` answers the command line (whole result lists); a dashboard
needs pages with totals, a few more event filters (CAMEO root, place, outlet, article) and
aggregates for its charts. These are read-only queries over the same schema, kept here so
that SQL stays inside :mod:`marsad.store`. Every value is a bound parameter.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from marsad.store.repository import EVENT_SELECT, Repository
from marsad.store.search import parse_query

__all__ = [
    "EventFilter",
    "articles_page",
    "events_page",
    "event_aggregates",
    "entities_page",
    "search_total",
]


@dataclass(frozen=True, slots=True)
class EventFilter:
    """Event filters; ``actor`` is a CAMEO code prefix, ``cameo`` a code prefix (root "19")."""

    actor: str | None = None
    country: str | None = None  # ISO3 of the source, target or place
    plover: str | None = None
    cameo: str | None = None
    since: str | None = None
    until: str | None = None
    location: str | None = None  # part of the place name, or its entity key
    outlet: str | None = None  # part of the outlet name
    article: str | None = None  # document id

    def where(self) -> tuple[str, list[Any]]:
        cond: list[str] = []
        params: list[Any] = []
        if self.actor:
            cond.append("(e.source_actor LIKE ? ESCAPE '\\' OR e.target_actor LIKE ? ESCAPE '\\')")
            params += [_prefix(self.actor.upper())] * 2
        if self.country:
            cond.append("(? IN (e.source_country, e.target_country, e.location_country))")
            params.append(self.country.upper())
        if self.plover:
            cond.append("e.plover = ?")
            params.append(self.plover.upper())
        if self.cameo:
            cond.append("e.cameo LIKE ? ESCAPE '\\'")
            params.append(_prefix(self.cameo))
        if self.since:
            cond.append("e.date >= ?")
            params.append(self.since)
        if self.until:
            cond.append("e.date <= ?")
            params.append(self.until)
        if self.location:
            cond.append("(e.location_key = ? OR e.location_name LIKE ? ESCAPE '\\')")
            params += [self.location, _contains(self.location)]
        if self.outlet:
            cond.append("d.outlet LIKE ? ESCAPE '\\'")
            params.append(_contains(self.outlet))
        if self.article:
            cond.append("d.id = ?")
            params.append(self.article)
        return (" WHERE " + " AND ".join(cond)) if cond else "", params


def _escape(s: str) -> str:
    return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _prefix(s: str) -> str:
    return _escape(s) + "%"


def _contains(s: str) -> str:
    return "%" + _escape(s) + "%"


def events_page(
    repo: Repository, f: EventFilter, *, limit: int | None, offset: int = 0
) -> tuple[list[dict[str, Any]], int]:
    """Matching event rows (newest first) and how many match in all."""
    where, params = f.where()
    total = int(
        repo.db.execute(
            "SELECT count(*) FROM events e JOIN documents d ON d.n = e.doc" + where, params
        ).fetchone()[0]
    )
    sql = EVENT_SELECT + where + " ORDER BY e.date IS NULL, e.date DESC, d.n DESC, e.trigger_start"
    args = list(params)
    if limit is not None:
        sql += " LIMIT ? OFFSET ?"
        args += [limit, offset]
    return [dict(r) for r in repo.db.execute(sql, args)], total


def event_aggregates(repo: Repository, f: EventFilter) -> dict[str, list[dict[str, Any]]]:
    """Grouped counts for the charts: per (date, type), per (source, target, type), per place."""
    where, params = f.where()
    base = " FROM events e JOIN documents d ON d.n = e.doc" + where
    by_date = [
        dict(r)
        for r in repo.db.execute(
            f"SELECT e.date, e.plover, count(*) AS n {base} GROUP BY e.date, e.plover", params
        )
    ]
    pairs = [
        dict(r)
        for r in repo.db.execute(
            "SELECT e.source_key, e.target_key, e.plover, count(*) AS n, "
            "max(e.source_name) AS source_name, max(e.target_name) AS target_name, "
            "max(e.source_actor) AS source_actor, max(e.target_actor) AS target_actor "
            f"{base} {'AND' if where else 'WHERE'} e.source_key IS NOT NULL AND e.target_key IS NOT NULL "
            "GROUP BY e.source_key, e.target_key, e.plover",
            params,
        )
    ]
    places = [
        dict(r)
        for r in repo.db.execute(
            "SELECT e.location_key, max(e.location_name) AS location_name, "
            f"max(e.location_country) AS location_country, count(*) AS n {base} "
            f"{'AND' if where else 'WHERE'} (e.location_key IS NOT NULL OR e.location_name IS NOT NULL) "
            "GROUP BY coalesce(e.location_key, e.location_name)",
            params,
        )
    ]
    return {"by_date": by_date, "pairs": pairs, "places": places}


def articles_page(
    repo: Repository, *, limit: int, offset: int = 0
) -> tuple[list[dict[str, Any]], int]:
    """Stored articles, newest publication first, with their event and entity counts."""
    total = int(repo.db.execute("SELECT count(*) FROM documents").fetchone()[0])
    rows = repo.db.execute(
        """
        SELECT d.id, d.url, d.outlet, d.published, d.duplicate_of, substr(d.text, 1, 400) AS head,
               (SELECT count(*) FROM events e WHERE e.doc = d.n) AS events,
               (SELECT count(*) FROM entities x WHERE x.doc = d.n) AS entities
        FROM documents d
        ORDER BY d.published IS NULL, d.published DESC, d.n DESC
        LIMIT ? OFFSET ?
        """,
        (limit, offset),
    )
    return [dict(r) for r in rows], total


def article_summaries(repo: Repository, ids: list[str]) -> dict[str, dict[str, Any]]:
    """Head of the text and counts for the given document ids (for search hits)."""
    if not ids:
        return {}
    marks = ",".join("?" * len(ids))
    rows = repo.db.execute(
        f"""
        SELECT d.id, substr(d.text, 1, 400) AS head,
               (SELECT count(*) FROM events e WHERE e.doc = d.n) AS events,
               (SELECT count(*) FROM entities x WHERE x.doc = d.n) AS entities
        FROM documents d WHERE d.id IN ({marks})
        """,
        ids,
    )
    return {r["id"]: dict(r) for r in rows}


def search_total(repo: Repository, query: str, *, include_duplicates: bool = False) -> int:
    """How many documents :meth:`Repository.search` can return for ``query``."""
    where = "" if include_duplicates else " AND d.duplicate_of IS NULL"
    row = repo.db.execute(
        "SELECT count(*) FROM search JOIN documents d ON d.n = search.rowid WHERE search MATCH ?"
        + where,
        (parse_query(query).fts(),),
    ).fetchone()
    return int(row[0])


def entities_page(
    repo: Repository,
    *,
    type: str | None = None,
    country: str | None = None,
    name: str | None = None,
    limit: int,
    offset: int = 0,
) -> tuple[list[dict[str, Any]], int]:
    """Entities across the corpus (grouped as :meth:`Repository.entities` groups them), paged."""
    cond: list[str] = []
    params: list[Any] = []
    if type:
        cond.append("type = ?")
        params.append(type.upper())
    if country:
        cond.append("country = ?")
        params.append(country.upper())
    if name:
        cond.append("(canonical LIKE ? ESCAPE '\\' OR actor = ?)")
        params += [_contains(name), name.upper()]
    where = (" WHERE " + " AND ".join(cond)) if cond else ""
    total = int(
        repo.db.execute(f"SELECT count(DISTINCT key) FROM entities{where}", params).fetchone()[0]
    )
    rows = repo.db.execute(
        f"""
        SELECT key, type, max(canonical) AS canonical, max(country) AS country,
               max(actor) AS actor, max(kb_id) AS kb_id,
               count(DISTINCT doc) AS articles, sum(mentions) AS mentions
        FROM entities{where}
        GROUP BY key ORDER BY articles DESC, mentions DESC, key
        LIMIT ? OFFSET ?
        """,
        [*params, limit, offset],
    )
    return [dict(r) for r in rows], total
