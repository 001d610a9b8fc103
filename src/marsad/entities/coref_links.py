"""Coreference links that join what the main pass left apart (brief P, session 4).

A body's name with or without the article ("يونيسف"/"اليونيسف"), a region's short name
("كردستان" after "إقليم كردستان العراق"), a body named short before its full name ("حكومة
الإقليم" … "حكومة إقليم كردستان"), a bare repeated title ("المفوض العام") and a lone "الجيش".
Each one joins only where exactly one candidate is in the story.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from typing import TYPE_CHECKING

from marsad.entities.kb import KBEntry, KnowledgeBase, words
from marsad.entities.role_words import bare
from marsad.entities.title_phrases import Role

if TYPE_CHECKING:
    from marsad.entities.coref import NameSpan, RoleSpan, _Cluster


def merge_early_bodies(names: Sequence[NameSpan], clusters: list[_Cluster], of_name: dict[int, int]) -> None:
    """Fold a body named short before its full name ("حكومة الإقليم" before "حكومة إقليم كردستان")
    into the one body whose name extends it: the later-order twin of the rule that joins
    "وزارة الخزانة" to "وزارة الخزانة الأميركية" named before it."""
    for c_idx, c in enumerate(clusters):
        if c.entry is not None or not c.names:
            continue
        keys = {names[k].body_key for k in c.names}
        if len(keys) != 1 or None in keys or any(names[k].country for k in c.names):
            continue
        prefix = next(iter(keys)).rstrip() + " "  # type: ignore[union-attr]
        short = names[c.names[0]].words
        targets = {
            of_name[k]
            for k, n in enumerate(names)
            if of_name.get(k, c_idx) != c_idx and (
                n.body_key and n.body_key.startswith(prefix)
                or len(n.words) > len(short) and n.words[: len(short)] == short  # a KB body too
            )
        }
        if len(targets) == 1:
            move_names(c, next(iter(targets)), clusters, of_name)


def move_names(c: _Cluster, t: int, clusters: list[_Cluster], of_name: dict[int, int]) -> None:
    """Move every name of cluster ``c`` into cluster ``t`` (``c`` is left empty)."""
    for k in c.names:
        of_name[k] = t
    clusters[t].names.extend(c.names)
    c.names = []


def article_twin(key: str, n: NameSpan, kb: KnowledgeBase, by_key: dict[str, int]) -> int | None:
    """The cluster of the same body or thing written with (or without) the article: "اليونيسف"
    and "يونيسف", "الدولار" and "دولار"; never a person's name. Only a one-word name or one the
    knowledge base knows in the other spelling: "الحرس" is no twin of "حرس الحدود"."""
    if not n.words or n.type == "PER":
        return None  # "الحسين" (the imam, a brigade's name) is not "حسين"
    first = n.words[0]
    twin_first = first[2:] if first.startswith("ال") and len(first) > 4 else "ال" + first
    twin = (twin_first, *n.words[1:])
    known = kb.lookup(" ".join(twin))
    if known and not known[0].weak:
        c = by_key.get("kb:" + known[0].id)
        if c is not None:
            return c
    if len(n.words) != 1:
        return None
    return by_key.get(key.rsplit(":", 1)[0] + ":" + " ".join(twin))


def region_short(n: NameSpan, kb: KnowledgeBase, by_key: dict[str, int]) -> int | None:
    """The region named before as "إقليم X" when a lone "X" follows: a region goes by its short
    name once introduced. Not a governorate: "محافظة البصرة" and the city "البصرة" are two."""
    known = kb.lookup("إقليم " + " ".join(n.words)) if n.words else None
    if not known or known[0].weak:
        return None
    return by_key.get("kb:" + known[0].id)


ARMY_NOUN = "جيش"
#: Most characters from the army's last mention to a lone "الجيش" that refers back to it.
ARMY_REACH = 400


def lone_army(
    role: Role, clusters: list[_Cluster], names: Sequence[NameSpan], roles: Sequence[RoleSpan], by_key: dict[str, int]
) -> int | None:
    """A lone "الجيش" is the one state army the story named before it ("القوات المسلحة
    السودانية" … "الجيش"); with two armies named (a border clash) it is left unplaced."""
    armies = {c for k, c in by_key.items() if k.startswith("army:")}
    armies |= {
        i for i, c in enumerate(clusters)
        if any(names[k].type == "ORG" and names[k].words and bare(names[k].words[0]) == ARMY_NOUN for k in c.names)
    }
    if len(armies) != 1:
        return None
    (c,) = armies
    cl = clusters[c]
    before = [names[k].end for k in cl.names] + [roles[r].role.end for r in cl.roles]
    last = max((e for e in before if e <= role.start), default=None)
    # named a paragraph or more before, the army is out of mind: "ثلاثية الجيش والشعب والمقاومة"
    return c if last is not None and role.start - last <= ARMY_REACH else None


def titled_before(role: Role, clusters: list[_Cluster], names: Sequence[NameSpan]) -> int | None:
    """The one named person who held this office, in full, earlier in the story: "المفوض العام"
    after "المفوض العام للأونروا فيليب لازاريني", "وزير الخارجية" after "وزير الخارجية الإيراني
    عباس عراقجي". A bare title names no state or body of its own, so two such holders (two
    foreign ministers) leave it unplaced, and so does a lone head word."""
    if role.kind != "title" or role.country or role.org or role.former:
        return None
    if len(role.key.split()) < 2:
        return None  # a lone head ("الرئيس") is too common a word: "الهدف الرئيس", another body's head
    prefix = role.key + " "
    found = [
        i for i, c in enumerate(clusters)
        if c.names and any(names[k].start < role.start for k in c.names)
        and any(k.startswith(prefix) for k in c.role_keys)  # not by title: "الأمين العام لحزب ..."
    ]
    return found[0] if len(found) == 1 else None


@lru_cache(maxsize=4096)
def variant_heads(entry: KBEntry) -> frozenset[str]:
    """The bare first words of a KB entry's names of two words or more: "حركة 23 مارس" makes
    M23 a "حركه", so a lone "الحركة" can refer back to "إم 23"."""
    return frozenset(bare(ws[0]) for v in entry.variants if len(ws := words(v)) > 1)


MINISTRY_NOUN = "وزاره"
_MINISTER = "وزير"
#: Most characters from a minister's title to a lone "الوزارة" that means his ministry.
MINISTRY_REACH = 300


def ministers_ministry(
    role: Role,
    clusters: list[_Cluster],
    names: Sequence[NameSpan],
    roles: Sequence[RoleSpan],
    by_key: dict[str, int],
    new,  # type: ignore[no-untyped-def]
) -> int | None:
    """A lone "الوزارة" with no ministry named before it is the ministry of the minister titled
    just before ("استقبل وزير الخارجية ... في مقر الوزارة"): the body named so anywhere in the
    story ("وزارة الخارجية" later on), else a ministry of its own in the minister's state."""
    best: tuple[int, int, Role] | None = None  # (start, cluster, minister's title)
    for c_idx, c in enumerate(clusters):
        for r in c.roles:
            t = roles[r].role
            if t.kind == "title" and t.head == _MINISTER and t.end <= role.start and (best is None or t.start > best[0]):
                best = (t.start, c_idx, t)
    if best is None or role.start - best[2].end > MINISTRY_REACH:
        return None
    _, c_idx, title = best
    portfolio = [w for w in title.key.split()[1:] if not w.isascii()]
    if not portfolio:
        return None  # "الوزير": no portfolio to name the ministry by
    minister = clusters[c_idx]
    country = (minister.entry.country if minister.entry else None) or minister.country or title.country
    wanted = (MINISTRY_NOUN, *portfolio)
    found = {
        i for i, c in enumerate(clusters)
        if (c.entry.country if c.entry else c.country) in {None, country}
        and any(tuple(bare(w) for w in names[k].words) == wanted for k in c.names)
    }
    if len(found) == 1:
        return found.pop()
    if found or country is None:
        return None  # two such ministries, or a minister of no known state
    key = "ministry:" + " ".join(wanted) + ":" + country
    if key not in by_key:
        by_key[key] = c = new(None)
        clusters[c].type, clusters[c].country = "ORG", country
    return by_key[key]


UN_BODY = "un:"  # the key prefix of "المنظمة الأممية" (nominal_roles)


def un_body_before(role: Role, clusters: list[_Cluster], names: Sequence[NameSpan]) -> int | None:
    """"المنظمة الأممية", "الوكالة الأممية": the United Nations body named nearest before (a KB
    organisation of the UN system); none named, none joined."""
    best: tuple[int, int] | None = None
    for c_idx, c in enumerate(clusters):
        if c.entry is None or c.entry.type != "ORG" or not (c.entry.actor or "").startswith("IGOUNO"):
            continue
        for k in c.names:
            if names[k].end <= role.start and (best is None or names[k].start > best[0]):
                best = (names[k].start, c_idx)
    return best[1] if best else None


def short_of_held(key: str, held: set[str]) -> bool:
    """Whether an office of no known title is the start of one held beside a named person:
    "المتحدث الرسمي" after "المتحدث الرسمي باسم رئاسة الجمهورية أحمد فهمي" (two words at
    least: a lone head is too common a word)."""
    if len(key.split()) < 2:
        return False
    prefix = key + " "
    return any(k.startswith(prefix) for k in held)
