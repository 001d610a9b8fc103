"""Round 4 of the entity audit (issue 5): doers that event coding needs but were never entities.

Unseen SaudiNewsNet news showed wrong event sources where the doer was a bare "التحالف" (the
Saudi-led coalition in a Yemen story, the US-led coalition against ISIS in a Syria or Iraq one),
Syria's "فصائل المعارضة", the Peshmerga, "قوات الحشد" and "التنظيم" for ISIS named before.
Sentences are written for these tests.
"""

from __future__ import annotations

import pytest

from entities_support import entity_with
from test_entities_round3_names import analyse, mention_texts

YEMEN = "وتقدمت القوات الحكومية في عدن جنوبي اليمن، فيما انسحب الحوثيون من لحج في اليمن. "
SYRIA = "وتواصلت المعارك في ريف حلب شمالي سوريا، وفي ريف إدلب غربي سوريا. "
IRAQ = "واستعادت القوات العراقية مناطق في الأنبار غربي العراق، بعد معارك في العراق. "


@pytest.mark.parametrize(
    ("story", "sentence", "surface", "kb_id"),
    [
        (YEMEN, "وشن طيران التحالف غارات على مواقع الحوثيين في صنعاء.", "طيران التحالف", "org:arab-coalition"),
        (YEMEN, "وقال التحالف إن غاراته أصابت مخازن أسلحة.", "التحالف", "org:arab-coalition"),
        (SYRIA, "واستهدفت طائرات التحالف مواقع لتنظيم داعش قرب الرقة.", "طائرات التحالف", "org:global-coalition"),
        (IRAQ, "ونفذت قوات التحالف ضربات جوية على الموصل.", "قوات التحالف", "org:global-coalition"),
        (SYRIA, "وشنت طائرات تابعة للتحالف الدولي غارات على الرقة.", "لتحالف الدولي", "org:global-coalition"),  # لل = ل + ال
    ],
)
def test_the_coalition_is_the_one_of_the_storys_state(story: str, sentence: str, surface: str, kb_id: str) -> None:
    doc = analyse(story + sentence)
    e = entity_with(doc, surface)
    assert e.kb_id == kb_id and e.type == "ORG"


def test_a_coalition_in_a_story_about_no_war_state_is_no_entity() -> None:
    doc = analyse("وأعلن التحالف الحاكم في ألمانيا خطة جديدة للضرائب في برلين وألمانيا.")
    assert all(e.kb_id not in {"org:arab-coalition", "org:global-coalition"} for e in doc.entities)


def test_a_coalition_of_parties_is_not_a_military_coalition() -> None:
    doc = analyse(SYRIA + "وقال التحالف الوطني السوري إن المفاوضات متوقفة.")
    assert all(e.kb_id not in {"org:arab-coalition", "org:global-coalition"} for e in doc.entities)


@pytest.mark.parametrize(
    ("sentence", "surface"),
    [
        ("وتحاصر فصائل المعارضة بلدتي نبل والزهراء.", "فصائل المعارضة"),
        ("وأعلنت المعارضة السورية المسلحة تقدمها في سهل الغاب.", "المعارضة السورية المسلحة"),
        ("وقصفت الفصائل المسلحة مواقع في اللاذقية.", "الفصائل المسلحة"),
        ("وأكدت مصادر تقدم المعارضة في بلدة داريا.", "المعارضة"),
    ],
)
def test_the_opposition_in_a_syria_story_is_syrias_rebels(sentence: str, surface: str) -> None:
    doc = analyse(SYRIA + sentence)
    e = entity_with(doc, surface)
    assert e.kb_id == "org:syrian-opposition" and e.actor == "SYRREB" and e.country == "SYR"


def test_the_opposition_elsewhere_is_not_syrias() -> None:
    doc = analyse("وانتقدت المعارضة في تونس قانون المالية الجديد، وقالت فصائل المعارضة إن تونس تحتاج إصلاحا.")
    assert all(e.kb_id != "org:syrian-opposition" for e in doc.entities)


@pytest.mark.parametrize(
    ("sentence", "surface", "kb_id"),
    [
        ("وتقدمت قوات البيشمركة نحو سنجار.", "قوات البيشمركة", "org:peshmerga"),
        ("وقالت البيشمركة إنها صدت هجوما.", "البيشمركة", "org:peshmerga"),
        ("وسيطرت قوات الحشد على بلدة قرب تكريت.", "قوات الحشد", "org:pmf"),
    ],
)
def test_iraqi_armed_forces_are_known(sentence: str, surface: str, kb_id: str) -> None:
    doc = analyse(IRAQ + sentence)
    e = entity_with(doc, surface)
    assert e.kb_id == kb_id and e.country == "IRQ"


def test_the_organisation_refers_back_to_the_armed_group_named_before() -> None:
    doc = analyse("سيطر تنظيم داعش على مدينة تدمر في سوريا. وأعدم التنظيم عشرات المدنيين في المدينة.")
    isis = entity_with(doc, "تنظيم داعش")
    assert isis.kb_id == "org:isis"
    assert "التنظيم" in [m.text for m in isis.mentions]


def test_the_organisation_with_nothing_named_before_is_no_mention() -> None:
    doc = analyse("وقال مسؤول في بغداد إن التنظيم الجديد للوزارة يبدأ الشهر المقبل.")
    assert "التنظيم" not in mention_texts(doc)


def test_a_coalition_before_the_war_against_isis_is_not_that_coalition() -> None:
    doc = analyse(IRAQ + "ونفذت قوات التحالف دوريات في الموصل.", published="2004-05-01")
    assert all(e.kb_id != "org:global-coalition" for e in doc.entities)
