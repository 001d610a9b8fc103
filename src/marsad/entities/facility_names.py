"""Facilities named by a head noun and a proper name: "قاعدة تمنهنت الجوية", "جامعة «لافال»",
"مدرسة محمد عاكف أرصوي الابتدائية".

:meth:`~marsad.entities.roles.Grammar.bodies_in` finds a facility only before a place the
knowledge base knows ("مطار العريش الدولي"); most bases, schools and hotels bear names no list
holds. The name is what follows the head noun (roles.json "facilities") when it has no article
and is a name: words in quotes, a name the recognizer tags, or rare words that are no nisba
adjective ("قاعدة عسكرية", "مستشفى ميداني" are no names). Facility modifiers ("الجوية",
"الابتدائية") close the phrase. Its country is the story's (:func:`marsad.entities.coref.cluster`).
"""

from __future__ import annotations

from collections.abc import Sequence

from marsad.document import Token
from marsad.entities.coref import NameSpan
from marsad.entities.kb import token_heads, words
from marsad.entities.role_words import OPENS_BODY, bare
from marsad.entities.roles import Grammar
from marsad.entities.span_overlaps import Candidate

_OPEN = frozenset({'"', "«", "“", "''"})
_CLOSE = frozenset({'"', "»", "”", "''"})
#: A word written less often than this in the counted news may be a name ("تمنهنت" 0, "صيدنايا" 7,
#: "لافال" 13); a plain noun is written more ("وقود" 169, "كرم" 220).
RARE_COUNT = 30
#: At most this many words make a facility's name.
_MAX_NAME = 4
#: Proclitics after which a head noun followed by a person is a verbal noun ("بسجن محمد": to jail him).
_PREPOSITIONS = frozenset("بلك")


def facility_names(
    grammar: Grammar, text: str, toks: list[Token], ner_spans: Sequence[tuple[int, int, str]], opens: Sequence[int]
) -> list[Candidate]:
    """Candidates of facilities named by a head noun and a proper name in one sentence."""
    # a place the recognizer tags after the noun ("مطار مانوس") stays the place's mention: the
    # grammar makes a facility of a known place only (:meth:`Grammar.bodies_in`)
    ner_end = {i: j for i, j, label in ner_spans if label in {"PER", "ORG", "MISC"}}
    ner_place = {k for i, j, label in ner_spans if label == "LOC" for k in range(i, j)}
    out: list[Candidate] = []
    k = 0
    for i, bits in enumerate(opens):
        if i < k or not bits & OPENS_BODY or i + 1 >= len(toks):
            continue
        head = _head(grammar, toks[i], text)
        if head is None:
            continue
        start, key = head
        n = i + 1
        place = grammar.kb.names.match_at(toks, n, text)
        if place is not None and place.value[0].type in {"GPE", "LOC"} and not place.value[0].weak:
            continue  # "مطار العريش": a known place, the grammar's facility
        quoted = toks[n].norm in _OPEN
        if quoted:
            end = _closing(toks, n + 1)
            if end is None:
                continue
            j = end + 1  # the closing quote belongs to the name: «جامعة "لافال"»
        elif start > toks[i].start and toks[i].norm[:1] in _PREPOSITIONS:
            continue  # "بسجن ثلاثة", "بسجن محمد": a verbal noun; a named facility after ب/ل is quoted
        elif n in ner_end and not toks[n].norm.startswith("ال"):
            j = ner_end[n]
        else:
            j = n
            while j < len(toks) and j - n < _MAX_NAME and j not in ner_place and _name_word(grammar, toks[j], text):
                j += 1
            if j == n:
                continue
        while j < len(toks) and toks[j].norm in grammar.facility_modifiers:
            j += 1
        kind = grammar.facilities[key]
        end_off = toks[j - 1].end
        body_key = key + " " + " ".join(bare(t.norm) for t in toks[n:j] if t.norm.isalpha())
        span = NameSpan(start, end_off, kind, words(text[start:end_off]), None, "body", body_key=body_key,
                        sector="" if kind == "FAC" else "GOV")
        out.append((span, i, j, "body"))
        k = j
    return out


def _head(grammar: Grammar, tok: Token, text: str) -> tuple[int, str] | None:
    """``(start, key)`` of a facility noun without the article ("قاعدة", "وجامعة")."""
    for s, key in token_heads(tok, text):
        b = bare(key)
        if b == key and b in grammar.facilities:
            return s, b
    return None


def _closing(toks: list[Token], n: int) -> int | None:
    """The index of the quote that closes a name of at most ``_MAX_NAME`` words from token ``n``."""
    for j in range(n, min(len(toks), n + _MAX_NAME + 1)):
        if toks[j].norm in _CLOSE:
            return j if j > n else None
        if not toks[j].norm.isalpha():
            return None
    return None


def _name_word(grammar: Grammar, tok: Token, text: str) -> bool:
    """A word that can only be a name here: rare, no article, no list's word, no nisba adjective
    (an indefinite "عسكرية", or "ميداني" whose feminine "ميدانية" is a word too)."""
    key = tok.norm
    if len(key) < 3 or not key.isalpha() or key.startswith("ال") or _count(key) >= RARE_COUNT:
        return False
    if token_heads(tok, text)[0][0] > tok.start:
        return False  # "بسبها": a prepositional phrase after the noun
    if key.endswith("يه") or (key.endswith("ي") and len(key) > 4 and _seen(key + "ه")):
        return False
    if grammar.head_at(tok, text) is not None or grammar.is_complement(tok, text):
        return False
    if grammar.kb.adjectives.match_at([tok], 0, text) is not None or grammar.is_date((key,)):
        return False
    return grammar.honorifics.match_at([tok], 0, text) is None


def _seen(key: str) -> bool:
    """Whether a word occurs at all in the news the clitic model counted."""
    return _count(key) > 0


def _count(key: str) -> int:
    """How often the news the clitic model counted (SaudiNewsNet) writes the word; its counts
    keep the teh marbuta that match keys fold ("ثلاثة")."""
    from marsad.clitics import load_model

    freq = load_model().freq
    n: int = freq.get(key, 0)
    if key.endswith("ه"):
        n = max(n, freq.get(key[:-1] + "ة", 0))
    return n
