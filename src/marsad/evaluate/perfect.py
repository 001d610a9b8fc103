"""Build the "perfect prediction" for a gold document: every gold item predicted exactly.

Scoring it must give 1.0 on every figure that has something to score; tests rely on that, and
so can anyone checking a new scorer rule. Sentences come from the plain split in
:func:`~marsad.evaluate.match.split_sentences`.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from marsad.document import (
    Boilerplate,
    Dateline,
    Document,
    Entity,
    Event,
    Mention,
    Quote,
    Sentence,
    Source,
    Trigger,
)
from marsad.evaluate.gold import GoldDocument
from marsad.evaluate.match import split_sentences


def perfect_document(gold: GoldDocument, *, include_optional: bool = True) -> Document:
    """A :class:`Document` over ``gold.text`` holding exactly the gold analysis."""
    text = gold.text
    sentences = [Sentence(s, e) for s, e in split_sentences(text)]
    doc = Document(
        id=gold.id,
        text=text,
        source=Source(path=gold.text_file, published=gold.published),
        boilerplate=[Boilerplate(b.start, b.end, "other") for b in gold.boilerplate],
        sentences=sentences,
    )
    if gold.expect_published:
        end = text.find("\n")
        doc.dateline = Dateline(0, len(text) if end < 0 else end, date=gold.expect_published)
    # without optional items, still keep the optional entities that required items refer to
    needed = {ge.id for ge in gold.entities if include_optional or not ge.optional}
    for g in gold.events:
        if include_optional or not g.optional:
            needed.update(x for x in (g.source, g.target, g.location) if x)
    needed.update(
        q.speaker for q in gold.quotes if q.speaker and (include_optional or not q.optional)
    )
    doc.entities = [
        Entity(
            id=ge.id,
            type=ge.type,
            canonical=ge.canonical,
            mentions=tuple(
                Mention(m.start, m.end, m.text, "name" if m.kind == "name" else "role")
                for m in ge.mentions
            ),
            country=ge.country,
            actor=ge.actor,
        )
        for ge in gold.entities
        if ge.id in needed
    ]
    kept = {e.id for e in doc.entities}
    for g in gold.events:
        if g.optional and not include_optional:
            continue
        ev = g.evidence
        doc.events.append(
            Event(
                id=g.id,
                plover=g.plover,
                trigger=Trigger(ev.start, ev.end, ev.text),
                sentence=doc.sentence_index(ev.start) or 0,
                cameo=g.cameo,
                source=g.source if g.source in kept else None,
                target=g.target if g.target in kept else None,
                location=g.location if g.location in kept else None,
                date=g.date,
                symmetric=g.symmetric,
                count=g.count,
            )
        )
    doc.quotes = [
        Quote(q.start, q.end, q.text, q.speaker if q.speaker in kept else None, q.direct)
        for q in gold.quotes
        if include_optional or not q.optional
    ]
    return doc


class OracleStep:
    """A pipeline step that "predicts" the gold analysis of any text it has gold for.

    Put it in a :class:`~marsad.pipeline.Pipeline` to run the whole harness (and
    ``marsad eval``) end to end with a known perfect result; texts without gold pass unchanged.
    """

    name = "oracle"
    version = "1"

    def __init__(self, golds: Iterable[GoldDocument]) -> None:
        self._by_text = {g.text: g for g in golds}

    def __call__(self, doc: Document) -> Document:
        gold = self._by_text.get(doc.text)
        if gold is None:
            return doc
        perfect = perfect_document(gold)
        perfect.id, perfect.source = doc.id, doc.source
        return perfect

    def pipe(self, docs: Iterable[Document]) -> Iterator[Document]:
        for doc in docs:
            yield self(doc)
