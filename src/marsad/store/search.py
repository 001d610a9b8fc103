"""Arabic-aware full-text search: what is indexed, how a query is read, and snippets.

SQLite's FTS5 tokenizer cannot fold Arabic (it splits vowelled words into letters and knows no
hamza/alef, ى/ي or ة/ه equivalence), so the index holds pre-normalised terms: for every token of
the text, the match key (:func:`marsad.normalize.match_key`) of its *stem*, i.e. the token with
its proclitic parts (و ف ب ل ك س, from the clitic segmentation in ``Token.parts``) removed.
"بالرياض" is indexed as ``الرياض``. The segmenter is cautious with words it does not know
(names: it leaves "لأحمديان" whole), so a second column holds, for each such word, a guessed
stem: the longest proclitic run (و ف ب ل ك, at most two) removed when at least three letters
remain (``لاحمديان`` → ``احمديان``). A query goes through the same tokenizer and folding and
matches either column, the guessed one with a lower BM25 weight: the query "احمديان" finds
"أحمديان", "لأحمديان" and "وأحمديان". Each column holds exactly one term per token, so
positions stay aligned with tokens and phrase queries work.

Snippets are computed on the original text: the tokens whose stem matches a query term are
highlighted as ``[start, end)`` offsets into ``Document.text``.

No SQL here; :class:`marsad.store.repository.Repository` runs the queries.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from marsad.document import Token
from marsad.errors import MarsadError
from marsad.normalize import match_key

__all__ = ["PROCLITICS", "Query", "Snippet", "parse_query", "index_terms", "snippet", "doc_tokens"]

# match keys of the one-letter proclitics a UD segmentation splits off the front of a word
PROCLITICS = frozenset({"و", "ف", "ب", "ل", "ك", "س"})
# what a guessed stem strips from a word the segmenter left whole, longest first
_GUESS = ("وب", "ول", "وك", "فب", "فل", "فك", "و", "ف", "ب", "ل", "ك")
_MIN_STEM = 3
_ARABIC_WORD = re.compile(r"[\u0621-\u064a]+")
_WORDISH = re.compile(r"\w")
_QUERY_PART = re.compile(r'"([^"]*)"|(\S+)')


class BadQuery(MarsadError):
    """A search query with nothing searchable in it."""


def doc_tokens(text: str) -> list[Token]:
    """The tokens of ``text`` with clitic parts (the segmenter; a plain split if it is absent)."""
    try:
        from marsad.segment import tokens
    except ImportError:  # pragma: no cover - the segmenter ships with marsad
        return [Token(m.start(), m.end(), match_key(m.group())) for m in re.finditer(r"\w+", text)]
    return tokens(text)


def token_stem(text: str, token: Token) -> str:
    """The match key of ``token`` without its leading proclitic parts."""
    parts = token.parts
    if len(parts) > 1:
        i = 0
        while i < len(parts) - 1 and match_key(text[parts[i][0] : parts[i][1]]) in PROCLITICS:
            i += 1
        if i:
            return match_key(text[parts[i][0] : token.end])
    return token.norm or match_key(text[token.start : token.end])


def guess_stem(stem: str) -> str:
    """``stem`` without a leading proclitic run, if at least three letters remain; else itself."""
    if not _ARABIC_WORD.fullmatch(stem):
        return stem
    for p in _GUESS:
        if stem.startswith(p) and len(stem) - len(p) >= _MIN_STEM:
            return stem[len(p) :]
    return stem


def _searchable(term: str) -> bool:
    return bool(_WORDISH.search(term))


def token_terms(text: str, token: Token) -> tuple[str, str]:
    """(stem, guessed stem) of one token; the guess only differs for unsplit words."""
    stem = token_stem(text, token)
    return stem, (guess_stem(stem) if len(token.parts) <= 1 else stem)


@lru_cache(maxsize=65536)
def _surface_terms(surface: str, parts: tuple[tuple[int, int], ...], norm: str) -> tuple[str, str] | None:
    """:func:`token_terms` of a token seen as its own text (``parts`` relative to its start),
    or None when it is not searchable. Words repeat across a corpus, so this is cached: it is
    what :func:`index_terms` spends its time on."""
    stem, alt = token_terms(surface, Token(0, len(surface), norm, parts))
    return (stem, alt) if stem and _searchable(stem) else None


@lru_cache(maxsize=65536)
def _unsplit_terms(norm: str) -> tuple[str, str] | None:
    """:func:`token_terms` of a token without clitic parts, whose stem is its key ``norm``."""
    return (norm, guess_stem(norm)) if _searchable(norm) else None


def index_terms(text: str, tokens: Sequence[Token] | None = None) -> tuple[str, str]:
    """The two columns the FTS index holds for ``text``: stems and guessed stems, aligned."""
    toks = tokens if tokens else doc_tokens(text)
    stems: list[str] = []
    alts: list[str] = []
    for t in toks:
        if len(t.parts) <= 1 and t.norm:  # most tokens: the terms follow from the key alone
            pair = _unsplit_terms(t.norm)
        else:
            s = t.start
            parts = tuple((a - s, b - s) for a, b in t.parts) if len(t.parts) > 1 else ()
            pair = _surface_terms(text[s : t.end], parts, t.norm)
        if pair is not None:
            stems.append(pair[0])
            alts.append(pair[1])
    return " ".join(stems), " ".join(alts)


@lru_cache(maxsize=4096)
def _word_terms(word: str) -> tuple[str, ...]:
    return tuple(t for t in (token_stem(word, tok) for tok in doc_tokens(word)) if _searchable(t))


@dataclass(frozen=True, slots=True)
class Query:
    """A parsed query: groups of phrases; a document matches if it has every group, and a group
    matches if any of its phrases does (``A OR B``). ``terms`` are all stems, for highlighting."""

    groups: tuple[tuple[tuple[str, ...], ...], ...]
    excluded: tuple[tuple[str, ...], ...] = ()

    @property
    def terms(self) -> frozenset[str]:
        return frozenset(t for g in self.groups for phrase in g for t in phrase)

    def fts(self) -> str:
        """The FTS5 MATCH expression (every term quoted, so no FTS5 syntax leaks through)."""

        def phrase(p: tuple[str, ...]) -> str:
            return '"' + " ".join(t.replace('"', '""') for t in p) + '"'

        parts = []
        for g in self.groups:
            alts = [phrase(p) for p in g]
            parts.append(alts[0] if len(alts) == 1 else "(" + " OR ".join(alts) + ")")
        expr = "{terms alts} : (" + " AND ".join(parts) + ")"
        for p in self.excluded:
            expr += " NOT {terms alts} : " + phrase(p)
        return expr


def parse_query(query: str) -> Query:
    """Read a user query: words (all required), ``"a phrase"``, ``A OR B``, ``-word`` (excluded).

    Each word goes through the same tokenizer, clitic split and match key as the index, so
    diacritics, hamza forms and proclitics in the query do not matter.
    """
    groups: list[list[tuple[str, ...]]] = []
    excluded: list[tuple[str, ...]] = []
    join_next = False
    for m in _QUERY_PART.finditer(query):
        quoted, bare = m.group(1), m.group(2)
        if bare == "OR":
            join_next = bool(groups)
            continue
        negate = False
        raw = quoted if quoted is not None else bare
        if bare is not None and bare.startswith("-") and len(bare) > 1:
            negate, raw = True, bare[1:]
        phrase: tuple[str, ...] = ()
        for word in raw.split():
            phrase += _word_terms(word)
        if not phrase:
            continue
        alts = [phrase]
        if quoted is None and len(phrase) == 1 and guess_stem(phrase[0]) != phrase[0]:
            alts.append((guess_stem(phrase[0]),))  # "لأحمديان" also finds "أحمديان"
        if negate:
            excluded.append(phrase)
        elif join_next:
            groups[-1].extend(alts)
        else:
            groups.append(alts)
        join_next = False
    if not groups:
        raise BadQuery(f"nothing to search for in {query!r}")
    return Query(tuple(tuple(g) for g in groups), tuple(excluded))


@dataclass(frozen=True, slots=True)
class Snippet:
    """A stretch of the original text around the best matches; offsets into ``Document.text``."""

    start: int
    end: int
    text: str
    highlights: tuple[tuple[int, int], ...]

    def to_dict(self) -> dict[str, object]:
        return {
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "highlights": [list(h) for h in self.highlights],
        }

    def marked(self, before: str = "[", after: str = "]") -> str:
        """The snippet text with each highlight wrapped in ``before``/``after``, on one line."""
        out, pos = [], self.start
        for s, e in self.highlights:
            out.append(self.text[pos - self.start : s - self.start])
            out.append(before + self.text[s - self.start : e - self.start] + after)
            pos = e
        out.append(self.text[pos - self.start :])
        return " ".join("".join(out).split())


def snippet(text: str, terms: frozenset[str], *, width: int = 24) -> Snippet:
    """The window of ``width`` tokens holding the most matching tokens (the first such)."""
    toks = [t for t in doc_tokens(text) if _searchable(t.norm or text[t.start : t.end])]
    if not toks:
        return Snippet(0, min(len(text), 200), text[:200], ())
    hit = [not terms.isdisjoint(token_terms(text, t)) for t in toks]
    best, best_at, count = -1, 0, 0
    for i in range(len(toks)):
        count += hit[i]
        if i >= width:
            count -= hit[i - width]
        if count > best:
            best, best_at = count, max(0, i - width + 1)
    in_window = [i for i in range(best_at, min(best_at + width, len(toks))) if hit[i]]
    if in_window:  # centre the window on its matches
        centre = (in_window[0] + in_window[-1]) // 2
        best_at = max(0, min(centre - width // 2, len(toks) - width))
    window = range(best_at, min(best_at + width, len(toks)))
    start, end = toks[window[0]].start, toks[window[-1]].end
    highlights = tuple((toks[i].start, toks[i].end) for i in window if hit[i])
    return Snippet(start, end, text[start:end], highlights)
