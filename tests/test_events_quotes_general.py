"""Quotes on any outlet's style: the quote before its speaker, statements that speak, titles
behind long descriptions, participles after a non-speech verb, and quotation marks that set off
names and labels rather than words said.

The parametrized sentences are written for these tests; ``tests/data/quotes_dev/tune`` is the
development half of a small quote gold set (``tests/data/quotes_dev/README.md``) checked as a
whole; hypothesis checks the invariants of every quote span on composed texts.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from events_support import run

TUNE = Path(__file__).resolve().parent / "data" / "quotes_dev" / "tune"

LAVROV = ("سيرغي لافروف", "lavrov", "PER", "RUS", "RUSGOV")
SHAIBANI = ("أسعد الشيباني", "shaibani", "PER", "SYR", "SYRGOV")
NOURI = ("خالد النوري", "nouri", "PER", "TUN", "TUNGOV")
MINISTRY = ("وزارة الدفاع", "mod", "ORG", "DZA", "DZAMIL")
YUMAKLI = ("يوماكلي", "yumakli", "PER", "TUR", "TURGOV")
ANADOLU = ("الأناضول", "anadolu", "ORG", "TUR", "TURMED")
ARAM = ("آرام محمد", "aram", "PER", "IRQ", None)
KANDARI = ("عبدالله الكندري", "kandari", "PER", "KWT", None)
MOFA = ("وزارة الخارجية الفلسطينية", "pmofa", "ORG", "PSE", "PSEGOV")
ALGERIA = ("الجزائر", "algeria", "GPE", "DZA", "DZA")
ABOU = ("حسن أبو زيد", "abouzeid", "PER", "JOR", None)


@pytest.mark.parametrize(
    ("text", "entities", "expected"),
    [
        pytest.param(
            "«نريد علاقات متوازنة مع جميع الدول»، قال أسعد الشيباني.",
            [SHAIBANI], [("نريد علاقات متوازنة مع جميع الدول", "shaibani")], id="guillemets-then-qala",
        ),
        pytest.param(
            '"اتفاقنا اليوم بداية لا نهاية"، بحسب يوماكلي.',
            [YUMAKLI], [("اتفاقنا اليوم بداية لا نهاية", "yumakli")], id="straight-then-bihasab",
        ),
        pytest.param(
            "“الملف قيد النقاش بين البلدين”، يضيف أسعد الشيباني.",
            [SHAIBANI], [("الملف قيد النقاش بين البلدين", "shaibani")], id="curly-then-present-verb",
        ),
        pytest.param(
            "وقال سيرغي لافروف إن موسكو ستدعم دمشق.\n«الجملة الأولى هنا. والجملة الثانية هناك»، قال أسعد الشيباني.",
            [LAVROV, SHAIBANI], [("الجملة الأولى هنا. والجملة الثانية هناك", "shaibani")], id="two-sentences-then-qala",
        ),
        pytest.param(
            "وأضاف يوماكلي أن بلاده «ستقدم قائمة بالمشاريع ذات الأولوية»، بحسب ما نقلت عنه وكالة الأناضول.",
            [YUMAKLI, ANADOLU], [("ستقدم قائمة بالمشاريع ذات الأولوية", "yumakli")], id="bihasab-ma-naqalat-anhu",
        ),
        pytest.param(
            "أعلنت وزارة الدفاع إسقاط طائرة مسيرة.\nوجاء في البيان: «إن الدفاع الجوي رصد الطائرة وتعامل معها».",
            [MINISTRY], [("إن الدفاع الجوي رصد الطائرة وتعامل معها", "mod")], id="wa-jaa-fi-al-bayan",
        ),
        pytest.param(
            "وجاء في بيان وزارة الدفاع: «لن نسمح بأي اختراق لأجوائنا».",
            [MINISTRY], [("لن نسمح بأي اختراق لأجوائنا", "mod")], id="statement-of-named-body",
        ),
        pytest.param(
            "وقال عضو لجنة تنسيق الاحتجاجات آرام محمد إن «المقاطعة ستستمر حتى تصرف الرواتب».",
            [ARAM], [("المقاطعة ستستمر حتى تصرف الرواتب", "aram")], id="long-title-with-event-noun",
        ),
        pytest.param(
            "انتقد المحامي عبدالله الكندري القرار، مؤكداً أن «من حق المتضررين اللجوء إلى القضاء».",
            [KANDARI], [("من حق المتضررين اللجوء إلى القضاء", "kandari")], id="participle-after-other-verb",
        ),
        pytest.param(
            "رحبت وزارة الخارجية الفلسطينية بالقرار، واعتبرته \"خطوة في الاتجاه الصحيح\".",
            [MOFA], [("خطوة في الاتجاه الصحيح", "pmofa")], id="feminine-cue-with-object-pronoun",
        ),
        pytest.param(
            "وقال الخبير حسن أبو زيد إن الحدود آمنة، مكتفياً بالقول: “الملف قيد المتابعة الدقيقة”.",
            [ABOU], [("الملف قيد المتابعة الدقيقة", "abouzeid")], id="muktafiyan-bil-qawl",
        ),
        pytest.param(
            "الجزائر: «لن نسمح بانتهاك أجوائنا»\n\nأعلنت الجزائر إغلاق مجالها الجوي.",
            [ALGERIA], [("لن نسمح بانتهاك أجوائنا", "algeria")], id="headline-speaker-colon",
        ),
        pytest.param(
            "وقال خالد النوري إن بلاده \"ليست حارساً لحدود أوروبا\"، مضيفاً: \"نريد شراكة عادلة\".",
            [NOURI], [("ليست حارساً لحدود أوروبا", "nouri"), ("نريد شراكة عادلة", "nouri")], id="inna-then-mudifan",
        ),
    ],
)
def test_quote_and_speaker_by_construction(text: str, entities: list, expected: list[tuple[str, str]]) -> None:
    doc = run(text, entities)
    assert [(q.text, q.speaker) for q in doc.quotes] == expected
    for q in doc.quotes:
        assert text[q.start:q.end] == q.text and q.direct


@pytest.mark.parametrize(
    ("text", "entities"),
    [
        pytest.param("اتهمت الحكومة في باماكو الجزائر بما وصفته بـ«العدوان»، ودعت إلى تحقيق.", [ALGERIA], id="scare-word"),
        pytest.param('وقال خالد النوري إن الاتفاق يأتي بعد جدل حول ما يسميه اليمين "أزمة اللجوء".', [NOURI], id="ma-yusammihi"),
        pytest.param("وقال أسعد الشيباني إن الشحنة تأتي ضمن عملية «الفارس الشهم 3» لدعم المتضررين.", [SHAIBANI], id="operation-title"),
        pytest.param("وقال أسعد الشيباني إن الهيئة نشرت كتيباً بعنوان «رفح.. شريان الحياة» أمس.", [SHAIBANI], id="booklet-title"),
        pytest.param("وأضاف أسعد الشيباني أن المجلس رحب بنتائج «مؤتمر حل الدولتين» في نيويورك.", [SHAIBANI], id="conference-name"),
        pytest.param("وقال أسعد الشيباني لـ«الراي» إن الوضع مستقر تماماً.", [SHAIBANI], id="paper-name-after-li"),
        pytest.param("أبوظبي: «الخليج»\n\nأعلنت الجزائر إرسال طائرة مساعدات.", [ALGERIA], id="dateline-paper"),
    ],
)
def test_names_and_labels_in_quotation_marks_are_no_quotes(text: str, entities: list) -> None:
    assert run(text, entities).quotes == []


def test_quote_before_an_unnamed_titled_speaker_is_not_the_carried_subject() -> None:
    text = "وقال سيرغي لافروف إن موسكو ستدعم الحل.\n«ما يجري إبادة للمنظومة الصحية»، يقول المتحدث باسم الدفاع المدني."
    doc = run(text, [LAVROV])
    assert [(q.text, q.speaker) for q in doc.quotes] == [("ما يجري إبادة للمنظومة الصحية", None)]


def test_opening_mark_is_not_read_as_the_close_of_a_quote_before_a_cue() -> None:
    """"…"، مضيفاً: "نطالب …": the speech verb inside the second quote takes no quote back."""
    text = 'وقال خالد النوري إن الاعتداءات "تتصاعد بشكل خطير"، مضيفاً: "نطالب بتوفير حماية دولية".'
    doc = run(text, [NOURI])
    assert [q.text for q in doc.quotes] == ["تتصاعد بشكل خطير", "نطالب بتوفير حماية دولية"]


# -- the development half of the quote gold set --------------------------------------------


def _spans_match(a0: int, a1: int, b0: int, b1: int) -> bool:
    inter = min(a1, b1) - max(a0, b0)
    return inter > 0 and inter * 2 >= max(a1, b1) - min(a0, b0)


@pytest.mark.slow
def test_tune_half_quotes_golden() -> None:
    """Every required quote of the tune half is found (by span), nothing outside the gold
    is, and quote F1 with speakers keeps its floor (speakers also depend on the entity layer)."""
    from marsad.analyze import build_pipeline
    from marsad.document import Article, Source
    from marsad.evaluate.docscore import score_document
    from marsad.evaluate.gold import load_gold_files
    from marsad.evaluate.scores import PRF

    golds = list(load_gold_files([str(TUNE)]))
    assert len(golds) == 8
    pipe = build_pipeline()
    total = PRF()
    for g in golds:
        doc = pipe.process(Article(text=g.text, id=g.id, source=Source(url=g.id, published=g.published))).document
        assert doc is not None
        for q in (q for q in g.quotes if not q.optional):
            assert any(_spans_match(p.start, p.end, q.start, q.end) for p in doc.quotes), (g.id, q.start)
        for p in doc.quotes:
            assert any(_spans_match(p.start, p.end, q.start, q.end) for q in g.quotes), (g.id, p.text)
        total = total + score_document(g, doc).scores.quotes
    assert total.f1 is not None and total.f1 >= 0.6, total


# -- invariants ------------------------------------------------------------------------------

_PIECES = [
    "«نريد علاقات متوازنة مع جميع الدول»، قال أسعد الشيباني.",
    '"اتفاقنا اليوم بداية لا نهاية"، بحسب يوماكلي.',
    "وقال سيرغي لافروف: «روسيا تحترم خيار الشعب. ومستعدة للمساهمة».",
    "وأضاف: ",
    "«",
    "»، ",
    '"',
    "وجاء في البيان: ",
    "ما وصفه بـ«العدوان»",
    "عملية «الفارس الشهم 3»",
    "وتابع قائلاً: \"المواجهة لم تعد أمنية فقط\".",
    "\n\n",
    "، مضيفاً: ",
    "الجزائر: «لن نسمح بانتهاك أجوائنا»\n",
    "قال",
    " بحسب ما نقلت عنه وكالة الأناضول.",
]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(_PIECES), min_size=1, max_size=10), st.data())
def test_quote_spans_lie_in_the_text_outside_boilerplate_and_never_overlap(parts: list[str], data: st.DataObject) -> None:
    text = "".join(parts)
    cut = data.draw(st.integers(0, len(text)))
    width = data.draw(st.integers(0, 40))
    boiler = [(cut, min(len(text), cut + width))] if width and cut < len(text) else []
    doc = run(text, [SHAIBANI, YUMAKLI, LAVROV, ALGERIA, ANADOLU], boilerplate=boiler)
    spans = sorted((q.start, q.end) for q in doc.quotes)
    for q in doc.quotes:
        assert 0 <= q.start < q.end <= len(text)
        assert text[q.start:q.end] == q.text
        assert not any(a < q.end and q.start < b for a, b in boiler)
    for (_, a1), (b0, _) in zip(spans, spans[1:], strict=False):
        assert a1 <= b0


# -- the quote gold set itself -----------------------------------------------------------------

QUOTES_DEV = TUNE.parent
_QUOTE_GOLD = sorted(QUOTES_DEV.glob("*/*.gold.json"))


def test_quote_set_is_split_by_name_hash() -> None:
    """The 8 names with the lowest SHA-256 are the held half (scored only before and after a change)."""
    import hashlib

    names = sorted((p.name.removesuffix(".gold.json") for p in _QUOTE_GOLD), key=lambda n: hashlib.sha256(n.encode()).hexdigest())
    assert len(names) == 16
    for i, name in enumerate(names):
        half = "held" if i < 8 else "tune"
        assert (QUOTES_DEV / half / f"{name}.gold.json").exists(), name


@pytest.mark.parametrize("path", _QUOTE_GOLD, ids=lambda p: f"{p.parent.name}/{p.name.removesuffix('.gold.json')}")
def test_quote_gold_is_valid_and_what_its_spec_builds(path: Path) -> None:
    import json

    from test_gold_files import _make_gold, validate

    gold = json.loads(path.read_text(encoding="utf-8"))
    text = (path.parent / gold["text_file"]).read_text(encoding="utf-8")
    validate(gold, text)
    assert 60 <= len(text.split()) <= 150
    make_gold = _make_gold()
    spec, spec_text, out = make_gold.load(path.parent / "specs" / f"{gold['id']}.toml")
    assert out == path and out.read_text(encoding="utf-8") == make_gold.render(make_gold.build_gold(spec, spec_text))
