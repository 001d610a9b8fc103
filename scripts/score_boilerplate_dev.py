"""Score boilerplate detection on tests/data/boilerplate_dev/ (one half or both).

    .venv/bin/python scripts/score_boilerplate_dev.py [--split tune|held|all] [-v]

Each ``NAME.txt`` is an article in the page or wire conventions of one Arabic outlet, and
``NAME.json`` lists its boilerplate spans (offsets into the text, kind, text). The split is by
file name hash (``split`` in the JSON): the tune half is for developing rules, the held half is
scored only to report. Prints character recall and precision (blanks ignored, kinds ignored, the
measure of ``marsad eval``); ``-v`` lists missed and wrongly marked pieces.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from marsad.boilerplate import find_boilerplate

DEV = Path(__file__).resolve().parents[1] / "tests" / "data" / "boilerplate_dev"


def chars(text: str, spans) -> set[int]:
    return {i for s, e in spans for i in range(s, e) if not text[i].isspace()}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("--split", choices=("tune", "held", "all"), default="tune")
    ap.add_argument("-v", "--verbose", action="store_true")
    args = ap.parse_args(argv)
    tp = fn = fp = 0
    docs = 0
    for path in sorted(DEV.glob("*.json")):
        gold = json.loads(path.read_text("utf-8"))
        if args.split != "all" and gold["split"] != args.split:
            continue
        docs += 1
        text = path.with_suffix(".txt").read_text("utf-8")
        spans = find_boilerplate(text)
        want = chars(text, ((b["start"], b["end"]) for b in gold["boilerplate"]))
        got = chars(text, ((b.start, b.end) for b in spans))
        tp += len(want & got)
        fn += len(want - got)
        fp += len(got - want)
        if args.verbose:
            for b in gold["boilerplate"]:
                if not chars(text, [(b["start"], b["end"])]) <= got:
                    print(f"{path.stem}\tMISSED\t{b['kind']}\t{b['text']}")
            for b in spans:
                if not chars(text, [(b.start, b.end)]) <= want:
                    print(f"{path.stem}\tWRONG\t{b.kind}\t{text[b.start : b.end]}")
    recall = tp / (tp + fn) if tp + fn else 1.0
    precision = tp / (tp + fp) if tp + fp else 1.0
    print(
        f"{args.split}: {docs} documents, boilerplate chars recall {recall:.3f} precision {precision:.3f}"
        f" (gold {tp + fn}, marked {tp + fp}, right {tp})"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
