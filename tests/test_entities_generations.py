"""A son named after his father is another person: "دونالد ترامب جونيور", "جورج بوش الابن".

Wire columns wrote "إدارة بوش الابن السابقة" and "فذهب بوش الابن وفريقه" (SaudiNewsNet, 2015);
the name stopped at "بوش". Sentences are written for these tests.
"""

from __future__ import annotations

from entities_support import entity_with
from test_entities_round3_names import analyse


def test_junior_is_not_his_father() -> None:
    doc = analyse("وقال دونالد ترامب جونيور إن والده دونالد ترامب سيفوز في الانتخابات.",
                  "دونالد ترامب جونيور", published="2016-10-01")
    son, father = entity_with(doc, "دونالد ترامب جونيور"), entity_with(doc, "دونالد ترامب")
    assert son is not father
    assert son.kb_id is None and father.kb_id == "person:trump"


def test_the_son_and_the_father_of_one_name_are_two_people() -> None:
    doc = analyse("وقال جورج بوش الابن إن والده جورج بوش الأب كان رئيسا عظيما.", "جورج بوش")
    son, father = entity_with(doc, "جورج بوش الابن"), entity_with(doc, "جورج بوش الأب")
    assert son is not father


def test_the_generation_word_belongs_to_the_name() -> None:
    doc = analyse("ورغم ذلك عملت إدارة بوش الابن السابقة على التغطية على الملف.", "بوش")
    assert [m.text for e in doc.entities for m in e.mentions] == ["بوش الابن"]


def test_the_son_of_someone_is_a_description_not_a_name() -> None:
    doc = analyse("وحضر جمال مبارك الابن الأصغر للرئيس حسني مبارك الاحتفال.", "جمال مبارك")
    assert entity_with(doc, "جمال مبارك").canonical == "جمال مبارك"
    assert entity_with(doc, "حسني مبارك").kb_id == "person:mubarak"
