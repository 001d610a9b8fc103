"""Actors the text does not name: the story's state for national offices, unnamed sources,
"العدو"/"المقاومة", and the phrase boundaries that keep two actors apart."""

from __future__ import annotations

from typing import Any

import pytest

from entities_support import analyse_story, entity_with
from marsad.document import Document


def analyse(body: str, *, published: str = "2024-02-20", **kw: Any) -> Document:
    return analyse_story(body, published=published, **kw)


# -- 1. national offices take the story's country ------------------------------------------------


@pytest.mark.parametrize(
    ("place", "agency", "country"),
    [("تونس", "وات", "TUN"), (None, "TAP", "TUN"), ("دمشق", None, "SYR")],
)
def test_a_minister_with_no_nationality_is_of_the_datelines_state(
    place: str | None, agency: str | None, country: str
) -> None:
    doc = analyse(
        "وكان وزير التربية محمد علي البوغديري قد التقى أمس وفداً عن الجامعة العامة للتعليم الثانوي.",
        place=place, agency=agency, names={("محمد", "علي", "البوغديري"): "PER"},
    )
    e = entity_with(doc, "محمد علي البوغديري")
    assert {m.text for m in e.mentions} == {"وزير التربية", "محمد علي البوغديري"}
    assert (e.country, e.actor) == (country, country + "GOV")


def test_an_international_agency_gives_no_home_country() -> None:
    doc = analyse(
        "وكان وزير التربية محمد علي البوغديري قد التقى أمس وفداً نقابياً.",
        agency="AFP", names={("محمد", "علي", "البوغديري"): "PER"},
    )
    assert entity_with(doc, "محمد علي البوغديري").country is None


def test_a_title_of_an_organisation_takes_its_country_and_sector() -> None:
    doc = analyse(
        "وقال الكاتب العام المساعد للاتحاد العام التونسي للشغل سامي الطاهري في تصريح إن الوزارة رفضت المقترحات.",
        names={("سامي", "الطاهري"): "PER"},
    )
    e = entity_with(doc, "سامي الطاهري")
    assert "الكاتب العام المساعد للاتحاد العام التونسي للشغل" in {m.text for m in e.mentions}
    assert (e.country, e.actor) == ("TUN", "TUNLAB")
    # "للاتحاد": the known union inside the title (a body phrase whose ل swallowed the article is none)
    (union,) = [x for x in doc.entities if x.kb_id == "org:ugtt"]
    assert union.country == "TUN" and union.type == "ORG"


def test_a_spokesman_of_a_body_named_after_him_is_of_the_bodys_state() -> None:
    doc = analyse(
        "وقال الكاتب العام للجامعة العامة للتعليم الثانوي نبيل الهواشي إن الإضراب ناجح.",
        place="تونس",
        names={("نبيل", "الهواشي"): "PER", ("للجامعة", "العامة", "للتعليم", "الثانوي"): "ORG"},
    )
    e = entity_with(doc, "نبيل الهواشي")
    assert e.country == "TUN"


# -- 2. unnamed sources ---------------------------------------------------------------------------


def test_an_unnamed_security_source_is_one_actor_of_the_datelines_state() -> None:
    doc = analyse(
        "قتل ثلاثة عناصر من حزب الله في غارة إسرائيلية، وفق ما أفاد مصدر أمني وكالة فرانس برس.\n"
        "وقال المصدر الأمني، طالباً عدم الكشف عن هويته، إن مسيرة استهدفت سيارة.",
        place="بيروت", agency="أ ف ب",
    )
    e = entity_with(doc, "مصدر أمني")
    assert [m.text for m in e.mentions] == ["مصدر أمني", "المصدر الأمني"]
    assert (e.type, e.country, e.actor) == ("PER", "LBN", "LBNGOV")
    assert {m.kind for m in e.mentions} == {"role"}


@pytest.mark.parametrize(
    ("sentence", "surface", "country", "actor"),
    [
        ("وكان مصدر عسكري ذكر في تصريح أن الدفاعات الجوية تصدت للصواريخ.", "مصدر عسكري", "SYR", "SYRMIL"),
        ("وقالت مصادر مطلعة إن المحادثات ستستأنف الأسبوع المقبل.", "مصادر مطلعة", "SYR", "SYR"),
        ("وقال مصدر عسكري إسرائيلي إن الجيش اعترض الصواريخ.", "مصدر عسكري إسرائيلي", "ISR", "ISRMIL"),
    ],
)
def test_unnamed_sources_get_the_sector_their_words_say(sentence: str, surface: str, country: str, actor: str) -> None:
    e = entity_with(analyse(sentence, place="دمشق"), surface)
    assert (e.type, e.country, e.actor) == ("PER", country, actor)


def test_local_sources_are_no_actors() -> None:
    doc = analyse("وأفادت مصادر محلية بأن قوة كبيرة من جيش الاحتلال اقتحمت المدينة.", place="جنين")
    assert not [e for e in doc.entities if any("مصادر" in m.text for m in e.mentions)]


# -- 3. "العدو", "المقاومة" -------------------------------------------------------------------------


ALALAM = (
    "العدو يستدعي الاحتياط.. والمقاومة الإسلامية تستهدف مواقعه رداً على مجزرة النبطية\n"
    "أعلنت المقاومة الإسلامية في لبنان أن مجاهديها استهدفوا مقر قيادة لواء التابع لجيش الاحتلال الصهيوني.\n"
    "وهدد نائب الأمين العام لحزب الله الشيخ نعيم قاسم بأن العدو سيدفع الثمن، وأضاف: إذا وسع الاحتلال "
    "عدوانه فإن المقاومة جاهزة لتوسيع ردها."
)


def test_the_enemy_and_the_resistance_are_the_actors_the_story_names() -> None:
    doc = analyse(ALALAM)
    israel = entity_with(doc, "الاحتلال")
    assert israel.kb_id == "state:ISR"
    assert [m.text for m in israel.mentions if m.text == "العدو"] == ["العدو", "العدو"]
    hezbollah = entity_with(doc, "المقاومة الإسلامية في لبنان")
    texts = [(m.text, m.kind) for m in hezbollah.mentions]
    assert ("المقاومة الإسلامية", "name") in texts and ("المقاومة", "nominal") in texts


def test_the_enemy_is_no_one_where_the_story_names_no_occupier() -> None:
    doc = analyse("وقال المدرب إن العدو الأول للفريق هو الغرور، وإن المقاومة البدنية ضعيفة.")
    assert not [e for e in doc.entities if any(m.text in {"العدو", "المقاومة"} for m in e.mentions)]


def test_the_axis_of_resistance_is_not_an_organisation() -> None:
    doc = analyse("وأكد حزب الله أن محور المقاومة موحد في مواجهة الاحتلال.")
    hezbollah = entity_with(doc, "حزب الله")
    assert [m.text for m in hezbollah.mentions] == ["حزب الله"]


def test_the_enemy_named_with_a_nationality_is_that_state() -> None:
    doc = analyse("وأكد المتحدث أن العدو الأمريكي سيدفع ثمن عدوانه على اليمن، وأن العدو لن يفلت من العقاب.")
    usa = entity_with(doc, "العدو الأمريكي")
    assert usa.kb_id == "state:USA" and "العدو" in {m.text for m in usa.mentions}


# -- 4. phrase boundaries ---------------------------------------------------------------------------


def test_a_definite_body_noun_takes_no_following_name_as_its_genitive() -> None:
    doc = analyse(
        "أدانت وزارة الخارجية والمغتربين العدوان الإسرائيلي.\n"
        "وحمّلت الوزارة الكيان الإسرائيلي المسؤولية الكاملة عن اعتداءاته المتكررة.",
        place="دمشق",
    )
    ministry = entity_with(doc, "وزارة الخارجية والمغتربين")
    assert "الوزارة" in {m.text for m in ministry.mentions} and ministry.country == "SYR"
    assert entity_with(doc, "الكيان الإسرائيلي").kb_id == "state:ISR"


def test_a_definite_title_takes_no_following_state_as_its_genitive() -> None:
    doc = analyse("وحمّل الرئيس إسرائيل المسؤولية عن التصعيد.", place="بيروت")
    assert entity_with(doc, "إسرائيل").kb_id == "state:ISR"
    assert not [e for e in doc.entities if any(m.text == "الرئيس إسرائيل" for m in e.mentions)]


def test_an_indefinite_headquarters_in_occupied_land_is_no_organisation() -> None:
    doc = analyse("وأطلق حزب الله 60 صاروخاً على مقر قيادة عسكرية في الجولان السوري المحتل.", place="بيروت")
    assert not [e for e in doc.entities if any("قيادة" in m.text for m in e.mentions)]


def test_a_second_title_joined_by_wa_is_its_own_mention() -> None:
    doc = analyse(
        "وقال رئيس الوفد الوطني المفاوض والمتحدث باسم جماعة الحوثي محمد عبد السلام إن الهجمات ستستمر.",
        published="2024-01-26",
    )
    e = entity_with(doc, "محمد عبد السلام")
    assert {m.text for m in e.mentions} >= {"رئيس الوفد الوطني المفاوض", "المتحدث باسم جماعة الحوثي"}


def test_a_spokesman_of_the_group_named_before_stands_beside_his_name() -> None:
    doc = analyse(
        "وفرضت واشنطن عقوبات على قادة في جماعة الحوثي.\n"
        "وأعلن المتحدث العسكري باسم الجماعة يحيى سريع استهداف سفينة.",
        published="2024-01-26",
    )
    saree = entity_with(doc, "يحيى سريع")
    assert "المتحدث العسكري باسم الجماعة" in {m.text for m in saree.mentions}
    houthis = entity_with(doc, "جماعة الحوثي")
    assert "الجماعة" in {m.text for m in houthis.mentions}


def test_a_lone_noun_before_ila_still_refers_back() -> None:
    doc = analyse(
        "وقال القيادي في حركة المقاومة الإسلامية حماس إن المفاوضات متعثرة.\n"
        "وقال بلينكن إن الأمر بيد حماس، داعياً الحركة إلى الموافقة على الهدنة.",
        published="2024-03-05",
    )
    hamas = entity_with(doc, "حماس")
    assert "الحركة" in {m.text for m in hamas.mentions}


def test_a_body_in_the_place_named_before_has_that_places_country() -> None:
    doc = analyse(
        "وتواصل إسرائيل قصف قطاع غزة.\nوفي غزة، قالت وزارة الصحة في القطاع إن الغارات أسفرت عن مقتل 97 شخصاً.",
        place="القاهرة", agency="رويترز",
    )
    assert entity_with(doc, "وزارة الصحة").country == "PSE"


def test_a_body_named_in_full_then_short_is_one_entity() -> None:
    doc = analyse(
        "فرضت وزارة الخزانة الأميركية عقوبات على أربعة قادة.\n"
        "وقال وكيل وزارة الخزانة لشؤون الإرهاب والاستخبارات المالية بريان نيلسون إن العقوبات ستتواصل.",
        published="2024-01-26",
    )
    treasury = entity_with(doc, "وزارة الخزانة الأميركية")
    assert {m.text for m in treasury.mentions} == {"وزارة الخزانة الأميركية", "وزارة الخزانة"}
    nelson = entity_with(doc, "بريان نيلسون")
    assert "وكيل وزارة الخزانة لشؤون الإرهاب والاستخبارات المالية" in {m.text for m in nelson.mentions}


def test_factions_of_national_action_are_an_organisation_of_the_datelines_state() -> None:
    doc = analyse(
        "وأعلنت فصائل العمل الوطني والإسلامي في المحافظة الإضراب الشامل حداداً على الشهيدين.", place="جنين"
    )
    e = entity_with(doc, "فصائل العمل الوطني والإسلامي")
    assert (e.type, e.country, e.actor) == ("ORG", "PSE", "PSE")


def test_an_unknown_quarter_of_the_datelines_city_is_in_its_state() -> None:
    doc = analyse(
        "استهدف العدوان مبنى سكنياً في حي كفرسوسة بمدينة دمشق.", place="دمشق", names={("كفرسوسة",): "LOC"}
    )
    assert entity_with(doc, "كفرسوسة").country == "SYR"


# -- 5. titles that resolve to the holder on the day ------------------------------------------------


@pytest.mark.parametrize(
    ("role", "date", "kb_id"),
    [
        ("المبعوث الأممي إلى اليمن", "2024-03-01", "person:grundberg"),
        ("المبعوث الأممي الخاص لليمن", "2019-03-01", "person:griffiths"),
        ("المبعوث الخاص للأمين العام للأمم المتحدة إلى سوريا", "2020-03-01", "person:pedersen"),
        ("المبعوث الأممي إلى ليبيا", "2018-03-01", "person:salame"),
        ("المبعوث الأمريكي الخاص إلى اليمن", "2023-03-01", "person:lenderking"),
        ("المبعوث الأمريكي إلى سوريا", "2025-07-01", "person:barrack"),
        ("المبعوث الأمريكي الخاص لإيران", "2022-03-01", "person:malley"),
        ("المبعوث الأمريكي", "2024-02-27", "person:hochstein"),
        ("المفوض السامي لحقوق الإنسان", "2024-03-01", "person:turk"),
        ("مفوض الأمم المتحدة السامي لشؤون اللاجئين", "2024-03-01", "person:grandi"),
        ("المفوض العام للأونروا", "2024-03-01", "person:lazzarini"),
        ("المفوض العام لوكالة الأونروا", "2018-03-01", "person:krahenbuhl"),
        ("رئيس أركان الحشد الشعبي", "2024-03-01", "person:abu-fadak"),
        ("رئيس أركان الجيش الإسرائيلي", "2024-03-01", "person:halevi"),
        ("رئيس السلطة القضائية الإيرانية", "2024-03-01", "person:ejei"),
        ("رئيس السلطة القضائية الإيرانية", "2015-03-01", "person:amoli-larijani"),
        ("رئيس المجلس السياسي الأعلى", "2024-03-01", "person:mashat"),
        ("رئيس المجلس السياسي الأعلى", "2017-03-01", "person:sammad"),
    ],
)
def test_new_titles_resolve_by_date(role: str, date: str, kb_id: str) -> None:
    doc = analyse(f"وقال {role} في بيان إن الوضع الإنساني كارثي.", published=date)
    assert entity_with(doc, role).kb_id == kb_id


def test_an_envoy_for_a_topic_is_not_the_envoy_of_the_day() -> None:
    doc = analyse("وقال المبعوث الأمريكي للمناخ إن بلاده ملتزمة بخفض الانبعاثات.", published="2024-02-27")
    e = entity_with(doc, "المبعوث الأمريكي")
    assert (e.kb_id, e.country) == (None, "USA")


def test_an_envoys_destination_is_not_his_country() -> None:
    doc = analyse("وقال المبعوث الخاص إلى اليمن إن الهدنة صامدة.", place="الرياض")
    assert not [e for e in doc.entities if e.type == "PER" and e.country in {"YEM", "SAU"}]


# -- 6. knowledge-base names never start inside a word ----------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "kb_id", "surface"),
    [
        ("وفكونا الحبل ثم مضينا.", None, None),
        ("وأفادت وكونا بأن الوفد وصل.", "org:kuna", "كونا"),
        ("وقالت لكونا مصادر رسمية إن الوفد وصل.", "org:kuna", "كونا"),
        ("وأعلنت وأرامكو عن أرباحها الفصلية.", "org:aramco", "أرامكو"),
        ("وتعاقدت الشركة مع بأرامكو لمدة عامين.", "org:aramco", "أرامكو"),
    ],
)
def test_names_after_proclitics_only_where_the_word_splits(sentence: str, kb_id: str | None, surface: str | None) -> None:
    doc = analyse(sentence)
    found = {(e.kb_id, m.text) for e in doc.entities for m in e.mentions if e.kb_id in {"org:kuna", "org:aramco"}}
    assert found == ({(kb_id, surface)} if kb_id else set())
