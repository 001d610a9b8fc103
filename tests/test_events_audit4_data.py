"""The fourth event audit batch (tests/data/events_audit4.tsv: SaudiNewsNet and Jawhara FM): its
form, its halves, and that it points at the corpus sentences of the seeded sample."""

from __future__ import annotations

import importlib.util
import sys
from collections import Counter
from pathlib import Path

import pytest

from marsad.events.coding import PLOVER_TYPES

ROOT = Path(__file__).resolve().parents[1]
SCRIPTS = ROOT / "scripts"
AUDIT4 = ROOT / "tests" / "data" / "events_audit4.tsv"


def _load(name: str):
    if str(SCRIPTS) not in sys.path:
        sys.path.insert(0, str(SCRIPTS))
    if name in sys.modules:
        return sys.modules[name]
    spec = importlib.util.spec_from_file_location(name, SCRIPTS / f"{name}.py")
    mod = importlib.util.module_from_spec(spec)
    sys.modules[name] = mod  # dataclasses look their module up while the class is built
    spec.loader.exec_module(mod)  # type: ignore[union-attr]
    return mod


report = _load("event_audit_report")


@pytest.fixture(scope="module")
def rows():
    return report.read_audit(AUDIT4)


def test_batch_four_has_the_batch_columns_and_header(rows):
    lines = AUDIT4.read_text(encoding="utf-8").splitlines()
    header = next(ln for ln in lines if ln.startswith("archive\t"))
    assert tuple(header.split("\t")) == report.COLUMNS
    assert any("batch 4" in ln for ln in lines if ln.startswith("#"))
    assert len(rows) >= 300


def test_batch_four_halves_are_whole_articles_of_both_corpora(rows):
    halves = {r.key: r.half for r in rows}
    assert all(halves[r.key] == r.half for r in rows)  # an article sits in one half
    counts = Counter(halves.values())
    assert counts["tune"] == 30 and counts["held"] == 29  # one held opinion column has no event and no row
    archives = {r.key: r.archive for r in rows}
    assert sum(a.endswith(".zip") for a in archives.values()) == 41
    assert sum(a.endswith(".tar.gz") for a in archives.values()) == 18
    # the held half weighs about as much as the tune half
    events = Counter(r.half for r in rows if r.event)
    assert events["held"] >= 150 and events["tune"] >= 150
    assert len({r.key for r in rows}) == len({(r.archive, r.member, r.article) for r in rows})  # ANT keys are paths


def test_batch_four_rows_are_well_formed(rows):
    for r in rows:
        assert r.origin in ("coded", "missed")
        assert r.plover == "NONE" or r.plover in PLOVER_TYPES
        assert r.sent_start <= r.trig_start < r.trig_end <= r.sent_end
        assert len(r.sha256) == 12 and all(ch in "0123456789abcdef" for ch in r.sha256)
        if r.event:
            assert r.modality in ("asserted", "future", "hypothetical", "demanded")
            assert r.source and r.target
        else:
            assert r.origin == "coded"  # only what was coded can be judged no event
            assert (r.source, r.target, r.modality) == ("", "", "")
    # no two rows of one article share a trigger
    triggers = Counter((r.key, r.trig_start, r.trig_end) for r in rows)
    assert max(triggers.values()) == 1


def test_batch_four_is_disjoint_from_the_earlier_audits(rows):
    earlier = set()
    for name in ("events_audit.tsv", "events_audit2.tsv", "events_audit3.tsv"):
        earlier |= {r.key for r in report.read_audit(ROOT / "tests" / "data" / name)}
    assert not earlier & {r.key for r in rows}


def test_batch_four_points_at_the_corpus_sentences(rows, data_dir):
    if not (data_dir / "saudinewsnet").exists() or not (data_dir / "ant_jawharafm").exists():
        pytest.skip("the audited corpora are absent")
    recs = report.load_articles(rows)  # raises on a sentence hash that differs
    assert len(recs) == len({r.key for r in rows})


@pytest.mark.slow
def test_batch_four_is_the_seeded_sample(data_dir):
    sampler = _load("sample_event_audit")
    assert sampler.main(["--batch", "4", "--check", str(AUDIT4)]) == 0
