"""Ingest throughput on SaudiNewsNet: articles/s per core, 1 and 2 workers, local and Ray.

Prints each figure next to a baseline measured in the same run: a loop that only decodes the
corpus (zip → JSON → str) and splits each article on white space. Also peak memory per worker
and database size per 1,000 articles. Subset by default (--limit 2000); --all for 31,030.

Each configuration runs in a fresh interpreter (``--run ENGINE:WORKERS``, one JSON line out),
so none starts with caches warmed by another on the same articles, and with the garbage
collector set as ``marsad ingest`` sets it.

    .venv/bin/python benchmarks/bench_ingest.py [--limit N | --all] [--workers 1,2] [--ray]
"""

from __future__ import annotations

import argparse
import io
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path

from marsad.document import Article, Source

DATA = Path(__file__).resolve().parents[2] / "shared" / "data" / "saudinewsnet" / "dataset"


def read_saudinewsnet(limit: int | None = None, data: Path = DATA) -> list[dict[str, str]]:
    """The corpus records in file and array order (each zip holds one JSON array)."""
    out: list[dict[str, str]] = []
    for z in sorted(data.glob("*.zip")):
        with zipfile.ZipFile(z) as zf:
            for name in sorted(zf.namelist()):
                out.extend(json.load(io.TextIOWrapper(zf.open(name), encoding="utf-8")))
        if limit is not None and len(out) >= limit:
            break
    return out[:limit] if limit is not None else out


def articles(records: list[dict[str, str]]) -> list[Article]:
    """Non-empty articles keyed by URL (31,030 distinct), so exact copies stay separate rows."""
    return [
        Article(
            text=r["content"],
            id=r["url"],
            source=Source(url=r["url"], outlet=r.get("source"), published=(r.get("date_extracted") or "")[:10] or None),
        )
        for r in records
        if (r.get("content") or "").strip()
    ]


def baseline(limit: int | None) -> tuple[float, int]:
    """Seconds and article count for decode + whitespace split of the same subset."""
    t0 = time.perf_counter()
    recs = read_saudinewsnet(limit)
    words = sum(len((r.get("content") or "").split()) for r in recs)
    return time.perf_counter() - t0, words and len(recs)


def peak_mb(who: int = resource.RUSAGE_SELF) -> float:
    """Peak resident memory in MB of this process (or, with RUSAGE_CHILDREN, its largest child)."""
    return resource.getrusage(who).ru_maxrss / 1024


def run_one(engine_name: str, workers: int, items: list[Article], batch: int, tmp: Path) -> dict[str, float]:
    from marsad.engines import make_engine
    from marsad.settings import Settings
    from marsad.store.loader import ingest
    from marsad.store.repository import Repository

    db = tmp / f"{engine_name}-{workers}.db"
    engine = make_engine(engine_name, workers=workers)
    t0 = time.perf_counter()
    try:
        with Repository(db) as repo:
            s = ingest([], repo, engine, Settings(batch_size=batch, quiet=True), items=items)
            repo.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        engine.close()
    wall = time.perf_counter() - t0
    size = sum(p.stat().st_size for p in tmp.glob(db.name + "*"))
    return {
        "wall": wall, "stored": s.stored, "dups": s.duplicates, "exact": s.exact_duplicates,
        "near": s.near_duplicates, "rate": len(items) / wall, "db_kb_per_1000": size / 1024 / len(items) * 1000,
        "steps": ",".join(s.steps),
    }  # fmt: skip


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--limit", type=int, default=2000)
    ap.add_argument("--all", action="store_true")
    ap.add_argument("--workers", default="1,2")
    ap.add_argument("--ray", action="store_true", help="also the Ray engine (marsad[ray])")
    ap.add_argument("--batch-size", type=int, default=64)
    ap.add_argument("--run", help=argparse.SUPPRESS)  # ENGINE:WORKERS, in a child interpreter
    args = ap.parse_args()
    limit = None if args.all else args.limit
    if not DATA.exists():
        print(f"no SaudiNewsNet at {DATA}", file=sys.stderr)
        return 1
    if args.run:
        return _child(args.run, limit, args.batch_size)
    base_s, base_n = baseline(limit)
    n_items = len(articles(read_saudinewsnet(limit)))
    print(f"machine: {os.cpu_count()} cores (shared: figures are under load)")
    print(f"articles: {n_items} non-empty of {base_n} records")
    print(f"baseline decode+split: {base_n / base_s:,.0f} articles/s ({base_s:.2f} s)")
    runs = [("local", int(w)) for w in args.workers.split(",")]
    if args.ray:
        runs += [("ray", int(w)) for w in args.workers.split(",")]
    one: dict[str, float] = {}
    for name, w in runs:
        cmd = [sys.executable, __file__, "--run", f"{name}:{w}", "--batch-size", str(args.batch_size)]
        cmd += ["--all"] if args.all else ["--limit", str(args.limit)]
        out = subprocess.run(cmd, capture_output=True, text=True, check=False)
        if out.returncode != 0:
            print(f"{name} workers={w}: failed\n{out.stderr[-2000:]}", file=sys.stderr)
            return 1
        r = json.loads(out.stdout.strip().splitlines()[-1])
        if w == 1:
            one[name] = r["rate"]
        speedup = f", {r['rate'] / one[name]:.2f}x one worker" if name in one and w > 1 else ""
        print(
            f"{name:5s} workers={w}: {r['rate']:7.1f} articles/s = {r['rate'] / w:6.1f}/s per core"
            f"{speedup} ({r['wall']:.1f} s; baseline {base_n / base_s:,.0f}/s, "
            f"the baseline is {(base_n / base_s) / r['rate']:.0f}x faster); stored {r['stored']:.0f}, "
            f"duplicates {r['dups']:.0f} ({r['exact']:.0f} exact, {r['near']:.0f} near); "
            f"db {r['db_kb_per_1000']:.0f} KB per 1,000 articles"
        )
        print(f"      steps: {r['steps']}")
        print(f"      peak RSS: main {r['rss_main']:.0f} MB, largest worker {r['rss_child']:.0f} MB")
    return 0


def _child(spec: str, limit: int | None, batch: int) -> int:
    """One configuration, measured in this fresh interpreter; prints a JSON line."""
    from marsad.memo import tune_gc_for_batches

    tune_gc_for_batches()  # what `marsad ingest` does (cli.main) before any engine starts
    name, w = spec.split(":")
    items = articles(read_saudinewsnet(limit))
    with tempfile.TemporaryDirectory() as tmp:
        r: dict[str, object] = dict(run_one(name, int(w), items, batch, Path(tmp)))
    r["rss_main"] = peak_mb(resource.RUSAGE_SELF)
    r["rss_child"] = peak_mb(resource.RUSAGE_CHILDREN)
    print(json.dumps(r))
    return 0


if __name__ == "__main__":
    sys.exit(main())
