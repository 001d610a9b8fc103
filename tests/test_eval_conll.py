"""CoNLL NER scoring: conlleval chunking, mention→token mapping, batching, the CLI."""

from __future__ import annotations

from pathlib import Path

import pytest

from marsad.document import Document, Entity, Mention
from marsad.evaluate.batch import NameMention
from marsad.evaluate.conll import chunks, evaluate_conll, map_type, predicted_chunks, read_conll
from marsad.pipeline import Pipeline


@pytest.mark.parametrize(
    ("tags", "want"),
    [
        (["B-PERS", "I-PERS", "O"], {(0, 2, "PERS")}),
        (["B-LOC", "B-LOC"], {(0, 1, "LOC"), (1, 2, "LOC")}),  # adjacent entities
        (["I-MISC", "I-MISC", "O"], {(0, 2, "MISC")}),  # a stray I- starts a chunk
        (["B-ORG", "I-LOC"], {(0, 1, "ORG"), (1, 2, "LOC")}),  # type change splits
        (["O", "I-PERS", "B-PERS", "I-PERS"], {(1, 2, "PERS"), (2, 4, "PERS")}),
        (["B-ORG", "I-ORG", "I-ORG"], {(0, 3, "ORG")}),  # chunk running to the end
        (["O", "O"], set()),
        ([], set()),
    ],
)
def test_conlleval_chunks(tags, want):
    assert chunks(tags) == want


def test_type_mapping():
    assert [map_type(t) for t in ("PER", "GPE", "LOC", "ORG", "NORP", "FAC", "EVENT")] == [
        "PERS",
        "LOC",
        "LOC",
        "ORG",
        "MISC",
        "MISC",
        "MISC",
    ]


def test_a_mention_inside_a_token_tags_the_whole_token():
    # "وروسيا" is one corpus token; Marsad's mention covers only "روسيا" (offsets 1..6)
    offsets = [(0, 6), (7, 11)]
    assert predicted_chunks(offsets, [NameMention(1, 6, "GPE")]) == {(0, 1, "LOC")}


def test_overlapping_mentions_the_longer_wins():
    offsets = [(0, 4), (5, 9), (10, 15)]
    ms = [NameMention(5, 9, "GPE"), NameMention(0, 9, "ORG"), NameMention(10, 15, "PER")]
    assert predicted_chunks(offsets, ms) == {(0, 2, "ORG"), (2, 3, "PERS")}


SAMPLE = """\
زار O
الرئيس O
محمود B-PERS
عباس I-PERS
موسكو B-LOC
. O

وروسيا B-LOC
دولة O
كبيرة O

اجتمع O
مجلس B-ORG
الأمن I-ORG
الدولي I-ORG
في O
نيويورك B-LOC


قال O
أوباما B-PERS
في O
القمة I-MISC
العربية I-MISC
عن O
الصالحية B-LOC
ونايفة B-LOC

لا O
شيء O
هنا O
"""

# what the fake recognizer finds, wherever it occurs in the analysed text
PHRASES = [
    ("محمود عباس", "PER"),
    ("موسكو", "GPE"),
    ("روسيا", "GPE"),
    ("مجلس الأمن", "ORG", "org:unsc"),  # 2 of 3 tokens: wrong chunk (a known body: scored)
    ("أوباما", "ORG"),  # wrong type
    ("القمة العربية", "EVENT"),  # → MISC
    ("الصالحية", "LOC"),
    ("نايفة", "LOC"),
    ("شيء", "PER"),  # spurious
]


class PhraseFinder:
    """A stand-in recognizer: every occurrence of a known phrase is a name mention."""

    name, version = "phrases", "1"

    def __init__(self, phrases: list[tuple[str, ...]]) -> None:
        self.phrases = phrases
        self.calls = 0

    def __call__(self, doc: Document) -> Document:
        self.calls += 1
        n = 0
        for phrase, typ, *kb_id in self.phrases:
            start = doc.text.find(phrase)
            while start >= 0:
                n += 1
                m = Mention(start, start + len(phrase), phrase, "name")
                doc.entities.append(Entity(f"e{n}", typ, phrase, (m,), kb_id=kb_id[0] if kb_id else None))
                start = doc.text.find(phrase, start + 1)
        return doc

    def pipe(self, docs):
        for d in docs:
            yield self(d)


@pytest.fixture
def sample(tmp_path: Path) -> Path:
    p = tmp_path / "tiny.conll"
    p.write_text(SAMPLE, encoding="utf-8")
    return p


def test_read_conll(sample):
    sents = read_conll(sample)
    assert [len(s.tokens) for s in sents] == [6, 3, 6, 8, 3]
    assert sents[1].text == "وروسيا دولة كبيرة"
    assert sents[0].offsets()[2] == (11, 16)  # زار الرئيس محمود
    assert len(read_conll(sample, limit=2)) == 2


@pytest.mark.parametrize("batch_size", [1, 2, 3, 20])
def test_hand_computed_figures_whatever_the_batching(sample, batch_size):
    finder = PhraseFinder(PHRASES)
    ev = evaluate_conll(sample, Pipeline([finder]), batch_size=batch_size)
    assert finder.calls == -(-5 // batch_size)
    assert (ev.overall.tp, ev.overall.pred, ev.overall.gold) == (6, 9, 9)
    assert ev.overall.f1 == pytest.approx(6 / 9)
    got = {t: (p.tp, p.pred, p.gold) for t, p in ev.by_type.items()}
    assert got == {"PERS": (1, 2, 2), "LOC": (4, 4, 5), "ORG": (0, 2, 1), "MISC": (1, 1, 1)}
    assert ev.metrics()["conll.LOC.f1"] == pytest.approx(2 * 1 * 0.8 / 1.8)
    texts = {(e["kind"], e["text"]) for e in ev.examples}
    assert (
        ("miss", "نيويورك") in texts
        and ("spurious", "شيء") in texts
        and ("miss", "مجلس الأمن الدولي") in texts
    )


def test_perfect_and_empty(sample):
    perfect = [
        ("محمود عباس", "PER"),
        ("موسكو", "GPE"),
        ("روسيا", "GPE"),
        ("مجلس الأمن الدولي", "ORG", "org:unsc"),
        ("نيويورك", "GPE"),
        ("أوباما", "PER"),
        ("القمة العربية", "EVENT"),
        ("الصالحية", "GPE"),
        ("نايفة", "GPE"),
    ]
    ev = evaluate_conll(sample, Pipeline([PhraseFinder(perfect)]), batch_size=2)
    assert ev.metrics()["conll.f1"] == 1.0
    ev = evaluate_conll(sample, Pipeline([]))
    assert (ev.overall.recall, ev.overall.precision, ev.overall.f1) == (0.0, 0.0, 0.0)


def test_role_mentions_are_not_names(sample):
    class Roles(PhraseFinder):
        def __call__(self, doc):
            doc = super().__call__(doc)
            doc.entities = [
                Entity(
                    e.id,
                    e.type,
                    e.canonical,
                    tuple(Mention(m.start, m.end, m.text, "role") for m in e.mentions),
                )
                for e in doc.entities
            ]
            return doc

    assert evaluate_conll(sample, Pipeline([Roles(PHRASES)])).overall.pred == 0


def test_a_rejected_batch_is_retried_sentence_by_sentence(sample):
    from marsad.errors import Rejected

    class Picky(PhraseFinder):
        def __call__(self, doc):
            if "شيء" in doc.text:
                raise Rejected("too_short", "test")
            return super().__call__(doc)

    ev = evaluate_conll(sample, Pipeline([Picky(PHRASES)]), batch_size=10)
    assert ev.rejects == {"too_short": 1}  # only the last sentence is lost
    assert (ev.overall.tp, ev.overall.pred) == (6, 8)


def test_anercorp_subset_reads(data_dir: Path):
    sents = read_conll(data_dir / "anercorp" / "ANERCorp_CamelLab_test.txt")
    assert len(sents) == 925 and sum(len(s.tokens) for s in sents) == 25008
    assert sum(len(chunks(s.tags)) for s in sents) == 2285  # the MANIFEST's conlleval count
