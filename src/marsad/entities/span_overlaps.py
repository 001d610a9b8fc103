"""Candidate name spans, the choice among overlapping ones, and "is there a name here?" queries.

A candidate is a name span with its token range and the source that found it; :func:`resolve`
keeps the best non-overlapping ones. The other helpers look up names sorted by start offset
(``starts`` holds those offsets) with bisect, so that each query reads only a few neighbours.
"""

from __future__ import annotations

import bisect

from marsad.document import Token
from marsad.entities.coref import NameSpan

#: Which source wins a tie (lower first): curated names, then composed bodies, peoples, the recognizer.
_SOURCE_RANK = {"kb": 0, "story": 0, "body": 1, "outlet": 1, "norp": 2, "ner": 3, "weak": 3, "doc": 4}

#: A candidate name: (span, first token, end token, source).
Candidate = tuple[NameSpan, int, int, str]


def resolve(cands: list[Candidate]) -> list[NameSpan]:
    """Keep the best non-overlapping spans: knowledge base and bodies first (longest first),
    then recognizer spans where nothing was kept; a recognizer person name that extends a known
    person's name replaces it."""
    cands.sort(key=lambda c: (_SOURCE_RANK[c[3]] > 1, -(c[0].end - c[0].start), _SOURCE_RANK[c[3]], c[0].start))
    kept: list[tuple[NameSpan, str]] = []
    for span, _i, _j, source in cands:
        clash = [k for k, (s, _src) in enumerate(kept) if s.start < span.end and span.start < s.end]
        if not clash:
            kept.append((span, source))
            continue
        if source == "kb" and span.type == "ORG" and len(clash) == 1:
            s, src = kept[clash[0]]
            if (src == "body" and s.start <= span.start and span.end <= s.end and s.entry is None
                    and span.country is not None and s.country in {None, span.country}):
                # "حركة المقاومة الإسلامية الفلسطينية": the body phrase is the known organisation
                # (its phrase stays: "حكومة الإقليم" finds "حكومة إقليم كردستان" by it)
                s.entry, s.type, s.country, s.actor = span.entry, "ORG", span.country, span.actor
            continue
        if source == "body" and len(clash) == 1:
            s, src = kept[clash[0]]
            if src == "kb" and s.type == "ORG" and (s.start, s.end) == (span.start, span.end) and s.body_key is None:
                s.body_key = span.body_key  # "حكومة إقليم كردستان" known: its phrase finds "حكومة الإقليم"
            continue
        if source == "ner" and span.type == "PER" and len(clash) == 1:
            s, _src = kept[clash[0]]
            if s.type == "PER" and span.start <= s.start and s.end <= span.end and (span.end - span.start) > (s.end - s.start):
                span.entry, span.country, span.actor = s.entry, s.country, s.actor
                kept[clash[0]] = (span, source)
    return [s for s, _ in kept]


def overlaps_names(names: list[NameSpan], starts: list[int], start: int, end: int) -> bool:
    """Whether a name overlaps ``[start, end)`` (a few names before it are looked at too)."""
    k = bisect.bisect_right(starts, start)
    return any(n.start < end and start < n.end for n in names[max(0, k - 3) : k + 1])


def overlaps_other_than_bodies(names: list[NameSpan], starts: list[int], start: int, end: int) -> bool:
    """Whether a name other than a composed body lying inside ``[start, end)`` overlaps it."""
    k = bisect.bisect_right(starts, start)
    lo = max(0, k - 3)
    hi = bisect.bisect_left(starts, end, lo=lo)
    return any(
        n.start < end and start < n.end and not (n.source == "body" and start <= n.start and n.end <= end)
        for n in names[lo : max(hi, k + 1)]
    )


def inside_body(names: list[NameSpan], starts: list[int], tok: Token) -> bool:
    """Whether the token lies inside a composed body's name, after its first word ("حكومة الإقليم")."""
    k = bisect.bisect_right(starts, tok.start) - 1
    return k >= 0 and names[k].source == "body" and names[k].start < tok.start and tok.end <= names[k].end


def overlaps(taken: list[tuple[int, int]], start: int, end: int) -> bool:
    """Whether a span of the sorted ``(start, end)`` pairs ``taken`` overlaps ``[start, end)``."""
    k = bisect.bisect_left(taken, (start, start))
    return any(s < end and start < e for s, e in taken[max(0, k - 1) : k + 2])
