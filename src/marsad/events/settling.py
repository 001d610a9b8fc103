"""Settling one sentence's drafts (see :mod:`marsad.events.reader`): what a statement is about
is folded into it, quoted violence becomes an accusation, casualties join their attack, relative
clauses join their noun, doers are taken from the same act told before, weak triggers give way
and duplicates merge."""

from __future__ import annotations

from marsad.events.arguments import ACTOR_TYPES, PLACE_TYPES, WAW_WORDS, ArgumentFinder
from marsad.events.drafts import Draft, possessed, toks_key
from marsad.events.informative import Informativeness, running_total, same_act
from marsad.events.objects import ObjectFinding
from marsad.events.protest import protest_scene
from marsad.events.subjects import SubjectTracking
from marsad.events.triggers import Tok
from marsad.events.vocabulary import (
    CONTENT_HOSTS,
    COUNTED,
    FOLDING_ACTS,
    MATERIAL,
    PHONE,
    WHY,
    bare,
)


class Settling(Informativeness, SubjectTracking, ObjectFinding):
    """:meth:`_settle` turns a sentence's drafts into the events it tells."""

    def _settle(
        self, drafts: list[Draft], toks: list[Tok], s0: int, s1: int, finder: ArgumentFinder
    ) -> list[Draft]:
        if not drafts:  # nothing to settle
            self._current = []
            return []
        kept = self._fold(drafts, s1)
        # violence told in a direct quote is the speaker's accusation
        for d in kept:
            spk = d.quote_speaker
            masdar = not d.verbal or "masdar" in d.extra
            decision = d.cameo.startswith("172")  # a state of emergency, a curfew, a ban: the speaker's own measure
            if spk and masdar and not decision and d.plover in ("ASSAULT", "COERCE", "SANCTION") and (
                d.source is None or d.source.entity != spk
            ):
                d.target = d.source
                d.source = self._ref_of(spk)
                d.plover, d.cameo, d.mode = "ACCUSE", "112", "disapprove"
                d.converted, d.negated, d.modality, d.count = True, False, "asserted", None
        # casualties are the outcome of the attack told in the same sentence
        attacks = [d for d in kept if d.plover == "ASSAULT" and d.match.entry.frame != "passive"]
        if not attacks:
            # "تفريق المعتصمين …، مما أدى إلى إصابة ستة محتجين": the injuries are the dispersal's
            attacks = [d for d in kept if d.plover == "COERCE" and d.cameo.startswith("175")]
        if attacks:
            for d in [d for d in kept if d.plover == "ASSAULT" and d.match.entry.frame == "passive"]:
                host = next((a for a in reversed(attacks) if a.head_start < d.head_start), attacks[0])
                if host.plover == "ASSAULT":
                    host.count = host.count if host.count is not None else d.count
                weak = host.target is None or "target_from_place" in host.extra or host.target.type in PLACE_TYPES
                if d.target is not None and weak and d.target.type not in PLACE_TYPES:
                    if host.target is not None and host.target.type in PLACE_TYPES and "target_from_place" not in host.extra:
                        host.location = host.target  # the place struck is where it happened
                    host.target = d.target  # the victims named, not the place struck
                    host.extra.pop("target_from_place", None)
                kept.remove(d)
        # a purpose ("تنديداً بـ …") belongs to the act before it
        for d in [d for d in kept if "purpose" in d.extra]:
            act = next((x for x in reversed(kept) if x is not d and x.head_start < d.head_start), None)
            if act is not None:
                if act.target is None or "target_from_place" in act.extra:
                    act.target = d.target or act.target
                kept.remove(d)
        # a protest's target: whom its demands or condemnation address ("مطالبين الحكومة")
        for d in kept:
            if d.plover == "PROTEST" and d.target is None:
                why = next(
                    (x for x in kept if x.head_start > d.head_start and x.plover in ("REQUEST", "ACCUSE")
                     and "participle" in x.match.entry.flags and x.target is not None
                     and x.target.type not in PLACE_TYPES),
                    None,
                )
                if why is not None:
                    d.target = why.target
                    if why.source is None or (d.source is not None and why.source.entity != d.source.entity):
                        why.source = d.source
        kept = self._relatives(kept, toks)
        self._responded_to(kept, toks)
        for d in kept:
            self._corefer(d)
        self._current = []
        restated_free = []
        for d in kept:
            if self._informative(d) and not self._restated(d, toks) and not running_total(d, toks):
                restated_free.append(d)
                self._current.append(d)
        kept = restated_free
        # weak triggers only when nothing stronger is in the sentence, and once; a weak protest
        # word survives other kinds of event where the sentence holds a protest scene
        if any(not d.weak and not d.background for d in kept):
            if any(d.weak and d.plover == "PROTEST" for d in kept):  # only then is the scene asked
                scene = protest_scene([t.key for t in toks])
                kept = [
                    d for d in kept
                    if not d.weak or (d.plover == "PROTEST" and scene and not any(
                        x.plover == "PROTEST" and not x.weak for x in kept))
                ]
            else:
                kept = [d for d in kept if not d.weak]
        else:
            first_weak = next((d for d in kept if d.weak), None)
            kept = [d for d in kept if not d.weak or d is first_weak]
        # the same act told twice in one sentence: keep the first, fill its gaps from the twin
        out: list[Draft] = []
        for d in kept:
            twin = next((o for o in out if same_act(o, d, toks)), None)
            if twin is None:
                out.append(d)
                continue
            twin.target = twin.target or d.target
            twin.source = twin.source or d.source
            twin.location = twin.location or d.location
            twin.count = twin.count or d.count
        for d in out:
            if d.target is None and d.plover in ("SUPPORT", "ACCUSE", "REJECT") and d.verbal and d.source is not None:
                d.target = self._decision_maker(d, toks)
            other = self._side_other
            if (
                d.target is None and other and d.plover in ("ACCUSE", "REJECT", "THREATEN", "COERCE", "SANCTION")
                and d.source is not None and d.source.entity != other and "about" not in d.extra
            ):
                d.target = self._ref_of(other)
            if d.source is not None and d.target is not None and d.source.entity == d.target.entity:
                d.target = None
        # an act with nobody named on either side says nothing about anyone ("العدو يستدعي
        # الاحتياط" where "العدو" names no entity); a counted attack still informs, and a protest
        # is mostly by an unnamed crowd ("نظم عشرات الطلاب وقفة احتجاجية")
        # (a background event keeps its place for the analyst's filter; with no entities at all
        # the step only finds triggers)
        if self.mentions.entities:
            out = [
                d for d in out
                if d.source is not None or d.target is not None or d.plover == "PROTEST"
                or (d.count and d.plover in COUNTED) or (d.background and d.location is not None)
            ]
        # a consultation by phone
        for d in out:
            if d.plover == "CONSULT" and d.cameo not in ("041",):
                lo, hi = max(d.clause_start, s0), min(d.clause_end, s1)
                if any(bare(t.key) in PHONE for t in toks if lo <= t.start < hi):
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
            if (d.verbal or "participle" in d.match.entry.flags
                or (d.plover in ("REQUEST", "REJECT") and d.source is not None and "purpose" not in d.extra))
            and not d.relative and d.plover in FOLDING_ACTS
        ]
        kept: list[Draft] = []
        for d in drafts:
            host = None
            # "أعرب عن تضامن بلاده …، وإدانتها": a second statement of its own, not what the first is about
            own = d.plover in FOLDING_ACTS and not d.verbal and (
                toks_key(d).startswith(("و", "ف")) and toks_key(d) not in WAW_WORDS or possessed(d.match, self._head_tok(d))
            )
            content = "content" in d.extra  # "طلب من مجلس الأمن عقد اجتماع": what is asked
            participle = "participle" in d.match.entry.flags  # "…، متهماً تايلاند بـ": the subject's own act
            if (not d.verbal or d.relative or "prep_masdar" in d.extra or content) and not d.background and not own and "framed" not in d.extra and not participle:
                for a in acts:
                    if a is d or not (a.head_start < d.head_start):
                        continue
                    if content and not d.relative and "prep_masdar" not in d.extra and a.plover not in CONTENT_HOSTS:
                        continue
                    later = [
                        x.head_start for x in drafts
                        if x.verbal and not x.relative and "masdar" not in x.extra and x.head_start > a.head_start
                    ]
                    open_ended = d.relative or "prep_masdar" in d.extra or content  # "دعت إلى رفع الحصار": no clause of its own
                    if d.head_start < min(later + [a.clause_end if not open_ended else s1]):
                        host = a
            if host is None:
                kept.append(d)
                continue
            host.extra["about"] = "1"
            doer = d.source or self._doer_told_before(d)
            weak_target = host.target is None or host.target.type in PLACE_TYPES
            if weak_target and doer is not None and (host.source is None or doer.entity != host.source.entity):
                host.target = doer
            told_in_full = (
                d.plover in MATERIAL and d.source is not None and d.target is not None
                and "target_from_place" not in d.extra and "reference" not in d.extra
            )
            if d.relative or "fact" in d.match.entry.flags or told_in_full:
                kept.append(d)  # "دانت اعتداء مستوطنين على بلدة قصرة": the attack is an event too
        return kept

    def _relatives(self, kept: list[Draft], toks: list[Tok]) -> list[Draft]:
        """"الغارات التي استهدفت …": the noun and its relative verb are one act; the verb's
        arguments fill the noun's gaps (the noun keeps the trigger)."""
        out = list(kept)
        # an indefinite noun takes its relative clause with no pronoun: "بقصف مدفعي استهدف موكباً"
        attributed = [d for d in kept if d.verbal and "attributive" in d.extra and d.source is None]
        for v in [d for d in kept if d.relative] + attributed:
            h = v.match.head
            if h < 2:
                continue
            lo = h - 2 if v.relative else h - 3
            noun = next(
                (d for d in reversed(out) if d is not v and not d.verbal and h - 6 <= d.match.trigger[1] <= lo + (0 if v.relative else 2)
                 and (d.plover == v.plover or {d.plover, v.plover} <= MATERIAL)),
                None,
            )
            if noun is None:
                continue
            noun.extra["told"] = "1"  # "الغارات التي استهدفت محيط بعلبك": told with details of its own
            noun.source = noun.source or v.source
            if noun.target is None or "target_from_place" in noun.extra:
                noun.target = v.target or noun.target
            if v.target is not None and v.target.type in PLACE_TYPES and "target_from_place" not in v.extra:
                noun.location = v.target  # "الغارات التي استهدفت محيط مدينة بعلبك": where it struck
            elif v.location is not None and v.location.start >= v.head_start:
                noun.location = v.location  # a place told in the relative clause itself
            noun.location = noun.location or v.location
            noun.count = noun.count if noun.count is not None else v.count
            if v in out:
                out.remove(v)
        return out

    def _responded_to(self, kept: list[Draft], toks: list[Tok]) -> None:
        """"أطلق الحزب صواريخ على X رداً على الغارات التي استهدفت بعلبك": the attack responded to
        was done to the responder, by its adversary: the doer of the last attack told on the
        responder's side, else the one the response strikes; its target is the responder."""
        for d in kept:
            if not d.background or d.source is not None or d.plover not in ("ASSAULT", "COERCE"):
                continue
            h = d.match.head
            if not any(bare(t.key) in WHY for t in toks[max(0, h - 3):h]):
                continue
            if "told" not in d.extra:
                d.extra["reference"] = "1"  # "رداً على مجزرة النبطية": named, not told
                continue
            resp = next((x for x in kept if x is not d and not x.background and x.plover == "ASSAULT"
                         and x.source is not None and x.head_start < d.head_start), None)
            if resp is None or resp.source is None:
                continue
            side = self._country(resp.source) or resp.source.entity
            prior = next(
                (x for x in reversed(self.history[-12:]) if x.plover in ("ASSAULT", "COERCE") and x.source is not None
                 and x.target is not None and (self._country(x.target) or x.target.entity) == side
                 and (self._country(x.source) or x.source.entity) != side and x.sentence >= self._sentence - 3),
                None,
            )
            doer = prior.source if prior is not None else None
            if (
                doer is None and resp.target is not None and resp.target.type in ACTOR_TYPES
                and (self._country(resp.target) or resp.target.entity) != side
            ):
                doer = resp.target
            if doer is None:
                continue
            d.source = doer
            if d.target is None:
                d.target = resp.source

    def _corefer(self, d: Draft) -> None:
        """An attack, arrest or protest told with no doer is the one told just before at the
        same place, else the last one of its kind: it takes that event's doer. An attack by a
        named doer with no target continues that doer's last attack ("أطلق الحزب صواريخ")."""
        if d.plover == "ASSAULT" and d.source is not None and d.target is None:
            prior = next((x for x in reversed(self.history[-12:]) if x.plover == "ASSAULT" and x.source is not None
                          and x.source.entity == d.source.entity and x.target is not None
                          and x.sentence >= self._sentence - 3), None)
            if prior is not None:
                d.target = prior.target
        if d.source is not None or d.plover not in ("ASSAULT", "COERCE", "PROTEST") or d.converted:
            return
        if d.match.entry.frame == "passive":
            return  # casualties name victims, not doers
        # only a doer the text named anchors it: a doer itself taken from an earlier event would
        # carry one subject down a whole report of unrelated attacks
        recent = [x for x in reversed(self.history[-12:]) if x.plover == d.plover and x.source is not None
                  and x.sentence >= self._sentence - 3 and "coreferent" not in x.extra and not x.carried]
        if "attributive" in d.extra or self._passive_marked(d):
            # "إن العشرات من عناصر التنظيم قتلوا", "أن شخصاً قُتل": the verb's subject is the noun
            # before it (a victim); only an attack of this sentence can be the same act
            recent = [x for x in recent if x.sentence == self._sentence]
        elif not self._agrees(d, None):
            recent = [x for x in recent if x.sentence == self._sentence or self._agrees(d, x.source)]
        if not recent:
            return
        here = d.location.entity if d.location is not None and d.location is not self.dateline_place else None
        same = next((x for x in recent if here and x.location is not None and x.location.entity == here), None)
        pick = same or recent[0]
        assert pick.source is not None  # ``recent`` holds events with a doer only
        if d.target is not None and pick.source.entity == d.target.entity:
            return
        d.source = pick.source
        d.extra["coreferent"] = "1"
