"""A document flattened into the rows the store writes, built where the document was analysed.

Workers (process pool or Ray) turn each :class:`~marsad.document.Document` into a
:class:`Prepared` record: plain tuples, the search terms, the content hash and the MinHash, so
the single writer only runs SQL. The layers are kept as zlib-compressed JSON of the document
without its text (stored once, in its own column) and without its tokens (recomputed on
demand by :mod:`marsad.segment`, deterministic and 5–10× the size of everything else).
"""

from __future__ import annotations

import json
import zlib
from dataclasses import dataclass, replace
from typing import Any, NamedTuple

from marsad.document import Document, Entity
from marsad.normalize import match_key
from marsad.store import dedup, search


class EntityRow(NamedTuple):
    id: str
    type: str
    canonical: str
    key: str
    country: str | None
    actor: str | None
    kb_id: str | None
    component: str | None
    mentions: int
    first_start: int | None
    first_end: int | None


class EventRow(NamedTuple):
    id: str
    plover: str
    cameo: str | None
    mode: str | None
    date: str | None
    source: str | None
    target: str | None
    location: str | None
    source_actor: str | None
    target_actor: str | None
    source_name: str | None
    target_name: str | None
    location_name: str | None
    source_country: str | None
    target_country: str | None
    location_country: str | None
    source_key: str | None
    target_key: str | None
    location_key: str | None
    trigger_start: int
    trigger_end: int
    trigger_text: str
    sentence_start: int | None
    sentence_end: int | None
    negated: int
    modality: str
    confidence: float | None
    background: int
    symmetric: int
    coder: str | None


class QuoteRow(NamedTuple):
    n: int
    start: int
    end: int
    text: str
    speaker: str | None
    direct: int


@dataclass(frozen=True, slots=True)
class Prepared:
    """Everything the writer needs for one document."""

    id: str
    content_hash: str
    text: str
    language: str | None
    url: str | None
    outlet: str | None
    published: str | None
    path: str | None
    layers: bytes
    terms: tuple[str, str]  # (stems, guessed stems): the two search columns
    minhash: bytes
    entities: tuple[EntityRow, ...]
    events: tuple[EventRow, ...]
    quotes: tuple[QuoteRow, ...]


def entity_key(e: Entity) -> str:
    """What makes two entities in different articles the same: the KB id, else type + key."""
    return e.kb_id or f"{e.type}:{match_key(e.canonical)}"


def actor_key(e: Entity | None, code: str | None) -> str | None:
    """An event participant for story grouping: its actor code, else its entity key."""
    if code:
        return code
    return entity_key(e) if e is not None else None


def terms_blob(terms: tuple[str, str]) -> bytes:
    return zlib.compress(f"{terms[0]}\x00{terms[1]}".encode(), 6)


def terms_from_blob(blob: bytes) -> tuple[str, str]:
    a, _, b = zlib.decompress(blob).decode("utf-8").partition("\x00")
    return a, b


def layers_blob(doc: Document) -> bytes:
    d = replace(doc, tokens=[]).to_dict()  # tokens: the bulk, and recomputable
    d.pop("text", None)
    d.pop("tokens", None)
    return zlib.compress(json.dumps(d, ensure_ascii=False, separators=(",", ":")).encode("utf-8"), 6)


def layers_from_blob(blob: bytes, text: str) -> dict[str, Any]:
    d: dict[str, Any] = json.loads(zlib.decompress(blob).decode("utf-8"))
    d["text"] = text
    d.setdefault("tokens", [])
    return d


def _entity_row(e: Entity) -> EntityRow:
    first = min(((m.start, m.end) for m in e.mentions), default=(None, None))
    return EntityRow(
        e.id, e.type, e.canonical, entity_key(e), e.country, e.actor, e.kb_id, e.component,
        len(e.mentions), first[0], first[1],
    )


def prepare(doc: Document) -> Prepared:
    """Flatten one analysed document (this runs in the worker)."""
    by_id = {e.id: e for e in doc.entities}
    entities = tuple(_entity_row(e) for e in doc.entities)
    events = []
    for ev in doc.events:
        src, tgt, loc = by_id.get(ev.source or ""), by_id.get(ev.target or ""), by_id.get(ev.location or "")
        sent = doc.sentences[ev.sentence] if 0 <= ev.sentence < len(doc.sentences) else None
        events.append(
            EventRow(
                ev.id,
                ev.plover,
                ev.cameo,
                ev.mode,
                ev.date or doc.source.published,
                ev.source,
                ev.target,
                ev.location,
                ev.source_actor or (src.actor if src else None),
                ev.target_actor or (tgt.actor if tgt else None),
                src.canonical if src else None,
                tgt.canonical if tgt else None,
                loc.canonical if loc else None,
                src.country if src else None,
                tgt.country if tgt else None,
                loc.country if loc else None,
                actor_key(src, ev.source_actor or (src.actor if src else None)),
                actor_key(tgt, ev.target_actor or (tgt.actor if tgt else None)),
                entity_key(loc) if loc else None,
                ev.trigger.start,
                ev.trigger.end,
                ev.trigger.text,
                sent.start if sent else None,
                sent.end if sent else None,
                int(ev.negated),
                ev.modality,
                ev.confidence,
                int(ev.background),
                int(ev.symmetric),
                ev.coder,
            )
        )
    quotes = tuple(
        QuoteRow(i, q.start, q.end, q.text, q.speaker, int(q.direct)) for i, q in enumerate(doc.quotes)
    )
    skip = [(b.start, b.end) for b in doc.boilerplate]
    return Prepared(
        id=doc.id,
        content_hash=dedup.content_hash(doc.text),
        text=doc.text,
        language=doc.language,
        url=doc.source.url,
        outlet=doc.source.outlet,
        published=doc.source.published,
        path=doc.source.path,
        layers=layers_blob(doc),
        terms=search.index_terms(doc.text, doc.tokens),
        minhash=dedup.signature(doc.text, skip),
        entities=entities,
        events=tuple(events),
        quotes=quotes,
    )
