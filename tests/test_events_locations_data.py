"""The hand-judged event locations (tests/data/events_locations.tsv): their form, their halves,
that every row is an event of an audit's tune half, and how the scorer judges a coded place."""

from __future__ import annotations

import hashlib
import importlib.util
import sys
from collections import Counter
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SCRIPTS = ROOT / "scripts"
LABELS = ROOT / "tests" / "data" / "events_locations.tsv"


def _load(name: str):
    if str(SCRIPTS) not in sys.path:
        sys.path.insert(0, str(SCRIPTS))
    if name in sys.modules:
        return sys.modules[name]
    spec = importlib.util.spec_from_file_location(name, SCRIPTS / f"{name}.py")
    mod = importlib.util.module_from_spec(spec)
    sys.modules[name] = mod
    spec.loader.exec_module(mod)  # type: ignore[union-attr]
    return mod


loc = _load("event_location_report")
audit = _load("event_audit_report")


@pytest.fixture(scope="module")
def rows():
    return loc.read_labels(LABELS)


def test_the_labels_have_their_columns_and_both_halves(rows):
    header = next(ln for ln in LABELS.read_text(encoding="utf-8").splitlines() if ln.startswith("archive\t"))
    assert tuple(header.split("\t")) == loc.COLUMNS
    articles = {r.key: r.half for r in rows}
    assert len(articles) == 40
    assert all(articles[r.key] == r.half for r in rows)
    for key, half in articles.items():  # the half is fixed by the article's hash, not chosen
        digit = int(hashlib.sha256(f"{key[0]}#{key[1]}".encode()).hexdigest()[11], 16)
        assert half == ("held" if digit % 2 == 0 else "tune")
    counts = Counter(r.half for r in rows)
    assert counts["held"] >= 60 and counts["tune"] >= 100
    # both kinds of answer are there: a place, and none
    assert sum(bool(r.spans) for r in rows) > 80 and sum(not r.spans for r in rows) > 40


def test_every_row_is_an_event_of_an_audits_tune_half(rows):
    events = {}
    for name in ("events_audit.tsv", "events_audit2.tsv", "events_audit3.tsv", "events_audit4.tsv"):
        for r in audit.read_audit(ROOT / "tests" / "data" / name):
            events[(r.key, r.trig_start, r.trig_end)] = r
    for r in rows:
        a = events[(r.key, r.trig_start, r.trig_end)]
        assert a.half == "tune" and a.event and a.plover == r.plover and a.sha256 == r.sha256
        assert all(0 <= s < e for s, e in r.spans) and (not r.spans) == (r.loc_sha256 == "-")


def test_a_coded_place_is_right_by_span_or_by_name():
    text = "قتل ثلاثة أشخاص في قضاء الطارمية شمالي بغداد."
    a = text.index("الطارمية")
    row = loc.LocRow("x.zip", "m", 0, "tune", 0, len(text), "", 0, 3, "ASSAULT", ((a, a + 8),), "")
    assert loc.place_ok(row, {"place": ["الطارمية"], "spans": [[99, 107]]}, text)  # by name
    assert loc.place_ok(row, {"place": ["قضاء الطارمية"], "spans": [[a - 5, a + 8]]}, text)  # by span
    assert not loc.place_ok(row, {"place": ["بغداد"], "spans": [[text.index("بغداد"), len(text) - 1]]}, text)
    assert not loc.place_ok(row, {"place": [], "spans": []}, text)
    none = loc.LocRow("x.zip", "m", 0, "tune", 0, len(text), "", 0, 3, "ACCUSE", (), "-")
    assert loc.place_ok(none, {"place": [], "spans": []}, text)
    assert not loc.place_ok(none, {"place": ["بغداد"], "spans": []}, text)


def test_the_labels_point_at_the_corpus_text(rows, data_dir):
    if not (data_dir / "saudinewsnet").exists() or not (data_dir / "ant_jawharafm").exists():
        pytest.skip("the audited corpora are absent")
    recs = loc.load_articles(rows, data_dir / "saudinewsnet" / "dataset",
                             data_dir / "ant_jawharafm" / "antcorpus.data.tar.gz")  # raises on a hash that differs
    assert len(recs) == 40
