"""The document model: offsets into the text, round trips through dicts, stable ids."""

from __future__ import annotations

import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from marsad.document import (
    Article,
    Boilerplate,
    Document,
    Entity,
    Event,
    Mention,
    Quote,
    Sentence,
    Source,
    Token,
    Trigger,
    content_id,
)
from marsad.errors import OffsetError

TEXT = "وناقش أحمديان وباتروشيف في موسكو التعاون.\nانتهى**3280"


def _doc() -> Document:
    doc = Document(id="d1", text=TEXT, source=Source(published="2024-01-10"))
    doc.sentences = [Sentence(0, 41), Sentence(42, len(TEXT))]
    doc.tokens = [Token(0, 5, "وناقش", ((0, 1), (1, 5)))]
    doc.boilerplate = [Boilerplate(42, len(TEXT), "signoff")]
    doc.entities = [
        Entity("e1", "PER", "أحمديان", (Mention(6, 13, "أحمديان"),), "IRN", "IRNGOV"),
        Entity("e2", "PER", "باتروشيف", (Mention(15, 23, "باتروشيف"),), "RUS", "RUSGOV"),
        Entity("e3", "GPE", "موسكو", (Mention(27, 32, "موسكو"),), "RUS", "RUS"),
    ]
    doc.events = [
        Event("ev1", "CONSULT", Trigger(0, 5, "وناقش"), 0, cameo="040", source="e1", target="e2",
              location="e3", date="2024-01-10", symmetric=True)
    ]
    doc.quotes = [Quote(33, 40, "التعاون", "e1", True)]
    return doc


def test_offsets_of_a_consistent_document_pass() -> None:
    _doc().check_offsets()


def test_round_trip_through_json_is_lossless() -> None:
    doc = _doc()
    again = Document.from_dict(json.loads(json.dumps(doc.to_dict(), ensure_ascii=False)))
    assert again.to_dict() == doc.to_dict()


@pytest.mark.parametrize(
    "breakage",
    [
        lambda d: d.entities.__setitem__(0, Entity("e1", "PER", "x", (Mention(6, 13, "باتروش"),))),
        lambda d: d.sentences.append(Sentence(10, len(d.text) + 1)),
        lambda d: d.tokens.append(Token(0, 5, "x", ((0, 6),))),
        lambda d: d.quotes.append(Quote(0, 5, "وناقش", "e9")),
        lambda d: d.events.append(
            Event("ev2", "ACCUSE", Trigger(0, 5, "وناقش"), 0, source="nobody")
        ),
        lambda d: d.boilerplate.append(Boilerplate(-1, 3, "other")),
    ],
    ids=["misquoted-mention", "sentence-past-end", "part-outside-token", "unknown-speaker",
         "unknown-source", "negative-start"],
)
def test_broken_offsets_are_caught(breakage) -> None:
    doc = _doc()
    breakage(doc)
    with pytest.raises(OffsetError):
        doc.check_offsets()


def test_content_id_is_stable_and_article_uses_it() -> None:
    a = Article(text=TEXT, source=Source())
    assert a.doc_id == content_id(TEXT) == content_id(TEXT)
    assert Article(text=TEXT, source=Source(), id="given").doc_id == "given"
    assert content_id(TEXT) != content_id(TEXT + " ")


def test_sentence_index_and_boilerplate_mask() -> None:
    doc = _doc()
    assert doc.sentence_index(0) == 0
    assert doc.sentence_index(45) == 1
    assert doc.sentence_index(41) is None  # the newline between them
    mask = doc.body_mask()
    assert mask[0] and not mask[42]
    assert doc.in_boilerplate(43, 47) and not doc.in_boilerplate(0, 5)


def test_from_dict_refuses_other_schemas() -> None:
    with pytest.raises(ValueError):
        Document.from_dict({"schema": "something/2", "id": "x", "text": ""})


@given(st.text(alphabet="ابتثجحخدذرزسشصضطظعغفقكلمنهويىةءأإآ ،.\n", max_size=60), st.data())
def test_any_span_inside_the_text_passes(text: str, data: st.DataObject) -> None:
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    doc = Document(id="x", text=text)
    doc.entities = [Entity("e1", "PER", "x", (Mention(start, end, text[start:end]),))]
    doc.check_offsets()
