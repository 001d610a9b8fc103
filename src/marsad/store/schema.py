"""The corpus database schema as an ordered list of named migrations (sqlite-utils style).

Each migration runs once, inside a transaction, and is recorded by name in ``_migrations``;
opening an older database applies only the missing ones. Never edit a released migration:
append a new one.

Layout (one row per article, children keyed by the document's integer ``n``):

* ``documents``: id (unique), the pipeline key that produced it, a whitespace-normalised
  content hash (exact duplicates), the text, source metadata, ``duplicate_of`` (the first copy),
  the analysed layers (zlib JSON of the document without text and tokens) and the MinHash.
* ``entities``, ``events``, ``quotes``: one row per item, stamped with the producing
  component; events carry denormalised actor names, countries and keys for fast filtering.
* ``search``: FTS5 over pre-normalised terms (one term per token, see :mod:`.search`).
* ``stories``: story-level events; ``events.story`` points to one.
* ``rejects``: what could not be read or analysed, and why.
* ``pipelines``, ``runs``, ``shards``: pipeline versions and per-shard completion markers that
  let a rerun resume.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from dataclasses import dataclass

Migration = Callable[[sqlite3.Connection], None]


@dataclass(frozen=True, slots=True)
class Named:
    name: str
    apply: Migration


def _script(db: sqlite3.Connection, sql: str) -> None:
    """Run statements one by one: ``executescript`` would commit the migration's transaction."""
    for statement in sql.split(";"):
        if statement.strip():
            db.execute(statement)


def _m001_core(db: sqlite3.Connection) -> None:
    _script(
        db,
        """
        CREATE TABLE pipelines (
            key TEXT PRIMARY KEY,
            components TEXT NOT NULL,
            created_at TEXT NOT NULL
        );
        CREATE TABLE documents (
            n INTEGER PRIMARY KEY,
            id TEXT NOT NULL UNIQUE,
            pipeline TEXT NOT NULL REFERENCES pipelines(key),
            content_hash TEXT NOT NULL,
            text TEXT NOT NULL,
            language TEXT,
            url TEXT,
            outlet TEXT,
            published TEXT,
            path TEXT,
            duplicate_of TEXT,
            dup_kind TEXT,
            dup_score REAL,
            layers BLOB NOT NULL,
            minhash BLOB,
            terms BLOB,
            stored_at TEXT NOT NULL
        );
        CREATE INDEX documents_hash ON documents(content_hash);
        CREATE INDEX documents_dup ON documents(duplicate_of);
        CREATE INDEX documents_published ON documents(published);
        CREATE TABLE entities (
            doc INTEGER NOT NULL REFERENCES documents(n) ON DELETE CASCADE,
            id TEXT NOT NULL,
            type TEXT NOT NULL,
            canonical TEXT NOT NULL,
            key TEXT NOT NULL,
            country TEXT,
            actor TEXT,
            kb_id TEXT,
            component TEXT,
            mentions INTEGER NOT NULL,
            first_start INTEGER,
            first_end INTEGER,
            PRIMARY KEY (doc, id)
        ) WITHOUT ROWID;
        CREATE INDEX entities_key ON entities(key);
        CREATE INDEX entities_country ON entities(country);
        CREATE TABLE events (
            doc INTEGER NOT NULL REFERENCES documents(n) ON DELETE CASCADE,
            id TEXT NOT NULL,
            plover TEXT NOT NULL,
            cameo TEXT,
            mode TEXT,
            date TEXT,
            source TEXT,
            target TEXT,
            location TEXT,
            source_actor TEXT,
            target_actor TEXT,
            source_name TEXT,
            target_name TEXT,
            location_name TEXT,
            source_country TEXT,
            target_country TEXT,
            location_country TEXT,
            source_key TEXT,
            target_key TEXT,
            location_key TEXT,
            trigger_start INTEGER NOT NULL,
            trigger_end INTEGER NOT NULL,
            trigger_text TEXT NOT NULL,
            sentence_start INTEGER,
            sentence_end INTEGER,
            negated INTEGER NOT NULL,
            modality TEXT NOT NULL,
            confidence REAL,
            background INTEGER NOT NULL,
            symmetric INTEGER NOT NULL,
            coder TEXT,
            story INTEGER,
            PRIMARY KEY (doc, id)
        ) WITHOUT ROWID;
        CREATE INDEX events_plover ON events(plover);
        CREATE INDEX events_date ON events(date);
        CREATE INDEX events_story ON events(story);
        CREATE INDEX events_source_actor ON events(source_actor);
        CREATE INDEX events_target_actor ON events(target_actor);
        CREATE TABLE quotes (
            doc INTEGER NOT NULL REFERENCES documents(n) ON DELETE CASCADE,
            n INTEGER NOT NULL,
            start INTEGER NOT NULL,
            "end" INTEGER NOT NULL,
            text TEXT NOT NULL,
            speaker TEXT,
            direct INTEGER NOT NULL,
            PRIMARY KEY (doc, n)
        ) WITHOUT ROWID;
        CREATE TABLE rejects (
            key TEXT PRIMARY KEY,
            source TEXT NOT NULL,
            reason TEXT NOT NULL,
            detail TEXT,
            step TEXT,
            doc_id TEXT,
            pipeline TEXT,
            at TEXT NOT NULL
        );
        CREATE INDEX rejects_doc ON rejects(doc_id);
        CREATE TABLE stories (
            id INTEGER PRIMARY KEY,
            plover TEXT NOT NULL,
            date_first TEXT,
            date_last TEXT,
            source_key TEXT,
            target_key TEXT,
            location_key TEXT,
            source_name TEXT,
            target_name TEXT,
            location_name TEXT,
            reports INTEGER NOT NULL,
            articles INTEGER NOT NULL,
            outlets INTEGER NOT NULL
        );
        CREATE TABLE runs (
            run TEXT PRIMARY KEY,
            inputs TEXT NOT NULL,
            pipeline TEXT NOT NULL,
            batch_size INTEGER NOT NULL,
            started_at TEXT NOT NULL,
            finished_at TEXT
        );
        CREATE TABLE shards (
            run TEXT NOT NULL REFERENCES runs(run),
            shard INTEGER NOT NULL,
            items INTEGER NOT NULL,
            done_at TEXT NOT NULL,
            PRIMARY KEY (run, shard)
        ) WITHOUT ROWID;
        """
    )


def _m002_search(db: sqlite3.Connection) -> None:
    # Pre-normalised terms, one per token in both columns (positions stay aligned with tokens):
    # ``terms`` the match key of the segmenter's stem, ``alts`` a guessed stem for words the
    # segmenter left whole (unknown names: لأحمديان). rowid = documents.n. Contentless: the
    # terms are kept zlib-compressed in documents.terms (what a 'delete' needs), not twice.
    # unicode61 with diacritic removal off: the terms are already folded, and its folding
    # differs from ours.
    db.execute(
        "CREATE VIRTUAL TABLE search USING fts5(terms, alts, content = '', "
        "tokenize = 'unicode61 remove_diacritics 0')"
    )


MIGRATIONS: tuple[Named, ...] = (
    Named("001_core", _m001_core),
    Named("002_search", _m002_search),
)


def migrate(db: sqlite3.Connection) -> list[str]:
    """Apply every missing migration in order; returns the names applied now."""
    db.execute(
        "CREATE TABLE IF NOT EXISTS _migrations (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL)"
    )
    done = {row[0] for row in db.execute("SELECT name FROM _migrations")}
    applied: list[str] = []
    for m in MIGRATIONS:
        if m.name in done:
            continue
        db.execute("BEGIN IMMEDIATE")
        try:
            m.apply(db)
            db.execute(
                "INSERT INTO _migrations (name, applied_at) VALUES (?, datetime('now'))", (m.name,)
            )
            db.execute("COMMIT")
        except BaseException:
            db.execute("ROLLBACK")
            raise
        applied.append(m.name)
    return applied
