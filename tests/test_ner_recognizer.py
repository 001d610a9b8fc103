"""The shipped Arabic NER model: loading, sensible tags, determinism and a quality gate."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from marsad.entities.features import FeatureExtractor, Lexicons, doc_context, fold, strip_candidates
from marsad.entities.recognizer import TAGS, Recognizer, default_path

# measured: micro F1 of the shipped model (CRF + CNN) on the first 300 sentences of ANERcorp
# test (the CRF alone: 0.724)
GATE_F1 = 0.742


def spans(tags: list[str]) -> list[tuple[int, int, str]]:
    out, start, typ = [], -1, ""
    for i, t in enumerate([*tags, "O"]):
        p, _, ty = t.partition("-")
        begins = p == "B" or (p == "I" and ty != typ)
        if typ and (p == "O" or begins):
            out.append((start, i, typ))
            start, typ = -1, ""
        if begins:
            start, typ = i, ty
    return out


def _read_conll(path: Path) -> list[tuple[list[str], list[str]]]:
    out: list[tuple[list[str], list[str]]] = []
    toks: list[str] = []
    tags: list[str] = []
    for line in [*path.read_text(encoding="utf-8").splitlines(), ""]:
        parts = line.split()
        if len(parts) < 2:
            if toks:
                out.append((toks, tags))
                toks, tags = [], []
            continue
        toks.append(parts[0])
        tags.append(parts[-1].replace("PERS", "PER"))
    return out


@pytest.fixture(scope="module")
def rec() -> Recognizer:
    return Recognizer.load()


def test_loads_from_package_resources(rec: Recognizer) -> None:
    assert Path(rec.folder) == default_path()
    assert (default_path() / "NOTICE").exists()
    assert Recognizer.load() is rec  # cached


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "وقال الرئيس الروسي فلاديمير بوتين في موسكو",
            [("فلاديمير بوتين", "PER"), ("موسكو", "LOC")],
        ),
        (  # 'ظريف' is also an adjective: the CRF alone cut the name to 'محمد جواد'
            "التقى وزير الخارجية الإيراني محمد جواد ظريف نظيره الأمريكي جون كيري في فيينا",
            [("محمد جواد ظريف", "PER"), ("جون كيري", "PER"), ("فيينا", "LOC")],
        ),
        (
            "وأكد الرئيس المصري عبد الفتاح السيسي خلال لقائه في القاهرة وفدا من البنك الدولي",
            [("عبد الفتاح السيسي", "PER"), ("القاهرة", "LOC"), ("البنك الدولي", "ORG")],
        ),
        (
            "أعلنت الأمم المتحدة أن المساعدات وصلت إلى سوريا",
            [("الأمم المتحدة", "ORG"), ("سوريا", "LOC")],
        ),
        (
            "وصل رئيس الوزراء البريطاني ديفيد كاميرون إلى بغداد",
            [("ديفيد كاميرون", "PER"), ("بغداد", "LOC")],
        ),
        ("ذكرت وكالة رويترز أن الاشتباكات تجددت في ليبيا", [("رويترز", "ORG"), ("ليبيا", "LOC")]),
    ],
)
def test_tags_sensible_sentences(
    rec: Recognizer, sentence: str, expected: list[tuple[str, str]]
) -> None:
    toks = sentence.split()
    tags = rec.tag([toks])[0]
    assert len(tags) == len(toks)
    assert set(tags) <= set(TAGS)
    found = {(" ".join(toks[s:e]), t) for s, e, t in spans(tags)}
    for item in expected:
        assert item in found, (item, list(zip(toks, tags, strict=True)))


def test_scores_are_marginals_and_match_tags(rec: Recognizer) -> None:
    sents = [["وقال", "الرئيس", "الروسي", "فلاديمير", "بوتين", "في", "موسكو"], [], ["شكرا"]]
    scored = rec.tag_with_scores(sents)
    assert [[t for t, _ in s] for s in scored] == rec.tag(sents)
    assert all(0.0 <= p <= 1.0 for s in scored for _, p in s)
    assert scored[1] == []


def test_deterministic(rec: Recognizer) -> None:
    sents = [["وأعلن", "الرئيس", "الأمريكي", "باراك", "أوباما", "في", "واشنطن"]] * 3
    a = rec.tag_with_scores(sents)
    b = Recognizer(default_path()).tag_with_scores(sents)
    assert a == b
    assert a[0] == a[1] == a[2]


@pytest.mark.parametrize(
    ("word", "folded"),
    [
        ("أحمدي‌نژاد", "احمدينزاد"),
        ("مُحَمَّد", "محمد"),
        ("فاطمة", "فاطمه"),
        ("مصطفى", "مصطفي"),
        ("٢٠١٥", "0000"),
        ("پوتین", "بوتين"),
        ("NATO", "nato"),
    ],
)
def test_fold(word: str, folded: str) -> None:
    assert fold(word) == folded


def test_proclitic_readings() -> None:
    assert ("و", "روسيا") in strip_candidates("وروسيا")
    assert ("ل", "العراق") in strip_candidates("للعراق")
    assert ("وب", "غداد") in strip_candidates("وبغداد")
    assert strip_candidates("في") == [("", "في")]
    fx = FeatureExtractor(Lexicons.load(default_path()))
    assert fx.keys(["وروسيا", "لإيران", "بوتين"]) == ["روسيا", "ايران", "بوتين"]


def test_doc_context_uses_other_sentences_only() -> None:
    keys = [["فلاديمير", "بوتين"], ["قال", "بوتين"], ["قال", "زيد"]]
    tags = [["B-PER", "I-PER"], ["O", "O"], ["O", "O"]]
    ctx = doc_context(keys, tags, window=1)
    assert "dc=PER" in ctx[1][1]  # the repeat learns from the full name
    assert ctx[0][0] == []  # nothing else said about it
    assert ctx[2][1] == []
    assert doc_context(keys, tags, window=0)[1][1] == []  # only itself in reach
    # another occurrence, tagged O by stage one
    assert doc_context([["زيد", "قال", "زيد"]], [["O", "O", "O"]], window=0)[0][0] == ["dc=O"]
    # the majority type wins; "hi" when entity readings are at least as many as O readings
    ctx = doc_context(
        [["عمان"], ["عمان"], ["عمان"], ["عمان"]], [["B-LOC"], ["B-LOC"], ["B-PER"], ["O"]], 3
    )
    assert ctx[3][0] == ["dc=LOC", "dc=LOC:hi"]
    assert ctx[2][0] == ["dc=LOC", "dc=LOC:hi"]  # its own PER reading does not count


@pytest.mark.corpus
def test_quality_gate_anercorp_test_head(data_dir: Path, rec: Recognizer) -> None:
    sents = _read_conll(data_dir / "anercorp" / "ANERCorp_CamelLab_test.txt")[:300]
    pred = rec.tag([t for t, _ in sents])
    tp = ng = np_ = 0
    for (_, gold), p in zip(sents, pred, strict=True):
        g, q = set(spans(gold)), set(spans(p))
        tp, ng, np_ = tp + len(g & q), ng + len(g), np_ + len(q)
    prec, recall = tp / np_, tp / ng
    f1 = 2 * prec * recall / (prec + recall)
    assert f1 >= GATE_F1 - 0.02, f"micro F1 {f1:.4f} (P {prec:.4f} R {recall:.4f})"


def test_batched_viterbi_equals_per_sentence(rec: Recognizer) -> None:
    rng = np.random.default_rng(7)
    crf = rec.final
    emits = [rng.normal(size=(n, len(crf.labels))) * 3 for n in (1, 2, 5, 5, 17, 40, 3, 1)]
    assert crf.viterbi_many(emits) == [crf.viterbi(e) for e in emits]
    marg = crf.marginals(emits[4])
    assert np.allclose(marg.sum(1), 1.0)


_ARABIC_WORD = st.text(alphabet="ابتثجحخدذرزسشصضطظعغفقكلمنهويءأإآةى", min_size=1, max_size=9)


@settings(max_examples=40, deadline=None)
@given(
    st.lists(
        st.lists(
            st.one_of(_ARABIC_WORD, st.sampled_from(["،", ".", "(", "2015", "NATO"])), max_size=25
        ),
        max_size=6,
    )
)
def test_any_tokens_get_one_valid_tag_each(sentences: list[list[str]]) -> None:
    rec = Recognizer.load()
    tags = rec.tag(sentences)
    assert [len(t) for t in tags] == [len(s) for s in sentences]
    assert all(t in TAGS for s in tags for t in s)
