"""The corpus store: the only module that runs SQL.

One SQLite file in WAL mode. Writes come from one writer (the process that runs the ingest),
one transaction per batch, so a kill at any moment leaves whole batches stored and nothing
half-written. Documents are upserted by id and pipeline key: a document already stored by the
same pipeline is skipped, one stored by another pipeline is replaced in place (same ``n``, its
children rewritten), so a rerun adds nothing twice.

Readers (search, events, entities, stats, duplicates, stories, article by id) return plain
dicts or frozen dataclasses, ready for the CLI, exports or an HTTP API.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import logging
import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from marsad.errors import MarsadError
from marsad.pipeline import Reject
from marsad.store import dedup as dedup_mod
from marsad.store import records as rec
from marsad.store import stories as stories_mod
from marsad.store.schema import migrate
from marsad.store.search import Snippet, parse_query, snippet

log = logging.getLogger(__name__)

__all__ = ["Repository", "EventQuery", "SearchHit", "WriteCounts", "StoreError"]


class StoreError(MarsadError):
    """The database cannot be opened or is not a Marsad store."""


def _now() -> str:
    return dt.datetime.now(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def pipeline_key(components: Sequence[dict[str, str]]) -> str:
    """A short stable key for a pipeline: its step names and versions, hashed."""
    canon = json.dumps([[c["name"], c["version"]] for c in components], separators=(",", ":"))
    return hashlib.sha256(canon.encode("utf-8")).hexdigest()[:12]


@dataclass(frozen=True, slots=True)
class WriteCounts:
    stored: int = 0  # new documents
    replaced: int = 0  # stored before by another pipeline version, now re-analysed
    skipped: int = 0  # already present with this pipeline version
    rejected: int = 0
    exact_duplicates: int = 0
    near_duplicates: int = 0


@dataclass(frozen=True, slots=True)
class SearchHit:
    id: str
    score: float
    url: str | None
    outlet: str | None
    published: str | None
    duplicate_of: str | None
    copies: int  # other documents pointing to this one as their first copy
    snippet: Snippet

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "score": self.score,
            "url": self.url,
            "outlet": self.outlet,
            "published": self.published,
            "duplicate_of": self.duplicate_of,
            "copies": self.copies,
            "snippet": self.snippet.to_dict(),
        }


@dataclass(frozen=True, slots=True)
class EventQuery:
    """Filters for :meth:`Repository.events`; ``actor`` is a CAMEO code prefix (IRN, IRNGOV)."""

    actor: str | None = None
    country: str | None = None  # ISO 3166 alpha-3 of the source, target or place
    plover: str | None = None
    since: str | None = None  # YYYY-MM-DD, inclusive
    until: str | None = None  # YYYY-MM-DD, inclusive
    story: int | None = None
    doc_id: str | None = None
    include_duplicates: bool = True
    limit: int | None = None
    offset: int = 0


@dataclass
class _Batch:
    counts: dict[str, int] = field(default_factory=lambda: dict.fromkeys(WriteCounts.__slots__, 0))


_DOC_COLUMNS = (
    "id, pipeline, content_hash, text, language, url, outlet, published, path, "
    "duplicate_of, dup_kind, dup_score, layers, minhash, terms, stored_at"
)

_EVENT_COLUMNS = ", ".join(rec.EventRow._fields)
EVENT_SELECT = """
    SELECT d.id AS doc_id, e.id AS event_id, e.plover, e.cameo, e.mode, e.date,
           e.source_actor, e.source_name, e.source_country, e.source_key,
           e.target_actor, e.target_name, e.target_country, e.target_key,
           e.location_name, e.location_country, e.location_key,
           e.trigger_start, e.trigger_end, e.trigger_text, e.sentence_start, e.sentence_end,
           CASE WHEN e.sentence_start IS NULL THEN NULL
                ELSE substr(d.text, e.sentence_start + 1, e.sentence_end - e.sentence_start) END
               AS sentence,
           e.negated, e.modality, e.confidence, e.background, e.coder, e.story,
           d.url, d.outlet, d.published, d.language, d.duplicate_of
    FROM events e JOIN documents d ON d.n = e.doc
"""


class Repository:
    """A Marsad corpus database. Use as a context manager, or call :meth:`close`."""

    def __init__(self, path: str | Path, *, readonly: bool = False) -> None:
        self.path = str(path)
        self.readonly = readonly
        try:
            if readonly:
                if not Path(self.path).exists():
                    raise StoreError(f"no database at {self.path} (run 'marsad ingest' first)")
                uri = Path(self.path).resolve().as_uri() + "?mode=ro"
                self.db = sqlite3.connect(uri, uri=True, isolation_level=None)
            else:
                self.db = sqlite3.connect(self.path, isolation_level=None)
            self.db.row_factory = sqlite3.Row
            self.db.execute("PRAGMA busy_timeout = 30000")
            if not readonly:
                self.db.execute("PRAGMA journal_mode = WAL")
                # WAL + NORMAL: a committed batch survives a killed process (not a power cut)
                self.db.execute("PRAGMA synchronous = NORMAL")
                self.db.execute("PRAGMA foreign_keys = ON")
                migrate(self.db)
            elif not self._has_table("documents"):
                raise StoreError(f"{self.path} is not a Marsad database")
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"cannot open {self.path}: {exc}") from exc

    # -- lifecycle ------------------------------------------------------------------------------

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> Repository:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _has_table(self, name: str) -> bool:
        row = self.db.execute("SELECT 1 FROM sqlite_master WHERE name = ?", (name,)).fetchone()
        return row is not None

    def _one(self, sql: str, params: Sequence[Any] = ()) -> Any:
        row = self.db.execute(sql, params).fetchone()
        return None if row is None else row[0]

    def migrations(self) -> list[str]:
        return [r[0] for r in self.db.execute("SELECT name FROM _migrations ORDER BY name")]

    # -- runs and shards ------------------------------------------------------------------------

    def ensure_pipeline(self, components: Sequence[dict[str, str]]) -> str:
        key = pipeline_key(components)
        self.db.execute(
            "INSERT OR IGNORE INTO pipelines (key, components, created_at) VALUES (?, ?, ?)",
            (key, json.dumps(list(components)), _now()),
        )
        return key

    def start_run(self, run: str, inputs: Sequence[str], pipeline: str, batch_size: int) -> None:
        self.db.execute(
            "INSERT OR IGNORE INTO runs (run, inputs, pipeline, batch_size, started_at) "
            "VALUES (?, ?, ?, ?, ?)",
            (run, json.dumps(list(inputs), ensure_ascii=False), pipeline, batch_size, _now()),
        )

    def finish_run(self, run: str) -> None:
        self.db.execute("UPDATE runs SET finished_at = ? WHERE run = ?", (_now(), run))

    def done_shards(self, run: str) -> set[int]:
        return {r[0] for r in self.db.execute("SELECT shard FROM shards WHERE run = ?", (run,))}

    def present(self, ids: Iterable[str], pipeline: str) -> set[str]:
        """The ids among ``ids`` already stored by ``pipeline``."""
        ids = list(dict.fromkeys(ids))
        out: set[str] = set()
        for i in range(0, len(ids), 500):
            chunk = ids[i : i + 500]
            marks = ",".join("?" * len(chunk))
            out.update(
                r[0]
                for r in self.db.execute(
                    f"SELECT id FROM documents WHERE pipeline = ? AND id IN ({marks})",
                    (pipeline, *chunk),
                )
            )
        return out

    def dedup_index(self, threshold: float = dedup_mod.THRESHOLD) -> dedup_mod.DedupIndex:
        """The duplicate index over every stored document, in storage order."""
        index = dedup_mod.DedupIndex(threshold)
        for r in self.db.execute(
            "SELECT id, content_hash, minhash, duplicate_of FROM documents ORDER BY n"
        ):
            index.add(r[0], r[1], r[2], r[3])
        return index

    # -- the writer -----------------------------------------------------------------------------

    def write_batch(
        self,
        documents: Sequence[rec.Prepared],
        rejects: Sequence[Reject],
        *,
        pipeline: str,
        dedup: dedup_mod.DedupIndex | None = None,
        shard: tuple[str, int, int] | None = None,
    ) -> WriteCounts:
        """Store one batch in one transaction: documents, rejects, and the shard's marker."""
        counts = _Batch().counts
        db = self.db
        db.execute("BEGIN IMMEDIATE")
        try:
            now = _now()
            for p in documents:
                row = db.execute(
                    "SELECT n, pipeline, terms FROM documents WHERE id = ?", (p.id,)
                ).fetchone()
                if row is not None and row["pipeline"] == pipeline:
                    counts["skipped"] += 1
                    continue
                dup = dedup.classify(p.id, p.content_hash, p.minhash) if dedup is not None else None
                values = (
                    p.id, pipeline, p.content_hash, p.text, p.language, p.url, p.outlet,
                    p.published, p.path, dup.of if dup else None, dup.kind if dup else None,
                    dup.score if dup else None, p.layers, p.minhash, rec.terms_blob(p.terms), now,
                )  # fmt: skip
                if row is None:
                    cur = db.execute(
                        f"INSERT INTO documents ({_DOC_COLUMNS}) VALUES ({','.join('?' * len(values))})",
                        values,
                    )
                    n = int(cur.lastrowid or 0)
                    counts["stored"] += 1
                else:
                    n = row["n"]
                    if row["terms"] is not None:  # a contentless index deletes by old values
                        db.execute(
                            "INSERT INTO search (search, rowid, terms, alts) VALUES ('delete', ?, ?, ?)",
                            (n, *rec.terms_from_blob(row["terms"])),
                        )
                    sets = ", ".join(f"{c.strip()} = ?" for c in _DOC_COLUMNS.split(","))
                    db.execute(f"UPDATE documents SET {sets} WHERE n = ?", (*values, n))
                    for table in ("entities", "events", "quotes"):
                        db.execute(f"DELETE FROM {table} WHERE doc = ?", (n,))
                    counts["replaced"] += 1
                if dup is not None:
                    counts["exact_duplicates" if dup.kind == "exact" else "near_duplicates"] += 1
                self._children(n, p)
                db.execute("DELETE FROM rejects WHERE doc_id = ?", (p.id,))
                if dedup is not None:
                    dedup.add(p.id, p.content_hash, p.minhash, dup.of if dup else None)
            for r in rejects:
                db.execute(
                    "INSERT OR REPLACE INTO rejects (key, source, reason, detail, step, doc_id, "
                    "pipeline, at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                    (
                        f"{r.source}\x1f{r.id or ''}", r.source, r.reason, r.detail, r.step, r.id,
                        pipeline, now,
                    ),  # fmt: skip
                )
                counts["rejected"] += 1
            if shard is not None:
                db.execute(
                    "INSERT OR REPLACE INTO shards (run, shard, items, done_at) VALUES (?, ?, ?, ?)",
                    (*shard, now),
                )
            db.execute("COMMIT")
        except BaseException:
            db.execute("ROLLBACK")
            raise
        return WriteCounts(**counts)

    def _children(self, n: int, p: rec.Prepared) -> None:
        db = self.db
        if p.entities:
            db.executemany(
                f"INSERT OR REPLACE INTO entities (doc, {', '.join(rec.EntityRow._fields)}) "
                f"VALUES (?{', ?' * len(rec.EntityRow._fields)})",
                [(n, *e) for e in p.entities],
            )
        if p.events:
            db.executemany(
                f"INSERT OR REPLACE INTO events (doc, {_EVENT_COLUMNS}) "
                f"VALUES (?{', ?' * len(rec.EventRow._fields)})",
                [(n, *e) for e in p.events],
            )
        if p.quotes:
            db.executemany(
                'INSERT OR REPLACE INTO quotes (doc, n, start, "end", text, speaker, direct) '
                "VALUES (?, ?, ?, ?, ?, ?, ?)",
                [(n, *q) for q in p.quotes],
            )
        db.execute("INSERT INTO search (rowid, terms, alts) VALUES (?, ?, ?)", (n, *p.terms))

    # -- whole-corpus passes --------------------------------------------------------------------

    def stories_current(self) -> bool:
        """Whether every event that happened has its story (false after an ingest that was
        killed before its story pass): only then may :meth:`rebuild_stories` regroup a part."""
        return not self._one(
            "SELECT 1 FROM events WHERE story IS NULL AND negated = 0 AND modality = 'asserted' LIMIT 1"
        )

    def rebuild_stories(self, keys: Iterable[stories_mod.StoryKey] | None = None) -> int:
        """Regroup stored events into story-level events; returns the number of stories.

        With ``keys`` (see :func:`marsad.store.stories.story_key`) only the stories of those
        keys are regrouped — what a small ingest into a large corpus needs, since reports of
        different keys never share a story; their stories get new ids after the highest one.
        The result is the same grouping as a full rebuild, numbered differently. Only valid
        when no stored event was deleted (a replaced document can leave stale stories: the
        loader then rebuilds everything)."""
        wanted = None if keys is None else set(keys)
        if wanted is not None and not wanted:
            return int(self._one("SELECT count(*) FROM stories"))
        sql = "SELECT e.*, d.outlet FROM events e JOIN documents d ON d.n = e.doc"
        params: list[Any] = []
        if wanted is not None:
            plovers = sorted({k[0] for k in wanted})
            sql += f" WHERE e.plover IN ({','.join('?' * len(plovers))})"
            params = list(plovers)
        rows = [
            r
            for r in self.db.execute(sql, params)
            if wanted is None
            or stories_mod.story_key(r["plover"], r["source_key"], r["target_key"], bool(r["symmetric"])) in wanted
        ]
        reports = [
            stories_mod.Report(
                doc=r["doc"], event=r["id"], plover=r["plover"], date=r["date"],
                source_key=r["source_key"], target_key=r["target_key"],
                location_key=r["location_key"], source_name=r["source_name"],
                target_name=r["target_name"], location_name=r["location_name"],
                outlet=r["outlet"], symmetric=bool(r["symmetric"]), negated=bool(r["negated"]),
                modality=r["modality"],
            )  # fmt: skip
            for r in rows
        ]
        grouped = stories_mod.group(reports)
        db = self.db
        db.execute("BEGIN IMMEDIATE")
        try:
            if wanted is None:
                db.execute("UPDATE events SET story = NULL WHERE story IS NOT NULL")
                db.execute("DELETE FROM stories")
                first = 1
            else:
                old = sorted({r["story"] for r in rows if r["story"] is not None})
                for k in range(0, len(old), 500):
                    chunk = old[k : k + 500]
                    marks = ",".join("?" * len(chunk))
                    db.execute(f"UPDATE events SET story = NULL WHERE story IN ({marks})", chunk)
                    db.execute(f"DELETE FROM stories WHERE id IN ({marks})", chunk)
                first = int(db.execute("SELECT coalesce(max(id), 0) FROM stories").fetchone()[0]) + 1
            for i, (s, _members) in enumerate(grouped, start=first):
                db.execute(
                    "INSERT INTO stories (id, plover, date_first, date_last, source_key, "
                    "target_key, location_key, source_name, target_name, location_name, reports, "
                    "articles, outlets) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    (
                        i, s.plover, s.date_first, s.date_last, s.source_key, s.target_key,
                        s.location_key, s.source_name, s.target_name, s.location_name,
                        len(s.reports), s.articles, len(s.outlets),
                    ),  # fmt: skip
                )
                db.executemany(
                    "UPDATE events SET story = ? WHERE doc = ? AND id = ?",
                    [(i, d, e) for d, e in s.reports],
                )
            db.execute("COMMIT")
        except BaseException:
            db.execute("ROLLBACK")
            raise
        return int(self._one("SELECT count(*) FROM stories"))

    def dedup_pass(self, threshold: float = dedup_mod.THRESHOLD) -> dict[str, int]:
        """Recompute every ``duplicate_of`` over the whole corpus in storage order."""
        items = [
            (r[0], r[1], r[2])
            for r in self.db.execute("SELECT id, content_hash, minhash FROM documents ORDER BY n")
        ]
        found = dedup_mod.find_duplicates(items, threshold)
        db = self.db
        db.execute("BEGIN IMMEDIATE")
        try:
            db.execute(
                "UPDATE documents SET duplicate_of = NULL, dup_kind = NULL, dup_score = NULL "
                "WHERE duplicate_of IS NOT NULL"
            )
            db.executemany(
                "UPDATE documents SET duplicate_of = ?, dup_kind = ?, dup_score = ? WHERE id = ?",
                [(d.of, d.kind, d.score, i) for i, d in found.items()],
            )
            db.execute("COMMIT")
        except BaseException:
            db.execute("ROLLBACK")
            raise
        exact = sum(1 for d in found.values() if d.kind == "exact")
        return {"documents": len(items), "exact": exact, "near": len(found) - exact}

    # -- readers --------------------------------------------------------------------------------

    def article(self, doc_id: str) -> dict[str, Any] | None:
        """The stored ``marsad.document/1`` dict (tokens left out: recompute with segment)."""
        row = self.db.execute(
            "SELECT text, layers, duplicate_of FROM documents WHERE id = ?", (doc_id,)
        ).fetchone()
        if row is None:
            return None
        d = rec.layers_from_blob(row["layers"], row["text"])
        d["duplicate_of"] = row["duplicate_of"]
        return d

    def search(
        self, query: str, *, limit: int = 10, offset: int = 0, include_duplicates: bool = False
    ) -> list[SearchHit]:
        """Ranked (bm25) hits with snippets; copies of a hit are folded into it unless asked."""
        q = parse_query(query)
        where = "" if include_duplicates else "AND d.duplicate_of IS NULL"
        rows = self.db.execute(
            f"""
            SELECT d.id, d.url, d.outlet, d.published, d.duplicate_of, d.text,
                   bm25(search, 1.0, 0.4) AS score,
                   (SELECT count(*) FROM documents c WHERE c.duplicate_of = d.id) AS copies
            FROM search JOIN documents d ON d.n = search.rowid
            WHERE search MATCH ? {where}
            ORDER BY score LIMIT ? OFFSET ?
            """,
            (q.fts(), limit, offset),
        ).fetchall()
        terms = q.terms
        return [
            SearchHit(
                id=r["id"], score=round(-r["score"], 6), url=r["url"], outlet=r["outlet"],
                published=r["published"], duplicate_of=r["duplicate_of"], copies=r["copies"],
                snippet=snippet(r["text"], terms),
            )  # fmt: skip
            for r in rows
        ]

    def search_count(self, query: str) -> int:
        return int(self._one("SELECT count(*) FROM search WHERE search MATCH ?", (parse_query(query).fts(),)))

    def events(self, query: EventQuery | None = None) -> list[dict[str, Any]]:
        """Event reports (one row each) with their article, sentence and story."""
        return list(self.iter_events(query))

    def iter_events(self, query: EventQuery | None = None) -> Iterator[dict[str, Any]]:
        q = query or EventQuery()
        where, params = self._event_filter(q, "e")
        sql = EVENT_SELECT + (" WHERE " + " AND ".join(where) if where else "")
        sql += " ORDER BY e.date IS NULL, e.date, d.n, e.id"
        if q.limit is not None:
            sql += " LIMIT ? OFFSET ?"
            params += [q.limit, q.offset]
        for r in self.db.execute(sql, params):
            yield dict(r)

    @staticmethod
    def _event_filter(q: EventQuery, e: str) -> tuple[list[str], list[Any]]:
        where: list[str] = []
        params: list[Any] = []
        if q.actor:
            where.append(f"({e}.source_actor LIKE ? OR {e}.target_actor LIKE ?)")
            params += [q.actor.upper() + "%"] * 2
        if q.country:
            where.append(
                f"(? IN ({e}.source_country, {e}.target_country, {e}.location_country))"
            )
            params.append(q.country.upper())
        if q.plover:
            where.append(f"{e}.plover = ?")
            params.append(q.plover.upper())
        if q.since:
            where.append(f"{e}.date >= ?")
            params.append(q.since)
        if q.until:
            where.append(f"{e}.date <= ?")
            params.append(q.until)
        if q.story is not None:
            where.append(f"{e}.story = ?")
            params.append(q.story)
        if q.doc_id:
            where.append("d.id = ?")
            params.append(q.doc_id)
        if not q.include_duplicates:
            where.append("d.duplicate_of IS NULL")
        return where, params

    def stories(self, query: EventQuery | None = None) -> list[dict[str, Any]]:
        """Story-level events matching the filters (a story matches if any report does)."""
        q = query or EventQuery()
        where, params = self._event_filter(q, "e")
        sql = f"""
            SELECT s.*, group_concat(d.id || '#' || e.id, ' ') AS report_ids
            FROM stories s JOIN events e ON e.story = s.id JOIN documents d ON d.n = e.doc
            {"WHERE " + " AND ".join(where) if where else ""}
            GROUP BY s.id ORDER BY s.date_first IS NULL, s.date_first, s.id
        """
        if q.limit is not None:
            sql += " LIMIT ? OFFSET ?"
            params += [q.limit, q.offset]
        out = []
        for r in self.db.execute(sql, params):
            d = dict(r)
            d["report_ids"] = sorted((d.get("report_ids") or "").split())
            out.append(d)
        return out

    def story(self, story_id: int) -> dict[str, Any] | None:
        row = self.db.execute("SELECT * FROM stories WHERE id = ?", (story_id,)).fetchone()
        if row is None:
            return None
        d = dict(row)
        d["reports"] = self.events(EventQuery(story=story_id))
        return d

    def entities(
        self, *, type: str | None = None, country: str | None = None, limit: int | None = 50
    ) -> list[dict[str, Any]]:
        """Entities across the corpus (one row per KB id or type + name), most reported first."""
        where: list[str] = []
        params: list[Any] = []
        if type:
            where.append("type = ?")
            params.append(type.upper())
        if country:
            where.append("country = ?")
            params.append(country.upper())
        sql = f"""
            SELECT key, type, max(canonical) AS canonical, max(country) AS country,
                   max(actor) AS actor, max(kb_id) AS kb_id,
                   count(DISTINCT doc) AS articles, sum(mentions) AS mentions
            FROM entities {"WHERE " + " AND ".join(where) if where else ""}
            GROUP BY key ORDER BY articles DESC, mentions DESC, key
        """
        if limit is not None:
            sql += " LIMIT ?"
            params.append(limit)
        return [dict(r) for r in self.db.execute(sql, params)]

    def stats(self) -> dict[str, int]:
        one = self._one
        return {
            "articles": one("SELECT count(*) FROM documents"),
            "rejects": one("SELECT count(*) FROM rejects"),
            "duplicates": one("SELECT count(*) FROM documents WHERE duplicate_of IS NOT NULL"),
            "entities": one("SELECT count(DISTINCT key) FROM entities"),
            "events": one("SELECT count(*) FROM events"),
            "stories": one("SELECT count(*) FROM stories"),
            "exact_duplicates": one("SELECT count(*) FROM documents WHERE dup_kind = 'exact'"),
            "near_duplicates": one("SELECT count(*) FROM documents WHERE dup_kind = 'near'"),
            "duplicate_clusters": one(
                "SELECT count(DISTINCT duplicate_of) FROM documents WHERE duplicate_of IS NOT NULL"
            ),
            "entity_mentions": one("SELECT coalesce(sum(mentions), 0) FROM entities"),
            "quotes": one("SELECT count(*) FROM quotes"),
        }

    def reject_reasons(self) -> dict[str, int]:
        return {
            r[0]: r[1]
            for r in self.db.execute(
                "SELECT reason, count(*) FROM rejects GROUP BY reason ORDER BY count(*) DESC"
            )
        }

    def rejects(self, *, limit: int | None = 100) -> list[dict[str, Any]]:
        sql = "SELECT source, reason, detail, step, doc_id, pipeline, at FROM rejects ORDER BY source"
        return [dict(r) for r in self.db.execute(sql + (" LIMIT ?" if limit else ""), (limit,) if limit else ())]

    def duplicate_clusters(self, *, limit: int | None = 50) -> list[dict[str, Any]]:
        """Clusters of re-published reports, largest first: the first copy and its copies."""
        sql = """
            SELECT duplicate_of AS first, count(*) AS copies,
                   group_concat(id, ' ') AS members,
                   sum(dup_kind = 'exact') AS exact, sum(dup_kind = 'near') AS near
            FROM documents WHERE duplicate_of IS NOT NULL
            GROUP BY duplicate_of ORDER BY copies DESC, first
        """
        params: tuple[Any, ...] = ()
        if limit is not None:
            sql += " LIMIT ?"
            params = (limit,)
        out = []
        for r in self.db.execute(sql, params):
            d = dict(r)
            d["members"] = sorted(d["members"].split())
            out.append(d)
        return out

    def cluster(self, doc_id: str) -> list[dict[str, Any]]:
        """Every copy of the report ``doc_id`` belongs to, the first copy first."""
        root = self._one("SELECT coalesce(duplicate_of, id) FROM documents WHERE id = ?", (doc_id,))
        if root is None:
            return []
        rows = self.db.execute(
            "SELECT id, url, outlet, published, duplicate_of, dup_kind, dup_score FROM documents "
            "WHERE id = ? OR duplicate_of = ? ORDER BY n",
            (root, root),
        )
        return [dict(r) for r in rows]

    def count(self) -> int:
        return int(self._one("SELECT count(*) FROM documents"))

    def snapshot(self) -> dict[str, list[tuple[Any, ...]]]:
        """Every stored row except timestamps: two stores with equal snapshots hold the same."""
        tables = {
            "documents": f"SELECT n, {_DOC_COLUMNS.replace(', stored_at', '')} FROM documents ORDER BY n",
            "entities": "SELECT * FROM entities ORDER BY doc, id",
            "events": "SELECT * FROM events ORDER BY doc, id",
            "quotes": "SELECT * FROM quotes ORDER BY doc, n",
            "rejects": "SELECT key, source, reason, detail, step, doc_id, pipeline FROM rejects ORDER BY key",
            "stories": "SELECT * FROM stories ORDER BY id",
            "search": "SELECT rowid FROM search ORDER BY rowid",
        }
        return {t: [tuple(r) for r in self.db.execute(sql)] for t, sql in tables.items()}
