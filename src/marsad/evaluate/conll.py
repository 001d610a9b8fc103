"""CoNLL NER evaluation (ANERcorp style): conlleval exact-chunk precision/recall/F1.

Input: one ``token TAG`` per line (first and last column), a blank line between sentences,
BIO tags over PERS/LOC/ORG/MISC. Each sentence's text is its tokens joined by single spaces;
the pipeline analyses the sentences (in batches, see :mod:`.batch`), and every predicted *name*
mention becomes a chunk over the tokens it overlaps. Overlap, not containment, because the
corpus tags whole tokens ("وروسيا" is B-LOC) while Marsad leaves proclitics outside the span
("روسيا"). Where predicted chunks overlap, the longer one wins.

Types are mapped Marsad → ANERcorp as in :data:`TYPE_MAP` (PER→PERS, GPE→LOC, LOC→LOC,
ORG→ORG, anything else → MISC). Chunking follows conlleval: a chunk starts at B-X, or at I-X
after O or after a chunk of another type (so a stray I- starts a chunk), and a chunk matches
only with the same first token, last token and type.

ANERcorp tags proper names only; a Marsad *name* mention is wider (see :func:`anercorp_span`).
The convention, measured on ANERcorp train (never test), is:

- peoples (NORP: "الفلسطينيين", "الشعب الفلسطيني") are not scored: ANERcorp leaves
  nationality words untagged (unlike CoNLL-2003 English, which tags them MISC);
- descriptions are not scored: an organisation composed from a body noun with no
  knowledge-base entry ("وزارة الصناعة", "مجلس الشيوخ"), an organisation or a descriptive place
  closed by a nationality adjective ("الحكومة المصرية", "الجيش الإسرائيلي", "العاصمة العراقية",
  "الجنوب اللبناني"), and outlets' epithets for a state or its forces ("الاحتلال",
  "الكيان الصهيوني", "جيش الاحتلال"). Marsad keeps them as name mentions of their entity (the
  project's gold does too); in ANERcorp they are plain words (train: 9 of 331 composed
  organisations and 0 of 194 peoples were tagged);
- a leading designator noun (without the article) or a person's title is left out of the scored chunk: "دولة قطر" scores as "قطر",
  "حركة طالبان" as "طالبان", "مخيم جنين" as "جنين", as ANERcorp tags them (train: "مدينة"
  107 times outside a name and never inside; see :data:`DESIGNATORS`). A state whose own name
  starts with a direction ("جنوب أفريقيا") keeps it; so is an honorific epithet after a holy
  city ("مكة المكرمة" → "مكة").
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from marsad.document import Document
from marsad.evaluate.batch import NameMention, analyse_texts
from marsad.evaluate.gold import GoldFormatError
from marsad.evaluate.scores import PRF
from marsad.normalize import match_key
from marsad.pipeline import Pipeline

if TYPE_CHECKING:
    from marsad.entities.roles import Grammar

TYPE_MAP: dict[str, str] = {"PER": "PERS", "GPE": "LOC", "LOC": "LOC", "ORG": "ORG"}
OTHER_TYPE = "MISC"
#: Marsad types that ANERcorp does not tag at all (peoples).
UNSCORED_TYPES = frozenset({"NORP"})

#: Nouns ANERcorp leaves outside the name they introduce ("دولة قطر" → B-LOC on "قطر").
DESIGNATORS = frozenset(
    match_key(w)
    for w in [
        "دولة", "جمهورية", "إقليم", "حركة", "قناة", "صحيفة", "جريدة", "مدينة", "قطاع", "مخيم", "بلدة",
        "قرية", "محافظة", "منطقة", "ولاية", "عاصمة", "جزيرة", "نهر", "شركة", "نادي",
        "جنوب", "شمال", "شرق", "غرب",
    ]
)
#: Titles before a person's name, left out with their article ("الملك محمد السادس").
_TITLES = frozenset(match_key(w) for w in ["ملك", "امام", "رئيس", "امير", "شيخ", "سلطان"])
_DIRECTIONS = frozenset(match_key(w) for w in ["جنوب", "شمال", "شرق", "غرب", "وسط"])
#: Outlets' names for a state or its forces: descriptions, not names ("الاحتلال", "الكيان الصهيوني").
EPITHET_WORDS = frozenset(match_key(w) for w in ["احتلال", "صهيوني", "صهيونية", "عدو"])
#: Place descriptions closed by a nationality adjective: "العاصمة العراقية", "الجنوب اللبناني".
_PLACE_DESCRIPTIONS = frozenset(match_key(w) for w in ["عاصمة", "جنوب", "شمال", "شرق", "غرب", "وسط"])
#: Honorific epithets after a holy city's name, outside the ANERcorp name ("مكة المكرمة" → "مكة").
TRAILING_EPITHETS = frozenset(match_key(w) for w in ["المكرمة", "المنورة", "المقدسة", "الشريف", "المبارك"])
_WORD = re.compile(r"\S+")

Chunk = tuple[int, int, str]  # first token, last token + 1, type


@dataclass(frozen=True, slots=True)
class ConllSentence:
    tokens: tuple[str, ...]
    tags: tuple[str, ...]

    @property
    def text(self) -> str:
        return " ".join(self.tokens)

    def offsets(self) -> list[tuple[int, int]]:
        out, pos = [], 0
        for tok in self.tokens:
            out.append((pos, pos + len(tok)))
            pos += len(tok) + 1
        return out


def read_conll(path: str | Path, limit: int | None = None) -> list[ConllSentence]:
    """Sentences of a CoNLL file; ``limit`` keeps the first N (a deterministic subset)."""
    sentences: list[ConllSentence] = []
    tokens: list[str] = []
    tags: list[str] = []

    def flush() -> None:
        if tokens:
            sentences.append(ConllSentence(tuple(tokens), tuple(tags)))
            tokens.clear()
            tags.clear()

    try:
        fh = open(path, encoding="utf-8-sig")  # noqa: SIM115
    except OSError as exc:
        raise GoldFormatError(f"cannot read CoNLL file {path}: {exc}") from exc
    with fh:
        for n, line in enumerate(fh, 1):
            cols = line.split()
            if not cols or line.startswith("-DOCSTART-"):
                flush()
                if limit is not None and len(sentences) >= limit:
                    break
                continue
            if len(cols) < 2:
                raise GoldFormatError(f"{path}:{n}: expected 'token TAG', got {line.rstrip()!r}")
            tokens.append(cols[0])
            tags.append(cols[-1])
    flush()
    return sentences[:limit] if limit is not None else sentences


def chunks(tags: Sequence[str]) -> set[Chunk]:
    """conlleval chunks of a BIO (or IOB1) tag sequence."""
    out: set[Chunk] = set()
    start: int | None = None
    kind = ""
    for i, tag in enumerate((*tags, "O")):
        prefix, _, t = tag.partition("-")
        begins = prefix == "B" or (prefix == "I" and (start is None or t != kind))
        if start is not None and (prefix == "O" or begins):
            out.add((start, i, kind))
            start = None
        if begins:
            start, kind = i, t
    return out


def map_type(marsad_type: str) -> str:
    return TYPE_MAP.get(marsad_type, OTHER_TYPE)


@dataclass(frozen=True, slots=True)
class DocMention:
    """A predicted name mention with what the convention needs about its entity."""

    start: int
    end: int
    type: str
    kb_id: str | None


@lru_cache(maxsize=1)
def _grammar() -> Grammar:
    from marsad.entities.roles import Grammar

    return Grammar.load()


def _bare(word: str) -> str:
    from marsad.entities.role_words import bare

    return bare(match_key(word))


def _vocabulary(grammar: Grammar) -> frozenset[str]:
    """Common words of organisation and place descriptions (bare keys)."""
    return frozenset(
        grammar.complements | set(grammar.bodies) | grammar.bodies_without_country | set(grammar.heads)
        | grammar.connectors | _PLACE_DESCRIPTIONS | {_bare(w) for w in grammar.facility_modifiers}
    )


@lru_cache(maxsize=1)
def _common_words() -> frozenset[str]:
    return _vocabulary(_grammar())


def anercorp_spans(text: str, ent_type: str, kb_id: str | None = None) -> list[tuple[int, int, str]]:
    """What ANERcorp would tag inside a Marsad name mention ``text``: ``(start, end, type)``
    offsets into ``text``, Marsad types; empty when it tags none of it (module docstring)."""
    if ent_type in UNSCORED_TYPES:
        return []
    found = [(m.start(), m.end()) for m in _WORD.finditer(text)]
    if not found:
        return []
    while len(found) > 1 and match_key(text[found[-1][0] : found[-1][1]]) in TRAILING_EPITHETS:
        found.pop()
    bare_words = [_bare(text[s:e]) for s, e in found]
    if any(b in EPITHET_WORDS for b in bare_words):
        return []  # "الاحتلال", "الكيان الصهيوني", "جيش الاحتلال"
    grammar, common = _grammar(), _common_words()
    kb = grammar.kb
    is_state = bool(kb_id and kb_id.startswith("state:"))
    n = len(found)
    if n > 1 and ent_type != "PER" and not is_state:
        adj = kb.adjective(text[found[-1][0] : found[-1][1]])
        if adj is not None and adj.form != "pl":
            head = text[found[0][0] : found[-2][1]]
            if kb.lookup(head):
                return [(found[0][0], found[-2][1], ent_type)]  # "حزب الله اللبناني" → "حزب الله"
            if bare_words[0] in common:
                return []  # "الحكومة المصرية", "الجيش الإسرائيلي", "العاصمة العراقية"
    if ent_type in {"ORG", "FAC"} and kb_id is None and (
        bare_words[0] in grammar.bodies or bare_words[0] in grammar.bodies_without_country
    ):
        # a body composed from common words ("وزارة الصناعة", "حكومة كوبا"): only a place
        # named inside it is an ANERcorp name
        places, k = [], 1
        while k < n:
            hit = next(
                (
                    (m, kb.lookup(text[found[k][0] : found[m - 1][1]])[0])
                    for m in range(n, k, -1)
                    if kb.lookup(text[found[k][0] : found[m - 1][1]])
                ),
                None,
            )
            if hit is not None and hit[1].type in {"GPE", "LOC"} and not hit[1].weak:
                places.append((found[k][0], found[hit[0] - 1][1], hit[1].type))
                k = hit[0]
                continue
            if bare_words[k] not in common:
                break  # "حزب الاستقلال", "اتحاد طنجة": a proper name after all
            k += 1
        else:
            return places
    first = found[0][0], found[0][1]
    word = match_key(text[first[0] : first[1]])
    designator = word in DESIGNATORS or (word.startswith("ال") and word[2:] in _TITLES)
    if n > 1 and designator and not (is_state and word in _DIRECTIONS):
        return [(found[1][0], found[-1][1], ent_type)]  # "دولة قطر" → "قطر"
    return [(found[0][0], found[-1][1], ent_type)]


def scored_mentions(sentence_text: str, mentions: Iterable[DocMention]) -> list[NameMention]:
    """The mentions of one sentence as ANERcorp would score them (offsets into the sentence)."""
    out = []
    for m in mentions:
        for s, e, t in anercorp_spans(sentence_text[m.start : m.end], m.type, m.kb_id):
            out.append(NameMention(m.start + s, m.start + e, t))
    return out


def _name_mentions(doc: Document) -> list[DocMention]:
    return sorted(
        (DocMention(m.start, m.end, e.type, e.kb_id) for e in doc.entities for m in e.mentions if m.kind == "name"),
        key=lambda m: (m.start, m.end),
    )


def predicted_chunks(
    offsets: Sequence[tuple[int, int]], mentions: Iterable[NameMention]
) -> set[Chunk]:
    """Chunks over the tokens each mention overlaps; overlapping mentions: the longer wins."""
    claimed: set[int] = set()
    out: set[Chunk] = set()
    for m in sorted(mentions, key=lambda m: (-(m.end - m.start), m.start)):
        covered = [i for i, (s, e) in enumerate(offsets) if s < m.end and m.start < e]
        if not covered or claimed.intersection(covered):
            continue
        claimed.update(covered)
        out.add((covered[0], covered[-1] + 1, map_type(m.type)))
    return out


@dataclass
class ConllEvaluation:
    path: str
    sentences: int = 0
    tokens: int = 0
    overall: PRF = PRF()
    by_type: dict[str, PRF] = field(default_factory=dict)
    rejects: Counter[str] = field(default_factory=Counter)
    examples: list[dict[str, Any]] = field(default_factory=list)  # first misses / spurious

    def metrics(self, prefix: str = "conll") -> dict[str, float | None]:
        out = {
            f"{prefix}.precision": self.overall.precision,
            f"{prefix}.recall": self.overall.recall,
            f"{prefix}.f1": self.overall.f1,
        }
        for t in sorted(self.by_type):
            out[f"{prefix}.{t}.f1"] = self.by_type[t].f1
        return out

    def to_dict(self) -> dict[str, Any]:
        return {
            "path": self.path,
            "sentences": self.sentences,
            "tokens": self.tokens,
            "type_map": {**TYPE_MAP, "*": OTHER_TYPE},
            "unscored": "peoples (NORP), descriptions and epithets; designators left out (see marsad.evaluate.conll)",
            "overall": self.overall.to_dict(),
            "by_type": {t: p.to_dict() for t, p in sorted(self.by_type.items())},
            "rejects": dict(self.rejects),
            "examples": self.examples,
            "metrics": self.metrics(),
        }


def score_sentences(
    sentences: Sequence[ConllSentence], predicted: Sequence[set[Chunk]], max_examples: int = 20
) -> ConllEvaluation:
    """Compare gold chunks with predicted chunks, sentence by sentence."""
    ev = ConllEvaluation(path="")
    types: set[str] = set()
    tp: Counter[str] = Counter()
    n_pred: Counter[str] = Counter()
    n_gold: Counter[str] = Counter()
    for sent, pred in zip(sentences, predicted, strict=True):
        gold = chunks(sent.tags)
        ev.sentences += 1
        ev.tokens += len(sent.tokens)
        for c in gold:
            n_gold[c[2]] += 1
        for c in pred:
            n_pred[c[2]] += 1
        for c in gold & pred:
            tp[c[2]] += 1
        types.update(c[2] for c in gold | pred)
        for kind, items in (("miss", gold - pred), ("spurious", pred - gold)):
            for s, e, t in sorted(items):
                if len(ev.examples) < max_examples:
                    ev.examples.append(
                        {
                            "kind": kind,
                            "type": t,
                            "text": " ".join(sent.tokens[s:e]),
                            "sentence": ev.sentences - 1,
                        }
                    )
    ev.by_type = {t: PRF(tp[t], n_pred[t], n_gold[t]) for t in sorted(types)}
    ev.overall = PRF(sum(tp.values()), sum(n_pred.values()), sum(n_gold.values()))
    return ev


def evaluate_conll(
    path: str | Path,
    pipeline: Pipeline,
    *,
    limit: int | None = None,
    batch_size: int = 20,
    quiet: bool = True,
) -> ConllEvaluation:
    sentences = read_conll(path, limit)
    placed, rejects = analyse_texts(
        [s.text for s in sentences], pipeline, batch_size=batch_size, quiet=quiet
    )
    by_doc: dict[int, tuple[list[DocMention], list[int]]] = {}
    predicted: list[set[Chunk]] = []
    for sent, p in zip(sentences, placed, strict=True):
        if p.doc is None:
            predicted.append(set())
            continue
        if id(p.doc) not in by_doc:
            ms = _name_mentions(p.doc)
            by_doc[id(p.doc)] = (ms, [m.start for m in ms])
        ms, starts = by_doc[id(p.doc)]
        end = p.offset + p.length
        lo, hi = bisect.bisect_left(starts, p.offset), bisect.bisect_left(starts, end)
        local = [
            DocMention(m.start - p.offset, min(m.end, end) - p.offset, m.type, m.kb_id) for m in ms[lo:hi]
        ]
        predicted.append(predicted_chunks(sent.offsets(), scored_mentions(sent.text, local)))
    ev = score_sentences(sentences, predicted)
    ev.path, ev.rejects = str(path), rejects
    return ev
