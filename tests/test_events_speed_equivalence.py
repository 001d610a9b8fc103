"""The events step's fast paths give exactly what the plain code gives (issues 6 and 7).

Each index, cache or shortcut the step takes is checked here against the plain computation it
replaces: the readings of a word against the original implementation, the lexicon index
against a scan of every row, the one-lookup-per-token document pass against looking each
sentence up again, the preposition reader against its original, and the text shortcuts
against the definitions they rely on.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from events_support import make_doc
from marsad.events import arguments as A
from marsad.events import lexical_tokens as LT
from marsad.events.lexical_tokens import lexical_tokens
from marsad.events.lexicon import load_lexicon
from marsad.events.quotes import cue_word, is_cue
from marsad.events.reader import DocumentReader
from marsad.events.triggers import (
    _SUFFIXES,
    _starts,
    document_tokens,
    find_matches,
    reading_rows,
    readings,
    token_facts,
    token_starts,
)
from marsad.normalize import match_key

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
LEX = load_lexicon()
# every form a pattern's first word can take, and a few words no pattern has
FORMS = sorted({k for e in LEX.entries for k in e.elements[0].verb | e.elements[0].noun})
PREFIXES = ("", "و", "ف", "ب", "ل", "ك", "ال", "لل", "وال", "بال", "س", "وس", "ول", "فل", "ولل")
ENDINGS = ("", "ه", "ها", "هم", "هما", "نا", "كم", "هن", "كما", "ة", "ا", "ت", "وا", "ي")
LETTERS = "ابتثجحخدذرزسشصضطظعغفقكلمنهويءأإآؤئةى"


# ------------------------------------------------------------------------------------------
# readings: the original implementation, kept as the oracle
# ------------------------------------------------------------------------------------------


def _old_suffix_variants(stem: str, teh: bool = False) -> list[str]:
    out = [stem]
    for s in _SUFFIXES:
        if teh and s == "ه":
            continue
        if stem.endswith(s) and len(stem) - len(s) >= 2:
            base = stem[: -len(s)]
            out.append(base)
            if base.endswith("ت"):
                out.append(base[:-1] + "ه")
            elif base.endswith("و"):
                out.append(base + "ا")
            if base.endswith(("ي", "و")):
                out.append(base[:-1] + "ء")
    return out


def _old_readings(key: str, teh: bool = False) -> list[tuple[str, bool, bool, bool, bool]]:
    """``triggers.readings`` before this work (with a closure and a dataclass per reading)."""
    out: list[tuple[str, bool, bool, bool, bool]] = []
    seen: set[tuple[str, bool, bool]] = set()

    def add(stem: str, verb: bool, noun: bool, future: bool = False, marked: bool = False) -> None:
        for s in _old_suffix_variants(stem, teh):
            k = (s, verb, noun)
            if len(s) >= 2 and k not in seen:
                seen.add(k)
                out.append((s, verb, noun, future, marked))
        if noun and len(stem) > 3 and stem.endswith("ا"):
            s = stem[:-1]
            if (s, False, True) not in seen:
                seen.add((s, False, True))
                out.append((s, False, True, False, marked))

    bases = [key]
    if len(key) > 3 and key[0] in "وف":
        bases.append(key[1:])
    elif len(key) == 3 and key[0] in "وف":
        add(key[1:], True, False)
    for r in bases:
        add(r, True, True)
        if len(r) > 3 and r[0] == "س" and r[1] in "يتن":
            add(r[1:], True, False, future=True)
        if len(r) > 3 and r[0] == "ل" and r[1] in "يتن":
            add(r[1:], True, False)
        nouns: list[str] = []
        if len(r) > 3 and r[0] in "بلك":
            nouns.append(r[1:])
            if r.startswith("لل"):
                nouns.append("ال" + r[2:])
        for n in [r, *nouns]:
            if n.startswith("ال") and len(n) > 3:
                nouns.append(n[2:])
        for n in nouns:
            add(n, False, True, marked=True)
    return out


_WORDS = st.builds(
    lambda p, f, e: match_key(p + f + e), st.sampled_from(PREFIXES), st.sampled_from(FORMS), st.sampled_from(ENDINGS)
)
_NOISE = st.text(alphabet=LETTERS, min_size=0, max_size=9).map(match_key)


@settings(max_examples=300, deadline=None)
@given(st.one_of(_WORDS, _NOISE), st.booleans())
def test_reading_rows_equal_the_original_readings(key: str, teh: bool) -> None:
    rows = reading_rows.__wrapped__(key, teh)  # type: ignore[attr-defined]
    assert list(rows) == _old_readings(key, teh)
    assert [tuple(r) for r in readings(key, teh)] == list(rows)
    assert [r.stem for r in readings(key, teh)] == [row[0] for row in rows]


@pytest.mark.parametrize(
    ("word", "stem", "future", "marked"),
    [("وسيزور", "يزور", True, False), ("لزيارته", "زياره", False, True), ("بلقائه", "لقاء", False, True),
     ("استقبلوه", "استقبلوا", False, False), ("للاتفاق", "اتفاق", False, True), ("اتصالا", "اتصال", False, False)],
)
def test_known_readings(word: str, stem: str, future: bool, marked: bool) -> None:
    rows = [r for r in reading_rows(match_key(word)) if r[0] == match_key(stem)]
    assert rows and rows[0][3] == future and rows[0][4] == marked


# ------------------------------------------------------------------------------------------
# the lexicon index against a scan of every row
# ------------------------------------------------------------------------------------------


def _scan_starts(key: str, teh: bool, noun_only: bool, hamza: bool) -> list[tuple[str, tuple]]:
    """The entries a word begins, found by reading every lexicon row (no index, no cache)."""
    out: list[tuple[str, tuple]] = []
    tried: set[int] = set()
    for stem, verb, noun, future, marked in _old_readings(key, teh):
        pools = []
        if verb and not noun_only:
            pools.append([e for e in LEX.entries if stem in e.elements[0].verb])
        if noun:
            pools.append([e for e in LEX.entries if stem in e.elements[0].noun])
        for pool in pools:
            for entry in pool:
                first = entry.elements[0]
                if id(entry) in tried or (stem in first.hamza and not hamza) or (marked and "participle" in entry.flags):
                    continue
                tried.add(id(entry))
                out.append((entry.source, (stem, verb, noun, future, marked)))
    return out


@settings(max_examples=150, deadline=None)
@given(st.one_of(_WORDS, _NOISE), st.booleans(), st.booleans(), st.booleans())
def test_indexed_starts_equal_a_scan_of_every_row(key: str, teh: bool, noun_only: bool, hamza: bool) -> None:
    got = [(e.source, tuple(r)) for e, r in _starts(LEX, key, teh, noun_only, hamza)]
    assert got == _scan_starts(key, teh, noun_only, hamza)
    again = [(e.source, tuple(r)) for e, r in _starts(LEX, key, teh, noun_only, hamza)]  # from the cache
    assert again == got


def test_entry_and_match_fields_read_once_equal_their_definitions() -> None:
    for e in LEX.entries:
        assert e.verbal == bool(e.elements and e.elements[0].verb)
        assert e.literal_count == sum(1 for el in e.elements if not el.is_gap and not el.optional)
    doc = make_doc("وأدان الوزير الهجوم واستقبل الرئيس وفداً وأجرى اتصالاً هاتفياً مع نظيره.")
    toks = document_tokens(doc)
    ms = find_matches(toks, LEX)
    assert ms
    for m in ms:
        assert m.verbal == (m.entry.verbal and not m.head_reading.marked_noun and m.head_reading.verb)


# ------------------------------------------------------------------------------------------
# one lookup per token against looking each sentence up again
# ------------------------------------------------------------------------------------------

_SENTENCE_WORDS = st.lists(
    st.one_of(
        st.builds(lambda p, f, e: p + f + e, st.sampled_from(("", "و", "ف", "ب", "ال")), st.sampled_from(FORMS),
                  st.sampled_from(("", "ه", "ها", "ا"))),
        st.sampled_from(("قال", "وأضاف", ":", "«", "»", "،", "إن", "أن", "مشيراً", "الوزير", "في", "غزة", ".", "اليوم")),
    ),
    min_size=1,
    max_size=40,
)


def _assert_paths_agree(doc) -> None:  # noqa: ANN001
    tokens = document_tokens(doc)
    toks, heads, cues = lexical_tokens(doc, LEX)
    assert toks == tokens
    assert heads == {k: s for k, t in enumerate(tokens) if (s := token_starts(LEX, t))}
    assert cues == [k for k, t in enumerate(tokens) if is_cue(t.key)]
    assert all(cue_word(t.key) == is_cue(t.key) for t in tokens)
    fast = DocumentReader(doc, LEX).read()
    plain = DocumentReader(doc, LEX, document_tokens(doc)).read()
    assert [e.to_dict() for e in fast[0]] == [e.to_dict() for e in plain[0]]
    assert [q.to_dict() for q in fast[1]] == [q.to_dict() for q in plain[1]]


@settings(max_examples=40, deadline=None)
@given(st.lists(_SENTENCE_WORDS, min_size=1, max_size=4), st.data())
def test_document_pass_equals_sentence_lookups(sentences: list[list[str]], data: st.DataObject) -> None:
    text = "\n".join(" ".join(words) for words in sentences)
    n = len(text)
    spans = data.draw(st.lists(st.tuples(st.integers(0, n), st.integers(0, 40)), max_size=2))
    doc = make_doc(text, [("الوزير", "minister", "PER", "ISR", "ISRGOV"), ("غزة", "gaza", "GPE", "PSE", None)],
                   boilerplate=[(a, min(n, a + k)) for a, k in spans])
    _assert_paths_agree(doc)


@pytest.mark.parametrize("name", sorted(p.name for p in EXAMPLES.glob("*.txt")))
def test_document_pass_equals_sentence_lookups_on_the_examples(name: str) -> None:
    text = (EXAMPLES / name).read_text("utf-8")
    doc = make_doc(text, [("إسرائيل", "israel", "GPE", "ISR", "ISR"), ("الاحتلال", "occ", "ORG", "ISR", "ISRMIL")],
                   boilerplate=[(len(text) // 2, len(text) // 2 + 80)])
    _assert_paths_agree(doc)


def test_the_word_table_refills_when_full(monkeypatch: pytest.MonkeyPatch) -> None:
    doc = make_doc((EXAMPLES / "wafa-ar-2024-03-19-jenin-arrests.txt").read_text("utf-8"))
    want = lexical_tokens(doc, LEX)
    monkeypatch.setattr(LT, "_WORDS_LIMIT", 5)
    LEX.words.clear()
    assert lexical_tokens(doc, LEX) == want
    assert len(LEX.words) <= 5
    LEX.words.clear()


def test_a_norm_that_differs_is_read_again() -> None:
    doc = make_doc("أدان الوزير الهجوم.")
    lexical_tokens(doc, LEX)
    surface = doc.text[doc.tokens[0].start:doc.tokens[0].end]
    stale = LEX.words[surface]
    LEX.words[surface] = ("not-the-norm", stale[1], (), False)  # as if another segmenter had keyed it
    toks, heads, _ = lexical_tokens(doc, LEX)
    assert toks == document_tokens(doc) and 0 in heads
    LEX.words.pop(surface, None)


@settings(max_examples=60, deadline=None)
@given(st.data())
def test_sentence_slices_equal_the_filtered_tokens(data: st.DataObject) -> None:
    text = "أدان الوزير الهجوم على غزة. وقال: «إن الاحتلال يواصل عدوانه». وأضاف أن الوفد وصل اليوم."
    n = len(text)
    spans = data.draw(st.lists(st.tuples(st.integers(0, n), st.integers(0, 30)), max_size=3))
    doc = make_doc(text, boilerplate=[(a, min(n, a + k)) for a, k in spans])
    reader = DocumentReader(doc, LEX)
    toks = reader.tokens
    assert reader._tok_boiler in (None, [doc.in_boilerplate(t.start, t.end) for t in toks])
    for _ in range(10):
        a = data.draw(st.integers(0, n))
        b = data.draw(st.integers(a, n))
        plain = [t for t in toks if a <= t.start < b and t.end <= b and not doc.in_boilerplate(t.start, t.end)]
        assert reader._sentence_tokens(a, b) == plain
        got, heads, cues = reader._sentence_words(a, b)
        assert got == plain
        if heads is not None:
            assert heads == [(i, s) for i, t in enumerate(plain) if (s := token_starts(LEX, t))]
            assert cues == [i for i, t in enumerate(plain) if is_cue(t.key)]


def test_boilerplate_flags_equal_the_document_test() -> None:
    text = "قال الوزير إن الجيش قصف المدينة. اقرأ أيضا: الرئيس يزور القاهرة. المصدر: وكالات"
    doc = make_doc(text, boilerplate=[(text.index("اقرأ"), text.index("المصدر") - 1), (text.index("المصدر"), len(text))])
    reader = DocumentReader(doc, LEX)
    assert reader._tok_boiler == [doc.in_boilerplate(t.start, t.end) for t in reader.tokens]
    assert any(reader._tok_boiler)


# ------------------------------------------------------------------------------------------
# argument shortcuts
# ------------------------------------------------------------------------------------------


def _old_prep_at(text: str, start: int, floor: int) -> str | None:
    """``arguments.prep_of`` read the plain way (every word before the mention read first),
    with the rules added since (attribution "وفقاً ل", pair words, a clitic on the title)."""
    ws = start
    while ws > floor and not text[ws - 1].isspace() and text[ws - 1] not in '"«“(،,':
        ws -= 1
    pro = match_key(text[ws:start])
    if pro[:1] in ("و", "ف"):
        pro = pro[1:]
    if pro in ("ب", "ل", "ك", "لل", "بال", "لل"):
        if pro[0] == "ل":
            prev = A._W.findall(text, max(floor, ws - 14), ws)
            if prev and A._bare(A.word_key(prev[-1])) in A._ATTRIBUTION:
                return "وفق"
        return pro[0]
    if pro:
        return pro
    all_before = [A._bare(k) for k in A._keys(text[max(floor, start - 60):ws])]
    before = list(all_before)
    while len(before) > 1 and (before[-1] in A._TITLES or A.nationality(before[-1]) or before[-1] in A.PAIR_WORDS):
        before.pop()
    if not before:
        return None
    last = before[-1]
    if len(before) < len(all_before) and len(last) > 3 and last[0] in "بل" and (
        last[1:] in A._TITLES or (last.startswith("لل") and "ال" + last[2:] in A._TITLES)
    ):
        return last[0]
    if last in A._PLACE_NOUNS and len(before) > 1:
        last = A._bare(before[-2]) if before[-2] not in A._PLACE_NOUNS else (
            A._bare(before[-3]) if len(before) > 2 else last
        )
        if last.startswith("ب") and len(last) > 2 and last[1:] in A._PLACE_NOUNS:
            return "في"
    if last in ("يد", "ايدي") and len(before) > 1 and before[-2] in ("علي",):
        return A.AGENT
    if last == "قبل" and len(before) > 1 and before[-2] == "من":
        return A.AGENT
    if last[:1] == "ب" and last[1:].removeprefix("ال") in A._AGENT_NOUNS:
        return A.AGENT
    if last.removeprefix("ال") in A._AGENT_NOUNS and len(before) > 1 and A._bare(before[-2]) in A._CAUSES:
        return A.AGENT
    if last in A._PREPS:
        return last
    if last.startswith("ب") and last[1:] in A._PLACE_NOUNS:
        return "في"
    return None


_PREP_WORDS = st.sampled_from(
    ("من", "قبل", "على", "يد", "أيدي", "برصاص", "جراء", "قصف", "الرئيس", "الفرنسي", "وزير", "الخارجية", "في",
     "مدينة", "بمدينة", "إلى", "مع", "لدى", "و", "الإسرائيلي", "بين", "ماكرون", "،", "«", "(", "غزة", "لغزة",
     "شمال", "قطاع", "محيط", "جنوب", "بقطاع", "ضد")
)


@settings(max_examples=400, deadline=None)
@given(st.lists(_PREP_WORDS, min_size=1, max_size=25), st.data())
def test_prep_reads_the_same_as_the_original(words: list[str], data: st.DataObject) -> None:
    """"في شمال قطاع غزة": the words are read from the end, as few as the rules need."""
    text = " ".join(words)
    starts = [m.start() for m in re.finditer(r"\S+", text)]
    start = data.draw(st.sampled_from(starts))
    start += data.draw(st.integers(0, 2)) if start + 2 < len(text) else 0
    floor = data.draw(st.integers(0, start))
    assert A._prep_at(text, start, floor) == _old_prep_at(text, start, floor)


@pytest.mark.parametrize(
    ("text", "prep"),
    [("وصل الوفد إلى شمال قطاع غزة", "الي"), ("قتل برصاص قوات الاحتلال", None), ("على يد الاحتلال", "agent"),
     ("من قبل الاحتلال", "agent"), ("التقى مع الرئيس الفرنسي ماكرون", "مع"), ("بمدينة غزة", "في"),
     ("جراء قصف الاحتلال", "agent"), ("في محيط مدينة غزة", "في")],
)
def test_prep_of_known_phrases(text: str, prep: str | None) -> None:
    start = text.rindex(" ") + 1  # the mention is the last word
    assert A._prep_at(text, start, 0) == _old_prep_at(text, start, 0) == prep


_TEXT = st.text(alphabet=LETTERS + "ًٌٍَُِّْـ 0123،.:«»-", min_size=0, max_size=80)


@settings(max_examples=200, deadline=None)
@given(_TEXT)
def test_long_word_pattern_finds_the_long_words(text: str) -> None:
    assert [m.span() for m in A._W4.finditer(text)] == [m.span() for m in A._W.finditer(text) if m.end() - m.start() >= 4]


@settings(max_examples=200, deadline=None)
@given(_TEXT)
def test_the_key_of_a_text_holds_the_key_of_each_word(text: str) -> None:
    """What ``ArgumentFinder.group_subject`` relies on to skip a clause with no group head."""
    folded = match_key(text)
    assert all(match_key(w) in folded for w in A._W.findall(text))


@settings(max_examples=100, deadline=None)
@given(_TEXT)
def test_fillers_read_lazily_equal_reading_every_word(text: str) -> None:
    for titles in (False, True):
        keys = A._keys(text)
        plain = all(
            k in A._FILLERS or k.isdigit() or (titles and (
                k in A._TITLES or A._bare(k) in A._TITLES or A.nationality(k) or k in A._CROWDS
                or A._definite_free(A._bare(k)) in A._FORCES))
            for k in keys
        )
        assert bool(A.fillers_only(text, titles)) == bool(plain)


def test_token_facts_cache_and_plain_agree() -> None:
    for w in ("وإدانتها", "هنأ", "الوزارة", "،", "2024", "لقائه"):
        assert token_facts(w, "") == token_facts.__wrapped__(w, "")  # type: ignore[attr-defined]
