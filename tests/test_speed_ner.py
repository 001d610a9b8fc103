"""The recognizer's and segmenter's fast paths give exactly what the plain code gives.

Each fast path is checked against a plain reference written out here: the string-feature CRF
emissions, the per-sentence Viterbi, the Python document-context counts, the regex sentence-end
test and the proclitic-reading loop that they replace.
"""

from __future__ import annotations

import gc
import re
from bisect import bisect_left, bisect_right

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from marsad.clitics import CONJ, FUTURE, PREP, PREP_PHRASES, SUFFIXES, _phrase_split, _prefixes
from marsad.entities.features import OFFSETS, FeatureExtractor, Lexicons, doc_context
from marsad.entities.recognizer import WINDOW, LinearCRF, Recognizer, default_path
from marsad.segment import _ABBREVIATIONS, _CLOSERS, _LONE_LETTER, _ends_sentence, sentences

# A real news text (SPA style), several sentences so that document context has something to see.
ARTICLE = [
    "استقبل خادم الحرمين الشريفين الملك سلمان بن عبدالعزيز آل سعود في الرياض اليوم وزير الخارجية الأمريكي .",
    "وبحث الملك سلمان مع الوزير الأمريكي العلاقات الثنائية بين المملكة العربية السعودية والولايات المتحدة .",
    "وحضر الاستقبال صاحب السمو الملكي الأمير محمد بن سلمان ولي العهد ووزير الدفاع .",
    "من جهته أكد بلينكن أن واشنطن تدعم أمن المملكة .",
    "وكانت وكالة الأنباء السعودية ( واس ) قد ذكرت أن سلمان التقى أيضا الأمين العام للأمم المتحدة في جدة .",
    "",
    "وأعلنت وزارة الداخلية القبض على 12 شخصا في منطقة القصيم .",
]


@pytest.fixture(scope="module")
def crf_only() -> Recognizer:
    return Recognizer(default_path(), neural=False)


def _plain_emissions(rec: Recognizer, sentences: list[list[str]]) -> list[np.ndarray]:
    """The final CRF's emissions from CRFsuite feature names, as training sees them."""
    fx = FeatureExtractor(rec.features.lex)
    feats = [fx.sentence(s) for s in sentences]

    def stage(crf: LinearCRF, extra: list[list[list[str]]] | None) -> list[np.ndarray]:
        out = []
        for k, fs in enumerate(feats):
            e = np.stack([crf.score(f) for f in fs])
            if extra is not None:
                crf.add_features(e, extra[k])
            out.append(e)
        return out

    assert rec.first is not None
    tags1 = rec.first.viterbi_many(stage(rec.first, None))
    ctx = doc_context([fx.keys(s) for s in sentences], tags1, WINDOW)
    return stage(rec.final, ctx)


def test_emissions_equal_feature_name_scoring(crf_only: Recognizer) -> None:
    sents = [s.split() for s in ARTICLE if s]
    fast = crf_only._final_emissions(sents)
    plain = _plain_emissions(crf_only, sents)
    assert [e.shape for e in fast] == [e.shape for e in plain]
    for a, b in zip(fast, plain, strict=True):
        assert np.allclose(a, b, rtol=0, atol=1e-9)  # the same weights, summed in another order
    assert crf_only.final.viterbi_many(fast) == crf_only.final.viterbi_many(plain)


def test_word_table_survives_clearing(crf_only: Recognizer) -> None:
    """Results do not depend on what the word table held before, nor on it being emptied."""
    sents = [s.split() for s in ARTICLE]
    before = crf_only.tag_with_scores(sents)
    fresh = Recognizer(default_path(), neural=False)
    fresh.cache_size = 8  # smaller than one article: cleared on every call
    assert fresh.tag_with_scores(sents) == before
    assert fresh.tag_with_scores(list(reversed(sents)))[::-1] == crf_only.tag_with_scores(sents[::-1])[::-1]


def test_word_cache_holds_nothing_the_collector_walks(crf_only: Recognizer) -> None:
    crf_only.tag([s.split() for s in ARTICLE])
    gc.collect()
    assert not crf_only._fresh
    assert not any(gc.is_tracked(k) for k in crf_only._keyed)
    lex = crf_only.features.lex
    assert all(isinstance(v, tuple) and list(v) == sorted(v) for v in list(lex.units.values())[:500])
    assert not any(gc.is_tracked(v) for v in list(lex.pairs.values())[:500])


# -- Viterbi ------------------------------------------------------------------------------------


def _viterbi_one(emit: np.ndarray, trans: np.ndarray) -> list[int]:
    n, m = emit.shape
    back = np.zeros((n, m), dtype=np.int64)
    delta = emit[0]
    for i in range(1, n):
        s = delta[:, None] + trans
        back[i] = s.argmax(0)
        delta = s.max(0) + emit[i]
    best = [int(delta.argmax())]
    for i in range(n - 1, 0, -1):
        best.append(int(back[i, best[-1]]))
    return best[::-1]


@settings(max_examples=60, deadline=None)
@given(
    st.lists(st.integers(0, 45), min_size=1, max_size=9),
    st.integers(0, 2**31 - 1),
    st.booleans(),
)
def test_batched_viterbi_equals_one_sentence_at_a_time(lens: list[int], seed: int, ties: bool) -> None:
    rng = np.random.default_rng(seed)
    m = 9
    # small integers make equal scores common: the first best label must win, as argmax gives
    draw = (lambda *s: rng.integers(-2, 3, size=s).astype(float)) if ties else (lambda *s: rng.normal(size=s))
    trans = draw(m, m)
    crf = LinearCRF([f"L{i}" for i in range(m)], [], np.zeros((0, m)), trans)
    emits = [draw(n, m) for n in lens]
    got = crf.paths(emits)
    for e, p in zip(emits, got, strict=True):
        assert p.tolist() == (_viterbi_one(e, trans) if len(e) else [])


# -- document context ---------------------------------------------------------------------------


def _doc_context_plain(keys, tags, window):  # type: ignore[no-untyped-def]
    """The per-word prefix-sum version that context_readings replaced."""
    types = {"PER": 0, "ORG": 1, "LOC": 2, "MISC": 3}
    names = ("PER", "ORG", "LOC", "MISC")
    occ: dict[str, tuple[list[int], list[int]]] = {}
    codes = []
    for s, (ks, ts) in enumerate(zip(keys, tags, strict=True)):
        row = []
        for k, t in zip(ks, ts, strict=True):
            code = types[t[2:]] if t != "O" else 4
            row.append(code)
            sents, cs = occ.setdefault(k, ([], []))
            sents.append(s)
            cs.append(code)
        codes.append(row)
    out = []
    for s, ks in enumerate(keys):
        feats = []
        for k, code in zip(ks, codes[s], strict=True):
            sents, cs = occ[k]
            lo, hi = bisect_left(sents, s - window), bisect_right(sents, s + window)
            tot = [0] * 5
            for c in cs[lo:hi]:
                tot[c] += 1
            tot[code] -= 1
            ent = sum(tot[:4])
            if ent:
                best = max(range(4), key=tot.__getitem__)
                share = "hi" if ent >= tot[4] else "lo"
                feats.append(["dc=" + names[best], f"dc={names[best]}:{share}"])
            elif tot[4]:
                feats.append(["dc=O"])
            else:
                feats.append([])
        out.append(feats)
    return out


_TAG = st.sampled_from(["O", "O", "O", "B-PER", "I-PER", "B-ORG", "B-LOC", "I-LOC", "B-MISC"])


@settings(max_examples=80, deadline=None)
@given(
    st.lists(st.lists(st.tuples(st.sampled_from(["بوتين", "موسكو", "قال", "زيد", "عمان"]), _TAG), max_size=6), max_size=12),
    st.integers(0, 4),
)
def test_doc_context_equals_plain_counts(sents: list[list[tuple[str, str]]], window: int) -> None:
    keys = [[k for k, _ in s] for s in sents]
    tags = [[t for _, t in s] for s in sents]
    assert doc_context(keys, tags, window) == _doc_context_plain(keys, tags, window)


# -- sentence ends and proclitic readings -------------------------------------------------------


def _ends_sentence_regex(line: str, start: int, end: int) -> bool:
    """The sentence-end test as it was, searching the whole line before the period."""
    run = line[start:end]
    after = line[end : end + 1]
    if after and not after.isspace() and (run[0] == "." or after.isascii()):
        return False
    if run[0] != "." or len(run.rstrip(_CLOSERS)) > 1:
        return True
    before = line[:start]
    word = re.search(r"[^\s.]*$", before)
    w = word.group() if word else ""
    if _LONE_LETTER.search(before) and w:
        return False
    return w.lower() not in _ABBREVIATIONS


_LINE = st.text(alphabet="دأمـ .(«\"/ab\u00a0\u2003Drحل", max_size=14)


@settings(max_examples=300, deadline=None)
@given(_LINE, st.sampled_from([".", "..", ".»", "!", "؟"]), _LINE)
def test_sentence_end_equals_whole_line_search(before: str, run: str, after: str) -> None:
    line = before + run + after
    assert _ends_sentence(line, len(before), len(before) + len(run)) == _ends_sentence_regex(
        line, len(before), len(before) + len(run)
    )


def test_abbreviations_and_tatweel_stay_inside_sentences() -> None:
    text = "قال د. محمد إن السعر 3.5 دولار. وأضاف م.ـ علي أن Dr. Smith وصل. ثم انتهى"
    assert [text[s.start : s.end] for s in sentences(text)] == [
        "قال د. محمد إن السعر 3.5 دولار.",
        "وأضاف م.ـ علي أن Dr. Smith وصل.",
        "ثم انتهى",
    ]


def _prefixes_plain(key: str) -> list[tuple[str, tuple[int, ...], int]]:
    prefixes: list[tuple[str, tuple[int, ...], int]] = [("", (), 0)]
    for conj in ("", *CONJ):
        if conj and not key.startswith(conj):
            continue
        i = len(conj)
        for prep in ("", *PREP, FUTURE):
            if prep and not key.startswith(prep, i):
                continue
            j = i + len(prep)
            if not conj and not prep:
                continue
            cuts = tuple(c for c in (i if conj else 0, j if prep else 0) if c > 0)
            prefixes.append((conj + prep, tuple(sorted(set(cuts))), j))
    return prefixes


_ARABIC = "ابتجدرسعفكلمنهوية"


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=_ARABIC, min_size=1, max_size=8))
def test_proclitic_readings_depend_on_two_letters(key: str) -> None:
    assert list(_prefixes(key[:2])) == _prefixes_plain(key)


def _phrase_split_plain(key: str) -> tuple[int, ...] | None:
    """``_phrase_split`` without its first-letters check."""
    for conj in ("", *CONJ):
        if not key.startswith(conj):
            continue
        rest = key[len(conj) :]
        if len(rest) < 3:
            continue
        body = rest[1:]
        for suf in ("", *SUFFIXES):
            if suf and (not body.endswith(suf) or suf == "ي"):
                continue
            stem = body[: len(body) - len(suf)]
            if suf and stem.endswith("ت"):
                stem = stem[:-1] + "ة"
            if (rest[0], stem) in PREP_PHRASES:
                cuts = (*((1,) if conj else ()), len(conj) + 1)
                return cuts + ((len(key) - len(suf),) if suf else ())
    return None


_PHRASE_KEYS = sorted(c + p + s + x for p, s in PREP_PHRASES for c in ("", "و", "ف") for x in ("", "ه", "ها"))


@settings(max_examples=200, deadline=None)
@given(st.one_of(st.sampled_from(_PHRASE_KEYS), st.text(alphabet=_ARABIC + "ةى", min_size=1, max_size=8)))
def test_compound_preposition_check_is_only_a_shortcut(key: str) -> None:
    assert _phrase_split(key) == _phrase_split_plain(key)


def test_compound_prepositions_still_split() -> None:
    assert sum(_phrase_split(k) is not None for k in _PHRASE_KEYS) >= len(PREP_PHRASES)


def test_offsets_cover_the_context_parts() -> None:
    fx = FeatureExtractor(Lexicons.load(default_path()))
    wd = fx.word("وبوتين", cache=False)
    assert sorted(wd.ctx) == sorted(OFFSETS)
    assert wd.key == "بوتين"


def test_empty_sentences_change_nothing(crf_only: Recognizer) -> None:
    sents = [s.split() for s in ARTICLE if s]
    with_empty = [[], *sents[:2], [], *sents[2:], []]
    emits = crf_only._stages(with_empty, strings=False)[0]
    kept = [e for e, s in zip(emits, with_empty, strict=True) if s]
    for a, b in zip(kept, crf_only._final_emissions(sents), strict=True):
        assert np.array_equal(a, b)
