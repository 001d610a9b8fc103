"""Sentence-level PROTEST detection against the crowd labels of OEDA's Arabic event GSR.

``../shared/data/arabic_event_gsr/protest_gsr.csv`` is a **test set**: report on it, never
tune on it. Labels: ``yes`` is positive; ``easy no`` and ``difficult no`` are negative;
``ambiguous`` is left out. A sentence is predicted positive when the events step codes a
PROTEST event in it (each sentence is analysed alone, as it was shown to the annotators).
"""

from __future__ import annotations

import csv
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from marsad.document import Article, Document, Source
from marsad.events.step import EventStep
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


def default_steps() -> list[StepLike]:
    """Segmentation, entities (when those modules exist) and events."""
    steps: list[StepLike] = []
    for mod, cls in (("marsad.segment", "SegmentStep"), ("marsad.entities.step", "EntityStep")):
        try:
            steps.append(getattr(__import__(mod, fromlist=[cls]), cls)())
        except (ImportError, AttributeError):
            continue
    steps.append(EventStep())
    return steps


def is_protest(doc: Document) -> bool:
    return any(e.plover == "PROTEST" and not e.negated for e in doc.events)


def evaluate_protest(path: str | Path, steps: Sequence[StepLike] | None = None) -> DetectionScores:
    steps = list(steps) if steps is not None else default_steps()
    tp = fp = fn = tn = 0
    t0 = time.perf_counter()
    for i, (text, gold) in enumerate(read_labels(path)):
        doc = Document.from_article(Article(text, Source(), f"gsr{i}"))
        for step in steps:
            doc = step(doc)
        pred = is_protest(doc)
        tp += pred and gold
        fp += pred and not gold
        fn += gold and not pred
        tn += not pred and not gold
    return DetectionScores(tp, fp, fn, tn, time.perf_counter() - t0)


def main(argv: Sequence[str] | None = None) -> int:
    args = list(argv if argv is not None else sys.argv[1:])
    path = args[0] if args else str(Path(__file__).resolve().parents[3].parent / "shared/data/arabic_event_gsr/protest_gsr.csv")
    print(evaluate_protest(path).summary())
    return 0


if __name__ == "__main__":
    sys.exit(main())
