"""Coreference recall rules (brief P): mentions that used to make an entity of their own, and
the look-alikes that must stay apart. Sentences written for Marsad in wire style."""

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


COORDINATED = (
    "الرياض - استقبل الأمير فيصل بن فرحان وزير الخارجية، في مقر الوزارة بالرياض اليوم، الأمين العام "
    "لمجلس التعاون لدول الخليج العربية جاسم محمد البديوي.\n"
    "كما بحث وزير الخارجية والبديوي مستجدات الأوضاع الإقليمية."
)


def test_title_before_a_coordinated_name_is_not_that_persons(run) -> None:
    doc = run(COORDINATED)
    budaiwi = _holder(doc, "جاسم محمد البديوي")
    assert budaiwi is not None
    second = doc.text.index("وزير الخارجية", doc.text.index("كما بحث"))
    assert not any(m.start == second for m in budaiwi.mentions)  # "وزير الخارجية والبديوي": two men
    assert _same(doc, "فيصل بن فرحان", "وزير الخارجية", 1)


def test_bare_title_joins_the_one_person_who_held_it_in_full(run) -> None:
    doc = run(
        "عمان - بحث وزير الخارجية أيمن الصفدي مع المفوض العام للأونروا فيليب لازاريني دعم الوكالة.\n"
        "وأكد المفوض العام أن الأزمة المالية خانقة."
    )
    assert _same(doc, "فيليب لازاريني", "المفوض العام", 1)


def test_bare_title_with_two_earlier_holders_stays_unplaced(run) -> None:
    doc = run(
        "جنيف - قال المدير العام لمنظمة الصحة العالمية تيدروس أدهانوم غيبريسوس إن الوضع خطير. "
        "وقال المدير العام للوكالة الدولية للطاقة الذرية رافائيل غروسي إن التفتيش مستمر.\n"
        "وأكد المدير العام أن الوكالة مستعدة."
    )
    assert _holder(doc, "المدير العام", 2) is None


def test_office_named_beside_a_person_and_repeated_alone_is_his(run) -> None:
    doc = run(
        "طرابلس - التقى رئيس المجلس الرئاسي محمد المنفي وفدا أمميا.\n"
        "وأكد رئيس المجلس الرئاسي دعمه للحوار."
    )
    assert _same(doc, "محمد المنفي", "رئيس المجلس الرئاسي", 1)


def test_lone_army_is_the_one_army_named_before(run) -> None:
    doc = run(
        "الخرطوم - قال البرهان إن القوات المسلحة السودانية ماضية في معركتها.\n"
        "وقال الجيش في بيان إنه استعاد مواقع في أم درمان."
    )
    assert _same(doc, "القوات المسلحة السودانية", "الجيش")


def test_lone_army_with_two_armies_named_stays_unplaced(run) -> None:
    doc = run(
        "اندلعت اشتباكات بين الجيش التايلاندي والقوات الكمبودية على الحدود.\n"
        "وقال الجيش إن قذائف سقطت على قرى حدودية."
    )
    thai, khmer = _holder(doc, "الجيش التايلاندي"), _holder(doc, "القوات الكمبودية")
    assert thai is not None and khmer is not None and thai.id != khmer.id
    assert _holder(doc, "الجيش", 1) is None


def test_bracketed_short_name_is_its_bodys(run) -> None:
    doc = run(
        "نيويورك - حذرت منظمة الأمم المتحدة للطفولة (يونيسف) من تدهور الأوضاع في غزة.\n"
        "وقالت اليونيسف إن آلاف الأطفال يعانون من سوء التغذية."
    )
    assert _same(doc, "منظمة الأمم المتحدة للطفولة", "يونيسف")
    assert _same(doc, "منظمة الأمم المتحدة للطفولة", "اليونيسف")


def test_bracketed_place_after_a_body_is_no_short_name(run) -> None:
    doc = run("غزة - قالت وزارة الصحة (غزة) إن عدد الشهداء ارتفع. وأضافت الوزارة أن المستشفيات تعاني.")
    ministry, gaza = _holder(doc, "وزارة الصحة"), _holder(doc, "غزة", 1)
    assert ministry is not None and gaza is not None and ministry.id != gaza.id


def test_minister_word_before_a_name_is_his_role(run) -> None:
    doc = run(
        "الكويت - قال وزير الخارجية عبدالله اليحيا إن الكويت تدعم الحوار.\n"
        "وأكد الوزير اليحيا أن التنسيق مستمر."
    )
    assert _same(doc, "عبدالله اليحيا", "الوزير")


def test_ambassador_word_before_a_name_stays_an_honorific(run) -> None:
    doc = run("القاهرة - وصرح السفير أحمد أبو زيد المتحدث باسم وزارة الخارجية بأن الوزير سيزور عمان.")
    assert _holder(doc, "السفير") is None


def test_one_word_name_and_its_twin_with_the_article_join(run) -> None:
    doc = run(
        "الرياض - ارتفع سعر صرف الدولار أمام الريال في السوق الموازية. "
        "وبلغت قيمة الصفقة 500 مليون دولار بحسب مصادر مصرفية."
    )
    assert _same(doc, "الدولار", "دولار", 1)


def test_a_persons_name_and_its_twin_with_the_article_stay_apart() -> None:
    from marsad.entities.coref import NameSpan
    from marsad.entities.coref_links import article_twin

    hussein = NameSpan(0, 4, "PER", ("حسين",))
    assert article_twin("PER:حسين", hussein, None, {"PER:الحسين": 0}) is None  # type: ignore[arg-type]


def test_title_before_a_name_the_segmenter_cut_after_waw_keeps_its_holder(run) -> None:
    # "وهيب" is a first name, not و + "هيب": the title is still his
    doc = run(
        "دشن أمين منطقة المدينة المنورة الحارة الحجازية، وذلك بحضور وكيل الإمارة للشؤون المحلية "
        "وهيب السهلي، ومدير عام السياحة صالح عباس."
    )
    assert _same(doc, "هيب السهلي", "وكيل الإمارة للشؤون المحلية")


def test_lone_army_long_after_the_army_was_named_stays_unplaced(run) -> None:
    filler = "وتناول اللقاء ملفات التعاون الاقتصادي والتجاري بين البلدين وسبل تطويرها في المرحلة المقبلة. " * 5
    doc = run(
        "بيروت - قال الرئيس السوري إن الجيش العربي السوري يواصل عملياته في ريف دمشق. "
        + filler
        + "\nوقال نائب الأمين العام لحزب الله إن الاستقرار في لبنان صنيعة ثلاثية الجيش والشعب والمقاومة."
    )
    assert _holder(doc, "الجيش", 1) is None


def test_region_short_name_joins_the_region_named_in_full(run) -> None:
    doc = run(
        "أربيل - قرر موظفو إقليم كردستان العراق مقاطعة الدوام الرسمي احتجاجا على تأخر الرواتب.\n"
        "وقال أحد المعتصمين إن موظفي كردستان لم يتسلموا رواتبهم منذ ثلاثة أشهر."
    )
    assert _same(doc, "إقليم كردستان العراق", "كردستان", 1)



def test_lone_region_name_with_no_region_named_before_stays_unjoined(run) -> None:
    doc = run(
        "طهران - أعلن محافظ كردستان إيران عن مشاريع جديدة في سنندج.\n"
        "وقال مسؤول محلي إن كردستان تحتاج إلى استثمارات كبيرة."
    )
    lone = _holder(doc, "كردستان", 1)
    assert lone is None or lone.kb_id != "place:iraqi-kurdistan"


def test_body_named_short_before_its_full_name_joins_it(run) -> None:
    doc = run(
        "السليمانية - اتهم المعتصمون حكومة الإقليم بالتقصير في صرف الرواتب.\n"
        "وقال المتحدث باسم حكومة إقليم كردستان إن الأزمة سببها قرارات بغداد. "
        "وأكدت حكومة إقليم كردستان أنها ستصرف الرواتب قريبا."
    )
    assert _same(doc, "حكومة الإقليم", "حكومة إقليم كردستان", 1)


def test_body_named_short_before_two_full_bodies_stays_apart(run) -> None:
    doc = run(
        "قالت وزارة الخارجية في بيان إن الاجتماع تأجل.\n"
        "وكانت وزارة الخارجية الأمريكية قد دعت إلى التهدئة، فيما رفضت وزارة الخارجية الإيرانية الدعوة."
    )
    short = _holder(doc, "وزارة الخارجية")
    assert short is not None
    assert not _same(doc, "وزارة الخارجية", "وزارة الخارجية الأمريكية")
    assert not _same(doc, "وزارة الخارجية", "وزارة الخارجية الإيرانية")
