"""Title phrases as roles: "وزير الخارجية الإيراني", "أمين مجلس الأمن القومي الروسي", "نظيره القطري".

A role is optional honorifics, a head noun (وزير, رئيس, أمين, المتحدث, سفير, قائد, ...), then
complements (portfolio and body words such as الخارجية, مجلس, الأمن, القومي), connectors (باسم,
لدى, ل), nested heads ("ممثل قائد الثورة"), known organisations and places from the knowledge
base, and at most one nationality adjective, which closes the phrase. The role's country comes
from the adjective, a state named in it, or the organisation; its sector from the words (جيش →
MIL, شرطة → COP, ...) or the head. The word classes are :class:`~marsad.entities.roles.Grammar`'s.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from marsad.document import Token
from marsad.entities.body_phrases import body_name_at
from marsad.entities.kb import KBEntry, KnowledgeBase, Match, token_heads
from marsad.entities.role_words import (
    MAX_CHAIN,
    OPENS_ROLE,
    PUNCT_APPOSITION,
    bare,
    has_article,
    past_time,
)
from marsad.normalize import match_key

if TYPE_CHECKING:
    from marsad.entities.roles import Grammar


#: Titles that name an office of the organisation in the phrase ("الأمين العام لحزب الله").
_ORG_OFFICES = frozenset(
    {"secretary_general", "director_general", "commander", "spokesperson", "leader", "head",
     "political_bureau_head", "president", "foreign_policy_chief", "chief_of_staff",
     "commissioner_general", "high_commissioner"}
)

#: Words after a title that make it a past office: "الرئيس اليمني السابق", "الأسبق".
_FORMER = frozenset(bare(match_key(w)) for w in ["السابق", "السابقة", "الأسبق", "الأسبقة"])


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


#: "باسمه", "باسمها": "in its name", the spokesperson's body being the one just named.
_IN_ITS_NAME = frozenset(match_key(w) for w in ["باسمه", "باسمها", "باسمهم", "باسمهما"])
_SPOKESPERSONS = frozenset(match_key(w) for w in ["متحدث", "متحدثة", "ناطق", "ناطقة"])



def in_its_name(role: Role) -> bool:
    """Whether the role is "المتحدث باسمها": the spokesperson of a body named only by a pronoun."""
    return " باسم@" in role.key

def find_roles(
    grammar: Grammar, tokens: Sequence[Token], text: str, openings: Sequence[int] | None = None
) -> list[Role]:
    """Role phrases in one sentence's tokens, left to right, nested fixed titles included.
    ``openings``: the sentence's :meth:`Grammar.openings`, when the caller has them."""
    if openings is None:
        openings = grammar.openings(tokens, text)
    out: list[Role] = []
    i = 0
    for k, bits in enumerate(openings):
        if k < i or not bits & OPENS_ROLE:
            continue
        role = role_at(grammar, tokens, k, text, out)
        if role is not None:
            out.append(role)
            i = role.j
    return out


def find_untitled_roles(
    grammar: Grammar,
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
        openings = grammar.openings(tokens, text)
    busy = {k for r in taken for k in range(r.i, r.j)}
    out: list[Role] = []
    i = 0
    for k, bits in enumerate(openings):
        if k < i or not bits & OPENS_ROLE or k in busy or (at is not None and k not in at):
            continue
        role = role_at(grammar, tokens, k, text, [], untitled=True)
        if role is None or not role.needs_holder or busy.intersection(range(role.i, role.j)):
            continue
        out.append(role)
        i = role.j
    return out


def role_at(
    grammar: Grammar, tokens: Sequence[Token], i: int, text: str, nested: list[Role], untitled: bool = False
) -> Role | None:
    """The role that begins at token ``i``, or None. Fixed titles nested in it go to ``nested``;
    ``untitled``: keep a phrase of no known office (``needs_holder``) for a name beside it."""
    if not grammar.may_start_role(tokens[i], text):
        return None
    start_i = i
    hon = grammar.honorifics.match_at(tokens, i, text)
    while hon is not None and hon.j < len(tokens):
        i = hon.j  # honorifics ("جلالة", "سمو") stay outside the role span
        hon = grammar.honorifics.match_at(tokens, i, text)
    fixed = grammar.fixed.match_at(tokens, i, text)
    if fixed is not None:
        return fixed_role(fixed, tokens, start_i)
    head = grammar.head_at(tokens[i], text)
    if head is None:
        return None
    name = grammar.kb.names.match_at(tokens, i, text)
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
    restricted = head_key in grammar.restricted
    conjuncts: list[tuple[int, int]] = []
    envoy = head_key in grammar.destination_heads
    unplaced = False
    named = False  # a body's own name taken: "وزارة دفاع الوفاق"
    destination = False  # "المبعوث الأممي إلى اليمن": the place is the title's, not its country
    j = i + 1
    last_good = j
    while j < len(tokens) and j - i < MAX_CHAIN:
        tok = tokens[j]
        if tok.norm in PUNCT_APPOSITION or not tok.norm[:1].isalpha():
            break
        if envoy and not destination:
            dest = _destination_at(grammar, tokens, j, text)
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
            adj = grammar.kb.adjectives.match_at(tokens, j, text)
            if adj is not None:
                country = adj.value.country
                last_good = j = adj.j
            break
        inner = grammar.fixed.match_at(tokens, j, text)
        if inner is not None and not adjective_seen:
            inner_role = fixed_role(inner, tokens, j)
            nested.append(inner_role)
            country = country or inner_role.country
            keys.extend(bare(t.norm) for t in tokens[inner.i : inner.j])
            title_keys.extend(bare(t.norm) for t in tokens[inner.i : inner.j])
            last_good = j = inner.j
            continue
        m = grammar.kb.names.match_at(tokens, j, text)
        if m is not None and not adjective_seen and not m.value[0].weak and not restricted:
            entry: KBEntry = m.value[0]
            if entry.type == "PER":
                break
            if m.start == tok.start and has_article(tokens[j - 1], text):
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
        adj = grammar.kb.adjectives.match_at(tokens, j, text)
        if adj is not None and not adjective_seen:
            if adj.value.form == "pl":
                break
            country = country or adj.value.country
            adjective_seen = True
            last_good = j = adj.j
            continue
        if adjective_seen:
            if tok.norm.startswith("لل") and bare(tok.norm) in grammar.post_adjective:
                keys.append(bare(tok.norm))  # "الاتحاد العام التونسي للشغل"
                last_good = j = j + 1
                continue
            # after the adjective only "لدى/في + a known place or body" continues the title
            if grammar.is_connector(tok) and j + 1 < len(tokens):
                m2 = grammar.kb.names.match_at(tokens, j + 1, text)
                if m2 is not None and m2.value[0].type in {"GPE", "ORG"} and not m2.value[0].weak:
                    if m2.value[0].type == "ORG":
                        org = org or m2.value[0]
                    last_good = j = m2.j
                    continue
            break
        if tok.norm in _IN_ITS_NAME and j == i + 1 and head_key in _SPOKESPERSONS:
            # "المتحدث باسمها محمد عبد السلام": the spokesperson of the body just named, an
            # office of his own (the key holds where it stands: two bodies' are not one office)
            keys.append(f"باسم@{tok.start}")
            title_keys.append(f"باسم@{tok.start}")
            last_good = j = j + 1
            break
        if tok.norm == "باسم" and j + 1 < len(tokens) and grammar.lone_nominal(tokens, j + 1, text) is not None:
            # "المتحدث العسكري باسم الجماعة": the body named before (coref finds it)
            keys.extend(("باسم", bare(tokens[j + 1].norm)))
            title_keys.extend(("باسم", bare(tokens[j + 1].norm)))
            last_good = j = j + 2
            break
        if grammar.is_connector(tok) and not restricted:
            keys.append(bare(tok.norm))
            title_keys.append(bare(tok.norm))
            j += 1
            continue
        if grammar.is_complement(tok, text) or (
            bare(tok.norm) in grammar.definite_complements and has_article(tok, text)
        ):
            peeled = token_heads(tok, text)[0][0] > tok.start
            if peeled and tok.norm[:1] in "بك":
                break  # "بالوفد": a prepositional phrase after the title
            if peeled and tok.norm[:1] in "وف" and grammar.head_at(tok, text) is not None:
                break  # "رئيس الوفد المفاوض والمتحدث باسم ...": a second title begins
            keys.append(bare(tok.norm))
            title_keys.append(bare(tok.norm))
            j += 1
            last_good = j
            continue
        if not named and j == last_good and j > i + 1 and body_name_at(grammar, tokens, j, text, construct=True):
            keys.append(bare(tok.norm))  # "المتحدث باسم وزارة دفاع الوفاق": the government's name
            title_keys.append(bare(tok.norm))
            named = True
            last_good = j = j + 1
            continue
        break
    j = last_good
    if envoy and not destination and j < len(tokens) and (
        tokens[j].norm in grammar.destination_connectors or tokens[j].norm[:1] in "لب"
    ):
        unplaced = True  # "المبعوث الأمريكي للمناخ": some envoy the grammar cannot name
    # "رئيس مجلس" cut short by an unknown word: the body noun needs its genitive
    while j > i + 1 and not adjective_seen and bare(tokens[j - 1].norm) in grammar.bodies and not places and org is None:
        j -= 1
    keys = keys[: j - i]  # drop connectors left dangling at the end
    if kind == "counterpart":
        if country is None:
            return None
        return Role(
            start=h_start,
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
    title = None if unplaced else grammar.title_of(title_keys)
    state = next((p.country for p in places if p.id.startswith("state:")), None)
    country = country or state or (org.country if org else None) or (places[0].country if places else None)
    if country is None and title is not None:
        country = grammar.title_countries.get(title)
    needs_holder = title is None and country is None and org is None
    source_sector = next((grammar.source_words[k] for k in keys[1:] if k in grammar.source_words), None)
    source = head_key in grammar.source_heads and source_sector is not None
    national = (
        source
        or needs_holder and (head_key in grammar.national_heads or any(k in grammar.national_words for k in keys[1:]))
    )
    if source and needs_holder:
        needs_holder = False  # "مصدر أمني": an unnamed insider, the dateline's
    if needs_holder and (not untitled or j == i + 1):
        return None
    if j == i + 1 and country is None and not tokens[i].norm.lstrip("وف").startswith("ال"):
        return None  # a bare indefinite "رئيس" is no title
    sector: str | None = grammar.sector_of(keys, head_key)
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
        start=h_start,
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


def _destination_at(grammar: Grammar, tokens: Sequence[Token], j: int, text: str) -> Match | None:
    """An envoy's destination at token ``j``: "إلى اليمن", "لليمن", "بإيران" (value: the place's entry)."""
    tok = tokens[j]
    if tok.norm in grammar.destination_connectors:
        if j + 1 >= len(tokens):
            return None
        m = grammar.kb.names.match_at(tokens, j + 1, text)
        if m is None or m.start != tokens[j + 1].start:
            return None
    else:
        m = grammar.kb.names.match_at(tokens, j, text)
        if m is None or m.start == tok.start or tok.norm[:1] not in "لب":
            return None
    entry = m.value[0]
    if entry.weak or entry.type not in {"GPE", "LOC"}:
        return None
    return Match(m.start, m.end, j, m.j, entry)


def fixed_role(m: Match, tokens: Sequence[Token], start_i: int) -> Role:
    """The role of a roles.json "fixed" title matched at ``m`` ("قائد الثورة الإسلامية"), honorifics
    before it from token ``start_i`` on."""
    f = m.value
    return Role(
        start=m.start,
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

