"""Relative dates resolved against a publication date (2024-01-10 is a Wednesday)."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from marsad.dates import find_relative, resolve, resolve_relative

PUB = date(2024, 1, 10)


@pytest.mark.parametrize(
    ("expression", "tense", "expected"),
    [
        ("مساء أمس الثلاثاء", "past", date(2024, 1, 9)),
        ("أمس", "past", date(2024, 1, 9)),
        ("بالأمس", "past", date(2024, 1, 9)),
        ("أول أمس", "past", date(2024, 1, 8)),
        ("أول من أمس", "past", date(2024, 1, 8)),
        ("اليوم", "past", date(2024, 1, 10)),
        ("فجر اليوم", "past", date(2024, 1, 10)),
        ("صباح اليوم الأربعاء", "past", date(2024, 1, 10)),
        ("الليلة الماضية", "past", date(2024, 1, 9)),
        ("غداً", "future", date(2024, 1, 11)),
        ("غدا الخميس", "future", date(2024, 1, 11)),
        ("بعد غد", "future", date(2024, 1, 12)),
        # a bare weekday: up to publication (inclusive) for past reports, from it for future ones
        ("خلال محادثات الأربعاء", "past", date(2024, 1, 10)),
        ("خلال محادثات الأربعاء", "future", date(2024, 1, 10)),
        ("يوم الأحد", "past", date(2024, 1, 7)),
        ("يوم الأحد", "future", date(2024, 1, 14)),
        ("الخميس", "past", date(2024, 1, 4)),
        ("يوم الاثنين", "future", date(2024, 1, 15)),
        ("يوم السبت المقبل", "past", date(2024, 1, 13)),
        ("الأربعاء الماضي", "past", date(2024, 1, 3)),
        ("الأربعاء الفائت", "past", date(2024, 1, 3)),
        ("الأربعاء المقبل", "future", date(2024, 1, 17)),
        ("يوم جمعة", "past", date(2024, 1, 5)),
        # weeks: same weekday a week away; months and years: their first day
        ("الأسبوع الماضي", "past", date(2024, 1, 3)),
        ("الأسبوع المقبل", "future", date(2024, 1, 17)),
        ("الشهر الماضي", "past", date(2023, 12, 1)),
        ("الشهر المقبل", "future", date(2024, 2, 1)),
        ("العام الماضي", "past", date(2023, 1, 1)),
        # a weekday one day off the relative day wins (publication dates are often a day late)
        ("أمس الاثنين", "past", date(2024, 1, 8)),
        # explicit dates
        ("في 14 جمادى الأولى 1445 هـ", "past", date(2023, 11, 28)),
        ("في 5 كانون الثاني", "past", date(2024, 1, 5)),
    ],
)
def test_resolve(expression: str, tense: str, expected: date) -> None:
    assert resolve_relative(expression, PUB, tense) == expected  # type: ignore[arg-type]
    assert resolve_relative(expression, PUB.isoformat(), tense) == expected  # type: ignore[arg-type]


def test_no_publication_date_keeps_the_expression() -> None:
    (r,) = find_relative("وقال مساء أمس الثلاثاء إن")
    assert (r.text, r.kind, r.weekday, r.daypart) == ("مساء أمس الثلاثاء", "yesterday", 2, "مساء")
    assert resolve(r, None) is None
    assert resolve_relative("مساء أمس الثلاثاء", None) is None
    # an explicit full date needs no publication date
    assert resolve_relative("12-3-2024", None) == date(2024, 3, 12)


@pytest.mark.parametrize(
    "text",
    [
        "صحيفة عين اليوم",
        "في اليوم التالي",
        "اليوم الوطني السعودي",
        "غدا الوضع أكثر تعقيدا",
        "أحد المسؤولين",
        "الحديث عن الأمس البعيد والتاريخ",
    ],
)
def test_not_relative_dates(text: str) -> None:
    kinds = {r.kind for r in find_relative(text)}
    assert not kinds & {"today", "tomorrow", "weekday"}


def test_spans_and_precision() -> None:
    text = "التقى الوزير مساء أمس الثلاثاء نظيره، على أن يلتقيا الأسبوع المقبل."
    rels = find_relative(text)
    assert [(r.text, r.precision) for r in rels] == [
        ("مساء أمس الثلاثاء", "day"),
        ("الأسبوع المقبل", "week"),
    ]
    for r in rels:
        assert text[r.start : r.end] == r.text


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                "مساء",
                "أمس",
                "الثلاثاء",
                "يوم",
                "الأحد",
                "اليوم",
                "غداً",
                "الأسبوع",
                "الماضي",
                "و",
                "بالأمس",
                "\u200f",
                "ـ",
                "الليلة",
                "عين",
                "، ",
                "\n",
            ]
        ),
        max_size=12,
    ).map(" ".join),
    st.dates(min_value=date(1990, 1, 1), max_value=date(2050, 1, 1)),
)
def test_relative_spans_and_resolution_are_sane(text: str, pub: date) -> None:
    prev = 0
    for r in find_relative(text):
        assert text[r.start : r.end] == r.text and r.start >= prev
        prev = r.end
        d = resolve(r, pub, "past")
        assert d is not None and abs((d - pub).days) <= 366


def test_offsets_with_a_window_point_into_the_whole_text() -> None:
    from marsad.dates import find_dates

    text = "مقدمة طويلة.\nوقال مساء أمس الثلاثاء إن اجتماع 14 جمادى الأولى 1445 هـ كان مثمرا."
    s0 = text.index("وقال")
    rels = find_relative(text, s0, len(text))
    dms = find_dates(text, s0, len(text))
    assert [text[r.start : r.end] for r in rels] == ["مساء أمس الثلاثاء"]
    assert [text[d.start : d.end] for d in dms] == ["14 جمادى الأولى 1445 هـ"]
    assert find_relative(text, 0, s0) == [] and find_dates(text, 0, s0) == []
