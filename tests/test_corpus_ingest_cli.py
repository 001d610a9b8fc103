"""``marsad ingest`` and the query commands end to end, and the kill -9 acceptance test."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from corpus_fakes import expected_ids, make_records, write_jsonl
from marsad.cli import main
from marsad.store.repository import Repository

ROOT = Path(__file__).resolve().parents[1]
TESTS = Path(__file__).resolve().parent


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, list[dict[str, object]]]:
    d = tmp_path_factory.mktemp("cli")
    records = make_records(80, seed=9)
    src = write_jsonl(d / "in.jsonl", records)
    db = d / "c.db"
    assert main(["ingest", str(src), "--db", str(db), "--batch-size", "16", "--quiet"]) == 0
    return src, db, records


def test_ingest_summary_and_idempotent_rerun(corpus, capsys: pytest.CaptureFixture[str]) -> None:
    src, db, records = corpus
    assert main(["ingest", str(src), "--db", str(db), "--batch-size", "16", "--json", "--quiet"]) == 0
    summary = json.loads(capsys.readouterr().out)
    assert summary["stored"] == 0 and summary["shards_resumed"] == summary["shards"]
    assert summary["skipped"] == len([r for r in records if str(r["text"]).strip()])


def test_stats_json_shape(corpus, capsys: pytest.CaptureFixture[str]) -> None:
    _src, db, records = corpus
    assert main(["stats", "--db", str(db), "--format", "json"]) == 0
    stats = json.loads(capsys.readouterr().out)
    for key in ("articles", "rejects", "duplicates", "entities", "events", "stories"):
        assert isinstance(stats[key], int)
    assert stats["articles"] == len(expected_ids(records))
    assert stats["rejects"] >= 1 and stats["reject_reasons"].get("empty", 0) >= 1
    assert stats["duplicates"] == stats["exact_duplicates"] + stats["near_duplicates"] > 0


def test_search_jsonl_and_table(corpus, capsys: pytest.CaptureFixture[str]) -> None:
    _src, db, _ = corpus
    assert main(["search", "اسرائيل", "--db", str(db), "--format", "jsonl", "--limit", "3"]) == 0
    hits = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert len(hits) == 3
    for h in hits:
        assert h["duplicate_of"] is None
        assert all("إسرائيل" in h["snippet"]["text"][s - h["snippet"]["start"] : e - h["snippet"]["start"]] for s, e in h["snippet"]["highlights"])
    assert main(["search", "اسرائيل", "--db", str(db), "--limit", "2"]) == 0
    out = capsys.readouterr().out
    assert "[إسرائيل]" in out and "\u2067" not in out  # no bidi marks when not a terminal


@pytest.fixture(scope="module")
def coded(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A store whose articles carry events (the fake step), for the export formats."""
    from corpus_fakes import fake_pipeline
    from marsad.engines.local import LocalEngine
    from marsad.settings import Settings
    from marsad.store.loader import ingest

    d = tmp_path_factory.mktemp("coded")
    src = write_jsonl(d / "in.jsonl", make_records(40, seed=2))
    with Repository(d / "p.db") as repo:
        ingest([str(src)], repo, LocalEngine(1), Settings(), factory=fake_pipeline)
        assert repo.events()
    return d / "p.db"


def test_events_exports(coded: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = coded
    assert main(["events", "--db", str(db), "--format", "csv", "-o", str(tmp_path / "e.csv")]) == 0
    lines = (tmp_path / "e.csv").read_text(encoding="utf-8").splitlines()
    assert lines[0].startswith("doc_id,event_id,plover") and len(lines) > 1
    assert main(["events", "--db", str(db), "--format", "plover", "--type", "ACCUSE"]) == 0
    recs = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert recs
    for r in recs:
        assert r["event"] == "ACCUSE" and set(r) >= {"id", "date", "source", "target", "eventText", "text"}
        assert "(EVT: أدانت)" in r["textInfo"]["markup"]
        assert r["source"][0]["code"] in {"KWTGOV", "IRN"}
    assert main(["events", "--db", str(db), "--stories", "--format", "jsonl"]) == 0
    stories = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert stories and all(s["reports"] == len(s["report_ids"]) for s in stories)
    assert main(["events", "--db", str(db), "--actor", "KWT"]) == 0
    table = capsys.readouterr().out
    assert "KWTGOV" in table
    assert main(["events", "--db", str(db), "--since", "2024-13-01"]) == 1  # a clean error


def test_parquet_export(coded: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    pq = pytest.importorskip("pyarrow.parquet", reason="pip install 'marsad[parquet]'")
    with Repository(coded, readonly=True) as repo:
        n = len(repo.events())
    out = tmp_path / "e.parquet"
    assert main(["events", "--db", str(coded), "--format", "parquet", "-o", str(out)]) == 0
    table = pq.read_table(out)
    assert table.num_rows == n > 0 and "plover" in table.column_names
    assert main(["entities", "--db", str(coded), "--format", "jsonl"]) == 0
    assert any(json.loads(x)["canonical"] == "إسرائيل" for x in capsys.readouterr().out.splitlines())


# -- kill -9 ---------------------------------------------------------------------------------

# The ingest command with one extra step that sleeps a little per article, so that a kill
# lands in the middle of the run; the same driver is used for the killed run and the rerun.
DRIVER = textwrap.dedent(
    """
    import sys, time
    import marsad.analyze as analyze
    from marsad.pipeline import FunctionStep
    from marsad.cli import main
    plain = analyze.default_steps
    def slow(doc):
        time.sleep(float(sys.argv[1]))
        return doc
    analyze.default_steps = lambda s: plain(s) + [FunctionStep("slow", "1", slow)]
    sys.exit(main(sys.argv[2:]))
    """
)


def _ingest_cmd(src: Path, db: Path, delay: float, batch: int, workers: int) -> list[str]:
    return [
        sys.executable, "-c", DRIVER, str(delay), "ingest", str(src), "--db", str(db),
        "--batch-size", str(batch), "--workers", str(workers), "--quiet",
    ]  # fmt: skip


def _committed_shards(db: Path) -> int:
    try:
        con = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=0.1)
        try:
            return con.execute("SELECT count(*) FROM shards").fetchone()[0]
        finally:
            con.close()
    except sqlite3.Error:
        return 0


def _kill_and_resume(tmp_path: Path, n: int, batch: int, delay: float, workers: int, after: int) -> None:
    records = make_records(n, seed=13)
    src = write_jsonl(tmp_path / "in.jsonl", records)
    db = tmp_path / "k.db"
    env = dict(os.environ, PYTHONPATH=str(ROOT / "src"))
    proc = subprocess.Popen(_ingest_cmd(src, db, delay, batch, workers), env=env, start_new_session=True)
    deadline = time.monotonic() + 120
    while _committed_shards(db) < after and proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.01)
    os.killpg(proc.pid, signal.SIGKILL)  # the ingest and its workers, at once
    proc.wait()
    assert proc.returncode == -signal.SIGKILL, "the ingest ended before it could be killed"
    partial = _committed_shards(db)
    assert partial >= after
    rerun = subprocess.run(_ingest_cmd(src, db, 0, batch, workers), env=env, capture_output=True, text=True)
    assert rerun.returncode == 0, rerun.stderr

    # an uninterrupted run of the same command into a fresh database
    fresh = tmp_path / "fresh.db"
    clean = subprocess.run(_ingest_cmd(src, fresh, 0, batch, workers), env=env, capture_output=True, text=True)
    assert clean.returncode == 0, clean.stderr

    with Repository(db, readonly=True) as a, Repository(fresh, readonly=True) as b:
        ids = [r[0] for r in a.db.execute("SELECT id FROM documents")]
        assert len(ids) == len(set(ids)) == len(expected_ids(records))  # none twice, none lost
        assert set(ids) == expected_ids(records)
        assert a.db.execute("SELECT count(*) FROM search").fetchone()[0] == len(ids)
        assert a.stats()["rejects"] == sum(1 for r in records if not str(r["text"]).strip())
        assert a.snapshot() == b.snapshot()  # the same rows as a run that was never killed


def test_kill_9_then_rerun_stores_every_article_once(tmp_path: Path) -> None:
    _kill_and_resume(tmp_path, n=300, batch=20, delay=0.004, workers=1, after=3)


@pytest.mark.slow
def test_kill_9_during_5000_articles_with_two_workers(tmp_path: Path) -> None:
    _kill_and_resume(tmp_path, n=5000, batch=64, delay=0.001, workers=2, after=20)
