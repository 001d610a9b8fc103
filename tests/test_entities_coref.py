"""Coreference inside one document, on short texts written for these tests."""

from __future__ import annotations

import pytest

from entities_support import entity_with
from marsad.document import Document, Source
from marsad.entities.step import EntityStep
from marsad.segment import SegmentStep


@pytest.fixture(scope="module")
def step() -> EntityStep:
    return EntityStep(use_recognizer=False)  # knowledge base and roles only: deterministic


def analyse(step: EntityStep, text: str, published: str | None = "2024-03-01") -> Document:
    doc = Document(id="t", text=text, source=Source(published=published))
    SegmentStep()(doc)
    step(doc)
    doc.check_offsets()
    return doc


def test_spelling_variants_and_short_forms_join(step: EntityStep) -> None:
    text = (
        "استقبل الرئيس التركي رجب طيب اردوغان وزير الخارجية الإيراني عباس عراقجي في أنقرة.\n"
        "وقال أردوغان إن تركيا تدعم الحوار، فيما أكد عراقجي أن طهران وانقرة متفقتان."
    )
    doc = analyse(step, text, "2024-09-01")
    erdogan = entity_with(doc, "رجب طيب اردوغان")
    assert "أردوغان" in [m.text for m in erdogan.mentions]
    assert "الرئيس التركي" in [m.text for m in erdogan.mentions if m.kind == "role"]
    assert (erdogan.country, erdogan.actor, erdogan.canonical) == ("TUR", "TURGOV", "رجب طيب أردوغان")
    araghchi = entity_with(doc, "عباس عراقجي")
    assert {"عراقجي", "وزير الخارجية الإيراني"} <= {m.text for m in araghchi.mentions}
    ankara = entity_with(doc, "أنقرة")
    assert [m.text for m in ankara.mentions] == ["أنقرة", "انقرة"]
    assert ankara.type == "GPE" and ankara.country == "TUR"


def test_role_alone_resolves_by_date_and_repeats_join(step: EntityStep) -> None:
    text = "وقال وزير الخارجية الإيراني إن المحادثات بناءة.\nوأضاف وزير الخارجية الإيراني أن الاتفاق قريب."
    early = analyse(step, text, "2024-01-15")
    e = next(x for x in early.entities if x.kb_id == "person:amir-abdollahian")
    assert len([m for m in e.mentions if m.kind == "role"]) == 2
    late = analyse(step, text, "2025-01-15")
    assert any(x.kb_id == "person:araghchi" for x in late.entities)


def test_counterpart_is_the_person_of_that_nationality(step: EntityStep) -> None:
    text = (
        "التقى وزير الخارجية السعودي الأمير فيصل بن فرحان ووزير الخارجية الأمريكي أنتوني بلينكن في الرياض.\n"
        "وبحث فيصل بن فرحان مع نظيره الأمريكي الأوضاع في غزة."
    )
    doc = analyse(step, text)
    blinken = entity_with(doc, "أنتوني بلينكن")
    assert "نظيره الأمريكي" in [m.text for m in blinken.mentions]
    faisal = entity_with(doc, ["الأمير", "فيصل بن فرحان"][1])
    assert faisal.country == "SAU" and "وزير الخارجية السعودي" in [m.text for m in faisal.mentions]


def test_apposition_gives_an_unknown_person_country_and_actor(step: EntityStep) -> None:
    text = "وقال المتحدث باسم الجيش الإسرائيلي دانيال هاغاري إن العملية مستمرة."
    doc = analyse(step, text)
    hagari = entity_with(doc, "دانيال هاغاري")
    assert hagari.actor == "ISRMIL"
    assert "المتحدث باسم الجيش الإسرائيلي" in [m.text for m in hagari.mentions]
    army = entity_with(doc, "الجيش الإسرائيلي")
    assert army.type == "ORG" and army.actor == "ISRMIL"


def test_different_people_stay_apart(step: EntityStep) -> None:
    text = "واتصل الرئيس الروسي فلاديمير بوتين بالرئيس الإيراني مسعود بزشكيان.\nوقال بوتين إن موسكو وطهران شريكان."
    doc = analyse(step, text, "2024-10-01")
    putin, pezeshkian = entity_with(doc, "فلاديمير بوتين"), entity_with(doc, "مسعود بزشكيان")
    assert putin.id != pezeshkian.id
    assert putin.country == "RUS" and pezeshkian.country == "IRN"
    assert "بوتين" in [m.text for m in putin.mentions]


def test_nominal_refers_back_to_the_body(step: EntityStep) -> None:
    text = "وقالت وزارة الخارجية القطرية في بيان إن الدوحة تدين القصف.\nوأضافت الوزارة أن قطر ستواصل جهودها."
    doc = analyse(step, text)
    mfa = entity_with(doc, "وزارة الخارجية القطرية")
    assert [m.text for m in mfa.mentions if m.kind == "nominal"] == ["الوزارة"]
    assert mfa.country == "QAT"


def test_entity_ids_follow_first_mention_and_mentions_are_sorted(step: EntityStep) -> None:
    text = "زار وفد من قطر بيروت ودمشق ثم عاد إلى الدوحة عبر عمان.\nوفي دمشق التقى الوفد مسؤولين."
    doc = analyse(step, text)
    firsts = [e.mentions[0].start for e in doc.entities]
    assert firsts == sorted(firsts)
    assert [e.id for e in doc.entities] == [f"e{k}" for k in range(1, len(doc.entities) + 1)]
    for e in doc.entities:
        assert [m.start for m in e.mentions] == sorted(m.start for m in e.mentions)
        assert e.component == "entities.v1"
    assert entity_with(doc, "عمان").country == "JOR"  # Amman, not Oman
    assert len(entity_with(doc, "دمشق").mentions) == 2


def test_non_arabic_documents_are_left_alone(step: EntityStep) -> None:
    doc = Document(id="t", text="Vladimir Putin met Iranian officials in Moscow.", language="en")
    assert step(doc).entities == []
