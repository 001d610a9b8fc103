"""What of a Marsad name mention ANERcorp would tag (marsad.evaluate.conll.anercorp_spans)."""

from __future__ import annotations

import pytest

from marsad.evaluate.conll import DocMention, anercorp_spans, scored_mentions


def scored(text: str, ent_type: str, kb_id: str | None = None) -> list[tuple[str, str]]:
    return [(text[s:e], t) for s, e, t in anercorp_spans(text, ent_type, kb_id)]


@pytest.mark.parametrize(
    ("text", "ent_type", "kb_id", "want"),
    [
        # proper names: scored whole
        ("مجلس الأمن", "ORG", "org:unsc", [("مجلس الأمن", "ORG")]),
        ("الشرق الأوسط", "LOC", "place:middle-east", [("الشرق الأوسط", "LOC")]),
        ("المملكة العربية السعودية", "GPE", "state:SAU", [("المملكة العربية السعودية", "GPE")]),
        ("جنوب أفريقيا", "GPE", "state:ZAF", [("جنوب أفريقيا", "GPE")]),  # a state's own name
        ("المحيط الهندي", "LOC", "place:indian-ocean", [("المحيط الهندي", "LOC")]),
        ("أبو حمزة المصري", "PER", None, [("أبو حمزة المصري", "PER")]),
        ("حزب الاستقلال", "ORG", None, [("حزب الاستقلال", "ORG")]),  # a name after a body noun
        # designators and titles left out
        ("دولة قطر", "GPE", "state:QAT", [("قطر", "GPE")]),
        ("حركة طالبان", "ORG", "org:taliban", [("طالبان", "ORG")]),
        ("مخيم جنين", "LOC", "place:jenin-camp", [("جنين", "LOC")]),
        ("جنوب لبنان", "LOC", "place:south-lebanon", [("لبنان", "LOC")]),
        ("الملك محمد السادس", "PER", "person:mohammed-vi", [("محمد السادس", "PER")]),
        ("مكة المكرمة", "GPE", "place:mecca", [("مكة", "GPE")]),
        # a known name with a nationality adjective: the name
        ("حزب الله اللبناني", "ORG", "org:hezbollah", [("حزب الله", "ORG")]),
        # a body of common words: only the place named in it
        ("حكومة كوبا", "ORG", None, [("كوبا", "GPE")]),
        ("وزارة الصحة في غزة", "ORG", None, [("غزة", "LOC")]),
        # descriptions, epithets and peoples: nothing
        ("وزارة الصناعة", "ORG", None, []),
        ("الحكومة المصرية", "ORG", None, []),
        ("الجيش الإسرائيلي", "ORG", "org:idf", []),
        ("العاصمة العراقية", "GPE", "place:baghdad", []),
        ("الاحتلال", "GPE", "state:ISR", []),
        ("الكيان الصهيوني", "GPE", "state:ISR", []),
        ("جيش الاحتلال", "ORG", "org:idf", []),
        ("الفلسطينيين", "NORP", None, []),
        ("الشعب الفلسطيني", "NORP", None, []),
    ],
)
def test_anercorp_convention(text: str, ent_type: str, kb_id: str | None, want: list[tuple[str, str]]) -> None:
    assert scored(text, ent_type, kb_id) == want


def test_scored_mentions_keep_sentence_offsets() -> None:
    sentence = "وصل الوفد إلى دولة قطر أمس"
    start = sentence.index("دولة")
    (m,) = scored_mentions(sentence, [DocMention(start, start + len("دولة قطر"), "GPE", "state:QAT")])
    assert sentence[m.start : m.end] == "قطر" and m.type == "GPE"
