"""Throughput of the text layer (every default step up to and including ``segment``).

    .venv/bin/python benchmarks/bench_text_layer.py [-n 2000 | --all] [--data ../shared/data]

Reads SaudiNewsNet (zipped JSON per day), and in the same run times a baseline loop that only
decodes the articles and splits them on whitespace, then the text layer on the same articles.
Prints articles/s per core (CPU time of this one process), words/s, peak memory (ru_maxrss)
and the ratio to the baseline. Not a test.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
import zipfile
from collections.abc import Iterator
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_ingest import peak_mb  # noqa: E402  (one memory probe for every benchmark)

ROOT = Path(__file__).resolve().parents[1]


def articles(data: Path, limit: int | None) -> Iterator[str]:
    n = 0
    for z in sorted((data / "saudinewsnet" / "dataset").glob("*.zip")):
        with zipfile.ZipFile(z) as zf:
            for name in zf.namelist():
                for a in json.loads(zf.read(name)):
                    text = a.get("content") or ""
                    if not text.strip():
                        continue
                    yield text
                    n += 1
                    if limit is not None and n >= limit:
                        return


def text_layer_steps():  # type: ignore[no-untyped-def]
    """The default steps up to and including ``segment`` (SegmentStep alone if not wired yet)."""
    from marsad.analyze import default_steps
    from marsad.settings import Settings

    steps = default_steps(Settings())
    names = [s.name for s in steps]
    if "segment" in names:
        return steps[: names.index("segment") + 1], False
    from marsad.segment import SegmentStep

    return [SegmentStep()], True


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("-n", type=int, default=2000, help="articles to read (default 2000)")
    ap.add_argument("--all", action="store_true", help="every non-empty article (about 30,700)")
    ap.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    args = ap.parse_args(argv)
    limit = None if args.all else args.n
    if not (args.data / "saudinewsnet").exists():
        print(f"{args.data / 'saudinewsnet'} is absent", file=sys.stderr)
        return 2

    from marsad.document import Document

    steps, fallback = text_layer_steps()
    labels = ", ".join(f"{s.name}.v{s.version}" for s in steps)
    print(f"text layer: {labels}" + ("  (segment is not in analyze.default_steps yet)" if fallback else ""))

    # Baseline: decode and split on whitespace.
    c0, w0 = time.process_time(), time.perf_counter()
    n_base = words = 0
    for text in articles(args.data, limit):
        words += len(text.split())
        n_base += 1
    base_cpu, base_wall = time.process_time() - c0, time.perf_counter() - w0
    base_peak = peak_mb()

    # Warm-up: load resources (char map, frequency list, weights) outside the timed loop.
    t0 = time.perf_counter()
    warm = Document(id="warm", text="وقال الوزير إن الکیان الصهیوني.")
    for step in steps:
        warm = step(warm)
    load_s = time.perf_counter() - t0

    c0, w0 = time.process_time(), time.perf_counter()
    n = tokens = 0
    for i, text in enumerate(articles(args.data, limit)):
        doc = Document(id=str(i), text=text)
        for step in steps:
            doc = step(doc)
        tokens += len(doc.tokens)
        n += 1
    cpu, wall = time.process_time() - c0, time.perf_counter() - w0
    peak = peak_mb()

    print(f"articles: {n}  whitespace words: {words}  tokens: {tokens}")
    print(f"baseline (decode + split): {n_base / base_cpu:10.0f} articles/s/core  {words / base_cpu:12.0f} words/s  "
          f"wall {base_wall:.2f}s  peak {base_peak:.0f} MB")
    print(f"text layer:                {n / cpu:10.0f} articles/s/core  {words / cpu:12.0f} words/s  "
          f"wall {wall:.2f}s  peak {peak:.0f} MB  (resource load {load_s:.2f}s, not timed)")
    print(f"ratio text layer / baseline CPU time: {cpu / base_cpu:.1f}x")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
