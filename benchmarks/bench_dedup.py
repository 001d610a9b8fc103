"""Near-duplicate pass over SaudiNewsNet: time and duplicates found, beside a baseline.

The pass is what the store runs: whitespace-normalised content hash (exact copies), then
MinHash (128 perms) over match-key word 5-shingles and LSH at 0.7 (near copies), each
duplicate pointing to its first copy. The baseline, measured in the same run, decodes the
corpus and splits each article on white space. The MANIFEST counts 772 exact duplicates
among the 30,676 non-empty articles (--all).

    .venv/bin/python benchmarks/bench_dedup.py [--limit N | --all] [--examples 5]
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import Counter

from bench_ingest import DATA, baseline, read_saudinewsnet

from marsad.store.dedup import DedupIndex, content_hash, signature


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--limit", type=int, default=2000)
    ap.add_argument("--all", action="store_true")
    ap.add_argument("--examples", type=int, default=5)
    args = ap.parse_args()
    if not DATA.exists():
        print(f"no SaudiNewsNet at {DATA}", file=sys.stderr)
        return 1
    limit = None if args.all else args.limit
    base_s, n_records = baseline(limit)
    records = [r for r in read_saudinewsnet(limit) if (r.get("content") or "").strip()]
    t0 = time.perf_counter()
    sigs = [(r["url"], content_hash(r["content"]), signature(r["content"])) for r in records]
    t_sig = time.perf_counter() - t0
    index = DedupIndex()
    found = {}
    t1 = time.perf_counter()
    for doc_id, h, sig in sigs:
        dup = index.observe(doc_id, h, sig)
        if dup:
            found[doc_id] = dup
    t_lsh = time.perf_counter() - t1
    total = t_sig + t_lsh
    kinds = Counter(d.kind for d in found.values())
    clusters = Counter(d.of for d in found.values())
    print("machine: 2 cores shared with other jobs: figures are under load")
    print(f"articles: {len(records)} non-empty of {n_records} records")
    print(f"baseline decode+split: {base_s:.2f} s ({n_records / base_s:,.0f} articles/s)")
    print(
        f"dedup pass: {total:.2f} s = {len(records) / total:,.0f} articles/s "
        f"(hash+MinHash {t_sig:.2f} s, LSH {t_lsh:.2f} s; {total / base_s:.1f}x the baseline)"
    )
    print(
        f"duplicates: {len(found)} = {kinds['exact']} exact + {kinds['near']} near, "
        f"in {len(clusters)} clusters (largest {max(clusters.values(), default=0) + 1} copies)"
    )
    texts = {r["url"]: r["content"] for r in records}
    near = [(i, d) for i, d in found.items() if d.kind == "near"]
    for doc_id, d in sorted(near, key=lambda x: x[1].score)[: args.examples]:
        a, b = texts[d.of], texts[doc_id]
        print(f"  near {d.score:.2f}: {d.of}  <-  {doc_id}")
        print(f"     {' '.join(a.split())[:90]}")
        print(f"     {' '.join(b.split())[:90]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
