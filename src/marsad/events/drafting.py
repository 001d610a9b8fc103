"""A trigger match made into a :class:`Draft`: the frames that make it no event told (a time
frame, a purpose, a charge, a measure in force), and its roles by frame (allegation, obligation,
facing a response, participle, verbal or nominal)."""

from __future__ import annotations

import re

from marsad.events.arguments import ACTOR_TYPES, AGENT, PLACE_TYPES, ArgumentFinder, fillers_only
from marsad.events.coding import code_event
from marsad.events.drafts import Draft, Said, possessed
from marsad.events.finishing import DraftFinishing
from marsad.events.quotes import COMPLEMENTIZERS
from marsad.events.triggers import Match, Tok, token_starts
from marsad.events.verbal_roles import VerbalRoles
from marsad.events.vocabulary import (
    ABOUT,
    BACKGROUND,
    CHARGE_WORDS,
    COGNITION,
    CONTENT_HOSTS,
    DEMONSTRATIVES,
    DONE_FRAMES,
    FRAME_NOUNS,
    FRAME_PREPS,
    IN_FORCE,
    IYA,
    MATERIAL,
    NUMBER_WORDS,
    OBLIGE_OPENERS,
    PURPOSE_LAST,
    PURPOSE_PAIRS,
    RELATIVE,
    STILL,
    TALK_NOUNS,
    TOPIC_HEADS,
    UNREAL_BEFORE,
    UNREAL_LINK,
    WHY,
    bare,
)
from marsad.normalize import match_key


def purposed(toks: list[Tok], h: int) -> bool:
    """A trigger in a purpose, postponement or supposition frame (see ``PURPOSE_LAST``), or
    the topic of talks ("التفاوض بشأن ترحيل"); the frame must be in the trigger's clause."""
    words: list[str] = []
    for t in reversed(toks[max(0, h - 3):h]):
        if not t.is_word:
            break  # "، أن": another clause
        words.insert(0, bare(t.key))
    if not words:
        return False
    if words[-1] in PURPOSE_LAST:
        return True
    if len(words) > 1 and (words[-2], words[-1]) in PURPOSE_PAIRS:
        return True
    return len(words) > 1 and words[-1] in ABOUT and words[-2] in TALK_NOUNS


def unreal(before: list[str]) -> bool:
    """Purpose, prevention or a generic determiner just before a violence noun ("لمنع
    وقوع هجمات", "أي اعتداء")."""
    if not before:
        return False
    if before[-1] in UNREAL_BEFORE:
        return True
    return len(before) > 1 and before[-1] in UNREAL_LINK and before[-2] in UNREAL_BEFORE


def in_force(toks: list[Tok], m: Match) -> bool:
    """A nominal trigger followed by "المفروضة", "المبرم", "الحالية" (after at most one
    adjective or name word): a measure or accord that exists, not an act told here."""
    hi = m.trigger[1]
    nxt = [bare(t.key) for t in toks[hi + 1:hi + 4] if t.is_word]
    return any(w in IN_FORCE for w in nxt[:2]) or (len(nxt) > 2 and nxt[2] in IN_FORCE and nxt[1].startswith("ال"))


def purpose_form(m: Match, head: Tok, plover: str) -> bool:
    """An accusative verbal noun of purpose: "تنديداً"، "تضامناً" (also read as a dual past
    verb when the bare past is listed as a noun: {تضامن|يتضامن|-تضامن})."""
    stem, key = m.head_reading.stem, bare(head.key)
    if not m.verbal and key.startswith("لل") and plover in ("REQUEST", "ACCUSE", "PROTEST", "REJECT", "SUPPORT"):
        return True  # "للمطالبة بـ"، "للتنديد بـ"
    if not key.endswith("ا") or stem + "ا" != key and stem != key or (m.verbal and key.endswith("وا") and plover != "PROTEST"):
        return False  # "واعتقلوا" is "and they arrested", not an accusative of purpose
    if not m.verbal:
        return stem + "ا" == key
    forms = m.entry.elements[0].verb
    return stem == key and stem[:-1] not in forms and len(stem) > 4


class Drafting(VerbalRoles, DraftFinishing):
    """:meth:`_draft` reads one trigger match into a draft, or None when it tells no event."""

    def _draft(
        self,
        m: Match,
        toks: list[Tok],
        finder: ArgumentFinder,
        c0: int,
        c1: int,
        said: list[Said],
        earlier: list[Draft],
    ) -> Draft | None:
        e = m.entry
        plover, mode = code_event(e.cameo, e.plover, e.mode)
        head = toks[m.head]
        t0, t1 = toks[m.trigger[0]].start, toks[m.trigger[1]].end
        before = [bare(t.key) for t in toks[max(0, m.head - 3):m.head] if t.is_word]
        prev = before[-1] if before else ""
        d = Draft(m, plover, e.cameo, mode, head.start, t0, t1, c0, c1)
        d.extra["head_key"] = head.key
        if purposed(toks, m.head):
            # "يهدف إلى ترحيل", "تأجيل زيارة", "كان من المفترض أن يلتقي": not an act told; its
            # arguments are still read (a subject named there is the discourse's), then it is dropped
            d.extra["unrealised"] = "1"
        if not m.verbal:
            framed = prev in FRAME_PREPS or (len(before) > 1 and before[-2] in FRAME_PREPS and prev in FRAME_NOUNS)
            if framed and plover != "PROTEST":
                if not self._meeting_in_frame(m, toks, finder, prev):
                    return None  # a time frame ("خلال الزيارة", "خلال عملية اقتحام"); "خلال مظاهرة" is one
                d.extra["framed"] = "1"  # "بعد لقائه مع X": the meeting happened; its owner is the clause's subject
            if e.weak and plover in ("COOPERATE", "AGREE") and prev in TOPIC_HEADS:
                return None  # "لبحث سبل تعزيز التعاون": the topic of talks, not an act told
            if plover in MATERIAL and unreal(before):
                return None  # "لمنع هجمات", "أي اعتداء": violence prevented, feared or generic
            if plover in ("ASSAULT", "COERCE") and any(w in CHARGE_WORDS for w in before[-2:]):
                return None  # "حكماً بالإعدام … لاشتراكه في تفجير سوق": the charge, not an act told
            if in_force(toks, m):
                return None  # "العقوبات المفروضة", "الاتفاق المبرم": named, not told
            if prev in DEMONSTRATIVES:
                d.extra["reference"] = "1"  # "هذه الاعتداءات": an event told before; it only lends its doer
            if any(w in BACKGROUND for w in before[-2:]):
                d.background = True
        d.relative = m.verbal and prev in RELATIVE
        if m.verbal and plover in MATERIAL and any(w in STILL for w in before) and any(
            bare(t.key) in RELATIVE for t in toks[max(0, m.head - 5):m.head]
        ):
            return None  # "النقاط التي لا تزال تحتلها": an ongoing state described, not an act told
        if m.verbal and prev in ("ان",) and m.head_reading.stem in m.entry.elements[0].verb and not head.key.startswith(("ي", "ت", "ن")):
            d.extra["masdar"] = "1"  # "وأن قتل الفلسطينيين": a past form after أن is a verbal noun
        if m.verbal and prev in ("الي", "علي", "عن") and bare(head.key) == m.head_reading.stem:
            d.extra["masdar"] = d.extra["prep_masdar"] = "1"  # "دعت إلى رفع الحظر": a verbal noun after a preposition
        if m.verbal and prev in FRAME_PREPS and possessed(m, head):
            d.extra["masdar"] = "1"  # "خلال تفاوضهم مع X": after a time frame a word is a noun, not a verb
        if m.verbal and m.head > 0 and not head.key.startswith(("ي", "ت", "ن")) and any(
            q.participle and q.start == toks[m.head - 1].start for q in said
        ):
            d.extra["masdar"] = "1"  # "مؤكداً رفض المملكة القاطع": the object of a speech participle is a noun
        quote = next((q for q in reversed(said) if q.quote and q.quote[0] <= t0 < q.quote[1]), None)
        in_direct = quote is not None and quote.direct
        d.quote_speaker = quote.speaker if in_direct and quote else None

        if e.frame == "allege":
            spk = quote.speaker if in_direct and quote else None
            if spk is None:
                return None  # "جرائم", "عدوان" accuse only in someone's own quoted words
            d.source = self._ref_of(spk)
            d.target = self._perpetrator(finder, toks, m, t1, c1, spk)
            if d.target is None:
                return None  # violations of nobody named: commentary, not an accusation
            return self._finish(d, toks, finder, earlier)

        if e.frame == "oblige":
            return self._obligation(d, m, toks, finder, said, quote, in_direct, earlier)

        if e.frame == "faced":
            return self._faced(d, m, toks, finder, said, quote, in_direct, earlier)

        agent = finder.agent(head.start, c1)
        if "participle" in e.flags and plover == "ACCUSE" and (
            finder.next_word(head.end)[:1] == "ب" or (prev.isdigit() or prev in NUMBER_WORDS)
        ):
            return None  # "66 آخرين متهمين بتشكيل تنظيم", "51 متهماً": the accused, not an accuser
        if "participle" in e.flags:
            # مؤكداً، متهمةً: the participle's subject is the sentence's subject
            lead = next((x for x in reversed(earlier) if x.verbal and x.source), None)
            d.source = (
                self._reported_subject(finder, toks, m.head, said)
                or (lead.source if lead else None)
                or self._ref_of(next((q.speaker for q in reversed(said) if q.speaker), None) if said else self.disc.subject)
            )
            if finder.next_word(head.end) in IYA and lead is not None and lead.target is not None:
                d.target = lead.target  # "متهمةً إياهم": the object of the act before
            self._objects(d, finder, head.end, c1, words=6)
        elif plover == "PROTEST" and e.weak and not m.verbal and self._acted_on(toks, m.head):
            return None  # "إصابة ستة محتجين", "اعتقال متظاهرين": protesters as the victims of another act
        elif not earlier and plover == "PROTEST" and not m.verbal and bare(head.key) in WHY:
            return None  # "احتجاجاً على": why another act was done; alone it names no protest
        elif earlier and purpose_form(m, head, plover):
            d.extra["purpose"] = "1"  # تنديداً بـ، تضامناً مع: why the act before was done
            d.target = self._nation_entity(toks, list(range(m.trigger[1] + 1, min(len(toks), m.trigger[1] + 4))))
            self._objects(d, finder, head.end, c1, words=8, places=False)
        elif m.verbal:
            self._verbal_roles(d, m, toks, finder, head, agent, quote, in_direct, earlier)
            if d.source is None and "masdar" in d.extra:
                d.source = self._nominal_owner(m, toks, finder, said, earlier, c0)  # "أكد الوزيران رفضهما"
        else:
            gen = finder.genitive_after(t1, c1)
            if e.frame == "passive" and gen is not None and self._captor(finder, gen, c1):
                # "احتجاز داعش لرهائن": the genitive is the doer when an object follows it
                d.source = gen
                d.target = finder.target_after(finder.chain(gen)[0], c1, {gen.entity}, places=False, words=8)
            elif e.frame == "passive":
                d.target = gen or finder.target_after(t1, c1, set(), places=False, words=5, partitive=True)
                if d.target is None:
                    d.target = self._nation_entity(toks, list(range(m.trigger[1] + 1, min(len(toks), m.trigger[1] + 4))))
                d.source = agent or self._light_doer(m, toks, finder, said, c0) or self._announcer(m, toks, finder, said, c0)
                if d.source is not None and d.target is not None and d.source.entity == d.target.entity:
                    d.source = None
            else:
                d.source = gen if gen is not None and gen.type in ACTOR_TYPES else agent
                if d.source is gen and gen is not None and plover == "AGREE" and gen.type in PLACE_TYPES:
                    ent = self.mentions.entities.get(gen.entity)
                    if ent is not None and ent.actor is None:
                        d.source = None  # "اتفاق فيينا", "اتفاقات توكيه": a treaty named by its city
                        d.extra["reference"] = "1"
                if d.source is gen and gen is not None and gen.type in PLACE_TYPES and plover in ("ASSAULT", "COERCE"):
                    d.source, d.target = agent, gen  # "مجزرة النبطية": where it struck
                if plover == "AGREE" and e.weak and bare(head.key).startswith(("ال", "بال", "لل")) and (
                    finder.between_pair(t1, c1) is None
                ):
                    d.extra["reference"] = "1"  # "الاتفاق", "بالاتفاقية": the agreement already known, told about
                if d.source is None and e.frame == "visit":
                    # "زيارة وفد من الأمم المتحدة للمدينة": the delegation's body visits
                    r = next((r for r in finder.refs if t1 <= r.start < finder.word_limit(t1, 4)), None)
                    if r is not None and r.type in ACTOR_TYPES and finder.prep(r) in ("من", "عن") and finder._delegation_before(r):
                        d.source = r
                if d.source is None and plover == "ASSAULT":
                    d.source = self._relative_light_doer(finder, t1, c1)  # "غارات شنها طيران التحالف"
                if d.source is None and plover in ("ASSAULT", "COERCE"):
                    d.source = self._from_doer(finder, t1, c1)  # "تعرضت البلدة لهجوم من قوات النظام"
                if d.source is None:
                    d.source = self._nominal_owner(m, toks, finder, said, earlier, c0)
                self._objects(d, finder, t1, c1, words=6, places=plover not in ("PROTEST", "REJECT", "RETREAT"))
        if plover == "PROTEST":
            self._protest_roles(d, finder, toks, m)
        if e.frame in ("visit", "arrive"):
            self._destination(d, finder, head.end if m.verbal else t1, c1)
            if e.frame == "arrive" and (d.location is None or d.source is None):
                return None  # "وصلت سفينة إلى الميناء", "قوارب تصل إلى إيطاليا": nobody visits
        if m.verbal and "masdar" in d.extra and "prep_masdar" not in d.extra and not d.relative and prev not in FRAME_PREPS:
            # "طلب من مجلس الأمن عقد اجتماع", "حذر من شن هجوم": a verbal noun right in the clause of
            # a request, warning or condemnation verb is what it asks or warns of (no speech
            # participle between them: "مؤكداً رفض المملكة" is a statement of its own)
            host = next((x for x in reversed(earlier) if x.verbal and not x.relative and "masdar" not in x.extra), None)
            if host is not None and host.plover in CONTENT_HOSTS and "participle" not in host.match.entry.flags and not any(
                host.head_start < q.start < head.start for q in said
            ):
                d.extra["content"] = "1"
        return self._finish(d, toks, finder, earlier)

    def _meeting_in_frame(self, m: Match, toks: list[Tok], finder: ArgumentFinder, prev: str) -> bool:
        """"بعد لقائه مع X", "خلال اجتماعه بالرئيس": a meeting (040) owned by a pronoun, in a
        time frame that says it took place, with its partner named right after it."""
        if prev not in DONE_FRAMES or not m.entry.cameo.startswith("040") or "nominal" not in m.entry.flags:
            return False
        if not possessed(m, toks[m.head]):
            return False
        t1 = toks[m.trigger[1]].end
        r = finder.target_after(t1, finder.end, set(), places=False, words=5)
        if r is None or finder.prep(r) not in (None, "مع", "ب"):
            return False
        gap = [w for w in re.findall(r"[\w\u064b-\u065f\u0670]+", self.doc.text[t1:r.start]) if match_key(w) not in ("مع", "ب")]
        return fillers_only(" ".join(gap), titles=True)

    def _obligation(
        self, d: Draft, m: Match, toks: list[Tok], finder: ArgumentFinder, said: list[Said],
        quote: Said | None, in_direct: bool, earlier: list[Draft],
    ) -> Draft | None:
        """"يتعين على اليونان تسجيل …", "إن على إسرائيل أن توقف …": a demand of the actor named
        after على, made by the speaker (the quote's, the clause's cue's, else the subject)."""
        ala = next((i for i in m.tokens if bare(toks[i].key) == "علي"), None)
        if ala is None:
            return None
        prev = toks[m.head - 1] if m.head > 0 else None
        if prev is not None and bare(prev.key) in RELATIVE:
            return None  # "الثمن الذي يتعين على تركيا أن تدفعه": a description, not a demand
        a = toks[ala].end
        r = next((r for r in finder.refs if r.start >= a), None)
        if r is None or r.type not in ACTOR_TYPES or not fillers_only(self.doc.text[a:r.start], titles=True):
            return None
        if finder.prep(r) not in ("علي", None):
            return None
        end, _ = finder.chain(r)
        words = [bare(match_key(w)) for w in re.findall(r"[\w\u064b-\u065f\u0670]+", self.doc.text[end:finder.end])[:2]]
        if any(w in COGNITION for w in words):
            return None  # "على واشنطن أن تدرك أن …": rhetoric about understanding, not a demand
        if ala == m.head:
            # a bare "على X" must open its clause: after إن/أن ("إن على إسرائيل وقف …"), or after a
            # comma, a connective or the sentence start with أن after X ("، على الحكومة أن …")
            after_comp = prev is not None and prev.is_word and bare(prev.key) in COMPLEMENTIZERS
            opener = prev is None or not prev.is_word or bare(prev.key) in OBLIGE_OPENERS
            nxt = bare(finder.next_word(end))
            if not (after_comp or (opener and nxt in ("ان", "بان"))):
                return None
        if in_direct and quote is not None:
            src = self._ref_of(quote.speaker)
        else:
            cue = next((q for q in reversed(said) if q.start < toks[m.head].start and q.speaker), None)
            src = self._ref_of(cue.speaker) if cue is not None else self._ref_of(self.disc.subject)
        if src is not None and src.entity == r.entity:
            return None
        d.source, d.target = src, finder.owner(r)
        d = self._finish(d, toks, finder, earlier)
        if d.modality == "demanded":
            d.modality = "asserted"  # the demand itself is made; what is demanded is another event
        return d

    def _acted_on(self, toks: list[Tok], h: int) -> bool:
        """A violence or coercion word within the three words before token ``h``."""
        for t in toks[max(0, h - 3):h]:
            for entry, _ in token_starts(self.lex, t):
                if entry.frame != "stop" and code_event(entry.cameo, entry.plover)[0] in ("ASSAULT", "COERCE"):
                    return True
        return False

    def _faced(
        self, d: Draft, m: Match, toks: list[Tok], finder: ArgumentFinder, said: list[Said],
        quote: Said | None, in_direct: bool, earlier: list[Draft],
    ) -> Draft | None:
        """"أي حماقة أمريكية ستواجه برد قاس", "أي خرق من جانب القوات الحكومية سيقابل بالرد": the
        speaker threatens whoever will face the response — an actor named in the words before
        the verb (by name or nationality), in its clause; the speaker is the quote's, else the
        clause's cue's, else the subject."""
        head = toks[m.head]
        if in_direct and quote is not None:
            src = self._ref_of(quote.speaker)
        else:
            cue = next((q for q in reversed(said) if q.start < head.start and q.speaker), None)
            src = self._ref_of(cue.speaker if cue is not None else self.disc.subject)
        lo = max(d.clause_start, finder.start)
        window = [i for i in range(max(0, m.head - 10), m.head) if toks[i].start >= lo]
        own = self._country(src) if src is not None else None
        target = None
        for r in reversed([r for r in finder.refs if lo <= r.start < head.start and r.type in ACTOR_TYPES]):
            if src is not None and (r.entity == src.entity or (own and r.type == "GPE" and self._country(r) == own)):
                continue  # not the speaker, nor the speaker's own country
            if finder.prep(r) in (None, "جانب", "قبل", "من", AGENT):
                target = r
                break
        if target is None:
            target = self._nation_entity(toks, window, skip=own)
        if src is None or target is None:
            return None
        d.source, d.target = src, target
        d = self._finish(d, toks, finder, earlier)
        d.negated = False
        return d
