"""Event rules found on real wire text (the SaudiNewsNet audit's tune half), each checked on
sentences written for these tests: other names, outlets and phrasings than the audit's."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from events_support import entity_canonical, events_of, pipeline_runner
from marsad.document import Document, Event


@pytest.fixture(scope="module")
def analyze() -> Callable[..., Document]:
    return pipeline_runner()


_name = entity_canonical
_events = events_of


def _one(doc: Document, plover: str) -> Event:
    evs = _events(doc, plover)
    assert len(evs) == 1, [(e.trigger.text, e.plover) for e in doc.events]
    return evs[0]


def _has(name: str | None, *parts: str) -> bool:
    return name is not None and any(p in name for p in parts)


# -- a joint subject before a symmetric verb: both parties ------------------------------------

@pytest.mark.parametrize(
    ("text", "a", "b"),
    [
        ("أكد وزير الخارجية المصري سامح شكري أن مصر والأردن تتفقان على ضرورة وقف الحرب في غزة.", "مصر", "الأردن"),
        ("وقال البيان إن السعودية والإمارات تتفقان على دعم الحكومة الشرعية.", "السعودية", "الإمارات"),
        ("اتفقت تركيا وقطر على تعزيز التنسيق بشأن سوريا.", "تركيا", "قطر"),
    ],
)
def test_joint_subject_symmetric(analyze, text: str, a: str, b: str) -> None:
    doc = analyze(text)
    ev = _one(doc, "AGREE")
    assert _has(_name(doc, ev.source), a) and _has(_name(doc, ev.target), b)


def test_joint_subject_needs_its_clause(analyze) -> None:
    """"التقى X بممثلي مصر والأردن" keeps X as the doer: the pair is an object, not the subject."""
    doc = analyze("التقى الرئيس الفرنسي إيمانويل ماكرون ممثلي مصر والأردن في باريس.")
    ev = _one(doc, "CONSULT")
    assert _has(_name(doc, ev.source), "ماكرون")


def test_coordinated_subject_with_dual_pronoun_object(analyze) -> None:
    doc = analyze("ورحبت الرياض وأنقرة رسمياً بتعاونهما في ملف اللاجئين.")
    ev = _one(doc, "SUPPORT")
    assert ev.source is not None and ev.target is not None and ev.source != ev.target


# -- a body of an organisation holds the meeting -----------------------------------------------

def test_body_of_organisation_holds_meeting(analyze) -> None:
    doc = analyze("وعقدت اللجنة المركزية لحركة فتح اجتماعا مع وفد من حركة حماس في القاهرة.")
    ev = _one(doc, "CONSULT")
    assert _has(_name(doc, ev.source), "فتح") and _has(_name(doc, ev.target), "حماس")


def test_summit_between_titled_pair(analyze) -> None:
    doc = analyze("وتجري الاستعدادات لعقد قمة بين الرئيسين التركي رجب طيب أردوغان والروسي فلاديمير بوتين في أنقرة.")
    ev = _one(doc, "CONSULT")
    assert {_name(doc, ev.source), _name(doc, ev.target)} >= {"رجب طيب أردوغان", "فلاديمير بوتين"} or (
        _has(_name(doc, ev.source), "أردوغان") and _has(_name(doc, ev.target), "بوتين")
    )


def test_press_conference_with(analyze) -> None:
    doc = analyze("وقال وزير الخارجية الأردني أيمن الصفدي في مؤتمره الصحفي مع نظيره الفرنسي جان نويل بارو إن الحل سياسي.")
    ev = _one(doc, "CONSULT")
    assert _has(_name(doc, ev.source), "الصفدي") and _has(_name(doc, ev.target), "بارو")
    assert ev.trigger.text == "مؤتمره"


# -- doers of violence --------------------------------------------------------------------------

def test_genitive_through_fighters(analyze) -> None:
    doc = analyze("وأكدت مصادر محلية انسحاب مقاتلي حركة الشباب من بلدة بولو بوردي باتجاه مقديشو.")
    ev = _one(doc, "RETREAT")
    assert _has(_name(doc, ev.source), "الشباب")
    assert ev.target is None or not _has(_name(doc, ev.target), "مقديشو")


def test_attack_from_actor(analyze) -> None:
    doc = analyze("وتعرضت بلدة مجدل شمس لهجوم من حزب الله اللبناني مساء أمس.")
    ev = _one(doc, "ASSAULT")
    assert _has(_name(doc, ev.source), "حزب الله")


def test_attack_from_partitive_is_no_doer(analyze) -> None:
    """"قتل ثلاثة من عناصر حزب الله": من after a number names the victims' side, not a doer."""
    doc = analyze("وأسفرت الغارة عن مقتل ثلاثة من عناصر حزب الله في بلدة النبطية.")
    for ev in _events(doc, "ASSAULT"):
        assert not _has(_name(doc, ev.source), "حزب الله")


def test_light_verb_across_a_target_phrase(analyze) -> None:
    doc = analyze("نفذت القوات الأمريكية ضد تنظيم داعش الإرهابي في العراق ثماني ضربات جوية على مواقع للتنظيم.")
    ev = _one(doc, "ASSAULT")
    assert _has(_name(doc, ev.source), "الأمريكية", "الولايات المتحدة")
    assert _has(_name(doc, ev.target), "الدولة الإسلامية", "داعش")


def test_light_verb_across_a_time_span(analyze) -> None:
    doc = analyze(
        "وأعلنت الوزارة أن قوات الأمن العراقية تمكنت في الفترة الممتدة من 3 مارس (آذار) وحتى يوم أمس من اعتقال 15 مطلوبا."
    )
    ev = _one(doc, "COERCE")
    assert _has(_name(doc, ev.source), "العراق", "الأمن العراقية")


def test_met_their_death_one_event(analyze) -> None:
    doc = analyze("ولقي خمسة أشخاص مصرعهم بينما أصيب 12 آخرون بجروح في انفجار سيارة مفخخة بمدينة الموصل.")
    assert len(_events(doc, "ASSAULT")) == 1


def test_showered_with_shells_trigger_is_the_verb(analyze) -> None:
    doc = analyze("وأمطرت قوات النظام السوري بلدات ريف إدلب الجنوبي الخاضعة لسيطرة الفصائل بالقذائف الصاروخية.")
    ev = _one(doc, "ASSAULT")
    assert ev.trigger.text == "وأمطرت"


def test_dropping_aid_trigger(analyze) -> None:
    doc = analyze("وتقوم طائرات الجيش الأردني بإلقاء حصص غذائية لسكان غزة من الجو.")
    ev = _one(doc, "AID")
    assert ev.trigger.text == "بإلقاء"


def test_beside_is_no_target(analyze) -> None:
    doc = analyze("فجر انتحاري نفسه في مسجد بمدينة القطيف فقتل منهم 21 شخصاً نحسبهم عند الله شهداء.")
    for ev in _events(doc, "ASSAULT"):
        assert not _has(_name(doc, ev.target), "الله")


# -- what is no event ---------------------------------------------------------------------------

@pytest.mark.parametrize(
    "text",
    [
        "وبحث الوزيران لبحث سبل تعزيز التعاون في مختلف المجالات.",
        "وأكد الجانبان أهمية تطوير التعاون الاقتصادي بين البلدين.",
    ],
)
def test_cooperation_as_topic(analyze, text: str) -> None:
    doc = analyze("استقبل الرئيس التونسي قيس سعيد وزير الخارجية الجزائري أحمد عطاف في تونس. " + text)
    assert not _events(doc, "COOPERATE")


# -- statements -----------------------------------------------------------------------------------

def test_will_not_fund_unless_is_a_refusal(analyze) -> None:
    doc = analyze("وقال وزير المالية العراقي إن الوزارة «لن تموّل رواتب إقليم كردستان ما لم تسلم أربيل إيرادات النفط».")
    ev = _one(doc, "REJECT")
    assert ev.trigger.text == "تموّل" and not ev.negated and ev.modality == "asserted"


def test_funding_asserted_is_no_refusal(analyze) -> None:
    doc = analyze("وقال وزير المالية العراقي إن الوزارة تموّل رواتب إقليم كردستان.")
    assert not _events(doc, "REJECT")


def test_disowned_is_a_rejection(analyze) -> None:
    doc = analyze("وتبرأت الحكومة العراقية من تصريحات نوري المالكي بشأن الكويت.")
    ev = _one(doc, "REJECT")
    assert _has(_name(doc, ev.source), "الحكومة العراقية", "العراق")


def test_call_trigger_is_the_verb_across_fillers(analyze) -> None:
    doc = analyze("دعت وزيرة الخارجية الألمانية أنالينا بيربوك، أمس، مجدداً إلى وقف إطلاق النار في السودان.")
    ev = _one(doc, "REQUEST")
    assert ev.trigger.text == "دعت" and _has(_name(doc, ev.source), "بيربوك")
    assert ev.date == "2024-03-09"


def test_future_first_person_in_quote(analyze) -> None:
    doc = analyze("وقال رئيس الوزراء العراقي محمد شياع السوداني: «سندعو كافة الدول العربية إلى المشاركة في القمة».")
    ev = _one(doc, "REQUEST")
    assert _has(_name(doc, ev.source), "السوداني")


# -- dates ------------------------------------------------------------------------------------------

def test_new_paragraph_does_not_inherit_an_attack_day(analyze) -> None:
    text = (
        "شنت طائرات حربية إسرائيلية غارات على بلدة الخيام الجمعة أمس.\n\n"
        "من جهته، حذر رئيس مجلس النواب اللبناني نبيه بري إسرائيل من مغبة التصعيد."
    )
    doc = analyze(text, published="2024-03-09")
    ev = _one(doc, "THREATEN")
    assert ev.date == "2024-03-09"


def test_same_paragraph_keeps_the_day(analyze) -> None:
    text = (
        "شنت طائرات حربية إسرائيلية غارات على بلدة الخيام الجمعة أمس، "
        "وحذر رئيس مجلس النواب اللبناني نبيه بري إسرائيل من مغبة التصعيد."
    )
    doc = analyze(text, published="2024-03-09")
    ev = _one(doc, "THREATEN")
    assert ev.date == "2024-03-08"


def test_call_day_carries_to_later_paragraphs(analyze) -> None:
    text = (
        "أجرى وزير الخارجية القطري محمد بن عبد الرحمن آل ثاني مساء أمس الجمعة اتصالاً هاتفياً مع نظيره "
        "التركي هاكان فيدان.\n\n"
        "وأدان آل ثاني خلال الاتصال الغارات الإسرائيلية على رفح فجر أمس.\n\n"
        "وحمّل الوزير القطري إسرائيل مسؤولية التصعيد."
    )
    doc = analyze(text, published="2024-03-09")
    ev = next(e for e in doc.events if e.cameo == "112")  # "وحمّل … مسؤولية"
    assert ev.date == "2024-03-08"
