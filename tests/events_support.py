"""Helpers for the events tests: documents with hand-placed entities."""

from __future__ import annotations

from collections.abc import Callable

from marsad.document import Article, Boilerplate, Document, Entity, Event, Mention, Source
from marsad.events.step import EventStep

Ent = tuple[str, str, str, str | None, str | None]  # (mention text, id, type, country, actor)


def make_doc(
    text: str,
    entities: list[Ent] = (),  # type: ignore[assignment]
    *,
    published: str | None = "2024-03-19",
    boilerplate: list[tuple[int, int]] = (),  # type: ignore[assignment]
    language: str | None = "ar",
) -> Document:
    """A document whose entities are every occurrence of the given mention texts."""
    doc = Document.from_article(Article(text, Source(published=published), "t"))
    doc.language = language
    doc.boilerplate = [Boilerplate(a, b, "related") for a, b in boilerplate]
    try:
        from marsad.segment import SegmentStep

        doc = SegmentStep()(doc)
    except ImportError:  # pragma: no cover - the events step splits by itself
        pass
    mentions: dict[str, list[Mention]] = {}
    meta: dict[str, tuple[str, str | None, str | None, str]] = {}
    for surface, eid, typ, country, actor in entities:
        start = 0
        while (i := text.find(surface, start)) >= 0:
            mentions.setdefault(eid, []).append(Mention(i, i + len(surface), surface, "name"))
            start = i + len(surface)
        meta[eid] = (typ, country, actor, surface)
    doc.entities = [
        Entity(eid, meta[eid][0], meta[eid][3], tuple(sorted(ms, key=lambda m: m.start)), meta[eid][1], meta[eid][2])
        for eid, ms in mentions.items()
    ]
    return doc


def run(text: str, entities: list[Ent] = (), **kw) -> Document:  # type: ignore[assignment]
    doc = EventStep()(make_doc(text, entities, **kw))
    doc.check_offsets()
    return doc


def pipeline_runner() -> Callable[..., Document]:
    """The full pipeline as ``run(text, published="2024-03-10") -> Document`` (one pipeline)."""
    from marsad.analyze import build_pipeline
    from marsad.document import Article, Source

    pipe = build_pipeline()

    def run(text: str, published: str = "2024-03-10") -> Document:
        doc = pipe.process(Article(text=text, id="t", source=Source(url="t", published=published))).document
        assert doc is not None
        return doc

    return run


def entity_canonical(doc: Document, eid: str | None) -> str | None:
    """The canonical name of entity ``eid`` (None for none)."""
    ent = next((e for e in doc.entities if e.id == eid), None)
    return ent.canonical if ent else None


def events_of(doc: Document, plover: str) -> list[Event]:
    return [e for e in doc.events if e.plover == plover]
