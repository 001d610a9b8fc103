"""Names found once, looked for again across the document.

Recognizer-only names wherever they recur, and persons' last names: a recognizer person's, and a
known person's once the full name is out ("خالد مشعل" … "مشعل").
"""

from __future__ import annotations

from marsad.document import Token
from marsad.entities.coref import NameSpan
from marsad.entities.kb import KBEntry, KnowledgeBase, PhraseIndex, sentence_heads, words
from marsad.entities.name_cues import cue_before
from marsad.entities.name_spans import NAME_LINKS, common_word
from marsad.entities.span_overlaps import overlaps
from marsad.entities.title_phrases import Role
from marsad.normalize import match_key

_LINK_KEYS = frozenset(match_key(w) for w in NAME_LINKS)

_STOP_SURNAMES = frozenset(match_key(w) for w in ["الله", "الدين", "الرحمن", "الرحيم", "العزيز"])


def propagate(
    kb: KnowledgeBase, text: str, sents: list[list[Token]], names: list[NameSpan], role_sents: list[list[Role]]
) -> list[NameSpan]:
    """Find recognizer-only names again wherever they recur, and persons' last names."""
    index = PhraseIndex()
    seen: set[tuple[str, ...]] = set()
    after: dict[tuple[str, ...], int] = {}  # a known person's surname: only after his full name
    for n in names:
        if n.source == "kb" and n.type == "PER" and n.entry is not None and n.words not in seen:
            seen.add(n.words)  # "خالد مشعل" … "مشعل": a known person's surname, as for the recognizer's
            last = _surname(n.words, n.entry)
            if last is not None and not kb.lookup(last) and not common_word(last):
                index.add((last,), "PER")
                after.setdefault((last,), n.start)  # the press uses it once the full name is out
            continue
        if n.source != "ner" or n.words in seen:
            continue
        seen.add(n.words)
        if len(n.words) == 1 and common_word(n.words[0]):
            continue  # "على", "الحرب": tagged once, but mostly a plain word
        index.add(n.words, n.type)
        if n.type == "PER" and len(n.words) > 1:
            last = n.words[-1]
            if len(last) > 3 and last not in _STOP_SURNAMES and not kb.lookup(last) and not common_word(last):
                index.add((last,), "PER")
    if not index.first_words():
        return names
    taken = sorted((n.start, n.end) for n in names)
    out = list(names)
    firsts = frozenset(index.first_words())
    for toks, roles in zip(sents, role_sents, strict=True):
        at = [
            k for k, heads in enumerate(sentence_heads(toks, text))
            if heads[0][1] in firsts or (len(heads) > 1 and any(key in firsts for _, key in heads))
        ]
        if not at:
            continue
        role_tokens = {k for r in roles for k in range(r.i, r.j)}
        for m in index.find(toks, text, at):
            if set(range(m.i, m.j)) & role_tokens or overlaps(taken, m.start, m.end):
                continue
            if after and m.start < after.get(words(text[m.start : m.end]), -1):
                continue
            out.append(NameSpan(m.start, m.end, m.value, words(text[m.start : m.end]), None, "doc",
                                cue=cue_before(toks, m.i, text)))
    return out


def _surname(ws: tuple[str, ...], entry: KBEntry) -> str | None:
    """The last word of a known person's two- or three-word name that the press may use alone
    ("مشعل"), None for a lineage name ("سلمان بن عبدالعزيز": called by the first name) or one
    whose entry already has a one-word variant."""
    if len(ws) < 2 or len(ws) > 3 or any(w in _LINK_KEYS for w in ws) or ws[-1].startswith("عبد"):
        return None
    last = ws[-1]
    if len(last) <= 3 or last in _STOP_SURNAMES or any(len(words(v)) == 1 for v in entry.variants):
        return None
    return last
