"""The corpus store: migrations, upsert by id + pipeline, rejects, queries, stories."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from corpus_fakes import expected_ids, fake_pipeline, make_records
from marsad.document import Article, Source
from marsad.engines.local import LocalEngine
from marsad.pipeline import Reject
from marsad.settings import Settings
from marsad.store.loader import ingest
from marsad.store.repository import EventQuery, Repository, StoreError
from marsad.store.schema import MIGRATIONS


def _articles(records: list[dict[str, object]]) -> list[Article | Reject]:
    out: list[Article | Reject] = []
    for r in records:
        text = str(r.get("text", ""))
        if not text.strip():
            out.append(Reject(f"gen:{r['id']}", "empty", "blank"))
            continue
        out.append(
            Article(
                text=text,
                id=str(r["id"]),
                source=Source(url=r.get("url"), outlet=r.get("outlet"), published=r.get("published")),  # type: ignore[arg-type]
            )
        )
    return out


@pytest.fixture()
def filled(tmp_path: Path) -> tuple[Repository, list[dict[str, object]]]:
    records = make_records(120, seed=3)
    repo = Repository(tmp_path / "c.db")
    ingest(
        [], repo, LocalEngine(1), Settings(batch_size=16), factory=fake_pipeline, items=_articles(records)
    )
    yield repo, records
    repo.close()


def test_migrations_are_named_recorded_and_applied_once(tmp_path: Path) -> None:
    path = tmp_path / "m.db"
    with Repository(path) as repo:
        assert repo.migrations() == [m.name for m in MIGRATIONS]
        mode = repo.db.execute("PRAGMA journal_mode").fetchone()[0]
        assert mode == "wal"
    with Repository(path) as repo:  # reopening applies nothing twice
        assert repo.migrations() == [m.name for m in MIGRATIONS]


def test_readonly_open_of_missing_or_foreign_db_is_a_clean_error(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="no database"):
        Repository(tmp_path / "nope.db", readonly=True)
    other = tmp_path / "other.db"
    sqlite3.connect(other).execute("CREATE TABLE t (x)").connection.commit()
    with pytest.raises(StoreError, match="not a Marsad database"):
        Repository(other, readonly=True)


def test_ingest_stores_each_distinct_article_once(filled: tuple[Repository, list[dict[str, object]]]) -> None:
    repo, records = filled
    ids = expected_ids(records)
    stats = repo.stats()
    assert stats["articles"] == len(ids)
    assert stats["rejects"] == sum(1 for r in records if not str(r["text"]).strip())
    stored = {r[0] for r in repo.db.execute("SELECT id FROM documents")}
    assert stored == ids


def test_rerun_adds_nothing_and_counts_skips(filled: tuple[Repository, list[dict[str, object]]]) -> None:
    repo, records = filled
    before = repo.snapshot()
    s = ingest([], repo, LocalEngine(1), Settings(batch_size=16), factory=fake_pipeline, items=_articles(records))
    assert s.stored == 0 and s.replaced == 0
    assert s.skipped == sum(1 for r in records if str(r["text"]).strip())
    assert repo.snapshot() == before


def test_new_pipeline_version_replaces_in_place(filled: tuple[Repository, list[dict[str, object]]]) -> None:
    from corpus_fakes import FakeEvents
    from marsad.pipeline import Pipeline
    from marsad.segment import SegmentStep

    class V2(FakeEvents):
        version = "2"

    repo, records = filled
    n_before = repo.count()
    s = ingest(
        [], repo, LocalEngine(1), Settings(batch_size=50),
        factory=lambda st: Pipeline([SegmentStep(), V2()]), items=_articles(records[:10]),
    )  # fmt: skip
    assert s.replaced == len(expected_ids(records[:10])) and s.stored == 0
    assert repo.count() == n_before
    assert repo.db.execute("SELECT count(DISTINCT pipeline) FROM documents").fetchone()[0] == 2
    repo.db.execute("INSERT INTO search (search) VALUES ('integrity-check')")  # old terms deleted
    assert repo.db.execute("SELECT count(*) FROM search").fetchone()[0] == n_before
    hits = repo.search("اسرائيل", limit=1000, include_duplicates=True)
    assert len({h.id for h in hits}) == len(hits)


def test_article_round_trips_layers(filled: tuple[Repository, list[dict[str, object]]]) -> None:
    repo, records = filled
    rec = next(r for r in records if "أدانت" in str(r["text"]))
    d = repo.article(str(rec["id"]))
    assert d is not None and d["text"] == rec["text"]
    assert d["schema"] == "marsad.document/1"
    assert {e["id"] for e in d["entities"]} >= {"israel"}
    assert repo.article("no-such-id") is None


def test_events_filters(filled: tuple[Repository, list[dict[str, object]]]) -> None:
    repo, _ = filled
    every = repo.events()
    assert every, "the fake step codes events"
    accuse = repo.events(EventQuery(plover="ACCUSE"))
    assert accuse and all(e["plover"] == "ACCUSE" for e in accuse)
    isr = repo.events(EventQuery(actor="ISR"))
    assert isr and all("ISR" in (e["source_actor"] or "", e["target_actor"] or "") for e in isr)
    kwt = repo.events(EventQuery(actor="KWT"))  # prefix: KWTGOV
    assert kwt and all(e["source_actor"] == "KWTGOV" for e in kwt)
    omn = repo.events(EventQuery(country="OMN"))
    assert omn and all("OMN" in (e["source_country"], e["target_country"], e["location_country"]) for e in omn)
    day = repo.events(EventQuery(since="2024-02-11", until="2024-02-11"))
    assert day and {e["date"] for e in day} == {"2024-02-11"}
    for e in accuse:  # the evidence sentence contains the trigger
        assert e["trigger_text"] in e["sentence"]


def test_stories_group_reports_across_articles(filled: tuple[Repository, list[dict[str, object]]]) -> None:
    repo, _ = filled
    stats = repo.stats()
    assert 0 < stats["stories"] < stats["events"]
    rows = repo.stories()
    assert sum(r["reports"] for r in rows) == stats["events"]  # every fake event happened
    biggest = max(rows, key=lambda r: r["reports"])
    story = repo.story(biggest["id"])
    assert story is not None and len(story["reports"]) == biggest["reports"] > 1
    # one type, one pair of actors (unordered: MEET is symmetric)
    pairs = {(e["plover"], frozenset((e["source_actor"], e["target_actor"]))) for e in story["reports"]}
    assert len(pairs) == 1
    dates = sorted(e["date"] for e in story["reports"])
    assert (int(dates[-1][-2:]) - int(dates[0][-2:])) <= 2


def test_entities_aggregate_across_articles(filled: tuple[Repository, list[dict[str, object]]]) -> None:
    repo, _ = filled
    rows = repo.entities(limit=None)
    names = {r["canonical"] for r in rows}
    assert {"إسرائيل", "إيران"} <= names
    assert rows == sorted(rows, key=lambda r: (-r["articles"], -r["mentions"], r["key"]))
    assert all(r["type"] == "GPE" for r in repo.entities(type="gpe"))


def test_duplicates_point_to_the_first_copy(filled: tuple[Repository, list[dict[str, object]]]) -> None:
    repo, records = filled
    stats = repo.stats()
    assert stats["exact_duplicates"] > 0 and stats["near_duplicates"] > 0
    for cluster in repo.duplicate_clusters(limit=None):
        first = repo.db.execute("SELECT n, duplicate_of FROM documents WHERE id = ?", (cluster["first"],)).fetchone()
        assert first[1] is None  # never a copy of a copy
        for member in cluster["members"]:
            n = repo.db.execute("SELECT n FROM documents WHERE id = ?", (member,)).fetchone()[0]
            assert n > first[0]
        assert repo.cluster(cluster["members"][0])[0]["id"] == cluster["first"]


def _memberships(repo: Repository) -> set[frozenset[tuple[str, str]]]:
    """Stories as sets of (article id, event id): what grouping decided, whatever the numbering."""
    rows = repo.db.execute(
        "SELECT e.story, d.id, e.id FROM events e JOIN documents d ON d.n = e.doc WHERE e.story IS NOT NULL"
    )
    by_story: dict[int, set[tuple[str, str]]] = {}
    for story, doc, event in rows:
        by_story.setdefault(story, set()).add((doc, event))
    return {frozenset(v) for v in by_story.values()}


def test_later_ingest_regroups_only_touched_stories_and_matches_a_full_rebuild(tmp_path: Path) -> None:
    items = _articles(make_records(120, seed=3))
    repo = Repository(tmp_path / "parts.db")
    settings = Settings(batch_size=16)
    ingest([], repo, LocalEngine(1), settings, factory=fake_pipeline, items=items[:80])
    untouched_before = {r["id"] for r in repo.stories()}
    s = ingest([], repo, LocalEngine(1), settings, factory=fake_pipeline, items=items[80:])
    assert s.stories == repo.stats()["stories"]
    incremental = _memberships(repo)
    # some stories of the first part kept their ids: only the touched keys were regrouped
    assert untouched_before & {r["id"] for r in repo.stories()}
    repo.rebuild_stories()
    assert _memberships(repo) == incremental
    assert repo.stats()["stories"] == s.stories
    repo.close()


def test_stories_left_stale_by_a_killed_run_are_rebuilt_in_full(tmp_path: Path) -> None:
    items = _articles(make_records(60, seed=5))
    repo = Repository(tmp_path / "killed.db")
    ingest([], repo, LocalEngine(1), Settings(batch_size=16), factory=fake_pipeline, items=items[:40])
    full = Repository(tmp_path / "full.db")
    ingest([], full, LocalEngine(1), Settings(batch_size=16), factory=fake_pipeline, items=items)
    # what a kill -9 between the last batch and the story pass leaves: events without stories
    repo.db.execute("UPDATE events SET story = NULL")
    repo.db.execute("DELETE FROM stories")
    assert not repo.stories_current()
    ingest([], repo, LocalEngine(1), Settings(batch_size=16), factory=fake_pipeline, items=items[40:])
    assert repo.stories_current()
    assert _memberships(repo) == _memberships(full)
    repo.close()
    full.close()
