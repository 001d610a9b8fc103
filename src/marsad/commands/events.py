"""``marsad events``: query stored events (or story-level events) and export them."""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from typing import IO

from marsad.commands._render import table
from marsad.errors import MarsadError

HELP = "list or export stored events (table, csv, jsonl, plover, parquet)"

DESCRIPTION = """\
List the events of a corpus database, filtered by actor code, country, PLOVER type and date.
--stories lists story-level events instead: one row per event however many articles report it,
with the number of reports and articles (counts that are not inflated by re-publication).

Formats: table (terminal), csv, jsonl (one row per line), plover (one PLOVER JSON record per
line, see docs/plover-export.md), parquet (needs -o and pip install 'marsad[parquet]').
"""


def add_parser(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser(
        "events", help=HELP, description=DESCRIPTION, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    p.add_argument("--db", default="marsad.db", help="database file (default: marsad.db)")
    who = p.add_mutually_exclusive_group()
    who.add_argument("--actor", help="CAMEO actor code or prefix (IRN, IRNGOV) of source or target")
    who.add_argument("--country", help="ISO 3166 alpha-3 of the source, target or place")
    p.add_argument("--type", dest="plover", help="PLOVER event type (CONSULT, ACCUSE, PROTEST, ASSAULT, ...)")
    p.add_argument("--since", help="first date, YYYY-MM-DD (inclusive)")
    p.add_argument("--until", help="last date, YYYY-MM-DD (inclusive)")
    p.add_argument("--stories", action="store_true", help="story-level events, not reports")
    p.add_argument("--no-duplicates", action="store_true", help="leave out reports from copies")
    p.add_argument("--limit", type=int, help="at most this many rows")
    p.add_argument(
        "--format", choices=["table", "csv", "jsonl", "plover", "parquet"], default="table"
    )
    p.add_argument("-o", "--output", help="output file (default: standard output)")
    p.set_defaults(func=run)


def _date(value: str | None, flag: str) -> str | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value).isoformat()
    except ValueError as exc:
        raise MarsadError(f"{flag} wants YYYY-MM-DD, got {value!r}") from exc


def run(args: argparse.Namespace) -> int:
    from marsad import exports
    from marsad.store.repository import EventQuery, Repository

    q = EventQuery(
        actor=args.actor, country=args.country, plover=args.plover,
        since=_date(args.since, "--since"), until=_date(args.until, "--until"),
        include_duplicates=not args.no_duplicates, limit=args.limit,
    )  # fmt: skip
    if args.format == "parquet" and not args.output:
        raise MarsadError("--format parquet writes a binary file: give it with -o FILE")
    if args.stories and args.format == "plover":
        raise MarsadError("--format plover exports event reports; drop --stories")
    with Repository(args.db, readonly=True) as repo:
        rows = repo.stories(q) if args.stories else repo.events(q)
    if args.format == "parquet":
        n = exports.write_parquet(rows, args.output)
        print(f"marsad: {n} row(s) written to {args.output}", file=sys.stderr)
        return 0
    out: IO[str] = open(args.output, "w", encoding="utf-8", newline="") if args.output else sys.stdout  # noqa: SIM115
    try:
        if args.format == "csv":
            exports.write_csv(rows, out)
        elif args.format == "jsonl":
            exports.write_jsonl(rows, out)
        elif args.format == "plover":
            exports.write_plover(rows, out)
        elif args.stories:
            table(
                rows,
                [("id", "story", 6), ("plover", "type", 12), ("date_first", "date", 10),
                 ("source_name", "source", 24), ("target_name", "target", 24),
                 ("location_name", "place", 16), ("reports", "reports", 7),
                 ("articles", "articles", 8), ("outlets", "outlets", 7)],
                out,
            )  # fmt: skip
        else:
            table(
                rows,
                [("date", "date", 10), ("plover", "type", 12), ("source_actor", "src", 8),
                 ("source_name", "source", 20), ("target_actor", "tgt", 8),
                 ("target_name", "target", 20), ("story", "story", 6), ("doc_id", "article", 16),
                 ("sentence", "evidence", 120)],
                out,
            )  # fmt: skip
    finally:
        if out is not sys.stdout:
            out.close()
    return 0
