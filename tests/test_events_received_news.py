""""استقبل" receives a guest (CONSULT), not the news, a decision or a verdict: those are no
meeting, and a statement after them is not placed at such a "visit". Sentences written for
these tests."""

from __future__ import annotations

import pytest

from marsad.analyze import analyze_text


def _consults(text: str) -> list[str]:
    return [ev.trigger.text for ev in analyze_text(text).events if ev.plover == "CONSULT"]


@pytest.mark.parametrize(
    "text",
    [
        "واستقبلت الشركة نبأ اختطاف رئيسها ببالغ الحزن.",
        "واستقبل الشارع الليبي خبر الاتفاق بارتياح كبير.",
        "واستقبل المتظاهرون قرار المحكمة بالهتافات.",
    ],
)
def test_receiving_news_is_no_meeting(text: str) -> None:
    assert _consults(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "واستقبل الرئيس المصري عبد الفتاح السيسي وزير الخارجية الأمريكي أنتوني بلينكن في القاهرة.",
        "واستقبل الملك عبد الله الثاني في عمان رئيس الوزراء العراقي، وبحثا نتائج الزيارة.",
    ],
)
def test_receiving_a_guest_stays_a_meeting(text: str) -> None:
    assert _consults(text)
