"""Real Arabic cases for tokens, UD clitic segmentation and sentence splitting."""

from __future__ import annotations

import pytest

from marsad.document import Document
from marsad.normalize import match_key
from marsad.segment import SegmentStep, sentences, tokens


def split(word: str) -> str:
    (tok,) = tokens(word)
    return "+".join(word[s:e] for s, e in tok.parts)


@pytest.mark.parametrize(
    ("word", "parts"),
    [
        ("وبالمدينة", "و+ب+المدينة"),
        ("وسيناقش", "و+س+يناقش"),
        ("سترسم", "س+ترسم"),
        ("لایران", "ل+ایران"),
        ("للأمن", "ل+لأمن"),
        ("وأضاف", "و+أضاف"),
        ("وقال", "و+قال"),
        ("بشكل", "ب+شكل"),
        ("لاستشهاد", "ل+استشهاد"),
        ("ومسؤولون", "و+مسؤولون"),
        ("تعازيه", "تعازي+ه"),
        ("نظيره", "نظير+ه"),
        ("تقديره", "تقدير+ه"),
        ("وصوله", "وصول+ه"),
        ("بينهما", "بين+هما"),
        ("فيه", "في+ه"),
        ("عليها", "علي+ها"),
        ("إليه", "إلي+ه"),
        ("منهم", "من+هم"),
        ("أنه", "أن+ه"),
        ("وإنه", "و+إن+ه"),
        ("لأنه", "ل+أن+ه"),
        ("لها", "ل+ها"),
        ("بها", "ب+ها"),
        ("وله", "و+ل+ه"),
        ("وبالنظر", "و+ب+النظر"),
        ("بالبناءة", "ب+البناءة"),
        ("فسوف", "ف+سوف"),
        ("كما", "كما"),
        ("فقط", "فقط"),
        ("لم", "لم"),
        ("لكن", "لكن"),
        ("الفلسطينيين", "الفلسطينيين"),
        ("الإيراني", "الإيراني"),
        ("الاستراتيجي", "الاستراتيجي"),
        ("كوري", "كوري"),
        ("وزير", "وزير"),
        ("بيان", "بيان"),
        ("كبير", "كبير"),
        ("لبنان", "لبنان"),
        ("موسكو", "موسكو"),
        ("كرمان", "كرمان"),
        ("باتروشيف", "باتروشيف"),
        ("مدرسة", "مدرسة"),
        ("الحكومة", "الحكومة"),
        ("وَقَالَ", "وَ+قَالَ"),
        ("وبـالمدينة", "و+بـ+المدينة"),
    ],
)
def test_clitic_segmentation(word: str, parts: str) -> None:
    assert split(word) == parts


# One block per class of fix in the clitic model (see marsad.clitics and the build script).
@pytest.mark.parametrize(
    ("word", "parts"),
    [
        # compound prepositions: UD always splits them, even where the phrase outnumbers the noun
        ("بموجب", "ب+موجب"),
        ("بخصوص", "ب+خصوص"),
        ("بمثابة", "ب+مثابة"),
        ("بواسطة", "ب+واسطة"),
        ("وبسببه", "و+ب+سبب+ه"),
        ("بواسطته", "ب+واسطت+ه"),
        ("لصالحها", "ل+صالح+ها"),
        ("لأجل", "ل+أجل"),
        ("فلان", "فلان"),  # "so-and-so", not ف + لأن
        # a conjunction before a function word that never splits on its own
        ("وهم", "و+هم"),
        ("ولذا", "و+لذا"),
        ("وهكذا", "و+هكذا"),
        ("وكما", "و+كما"),
        ("فلم", "ف+لم"),
        ("وكان", "و+كان"),
        # verbs and names whose first letter is a radical, not a clitic
        ("بات", "بات"),
        ("باتت", "باتت"),
        ("بدا", "بدا"),
        ("لسنا", "لسنا"),
        ("بنما", "بنما"),
        ("باراك", "باراك"),
        ("ليستر", "ليستر"),
        # the word takes the article without its tanween alif (وفدا: الوفد) or an imperfect
        # prefix (وافق: يوافق): its first letter belongs to it
        ("وفدا", "وفدا"),
        ("واحدا", "واحدا"),
        ("وكيلا", "وكيلا"),
        ("وافق", "وافق"),
        ("بشار", "بشار"),
        ("فكرة", "فكرة"),
        ("ولايات", "ولايات"),
        # the article evidence of the word before its pronoun (الولادة), not of the stem
        ("ولادته", "ولادت+ه"),
        # nisba adjectives keep their ي
        ("عسكري", "عسكري"),
        ("سياسي", "سياسي"),
        ("إقليمي", "إقليمي"),
        # نا after an imperfect verb is an object; after a perfect verb, the subject
        ("يمكننا", "يمكن+نا"),
        ("يمنحنا", "يمنح+نا"),
        ("قررنا", "قررنا"),
        ("أكدنا", "أكدنا"),
        # and still: a conjunction on a stem that is also a word
        ("ولدى", "و+لدى"),
        ("وقال", "و+قال"),
        ("ورئيس", "و+رئيس"),
    ],
)
def test_clitic_fix_classes(word: str, parts: str) -> None:
    assert split(word) == parts


def test_token_kinds() -> None:
    text = "بلغ العدد 1,200 شخص و3.5 بالمئة (٣٫٥) في 2024م، انظر https://www.irna.ir/news/85348. #غزة @irna_ar info@irna.ir «قال»"
    surfaces = [text[t.start : t.end] for t in tokens(text)]
    assert "1,200" in surfaces
    assert "و3.5" in surfaces  # a proclitic on a number: one token, two parts
    (tok,) = [t for t in tokens(text) if text[t.start : t.end] == "و3.5"]
    assert [text[a:b] for a, b in tok.parts] == ["و", "3.5"]
    assert "٣٫٥" in surfaces
    assert "https://www.irna.ir/news/85348" in surfaces
    assert "#غزة" in surfaces
    assert "@irna_ar" in surfaces
    assert "info@irna.ir" in surfaces
    assert surfaces[-3:] == ["«", "قال", "»"]
    assert "2024" in surfaces and "م" in surfaces and "،" in surfaces
    assert "(" in surfaces and ")" in surfaces


def test_token_norm_is_the_match_key() -> None:
    text = "الکیان الصهیوني وأكّد"
    for t in tokens(text):
        assert t.norm == match_key(text[t.start : t.end])
    assert [t.norm for t in tokens(text)] == ["الكيان", "الصهيوني", "واكد"]


def test_invisible_marks_stay_inside_a_word() -> None:
    text = "طه\u200fران وال\u0640\u0640رياض"
    toks = tokens(text)
    assert [text[t.start : t.end] for t in toks] == ["طه\u200fران", "وال\u0640\u0640رياض"]
    assert toks[0].norm == "طهران"
    assert [text[s:e] for s, e in toks[1].parts] == ["و", "ال\u0640\u0640رياض"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("قال د. محمد إن النمو بلغ 3.5 في المئة. وأضاف أن الوضع مستقر.", 2),
        ("نقلت أ.ش.أ عن المصدر قوله. ثم غادر.", 2),
        ("هل انتهى؟ نعم! ربما...", 3),
        ("قال: «انتهى الأمر.» ثم غادر", 2),
        ("وصل في 2023م. ثم غادر", 2),
        ("سطر أول\nسطر ثان بلا نقطة\n\n\nسطر ثالث", 3),
        ("البند الأول؛ البند الثاني", 2),
        ("انظر https://example.com/a?b=1;c=2 الآن", 1),
        ("هل انتهى؟وقال نعم", 2),
    ],
)
def test_sentence_counts(text: str, expected: int) -> None:
    assert len(sentences(text)) == expected


def test_closing_quote_stays_inside_the_sentence() -> None:
    text = "قال: «انتهى الأمر.» ثم غادر"
    first = sentences(text)[0]
    assert text[first.start : first.end] == "قال: «انتهى الأمر.»"


def test_sample_sentences_and_trailer(sample_text: str) -> None:
    doc = SegmentStep()(Document(id="sample", text=sample_text))
    lines = [ln for ln in sample_text.split("\n") if ln.strip()]
    assert len(lines) == 14  # 12 body lines, the sign-off and the comment prompt
    texts = [sample_text[s.start : s.end] for s in doc.sentences]
    assert texts[-2:] == ["انتهی**3280", "تعليقك"]
    # no sentence crosses a newline
    assert all("\n" not in t for t in texts)
    # body lines: one sentence each, except the two that hold two full stops
    assert len(texts) == 12 + 2 + 1
    assert texts[0].startswith("وناقش ممثل قائد الثورة") and texts[0].endswith("في موسكو.")
    # every token lies inside a sentence
    for t in doc.tokens:
        i = doc.sentence_index(t.start)
        assert i is not None and doc.sentences[i].end >= t.end
    doc.check_offsets()
    words = {sample_text[t.start : t.end]: t for t in doc.tokens}
    assert [sample_text[s:e] for s, e in words["وسيناقش"].parts] == ["و", "س", "يناقش"]
    assert [sample_text[s:e] for s, e in words["لایران"].parts] == ["ل", "ایران"]
    assert words["الکیان"].norm == "الكيان"


def test_step_contract() -> None:
    step = SegmentStep()
    assert (step.name, step.version) == ("segment", "1")
    docs = list(step.pipe([Document(id="a", text="وقال الوزير."), Document(id="b", text="")]))
    assert len(docs[0].tokens) == 3 and len(docs[0].sentences) == 1
    assert docs[1].tokens == [] and docs[1].sentences == []
