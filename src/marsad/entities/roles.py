"""Titles and roles as mentions: "وزير الخارجية الإيراني", "أمين مجلس الأمن القومي الروسي", "نظيره القطري".

The grammar lives in ``resources/kb/roles.json``: a role is optional honorifics, a head noun
(وزير, رئيس, أمين, المتحدث, سفير, قائد, ...), then complements (portfolio and body words such as
الخارجية, مجلس, الأمن, القومي), connectors (باسم, لدى, ل), nested heads ("ممثل قائد الثورة"),
known organisations and places from the knowledge base, and at most one nationality adjective,
which closes the phrase. The role's country comes from the adjective, a state named in it, or the
organisation; its sector from the words (جيش → MIL, شرطة → COP, ...) or the head. Organisation
phrases built the same way ("وزارة الخارجية الإيرانية", "الجيش الإسرائيلي") are found by
:func:`find_bodies`.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

from marsad.document import Token
from marsad.entities.kb import (
    KBEntry,
    KnowledgeBase,
    Match,
    PhraseIndex,
    TokenMemo,
    sentence_heads,
    token_heads,
    words,
)
from marsad.memo import word_cache
from marsad.normalize import match_key

_MISSING = object()
#: Words that begin with ال but are no definite noun: after "الحركة" they do not make it a name.
NOT_DEFINITE = frozenset(
    match_key(w) for w in ["إلى", "التي", "الذي", "الذين", "اللذين", "اللتين", "اللتان", "اللذان", "اللاتي", "اللواتي", "الا", "إلا"]
)
PUNCT_APPOSITION = frozenset({"،", ",", '"', "«", "»", "“", "”", "'", "‘", "’", "(", ")", ":", "-", "–"})
_MAX_CHAIN = 12

# What can begin at a token, one bit each (:meth:`Grammar.openings`): a scan over a sentence
# looks only where its bit is set. Each bit is a necessary condition read from the token's
# readings alone, so skipping the other tokens changes no result.
OPENS_NAME = 1  # a knowledge-base name (kb.names)
OPENS_ADJECTIVE = 2  # a nationality adjective (kb.adjectives)
OPENS_ROLE = 4  # a role: honorific, fixed title or head (:meth:`Grammar.may_start_role`)
OPENS_BODY = 8  # an organisation or facility phrase (:meth:`Grammar._body_at`)
OPENS_SIDE = 16  # "الجانب ..." (:meth:`Grammar.side_at`)
OPENS_NOMINAL = 32  # "الوزارة" (:meth:`Grammar.nominal_at`)
OPENS_EPITHET = 64  # "العدو", "المقاومة" (roles.json epithets)
OPENS_STORY = 128  # "قوات النظام" (roles.json story_names)


@word_cache(200_000)
def bare(key: str) -> str:
    """A word key without ب/ل/ك + article and the article itself: how title words compare.

    A leading و/ف is left alone ("وزراء"): :func:`token_heads` peels conjunctions first.
    """
    if key.startswith("لل") and len(key) > 3:
        return key[2:]
    if len(key) > 3 and key[0] in "بلك" and key[1:3] == "ال":
        key = key[1:]
    if key.startswith("ال") and len(key) > 3:
        key = key[2:]
    return key


@dataclass(frozen=True, slots=True)
class Role:
    """A title phrase ``[start, end)`` over tokens ``[i, j)``, with what it says about its holder."""

    start: int
    end: int
    i: int
    j: int
    kind: str  # title | counterpart | fixed
    key: str  # the phrase's words, bare: equal keys are the same office
    title: str | None = None  # a roles.json title key, "@org" appended for organisation offices
    country: str | None = None
    sector: str | None = None
    actor: str | None = None
    org: str | None = None  # KB id of an organisation named in the role
    conj: bool = False  # the head carried و/ف: a new conjunct, not an apposition to a name before
    head: str = ""  # the head noun, bare ("وزير"): "الوزير الإسباني" finds the minister named before
    conjuncts: tuple[tuple[int, int], ...] = ()  # tokens of "والاتحاد الأوروبي" in a portfolio
    short: bool = False  # head + nationality only ("الوزير الإسباني")
    #: no known office, country or organisation ("وزير الاستثمار"): a role only beside a name
    needs_holder: bool = False
    #: an office of the state the story is from when no nationality is said ("وزير التربية",
    #: "مصدر أمني"): the dateline's country goes to it (:func:`marsad.entities.coref.cluster`)
    national: bool = False
    #: "الرئيس اليمني السابق", "الرئيس الأمريكي في حينه": a past holder, never the office's holder now
    former: bool = False

    def text(self, doc_text: str) -> str:
        return doc_text[self.start : self.end]


@dataclass(frozen=True, slots=True)
class Body:
    """An organisation (or facility) phrase composed from a head noun and what follows it."""

    start: int
    end: int
    i: int
    j: int
    country: str | None
    sector: str
    key: str
    type: str = "ORG"
    #: "وزارة الصحة في القطاع": the lone noun after في, whose antecedent gives the country
    where: str | None = None
    #: a body of the story's own state named without its country ("القوات الأمنية", roles.json
    #: "home_bodies"): the entity step gives it the story's country
    home: bool = False
    #: the country came from a place named in the genitive ("قيادة شرطة ديالى")
    placed: bool = False


class Grammar:
    """roles.json compiled against a knowledge base."""

    def __init__(self, data: dict[str, Any], kb: KnowledgeBase) -> None:
        self.kb = kb
        self.heads: dict[str, str] = {bare(match_key(k)): v for k, v in data["heads"].items()}
        self.counterparts = {bare(match_key(k)) for k in data["counterpart_heads"]}
        self.counterpart_suffixes = tuple(
            sorted((match_key(s) for s in data["counterpart_suffixes"]), key=len, reverse=True)
        )
        self._suffix_set = frozenset(self.counterpart_suffixes)
        self._suffix_lengths = tuple(sorted({len(s) for s in self.counterpart_suffixes if s}, reverse=True))
        self.complements = {bare(match_key(k)) for k in data["complements"]}
        self.definite_complements = {bare(match_key(k)) for k in data.get("definite_complements", ())}
        self.connectors = {match_key(k) for k in data["connectors"]}
        self.bodies = {bare(match_key(k)): v for k, v in data["bodies"].items()}
        self.bodies_without_country = {bare(match_key(k)) for k in data["bodies_without_country"]}
        self.construct_bodies = {bare(match_key(k)) for k in data.get("construct_bodies", ())}
        #: body nouns that take a name of their own in the genitive ("حكومة الوفاق الوطني")
        self.named_bodies = {bare(match_key(k)) for k in data.get("named_bodies", ())}
        self.facilities = {bare(match_key(k)): v for k, v in data["facilities"].items()}
        self.facility_modifiers = {match_key(k) for k in data["facility_modifiers"]}
        self.sides = {bare(match_key(k)) for k in data["sides"]}
        self.nominals = {bare(match_key(k)) for k in data["nominals"]}
        #: "البلاد", "الدولة": the story's own state (roles.json "_home_nominals_doc")
        self.home_nominals = {bare(match_key(k)) for k in data.get("home_nominals", ())}
        self.head_of_state_heads = {bare(match_key(k)) for k in data.get("head_of_state_heads", ())}
        self.state_nominals = {bare(match_key(k)) for k in data.get("state_nominals", ())}
        self.admin_nominals = {bare(match_key(k)) for k in data.get("admin_nominals", ())}
        #: state → KB id of its government called "نظام" + its leader's name ("نظام الأسد")
        self.regimes: dict[str, str] = dict(data.get("regimes", {}))
        self.restricted = {bare(match_key(k)) for k in data["restricted_heads"]}
        self.sector_words = {bare(match_key(k)): v for k, v in data["sector_words"].items()}
        self.honorifics = PhraseIndex()
        for h in data["honorifics"]:
            self.honorifics.add(words(h), h)
        self.fixed = PhraseIndex()
        for f in data["fixed"]:
            self.fixed.add(words(f["text"]), f)
        self.destination_heads = {bare(match_key(k)) for k in data.get("destination_heads", ())}
        self.destination_connectors = {match_key(k) for k in data.get("destination_connectors", ())}
        self.post_adjective = {bare(match_key(k)) for k in data.get("post_adjective_complements", ())}
        self.national_heads = {bare(match_key(k)) for k in data.get("national_heads", ())}
        self.national_words = {bare(match_key(k)) for k in data.get("national_words", ())}
        sources = data.get("sources", {})
        self.source_heads = {bare(match_key(k)) for k in sources.get("heads", ())}
        self.source_words = {bare(match_key(k)): v for k, v in sources.get("words", {}).items()}
        epithets = data.get("epithets", {})
        self.epithets = PhraseIndex()
        for kind, forms in epithets.items():
            for f in forms:
                self.epithets.add(words(f), kind)
        self.enemy_words = {bare(match_key(k)) for k in data.get("enemy_words", ())}
        self.resistance_orgs = frozenset(data.get("resistance_orgs", ()))
        self.rebel_orgs = frozenset(data.get("rebel_orgs", ()))
        #: names whose referent is the story's state's ("قوات النظام" in a Syria story): value
        #: "kind:ISO3=kb id|..." as coref reads it
        self.story_names = PhraseIndex()
        for kind, spec in data.get("story_names", {}).items():
            options = "|".join(f"{c}={i}" for c, i in sorted(spec["countries"].items()))
            for f in spec["forms"]:
                self.story_names.add(words(f), f"{kind}:{options}")
        self.org_readings = {words(k): v for k, v in data.get("org_readings", {}).items()}
        self.org_cues = {bare(match_key(k)) for k in data.get("org_cues", ())}
        self.place_bodies = {bare(match_key(k)) for k in data.get("place_bodies", ())}
        #: bare keys of "القوات الأمنية", "الشرطة" → (type, sector): bodies of the story's state
        self.home_bodies: dict[tuple[str, ...], tuple[str, str]] = {}
        for phrase, value in data.get("home_bodies", {}).items():
            kind, _, sector = value.partition(":")
            self.home_bodies[tuple(bare(w) for w in words(phrase))] = (kind, sector)
        #: stems of plural nouns of protest participants ("متظاهر") → sector
        self.people_collectives: dict[str, str] = {
            match_key(k): v for k, v in data.get("people_collectives", {}).items()
        }
        self.place_body_directions = {bare(match_key(k)) for k in data.get("place_body_directions", ())}
        self.calendar = {bare(match_key(k)) for k in data.get("calendar", ())}
        self.calendar_months = {bare(match_key(k)) for k in data.get("calendar_months", ())}
        self.company_cues = {bare(match_key(k)) for k in data.get("company_cues", ())}
        self.titles: list[tuple[tuple[str, ...], str]] = []
        #: offices of one state whatever the phrase says ("رئيس المجلس السياسي الأعلى": Yemen's)
        self.title_countries: dict[str, str] = {}
        for t in data["titles"]:
            key = f"{t['key']}@{t['org']}" if t.get("org") else t["key"]
            if t.get("country"):
                self.title_countries[key] = t["country"]
            for p in t["patterns"]:
                self.titles.append((self._pattern_keys(p), key))
        self.titles.sort(key=lambda x: -len(x[0]))
        #: the title patterns by first word, in :attr:`titles` order (:meth:`title_of` tries only these)
        self._titles_by_first: dict[str, list[tuple[tuple[str, ...], str]]] = {}
        for pattern, key in self.titles:
            if pattern:
                self._titles_by_first.setdefault(pattern[0], []).append((pattern, key))
        if any(not pattern for pattern, _ in self.titles):
            raise ValueError("roles.json: a title pattern with no words")
        #: first words of honorifics and fixed titles: with the heads, where a role can begin
        self._role_openers = frozenset(self.honorifics.first_words()) | frozenset(self.fixed.first_words())
        self._memo = TokenMemo()  # per token of the current text: (forms, head)
        self._kinds: dict[str, tuple[str, str] | None] = {}
        self._key_openings: dict[str, int] = {}

    def _pattern_keys(self, pattern: str) -> tuple[str, ...]:
        """A title pattern as role keys; an envoy's destination ("... إلى اليمن") as the place's KB id."""
        ws = words(pattern)
        for k, w in enumerate(ws):
            if w in self.destination_connectors:
                hits = self.kb.lookup(" ".join(ws[k + 1 :]))
                if not hits:
                    raise ValueError(f"roles.json: unknown destination in {pattern!r}")
                return (*(bare(x) for x in ws[:k]), hits[0].id)
        return tuple(bare(w) for w in ws)

    @classmethod
    def load(cls, kb: KnowledgeBase | None = None) -> Grammar:
        return _load_grammar(kb or KnowledgeBase.load())

    # -- word classes --------------------------------------------------------------------------

    def _forms(self, tok: Token, text: str) -> tuple[tuple[int, str], ...]:
        """(start, bare key) readings of a token, proclitics peeled; once per token of a text."""
        return self._memo.get(tok, text, self._token_info)[0]  # type: ignore[no-any-return]

    def head_at(self, tok: Token, text: str) -> tuple[int, str, str] | None:
        """``(start, kind, head)`` when the token is a role head (or a counterpart word)."""
        return self._memo.get(tok, text, self._token_info)[1]  # type: ignore[no-any-return]

    def _token_info(self, tok: Token, text: str) -> tuple[tuple[tuple[int, str], ...], tuple[int, str, str] | None]:
        forms = tuple([(start, bare(key)) for start, key in token_heads(tok, text)])
        head: tuple[int, str, str] | None = None
        for start, key in forms:
            kind = self._head_kind(key)
            if kind is not None:
                head = (start, *kind)
                break
        return forms, head

    def _head_kind(self, key: str) -> tuple[str, str] | None:
        """``("title", head)`` or ``("counterpart", stem)`` for a bare key, else None (cached)."""
        hit = self._kinds.get(key, _MISSING)
        if hit is _MISSING:
            hit = None
            if key in self.heads:
                hit = ("title", key)
            else:
                # the longest counterpart suffix first (two of one length cannot both end the key)
                for n in self._suffix_lengths:
                    if n <= len(key) and key[len(key) - n :] in self._suffix_set and key[:-n] in self.counterparts:
                        hit = ("counterpart", key[:-n])
                        break
            if len(self._kinds) >= 200_000:
                self._kinds.clear()
            self._kinds[key] = hit
        return hit  # type: ignore[return-value]

    def openings(self, tokens: Sequence[Token], text: str) -> list[int]:
        """Per token, the ``OPENS_*`` bits of what can begin there: read once per sentence, so that
        the scans for names, roles, bodies and nominals skip the tokens where nothing can start."""
        cache = self._key_openings
        out = []
        for heads in sentence_heads(tokens, text):
            bits = 0
            for _, key in heads:
                b = cache.get(key)
                if b is None:
                    b = self._key_opening(key)
                bits |= b
            out.append(bits)
        return out

    def _key_opening(self, key: str) -> int:
        """The ``OPENS_*`` bits of one reading of a token, cached by the word: the grammar's and
        the knowledge base's indexes are filled when they load and not changed afterwards."""
        b = bare(key)
        bits = 0
        if self.kb.names.starts(key):
            bits |= OPENS_NAME
        if self.kb.adjectives.starts(key):
            bits |= OPENS_ADJECTIVE
        if self._head_kind(b) is not None or key in self._role_openers:
            bits |= OPENS_ROLE
        if b in self.bodies or b in self.bodies_without_country or b in self.construct_bodies or b in self.facilities:
            bits |= OPENS_BODY
        if b in self.sides:
            bits |= OPENS_SIDE
        if key.startswith("ال") and (key[2:] in self.nominals or key[2:] in self.home_nominals):
            bits |= OPENS_NOMINAL
        if self.epithets.starts(key):
            bits |= OPENS_EPITHET
        if self.story_names.starts(key):
            bits |= OPENS_STORY
        if len(self._key_openings) >= 200_000:
            self._key_openings.clear()
        self._key_openings[key] = bits
        return bits

    def may_start_role(self, tok: Token, text: str) -> bool:
        """Whether a role can begin at the token: an honorific, a fixed title or a head starts there."""
        return self.head_at(tok, text) is not None or any(
            key in self._role_openers for _, key in token_heads(tok, text)
        )

    def nominal_at(self, tok: Token, text: str) -> tuple[int, str] | None:
        """``(start, noun)`` when the token is a definite body noun that refers back ("الوزارة", "الحركة")."""
        for s, key in token_heads(tok, text):
            if key.startswith("ال") and key[2:] in self.nominals and (
                text[s : s + 1] == "ا" or match_key(text[s : s + 2]) == "ال"
            ):
                return s, key[2:]
        return None

    def home_nominal(self, tokens: Sequence[Token], k: int, text: str) -> int | None:
        """The start of a lone "البلاد"/"الدولة" at token ``k`` (the article as written): nothing
        after it that makes it another phrase ("الدولة العبرية", "الدولة الإسلامية"), no organisation
        or minister's word before it ("تنظيم الدولة", "وزير الدولة")."""
        tok = tokens[k]
        for s, key in token_heads(tok, text):
            if key.startswith("ال") and key[2:] in self.home_nominals and match_key(text[s : s + 2]) == "ال":
                break
        else:
            return None
        if k + 1 < len(tokens) and self._modified(key[2:], tokens, k + 1, text):
            return None
        if k > 0:
            prev = bare(token_heads(tokens[k - 1], text)[0][1])
            if prev in self.org_cues or prev in _MINISTER_WORDS:
                return None
        return s

    def lone_nominal(self, tokens: Sequence[Token], k: int, text: str) -> tuple[int, str] | None:
        """:meth:`nominal_at` with nothing after it that makes the noun a name: "الوزارة" but not
        "الوزارة الإيرانية" or "المملكة المتحدة"."""
        hit = self.nominal_at(tokens[k], text)
        if hit is None or k + 1 >= len(tokens):
            return hit
        m = self.kb.names.match_at(tokens, k + 1, text)
        if m is not None and m.start == tokens[k + 1].start and not m.value[0].weak:
            return hit  # "وحمّلت الوزارة الكيان الإسرائيلي": the next name is another phrase
        if self._modified(hit[1], tokens, k + 1, text):
            return None
        return hit

    def _modified(self, noun: str, tokens: Sequence[Token], k: int, text: str) -> bool:
        """Whether the word at ``k`` can be an adjective of ``noun`` and so make it a longer name:
        a nationality, or a definite word, which for a feminine noun must be feminine too
        ("المملكة المتحدة", but "رفض المملكة القاطع" leaves "المملكة" alone)."""
        if self.kb.adjectives.match_at(tokens, k, text):
            return True
        nxt = tokens[k].norm
        if not nxt.startswith("ال") or nxt in NOT_DEFINITE:
            return False
        return not (noun.endswith("ه") or noun in _FEMININE) or nxt.endswith("ه")

    def is_complement(self, tok: Token, text: str) -> bool:
        return any(k in self.complements or k in self.heads for _, k in self._forms(tok, text))

    def is_date(self, keys: Sequence[str]) -> bool:
        """Whether name words are a month and what completes a date ("نيسان", "تشرين الأول")."""
        bares = [bare(k) for k in keys]
        return bool(bares) and all(b in self.calendar for b in bares) and any(b in self.calendar_months for b in bares)

    def is_connector(self, tok: Token) -> bool:
        return tok.norm in self.connectors

    def title_of(self, keys: Sequence[str]) -> str | None:
        for pattern, key in self._titles_by_first.get(keys[0], ()) if keys else ():
            if tuple(keys[: len(pattern)]) == pattern:
                if len(pattern) == 1 and len(keys) > 1 and (keys[1] in self.bodies or keys[1] in self.bodies_without_country):
                    continue  # "رئيس مجلس عشائر الأنبار" heads a council, not the state
                if len(pattern) == 1 and len(keys) > 1 and pattern[0] in _HEAD_OF:
                    continue  # "رئيس بلدية ...", "الرئيس التنفيذي": the head of something else
                return key
        return None

    def sector_of(self, keys: Sequence[str], head: str) -> str:
        for k in keys:
            if k in self.sector_words:
                return self.sector_words[k]
        return self.heads.get(head, "GOV")

    # -- roles --------------------------------------------------------------------------------

    def roles(
        self, tokens: Sequence[Token], text: str, date: str | None = None, openings: Sequence[int] | None = None
    ) -> list[Role]:
        """Role phrases in one sentence's tokens, left to right, nested fixed titles included.
        ``openings``: the sentence's :meth:`openings`, when the caller has them."""
        if openings is None:
            openings = self.openings(tokens, text)
        out: list[Role] = []
        i = 0
        for k, bits in enumerate(openings):
            if k < i or not bits & OPENS_ROLE:
                continue
            role = self._role_at(tokens, k, text, out)
            if role is not None:
                out.append(role)
                i = role.j
        return out

    def untitled_roles(
        self,
        tokens: Sequence[Token],
        text: str,
        taken: Sequence[Role],
        at: set[int] | None = None,
        openings: Sequence[int] | None = None,
    ) -> list[Role]:
        """Title phrases the grammar cannot place ("وزير الاستثمار", "وزير الدولة للتعاون الدولي"),
        outside the roles ``taken`` and starting at a token in ``at`` (all when None): the caller
        keeps those standing beside a person's name."""
        if openings is None:
            openings = self.openings(tokens, text)
        busy = {k for r in taken for k in range(r.i, r.j)}
        out: list[Role] = []
        i = 0
        for k, bits in enumerate(openings):
            if k < i or not bits & OPENS_ROLE or k in busy or (at is not None and k not in at):
                continue
            role = self._role_at(tokens, k, text, [], untitled=True)
            if role is None or not role.needs_holder or busy.intersection(range(role.i, role.j)):
                continue
            out.append(role)
            i = role.j
        return out

    def _role_at(
        self, tokens: Sequence[Token], i: int, text: str, nested: list[Role], untitled: bool = False
    ) -> Role | None:
        if not self.may_start_role(tokens[i], text):
            return None
        start_i = i
        span_start: int | None = None
        hon = self.honorifics.match_at(tokens, i, text)
        while hon is not None and hon.j < len(tokens):
            i = hon.j  # honorifics ("جلالة", "سمو") stay outside the role span
            hon = self.honorifics.match_at(tokens, i, text)
        fixed = self.fixed.match_at(tokens, i, text)
        if fixed is not None:
            return self._fixed_role(fixed, tokens, text, span_start, start_i)
        head = self.head_at(tokens[i], text)
        if head is None:
            return None
        name = self.kb.names.match_at(tokens, i, text)
        if name is not None and name.value[0].type == "PER" and not name.value[0].weak:
            return None  # "أمير" in "حسين أمير عبد اللهيان"
        h_start, kind, head_key = head
        conj = h_start > tokens[i].start and tokens[i].norm[:1] in "وف"
        keys: list[str] = [head_key]
        title_keys: list[str] = [head_key]
        country: str | None = None
        org: KBEntry | None = None
        places: list[KBEntry] = []
        adjective_seen = False
        restricted = head_key in self.restricted
        conjuncts: list[tuple[int, int]] = []
        envoy = head_key in self.destination_heads
        unplaced = False
        named = False  # a body's own name taken: "وزارة دفاع الوفاق"
        destination = False  # "المبعوث الأممي إلى اليمن": the place is the title's, not its country
        j = i + 1
        last_good = j
        while j < len(tokens) and j - i < _MAX_CHAIN:
            tok = tokens[j]
            if tok.norm in PUNCT_APPOSITION or not tok.norm[:1].isalpha():
                break
            if envoy and not destination:
                dest = self._destination_at(tokens, j, text)
                if dest is not None:
                    title_keys.append(dest.value.id)
                    keys.append(dest.value.id)
                    destination = True
                    last_good = j = dest.j
                    continue
                if adjective_seen and bare(tok.norm) in {"خاص", "خاصه"}:
                    j += 1  # "المبعوث الأمريكي الخاص إلى اليمن"
                    continue
            if restricted and token_heads(tok, text)[0][0] > tok.start:
                break  # "مصدر أمني لوكالة ...": a prepositional phrase, not the title
            if kind == "counterpart":
                adj = self.kb.adjectives.match_at(tokens, j, text)
                if adj is not None:
                    country = adj.value.country
                    last_good = j = adj.j
                break
            inner = self.fixed.match_at(tokens, j, text)
            if inner is not None and not adjective_seen:
                inner_role = self._fixed_role(inner, tokens, text, None, j)
                nested.append(inner_role)
                country = country or inner_role.country
                keys.extend(bare(t.norm) for t in tokens[inner.i : inner.j])
                title_keys.extend(bare(t.norm) for t in tokens[inner.i : inner.j])
                last_good = j = inner.j
                continue
            m = self.kb.names.match_at(tokens, j, text)
            if m is not None and not adjective_seen and not m.value[0].weak and not restricted:
                entry: KBEntry = m.value[0]
                if entry.type == "PER":
                    break
                if m.start == tok.start and _definite(tokens[j - 1], text):
                    break  # "وحمّلت الوزارة الكيان الإسرائيلي": a definite noun takes no genitive
                conjunct = m.start > tok.start and tok.norm[:1] in "وف"
                if conjunct:
                    conjuncts.append((m.i, m.j))
                if entry.type == "ORG":
                    if not conjunct:  # "وزير الخارجية والاتحاد الأوروبي": a portfolio, not the body
                        org = org or entry
                    title_keys.extend(bare(t.norm) for t in tokens[m.i : m.j])
                elif not conjunct:
                    places.append(entry)
                keys.extend(bare(t.norm) for t in tokens[m.i : m.j])
                last_good = j = m.j
                continue
            adj = self.kb.adjectives.match_at(tokens, j, text)
            if adj is not None and not adjective_seen:
                if adj.value.form == "pl":
                    break
                country = country or adj.value.country
                adjective_seen = True
                last_good = j = adj.j
                continue
            if adjective_seen:
                if tok.norm.startswith("لل") and bare(tok.norm) in self.post_adjective:
                    keys.append(bare(tok.norm))  # "الاتحاد العام التونسي للشغل"
                    last_good = j = j + 1
                    continue
                # after the adjective only "لدى/في + a known place or body" continues the title
                if self.is_connector(tok) and j + 1 < len(tokens):
                    m2 = self.kb.names.match_at(tokens, j + 1, text)
                    if m2 is not None and m2.value[0].type in {"GPE", "ORG"} and not m2.value[0].weak:
                        if m2.value[0].type == "ORG":
                            org = org or m2.value[0]
                        last_good = j = m2.j
                        continue
                break
            if tok.norm == "باسم" and j + 1 < len(tokens) and self.lone_nominal(tokens, j + 1, text) is not None:
                # "المتحدث العسكري باسم الجماعة": the body named before (coref finds it)
                keys.extend(("باسم", bare(tokens[j + 1].norm)))
                title_keys.extend(("باسم", bare(tokens[j + 1].norm)))
                last_good = j = j + 2
                break
            if self.is_connector(tok) and not restricted:
                keys.append(bare(tok.norm))
                title_keys.append(bare(tok.norm))
                j += 1
                continue
            if self.is_complement(tok, text) or (
                bare(tok.norm) in self.definite_complements and _definite(tok, text)
            ):
                peeled = token_heads(tok, text)[0][0] > tok.start
                if peeled and tok.norm[:1] in "بك":
                    break  # "بالوفد": a prepositional phrase after the title
                if peeled and tok.norm[:1] in "وف" and self.head_at(tok, text) is not None:
                    break  # "رئيس الوفد المفاوض والمتحدث باسم ...": a second title begins
                keys.append(bare(tok.norm))
                title_keys.append(bare(tok.norm))
                j += 1
                last_good = j
                continue
            if not named and j == last_good and j > i + 1 and self._body_name_at(tokens, j, text, construct=True):
                keys.append(bare(tok.norm))  # "المتحدث باسم وزارة دفاع الوفاق": the government's name
                title_keys.append(bare(tok.norm))
                named = True
                last_good = j = j + 1
                continue
            break
        j = last_good
        if envoy and not destination and j < len(tokens) and (
            tokens[j].norm in self.destination_connectors or tokens[j].norm[:1] in "لب"
        ):
            unplaced = True  # "المبعوث الأمريكي للمناخ": some envoy the grammar cannot name
        # "رئيس مجلس" cut short by an unknown word: the body noun needs its genitive
        while j > i + 1 and not adjective_seen and bare(tokens[j - 1].norm) in self.bodies and not places and org is None:
            j -= 1
        keys = keys[: j - i]  # drop connectors left dangling at the end
        if kind == "counterpart":
            if country is None:
                return None
            return Role(
                start=h_start if span_start is None else span_start,
                end=tokens[j - 1].end,
                i=start_i,
                j=j,
                kind="counterpart",
                key="نظير:" + country,
                country=country,
                sector=None,
                conj=conj,
                head=head_key,
            )
        former = False
        if j < len(tokens) and bare(tokens[j].norm) in _FORMER:
            keys.append(bare(tokens[j].norm))  # "الرئيس اليمني السابق": the word is the title's
            j, former = j + 1, True
        elif past_time(tokens, j):
            former = True  # "الرئيس الأمريكي في حينه بيل كلينتون"
        title = None if unplaced else self.title_of(title_keys)
        state = next((p.country for p in places if p.id.startswith("state:")), None)
        country = country or state or (org.country if org else None) or (places[0].country if places else None)
        if country is None and title is not None:
            country = self.title_countries.get(title)
        needs_holder = title is None and country is None and org is None
        source_sector = next((self.source_words[k] for k in keys[1:] if k in self.source_words), None)
        source = head_key in self.source_heads and source_sector is not None
        national = (
            source
            or needs_holder and (head_key in self.national_heads or any(k in self.national_words for k in keys[1:]))
        )
        if source and needs_holder:
            needs_holder = False  # "مصدر أمني": an unnamed insider, the dateline's
        if needs_holder and (not untitled or j == i + 1):
            return None
        if j == i + 1 and country is None and not tokens[i].norm.lstrip("وف").startswith("ال"):
            return None  # a bare indefinite "رئيس" is no title
        sector: str | None = self.sector_of(keys, head_key)
        if source:
            sector = source_sector or None  # "مصادر مطلعة": informed, of no sector
        actor: str | None = None
        if org is not None and org.actor and (country is None or country == org.country):
            actor = org.actor
            sector = org.sector or sector
        elif country is not None:
            actor = country + (sector or "")
        if title is not None and org is not None and title in _ORG_OFFICES:
            title = f"{title}@{org.slug}"
        key_words = keys[:]
        if country:
            key_words.append(country)
        return Role(
            start=h_start if span_start is None else span_start,
            end=tokens[j - 1].end,
            i=start_i,
            j=j,
            kind="title",
            key=" ".join(key_words),
            title=title,
            country=country,
            sector=sector,
            actor=actor,
            org=org.id if org else None,
            conj=conj,
            head=head_key,
            conjuncts=tuple(conjuncts),
            short=len(title_keys) == 1,
            needs_holder=needs_holder,
            national=national,
            former=former,
        )

    def _destination_at(self, tokens: Sequence[Token], j: int, text: str) -> Match | None:
        """An envoy's destination at token ``j``: "إلى اليمن", "لليمن", "بإيران" (value: the place's entry)."""
        tok = tokens[j]
        if tok.norm in self.destination_connectors:
            if j + 1 >= len(tokens):
                return None
            m = self.kb.names.match_at(tokens, j + 1, text)
            if m is None or m.start != tokens[j + 1].start:
                return None
        else:
            m = self.kb.names.match_at(tokens, j, text)
            if m is None or m.start == tok.start or tok.norm[:1] not in "لب":
                return None
        entry = m.value[0]
        if entry.weak or entry.type not in {"GPE", "LOC"}:
            return None
        return Match(m.start, m.end, j, m.j, entry)

    def _fixed_role(
        self, m: Match, tokens: Sequence[Token], text: str, span_start: int | None, start_i: int
    ) -> Role:
        f = m.value
        return Role(
            start=m.start if span_start is None else span_start,
            end=m.end,
            i=start_i,
            j=m.j,
            kind="fixed",
            key=" ".join(bare(t.norm) for t in tokens[m.i : m.j]),
            title=f.get("title"),
            country=f.get("country"),
            sector=f.get("sector"),
            actor=(f["country"] + f["sector"]) if f.get("country") and f.get("sector") else None,
        )

    # -- organisation phrases ------------------------------------------------------------------

    def bodies_in(self, tokens: Sequence[Token], text: str, openings: Sequence[int] | None = None) -> list[Body]:
        """Body noun + complements + nationality adjective or state: "الحكومة السورية"."""
        if openings is None:
            openings = self.openings(tokens, text)
        out: list[Body] = []
        i = 0
        for k, bits in enumerate(openings):
            if k < i or not bits & OPENS_BODY:
                continue
            body = self._body_at(tokens, k, text)
            if body is not None:
                out.append(body)
                i = body.j
        return out

    def _body_at(self, tokens: Sequence[Token], i: int, text: str) -> Body | None:
        start: int | None = None
        sector, head = "", ""
        for s, k in self._forms(tokens[i], text):
            if k in self.bodies or k in self.bodies_without_country:
                start, sector, head = s, self.bodies.get(k, "GOV"), k
                break
            if k in self.construct_bodies and not _definite(tokens[i], text):
                start, sector, head = s, self.bodies.get(k, "GOV"), k
                break
            if k in self.facilities:
                return self._facility_at(tokens, i, s, k, text)
        if start is None:
            return None
        if swallowed_article(tokens[i]):
            return None  # "للقوات المسلحة": ل swallowed the article, the gold marks no mention there
        if head in self.place_bodies:
            body = self._place_body(tokens, i, start, head, sector, text)
            if body is not None:
                return body
        keys = [head]
        country: str | None = None
        where: str | None = None
        placed = False

        def definite(end: int) -> bool:
            return any(_definite(t, text) for t in tokens[i:end])

        by_place = False  # the country came from a place named in the genitive ("محكمة تونس")
        named_at = -1
        named = False  # the body's own name taken: "حكومة الوفاق", "لحكومة الوفاق"
        j = i + 1
        while j < len(tokens) and j - i < _MAX_CHAIN:
            tok = tokens[j]
            adj = self.kb.adjectives.match_at(tokens, j, text)
            if adj is not None and adj.value.form != "pl":
                country = adj.value.country
                j = adj.j
                break
            if self.honorifics.match_at(tokens, j, text) is not None:
                break  # "رئيس الخلية اللواء سعد معن": a rank opens the holder's name
            m = self.kb.names.match_at(tokens, j, text)
            if m is not None and not m.value[0].weak:
                entry = m.value[0]
                if m.start == tok.start and _definite(tokens[j - 1], text):
                    break  # "وحمّلت الوزارة الكيان الإسرائيلي": two noun phrases, not one body
                if entry.id.startswith("state:"):
                    country = entry.country
                    j = m.j
                    by_place = m.start == tok.start
                    break
                if entry.type in {"GPE", "LOC"} and entry.country and m.start == tok.start:
                    # "قيادة شرطة ديالى", "حكومة إقليم كردستان": a body of a known place, its state's
                    if m.j - m.i > 1 and self.is_complement(tok, text):
                        keys.append(bare(tok.norm))  # "حكومة الإقليم" is a short form of it
                    keys.append(entry.id)
                    country = entry.country
                    j = m.j
                    placed = by_place = True
                    break
                if entry.type == "ORG" and j > i + 1:  # "جمعية الهلال الأحمر الكويتي"
                    keys.extend(bare(t.norm) for t in tokens[m.i : m.j])
                    j = m.j
                    continue
                break
            forms = self._forms(tok, text)
            if forms[0][0] > tok.start and tok.norm[:1] in "وف" and forms[0][1] in self.bodies:
                break  # "الحكومة الاتحادية وحكومة الإقليم": a second body begins
            if not named and self._body_name_at(tokens, j, text):
                keys.append(bare(tok.norm))  # "حكومة الوفاق": the government's own name
                named, named_at = True, j
                j += 1
                continue
            place = self._genitive_place(tokens, j, text) if j > i + 1 else None
            if place is not None:  # "المجلس العسكري لمدينة مصراتة": the body of that town
                keys.append(place.value.id)
                country = place.value.country
                j = place.j
                placed = by_place = True
                break
            if any(k in self.complements for _, k in forms) and not self.is_connector(tok):
                keys.append(bare(tok.norm))
                j += 1
                continue
            if tok.norm in {"في", "لدي"} and j > i + 1 and definite(j) and not named:
                # (a named government "في طرابلس" sits there: the place is no reading of its state)
                country = self._country_after(tokens, j + 1, text)
                if country is None and j + 1 < len(tokens):
                    hit = self.lone_nominal(tokens, j + 1, text)
                    where = hit[1] if hit else None
            break
        if country is not None:
            # "الاتحاد العام التونسي للشغل": the organisation's field after its nationality
            while j < len(tokens) and tokens[j].norm.startswith("لل") and bare(tokens[j].norm) in self.post_adjective:
                j += 1
        if by_place:  # "محكمة تونس الابتدائية": the court's kind after its town
            while j < len(tokens) and tokens[j].norm in self.facility_modifiers:
                j += 1
        while country is None and j > i + 1 and self._dangling_body(tokens[j - 1], text):
            j -= 1  # "المجلس الرئاسي لحكومة" cut short: the genitive's noun needs its name
            keys = keys[: j - i]
        if named and named_at == i + 1 and j == i + 2 and country is None:
            return None  # "بتشكيل حكومة الوحدة": a kind of government, unless an adjective names it
        if named and country is None and where is None:
            sector = self.sector_of(keys, "") if any(k in self.sector_words for k in keys) else sector
            return Body(start, tokens[j - 1].end, i, j, None, sector, " ".join(keys) + " ", home=True)
        if country is None and where is None and definite(j):
            home = self._home_body(keys)
            if home is not None:
                kind, home_sector = home
                return Body(start, tokens[j - 1].end, i, j, None, home_sector, " ".join(keys) + " ", type=kind, home=True)
        # an indefinite phrase ("قيادة عسكرية في الجولان") names no particular body
        open_head = head in self.bodies_without_country or (head in self.construct_bodies and not _definite(tokens[i], text))
        if country is None and (not open_head or j == i + 1 or not definite(j)):
            return None
        if country is None and self.title_of(keys) is not None:
            return None  # "رئيس الوزراء" is a title, not a body
        sector = self.sector_of(keys, "") if any(k in self.sector_words for k in keys) else sector
        return Body(start, tokens[j - 1].end, i, j, country, sector, " ".join(keys) + " " + (country or ""), where=where,
                    placed=placed)

    def _body_name_at(self, tokens: Sequence[Token], j: int, text: str, construct: bool = False) -> bool:
        """Whether token ``j`` is the own name of the body noun before it: that noun takes names
        (roles.json "named_bodies") and has no article ("حكومة", "لحكومة"); the token is a definite
        word of no list ("الوفاق", "الوحدة"), after which no prepositional phrase goes on
        ("هيئة الأمر بالمعروف": a longer name this rule cannot close). ``construct``: in a title,
        after any portfolio word without the article ("وزارة دفاع الوفاق")."""
        prev, tok = tokens[j - 1], tokens[j]
        p_forms = self._forms(prev, text)
        if _definite(prev, text) or not any(
            k in self.named_bodies or (construct and k in self.complements) for _, k in p_forms
        ):
            return False
        key = tok.norm
        if not key.startswith("ال") or len(key) < 5 or not key.isalpha() or key in NOT_DEFINITE:
            return False
        b = bare(key)
        if (b in self.complements or b in self.heads or b in self.bodies or b in self.nominals
                or b in self.home_nominals or b in self.calendar or b in self.facilities
                or b in self.enemy_words or self.story_names.starts(key) or self.epithets.starts(key)):
            return False
        if self.kb.adjectives.match_at(tokens, j, text) is not None or self.kb.names.match_at(tokens, j, text) is not None:
            return False
        if self.honorifics.match_at(tokens, j, text) is not None:
            return False
        if j + 1 < len(tokens):
            nxt = tokens[j + 1].norm
            if nxt[:3] in {"بال", "كال"} or (nxt.startswith("لل") and len(nxt) > 4):
                return False
        return True

    def _genitive_place(self, tokens: Sequence[Token], j: int, text: str) -> Match | None:
        """"لمدينة مصراتة", "بولاية الخرطوم" at token ``j``: ل/ب, a place noun, a known place."""
        tok = tokens[j]
        if tok.norm[:1] not in "لب" or j + 1 >= len(tokens):
            return None
        forms = self._forms(tok, text)
        if forms[0][0] == tok.start or forms[0][1] not in _PLACE_WORDS:
            return None
        m = self.kb.names.match_at(tokens, j + 1, text)
        if m is None or m.start != tokens[j + 1].start or m.value[0].weak or m.value[0].type not in {"GPE", "LOC"}:
            return None
        if not m.value[0].country:
            return None
        return Match(forms[0][0], m.end, j, m.j, m.value[0])

    def _dangling_body(self, tok: Token, text: str) -> bool:
        """A body noun that needs its genitive and has none: "لحكومة", "بوزارة" ending a phrase."""
        forms = self._forms(tok, text)
        return forms[0][0] > tok.start and tok.norm[:1] in "لب" and forms[0][1] in self.bodies and not _definite(tok, text)

    def _home_body(self, keys: Sequence[str]) -> tuple[str, str] | None:
        """``(type, sector)`` when the body's words end with a roles.json "home_bodies" phrase:
        "القوات الأمنية", and "القيادة العامة للقوات المسلحة" (its command) alike."""
        for n in range(len(keys)):
            hit = self.home_bodies.get(tuple(keys[n:]))
            if hit is not None:
                return hit if n == 0 else ("ORG", hit[1] or "GOV")
        return None

    def collective_at(self, tok: Token, text: str) -> tuple[int, str] | None:
        """``(start, sector)`` when the token is a definite plural noun of protest participants
        ("المتظاهرون", "والمحتجين", "المعتصمات"); ل swallowing the article ("للمتظاهرين") is no mention."""
        for s, key in token_heads(tok, text):
            if not key.startswith("ال") or (s > tok.start and tok.norm.startswith("لل")):
                continue
            stem = key[2:]
            for suffix in ("ون", "ين", "ات"):
                if stem.endswith(suffix) and stem[: -len(suffix)] in self.people_collectives:
                    return s, self.people_collectives[stem[: -len(suffix)]]
        return None

    def _place_body(self, tokens: Sequence[Token], i: int, start: int, head: str, sector: str, text: str) -> Body | None:
        """"عشائر الأنبار", "قبائل جنوب العراق": people of a known place, an organisation of its state."""
        j = i + 1
        while j < len(tokens) and bare(tokens[j].norm) in self.place_body_directions:
            j += 1
        if j >= len(tokens):
            return None
        m = self.kb.names.match_at(tokens, j, text)
        if m is None or m.start != tokens[j].start:
            return None
        place = m.value[0]
        if place.weak or place.type not in {"GPE", "LOC"} or not place.country:
            return None
        keys = [head, *(bare(t.norm) for t in tokens[i + 1 : j]), place.id]
        return Body(start, m.end, i, m.j, place.country, sector, " ".join(keys) + " " + place.country)

    def _country_after(self, tokens: Sequence[Token], j: int, text: str) -> str | None:
        """The country of "في [مملكة] إسبانيا" / "في [قضاء] الحويجة" after a body ("وزارة الصحة في غزة")."""
        while j < len(tokens) and bare(tokens[j].norm) in _PLACE_WORDS:
            j += 1
        if j < len(tokens):
            m = self.kb.names.match_at(tokens, j, text)
            if m is not None and not m.value[0].weak and m.value[0].type in {"GPE", "LOC"}:
                return m.value[0].country
        return None

    def _facility_at(self, tokens: Sequence[Token], i: int, start: int, head: str, text: str) -> Body | None:
        """"مطار العريش الدولي": a facility noun, a known place, and modifiers."""
        if i + 1 >= len(tokens):
            return None
        m = self.kb.names.match_at(tokens, i + 1, text)
        if m is None or m.value[0].type not in {"GPE", "LOC"} or m.start != tokens[i + 1].start:
            # "القصر الجمهوري": a facility of the story's state (roles.json "home_bodies")
            home = self.home_bodies.get((head, bare(tokens[i + 1].norm)))
            if home is not None and (_definite(tokens[i], text) or _definite(tokens[i + 1], text)):
                return Body(start, tokens[i + 1].end, i, i + 2, None, home[1], f"{head} {bare(tokens[i + 1].norm)} ",
                            type=home[0], home=True)
            return None
        j = m.j
        while j < len(tokens) and tokens[j].norm in self.facility_modifiers:
            j += 1
        place = m.value[0]
        kind = self.facilities[head]
        country = None if place.weak else place.country
        return Body(start, tokens[j - 1].end, i, j, country, "GOV" if kind == "ORG" else "",
                    f"{head} {place.id}", type=kind)

    def side_at(self, tokens: Sequence[Token], i: int, text: str) -> tuple[int, int, int, str] | None:
        """"الجانب الإسرائيلي": ``(start, end, j, country)``."""
        if i + 1 >= len(tokens):
            return None
        for s, k in self._forms(tokens[i], text):
            if k in self.sides and tokens[i].norm.lstrip("وفبلك").startswith("ال"):
                adj = self.kb.adjectives.match_at(tokens, i + 1, text)
                if adj is not None and adj.value.form == "m":
                    return s, adj.end, adj.j, adj.value.country
        return None


#: Words between "في" and the place that gives a body its country: "في مملكة إسبانيا", "في قضاء الحويجة".
_PLACE_WORDS = frozenset(
    bare(match_key(w))
    for w in ["مملكة", "جمهورية", "دولة", "سلطنة", "إمارة", "محافظة", "مدينة", "قضاء", "ناحية", "منطقة",
              "ولاية", "إقليم", "بلدة", "قرية", "مديرية"]
)


#: Nouns that take feminine adjectives without ending in ة ("البلاد العربية").
_FEMININE = frozenset({"بلاد"})
#: "وزير الدولة", "وزارة الدولة": a minister of state, not the state.
_MINISTER_WORDS = frozenset(bare(match_key(w)) for w in ["وزير", "وزيرة", "وزراء", "وزارة", "وزيرا"])

#: "رئيس": a one-word title pattern of this head names the state's president only alone.
_HEAD_OF = frozenset(bare(match_key(w)) for w in ["رئيس", "رئيسة"])


def swallowed_article(tok: Token) -> bool:
    """Whether ل swallowed the article of the token ("للقوات", "وللأمم"): the project's gold marks
    no mention in such a word (tests/gold/README.md), whatever follows it."""
    n = tok.norm
    if n[:1] in "وف" and n[1:3] == "لل":
        n = n[1:]
    return n.startswith("لل") and len(n) > 4 and not n.startswith("لله")


def _definite(tok: Token, text: str) -> bool:
    """Whether the token carries the article (proclitics aside): it then takes no genitive."""
    return any(key.startswith("ال") and len(key) > 3 for _, key in token_heads(tok, text))


#: Titles that name an office of the organisation in the phrase ("الأمين العام لحزب الله").
_ORG_OFFICES = frozenset(
    {"secretary_general", "director_general", "commander", "spokesperson", "leader", "head",
     "political_bureau_head", "president", "foreign_policy_chief", "chief_of_staff",
     "commissioner_general", "high_commissioner"}
)


#: Words after a title that make it a past office: "الرئيس اليمني السابق", "الأسبق".
_FORMER = frozenset(bare(match_key(w)) for w in ["السابق", "السابقة", "الأسبق", "الأسبقة"])
#: "في حينه", "آنذاك": the office at the time told, not now.
_THEN = frozenset(match_key(w) for w in ["آنذاك", "انذاك", "حينها", "حينذاك", "وقتها", "وقتئذ"])
_THEN_AFTER_FI = frozenset(match_key(w) for w in ["حينه", "حينها", "وقته", "وقتها", "ذلك الوقت"])


def past_time(tokens: Sequence[Token], j: int) -> int:
    """How many tokens at ``j`` say "at that time" ("آنذاك", "في حينه"); 0 when none."""
    if j < len(tokens) and tokens[j].norm in _THEN:
        return 1
    if j + 1 < len(tokens) and tokens[j].norm == "في" and tokens[j + 1].norm in _THEN_AFTER_FI:
        return 2
    return 0


def resolve_holder(kb: KnowledgeBase, role: Role, date: str | None) -> KBEntry | None:
    """The one KB person who held the role's office (by title and country) on ``date``; nobody
    for a past office ("الرئيس اليمني السابق")."""
    if not role.title or role.former:
        return None
    title = role.title
    holders = kb.holders(title, date)
    if not holders and "@" in title and role.country is not None:
        # "رئيس أركان الجيش الإسرائيلي": the state's chief of staff, filed without the organisation
        title = title.split("@", 1)[0]
        holders = kb.holders(title, date)
    if "@" not in title:
        # an office of no state (the UN envoys) only when the phrase names no state either
        holders = [h for h in holders if h.country == role.country]
    return holders[0] if len(holders) == 1 else None


@lru_cache(maxsize=4)
def _load_grammar(kb: KnowledgeBase) -> Grammar:
    path = resources.files("marsad") / "resources" / "kb" / "roles.json"
    return Grammar(json.loads(path.read_text(encoding="utf-8")), kb)
