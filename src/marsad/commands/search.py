"""``marsad search``: ranked Arabic-aware full-text search over a corpus database."""

from __future__ import annotations

import argparse
import json
import sys

from marsad.commands._render import table

HELP = "search stored articles (hamza, ى/ي, ة/ه, diacritics and proclitics do not matter)"

DESCRIPTION = """\
Search the articles of a corpus database. Words are matched on their normalised stem:
"احمديان" finds "أحمديان", "لأحمديان" and "وأحمديان". All words must occur; use "a phrase"
in double quotes, A OR B for alternatives, -word to exclude. Hits are ranked by BM25; copies
of a report are folded into its first copy (see --duplicates).
"""


def add_parser(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser(
        "search", help=HELP, description=DESCRIPTION, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    p.add_argument("query", help="the words to find")
    p.add_argument("--db", default="marsad.db", help="database file (default: marsad.db)")
    p.add_argument("--limit", type=int, default=10, help="hits to show (default 10)")
    p.add_argument("--offset", type=int, default=0, help="skip this many hits first")
    p.add_argument("--duplicates", action="store_true", help="list copies of a report too")
    p.add_argument("--format", choices=["table", "jsonl"], default="table")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from marsad.store.repository import Repository

    with Repository(args.db, readonly=True) as repo:
        hits = repo.search(
            args.query, limit=args.limit, offset=args.offset, include_duplicates=args.duplicates
        )
    if args.format == "jsonl":
        for h in hits:
            sys.stdout.write(json.dumps(h.to_dict(), ensure_ascii=False) + "\n")
        return 0
    if not hits:
        print("no match", file=sys.stderr)
        return 0
    tty = sys.stdout.isatty()
    rows = [
        {
            "rank": i,
            "id": h.id,
            "date": h.published,
            "outlet": h.outlet,
            "copies": h.copies or "",
            "snippet": h.snippet.marked("\x1b[1m", "\x1b[0m") if tty else h.snippet.marked(),
        }
        for i, h in enumerate(hits, start=1 + args.offset)
    ]
    table(
        rows,
        [("rank", "#", 4), ("id", "id", 20), ("date", "date", 10), ("outlet", "outlet", 14),
         ("copies", "copies", 6), ("snippet", "snippet", 400)],
    )  # fmt: skip
    return 0
