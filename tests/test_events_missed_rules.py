"""Events a careful coder codes that Marsad used to miss (audit tune half, issue 6)."""

from __future__ import annotations

import pytest

from events_support import run

IRAN = ("إيران", "e1", "GPE", "IR", None)
CABINET = ("الحكومة اللبنانية", "e2", "ORG", "LB", "GOV")


@pytest.mark.parametrize(
    ("text", "ents", "trigger", "source"),
    [
        # the subject stands between وافق and على: the verb is the trigger, its subject the source
        ("وبموجب الاتفاق وافقت إيران على الحد من أنشطة برنامجها النووي مقابل رفع العقوبات.", [IRAN], "وافقت", "e1"),
        ("ووافقت الحكومة اللبنانية أمس على خطة الكهرباء الجديدة.", [CABINET], "ووافقت", "e2"),
    ],
)
def test_agree_with_subject_before_preposition(text, ents, trigger, source) -> None:
    doc = run(text, ents)
    agree = [e for e in doc.events if e.plover == "AGREE"]
    assert [e.trigger.text for e in agree] == [trigger]
    assert agree[0].source == source
    assert not agree[0].negated


def test_agree_adjacent_still_coded_once() -> None:
    # the old adjacent row and the new gapped row must not both code it
    doc = run("وقالت الخارجية إن إيران وافقت على تمديد المفاوضات.", [IRAN])
    agree = [e for e in doc.events if e.plover == "AGREE"]
    assert len(agree) == 1 and agree[0].source == "e1"


def test_agree_gap_is_bounded() -> None:
    # على far beyond the verb belongs to another clause: no agreement is read
    doc = run("ووافق الطرفان اللذان اجتمعا في العاصمة الفرنسية الأسبوع الماضي بعد خلاف طويل حول تقاسم المياه على الهدنة.", [])
    assert not any(e.plover == "AGREE" and e.trigger.text.endswith("على") for e in doc.events)
