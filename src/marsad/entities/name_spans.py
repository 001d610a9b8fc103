"""Where a name begins and ends, and which words can be (part of) a name.

Honorifics and definite titles stay outside a person's name ("الشيخ", "الملك محمد السادس");
the segmenter's proclitics stay outside unless what is left is a particle; lineage words carry
a name on ("محمد بن سلمان بن عبد العزيز"); an adverb or a prepositional phrase closes or opens
none. Frequent news words are no names (:func:`common_word`).
"""

from __future__ import annotations

from marsad.document import Token
from marsad.entities.kb import KnowledgeBase, token_heads, words
from marsad.entities.role_words import bare
from marsad.entities.roles import Grammar
from marsad.normalize import match_key

#: Definite titles that stand before a name but are not part of it ("الملك محمد السادس").
NAME_TITLES = frozenset(match_key(w) for w in ["امام", "خليفة"])

#: Name words (as written) that need the next word: a person's name does not end with them.
NAME_LINKS = frozenset(["آل", "بن", "ابن", "إبن", "أبو", "ابو", "أبي", "عبد", "بنت"])

#: Words after which a known person's name is a father's name inside another's ("صالح بن عبدالعزيز آل الشيخ").
PATRONYMIC = frozenset(match_key(w) for w in ["بن", "ابن", "بنت"])

#: Words that carry a person's name on to a father's or a family's: "بن سلمان", "آل سعود".
LINEAGE = frozenset(["بن", "ابن", "بنت", "آل"])

#: A one-word recognizer name this frequent in news (SaudiNewsNet count) is also a common word:
#: "على", "الأول", "الحرب" are not looked for again across the document.
COMMON_WORD_COUNT = 1000

#: What is left of a name's first word once a proclitic is peeled that is a particle, not a name:
#: "فإن كيري" is "فـ + إن + كيري"; unless written without hamza, "فان در كلاوو" keeps its "ف".
PARTICLE_STEMS = frozenset(
    match_key(w)
    for w in ["ان", "إن", "أن", "من", "عن", "في", "لا", "لم", "لن", "قد", "هو", "هي", "هم", "او", "أو",
              "اذ", "إذ", "اذا", "إذا", "ثم", "بل", "يا", "مع", "الى", "إلى", "كان", "هذا", "هذه",
              "ذلك", "تلك", "انه", "انها"]
)
_HAMZA_ALEF = frozenset("أإآ")


def common_word(key: str) -> bool:
    """A word frequent enough in news to be a plain word most of the time (see COMMON_WORD_COUNT)."""
    from marsad.clitics import load_model

    return load_model().freq.get(key, 0) >= COMMON_WORD_COUNT


def strip_honorifics(grammar: Grammar, toks: list[Token], i: int, j: int, text: str, start: int) -> int:
    """Move a person's span start past honorifics ("الشيخ", "اللواء", "آية الله") and a
    definite title ("الملك محمد السادس", "الإمام الخميني"): the title is not the name."""
    k = i
    while k < j - 1:
        h = grammar.honorifics.match_at(toks, k, text)
        if h is not None and h.j < j:
            k = h.j
            continue
        key = token_heads(toks[k], text)[0][1]
        if key.startswith("ال") and (bare(key) in grammar.heads or bare(key) in NAME_TITLES):
            k += 1
            continue
        break
    return start if k == i else toks[k].start


def name_start(kb: KnowledgeBase, toks: list[Token], i: int, j: int, text: str) -> tuple[int, int] | None:
    """``(first token, start offset)`` of a recognizer name over tokens ``[i, j)``, None when nothing
    of it is a name. The segmenter's proclitics stay outside, unless what is left is a particle
    written without hamza ("فان در كلاوو", "بان", "كيا") or the whole word begins a curated name
    ("بايدن", not "ب+ايدن"); a particle written with hamza ("فإن كيري", "بأن") is left out whole."""
    tok = toks[i]
    start, stem = token_heads(tok, text)[0]
    if start == tok.start:
        return i, start
    if len(stem) < 2:
        return None if j == i + 1 else (i + 1, toks[i + 1].start)  # "لي", "به": a pronoun
    if stem in PARTICLE_STEMS:
        rest = kb.names.match_at(toks, i + 1, text) if j > i + 1 else None
        if text[start : start + 1] in _HAMZA_ALEF or (
            rest is not None and rest.start == toks[i + 1].start and rest.j == j and not rest.value[0].weak
        ):
            return None if j == i + 1 else (i + 1, toks[i + 1].start)  # "فإن كيري", "فان صالح"
        return i, tok.start
    m = kb.names.match_at(toks, i, text)
    if m is not None and m.start == tok.start and m.j <= j and not m.value[0].weak:
        return i, tok.start
    return i, start


def lineage_end(toks: list[Token], j: int, text: str) -> int:
    """The end token of a known person's name that goes on with "بن X" or "آل X" after the
    knowledge base's variant ("محمد بن سلمان بن عبد العزيز آل سعود"); ``j`` when it does not."""
    while j + 1 < len(toks) and text[toks[j].start : toks[j].end] in LINEAGE and toks[j + 1].norm.isalpha():
        j += 2
        if text[toks[j - 1].start : toks[j - 1].end] in NAME_LINKS and j < len(toks) and toks[j].norm.isalpha():
            j += 1  # "بن عبد العزيز": "عبد" needs the next word
    return j


def not_name_tail(word: str) -> bool:
    """Whether a word cannot end a person's name: an accusative adverb ("حاكماً", "رئيساً") or
    a preposition with the article ("للصحافيين")."""
    w = word.rstrip("\u064b\u064c\u064d\u064e\u064f\u0650\u0651\u0652")
    return word.endswith(("اً", "ًا")) or (w.startswith("لل") and len(w) > 4)


def not_name_head(word: str) -> bool:
    """Whether a word cannot begin a person's name: a preposition with the article ("بالوكالة")."""
    return word.startswith(("بال", "لل", "كال")) and len(word) > 5


def plausible(span_text: str, kb: KnowledgeBase, grammar: Grammar) -> bool:
    """Reject recognizer spans that are a bare nationality adjective or a title word."""
    ws = words(span_text)
    if not ws or len("".join(ws)) < 2:
        return False
    if len(ws) == 1:
        if kb.adjective(span_text) is not None:
            return False
        b = bare(ws[0])
        if b in grammar.heads or b in grammar.complements:
            return False
    return True


def name_word(grammar: Grammar, tok: Token, text: str) -> bool:
    """Whether a token can be a first name the recognizer missed: a rare plain word."""
    key = tok.norm
    if len(key) < 3 or not key.isalpha() or key.startswith("ال") or common_word(key):
        return False
    if grammar.head_at(tok, text) is not None or grammar.is_complement(tok, text):
        return False
    return grammar.honorifics.match_at([tok], 0, text) is None and grammar.kb.names.match_at([tok], 0, text) is None
