"""Quotes: cues, spans without the cue and the final period, speakers through dropped subjects."""

from __future__ import annotations

import pytest

from events_support import make_doc, run
from marsad.events.step import EventStep

SAFADI = ("أيمن الصفدي", "safadi", "PER", "JOR", "JORGOV")
LAVROV = ("سيرغي لافروف", "lavrov", "PER", "RUS", "RUSGOV")
MFA = ("وزارة الخارجية القطرية", "qmfa", "ORG", "QAT", "QATGOV")


@pytest.mark.parametrize(
    ("text", "quoted"),
    [
        ("وقال وزير الخارجية أيمن الصفدي: إن الأردن يرفض التهجير.", "إن الأردن يرفض التهجير"),
        ('وقال وزير الخارجية أيمن الصفدي: "الأردن لن يقبل بالتهجير".', "الأردن لن يقبل بالتهجير"),
        ("وقال وزير الخارجية أيمن الصفدي إن «الحل السياسي هو الطريق الوحيد».", "الحل السياسي هو الطريق الوحيد"),
        ('وأكد أيمن الصفدي أن الأردن "لن يتهاون في حماية أمنه الوطني" بأي حال.', "لن يتهاون في حماية أمنه الوطني"),
    ],
)
def test_direct_quote_spans(text: str, quoted: str) -> None:
    doc = run(text, [SAFADI])
    assert [(q.text, q.speaker, q.direct) for q in doc.quotes] == [(quoted, "safadi", True)]
    q = doc.quotes[0]
    assert text[q.start:q.end] == q.text and q.cue is not None


def test_dropped_subject_speaks_across_sentences() -> None:
    text = (
        "التقى وزير الخارجية أيمن الصفدي نظيره الروسي سيرغي لافروف في عمان.\n"
        "وأضاف: نحن مستعدون للحوار مع جميع الأطراف.\n"
        "من جانبه، أكد سيرغي لافروف أهمية التنسيق، وتابع: موسكو تدعم الحل السياسي.\n"
        "وقال: لا بديل عن التفاوض."
    )
    doc = run(text, [SAFADI, LAVROV])
    assert [(q.text, q.speaker) for q in doc.quotes] == [
        ("نحن مستعدون للحوار مع جميع الأطراف", "safadi"),
        ("موسكو تدعم الحل السياسي", "lavrov"),
        ("لا بديل عن التفاوض", "lavrov"),
    ]


def test_other_party_after_min_janibihi() -> None:
    text = (
        "استقبل وزير الخارجية أيمن الصفدي نظيره الروسي سيرغي لافروف.\n"
        "من جانبه، قال: إن روسيا تقدر دور الأردن."
    )
    doc = run(text, [SAFADI, LAVROV])
    assert [q.speaker for q in doc.quotes] == ["lavrov"]


def test_reported_speech_only_on_request() -> None:
    text = "وأكدت وزارة الخارجية القطرية أن الوساطة مستمرة، مشيرة إلى أن الاتصالات لم تتوقف."
    assert run(text, [MFA]).quotes == []
    doc = EventStep(indirect_quotes=True)(make_doc(text, [MFA]))
    assert [(q.text, q.direct, q.speaker) for q in doc.quotes][0] == ("أن الوساطة مستمرة", False, "qmfa")


def test_scare_quotes_and_names_are_not_quotes() -> None:
    doc = run('وأشار أيمن الصفدي إلى "الاتفاق الشامل" بين البلدين.', [SAFADI])
    assert doc.quotes == []


def test_unknown_speaker_stays_unknown() -> None:
    doc = run('وأفادت مصادر محلية: "القصف استمر طوال الليل".', [SAFADI])
    assert [(q.text, q.speaker) for q in doc.quotes] == [("القصف استمر طوال الليل", None)]
