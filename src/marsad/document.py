"""The document model: one article, its decoded text, and every layer as offsets into that text.

The text is never rewritten once a :class:`Document` exists. Every span (boilerplate, sentence,
token, mention, trigger, quote) is a ``[start, end)`` pair of Python code-point indices into
``Document.text``; normalized forms sit beside the surface form, never instead of it.

Value objects are frozen and slotted; the :class:`Document` itself is mutable because pipeline
steps fill its layers one after the other.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from typing import Any, Literal

from marsad.errors import OffsetError

SCHEMA = "marsad.document/1"

MentionKind = Literal["name", "role", "nominal", "pronoun"]
BoilerplateKind = Literal[
    "signoff",
    "editor_initials",
    "timestamp",
    "comment_prompt",
    "share",
    "related",
    "source_line",
    "byline",
    "navigation",
    "other",
]
Modality = Literal["asserted", "future", "hypothetical", "demanded"]


def content_id(text: str) -> str:
    """A stable id for a text: the first 16 hex digits of its SHA-256."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


@dataclass(frozen=True, slots=True)
class Span:
    """A half-open ``[start, end)`` range of code points in ``Document.text``."""

    start: int
    end: int

    def to_dict(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end}


@dataclass(frozen=True, slots=True)
class Source:
    """Where an article came from and what the caller told us about it."""

    path: str | None = None
    url: str | None = None
    outlet: str | None = None
    published: str | None = None  # YYYY-MM-DD
    encoding: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "path": self.path,
            "url": self.url,
            "outlet": self.outlet,
            "published": self.published,
            "encoding": self.encoding,
        }


@dataclass(frozen=True, slots=True)
class Article:
    """What a reader yields: decoded text plus metadata, before any analysis."""

    text: str
    source: Source
    id: str | None = None

    @property
    def doc_id(self) -> str:
        return self.id or content_id(self.text)


@dataclass(frozen=True, slots=True)
class Boilerplate:
    start: int
    end: int
    kind: BoilerplateKind

    def to_dict(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "kind": self.kind}


@dataclass(frozen=True, slots=True)
class Dateline:
    start: int
    end: int
    location: str | None = None
    agency: str | None = None
    date: str | None = None  # YYYY-MM-DD, or None when the dateline carries no full date

    def to_dict(self) -> dict[str, Any]:
        return {
            "start": self.start,
            "end": self.end,
            "location": self.location,
            "agency": self.agency,
            "date": self.date,
        }


@dataclass(frozen=True, slots=True)
class LanguageSpan:
    """The language of one line (or other stretch) of the text."""

    start: int
    end: int
    language: str

    def to_dict(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "language": self.language}


@dataclass(frozen=True, slots=True)
class Sentence:
    start: int
    end: int

    def to_dict(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end}


@dataclass(frozen=True, slots=True)
class Token:
    """A whitespace/punctuation token; ``parts`` is its clitic segmentation (UD style)."""

    start: int
    end: int
    norm: str
    parts: tuple[tuple[int, int], ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {
            "start": self.start,
            "end": self.end,
            "norm": self.norm,
            "parts": [[s, e] for s, e in self.parts],
        }


@dataclass(frozen=True, slots=True)
class Mention:
    start: int
    end: int
    text: str
    kind: MentionKind = "name"

    def to_dict(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "text": self.text, "kind": self.kind}


@dataclass(frozen=True, slots=True)
class Entity:
    id: str
    type: str  # PER, ORG, GPE, LOC, NORP, FAC
    canonical: str
    mentions: tuple[Mention, ...]
    country: str | None = None  # ISO 3166 alpha-3
    actor: str | None = None  # CAMEO-style actor code
    kb_id: str | None = None
    component: str | None = None  # producing component and version

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "type": self.type,
            "canonical": self.canonical,
            "country": self.country,
            "actor": self.actor,
            "kb_id": self.kb_id,
            "component": self.component,
            "mentions": [m.to_dict() for m in self.mentions],
        }


@dataclass(frozen=True, slots=True)
class Trigger:
    start: int
    end: int
    text: str

    def to_dict(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "text": self.text}


@dataclass(frozen=True, slots=True)
class Event:
    id: str
    plover: str
    trigger: Trigger
    sentence: int  # index into Document.sentences
    cameo: str | None = None
    mode: str | None = None
    source: str | None = None  # entity id
    target: str | None = None  # entity id
    source_actor: str | None = None
    target_actor: str | None = None
    location: str | None = None  # entity id
    date: str | None = None  # YYYY-MM-DD
    date_span: tuple[int, int] | None = None  # the words that gave the date
    negated: bool = False
    modality: Modality = "asserted"
    count: int | None = None
    confidence: float = 0.5
    background: bool = False  # told as context, not as what the report is about
    symmetric: bool = False
    coder: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "plover": self.plover,
            "cameo": self.cameo,
            "mode": self.mode,
            "source": self.source,
            "target": self.target,
            "source_actor": self.source_actor,
            "target_actor": self.target_actor,
            "location": self.location,
            "date": self.date,
            "date_span": list(self.date_span) if self.date_span else None,
            "trigger": self.trigger.to_dict(),
            "sentence": self.sentence,
            "negated": self.negated,
            "modality": self.modality,
            "count": self.count,
            "confidence": self.confidence,
            "background": self.background,
            "symmetric": self.symmetric,
            "coder": self.coder,
        }


@dataclass(frozen=True, slots=True)
class Quote:
    start: int
    end: int
    text: str
    speaker: str | None  # entity id
    direct: bool = True
    cue: tuple[int, int] | None = None  # the words that introduce the quote ("وأضاف:")

    def to_dict(self) -> dict[str, Any]:
        return {
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "speaker": self.speaker,
            "direct": self.direct,
            "cue": list(self.cue) if self.cue else None,
        }


@dataclass(slots=True)
class Document:
    """One analysed article. Layers start empty and are filled by pipeline steps."""

    id: str
    text: str
    source: Source = field(default_factory=Source)
    language: str | None = None
    language_spans: list[LanguageSpan] = field(default_factory=list)
    boilerplate: list[Boilerplate] = field(default_factory=list)
    dateline: Dateline | None = None
    sentences: list[Sentence] = field(default_factory=list)
    tokens: list[Token] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    duplicate_of: str | None = None
    pipeline: list[dict[str, str]] = field(default_factory=list)

    @classmethod
    def from_article(cls, article: Article) -> Document:
        return cls(id=article.doc_id, text=article.text, source=article.source)

    # -- offsets -----------------------------------------------------------------------------

    def span_text(self, start: int, end: int) -> str:
        return self.text[start:end]

    def body_mask(self) -> list[bool]:
        """Per character: True where the text is article body (not boilerplate)."""
        mask = [True] * len(self.text)
        for b in self.boilerplate:
            for i in range(b.start, b.end):
                mask[i] = False
        return mask

    def in_boilerplate(self, start: int, end: int) -> bool:
        return any(b.start <= start and end <= b.end for b in self.boilerplate)

    def sentence_index(self, offset: int) -> int | None:
        """The index of the sentence containing ``offset`` (binary search)."""
        lo, hi = 0, len(self.sentences) - 1
        while lo <= hi:
            mid = (lo + hi) // 2
            s = self.sentences[mid]
            if offset < s.start:
                hi = mid - 1
            elif offset >= s.end:
                lo = mid + 1
            else:
                return mid
        return None

    def check_offsets(self) -> None:
        """Raise :class:`OffsetError` if any span lies outside the text or misquotes it."""
        n = len(self.text)

        def bounds(what: str, start: int, end: int) -> None:
            if not (0 <= start <= end <= n):
                raise OffsetError(f"{what} [{start}, {end}) lies outside text of length {n}")

        def quoted(what: str, start: int, end: int, text: str) -> None:
            bounds(what, start, end)
            if self.text[start:end] != text:
                raise OffsetError(
                    f"{what} [{start}, {end}) says {text!r} but the text there is "
                    f"{self.text[start:end]!r}"
                )

        for b in self.boilerplate:
            bounds("boilerplate", b.start, b.end)
        for ls in self.language_spans:
            bounds("language span", ls.start, ls.end)
        if self.dateline:
            bounds("dateline", self.dateline.start, self.dateline.end)
        for s in self.sentences:
            bounds("sentence", s.start, s.end)
        for t in self.tokens:
            bounds("token", t.start, t.end)
            for ps, pe in t.parts:
                if not (t.start <= ps <= pe <= t.end):
                    raise OffsetError(f"token part [{ps}, {pe}) outside token [{t.start}, {t.end})")
        ids = {e.id for e in self.entities}
        for e in self.entities:
            for m in e.mentions:
                quoted(f"mention of {e.id}", m.start, m.end, m.text)
        for ev in self.events:
            quoted(f"trigger of {ev.id}", ev.trigger.start, ev.trigger.end, ev.trigger.text)
            if ev.date_span:
                bounds(f"date of {ev.id}", *ev.date_span)
            for role, ref in (("source", ev.source), ("target", ev.target), ("location", ev.location)):
                if ref is not None and ref not in ids:
                    raise OffsetError(f"event {ev.id} {role} {ref!r} is not an entity")
            if not (0 <= ev.sentence < max(len(self.sentences), 1)):
                raise OffsetError(f"event {ev.id} points to sentence {ev.sentence}")
        for q in self.quotes:
            quoted("quote", q.start, q.end, q.text)
            if q.speaker is not None and q.speaker not in ids:
                raise OffsetError(f"quote speaker {q.speaker!r} is not an entity")
            if q.cue:
                bounds("quote cue", *q.cue)

    # -- serialization -----------------------------------------------------------------------

    def to_dict(self) -> dict[str, Any]:
        return {
            "schema": SCHEMA,
            "id": self.id,
            "source": self.source.to_dict(),
            "language": self.language,
            "text": self.text,
            "language_spans": [x.to_dict() for x in self.language_spans],
            "boilerplate": [x.to_dict() for x in self.boilerplate],
            "dateline": self.dateline.to_dict() if self.dateline else None,
            "sentences": [x.to_dict() for x in self.sentences],
            "tokens": [x.to_dict() for x in self.tokens],
            "entities": [x.to_dict() for x in self.entities],
            "events": [x.to_dict() for x in self.events],
            "quotes": [x.to_dict() for x in self.quotes],
            "duplicate_of": self.duplicate_of,
            "pipeline": [dict(p) for p in self.pipeline],
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Document:
        if d.get("schema") != SCHEMA:
            raise ValueError(f"not a {SCHEMA} document: schema={d.get('schema')!r}")
        src = d.get("source") or {}
        dl = d.get("dateline")
        return cls(
            id=d["id"],
            text=d["text"],
            source=Source(**{k: src.get(k) for k in ("path", "url", "outlet", "published", "encoding")}),
            language=d.get("language"),
            language_spans=[LanguageSpan(**x) for x in d.get("language_spans", [])],
            boilerplate=[Boilerplate(**x) for x in d.get("boilerplate", [])],
            dateline=Dateline(**dl) if dl else None,
            sentences=[Sentence(**x) for x in d.get("sentences", [])],
            tokens=[
                Token(x["start"], x["end"], x["norm"], tuple((p[0], p[1]) for p in x.get("parts", [])))
                for x in d.get("tokens", [])
            ],
            entities=[
                Entity(
                    id=x["id"],
                    type=x["type"],
                    canonical=x["canonical"],
                    mentions=tuple(Mention(**m) for m in x.get("mentions", [])),
                    country=x.get("country"),
                    actor=x.get("actor"),
                    kb_id=x.get("kb_id"),
                    component=x.get("component"),
                )
                for x in d.get("entities", [])
            ],
            events=[_event_from_dict(x) for x in d.get("events", [])],
            quotes=[
                Quote(
                    start=x["start"],
                    end=x["end"],
                    text=x["text"],
                    speaker=x.get("speaker"),
                    direct=x.get("direct", True),
                    cue=tuple(x["cue"]) if x.get("cue") else None,  # type: ignore[arg-type]
                )
                for x in d.get("quotes", [])
            ],
            duplicate_of=d.get("duplicate_of"),
            pipeline=[dict(p) for p in d.get("pipeline", [])],
        )


def _event_from_dict(x: dict[str, Any]) -> Event:
    t = x["trigger"]
    ds = x.get("date_span")
    return Event(
        id=x["id"],
        plover=x["plover"],
        trigger=Trigger(t["start"], t["end"], t["text"]),
        sentence=x["sentence"],
        cameo=x.get("cameo"),
        mode=x.get("mode"),
        source=x.get("source"),
        target=x.get("target"),
        source_actor=x.get("source_actor"),
        target_actor=x.get("target_actor"),
        location=x.get("location"),
        date=x.get("date"),
        date_span=(ds[0], ds[1]) if ds else None,
        negated=x.get("negated", False),
        modality=x.get("modality", "asserted"),
        count=x.get("count"),
        confidence=x.get("confidence", 0.5),
        background=x.get("background", False),
        symmetric=x.get("symmetric", False),
        coder=x.get("coder"),
    )
