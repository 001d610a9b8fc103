"""Scores conventions, span matching, type compatibility and one-to-one matching."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from marsad.evaluate.match import (
    max_matching,
    overlap_ratio,
    spans_match,
    split_sentences,
    types_compatible,
)
from marsad.evaluate.scores import PRF, Accuracy


@pytest.mark.parametrize(
    ("prf", "p", "r", "f"),
    [
        (PRF(2, 3, 4), 2 / 3, 1 / 2, 4 / 7),  # 2 of 4 found, 1 spurious
        (PRF(4, 4, 4), 1.0, 1.0, 1.0),
        (PRF(0, 0, 4), 0.0, 0.0, 0.0),  # nothing predicted: P is 0 (conlleval), not n/a
        (PRF(0, 3, 0), 0.0, None, 0.0),  # nothing to find, 3 predicted: all wrong
        (PRF(0, 0, 0), None, None, None),  # nothing on either side
        (PRF(0, 5, 5), 0.0, 0.0, 0.0),
    ],
)
def test_prf_conventions(prf, p, r, f):
    for got, want in ((prf.precision, p), (prf.recall, r), (prf.f1, f)):
        assert got == (None if want is None else pytest.approx(want))


def test_micro_average_adds_before_dividing():
    total = PRF(1, 1, 1) + PRF(0, 0, 3)
    assert total == PRF(1, 1, 4)
    assert total.recall == 0.25  # not the mean of 1.0 and 0.0
    assert (Accuracy(1, 2) + Accuracy(0, 0)).value == 0.5
    assert Accuracy().value is None


@given(st.integers(0, 50), st.integers(0, 50), st.integers(0, 50))
def test_prf_bounds(tp, extra_pred, extra_gold):
    prf = PRF(tp, tp + extra_pred, tp + extra_gold)
    for v in (prf.precision, prf.recall, prf.f1):
        assert v is None or 0.0 <= v <= 1.0
    if prf.precision is not None and prf.recall is not None and prf.f1:
        assert (
            min(prf.precision, prf.recall)
            <= prf.f1 + 1e-12
            <= max(prf.precision, prf.recall) + 2e-12
        )


@pytest.mark.parametrize(
    ("a", "b", "ok"),
    [
        ((0, 5), (0, 5), True),
        ((1, 6), (0, 6), True),  # "روسيا" in "وروسيا"
        ((0, 4), (0, 8), True),  # exactly half the union
        ((0, 3), (0, 8), False),
        ((0, 5), (5, 10), False),  # touching is not overlapping
        ((2, 6), (0, 4), False),  # 2 of 6
        ((0, 0), (0, 0), False),
    ],
)
def test_spans_match(a, b, ok):
    assert spans_match(*a, *b) is ok
    assert spans_match(*b, *a) is ok


spans = st.tuples(st.integers(0, 40), st.integers(0, 20)).map(lambda x: (x[0], x[0] + x[1]))


@given(spans, spans)
def test_span_match_is_symmetric_and_ratio_bounded(a, b):
    assert spans_match(*a, *b) == spans_match(*b, *a)
    r = overlap_ratio(*a, *b)
    assert 0.0 <= r <= 1.0
    assert spans_match(*a, *b) == (r >= 0.5 and r > 0)


@pytest.mark.parametrize(
    ("pred", "gold", "ok"),
    [
        ("GPE", {"GPE"}, True),
        ("LOC", {"GPE"}, True),
        ("GPE", {"LOC"}, True),
        ("ORG", {"GPE", "ORG"}, True),
        ("ORG", {"GPE"}, False),
        ("PER", {"NORP"}, False),
        ("GPE", {"FAC", "LOC"}, True),
        ("FAC", {"LOC"}, False),
    ],
)
def test_types_compatible(pred, gold, ok):
    assert types_compatible(pred, frozenset(gold)) is ok


def test_max_matching_undoes_a_greedy_choice():
    # gold 0 prefers pred 0, but gold 1 can only take pred 0: the maximum is 2
    table = {(0, 0): 0.9, (0, 1): 0.6, (1, 0): 0.8}
    m = max_matching(2, 2, lambda g, p: table.get((g, p)))
    assert m == {0: 1, 1: 0}


def test_max_matching_prefers_best_scores():
    table = {(0, 0): 0.5, (0, 1): 1.0, (1, 0): 1.0, (1, 1): 0.5}
    assert max_matching(2, 2, lambda g, p: table.get((g, p))) == {0: 1, 1: 0}


@given(st.lists(st.tuples(st.integers(0, 5), st.integers(0, 5)), max_size=20))
def test_max_matching_is_one_to_one_and_maximal(edges):
    es = set(edges)
    m = max_matching(6, 6, lambda g, p: 1.0 if (g, p) in es else None)
    assert len(set(m.values())) == len(m)
    assert all((g, p) in es for g, p in m.items())
    assert len(m) == _brute_force_maximum(sorted(es))


def _brute_force_maximum(
    edges: list[tuple[int, int]], used_g: frozenset = frozenset(), used_p: frozenset = frozenset()
) -> int:
    best = 0
    for i, (g, p) in enumerate(edges):
        if g not in used_g and p not in used_p:
            best = max(best, 1 + _brute_force_maximum(edges[i + 1 :], used_g | {g}, used_p | {p}))
    return best


def test_split_sentences():
    text = "قال الوزير: نعم. وأضاف أن الأمر؟ نعم!\nسطر ثان بلا نقطة\n\n  سطر ثالث."
    got = [text[s:e] for s, e in split_sentences(text)]
    assert got == ["قال الوزير: نعم.", "وأضاف أن الأمر؟", "نعم!", "سطر ثان بلا نقطة", "سطر ثالث."]
    assert split_sentences("3.5 مليون") == [(0, 9)]  # a decimal point is not an end
