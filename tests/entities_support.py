"""Helpers for the entities tests."""

from __future__ import annotations

from marsad.document import Document, Entity


def entity_with(doc: Document, surface: str) -> Entity:
    """The one entity that has a mention reading ``surface`` (fails when none or several)."""
    hits = [e for e in doc.entities if any(m.text == surface for m in e.mentions)]
    assert len(hits) == 1, (surface, [(e.canonical, [m.text for m in e.mentions]) for e in doc.entities])
    return hits[0]
