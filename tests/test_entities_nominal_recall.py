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


def test_lone_ministry_is_the_ministry_of_the_minister_just_before(run) -> None:
    doc = run(
        "القاهرة - استقبل وزير الخارجية سامح شكري بمقر الوزارة بالقاهرة اليوم نظيره الفرنسي.\n"
        "وقال المتحدث باسم وزارة الخارجية السفير أحمد أبو زيد إن الوزيرين بحثا التصعيد في البحر الأحمر."
    )
    assert _same(doc, "الوزارة", "وزارة الخارجية")


def test_lone_ministry_with_none_named_is_a_ministry_of_the_ministers_state(run) -> None:
    doc = run(
        "الرياض - استقبل الأمير فيصل بن فرحان وزير الخارجية، في مقر الوزارة بالرياض اليوم، "
        "الأمين العام لمجلس التعاون جاسم البديوي."
    )
    ministry = _holder(doc, "الوزارة")
    assert ministry is not None and ministry.type == "ORG" and ministry.country == "SAU"
    assert not _same(doc, "فيصل بن فرحان", "الوزارة")


def test_lone_ministry_far_from_any_minister_stays_unplaced(run) -> None:
    filler = "وتناول اللقاء سبل تعزيز التعاون الاقتصادي والتجاري بين البلدين في مختلف المجالات. " * 5
    doc = run(
        "الرياض - استقبل الأمير فيصل بن فرحان وزير الخارجية السفير الإسباني.\n" + filler
        + "\nوأعلنت الوزارة عن برنامج جديد."
    )
    assert _holder(doc, "الوزارة") is None


def test_lone_ministry_after_two_states_ministries_stays_unplaced(run) -> None:
    doc = run(
        "الرياض - وقع الجانبان مذكرة تفاهم بين وزارة الخارجية في المملكة العربية السعودية "
        "ووزارة الشؤون الخارجية والاتحاد الأوروبي والتعاون في مملكة إسبانيا.\n"
        "حضر التوقيع وكيل الوزارة للشؤون السياسية الدكتور سعود الساطي."
    )
    assert _holder(doc, "الوزارة") is None  # either state's ministry: none rather than the wrong one
    assert not any("للشؤون" in m.text for e in doc.entities for m in e.mentions if m.kind == "name")


def test_ministry_inside_an_undersecretarys_title_is_no_body_name(run) -> None:
    doc = run(
        "الرياض - استقبل الأمير فيصل بن فرحان وزير الخارجية، في مقر الوزارة بالرياض اليوم، السفير الإسباني.\n"
        "حضر الاستقبال وكيل الوزارة للشؤون السياسية الدكتور سعود الساطي."
    )
    assert _same(doc, "الوزارة", "الوزارة", 1)
    assert not any("للشؤون" in m.text for e in doc.entities for m in e.mentions if m.kind == "name")


def test_un_body_noun_joins_the_un_body_named_before(run) -> None:
    doc = run(
        "عمان - بحث وزير الخارجية أيمن الصفدي مع المفوض العام للأونروا فيليب لازاريني دعم الوكالة.\n"
        "وأشار لازاريني إلى أن المنظمة الأممية تواجه أسوأ أزمة مالية منذ تأسيسها."
    )
    assert _same(doc, "الوكالة", "المنظمة الأممية")
    assert _holder(doc, "الوكالة").canonical == "الأونروا"  # type: ignore[union-attr]


def test_un_body_noun_with_only_another_body_named_stays_unplaced(run) -> None:
    doc = run(
        "جدة - دعت منظمة التعاون الإسلامي إلى اجتماع طارئ لبحث الأوضاع في غزة.\n"
        "وقالت المنظمة الأممية إن الوضع الإنساني كارثي."
    )
    assert _holder(doc, "منظمة التعاون الإسلامي") is not None
    assert _holder(doc, "المنظمة الأممية") is None


def test_body_noun_that_is_a_verbal_noun_after_a_common_noun_is_no_mention(run) -> None:
    doc = run(
        "عدن - قالت مصادر إن مسلحي جماعة الحوثي انسحبوا من المنطقة.\n"
        "وأكد المقاومون أنهم يقطعون الإمداد والحركة على المعتدين."
    )
    assert _holder(doc, "والحركة") is None and _holder(doc, "الحركة") is None


def test_body_noun_after_a_body_named_and_joined_by_waw_still_refers_back(run) -> None:
    doc = run(
        "أنقرة - أعلن تنظيم الدولة الإسلامية مسؤوليته عن التفجير.\n"
        "وشنت الطائرات التركية غارات على مقاتلي التنظيم والأكراد في العراق."
    )
    assert _same(doc, "تنظيم الدولة الإسلامية", "التنظيم")


def test_short_form_of_an_office_held_beside_a_name_joins_its_holder(run) -> None:
    doc = run(
        "القاهرة - قال المستشار أحمد فهمي المتحدث الرسمي باسم رئاسة الجمهورية إن الرئيس السيسي تلقى اتصالا.\n"
        "وأضاف المتحدث الرسمي أن الرئيس الفرنسي أعرب عن تقديره للدور المصري."
    )
    assert _same(doc, "أحمد فهمي", "المتحدث الرسمي", 1)


def test_short_form_of_an_office_two_men_held_stays_unplaced(run) -> None:
    doc = run(
        "القاهرة - قال أحمد فهمي المتحدث الرسمي باسم رئاسة الجمهورية إن الاتصال كان إيجابيا، "
        "فيما قال أحمد أبو زيد المتحدث الرسمي باسم وزارة الخارجية إن الوزيرين التقيا.\n"
        "وأضاف المتحدث الرسمي أن التنسيق مستمر."
    )
    short = _holder(doc, "المتحدث الرسمي", 2)
    assert short is None or not any(m.kind == "name" for m in short.mentions)


def test_grand_imam_is_al_azhars_sheikh(run) -> None:
    doc = run(
        "القاهرة - استقبل شيخ الأزهر أحمد الطيب سفير فرنسا لدى مصر.\n"
        "وأكد الإمام الأكبر أهمية الحوار بين الأديان."
    )
    assert _same(doc, "شيخ الأزهر أحمد الطيب", "الإمام الأكبر")


def test_grand_imam_before_the_holders_time_is_not_him() -> None:
    doc = analyze_text("القاهرة - دعا الإمام الأكبر إلى نبذ العنف.", published="2005-03-01")
    imam = _holder(doc, "الإمام الأكبر")
    assert imam is None or imam.canonical != "أحمد الطيب"


def test_spokesperson_in_its_name_is_the_man_named_beside_it(run) -> None:
    doc = run(
        "صنعاء - توعدت جماعة الحوثي باستهداف أي سفينة مرتبطة بإسرائيل، "
        "وقال المتحدث باسمها محمد عبد السلام إن العمليات مستمرة."
    )
    assert _same(doc, "محمد عبد السلام", "المتحدث باسمها")


def test_spokesperson_in_its_name_with_no_name_beside_it_is_nobodys(run) -> None:
    doc = run(
        "صنعاء - توعدت جماعة الحوثي باستهداف السفن، وقال المتحدث باسمها محمد عبد السلام إن العمليات مستمرة.\n"
        "وأعلنت وزارة الدفاع الكمبودية أن المتحدث باسمها سيعقد مؤتمرا صحفيا."
    )
    assert _holder(doc, "المتحدث باسمها", 1) is None  # not the Houthi spokesman: another body's
