"""EntityStep: recognizer spans ∪ knowledge-base names ∪ composed bodies, plus roles, clustered.

Per sentence of body text (boilerplate skipped):
1. the knowledge base finds the names it knows (longest match, proclitics outside the span);
   names from the noisy geonames list count only when the recognizer or a place word
   ("مدينة", "محافظة", ...) backs them;
2. the roles.json grammar (:mod:`marsad.entities.roles`) finds organisation phrases
   ("الحكومة السورية", :mod:`~marsad.entities.body_phrases`) and titles
   (:mod:`~marsad.entities.title_phrases`);
3. the trained recognizer adds the names the knowledge base does not know;
4. names found once are looked for again across the document (a person's last name too);
5. :mod:`marsad.entities.coref` joins mentions into entities with canonical name, country,
   actor and knowledge-base id.
Knowledge-base names win over recognizer spans that overlap them: the list knows the type,
country and actor code.

The pieces live beside this module: :mod:`~marsad.entities.name_candidates` (1, 3),
:mod:`~marsad.entities.span_overlaps` (which overlapping candidate wins),
:mod:`~marsad.entities.story_states` and :mod:`~marsad.entities.shared_names` (the states the
story is about and what they settle), :mod:`~marsad.entities.name_propagation` (4),
:mod:`~marsad.entities.apposition` (which person a title stands beside, with
:mod:`~marsad.entities.title_holders` for a name set off by commas after the title's complement),
:mod:`~marsad.entities.nominal_roles` (sides, lone nominals, regimes, epithets, peoples),
:mod:`~marsad.entities.armed_groups` (unknown groups named in a sentence about fighting) and
:mod:`~marsad.entities.generations` ("جونيور", "الابن": another person than the father).
"""

from __future__ import annotations

import bisect
import logging
from collections.abc import Iterable, Iterator

from marsad.document import Document, Token
from marsad.entities.apposition import apposition, lone_national_office, near_persons, org_country
from marsad.entities.bare_heads import bare_head_roles
from marsad.entities.coref import NameSpan, RoleSpan, cluster
from marsad.entities.coref_links import short_of_held
from marsad.entities.generations import mark_generations
from marsad.entities.kb import ARAB_STATES, KnowledgeBase, words
from marsad.entities.name_aliases import link_aliases, link_short_names
from marsad.entities.name_candidates import sentence_names
from marsad.entities.name_propagation import propagate
from marsad.entities.nominal_roles import people_roles, regime_roles, sides_and_nominals
from marsad.entities.person_states import nationality_before
from marsad.entities.place_states import place_states, reread_title_place
from marsad.entities.role_words import bare
from marsad.entities.roles import Grammar
from marsad.entities.shared_names import shared_names, shared_role
from marsad.entities.span_overlaps import overlaps_other_than_bodies, resolve
from marsad.entities.story_states import (
    StoryStates,
    home_bodies,
    home_state,
    local_state,
    needs_dateline,
    place_bodies,
    place_readings,
    states_about,
    story_name,
)
from marsad.entities.title_phrases import Role, in_its_name
from marsad.memo import trim
from marsad.pipeline import Step

log = logging.getLogger(__name__)


class EntityStep(Step):
    """Fill ``doc.entities``. Needs sentences and tokens (segments the text itself if absent)."""

    name = "entities"
    version = "1"

    def __init__(
        self,
        kb: KnowledgeBase | None = None,
        recognizer: object | None = None,
        *,
        use_recognizer: bool = True,
        neural: bool = False,
        people_mentions: bool = False,
    ) -> None:
        self._kb = kb
        self._grammar: Grammar | None = None
        self._recognizer = recognizer
        self._use_recognizer = use_recognizer and recognizer is None
        self._tried_recognizer = False
        self._neural = neural  # the recognizer's CNN stage (Settings.ner_neural)
        #: "مسؤولون روس" as a role mention of Russia (off: the shared gold does not list them)
        self._people_mentions = people_mentions

    # -- resources (loaded lazily, once) -----------------------------------------------------

    @property
    def kb(self) -> KnowledgeBase:
        if self._kb is None:
            self._kb = KnowledgeBase.load()
        return self._kb

    @property
    def grammar(self) -> Grammar:
        if self._grammar is None:
            self._grammar = Grammar.load(self.kb)
        return self._grammar

    @property
    def recognizer(self):  # type: ignore[no-untyped-def]
        if self._recognizer is None and self._use_recognizer and not self._tried_recognizer:
            self._tried_recognizer = True
            try:
                from marsad.entities.recognizer import Recognizer

                self._recognizer = Recognizer.load(neural=self._neural)
            except Exception as exc:  # noqa: BLE001 - the step still works from the KB alone
                log.warning("no NER model (%s): entities come from the knowledge base and roles only", exc)
        return self._recognizer

    # -- the step ----------------------------------------------------------------------------

    def __call__(self, doc: Document) -> Document:
        if doc.language is not None and doc.language != "ar":
            return doc
        trim(bare, words)  # bound the word caches
        if not doc.tokens or not doc.sentences:
            from marsad.segment import SegmentStep

            SegmentStep()(doc)
        sents = sentence_tokens(doc)
        tags = self._tags(doc, sents)
        grammar = self.grammar
        kb = self.kb
        opens = [grammar.openings(toks, doc.text) for toks in sents]  # where what can begin
        names: list[NameSpan] = []
        roles: list[RoleSpan] = []
        role_sents: list[list[Role]] = []
        dateline = (doc.dateline.start, doc.dateline.end) if doc.dateline else None
        agency = words(doc.dateline.agency) if doc.dateline and doc.dateline.agency else None
        sent_cands = []
        for toks, sent_tags, sent_opens in zip(sents, tags, opens, strict=True):
            sent_roles = grammar.roles(toks, doc.text, openings=sent_opens) if toks else []
            role_sents.append(sent_roles)
            sent_cands.append(sentence_names(grammar, doc.text, toks, sent_tags, sent_roles, dateline, sent_opens, agency))
        named, capitals = place_states(kb, doc.text, sents, sent_cands)  # "العاصمة الليبية طرابلس"
        own = home_state(kb, doc)
        if own is not None:
            place_readings(sent_cands, {own})  # "طرابلس (وال)": the dateline's state first
        about = states_about(sent_cands, named)
        dated = own if doc.dateline is not None else None  # the outlet alone does not say
        place_readings(sent_cands, about, own)
        for cands in sent_cands:
            names.extend(resolve([
                c for c in cands
                if (c[3] != "story" or story_name(kb, c[0], about, doc.source.published))
                and not (dated is None and needs_dateline(c[0]))  # "السلطات" and no dateline: none
            ]))
        names = propagate(kb, doc.text, sents, names, role_sents)
        mark_generations(doc.text, names)  # "دونالد ترامب جونيور": not his father
        names.sort(key=lambda n: n.start)
        nationality_before(kb, doc.text, names)  # "والمصري محمد عبدالشافي"
        link_aliases(sents, names)
        link_short_names(sents, names)
        place_bodies(names)
        home = local_state(own, sent_cands, named, capitals)
        shared = shared_names(names, home, kb, grammar)
        home_bodies(names, home)
        states = StoryStates(home if own is not None else None, home, about)
        starts = [n.start for n in names]
        for toks, sent_roles, sent_opens in zip(sents, role_sents, opens, strict=True):
            for role in sent_roles:
                if any(o is not role and o.i <= role.i and role.j <= o.j for o in sent_roles):
                    roles.append(RoleSpan(role, None))  # nested: "قائد الثورة" inside "ممثل قائد الثورة"
                    continue
                if role.org in shared:
                    role = shared_role(role, shared[role.org])
                role = org_country(role, toks, names, starts, doc.text)
                role = reread_title_place(kb, role, names, starts, doc.text)
                holder = apposition(role, sent_roles, toks, names, starts, grammar, doc.text)
                if holder is None and in_its_name(role):
                    continue  # "المتحدث باسمها" with no name beside it: whose, we cannot tell
                roles.append(RoleSpan(role, holder))
            roles.extend(bare_head_roles(toks, doc.text, names, starts, sent_roles))  # "الوزير اليحيا"
            roles.extend(RoleSpan(r) for r in regime_roles(grammar, doc.text, toks, names, starts))
            roles.extend(
                RoleSpan(r)
                for r in sides_and_nominals(grammar, doc.text, toks, sent_roles, names, starts, sent_opens, states)
            )
        held = {r.role.key for r in roles if r.holder is not None}  # offices named beside a person
        for toks, sent_roles, sent_opens in zip(sents, role_sents, opens, strict=True):
            near = near_persons(toks, names, starts)
            # with a story state, a national office stands alone too ("وزير الشؤون الدينية")
            at = None if home is not None else near
            only_held = not near and at is not None  # no person here: only an office held before
            weak = (
                grammar.untitled_roles(toks, doc.text, sent_roles, None if only_held else at, sent_opens)
                if near or at is None or held else []
            )
            for role in weak:  # "وزير الاستثمار خالد الفالح": kept only beside the person's name
                if only_held and role.key not in held:
                    continue
                if overlaps_other_than_bodies(names, starts, role.start, role.end):
                    continue  # a body inside it is fine: "وكيل وزارة الخزانة لشؤون الإرهاب"
                role = org_country(role, toks, names, starts, doc.text)
                holder = apposition(role, [*sent_roles, role], toks, names, starts, grammar, doc.text)
                if holder is not None:
                    roles.append(RoleSpan(role, holder))
                    held.add(role.key)
                elif role.key in held or short_of_held(role.key, held):
                    # "رئيس المجلس الرئاسي" again, "المتحدث الرسمي" after "المتحدث الرسمي باسم
                    # الرئاسة": the man named with it (coref joins the one holder)
                    roles.append(RoleSpan(role))
                elif lone_national_office(role, grammar, toks, doc.text):
                    roles.append(RoleSpan(role))  # the story's state's office (coref gives the country)
            if self._people_mentions:
                roles.extend(RoleSpan(r) for r in people_roles(kb, doc.text, toks, sent_roles, names, starts))
        one_state = home if home is not None and about <= {home} else None
        arab = home if home in ARAB_STATES and home in about and not (about - {home}) & ARAB_STATES else None
        doc.entities = cluster(doc.text, names, roles, kb, doc.source.published, default_country=home,
                               story_state=one_state, arab_state=arab)
        return doc

    def pipe(self, docs: Iterable[Document]) -> Iterator[Document]:
        for doc in docs:
            yield self(doc)

    # -- the recognizer's tags ----------------------------------------------------------------

    def _tags(self, doc: Document, sents: list[list[Token]]) -> list[list[str]]:
        rec = self.recognizer
        if rec is None:
            return [["O"] * len(t) for t in sents]
        batch = [[doc.text[t.start : t.end] for t in toks] for toks in sents]
        return rec.tag(batch)  # type: ignore[attr-defined, no-any-return]


def sentence_tokens(doc: Document) -> list[list[Token]]:
    """The body tokens of each sentence (tokens inside boilerplate left out)."""
    starts = [t.start for t in doc.tokens]
    out = []
    for s in doc.sentences:
        lo = bisect.bisect_left(starts, s.start)
        hi = bisect.bisect_left(starts, s.end)
        toks = [t for t in doc.tokens[lo:hi] if not doc.boilerplate or not doc.in_boilerplate(t.start, t.end)]
        out.append(toks)
    return out
