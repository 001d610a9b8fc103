"""General rules of Arabic person naming: kunyas in apposition, spelling variants of organisation
names, and the country of a local person the knowledge base does not know."""

from __future__ import annotations

import pytest

from entities_support import analyse_story, entity_with


@pytest.mark.parametrize(
    ("body", "names", "full", "alias"),
    [
        ("وكان سيف الله بن حسين المكنى أبو عياض زعيما للتنظيم. وقال أبو عياض إن المعركة مستمرة.",
         {("سيف", "الله", "بن", "حسين", "المكنى", "أبو", "عياض"): "PER", ("أبو", "عياض"): "PER"},
         "سيف الله بن حسين", "أبو عياض"),
        ('واعتقلت الشرطة عبد الرحمن الدليمي المعروف باسم "أبو عمر" في الأنبار.',
         {("عبد", "الرحمن", "الدليمي"): "PER", ("أبو", "عمر"): "PER"},
         "عبد الرحمن الدليمي", "أبو عمر"),
    ],
)
def test_kunya_in_apposition_is_the_same_person(body, names, full, alias):
    doc = analyse_story(body, names=names)
    e = entity_with(doc, full)
    assert {m.text for m in e.mentions} >= {full, alias}


def test_two_people_side_by_side_stay_apart():
    body = "والتقى عبد الرحمن الدليمي مع أبو عمر الأنصاري في بغداد."
    doc = analyse_story(body, names={("عبد", "الرحمن", "الدليمي"): "PER", ("أبو", "عمر", "الأنصاري"): "PER"})
    assert entity_with(doc, "عبد الرحمن الدليمي") is not entity_with(doc, "أبو عمر الأنصاري")


@pytest.mark.parametrize(
    ("body", "span", "kb_id"),
    [
        ("وقال أمين عام منظمة التعاون الاسلامية إن الوضع خطير.", "منظمة التعاون الاسلامية", "org:oic"),
        ("ونقلت وكالة الأنباء الفرنسية عن مصدر قوله ذلك.", "وكالة الأنباء الفرنسية", "org:afp"),
    ],
)
def test_organisation_spelling_variants(body, span, kb_id):
    assert entity_with(analyse_story(body), span).kb_id == kb_id


def test_armed_group_of_the_story_state():
    doc = analyse_story('وكان مؤسس جماعة "انصار الشريعة" المحظورة في تونس فارا.', place="تونس", agency="وات")
    assert entity_with(doc, "انصار الشريعة").actor == "TUNREB"


@pytest.mark.parametrize(
    ("body", "names", "person", "country", "actor"),
    [
        # a rank: the story's state's forces
        ("قال العميد محمد الغصري إن ليبيا ستنتصر وإن ليبيا موحدة وإن ليبيا قوية.", {("محمد", "الغصري"): "PER"},
         "محمد الغصري", "LBY", "LBYMIL"),
        # an Arab first name in a one-state story
        ("وأكد خالد الزنتاني أن ليبيا بخير وأن ليبيا ستنهض وأن ليبيا قوية.", {("خالد", "الزنتاني"): "PER"},
         "خالد الزنتاني", "LBY", None),
        # a foreign name: no guess
        ("وقال جوناثان بولارد إن ليبيا بخير وإن ليبيا جميلة وإن ليبيا قوية.", {("جوناثان", "بولارد"): "PER"},
         "جوناثان بولارد", None, None),
        # a story about two states: no guess
        ("وأكد خالد الزنتاني أن ليبيا وتونس بخير وأن ليبيا وتونس ستنهضان.", {("خالد", "الزنتاني"): "PER"},
         "خالد الزنتاني", None, None),
    ],
)
def test_local_person_takes_the_one_story_state(body, names, person, country, actor):
    e = entity_with(analyse_story(body, names=names), person)
    assert (e.country, e.actor) == (country, actor)
