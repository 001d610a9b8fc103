"""Titles beside names, short forms, people nouns and common words that are also names.

The recognizer is replaced by a tagger that marks given words, so each test checks one rule of
the entity step and not what the trained model happens to find.
"""

from __future__ import annotations

import pytest

from entities_support import WordTagger, entity_with
from marsad.document import Document, Entity, Source
from marsad.entities.step import EntityStep
from marsad.segment import SegmentStep


def analyse(text: str, *names: str | tuple[str, str], published: str = "2024-03-01", **kw: bool) -> Document:
    doc = Document(id="t", text=text, source=Source(published=published))
    SegmentStep()(doc)
    EntityStep(recognizer=WordTagger(*names), **kw)(doc)
    doc.check_offsets()
    return doc


def texts(e: Entity, kind: str) -> list[str]:
    return [m.text for m in e.mentions if m.kind == kind]


def test_a_first_name_the_recognizer_missed_joins_title_and_name() -> None:
    doc = analyse(
        "وأدان محافظ جنين كمال أبو الرب اقتحام المدينة.\nوقال أبو الرب إن الاحتلال يتحمل المسؤولية.",
        "أبو الرب",
    )
    e = entity_with(doc, "كمال أبو الرب")
    assert texts(e, "role") == ["محافظ جنين"] and texts(e, "name") == ["كمال أبو الرب", "أبو الرب"]
    assert e.country == "PSE"


def test_a_common_word_between_title_and_name_is_not_a_first_name() -> None:
    doc = analyse("وقال وزير الخارجية الأردني اليوم أيمن الصفدي إن", "أيمن الصفدي")
    assert [m.text for e in doc.entities for m in e.mentions if m.kind == "name"] == ["أيمن الصفدي"]


@pytest.mark.parametrize(
    ("text", "name", "role"),
    [
        (
            "وصرح السفير أحمد فهمي المتحدث الرسمي باسم رئاسة الجمهورية بأن الاتصال تناول الأوضاع.",
            "أحمد فهمي",
            "المتحدث الرسمي باسم رئاسة الجمهورية",
        ),
        (
            "وتزور لولوة بنت راشد الخاطر وزير الدولة للتعاون الدولي مدينة العريش يوم الأحد.",
            "لولوة بنت راشد الخاطر",
            "وزير الدولة للتعاون الدولي",
        ),
    ],
)
def test_a_title_right_after_the_name_is_its_apposition(text: str, name: str, role: str) -> None:
    e = entity_with(analyse(text, name), name)
    assert role in texts(e, "role")


def test_a_title_of_another_country_after_a_known_name_stays_apart() -> None:
    doc = analyse("واستقبل الرئيس رجب طيب أردوغان وزير الخارجية الأمريكي في أنقرة.")
    erdogan = entity_with(doc, "رجب طيب أردوغان")
    assert erdogan.country == "TUR" and "وزير الخارجية الأمريكي" not in texts(erdogan, "role")


def test_an_untitled_office_is_a_role_only_beside_a_name() -> None:
    doc = analyse(
        "والتقى وزير الاستثمار المهندس خالد بن عبدالعزيز الفالح وفدا من رجال الأعمال.",
        "خالد بن عبدالعزيز الفالح",
    )
    assert texts(entity_with(doc, "خالد بن عبدالعزيز الفالح"), "role") == ["وزير الاستثمار"]
    alone = analyse("وقال وزير الاستثمار إن الفرص كبيرة.")
    assert [m for e in alone.entities for m in e.mentions if m.kind == "role"] == []


def test_minister_title_and_name_variants_are_one_person() -> None:
    doc = analyse(
        "وقال وزير الخارجية الإيراني حسين أمير عبد اللهيان إن طهران تدعم الحل.\n"
        "وأكد أمير عبداللهيان أن بلاده مستعدة للحوار."
    )
    e = entity_with(doc, "حسين أمير عبد اللهيان")
    assert texts(e, "role") == ["وزير الخارجية الإيراني"]
    assert texts(e, "name") == ["حسين أمير عبد اللهيان", "أمير عبداللهيان"]
    assert (e.country, e.actor) == ("IRN", "IRNGOV")


def test_an_organisation_phrase_around_a_known_name_is_that_organisation() -> None:
    doc = analyse(
        "وأعلنت حركة المقاومة الإسلامية الفلسطينية (حماس) موافقتها على المقترح.\n"
        "وقال القيادي في حماس أسامة حمدان إن الحركة مستعدة."
    )
    hamas = entity_with(doc, "حركة المقاومة الإسلامية الفلسطينية")
    assert hamas.kb_id == "org:hamas" and texts(hamas, "name").count("حماس") == 2


def test_a_known_agency_tagged_by_the_recognizer_joins_its_entry() -> None:
    doc = analyse("دمشق-سانا\nوذكرت سانا أن الوزارة أدانت العدوان.", ("سانا", "ORG"))
    sana = [e for e in doc.entities if any(m.text == "سانا" for m in e.mentions)]
    assert len(sana) == 1 and sana[0].kb_id == "org:sana"


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        ("وقال إن أحدا لم يشرح كيف يمكن التوصل إلى حل.", "place:kyiv"),
        ("ونشرت الوكالة صور الدمار في المنطقة.", "place:tyre"),
        ("وقرر المجلس فتح باب الترشيح الأسبوع المقبل.", "org:fatah"),
        ("وبلغ العجز المالي مستوى قياسيا.", "state:MLI"),
    ],
)
def test_a_common_word_is_not_a_known_name_without_backing(text: str, absent: str) -> None:
    assert absent not in {e.kb_id for e in analyse(text).entities}


@pytest.mark.parametrize(
    ("text", "tagged", "present"),
    [
        ("وقصفت الطائرات مدينة صور في جنوب لبنان.", (), "place:tyre"),  # a place word backs it
        ("ووصل الوفد إلى كييف للقاء المسؤولين.", (), "place:kyiv"),  # the usual spelling
        ("وقال الرئيس الأسد إن سوريا صامدة.", ("الأسد",), "person:assad"),  # the recognizer backs it
    ],
)
def test_an_ambiguous_name_counts_where_the_text_backs_it(text: str, tagged: tuple[str, ...], present: str) -> None:
    assert present in {e.kb_id for e in analyse(text, *tagged).entities}


def test_a_kings_title_is_not_part_of_his_name() -> None:
    e = entity_with(analyse("وكان جلالة الملك محمد السادس في مقدمة مستقبلي الضيف."), "محمد السادس")
    assert e.kb_id == "person:mohammed-vi"


def test_a_place_after_a_newspaper_word_names_the_newspaper() -> None:
    doc = analyse('ونشرت صحيفة "القدس" تقريرا عن الاستيطان في القدس.')
    places = [e for e in doc.entities if e.kb_id == "place:jerusalem"]
    assert len(places) == 1 and [m.start for m in places[0].mentions] == [doc.text.rindex("القدس")]
    (paper,) = [e for e in doc.entities if e.type == "ORG"]
    assert paper.mentions[0].start == doc.text.index("القدس")


def test_people_noun_and_nationality_are_a_mention_of_the_state_when_asked() -> None:
    text = "وأعرب عن تقديره للتعاطف الذي أبداه الرئيس ومسؤولون روس رفيعو المستوى."
    assert not [e for e in analyse(text).entities if e.kb_id == "state:RUS"]
    doc = analyse(text, people_mentions=True)
    russia = entity_with(doc, "مسؤولون روس")
    assert (russia.kb_id, russia.type, russia.country) == ("state:RUS", "GPE", "RUS")
    (m,) = russia.mentions
    assert (m.kind, text[m.start : m.end]) == ("role", "مسؤولون روس")


def test_people_noun_joins_the_state_named_elsewhere() -> None:
    text = "وقال مسؤولون إسرائيليون إن إسرائيل سترد على الهجوم."
    doc = analyse(text, people_mentions=True)
    israel = entity_with(doc, "إسرائيل")
    assert [(m.kind, m.text) for m in israel.mentions] == [("role", "مسؤولون إسرائيليون"), ("name", "إسرائيل")]
