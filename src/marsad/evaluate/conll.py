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
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from marsad.evaluate.batch import NameMention, analyse_texts, slicers
from marsad.evaluate.gold import GoldFormatError
from marsad.evaluate.scores import PRF
from marsad.pipeline import Pipeline

TYPE_MAP: dict[str, str] = {"PER": "PERS", "GPE": "LOC", "LOC": "LOC", "ORG": "ORG"}
OTHER_TYPE = "MISC"

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
    views = slicers(placed)
    predicted: list[set[Chunk]] = []
    for sent, p in zip(sentences, placed, strict=True):
        if p.doc is None:
            predicted.append(set())
            continue
        mentions = views[id(p.doc)].mentions_in(p.offset, p.length)
        predicted.append(predicted_chunks(sent.offsets(), mentions))
    ev = score_sentences(sentences, predicted)
    ev.path, ev.rejects = str(path), rejects
    return ev
