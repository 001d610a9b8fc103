"""Score one predicted :class:`Document` against one :class:`GoldDocument`.

What each figure counts (``marsad eval --help`` says the same in fewer words):

- boilerplate: characters (whitespace ignored) of gold boilerplate the prediction marked
  (recall), and of predicted boilerplate that is gold boilerplate (precision: the rest is body
  text wrongly removed);
- mentions: name and role mentions of required gold entities against predicted mentions of
  kind name, role or nominal (pronouns are not annotated in gold, so they are not counted);
  a match needs span overlap ≥ half the union and a compatible type; mentions of optional
  gold entities are neither required nor counted against;
- entities.found: required gold entities with at least one matched mention; the predicted
  entity holding most of their matched mentions is "their" entity;
- country: over found entities with a gold country, the share whose entity has that country;
- coref: pairs of one gold entity's mentions (both matched) that sit in one predicted entity
  (recall over all gold pairs; precision over predicted same-entity pairs of matched mentions;
  the difference is pairs wrongly merged);
- events: one-to-one; a match needs the trigger in the gold event's sentence, a compatible
  PLOVER type (``plover``/``alt_plover``) or CAMEO root (first two digits of ``cameo``/
  ``alt_cameo``), and source and target resolving to the gold ones (a predicted entity resolves
  to a gold entity when one of its mentions matches one of the gold entity's mentions, or when
  both have the same country code; a gold null needs a predicted null); ``symmetric`` gold
  events accept swapped actors; predictions matching only optional gold events are ignored;
  predictions whose trigger is on a ``forbidden_events`` line are always wrong;
- event date / location: over matched events whose gold has one (a location must resolve by
  mention, not by country);
- quotes: overlap ≥ half the union and a speaker resolving (by mention) to the gold speaker;
  quotes.speaker: over span-matched quotes, the share with the right speaker;
- dateline: the dateline date equals ``expect_published`` (where the gold has one).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, fields
from functools import cached_property
from typing import Any

from marsad.document import Article, Document, Entity, Event, Source
from marsad.evaluate.gold import GoldDocument, GoldEntity, GoldEvent
from marsad.evaluate.match import (
    max_matching,
    overlap,
    overlap_ratio,
    spans_match,
    split_sentences,
    types_compatible,
)
from marsad.evaluate.scores import PRF, Accuracy
from marsad.pipeline import Pipeline

COUNTED_MENTION_KINDS = frozenset({"name", "role", "nominal"})


@dataclass(frozen=True, slots=True)
class Item:
    """One miss, spurious or wrong item, with its text, for the report."""

    layer: str  # boilerplate, mention, entity, coref, country, event, event_date, ...
    kind: str  # miss | spurious | wrong
    text: str
    start: int | None = None
    end: int | None = None
    detail: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {
            "layer": self.layer,
            "kind": self.kind,
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "detail": self.detail,
        }


@dataclass(frozen=True, slots=True)
class GoldScores:
    """Every counter of the gold-document evaluation; ``+`` micro-averages."""

    boilerplate: PRF = PRF()
    mentions: PRF = PRF()
    entities_found: Accuracy = Accuracy()
    coref: PRF = PRF()
    country: Accuracy = Accuracy()
    events: PRF = PRF()
    event_date: Accuracy = Accuracy()
    event_location: Accuracy = Accuracy()
    quotes: PRF = PRF()
    quote_speaker: Accuracy = Accuracy()
    dateline: Accuracy = Accuracy()
    forbidden_hits: int = 0

    def __add__(self, other: GoldScores) -> GoldScores:
        return GoldScores(*(getattr(self, f.name) + getattr(other, f.name) for f in fields(self)))

    def metrics(self, prefix: str = "gold") -> dict[str, float | None]:
        """Flat higher-is-better figures, the names baselines use."""
        out: dict[str, float | None] = {}
        for name, prf in (
            ("boilerplate", self.boilerplate),
            ("mentions", self.mentions),
            ("coref", self.coref),
            ("events", self.events),
            ("quotes", self.quotes),
        ):
            out[f"{prefix}.{name}.precision"] = prf.precision
            out[f"{prefix}.{name}.recall"] = prf.recall
            out[f"{prefix}.{name}.f1"] = prf.f1
        out[f"{prefix}.entities.found"] = self.entities_found.value
        out[f"{prefix}.country.accuracy"] = self.country.value
        out[f"{prefix}.events.date_accuracy"] = self.event_date.value
        out[f"{prefix}.events.location_accuracy"] = self.event_location.value
        out[f"{prefix}.quotes.speaker_accuracy"] = self.quote_speaker.value
        out[f"{prefix}.dateline.accuracy"] = self.dateline.value
        return out

    def to_dict(self) -> dict[str, Any]:
        d: dict[str, Any] = {}
        for f in fields(self):
            v = getattr(self, f.name)
            d[f.name] = v if isinstance(v, int) else v.to_dict()
        return d


@dataclass(frozen=True, slots=True)
class DocResult:
    id: str
    path: str
    scores: GoldScores
    items: tuple[Item, ...] = ()
    reject: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "path": self.path,
            "reject": self.reject,
            "metrics": self.scores.metrics(),
            "scores": self.scores.to_dict(),
            "items": [i.to_dict() for i in self.items],
        }


@dataclass
class GoldEvaluation:
    """All documents' results and their micro-average."""

    documents: list[DocResult] = field(default_factory=list)

    @property
    def total(self) -> GoldScores:
        total = GoldScores()
        for d in self.documents:
            total = total + d.scores
        return total

    def metrics(self) -> dict[str, float | None]:
        return self.total.metrics()

    def to_dict(self) -> dict[str, Any]:
        return {
            "documents": [d.to_dict() for d in self.documents],
            "micro": self.total.to_dict(),
            "metrics": self.metrics(),
        }


def evaluate_gold(golds: Iterable[GoldDocument], pipeline: Pipeline) -> GoldEvaluation:
    """Run ``pipeline`` on each gold text (passing its ``published``) and score it."""
    return GoldEvaluation(list(_evaluate(golds, pipeline)))


def _evaluate(golds: Iterable[GoldDocument], pipeline: Pipeline) -> Iterator[DocResult]:
    for gold in golds:
        article = Article(
            text=gold.text, source=Source(path=gold.text_file, published=gold.published), id=gold.id
        )
        outcome = pipeline.process(article)
        reject = None
        if outcome.document is None:
            assert outcome.reject is not None
            reject = f"{outcome.reject.reason}: {outcome.reject.detail}".rstrip(": ")
            doc = Document(id=gold.id, text=gold.text)
        else:
            doc = outcome.document
            if doc.text != gold.text:
                reject = "the pipeline changed Document.text"
                doc = Document(id=gold.id, text=gold.text)
        yield score_document(gold, doc, reject=reject)


def score_document(gold: GoldDocument, doc: Document, reject: str | None = None) -> DocResult:
    """Score ``doc`` (a prediction over ``gold.text``) against ``gold``."""
    if doc.text != gold.text:
        raise ValueError(f"document {doc.id} does not carry the gold text of {gold.id}")
    s = _Scorer(gold, doc)
    scores = GoldScores(
        boilerplate=s.boilerplate(),
        **s.mentions_and_entities(),
        **s.events(),
        **s.quotes(),
        dateline=s.dateline(),
    )
    return DocResult(gold.id, gold.path, scores, tuple(s.items), reject)


def _non_space(text: str, spans: Iterable[tuple[int, int]]) -> set[int]:
    return {i for s, e in spans for i in range(s, e) if not text[i].isspace()}


class _Scorer:
    """Holds one gold/prediction pair and the items found while scoring it."""

    def __init__(self, gold: GoldDocument, doc: Document) -> None:
        self.gold, self.doc = gold, doc
        self.items: list[Item] = []
        self.pred_entities: dict[str, Entity] = {e.id: e for e in doc.entities}
        # (predicted entity id, gold entity id) pairs with at least one matching mention
        self.linked: set[tuple[str, str]] = {
            (pe.id, ge.id)
            for pe in doc.entities
            for ge in gold.entities
            if any(
                spans_match(pm.start, pm.end, gm.start, gm.end)
                for pm in pe.mentions
                for gm in ge.mentions
            )
        }

    def add(
        self,
        layer: str,
        kind: str,
        start: int | None,
        end: int | None,
        detail: str = "",
        text: str = "",
    ) -> None:
        if start is not None and end is not None:
            text = self.gold.text[start:end]
        self.items.append(Item(layer, kind, text, start, end, detail))

    # -- helpers ------------------------------------------------------------------------------

    def resolves(self, pred_id: str | None, gold_id: str | None, *, by_country: bool) -> bool:
        if gold_id is None or pred_id is None:
            return gold_id is None and pred_id is None
        if (pred_id, gold_id) in self.linked:
            return True
        if not by_country:
            return False
        pe, ge = self.pred_entities.get(pred_id), self.gold.entity(gold_id)
        return bool(pe and ge and pe.country and pe.country == ge.country)

    def pred_name(self, entity_id: str | None) -> str:
        if entity_id is None:
            return "∅"
        e = self.pred_entities.get(entity_id)
        if e is None:
            return f"?{entity_id}"
        name = e.canonical or (e.mentions[0].text if e.mentions else e.id)
        return f"{name}[{e.id}]"

    # -- layers -------------------------------------------------------------------------------

    def boilerplate(self) -> PRF:
        text = self.gold.text
        gold = _non_space(text, ((b.start, b.end) for b in self.gold.boilerplate))
        pred = _non_space(text, ((b.start, b.end) for b in self.doc.boilerplate))
        for gb in self.gold.boilerplate:
            missing = _non_space(text, [(gb.start, gb.end)]) - pred
            if missing:
                self.add(
                    "boilerplate",
                    "miss",
                    gb.start,
                    gb.end,
                    f"{len(missing)} chars left in the body",
                )
        for pb in self.doc.boilerplate:
            wrong = _non_space(text, [(pb.start, pb.end)]) - gold
            if wrong:
                self.add(
                    "boilerplate",
                    "spurious",
                    pb.start,
                    pb.end,
                    f"{len(wrong)} body chars marked {pb.kind}",
                )
        return PRF(len(gold & pred), len(pred), len(gold))

    def mentions_and_entities(self) -> dict[str, Any]:
        gold_req = [(ge, m) for ge in self.gold.entities if not ge.optional for m in ge.mentions]
        gold_opt = [(ge, m) for ge in self.gold.entities if ge.optional for m in ge.mentions]
        pred = [
            (pe, m)
            for pe in self.doc.entities
            for m in pe.mentions
            if m.kind in COUNTED_MENTION_KINDS
        ]

        def score(g: int, p: int) -> float | None:
            ge, gm = gold_req[g]
            pe, pm = pred[p]
            if not spans_match(pm.start, pm.end, gm.start, gm.end):
                return None
            if not types_compatible(pe.type, ge.types):
                return None
            return overlap_ratio(pm.start, pm.end, gm.start, gm.end)

        g2p = max_matching(len(gold_req), len(pred), score)
        matched_pred = set(g2p.values())
        ignored = 0
        for p, (pe, pm) in enumerate(pred):
            if p in matched_pred:
                continue
            if any(
                spans_match(pm.start, pm.end, gm.start, gm.end)
                and types_compatible(pe.type, ge.types)
                for ge, gm in gold_opt
            ):
                ignored += 1
                continue
            hint = ""
            for ge, gm in gold_req:
                if spans_match(pm.start, pm.end, gm.start, gm.end):
                    hint = f"; overlaps gold {ge.id} ({ge.type})"
                    break
            self.add(
                "mention",
                "spurious",
                pm.start,
                pm.end,
                f"{pe.type} {pm.kind} of {self.pred_name(pe.id)}{hint}",
            )
        for g, (ge, gm) in enumerate(gold_req):
            if g not in g2p:
                self.add("mention", "miss", gm.start, gm.end, f"{ge.type} {gm.kind} of {ge.id}")
        mentions = PRF(len(g2p), len(pred) - ignored, len(gold_req))

        # entities: which predicted entity holds each gold entity's matched mentions
        by_gold: dict[str, Counter[str]] = defaultdict(Counter)
        for g, p in g2p.items():
            by_gold[gold_req[g][0].id][pred[p][0].id] += 1
        found = Accuracy()
        country = Accuracy()
        for ge in self.gold.entities:
            if ge.optional or not ge.mentions:
                continue
            holders = by_gold.get(ge.id)
            found = found + Accuracy(1 if holders else 0, 1)
            if not holders:
                self.add(
                    "entity", "miss", None, None, f"{ge.id} ({ge.type}) not found", ge.canonical
                )
                continue
            main = holders.most_common(1)[0][0]
            if ge.country:
                got = self.pred_entities[main].country
                ok = got == ge.country
                country = country + Accuracy(int(ok), 1)
                if not ok:
                    self.add(
                        "country",
                        "wrong",
                        None,
                        None,
                        f"{ge.id}: {got} instead of {ge.country}",
                        ge.canonical,
                    )
            if len(holders) > 1:
                parts = ", ".join(self.pred_name(x) for x in holders)
                self.add("coref", "miss", None, None, f"{ge.id} split across {parts}", ge.canonical)

        # coreference pairs
        gold_pairs = sum(
            len(ge.mentions) * (len(ge.mentions) - 1) // 2
            for ge in self.gold.entities
            if not ge.optional
        )
        members: dict[str, list[GoldEntity]] = defaultdict(list)
        for g, p in g2p.items():
            members[pred[p][0].id].append(gold_req[g][0])
        tp = pred_pairs = 0
        for pid, gold_ents in members.items():
            n = len(gold_ents)
            pred_pairs += n * (n - 1) // 2
            counts = Counter(ge.id for ge in gold_ents)
            tp += sum(c * (c - 1) // 2 for c in counts.values())
            if len(counts) > 1:
                self.add(
                    "coref",
                    "spurious",
                    None,
                    None,
                    f"merges gold {', '.join(counts)}",
                    self.pred_name(pid),
                )
        return {
            "mentions": mentions,
            "entities_found": found,
            "country": country,
            "coref": PRF(tp, pred_pairs, gold_pairs),
        }

    def _sentence_of(self, start: int, end: int) -> tuple[int, int]:
        """The gold event's sentence: the prediction's own sentences, else a plain split."""
        if self.doc.sentences:
            i = self.doc.sentence_index(start)
            if i is not None:
                sentence = self.doc.sentences[i]
                return sentence.start, sentence.end
        for s, e in self._fallback_sentences:
            if s <= start < e or overlap(s, e, start, end):
                return s, e
        return start, end

    @cached_property
    def _fallback_sentences(self) -> list[tuple[int, int]]:
        return split_sentences(self.gold.text)

    def _type_ok(self, p: Event, g: GoldEvent) -> bool:
        if p.plover.upper() in {g.plover, *g.alt_plover}:
            return True
        roots = {c[:2] for c in (g.cameo, *g.alt_cameo) if c}
        return bool(p.cameo and p.cameo[:2] in roots)

    def _actors_ok(self, p: Event, g: GoldEvent) -> bool:
        def ok(src: str | None, tgt: str | None) -> bool:
            return self.resolves(src, g.source, by_country=True) and self.resolves(
                tgt, g.target, by_country=True
            )

        return ok(p.source, p.target) or (g.symmetric and ok(p.target, p.source))

    def _why_not(self, p: Event, g: GoldEvent, sent: tuple[int, int]) -> str | None:
        if not overlap(p.trigger.start, p.trigger.end, *sent):
            return "not in the sentence"
        if not self._type_ok(p, g):
            return f"type {p.plover}/{p.cameo}"
        if not self._actors_ok(p, g):
            return f"actors {self.pred_name(p.source)}→{self.pred_name(p.target)}"
        return None

    def events(self) -> dict[str, Any]:
        gold = self.gold
        forbidden = [
            any(
                overlap(p.trigger.start, p.trigger.end, f.start, f.end)
                or f.start <= p.trigger.start < f.end
                for f in gold.forbidden_events
            )
            for p in self.doc.events
        ]
        candidates = [i for i, bad in enumerate(forbidden) if not bad]
        preds = [self.doc.events[i] for i in candidates]
        req = [g for g in gold.events if not g.optional]
        opt = [g for g in gold.events if g.optional]
        sent = {g.id: self._sentence_of(g.evidence.start, g.evidence.end) for g in gold.events}

        def score(gi: int, pi: int) -> tuple[int, int, int] | None:
            g, p = req[gi], preds[pi]
            if self._why_not(p, g, sent[g.id]) is not None:
                return None
            on_evidence = int(
                bool(overlap(p.trigger.start, p.trigger.end, g.evidence.start, g.evidence.end))
            )
            return (
                on_evidence,
                int(p.plover.upper() == g.plover),
                -abs(p.trigger.start - g.evidence.start),
            )

        g2p = max_matching(len(req), len(preds), score)
        matched = set(g2p.values())
        ignored = 0
        for pi, p in enumerate(preds):
            if pi in matched:
                continue
            if any(self._why_not(p, g, sent[g.id]) is None for g in opt):
                ignored += 1
                continue
            self.add("event", "spurious", p.trigger.start, p.trigger.end, self._describe(p))
        hits = 0
        for i, bad in enumerate(forbidden):
            if bad:
                hits += 1
                p = self.doc.events[i]
                self.add(
                    "event",
                    "spurious",
                    p.trigger.start,
                    p.trigger.end,
                    self._describe(p) + "; on a forbidden line",
                )
        for gi, g in enumerate(req):
            if gi in g2p:
                continue
            reasons = [
                r
                for p in preds
                if overlap(p.trigger.start, p.trigger.end, *sent[g.id])
                and (r := self._why_not(p, g, sent[g.id]))
            ]
            near = f"; in its sentence: {'; '.join(reasons)}" if reasons else ""
            self.add(
                "event",
                "miss",
                g.evidence.start,
                g.evidence.end,
                f"{g.id} {g.plover}/{g.cameo} {g.source or '∅'}→{g.target or '∅'}{near}",
            )
        date = location = Accuracy()
        for gi, pi in g2p.items():
            g, p = req[gi], preds[pi]
            if g.date:
                ok = p.date == g.date
                date = date + Accuracy(int(ok), 1)
                if not ok:
                    self.add(
                        "event_date",
                        "wrong",
                        p.trigger.start,
                        p.trigger.end,
                        f"{g.id}: {p.date} instead of {g.date}",
                    )
            if g.location:
                ok = self.resolves(p.location, g.location, by_country=False)
                location = location + Accuracy(int(ok), 1)
                if not ok:
                    self.add(
                        "event_location",
                        "wrong",
                        p.trigger.start,
                        p.trigger.end,
                        f"{g.id}: {self.pred_name(p.location)} instead of {g.location}",
                    )
        return {
            "events": PRF(len(g2p), len(self.doc.events) - ignored, len(req)),
            "event_date": date,
            "event_location": location,
            "forbidden_hits": hits,
        }

    def _describe(self, p: Event) -> str:
        return f"{p.plover}/{p.cameo} {self.pred_name(p.source)}→{self.pred_name(p.target)}"

    def quotes(self) -> dict[str, Any]:
        req = [q for q in self.gold.quotes if not q.optional]
        opt = [q for q in self.gold.quotes if q.optional]
        preds = self.doc.quotes

        def span_score(gi: int, pi: int) -> float | None:
            g, p = req[gi], preds[pi]
            if not spans_match(p.start, p.end, g.start, g.end):
                return None
            return overlap_ratio(p.start, p.end, g.start, g.end)

        def full_score(gi: int, pi: int) -> float | None:
            s = span_score(gi, pi)
            if s is None or not self.resolves(preds[pi].speaker, req[gi].speaker, by_country=False):
                return None
            return s

        by_span = max_matching(len(req), len(preds), span_score)
        speaker = Accuracy(
            sum(
                self.resolves(preds[p].speaker, req[g].speaker, by_country=False)
                for g, p in by_span.items()
            ),
            len(by_span),
        )
        g2p = max_matching(len(req), len(preds), full_score)
        matched = set(g2p.values())
        ignored = 0
        for pi, p in enumerate(preds):
            if pi in matched:
                continue
            if any(spans_match(p.start, p.end, g.start, g.end) for g in opt):
                ignored += 1
                continue
            self.add("quote", "spurious", p.start, p.end, f"speaker {self.pred_name(p.speaker)}")
        for gi, g in enumerate(req):
            if gi in g2p:
                continue
            why = ""
            if gi in by_span:
                why = f"; found with speaker {self.pred_name(preds[by_span[gi]].speaker)}"
            self.add("quote", "miss", g.start, g.end, f"speaker {g.speaker or '∅'}{why}")
        return {"quotes": PRF(len(g2p), len(preds) - ignored, len(req)), "quote_speaker": speaker}

    def dateline(self) -> Accuracy:
        want = self.gold.expect_published
        if not want:
            return Accuracy()
        got = self.doc.dateline.date if self.doc.dateline else None
        if got != want:
            dl = self.doc.dateline
            self.add(
                "dateline",
                "wrong",
                dl.start if dl else None,
                dl.end if dl else None,
                f"dateline date {got} instead of {want}",
            )
        return Accuracy(int(got == want), 1)
