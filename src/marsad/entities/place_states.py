"""A place's state written beside it: "العاصمة الليبية طرابلس", "ولاية القيروان التونسية",
"بلدة عيترون جنوب لبنان".

The words settle which state a name several states share belongs to ("طرابلس"), give a town the
knowledge base lacks its state, and count as the story naming that state (a short story that
names "العاصمة الجزائرية" and no other state is an Algeria story).
"""

from __future__ import annotations

import bisect
import re
from dataclasses import replace

from marsad.document import Token
from marsad.entities.coref import NameSpan
from marsad.entities.kb import KBEntry, KnowledgeBase, words
from marsad.entities.role_words import bare
from marsad.entities.span_overlaps import Candidate
from marsad.entities.title_phrases import Role

_CAPITAL = frozenset({"عاصمه"})
#: "جنوب لبنان", "شمالي سوريا": a direction before a state's name.
_DIRECTIONS = frozenset({"جنوب", "شمال", "شرق", "غرب", "جنوبي", "شمالي", "شرقي", "غربي", "وسط"})
_DIRECTION_STEMS = re.compile("جنوب|شمال|شرق|غرب|وسط")  # a cheap test before the word's key
_PLACE_TYPES = frozenset({"GPE", "LOC"})


def _key(text: str, tok: Token) -> str:
    ws = words(text[tok.start : tok.end])
    return bare(ws[0]) if len(ws) == 1 else ""


def _pin(cand: Candidate, country: str, pinned: dict[tuple[str, ...], KBEntry] | None = None) -> None:
    """Read a place as the one of ``country``: one of its readings (the name's reading for the
    whole story, in ``pinned``), or the state itself for a town the knowledge base lacks. A known
    place of another state keeps its own."""
    span = cand[0]
    hit = next((e for e in span.options if e.country == country), None)
    if hit is not None:
        span.entry, span.country, span.actor = hit, hit.country, hit.actor
        if pinned is not None:
            pinned[span.words] = hit
    elif span.entry is None and span.country is None:
        span.country = country
    elif (span.entry.country if span.entry is not None else span.country) != country:
        return
    span.options = ()  # settled: the story's states do not read it again


def place_states(
    kb: KnowledgeBase, text: str, sents: list[list[Token]], sent_cands: list[list[Candidate]]
) -> tuple[dict[str, int], set[str]]:
    """Pin the places whose state the words beside them name, and the same names elsewhere in
    the story ("مدير أمن طرابلس" after "العاصمة الليبية طرابلس"); return how often the story
    names a state only by its adjective ("العاصمة الجزائرية" with no place after it), and the
    states whose capital it names so ("العاصمة الليبية": the story is there)."""
    counts: dict[str, int] = {}
    capitals: set[str] = set()
    pinned: dict[tuple[str, ...], KBEntry] = {}
    for toks, cands in zip(sents, sent_cands, strict=True):
        _sentence(kb, text, toks, cands, counts, pinned, capitals)
    for cands in sent_cands:
        for span, _i, _j, _source in cands:
            hit = pinned.get(span.words) if span.options else None
            if hit is not None and hit in span.options:
                span.entry, span.country, span.actor, span.options = hit, hit.country, hit.actor, ()
    return counts, capitals


def _sentence(
    kb: KnowledgeBase,
    text: str,
    toks: list[Token],
    cands: list[Candidate],
    counts: dict[str, int],
    pinned: dict[tuple[str, ...], KBEntry],
    capitals: set[str],
) -> None:
    places: dict[int, list[Candidate]] = {}
    ends: dict[int, list[Candidate]] = {}
    for c in cands:
        if c[0].type in _PLACE_TYPES:
            places.setdefault(c[1], []).append(c)
            ends.setdefault(c[2], []).append(c)
    states = {c[1]: c for c in cands if c[0].entry is not None and c[0].entry.id.startswith("state:")}
    regions = {c[1]: c for c in cands if c[0].type in _PLACE_TYPES and c[0].entry is not None and c[0].entry.country}
    for k, tok in enumerate(toks):
        # (a singular nationality adjective ends in ي or يه once folded: the others need no lookup)
        adj = kb.adjective(text[tok.start : tok.end]) if tok.norm.endswith(("ي", "يه")) else None
        if adj is not None and adj.form != "pl":
            if k > 0 and _key(text, toks[k - 1]) in _CAPITAL:
                capitals.add(adj.country)
                for place in places.get(k + 1, ()):
                    _pin(place, adj.country, pinned)  # "العاصمة الليبية طرابلس"
                if k + 1 not in places:  # a place after it counts itself
                    counts[adj.country] = counts.get(adj.country, 0) + 1  # "العاصمة الجزائرية"
            else:
                for place in ends.get(k, ()):
                    if place[0].entry is None or place[0].options:
                        _pin(place, adj.country, pinned)  # "بنغازي الليبية", "طرابلس الليبية"
        if _DIRECTION_STEMS.search(tok.norm) and _key(text, tok) in _DIRECTIONS:
            # "عيترون جنوب لبنان": the state after the direction, or the region it begins
            beyond = states.get(k + 1) or regions.get(k)
            country = beyond[0].entry.country if beyond is not None and beyond[0].entry is not None else None
            for place in ends.get(k, ()) if country else ():
                if country and (place[0].entry is None or place[0].options):
                    _pin(place, country, pinned)


def reread_title_place(kb: KnowledgeBase, role: Role, names: list[NameSpan], starts: list[int], text: str) -> Role:
    """"مدير أمن طرابلس" in a Libya story: the grammar read the title's place as its first reading
    (Tripoli of Lebanon); the place name inside the title, read for the story, decides."""
    if role.kind != "title" or role.country is None or role.org is not None:
        return role
    k = bisect.bisect_left(starts, role.start)
    while k < len(names) and names[k].end <= role.end:
        place = names[k]
        k += 1
        country = place.entry.country if place.entry is not None else place.country
        if place.type not in _PLACE_TYPES or not country or country == role.country:
            continue
        readings = {e.country for e in kb.lookup(text[place.start : place.end])}
        if role.country in readings and country in readings:
            actor = country + role.actor[3:] if role.actor and role.actor.startswith(role.country) else role.actor
            key = role.key.replace(role.country, country)
            return replace(role, country=country, actor=actor, key=key)
    return role
