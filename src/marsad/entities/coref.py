"""In-document coreference: one entity per real person, body or place.

Name mentions join when they share a knowledge-base id, have the same words after match-key
folding (hamza, Persian letters), or when a person's shorter name is the tail of a longer one
seen in the document ("أحمديان" and "علي أكبر أحمديان"). Role mentions join the name they are in
apposition with, an earlier mention of the same office, the one KB person who held that office on
the publication date, or (for "نظيره الروسي") the person of that nationality nearest before.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace

from marsad.document import Entity, Mention
from marsad.entities.coref_links import (
    ARMY_NOUN,
    MINISTRY_NOUN,
    UN_BODY,
    article_twin,
    lone_army,
    merge_early_bodies,
    ministers_ministry,
    move_names,
    region_short,
    titled_before,
    un_body_before,
    variant_heads,
)
from marsad.entities.kb import ARAB_STATES, KBEntry, KnowledgeBase
from marsad.entities.title_phrases import Role, resolve_holder
from marsad.normalize import display_text, match_key

COMPONENT = "entities.v1"

#: Name words too common to stand alone for a person ("عبد", "بن", honorific particles).
_NOT_A_SURNAME = frozenset(
    ["عبد", "بن", "ابن", "ابو", "ام", "ال", "الله", "الدين", "الرحمن", "محمد", "احمد", "علي", "حسن", "حسين", "الشيخ", "السيد", "الامير"]
)
_HAMZA = re.compile("[أإآؤئء]")
_PERSIAN = re.compile("[کیگپچژ]")


@dataclass(slots=True)
class NameSpan:
    """A name mention before clustering."""

    start: int
    end: int
    type: str
    words: tuple[str, ...]
    entry: KBEntry | None = None
    source: str = "kb"  # kb | body | ner | doc | norp
    country: str | None = None
    actor: str | None = None
    body_key: str | None = None
    where: str | None = None  # a body "في القطاع": the noun whose antecedent places it
    home: bool = False  # a place the knowledge base does not know, cued ("حي كفرسوسة"): the story's country
    cue: str | None = None  # the place noun right before the name ("مدينة الرمادي" → "مدينه")
    #: a body of the story's own state named without its country ("القوات الأمنية", "المتظاهرون"):
    #: the entity step gives it a country, ``sector`` completes its actor code
    home_body: bool = False
    sector: str | None = None
    #: the other places the same name reads ("طرابلس": Lebanon's, Libya's): the story's state picks
    options: tuple[KBEntry, ...] = ()
    #: another name of the person whose name starts here ("X المكنى أبو عياض": the kunya's X)
    same_as: int | None = None


@dataclass(slots=True)
class RoleSpan:
    role: Role
    holder: int | None = None  # index into the name spans (apposition)


@dataclass(slots=True)
class _Cluster:
    names: list[int] = field(default_factory=list)
    roles: list[int] = field(default_factory=list)
    entry: KBEntry | None = None
    type: str | None = None
    country: str | None = None
    actor: str | None = None
    titles: set[str] = field(default_factory=set)
    role_keys: set[str] = field(default_factory=set)
    heads: set[str] = field(default_factory=set)
    #: how sure the country is (``_GUESSED`` < ``_NAMED`` < ``_TITLED``): stronger evidence replaces it
    rank: int = 0


#: Country evidence, weakest first: the story's state guessed for an office or body that names none
#: ("وزير الخارجية" in a Doha-datelined story, "القوات الأمنية"); a body's own words; a title that
#: names the state ("وزير الخارجية الكونغولي", "نظيره الكمبودي"), the strongest after a KB identity.
_GUESSED, _NAMED, _TITLED = 1, 2, 3


#: Offices that need their organisation named: no home-country guess for them.
_GENERIC_TITLES = frozenset({"head", "commander", "leader", "spokesperson", "secretary_general", "director_general"})


#: The adjective that puts an office above states ("رئيس الوفد الأممي"): no state's office.
_BEYOND_STATES = frozenset({"اممي", "امميه"})  # not "الدولي": "مساعد وزير الدفاع لشؤون الأمن الدولي"


def _beyond_states(role: Role) -> bool:
    return any(w.removeprefix("ال") in _BEYOND_STATES for w in role.key.split())


def _homed(role: Role) -> bool:
    """Whether a role with no nationality is an office of the dateline's state."""
    if role.kind != "title" or role.country is not None or role.org is not None or _beyond_states(role):
        return False
    if role.national:
        return True  # "وزير التربية" beside a name, "مصدر أمني"
    if role.needs_holder:
        # "قائد العملية العميد ...", "وزير الإعلام بول مرقص": an office the grammar cannot place,
        # held by a person named beside it, is of the story's state (a known person keeps his own)
        return True
    title = role.title
    return bool(title) and title not in _GENERIC_TITLES and not (title or "").startswith(_NO_HOME) and role.j - role.i > 1


def _local_office(role: Role) -> bool:
    """Whether a generic office held by the person named beside it ("قائد العملية العقيد ...")
    is of the story's state: it names no state, organisation or body ("المتحدث باسم الحركة" is
    the movement's)."""
    if role.kind != "title" or role.country is not None or role.org is not None or role.j - role.i < 2:
        return False
    if _beyond_states(role):
        return False
    if role.title is not None and role.title not in _GENERIC_TITLES:
        return False  # "الرئيس": the grammar's own rules place the state's offices
    keys = role.key.split()
    return "باسم" not in keys and not any(k in _BODY_WORDS for k in keys[1:])


#: Nouns of bodies that a title may name ("قائد الحركة"): such an office is the body's, not the state's.
_BODY_WORDS = frozenset({"حركه", "جماعه", "تنظيم", "حزب", "منظمه", "جبهه", "فصيل", "فصائل", "مليشيا", "ميليشيا"})


#: Offices of no state or of another state than the story's ("المبعوث الخاص إلى اليمن").
_NO_HOME = ("special_envoy", "un_", "icc_", "high_commissioner", "commissioner_general")


#: Military ranks before a name that say the man serves the story's state's forces ("العقيد").
_RANKS = frozenset({"العقيد", "العميد", "اللواء", "الفريق", "المقدم", "الرائد", "النقيب", "المشير", "العماد", "الملازم"})
_RANK_KEYS = frozenset(match_key(w) for w in _RANKS)
_RANK_WORDS = re.compile(r"(?:^|\s)[وف]?(\S+)\s+$")


#: States whose people bear Arab first names: elsewhere (Israel, the US) such a name in a one-state
#: story is an Arab quoted there ("إياد مدني" in an Israel story), not a local.
_ARAB_NAMED = ARAB_STATES | {"IRN", "TUR", "AFG", "PAK", "IDN", "MYS", "BGD", "AZE", "SEN", "MLI", "NER", "TCD"}


def _local_person(text: str, spans: Sequence[NameSpan], kb: KnowledgeBase, state: str) -> str | None:
    """The sector ("MIL" after a rank, "" otherwise) of a person the knowledge base does not know
    who is likely a local of the story's state: a military rank stands before one of his
    mentions ("العقيد X"), or, in a state whose people bear them, his name reads as an Arab one
    (:func:`_arab_name`); None otherwise (a foreigner's, "جوناثان بولارد")."""
    for n in spans:
        m = _RANK_WORDS.search(text, max(0, n.start - 20), n.start)
        if m is not None and match_key(m.group(1)) in _RANK_KEYS:
            return "MIL"
    if state not in _ARAB_NAMED:
        return None
    return "" if _arab_name(spans, kb, article=state in ARAB_STATES) else None


def _arab_name(spans: Sequence[NameSpan], kb: KnowledgeBase, *, article: bool = True) -> bool:
    """Whether a person's name reads as an Arab one: it begins with a known Arab first name
    ("عبد...", "محمد"), or (``article``) ends with a family name with the article ("منير
    الجلاصي"), which foreign names written in Arabic do not take."""
    given = kb.given_names()
    for n in spans:
        if len(n.words) > 1 and (n.words[0] in given or n.words[0].startswith("عبد")):
            return True
        if article and len(n.words) in {2, 3} and n.words[-1].startswith("ال") and len(n.words[-1]) > 4:
            return True
    return False


def _score_spelling(text: str) -> tuple[int, int, int]:
    """Prefer more words, then hamza'd spellings, then no Persian letters."""
    return len(text.split()), len(_HAMZA.findall(text)), -len(_PERSIAN.findall(text))


def cluster(
    text: str,
    names: Sequence[NameSpan],
    roles: Sequence[RoleSpan],
    kb: KnowledgeBase,
    date: str | None = None,
    *,
    default_country: str | None = None,
    story_state: str | None = None,
    arab_state: str | None = None,
) -> list[Entity]:
    """Group name and role mentions into entities with ids e1, e2, … in order of first mention.
    ``story_state``: the one state a story is about, whose country a local person outside the
    knowledge base takes (:func:`_local_person`); ``arab_state``: the one Arab state of a story
    about it and non-Arab ones (Palestine and Israel), whose country an Arab-named person takes."""
    clusters: list[_Cluster] = []
    of_name: dict[int, int] = {}
    by_key: dict[str, int] = {}

    def new(entry: KBEntry | None = None) -> int:
        clusters.append(_Cluster(entry=entry))
        return len(clusters) - 1

    # -- names --------------------------------------------------------------------------------
    order = sorted(range(len(names)), key=lambda k: names[k].start)
    persons: list[tuple[tuple[str, ...], int]] = []  # (words, cluster) of PER names seen
    at_start: dict[int, int] = {}  # a name's start → its cluster (for "المكنى" aliases)
    for k in order:
        n = names[k]
        if n.entry is not None:
            key = "kb:" + n.entry.id
        elif n.body_key is not None:
            key = "body:" + n.body_key
        else:
            key = f"{'PER' if n.type == 'PER' else 'X'}:" + " ".join(n.words)
        if n.entry is None and n.source in {"ner", "doc"}:
            known = kb.lookup(" ".join(n.words))
            if known and not known[0].weak:
                key = "kb:" + known[0].id  # "سانا" tagged in the byline: the agency named later
        c = by_key.get(key)
        if c is None and n.entry is None:
            c = article_twin(key, n, kb, by_key)  # "يونيسف" after "اليونيسف": one body
        if c is None and n.entry is None and n.type in {"GPE", "LOC"}:
            c = region_short(n, kb, by_key)  # "كردستان" after "إقليم كردستان العراق"
        if c is None and n.same_as is not None:
            c = at_start.get(n.same_as)  # "سيف الله بن حسين المكنى أبو عياض": one man
            if c is not None:
                by_key[key] = c
        alias = _army_alias(n, kb)
        if c is None and alias is not None:
            c = by_key.get(alias)  # "القوات التايلاندية" after "الجيش التايلاندي": one army
        if c is None and n.type == "PER" and n.entry is None:
            c = _person_by_tail(n.words, persons)
            if c is None:
                c = _known_person_by_first_name(n.words, persons, clusters)
        if c is None and n.body_key is not None and n.country is None:
            # "وزارة الخزانة" after "وزارة الخزانة الأميركية": the body named in full before
            prefix = "body:" + n.body_key.rstrip() + " "
            full = {v for k, v in by_key.items() if k.startswith(prefix) and k != key}
            c = full.pop() if len(full) == 1 else None
        if c is None:
            c = new(n.entry)
            by_key[key] = c
        if alias is not None:
            by_key.setdefault(alias, c)
        if n.entry is not None and n.body_key:
            by_key.setdefault("body:" + n.body_key, c)  # a known body found by its phrase
        of_name[k] = c
        at_start[n.start] = c
        clusters[c].names.append(k)
        if clusters[c].entry is None and n.entry is not None:
            clusters[c].entry = n.entry
        if n.entry is None and n.country:
            _set_country(clusters[c], n.country, n.actor, _GUESSED if n.home_body else _NAMED)
        elif n.entry is None:
            clusters[c].actor = clusters[c].actor or n.actor
        if n.type == "PER":
            persons.append((n.words, c))
    # a short form seen before its full name: "أحمديان ... علي أكبر أحمديان" joins afterwards too
    _merge_early_tails(names, clusters, of_name)
    merge_early_bodies(names, clusters, of_name)  # "حكومة الإقليم" … "حكومة إقليم كردستان"

    # -- roles --------------------------------------------------------------------------------
    role_order = sorted(range(len(roles)), key=lambda r: roles[r].role.start)
    pending: list[int] = []
    homed: dict[int, Role] = {}
    guessed: set[int] = set()  # roles whose country is the story's, not the title's
    for r in role_order:
        role = roles[r].role
        if default_country and (_homed(role) or (roles[r].holder is not None and _local_office(role))):
            # "وزير الخارجية" with no nationality in a Kuwait-datelined story: Kuwait's
            sector = role.sector if role.national else (role.sector or "GOV")
            role = replace(role, country=default_country, actor=default_country + (sector or ""),
                           key=role.key + " " + default_country)
            guessed.add(r)
        homed[r] = role
        rs = roles[r]
        if rs.holder is not None and rs.holder in of_name:
            c = of_name[rs.holder]
            if role.kind == "fixed" and clusters[c].entry is None and resolve_holder(kb, role, date) is not None:
                # "قائد الثورة السيد عبدالملك الحوثي": another man than the office's known holder
                # takes the words, not the office's state
                role = replace(role, country=None, actor=None)
            _add_role(clusters, c, r, role, _GUESSED if r in guessed else _TITLED)
        else:
            pending.append(r)
    for r in pending:
        role = homed[r]
        c = None
        if r in guessed and roles[r].role.title is None:
            # "المتحدث الرسمي" after "المتحدث الرسمي باسم الرئاسة أحمد فهمي": his, not an office
            # of the story's state the dateline lent it
            c = titled_before(roles[r].role, clusters, names)
        if c is None:
            c = _place_role(role, clusters, names, roles, kb, date, by_key, new, default_country)
        if c is not None:
            _add_role(clusters, c, r, role, _GUESSED if r in guessed else _TITLED)

    # -- entities -----------------------------------------------------------------------------
    built: list[tuple[int, Entity]] = []
    for cl in clusters:
        if not cl.names and not cl.roles:
            continue
        mentions = {
            (names[k].start, names[k].end, "name") for k in cl.names
        } | {
            (_without_lil(text, roles[r].role.start), roles[r].role.end, _MENTION_KINDS.get(roles[r].role.kind, "role"))
            for r in cl.roles
        }
        ms = tuple(
            Mention(s, e, text[s:e], kind)  # type: ignore[arg-type]
            for s, e, kind in sorted(mentions)
        )
        entry = cl.entry
        ent_type = entry.type if entry else _majority_type(cl, names)
        country = entry.country if entry and entry.country else cl.country
        actor = entry.actor if entry and entry.actor else cl.actor
        if country is None and entry is None and default_country and (
            ent_type in {"ORG", "FAC"} or any(names[k].home for k in cl.names)
        ):
            country = default_country  # "وزارة التربية", "حي كفرسوسة" in a Damascus-datelined story
        if country is None and entry is None and story_state and ent_type == "PER" and cl.names:
            local = _local_person(text, [names[k] for k in cl.names], kb, story_state)
            if local is not None:
                country = story_state  # "العميد محمد الغصري" in a Libya story
                actor = actor or (story_state + local if local else None)
        if (country is None and entry is None and arab_state and ent_type == "PER" and cl.names
                and _arab_name([names[k] for k in cl.names], kb)):
            country = arab_state  # "محمود بصل" in a Gaza story that names Israel too
        if actor is None and ent_type in {"ORG", "NORP"} and country:
            actor = country
        if entry is not None:
            canonical = entry.canonical
        elif cl.names:
            best = max(cl.names, key=lambda k: (_score_spelling(text[names[k].start : names[k].end]), -names[k].start))
            canonical = display_text(text[names[best].start : names[best].end])
        else:
            r0 = roles[cl.roles[0]].role
            canonical = display_text(text[r0.start : r0.end])
        built.append(
            (
                ms[0].start,
                Entity(
                    id="",
                    type=ent_type,
                    canonical=canonical,
                    mentions=ms,
                    country=country,
                    actor=actor,
                    kb_id=entry.id if entry else None,
                    component=COMPONENT,
                ),
            )
        )
    built.sort(key=lambda x: x[0])
    out = []
    for number, (_, e) in enumerate(built, 1):
        out.append(
            Entity(
                id=f"e{number}",
                type=e.type,
                canonical=e.canonical,
                mentions=e.mentions,
                country=e.country,
                actor=e.actor,
                kb_id=e.kb_id,
                component=e.component,
            )
        )
    return out


#: Body words that name a state's armed forces as a whole: "الجيش", "القوات", "القوات المسلحة".
_ARMY_WORDS = frozenset({"جيش", "قوات", "مسلحه"})
#: Body words of a state's security forces named without it: "قوات الأمن", "الأجهزة الأمنية".
_SECURITY_WORDS = frozenset({"قوات", "اجهزه", "قوي", "امن", "امنيه"})


def _army_alias(n: NameSpan, kb: KnowledgeBase) -> str | None:
    """``army:ISO3`` for a name of a state's armed forces: a composed body ("القوات الكمبودية",
    "الجيش التايلاندي") or a known army ("الجيش العراقي"), so that they make one entity."""
    if n.type != "ORG":
        return None
    if n.entry is not None:
        return _known_army(n.entry, kb)
    if n.body_key is None or n.country is None:
        return None
    keys = n.body_key.split()
    if n.home_body and set(keys[:-1]) <= _SECURITY_WORDS and len(keys) > 2:
        return "security:" + n.country  # "القوات الأمنية" … "الأجهزة الأمنية": one body
    if len(keys) < 2 or keys[-1] != n.country or "قوات" not in keys[:-1] and "جيش" not in keys[:-1]:
        return None
    if keys[0] not in {"جيش", "قوات"} and keys[:2] != ["قياده", "عامه"]:
        return None  # "القيادة العامة للقوات المسلحة" stands for the armed forces too
    if not set(keys[:-1]) <= _ARMY_WORDS | {"قياده", "عامه"}:
        return None
    return "army:" + n.country


def _known_army(entry: KBEntry, kb: KnowledgeBase) -> str | None:
    """``army:ISO3`` when a KB organisation is its state's army: a variant "الجيش" or
    "القوات المسلحة" + that state's adjective."""
    if entry.type != "ORG" or entry.sector != "MIL" or not entry.country:
        return None
    for v in entry.variants:
        ws = v.split()
        head = 2 if ws[:2] == ["القوات", "المسلحة"] else 1 if ws[:1] == ["الجيش"] else 0
        if head and len(ws) > head:
            adj = kb.adjective(" ".join(ws[head:]))
            if adj is not None and adj.country == entry.country:
                return "army:" + entry.country
    return None


def _person_by_tail(words: tuple[str, ...], persons: list[tuple[tuple[str, ...], int]]) -> int | None:
    """The latest person whose name ends with ``words`` (or is ``words``)."""
    if not words or (len(words) == 1 and (len(words[0]) < 3 or words[0] in _NOT_A_SURNAME)):
        return None
    for full, c in reversed(persons):
        if len(full) >= len(words) and full[-len(words) :] == words:
            return c
    return None


def _known_person_by_first_name(
    words: tuple[str, ...], persons: list[tuple[tuple[str, ...], int]], clusters: list[_Cluster]
) -> int | None:
    """The one known person named before whose full name begins with this single word: "بان"
    after "بان كي مون" (the press calls some people by their first name). Never for a common one."""
    if len(words) != 1 or len(words[0]) < 3 or words[0] in _NOT_A_SURNAME:
        return None
    hits = {c for full, c in persons if len(full) > 1 and full[0] == words[0]}
    if len(hits) != 1:
        return None
    (c,) = hits
    entry = clusters[c].entry
    return c if entry is not None and entry.type == "PER" else None


def _merge_early_tails(names: Sequence[NameSpan], clusters: list[_Cluster], of_name: dict[int, int]) -> None:
    """Fold a one-word PER cluster into the one full-name cluster that ends with that word."""
    for c_idx, c in enumerate(clusters):
        if c.entry is not None or not c.names:
            continue
        ws = {names[k].words for k in c.names}
        if len(ws) != 1:
            continue
        (w,) = ws
        if len(w) != 1 or names[c.names[0]].type != "PER" or w[0] in _NOT_A_SURNAME:
            continue
        targets = {
            of_name[k]
            for k, n in enumerate(names)
            if n.type == "PER" and len(n.words) > 1 and n.words[-1] == w[0] and of_name.get(k) != c_idx
        }
        if len(targets) == 1:
            move_names(c, next(iter(targets)), clusters, of_name)


def _without_lil(text: str, start: int) -> int:
    """A role mention leaves out the preposition of "للرئيس" (ل + the article, its alef unwritten),
    as every mention leaves out its proclitics: it starts at the article's lam."""
    if text.startswith("لل", start) and not text.startswith(("لله", "للا"), start):
        return start + 1
    return start


def _majority_type(c: _Cluster, names: Sequence[NameSpan]) -> str:
    if c.type:
        return c.type
    if not c.names:
        return "PER"
    counts: dict[str, int] = {}
    for k in c.names:
        counts[names[k].type] = counts.get(names[k].type, 0) + 1
    return max(counts, key=lambda t: (counts[t], t == "PER"))


def _add_role(clusters: list[_Cluster], c: int, r: int, role: Role, rank: int = _TITLED) -> None:
    cl = clusters[c]
    cl.roles.append(r)
    cl.role_keys.add(role.key)
    if role.head and role.kind == "title":
        cl.heads.add(role.head)
    if role.title:
        cl.titles.add(role.title)
    if cl.entry is None:
        if role.country:
            _set_country(cl, role.country, role.actor, rank)
        elif cl.actor is None and role.actor:
            cl.actor = role.actor
        if not cl.names and cl.type is None:
            cl.type = "PER"


def _set_country(cl: _Cluster, country: str, actor: str | None, rank: int) -> None:
    """Give a cluster with no KB identity ``country`` unless it has one from evidence as strong:
    "وزير الخارجية الكونغولي" beats the Qatar a Doha dateline lent "وزير الدولة" before it. A
    replaced actor keeps its sector ("QATGOV" → "CODGOV") when the new evidence has none."""
    if cl.country is not None and rank <= cl.rank:
        if cl.actor is None and actor and actor.startswith(cl.country):
            cl.actor = actor
        return
    old_country, old_actor = cl.country, cl.actor
    if actor is None and old_actor and old_country and old_actor.startswith(old_country):
        actor = country + old_actor[len(old_country) :]
    elif actor is None and old_country is None:
        actor = old_actor
    cl.country, cl.actor, cl.rank = country, actor, rank


def _place_role(
    role: Role,
    clusters: list[_Cluster],
    names: Sequence[NameSpan],
    roles: Sequence[RoleSpan],
    kb: KnowledgeBase,
    date: str | None,
    by_key: dict[str, int],
    new,  # type: ignore[no-untyped-def]
    home: str | None = None,
) -> int | None:
    if role.kind == "counterpart":
        return _counterpart(role, clusters, names, roles)
    if role.kind == "side":
        return _state_cluster(role.country or "", clusters, kb, by_key, new)
    if role.kind == "regime":  # "نظام الأسد": the government the step named
        entry = kb.get(role.key.partition(":")[2])
        if entry is None:
            return None
        key = "kb:" + entry.id
        if key not in by_key:
            by_key[key] = new(entry)
        return by_key[key]
    if role.kind == "nominal" and role.key == ARMY_NOUN:
        return lone_army(role, clusters, names, roles, by_key)
    if role.kind == "nominal" and role.key.startswith(UN_BODY):
        return un_body_before(role, clusters, names)  # "المنظمة الأممية"
    if role.kind == "nominal":
        found = _antecedent(role, clusters, names, home)
        if found is None and role.key == MINISTRY_NOUN:
            found = ministers_ministry(role, clusters, names, roles, by_key, new)  # "في مقر الوزارة"
        if found is None and role.country:
            # "المملكة" with no "المملكة ..." named before: the state the step found it stands for
            return _state_cluster(role.country, clusters, kb, by_key, new)
        return found
    if role.kind in {"epithet", "epithet_name"}:
        entry = _epithet_referent(role, clusters, names, roles, kb)
        if entry is None:
            return None
        same = [i for i, c in enumerate(clusters) if c.entry is not None and c.entry.id == entry.id]
        if same:
            return same[0]
        key = "kb:" + entry.id
        if key not in by_key:
            by_key[key] = new(entry)
        return by_key[key]
    # the same office mentioned earlier
    for c_idx, c in enumerate(clusters):
        if role.key in c.role_keys:
            return c_idx
    if role.country and role.head and role.short and not role.former:
        # "الوزير الإسباني" after "وزير الخارجية الإسباني خوسيه ألباريس"
        same = [
            i for i, c in enumerate(clusters)
            if role.head in c.heads and (c.entry.country if c.entry else c.country) == role.country
        ]
        if len(same) == 1:
            return same[0]
    again = titled_before(role, clusters, names)
    if again is not None:
        return again
    holder = resolve_holder(kb, role, date)
    if holder is not None:
        key = "kb:" + holder.id
        found = by_key.get(key)
        if found is None:
            found = by_key[key] = new(holder)
        return found
    if role.country is None and role.org is None:
        return None  # "وزير الخارجية" with no nationality and no apposed name: whose, we cannot tell
    key = "role:" + role.key
    found = by_key.get(key)
    if found is None:
        found = by_key[key] = new(None)
    return found


def _state_cluster(iso3: str, clusters: list[_Cluster], kb: KnowledgeBase, by_key: dict[str, int], new) -> int | None:  # type: ignore[no-untyped-def]
    """The cluster of the state ``iso3`` (made when the text never names it)."""
    state = kb.state(iso3)
    if state is None:
        return None
    key = "kb:" + state.id
    if key not in by_key:
        by_key[key] = new(state)
    return by_key[key]


#: Mention kind by role kind (titles and sides are "role").
_MENTION_KINDS = {"nominal": "nominal", "epithet": "nominal", "epithet_name": "name"}


def _epithet_referent(
    role: Role, clusters: list[_Cluster], names: Sequence[NameSpan], roles: Sequence[RoleSpan], kb: KnowledgeBase
) -> KBEntry | None:
    """Who "العدو", "المقاومة" or "المقاومة الإسلامية" stands for in this document (None: no one sure).

    ``role.key`` is ``enemy:`` + the bare words that name the enemy ("احتلال", "صهيوني", ...),
    ``resistance:`` + the resistance organisations' ids, as :meth:`EntityStep` put them there.
    """
    kind, _, arg = role.key.partition(":")
    options = arg.split("|") if arg else []
    if kind == "enemy":
        # the state called by the occupier's vocabulary ("الاحتلال", "العدو الإسرائيلي"), or "العدو الأمريكي"
        vocab = set(options)
        states: set[str] = set()
        for c in clusters:
            country = c.entry.country if c.entry else c.country
            if not country:
                continue
            if any(vocab.intersection(_bare_words(names[k].words)) for k in c.names):
                states.add(country)
            if any(roles[r].role.key.startswith("side:") and roles[r].role.head == "عدو" for r in c.roles):
                states.add(country)
        return kb.state(states.pop()) if len(states) == 1 else None
    if kind in {"resistance", "resistance_name", "rebels"}:
        wanted = set(options)
        found = {c.entry.id for c in clusters if c.entry is not None and c.entry.id in wanted and c.names}
        if len(found) == 1:
            return kb.get(found.pop())
        if not found and kind == "resistance_name" and any(
            (c.entry.country if c.entry else c.country) == "LBN" for c in clusters if c.names
        ):
            return kb.get("org:hezbollah")  # "المقاومة الإسلامية" in a Lebanese story
    return None


def _bare_words(ws: Sequence[str]) -> set[str]:
    from marsad.entities.role_words import bare

    return {bare(w) for w in ws}


def _counterpart(
    role: Role, clusters: list[_Cluster], names: Sequence[NameSpan], roles: Sequence[RoleSpan]
) -> int | None:
    """The person of the role's nationality mentioned nearest before it (else after)."""
    best: tuple[int, int] | None = None  # (distance rank, cluster)
    for c_idx, c in enumerate(clusters):
        country = c.entry.country if c.entry else c.country
        is_person = (c.entry.type == "PER") if c.entry else (c.type == "PER" or any(names[k].type == "PER" for k in c.names))
        if country != role.country or not is_person:
            continue
        positions = [names[k].start for k in c.names] + [roles[r].role.start for r in c.roles]
        before = [role.start - p for p in positions if p < role.start]
        after = [p - role.start for p in positions if p > role.start]
        rank = min(before) if before else (10**9 + min(after) if after else None)
        if rank is not None and (best is None or rank < best[0]):
            best = (rank, c_idx)
    return best[1] if best else None


#: Administrative nouns whose lone form refers back to a place named right after them
#: ("محافظة كركوك" … "المحافظة"): a governorate is named so, a city is not always the one meant.
_ADMIN_NOUNS = frozenset({"محافظه", "اقليم", "ولايه"})


def _antecedent(role: Role, clusters: list[_Cluster], names: Sequence[NameSpan], home: str | None = None) -> int | None:
    """The entity named nearest before a lone "الوزارة"/"المدينة" whose name begins with that noun
    ("وزارة الخارجية", "مدينة الصدر"). A place named once right after the noun ("مدينة الرمادي")
    is nearer the reader's mind when one of its mentions comes later ("منطقة الفلوجة"): it takes
    the noun away from an older name, but is not given it (it could be the story's own town, left
    unmarked in the gold). Bodies of two states named so before ("وزارة الخارجية" of the story's
    state ``home`` and Spain's) leave the noun unplaced; a body of no state (the GCC) is no rival."""
    from marsad.entities.role_words import bare

    best: tuple[int, int, bool] | None = None  # (start, cluster, named with the noun)
    bodies: set[tuple[int, str | None]] = set()  # (cluster, country) of the bodies named so before
    for c_idx, c in enumerate(clusters):
        begins = any(names[k].words and bare(names[k].words[0]) == role.key for k in c.names)
        begins = begins or (c.entry is not None and role.key in variant_heads(c.entry))  # "إم 23" … "الحركة"
        if role.key in _ADMIN_NOUNS and any(names[k].cue == role.key for k in c.names):
            begins = True  # "في محافظة السليمانية ... مبنى المحافظة": a governorate is named so
        if not begins and not any(names[k].cue == role.key for k in c.names):
            continue
        for k in c.names:
            n = names[k]
            if n.start < role.start and (best is None or n.start > best[0]):
                best = (n.start, c_idx, begins)
            if n.start < role.start and begins and n.type == "ORG":
                bodies.add((c_idx, c.entry.country if c.entry else c.country or home))
    if len(bodies) > 1 and len({country for _, country in bodies if country}) > 1:
        return None  # "وزارة الخارجية" of two states named before: "الوزارة" is either's
    return best[1] if best and best[2] else None
