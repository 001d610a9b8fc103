"""Run the pipeline over many short texts (corpus sentences) as a few pseudo-documents.

Analysing 1,000 one-line documents costs 1,000 times the per-document overhead; instead
``batch_size`` texts are joined with a blank line into one document, analysed once, and each
text gets back its own slice of tokens and mentions by offset. A blank line is a paragraph
break to every step, so no sentence, token or mention should cross it; a mention that does
anyway is given to the text it starts in and clipped there. If the pipeline drops a batch,
each of its texts is retried alone, and a text dropped alone has an empty prediction (counted
in ``rejects``).

Document-level context (a name seen earlier in the "document") may help or hurt a step a
little compared with one sentence alone; this is the price of speed and is the same for every
run, so figures stay comparable.
"""

from __future__ import annotations

import bisect
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from marsad.document import Article, Document, Source, Token
from marsad.pipeline import Pipeline
from marsad.progress import progress

SEPARATOR = "\n\n"


@dataclass(frozen=True, slots=True)
class Placed:
    """Where one input text sits in the document that analysed it (``doc`` None: dropped)."""

    doc: Document | None
    offset: int
    length: int


@dataclass(frozen=True, slots=True)
class NameMention:
    start: int
    end: int
    type: str


def analyse_texts(
    texts: Sequence[str],
    pipeline: Pipeline,
    *,
    batch_size: int = 20,
    quiet: bool = True,
    desc: str = "sentences",
) -> tuple[list[Placed], Counter[str]]:
    """Analyse ``texts``; returns one :class:`Placed` per text and the reject reasons counted."""
    placed: list[Placed] = []
    rejects: Counter[str] = Counter()
    batches = [texts[i : i + max(1, batch_size)] for i in range(0, len(texts), max(1, batch_size))]
    for n, batch in enumerate(progress(batches, desc=desc, disable=quiet, unit="batch")):
        doc = _run(
            pipeline, SEPARATOR.join(batch), f"batch-{n}", rejects if len(batch) == 1 else None
        )
        if doc is None and len(batch) > 1:
            for k, text in enumerate(batch):
                placed.append(Placed(_run(pipeline, text, f"batch-{n}-{k}", rejects), 0, len(text)))
            continue
        offset = 0
        for text in batch:
            placed.append(Placed(doc, offset, len(text)))
            offset += len(text) + len(SEPARATOR)
    return placed, rejects


def _run(
    pipeline: Pipeline, text: str, doc_id: str, rejects: Counter[str] | None
) -> Document | None:
    outcome = pipeline.process(Article(text=text, source=Source(), id=doc_id))
    if outcome.document is None:
        if rejects is not None and outcome.reject is not None:
            rejects[outcome.reject.reason] += 1
        return None
    return outcome.document


class Slicer:
    """Per-text views of one analysed document's tokens and name mentions (relative offsets)."""

    def __init__(self, doc: Document, mention_kinds: frozenset[str] = frozenset({"name"})) -> None:
        self.tokens = sorted(doc.tokens, key=lambda t: (t.start, t.end))
        self._token_starts = [t.start for t in self.tokens]
        self.mentions = sorted(
            (
                NameMention(m.start, m.end, e.type)
                for e in doc.entities
                for m in e.mentions
                if m.kind in mention_kinds
            ),
            key=lambda m: (m.start, m.end),
        )
        self._mention_starts = [m.start for m in self.mentions]

    def tokens_in(self, offset: int, length: int) -> list[Token]:
        end = offset + length
        lo = bisect.bisect_left(self._token_starts, offset)
        hi = bisect.bisect_left(self._token_starts, end)
        out = []
        for t in self.tokens[lo:hi]:
            te = min(t.end, end)
            parts = tuple((ps - offset, min(pe, end) - offset) for ps, pe in t.parts if ps < end)
            out.append(Token(t.start - offset, te - offset, t.norm, parts))
        return out

    def mentions_in(self, offset: int, length: int) -> list[NameMention]:
        end = offset + length
        lo = bisect.bisect_left(self._mention_starts, offset)
        hi = bisect.bisect_left(self._mention_starts, end)
        return [
            NameMention(m.start - offset, min(m.end, end) - offset, m.type)
            for m in self.mentions[lo:hi]
        ]


def slicers(
    placed: Sequence[Placed], mention_kinds: frozenset[str] = frozenset({"name"})
) -> dict[int, Slicer]:
    """One :class:`Slicer` per distinct analysed document, keyed by ``id(doc)``."""
    out: dict[int, Slicer] = {}
    for p in placed:
        if p.doc is not None and id(p.doc) not in out:
            out[id(p.doc)] = Slicer(p.doc, mention_kinds)
    return out
