"""Who did an act when no subject follows its trigger: the owner of a verbal noun, the subject
of a light verb ("نفذت القوات … إنزالات"), an announcer, a caller, a relative clause's doer."""

from __future__ import annotations

import bisect
import itertools
import re

from marsad.entities.titled_people import TITLE_HEADS
from marsad.events.arguments import (
    ACTOR_TYPES,
    PLACE_TYPES,
    ArgumentFinder,
    Ref,
    fillers_only,
    nationality,
)
from marsad.events.coding import code_event
from marsad.events.drafts import Draft, Said, possessed, tok_start
from marsad.events.quotes import COMPLEMENTIZERS
from marsad.events.subjects import SubjectTracking
from marsad.events.triggers import _WORD_RE, Match, Tok, readings
from marsad.events.vocabulary import (
    AIRCRAFT,
    AN,
    ANNOUNCED,
    ANNOUNCED_ACTS,
    CALLED_BY,
    CAUSE,
    FRAME_NOUNS,
    FRAME_PREPS,
    LIGHT,
    LIGHT_NOUNS,
    NOT_OBJECT_L,
    NUMBER_WORDS,
    PEOPLE_COUNTS,
    PRONOUN_COMP,
    QUANTITY,
    RELATIVE,
    SPAN_WORDS,
    SPOKESMEN,
    TIME_FILLERS,
    announces,
    bare,
    is_light_verb,
    keys_before,
)
from marsad.normalize import match_key

# adjectives of an attack noun that may stand between it and "شنها X": "غارات جوية شنها"
AIR_ADJECTIVES = frozenset(
    match_key(w)
    for w in (
        "جوية", "جويه", "جوي", "صاروخية", "صاروخي", "مدفعية", "عنيفة", "مكثفة", "عسكرية", "عسكري",
        "إرهابية", "ارهابية", "انتحارية", "مسلحة", "متتالية", "جديدة", "دامية",
    )
)


# "يؤدي زيارة", "أدت صلاة": a light verb only right before its noun ("أدى إلى" is "led to")
PERFORM = frozenset(match_key(w) for w in ("أدى", "أدت", "أدوا", "يؤدي", "تؤدي", "يؤدون", "يؤديان", "تؤديان"))


# "والوفد المرافق له": who travels with the subject
ENTOURAGE = frozenset(match_key(w) for w in ("الوفد", "والوفد", "المرافق", "المرافقة", "المرافقين", "له", "لها", "لهم"))


def received_call(earlier: list[Draft]) -> Draft | None:
    """The last call of the sentence told from its receiver's side ("تلقى X اتصالاً من Y"),
    with its caller named."""
    return next(
        (x for x in reversed(earlier) if x.match.entry.frame == "called" and x.source is not None), None
    )


def dual_verb(m: Match) -> bool:
    """A dual verb (بحثا، يبحثان): its subject is the two parties already named."""
    stem, forms = m.head_reading.stem, m.entry.elements[0].verb
    if stem.endswith("نا") and stem[:-2] in forms:
        return False  # "طلبنا": "we asked", not a dual
    return (stem.endswith("ا") and stem[:-1] in forms) or (stem.endswith("ان") and stem[:-2] in forms)


class DoerFinding(SubjectTracking):
    """Finders of an act's doer away from its trigger (see the module docstring)."""

    def _subject_before_frame(self, finder: ArgumentFinder, pos: int) -> Ref | None:
        """"طلب الإيرانيون خلال تفاوضهم مع X": with no doer after the frame, the actor named
        right before it (no preposition, at most two words between) owns the framed meeting."""
        r = next((r for r in reversed(finder.refs) if r.end <= pos), None)
        if r is None or r.start < finder.start or r.type not in ACTOR_TYPES or finder.prep(r) is not None:
            return None
        if len(keys_before(self.doc.text, r.end, pos)) > 2:
            return None
        return r

    def _reported_subject(self, finder: ArgumentFinder, toks: list[Tok], head: int, said: list[Said]) -> Ref | None:
        """A spokesman's report ("وصرح المتحدث الرسمي بأن الرئيس السيسي استعرض …، مشدداً"):
        the participle belongs to the reported subject, not to the spokesman."""
        cue = next((q for q in reversed(said) if not q.participle), None)
        if cue is None:
            return None
        k = next(
            (i for i in range(head - 1, -1, -1) if toks[i].start > cue.start and toks[i].key in COMPLEMENTIZERS),
            None,
        )
        if k is None:
            return None
        lead = match_key(self.doc.text[cue.start:toks[k].start])
        if not any(w in lead for w in SPOKESMEN):
            return None
        r = finder.subject_after(toks[k].end, toks[head].start)
        return r if r is not None and r.entity != cue.speaker else None

    def _nominal_owner(
        self, m: Match, toks: list[Tok], finder: ArgumentFinder, said: list[Said], earlier: list[Draft], c0: int
    ) -> Ref | None:
        """Whose act a verbal noun is when no name follows it.

        The speaker of the cue that opens its clause ("أعلنت الفصائل الإضراب", "وقالت الوزارة في
        رسالتين"); the subject of a light verb before it ("نفذت القوات المسلحة … خمسة إنزالات");
        and for a noun with a possessive pronoun ("تجدد مطالبتها"، "أكد الوزيران رفضهما") the
        sentence's subject.
        """
        h = m.head
        if h >= 2 and toks[h - 1].key in ("الي", "علي"):
            # "دفع الولايات المتحدة وبريطانيا إلى شن ضربات": the one made to act
            for r in reversed([r for r in finder.refs if r.end <= toks[h - 1].start and r.type in ACTOR_TYPES]):
                words = keys_before(self.doc.text, max(finder.start, r.start - 25), r.start)
                if words and any(rd.verb and rd.stem in CAUSE for rd in readings(words[-1], False)):
                    return r
        opener = next((q for q in reversed(said) if q.start == c0 and not q.participle), None)
        if opener is not None and opener.speaker:
            first = bisect.bisect_right(toks, opener.start, hi=h, key=tok_start)  # toks run in order
            between = [
                t for t in toks[first:h]
                if t.is_word and not any(r.start <= t.start < r.end for r in finder.refs)
            ]
            violent = code_event(m.entry.cameo, m.entry.plover)[0] in ("ASSAULT", "COERCE") and not opener.announce
            if len(between) <= 3 and not any(t.key in COMPLEMENTIZERS for t in between) and not violent:
                # (not "ووصف آل عمرو حادث التفجير بأنه …": who describes an attack did not make it)
                return self._ref_of(opener.speaker)
            if opener.announce and code_event(m.entry.cameo, m.entry.plover)[0] in ANNOUNCED:
                return self._ref_of(opener.speaker)  # "أعلن المتحدث أن شحنة المساعدات دخلت غزة"  # أعلنت الفصائل الإضراب، قالت الوزارة في رسالتين
        light = self._light_doer(m, toks, finder, said, c0) or self._announcer(m, toks, finder, said, c0)
        if light is not None:
            return light
        if possessed(m, toks[h]):
            if h >= 1 and bare(toks[h - 1].key) in FRAME_PREPS:
                framed = self._subject_before_frame(finder, toks[h].start)
                if framed is not None:
                    return framed  # "طلب الإيرانيون خلال تفاوضهم مع X": the subject just named
            lead = next((x for x in reversed(earlier) if x.verbal and x.source), None)
            if lead is not None:
                return lead.source
            if said and said[-1].speaker:
                return self._ref_of(said[-1].speaker)
            return self._ref_of(self.disc.subject)
        return None


    def _announcer(
        self, m: Match, toks: list[Tok], finder: ArgumentFinder, said: list[Said], c0: int
    ) -> Ref | None:
        """"أعلنت قوات الأمن في وقت سابق عن اعتقال العشرات": the announcer of an act (arrest,
        strike, aid) is its doer, across time or date words and "عن" — nothing else between."""
        h = m.head
        if code_event(m.entry.cameo, m.entry.plover)[0] not in ANNOUNCED_ACTS or h < 3 or bare(toks[h - 1].key) != AN:
            return None
        i = h - 2
        while i >= 0 and toks[i].start >= c0 and (bare(toks[i].key) in TIME_FILLERS or toks[i].key.isdigit()):
            i -= 1
        if i < 1 or i == h - 2:
            return None  # no time filler: the plain cases are read elsewhere
        subject = next((r for r in finder.refs if r.start <= toks[i].start < r.end), None)
        if subject is None or subject.type not in ACTOR_TYPES or subject.start < c0:
            return None
        v = bisect.bisect_left(toks, subject.start, hi=i, key=tok_start) - 1
        return subject if v >= 0 and toks[v].is_word and announces(toks[v].key) else None

    def _light_doer(
        self, m: Match, toks: list[Tok], finder: ArgumentFinder, said: list[Said], c0: int
    ) -> Ref | None:
        """The doer of a verbal noun that is the object of a light verb: its subject ("نفذت
        القوات خمسة إنزالات", "تمكنت قوات الأمن من اعتقال"), told before it ("طيران التحالف
        تدخل وتمكن من قتل"), or the speaker when a pronoun stands for it ("أنها تمكنت من")."""
        h = m.head
        for i in range(h - 1, max(-1, h - 20), -1):
            t = toks[i]
            light = is_light_verb(t.key) or (i == h - 1 and bare(t.key) in PERFORM)
            if t.start < c0 and not light:
                break
            if light:
                r = finder.subject_after(t.end, toks[h].start) or finder.title_subject(t.end, toks[h].start, self._is_trigger_word)
                if r is not None:
                    end, _ = finder.chain(r)
                    gap = [
                        w for w in keys_before(self.doc.text, end, toks[h].start)
                        if w not in NUMBER_WORDS and w not in QUANTITY and w not in LIGHT_NOUNS and w not in FRAME_NOUNS
                        and w not in TIME_FILLERS and w not in SPAN_WORDS and not w.isdigit()
                    ]
                    if fillers_only(" ".join(gap), titles=True):
                        return r  # "نفذت القوات المسلحة، اليوم، خمسة إنزالات": its object
                    if self._subject_phrase(finder, end, toks[h].start):
                        return r  # "شن الفريق خليفة حفتر القائد العام للجيش …، هجوماً حاداً"
                elif i > 0 and bare(toks[i - 1].key) in PRONOUN_COMP:
                    # "ذكرت الوزارة أنها تمكنت من اعتقال …": the speaker did it
                    cue = next((q for q in reversed(said) if q.start < t.start and q.speaker), None)
                    if cue is not None:
                        return self._ref_of(cue.speaker)
                elif i > 0 and bare(toks[i - 1].key) in RELATIVE and (r := self._antecedent(finder, toks, i)) is not None:
                    if r.type in ACTOR_TYPES:
                        return r  # "كازنوف الذي يؤدي زيارة", "حركة الشباب التي شنت عدداً من الهجمات"
                elif i > 0 and toks[i - 1].start >= c0:
                    r = finder.subject_before(t.start, c0) or finder.group_subject(t.start, c0)
                    if r is not None:
                        return r  # "طيران التحالف تدخل وتمكن من قتل": the subject told before the verb
                if t.key in LIGHT_NOUNS:
                    continue  # "قررت السلطات تمديد حالة الطوارئ": the verb of the verbal noun decides
                break
        return None

    def _subject_phrase(self, finder: ArgumentFinder, a: int, b: int) -> bool:
        """The words between a light verb's named subject and its noun still describe the
        subject: an apposition closed by a comma ("حفتر القائد العام للجيش الموالي للسلطات
        الشرعية في ليبيا، هجوماً") or an entourage ("فانديلاو والوفد المرافق له بزيارة").
        Twelve words at most, no complementizer, quotation mark, colon or named actor of its own."""
        gap = self.doc.text[a:b]
        words = [bare(match_key(w)) for w in _WORD_RE.findall(gap)]
        if not words or len(words) > 12 or re.search(r"[:«»\"“”.؛]", gap):
            return False
        if any(w in COMPLEMENTIZERS or w in RELATIVE for w in words):
            return False
        if any(r.type in ACTOR_TYPES and finder.prep(r) is None for r in finder.refs if a <= r.start < b):
            return False  # another actor without a preposition: the object, or a subject of its own
        if all(w in ENTOURAGE for w in words):
            return True
        return gap.rstrip().endswith(("،", ",")) and words[0] not in ENTOURAGE and not gap.lstrip().startswith(("،", ","))

    def _from_doer(self, finder: ArgumentFinder, t1: int, c1: int) -> Ref | None:
        """"لهجوم من قوات النظام", "قصف عنيف من الجيش": an attack noun, at most one adjective,
        then من and an actor at once — the attack came from it (not a crowd's "من": "عشرات من")."""
        words = list(itertools.islice(_WORD_RE.finditer(self.doc.text, t1, c1), 3))
        k = next((n for n, w in enumerate(words) if bare(match_key(w.group())) == "من"), None)
        if k is None or k > 1 or (k == 1 and not match_key(words[0].group()).startswith("ال") and not words[0].group().endswith(("ة", "ي"))):
            return None
        if k == 1 and (words[0].group().isdigit() or (w0 := bare(match_key(words[0].group()))) in NUMBER_WORDS or w0 in PEOPLE_COUNTS):
            return None
        r = next((r for r in finder.refs if r.start >= words[k].end()), None)
        if r is None or r.start >= c1 or r.type not in ACTOR_TYPES - {"GPE"} or self.doc.text[words[k].end():r.start].strip():
            return None
        return r

    def _relative_light_doer(self, finder: ArgumentFinder, t1: int, c1: int) -> Ref | None:
        """"غارات شنها طيران التحالف", "ضربات نفذتها مقاتلات X": a light verb right after the
        attack noun carries it as an object pronoun, so the actor named after the verb (the
        aircraft words before it aside) did it."""
        m = _WORD_RE.search(self.doc.text, t1, c1)
        if m is not None and not self.doc.text[t1:m.start()].strip() and bare(match_key(m.group())) in AIR_ADJECTIVES:
            t1 = m.end()  # "غارات جوية شنها التحالف": one adjective between
            m = _WORD_RE.search(self.doc.text, t1, c1)
        if m is None or self.doc.text[t1:m.start()].strip():
            return None  # the verb must follow the noun at once
        k = bare(match_key(m.group()))
        stem = next((k[: -len(sfx)] for sfx in ("هما", "ها", "هم", "ه") if k.endswith(sfx) and len(k) > len(sfx) + 1), None)
        if stem is None or stem not in LIGHT:
            return None
        r = next((r for r in finder.refs if r.start >= m.end()), None)
        if r is None or r.start >= c1 or r.type not in ACTOR_TYPES or finder.prep(r) is not None:
            return None
        gap = [match_key(w) for w in _WORD_RE.findall(self.doc.text, m.end(), r.start)]
        if any(w not in AIRCRAFT for w in gap):
            return None
        return r

    def _protest_roles(self, d: Draft, finder: ArgumentFinder, toks: list[Tok], m: Match) -> None:
        """Protests: the organiser called it ("بدعوة من X"); the target is who it faces
        ("أمام مقر X", "ضد X"), never the place where it happens."""
        if d.target is not None and d.target.type in PLACE_TYPES:
            d.target = None
        if d.source is None:
            for r in finder.refs:
                if r.type in ACTOR_TYPES and finder.prep(r) == "من":
                    words = keys_before(self.doc.text, max(finder.start, r.start - 30), r.start)
                    if len(words) >= 2 and words[-2] in CALLED_BY:
                        d.source = r
                        break

    def _captor(self, finder: ArgumentFinder, gen: Ref, limit: int) -> bool:
        """Whether the genitive after a detention noun is its doer: an object follows it
        ("احتجاز داعش لرهائن"), or the genitive is an armed group and a count of people
        follows within a few words ("احتجاز «داعش» عقب هجومه … عشرات العائلات")."""
        if gen.type not in ACTOR_TYPES - {"GPE"}:
            return False
        end = finder.chain(gen)[0]
        words = [match_key(w.group()) for w in itertools.islice(re.finditer(r"[\w\u064b-\u065f]+", self.doc.text[end:limit]), 9)]
        if not words:
            return False
        first = words[0]
        if first.startswith("ل") and not first.startswith("لل") and first not in NOT_OBJECT_L and len(first) > 3:
            return True
        ent = self.mentions.entities.get(gen.entity)
        actor = (ent.actor or "") if ent is not None else ""
        armed = actor.startswith("IMG") or actor[3:6] in ("REB", "INS")
        return armed and any(w in PEOPLE_COUNTS or w.isdigit() for w in words)

    def _described_person(self, finder: ArgumentFinder, pos: int, limit: int, title_only: bool = False) -> Ref | None:
        """A person named right after a verb behind one or two definite nouns that are no
        title the recognizer knows ("فطالب المحامي طارق شنب"): a subject candidate. With
        ``title_only``, behind one word that is a person's title or calling ("انتقد المحامي X"),
        not any noun ("استهدفت الغارة الصحفي X": the raid, unnamed, did it)."""
        r = next((r for r in finder.refs if r.start >= pos), None)
        if r is None or r.start >= limit or r.type != "PER" or finder.prep(r) is not None:
            return None
        gap = self.doc.text[pos:r.start]
        keys = [match_key(w) for w in gap.split()]
        if not 1 <= len(keys) <= 2 or re.search(r"[^\w\s\u064b-\u065f]", gap):
            return None
        if title_only:
            return r if len(keys) == 1 and keys[0] in TITLE_HEADS and keys[0].startswith("ال") else None
        return r if all(k.startswith("ال") and len(k) > 4 for k in keys) else None

    def _main_subject(self, finder: ArgumentFinder, pos: int) -> Ref | None:
        """The first actor named in the sentence before ``pos`` with no preposition: the doer
        of an unmarked relative clause about its own act ("غادر الأمير … بعد زيارة التقى خلالها")."""
        for r in finder.refs:
            if r.start >= pos:
                break
            if r.start >= finder.start and r.type in ACTOR_TYPES and finder.prep(r) is None:
                return r
        return None

    def _pair_before(self, finder: ArgumentFinder, pos: int) -> tuple[Ref, Ref] | None:
        """The last "X وY" of actors before ``pos`` in the sentence (who said "إنهما …")."""
        found = None
        for r in finder.refs:
            if r.end > pos:
                break
            if r.type in ACTOR_TYPES and finder.prep(r) is None:
                end, co = finder.chain(r)
                if co is not None and end <= pos and co.type in ACTOR_TYPES:
                    found = (r, co)
        return found

    def _named_pair_after(self, finder: ArgumentFinder, pos: int, limit: int) -> tuple[Ref, Ref] | None:
        """"الوزيران سامح شكري وأيمن الصفدي": the two names right after a pair word."""
        first = next((r for r in finder.refs if pos <= r.start < min(limit, finder.word_limit(pos, 4))), None)
        if first is None or first.type not in ACTOR_TYPES or finder.prep(first) is not None:
            return None
        _, co = finder.chain(first)
        return (first, co) if co is not None and co.type in ACTOR_TYPES else None

    def _antecedent(self, finder: ArgumentFinder, toks: list[Tok], head: int) -> Ref | None:
        """The noun a relative pronoun refers to: the mention right before الذي/التي."""
        if head == 0:
            return None
        rel = toks[head - 1]
        r = self.mentions.last_before(rel.start, finder.start)
        if r is None:
            return None
        gap = self.doc.text[r.end:rel.start]
        if not re.sub(r"[\s،,\"«»“”()]", "", gap):
            return r
        words = [match_key(w) for w in _WORD_RE.findall(gap)]
        if len(words) <= 3 and not re.search(r"[^\w\s\u064b-\u065f]", gap) and all(
            nationality(w) or (w.startswith("ال") and w.endswith(("يه", "ية")) and len(w) > 5) for w in words
        ):
            return r  # "حركة الشباب الإسلامية الصومالية التي": adjectives of the name between
        return None
