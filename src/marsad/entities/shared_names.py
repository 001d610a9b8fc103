"""Known names that several states' bodies bear ("الحزب الجمهوري", "حزب العدالة والتنمية",
"طرابلس"): read as the story's state's unless the text names the other state.
"""

from __future__ import annotations

from dataclasses import replace

from marsad.entities.coref import NameSpan
from marsad.entities.kb import KnowledgeBase
from marsad.entities.role_words import bare
from marsad.entities.roles import Grammar
from marsad.entities.title_phrases import Role
from marsad.normalize import match_key

#: Sectors of bodies every state has its own of (parties, governments, courts, parliaments).
_SHARED_SECTORS = frozenset({"PTY", "GOV", "JUD", "LEG"})
#: Words that open a name a body of any state may bear ("الحزب الجمهوري", "وزارة الداخلية").
_SHARED_HEADS = frozenset(match_key(w) for w in ["حزب", "الحزب", "حركة", "الحركة", "الحكومة", "حكومة"])


def shared_names(
    names: list[NameSpan], home: str | None, kb: KnowledgeBase, grammar: Grammar
) -> dict[str, NameSpan]:
    """A known name that several states' bodies bear ("الحزب الجمهوري": the US's and Tunisia's;
    "حزب العدالة والتنمية": Turkey's and Morocco's; "طرابلس": Libya's and Lebanon's) is the
    story's state's when the text names the other state nowhere else: the entry of the story's
    state where the list has one, else (a party or body) no entry and the story's state.
    Returns the read-again names by their former entry's id (a title naming it follows them)."""
    changed: dict[str, NameSpan] = {}
    named: dict[str, set[str]] = {}  # country -> ids of the known names that point to it
    for n in names:
        c = n.entry.country if n.entry is not None else n.country
        if c:
            named.setdefault(c, set()).add(n.entry.id if n.entry is not None else "")
    for n in names:
        e = n.entry
        if n.source != "kb" or e is None or not e.country or e.country == home or e.type not in {"ORG", "GPE", "LOC"}:
            continue
        if named.get(e.country, set()) - {e.id}:
            continue  # the text names the other state: "الحزب الجمهوري" in a story naming the US
        if _names_state(n.words, e.country, kb):
            continue  # "الحزب الجمهوري الأمريكي"
        alts = [o for o in (n.options or kb.lookup(" ".join(n.words))) if o.country and not o.weak]
        other = next((o for o in alts if o.country == home), None) or next(
            (o for o in alts if named.get(o.country or "", set()) - {o.id}), None
        )  # no dateline state: the reading in a state the text names elsewhere ("الرباط")
        if other is not None:
            n.entry, n.country, n.actor = other, other.country, other.actor
            changed[e.id] = n
        elif home is not None and e.type == "ORG" and n.words and e.sector in _SHARED_SECTORS and (
            e.sector == "PTY" or n.words[0] in _SHARED_HEADS or bare(n.words[0]) in grammar.bodies
        ):
            n.entry, n.country = None, home
            n.actor = home + e.sector if e.sector else None
            n.body_key = " ".join(n.words) + " " + home
            n.sector = e.sector
            changed[e.id] = n
    return changed


def shared_role(role: Role, name: NameSpan) -> Role:
    """A title naming an organisation that :func:`shared_names` read again: its state's office."""
    country = name.country
    sector = role.sector or (name.entry.sector if name.entry is not None else name.sector) or "GOV"
    if country is None:
        return role
    title = role.title
    if title and "@" in title:  # "رئيس الحزب الجمهوري": the office of the organisation read now, or none known
        title = title.split("@", 1)[0] + "@" + name.entry.slug if name.entry is not None else None
    return replace(role, org=name.entry.id if name.entry is not None else None, country=country,
                   actor=country + sector, key=role.key + " " + country, title=title)


def _names_state(ws: tuple[str, ...], country: str, kb: KnowledgeBase) -> bool:
    """Whether a name's words say its state: a nationality adjective or the state's name."""
    for w in ws:
        adj = kb.adjectives.get((w,))
        if any(a.country == country for a in adj):
            return True
        if any(x.id == f"state:{country}" for x in kb.lookup(w)):
            return True
    return False
