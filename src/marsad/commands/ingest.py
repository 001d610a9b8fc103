"""``marsad ingest``: analyse a corpus into the store, resumably, on a chosen engine."""

from __future__ import annotations

import argparse
import json
import sys

from marsad.engines import make_engine
from marsad.settings import load_settings

HELP = "analyse articles and store them, their entities and events in a corpus database"

DESCRIPTION = """\
Read articles (the same inputs as 'marsad process'), run the full pipeline and store
documents, entities, events, quotes and rejects in an SQLite database (WAL, batched writes).

Idempotent and resumable: documents are keyed by id (or content hash) and pipeline version,
and each batch is committed with a completion marker. Run the same command again after a
crash or kill and it continues where it stopped; nothing is stored twice.

Exact duplicates (same text) and near duplicates (MinHash/LSH over normalised shingles) are
marked with the first copy they repeat; events reported by several articles are grouped into
story-level events at the end.
"""

EPILOG = """\
examples:
  marsad ingest news/ --db corpus.db                  a folder, one worker
  marsad ingest feeds/*.jsonl --workers 2             a local process pool
  marsad ingest dump.warc.gz --engine ray             a local Ray (pip install 'marsad[ray]')
  marsad ingest big/ --engine ray --ray-address ray://head:10001
"""


def add_parser(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser(
        "ingest", help=HELP, description=DESCRIPTION, epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )  # fmt: skip
    p.add_argument("inputs", nargs="+", metavar="INPUT", help="files, folders, archives, or -")
    p.add_argument("--db", help="database file (default: marsad.db)")
    p.add_argument("--workers", type=int, help="worker processes (default 1: in-process)")
    p.add_argument("--engine", choices=["local", "ray"], help="where to run (default local)")
    p.add_argument("--ray-address", help="an existing Ray cluster (default: start a local Ray)")
    p.add_argument("--batch-size", type=int, help="articles per batch and per commit (default 64)")
    p.add_argument("--published", help="publication date YYYY-MM-DD for articles that have none")
    p.add_argument("--max-bytes", type=int, help="reject inputs larger than this (default 5 MB)")
    p.add_argument("--config", help="settings file (TOML)")
    p.add_argument("--quiet", action="store_true", help="no progress bar and no summary")
    p.add_argument("--json", action="store_true", help="print the summary as JSON on stdout")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from marsad.store.loader import ingest
    from marsad.store.repository import Repository

    settings = load_settings(
        args.config,
        overrides={
            "db": args.db, "workers": args.workers, "engine": args.engine,
            "batch_size": args.batch_size, "published": args.published,
            "max_bytes": args.max_bytes, "quiet": args.quiet or None,
        },
    )  # fmt: skip
    engine = make_engine(settings.engine, workers=settings.workers, address=args.ray_address)
    try:
        with Repository(settings.db) as repo:
            summary = ingest(args.inputs, repo, engine, settings, show_progress=not settings.quiet)
            reasons = repo.reject_reasons() if summary.rejected else {}
    finally:
        engine.close()
    if args.json:
        print(json.dumps(summary.to_dict(), ensure_ascii=False))
    elif not settings.quiet:
        print(
            f"marsad: {summary.stored} stored, {summary.skipped} skipped as already present, "
            f"{summary.rejected} rejected, {summary.duplicates} duplicates found "
            f"({summary.exact_duplicates} exact, {summary.near_duplicates} near)"
            + (f", {summary.replaced} re-analysed" if summary.replaced else "")
            + f"; {summary.stories} story-level events; {summary.read} articles in "
            f"{summary.seconds:.1f} s ({summary.rate:.1f}/s) into {settings.db}",
            file=sys.stderr,
        )
        if reasons:
            print("marsad: rejects by reason: " + ", ".join(f"{n} {r}" for r, n in reasons.items()), file=sys.stderr)
        if summary.failed_batches:
            print(
                f"marsad: {summary.failed_batches} batch(es) failed; run the same command again "
                "to retry them",
                file=sys.stderr,
            )
    if summary.stored + summary.skipped + summary.replaced == 0 and summary.read > 0:
        return 1
    return 0
