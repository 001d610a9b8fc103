"""The events layer on the shared gold article (gold entities injected: the layer alone)."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from marsad.document import Article, Document, Source
from marsad.events.goldcheck import check
from marsad.events.step import EventStep


def test_shared_gold_article(gold_dir: Path) -> None:
    scores = check([str(gold_dir)], verbose=False)
    assert scores["events.f1"] >= 0.95
    assert scores["events.date_accuracy"] == 1.0
    assert scores["events.location_accuracy"] == 1.0
    assert scores["quotes.f1"] >= 0.95
    assert scores["quotes.speaker_accuracy"] == 1.0


def test_own_gold_documents_floor() -> None:
    gold = Path(__file__).parent / "gold"
    if not any(gold.glob("*.gold.json")):
        pytest.skip("no gold documents under tests/gold")
    scores = check([str(gold)], verbose=False)
    # floors, measured when this was written (events 0.90, quotes 1.0): raise them, never lower
    assert scores["events.f1"] >= 0.88
    assert scores["quotes.f1"] >= 0.95
    assert scores["events.date_accuracy"] >= 0.95


def test_sample_events_are_stable(sample_text: str) -> None:
    """The sample without entities: triggers, types and dates do not depend on NER."""
    doc = Document.from_article(Article(sample_text, Source(published="2024-01-10"), "s"))
    doc = EventStep()(doc)
    doc.check_offsets()
    kinds = [(e.plover, e.trigger.text) for e in doc.events if not e.background]
    assert ("CONSULT", "وناقش") in kinds
    visit = next(e for e in doc.events if e.trigger.text == "يزور")
    assert (visit.cameo, visit.date) == ("042", "2024-01-10")
    # "وصل الى موسكو" is a visit only when a place entity follows: without entities, no event
    assert not any(e.trigger.text == "الى" for e in doc.events)


WORDS = [
    "وناقش", "الرئيس", "أدان", "اعتقلت", "قوات", "15", "مواطناً", "في", "غزة", "وقال:", "«", "»",
    "الهجوم", "من", "جانبه", "إن", "لم", "سيزور", "أمس", "الثلاثاء", "،", ".", "\n", "غارات", "على",
    "تظاهرة", "احتجاجية", "أعرب", "عن", "تقديره", "اتصالاً", "هاتفياً", "مع", "ﻻ", "َ", "ـ", "ی",
]


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from(WORDS) | st.text(max_size=6), max_size=40))
def test_any_text_gives_valid_offsets(parts: list[str]) -> None:
    text = " ".join(parts)
    doc = EventStep()(Document.from_article(Article(text, Source(published="2024-01-10"), "h")))
    doc.check_offsets()
    for e in doc.events:
        assert 0 <= e.trigger.start < e.trigger.end <= len(text)
    for q in doc.quotes:
        assert text[q.start:q.end] == q.text
