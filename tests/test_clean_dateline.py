"""Datelines: location, agency and date of the leading "CITY DATE (AGENCY) -"."""

from __future__ import annotations

import pytest

from marsad.clean import CleanStep
from marsad.dateline import find_dateline
from marsad.document import Document, Source

BODY = " أعلن المتحدث باسم الحكومة أن الاجتماع سيعقد الأسبوع المقبل."

CASES = [
    # text, dateline surface, location, agency, date (no publication date given)
    ("دمشق-سانا\n", "دمشق-سانا", "دمشق", "SANA", None),
    ("دمشق-سانا", "دمشق-سانا", "دمشق", "SANA", None),  # the body follows on the same line
    (
        "الرياض 14 جمادى الأولى 1445 هـ الموافق 28 نوفمبر 2023 م واس\n",
        "الرياض 14 جمادى الأولى 1445 هـ الموافق 28 نوفمبر 2023 م واس",
        "الرياض",
        "SPA",
        "2023-11-28",
    ),
    ("القاهرة في ٥ فبراير /أ ش أ/", "القاهرة في ٥ فبراير /أ ش أ/", "القاهرة", "MENA", None),
    ("جنين 12-3-2024 وفا-", "جنين 12-3-2024 وفا-", "جنين", "WAFA", "2024-03-12"),
    ("غزة - (رويترز) -", "غزة - (رويترز) -", "غزة", "Reuters", None),
    (
        "طهران/ 10 كانون الثاني/ يناير/ إرنا-",
        "طهران/ 10 كانون الثاني/ يناير/ إرنا-",
        "طهران",
        "IRNA",
        None,
    ),
    (
        "بيروت، 3 آذار (مارس) 2024 (أ ف ب) -",
        "بيروت، 3 آذار (مارس) 2024 (أ ف ب) -",
        "بيروت",
        "AFP",
        "2024-03-03",
    ),
    ("رام الله 5-3-2024 (وفا)", "رام الله 5-3-2024 (وفا)", "رام الله", "WAFA", "2024-03-05"),
    (
        "الدمام25 شوال 1436 هـ الموافق 10 أغسطس 2015 م واس\n",
        "الدمام25 شوال 1436 هـ الموافق 10 أغسطس 2015 م واس",
        "الدمام",
        "SPA",
        "2015-08-10",
    ),
    ("أنقرة - الأناضول:", "أنقرة - الأناضول:", "أنقرة", "Anadolu", None),
    ("الكويت - كونا -", "الكويت - كونا -", "الكويت", "KUNA", None),
    ("عمان ۱۲ آذار ۲۰۲۴ بترا-", "عمان ۱۲ آذار ۲۰۲۴ بترا-", "عمان", "Petra", "2024-03-12"),
    ("الدوحة - قنا -", "الدوحة - قنا -", "الدوحة", "QNA", None),
    ("الكويت - 12 - 2 (كونا) --", "الكويت - 12 - 2 (كونا) --", "الكويت", "KUNA", None),
    ("الدوحة في 18 يناير /قنا/", "الدوحة في 18 يناير /قنا/", "الدوحة", "QNA", None),
    ("القاهرة (رويترز) -", "القاهرة (رويترز) -", "القاهرة", "Reuters", None),
    ("تونس 20 فيفري (وات) -", "تونس 20 فيفري (وات) -", "تونس", "TAP", None),
    ("نيويورك 5 مارس 2024 -", "نيويورك 5 مارس 2024 -", "نيويورك", None, "2024-03-05"),
    ("سبق- وكالات:", "سبق- وكالات:", None, "agencies", None),
]


@pytest.mark.parametrize(("head", "surface", "location", "agency", "day"), CASES)
def test_datelines(
    head: str, surface: str, location: str | None, agency: str | None, day: str | None
) -> None:
    text = head + BODY
    d = find_dateline(text)
    assert d is not None
    assert text[d.start : d.end] == surface
    assert (d.location, d.agency, d.date) == (location, agency, day)


@pytest.mark.parametrize(
    "text",
    [
        "قالت وكالة رويترز إن المحادثات ستستأنف غدا.",
        "أعلنت الحكومة السورية اليوم عن خطة جديدة.",
        "عين اليوم – الرياض\nأعلن الوزير",
        "وأضاف أن 12-3-2024 كان يوما حاسما.",
        "",
    ],
)
def test_no_dateline(text: str) -> None:
    assert find_dateline(text) is None


def test_kuna_day_month_takes_the_year_from_context() -> None:
    text = "الكويت - 12 - 2 (كونا) --" + BODY
    assert find_dateline(text, "2024-02-12").date == "2024-02-12"  # type: ignore[union-attr]


def test_missing_year_from_publication_context() -> None:
    text = "القاهرة في ٥ فبراير /أ ش أ/" + BODY
    assert find_dateline(text).date is None  # type: ignore[union-attr]
    assert find_dateline(text, "2024-02-06").date == "2024-02-05"  # type: ignore[union-attr]
    # early January report about late December: the previous year
    assert (
        find_dateline("بيروت، 31 كانون الأول (أ ف ب) -" + BODY, "2024-01-01").date == "2023-12-31"
    )  # type: ignore[union-attr]


def test_clean_step_sets_published_from_dateline() -> None:
    text = "الرياض 14 جمادى الأولى 1445 هـ الموافق 28 نوفمبر 2023 م واس\n" + BODY + "\n//انتهى//"
    doc = CleanStep()(Document(id="x", text=text))
    assert doc.source.published == "2023-11-28"
    assert doc.dateline is not None and doc.dateline.agency == "SPA"
    assert [b.kind for b in doc.boilerplate] == ["signoff"]
    # a caller's date wins
    doc = CleanStep()(Document(id="x", text=text, source=Source(published="2023-11-29")))
    assert doc.source.published == "2023-11-29"


def test_clean_step_never_invents_a_year() -> None:
    doc = CleanStep()(Document(id="x", text="القاهرة في ٥ فبراير /أ ش أ/" + BODY))
    assert doc.dateline is not None and doc.dateline.date is None
    assert doc.source.published is None


def test_sample_has_no_dateline(sample_text: str) -> None:
    assert find_dateline(sample_text) is None


# Newspapers put a header date line and a headline above a credit line "CITY: «OUTLET»".
CREDIT_CASES = [
    (
        "الأحد - 3 رجب 1447 هـ - 21 ديسمبر 2025 مـ\n\nالبرلمان يقر الموازنة بعد جلسة صاخبة\n\n"
        "بغداد: «الشرق الأوسط»\n\nأقر البرلمان العراقي أمس الموازنة العامة.",
        "بغداد: «الشرق الأوسط»",
        "بغداد",
        "الشرق الأوسط",
    ),
    (
        "اتفاق على تبادل الأسرى\n\nعدن - «القدس العربي»\n\nأعلنت الأطراف اليمنية التوصل إلى اتفاق.",
        "عدن - «القدس العربي»",
        "عدن",
        "القدس العربي",
    ),
    ("وزير يزور المخيم\n\nعمان: (بترا)\n\nزار الوزير المخيم أمس.", "عمان: (بترا)", "عمان", "Petra"),
]


@pytest.mark.parametrize(("text", "surface", "location", "agency"), CREDIT_CASES)
def test_credit_line_under_the_headline(text: str, surface: str, location: str, agency: str) -> None:
    d = find_dateline(text)
    assert d is not None
    assert text[d.start : d.end] == surface
    assert (d.location, d.agency, d.date) == (location, agency, None)


@pytest.mark.parametrize(
    "text",
    [
        # a weekday is no place: a header date line is not a dateline
        "الخميس - 17 ذو القعدة 1446 هـ - 15 مايو 2025 مـ\n\nعنوان الخبر\n\nنص الخبر هنا.",
        # a headline with a colon and more words than a credit line
        "غزة: «حماس» ترفض المقترح الجديد\n\nرفضت الحركة المقترح.",
        # a credit line deeper than the head is body text
        "سطر أول\nسطر ثان\nسطر ثالث\nسطر رابع\nبغداد: «الشرق الأوسط»\n",
    ],
)
def test_no_credit_line(text: str) -> None:
    assert find_dateline(text) is None


@pytest.mark.parametrize("byline", ["عمر إبراهيم – عين اليوم", "عين اليوم – متابعات"])
def test_reporter_bylines_are_no_credit_lines(byline: str) -> None:
    assert find_dateline("عنوان الخبر\n" + byline + "\nنص الخبر هنا.") is None


def test_map_written_without_spaces() -> None:
    d = find_dateline("الرباط (ومع) - أعلنت الحكومة المغربية أمس.")
    assert d is not None and (d.location, d.agency) == ("الرباط", "MAP")
    # "ومع" is also "and with": a body sentence after a city is no dateline
    assert find_dateline("الرباط ومع اقتراب موعد الانتخابات أعلنت الحكومة.") is None


HEADLINE = "السيسي يتلقى اتصالا هاتفيا من ماكرون لبحث التطورات في غزة"


@pytest.mark.parametrize(
    ("head", "line", "location", "agency", "date"),
    [
        (HEADLINE + "\n\n", "القاهرة - أ ش أ -", "القاهرة", "MENA", None),
        (HEADLINE + "\nكتب: أحمد علي\nالثلاثاء 21 أكتوبر 2025 - 03:15 م\n\n", "القاهرة في 21 أكتوبر /أ ش أ/", "القاهرة", "MENA", None),
        ("مقتل ثلاثة في غارة على جنوب لبنان\n", "بيروت، 27 شباط (فبراير) 2024 (أ ف ب) -", "بيروت", "AFP", "2024-02-27"),
        ("  عناوين\n\n\n", "طهران/ 10 كانون الثاني/ يناير/ إرنا-", "طهران", "IRNA", None),
    ],
)
def test_dateline_under_a_short_head(head: str, line: str, location: str, agency: str, date: str | None) -> None:
    """Real pages put the headline (and a byline or timestamp) above the dateline paragraph."""
    text = head + line + BODY
    dl = find_dateline(text)
    assert dl is not None
    assert text[dl.start : dl.end] == line
    assert (dl.location, dl.agency, dl.date) == (location, agency, date)


@pytest.mark.parametrize(
    "text",
    [
        # a body paragraph (more than a head line's words) comes first: what follows is body text
        "قال الرئيس عبد الفتاح السيسي في كلمة ألقاها اليوم أمام حشد من المواطنين في محافظة أسوان إن الدولة"
        " ماضية في تنفيذ المشروعات القومية الكبرى رغم كل التحديات الاقتصادية التي تواجه البلاد والمنطقة كلها.\n"
        "القاهرة - أ ش أ - وأضاف الرئيس أن الحكومة ستواصل العمل.",
        # too deep: a dateline is never looked for below the fourth line
        "عنوان أول\nعنوان ثان\nسطر ثالث\nسطر رابع\nغزة - (رويترز) - قالت مصادر طبية إن ثلاثة قتلوا.",
        # a headline that only mentions an agency
        HEADLINE + "\n\nقالت وكالة رويترز إن الاتصال تناول الأوضاع في غزة.",
    ],
)
def test_no_dateline_under_body_text(text: str) -> None:
    assert find_dateline(text) is None


STAMPED = HEADLINE + "\nكتب: أحمد علي\nالثلاثاء 21 أكتوبر 2025 - 03:15 م\n\n"


@pytest.mark.parametrize(
    ("text", "given", "published", "dateline_date"),
    [
        # the head's timestamp dates the page and completes the dateline's day and month
        (STAMPED + "القاهرة في 21 أكتوبر /أ ش أ/" + BODY, None, "2025-10-21", "2025-10-21"),
        (STAMPED + BODY.strip(), None, "2025-10-21", None),  # no dateline at all
        # a dateline with its own full date wins over the timestamp
        (STAMPED + "بيروت، 20 تشرين الأول (أكتوبر) 2025 (أ ف ب) -" + BODY, None, "2025-10-20", "2025-10-20"),
        # the caller's date wins over both
        (STAMPED + "القاهرة في 21 أكتوبر /أ ش أ/" + BODY, "2025-10-22", "2025-10-22", "2025-10-21"),
        # a timestamp without a year dates nothing
        (HEADLINE + "\nالثلاثاء 21 أكتوبر - 03:15 م\n\n" + "القاهرة في 21 أكتوبر /أ ش أ/" + BODY, None, None, None),
    ],
)
def test_publication_date_from_the_head_timestamp(
    text: str, given: str | None, published: str | None, dateline_date: str | None
) -> None:
    doc = CleanStep()(Document(id="t", text=text, source=Source(published=given)))
    assert doc.source.published == published
    assert (doc.dateline.date if doc.dateline else None) == dateline_date


def test_a_timestamp_far_below_the_head_dates_nothing() -> None:
    from marsad.clean import _head_timestamp_date
    from marsad.document import Boilerplate

    stamp = "الثلاثاء 21 أكتوبر 2025 - 03:15 م"
    for pad, expected in ((0, "2025-10-21"), (500, None)):
        text = HEADLINE + "\n" + "ـ" * pad + "\n" + stamp + "\n\n" + BODY.strip()
        s = text.index(stamp)
        assert _head_timestamp_date(text, [Boilerplate(s, s + len(stamp), "timestamp")]) == expected
        assert _head_timestamp_date(text, [Boilerplate(s, s + len(stamp), "other")]) is None


# Credit datelines (marsad.dateline_credits): forms of Saudi, Egyptian and Levantine outlets.
CREDIT_FORMS = [
    # text, dateline surface, location, agency
    ("فهد الحربي- سبق- تبوك: أعلنت إدارة التعليم بمنطقة تبوك نتائج حركة النقل.", "فهد الحربي- سبق- تبوك:", "تبوك", "سبق"),
    ("خالد القحطاني - سبق - نجران: أصيب طفلان عصر اليوم إثر سقوط مقذوف.", "خالد القحطاني - سبق - نجران:", "نجران", "سبق"),
    # a small town the knowledge base lacks: the outlet between reporter and place vouches
    ("عويد التومي- سبق- رفحاء: ضبط فرع مكتب العمل مجموعة وافدين.", "عويد التومي- سبق- رفحاء:", "رفحاء", "سبق"),
    ("سبق- أبها: وقف أمير منطقة عسير على موقع الحادث.", "سبق- أبها:", "أبها", "سبق"),
    ("واس- جدة: التقى ولي العهد اليوم رئيس وزراء باكستان.", "واس- جدة:", "جدة", "SPA"),
    ("(رويترز) - بغداد - قال مسؤولون عراقيون إن هجوما استهدف حقلا للغاز.", "(رويترز) - بغداد -", "بغداد", "Reuters"),
    ("القاهرة - أحمد عبد الحميد:\nقررت المحكمة تأجيل القضية.", "القاهرة - أحمد عبد الحميد:", "القاهرة", None),
    ("دمشق - مراسل الجزيرة: قال ناشطون إن قصفا استهدف ريف إدلب.", "دمشق - مراسل الجزيرة:", "دمشق", "الجزيرة"),
    ("بغداد - مراسلنا: أعلنت قيادة العمليات المشتركة مقتل أربعة مسلحين.", "بغداد - مراسلنا:", "بغداد", None),
    ("عمّان - «الحياة» - أقرت الحكومة الأردنية أمس نظاما جديدا.", "عمّان - «الحياة» -", "عمّان", "الحياة"),
    (
        "الخرطوم: أعلن الجيش السوداني أمس سيطرته على مواقع جديدة في ولاية الجزيرة بعد معارك عنيفة"
        " استمرت ثلاثة أيام مع قوات الدعم السريع.",
        "الخرطوم:",
        "الخرطوم",
        None,
    ),
    ("الدمام ـ واس ـ أعلنت أمانة المنطقة الشرقية البدء في تنفيذ المشروع.", "الدمام ـ واس ـ", "الدمام", "SPA"),
    ("ناصر الطميحي ـ جدة\nوضع المدرب الوطني حدا للغط الدائر.", "ناصر الطميحي ـ جدة", "جدة", None),
    ("جدة ـ نجيب الجداوي\n\nحظي اللاعب بترحيب خاص من الجماهير.", "جدة ـ نجيب الجداوي", "جدة", None),
    ("الرياض ـ الرياضية\n\nكرم الاتحاد السعودي للمبارزة المدرب.", "الرياض ـ الرياضية", "الرياض", "الرياضية"),
    ("«عكاظ» من جدة\n\nقال تجار أمس إن أسعار الذهب ارتفعت.", "«عكاظ» من جدة", "جدة", "عكاظ"),
    # under the headline
    ("مهرجان للتمور في بريدة\nحامد القرشي – مكة المكرمة\nبث سكان مكة صورا للمسجد الحرام.", "حامد القرشي – مكة المكرمة", "مكة المكرمة", None),
]


@pytest.mark.parametrize(("text", "surface", "location", "agency"), CREDIT_FORMS)
def test_credit_datelines(text: str, surface: str, location: str, agency: str | None) -> None:
    d = find_dateline(text)
    assert d is not None
    assert text[d.start : d.end] == surface
    assert (d.location, d.agency, d.date) == (location, agency, None)


@pytest.mark.parametrize(
    "text",
    [
        "ترامب: سنرد بقوة على أي هجوم\n\nقال الرئيس الأمريكي إن بلاده سترد.",
        "عاجل: انفجار قرب السفارة الأمريكية\n\nأفادت مصادر أمنية بوقوع انفجار.",
        "غزة: مجزرة\n\nقتل عشرون فلسطينيا في قصف استهدف مدرسة.",
        # a place and a colon opening a headline: too short, no full stop
        "الأردن: ارتفاع نسبة البطالة إلى 22 بالمئة في الربع الأول\n\nأعلنت دائرة الإحصاءات ارتفاع البطالة.",
        "مصر: إحالة عشرين متهما إلى المحاكمة الجنائية في قضية فساد كبرى تتعلق بأراضي الدولة والمال العام\n\nأمر النائب العام.",
        # a body, not a reporter, after the place
        "غزة - وزارة الصحة: ارتفاع عدد الشهداء إلى 30 ألفا\n\nأعلنت الوزارة حصيلة جديدة.",
        # an outlet first on a bare line names its desk; "متابعة" is no place
        "عين اليوم – جدة\nقامت جماهير نادي ليفربول بتنظيم كرنفال وداع لقائده.",
        "محمود الحمد- سبق- متابعة: توج فولفسبورغ بلقب كأس السوبر.",
        "كتب - محمد السيد\n\nقررت النيابة العامة حبس المتهم أربعة أيام.",
        "السعودية - الهلال يفوز على النصر بثلاثية في الديربي\n\nحقق الهلال فوزا كبيرا.",
        "واشنطن وطهران - جولة جديدة من المفاوضات في مسقط\n\nتبدأ اليوم جولة جديدة.",
        # a credit line with nothing under it is a sign-off, not a dateline
        "سامي العتيبي - الطائف",
        # a place not in the knowledge base, with no outlet to vouch: left alone
        "عبدالرحمن الشهري – المجاردة\nتعرضت فتاة لحادث مروري.",
    ],
)
def test_no_credit_dateline(text: str) -> None:
    assert find_dateline(text) is None


def test_lone_tatweel_is_a_dash_but_a_stretched_word_is_not() -> None:
    from marsad.dateline_credits import dashed

    assert dashed("الرياض ـ واس ـ\nكبيـــر") == "الرياض - واس -\nكبيـــر"


def test_dateline_dev_tune_half_floor() -> None:
    """The tune half of tests/data/dateline_dev (scripts/dateline_dev_score.py) keeps its level."""
    import sys
    from pathlib import Path

    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "scripts"))
    import dateline_dev_score

    s = dateline_dev_score.score("tune")
    assert s.cases >= 30
    assert s.accuracy >= 0.9
    assert s.false == 0
