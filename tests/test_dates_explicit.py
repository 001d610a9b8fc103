"""Explicit dates: month-name families, digits, numeric forms, Hijri conversion."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from marsad.dates import find_dates, hijri_to_gregorian

GREGORIAN_FORMS = {
    1: ["يناير", "كانون الثاني", "جانفي"],
    2: ["فبراير", "شباط", "فيفري"],
    3: ["مارس", "آذار"],
    4: ["أبريل", "ابريل", "نيسان", "أفريل"],
    5: ["مايو", "أيار", "ماي"],
    6: ["يونيو", "يونيه", "حزيران", "جوان"],
    7: ["يوليو", "يوليه", "تموز", "جويلية", "يوليوز"],
    8: ["أغسطس", "اغسطس", "آب", "أوت", "غشت"],
    9: ["سبتمبر", "أيلول", "شتنبر"],
    10: ["أكتوبر", "تشرين الأول"],
    11: ["نوفمبر", "تشرين الثاني", "نونبر"],
    12: ["ديسمبر", "كانون الأول", "دجنبر"],
}


@pytest.mark.parametrize(
    ("month", "form"), [(m, f) for m, forms in GREGORIAN_FORMS.items() for f in forms]
)
def test_month_forms(month: int, form: str) -> None:
    text = f"وعقد الاجتماع في 7 {form} 2023 بحضور الوزير."
    (d,) = find_dates(text)
    assert d.date == date(2023, month, 7)
    assert d.text == f"7 {form} 2023"
    assert (d.precision, d.calendar) == ("day", "gregorian")


@pytest.mark.parametrize(
    ("text", "surface", "value"),
    [
        ("في ١٢ مارس ٢٠٢٤ وقع", "١٢ مارس ٢٠٢٤", date(2024, 3, 12)),
        ("في ۱۲ مارس ۲۰۲۴ وقع", "۱۲ مارس ۲۰۲۴", date(2024, 3, 12)),
        ("جنين 12-3-2024 وفا", "12-3-2024", date(2024, 3, 12)),
        ("بتاريخ 2024/03/12 أعلن", "2024/03/12", date(2024, 3, 12)),
        ("بتاريخ 12/03/2024 أعلن", "12/03/2024", date(2024, 3, 12)),
        (
            "طهران/ 10 كانون الثاني/ يناير 2024/ إرنا",
            "10 كانون الثاني/ يناير 2024",
            date(2024, 1, 10),
        ),
        ("بيروت، 3 آذار (مارس) 2024 (أ ف ب)", "3 آذار (مارس) 2024", date(2024, 3, 3)),
        ("في الخامس من 5 من فبراير 2024", "5 من فبراير 2024", date(2024, 2, 5)),
    ],
)
def test_digits_and_numeric_forms(text: str, surface: str, value: date) -> None:
    (d,) = find_dates(text)
    assert (d.text, d.date) == (surface, value)
    assert text[d.start : d.end] == surface


@pytest.mark.parametrize(
    ("text", "surface", "value"),
    [
        ("في الخامس من فبراير 2024 قال", "الخامس من فبراير 2024", date(2024, 2, 5)),
        ("الخامس عشر من رمضان 1445 هـ", "الخامس عشر من رمضان 1445 هـ", date(2024, 3, 25)),
        (
            "في الحادي والعشرين من شهر أيار 2023",
            "الحادي والعشرين من شهر أيار 2023",
            date(2023, 5, 21),
        ),
    ],
)
def test_ordinal_days(text: str, surface: str, value: date) -> None:
    (d,) = find_dates(text)
    assert (d.text, d.date) == (surface, value)


def test_hijri_conversion() -> None:
    text = "الرياض 14 جمادى الأولى 1445 هـ الموافق 28 نوفمبر 2023 م واس"
    hijri, greg = find_dates(text)
    assert (hijri.text, hijri.calendar, hijri.date) == (
        "14 جمادى الأولى 1445 هـ",
        "hijri",
        date(2023, 11, 28),
    )
    assert (hijri.year, hijri.month, hijri.day) == (1445, 5, 14)
    assert (greg.text, greg.calendar, greg.date) == (
        "28 نوفمبر 2023 م",
        "gregorian",
        date(2023, 11, 28),
    )
    assert hijri_to_gregorian(1445, 9, 1) == date(2024, 3, 11)  # 1 Ramadan 1445


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("1 رمضان 1445", date(2024, 3, 11)),
        ("10 ذو الحجة 1444 هـ", date(2023, 6, 28)),
        ("ابتداءً من 1 /6 /1437هـ.", date(2016, 3, 10)),
        ("25 شوال 1436 هـ", date(2015, 8, 10)),
        ("1 محرم 1446", date(2024, 7, 7)),
    ],
)
def test_hijri_forms(text: str, value: date) -> None:
    (d,) = find_dates(text)
    assert d.calendar == "hijri" and d.date == value


def test_precision_and_missing_year() -> None:
    (m,) = find_dates("خلال شهر فبراير 2024")
    assert (m.precision, m.date) == ("month", date(2024, 2, 1))
    (y,) = find_dates("في عام 2023 شهدت البلاد")
    assert (y.precision, y.date, y.text) == ("year", date(2023, 1, 1), "2023")
    (n,) = find_dates("في 5 فبراير")
    assert (n.date, n.year, n.month, n.day) == (None, None, 2, 5)
    (c,) = find_dates("في 5 فبراير", reference=date(2024, 2, 20))
    assert c.date == date(2024, 2, 5)


@pytest.mark.parametrize(
    "text",
    [
        "مارس الضغط على المسؤولين",  # the verb مارس
        "وأشار إلى أن آب الأسرة حضر",
        "31 فبراير 2024",  # not a date
        "تموز",
        "أكثر من 2000 شخص",
    ],
)
def test_not_dates(text: str) -> None:
    assert [d for d in find_dates(text) if d.precision == "day"] == []


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                "في",
                "14",
                "جمادى الأولى",
                "1445",
                "هـ",
                "12-3-2024",
                "كانون\u0640 الثاني",
                "٥",
                "فبراير",
                "مارس",
                "عام",
                "2023",
                "\u200f",
                "، ",
                "/",
                "(",
                ")",
                "أمس",
                "ً",
                "ـ",
                "\n",
            ]
        ),
        max_size=14,
    ).map(" ".join)
)
def test_spans_lie_in_the_text(text: str) -> None:
    prev_end = 0
    for d in find_dates(text):
        assert 0 <= d.start < d.end <= len(text)
        assert text[d.start : d.end] == d.text
        assert d.start >= prev_end
        prev_end = d.end
