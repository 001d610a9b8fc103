"""A person's other name given in apposition: "سيف الله بن حسين المكنى أبو عياض", "X المعروف
باسم «أبو عمر»", "X الملقب بـ Y".

The kunya or nickname is the same person: the recognizer's span is cut at the alias word (it may
run "X المكنى أبو عياض زعيم" as one name) and the name after it is joined to the one before
(:attr:`marsad.entities.coref.NameSpan.same_as`), so that the alias alone later finds him too.
"""

from __future__ import annotations

import bisect

from marsad.document import Token
from marsad.entities.coref import NameSpan
from marsad.normalize import match_key

#: Words that introduce another name of the person named before them.
ALIAS_WORDS = frozenset(
    match_key(w) for w in ["المكنى", "المكني", "الملقب", "الملقّب", "المعروف", "المدعو", "الملقبة", "المكناة", "المعروفة"]
)
#: What may stand between the alias word and the alias: "باسم", "بـ", "ب", quotes.
_BETWEEN = frozenset(match_key(w) for w in ["باسم", "بإسم", "ب", "بـ", "بلقب", "بكنية"]) | {'"', "«", "“", "''", "'"}


def split_at_alias(toks: list[Token], spans: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """The recognizer's person spans cut at an alias word: "X المكنى أبو عياض" → "X", "أبو عياض"."""
    out: list[tuple[int, int, str]] = []
    for i, j, label in spans:
        cut = next((k for k in range(i + 1, j) if toks[k].norm in ALIAS_WORDS), None) if label == "PER" else None
        if cut is None:
            out.append((i, j, label))
            continue
        out.append((i, cut, label))
        k = cut + 1
        while k < j and toks[k].norm in _BETWEEN:
            k += 1
        if k < j:
            out.append((k, j, label))
    return out


def link_aliases(sents: list[list[Token]], names: list[NameSpan]) -> None:
    """Mark each person's name that follows "المكنى"/"المعروف باسم" after another person's name
    as that person's (``same_as``: the first name's start). ``names`` sorted by start."""
    starts = [n.start for n in names]
    ends = {n.end: n for n in names if n.type == "PER"}
    for toks in sents:
        for k, tok in enumerate(toks):
            if tok.norm not in ALIAS_WORDS or k == 0:
                continue
            before = ends.get(toks[k - 1].end)
            if before is None and k > 1 and toks[k - 1].norm in {"،", ","}:
                before = ends.get(toks[k - 2].end)
            if before is None:
                continue
            m = k + 1
            while m < len(toks) and toks[m].norm in _BETWEEN:
                m += 1
            if m >= len(toks):
                continue
            p = bisect.bisect_left(starts, toks[m].start)
            if p < len(names) and names[p].type == "PER" and names[p].start < toks[m].end and names[p] is not before:
                names[p].same_as = before.start
