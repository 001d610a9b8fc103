"""Score datelines on tests/data/dateline_dev/ (span accuracy per split).

    .venv/bin/python scripts/dateline_dev_score.py [--split tune|held|all] [-v]

The dateline is the clean step's (``doc.dateline``): one inside a boilerplate span is none.
``expected.tsv`` gives each case file its expected dateline surface (empty: no dateline) and its
half. A case is right when the found span's text equals the expected one, or when neither finds
one. The held half is scored only to report, never read while writing rules. Also prints
positives found / missed and false datelines, since a false one is worse than a missed one.
"""

from __future__ import annotations

import argparse
import csv
from dataclasses import dataclass
from pathlib import Path

from marsad.clean import CleanStep
from marsad.document import Document

DEV = Path(__file__).resolve().parents[1] / "tests" / "data" / "dateline_dev"


@dataclass(frozen=True, slots=True)
class Score:
    cases: int
    right: int
    missed: int  # an expected dateline not found (or found with another span)
    false: int  # a dateline where none is expected

    @property
    def accuracy(self) -> float:
        return self.right / self.cases if self.cases else 0.0


def cases(split: str) -> list[tuple[str, str, str]]:
    """(file name, expected surface, split) rows of ``expected.tsv`` for ``split`` (or all)."""
    with (DEV / "expected.tsv").open(encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE))
    return [(r["case"], r["expected"], r["split"]) for r in rows if split in ("all", r["split"])]


def found(name: str) -> str:
    text = (DEV / "cases" / name).read_text(encoding="utf-8")
    d = CleanStep()(Document(id=name, text=text)).dateline
    return text[d.start : d.end] if d else ""


def score(split: str, verbose: bool = False) -> Score:
    right = missed = false = 0
    rows = cases(split)
    for name, expected, _ in rows:
        got = found(name)
        if got == expected:
            right += 1
            continue
        if expected:
            missed += 1
        else:
            false += 1
        if verbose:
            print(f"  {name}: expected {expected!r}, found {got!r}")
    return Score(len(rows), right, missed, false)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("--split", choices=("tune", "held", "all"), default="tune")
    ap.add_argument("-v", "--verbose", action="store_true")
    args = ap.parse_args(argv)
    for split in ("tune", "held") if args.split == "all" else (args.split,):
        s = score(split, args.verbose)
        print(
            f"{split}: {s.right}/{s.cases} = {s.accuracy:.3f} (missed or wrong span {s.missed}, false {s.false})"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
