"""Search latency on SaudiNewsNet: median and p95 of 100 queries, beside a linear-scan baseline.

Builds a store from a subset (documents stored with the ``segment`` step only, which is all
the index needs; --db reuses a store made by 'marsad ingest'), then runs 100 one- and two-word
queries drawn (seeded) from the corpus vocabulary at mixed frequencies. The baseline, in the
same run, is a loop that splits every article on white space and tests the query words.

    .venv/bin/python benchmarks/bench_search.py [--limit N | --all] [--db FILE]
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

from bench_ingest import DATA, articles, read_saudinewsnet

from marsad.engines.local import LocalEngine
from marsad.pipeline import Pipeline
from marsad.segment import SegmentStep
from marsad.settings import Settings
from marsad.store.loader import ingest
from marsad.store.repository import Repository


def segment_only(settings: Settings) -> Pipeline:
    return Pipeline([SegmentStep()])


def queries(texts: list[str], n: int = 100, seed: int = 1) -> list[str]:
    counts = Counter(w for t in texts for w in t.split() if len(w) > 3 and w.isalpha())
    vocab = [w for w, _ in counts.most_common()]
    rng = random.Random(seed)
    bands = [vocab[:200], vocab[200:5000], vocab[5000:]]  # frequent, middling, rare
    out = []
    for i in range(n):
        band = bands[i % 3] or vocab
        out.append(rng.choice(band) if i % 4 else f"{rng.choice(bands[0])} {rng.choice(band)}")
    return out


def pct(xs: list[float], p: float) -> float:
    xs = sorted(xs)
    return xs[min(len(xs) - 1, int(round(p * (len(xs) - 1))))]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--limit", type=int, default=2000)
    ap.add_argument("--all", action="store_true")
    ap.add_argument("--db", help="an existing store to query (skips building one)")
    args = ap.parse_args()
    if not DATA.exists():
        print(f"no SaudiNewsNet at {DATA}", file=sys.stderr)
        return 1
    items = articles(read_saudinewsnet(None if args.all else args.limit))
    texts = [a.text for a in items]
    qs = queries(texts)
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(args.db) if args.db else Path(tmp) / "s.db"
        if not args.db:
            t0 = time.perf_counter()
            with Repository(db) as repo:
                ingest([], repo, LocalEngine(1), Settings(quiet=True), factory=segment_only, items=items)
            build = time.perf_counter() - t0
            print(f"store built from {len(items)} articles in {build:.1f} s ({len(items) / build:.0f}/s, segment step only)")
        with Repository(db, readonly=True) as repo:
            repo.search(qs[0])  # warm the page cache
            lat, nhits = [], []
            for q in qs:
                t = time.perf_counter()
                hits = repo.search(q, limit=10)
                lat.append((time.perf_counter() - t) * 1000)
                nhits.append(len(hits))
            count = repo.count()
        base = []
        split = None
        for q in qs:
            words = q.split()
            t = time.perf_counter()
            split = [t_.split() for t_ in texts]  # the baseline re-splits: it has no index
            _ = [i for i, ws in enumerate(split) if all(w in ws for w in words)][:10]
            base.append((time.perf_counter() - t) * 1000)
    print("machine: 2 cores shared with other jobs: figures are under load")
    print(f"documents: {count}; queries: {len(qs)} (1-2 words, frequent/middling/rare), top 10 with snippets")
    print(
        f"search: median {statistics.median(lat):.2f} ms, p95 {pct(lat, 0.95):.2f} ms "
        f"(mean hits {statistics.mean(nhits):.1f})"
    )
    print(
        f"baseline split+scan: median {statistics.median(base):.1f} ms, p95 {pct(base, 0.95):.1f} ms "
        f"({statistics.median(base) / statistics.median(lat):.0f}x slower at the median; exact words only)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
