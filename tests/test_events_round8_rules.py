"""Event rules found on the second audit batch's tune half (tests/data/events_audit2.tsv: SaudiNewsNet
and Jawhara FM), each checked on sentences written for these tests: other names and phrasings."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from events_support import entity_canonical, events_of, pipeline_runner
from marsad.document import Document


@pytest.fixture(scope="module")
def analyze() -> Callable[..., Document]:
    return pipeline_runner()


_name = entity_canonical
_events = events_of


def _has(name: str | None, *parts: str) -> bool:
    return name is not None and any(p in name for p in parts)


# -- a received call: the caller speaks in it, and goes on speaking ----------------------------

_CALL = (
    "تلقى ولي العهد الأمير حسين بن عبدالله اتصالاً هاتفياً اليوم من الشيخ طحنون بن زايد آل نهيان "
    "أعرب فيه عن استنكاره للهجوم الإرهابي الذي استهدف مركزاً أمنياً في الكرك.\n"
    "وعبر سموه عن تعازيه ومواساته لأسر الشهداء، سائلاً الله أن يتغمدهم بواسع رحمته.\n"
    "وقدم سمو ولي العهد شكره وتقديره لسمو الشيخ طحنون بن زايد على مشاعره الطيبة، داعياً الله أن لا يريه أي مكروه."
)


def test_the_caller_condemns_in_the_call(analyze) -> None:
    doc = analyze(_CALL)
    acc = _events(doc, "ACCUSE")
    assert len(acc) == 1 and _has(_name(doc, acc[0].source), "طحنون")


def test_the_caller_condemns_during_the_call(analyze) -> None:
    """"أعرب خلاله" after a call that shares its clause with the receiver's verb."""
    doc = analyze(
        "كما تلقى وزير الداخلية العراقي عبد الأمير الشمري اتصالاً هاتفياً من وزير الداخلية الأردني مازن الفراية "
        "أعرب خلاله عن إدانته للتفجير الذي استهدف سوقاً شعبياً في بغداد."
    )
    acc = _events(doc, "ACCUSE")
    assert len(acc) == 1 and _has(_name(doc, acc[0].source), "الفراية")


def test_the_caller_goes_on_speaking_and_god_is_no_party(analyze) -> None:
    doc = analyze(_CALL)
    condolences = [e for e in _events(doc, "SUPPORT") if e.sentence == 1]
    assert len(condolences) == 1
    assert _has(_name(doc, condolences[0].source), "طحنون")
    assert _name(doc, condolences[0].target) != "الله"


def test_offered_thanks_go_from_the_subject_to_the_addressee(analyze) -> None:
    doc = analyze(_CALL)
    thanks = [e for e in _events(doc, "SUPPORT") if e.sentence == 2]
    assert len(thanks) == 1
    assert _has(_name(doc, thanks[0].source), "حسين", "ولي العهد")
    assert _has(_name(doc, thanks[0].target), "طحنون")


def test_a_call_without_in_it_keeps_the_receiver_as_subject(analyze) -> None:
    """No "فيه/خلاله": the dropped subject of the next clause is still the receiver's side."""
    doc = analyze(
        "تلقى الرئيس التونسي قيس سعيد اتصالاً هاتفياً من الرئيس الجزائري عبد المجيد تبون.\n"
        "وأكد الرئيس التونسي دعم بلاده للجزائر."
    )
    sup = _events(doc, "SUPPORT")
    assert sup and _has(_name(doc, sup[0].source), "سعيد", "التونسي")


@pytest.mark.parametrize(
    "text",
    [
        "وأعرب الوزير عن عزائه لأسر الضحايا في حادث القطار.",
        "وعبرت الحكومة التونسية عن تعازيها لعائلات الضحايا.",
        "وعبر رئيس البرلمان عن مواساته للشعب المغربي.",
    ],
)
def test_condolence_nouns(analyze, text: str) -> None:
    assert len(_events(analyze(text), "SUPPORT")) == 1


# -- God's name is neither a trigger's subject nor a party --------------------------------------

@pytest.mark.parametrize(
    "text",
    [
        "استقبل الملك عبدالله الثاني - حفظه الله - في قصر الحسينية اليوم وزير الخارجية المصري سامح شكري.",
        "واستقبل خادم الحرمين الشريفين - أيده الله - في جدة رئيس الوزراء الباكستاني.",
    ],
)
def test_honorific_blessing_is_no_target(analyze, text: str) -> None:
    doc = analyze(text)
    evs = _events(doc, "CONSULT")
    assert len(evs) == 1 and _name(doc, evs[0].target) not in (None, "الله")


def test_honorific_blessing_is_no_event(analyze) -> None:
    doc = analyze("ونقل الوزير تحيات الرئيس، مؤكداً - أيده الله - عمق العلاقات بين البلدين.")
    assert not _events(doc, "SUPPORT")


# -- no negation in "ولا سيما" and "دائماً ما" --------------------------------------------------

@pytest.mark.parametrize(
    ("text", "plover"),
    [
        ("وشنت الجماعة هجمات عدة ولا سيما الهجوم على سوق مدينة مايدوغوري.", "ASSAULT"),
        ("وأقام صلات مع الاستخبارات الباكستانية التي دائما ما تتهمها كابول بدعم الحركة.", "ACCUSE"),
        ("وهي الحركة التي كثيراً ما تنتقد الحكومة العراقية.", "ACCUSE"),
    ],
)
def test_not_negated(analyze, text: str, plover: str) -> None:
    evs = _events(analyze(text), plover)
    assert evs and not any(e.negated for e in evs)


def test_real_negation_is_kept(analyze) -> None:
    evs = _events(analyze("ولم تتهم الحكومة الأردنية أي جهة بالهجوم."), "ACCUSE")
    assert evs and all(e.negated for e in evs)


# -- "طالب" the student or asylum seeker is no demand --------------------------------------------

@pytest.mark.parametrize(
    "text",
    [
        "وأدى الهجوم على الجامعة إلى مقتل 147 طالبًا.",
        "ويشتبه المحققون في أن طالب اللجوء شارك في الهجوم.",
        "ورحلت السلطات عشرين من طالبي اللجوء.",
    ],
)
def test_student_is_no_demand(analyze, text: str) -> None:
    assert not _events(analyze(text), "REQUEST")


def test_the_verb_still_demands(analyze) -> None:
    doc = analyze("وطالب المتظاهرون الحكومة بمحاسبة المسؤولين.")
    assert len(_events(doc, "REQUEST")) == 1


# -- concern expressed as "مخاوف" -----------------------------------------------------------------

def test_expressed_fears(analyze) -> None:
    doc = analyze("وأعرب وزير الخارجية البحريني عن مخاوف بلاده حيال طموحات إيران الإقليمية.")
    evs = _events(doc, "ACCUSE")
    assert len(evs) == 1 and _has(_name(doc, evs[0].target), "إيران")


# -- declining to comment, as a participle, is no rejection -------------------------------------

def test_declining_to_comment_participle(analyze) -> None:
    doc = analyze('وقال المصدر "تم تأجيل الزيارة إلى موعد لاحق"، رافضاً التعليق على سبب التأجيل.')
    assert not _events(doc, "REJECT")


def test_rejecting_a_plan_participle_is_kept(analyze) -> None:
    doc = analyze("وأكدت وزارة الخارجية المصرية موقفها، رافضةً أي تهجير للفلسطينيين من قطاع غزة.")
    assert _events(doc, "REJECT")
