"""The held-out event audit (tests/data/events_audit.tsv): its references, and the scorer that
reads them (scripts/event_audit_report.py)."""

from __future__ import annotations

import importlib.util
import sys
from collections import Counter
from pathlib import Path

import pytest

from marsad.events.coding import PLOVER_TYPES

ROOT = Path(__file__).resolve().parents[1]
SCRIPTS = ROOT / "scripts"


def _load(name: str):
    if str(SCRIPTS) not in sys.path:
        sys.path.insert(0, str(SCRIPTS))
    spec = importlib.util.spec_from_file_location(name, SCRIPTS / f"{name}.py")
    mod = importlib.util.module_from_spec(spec)
    sys.modules[name] = mod  # dataclasses look their module up while the class is built
    spec.loader.exec_module(mod)  # type: ignore[union-attr]
    return mod


report = _load("event_audit_report")


@pytest.fixture(scope="module")
def rows():
    return report.read_audit()


def test_the_audit_is_large_enough_and_well_formed(rows):
    coded = [r for r in rows if r.origin == "coded"]
    assert len(coded) >= 150
    articles = {r.key for r in rows}
    assert len(articles) >= 30
    halves = {r.key: r.half for r in rows}
    assert all(halves[r.key] == r.half for r in rows)  # an article sits in one half
    assert Counter(halves.values())["held"] == 30 and Counter(halves.values())["tune"] >= 29  # one had no event
    for r in rows:
        assert r.origin in ("coded", "missed")
        assert r.plover == "NONE" or r.plover in PLOVER_TYPES
        assert r.sent_start <= r.trig_start < r.trig_end <= r.sent_end
        assert len(r.sha256) == 12
        if r.event:
            assert r.modality in ("asserted", "future", "hypothetical", "demanded")
            assert r.source and r.target
        else:
            assert r.origin == "coded"  # only what was coded can be judged no event


def test_the_references_point_at_the_corpus_sentences(rows, data_dir):
    corpus = data_dir / "saudinewsnet" / "dataset"
    recs = report.load_articles(rows, corpus)  # raises on a hash that differs
    assert len(recs) == len({r.key for r in rows})


@pytest.mark.parametrize(
    ("gold", "pred", "ok"),
    [
        ("*", ["أي شيء"], True),
        ("-", [], True),
        ("-", ["إيران"], False),
        ("-|إيران", ["الجمهورية الإسلامية", "إيران"], True),
        ("التحالف|المملكة", ["التحالف العربي"], True),
        ("السعودية", ["المملكة العربية السعودية"], True),
        ("أنصار الله|الحوثي", ["تنظيم الدولة الإسلامية"], False),
        ("بان كي مون", ["ان كي مون"], True),
        ("الحوثي", [], False),
    ],
)
def test_argument_matching(gold, pred, ok):
    assert report.arg_ok(gold, pred) is ok


def _row(a, b, plover="ASSAULT", s0=0, s1=200, **kw):
    base = dict(archive="x.zip", member="x.json", article=1, half="held", sent_start=s0, sent_end=s1,
                sha256="0" * 12, trig_start=a, trig_end=b, origin="coded", plover=plover, source="*",
                target="*", modality="asserted", negated=False)
    base.update(kw)
    return report.Row(**base)


def _pred(a, b, plover="ASSAULT"):
    return {"start": a, "end": b, "text": "", "plover": plover, "cameo": "", "source": [], "target": [],
            "modality": "asserted", "negated": False}


def test_alignment_prefers_overlap_then_nearness_then_the_same_type():
    rows = [_row(10, 15), _row(60, 66, "REQUEST", origin="missed"), _row(150, 155, "NONE")]
    preds = [_pred(11, 14), _pred(40, 44, "REQUEST"), _pred(150, 155, "ASSAULT"), _pred(300, 305)]
    matched, spurious = report.align(rows, preds)
    assert [p["start"] if p else None for _r, p in matched] == [11, 40, 150]
    assert [p["start"] for p in spurious] == [300]


def test_scores_count_types_arguments_and_spurious_events():
    rows = [_row(10, 15, source="إيران"), _row(60, 66, "REQUEST"), _row(150, 155, "NONE")]
    preds = {"x.zip#1": [_pred(11, 14), _pred(62, 64, "ACCUSE"), _pred(150, 155)]}
    c = report.score(rows, preds, "held")
    assert (c["predicted"], c["gold"], c["type_ok"], c.get("full_ok", 0)) == (3, 2, 1, 0)
    assert (c["wrong_type"], c["spurious_none"], c["wrong_source"]) == (1, 1, 1)


@pytest.mark.slow
def test_the_audited_articles_are_the_seeded_sample(data_dir):
    sampler = _load("sample_event_audit")
    assert sampler.main(["--corpus", str(data_dir / "saudinewsnet" / "dataset"), "--check", str(report.AUDIT)]) == 0


# -- batch 2 (tests/data/events_audit2.tsv: SaudiNewsNet and Jawhara FM) ------------------------

AUDIT2 = ROOT / "tests" / "data" / "events_audit2.tsv"


def test_batch_two_is_well_formed():
    rows = report.read_audit(AUDIT2)
    halves = {r.key: r.half for r in rows}
    assert all(halves[r.key] == r.half for r in rows)
    assert Counter(halves.values())["tune"] >= 25 and Counter(halves.values())["held"] >= 8
    assert any(r.archive.endswith(".tar.gz") for r in rows) and any(r.archive.endswith(".zip") for r in rows)
    assert len({r.key for r in rows}) == len({(r.archive, r.member, r.article) for r in rows})  # ANT keys are paths
    for r in rows:
        assert r.plover == "NONE" or r.plover in PLOVER_TYPES
        assert r.sent_start <= r.trig_start < r.trig_end <= r.sent_end
        if not r.event:
            assert r.origin == "coded"


@pytest.mark.slow
def test_batch_two_points_at_the_corpus_sentences_and_the_seeded_sample(data_dir):
    rows = report.read_audit(AUDIT2)
    recs = report.load_articles(rows)  # raises on a hash that differs
    assert len(recs) == len({r.key for r in rows})
    sampler = _load("sample_event_audit")
    assert sampler.main(["--batch", "2", "--check", str(AUDIT2)]) == 0
