"""Organisation and facility phrases: "الحكومة السورية", "وزارة الخارجية الإيرانية", "الجيش
الإسرائيلي", "قيادة شرطة ديالى", "مطار العريش الدولي".

A body is a head noun (roles.json "bodies", "facilities"), complements, and what gives it a
country: a nationality adjective, a state or a known place in the genitive, or "في + place"
after it. Bodies of the story's own state named without a country ("القوات الأمنية") are
marked ``home``. Facilities whose names no list holds are
:mod:`marsad.entities.facility_names`' to find.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from marsad.document import Token
from marsad.entities.kb import Match
from marsad.entities.role_words import (
    MAX_CHAIN,
    NOT_DEFINITE,
    OPENS_BODY,
    bare,
    has_article,
    swallowed_article,
)
from marsad.normalize import match_key

if TYPE_CHECKING:
    from marsad.entities.roles import Grammar


#: Words between "في" and the place that gives a body its country: "في مملكة إسبانيا", "في قضاء الحويجة".
_PLACE_WORDS = frozenset(
    bare(match_key(w))
    for w in ["مملكة", "جمهورية", "دولة", "سلطنة", "إمارة", "محافظة", "مدينة", "قضاء", "ناحية", "منطقة",
              "ولاية", "إقليم", "بلدة", "قرية", "مديرية"]
)


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


def find_bodies(
    grammar: Grammar, tokens: Sequence[Token], text: str, openings: Sequence[int] | None = None
) -> list[Body]:
    """Body noun + complements + nationality adjective or state: "الحكومة السورية"."""
    if openings is None:
        openings = grammar.openings(tokens, text)
    out: list[Body] = []
    i = 0
    for k, bits in enumerate(openings):
        if k < i or not bits & OPENS_BODY:
            continue
        body = body_at(grammar, tokens, k, text)
        if body is not None:
            out.append(body)
            i = body.j
    return out


def body_at(grammar: Grammar, tokens: Sequence[Token], i: int, text: str) -> Body | None:
    """The organisation or facility phrase that begins at token ``i``, or None."""
    start: int | None = None
    sector, head = "", ""
    for s, k in grammar.forms(tokens[i], text):
        if k in grammar.bodies or k in grammar.bodies_without_country:
            start, sector, head = s, grammar.bodies.get(k, "GOV"), k
            break
        if k in grammar.construct_bodies and not has_article(tokens[i], text):
            start, sector, head = s, grammar.bodies.get(k, "GOV"), k
            break
        if k in grammar.facilities:
            return _facility_at(grammar, tokens, i, s, k, text)
    if start is None:
        return None
    if swallowed_article(tokens[i]):
        return None  # "للقوات المسلحة": ل swallowed the article, the gold marks no mention there
    if head in grammar.place_bodies:
        body = _place_body(grammar, tokens, i, start, head, sector, text)
        if body is not None:
            return body
    keys = [head]
    country: str | None = None
    where: str | None = None
    placed = False

    def definite(end: int) -> bool:
        return any(has_article(t, text) for t in tokens[i:end])

    by_place = False  # the country came from a place named in the genitive ("محكمة تونس")
    named_at = -1
    named = False  # the body's own name taken: "حكومة الوفاق", "لحكومة الوفاق"
    j = i + 1
    while j < len(tokens) and j - i < MAX_CHAIN:
        tok = tokens[j]
        adj = grammar.kb.adjectives.match_at(tokens, j, text)
        if adj is not None and adj.value.form != "pl":
            country = adj.value.country
            j = adj.j
            break
        if grammar.honorifics.match_at(tokens, j, text) is not None:
            break  # "رئيس الخلية اللواء سعد معن": a rank opens the holder's name
        m = grammar.kb.names.match_at(tokens, j, text)
        if m is not None and not m.value[0].weak:
            entry = m.value[0]
            if m.start == tok.start and has_article(tokens[j - 1], text):
                break  # "وحمّلت الوزارة الكيان الإسرائيلي": two noun phrases, not one body
            if entry.id.startswith("state:"):
                country = entry.country
                j = m.j
                by_place = m.start == tok.start
                break
            if entry.type in {"GPE", "LOC"} and entry.country and m.start == tok.start:
                # "قيادة شرطة ديالى", "حكومة إقليم كردستان": a body of a known place, its state's
                if m.j - m.i > 1 and grammar.is_complement(tok, text):
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
        forms = grammar.forms(tok, text)
        if forms[0][0] > tok.start and tok.norm[:1] in "وف" and forms[0][1] in grammar.bodies:
            break  # "الحكومة الاتحادية وحكومة الإقليم": a second body begins
        if not named and body_name_at(grammar, tokens, j, text):
            keys.append(bare(tok.norm))  # "حكومة الوفاق": the government's own name
            named, named_at = True, j
            j += 1
            continue
        place = _genitive_place(grammar, tokens, j, text) if j > i + 1 else None
        if place is not None:  # "المجلس العسكري لمدينة مصراتة": the body of that town
            keys.append(place.value.id)
            country = place.value.country
            j = place.j
            placed = by_place = True
            break
        if j == i + 1 and tok.norm.startswith("لل") and has_article(tokens[i], text):
            break  # "وكيل الوزارة للشؤون السياسية": the office's field, "الوزارة" stands alone
        if any(k in grammar.complements for _, k in forms) and not grammar.is_connector(tok):
            keys.append(bare(tok.norm))
            j += 1
            continue
        if tok.norm in {"في", "لدي"} and j > i + 1 and definite(j) and not named:
            # (a named government "في طرابلس" sits there: the place is no reading of its state)
            country = _country_after(grammar, tokens, j + 1, text)
            if country is None and j + 1 < len(tokens):
                hit = grammar.lone_nominal(tokens, j + 1, text)
                where = hit[1] if hit else None
        break
    if country is not None:
        # "الاتحاد العام التونسي للشغل": the organisation's field after its nationality
        while j < len(tokens) and tokens[j].norm.startswith("لل") and bare(tokens[j].norm) in grammar.post_adjective:
            j += 1
    if by_place:  # "محكمة تونس الابتدائية": the court's kind after its town
        while j < len(tokens) and tokens[j].norm in grammar.facility_modifiers:
            j += 1
    while country is None and j > i + 1 and _dangling_body(grammar, tokens[j - 1], text):
        j -= 1  # "المجلس الرئاسي لحكومة" cut short: the genitive's noun needs its name
        keys = keys[: j - i]
    if named and named_at == i + 1 and j == i + 2 and country is None:
        return None  # "بتشكيل حكومة الوحدة": a kind of government, unless an adjective names it
    if named and country is None and where is None:
        sector = grammar.sector_of(keys, "") if any(k in grammar.sector_words for k in keys) else sector
        return Body(start, tokens[j - 1].end, i, j, None, sector, " ".join(keys) + " ", home=True)
    if country is None and where is None and definite(j):
        home = _home_body(grammar, keys)
        if home is not None:
            kind, home_sector = home
            return Body(start, tokens[j - 1].end, i, j, None, home_sector, " ".join(keys) + " ", type=kind, home=True)
    # an indefinite phrase ("قيادة عسكرية في الجولان") names no particular body
    open_head = head in grammar.bodies_without_country or (head in grammar.construct_bodies and not has_article(tokens[i], text))
    if country is None and (not open_head or j == i + 1 or not definite(j)):
        return None
    if country is None and grammar.title_of(keys) is not None:
        return None  # "رئيس الوزراء" is a title, not a body
    sector = grammar.sector_of(keys, "") if any(k in grammar.sector_words for k in keys) else sector
    return Body(start, tokens[j - 1].end, i, j, country, sector, " ".join(keys) + " " + (country or ""), where=where,
                placed=placed)


def body_name_at(
    grammar: Grammar, tokens: Sequence[Token], j: int, text: str, construct: bool = False
) -> bool:
    """Whether token ``j`` is the own name of the body noun before it: that noun takes names
    (roles.json "named_bodies") and has no article ("حكومة", "لحكومة"); the token is a definite
    word of no list ("الوفاق", "الوحدة"), after which no prepositional phrase goes on
    ("هيئة الأمر بالمعروف": a longer name this rule cannot close). ``construct``: in a title,
    after any portfolio word without the article ("وزارة دفاع الوفاق")."""
    prev, tok = tokens[j - 1], tokens[j]
    p_forms = grammar.forms(prev, text)
    if has_article(prev, text) or not any(
        k in grammar.named_bodies or (construct and k in grammar.complements) for _, k in p_forms
    ):
        return False
    key = tok.norm
    if not key.startswith("ال") or len(key) < 5 or not key.isalpha() or key in NOT_DEFINITE:
        return False
    b = bare(key)
    if (b in grammar.complements or b in grammar.heads or b in grammar.bodies or b in grammar.nominals
            or b in grammar.home_nominals or b in grammar.calendar or b in grammar.facilities
            or b in grammar.enemy_words or grammar.story_names.starts(key) or grammar.epithets.starts(key)):
        return False
    if grammar.kb.adjectives.match_at(tokens, j, text) is not None or grammar.kb.names.match_at(tokens, j, text) is not None:
        return False
    if grammar.honorifics.match_at(tokens, j, text) is not None:
        return False
    if j + 1 < len(tokens):
        nxt = tokens[j + 1].norm
        if nxt[:3] in {"بال", "كال"} or (nxt.startswith("لل") and len(nxt) > 4):
            return False
    return True


def _genitive_place(grammar: Grammar, tokens: Sequence[Token], j: int, text: str) -> Match | None:
    """"لمدينة مصراتة", "بولاية الخرطوم" at token ``j``: ل/ب, a place noun, a known place."""
    tok = tokens[j]
    if tok.norm[:1] not in "لب" or j + 1 >= len(tokens):
        return None
    forms = grammar.forms(tok, text)
    if forms[0][0] == tok.start or forms[0][1] not in _PLACE_WORDS:
        return None
    m = grammar.kb.names.match_at(tokens, j + 1, text)
    if m is None or m.start != tokens[j + 1].start or m.value[0].weak or m.value[0].type not in {"GPE", "LOC"}:
        return None
    if not m.value[0].country:
        return None
    return Match(forms[0][0], m.end, j, m.j, m.value[0])


def _dangling_body(grammar: Grammar, tok: Token, text: str) -> bool:
    """A body noun that needs its genitive and has none: "لحكومة", "بوزارة" ending a phrase."""
    forms = grammar.forms(tok, text)
    return forms[0][0] > tok.start and tok.norm[:1] in "لب" and forms[0][1] in grammar.bodies and not has_article(tok, text)


def _home_body(grammar: Grammar, keys: Sequence[str]) -> tuple[str, str] | None:
    """``(type, sector)`` when the body's words end with a roles.json "home_bodies" phrase:
    "القوات الأمنية", and "القيادة العامة للقوات المسلحة" (its command) alike."""
    for n in range(len(keys)):
        hit = grammar.home_bodies.get(tuple(keys[n:]))
        if hit is not None:
            return hit if n == 0 else ("ORG", hit[1] or "GOV")
    return None


def _place_body(
    grammar: Grammar, tokens: Sequence[Token], i: int, start: int, head: str, sector: str, text: str
) -> Body | None:
    """"عشائر الأنبار", "قبائل جنوب العراق": people of a known place, an organisation of its state."""
    j = i + 1
    while j < len(tokens) and bare(tokens[j].norm) in grammar.place_body_directions:
        j += 1
    if j >= len(tokens):
        return None
    m = grammar.kb.names.match_at(tokens, j, text)
    if m is None or m.start != tokens[j].start:
        return None
    place = m.value[0]
    if place.weak or place.type not in {"GPE", "LOC"} or not place.country:
        return None
    keys = [head, *(bare(t.norm) for t in tokens[i + 1 : j]), place.id]
    return Body(start, m.end, i, m.j, place.country, sector, " ".join(keys) + " " + place.country)


def _country_after(grammar: Grammar, tokens: Sequence[Token], j: int, text: str) -> str | None:
    """The country of "في [مملكة] إسبانيا" / "في [قضاء] الحويجة" after a body ("وزارة الصحة في غزة")."""
    while j < len(tokens) and bare(tokens[j].norm) in _PLACE_WORDS:
        j += 1
    if j < len(tokens):
        m = grammar.kb.names.match_at(tokens, j, text)
        if m is not None and not m.value[0].weak and m.value[0].type in {"GPE", "LOC"}:
            return m.value[0].country
    return None


def _facility_at(
    grammar: Grammar, tokens: Sequence[Token], i: int, start: int, head: str, text: str
) -> Body | None:
    """"مطار العريش الدولي": a facility noun, a known place, and modifiers."""
    if i + 1 >= len(tokens):
        return None
    m = grammar.kb.names.match_at(tokens, i + 1, text)
    if m is None or m.value[0].type not in {"GPE", "LOC"} or m.start != tokens[i + 1].start:
        # "القصر الجمهوري": a facility of the story's state (roles.json "home_bodies")
        home = grammar.home_bodies.get((head, bare(tokens[i + 1].norm)))
        if home is not None and (has_article(tokens[i], text) or has_article(tokens[i + 1], text)):
            return Body(start, tokens[i + 1].end, i, i + 2, None, home[1], f"{head} {bare(tokens[i + 1].norm)} ",
                        type=home[0], home=True)
        return None
    j = m.j
    while j < len(tokens) and tokens[j].norm in grammar.facility_modifiers:
        j += 1
    place = m.value[0]
    kind = grammar.facilities[head]
    country = None if place.weak else place.country
    return Body(start, tokens[j - 1].end, i, j, country, "GOV" if kind == "ORG" else "",
                f"{head} {place.id}", type=kind)


