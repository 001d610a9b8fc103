"""Round 9 event rules on real-news error classes (audit batch 2's tune half): purpose and
unrealised frames, the topic of talks, and where a dropped subject stops (a change of verb
gender, a subject of its own that names no entity). Sentences written for these tests."""

from __future__ import annotations

import pytest

from marsad.analyze import analyze_text
from marsad.events.subjects import verb_gender


def _events(text: str) -> list[tuple[str, str, str | None, str | None]]:
    doc = analyze_text(text)
    names = {e.id: e.canonical for e in doc.entities}
    return [(ev.trigger.text, ev.plover, names.get(ev.source), names.get(ev.target)) for ev in doc.events]


def _triggers(text: str) -> list[str]:
    return [t for t, *_ in _events(text)]


@pytest.mark.parametrize(
    ("text", "word"),
    [
        # purpose clauses: what an accord or a plan aims at is not an act told
        ("وقعت النمسا والمغرب اتفاقا يهدف إلى ترحيل مئات المهاجرين المقيمين بصورة غير قانونية.", "ترحيل"),
        ("أطلقت وزارة الداخلية الأردنية حملة أمنية بهدف اعتقال المطلوبين في محافظة معان.", "اعتقال"),
        ("صادق البرلمان على القانون القاضي بطرد الدبلوماسيين المتورطين في التجسس.", "بطرد"),
        # unrealised: postponed, foiled, only supposed to happen
        ("أعلنت الرئاسة اللبنانية تأجيل زيارة الرئيس الفرنسي إلى بيروت إلى موعد لاحق.", "زيارة"),
        ("وكان من المفترض أن يلتقي وزير الخارجية القطري نظيره الإيراني في مسقط.", "يلتقي"),
        # the topic of talks
        ("وجرت محادثات في العاصمة العمانية بشأن اتفاق تجاري بين الصين والاتحاد الأوروبي.", "اتفاق"),
        ("وأشار الموقعون إلى أن التفاوض بشأن ترحيل اللاجئين جرى دون استشارة الجمعيات.", "ترحيل"),
    ],
)
def test_purpose_and_unrealised_frames_code_no_event(text: str, word: str) -> None:
    assert not any(word in t for t in _triggers(text))


@pytest.mark.parametrize(
    ("text", "word", "plover"),
    [
        # the same words told as acts done stay events
        ("وأعلنت السلطات النمساوية ترحيل مئات المهاجرين المقيمين بصورة غير قانونية.", "ترحيل", "COERCE"),
        ("والتقى وزير الخارجية القطري نظيره الإيراني في مسقط.", "والتقى", "CONSULT"),
        ("واعتقلت الشرطة الأردنية خمسة مطلوبين في محافظة معان.", "واعتقلت", "COERCE"),
    ],
)
def test_told_acts_stay_events(text: str, word: str, plover: str) -> None:
    assert any(word in t and p == plover for t, p, *_ in _events(text))


def test_arguments_of_a_dropped_purpose_still_set_the_discourse() -> None:
    """A subject named in a sentence whose only trigger is dropped still carries on."""
    text = (
        "وقرر وزير الداخلية المغربي عبد الوافي لفتيت تأجيل زيارة الوفد الإسباني. "
        "وأدان لفتيت الهجوم على مركز الشرطة في طنجة."
    )
    ev = [e for e in _events(text) if e[0] == "وأدان"]
    assert ev and ev[0][2] is not None and "لفتيت" in ev[0][2]


@pytest.mark.parametrize(
    ("key", "gender"),
    [("أكدت", "f"), ("وأكدت", "f"), ("قالت", "f"), ("يؤكد", "m"), ("أكد", "m"), ("قال", "m"),
     ("وتابع", None), ("تؤكد", None), ("قالوا", None), ("يقولون", None)],
)
def test_verb_gender(key: str, gender: str | None) -> None:
    from marsad.normalize import match_key

    assert verb_gender(match_key(key)) == gender


def test_feminine_verb_takes_no_man_carried_over() -> None:
    text = (
        "وانتقد رئيس الوزراء البريطاني بوريس جونسون المغنية الأمريكية بشدة. "
        "واعتذرت المغنية في تسجيل مصور عن تصريحاتها."
    )
    ev = [e for e in _events(text) if e[0] == "واعتذرت"]
    assert all(e[2] is None or "جونسون" not in e[2] for e in ev)


def test_same_gender_still_carries() -> None:
    text = (
        "وقال وزير الخارجية التركي مولود جاوش أوغلو إن بلاده تدعم الحوار. "
        "وأدان الهجوم على القنصلية التركية في الموصل."
    )
    ev = [e for e in _events(text) if e[0] == "وأدان"]
    assert ev and ev[0][2] is not None and "أوغلو" in ev[0][2]


def test_unnamed_plural_subject_blocks_carry_over() -> None:
    """"واتهم المتمردون": the verb has its own subject, not the man named before."""
    text = (
        "وقال المتحدث العسكري السوداني نبيل عبد الله إن الجيش صد الهجوم. "
        "واتهم المتمردون الجيش السوداني بقصف القرى."
    )
    ev = [e for e in _events(text) if e[0] == "واتهم"]
    assert all(e[2] is None or "عبد الله" not in e[2] for e in ev)


def test_kana_subject_without_entity_blocks_carry_over() -> None:
    text = (
        "وطالب الناشط المغربي سعيد الكرماوي بالإفراج عن المعتقلين. "
        "وكانت الشرطة قد اعتقلت عشرين متظاهرا في الحسيمة."
    )
    ev = [e for e in _events(text) if "اعتقلت" in e[0]]
    assert all(e[2] is None or "الكرماوي" not in e[2] for e in ev)


def test_explicit_organisation_after_condemnation_is_the_source() -> None:
    ev = [e for e in _events("واستنكرت منظمة العفو الدولية اعتقال الصحفيين في القاهرة.") if e[1] == "ACCUSE"]
    assert ev and ev[0][2] is not None and "العفو" in ev[0][2]
