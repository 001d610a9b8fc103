"""A document's tokens with their lexicon entries and speech words, read in one pass.

This loop runs over every token of every document, so it keeps one cached answer per word form
in ``Lexicon.words`` instead of three lookups per token.
"""

from __future__ import annotations

from marsad.document import Document, Token
from marsad.events.lexicon import Lexicon
from marsad.events.quotes import cue_word
from marsad.events.triggers import _WORD_RE, Starts, Tok, _starts, token_facts

# A word form's ``(norm, token facts, entries it begins, speech word)``: ``Lexicon.words`` keeps
# one per surface form (with the segmenter's norm, checked on use)
WordEntry = tuple[str, tuple[str, bool, bool, bool, bool], Starts, bool]


_WORDS_LIMIT = 200_000  # entries of ``Lexicon.words``: emptied when full, like the word caches
_facts = token_facts.__wrapped__  # type: ignore[attr-defined]  # Lexicon.words keeps the answers


def _word_entry(lex: Lexicon, surface: str, norm: str) -> WordEntry:
    """What :func:`lexical_tokens` needs of a word form it has not seen (see :data:`WordEntry`)."""
    facts = _facts(surface, norm)
    key, teh, is_word, noun_only, hamza = facts
    entry = (norm, facts, _starts(lex, key, teh, noun_only, hamza) if is_word else (), cue_word(key))
    if len(lex.words) >= _WORDS_LIMIT:
        lex.words.clear()
    lex.words[surface] = entry
    return entry


def lexical_tokens(doc: Document, lex: Lexicon) -> tuple[list[Tok], dict[int, Starts], list[int]]:
    """The document's tokens (as :func:`document_tokens` reads them), the entries each token
    can begin (token index → :func:`token_starts`, for those that begin one) and the indices of
    the speech words (:func:`is_cue`), with one cache lookup per token: this loop runs over every
    token of every document, and three lookups per token were a fifth of the step."""
    text = doc.text
    known = lex.words.get
    new = tuple.__new__
    toks: list[Tok] = []
    heads: dict[int, Starts] = {}
    cues: list[int] = []
    tokens = doc.tokens or [Token(m.start(), m.end(), "") for m in _WORD_RE.finditer(text)]
    for k, t in enumerate(tokens):
        a, b = t.start, t.end
        surface = text[a:b]
        hit = known(surface)
        if hit is None or hit[0] != t.norm:
            hit = _word_entry(lex, surface, t.norm)
        toks.append(new(Tok, (a, b) + hit[1]))
        if hit[2]:
            heads[k] = hit[2]
        if hit[3]:
            cues.append(k)
    return toks, heads, cues
