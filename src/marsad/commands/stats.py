"""``marsad stats``: how much a corpus database holds."""

from __future__ import annotations

import argparse
import json

HELP = "count the articles, rejects, duplicates, entities, events and stories of a database"


def add_parser(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser("stats", help=HELP, description=HELP + ".")
    p.add_argument("--db", default="marsad.db", help="database file (default: marsad.db)")
    p.add_argument("--format", choices=["text", "json"], default="text")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from marsad.store.repository import Repository

    with Repository(args.db, readonly=True) as repo:
        stats = repo.stats()
        reasons = repo.reject_reasons()
    if args.format == "json":
        print(json.dumps({**stats, "reject_reasons": reasons}, ensure_ascii=False))
        return 0
    for key, value in stats.items():
        print(f"{key:>20}  {value}")
    for reason, n in reasons.items():
        print(f"{'rejects: ' + reason:>20}  {n}")
    return 0
