"""The doer of an announced act across a time filler ("أعلنت X في وقت سابق عن اعتقال …")."""

from __future__ import annotations

import pytest

from events_support import run

FORCES = ("قوات الأمن", "e1", "ORG", "TN", None)


@pytest.mark.parametrize(
    "text",
    [
        "كما أعلنت قوات الأمن في وقت سابق عن اعتقال العشرات من العناصر المتشددة.",
        "وأعلنت قوات الأمن اليوم عن اعتقال خمسة مشتبه بهم في العاصمة.",
        "أعلنت قوات الأمن مساء أمس عن اعتقال ثلاثة مسلحين قرب الحدود.",
    ],
)
def test_announcer_is_doer_across_time_filler(text: str) -> None:
    doc = run(text, [FORCES])
    arrests = [e for e in doc.events if e.plover == "COERCE"]
    assert arrests and arrests[0].source == "e1"


@pytest.mark.parametrize(
    "text",
    [
        # not a time word between the subject and "عن": the rule must not reach across it
        "أعلنت قوات الأمن في بيان للصحفيين عن اعتقال العشرات من العناصر المتشددة.",
        # a statement verb, not an announcement
        "تحدثت قوات الأمن في وقت سابق عن اعتقال العشرات من العناصر المتشددة.",
    ],
)
def test_no_announcer_doer_otherwise(text: str) -> None:
    doc = run(text, [FORCES])
    assert all(e.source != "e1" for e in doc.events if e.plover == "COERCE")
