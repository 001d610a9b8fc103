"""Segmentation against UD CoNLL-U: word boundaries and clitic boundaries on the raw text.

Gold, from each sentence's ``# text``:

1. *Surface units* are the multiword-token lines (``3-4 وبالمدينة``) and the words outside any
   range. They are placed on ``# text`` by rebuilding the text from the unit forms (a space
   after each unit unless ``SpaceAfter=No``); where the rebuilt string differs from ``# text``,
   a character alignment (difflib opcodes) maps unit edges onto ``# text``.
2. Inside a multiword token the syntactic words need not spell the surface (UD writes
   ``ل + السلطة`` for "للسلطة" and ``على + ه`` for "عليه"), so the internal boundaries are
   found the same way: align the concatenated word forms with the surface form and map each
   word end through the alignment (a boundary inside deleted letters goes to where the
   deletion sits: "ل|السلطة" → "ل|لسلطة").
3. A *gold word* is what Marsad calls a token: units joined without a space where both
   contain a letter or digit form one word (UD_Arabic-PUD writes clitics as separate words
   with ``SpaceAfter=No`` and has no range lines), and the joins between them are *clitic
   boundaries*; punctuation always stands alone.

Prediction: ``doc.tokens`` are words; the internal edges of each token's ``parts`` are clitic
boundaries; parts (or the token itself when it has none) are segments.

Figures: word P/R/F1 (exact spans), clitic-boundary P/R/F1 (boundary positions), segment
P/R/F1 (exact spans of syntactic pieces, the UD "words" measure on raw text).
"""

from __future__ import annotations

import difflib
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from marsad.document import Token
from marsad.evaluate.batch import analyse_texts, slicers
from marsad.evaluate.gold import GoldFormatError
from marsad.evaluate.scores import PRF
from marsad.pipeline import Pipeline

Span = tuple[int, int]


@dataclass(frozen=True, slots=True)
class UdSentence:
    sent_id: str
    text: str
    words: tuple[Span, ...]  # gold words (Marsad tokens), sorted
    boundaries: frozenset[int]  # clitic boundaries inside gold words
    segments: tuple[Span, ...]  # syntactic pieces

    def word_texts(self) -> list[str]:
        return [self.text[s:e] for s, e in self.words]


@dataclass(frozen=True, slots=True)
class _Unit:
    form: str
    parts: tuple[str, ...]  # the syntactic words of a multiword token; () for a plain word
    space_after: bool


def read_conllu(path: str | Path, limit: int | None = None) -> list[UdSentence]:
    """Sentences with their gold word and clitic boundaries; ``limit``: the first N."""
    try:
        fh = open(path, encoding="utf-8-sig")  # noqa: SIM115
    except OSError as exc:
        raise GoldFormatError(f"cannot read CoNLL-U file {path}: {exc}") from exc
    out: list[UdSentence] = []
    block: list[str] = []
    with fh:
        for line in fh:
            line = line.rstrip("\n")
            if line.strip():
                block.append(line)
                continue
            if block:
                out.append(parse_sentence(block, f"{path}#{len(out)}"))
                block = []
                if limit is not None and len(out) >= limit:
                    return out
    if block:
        out.append(parse_sentence(block, f"{path}#{len(out)}"))
    return out[:limit] if limit is not None else out


def parse_sentence(lines: Sequence[str], where: str = "") -> UdSentence:
    text: str | None = None
    sent_id = where
    units: list[_Unit] = []
    range_end = 0  # last word id covered by the current multiword token
    pending: list[str] = []
    mwt: tuple[str, int, bool] | None = None  # form, last id, space after
    for line in lines:
        if line.startswith("#"):
            key, _, value = line[1:].partition("=")
            if key.strip() == "text":
                text = value.strip()
            elif key.strip() == "sent_id":
                sent_id = value.strip()
            continue
        cols = line.split("\t")
        if len(cols) < 10:
            raise GoldFormatError(f"{where}: a CoNLL-U line needs 10 columns: {line!r}")
        wid, form, misc = cols[0], cols[1], cols[9]
        space = "SpaceAfter=No" not in misc.split("|")
        if "." in wid:
            continue  # empty node
        if "-" in wid:
            first, last = (int(x) for x in wid.split("-"))
            mwt, range_end, pending = (form, last, space), last, []
            continue
        if mwt is not None and int(wid) <= range_end:
            pending.append(form)
            if int(wid) == range_end:
                units.append(_Unit(mwt[0], tuple(pending), mwt[2]))
                mwt = None
            continue
        units.append(_Unit(form, (), space))
    if text is None:
        raise GoldFormatError(f"{where}: sentence without '# text'")
    return _gold_from_units(sent_id, text, units)


def _align(src: str, dst: str) -> list[tuple[str, int, int, int, int]]:
    return list(difflib.SequenceMatcher(None, src, dst, autojunk=False).get_opcodes())


def _map(ops: list[tuple[str, int, int, int, int]], pos: int) -> int:
    """Map a position of ``src`` onto ``dst`` through alignment opcodes."""
    for tag, i1, i2, j1, j2 in ops:
        if i1 <= pos < i2 or (pos == i2 and tag == "equal"):
            if tag == "equal":
                return j1 + (pos - i1)
            if tag == "replace":
                return j1 + round((pos - i1) * (j2 - j1) / (i2 - i1))
            return j1  # delete: the boundary sits where the deleted letters would be
    return ops[-1][4] if ops else 0


def _place_units(text: str, units: Sequence[_Unit]) -> list[Span]:
    rebuilt, spans, pos = [], [], 0
    for u in units:
        spans.append((pos, pos + len(u.form)))
        rebuilt.append(u.form + (" " if u.space_after else ""))
        pos += len(rebuilt[-1])
    joined = "".join(rebuilt)
    if joined.rstrip() == text:
        return spans
    ops = _align(joined, text)
    return [(_map(ops, s), max(_map(ops, s), _map(ops, e))) for s, e in spans]


def _internal_boundaries(surface: str, parts: Sequence[str]) -> list[int]:
    """Offsets inside ``surface`` where its syntactic words meet (see the module docstring)."""
    if len(parts) < 2:
        return []
    joined = "".join(parts)
    ops = _align(joined, surface) if joined != surface else None
    out: list[int] = []
    pos = 0
    for p in parts[:-1]:
        pos += len(p)
        b = pos if ops is None else _map(ops, pos)
        if 0 < b < len(surface) and (not out or b > out[-1]):
            out.append(b)
    return out


def _wordlike(s: str) -> bool:
    return any(c.isalnum() for c in s)


def _gold_from_units(sent_id: str, text: str, units: Sequence[_Unit]) -> UdSentence:
    spans = _place_units(text, units)
    words: list[Span] = []
    boundaries: set[int] = set()
    prev_wordlike = False
    for u, (s, e) in zip(units, spans, strict=True):
        if e <= s:
            continue
        wordlike = _wordlike(text[s:e])
        for b in _internal_boundaries(text[s:e], u.parts):
            boundaries.add(s + b)
        if words and words[-1][1] == s and wordlike and prev_wordlike:
            boundaries.add(s)
            words[-1] = (words[-1][0], e)
        else:
            words.append((s, e))
        prev_wordlike = wordlike
    segments: list[Span] = []
    for s, e in words:
        cuts = [s, *sorted(b for b in boundaries if s < b < e), e]
        segments.extend(zip(cuts, cuts[1:], strict=False))
    return UdSentence(sent_id, text, tuple(words), frozenset(boundaries), tuple(segments))


def predicted_segmentation(tokens: Sequence[Token]) -> tuple[set[Span], set[int], set[Span]]:
    """Words, clitic boundaries and segments of a prediction (sentence-relative tokens)."""
    words = {(t.start, t.end) for t in tokens}
    boundaries: set[int] = set()
    segments: set[Span] = set()
    for t in tokens:
        parts = sorted(p for p in t.parts if p[1] > p[0])
        if len(parts) < 2:
            segments.add((t.start, t.end))
            continue
        segments.update(parts)
        for ps, pe in parts:
            boundaries.update(x for x in (ps, pe) if t.start < x < t.end)
    return words, boundaries, segments


@dataclass
class ConlluEvaluation:
    path: str
    sentences: int = 0
    words: PRF = PRF()
    boundaries: PRF = PRF()
    segments: PRF = PRF()
    rejects: Counter[str] = field(default_factory=Counter)
    examples: list[dict[str, Any]] = field(default_factory=list)

    def metrics(self, prefix: str = "conllu") -> dict[str, float | None]:
        out: dict[str, float | None] = {}
        for name, prf in (
            ("words", self.words),
            ("clitics", self.boundaries),
            ("segments", self.segments),
        ):
            out[f"{prefix}.{name}.precision"] = prf.precision
            out[f"{prefix}.{name}.recall"] = prf.recall
            out[f"{prefix}.{name}.f1"] = prf.f1
        return out

    def to_dict(self) -> dict[str, Any]:
        return {
            "path": self.path,
            "sentences": self.sentences,
            "words": self.words.to_dict(),
            "clitic_boundaries": self.boundaries.to_dict(),
            "segments": self.segments.to_dict(),
            "rejects": dict(self.rejects),
            "examples": self.examples,
            "metrics": self.metrics(),
        }


def score_segmentation(
    gold: Sequence[UdSentence], predicted: Sequence[Sequence[Token]], max_examples: int = 20
) -> ConlluEvaluation:
    ev = ConlluEvaluation(path="")
    for g, toks in zip(gold, predicted, strict=True):
        words, bounds, segs = predicted_segmentation(toks)
        gw, gb, gs = set(g.words), set(g.boundaries), set(g.segments)
        ev.sentences += 1
        ev.words = ev.words + PRF(len(gw & words), len(words), len(gw))
        ev.boundaries = ev.boundaries + PRF(len(gb & bounds), len(bounds), len(gb))
        ev.segments = ev.segments + PRF(len(gs & segs), len(segs), len(gs))
        for s, e in sorted(gw - words):
            if len(ev.examples) >= max_examples:
                break
            cuts = sorted(b for b in gb if s < b < e)
            shown = "+".join(g.text[a:b] for a, b in zip([s, *cuts], [*cuts, e], strict=True))
            ev.examples.append(
                {"kind": "miss", "sent_id": g.sent_id, "text": shown, "start": s, "end": e}
            )
    return ev


def evaluate_conllu(
    path: str | Path,
    pipeline: Pipeline,
    *,
    limit: int | None = None,
    batch_size: int = 20,
    quiet: bool = True,
) -> ConlluEvaluation:
    gold = read_conllu(path, limit)
    placed, rejects = analyse_texts(
        [g.text for g in gold], pipeline, batch_size=batch_size, quiet=quiet
    )
    views = slicers(placed, frozenset())
    predicted = [
        [] if p.doc is None else views[id(p.doc)].tokens_in(p.offset, p.length) for p in placed
    ]
    ev = score_segmentation(gold, predicted)
    ev.path, ev.rejects = str(path), rejects
    return ev
