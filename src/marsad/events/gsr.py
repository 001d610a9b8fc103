"""Sentence-level PROTEST detection against the crowd labels of OEDA's Arabic event GSR.

``../shared/data/arabic_event_gsr/protest_gsr.csv`` is a **test set**: report on it, never
tune on it. Labels: ``yes`` (every annotator accepted) is positive; ``easy no`` and
``difficult no`` are negative; ``ambiguous`` is left out. Two operating points, each sentence
analysed alone, as it was shown to the annotators:

* the PLOVER detector (default): one of the PROTEST events the events step codes reports the
  protest act itself (:func:`marsad.events.protest.is_protest`);
* ``strict``: one of them is a *clear* protest report, one every lay reader would accept
  (:func:`marsad.events.protest_clarity.clear_protest`), the narrower notion the crowd's
  unanimous ``yes`` stands for: a high-precision protest feed.

The development sets (``tests/data/protest_dev*.tsv``, PLOVER labels, and
``tests/data/protest_clarity.tsv``, clarity labels of the same sentences) are split by
:func:`dev_half` into a tuning half and a held-out half that is only reported.
"""

from __future__ import annotations

import csv
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from marsad.document import Article, Document, Source
from marsad.events.protest import is_protest
from marsad.events.protest_clarity import clear_protest
from marsad.pipeline import StepLike

POSITIVE = {"yes"}
NEGATIVE = {"easy no", "difficult no"}


@dataclass(frozen=True, slots=True)
class DetectionScores:
    tp: int
    fp: int
    fn: int
    tn: int
    seconds: float

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def summary(self) -> str:
        n = self.tp + self.fp + self.fn + self.tn
        return (
            f"PROTEST detection on {n} sentences ({self.tp + self.fn} positive): "
            f"P {self.precision:.3f} R {self.recall:.3f} F1 {self.f1:.3f} "
            f"(tp {self.tp} fp {self.fp} fn {self.fn} tn {self.tn}; {1000 * self.seconds / max(n, 1):.2f} ms/sentence)"
        )


def read_labels(path: str | Path) -> list[tuple[str, bool]]:
    """(sentence, is_protest) for every labelled, unambiguous row."""
    out: list[tuple[str, bool]] = []
    with open(path, encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            label = row["label"].strip()
            if label in POSITIVE or label in NEGATIVE:
                out.append((row["text"], label in POSITIVE))
    return out


Half = Literal["tune", "held"]


def dev_half(sha256: str) -> Half:
    """The half of the development sets a reference belongs to: rules are tuned on the
    ``tune`` half (an even hash) and the ``held`` half is only reported."""
    return "tune" if int(sha256, 16) % 2 == 0 else "held"


def read_dev(path: str | Path, corpus: str | Path, half: Half | None = None) -> list[tuple[str, bool]]:
    """(sentence, is_protest) from a development set, whose rows are references into
    SaudiNewsNet (``archive member article start end sha256 label note``; ``#`` comments):
    the corpus is CC BY-NC-SA, so its sentences are read from ``corpus`` (the dataset folder),
    not shipped. A reference whose text no longer has the recorded hash is an error.
    ``half`` keeps only the rows of one half (:func:`dev_half`)."""
    return [(sentence, row["label"].strip() == "1") for sentence, row in read_references(path, corpus, half)]


def read_clarity(path: str | Path, corpus: str | Path, half: Half | None = None) -> list[tuple[str, str]]:
    """(sentence, clarity) from ``tests/data/protest_clarity.tsv``: ``clear``, ``arguable`` or
    ``no`` (see that file's header); the strict operating point takes ``clear`` as positive."""
    return [(sentence, row["clarity"].strip()) for sentence, row in read_references(path, corpus, half)]


def read_references(path: str | Path, corpus: str | Path, half: Half | None = None) -> list[tuple[str, dict[str, str]]]:
    """(sentence, row) for every reference of a file of references into SaudiNewsNet (see
    :func:`read_dev`)."""
    import hashlib
    import json
    import zipfile

    with open(path, encoding="utf-8", newline="") as fh:
        lines = [ln for ln in fh if not ln.startswith("#")]
    rows = list(csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE))
    articles: dict[tuple[str, str], list[dict[str, str]]] = {}
    out: list[tuple[str, dict[str, str]]] = []
    for r in rows:
        if half is not None and dev_half(r["sha256"]) != half:
            continue
        key = (r["archive"], r["member"])
        if key not in articles:
            with zipfile.ZipFile(Path(corpus) / r["archive"]) as zf:
                articles[key] = json.loads(zf.read(r["member"]))
        content = articles[key][int(r["article"])].get("content") or ""
        sentence = content[int(r["start"]) : int(r["end"])]
        if hashlib.sha256(sentence.encode("utf-8")).hexdigest()[:12] != r["sha256"]:
            raise ValueError(f"{path}: reference {r['archive']}#{r['article']} does not match its hash")
        out.append((sentence, r))
    return out


def default_steps() -> list[StepLike]:
    """The project's own pipeline (each sentence is analysed alone)."""
    from marsad.analyze import default_steps as pipeline_steps
    from marsad.settings import Settings

    return pipeline_steps(Settings())


def evaluate_protest(path: str | Path, steps: Sequence[StepLike] | None = None, *, strict: bool = False) -> DetectionScores:
    """Scores on the GSR CSV (a test set: report only); ``strict`` scores the clarity
    operating point instead of the PLOVER detector."""
    return evaluate_pairs(read_labels(path), steps, strict=strict)


def evaluate_pairs(
    pairs: Sequence[tuple[str, bool]], steps: Sequence[StepLike] | None = None, *, strict: bool = False
) -> DetectionScores:
    """Detection scores over (sentence, gold) pairs, each sentence analysed alone: of
    :func:`marsad.events.protest.is_protest`, or with ``strict`` of
    :func:`marsad.events.protest_clarity.clear_protest`."""
    return evaluate_operating_points(pairs, steps)[1 if strict else 0]


def evaluate_operating_points(
    pairs: Sequence[tuple[str, bool]], steps: Sequence[StepLike] | None = None, *, quiet: bool = True
) -> tuple[DetectionScores, DetectionScores]:
    """Both operating points, (PLOVER, strict), from one analysis of each sentence."""
    from marsad.progress import progress

    steps = list(steps) if steps is not None else default_steps()
    counts = [[0, 0, 0, 0], [0, 0, 0, 0]]  # tp fp fn tn per operating point
    analysis = decide = 0.0
    for i, (text, gold) in enumerate(progress(pairs, desc="GSR sentences", disable=quiet, unit="sent")):
        t0 = time.perf_counter()
        doc = Document.from_article(Article(text, Source(), f"gsr{i}"))
        for step in steps:
            doc = step(doc)
        t1 = time.perf_counter()
        preds = (is_protest(doc), clear_protest(doc))
        decide += time.perf_counter() - t1
        analysis += t1 - t0
        for c, pred in zip(counts, preds, strict=True):
            c[0] += pred and gold
            c[1] += pred and not gold
            c[2] += gold and not pred
            c[3] += not pred and not gold
    # each point is charged the analysis and half the decision time
    seconds = analysis + decide / 2
    plover, strict = (DetectionScores(c[0], c[1], c[2], c[3], seconds) for c in counts)
    return plover, strict


@dataclass(frozen=True, slots=True)
class ProtestEvaluation:
    """Both operating points on one GSR file, as ``marsad eval --protest-gsr`` reports them."""

    path: str
    plover: DetectionScores
    strict: DetectionScores

    def metrics(self) -> dict[str, float | None]:
        out: dict[str, float | None] = {}
        for name, s in (("plover", self.plover), ("strict", self.strict)):
            out[f"protest_gsr.{name}.precision"] = s.precision
            out[f"protest_gsr.{name}.recall"] = s.recall
            out[f"protest_gsr.{name}.f1"] = s.f1
        return out

    def to_dict(self) -> dict[str, object]:
        def one(s: DetectionScores) -> dict[str, object]:
            return {"tp": s.tp, "fp": s.fp, "fn": s.fn, "tn": s.tn, "precision": s.precision,
                    "recall": s.recall, "f1": s.f1, "seconds": round(s.seconds, 3)}

        return {"path": self.path, "plover": one(self.plover), "strict": one(self.strict)}


def evaluate_gsr(
    path: str | Path, steps: Sequence[StepLike] | None = None, *, limit: int | None = None, quiet: bool = True
) -> ProtestEvaluation:
    """Both operating points on the GSR CSV at ``path`` (first ``limit`` labelled sentences)."""
    pairs = read_labels(path)
    if limit is not None:
        pairs = pairs[:limit]
    plover, strict = evaluate_operating_points(pairs, steps, quiet=quiet)
    return ProtestEvaluation(str(path), plover, strict)


DEFAULT_GSR = Path(__file__).resolve().parents[3].parent / "shared/data/arabic_event_gsr/protest_gsr.csv"


def main(argv: Sequence[str] | None = None) -> int:
    """``[PATH] [--strict]``: both operating points, or only the strict one."""
    import argparse

    ap = argparse.ArgumentParser(
        prog="eval_protest_gsr.py",
        description="Sentence-level PROTEST detection on the OEDA Arabic GSR (a test set: report "
        "only, never tune). Same figures as `marsad eval --protest-gsr PATH`.",
    )
    ap.add_argument("path", nargs="?", default=str(DEFAULT_GSR), help="protest_gsr.csv (default: %(default)s)")
    ap.add_argument("--strict", action="store_true", help="print only the clarity (strict) operating point")
    args = ap.parse_args(argv)
    ev = evaluate_gsr(args.path, quiet=not sys.stderr.isatty())
    if not args.strict:
        print("PLOVER detector:  " + ev.plover.summary())
    print("clarity (strict): " + ev.strict.summary())
    return 0


if __name__ == "__main__":
    sys.exit(main())
