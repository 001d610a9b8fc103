"""Argument, modality and filtering rules of issue 6's second pass: one real Arabic sentence per
rule, with hand-placed entities (see ``events_support``)."""

from __future__ import annotations

import dataclasses

import pytest

from events_support import make_doc, run
from marsad.document import Dateline
from marsad.events.arguments import nationality
from marsad.events.step import EventStep

IRAN = ("إيران", "iran", "GPE", "IRN", "IRN")
RUSSIA = ("روسيا", "russia", "GPE", "RUS", "RUS")
EGYPT = ("مصر", "egypt", "GPE", "EGY", "EGY")
SUDAN = ("السودان", "sudan", "GPE", "SDN", "SDN")
ATTAF = ("أحمد عطاف", "attaf", "PER", "DZA", "DZAGOV")
TURKEY = ("تركيا", "turkey", "GPE", "TUR", "TUR")
MINISTER = ("محمد علي البوغديري", "minister", "PER", "TUN", "TUNGOV")
UNION = ("الجامعة العامة للتعليم الثانوي", "union", "ORG", "TUN", "TUNLAB")
RESISTANCE = ("المقاومة الإسلامية", "resistance", "ORG", "LBN", "LBNREB")
BARANIT = ("برانيت", "baranit", "FAC", None, None)
IDF = ("جيش الاحتلال", "idf", "ORG", "ISR", "ISRMIL")
LEBANON = ("لبنان", "lebanon", "GPE", "LBN", "LBN")
HEZBOLLAH = ("حزب الله", "hezbollah", "ORG", "LBN", "LBNREB")
ISRAEL = ("إسرائيل", "israel", "GPE", "ISR", "ISR")
NABATIEH = ("النبطية", "nabatieh", "GPE", "LBN", None)
KAFR_SOUSA = ("كفرسوسة", "kafrsousa", "GPE", None, None)
DAMASCUS = ("دمشق", "damascus", "GPE", "SYR", None)
SYRIA = ("سورية", "syria", "GPE", "SYR", "SYR")
ISRAELIS = ("الإسرائيليين", "israelis", "NORP", "ISR", "ISR")
SAUDI = ("المملكة", "saudi", "GPE", "SAU", "SAU")
PALESTINIANS = ("الشعب الفلسطيني", "palestinians", "NORP", "PSE", "PSE")
QASSEM = ("نعيم قاسم", "qassem", "PER", "LBN", "LBNREB")
OCCUPATION = ("الاحتلال", "occupation", "GPE", "ISR", "ISR")
SAUDI_FULL = ("المملكة العربية السعودية", "saudi", "GPE", "SAU", "SAU")
SPAIN = ("مملكة إسبانيا", "spain", "GPE", "ESP", "ESP")
RIYADH = ("الرياض", "riyadh", "GPE", "SAU", None)
FIDAN = ("هاكان فيدان", "fidan", "PER", "TUR", "TURGOV")
DOHA = ("الدوحة", "doha", "GPE", "QAT", None)
QATAR = ("قطر", "qatar", "GPE", "QAT", "QAT")


def kinds(doc, plover: str):  # noqa: ANN001, ANN201
    return [e for e in doc.events if e.plover == plover]


def test_a_signing_on_the_agenda_is_planned_and_not_a_second_agreement() -> None:
    planned = "وبالنظر إلى أن التوقيع على اتفاق شامل بين إيران وروسيا مدرج على جدول الأعمال، فسوف تجري محادثات."
    alone = run(planned, [IRAN, RUSSIA])
    assert [(e.cameo, e.modality) for e in alone.events if e.cameo == "057"] == [("057", "future")]
    told = "وأشار الوزير إلى الاتفاق الشامل للتعاون بين إيران وروسيا.\n" + planned
    doc = run(told, [IRAN, RUSSIA])
    agreements = [e for e in doc.events if e.cameo.startswith(("03", "057"))]
    assert len(agreements) == 1 and agreements[0].modality == "asserted", doc.events


@pytest.mark.parametrize(
    ("text", "entities", "target"),
    [
        # a people noun with a broken-plural nationality: its country
        ("وأعرب أحمد عطاف عن تقديره للدعم الذي قدمه الرئيس ومسؤولون أتراك خلال الأزمة.\nوتقع تركيا شمالاً.",
         [ATTAF, TURKEY], "turkey"),
        # a named doer in the relative clause
        ("وأعرب أحمد عطاف عن تقديره للدور الذي تضطلع به تركيا في الوساطة.", [ATTAF, TURKEY], "turkey"),
    ],
)
def test_praise_targets_the_doer_of_the_praised_act(text, entities, target) -> None:  # noqa: ANN001
    assert [(e.source, e.target) for e in kinds(run(text, entities), "SUPPORT")] == [("attaf", target)]


def test_praise_takes_a_people_noun_mention_when_the_entities_give_one() -> None:
    text = "وأعرب أحمد عطاف عن تقديره للتعاطف الذي أبداه الرئيس ومسؤولون روس رفيعو المستوى. وتقع روسيا شمالاً."
    doc = make_doc(text, [ATTAF, RUSSIA])
    a = text.index("مسؤولون روس")
    rus = next(e for e in doc.entities if e.id == "russia")
    extra = dataclasses.replace(rus.mentions[0], start=a, end=a + len("مسؤولون روس"), text="مسؤولون روس", kind="nominal")
    doc.entities = [dataclasses.replace(e, mentions=(extra, *e.mentions)) if e is rus else e for e in doc.entities]
    doc = EventStep()(doc)
    assert [(e.source, e.target) for e in kinds(doc, "SUPPORT")] == [("attaf", "russia")]


@pytest.mark.parametrize(("word", "country"), [("روس", "RUS"), ("الأتراك", "TUR"), ("وروس", "RUS"), ("رؤساء", None)])
def test_broken_plural_nationalities(word: str, country: str | None) -> None:
    from marsad.normalize import match_key

    assert nationality(match_key(word)) == country


def test_a_titled_subject_before_a_pluperfect_verb() -> None:
    text = "وكان وزير التربية محمد علي البوغديري قد التقى أمس الاثنين وفداً عن الجامعة العامة للتعليم الثانوي."
    ev = kinds(run(text, [MINISTER, UNION]), "CONSULT")
    assert [(e.source, e.target) for e in ev] == [("minister", "union")]


def test_a_title_the_recognizer_split_from_its_holder_speaks_for_the_holder() -> None:
    text = 'وقال الكاتب العام المساعد للاتحاد العام التونسي للشغل سامي الطاهري: "الوزارة رفضت كل مقترحاتنا".'
    doc = make_doc(text, [("المساعد للاتحاد العام التونسي", "role", "PER", "TUN", None), ("سامي الطاهري", "tahri", "PER", "TUN", None)])
    doc.entities = [
        dataclasses.replace(e, mentions=tuple(dataclasses.replace(m, kind="role") for m in e.mentions)) if e.id == "role" else e
        for e in doc.entities
    ]
    doc = EventStep()(doc)
    assert [q.speaker for q in doc.quotes] == ["tahri"]


def test_a_site_owned_by_an_actor_targets_the_owner() -> None:
    text = "وأعلنت المقاومة الإسلامية أن مجاهديها استهدفوا ثكنة برانيت التابعة لجيش الاحتلال بالأسلحة الصاروخية."
    ev = kinds(run(text, [RESISTANCE, BARANIT, IDF]), "ASSAULT")
    assert [(e.source, e.target) for e in ev] == [("resistance", "idf")]


def test_a_running_toll_is_no_event() -> None:
    text = "وأسفر التصعيد عبر الحدود منذ الثامن من أكتوبر عن مقتل 296 شخصاً على الأقل في لبنان."
    assert kinds(run(text, [LEBANON]), "ASSAULT") == []
    today = "وأسفر القصف منذ صباح اليوم عن مقتل 12 شخصاً في لبنان."
    assert len(kinds(run(today, [LEBANON]), "ASSAULT")) == 1


def test_the_attack_responded_to_is_the_adversarys() -> None:
    text = (
        "قصفت إسرائيل بلدة النبطية في جنوب لبنان.\n"
        "وأعلن حزب الله أنه أطلق صواريخ على مواقع إسرائيلية رداً على الغارات التي استهدفت النبطية أمس "
        "وأسفرت عن مقتل عنصرين من حزب الله."
    )
    doc = run(text, [ISRAEL, NABATIEH, LEBANON, HEZBOLLAH], published="2024-02-27")
    bg = [e for e in kinds(doc, "ASSAULT") if e.background]
    assert [(e.source, e.target, e.date) for e in bg] == [("israel", "hezbollah", "2024-02-26")]


def test_an_act_with_nobody_named_is_dropped_but_a_protest_is_kept() -> None:
    doc = run("العدو يستدعي الاحتياط.\nوزار الرئيس لبنان.", [LEBANON])
    assert kinds(doc, "MOBILIZE") == []
    doc = run("نظم عشرات الطلاب وقفة احتجاجية أمام مبنى البرلمان في لبنان.", [LEBANON])
    assert len(kinds(doc, "PROTEST")) == 1


def test_an_attack_on_a_place_of_unknown_country_takes_the_next_places() -> None:
    text = "وكان العدو الإسرائيلي قد استهدف فجر اليوم مبنى سكنياً في حي كفرسوسة بمدينة دمشق. وأدانت سورية ذلك."
    ev = kinds(run(text, [("العدو الإسرائيلي", "israel", "GPE", "ISR", "ISR"), KAFR_SOUSA, DAMASCUS, SYRIA]), "ASSAULT")
    assert [(e.source, e.target) for e in ev] == [("israel", "syria")]


def test_visiting_the_country_is_the_datelines_country() -> None:
    text = "الدوحة - اجتمع وزير الخارجية مع هاكان فيدان الذي يزور البلاد حالياً. وتسعى قطر إلى التهدئة."
    doc = make_doc(text, [DOHA, FIDAN, QATAR])
    doc.dateline = Dateline(0, len("الدوحة"), "الدوحة")
    doc = EventStep()(doc)
    visits = [e for e in doc.events if e.cameo == "042"]
    assert [(e.source, e.target, e.location) for e in visits] == [("fidan", "qatar", "doha")]


def test_an_unqualified_government_is_the_actors_own() -> None:
    text = "وفي إسرائيل، تجمع مئات الإسرائيليين أمام مقر وزارة الدفاع مطالبين الحكومة بإبرام اتفاق."
    ev = kinds(run(text, [ISRAEL, ISRAELIS]), "REQUEST")
    assert [(e.source, e.target) for e in ev] == [("israelis", "israel")]


def test_a_rejection_after_a_speech_participle_is_a_noun_with_no_victim_target() -> None:
    text = "وجدد الوزير مطالبة المملكة بوقف إطلاق النار، مؤكداً رفض المملكة القاطع لأي محاولات لتهجير الشعب الفلسطيني."
    ev = kinds(run(text, [SAUDI, PALESTINIANS]), "REJECT")
    assert [(e.source, e.target) for e in ev] == [("saudi", None)]


def test_a_threat_targets_the_adversary_named_in_the_threateners_words() -> None:
    text = 'وهدد نعيم قاسم بأن "العدو سيدفع الثمن"، وأضاف: "إذا وسع الاحتلال عدوانه فإن المقاومة جاهزة".'
    ev = kinds(run(text, [QASSEM, OCCUPATION]), "THREATEN")
    assert [(e.source, e.target) for e in ev][:1] == [("qassem", "occupation")]


def test_a_ministrys_country_is_not_the_events_place() -> None:
    text = (
        "الرياض - وقع الجانبان مذكرة تفاهم بين وزارة الخارجية في المملكة العربية السعودية "
        "ووزارة الخارجية في مملكة إسبانيا."
    )
    doc = make_doc(text, [RIYADH, SAUDI_FULL, SPAIN])
    doc.dateline = Dateline(0, len("الرياض"), "الرياض")
    doc = EventStep()(doc)
    assert doc.events and all(e.location == "riyadh" for e in doc.events), doc.events
    doc = run("وتجمع مئات الإسرائيليين أمام مقر وزارة الدفاع في تل أبيب.", [ISRAELIS, ("تل أبيب", "telaviv", "GPE", "ISR", None)])
    assert [e.location for e in kinds(doc, "PROTEST")] == ["telaviv"]
