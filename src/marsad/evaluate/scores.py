"""Counters for precision/recall/F1 and accuracy, and the conventions for empty cases.

Conventions (one place, so every figure in a report means the same):

- precision = tp / predicted; with nothing predicted it is 0.0 when there was gold to find
  (the conlleval convention) and n/a (``None``) when there was nothing on either side;
- recall = tp / gold; n/a when there is no gold item;
- F1 = harmonic mean; 0.0 when gold is empty but something was predicted (all of it wrong);
  n/a when both sides are empty;
- accuracy = correct / total; n/a when total is 0.

Micro-averages add counters first and divide last (``a + b``).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True, slots=True)
class PRF:
    """Matched items ``tp`` out of ``pred`` counted predictions and ``gold`` required items."""

    tp: int = 0
    pred: int = 0
    gold: int = 0

    def __add__(self, other: PRF) -> PRF:
        return PRF(self.tp + other.tp, self.pred + other.pred, self.gold + other.gold)

    @property
    def precision(self) -> float | None:
        if self.pred:
            return self.tp / self.pred
        return 0.0 if self.gold else None

    @property
    def recall(self) -> float | None:
        return self.tp / self.gold if self.gold else None

    @property
    def f1(self) -> float | None:
        p, r = self.precision, self.recall
        if r is None:
            return 0.0 if self.pred else None
        assert p is not None  # gold > 0 implies a defined precision
        return 2 * p * r / (p + r) if p + r else 0.0

    def to_dict(self) -> dict[str, Any]:
        return {
            "precision": self.precision,
            "recall": self.recall,
            "f1": self.f1,
            "tp": self.tp,
            "pred": self.pred,
            "gold": self.gold,
        }


@dataclass(frozen=True, slots=True)
class Accuracy:
    correct: int = 0
    total: int = 0

    def __add__(self, other: Accuracy) -> Accuracy:
        return Accuracy(self.correct + other.correct, self.total + other.total)

    @property
    def value(self) -> float | None:
        return self.correct / self.total if self.total else None

    def to_dict(self) -> dict[str, Any]:
        return {"accuracy": self.value, "correct": self.correct, "total": self.total}
