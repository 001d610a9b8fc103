"""Span overlap, type compatibility, sentence spans and one-to-one matching.

A predicted span matches a gold span when they share at least half of their union
(``2 * overlap >= union`` with a non-empty overlap): "روسيا" inside "وروسيا" matches a gold
"روسيا"; "الأمن" alone does not match "مجلس الأمن القومي الروسي".
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

# GPE and LOC are interchangeable everywhere: "غزة" is a territory to one annotator, a
# place to another.
_COMPATIBLE = (frozenset({"GPE", "LOC"}),)


def overlap(a_start: int, a_end: int, b_start: int, b_end: int) -> int:
    return max(0, min(a_end, b_end) - max(a_start, b_start))


def overlap_ratio(a_start: int, a_end: int, b_start: int, b_end: int) -> float:
    """Overlap over union (0.0 when disjoint)."""
    inter = overlap(a_start, a_end, b_start, b_end)
    if not inter:
        return 0.0
    union = max(a_end, b_end) - min(a_start, b_start)
    return inter / union


def spans_match(a_start: int, a_end: int, b_start: int, b_end: int) -> bool:
    inter = overlap(a_start, a_end, b_start, b_end)
    union = max(a_end, b_end) - min(a_start, b_start)
    return inter > 0 and 2 * inter >= union


def types_compatible(predicted: str, gold_types: frozenset[str]) -> bool:
    """``predicted`` is one of the gold type and its ``alt_types``, or GPE/LOC for either."""
    if predicted in gold_types:
        return True
    return any(predicted in group and gold_types & group for group in _COMPATIBLE)


_SENTENCE_END = re.compile(r"[.!?؟]+(?=\s|$)|\n")


def split_sentences(text: str) -> list[tuple[int, int]]:
    """A plain sentence split (line breaks and . ! ? ؟ before a space), trimmed of spaces.

    Used only where a prediction has no sentences of its own, to find a gold event's sentence.
    """
    spans: list[tuple[int, int]] = []
    start = 0
    for m in _SENTENCE_END.finditer(text):
        _add_trimmed(text, start, m.end(), spans)
        start = m.end()
    _add_trimmed(text, start, len(text), spans)
    return spans


def _add_trimmed(text: str, start: int, end: int, out: list[tuple[int, int]]) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        out.append((start, end))


def max_matching(
    n_gold: int,
    n_pred: int,
    score: Callable[[int, int], float | tuple[float, ...] | None],
) -> dict[int, int]:
    """A one-to-one gold→prediction matching of maximum size, preferring higher scores.

    ``score(g, p)`` is ``None`` where ``p`` cannot match ``g``. Pairs are first taken greedily
    from the best score down, then augmenting paths add every match that greedy choice blocked
    (Kuhn's algorithm), so the number of matches is always the maximum.
    """
    cands: list[list[int]] = []
    ranked: list[tuple[object, int, int]] = []
    for g in range(n_gold):
        row: list[tuple[object, int]] = []
        for p in range(n_pred):
            s = score(g, p)
            if s is not None:
                row.append((s, p))
                ranked.append((s, g, p))
        row.sort(key=lambda x: x[0], reverse=True)  # type: ignore[arg-type,return-value]
        cands.append([p for _, p in row])
    ranked.sort(key=lambda x: x[0], reverse=True)  # type: ignore[arg-type,return-value]
    g2p: dict[int, int] = {}
    p2g: dict[int, int] = {}
    for _, g, p in ranked:
        if g not in g2p and p not in p2g:
            g2p[g], p2g[p] = p, g

    def augment(g: int, seen: set[int]) -> bool:
        for p in cands[g]:
            if p in seen:
                continue
            seen.add(p)
            if p not in p2g or augment(p2g[p], seen):
                g2p[g], p2g[p] = p, g
                return True
        return False

    for g in range(n_gold):
        if g not in g2p and cands[g]:
            augment(g, set())
    return g2p


def unmatched(n: int, used: Sequence[int] | set[int]) -> list[int]:
    taken = set(used)
    return [i for i in range(n) if i not in taken]
