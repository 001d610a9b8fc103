"""Event coding on sentences written for these tests: type, mode, CAMEO, arguments, modality."""

from __future__ import annotations

import pytest

from events_support import run
from marsad.events.step import EventStep

SISI = ("عبد الفتاح السيسي", "sisi", "PER", "EGY", "EGYGOV")
BLINKEN = ("أنتوني بلينكن", "blinken", "PER", "USA", "USAGOV")
FAISAL = ("فيصل بن فرحان", "faisal", "PER", "SAU", "SAUGOV")
AMIR = ("حسين أمير عبد اللهيان", "amir", "PER", "IRN", "IRNGOV")
KING = ("عبدالله الثاني", "king", "PER", "JOR", "JORGOV")
MACRON = ("إيمانويل ماكرون", "macron", "PER", "FRA", "FRAGOV")
IDF = ("قوات الاحتلال", "idf", "ORG", "ISR", "ISRMIL")
JENIN = ("جنين", "jenin", "GPE", "PSE", None)
NABLUS = ("نابلس", "nablus", "GPE", "PSE", None)
RAFAH = ("رفح", "rafah", "GPE", "PSE", None)
USA = ("الولايات المتحدة", "usa", "GPE", "USA", "USA")
FIDAN = ("هاكان فيدان", "fidan", "PER", "TUR", "TURGOV")
CAIRO = ("القاهرة", "cairo", "GPE", "EGY", None)
EU = ("الاتحاد الأوروبي", "eu", "ORG", None, "IGOEU")
ISRAEL = ("إسرائيل", "israel", "GPE", "ISR", "ISR")
LEBANON = ("لبنان", "lebanon", "GPE", "LBN", "LBN")
MOSCOW = ("موسكو", "moscow", "GPE", "RUS", None)
RUSSIA = ("روسيا", "russia", "GPE", "RUS", "RUS")
PUTIN = ("فلاديمير بوتين", "putin", "PER", "RUS", "RUSGOV")


def one(doc, plover: str):  # noqa: ANN001, ANN201
    evs = [e for e in doc.events if e.plover == plover]
    assert len(evs) == 1, [(e.plover, e.cameo, e.trigger.text) for e in doc.events]
    return evs[0]


@pytest.mark.parametrize(
    ("text", "entities", "plover", "cameo", "mode", "source", "target"),
    [
        ("استقبل الرئيس عبد الفتاح السيسي اليوم وزير الخارجية أنتوني بلينكن.", [SISI, BLINKEN],
         "CONSULT", "043", "visit", "sisi", "blinken"),
        ("أجرى وزير الخارجية السعودي فيصل بن فرحان مساء أمس اتصالاً هاتفياً مع نظيره حسين أمير عبد اللهيان.",
         [FAISAL, AMIR], "CONSULT", "041", "phone", "faisal", "amir"),
        ("تلقى الملك عبدالله الثاني اتصالاً هاتفياً من الرئيس الفرنسي إيمانويل ماكرون.", [KING, MACRON],
         "CONSULT", "041", "phone", "macron", "king"),
        ("اعتقلت قوات الاحتلال فجر اليوم 15 مواطناً من مدينة جنين.", [IDF, JENIN],
         "COERCE", "173", "arrest", "idf", None),
        ("شنت قوات الاحتلال غارات عنيفة على مدينة رفح.", [IDF, RAFAH],
         "ASSAULT", "195", "airstrike", "idf", "rafah"),
        ("فرضت الولايات المتحدة عقوبات على خمسة من قادة الجماعة.", [USA],
         "COERCE", "163", "restrict", "usa", None),
        ("ندد الاتحاد الأوروبي بالهجوم على المدنيين في رفح.", [EU, RAFAH],
         "ACCUSE", "111", "disapprove", "eu", None),
        ("وأشاد الرئيس فلاديمير بوتين بمواقف الرئيس عبد الفتاح السيسي.", [PUTIN, SISI],
         "SUPPORT", "051", None, "putin", "sisi"),
        ("هدد وزير الخارجية هاكان فيدان إسرائيل بالرد.", [FIDAN, ISRAEL],
         "THREATEN", "130", None, "fidan", "israel"),
        ("نظم عشرات الطلاب وقفة احتجاجية أمام مبنى البرلمان في القاهرة.", [CAIRO],
         "PROTEST", "141", "demo", None, None),
    ],
)
def test_who_did_what_to_whom(text, entities, plover, cameo, mode, source, target) -> None:  # noqa: ANN001
    ev = one(run(text, entities), plover)
    assert (ev.cameo, ev.mode, ev.source, ev.target) == (cameo, mode, source, target)
    assert ev.coder == "events.rules.v1"
    assert text[ev.trigger.start:ev.trigger.end] == ev.trigger.text


def test_counts_agents_and_locations() -> None:
    doc = run("استشهد 3 فلسطينيين برصاص قوات الاحتلال في نابلس.", [IDF, NABLUS])
    ev = one(doc, "ASSAULT")
    assert (ev.count, ev.source, ev.location) == (3, "idf", "nablus")
    doc = run("اعتقلت قوات الاحتلال الليلة الماضية 12 شاباً من مخيم جنين.", [IDF, JENIN])
    assert one(doc, "COERCE").count == 12


def test_dropped_subject_is_carried_and_symmetric_talks() -> None:
    text = (
        "وصل الرئيس عبد الفتاح السيسي إلى موسكو مساء أمس الثلاثاء.\n"
        "وبحث مع الرئيس فلاديمير بوتين العلاقات الثنائية في موسكو.\n"
        "واتفق الجانبان على مواصلة التنسيق."
    )
    doc = run(text, [SISI, PUTIN, MOSCOW, RUSSIA], published="2024-01-10")
    visit = next(e for e in doc.events if e.cameo == "042")
    # no entity for Russia itself in this text: the place stands in for its country
    assert (visit.source, visit.target, visit.location, visit.date) == ("sisi", "moscow", "moscow", "2024-01-09")
    talks = next(e for e in doc.events if e.cameo == "040")
    assert (talks.source, talks.target) == ("sisi", "putin")
    agree = one(doc, "AGREE")
    assert {agree.source, agree.target} == {"sisi", "putin"} and agree.symmetric


@pytest.mark.parametrize(
    ("text", "negated", "modality"),
    [
        ("لم يزر الرئيس عبد الفتاح السيسي القاهرة.", True, "asserted"),
        ("سيزور الرئيس عبد الفتاح السيسي القاهرة الأسبوع المقبل.", False, "future"),
        ("ومن المقرر أن يزور الرئيس عبد الفتاح السيسي القاهرة.", False, "future"),
        ("إذا زار الرئيس عبد الفتاح السيسي القاهرة فسيكون ذلك مهماً.", False, "hypothetical"),
        ("يجب أن يزور الرئيس عبد الفتاح السيسي القاهرة.", False, "demanded"),
        ("زار الرئيس عبد الفتاح السيسي القاهرة.", False, "asserted"),
    ],
)
def test_negation_and_modality(text: str, negated: bool, modality: str) -> None:
    ev = one(run(text, [SISI, CAIRO]), "CONSULT")
    assert (ev.negated, ev.modality) == (negated, modality)
    if modality == "future":
        assert ev.date is None  # no day is given for a planned visit


def test_publication_date_for_todays_report_and_relative_dates() -> None:
    doc = run("استقبل الرئيس عبد الفتاح السيسي وزير الخارجية أنتوني بلينكن.", [SISI, BLINKEN],
              published="2024-02-05")
    assert one(doc, "CONSULT").date == "2024-02-05"
    doc = run("استقبل الرئيس عبد الفتاح السيسي يوم الأحد الماضي أنتوني بلينكن.", [SISI, BLINKEN],
              published="2024-02-07")
    ev = one(doc, "CONSULT")
    assert ev.date == "2024-02-04" and ev.date_span is not None
    doc = run("استقبل الرئيس عبد الفتاح السيسي أمس أنتوني بلينكن.", [SISI, BLINKEN], published=None)
    ev = one(doc, "CONSULT")
    assert ev.date is None and ev.date_span is not None  # kept, but no publication date to resolve


def test_condemned_attack_is_folded_and_background_marked() -> None:
    doc = run("أدان الرئيس عبد الفتاح السيسي الهجوم الإرهابي الذي وقع في القاهرة.", [SISI, CAIRO])
    assert [e.plover for e in doc.events] == ["ACCUSE"]
    assert doc.events[0].location == "cairo"
    doc = run("وأشاد الرئيس فلاديمير بوتين بالتعاطف في أعقاب الحادث الإرهابي في موسكو.", [PUTIN, MOSCOW])
    bg = one(doc, "ASSAULT")
    assert bg.background and bg.date is None


def test_references_to_told_events_are_not_new_events() -> None:
    doc = run("وناقش الرئيس عبد الفتاح السيسي خلال اللقاء مع أنتوني بلينكن أهمية هذه الزيارة.", [SISI, BLINKEN])
    assert [e.cameo for e in doc.events] == ["040"]


def test_violence_in_a_quote_is_an_accusation() -> None:
    doc = run('وقال الرئيس عبد الفتاح السيسي: "إن قصف المدنيين على يد قوات الاحتلال جريمة".', [SISI, IDF])
    ev = one(doc, "ACCUSE")
    assert (ev.source, ev.target) == ("sisi", "idf")


def test_nothing_in_boilerplate_and_only_arabic() -> None:
    text = "زار الرئيس عبد الفتاح السيسي القاهرة.\nاقرأ أيضا: اعتقال 20 شخصا في جنين"
    cut = text.index("اقرأ")
    doc = run(text, [SISI, CAIRO, JENIN], boilerplate=[(cut, len(text))])
    assert [e.plover for e in doc.events] == ["CONSULT"]
    doc = run("زار الرئيس عبد الفتاح السيسي القاهرة.", [SISI, CAIRO], language="fa")
    assert doc.events == [] and doc.quotes == []


def test_without_entities_triggers_are_still_found() -> None:
    doc = run("اعتقلت الشرطة 5 أشخاص وفرقت المتظاهرين بالغاز المسيل للدموع.")
    kinds = {e.plover for e in doc.events}
    assert "COERCE" in kinds and all(e.source is None for e in doc.events)


def test_user_lexicon_through_settings(tmp_path) -> None:  # noqa: ANN001
    from events_support import make_doc
    from marsad.settings import Settings

    user = tmp_path / "x.tsv"
    user.write_text("{ندب|يندب}\t111\t\t\tsv\t\tlament\n", encoding="utf-8")
    step = EventStep(Settings(extra={"events_lexicon": str(user)}))
    doc = step(make_doc("وندب الرئيس عبد الفتاح السيسي الضحايا.", [SISI]))
    assert one(doc, "ACCUSE").source == "sisi"
