"""A person's other name given in apposition: "سيف الله بن حسين المكنى أبو عياض", "X المعروف
باسم «أبو عمر»", "X الملقب بـ Y"; a body's short name in brackets: "منظمة ... للطفولة (يونيسف)".

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


#: Most words in a bracketed short name: "(يونيسف)", "(إم 23)"; longer is a gloss, not an alias.
MAX_SHORT_NAME = 3


def link_short_names(sents: list[list[Token]], names: list[NameSpan]) -> None:
    """Mark a name in brackets right after a body's name as that body's (``same_as``):
    "منظمة الأمم المتحدة للطفولة (يونيسف)" is one body, so "يونيسف" alone later is it too.
    Both must be of one type: "وزارة الصحة (غزة)" places the ministry, it does not rename it."""
    starts = [n.start for n in names]
    ends = {n.end: n for n in names if n.type in {"ORG", "NORP"}}
    for toks in sents:
        for k in range(1, len(toks) - 2):
            if toks[k].norm != "(":
                continue
            before = ends.get(toks[k - 1].end)
            p = bisect.bisect_left(starts, toks[k + 1].start)
            if before is None or p >= len(names) or names[p].start != toks[k + 1].start:
                continue
            short = names[p]
            if short.type != before.type or len(short.words) > MAX_SHORT_NAME or short.same_as is not None:
                continue
            after = next((t for t in toks[k + 1 :] if t.start >= short.end), None)
            if after is not None and after.norm == ")" and after.start == short.end:
                short.same_as = before.start
