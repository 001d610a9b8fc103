"""EntityStep: recognizer spans ∪ knowledge-base names ∪ composed bodies, plus roles, clustered.

Per sentence of body text (boilerplate skipped):
1. the knowledge base finds the names it knows (longest match, proclitics outside the span);
   names from the noisy geonames list count only when the recognizer or a place word
   ("مدينة", "محافظة", ...) backs them;
2. :mod:`marsad.entities.roles` finds organisation phrases ("الحكومة السورية") and titles;
3. the trained recognizer adds the names the knowledge base does not know;
4. names found once are looked for again across the document (a person's last name too);
5. :mod:`marsad.entities.coref` joins mentions into entities with canonical name, country,
   actor and knowledge-base id.
Knowledge-base names win over recognizer spans that overlap them: the list knows the type,
country and actor code.
"""

from __future__ import annotations

import bisect
import logging
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, replace

from marsad.document import Document, Token
from marsad.entities.coref import NameSpan, RoleSpan, cluster
from marsad.entities.kb import (
    KBEntry,
    KnowledgeBase,
    Match,
    PhraseIndex,
    sentence_heads,
    token_heads,
    words,
)
from marsad.entities.roles import (
    NOT_DEFINITE,
    OPENS_ADJECTIVE,
    OPENS_EPITHET,
    OPENS_NAME,
    OPENS_NOMINAL,
    OPENS_SIDE,
    OPENS_STORY,
    PUNCT_APPOSITION,
    Grammar,
    Role,
    bare,
    past_time,
)
from marsad.memo import trim
from marsad.normalize import match_key
from marsad.pipeline import Step

log = logging.getLogger(__name__)

#: Words that make the next name a place: lets a geonames-only name count.
PLACE_CUES = frozenset(
    match_key(w)
    for w in ["مدينة", "بلدة", "قرية", "محافظة", "منطقة", "مخيم", "ولاية", "إقليم", "مديرية", "قضاء", "ناحية", "حي", "مقاطعة", "ضاحية"]
)
#: Words after which a place name names an outlet or a club: "صحيفة القدس", "نادي برشلونة".
OUTLET_CUES = frozenset(
    match_key(w)
    for w in ["صحيفة", "جريدة", "مجلة", "نادي"]
)
#: Agencies and outlets that report the world from abroad: their country is not the story's.
INTERNATIONAL_AGENCIES = frozenset(
    {"afp", "reuters", "ap", "dpa", "xinhua", "efe", "anadolu", "sputnik", "rt", "ansa", "upi", "kyodo",
     "tass", "ria", "bbc", "aljazeera", "alarabiya", "cnn", "france24", "dw", "skynews-arabia"}
)
#: Nouns that take "المقاومة" as their genitive ("محور المقاومة", "فصائل المقاومة"): no epithet then.
RESISTANCE_GOVERNORS = frozenset(
    match_key(w) for w in ["محور", "فصائل", "فصيل", "حركات", "حركة", "قوى", "لجان", "كتائب", "جبهة", "فصائل", "أطراف"]
)
#: Definite titles that stand before a name but are not part of it ("الملك محمد السادس").
NAME_TITLES = frozenset(match_key(w) for w in ["امام", "خليفة"])
#: A one-word recognizer name this frequent in news (SaudiNewsNet count) is also a common word:
#: "على", "الأول", "الحرب" are not looked for again across the document.
COMMON_WORD_COUNT = 1000
_SOURCE_RANK = {"kb": 0, "story": 0, "body": 1, "outlet": 1, "norp": 2, "ner": 3, "weak": 3, "doc": 4}
#: A candidate name: (span, first token, end token, source).
Candidate = tuple[NameSpan, int, int, str]
#: Nouns that say "the place named before" when they stand alone with the article ("المدينة").
GENERIC_PLACES = PLACE_CUES | {match_key("عاصمة")}
#: Words after which an organisation's name goes on ("حزب الاتحاد من أجل حركة شعبية").
_NAME_GOES_ON = frozenset(match_key(w) for w in ["من", "لأجل", "للتغيير", "للإصلاح", "للتنمية"])
#: Name words (as written) that need the next word: a person's name does not end with them.
NAME_LINKS = frozenset(["آل", "بن", "ابن", "إبن", "أبو", "ابو", "أبي", "عبد", "بنت"])
#: Words after which a known person's name is a father's name inside another's ("صالح بن عبدالعزيز آل الشيخ").
PATRONYMIC = frozenset(match_key(w) for w in ["بن", "ابن", "بنت"])
_NER_TYPES = {"PER": "PER", "ORG": "ORG", "LOC": "GPE", "MISC": "MISC"}
#: "الشعب الفلسطيني": the people noun before a nationality adjective.
_PEOPLE_WORDS = frozenset({"الشعب", "شعب"})


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
        sents = self._sentence_tokens(doc)
        tags = self._tags(doc, sents)
        grammar = self.grammar
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
            sent_cands.append(self._names(doc.text, toks, sent_tags, sent_roles, dateline, sent_opens, agency))
        own = self._home(doc)
        if own is not None:
            _place_readings(sent_cands, {own})  # "طرابلس (وال)": the dateline's state first
        about = _story_states(sent_cands)
        _place_readings(sent_cands, about, own)
        for cands in sent_cands:
            names.extend(_resolve([
                c for c in cands if c[3] != "story" or self._story_name(c[0], about, doc.source.published)
            ]))
        names = self._propagate(doc.text, sents, names, role_sents)
        names.sort(key=lambda n: n.start)
        _place_bodies(names)
        home = _local_state(own, sent_cands)
        shared = _shared_names(names, home, self.kb, self.grammar)
        _home_bodies(names, home)
        states = _StoryStates(home if own is not None else None, home, about)
        starts = [n.start for n in names]
        for toks, sent_roles, sent_opens in zip(sents, role_sents, opens, strict=True):
            for role in sent_roles:
                if any(o is not role and o.i <= role.i and role.j <= o.j for o in sent_roles):
                    roles.append(RoleSpan(role, None))  # nested: "قائد الثورة" inside "ممثل قائد الثورة"
                    continue
                if role.org in shared:
                    role = _shared_role(role, shared[role.org])
                role = _org_country(role, toks, names, starts, doc.text)
                roles.append(RoleSpan(role, _apposition(role, sent_roles, toks, names, starts, grammar, doc.text)))
            roles.extend(RoleSpan(r) for r in self._regimes(doc.text, toks, names, starts))
            roles.extend(
                RoleSpan(r)
                for r in self._sides_and_nominals(doc.text, toks, sent_roles, names, starts, sent_opens, states)
            )
        for toks, sent_roles, sent_opens in zip(sents, role_sents, opens, strict=True):
            near = _near_persons(toks, names, starts)
            weak = grammar.untitled_roles(toks, doc.text, sent_roles, near, sent_opens) if near else []
            for role in weak:  # "وزير الاستثمار خالد الفالح": kept only beside the person's name
                if _overlaps_other_than_bodies(names, starts, role.start, role.end):
                    continue  # a body inside it is fine: "وكيل وزارة الخزانة لشؤون الإرهاب"
                role = _org_country(role, toks, names, starts, doc.text)
                holder = _apposition(role, [*sent_roles, role], toks, names, starts, grammar, doc.text)
                if holder is not None:
                    roles.append(RoleSpan(role, holder))
            if self._people_mentions:
                roles.extend(RoleSpan(r) for r in self._people(doc.text, toks, sent_roles, names, starts))
        doc.entities = cluster(doc.text, names, roles, self.kb, doc.source.published, default_country=home)
        return doc

    def pipe(self, docs: Iterable[Document]) -> Iterator[Document]:
        for doc in docs:
            yield self(doc)

    # -- pieces -------------------------------------------------------------------------------

    def _sentence_tokens(self, doc: Document) -> list[list[Token]]:
        """The body tokens of each sentence (tokens inside boilerplate left out)."""
        starts = [t.start for t in doc.tokens]
        out = []
        for s in doc.sentences:
            lo = bisect.bisect_left(starts, s.start)
            hi = bisect.bisect_left(starts, s.end)
            toks = [t for t in doc.tokens[lo:hi] if not doc.boilerplate or not doc.in_boilerplate(t.start, t.end)]
            out.append(toks)
        return out

    def _tags(self, doc: Document, sents: list[list[Token]]) -> list[list[str]]:
        rec = self.recognizer
        if rec is None:
            return [["O"] * len(t) for t in sents]
        batch = [[doc.text[t.start : t.end] for t in toks] for toks in sents]
        return rec.tag(batch)  # type: ignore[attr-defined, no-any-return]

    def _names(
        self,
        text: str,
        toks: list[Token],
        tags: Sequence[str],
        roles: list[Role],
        dateline: tuple[int, int] | None = None,
        opens: Sequence[int] | None = None,
        agency: tuple[str, ...] | None = None,
    ) -> list[Candidate]:
        """Candidate name spans of one sentence (overlaps resolved by :func:`_resolve`);
        ``opens``: the sentence's :meth:`Grammar.openings`."""
        kb, grammar = self.kb, self.grammar
        if opens is None:
            opens = grammar.openings(toks, text)
        cands: list[Candidate] = []
        ner_spans = list(_bio_spans(tags))
        ner_cover: set[int] = set()
        ner_any: set[int] = set()
        for i, j, label in ner_spans:
            if label in _NER_TYPES:
                ner_any.update(range(i, j))
                if label == "LOC":  # a geonames town backed by an ORG tag is a club ("برشلونة")
                    ner_cover.update(range(i, j))
        byline: set[int] = set()  # tokens of the agency in the dateline: no name there

        def backed(m: Match) -> bool:
            """Whether a name of several words will count (the checks below): one that will not
            leaves its tokens to a name inside it ("جبل X" unbacked, then "X")."""
            if m.j - m.i < 2:
                return True
            entry, cued = m.value[0], _cue_before(toks, m.i, text) is not None
            if entry.weak:
                return cued or bool(set(range(m.i, m.j)) & ner_cover)
            return not kb.is_ambiguous(text[m.start : m.end]) or cued or bool(set(range(m.i, m.j)) & ner_any) or (
                words(text[m.start : m.end]) in grammar.org_readings
            )

        for m in kb.match(toks, text, [k for k, bits in enumerate(opens) if bits & OPENS_NAME], backed):
            entry = m.value[0]
            i = m.i
            if dateline is not None and dateline[0] <= m.start < dateline[1] and (
                entry.sector == "MED" or (agency is not None and words(text[m.start : m.end]) == agency)
            ):
                byline.update(range(m.i, m.j))
                continue  # the agency in "القاهرة في ٥ فبراير /أ ش أ/" is a byline, not news
            if entry.id.startswith("state:") and i > 0 and _adjective_after_noun(kb, toks, i, text, m.end):
                continue  # "القوات البرية السعودية": the adjective of a noun, not the state
            outlet = _quoted_outlet(kb, toks, m.i, m.j, text) if entry.type in {"GPE", "LOC"} else None
            if outlet is not None:
                # "لـ«الشرق الأوسط»": a place name in guillemets that is a known outlet's short name
                cands.append((NameSpan(m.start, m.end, "ORG", words(text[m.start : m.end]), outlet, "kb",
                                       outlet.country, outlet.actor), m.i, m.j, "kb"))
                continue
            cue = _cue_before(toks, i, text)
            cued = cue is not None
            if entry.type == "PER" and i > 0 and toks[i - 1].norm in PATRONYMIC:
                continue  # "صالح بن عبدالعزيز آل الشيخ": the father's name, not that person
            if entry.weak and not (set(range(m.i, m.j)) & ner_cover) and not cued:
                continue
            reading = grammar.org_readings.get(words(text[m.start : m.end]))
            if reading is not None and _after_org_word(grammar, toks, i, text):
                entry = kb.get(reading) or entry  # "تنظيم «بيت المقدس»": the armed group, not Jerusalem
            elif not entry.weak and kb.is_ambiguous(text[m.start : m.end]) and not (
                set(range(m.i, m.j)) & ner_any
            ) and not (cued and entry.type in {"GPE", "LOC"}):
                continue  # "كيف" (how) is Kyiv only where the recognizer also sees a name
            if agency is not None and entry.type in {"GPE", "LOC"} and words(text[m.start : m.end]) == agency:
                # "أربيل: «الشرق الأوسط»" signs the story: the newspaper again when the text names it
                cands.append((NameSpan(m.start, m.end, "ORG", agency, None, "outlet", sector="MED"), m.i, m.j, "outlet"))
                continue
            if entry.type in {"GPE", "LOC"} and _after_outlet_word(toks, i):
                # "صحيفة القدس", "نادي برشلونة": the outlet or club, not the place
                if any(a <= m.i and m.j < b and lab in {"ORG", "MISC"} for a, b, lab in ner_spans):
                    continue  # "صحيفة واشنطن بوست": the recognizer has the whole name
                cands.append((NameSpan(m.start, m.end, "ORG", words(text[m.start : m.end]), None, "outlet"), m.i, m.j, "outlet"))
                continue
            start, end, mj = m.start, m.end, m.j
            if entry.type == "PER":
                start = _strip_honorifics(grammar, toks, m.i, m.j, text, m.start)
                mj = _lineage_end(toks, m.j, text)  # "محمد بن سلمان بن عبد العزيز": one name
                end = toks[mj - 1].end
            span = NameSpan(start, end, entry.type, words(text[start:end]), entry, "kb",
                            entry.country, entry.actor, cue=cue)
            if entry.type in {"GPE", "LOC"} and len(m.value) > 1:
                span.options = tuple(e for e in m.value if e.type in {"GPE", "LOC"} and not e.weak)
            cands.append((span, m.i, mj, "weak" if entry.weak else "kb"))
        for i, j in _numbered_units(toks):
            # "اللواء 444 قتال": a numbered unit of the story's state's forces, not a general's rank
            start, end = token_heads(toks[i], text)[0][0], toks[j - 1].end
            cands.append((NameSpan(start, end, "ORG", words(text[start:end]), None, "body",
                                   body_key=bare(toks[i].norm.removeprefix("و").removeprefix("ف")) + " " + toks[i + 1].norm, home_body=True, sector="MIL"), i, j, "body"))
        legislatures: set[int] = set()
        placed: set[int] = set()  # bodies placed by a genitive town: inside a title, the town only
        for b in grammar.bodies_in(toks, text, opens):
            actor = b.country + b.sector if b.country and b.sector and b.type == "ORG" else None
            span = NameSpan(b.start, b.end, b.type, words(text[b.start : b.end]), None, "body",
                            b.country, actor, body_key=b.key, where=b.where, home_body=b.home, sector=b.sector)
            if b.sector == "LEG":
                legislatures.add(id(span))
            if b.placed:
                placed.add(id(span))  # "رئيس مجلس الشورى": the council is named in the title
            if b.country is None and b.key.split(" ", 1)[0] in grammar.construct_bodies and (
                any(a < b.j and b.i < c and (a < b.i or c > b.j) for a, c, _ in ner_spans)
                or (b.j < len(toks) and toks[b.j].norm in _NAME_GOES_ON)
            ):
                continue  # "حزب العمال البريطاني", "حزب الاتحاد من أجل ...": a longer name
            cands.append((span, b.i, b.j, "body"))
        cands.extend(self._story_cands(text, toks, ner_spans, opens))
        cands.extend(self._norp(text, toks, opens))
        cands.extend(self._collectives(text, toks))
        role_tokens = {k for r in roles for k in range(r.i, r.j)}
        conjunct_tokens = {k for r in roles for a, b in r.conjuncts for k in range(a, b)}
        # ... unless the title is of that body: "المتحدث باسم رئاسة الجمهورية", "المتحدث لوزارة الخارجية"
        own_body = {
            k for r in roles for k in range(r.i + 1, r.j)
            if toks[k - 1].norm == "باسم" or (toks[k].norm[:1] == "ل" and token_heads(toks[k], text)[0][0] > toks[k].start)
        }
        cands = [
            c for c in cands
            if not (set(range(c[1], c[2])) & conjunct_tokens)
            # a body with no nationality inside a title ("رئيس مجلس الوزراء", "وزير الدفاع في
            # حكومة صنعاء") is part of the title
            and not (c[3] == "body" and (c[0].country is None or id(c[0]) in placed) and set(range(c[1], c[2])) & role_tokens
                     and c[1] not in own_body and id(c[0]) not in legislatures)
        ]
        for i, j, label in ner_spans:
            ent_type = _NER_TYPES.get(label)
            if ent_type is None:
                continue
            if set(range(i, j)) & (role_tokens | byline):
                continue
            first = _name_start(kb, toks, i, j, text)
            if first is None:
                continue
            i, start = first
            if ent_type == "PER":
                start = _strip_honorifics(grammar, toks, i, j, text, start)
                while j < len(toks) and text[toks[j - 1].start : toks[j - 1].end] in NAME_LINKS and toks[j].norm.isalpha() and j - i > 1:
                    j += 1  # "عبدالله آل الشيخ": a name does not end in "آل" or "بن"
            end = toks[j - 1].end
            if start >= end or not _plausible(text[start:end], kb, grammar):
                continue
            ws = words(text[start:end])
            if grammar.is_date(ws) and not _company_word_beside(grammar, toks, i, j, text):
                continue  # "نيسان الماضي", "تشرين الأول": a date ("شركة نيسان" is the company)
            if len(ws) == 1 and ws[0].startswith("ال") and bare(ws[0]) in GENERIC_PLACES:
                continue  # "المدينة": the city named before (a nominal), not a name
            if ent_type == "PER" and kb.adjective(words(text[start:end])[0]) is not None:
                continue  # "روس رفيعو المستوى": a people noun does not start a person's name
            if ent_type == "PER" and j - i > 1 and _not_name_tail(text[toks[j - 1].start : toks[j - 1].end]):
                j -= 1  # "كريم سعيد حاكماً", "بومتام للصحافيين": an adverb or a preposition ends it
                end = toks[j - 1].end
            if ent_type == "PER" and j - i > 1 and _not_name_head(text[toks[i].start : toks[i].end]):
                i += 1  # "بالوكالة بومتام ...": a prepositional phrase of the title before the name
                start = toks[i].start
            span = NameSpan(start, end, ent_type, words(text[start:end]), None, "ner")
            span.cue = _cue_before(toks, i, text)
            span.home = ent_type in {"GPE", "LOC"} and i > 0 and bare(toks[i - 1].norm) in PLACE_CUES
            cands.append((span, i, j, "ner"))
        return cands

    def _story_cands(
        self, text: str, toks: list[Token], ner_spans: list[tuple[int, int, str]], opens: Sequence[int]
    ) -> list[Candidate]:
        """"المقاومة الشعبية", "قوات النظام": names whose referent is the story's state's
        (roles.json "story_names"); :meth:`_story_name` decides once the document's states are known."""
        grammar = self.grammar
        out: list[Candidate] = []
        k = 0
        for i, bits in enumerate(opens):
            if i < k or not bits & OPENS_STORY:
                continue
            m = grammar.story_names.match_at(toks, i, text)
            if m is None:
                continue
            k = m.j
            if m.j < len(toks) and (
                self.kb.adjectives.match_at(toks, m.j, text) is not None
                or (toks[m.j].norm.startswith("ال") and toks[m.j].norm not in NOT_DEFINITE)
            ):
                continue  # "المقاومة الشعبية الفلسطينية": another phrase
            tagged = any(a < m.j and m.i < b and lab == "ORG" for a, b, lab in ner_spans)
            span = NameSpan(m.start, m.end, "ORG", words(text[m.start : m.end]), None,
                            "story+ner" if tagged else "story", body_key=m.value)
            out.append((span, m.i, m.j, "story"))
        return out

    def _story_name(self, span: NameSpan, about: set[str], published: str | None = None) -> bool:
        """Give a story name its referent in the story's state; keep it unresolved only where the
        recognizer also tagged it an organisation. A referent written "id@YYYY-MM-DD" is meant only
        in a story published on or after that day (a bare "التحالف" in 2004 Iraq is another one)."""
        kind, _, options = (span.body_key or "").partition(":")
        for option in options.split("|"):
            country, _, entry_id = option.partition("=")
            entry_id, _, since = entry_id.partition("@")
            if since and (not published or published < since):
                continue
            entry = self.kb.get(entry_id) if country in about else None
            if entry is not None:
                span.entry, span.type, span.country, span.actor = entry, entry.type, entry.country, entry.actor
                span.body_key, span.source = None, "kb"
                return True
        if span.source == "story+ner":
            span.body_key, span.source = None, "ner"
            return True
        return False

    def _home(self, doc: Document) -> str | None:
        """Where a "وزارة التربية" or a "وزير التربية" with no nationality is: the country of the
        dateline's place, else of a national news agency that signs the story ("(وات)" → Tunisia)."""
        signer = None
        for name in (doc.dateline.agency if doc.dateline else None, doc.source.outlet):
            if not name:
                continue
            entry = self.kb.by_slug(name.strip().lower()) or next(iter(self.kb.lookup(name)), None)
            if entry is not None and entry.sector == "MED" and entry.slug not in INTERNATIONAL_AGENCIES:
                signer = entry.country
                break
        if doc.dateline is not None and doc.dateline.location:
            hits = [h for h in self.kb.lookup(doc.dateline.location) if h.country and not h.weak]
            if hits:
                # "طرابلس (وال)": of the towns the name reads, the one in the signing agency's state
                return next((h.country for h in hits if h.country == signer), hits[0].country)
        return signer

    def _sides_and_nominals(
        self,
        text: str,
        toks: list[Token],
        sent_roles: list[Role],
        names: list[NameSpan],
        starts: list[int],
        opens: Sequence[int],
        states: _StoryStates | None = None,
    ) -> list[Role]:
        """"الجانب الإسرائيلي" (the state), lone definite nouns such as "الوزارة" (the body named
        before) and "البلاد" (the story's state, roles.json "_home_nominals_doc")."""
        grammar = self.grammar
        states = states or _StoryStates(None, None, set())
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
                if (k in of_state or k not in busy) and not _overlaps_names(names, starts, tok.start, tok.end):
                    c = own
                    out.append(Role(home_start, tok.end, k, k + 1, "side", "side:" + c, country=c))
                continue
            if k in inside and not _overlaps_names(names, starts, tok.start, tok.end):
                hit = grammar.lone_nominal(toks, k, text)
                if hit is not None:
                    out.append(self._nominal(hit, tok, k, states))
                continue
            if k in in_title or _inside_body(names, starts, tok):
                hit = grammar.lone_nominal(toks, k, text)
                if hit is not None and hit[1] in grammar.admin_nominals:
                    out.append(self._nominal(hit, tok, k, states))  # "حكومة الإقليم"
                continue
            if k in busy or _overlaps_names(names, starts, tok.start, tok.end):
                continue
            side = grammar.side_at(toks, k, text)
            if side is not None:
                s, e, j, country = side
                head = bare(token_heads(tok, text)[0][1])
                out.append(Role(s, e, k, j, "side", "side:" + country, country=country, head=head))
                busy.update(range(k, j))
                continue
            epithet = self._epithet_at(text, toks, k)
            if epithet is not None:
                out.append(epithet)
                busy.update(range(epithet.i, epithet.j))
                continue
            hit = grammar.lone_nominal(toks, k, text)  # not "الوزارة الإيرانية", "المملكة المتحدة"
            if hit is not None and not (k > 0 and _after_outlet_word(toks, k)):
                out.append(self._nominal(hit, tok, k, states))
        return out

    def _regimes(self, text: str, toks: list[Token], names: list[NameSpan], starts: list[int]) -> list[Role]:
        """"نظام الأسد": "نظام" right before a known head of state's name describes that state's
        government (roles.json "regimes"); the name inside stays the person's."""
        regimes = self.grammar.regimes
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

    def _nominal(self, hit: tuple[int, str], tok: Token, k: int, states: _StoryStates) -> Role:
        """A lone noun's nominal role; a state noun ("المملكة") carries the state it stands for
        when no name beginning with it comes before (coref tries that first)."""
        start, noun = hit
        country = self._state_called(noun, states) if noun in self.grammar.state_nominals else None
        return Role(start, tok.end, k, k + 1, "nominal", noun, head=noun, country=country)

    def _state_called(self, noun: str, states: _StoryStates) -> str | None:
        """The story's state if it is called by ``noun`` ("المملكة العربية السعودية" → Saudi
        Arabia for "المملكة"), else the one state the story is about that is."""

        def called(iso3: str | None) -> bool:
            entry = self.kb.state(iso3 or "")
            return entry is not None and any(
                (ws := words(v)) and bare(ws[0]) == noun and len(ws) > 1 for v in entry.variants
            )

        if called(states.local):
            return states.local
        hits = [c for c in sorted(states.about) if called(c)]
        return hits[0] if len(hits) == 1 else None

    def _epithet_at(self, text: str, toks: list[Token], k: int) -> Role | None:
        """"العدو", "المقاومة", "المقاومة الإسلامية" standing alone (with the article as written):
        coref finds whom they stand for in the document (see roles.json "epithets")."""
        grammar = self.grammar
        m = grammar.epithets.match_at(toks, k, text)
        if m is None or match_key(text[m.start : m.start + 2]) != "ال":
            return None
        kind: str = m.value
        nxt = toks[m.j] if m.j < len(toks) else None
        if kind != "resistance_name" and nxt is not None and (
            nxt.norm.startswith("ال") or self.kb.adjectives.match_at(toks, m.j, text) is not None
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

    def _people(
        self, text: str, toks: list[Token], sent_roles: list[Role], names: list[NameSpan], starts: list[int]
    ) -> list[Role]:
        """"مسؤولون روس", "دبلوماسيين إيرانيين": a plural noun of people and a plural nationality
        adjective stand for that state (a ``people`` role; cluster puts it on the state entity)."""
        busy = {k for r in sent_roles for k in range(r.i, r.j)}
        out: list[Role] = []
        for k in range(len(toks) - 1):
            if k in busy or _overlaps_names(names, starts, toks[k].start, toks[k].end):
                continue
            adj = self.kb.adjectives.match_at(toks, k + 1, text)
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

    def _norp(self, text: str, toks: list[Token], opens: Sequence[int]) -> list[Candidate]:
        """Peoples: "الفلسطينيين", "الشعب الفلسطيني" (nationality nouns with the article)."""
        out = []
        i = 0  # the first token not inside a people phrase found
        for k, bits in enumerate(opens):
            if k < i:
                continue
            tok = toks[k]
            if not bits & OPENS_ADJECTIVE and tok.norm not in _PEOPLE_WORDS:
                continue  # neither "الشعب" nor a nationality adjective begins here
            if tok.norm in _PEOPLE_WORDS and k + 1 < len(toks):
                adj = self.kb.adjectives.match_at(toks, k + 1, text)
                if adj is not None and adj.value.form == "m":
                    start = token_heads(tok, text)[0][0]
                    c = adj.value.country
                    out.append((NameSpan(start, adj.end, "NORP", ("شعب", c), None, "norp", c, c), k, adj.j, "norp"))
                    i = adj.j
                    continue
            adj = self.kb.adjectives.match_at(toks, k, text)
            if adj is not None and adj.value.form == "pl" and match_key(text[adj.start : adj.end]).startswith("ال"):
                if k > 0 and _definite_noun(toks[k - 1], text, self.kb):
                    continue  # "للمسؤولين الإيرانيين", "الطلاب الأتراك": the adjective of a noun
                c = adj.value.country
                out.append((NameSpan(adj.start, adj.end, "NORP", ("شعب", c), None, "norp", c, c), k, adj.j, "norp"))
                i = adj.j
        return out

    def _collectives(self, text: str, toks: list[Token]) -> list[Candidate]:
        """"المتظاهرون", "المعتصمين": protest participants, one NORP entity per document whose
        country :func:`_home_bodies` sets (roles.json "people_collectives")."""
        grammar = self.grammar
        out: list[Candidate] = []
        for k, tok in enumerate(toks):
            hit = grammar.collective_at(tok, text)
            if hit is None:
                continue
            nxt = toks[k + 1] if k + 1 < len(toks) else None
            if nxt is not None and self.kb.adjectives.match_at(toks, k + 1, text) is not None:
                continue  # "المتظاهرين الإيرانيين": a people of that state (a longer phrase)
            start, sector = hit
            span = NameSpan(start, tok.end, "NORP", ("participants",), None, "norp",
                            body_key="participants", home_body=True, sector=sector)
            out.append((span, k, k + 1, "norp"))
        return out

    def _propagate(
        self, text: str, sents: list[list[Token]], names: list[NameSpan], role_sents: list[list[Role]]
    ) -> list[NameSpan]:
        """Find recognizer-only names again wherever they recur, and persons' last names."""
        index = PhraseIndex()
        seen: set[tuple[str, ...]] = set()
        after: dict[tuple[str, ...], int] = {}  # a known person's surname: only after his full name
        for n in names:
            if n.source == "kb" and n.type == "PER" and n.entry is not None and n.words not in seen:
                seen.add(n.words)  # "خالد مشعل" … "مشعل": a known person's surname, as for the recognizer's
                last = _surname(n.words, n.entry)
                if last is not None and not self.kb.lookup(last) and not _common(last):
                    index.add((last,), "PER")
                    after.setdefault((last,), n.start)  # the press uses it once the full name is out
                continue
            if n.source != "ner" or n.words in seen:
                continue
            seen.add(n.words)
            if len(n.words) == 1 and _common(n.words[0]):
                continue  # "على", "الحرب": tagged once, but mostly a plain word
            index.add(n.words, n.type)
            if n.type == "PER" and len(n.words) > 1:
                last = n.words[-1]
                if len(last) > 3 and last not in _STOP_SURNAMES and not self.kb.lookup(last) and not _common(last):
                    index.add((last,), "PER")
        if not index.first_words():
            return names
        taken = sorted((n.start, n.end) for n in names)
        out = list(names)
        firsts = frozenset(index.first_words())
        for toks, roles in zip(sents, role_sents, strict=True):
            at = [
                k for k, heads in enumerate(sentence_heads(toks, text))
                if heads[0][1] in firsts or (len(heads) > 1 and any(key in firsts for _, key in heads))
            ]
            if not at:
                continue
            role_tokens = {k for r in roles for k in range(r.i, r.j)}
            for m in index.find(toks, text, at):
                if set(range(m.i, m.j)) & role_tokens or _overlaps(taken, m.start, m.end):
                    continue
                if after and m.start < after.get(words(text[m.start : m.end]), -1):
                    continue
                out.append(NameSpan(m.start, m.end, m.value, words(text[m.start : m.end]), None, "doc",
                                    cue=_cue_before(toks, m.i, text)))
        return out


_REGIME_WORD = match_key("نظام")
_LINK_KEYS = frozenset(match_key(w) for w in NAME_LINKS)


def _surname(ws: tuple[str, ...], entry: KBEntry) -> str | None:
    """The last word of a known person's two- or three-word name that the press may use alone
    ("مشعل"), None for a lineage name ("سلمان بن عبدالعزيز": called by the first name) or one
    whose entry already has a one-word variant."""
    if len(ws) < 2 or len(ws) > 3 or any(w in _LINK_KEYS for w in ws) or ws[-1].startswith("عبد"):
        return None
    last = ws[-1]
    if len(last) <= 3 or last in _STOP_SURNAMES or any(len(words(v)) == 1 for v in entry.variants):
        return None
    return last

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
_STOP_SURNAMES = frozenset(match_key(w) for w in ["الله", "الدين", "الرحمن", "الرحيم", "العزيز"])


def _bio_spans(tags: Sequence[str]) -> Iterator[tuple[int, int, str]]:
    i = 0
    while i < len(tags):
        tag = tags[i]
        if tag == "O" or "-" not in tag:
            i += 1
            continue
        label = tag.split("-", 1)[1]
        j = i + 1
        while j < len(tags) and tags[j] == f"I-{label}":
            j += 1
        yield i, j, label
        i = j


def _common(key: str) -> bool:
    """A word frequent enough in news to be a plain word most of the time (see COMMON_WORD_COUNT)."""
    from marsad.clitics import load_model

    return load_model().freq.get(key, 0) >= COMMON_WORD_COUNT


def _cue_before(toks: list[Token], i: int, text: str) -> str | None:
    """The place noun right before token ``i`` ("مدينة", "بمحافظة" → "محافظه"), past an opening
    quote ("بمحافظة «عمران»"), if any."""
    k = i - 1
    if k >= 0 and toks[k].norm in _OPEN_QUOTES:
        k -= 1
    if k < 0:
        return None
    return next((key for _, key in token_heads(toks[k], text) if key in PLACE_CUES), None)


_OPEN_QUOTES = frozenset({'"', "«", "“", "'", "(", "''"})


def _after_org_word(grammar: Grammar, toks: list[Token], i: int, text: str) -> bool:
    """Whether token ``i`` follows "تنظيم"/"عناصر"/"لتنظيم" (past an opening quote)."""
    k = i - 1
    while k >= 0 and toks[k].norm in {'"', "«", "“", "'", "(", "''"}:
        k -= 1
    return k >= 0 and any(bare(key) in grammar.org_cues for _, key in token_heads(toks[k], text))


def _company_word_beside(grammar: Grammar, toks: list[Token], i: int, j: int, text: str) -> bool:
    """Whether "شركة"/"سيارة" stands before tokens ``[i, j)`` or "موتور" after: "نيسان" the maker."""
    before = i > 0 and any(bare(key) in grammar.company_cues for _, key in token_heads(toks[i - 1], text))
    return before or (j < len(toks) and bare(toks[j].norm) in grammar.company_cues)


def _story_states(sent_cands: list[list[Candidate]]) -> set[str]:
    """The states a story is about: those its known names point to at least twice and at least
    half as often as the most named one."""
    counts = _story_counts(sent_cands)
    if not counts:
        return set()
    top = max(counts.values())
    return {c for c, n in counts.items() if n >= 2 and 2 * n >= top}


def _place_readings(sent_cands: list[list[Candidate]], about: set[str], own: str | None = None) -> None:
    """"طرابلس" in a Libya story is Tripoli of Libya: of the places one name reads, the one in a
    state the story is about (the first reading otherwise); one in ``own``, the dateline's state, stays."""
    for cands in sent_cands:
        for span, _i, _j, _source in cands:
            if not span.options or span.entry is None or span.entry.country in about or span.entry.country == own:
                continue
            hit = next((e for e in span.options if e.country in about), None)
            if hit is not None:
                span.entry, span.country, span.actor = hit, hit.country, hit.actor


def _definite_noun(tok: Token, text: str, kb: KnowledgeBase) -> bool:
    """Whether a token is a definite common noun ("المسؤولين", "للمواطنين"): a plural nationality
    after it is its adjective. Names and nationality words are not."""
    key = tok.norm
    if key[:1] in "وف" and key[1:3] in {"ال", "لل"}:
        key = key[1:]
    return (key.startswith("ال") or key.startswith("لل")) and len(key) > 3 and key not in NOT_DEFINITE and (
        kb.names.match_at([tok], 0, text) is None and kb.adjectives.match_at([tok], 0, text) is None
    )


def _adjective_after_noun(kb: KnowledgeBase, toks: list[Token], i: int, text: str, end: int) -> bool:
    """Whether a state's name at token ``i`` is the nationality adjective of the definite noun before
    it ("القوات السعودية", "للقوات البرية السعودية"): the same word, after a noun with the article."""
    adj = kb.adjective(text[toks[i].start : end])
    if adj is None or adj.form == "pl":
        return False
    prev = toks[i - 1].norm
    return (prev.startswith("ال") or prev.startswith("لل")) and prev not in NOT_DEFINITE and len(prev) > 3 and (
        kb.names.match_at(toks, i - 1, text) is None and kb.adjectives.match_at(toks, i - 1, text) is None
    )


def _quoted_outlet(kb: KnowledgeBase, toks: list[Token], i: int, j: int, text: str) -> KBEntry | None:
    """The outlet whose short name is a place name written in guillemets: "لـ«الشرق الأوسط»"."""
    if i == 0 or j >= len(toks) or toks[i - 1].norm not in {"«", '"', "“"} or toks[j].norm not in {"»", '"', "”"}:
        return None
    name = words(text[toks[i].start : toks[j - 1].end])
    for entry in kb.lookup("صحيفة " + " ".join(name)) or kb.lookup("جريدة " + " ".join(name)):
        if entry.sector == "MED":
            return entry
    return None


def _after_outlet_word(toks: list[Token], i: int) -> bool:
    """Whether token ``i`` follows "صحيفة"/"قناة"/"نادي" (past an opening quote)."""
    k = i - 1
    while k >= 0 and toks[k].norm in {'"', "«", "“", "'", "(", "''"}:
        k -= 1
    return k >= 0 and bare(toks[k].norm) in OUTLET_CUES


def _strip_honorifics(grammar: Grammar, toks: list[Token], i: int, j: int, text: str, start: int) -> int:
    """Move a person's span start past honorifics ("الشيخ", "اللواء", "آية الله") and a
    definite title ("الملك محمد السادس", "الإمام الخميني"): the title is not the name."""
    k = i
    while k < j - 1:
        h = grammar.honorifics.match_at(toks, k, text)
        if h is not None and h.j < j:
            k = h.j
            continue
        key = token_heads(toks[k], text)[0][1]
        if key.startswith("ال") and (bare(key) in grammar.heads or bare(key) in NAME_TITLES):
            k += 1
            continue
        break
    return start if k == i else toks[k].start


#: What is left of a name's first word once a proclitic is peeled that is a particle, not a name:
#: "فإن كيري" is "فـ + إن + كيري"; unless written without hamza, "فان در كلاوو" keeps its "ف".
PARTICLE_STEMS = frozenset(
    match_key(w)
    for w in ["ان", "إن", "أن", "من", "عن", "في", "لا", "لم", "لن", "قد", "هو", "هي", "هم", "او", "أو",
              "اذ", "إذ", "اذا", "إذا", "ثم", "بل", "يا", "مع", "الى", "إلى", "كان", "هذا", "هذه",
              "ذلك", "تلك", "انه", "انها"]
)
_HAMZA_ALEF = frozenset("أإآ")


def _name_start(kb: KnowledgeBase, toks: list[Token], i: int, j: int, text: str) -> tuple[int, int] | None:
    """``(first token, start offset)`` of a recognizer name over tokens ``[i, j)``, None when nothing
    of it is a name. The segmenter's proclitics stay outside, unless what is left is a particle
    written without hamza ("فان در كلاوو", "بان", "كيا") or the whole word begins a curated name
    ("بايدن", not "ب+ايدن"); a particle written with hamza ("فإن كيري", "بأن") is left out whole."""
    tok = toks[i]
    start, stem = token_heads(tok, text)[0]
    if start == tok.start:
        return i, start
    if len(stem) < 2:
        return None if j == i + 1 else (i + 1, toks[i + 1].start)  # "لي", "به": a pronoun
    if stem in PARTICLE_STEMS:
        rest = kb.names.match_at(toks, i + 1, text) if j > i + 1 else None
        if text[start : start + 1] in _HAMZA_ALEF or (
            rest is not None and rest.start == toks[i + 1].start and rest.j == j and not rest.value[0].weak
        ):
            return None if j == i + 1 else (i + 1, toks[i + 1].start)  # "فإن كيري", "فان صالح"
        return i, tok.start
    m = kb.names.match_at(toks, i, text)
    if m is not None and m.start == tok.start and m.j <= j and not m.value[0].weak:
        return i, tok.start
    return i, start


def _plausible(span_text: str, kb: KnowledgeBase, grammar: Grammar) -> bool:
    """Reject recognizer spans that are a bare nationality adjective or a title word."""
    ws = words(span_text)
    if not ws or len("".join(ws)) < 2:
        return False
    if len(ws) == 1:
        if kb.adjective(span_text) is not None:
            return False
        b = bare(ws[0])
        if b in grammar.heads or b in grammar.complements:
            return False
    return True


def _overlaps_names(names: list[NameSpan], starts: list[int], start: int, end: int) -> bool:
    k = bisect.bisect_right(starts, start)
    return any(n.start < end and start < n.end for n in names[max(0, k - 3) : k + 1])


def _place_bodies(names: list[NameSpan]) -> None:
    """Give "وزارة الصحة في القطاع" the country of the place "القطاع" refers back to ("قطاع غزة")."""
    for k, n in enumerate(names):
        if n.where is None or n.country is not None:
            continue
        for prev in reversed(names[:k]):
            if prev.words and bare(prev.words[0]) == n.where:
                country = prev.entry.country if prev.entry is not None else prev.country
                if country:
                    n.country = country
                    n.actor = country + "GOV" if n.type == "ORG" else None
                    n.body_key = (n.body_key or "").rstrip() + " " + country
                break


def _inside_body(names: list[NameSpan], starts: list[int], tok: Token) -> bool:
    """Whether the token lies inside a composed body's name, after its first word ("حكومة الإقليم")."""
    k = bisect.bisect_right(starts, tok.start) - 1
    return k >= 0 and names[k].source == "body" and names[k].start < tok.start and tok.end <= names[k].end


@dataclass(frozen=True, slots=True)
class _StoryStates:
    """The states a lone "البلاد" or "المملكة" may stand for: ``own``, the story's state where its
    dateline or agency names one; ``local``, the story's state however found; ``about``, the states
    its names point to most."""

    own: str | None
    local: str | None
    about: set[str]


def _overlaps_other_than_bodies(names: list[NameSpan], starts: list[int], start: int, end: int) -> bool:
    """Whether a name other than a composed body lying inside ``[start, end)`` overlaps it."""
    k = bisect.bisect_right(starts, start)
    lo = max(0, k - 3)
    hi = bisect.bisect_left(starts, end, lo=lo)
    return any(
        n.start < end and start < n.end and not (n.source == "body" and start <= n.start and n.end <= end)
        for n in names[lo : max(hi, k + 1)]
    )


def _overlaps(taken: list[tuple[int, int]], start: int, end: int) -> bool:
    k = bisect.bisect_left(taken, (start, start))
    return any(s < end and start < e for s, e in taken[max(0, k - 1) : k + 2])


def _resolve(cands: list[Candidate]) -> list[NameSpan]:
    """Keep the best non-overlapping spans: knowledge base and bodies first (longest first),
    then recognizer spans where nothing was kept; a recognizer person name that extends a known
    person's name replaces it."""
    cands.sort(key=lambda c: (_SOURCE_RANK[c[3]] > 1, -(c[0].end - c[0].start), _SOURCE_RANK[c[3]], c[0].start))
    kept: list[tuple[NameSpan, str]] = []
    for span, _i, _j, source in cands:
        clash = [k for k, (s, _src) in enumerate(kept) if s.start < span.end and span.start < s.end]
        if not clash:
            kept.append((span, source))
            continue
        if source == "kb" and span.type == "ORG" and len(clash) == 1:
            s, src = kept[clash[0]]
            if (src == "body" and s.start <= span.start and span.end <= s.end and s.entry is None
                    and span.country is not None and s.country in {None, span.country}):
                # "حركة المقاومة الإسلامية الفلسطينية": the body phrase is the known organisation
                # (its phrase stays: "حكومة الإقليم" finds "حكومة إقليم كردستان" by it)
                s.entry, s.type, s.country, s.actor = span.entry, "ORG", span.country, span.actor
            continue
        if source == "body" and len(clash) == 1:
            s, src = kept[clash[0]]
            if src == "kb" and s.type == "ORG" and (s.start, s.end) == (span.start, span.end) and s.body_key is None:
                s.body_key = span.body_key  # "حكومة إقليم كردستان" known: its phrase finds "حكومة الإقليم"
            continue
        if source == "ner" and span.type == "PER" and len(clash) == 1:
            s, _src = kept[clash[0]]
            if s.type == "PER" and span.start <= s.start and s.end <= span.end and (span.end - span.start) > (s.end - s.start):
                span.entry, span.country, span.actor = s.entry, s.country, s.actor
                kept[clash[0]] = (span, source)
    return [s for s, _ in kept]


def _apposition(
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
        if pos >= len(toks) or not all(_name_word(grammar, t, text) for t in toks[k:pos]):
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
            return _apposition(nxt, sent_roles, toks, names, starts, grammar, text)
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


def _org_country(role: Role, toks: list[Token], names: list[NameSpan], starts: list[int], text: str) -> Role:
    """A title of an organisation named after it takes the organisation's country ("المتحدث باسم
    وزارة الصحة في غزة"); one of a body with no country is an office of the story's state."""
    if role.kind != "title" or role.country is not None or role.org is not None:
        return role
    org = _org_after(role, toks, names, starts, text)
    if org is None:
        return role
    country = org.entry.country if org.entry is not None else org.country
    if country:
        sector = role.sector or "GOV"
        return replace(role, country=country, actor=country + sector, key=role.key + " " + country)
    if org.entry is None:
        return replace(role, national=True)
    return role


def _near_persons(toks: list[Token], names: list[NameSpan], starts: list[int]) -> set[int]:
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


def _name_word(grammar: Grammar, tok: Token, text: str) -> bool:
    """Whether a token can be a first name the recognizer missed: a rare plain word."""
    key = tok.norm
    if len(key) < 3 or not key.isalpha() or key.startswith("ال") or _common(key):
        return False
    if grammar.head_at(tok, text) is not None or grammar.is_complement(tok, text):
        return False
    return grammar.honorifics.match_at([tok], 0, text) is None and grammar.kb.names.match_at([tok], 0, text) is None


#: Words that carry a person's name on to a father's or a family's: "بن سلمان", "آل سعود".
LINEAGE = frozenset(["بن", "ابن", "بنت", "آل"])


def _lineage_end(toks: list[Token], j: int, text: str) -> int:
    """The end token of a known person's name that goes on with "بن X" or "آل X" after the
    knowledge base's variant ("محمد بن سلمان بن عبد العزيز آل سعود"); ``j`` when it does not."""
    while j + 1 < len(toks) and text[toks[j].start : toks[j].end] in LINEAGE and toks[j + 1].norm.isalpha():
        j += 2
        if text[toks[j - 1].start : toks[j - 1].end] in NAME_LINKS and j < len(toks) and toks[j].norm.isalpha():
            j += 1  # "بن عبد العزيز": "عبد" needs the next word
    return j


def _not_name_tail(word: str) -> bool:
    """Whether a word cannot end a person's name: an accusative adverb ("حاكماً", "رئيساً") or
    a preposition with the article ("للصحافيين")."""
    w = word.rstrip("\u064b\u064c\u064d\u064e\u064f\u0650\u0651\u0652")
    return word.endswith(("اً", "ًا")) or (w.startswith("لل") and len(w) > 4)


def _story_counts(sent_cands: list[list[Candidate]]) -> dict[str, int]:
    """How often the story's known names (KB entries and bodies) point to each state."""
    counts: dict[str, int] = {}
    for cands in sent_cands:
        for span, _i, _j, source in cands:
            if source in {"kb", "body"}:
                country = span.entry.country if span.entry is not None else span.country
                if country:
                    counts[country] = counts.get(country, 0) + 1
    return counts


def _story_top(sent_cands: list[list[Candidate]]) -> tuple[dict[str, int], str | None]:
    """How often the story's known names point to each state, and the most named one."""
    counts = _story_counts(sent_cands)
    top = max(counts, key=lambda c: counts[c]) if counts else None
    return counts, top


def _local_state(home: str | None, sent_cands: list[list[Candidate]]) -> str | None:
    """The state a body named without its country belongs to ("القوات الأمنية"): the dateline's
    when the story names it, else the state the story names most (a Gulf outlet's Congo story)."""
    counts, top = _story_top(sent_cands)
    if home is not None and (counts.get(home, 0) >= 2 or top is None):
        return home  # named beyond the dateline
    if top is not None and home is None and sum(counts.values()) < 3:
        return None  # too few names to tell
    return top if top is not None and counts[top] >= 2 else home


def _home_bodies(names: list[NameSpan], local: str | None) -> None:
    """Give "القوات الأمنية", "الشرطة", "المتظاهرون" the story's state; "القوات الحكومية" the
    country of the government named before it."""
    for k, n in enumerate(names):
        if not n.home_body or n.country is not None:
            continue
        country = local
        if n.body_key and "حكوميه" in n.body_key.split():
            for prev in reversed(names[:k]):
                c = prev.entry.country if prev.entry is not None else prev.country
                if c and prev.type == "ORG" and (prev.body_key or "").startswith("حكومه"):
                    country = c
                    break
        if country:
            n.country = country
            n.actor = country + (n.sector or "") if n.type in {"ORG", "NORP"} else None
            n.body_key = (n.body_key or "") + " " + country


def _not_name_head(word: str) -> bool:
    """Whether a word cannot begin a person's name: a preposition with the article ("بالوكالة")."""
    return word.startswith(("بال", "لل", "كال")) and len(word) > 5


#: Sectors of bodies every state has its own of (parties, governments, courts, parliaments).
_SHARED_SECTORS = frozenset({"PTY", "GOV", "JUD", "LEG"})
#: Words that open a name a body of any state may bear ("الحزب الجمهوري", "وزارة الداخلية").
_SHARED_HEADS = frozenset(match_key(w) for w in ["حزب", "الحزب", "حركة", "الحركة", "الحكومة", "حكومة"])


def _shared_names(
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


def _shared_role(role: Role, name: NameSpan) -> Role:
    """A title naming an organisation that :func:`_shared_names` read again: its state's office."""
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


#: Nouns of military units that a number names ("اللواء 444", "الكتيبة 166"), and what may follow it.
_UNIT_NOUNS = frozenset(match_key(w) for w in ["اللواء", "لواء", "الكتيبة", "كتيبة", "الفرقة", "فرقة", "الفوج", "فوج"])
_UNIT_TAILS = frozenset(match_key(w) for w in ["قتال", "مشاة", "مدرع", "مشاه", "مجحفل"])


def _numbered_units(toks: list[Token]) -> Iterator[tuple[int, int]]:
    """Token ranges ``[i, j)`` of a unit noun, a number and an optional kind word ("اللواء 444 قتال")."""
    for i in range(len(toks) - 1):
        key = toks[i].norm
        if key[:1] in "وف" and key[1:] in _UNIT_NOUNS:
            key = key[1:]
        if key in _UNIT_NOUNS and toks[i + 1].norm.isdigit():
            j = i + 2
            if j < len(toks) and toks[j].norm in _UNIT_TAILS:
                j += 1
            yield i, j
