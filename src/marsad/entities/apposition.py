"""Which person a title stands beside, and which country a title takes from the organisation
named after it.

'أمين مجلس الأمن القومي الروسي "نيكولاي باتروشيف"', "نيكولاي باتروشيف، أمين ...", "المتحدث
باسم وزارة الصحة في غزة".
"""

from __future__ import annotations

import bisect
from dataclasses import replace

from marsad.document import Token
from marsad.entities.coref import NameSpan
from marsad.entities.kb import token_heads, words
from marsad.entities.name_spans import name_word
from marsad.entities.role_words import PUNCT_APPOSITION, past_time
from marsad.entities.roles import Grammar
from marsad.entities.title_holders import holder_past_complement
from marsad.entities.title_phrases import Role


def apposition(
    role: Role,
    sent_roles: list[Role],
    toks: list[Token],
    names: list[NameSpan],
    starts: list[int],
    grammar: Grammar,
    text: str,
) -> int | None:
    """The index of the person a role stands beside: 'أمين ... الروسي "نيكولاي باتروشيف"'.

    Looks right first (past quotes, commas and honorifics, and through further roles in a row
    separated by commas), then left ("نيكولاي باتروشيف، أمين ..."), unless the role opens a new
    conjunct with و.
    """

    def person_in(tok: Token) -> int | None:
        k = bisect.bisect_left(starts, tok.start)
        if k < len(names) and names[k].start < tok.end and names[k].type == "PER":
            if text[tok.start : names[k].start] == "و" and (
                names[k].entry is not None or text.startswith("ال", names[k].start)
            ):
                # "بحث وزير الخارجية والبديوي": a second person, not the holder; a name the
                # segmenter cut ("وكيل الإمارة وهيب السهلي" → "هيب") still is
                return None
            return k
        return None

    j = role.j
    if role.former:
        j += past_time(toks, j)  # "الرئيس الأمريكي في حينه بيل كلينتون"
    while j < len(toks) and toks[j].norm in PUNCT_APPOSITION:
        j += 1
    k = j
    while k < len(toks):
        h = grammar.honorifics.match_at(toks, k, text)
        if h is None:
            break
        k = h.j
    for pos in (j, k):
        if pos < len(toks):
            hit = person_in(toks[pos])
            if hit is not None:
                return hit
    org = _org_after(role, toks, names, starts, text) if role.kind == "title" else None
    if org is not None:
        # "الكاتب العام للجامعة العامة للتعليم الثانوي نبيل الهواشي": past the organisation's name
        pos = bisect.bisect_left([t.start for t in toks], org.end)
        if pos < len(toks):
            hit = person_in(toks[pos])
            if hit is not None:
                return hit
    # "محافظ جنين كمال أبو الرب": a first name the recognizer missed between title and name
    for gap in (1, 2):
        pos = k + gap
        if pos >= len(toks) or not all(name_word(grammar, t, text) for t in toks[k:pos]):
            break
        hit = person_in(toks[pos])
        if hit is not None and names[hit].start == toks[pos].start:
            n = names[hit]
            n.start = starts[hit] = toks[k].start
            n.words = words(text[n.start : n.end])
            return hit
    if j < len(toks) and role.j < len(toks) and toks[role.j].norm in {"،", ","}:
        nxt = next((r for r in sent_roles if r.i == j and r is not role), None)
        if nxt is not None:
            return apposition(nxt, sent_roles, toks, names, starts, grammar, text)
    if role.kind == "title" and not role.former:
        hit = holder_past_complement(role.j, toks, names, starts)  # "نائب ... عن ولاية سوسة، X،"
        if hit is not None:
            return hit
    if role.conj or role.kind == "counterpart":
        return None
    i = role.i - 1
    if i >= 1 and toks[i].norm in {"،", ","}:
        while i >= 0 and toks[i].norm in PUNCT_APPOSITION:
            i -= 1
        end = toks[i].end
        for n_idx, n in enumerate(names):
            if n.end == end and n.type == "PER":
                return n_idx
    elif i >= 0 and role.kind == "title":
        # "أحمد فهمي المتحدث الرسمي ...", "لولوة الخاطر وزير الدولة": the title right after the
        # name, unless the name's known country is not the title's ("استقبل بن سلمان وزير الخارجية الأمريكي")
        end = toks[i].end
        for n_idx, n in enumerate(names):
            if n.end == end and n.type == "PER":
                if n.country and role.country and n.country != role.country:
                    return None
                return n_idx
    return None


def lone_national_office(role: Role, grammar: Grammar, toks: list[Token], text: str) -> bool:
    """Whether a title the grammar cannot place, named with no holder beside it, is still an
    office of the story's state: a minister's or governor's portfolio ("وزير الشؤون الدينية",
    roles.json "national_heads") with no nationality and no organisation, not a past holder, and
    not cut short before a prepositional phrase ("وزير الدولة بوزارة الخارجية القطرية") or a
    nationality; "وزير الدولة" alone names no portfolio."""
    if not (role.kind == "title" and role.national and role.country is None and role.org is None
            and not role.former and role.head in grammar.national_heads and role.j - role.i > 1):
        return False
    if all(k in grammar.home_nominals for k in role.key.split()[1:]):
        return False  # "وزير الدولة"
    if not toks[role.j - 1].norm.startswith("ال"):
        return False  # "وزير خارجية [النظام]": a construct the grammar cut short
    if role.j < len(toks):
        nxt = toks[role.j]
        if token_heads(nxt, text)[0][0] > nxt.start and nxt.norm[:1] in "بلك":
            return False
        if grammar.kb.adjectives.match_at(toks, role.j, text) is not None:
            return False
    return True


def _org_inside(role: Role, names: list[NameSpan], starts: list[int]) -> NameSpan | None:
    """A composed body the title's own words name after its head: "الناطق الرسمي باسم النيابة
    العمومية" (the body is the story's state's, so is the office)."""
    lo = bisect.bisect_right(starts, role.start)
    hi = bisect.bisect_left(starts, role.end)
    inside = [n for n in names[lo:hi] if n.end <= role.end and n.type == "ORG" and n.source == "body"
              and n.home_body and n.country]
    return inside[-1] if inside else None


def _org_after(role: Role, toks: list[Token], names: list[NameSpan], starts: list[int], text: str) -> NameSpan | None:
    """The organisation named right after a title, through ل or باسم: "الكاتب العام للجامعة العامة ..."."""
    k = role.j
    if k < len(toks) and toks[k].norm == "باسم":
        k += 1
    if k >= len(toks) or (k == role.j and (toks[k].norm[:1] != "ل" or token_heads(toks[k], text)[0][0] == toks[k].start)):
        return None
    tok = toks[k]
    p = bisect.bisect_left(starts, tok.start)
    if p < len(names) and names[p].start < tok.end and names[p].type == "ORG":
        return names[p]
    return None


def org_country(role: Role, toks: list[Token], names: list[NameSpan], starts: list[int], text: str) -> Role:
    """A title of an organisation named after it takes the organisation's country ("المتحدث باسم
    وزارة الصحة في غزة"); one of a body with no country is an office of the story's state."""
    if role.kind != "title" or role.country is not None or role.org is not None:
        return role
    org = _org_after(role, toks, names, starts, text)
    if org is None:
        inside = _org_inside(role, names, starts)
        if inside is not None and inside.country:
            # "الناطق الرسمي باسم النيابة العمومية": that body's office, of its state; no known
            # holder of the title in that state is meant (another body's spokesman)
            sector = role.sector or "GOV"
            return replace(role, country=inside.country, actor=inside.country + sector, title=None,
                           key=role.key + " " + inside.country)
        return role
    country = org.entry.country if org.entry is not None else org.country
    if country:
        sector = role.sector or "GOV"
        return replace(role, country=country, actor=country + sector, key=role.key + " " + country)
    if org.entry is None:
        return replace(role, national=True)
    return role


def near_persons(toks: list[Token], names: list[NameSpan], starts: list[int]) -> set[int]:
    """Token positions where a title standing beside a person's name could start."""
    if not toks:
        return set()
    tok_starts = [t.start for t in toks]
    out: set[int] = set()
    lo = bisect.bisect_left(starts, toks[0].start)
    hi = bisect.bisect_left(starts, toks[-1].end)
    for n in names[lo:hi]:
        if n.type != "PER":
            continue
        p = bisect.bisect_right(tok_starts, n.start) - 1
        q = bisect.bisect_left(tok_starts, n.end)
        out.update(range(max(0, p - 14), p))
        out.add(q)
    return out
