"""The title and organisation grammar of ``resources/kb/roles.json``, compiled against a knowledge base.

:class:`Grammar` holds the word classes (heads, complements, connectors, body and facility
nouns, nominals, sectors, title patterns) and answers what a token is: a role head, a body
noun, a lone nominal ("الوزارة"), a side ("الجانب الإسرائيلي"), a collective ("المتظاهرون"),
and what can begin at it (:meth:`Grammar.openings`). The phrase scans built on it are
:mod:`marsad.entities.title_phrases` (roles: "وزير الخارجية الإيراني", "نظيره القطري") and
:mod:`marsad.entities.body_phrases` (organisations: "الحكومة السورية", "الجيش الإسرائيلي");
:meth:`Grammar.roles` and :meth:`Grammar.bodies_in` run them.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from functools import lru_cache
from importlib import resources
from typing import Any

from marsad.document import Token
from marsad.entities.body_phrases import Body, find_bodies
from marsad.entities.kb import (
    KnowledgeBase,
    PhraseIndex,
    TokenMemo,
    sentence_heads,
    token_heads,
    words,
)
from marsad.entities.role_words import (
    NOT_DEFINITE,
    OPENS_ADJECTIVE,
    OPENS_BODY,
    OPENS_EPITHET,
    OPENS_NAME,
    OPENS_NOMINAL,
    OPENS_ROLE,
    OPENS_SIDE,
    OPENS_STORY,
    bare,
)
from marsad.entities.title_phrases import Role, find_roles, find_untitled_roles
from marsad.normalize import match_key

_MISSING = object()
#: Nouns that take feminine adjectives without ending in ة ("البلاد العربية").
_FEMININE = frozenset({"بلاد"})
#: "وزير الدولة", "وزارة الدولة": a minister of state, not the state.
_MINISTER_WORDS = frozenset(bare(match_key(w)) for w in ["وزير", "وزيرة", "وزراء", "وزارة", "وزيرا"])
#: "رئيس": a one-word title pattern of this head names the state's president only alone.
_HEAD_OF = frozenset(bare(match_key(w)) for w in ["رئيس", "رئيسة"])


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

    def forms(self, tok: Token, text: str) -> tuple[tuple[int, str], ...]:
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
        return any(k in self.complements or k in self.heads for _, k in self.forms(tok, text))

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

    def side_at(self, tokens: Sequence[Token], i: int, text: str) -> tuple[int, int, int, str] | None:
        """"الجانب الإسرائيلي": ``(start, end, j, country)``."""
        if i + 1 >= len(tokens):
            return None
        for s, k in self.forms(tokens[i], text):
            if k in self.sides and tokens[i].norm.lstrip("وفبلك").startswith("ال"):
                adj = self.kb.adjectives.match_at(tokens, i + 1, text)
                if adj is not None and adj.value.form == "m":
                    return s, adj.end, adj.j, adj.value.country
        return None

    # -- phrases ------------------------------------------------------------------------------

    def roles(self, tokens: Sequence[Token], text: str, openings: Sequence[int] | None = None) -> list[Role]:
        """Role phrases in one sentence's tokens (:func:`~marsad.entities.title_phrases.find_roles`)."""
        return find_roles(self, tokens, text, openings)

    def untitled_roles(
        self,
        tokens: Sequence[Token],
        text: str,
        taken: Sequence[Role],
        at: set[int] | None = None,
        openings: Sequence[int] | None = None,
    ) -> list[Role]:
        """Title phrases of no known office beside the roles ``taken``
        (:func:`~marsad.entities.title_phrases.find_untitled_roles`)."""
        return find_untitled_roles(self, tokens, text, taken, at, openings)

    def bodies_in(self, tokens: Sequence[Token], text: str, openings: Sequence[int] | None = None) -> list[Body]:
        """Organisation and facility phrases in one sentence's tokens
        (:func:`~marsad.entities.body_phrases.find_bodies`)."""
        return find_bodies(self, tokens, text, openings)


@lru_cache(maxsize=4)
def _load_grammar(kb: KnowledgeBase) -> Grammar:
    path = resources.files("marsad") / "resources" / "kb" / "roles.json"
    return Grammar(json.loads(path.read_text(encoding="utf-8")), kb)
