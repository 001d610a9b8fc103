"""``marsad entities``: the people, organisations and places of a corpus, most reported first."""

from __future__ import annotations

import argparse
import sys

from marsad.commands._render import table

HELP = "list the entities of a corpus database, most reported first"


def add_parser(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser("entities", help=HELP, description=HELP + ".")
    p.add_argument("--db", default="marsad.db", help="database file (default: marsad.db)")
    p.add_argument("--type", help="PER, ORG, GPE, LOC, NORP or FAC")
    p.add_argument("--country", help="ISO 3166 alpha-3")
    p.add_argument("--limit", type=int, default=50, help="rows to show (default 50; 0: all)")
    p.add_argument("--format", choices=["table", "csv", "jsonl"], default="table")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from marsad import exports
    from marsad.store.repository import Repository

    with Repository(args.db, readonly=True) as repo:
        rows = repo.entities(type=args.type, country=args.country, limit=args.limit or None)
    if args.format == "csv":
        exports.write_csv(rows, sys.stdout)
    elif args.format == "jsonl":
        exports.write_jsonl(rows, sys.stdout)
    else:
        table(
            rows,
            [("canonical", "entity", 32), ("type", "type", 4), ("country", "country", 7),
             ("actor", "actor", 8), ("kb_id", "kb", 16), ("articles", "articles", 8),
             ("mentions", "mentions", 8)],
        )  # fmt: skip
    return 0
