"""The ``marsad`` command line: parses arguments, calls the library, prints clean errors.

Each command lives in ``marsad.commands.<name>`` with ``add_parser(subparsers)`` and
``run(args) -> int``; this module only lists them.
"""

from __future__ import annotations

import argparse
import importlib
import logging
import os
import sys

from marsad import __version__
from marsad.errors import MarsadError

# (command, module) in the order --help shows them
COMMANDS: list[tuple[str, str]] = [
    ("process", "marsad.commands.process"),
    ("eval", "marsad.commands.eval"),
    ("ingest", "marsad.commands.ingest"),
    ("search", "marsad.commands.search"),
    ("events", "marsad.commands.events"),
    ("entities", "marsad.commands.entities"),
    ("stats", "marsad.commands.stats"),
    ("serve", "marsad.commands.serve"),
]

EPILOG = """\
examples:
  marsad process article.txt --format json        analyse one article, print it pretty
  marsad process news/ -o out.jsonl               a whole folder (recursive), one JSON per line
  cat feed.jsonl | marsad process - -o out.jsonl  JSONL from standard input
  marsad ingest news/ --db corpus.db --workers 2  store a corpus (rerun safely: resumes)
  marsad search "احمديان" --db corpus.db           Arabic-aware search (أحمديان, لأحمديان, …)
  marsad events --db corpus.db --country IRN --type CONSULT --format csv
  marsad serve --db corpus.db                     dashboard at http://127.0.0.1:8000/
  marsad eval ../shared/gold/                     quality figures against gold documents

Run 'marsad COMMAND --help' for the options of each command.
"""


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="marsad",
        description="Marsad (مرصد): read Arabic news natively and turn it into clean articles, "
        "named entities and coded political events, each with the exact words that prove it.",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"marsad {__version__}")
    parser.add_argument("-v", "--verbose", action="store_true", help="log progress details")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for _name, module in COMMANDS:
        importlib.import_module(module).add_parser(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    logging.basicConfig(
        level=logging.INFO if args.verbose else logging.WARNING,
        format="marsad: %(levelname)s %(name)s: %(message)s",
    )
    if not getattr(args, "func", None):
        parser.print_help()
        return 2
    from marsad.memo import tune_gc_for_batches

    tune_gc_for_batches()  # forked engine workers inherit it
    # Marsad runs one process per core (engines); numpy's small matrices never gain from BLAS
    # threads, which would oversubscribe the cores. Set before numpy loads; a user's value wins.
    for var in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
        os.environ.setdefault(var, "1")
    try:
        return int(args.func(args) or 0)
    except MarsadError as exc:
        print(f"marsad: error: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("marsad: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
