"""``marsad process``: analyse articles from files, folders, archives or stdin into JSONL."""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path
from typing import IO

from marsad.analyze import build_pipeline
from marsad.errors import MarsadError
from marsad.ingest import read_inputs
from marsad.pipeline import Reject
from marsad.progress import progress
from marsad.settings import load_settings

HELP = "analyse articles and write one marsad.document/1 JSON object per article"

DESCRIPTION = """\
Read articles and write one analysed document per article.

INPUT may be a .txt, .html/.htm, .jsonl, .warc or .warc.gz file, a .zip archive of any of
these, a folder (read recursively), or '-' for standard input (JSONL if every line is a JSON
object, plain text otherwise). Encodings: UTF-8 (with or without BOM), UTF-16 with BOM,
Windows-1256 and ISO-8859-6 are detected.

Inputs that cannot be read (binary, undecodable, empty, larger than --max-bytes) and documents
that fail analysis are written to OUT.rejects.jsonl with a reason; the rest of the batch goes
on. The exit status is 1 only when nothing at all could be processed.
"""


def add_parser(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser(
        "process",
        help=HELP,
        description=DESCRIPTION,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("inputs", nargs="+", metavar="INPUT", help="files, folders, archives, or -")
    p.add_argument("-o", "--output", help="output file (default: standard output)")
    p.add_argument(
        "--format",
        choices=["jsonl", "json"],
        default="jsonl",
        help="jsonl: one document per line (default); json: pretty-printed documents",
    )
    p.add_argument("--published", help="publication date YYYY-MM-DD for articles that have none")
    p.add_argument("--max-bytes", type=int, help="reject inputs larger than this (default 5 MB)")
    p.add_argument("--limit", type=int, help="stop after this many documents")
    p.add_argument("--config", help="settings file (TOML)")
    p.add_argument("--quiet", action="store_true", help="no progress bar")
    p.set_defaults(func=run)


def _rejects_path(output: str | None) -> Path:
    if output:
        return Path(output + ".rejects.jsonl")
    return Path("marsad.rejects.jsonl")


def run(args: argparse.Namespace) -> int:
    settings = load_settings(
        args.config,
        overrides={"published": args.published, "max_bytes": args.max_bytes, "quiet": args.quiet or None},
    )
    if settings.published:
        _check_date(settings.published)
    pipeline = build_pipeline(settings)
    out: IO[str] = open(args.output, "w", encoding="utf-8") if args.output else sys.stdout  # noqa: SIM115
    rejects_path = _rejects_path(args.output)
    rejects: list[Reject] = []
    written = 0
    try:
        items = read_inputs(args.inputs, settings)
        for item in progress(items, desc="articles", disable=settings.quiet, unit="doc"):
            if isinstance(item, Reject):
                rejects.append(item)
                continue
            outcome = pipeline.process(item)
            if outcome.reject is not None:
                rejects.append(outcome.reject)
                continue
            assert outcome.document is not None
            doc = outcome.document.to_dict()
            if args.format == "json":
                out.write(json.dumps(doc, ensure_ascii=False, indent=2) + "\n")
            else:
                out.write(json.dumps(doc, ensure_ascii=False) + "\n")
            written += 1
            if args.limit and written >= args.limit:
                break
    finally:
        if out is not sys.stdout:
            out.close()
    if rejects:
        with rejects_path.open("w", encoding="utf-8") as fh:
            for r in rejects:
                fh.write(json.dumps(r.to_dict(), ensure_ascii=False) + "\n")
        print(
            f"marsad: {len(rejects)} input(s) rejected, reasons in {rejects_path}",
            file=sys.stderr,
        )
    elif args.output and rejects_path.exists():
        rejects_path.unlink()  # a rejects file from an earlier run would now be misleading
    if written == 0:
        print(f"marsad: error: nothing could be processed ({_why(rejects)})", file=sys.stderr)
        return 1
    if not settings.quiet:
        print(f"marsad: {written} document(s) written", file=sys.stderr)
    return 0


def _why(rejects: list[Reject]) -> str:
    """One line: the only reject in full, or the count of each reason."""
    if not rejects:
        return "no input articles found"
    if len(rejects) == 1:
        r = rejects[0]
        return f"{r.source}: {r.reason}" + (f": {r.detail}" if r.detail else "")
    counts = Counter(r.reason for r in rejects)
    return f"{len(rejects)} rejected: " + ", ".join(f"{n} {reason}" for reason, n in counts.most_common())


def _check_date(value: str) -> None:
    import datetime as dt

    try:
        dt.date.fromisoformat(value)
    except ValueError as exc:
        raise MarsadError(f"--published wants YYYY-MM-DD, got {value!r}") from exc
