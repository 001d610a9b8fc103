"""Floors per metric: save what a run achieves, and check a run against saved floors.

The file (``marsad.baseline/1``) maps metric names (``gold.mentions.f1``, ``conll.f1``,
``conllu.words.f1`` …) to floors. Saving rounds each achieved figure *down* to three decimals
and keeps the floors of metrics this run did not measure, so one file can collect gold, CoNLL
and CoNLL-U floors from separate runs. Raising a floor is a deliberate edit to that file.
A figure that is n/a (nothing to score) fails any floor above 0.
"""

from __future__ import annotations

import json
import math
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from marsad.errors import MarsadError

FORMAT = "marsad.baseline/1"
EPSILON = 1e-9


class BaselineError(MarsadError):
    """A baseline file that cannot be read or written."""


@dataclass(frozen=True, slots=True)
class Breach:
    metric: str
    value: float | None
    floor: float

    def __str__(self) -> str:
        got = "n/a" if self.value is None else f"{self.value:.4f}"
        return f"{self.metric}: {got} is below its floor {self.floor:.4f}"


def load_baseline(path: str | Path) -> dict[str, float]:
    p = Path(path)
    try:
        data = json.loads(p.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        raise BaselineError(f"cannot read baseline {p}: {exc}") from exc
    if (
        not isinstance(data, dict)
        or data.get("format") != FORMAT
        or not isinstance(data.get("metrics"), dict)
    ):
        raise BaselineError(f"{p} is not a {FORMAT} file")
    try:
        return {str(k): float(v) for k, v in data["metrics"].items()}
    except (TypeError, ValueError) as exc:
        raise BaselineError(f"{p}: floors must be numbers ({exc})") from exc


def floor3(value: float) -> float:
    return math.floor(value * 1000 + EPSILON) / 1000


def save_baseline(
    path: str | Path, metrics: Mapping[str, float | None], note: str | None = None
) -> dict[str, float]:
    """Write floors for every measured metric, keeping the file's other floors; returns them."""
    p = Path(path)
    floors: dict[str, float] = {}
    old: dict[str, Any] = {}
    if p.exists():
        floors = load_baseline(p)
        old = json.loads(p.read_text(encoding="utf-8"))
    for name, value in metrics.items():
        if value is not None:
            floors[name] = floor3(value)
    data = {
        "format": FORMAT,
        "note": note
        or old.get("note")
        or "floors per metric; marsad eval --check-baseline fails below them",
        "metrics": dict(sorted(floors.items())),
    }
    try:
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    except OSError as exc:
        raise BaselineError(f"cannot write baseline {p}: {exc}") from exc
    return floors


def check_baseline(
    metrics: Mapping[str, float | None], floors: Mapping[str, float]
) -> tuple[list[Breach], list[str]]:
    """Breaches among the measured metrics, and the floors this run did not measure."""
    breaches: list[Breach] = []
    unmeasured: list[str] = []
    for name, floor in sorted(floors.items()):
        if name not in metrics:
            unmeasured.append(name)
            continue
        value = metrics[name]
        if (value if value is not None else 0.0) + EPSILON < floor:
            breaches.append(Breach(name, value, floor))
    return breaches, unmeasured
