"""Collective actors and institutions the text names without a proper name: security forces,
armies named by their nationality, protest participants, institutions by pattern (a body of a
known place, "الحكومة الاتحادية"), states beyond the region, and the spans that must not become
names (the byline's agency, "للقوات", a trailing adverb or preposition)."""

from __future__ import annotations

from typing import Any

import pytest

from entities_support import analyse_story, entity_with
from marsad.document import Document


def analyse(body: str, *, published: str = "2025-04-02", **kw: Any) -> Document:
    return analyse_story(body, published=published, **kw)


def surfaces(doc: Document) -> set[str]:
    return {m.text for e in doc.entities for m in e.mentions}


# -- 1. security forces of the story's state ------------------------------------------------------


@pytest.mark.parametrize(
    ("place", "body", "surface", "country", "actor"),
    [
        ("البصرة", "وانتشرت القوات الأمنية في شوارع المدينة بعد الاشتباكات.", "القوات الأمنية", "IRQ", "IRQCOP"),
        ("بنغازي", "وقالت الشرطة إنها أوقفت ثلاثة أشخاص في ليبيا.", "الشرطة", "LBY", "LBYCOP"),
        ("الخرطوم", "وأعلنت القوات المسلحة سيطرتها على جسر في السودان.", "القوات المسلحة", "SDN", "SDNMIL"),
        ("صيدا", "وطوقت قوات الأمن المكان في لبنان.", "قوات الأمن", "LBN", "LBNCOP"),
    ],
)
def test_security_forces_take_the_story_state(place: str, body: str, surface: str, country: str, actor: str) -> None:
    doc = analyse(body, place=place)
    e = entity_with(doc, surface)
    assert (e.type, e.country, e.actor) == ("ORG", country, actor)


def test_security_forces_repeated_are_one_entity() -> None:
    doc = analyse(
        "ونفذت الأجهزة الأمنية حملة دهم في العراق. وقالت القوات الأمنية إن الحملة مستمرة، "
        "وأكد مصدر أن القوات الأمنية اعتقلت خمسة.",
        place="الموصل",
    )
    e = entity_with(doc, "الأجهزة الأمنية")
    assert {m.text for m in e.mentions} == {"الأجهزة الأمنية", "القوات الأمنية"}
    assert len(e.mentions) == 3 and e.country == "IRQ"


def test_government_forces_take_the_government_named_before() -> None:
    doc = analyse(
        "وأكدت حكومة جنوب السودان التزامها بالهدنة، لكن المتمردين اتهموا القوات الحكومية بخرقها.",
        place="أبوظبي",
    )
    assert entity_with(doc, "القوات الحكومية").country == "SSD"


def test_security_phrase_with_a_nationality_is_that_state() -> None:
    doc = analyse("وقالت القوات الأمنية التونسية إنها فككت خلية.", place="الجزائر")
    assert entity_with(doc, "القوات الأمنية التونسية").country == "TUN"


# -- 2. armies by nationality: one entity per state ------------------------------------------------


@pytest.mark.parametrize(
    ("first", "second", "country"),
    [
        ("الجيش الكمبودي", "القوات الكمبودية", "KHM"),
        ("الجيش الرواندي", "القوات المسلحة الرواندية", "RWA"),
        ("القوات الفلبينية", "الجيش الفلبيني", "PHL"),
    ],
)
def test_army_and_forces_of_one_state_join(first: str, second: str, country: str) -> None:
    doc = analyse(f"وقال {first} إن وحداته تقدمت، فيما أكدت {second} أنها صدت الهجوم.", place="نيروبي")
    e = entity_with(doc, first)
    assert second in {m.text for m in e.mentions}
    assert (e.country, e.actor) == (country, country + "MIL")


def test_forces_join_the_known_army() -> None:
    doc = analyse("وقصفت القوات التركية مواقع شمالي سوريا، وقال الجيش التركي إن العملية مستمرة.", place="أنقرة")
    e = entity_with(doc, "القوات التركية")
    assert e.kb_id == "org:turkish-army" and "الجيش التركي" in {m.text for m in e.mentions}


def test_general_command_is_the_armed_forces() -> None:
    doc = analyse(
        "وأعلنت القيادة العامة للقوات المسلحة أن القوات المسلحة أحبطت محاولة تسلل من مصر.",
        place="القاهرة",
    )
    e = entity_with(doc, "القيادة العامة للقوات المسلحة")
    assert e.country == "EGY"


# -- 3. protest participants ------------------------------------------------------------------------


def test_protesters_are_one_norp_entity_of_the_story_state() -> None:
    doc = analyse(
        "وتجمع المحتجون أمام مبنى البرلمان في الأردن، وردد المعتصمون هتافات، وقال أحد المتظاهرين إنهم باقون.",
        place="عمان",
    )
    e = entity_with(doc, "المحتجون")
    assert e.type == "NORP" and e.country == "JOR" and e.actor == "JORCVL"
    assert {m.text for m in e.mentions} == {"المحتجون", "المعتصمون", "المتظاهرين"}


@pytest.mark.parametrize(
    "body",
    [
        "ووجه النائب رسالة للمتظاهرين في الساحة.",  # ل swallowed the article: no mention
        "وأصيب ستة محتجين بجروح.",  # indefinite: a count of people, not the group
        "وتظاهر المحتجون الإيرانيون أمام السفارة.",  # a people phrase, not the local group
    ],
)
def test_protesters_not_marked(body: str) -> None:
    doc = analyse(body, place="بغداد")
    assert not [e for e in doc.entities if e.type == "NORP" and e.actor == "IRQCVL"]


# -- 4. institutions by pattern ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("place", "body", "surface", "country"),
    [
        ("البصرة", "وأعلنت قيادة شرطة كربلاء اعتقال مطلوب.", "قيادة شرطة كربلاء", "IRQ"),
        ("دمشق", "وقال مصرف سورية المركزي إن سعر الصرف استقر.", "مصرف سورية", "SYR"),
        ("بغداد", "وقررت المحكمة الاتحادية العليا رد الدعوى في العراق.", "المحكمة الاتحادية العليا", "IRQ"),
        ("بغداد", "وأعلنت خلية الإعلام الأمني مقتل مسلحين في العراق.", "خلية الإعلام الأمني", "IRQ"),
        ("بيروت", "وانعقد المجلس في القصر الجمهوري برئاسة رئيس الجمهورية في لبنان.", "القصر الجمهوري", "LBN"),
    ],
)
def test_institutions_by_pattern(place: str, body: str, surface: str, country: str) -> None:
    doc = analyse(body, place=place)
    assert entity_with(doc, surface).country == country


def test_place_body_inside_a_title_leaves_the_place() -> None:
    doc = analyse("وقال وزير الداخلية في حكومة بنغازي إن الوضع مستقر.", place="طرابلس")
    assert "حكومة بنغازي" not in surfaces(doc)
    assert entity_with(doc, "بنغازي").country == "LBY"


def test_region_government_short_form_joins_the_full_name() -> None:
    doc = analyse(
        "وطالبت حكومة إقليم كردستان بصرف الرواتب، وقالت حكومة الإقليم إن بغداد تماطل.", place="أربيل"
    )
    e = entity_with(doc, "حكومة إقليم كردستان")
    assert "حكومة الإقليم" in {m.text for m in e.mentions} and e.country == "IRQ"


def test_short_form_of_a_cell_refers_back() -> None:
    doc = analyse("وذكرت خلية الإعلام الأمني أن الخلية تتابع الملف في العراق.", place="بغداد")
    e = entity_with(doc, "خلية الإعلام الأمني")
    assert "الخلية" in {m.text for m in e.mentions}


# -- 5. states beyond the region ------------------------------------------------------------


@pytest.mark.parametrize(
    ("adjective_phrase", "country"),
    [("الحكومة الكمبودية", "KHM"), ("وزارة الصحة التايلاندية", "THA"), ("الجيش الكونغولي", "COD"),
     ("الرئيس الكولومبي", "COL"), ("الحكومة الأوغندية", "UGA")],
)
def test_adjectives_of_states_outside_the_region(adjective_phrase: str, country: str) -> None:
    doc = analyse(f"وقال {adjective_phrase} إن المحادثات مستمرة.")
    assert entity_with(doc, adjective_phrase).country == country


def test_person_takes_the_country_of_the_apposed_role() -> None:
    doc = analyse("وقال رئيس الوزراء الفيتنامي نغوين تشي دونغ إن بلاده ترحب.",
                  names={("نغوين", "تشي", "دونغ"): "PER"})
    assert entity_with(doc, "نغوين تشي دونغ").country == "VNM"


def test_state_full_name_variant() -> None:
    doc = analyse("وصلت بعثة أممية إلى جمهورية الكونغو الديمقراطية.")
    assert entity_with(doc, "جمهورية الكونغو الديمقراطية").kb_id == "state:COD"


# -- 6. spans that are no names ------------------------------------------------------------------------


def test_dateline_agency_is_no_place() -> None:
    doc = analyse("قال مسؤول عراقي لـ«الشرق الأوسط» إن الاتفاق قريب.", place="البصرة", agency="الشرق الأوسط",
                  names={("الشرق", "الأوسط"): "LOC"})
    assert not [e for e in doc.entities if e.type in {"GPE", "LOC"} and "الأوسط" in e.canonical]


@pytest.mark.parametrize(
    ("body", "names", "absent"),
    [
        ("ورحب رئيس الحكومة وأعلن تعيين سامر حداد سفيراً في باريس.", {("سامر", "حداد", "سفيراً"): "PER"}, "سامر حداد سفيراً"),
        ("وقال وانغ لي للصحافيين إن بكين تدعم الحوار.", {("وانغ", "لي", "للصحافيين"): "PER"}, "وانغ لي للصحافيين"),
        ("وأكد قائد للقوات المسلحة الأردنية جاهزية الوحدات.", None, "للقوات المسلحة الأردنية"),
    ],
)
def test_not_a_name(body: str, names: dict[tuple[str, ...], str] | None, absent: str) -> None:
    doc = analyse(body, place="عمان", names=names)
    assert absent not in surfaces(doc)


def test_trimmed_person_keeps_the_name() -> None:
    doc = analyse("وقال وانغ لي للصحافيين إن بكين تدعم الحوار.", names={("وانغ", "لي", "للصحافيين"): "PER"})
    assert entity_with(doc, "وانغ لي").type == "PER"


def test_local_office_beside_a_name_is_the_story_state() -> None:
    doc = analyse("وقال قائد العملية العقيد ماجد الحربي إن القافلة وصلت إلى السعودية.", place="الرياض",
                  names={("ماجد", "الحربي"): "PER"})
    assert entity_with(doc, "ماجد الحربي").country == "SAU"


def test_president_title_with_a_complement_is_not_the_state_head() -> None:
    doc = analyse("وكان رئيس بلدية كفرحمام قد ناشد الجيش اللبناني التدخل في لبنان.", place="بيروت")
    assert not [e for e in doc.entities if e.kb_id and e.kb_id.startswith("person:")]
