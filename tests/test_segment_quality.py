"""Quality floor on UD Arabic PUD (a test set: reported here, never tuned on)."""

from __future__ import annotations

from pathlib import Path

import pytest

from marsad.pipeline import Pipeline
from marsad.segment import SegmentStep

pytestmark = pytest.mark.corpus


def test_pud_segmentation_floor(data_dir: Path) -> None:
    conllu = pytest.importorskip("marsad.evaluate.conllu")
    path = data_dir / "ud_arabic_pud" / "ar_pud-ud-test.conllu"
    if not path.exists():
        pytest.skip(f"{path} is absent")
    ev = conllu.evaluate_conllu(path, Pipeline([SegmentStep()]))
    m = ev.metrics()
    assert ev.sentences == 1000
    # measured 0.998 / 0.962 / 0.985 (log-linear clitic model, see the segment report); the
    # floors leave a little room and stay above the issue-4 target (clitic F1 >= 0.95)
    assert m["conllu.words.f1"] >= 0.995
    assert m["conllu.clitics.f1"] >= 0.955
    assert m["conllu.segments.f1"] >= 0.98
