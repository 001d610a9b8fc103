"""Helpers for the entities tests."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from marsad.document import Document, Entity


class WordTagger:
    """A stand-in for the trained recognizer: tags every occurrence of the word sequences it is
    given (PER unless a type is given), so a test checks a rule, not the model."""

    def __init__(self, *names: str | tuple[str, str]) -> None:
        self.names = [
            (tuple(n.split()), "PER") if isinstance(n, str) else (tuple(n[0].split()), n[1]) for n in names
        ]

    @classmethod
    def from_spans(cls, spans: Mapping[tuple[str, ...], str]) -> WordTagger:
        """From ``{(word, ...): type}``."""
        tagger = cls()
        tagger.names = list(spans.items())
        return tagger

    def tag(self, sentences: Sequence[Sequence[str]]) -> list[list[str]]:
        out = []
        for toks in sentences:
            tags = ["O"] * len(toks)
            for ws, label in self.names:
                n = len(ws)
                for i in range(len(toks) - n + 1):
                    if tuple(toks[i : i + n]) == ws:
                        tags[i : i + n] = [f"B-{label}"] + [f"I-{label}"] * (n - 1)
            out.append(tags)
        return out


def entity_with(doc: Document, surface: str) -> Entity:
    """The one entity that has a mention reading ``surface`` (fails when none or several)."""
    hits = [e for e in doc.entities if any(m.text == surface for m in e.mentions)]
    assert len(hits) == 1, (surface, [(e.canonical, [m.text for m in e.mentions]) for e in doc.entities])
    return hits[0]


def analyse_story(
    body: str,
    *,
    place: str | None = None,
    agency: str | None = None,
    names: Mapping[tuple[str, ...], str] | None = None,
    published: str = "2024-02-20",
) -> Document:
    """Segment and tag ``body`` after a dateline "PLACE (AGENCY) - " when either is given; the
    ``names`` stand in for the recognizer (none: the rules and the KB alone)."""
    from marsad.document import Dateline, Source
    from marsad.entities.step import EntityStep
    from marsad.segment import SegmentStep

    head = " ".join(x for x in (place, f"({agency})" if agency else None) if x)
    text = f"{head} - {body}" if head else body
    dateline = Dateline(0, len(head), location=place, agency=agency) if head else None
    doc = Document(id="t", text=text, source=Source(published=published), dateline=dateline)
    SegmentStep()(doc)
    step = EntityStep(recognizer=WordTagger.from_spans(names)) if names else EntityStep(use_recognizer=False)
    step(doc)
    doc.check_offsets()
    return doc
