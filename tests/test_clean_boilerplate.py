"""Boilerplate spans: the shared IRNA sample, agency trailers, prompts, and body that stays body."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from marsad.boilerplate import agency_name, find_boilerplate
from marsad.clean import CleanStep
from marsad.dateline import find_dateline
from marsad.document import Document

BODY = (
    "وأكد الوزير أن الحكومة ستواصل دعم المشاريع التنموية في المنطقة، مشيرا إلى أهمية "
    "التعاون بين المؤسسات الرسمية والقطاع الخاص.\n"
    "وأضاف أن المرحلة المقبلة ستشهد إطلاق برامج جديدة لدعم الشباب."
)


def marked(text: str) -> list[tuple[str, str]]:
    return [(text[b.start : b.end], b.kind) for b in find_boilerplate(text)]


def test_shared_sample_exact(sample_text: str, gold_dir) -> None:
    gold = json.loads(
        (gold_dir / "irna-ar-2024-01-10-ahmadian-patrushev.gold.json").read_text("utf-8")
    )
    want = [(b["start"], b["end"]) for b in gold["boilerplate"]]
    got = [(b.start, b.end) for b in find_boilerplate(sample_text)]
    assert got == want == [(2161, 2172), (2173, 2179)]
    assert [sample_text[s:e] for s, e in got] == ["انتهی**3280", "تعليقك"]


def test_clean_step_on_sample(sample_text: str) -> None:
    doc = CleanStep()(Document(id="s", text=sample_text))
    assert [b.kind for b in doc.boilerplate] == ["signoff", "comment_prompt"]
    doc.check_offsets()


TRAILERS = [
    # IRNA
    ("انتهى ** 2342 ** 1416", [("انتهى ** 2342 ** 1416", "signoff")]),
    ("انتهی**3280\nتعليقك", [("انتهی**3280", "signoff"), ("تعليقك", "comment_prompt")]),
    # SPA: sign-off, time line, code line
    (
        "//انتهى//\n12:45 ت م\n0012",
        [("//انتهى//", "signoff"), ("12:45 ت م", "timestamp"), ("0012", "other")],
    ),
    (" // انتهى //\n 13:37 ت م \n ", [("// انتهى //", "signoff"), ("13:37 ت م", "timestamp")]),
    ("// يتبع //", [("// يتبع //", "signoff")]),
    ("انتهى", [("انتهى", "signoff")]),  # a bare sign-off line (KUNA, Petra)
    ("انتهای پیام/ 3280", [("انتهای پیام/ 3280", "signoff")]),  # IRNA's Persian service
    # WAFA and SANA editor initials
    ("ي.ر", [("ي.ر", "editor_initials")]),
    ("م.ش", [("م.ش", "editor_initials")]),
    ("ع.ح/ م.ش", [("ع.ح/ م.ش", "editor_initials")]),
    ("ل ح/ ب ق/ ح ح", [("ل ح/ ب ق/ ح ح", "editor_initials")]),  # AFP
    # KUNA: initials and a time code ("121745 GMT Feb 24")
    (
        "ع ص ح / م ع ب\nكونا121745 جمت فبر 24",
        [("ع ص ح / م ع ب", "editor_initials"), ("كونا121745 جمت فبر 24", "timestamp")],
    ),
    # Petra
    (
        "--(بترا)\nم ع/ ح ك\n07/03/2024 16:45:12",
        [
            ("--(بترا)", "signoff"),
            ("م ع/ ح ك", "editor_initials"),
            ("07/03/2024 16:45:12", "timestamp"),
        ],
    ),
    # Reuters credits
    (
        "(تغطية صحفية هشام عبد الحميد - إعداد منى فؤاد للنشرة العربية - تحرير علي خفاجي)",
        [
            (
                "(تغطية صحفية هشام عبد الحميد - إعداد منى فؤاد للنشرة العربية - تحرير علي خفاجي)",
                "signoff",
            )
        ],
    ),
    # SANA and QNA follow-us lines, with the link under them
    (
        "م.ش\nتابعوا آخر الأخبار عبر تطبيق تلغرام على الهواتف الذكية عبر الرابط :\nhttps://t.me/SyrianArabNewsAgency",
        [
            ("م.ش", "editor_initials"),
            ("تابعوا آخر الأخبار عبر تطبيق تلغرام على الهواتف الذكية عبر الرابط :", "share"),
            ("https://t.me/SyrianArabNewsAgency", "share"),
        ],
    ),
    ("تابعونا على", [("تابعونا على", "share")]),
    # MENA
    ("أ ش أ", [("أ ش أ", "signoff")]),
    ("(أ ش أ)", [("(أ ش أ)", "signoff")]),
    # Al Jazeera and Al-Alam source lines
    ("المصدر : الجزيرة + وكالات", [("المصدر : الجزيرة + وكالات", "source_line")]),
    ("المصدر: وكالة تسنيم", [("المصدر: وكالة تسنيم", "source_line")]),
    # prompts
    ("شارك\nتابعونا على تلغرام", [("شارك", "share"), ("تابعونا على تلغرام", "share")]),
    ("أضف تعليقك", [("أضف تعليقك", "comment_prompt")]),
    (
        "كلمات دلالية:\nإيران\nروسيا",
        [("كلمات دلالية:", "navigation"), ("إيران", "navigation"), ("روسيا", "navigation")],
    ),
    (
        "اقرأ أيضا\nالرئيس يستقبل وفدا برلمانيا من الاتحاد الأوروبي",
        [("اقرأ أيضا", "related"), ("الرئيس يستقبل وفدا برلمانيا من الاتحاد الأوروبي", "related")],
    ),
    (
        "اقرأ أيضاً: الرئيس يستقبل وفدا برلمانيا",
        [("اقرأ أيضاً: الرئيس يستقبل وفدا برلمانيا", "related")],
    ),
]


@pytest.mark.parametrize(("trailer", "expected"), TRAILERS)
def test_agency_trailers(trailer: str, expected: list[tuple[str, str]]) -> None:
    text = BODY + "\n" + trailer
    got = find_boilerplate(text)
    assert [(text[b.start : b.end], b.kind) for b in got] == expected
    assert all(b.start > len(BODY) for b in got), "the body is never marked"
    assert all("\n" not in text[b.start : b.end] for b in got)


@pytest.mark.parametrize(
    ("last_line", "tag"),
    [
        ("وأعرب عن أمله في نجاح المفاوضات. (أ ش أ)", "(أ ش أ)"),
        ("وأعرب عن أمله في نجاح المفاوضات. انتهى ** 2342 ** 1416", "انتهى ** 2342 ** 1416"),
        ("وأعرب عن أمله في نجاح المفاوضات.(واس)", "(واس)"),
        ('وأعرب عن أمله في نجاح المفاوضات". (النهاية)', "(النهاية)"),  # KUNA
    ],
)
def test_signoff_glued_to_last_line(last_line: str, tag: str) -> None:
    text = BODY + "\n" + last_line
    assert marked(text) == [(tag, "signoff")]


def test_related_teaser_in_the_middle() -> None:
    text = BODY + "\nاقرأ أيضا:\nروسيا تعلن عن مناورات عسكرية جديدة\n" + BODY
    assert marked(text) == [
        ("اقرأ أيضا:", "related"),
        ("روسيا تعلن عن مناورات عسكرية جديدة", "related"),
    ]


@pytest.mark.parametrize(
    "body_line",
    [
        "انتهى الاجتماع بعد ثلاث ساعات من المباحثات.",
        "وقال المتحدث إن الاجتماع انتهى",
        "شارك الوزير في المؤتمر الدولي للطاقة.",
        "والله ولي التوفيق.",
        "المصدر الأمني قال إن التحقيقات مستمرة.",
        "تابعوا التطورات مع مراسلنا في غزة الذي أكد أن القصف مستمر.",
        "وفي الختام، قال الوزير: شارك الجميع في هذا النجاح.",
        "وأضاف: «الأمن» و«الاستقرار» و«التنمية» أولوياتنا",
        "تحرير الموصل تم بعد معارك طويلة (بحسب المصادر)",
        "إعداد الخطة يتطلب وقتا طويلا.",
    ],
)
def test_body_is_never_marked(body_line: str) -> None:
    assert find_boilerplate(BODY + "\n" + body_line) == []
    assert find_boilerplate(body_line + "\n" + BODY) == []


BODY_LINES = [line for line in BODY.split("\n")] + [
    "انتهى الاجتماع بعد ساعتين من النقاش.",
    "وشارك في اللقاء عدد من المسؤولين.",
]
TRAILER_LINES = [
    "انتهى ** 2342 ** 1416",
    "//انتهى//",
    "12:45 ت م",
    "تعليقك",
    "ي.ر",
    "شارك",
    "أ ش أ",
]


@settings(max_examples=150, deadline=None)
@given(
    st.lists(st.sampled_from(BODY_LINES), min_size=1, max_size=5),
    st.lists(st.sampled_from(TRAILER_LINES), max_size=4),
    st.sampled_from(["\n", "\r\n", "\n\n", "\n \n"]),
)
def test_spans_are_lines_outside_the_body(body: list[str], trailer: list[str], sep: str) -> None:
    text = sep.join(body + trailer)
    body_end = len(sep.join(body))
    spans = find_boilerplate(text)
    for b in spans:
        assert 0 <= b.start < b.end <= len(text)
        assert b.start >= body_end, "a body line was marked"
        piece = text[b.start : b.end]
        assert piece == piece.strip() and "\n" not in piece
    assert [b.start for b in spans] == sorted(b.start for b in spans)
    assert all(a.end <= b.start for a, b in zip(spans, spans[1:], strict=False))
    # every trailer line is found (the trailer block is the whole tail)
    assert len(spans) == len(trailer)


GOLD_FILES = sorted((Path(__file__).parent / "gold").glob("*.gold.json"))


@pytest.mark.parametrize("path", GOLD_FILES, ids=[p.name.split(".")[0] for p in GOLD_FILES])
def test_project_gold_documents(path: Path) -> None:
    """The project's own gold articles (one per agency convention): same boilerplate characters
    (blanks ignored: a two-line prompt is two spans here) and the same dateline."""
    gold = json.loads(path.read_text("utf-8"))
    text = (path.parent / gold["text_file"]).read_text("utf-8")

    def chars(spans: list[tuple[int, int]]) -> set[int]:
        return {i for s, e in spans for i in range(s, e) if not text[i].isspace()}

    want = chars([(b["start"], b["end"]) for b in gold.get("boilerplate", [])])
    got = chars([(b.start, b.end) for b in find_boilerplate(text)])
    assert got == want, sorted(text[i] for i in got ^ want)
    dl = find_dateline(text)
    g = gold.get("dateline")
    if g is None:
        assert dl is None
    else:
        assert dl is not None
        assert (text[dl.start : dl.end], dl.location) == (g["text"], g["location"])
        assert dl.agency == agency_name(g["agency"]) is not None


@pytest.mark.parametrize(
    ("head", "want"),
    [
        # a page header's date line, Hijri and Gregorian, with a weekday
        ("الخميس - 17 ذو القعدة 1446 هـ - 15 مايو 2025 مـ", "timestamp"),
        ("السبت 4 أكتوبر 2025", "timestamp"),
        ("الأربعاء، 12 جمادى الآخرة 1447 هـ الموافق 3 ديسمبر 2025 م", "timestamp"),
        # a byline of its own under the headline
        ("الميادين نت", "source_line"),
        ("الجزيرة نت", "source_line"),
    ],
)
def test_head_date_lines_and_bylines(head: str, want: str) -> None:
    text = head + "\n\nعنوان الخبر الرئيسي\n\n" + BODY
    assert marked(text)[0] == (head, want)


@pytest.mark.parametrize(
    "line",
    [
        "في 15 مايو 2025 وقع الطرفان الاتفاق",  # a body line with a date is not a date line
        "وكانت",  # a word ending in نت is no byline
        "الخميس المقبل",  # no full date
    ],
)
def test_head_lines_that_stay_body(line: str) -> None:
    text = line + "\n\n" + BODY
    assert all(m[0] != line for m in marked(text))


def test_wam_trailer_with_writer_and_editor() -> None:
    text = BODY + "\nوام/أحمد النعيمي/عاصم الخولي"
    assert marked(text) == [("وام/أحمد النعيمي/عاصم الخولي", "editor_initials")]
    text = BODY + "\n(وام) / سارة المهيري"
    assert marked(text) == [("(وام) / سارة المهيري", "editor_initials")]


@pytest.mark.parametrize(
    ("head", "byline"),
    [
        # a headline, then the site's byline with the reporter, then the date line
        ("الحكومة تعلن خطة جديدة للنقل العمومي\nهسبريس - سعاد العلمي\nالاثنين 3 مارس 2025 - 10:40", "هسبريس - سعاد العلمي"),
        ("ارتفاع أسعار الخضر في الأسواق\nعمر إبراهيم – عين اليوم", "عمر إبراهيم – عين اليوم"),
    ],
)
def test_byline_and_date_line_under_the_headline(head: str, byline: str) -> None:
    text = head + "\n\n" + BODY
    got = marked(text)
    assert (byline, "byline") in got
    headline = head.split("\n")[0]
    assert all(m[0] != headline for m in got), "the headline stays body"
    if "10:40" in head:
        assert ("الاثنين 3 مارس 2025 - 10:40", "timestamp") in got


def test_a_headline_and_a_body_sentence_are_no_byline() -> None:
    text = "الوزير يزور المدينة\nوأكد محمد العلي أن المشروع سيكتمل قريباً\n\n" + BODY
    assert marked(text) == []


@pytest.mark.parametrize(
    "trailer",
    [
        "المصدر: العربية.نت - وكالات",
        "تابعوا آخر الأخبار عبر تطبيق المملكة",
        "تابعوا آخر الأخبار من هسبريس على Google News",
        "(وال) ع.م/ س.ف",
    ],
)
def test_more_trailers(trailer: str) -> None:
    text = BODY + "\n" + trailer
    assert [m[0] for m in marked(text)] == [trailer]
