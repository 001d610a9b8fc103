"""Titles and roles: country, sector, actor and office from the words of the title."""

from __future__ import annotations

import pytest

from marsad.entities.kb import KnowledgeBase
from marsad.entities.roles import Grammar
from marsad.entities.title_phrases import resolve_holder
from marsad.segment import tokens


@pytest.fixture(scope="module")
def grammar() -> Grammar:
    return Grammar.load()


def roles_of(grammar: Grammar, text: str):  # type: ignore[no-untyped-def]
    return [(text[r.start : r.end], r) for r in grammar.roles(tokens(text), text)]


@pytest.mark.parametrize(
    ("sentence", "title", "country", "actor"),
    [
        ("قال وزير الخارجية الإيراني إن بلاده", "وزير الخارجية الإيراني", "IRN", "IRNGOV"),
        ("والتقى أمين مجلس الأمن القومي الروسي بالوفد", "أمين مجلس الأمن القومي الروسي", "RUS", "RUSGOV"),
        ("وصرح المتحدث باسم الجيش الإسرائيلي للصحفيين", "المتحدث باسم الجيش الإسرائيلي", "ISR", "ISRMIL"),
        ("وقالت المتحدثة باسم وزارة الخارجية الصينية إن", "المتحدثة باسم وزارة الخارجية الصينية", "CHN", "CHNGOV"),
        ("استقبل ولي العهد السعودي الوفد", "ولي العهد السعودي", "SAU", "SAUGOV"),
        ("وأكد رئيس الوزراء العراقي أن الحكومة", "رئيس الوزراء العراقي", "IRQ", "IRQGOV"),
        ("وقال وزير خارجية تركيا إن", "وزير خارجية تركيا", "TUR", "TURGOV"),
        ("أعلن قائد القوات الجوية المصرية أن", "قائد القوات الجوية المصرية", "EGY", "EGYMIL"),
        ("وأوضح رئيس جهاز المخابرات الأردني أن", "رئيس جهاز المخابرات الأردني", "JOR", "JORSPY"),
        ("وقال الأمين العام لحزب الله إن", "الأمين العام لحزب الله", "LBN", "LBNREB"),
        ("ودعا الأمين العام للأمم المتحدة إلى", "الأمين العام للأمم المتحدة", None, "IGOUNO"),
        ("وقال قائد الحرس الثوري إن", "قائد الحرس الثوري", "IRN", "IRNMIL"),
        ("ورحب وزير الدفاع الأمريكي بالقرار", "وزير الدفاع الأمريكي", "USA", "USAGOV"),
        ("وأدان سفير روسيا لدى الأمم المتحدة الهجوم", "سفير روسيا لدى الأمم المتحدة", "RUS", "RUSGOV"),
        ("وقال رئيس المحكمة العليا الباكستانية إن", "رئيس المحكمة العليا الباكستانية", "PAK", "PAKJUD"),
        ("وقال مصدر عسكري سوري إن", "مصدر عسكري سوري", "SYR", "SYRMIL"),
        ("وناقش ممثل قائد الثورة الاسلامية الملف", "ممثل قائد الثورة الاسلامية", "IRN", "IRNGOV"),
    ],
)
def test_role_country_and_actor(grammar: Grammar, sentence: str, title: str, country: str | None, actor: str) -> None:
    found = {text: r for text, r in roles_of(grammar, sentence)}
    assert title in found, list(found)
    role = found[title]
    assert role.country == country
    assert role.actor == actor


@pytest.mark.parametrize(
    ("sentence", "title", "date", "person"),
    [
        ("قال وزير الخارجية الإيراني إن", "foreign_minister", "2024-01-10", "person:amir-abdollahian"),
        ("قال وزير الخارجية الإيراني إن", "foreign_minister", "2025-01-10", "person:araghchi"),
        ("واستقبل الرئيس الروسي الوفد", "president", "2024-01-10", "person:putin"),
        ("وقال الأمين العام لحزب الله إن", "secretary_general@hezbollah", "2024-03-01", "person:nasrallah"),
        ("وقال الأمين العام لحزب الله إن", "secretary_general@hezbollah", "2025-03-01", "person:qassem"),
        ("واستقبل قائد الثورة الإسلامية الرئيس", "supreme_leader", "2024-03-01", "person:khamenei"),
        ("التقى أمين مجلس الأمن القومي الروسي", "security_council_secretary", "2024-01-10", "person:patrushev"),
        ("التقى أمين مجلس الأمن القومي الروسي", "security_council_secretary", "2024-09-01", "person:shoigu"),
    ],
)
def test_role_resolves_to_the_office_holder_on_the_date(
    grammar: Grammar, sentence: str, title: str, date: str, person: str
) -> None:
    kb = KnowledgeBase.load()
    roles = grammar.roles(tokens(sentence), sentence)
    role = next(r for r in roles if r.title == title)
    holder = resolve_holder(kb, role, date)
    assert holder is not None and holder.id == person


@pytest.mark.parametrize(
    ("sentence", "surface", "country"),
    [
        ("وأجرى اتصالا مع نظيره الروسي أمس", "نظيره الروسي", "RUS"),
        ("وبحث مع نظيرته القطرية الملف", "نظيرته القطرية", "QAT"),
        ("التقى نظراءه", None, None),
    ],
)
def test_counterpart(grammar: Grammar, sentence: str, surface: str | None, country: str | None) -> None:
    found = [(t, r) for t, r in roles_of(grammar, sentence) if r.kind == "counterpart"]
    if surface is None:
        assert found == []
    else:
        assert [(t, r.country) for t, r in found] == [(surface, country)]


@pytest.mark.parametrize(
    "sentence",
    [
        "قال حسين أمير عبد اللهيان إن",  # "أمير" inside a name is no title
        "وقال رئيس إن",  # a bare indefinite head
        "تحدث المسؤولون عن الوضع",
    ],
)
def test_no_role(grammar: Grammar, sentence: str) -> None:
    assert [t for t, r in roles_of(grammar, sentence) if r.kind == "title"] == []


def test_honorifics_stay_outside_and_nested_titles_are_found(grammar: Grammar) -> None:
    text = "واستقبل جلالة الملك الأردني الضيوف"
    assert [t for t, _ in roles_of(grammar, text)] == ["الملك الأردني"]
    text = "وقال ممثل قائد الثورة الإسلامية إن"
    got = {t: r for t, r in roles_of(grammar, text)}
    assert got["قائد الثورة الإسلامية"].kind == "fixed"
    assert got["ممثل قائد الثورة الإسلامية"].country == "IRN"


@pytest.mark.parametrize(
    ("sentence", "body", "country", "sector"),
    [
        ("وقالت وزارة الخارجية الإيرانية إن", "وزارة الخارجية الإيرانية", "IRN", "GOV"),
        ("وأعلنت الحكومة السورية أن", "الحكومة السورية", "SYR", "GOV"),
        ("وقصف الجيش الأمريكي مواقع", "الجيش الأمريكي", "USA", "MIL"),
        ("اجتمع مجلس الأمن القومي العراقي", "مجلس الأمن القومي العراقي", "IRQ", "GOV"),
        ("وقالت وزارة الصحة في غزة إن", "وزارة الصحة", "PSE", "GOV"),
    ],
)
def test_bodies(grammar: Grammar, sentence: str, body: str, country: str, sector: str) -> None:
    got = [(sentence[b.start : b.end], b.country, b.sector) for b in grammar.bodies_in(tokens(sentence), sentence)]
    assert (body, country, sector) in got


@pytest.mark.parametrize(
    ("text", "role"),
    [
        ("وقال المبعوث الشخصي للأمين العام للأمم المتحدة ستافان دي ميستورا إن الحل ممكن.", "لأمين العام للأمم المتحدة"),
        ("وانتقد الوزير الدعم المقدم للرئيس السوري بشار الأسد.", "لرئيس السوري"),
        ("وقدم شكره لوزير الخارجية الأمريكي أنتوني بلينكن.", "وزير الخارجية الأمريكي"),
    ],
)
def test_a_role_mention_leaves_its_preposition_out(text: str, role: str) -> None:
    # "للرئيس" is ل + the article with its alef unwritten: the mention starts at the article's lam
    from marsad.analyze import analyze_text

    doc = analyze_text(text)
    roles = [text[m.start : m.end] for e in doc.entities for m in e.mentions if m.kind == "role"]
    assert role in roles, roles
