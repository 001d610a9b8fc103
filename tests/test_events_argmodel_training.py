"""scripts/train_event_args.py rebuilds the committed argument-model weights byte for byte."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
WEIGHTS = ROOT / "src" / "marsad" / "resources" / "events" / "argument_model.json"


@pytest.fixture(scope="module")
def trainer(data_dir: Path):  # noqa: ANN201
    if not (data_dir / "saudinewsnet").exists() or not (data_dir / "ant_jawharafm").exists():
        pytest.skip("the audited corpora are absent")
    sys.path.insert(0, str(ROOT / "scripts"))
    import train_event_args

    return train_event_args


@pytest.mark.slow  # trains on every audit and gold document (~1 min on 2 cores); MARSAD_SLOW=1 runs it
def test_training_reproduces_the_committed_weights(trainer, tmp_path: Path, capsys) -> None:  # noqa: ANN001
    """The model is opt-in; after a rule or entity change, rerun scripts/train_event_args.py."""
    out = tmp_path / "w.json"
    assert trainer.main(["--out", str(out)]) == 0
    printed = capsys.readouterr().out
    assert "all folds" in printed and "threshold" in printed
    assert out.read_bytes() == WEIGHTS.read_bytes()


def test_training_data_never_reads_held_rows(trainer, monkeypatch) -> None:  # noqa: ANN001
    """The audit reader is asked only for tune rows: the held half is never loaded."""
    seen: list = []
    real = trainer.load_articles

    def spy(rows, *a, **k):  # noqa: ANN001, ANN002, ANN003, ANN202
        seen.extend(rows)
        return {}

    monkeypatch.setattr(trainer, "load_articles", spy)
    for path in trainer.AUDITS:
        assert trainer.audit_docs(None, None, path) == []
    assert seen and {r.half for r in seen} == {"tune"}
    assert real is not spy
