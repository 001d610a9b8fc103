"""Throughput of the full default analysis pipeline on SaudiNewsNet, one process (one core).

    .venv/bin/python benchmarks/bench_pipeline.py [-n 1000 | --all] [--no-recognizer]
                                                  [--gc-threshold N] [--gc-freeze]

Reads the first N non-empty articles (file order; URL as id, the crawl date as publication
date), times a baseline loop over the same articles in the same run (decode the zipped JSON and
split each article on white space), then runs ``analyze.build_pipeline()`` over them after
loading its resources on one warm-up article. Prints articles/s per core (CPU time of this
process), tokens/s, each step's ms per article, peak memory (ru_maxrss) and the ratio to the
baseline. The target (issues 5, 6, 7) is 50 articles/s per core or more.

``--gc-threshold`` sets the collector's first threshold (``gc.set_threshold``) before the timed
loop and ``--gc-freeze`` moves everything loaded by the warm-up out of the collector's reach
(``gc.freeze``), to show what the cyclic garbage collector costs; by default neither is done.
Not a test: the machine is shared, so figures move with its load.
"""

from __future__ import annotations

import argparse
import gc
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_ingest import DATA, articles, peak_mb, read_saudinewsnet  # noqa: E402  (the one corpus reader)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("-n", type=int, default=1000, help="articles to analyse (default 1000)")
    ap.add_argument("--all", action="store_true", help="every non-empty article (31,030)")
    ap.add_argument("--no-recognizer", action="store_true", help="entities from the knowledge base and roles only")
    ap.add_argument("--gc-threshold", type=int, help="gc.set_threshold(N) for the timed loop (default: Python's)")
    ap.add_argument("--gc-freeze", action="store_true", help="gc.freeze() after the warm-up (resources loaded)")
    args = ap.parse_args(argv)
    limit = None if args.all else args.n
    if not DATA.exists():
        print(f"no SaudiNewsNet at {DATA}", file=sys.stderr)
        return 2

    from marsad.analyze import build_pipeline
    from marsad.document import Article, Source
    from marsad.settings import load_settings

    # Baseline: decode (zip → JSON → str) and split on white space, the same articles.
    c0, w0 = time.process_time(), time.perf_counter()
    records = read_saudinewsnet(None if limit is None else limit + limit // 20 + 50)  # a few are empty
    texts = [t for r in records if (t := r.get("content") or "").strip()][:limit]
    words = sum(len(t.split()) for t in texts)
    base_cpu, base_wall = time.process_time() - c0, time.perf_counter() - w0

    items = articles(records)[:limit]
    pipeline = build_pipeline(load_settings())  # MARSAD_* variables apply (MARSAD_NER_NEURAL=1)
    if args.no_recognizer:
        from marsad.entities.step import EntityStep

        pipeline.steps = [EntityStep(use_recognizer=False) if s.name == "entities" else s for s in pipeline.steps]
    t0 = time.perf_counter()
    pipeline.process(Article(text=items[0].text, source=Source()))  # load every resource, untimed
    load_s = time.perf_counter() - t0
    pipeline.seconds.clear()
    if args.gc_freeze:
        gc.freeze()  # the loaded models and lexicons leave the collector's generations
    if args.gc_threshold:
        gc.set_threshold(args.gc_threshold, *gc.get_threshold()[1:])

    c0, w0 = time.process_time(), time.perf_counter()
    done = rejected = tokens = 0
    for art in items:
        out = pipeline.process(art)
        if out.document is None:
            rejected += 1
            continue
        done += 1
        tokens += len(out.document.tokens)
    cpu, wall = time.process_time() - c0, time.perf_counter() - w0
    n = len(items)

    steps = " ".join(f"{s.name}.v{s.version}" for s in pipeline.steps)
    print(f"pipeline: {steps}" + ("  (no recognizer)" if args.no_recognizer else ""))
    print(f"articles: {n} ({done} analysed, {rejected} rejected)  whitespace words: {words}  tokens: {tokens}"
          f"  gc threshold: {gc.get_threshold()[0]}" + ("  gc.freeze() after warm-up" if args.gc_freeze else ""))
    print(f"baseline (decode + split): {len(texts) / base_cpu:10.0f} articles/s/core  {words / base_cpu:12.0f} words/s"
          f"  wall {base_wall:.2f}s")
    print(f"pipeline:                  {n / cpu:10.1f} articles/s/core  {tokens / cpu:12.0f} tokens/s"
          f"  {words / cpu:10.0f} words/s  wall {wall:.2f}s ({n / wall:.1f} articles/s)"
          f"  peak {peak_mb():.0f} MB  (resource load {load_s:.2f}s, not timed)")
    print("ms per article: " + "  ".join(f"{k} {v / n * 1000:.2f}" for k, v in pipeline.seconds.items())
          + f"  (all steps {sum(pipeline.seconds.values()) / n * 1000:.2f}, wall {wall / n * 1000:.2f})")
    print(f"ratio pipeline / baseline CPU time: {cpu / base_cpu:.0f}x")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
