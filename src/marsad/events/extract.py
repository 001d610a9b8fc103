"""Read one document sentence by sentence into events and quotes.

The order of work inside a sentence follows the text: speech cues and triggers are visited
left to right, so a dropped subject ("وأضاف:", "وأعرب عن تعازيه") takes the last named subject
established before it. Then the sentence's drafts are settled: references to an event already
told ("هذا اللقاء", "خلال زيارته") are skipped, what a condemnation or praise is about is folded
into it, violence described inside a quote becomes the speaker's accusation, weak nominal
triggers give way to real ones, and duplicates of the same act merge.
"""

from __future__ import annotations

import bisect
import logging
import re
from dataclasses import dataclass, field
from datetime import date

from marsad import dates
from marsad.document import Document, Event, Quote, Trigger
from marsad.events.arguments import (
    ACTOR_TYPES,
    AGENT,
    PAIR_WORDS,
    PLACE_TYPES,
    SUBJECT_NOUNS,
    ArgumentFinder,
    Discourse,
    Mentions,
    Ref,
    nationality,
)
from marsad.events.coding import actor_code, code_event
from marsad.events.lexicon import Lexicon, conjugate
from marsad.events.quotes import COMPLEMENTIZERS, Cue, find_cues
from marsad.events.triggers import Match, Tok, find_matches, read_modality, readings
from marsad.normalize import match_key

log = logging.getLogger(__name__)

CODER = "events.rules.v1"

_DEMONSTRATIVES = frozenset(match_key(w) for w in ("هذا", "هذه", "ذلك", "تلك", "هذان", "هاتان", "هؤلاء", "ذات", "نفس"))
_FRAME_PREPS = frozenset(
    match_key(w)
    for w in (
        "خلال", "لدى", "عند", "أثناء", "اثناء", "فور", "ختام", "هامش", "مستهل", "بداية", "نهاية",
        "مطلع", "إطار", "اطار", "حصيلة", "عقب", "بعد", "قبل", "منذ", "طيلة", "طوال", "إبان",
    )
)
_BACKGROUND = frozenset(
    match_key(w) for w in ("أعقاب", "إثر", "اثر", "جراء", "خلفية", "عقب", "بسبب", "نتيجة", "ردا", "رداً", "انتقاما")
)
# Function words: a verb right after anything else is in a clause of the noun before it
# ("لافتات تطالب" = banners that demand), so it takes no subject from the discourse.
_FUNCTION = frozenset(
    match_key(w)
    for w in (
        "و", "ف", "ثم", "قد", "لقد", "كما", "حيث", "إن", "أن", "أنه", "أنها", "بأن", "لن", "لم", "لا",
        "ما", "سوف", "كان", "كانت", "إذ", "بينما", "فيما", "عندما", "بعدما", "حين", "حينما", "لكن",
        "ولكن", "بل", "أو", "إنه", "إنها", "إنهم", "أنهم", "بأنه", "بأنها", "الذي", "التي", "الذين",
        "كي", "لكي", "حتى", "أيضا", "بدوره", "بدورها", "جانبه", "جانبها", "جهته", "جهتها", "اليوم",
        "أمس", "مساء", "صباح", "فجر", "يوم", "ليلة", "الثلاثاء", "الأربعاء", "الخميس", "الجمعة",
        "السبت", "الأحد", "الاثنين", "الإثنين", "أخرى", "المقابل", "ذلك", "سياق", "متصل", "ذاته",
        "المقرر", "المتوقع", "المنتظر", "يعتزم", "تعتزم",
    )
)
_NOT_VERBS = frozenset(
    match_key(w)
    for w in ("في", "من", "على", "إلى", "الى", "مع", "بعد", "قبل", "عن", "منذ", "خلال", "وفي", "كما", "وقال", "قال")
)
_PRONOUN_COMP = frozenset(match_key(w) for w in ("أنه", "أنها", "إنه", "إنها", "بأنه", "بأنها", "أنهم", "إنهم", "بأنهم"))
_GROUPS = frozenset(
    match_key(w) for w in ("مجاهدي", "مقاتلي", "عناصر", "قوات", "جنود", "مقاتلو", "مجاهدو", "أفراد", "وحدات")
)
_RELATIVE = frozenset(match_key(w) for w in ("الذي", "التي", "الذين", "اللذين", "اللتين", "اللواتي", "اللاتي"))
_SIDE_MARKERS = (("من", "جانبه"), ("من", "جانبها"), ("من", "جهته"), ("من", "جهتها"), ("بدوره",), ("بدورها",))
_PHONE = frozenset(match_key(w) for w in ("هاتفي", "هاتفيا", "هاتفية", "الهاتف", "هاتفيه", "الهاتفي", "الهاتفية"))
_DURING = frozenset(match_key(w) for w in ("خلاله", "خلالها", "خلالهما", "خلالهم", "خلال"))
_FOLDING_ACTS = ("ACCUSE", "SUPPORT", "REJECT", "CONSULT", "AGREE", "THREATEN", "REQUEST")
_NEEDS_ARGS = frozenset(
    {"CONSULT", "AGREE", "SUPPORT", "ACCUSE", "REQUEST", "REJECT", "THREATEN", "COOPERATE", "CONCEDE", "SANCTION", "AID"}
)
_MATERIAL = frozenset({"ASSAULT", "COERCE", "SANCTION", "MOBILIZE", "AID"})
_NO_CARRY = frozenset({"ASSAULT", "COERCE", "PROTEST", "RETREAT"})
_COUNTED = frozenset({"ASSAULT", "COERCE", "RETREAT", "PROTEST"})
_NUMBER_WORDS = {
    match_key(w): n
    for n, ws in {
        1: ("واحد", "واحدا"), 2: ("اثنين", "اثنان"), 3: ("ثلاثة", "ثلاث"), 4: ("أربعة", "أربع"),
        5: ("خمسة", "خمس"), 6: ("ستة", "ست"), 7: ("سبعة", "سبع"), 8: ("ثمانية", "ثماني"),
        9: ("تسعة", "تسع"), 10: ("عشرة", "عشر"), 20: ("عشرين", "عشرون"), 30: ("ثلاثين", "ثلاثون"),
        40: ("أربعين", "أربعون"), 50: ("خمسين", "خمسون"), 100: ("مئة", "مائة"), 1000: ("ألف",),
    }.items()
    for w in ws
}
_MONTHISH = frozenset(
    match_key(w)
    for w in (
        "يناير", "فبراير", "مارس", "أبريل", "ابريل", "مايو", "يونيو", "يوليو", "أغسطس", "سبتمبر",
        "أكتوبر", "نوفمبر", "ديسمبر", "كانون", "شباط", "آذار", "نيسان", "أيار", "حزيران", "تموز",
        "آب", "أيلول", "تشرين", "عام", "العام", "سنة", "عاما", "سنوات", "ساعة", "يوما", "أيام",
        "دقيقة", "بالمئة", "بالمائة", "%", "شهرا", "أشهر", "كيلومتر", "كم", "متر", "دولار", "مليون",
        "مليار", "هجري", "هـ", "م",
    )
)


@dataclass
class Draft:
    """An event being read, before the sentence-level settling."""

    match: Match
    plover: str
    cameo: str
    mode: str | None
    head_start: int
    trig_start: int
    trig_end: int
    clause_start: int
    clause_end: int
    source: Ref | None = None
    target: Ref | None = None
    location: Ref | None = None
    explicit: bool = False
    carried: bool = False
    symmetric: bool = False
    negated: bool = False
    modality: str = "asserted"
    tense: str = "past"
    background: bool = False
    relative: bool = False  # a verb in a relative clause ("الهجوم الذي استهدف")
    count: int | None = None
    quote_speaker: str | None = None
    converted: bool = False
    extra: dict[str, str] = field(default_factory=dict)

    @property
    def verbal(self) -> bool:
        return self.match.verbal

    @property
    def weak(self) -> bool:
        return self.match.entry.weak


@dataclass(frozen=True, slots=True)
class _Said:
    """A cue's speaker and quote, for attributing allegations and quoted violence."""

    start: int
    speaker: str | None
    quote: tuple[int, int] | None
    direct: bool
    announce: bool = False  # أعلن/قرر: a nominal event right after it is the speaker's act


_ANNOUNCE = conjugate("أعلن", "يعلن") | conjugate("قرر", "يقرر")


def _announces(key: str) -> bool:
    return any(r.verb and r.stem in _ANNOUNCE for r in readings(key, False))


def _published(doc: Document) -> date | None:
    raw = doc.source.published or (doc.dateline.date if doc.dateline else None)
    try:
        return date.fromisoformat(raw) if raw else None
    except ValueError:
        return None


def _bare(key: str) -> str:
    return key[1:] if len(key) > 2 and key[0] in "وف" else key


class DocumentReader:
    """Events and quotes of one document (see the module docstring)."""

    def __init__(self, doc: Document, lex: Lexicon, tokens: list[Tok], *, indirect_quotes: bool = False) -> None:
        self.indirect_quotes = indirect_quotes  # also report "قال إن …" as quotes (direct=False)
        self.doc = doc
        self.lex = lex
        self.tokens = tokens
        self._tok_starts = [t.start for t in tokens]
        self.mentions = Mentions(doc)
        self.disc = Discourse()
        self.published = _published(doc)
        self.dateline_place = self._dateline_place()
        self._side = False  # the sentence opened with "من جانبه" and no subject is named yet
        self.last_date: date | None = None  # the last day the report established
        self._date_words: dict[int, list[tuple[int, int, object]]] = {}  # sentence start → date words

    # -- document ----------------------------------------------------------------------------

    def read(self) -> tuple[list[Event], list[Quote]]:
        events: list[Event] = []
        quotes: list[Quote] = []
        for si, s in enumerate(self.doc.sentences):
            if self.doc.in_boilerplate(s.start, s.end):
                continue
            toks = self._sentence_tokens(s.start, s.end)
            if not toks:
                continue
            drafts, qs = self._read_sentence(s.start, s.end, toks)
            quotes.extend(qs)
            for d in drafts:
                events.append(self._event(f"ev{len(events) + 1}", si, d, s.start, s.end))
        return events, quotes

    def _sentence_tokens(self, a: int, b: int) -> list[Tok]:
        i = bisect.bisect_left(self._tok_starts, a)
        out = []
        while i < len(self.tokens) and self.tokens[i].start < b:
            t = self.tokens[i]
            if t.end <= b and not self.doc.in_boilerplate(t.start, t.end):
                out.append(t)
            i += 1
        return out

    def _dateline_place(self) -> Ref | None:
        dl = self.doc.dateline
        if dl is None:
            return None
        for r in self.mentions.between(dl.start, dl.end):
            if r.type in PLACE_TYPES:
                return r
        if dl.location:
            key = match_key(dl.location)
            for e in self.doc.entities:
                if e.type in PLACE_TYPES and (match_key(e.canonical) == key or any(
                    match_key(m.text) == key for m in e.mentions
                )):
                    m0 = e.mentions[0] if e.mentions else None
                    return Ref(m0.start if m0 else dl.start, m0.end if m0 else dl.end, e.id, e.type)
        return None

    # -- one sentence ------------------------------------------------------------------------

    def _read_sentence(self, s0: int, s1: int, toks: list[Tok]) -> tuple[list[Draft], list[Quote]]:
        text = self.doc.text
        finder = ArgumentFinder(self.doc, self.mentions, s0, s1)
        matches = [m for m in find_matches(toks, self.lex) if m.entry.frame != "stop"]
        cues = find_cues(text, toks, s0, s1)
        # clause boundaries: verbal triggers, cues, colons
        bounds = sorted(
            {toks[m.head].start for m in matches if m.verbal}
            | {c.start for c in cues}
            | {t.start for t in toks if t.key == ":"}
        )
        self._side = self._side_marker(toks)
        self._opening_subject(toks, finder, matches, cues)
        items: list[tuple[int, int, Match | Cue]] = [(toks[m.head].start, 1, m) for m in matches]
        items += [(c.start, 0, c) for c in cues]
        items.sort(key=lambda x: (x[0], x[1]))
        said: list[_Said] = []
        quotes: list[Quote] = []
        drafts: list[Draft] = []
        for pos, _, item in items:
            c_start, c_end = self._clause(bounds, pos, s0, s1)
            if isinstance(item, Cue):
                spk = self._speaker(finder, item, c_start, c_end, said)
                said.append(_Said(item.start, spk, item.quote, item.direct, _announces(toks[item.tok].key)))
                spans = [(item.quote, item.direct)] if item.quote else []
                spans += [(m, True) for m in item.more]
                for span, direct in spans:
                    if span is None or (not direct and not self.indirect_quotes):
                        continue
                    if any(q.start < span[1] and span[0] < q.end for q in quotes):
                        continue
                    a, b = span
                    quotes.append(Quote(a, b, text[a:b], spk, direct, (item.start, item.end)))
                continue
            d = self._draft(item, toks, finder, c_start, c_end, said, drafts)
            if d is not None:
                drafts.append(d)
        return self._settle(drafts, toks, s0, s1, finder), quotes

    @staticmethod
    def _clause(bounds: list[int], pos: int, s0: int, s1: int) -> tuple[int, int]:
        i = bisect.bisect_left(bounds, pos)
        start = bounds[i - 1] if i > 0 else s0
        j = bisect.bisect_right(bounds, pos)
        end = bounds[j] if j < len(bounds) else s1
        return start, end

    def _opening_subject(self, toks: list[Tok], finder: ArgumentFinder, matches: list[Match], cues: list[Cue]) -> None:
        """A sentence that opens with a verb and a named subject ("ويسعى المبعوث هوكستين")
        establishes that subject even when the verb codes no event."""
        words = [i for i, t in enumerate(toks) if t.is_word]
        if len(words) < 2 or words[0] != 0:
            return
        first = toks[0]
        if _bare(first.key) in _FUNCTION or _bare(first.key) in _NOT_VERBS:
            return
        if any(m.head == 0 for m in matches) or any(c.tok == 0 for c in cues):
            return  # the trigger or cue itself will read its subject
        r = finder.subject_after(first.end, finder.end)
        if r is not None and r.type in ("PER", "ORG") and r.start - first.end <= 2:
            self._established(r.entity)

    @staticmethod
    def _side_marker(toks: list[Tok]) -> bool:
        words = [_bare(t.key) for t in toks[:3] if t.is_word]
        return any(tuple(words[: len(m)]) == m for m in _SIDE_MARKERS)

    def _carried(self) -> str | None:
        """The dropped subject: the other party after "من جانبه" (once), else the last subject."""
        if self._side and self.disc.other:
            self._side = False
            return self.disc.other
        return self.disc.subject

    def _established(self, subject: str, other: str | None = None) -> None:
        self._side = False
        self.disc.update(subject, other)

    def _ref_of(self, entity: str | None) -> Ref | None:
        if entity is None:
            return None
        e = self.mentions.entities.get(entity)
        return Ref(-1, -1, entity, e.type if e else "PER")

    def _speaker(
        self, finder: ArgumentFinder, cue: Cue, c0: int, c1: int, said: list[_Said]
    ) -> str | None:
        limit = cue.quote[0] if cue.quote else c1
        if cue.participle:
            return said[-1].speaker if said else self.disc.subject
        subj = finder.subject_after(cue.end, limit)
        if subj is None:
            subj = finder.subject_before(cue.start, c0)
        if subj is not None:
            self._established(subj.entity)
            return subj.entity
        return self._carried()

    def _draft(
        self,
        m: Match,
        toks: list[Tok],
        finder: ArgumentFinder,
        c0: int,
        c1: int,
        said: list[_Said],
        earlier: list[Draft],
    ) -> Draft | None:
        e = m.entry
        plover, mode = code_event(e.cameo, e.plover, e.mode)
        head = toks[m.head]
        t0, t1 = toks[m.trigger[0]].start, toks[m.trigger[1]].end
        before = [_bare(t.key) for t in toks[max(0, m.head - 3):m.head] if t.is_word]
        prev = before[-1] if before else ""
        d = Draft(m, plover, e.cameo, mode, head.start, t0, t1, c0, c1)
        if not m.verbal:
            if prev in _DEMONSTRATIVES or prev in _FRAME_PREPS:
                return None  # a reference to an event told elsewhere, or a time frame
            if any(w in _BACKGROUND for w in before[-2:]):
                d.background = True
        d.relative = m.verbal and prev in _RELATIVE
        if m.verbal and prev in ("ان",) and m.head_reading.stem in m.entry.elements[0].verb and not head.key.startswith(("ي", "ت", "ن")):
            d.extra["masdar"] = "1"  # "وأن قتل الفلسطينيين": a past form after أن is a verbal noun
        quote = next((q for q in reversed(said) if q.quote and q.quote[0] <= t0 < q.quote[1]), None)
        in_direct = quote is not None and quote.direct
        d.quote_speaker = quote.speaker if in_direct and quote else None

        if e.frame == "allege":
            spk = quote.speaker if in_direct and quote else None
            if spk is None:
                return None  # "جرائم", "عدوان" accuse only in someone's own quoted words
            d.source = self._ref_of(spk)
            d.target = self._perpetrator(finder, t1, c1, spk)
            return self._finish(d, toks, finder, earlier)

        agent = finder.agent(head.start, c1)
        if "participle" in e.flags:
            # مؤكداً، متهمةً: the participle's subject is the sentence's subject
            lead = next((x for x in reversed(earlier) if x.verbal and x.source), None)
            d.source = lead.source if lead else self._ref_of(said[-1].speaker if said else self.disc.subject)
            self._objects(d, finder, t1, c1, words=6)
        elif m.verbal:
            self._verbal_roles(d, m, toks, finder, head, agent, quote, in_direct, earlier)
        else:
            gen = finder.genitive_after(t1, c1)
            if e.frame == "passive":
                d.target = gen or finder.target_after(t1, c1, set(), places=False, words=5, partitive=True)
                d.source = agent
            elif head.key.endswith("ا") and m.head_reading.stem + "ا" == _bare(head.key) and earlier:
                d.extra["purpose"] = "1"  # تنديداً بـ، تضامناً مع: why the act before was done
                self._objects(d, finder, t1, c1, words=6)
            else:
                d.source = gen if gen is not None and gen.type in ACTOR_TYPES else agent
                opener = next((q for q in reversed(said) if q.start == c0), None)
                if d.source is None and opener is not None and opener.announce:
                    d.source = self._ref_of(opener.speaker)  # أعلنت الفصائل الإضراب
                self._objects(d, finder, t1, c1, words=6)
        if e.frame in ("visit", "arrive"):
            self._destination(d, finder, head.end if m.verbal else t1, c1)
            if e.frame == "arrive" and d.location is None:
                return None
        return self._finish(d, toks, finder, earlier)

    def _verbal_roles(
        self,
        d: Draft,
        m: Match,
        toks: list[Tok],
        finder: ArgumentFinder,
        head: Tok,
        agent: Ref | None,
        quote: _Said | None,
        in_direct: bool,
        earlier: list[Draft],
    ) -> None:
        """Source and target of a trigger headed by a verb (see the module docstring)."""
        frame = m.entry.frame
        c0, c1 = d.clause_start, d.clause_end
        subj = finder.subject_after(head.end, c1)
        if subj is not None and frame in ("visit", "arrive") and subj.type in PLACE_TYPES:
            subj = None  # يزور موسكو: the place after a visit verb is where, not who
        obj: Ref | None = None
        shared = None
        if len(head.key) > 3 and head.key[0] in "وف" and not d.relative:
            shared = next((x for x in reversed(earlier) if x.verbal and not x.relative and x.source), None)
        if shared is not None and subj is not None and subj.entity != shared.source.entity:  # type: ignore[union-attr]
            obj, subj = subj, None  # أدان X …، وحمّل Y: a coordinated verb keeps the subject
        after = head.end
        co: Ref | None = None
        if subj is not None:
            after, co = finder.chain(subj)
        elif d.relative:
            subj = self._antecedent(finder, toks, m.head)
        elif shared is None:
            subj = finder.subject_before(head.start, c0)
        prev_words = [t for t in toks[max(0, m.head - 2):m.head] if t.is_word or t.key in ("،", ",", ":")]
        prev = prev_words[-1] if prev_words else None
        prev_key = _bare(prev.key) if prev is not None and prev.is_word else ""
        spoken = None
        if subj is None and prev_key in _PRONOUN_COMP:
            spoken = self._ref_of(quote.speaker if quote else self.disc.subject)  # أعلن X أنه أطلق
        elif subj is None and prev_key and any(
            prev_key.endswith(sfx) and prev_key[: -len(sfx)] in _GROUPS for sfx in ("ها", "ه", "هم")
        ):
            spoken = self._ref_of(self.disc.subject)  # أن مجاهديها استهدفوا: its fighters
        attributive = (
            subj is None and spoken is None and prev is not None and prev.is_word
            and prev_key not in _FUNCTION and prev.start > c0 and not prev_key.isdigit()
            and not (len(head.key) > 3 and head.key[0] in "وف")
        )
        if attributive and not _bare(head.key).startswith(("ي", "ت", "ن", "ا")):
            d.extra["masdar"] = "1"  # "يرافقه فرض الحصار": a bare past form after a noun or verb is a noun
        nxt = finder.next_word(head.end)
        bare_nxt = nxt[2:] if nxt.startswith("ال") else nxt
        pair = subj is None and shared is None and (nxt in PAIR_WORDS or self._dual(m))
        if frame == "passive":
            d.target = subj or obj or finder.target_after(after, c1, set(), places=False)
            d.source = agent
            return
        if frame == "called":
            d.source = next(
                (r for r in finder.refs if d.trig_end <= r.start < c1 and finder.prep(r) == "من"), None
            )
            d.target = subj or (shared.source if shared else None)
            d.explicit = subj is not None
            if d.target is None and not in_direct:
                d.target = self._ref_of(self._carried())
            return
        d.source, d.explicit = subj, subj is not None
        if agent is not None and agent != subj:
            d.target, d.source = subj, agent
        if d.source is None:
            if spoken is not None:
                d.source = spoken
            elif shared is not None:
                d.source = shared.source
            elif pair and self.disc.pair is not None:
                d.source, d.target = self._ref_of(self.disc.pair[0]), self._ref_of(self.disc.pair[1])
                d.symmetric = True
            elif nxt in SUBJECT_NOUNS or bare_nxt in SUBJECT_NOUNS or d.relative or attributive:
                pass  # its subject is a phrase that names no entity
            elif in_direct:
                if head.key[:1] in ("ن", "ا") or _bare(head.key)[:1] in ("ن",):
                    d.source = self._ref_of(quote.speaker if quote else None)
            elif d.plover not in _NO_CARRY:
                d.source = self._ref_of(self._carried())
                d.carried = d.source is not None
        if d.target is None and obj is not None:
            d.target = obj
        if frame == "sym" and co is not None and d.target is None:
            d.target, d.symmetric = co, True
        self._objects(d, finder, max(after, head.end), c1)
        if frame == "sym" and d.target is None and d.source is not None and self.disc.pair:
            a, b = self.disc.pair
            if d.source.entity in (a, b):
                d.target = self._ref_of(b if d.source.entity == a else a)  # وبحث معه: the other party
                d.symmetric = True
        if d.explicit and d.source is not None and not in_direct and d.source.type in ACTOR_TYPES:
            self._established(d.source.entity, d.target.entity if d.target else None)

    @staticmethod
    def _dual(m: Match) -> bool:
        """A dual verb (بحثا، يبحثان): its subject is the two parties already named."""
        stem, forms = m.head_reading.stem, m.entry.elements[0].verb
        return (stem.endswith("ا") and stem[:-1] in forms) or (stem.endswith("ان") and stem[:-2] in forms)

    def _antecedent(self, finder: ArgumentFinder, toks: list[Tok], head: int) -> Ref | None:
        """The noun a relative pronoun refers to: the mention right before الذي/التي."""
        if head == 0:
            return None
        rel = toks[head - 1]
        r = self.mentions.last_before(rel.start, finder.start)
        if r is not None and not re.sub(r"[\s،,\"«»“”()]", "", self.doc.text[r.end:rel.start]):
            return r
        return None

    def _objects(self, d: Draft, finder: ArgumentFinder, a: int, b: int, words: int = 8) -> None:
        """Target: a pair after بين (symmetric), else the first object or prepositional target.

        The search stops at a complementizer: what follows أن/إن is another proposition.
        """
        if d.target is not None:
            return
        b = self._before_complementizer(a, b)
        pair = finder.between_pair(a, b)
        if pair is not None:
            x, y = pair
            if d.source is None:
                d.source, d.target = x, y
            else:
                d.target = self._other_side(d.source, x, y)
            d.symmetric = True
            return
        exclude = {d.source.entity} if d.source else set()
        places = d.match.entry.frame not in ("host",)
        d.target = finder.target_after(a, b, exclude, places=places, words=words, counted_from=d.trig_end)

    def _before_complementizer(self, a: int, b: int) -> int:
        for t in self._sentence_tokens(a, b):
            if t.key in COMPLEMENTIZERS:
                return t.start
        return b

    def _other_side(self, source: Ref, x: Ref, y: Ref) -> Ref:
        ents = self.mentions.entities
        sc = ents[source.entity].country if source.entity in ents else None
        xc = ents[x.entity].country if x.entity in ents else None
        if source.entity == x.entity or (sc and sc == xc):
            return y
        return x

    def _perpetrator(self, finder: ArgumentFinder, a: int, b: int, speaker: str) -> Ref | None:
        for r in finder.refs:
            if a <= r.start < b and r.entity != speaker and r.type in ACTOR_TYPES and finder.prep(r) in (None, AGENT):
                return r
        return None

    def _destination(self, d: Draft, finder: ArgumentFinder, a: int, b: int) -> None:
        """A visit's place: its location; the place's country is the visit's target."""
        place = None
        for r in finder.refs:
            if a <= r.start < b and r.type in PLACE_TYPES and finder.prep(r) in (None, "الي", "ل"):
                place = r
                break
        if place is None:
            return
        d.location = place
        if d.target is None or d.target == place or d.target.type in PLACE_TYPES:
            ent = self.mentions.entities.get(place.entity)
            country = self.mentions.country_entity(ent.country if ent else None)
            d.target = self._ref_of(country.id) if country is not None else place

    def _finish(self, d: Draft, toks: list[Tok], finder: ArgumentFinder, earlier: list[Draft]) -> Draft:
        demanded = any(
            x.plover == "REQUEST" and x.verbal and x.clause_start <= d.head_start and x.head_start < d.head_start
            and d.head_start < x.clause_end
            for x in earlier
        )
        mod = read_modality(toks, d.match, demanded and d.plover != "REQUEST")
        if d.match.entry.frame == "allege":
            d.negated, d.modality, d.tense = False, "asserted", "past"
        else:
            d.negated, d.modality, d.tense = mod.negated, mod.modality, mod.tense
        if d.location is None:
            d.location = (
                finder.place_after(d.clause_start, d.clause_end)
                or finder.place_after(finder.start, finder.end)
                or self.dateline_place
            )
        self._nationalities(d, toks)
        if d.plover in ("ASSAULT", "COERCE") and d.target is None and d.location is not None:
            # an attack with no named victim is coded against the place's country (CAMEO usage)
            ent = self.mentions.entities.get(d.location.entity)
            country = self.mentions.country_entity(ent.country if ent else None)
            if country is not None:
                d.target = self._ref_of(country.id)
                d.extra["target_from_place"] = "1"
        if (
            d.plover in ("CONSULT", "AGREE", "COOPERATE") and d.source is not None and d.target is not None
            and d.source.entity != d.target.entity and not d.quote_speaker
            and (d.source.type == "GPE") == (d.target.type == "GPE")
            and d.source.type in ACTOR_TYPES and d.target.type in ACTOR_TYPES
        ):
            self.disc.pair = (d.source.entity, d.target.entity)  # "الجانبان" will mean these two
        if d.plover in _COUNTED:
            d.count = self._count(toks, d)
        return d

    def _nationalities(self, d: Draft, toks: list[Tok]) -> None:
        """Doers and targets named only by a nationality adjective ("غارة إسرائيلية")."""
        m = d.match
        if d.source is None and d.plover in _MATERIAL:
            near = list(range(m.trigger[1] + 1, min(len(toks), m.trigger[1] + 5)))
            if m.verbal:
                near = [i for i in range(max(0, m.head - 3), m.head) if toks[i].start >= d.clause_start]
                if m.head + 1 < len(toks) and _bare(toks[m.head + 1].key).removeprefix("ال") in SUBJECT_NOUNS:
                    near += list(range(m.head + 2, min(len(toks), m.head + 5)))
            ent = self._nation_entity(toks, near)
            if ent is not None:
                d.source = ent
        if d.target is None and d.plover in ("ACCUSE", "PROTEST", "REJECT", "THREATEN", "SUPPORT"):
            near = list(range(m.trigger[1] + 1, min(len(toks), m.trigger[1] + 5)))
            ent = self._nation_entity(toks, near)
            if ent is not None and (d.source is None or ent.entity != d.source.entity):
                d.target = ent

    def _nation_entity(self, toks: list[Tok], idx: list[int]) -> Ref | None:
        for i in idx:
            c = nationality(toks[i].key)
            if c:
                e = self.mentions.country_actor(c)
                return self._ref_of(e.id) if e is not None else None
        return None

    def _count(self, toks: list[Tok], d: Draft) -> int | None:
        lo, hi = d.match.trigger[0] - 3, d.match.trigger[1] + 8
        for i in range(max(0, lo), min(len(toks), hi)):
            t = toks[i]
            if not (d.clause_start <= t.start < d.clause_end):
                continue
            k = _bare(t.key)
            n = int(k) if k.isdecimal() and k.isascii() else _NUMBER_WORDS.get(k)
            if n is None:
                continue
            nxt = _bare(toks[i + 1].key) if i + 1 < len(toks) else ""
            prv = _bare(toks[i - 1].key) if i > 0 else ""
            if nxt in _MONTHISH or prv in _MONTHISH or n > 100000 or n == 0:
                continue
            if nxt in _NUMBER_WORDS and n < 100:
                continue
            return n
        return None

    # -- settling a sentence -----------------------------------------------------------------

    def _settle(
        self, drafts: list[Draft], toks: list[Tok], s0: int, s1: int, finder: ArgumentFinder
    ) -> list[Draft]:
        kept = self._fold(drafts, s1)
        # violence told in a direct quote is the speaker's accusation
        for d in kept:
            spk = d.quote_speaker
            masdar = not d.verbal or "masdar" in d.extra
            if spk and masdar and d.plover in ("ASSAULT", "COERCE", "SANCTION") and (d.source is None or d.source.entity != spk):
                d.target = d.source
                d.source = self._ref_of(spk)
                d.plover, d.cameo, d.mode = "ACCUSE", "112", "disapprove"
                d.converted, d.negated, d.modality, d.count = True, False, "asserted", None
        # casualties are the outcome of the attack told in the same sentence
        attacks = [d for d in kept if d.plover == "ASSAULT" and d.match.entry.frame != "passive"]
        if attacks:
            for d in [d for d in kept if d.plover == "ASSAULT" and d.match.entry.frame == "passive"]:
                host = attacks[0]
                host.count = host.count if host.count is not None else d.count
                if d.target is not None and (host.target is None or "target_from_place" in host.extra):
                    host.target = d.target
                    host.extra.pop("target_from_place", None)
                kept.remove(d)
        # a purpose ("تنديداً بـ …") belongs to the act before it
        for d in [d for d in kept if "purpose" in d.extra]:
            host = next((x for x in reversed(kept) if x is not d and x.head_start < d.head_start), None)
            if host is not None:
                if host.target is None or "target_from_place" in host.extra:
                    host.target = d.target or host.target
                kept.remove(d)
        kept = [d for d in kept if self._informative(d)]
        # weak triggers only when nothing stronger is in the sentence, and once
        if any(not d.weak and not d.background for d in kept):
            kept = [d for d in kept if not d.weak]
        else:
            first_weak = next((d for d in kept if d.weak), None)
            kept = [d for d in kept if not d.weak or d is first_weak]
        # the same act told twice in one sentence: keep the first, fill its gaps from the twin
        out: list[Draft] = []
        for d in kept:
            twin = next((o for o in out if self._same_act(o, d, toks)), None)
            if twin is None:
                out.append(d)
                continue
            twin.target = twin.target or d.target
            twin.source = twin.source or d.source
            twin.location = twin.location or d.location
            twin.count = twin.count or d.count
        # a consultation by phone
        for d in out:
            if d.plover == "CONSULT" and d.cameo not in ("041",):
                lo, hi = max(d.clause_start, s0), min(d.clause_end, s1)
                if any(_bare(t.key) in _PHONE for t in toks if lo <= t.start < hi):
                    d.cameo, d.mode = "041", "phone"
        return out

    def _fold(self, drafts: list[Draft], s1: int) -> list[Draft]:
        """What a statement, meeting or agreement is about is part of it ("أدان الهجوم").

        A nominal event (or a verb in a relative clause) in the clause of such an act is folded
        into it, and its doer becomes the act's target when the act names none. Attacks told
        with a finite verb ("الهجمات التي شنتها واشنطن") stay events of their own.
        """
        acts = [
            d for d in drafts
            if (d.verbal or "participle" in d.match.entry.flags) and not d.relative and d.plover in _FOLDING_ACTS
        ]
        kept: list[Draft] = []
        for d in drafts:
            host = None
            if (not d.verbal or d.relative) and not d.background:
                for a in acts:
                    if a is d or not (a.head_start < d.head_start):
                        continue
                    later = [x.head_start for x in drafts if x.verbal and not x.relative and x.head_start > a.head_start]
                    if d.head_start < min(later + [a.clause_end if not d.relative else s1]):
                        host = a
            if host is None:
                kept.append(d)
                continue
            doer = d.source
            weak_target = host.target is None or host.target.type in PLACE_TYPES
            if weak_target and doer is not None and (host.source is None or doer.entity != host.source.entity):
                host.target = doer
            if d.relative or "fact" in d.match.entry.flags:
                kept.append(d)
        return kept

    def _informative(self, d: Draft) -> bool:
        """Drop what says nothing about anyone: a nominal diplomatic act with no party, concern
        voiced at nobody, a casualty report with no number and no one named."""
        if not d.verbal and d.plover in _NEEDS_ARGS and d.source is None and d.target is None:
            return False
        if d.plover == "ACCUSE" and d.cameo == "110" and d.target is None:
            return False
        placed = "target_from_place" in d.extra
        casualty = not d.verbal and d.match.entry.frame == "passive" and d.plover == "ASSAULT"
        return not (casualty and d.count is None and d.source is None and (d.target is None or placed))

    @staticmethod
    def _same_act(a: Draft, b: Draft, toks: list[Tok]) -> bool:
        """Two drafts of one act: same type and parties, and not two distinct verbs — unless
        the second is told "خلاله" (during the first)."""
        if a.plover != b.plover or a.background != b.background:
            return False
        if a.verbal and b.verbal and a.cameo != b.cameo and not b.converted and not a.converted:
            after = [_bare(t.key) for t in toks[b.match.head + 1:b.match.head + 3]]
            if not any(w in _DURING for w in after):
                return False
        sa, sb = (a.source.entity if a.source else None), (b.source.entity if b.source else None)
        ta, tb = (a.target.entity if a.target else None), (b.target.entity if b.target else None)
        if sa != sb and sa is not None and sb is not None:
            return False
        return ta == tb or ta is None or tb is None

    # -- the event ---------------------------------------------------------------------------

    def _event(self, eid: str, si: int, d: Draft, s0: int, s1: int) -> Event:
        ents = self.mentions.entities
        src = ents.get(d.source.entity) if d.source else None
        tgt = ents.get(d.target.entity) if d.target else None
        when, span = self._date(d, s0, s1)
        conf = 0.55
        conf += 0.15 if d.source is not None else 0.0
        conf += 0.1 if d.target is not None else 0.0
        conf -= 0.15 if d.weak else 0.0
        conf -= 0.05 if not d.verbal else 0.0
        conf -= 0.1 if d.carried else 0.0
        conf -= 0.1 if d.converted else 0.0
        return Event(
            id=eid,
            plover=d.plover,
            trigger=Trigger(d.trig_start, d.trig_end, self.doc.text[d.trig_start:d.trig_end]),
            sentence=si,
            cameo=d.cameo,
            mode=d.mode,
            source=src.id if src else None,
            target=tgt.id if tgt else None,
            source_actor=actor_code(src),
            target_actor=actor_code(tgt),
            location=d.location.entity if d.location and d.location.entity in ents else None,
            date=when,
            date_span=span,
            negated=d.negated,
            modality=d.modality,  # type: ignore[arg-type]
            count=d.count,
            confidence=round(max(0.05, min(0.95, conf)), 2),
            background=d.background,
            symmetric=d.symmetric,
            coder=CODER,
        )

    def _date(self, d: Draft, s0: int, s1: int) -> tuple[str | None, tuple[int, int] | None]:
        """The date words nearest the trigger in its sentence, resolved to a day.

        Without date words, an asserted event takes the last date the report established
        (the call "مساء أمس" and what was said in it share a day), else the publication date.
        Weeks, months and years are kept as the span but give no day.
        """
        if d.background:
            return None, None
        text = self.doc.text
        found = self._date_words.get(s0)
        if found is None:
            found = [(dm.start, dm.end, dm) for dm in dates.find_dates(text, s0, s1, reference=self.published)]
            found += [(rel.start, rel.end, rel) for rel in dates.find_relative(text, s0, s1)]
            found = [f for f in found if not match_key(text[max(s0, f[0] - 6):f[0]]).strip().endswith("منذ")]
            self._date_words[s0] = found

        def distance(f: tuple[int, int, object]) -> tuple[int, int]:
            inside = d.clause_start <= f[0] < d.clause_end
            gap = f[0] - d.trig_end if f[0] >= d.trig_end else d.trig_start - f[1]
            return (0 if inside else 1, abs(gap))

        if found:
            a, b, obj = min(found, key=distance)
            if isinstance(obj, dates.DateMention):
                day = obj.date if obj.precision == "day" else None
            elif getattr(obj, "unit", "day") != "day":
                day = None
            else:
                tense = "future" if d.tense == "future" else "past"
                day = dates.resolve(obj, self.published, tense)  # type: ignore[arg-type]
            if day is not None and d.modality == "asserted" and not d.converted:
                self.last_date = day
            return (day.isoformat() if day else None), (a, b)
        if d.modality in ("future", "hypothetical", "demanded"):
            return None, None
        day = self.last_date or self.published
        return (day.isoformat() if day else None), None
