"""CoNLL-U segmentation scoring: gold words and clitic boundaries on the raw text."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from marsad.document import Document, Token
from marsad.evaluate.conllu import evaluate_conllu, parse_sentence, read_conllu, score_segmentation


def row(wid: str, form: str, space: bool = True) -> str:
    return "\t".join(
        [wid, form, "_", "X", "_", "_", "0", "dep", "_", "_" if space else "SpaceAfter=No"]
    )


# PADT style: multiword tokens whose words do not always spell the surface
MWT = [
    "# sent_id = mwt-1",
    "# text = وبالمدينة قال للسلطة عليه.",
    row("1-3", "وبالمدينة"),
    row("1", "و"),
    row("2", "ب"),
    row("3", "المدينة"),
    row("4", "قال"),
    row("5-6", "للسلطة"),
    row("5", "ل"),
    row("6", "السلطة"),  # ل + السلطة → للسلطة
    row("7-8", "عليه", space=False),
    row("7", "على"),
    row("8", "ه"),  # على + ه → عليه
    row("9", "."),
]
# PUD style: no range lines, clitics glued with SpaceAfter=No
PUD = [
    "# sent_id = pud-1",
    "# text = نشرتها لأوباما, أمس.",
    row("1", "نشرت", False),
    row("2", "ها"),
    row("3", "ل", False),
    row("4", "أوباما", False),
    row("5", ","),
    row("6", "أمس", False),
    row("7", "."),
]


def spans(text: str, pieces: list[str]) -> list[tuple[int, int]]:
    out, pos = [], 0
    for p in pieces:
        pos = text.index(p, pos)
        out.append((pos, pos + len(p)))
        pos += len(p)
    return out


def test_multiword_tokens_give_words_and_clitic_boundaries():
    g = parse_sentence(MWT)
    assert g.word_texts() == ["وبالمدينة", "قال", "للسلطة", "عليه", "."]
    assert sorted(g.boundaries) == [1, 2, 15, 24]  # و|ب|المدينة, ل|لسلطة, علي|ه
    assert [g.text[s:e] for s, e in g.segments] == [
        "و",
        "ب",
        "المدينة",
        "قال",
        "ل",
        "لسلطة",
        "علي",
        "ه",
        ".",
    ]


def test_space_after_no_glues_clitics_but_not_punctuation():
    g = parse_sentence(PUD)
    assert g.word_texts() == ["نشرتها", "لأوباما", ",", "أمس", "."]
    assert sorted(g.boundaries) == [4, 8]


def tok(text: str, word: str, nth: int = 0, cuts: tuple[int, ...] = ()) -> Token:
    start = -1
    for _ in range(nth + 1):
        start = text.index(word, start + 1)
    end = start + len(word)
    edges = [start, *(start + c for c in cuts), end]
    parts = tuple(zip(edges, edges[1:], strict=False)) if cuts else ()
    return Token(start, end, word, parts)


def test_hand_computed_partial_prediction():
    mwt, pud = parse_sentence(MWT), parse_sentence(PUD)
    t1, t2 = mwt.text, pud.text
    pred1 = [
        tok(t1, "وبالمدينة", cuts=(1,)),  # misses the ب boundary
        tok(t1, "قال"),
        tok(t1, "للسلطة", cuts=(1,)),
        tok(t1, "عليه."),  # punctuation not split off: a wrong word
    ]
    pred2 = [
        tok(t2, "نشرتها"),  # the ها boundary missed
        tok(t2, "لأوباما", cuts=(1,)),
        tok(t2, ","),
        tok(t2, "أمس", cuts=(1,)),  # a boundary that is not there
        tok(t2, "."),
    ]
    ev = score_segmentation([mwt, pud], [pred1, pred2])
    assert (ev.words.tp, ev.words.pred, ev.words.gold) == (8, 9, 10)
    assert (ev.boundaries.tp, ev.boundaries.pred, ev.boundaries.gold) == (3, 4, 6)
    assert (ev.segments.tp, ev.segments.pred, ev.segments.gold) == (8, 13, 16)
    m = ev.metrics()
    assert m["conllu.words.f1"] == pytest.approx(2 * 8 / 19)
    assert m["conllu.clitics.precision"] == pytest.approx(3 / 4)
    assert m["conllu.clitics.recall"] == pytest.approx(1 / 2)
    assert [e["text"] for e in ev.examples] == ["علي+ه", "."]  # gold words not predicted


def test_empty_prediction():
    ev = score_segmentation([parse_sentence(MWT)], [[]])
    assert ev.words.recall == 0.0 and ev.words.precision == 0.0 and ev.boundaries.f1 == 0.0


class PlannedTokenizer:
    """A stand-in segmenter that tokenizes known sentences as planned, wherever they sit."""

    name, version = "planned", "1"

    def __init__(self, plan: dict[str, list[Token]]) -> None:
        self.plan = plan

    def __call__(self, doc: Document) -> Document:
        for sentence, tokens in self.plan.items():
            at = doc.text.find(sentence)
            if at < 0:
                continue
            for t in tokens:
                doc.tokens.append(
                    Token(
                        t.start + at,
                        t.end + at,
                        t.norm,
                        tuple((s + at, e + at) for s, e in t.parts),
                    )
                )
        doc.tokens.sort(key=lambda t: t.start)
        return doc

    def pipe(self, docs):
        for d in docs:
            yield self(d)


def perfect_tokens(g) -> list[Token]:
    out = []
    for s, e in g.words:
        cuts = [s, *sorted(b for b in g.boundaries if s < b < e), e]
        parts = tuple(zip(cuts, cuts[1:], strict=False)) if len(cuts) > 2 else ()
        out.append(Token(s, e, g.text[s:e], parts))
    return out


@pytest.mark.parametrize("batch_size", [1, 2, 5])
def test_through_the_pipeline_with_batches(tmp_path: Path, batch_size):
    from marsad.pipeline import Pipeline

    path = tmp_path / "tiny.conllu"
    path.write_text("\n".join(MWT) + "\n\n" + "\n".join(PUD) + "\n\n", encoding="utf-8")
    golds = read_conllu(path)
    plan = {g.text: perfect_tokens(g) for g in golds}
    ev = evaluate_conllu(path, Pipeline([PlannedTokenizer(plan)]), batch_size=batch_size)
    assert all(v == 1.0 for v in ev.metrics().values()), ev.metrics()
    ev = evaluate_conllu(path, Pipeline([]), limit=1)
    assert ev.sentences == 1 and ev.words.recall == 0.0


arabic_piece = st.text(alphabet="ابتثجحخدذرزسشصضطظعغفقكلمنهوي", min_size=1, max_size=5)
word = st.lists(arabic_piece, min_size=1, max_size=3)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(word, st.booleans(), st.booleans()), min_size=1, max_size=8))
def test_gold_read_back_from_either_encoding(words):
    """Whatever the words, both encodings give the same gold, and a perfect prediction scores 1."""
    text = " ".join("".join(w) + ("،" if comma else "") for w, comma, _ in words)
    mwt_lines, pud_lines, n = [f"# text = {text}"], [f"# text = {text}"], 0
    for w, comma, _ in words:
        surface = "".join(w)
        if len(w) > 1:
            mwt_lines.append(row(f"{n + 1}-{n + len(w)}", surface, space=not comma))
        for k, piece in enumerate(w):
            n += 1
            last = k == len(w) - 1
            mwt_lines.append(row(str(n), piece, space=True))
            pud_lines.append(row(str(n), piece, space=last and not comma))
        if len(w) == 1 and comma:
            mwt_lines[-1] = row(str(n), w[0], space=False)
        if comma:
            n += 1
            mwt_lines.append(row(str(n), "،"))
            pud_lines.append(row(str(n), "،"))
    a, b = parse_sentence(mwt_lines), parse_sentence(pud_lines)
    assert a.words == b.words and a.boundaries == b.boundaries and a.segments == b.segments
    assert len(a.segments) == sum(len(w) + c for w, c, _ in words)
    ev = score_segmentation([a], [perfect_tokens(a)])
    assert all(v in (1.0, None) for v in ev.metrics().values())
    assert ev.metrics()["conllu.words.f1"] == 1.0


def test_pud_gold_counts(data_dir: Path):
    golds = read_conllu(data_dir / "ud_arabic_pud" / "ar_pud-ud-test.conllu")
    assert len(golds) == 1000
    assert sum(len(g.segments) for g in golds) == 20747  # every syntactic word of the treebank
    first = golds[0]
    assert "ل+أوباما" in [
        "+".join(first.text[s:e] for s, e in _pieces(first, w)) for w in first.words
    ]


def _pieces(g, w):
    s, e = w
    cuts = [s, *sorted(b for b in g.boundaries if s < b < e), e]
    return list(zip(cuts, cuts[1:], strict=False))


@pytest.mark.parametrize(
    ("text", "forms", "want"),
    [
        ("قال  الوزير", ["قال", "الوزير"], ["قال", "الوزير"]),  # two spaces in # text
        ("قال الوزیر", ["قال", "الوزير"], ["قال", "الوزیر"]),  # Persian yeh in the text only
        (" قال الوزير.", ["قال", "الوزير", "."], ["قال", "الوزير", "."]),  # a leading space
    ],
)
def test_forms_that_do_not_rebuild_the_text_are_aligned(text, forms, want):
    lines = [f"# text = {text}"]
    for i, f in enumerate(forms, 1):
        lines.append(row(str(i), f, space=not (i < len(forms) and forms[i] == ".")))
    g = parse_sentence(lines)
    assert g.word_texts() == want
