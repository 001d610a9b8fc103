"""The event reader's per-document state and the lookups every stage shares: sentence token
slices (boilerplate left out), the head token of a draft, entity references and countries."""

from __future__ import annotations

import bisect
from datetime import date

from marsad.document import Document
from marsad.events.arguments import PLACE_TYPES, Discourse, Mentions, Ref, nationality
from marsad.events.drafts import Draft, published_date
from marsad.events.lexical_tokens import lexical_tokens
from marsad.events.lexicon import Lexicon
from marsad.events.triggers import Starts, Tok, _starts
from marsad.normalize import match_key


class ReaderCore:
    """What one document's reading keeps: its tokens and lookups, the discourse (who is being
    talked about), the events already coded and the dates the report established.

    The stages of reading (subjects, doers, objects, drafting, settling, events) are classes
    built on this one; :class:`marsad.events.reader.DocumentReader` combines them.
    """

    def __init__(
        self, doc: Document, lex: Lexicon, tokens: list[Tok] | None = None, *, indirect_quotes: bool = False
    ) -> None:
        """``tokens``: the document's tokens as :func:`document_tokens` gives them; by default
        they are read here together with their lexicon entries and speech words."""
        self.indirect_quotes = indirect_quotes  # also report "قال إن …" as quotes (direct=False)
        self.doc = doc
        self.lex = lex
        # token index → entries it begins, and the speech words; None: looked up per sentence
        self._heads: dict[int, Starts] | None = None
        self._head_idx: list[int] = []
        self._cue_idx: list[int] = []
        if tokens is None:
            tokens, self._heads, self._cue_idx = lexical_tokens(doc, lex)
            self._head_idx = sorted(self._heads)
        self.tokens = tokens
        self._tok_starts = [t.start for t in tokens]
        ends = [t.end for t in tokens]
        # tokens that end in order (they never overlap): a sentence's tokens are one slice
        self._tok_ends = ends if ends == sorted(ends) else None
        # which tokens lie in boilerplate, read once (sentence tokens are asked for many times)
        self._tok_boiler = self._in_boilerplate(doc, tokens) if doc.boilerplate else None
        self.mentions = Mentions(doc)
        self.disc = Discourse()
        self.published = published_date(doc)
        self.dateline_place = self._dateline_place()
        self._side = False  # the sentence opened with "من جانبه" and no subject is named yet
        self.last_date: date | None = None  # the last day the report established
        self._last_date_at = 0  # the start of the sentence that set it
        self._last_date_frame = False  # set by a meeting or call (what was said in it shares its day)
        self._date_words: dict[int, list[tuple[int, int, object]]] = {}  # sentence start → date words
        self.history: list[Draft] = []  # the events already coded, in text order
        self._side_other: str | None = None
        self._pluperfect = False
        self._sentence = 0
        self._subject_sentence = -1  # the sentence where the discourse subject was last named
        self._subject_gender: str | None = None  # "m"/"f": the verb that named the discourse subject agreed so
        self._current: list[Draft] = []  # the drafts of the sentence kept so far
        self._headline: int | None = None  # the index of a headline sentence (-1: none)
        self._trigger_starts: list[int] = []  # where the sentence's lexicon matches start (other acts)

    def _in_boilerplate(self, doc: Document, tokens: list[Tok]) -> list[bool]:
        """``doc.in_boilerplate`` of every token, visiting only the tokens that start inside a
        boilerplate span (tokens are in text order)."""
        out = [False] * len(tokens)
        starts = self._tok_starts
        for span in doc.boilerplate:
            for k in range(bisect.bisect_left(starts, span.start), len(tokens)):
                t = tokens[k]
                if t.start > span.end:
                    break
                if t.end <= span.end:
                    out[k] = True
        return out

    def _token_range(self, a: int, b: int) -> tuple[int, int] | None:
        """The tokens inside [a, b) as the slice ``tokens[i:e]``, or None when boilerplate or
        overlapping tokens leave holes in it."""
        ends = self._tok_ends
        if ends is None:
            return None
        i = bisect.bisect_left(self._tok_starts, a)
        j = bisect.bisect_left(self._tok_starts, b, i)  # tokens that start before b
        e = max(i, min(j, bisect.bisect_right(ends, b)))  # … and end by b
        boiler = self._tok_boiler
        if boiler is not None and any(boiler[i:e]):
            return None
        return i, e

    def _sentence_tokens(self, a: int, b: int) -> list[Tok]:
        span = self._token_range(a, b)
        if span is not None:
            return self.tokens[span[0]:span[1]]
        i = bisect.bisect_left(self._tok_starts, a)
        j = bisect.bisect_left(self._tok_starts, b, i)  # tokens that start before b
        boiler = self._tok_boiler
        tokens = self.tokens
        return [tokens[k] for k in range(i, j) if tokens[k].end <= b and not (boiler and boiler[k])]

    def _sentence_words(
        self, a: int, b: int
    ) -> tuple[list[Tok], list[tuple[int, Starts]] | None, list[int] | None]:
        """A sentence's tokens, with the (index, entries) of those that begin a lexicon entry
        and the indices of its speech words when the document's lookups cover them (else None:
        :func:`find_matches` and :func:`find_cues` look them up)."""
        span = self._token_range(a, b) if self._heads is not None else None
        if span is None:
            return self._sentence_tokens(a, b), None, None
        i, e = span
        heads, idx = self._heads, self._head_idx
        assert heads is not None
        lo, hi = bisect.bisect_left(idx, i), bisect.bisect_left(idx, e)
        cue_idx = self._cue_idx
        c0, c1 = bisect.bisect_left(cue_idx, i), bisect.bisect_left(cue_idx, e)
        return (
            self.tokens[i:e],
            [(k - i, heads[k]) for k in idx[lo:hi]],
            [k - i for k in cue_idx[c0:c1]],
        )

    def _head_tok(self, d: Draft) -> Tok:
        i = bisect.bisect_left(self._tok_starts, d.head_start)
        return self.tokens[i]

    def _dateline_place(self) -> Ref | None:
        dl = self.doc.dateline
        if dl is None:
            return None
        for r in self.mentions.between(dl.start, dl.end):
            if r.type in PLACE_TYPES:
                return r
        if dl.location:
            key = match_key(dl.location)
            for e in self.doc.entities:
                if e.type in PLACE_TYPES and (match_key(e.canonical) == key or any(
                    match_key(m.text) == key for m in e.mentions
                )):
                    m0 = e.mentions[0] if e.mentions else None
                    return Ref(m0.start if m0 else dl.start, m0.end if m0 else dl.end, e.id, e.type)
        return None

    def _is_trigger_word(self, key: str) -> bool:
        """Whether a word is an event word by itself (an event word ends a title)."""
        return any(
            e.frame != "stop" and len(e.elements) == 1 and not e.weak
            for e, _ in _starts(self.lex, key, key.endswith("ه"))  # a final ه read as ة: "وزارة" is no verb
        )

    def _ref_of(self, entity: str | None) -> Ref | None:
        if entity is None:
            return None
        e = self.mentions.entities.get(entity)
        return Ref(-1, -1, entity, e.type if e else "PER")

    def _country(self, r: Ref) -> str | None:
        e = self.mentions.entities.get(r.entity)
        return e.country if e else None

    def _nation_entity(self, toks: list[Tok], idx: list[int], skip: str | None = None) -> Ref | None:
        for i in idx:
            c = nationality(toks[i].key)
            if c and c != skip:
                e = self.mentions.country_actor(c)
                return self._ref_of(e.id) if e is not None else None
        return None
