"""Role and nominal mentions that were never found or never joined (brief R): a lone noun that
refers back to a body the knowledge base names with it, and the look-alikes that must stay
apart. Sentences written for Marsad in wire style."""

from __future__ import annotations

import pytest

from marsad.analyze import analyze_text
from marsad.document import Document, Entity


@pytest.fixture(scope="module")
def run():
    cache: dict[str, Document] = {}

    def _run(text: str) -> Document:
        if text not in cache:
            cache[text] = analyze_text(text)
        return cache[text]

    return _run


def _holder(doc: Document, surface: str, nth: int = 0) -> Entity | None:
    """The entity holding the ``nth`` occurrence of ``surface`` as a whole mention (None: none)."""
    start = -1
    for _ in range(nth + 1):
        start = doc.text.index(surface, start + 1)
    for e in doc.entities:
        if any(m.start == start and m.end == start + len(surface) for m in e.mentions):
            return e
    return None


def _same(doc: Document, a: str, b: str, nth_b: int = 0) -> bool:
    ea, eb = _holder(doc, a), _holder(doc, b, nth_b)
    return ea is not None and eb is not None and ea.id == eb.id


def test_lone_noun_joins_a_body_the_kb_names_with_that_noun(run) -> None:
    doc = run(
        "الدوحة - وقعت حكومة الكونغو الديمقراطية وحركة \"إم 23\" المتمردة إعلان مبادئ، "
        "فيما وقع عن الحركة رئيس وفدها.\n"
        "وقال مسؤول إن مقاتلي الحركة لن ينسحبوا من غوما."
    )
    assert _same(doc, "إم 23", "الحركة")
    assert _same(doc, "إم 23", "الحركة", 1)


def test_lone_noun_joins_the_nearest_body_it_can_name(run) -> None:
    doc = run(
        "غزة - قالت حركة حماس إن المفاوضات متعثرة. وأعلنت حركة الجهاد الإسلامي رفضها للمقترح.\n"
        "وأضافت الحركة في بيان أنها لن تقبل بأي تهجير."
    )
    jihad = _holder(doc, "حركة الجهاد الإسلامي")
    assert jihad is not None and _same(doc, "حركة الجهاد الإسلامي", "الحركة")
    assert not _same(doc, "حماس", "الحركة")


def test_lone_noun_with_no_body_of_that_noun_stays_unjoined(run) -> None:
    doc = run(
        "بيروت - أعلن حزب الله أن مقاتليه استهدفوا موقعا إسرائيليا قرب الحدود.\n"
        "وأكدت الحركة استمرار الاتصالات مع الوسطاء."
    )
    assert _holder(doc, "حزب الله") is not None
    assert not _same(doc, "حزب الله", "الحركة")  # no name of Hezbollah begins with "حركة"
