"""A learned second look at who did it and to whom: re-choose each event's source and target.

The rules of :mod:`marsad.events.reader` pick the arguments one construction at a time; on
unseen articles most fully-wrong events have the right type and a wrong source or target. This
model sees every entity named in the event's sentence (plus the rule's own choices, which may
be carried from earlier sentences, the speaker of a quote holding the trigger, and the source of
the previous event), describes each with a few cheap facts (where it stands from the trigger,
the particle before it, its type and kind, whether the rule chose it, …) and scores it with a
linear model per slot (``source``, ``target``), NONE included. The best pair with source ≠ target
replaces the rule's pair only when it scores at least ``threshold`` higher (a margin tuned by
cross-validation in ``scripts/train_event_args.py``); otherwise the rule's pair stays.

Pure Python at run time: features are short strings, weights a dict per slot
(``resources/events/argument_model.json``).
"""

from __future__ import annotations

import bisect
import json
import logging
import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

from marsad.document import Document, Event
from marsad.events.arguments import Mentions
from marsad.events.coding import actor_code
from marsad.normalize import match_key

log = logging.getLogger(__name__)

NAME = "args.linear.v1"
FEATURES = 1  # bump when the features change: a weights file of another version is refused
SLOTS = ("source", "target")

# plover type → a coarse group, for crossing with position and particle facts
_GROUPS = {
    "CONSULT": "meet", "AGREE": "meet", "COOPERATE": "meet",
    "ACCUSE": "say", "REJECT": "say", "REQUEST": "say", "SUPPORT": "say", "THREATEN": "say",
    "CONCEDE": "say", "ASSAULT": "force", "COERCE": "force", "SANCTION": "force",
    "MOBILIZE": "force", "PROTEST": "protest", "AID": "aid", "RETREAT": "force",
}
# the particles that tell a role (keys after match_key); anything else is "other"
_PARTICLES = {match_key(w): w for w in ("من", "مع", "على", "ضد", "إلى", "ل", "ب", "عن", "في", "بين", "agent", "وفق")}
_COMMAS = frozenset("،,؛;:")
_QUOTE_MARKS = frozenset("«»\"“”")
_RULE_CROSSED = ("side:", "prep:", "out", "kind:", "rank:")


@dataclass(frozen=True, slots=True)
class RuleFacts:
    """What the rules knew of an event that its :class:`Event` does not keep."""

    verbal: bool = True  # a verb heads the trigger (not a verbal noun)
    carried: bool = False  # the source was carried from an earlier sentence
    explicit: bool = False  # the source was read in the sentence


def rule_facts(history: Iterable[Any]) -> dict[tuple[int, int], RuleFacts]:
    """(trigger start, end) → :class:`RuleFacts`, read from the reader's drafts by attribute
    name (``verbal``, ``carried``, ``explicit``), so that any draft-like object serves."""
    out: dict[tuple[int, int], RuleFacts] = {}
    for d in history:
        out[(d.trig_start, d.trig_end)] = RuleFacts(
            bool(getattr(d, "verbal", True)), bool(getattr(d, "carried", False)), bool(getattr(d, "explicit", False))
        )
    return out


@dataclass(frozen=True, slots=True)
class Candidate:
    """One choice for a slot: an entity id, or ``None`` (nobody named); with its features."""

    entity: str | None
    features: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class EventCandidates:
    """The candidates of one event (shared by both slots) and the rule's pair."""

    index: int  # into doc.events
    candidates: tuple[Candidate, ...]  # NONE first
    rule: tuple[str | None, str | None]  # (source, target) the rules chose
    context: tuple[str, ...]  # event-level facts, crossed into the slot features


def slot_features(ec: EventCandidates, c: Candidate, slot: int) -> list[str]:
    """The features of candidate ``c`` for slot 0 (source) or 1 (target): its own facts plus
    whether the rule chose it for this slot or the other."""
    mine, other = ec.rule[slot], ec.rule[1 - slot]
    feats = list(c.features)
    if c.entity is None:
        feats.append("none&rule" if mine is None else "none&rule_some")
        for x in ec.context:
            feats.append("none&" + x)
            if mine is None:
                feats.append("none&rule&" + x)
    else:
        if c.entity == mine:
            feats.append("rule")
            for x in ec.context:
                feats.append("rule&" + x)
            for x in c.features:
                if x.startswith(_RULE_CROSSED) and "&" not in x:
                    feats.append("rule&" + x)  # how reliable the rule is where its choice stands
        if c.entity == other:
            feats.append("rule_other")
    return feats


def _bucket(n: int) -> str:
    return "0" if n <= 0 else "1" if n == 1 else "2" if n <= 3 else "4" if n <= 6 else "7" if n <= 12 else "13"


class _DocView:
    """What the features read of one document, computed once per document with events."""

    def __init__(self, doc: Document, mentions: Mentions) -> None:
        self.doc, self.mentions = doc, mentions
        self.tok_starts = [t.start for t in doc.tokens]
        self.kind = {(m.start, m.end): m.kind for e in doc.entities for m in e.mentions}
        self.count = {e.id: len(e.mentions) for e in doc.entities}
        self.types = {e.id: e.type for e in doc.entities}
        self.triggers = sorted(ev.trigger.start for ev in doc.events)

    def tok(self, pos: int) -> int:
        return bisect.bisect_right(self.tok_starts, pos) - 1 if self.tok_starts else pos // 6


def event_candidates(
    doc: Document, mentions: Mentions, facts: dict[tuple[int, int], RuleFacts] | None = None
) -> list[EventCandidates]:
    """The candidates of every event of ``doc`` that lies in a sentence."""
    if not doc.events:
        return []
    view = _DocView(doc, mentions)
    facts = facts or {}
    out = []
    prev_source: str | None = None
    for i, ev in enumerate(doc.events):
        if 0 <= ev.sentence < len(doc.sentences):
            out.append(_candidates(view, i, ev, facts.get((ev.trigger.start, ev.trigger.end)), prev_source))
        if ev.source is not None:
            prev_source = ev.source
    return out


def _speaker(doc: Document, ev: Event, s0: int, s1: int) -> str | None:
    """The speaker of a quote holding the trigger, else of one whose cue is in the sentence."""
    near = None
    for q in doc.quotes:
        if q.speaker is None:
            continue
        if q.start <= ev.trigger.start < q.end:
            return q.speaker
        if q.cue and s0 <= q.cue[0] < s1:
            near = q.speaker
    return near


def _candidates(view: _DocView, index: int, ev: Event, rf: RuleFacts | None, prev_source: str | None) -> EventCandidates:
    doc, text = view.doc, view.doc.text
    sent = doc.sentences[ev.sentence]
    s0, s1 = sent.start, sent.end
    t0, t1 = ev.trigger.start, ev.trigger.end
    group = _GROUPS.get(ev.plover, "other")
    verbal = "v" if rf is None or rf.verbal else "n"
    ctx = [f"pg:{group}", f"pos:{verbal}"]  # POS crossed with NONE and with the rule's choice
    if ev.modality != "asserted":
        ctx.append("modal")
    if rf is not None and rf.carried:
        ctx.append("carried")
    if ev.symmetric:
        ctx.append("sym")
    refs = view.mentions.between(s0, s1)
    ti0, ti1 = view.tok(t0), view.tok(max(t0, t1 - 1))
    # the nearest mention of each entity, and the order of mentions on each side of the trigger
    best: dict[str, tuple[int, Any]] = {}
    after_rank: dict[str, int] = {}
    before_rank: dict[str, int] = {}
    before = [r for r in refs if r.end <= t0]
    after = [r for r in refs if r.start >= t1]
    for k, r in enumerate(after):
        after_rank.setdefault(r.entity, k + 1)
    for k, r in enumerate(reversed(before)):
        before_rank.setdefault(r.entity, k + 1)
    for r in refs:
        if r.start < t1 and r.end > t0:
            continue  # a mention inside the trigger ("المباحثات المصرية") is no argument here
        gap = view.tok(r.start) - ti1 - 1 if r.start >= t1 else ti0 - view.tok(max(r.start, r.end - 1)) - 1
        if r.entity not in best or gap < best[r.entity][0]:
            best[r.entity] = (gap, r)
    first_entity = refs[0].entity if refs else None
    speaker = _speaker(doc, ev, s0, s1)
    ids: list[str] = list(best)
    for extra in (ev.source, ev.target, speaker, prev_source):
        if extra is not None and extra not in best and extra not in ids and extra in view.types:
            ids.append(extra)
    # an entity right next to the trigger with no particle: a likely subject or object
    for gap, r in best.values():
        if gap <= 1 and view.mentions.prep(r.start, s0) is None:
            ctx.append("adj_a" if r.start >= t1 else "adj_b")
    ctx = list(dict.fromkeys(ctx))
    cands = [Candidate(None, ("none",))]
    for eid in ids:
        f = [f"type:{view.types[eid]}", f"type:{view.types[eid]}&pg:{group}", f"sal:{_bucket(view.count.get(eid, 0))}"]
        hit = best.get(eid)
        if hit is None:
            f.append("out")
        else:
            gap, r = hit
            side = "a" if r.start >= t1 else "b"
            rank = after_rank.get(eid, 9) if side == "a" else before_rank.get(eid, 9)
            rank_s = f"{side}{min(rank, 3)}"
            span = text[t1:r.start] if side == "a" else text[r.end:t0]
            prep = view.mentions.prep(r.start, s0)
            prep_s = _PARTICLES.get(prep, "other") if prep else "none"
            kind = view.kind.get((r.start, r.end), "repeat")
            f += [
                f"side:{side}", f"side:{side}&pg:{group}",
                f"rank:{rank_s}", f"rank:{rank_s}&pg:{group}",
                f"dist:{side}{_bucket(gap)}",
                f"prep:{prep_s}", f"prep:{prep_s}&{side}", f"prep:{prep_s}&pg:{group}",
                f"kind:{kind}", f"kind:{kind}&{side}",
            ]
            if gap <= 1 and side == "a":
                f.append(f"adj&pg:{group}")
            if any(ch in _COMMAS for ch in span):
                f.append(f"comma&{side}")
            if any(ch in _QUOTE_MARKS for ch in span):
                f.append(f"quote&{side}")
            lo, hi = (t1, r.start) if side == "a" else (r.end, t0)
            k = bisect.bisect_left(view.triggers, lo)
            if k < len(view.triggers) and view.triggers[k] < hi:
                f.append(f"trig_between&{side}")
            if eid == first_entity:
                f.append("first")
        if eid == speaker:
            f.append("speaker")
        if eid == ev.location:
            f.append("location")
        if eid == prev_source:
            f.append("prev_source")
        cands.append(Candidate(eid, tuple(f)))
    return EventCandidates(index, tuple(cands), (ev.source, ev.target), tuple(ctx))


@dataclass(frozen=True, slots=True)
class Choice:
    """The model's pair for one event, its margin over the rule's pair and its probability."""

    source: str | None
    target: str | None
    margin: float
    probability: float


class ArgumentModel:
    """Linear scores per slot; see the module docstring."""

    def __init__(self, weights: Sequence[dict[str, float]], threshold: float = 0.0, name: str = NAME) -> None:
        self.weights = (dict(weights[0]), dict(weights[1]))
        self.threshold = threshold
        self.name = name

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> ArgumentModel:
        if data.get("features") != FEATURES:
            raise ValueError(f"argument model features v{data.get('features')}, this code reads v{FEATURES}")
        return cls((data["weights"]["source"], data["weights"]["target"]), float(data["threshold"]), data.get("name", NAME))

    @classmethod
    def load(cls, path: str | Path | None = None) -> ArgumentModel:
        if path is None:
            return _packaged()
        return cls.from_dict(json.loads(Path(path).read_text(encoding="utf-8")))

    def scores(self, ec: EventCandidates, slot: int) -> list[float]:
        w = self.weights[slot]
        get = w.get
        return [sum(get(f, 0.0) for f in slot_features(ec, c, slot)) for c in ec.candidates]

    def choose(self, ec: EventCandidates) -> Choice:
        """The best pair (source ≠ target unless one is NONE) and its margin over the rule's."""
        ss, ts = self.scores(ec, 0), self.scores(ec, 1)
        ids = [c.entity for c in ec.candidates]
        best = (-math.inf, 0, 0)
        for i, a in enumerate(ss):
            for j, b in enumerate(ts):
                if i == j and ids[i] is not None:
                    continue
                if a + b > best[0]:
                    best = (a + b, i, j)
        total, i, j = best
        if ec.rule[0] not in ids or ec.rule[1] not in ids:
            return Choice(ec.rule[0], ec.rule[1], -math.inf, 0.0)
        ri, rj = ids.index(ec.rule[0]), ids.index(ec.rule[1])
        margin = total - (ss[ri] + ts[rj])
        prob = _softmax_at(ss, i) * _softmax_at(ts, j)
        return Choice(ids[i], ids[j], margin, prob)

    def apply(self, doc: Document, mentions: Mentions | None = None, history: Iterable[Any] = ()) -> list[Event]:
        """``doc.events`` with the arguments re-chosen where the model is confident enough.

        ``mentions``: the reader's :class:`Mentions` (built here when not given); ``history``:
        the reader's drafts (:func:`rule_facts`)."""
        if not doc.events:
            return doc.events
        mentions = mentions if mentions is not None else Mentions(doc)
        return self.rechoose(doc, event_candidates(doc, mentions, rule_facts(history)))

    def rechoose(self, doc: Document, candidates: Iterable[EventCandidates]) -> list[Event]:
        """:meth:`apply` with the candidates already read (training scores many models on them)."""
        events = list(doc.events)
        ents = {e.id: e for e in doc.entities}
        for ec in candidates:
            ch = self.choose(ec)
            if (ch.source, ch.target) == ec.rule or ch.margin <= self.threshold:
                continue
            ev = events[ec.index]
            events[ec.index] = replace(
                ev,
                source=ch.source,
                target=ch.target,
                source_actor=actor_code(ents.get(ch.source)) if ch.source else None,
                target_actor=actor_code(ents.get(ch.target)) if ch.target else None,
                confidence=round(max(0.05, min(0.95, ch.probability)), 2),
                coder=f"{ev.coder}+{self.name}" if ev.coder else self.name,
            )
        return events


def _softmax_at(xs: list[float], i: int) -> float:
    m = max(xs)
    return math.exp(xs[i] - m) / sum(math.exp(x - m) for x in xs)


@lru_cache(maxsize=1)
def _packaged() -> ArgumentModel:
    text = resources.files("marsad").joinpath("resources", "events", "argument_model.json").read_text("utf-8")
    return ArgumentModel.from_dict(json.loads(text))
