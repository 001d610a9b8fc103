"""Role mentions that are no title: sides, lone nominals, regimes, epithets and peoples.

"الجانب الإسرائيلي" (the state), "الوزارة" (the body named before), "البلاد"/"المملكة" (the
story's state), "نظام الأسد" (that state's government), "العدو"/"المقاومة" (whom coref
finds in the document) and, where asked, "مسؤولون روس" (Russia).
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence

from marsad.document import Token
from marsad.entities.coref import NameSpan
from marsad.entities.kb import KnowledgeBase, token_heads, words
from marsad.entities.name_cues import after_outlet_word
from marsad.entities.role_words import OPENS_EPITHET, OPENS_NOMINAL, OPENS_SIDE, bare
from marsad.entities.roles import Grammar
from marsad.entities.span_overlaps import inside_body, overlaps_names
from marsad.entities.story_states import StoryStates
from marsad.entities.title_phrases import Role
from marsad.normalize import match_key

#: Nouns that take "المقاومة" as their genitive ("محور المقاومة", "فصائل المقاومة"): no epithet then.
RESISTANCE_GOVERNORS = frozenset(
    match_key(w) for w in ["محور", "فصائل", "فصيل", "حركات", "حركة", "قوى", "لجان", "كتائب", "جبهة", "فصائل", "أطراف"]
)

#: Plural nouns of people that, with a plural nationality adjective, stand for the state:
#: noun → sector of the actor code ("" for the state itself).
PEOPLE_NOUNS: dict[str, str] = {
    match_key(w): sector
    for w, sector in [
        ("مسؤولون", "GOV"), ("مسؤولين", "GOV"), ("دبلوماسيون", "GOV"), ("دبلوماسيين", "GOV"),
        ("وزراء", "GOV"), ("قادة", "GOV"), ("نواب", "LEG"), ("برلمانيون", "LEG"), ("برلمانيين", "LEG"),
        ("جنود", "MIL"), ("ضباط", "MIL"), ("عسكريون", "MIL"), ("عسكريين", "MIL"),
        ("مستوطنون", "CVL"), ("مستوطنين", "CVL"), ("مواطنون", "CVL"), ("مواطنين", "CVL"),
        ("خبراء", ""), ("رجال", ""),
    ]
}

_REGIME_WORD = match_key("نظام")


def sides_and_nominals(
    grammar: Grammar,
    text: str,
    toks: list[Token],
    sent_roles: list[Role],
    names: list[NameSpan],
    starts: list[int],
    opens: Sequence[int],
    states: StoryStates | None = None,
) -> list[Role]:
    """"الجانب الإسرائيلي" (the state), lone definite nouns such as "الوزارة" (the body named
    before) and "البلاد" (the story's state, roles.json "_home_nominals_doc")."""
    states = states or StoryStates(None, None, set())
    busy = {k for r in sent_roles for k in range(r.i, r.j)}
    # a body noun inside a title still refers back: "الناطق باسم الوزارة", "وكيل الوزارة"
    inside = {
        k for r in sent_roles if r.kind == "title" for k in range(r.i + 1, r.j)
        if toks[k - 1].norm == "باسم" or (k == r.i + 1 and r.title is None)
    }
    # "رئيس الدولة": the state of a head of state's title is named in it
    of_state = {
        r.i + 1 for r in sent_roles
        if r.kind == "title" and r.j == r.i + 2 and r.head in grammar.head_of_state_heads
    }
    # "رئيس حكومة الإقليم": an administrative noun anywhere inside a title after its head
    in_title = {k for r in sent_roles if r.kind == "title" for k in range(r.i + 1, r.j)}
    out: list[Role] = []
    for k, bits in enumerate(opens):
        if not bits & (OPENS_SIDE | OPENS_EPITHET | OPENS_NOMINAL):
            continue  # nothing of the three begins here: no mention, nothing made busy
        tok = toks[k]
        own = states.own
        home_start = grammar.home_nominal(toks, k, text) if own else None
        if home_start is not None and own is not None:
            if (k in of_state or k not in busy) and not overlaps_names(names, starts, tok.start, tok.end):
                c = own
                out.append(Role(home_start, tok.end, k, k + 1, "side", "side:" + c, country=c))
            continue
        if k in inside and not overlaps_names(names, starts, tok.start, tok.end):
            hit = grammar.lone_nominal(toks, k, text)
            if hit is not None:
                out.append(_nominal(grammar, hit, tok, k, states))
            continue
        if k in in_title or inside_body(names, starts, tok):
            hit = grammar.lone_nominal(toks, k, text)
            if hit is not None and hit[1] in grammar.admin_nominals:
                out.append(_nominal(grammar, hit, tok, k, states))  # "حكومة الإقليم"
            continue
        if k in busy or overlaps_names(names, starts, tok.start, tok.end):
            continue
        side = grammar.side_at(toks, k, text)
        if side is not None:
            s, e, j, country = side
            head = bare(token_heads(tok, text)[0][1])
            out.append(Role(s, e, k, j, "side", "side:" + country, country=country, head=head))
            busy.update(range(k, j))
            continue
        epithet = _epithet_at(grammar, text, toks, k)
        if epithet is not None:
            out.append(epithet)
            busy.update(range(epithet.i, epithet.j))
            continue
        un = _un_nominal(grammar, text, toks, k)
        if un is not None:
            out.append(un)
            busy.update(range(un.i, un.j))
            continue
        hit = grammar.lone_nominal(toks, k, text)  # not "الوزارة الإيرانية", "المملكة المتحدة"
        if hit is not None and _verbal_noun(hit[1], toks, k, names, starts):
            continue
        if hit is not None and not (k > 0 and after_outlet_word(toks, k)):
            out.append(_nominal(grammar, hit, tok, k, states))
    return out


def regime_roles(grammar: Grammar, text: str, toks: list[Token], names: list[NameSpan], starts: list[int]) -> list[Role]:
    """"نظام الأسد": "نظام" right before a known head of state's name describes that state's
    government (roles.json "regimes"); the name inside stays the person's."""
    regimes = grammar.regimes
    out: list[Role] = []
    for k in range(len(toks) - 1):
        start = next((s for s, key in token_heads(toks[k], text) if key == _REGIME_WORD), None)
        if start is None:
            continue
        p = bisect.bisect_left(starts, toks[k + 1].start)
        if p >= len(names) or names[p].start != toks[k + 1].start:
            continue
        person = names[p].entry
        if person is None or person.type != "PER" or person.country not in regimes:
            continue
        org = regimes[person.country]
        j = bisect.bisect_left([t.start for t in toks], names[p].end, lo=k + 1)
        out.append(Role(start, names[p].end, k, j, "regime", "regime:" + org, country=person.country))
    return out


#: Body nouns that are verbal nouns too: "الحركة" (movement), "التنظيم" (organising).
_VERBAL_NOUNS = frozenset({"حركه", "تنظيم"})


def _verbal_noun(noun: str, toks: list[Token], k: int, names: list[NameSpan], starts: list[int]) -> bool:
    """Whether a lone "الحركة"/"التنظيم" is the verbal noun, joined by و to the definite common
    noun before it: "الإمداد والحركة", "التخطيط والتنظيم والتنفيذ" ("مقاتلي التنظيم والأكراد"
    is the group: nothing is said of what follows)."""
    if noun not in _VERBAL_NOUNS:
        return False

    def common(i: int) -> bool:
        t = toks[i]
        return t.norm.lstrip("وف").startswith("ال") and not overlaps_names(names, starts, t.start, t.end)

    return toks[k].norm[:1] in "وف" and k > 0 and common(k - 1)


#: "الأممية"/"الأممي": of the United Nations.
_UN_ADJECTIVES = frozenset(match_key(w) for w in ["الأممية", "الأممي"])
UN_NOMINAL = "un:"


def _un_nominal(grammar: Grammar, text: str, toks: list[Token], k: int) -> Role | None:
    """"المنظمة الأممية", "الوكالة الأممية": a body noun and "of the UN" stand for the UN body
    named before (coref looks for it: key ``un:`` + the noun)."""
    if k + 1 >= len(toks) or toks[k + 1].norm not in _UN_ADJECTIVES:
        return None
    hit = grammar.nominal_at(toks[k], text)
    if hit is None:
        return None
    start, noun = hit
    return Role(start, toks[k + 1].end, k, k + 2, "nominal", UN_NOMINAL + noun, head=noun)


def _nominal(grammar: Grammar, hit: tuple[int, str], tok: Token, k: int, states: StoryStates) -> Role:
    """A lone noun's nominal role; a state noun ("المملكة") carries the state it stands for
    when no name beginning with it comes before (coref tries that first)."""
    start, noun = hit
    country = _state_called(grammar.kb, noun, states) if noun in grammar.state_nominals else None
    return Role(start, tok.end, k, k + 1, "nominal", noun, head=noun, country=country)


def _state_called(kb: KnowledgeBase, noun: str, states: StoryStates) -> str | None:
    """The story's state if it is called by ``noun`` ("المملكة العربية السعودية" → Saudi
    Arabia for "المملكة"), else the one state the story is about that is."""

    def called(iso3: str | None) -> bool:
        entry = kb.state(iso3 or "")
        return entry is not None and any(
            (ws := words(v)) and bare(ws[0]) == noun and len(ws) > 1 for v in entry.variants
        )

    if called(states.local):
        return states.local
    hits = [c for c in sorted(states.about) if called(c)]
    return hits[0] if len(hits) == 1 else None


def _epithet_at(grammar: Grammar, text: str, toks: list[Token], k: int) -> Role | None:
    """"العدو", "المقاومة", "المقاومة الإسلامية" standing alone (with the article as written):
    coref finds whom they stand for in the document (see roles.json "epithets")."""
    m = grammar.epithets.match_at(toks, k, text)
    if m is None or match_key(text[m.start : m.start + 2]) != "ال":
        return None
    kind: str = m.value
    nxt = toks[m.j] if m.j < len(toks) else None
    if kind != "resistance_name" and nxt is not None and (
        nxt.norm.startswith("ال") or grammar.kb.adjectives.match_at(toks, m.j, text) is not None
    ):
        return None  # "العدو الغاشم", "المقاومة الفلسطينية": not the bare epithet
    if kind != "enemy" and k > 0 and bare(toks[k - 1].norm) in RESISTANCE_GOVERNORS:
        return None  # "محور المقاومة"
    if kind == "enemy":
        key = "enemy:" + "|".join(sorted(grammar.enemy_words))
        return Role(m.start, m.end, k, m.j, "epithet", key)
    if kind == "rebels":  # "المتمردين": the one rebel organisation the story names
        return Role(m.start, m.end, k, m.j, "epithet", "rebels:" + "|".join(sorted(grammar.rebel_orgs)))
    key = kind + ":" + "|".join(sorted(grammar.resistance_orgs))
    return Role(m.start, m.end, k, m.j, "epithet_name" if kind == "resistance_name" else "epithet", key)


def people_roles(
    kb: KnowledgeBase, text: str, toks: list[Token], sent_roles: list[Role], names: list[NameSpan], starts: list[int]
) -> list[Role]:
    """"مسؤولون روس", "دبلوماسيين إيرانيين": a plural noun of people and a plural nationality
    adjective stand for that state (a ``people`` role; cluster puts it on the state entity)."""
    busy = {k for r in sent_roles for k in range(r.i, r.j)}
    out: list[Role] = []
    for k in range(len(toks) - 1):
        if k in busy or overlaps_names(names, starts, toks[k].start, toks[k].end):
            continue
        adj = kb.adjectives.match_at(toks, k + 1, text)
        if adj is None or adj.value.form != "pl" or match_key(text[adj.start : adj.end]).startswith("ال"):
            continue
        start, key = token_heads(toks[k], text)[0]
        noun = bare(key)
        if noun not in PEOPLE_NOUNS:
            continue
        c = adj.value.country
        sector = PEOPLE_NOUNS[noun]
        out.append(Role(start, adj.end, k, adj.j, "side", "people:" + noun + ":" + c, country=c,
                        sector=sector, actor=c + sector if sector else c))
    return out
