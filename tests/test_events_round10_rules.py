"""Round 10 event rules on wire-text error classes: dual verbs after two named parties,
reception direction in headlines, threat idioms, persona non grata, nominal aid and meetings,
a ministry's diplomatic protest. Sentences written for these tests."""

from __future__ import annotations

import pytest

from marsad.analyze import analyze_text


def _events(text: str) -> list[tuple[str, str, str, str | None, str | None]]:
    doc = analyze_text(text)
    names = {e.id: e.canonical for e in doc.entities}
    return [
        (ev.trigger.text, ev.plover, ev.cameo, names.get(ev.source), names.get(ev.target)) for ev in doc.events
    ]


def _one(text: str, word: str) -> tuple[str, str, str, str | None, str | None]:
    found = [e for e in _events(text) if word in e[0]]
    assert found, _events(text)
    return found[0]


@pytest.mark.parametrize(
    ("text", "word", "plover", "parties"),
    [
        # "إنهما اتفقتا": the two speakers are the parties of the symmetric act
        ("قالت مصر والأردن إنهما اتفقتا على تعزيز التنسيق الأمني على الحدود.", "اتفقتا", "AGREE", {"مصر", "الأردن"}),
        ("وأعلنت قطر وتركيا أنهما اتفقتا على توسيع التعاون التجاري.", "اتفقتا", "AGREE", {"قطر", "تركيا"}),
        # a pair word followed by the two names
        ("سيلتقي الوزيران سامح شكري وأيمن الصفدي في العقبة الأسبوع المقبل.", "سيلتقي", "CONSULT",
         {"سامح شكري", "أيمن الصفدي"}),
        # a signing verb whose pronoun is the accord, with two coordinated signatories
        ("وقّعه وزير الخارجية المصري سامح شكري ونظيره الأردني أيمن الصفدي في عمّان.", "وقّعه", "SUPPORT",
         {"سامح شكري", "أيمن الصفدي"}),
        # the named ministers of a joint meeting
        ("وعقد وزراء خارجية مصر والأردن والعراق اجتماعاً ثلاثياً في بغداد.", "اجتماع", "CONSULT", {"مصر", "الأردن"}),
    ],
)
def test_two_named_parties_of_a_symmetric_act(text: str, word: str, plover: str, parties: set[str]) -> None:
    _, p, _, src, tgt = _one(text, word)
    assert p == plover
    assert {src, tgt} == parties


@pytest.mark.parametrize(
    "text",
    [
        "وبموجب قانون وقعه الرئيس الأمريكي جو بايدن في أيار فإن أمام الكونغرس مهلة للموافقة.",
        "إن قرار إغلاق المعبر سيكون وقعه على السكان كبيرا.",
    ],
)
def test_signed_it_without_two_signatories_is_no_event(text: str) -> None:
    assert not any("وقعه" in t for t, *_ in _events(text))


def test_present_tense_reception_headline_keeps_the_host_as_source() -> None:
    _, plover, _, src, tgt = _one("السيسي يستقبل وزير الخارجية الأردني أيمن الصفدي", "يستقبل")
    assert plover == "CONSULT"
    assert (src, tgt) == ("عبد الفتاح السيسي", "أيمن الصفدي") or src == "السيسي"
    _, _, _, src, tgt = _one("استقبل الرئيس المصري عبد الفتاح السيسي وزير الخارجية الأردني أيمن الصفدي.", "استقبل")
    assert (src, tgt) == ("عبد الفتاح السيسي", "أيمن الصفدي")


@pytest.mark.parametrize(
    ("text", "word", "source"),
    [
        ("وقالت إيران إنها لن تترك الهجوم الإسرائيلي دون رد.", "دون رد", "إيران"),
        ("وقال الحرس الثوري إنه لن يترك هذه الجريمة دون عقاب.", "دون عقاب", "الحرس الثوري"),
    ],
)
def test_will_not_leave_it_unanswered_is_a_threat(text: str, word: str, source: str) -> None:
    _, plover, cameo, src, _ = _one(text, word)
    assert plover == "THREATEN" and cameo == "138"
    assert src is not None and source in src


def test_leaving_without_a_response_unnegated_is_no_threat() -> None:
    assert not any(p == "THREATEN" for _, p, *_ in _events("وترك الوزير الاجتماع دون رد على أسئلة الصحفيين."))


def test_brandishing_participle_threatens() -> None:
    text = "وأجرى الجيش الكوري الشمالي مناورات قرب الحدود، ملوحاً باستخدام الأسلحة النووية."
    assert any(p == "THREATEN" and "ملوح" in t for t, p, *_ in _events(text))


def test_persona_non_grata_is_an_expulsion() -> None:
    _, plover, cameo, src, _ = _one("وأعلنت الجزائر الدبلوماسيين الفرنسيين أشخاصاً غير مرغوب فيهم.", "أعلنت")
    assert plover == "SANCTION" and cameo == "166"
    assert src == "الجزائر"


@pytest.mark.parametrize(
    ("text", "word", "source"),
    [
        ("ووصلت قافلة مساعدات أردنية إلى قطاع غزة. وأكد الأردن دعمه للفلسطينيين.", "قافلة", "الأردن"),
        ("وقالت قطر إنها ستقدم مساعدات إنسانية إلى لبنان.", "مساعدات", "قطر"),
        ("وقال وزير الخارجية القطري إن بلاده ستقدم مساعدات إنسانية إلى لبنان.", "مساعدات", "القطري"),
    ],
)
def test_aid_has_its_donor(text: str, word: str, source: str) -> None:
    _, plover, _, src, _ = _one(text, word)
    assert plover == "AID"
    assert src is not None and source in src


def test_future_aid_is_future() -> None:
    doc = analyze_text("وقالت قطر إنها ستقدم مساعدات إنسانية إلى لبنان.")
    assert [e.modality for e in doc.events if e.plover == "AID"] == ["future"]


@pytest.mark.parametrize(
    "text",
    [
        "وأبلغت وزارة الخارجية العراقية السفير التركي احتجاجها على القصف.",
        "وأعربت وزارة الخارجية المغربية عن احتجاجها على تصريحات السفير الجزائري.",
    ],
)
def test_a_ministrys_protest_is_a_complaint_not_a_demonstration(text: str) -> None:
    _, plover, cameo, src, _ = _one(text, "احتجاج")
    assert plover == "ACCUSE" and cameo == "114"
    assert src is not None and "وزارة الخارجية" in src


def test_keeping_up_attacks_until_a_goal_is_a_threat() -> None:
    text = "وقالت حركة حماس إنها ستواصل عملياتها ضد الجيش الإسرائيلي حتى انسحابه من غزة."
    _, plover, cameo, src, _ = _one(text, "ستواصل")
    assert plover == "THREATEN" and cameo == "138"
    assert src == "حركة حماس"
    assert not any(p == "RETREAT" for _, p, *_ in _events(text))  # the goal is no withdrawal told


def test_operations_going_on_until_now_are_no_threat() -> None:
    text = "وتواصل القوات الروسية عملياتها في المنطقة حتى الآن."
    assert not any(p == "THREATEN" for _, p, *_ in _events(text))
