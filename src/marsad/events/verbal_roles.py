"""Source and target of a trigger headed by a verb: its named subject, a carried or reported
subject, a pronoun object, coordinated and dual verbs, and the discourse pair."""

from __future__ import annotations

import re

from marsad.events.arguments import (
    ACTOR_TYPES,
    AGENT,
    PAIR_WORDS,
    PLACE_NOUNS,
    PLACE_TYPES,
    SUBJECT_NOUNS,
    ArgumentFinder,
    Ref,
    fillers_only,
    prep_of,
)
from marsad.events.doers import DoerFinding, dual_verb, received_call
from marsad.events.drafts import Draft, Said
from marsad.events.objects import ObjectFinding
from marsad.events.subjects import verb_gender
from marsad.events.triggers import Match, Tok
from marsad.events.vocabulary import (
    DUAL_COMP,
    DURING_WHICH,
    FUNCTION,
    GROUPS,
    HIS_COUNTRY,
    IN_IT,
    MATERIAL,
    NO_CARRY,
    NOT_OBJECT_L,
    PLURAL_HEADS,
    PRONOUN_COMP,
    bare,
    keys_before,
    object_pronoun,
)
from marsad.normalize import match_key


class VerbalRoles(DoerFinding, ObjectFinding):
    """Roles of verbal triggers (the longest single rule of the reader, kept whole)."""

    def _verbal_roles(
        self,
        d: Draft,
        m: Match,
        toks: list[Tok],
        finder: ArgumentFinder,
        head: Tok,
        agent: Ref | None,
        quote: Said | None,
        in_direct: bool,
        earlier: list[Draft],
    ) -> None:
        """Source and target of a trigger headed by a verb (see the module docstring)."""
        frame = m.entry.frame
        c0, c1 = d.clause_start, d.clause_end
        subj = finder.subject_after(head.end, c1) or finder.title_subject(head.end, c1, self._is_trigger_word)
        if subj is not None and frame in ("visit", "arrive") and subj.type in PLACE_TYPES:
            subj = None  # يزور موسكو: the place after a visit verb is where, not who
        obj: Ref | None = None
        kana = subj is not None and not d.relative and self._kana_subject(toks, m.head, c0)
        if kana:
            # "وكانت السلطات قد اعتقلت الزفزافي": the subject stands between كان and the verb
            # (named or not), so the name after the verb is the object
            obj, subj = subj, finder.subject_before(head.start, c0)
        unnamed_speaker = False
        said_self, self_ref = self._pronoun_speaker(toks, m.head, quote) if not d.relative and not in_direct else (False, None)
        if subj is not None and any(subj.start <= toks[i].start < subj.end for i in m.tokens[1:]):
            # "وطرد السفير الكمبودي": the name is the pattern's own object word, so the verb is a
            # verbal noun whose doer is the sentence's subject
            obj, subj = subj, None
            d.extra["masdar"] = "1"
        elif said_self and subj is not None and subj.start > head.start and (self_ref is None or subj.entity != self_ref.entity):
            # "وقالت السعودية إنها تدعم اليمن": the pronoun on إن is the subject, the name an object
            obj, subj = subj, None
            unnamed_speaker = self_ref is None  # "وقال الناشط … إنه يناشد الرئيس": nobody to carry
        if subj is not None and d.relative and bare(head.key) == m.head_reading.stem:
            # "الغارات التي استهدفت النبطية": with no object pronoun on the verb the relative
            # pronoun is its subject and the name after it the object ("التي شنتها إسرائيل": subject)
            obj, subj = subj, None
        # "فجرتها جماعة": the verb carries its object as a pronoun, so the name after it is its subject
        pron_object = object_pronoun(head.key, m.head_reading.stem) and not d.relative
        if subj is None and pron_object:
            # "فجرتها جماعة إرهابية، حزب الدعوة": the subject named after a generic noun phrase
            subj = next(
                (r for r in finder.refs if head.end <= r.start < min(c1, finder.word_limit(head.end, 5))
                 and r.type in ACTOR_TYPES and finder.prep(r) is None
                 and not re.search(r"[:«»\"“”]", self.doc.text[head.end:r.start])),
                None,
            )
        pron_target: Ref | None = None
        if pron_object and subj is not None:
            # the pronoun's antecedent is the object: the last name before the verb
            # ("من فجر السفارة العراقية؟ لقد فجرتها جماعة"); names after the subject are not
            floor = max(0, c0 - 300)
            pron_target = self.mentions.last_before(head.start, floor)
            while pron_target is not None and prep_of(self.doc, pron_target, floor) in ("في", "ب", "الي", "من"):
                pron_target = self.mentions.last_before(pron_target.start, floor)  # "في بيروت": where, not what
            before = toks[m.head - 1] if m.head > 0 else None
            if pron_target is not None and (
                pron_target.entity == subj.entity or prep_of(self.doc, pron_target, floor) == AGENT
                or (before is not None and before.is_word and bare(before.key) not in FUNCTION
                    and before.start >= pron_target.end)
            ):
                pron_target = None  # "227 مسيحيًا آشوريًا اختطفهم التنظيم": the noun just before, unnamed
        shared = None
        if len(head.key) > 3 and head.key[0] in "وف" and not d.relative and not head.key.startswith(m.head_reading.stem):
            # a proclitic و/ف, not a root letter (فجرت، وصلت)
            shared = next((x for x in reversed(earlier) if x.verbal and not x.relative and x.source), None)
        if shared is not None and subj is None:
            subj = self._described_person(finder, head.end, c1)
        elif subj is None and not pron_object and not d.relative:
            subj = self._described_person(finder, head.end, c1, title_only=True)  # "انتقد المحامي X"
        if shared is not None and subj is not None and subj.entity != shared.source.entity and not pron_object:  # type: ignore[union-attr]
            end, _ = finder.chain(subj)
            nxt_ref = next((r for r in finder.refs if r.start >= end), None)
            own_object = (
                nxt_ref is not None and nxt_ref.start < c1 and finder.prep(nxt_ref) is None
                and fillers_only(self.doc.text[end:nxt_ref.start])
            )
            # "زار المالكي بيروت فطالب المحامي طارق شنب … القبض على المالكي": the first verb's
            # subject is named again after the name, as what the act is about: a new subject
            renamed = any(r.entity == shared.source.entity for r in finder.refs if end <= r.start < c1)  # type: ignore[union-attr]
            if not own_object and not renamed:
                obj, subj = subj, None  # أدان X …، وحمّل Y: a coordinated verb keeps the subject
            # else "زار بوتين مصر …، وزار السيسي روسيا": a new subject with its own object
        after = head.end
        co: Ref | None = None
        resumed = d.relative and object_pronoun(head.key, m.head_reading.stem)
        if resumed and obj is None:
            # "جماعة الإخوان التي حظرتها القاهرة": the pronoun on the verb takes up the noun
            # before the relative pronoun, its object; the name after the verb is the subject.
            # Not a name after a preposition ("محادثات الهدنة في غزة التي تستضيفها القاهرة":
            # the pronoun may take up the noun the phrase hangs on), nor a first-person verb
            ante = self._antecedent(finder, toks, m.head)
            if ante is not None and finder.prep(ante) is None and bare(head.key)[:1] not in ("ا", "ن"):
                obj = ante
        if subj is not None:
            after, co = finder.chain(subj)
        elif d.relative and not resumed:
            subj = self._antecedent(finder, toks, m.head)
            if subj is not None and d.plover in ("ASSAULT", "COERCE") and self._passive_relative(toks, m.head, c1):
                # "ناصر الزفزافي، الذي اعتقل يوم الاثنين": no object after the verb, so the
                # relative clause is passive and its noun the victim
                obj, subj = subj, None
        elif shared is None:
            joint = finder.co_subject_before(head.start, c0) if frame == "sym" else None
            if joint is not None:
                subj, co = joint  # "أن قطر وروسيا تتفقان على": both parties, the first as source
            else:
                subj = finder.subject_before(head.start, c0) or finder.group_subject(head.start, c0)
        if frame == "host" and subj is not None and head.key[:1] in ("ي", "ت") and not d.relative:
            # "الشيباني يستقبل وزير …" (a headline): the name before a present verb is the host
            host = finder.subject_before(head.start, c0)
            if host is not None and host.entity != subj.entity and fillers_only(self.doc.text[host.end:head.start]):
                obj, subj = subj, host
                after = head.end
        if "pair" in m.entry.flags and co is None:
            d.extra["unrealised"] = "1"  # "قانون وقعه أوباما", "مدى وقعه": only "وقّعه X وY" is a joint signing
        own_subject = subj is None and (kana or self._unnamed_subject(toks, m.head, head))
        if d.relative and own_subject:
            subj = None  # "التي شنها الانفصاليون": the relative clause has a subject of its own
        prev_words = [t for t in toks[max(0, m.head - 2):m.head] if t.is_word or t.key in ("،", ",", ":")]
        prev = prev_words[-1] if prev_words else None
        prev_key = bare(prev.key) if prev is not None and prev.is_word else ""
        spoken = None
        dual_said = (
            self._pair_before(finder, prev.start) if subj is None and frame == "sym" and prev is not None
            and prev_key in DUAL_COMP else None
        )
        if dual_said is not None:
            subj, co = dual_said  # "قالت باكستان وأفغانستان إنهما اتفقتا": both speakers are the parties
        elif subj is None and said_self:
            spoken = self_ref  # "أعلنت إيران أنها لن تسمح": the speaker, across the particles
        elif subj is None and prev_key in PRONOUN_COMP:
            spoken = self._ref_of(quote.speaker if quote else self.disc.subject)  # أعلن X أنه أطلق
        elif subj is None and prev_key in HIS_COUNTRY and d.plover in ("AID", "THREATEN", "AGREE"):
            # "قال الوزير القطري إن بلاده ستقدم مساعدات": the speaker's country, else the speaker
            spoken = self._ref_of(quote.speaker if quote else self.disc.subject)
            if spoken is not None:
                state = self.mentions.country_entity(self._country(spoken))
                spoken = self._ref_of(state.id) if state is not None else spoken
        elif subj is None and prev_key and any(
            prev_key.endswith(sfx) and prev_key[: -len(sfx)] in GROUPS for sfx in ("ها", "ه", "هم")
        ):
            spoken = self._ref_of(self.disc.subject)  # أن مجاهديها استهدفوا: its fighters
        attributive = (
            subj is None and spoken is None and prev is not None and prev.is_word
            and prev_key not in FUNCTION and prev.start > c0 and not prev_key.isdigit()
            and not (len(head.key) > 3 and head.key[0] in "وف")
        )
        if attributive:
            d.extra["attributive"] = "1"
        finite = bare(head.key).endswith(("ت", "وا"))  # داهمت، اعتقلوا: verbs, not nouns
        if attributive and not bare(head.key).startswith(("ي", "ت", "ن", "ا")) and not finite:
            d.extra["masdar"] = "1"  # "يرافقه فرض الحصار": a bare past form after a noun or verb is a noun
        nxt = finder.next_word(head.end)
        bare_nxt = nxt[2:] if nxt.startswith("ال") else nxt
        pair = subj is None and shared is None and (nxt in PAIR_WORDS or dual_verb(m))
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
            if subj is not None and subj.type in ACTOR_TYPES and not in_direct:
                self._established(subj.entity, d.source.entity if d.source else None)
            if d.target is None and not in_direct:
                d.target = self._ref_of(self._carried())
            return
        d.source, d.explicit = subj, subj is not None
        if agent is not None and agent != subj and (d.plover in MATERIAL or d.plover == "RETREAT"):
            d.target, d.source = subj, agent
        if d.source is None:
            if spoken is not None:
                d.source = spoken
            elif nxt in IN_IT and (call := received_call(earlier)) is not None:
                # "تلقى X اتصالاً من Y أعرب فيه عن …": who speaks in a received call is the caller,
                # and the caller stays the one who speaks ("وعبر سموه عن تعازيه")
                d.source = call.source
                if call.source is not None and call.target is not None:
                    self._established(call.source.entity, call.target.entity)
            elif shared is not None:
                d.source = shared.source
            elif pair and (named := self._named_pair_after(finder, head.end, c1)) is not None:
                d.source, d.target = named  # "سيلتقي الوزيران X وY": the pair word's two names
                d.symmetric = True
            elif pair and self.disc.pair is not None:
                d.source, d.target = self._ref_of(self.disc.pair[0]), self._ref_of(self.disc.pair[1])
                d.symmetric = True
            elif attributive and nxt in DURING_WHICH:
                d.source = self._main_subject(finder, head.start)  # "بعد زيارة التقى خلالها": the visitor
            elif (
                nxt in SUBJECT_NOUNS or bare_nxt in SUBJECT_NOUNS or d.relative or attributive or own_subject or unnamed_speaker
                or self._unnamed_national(head.end, c1)
            ):
                pass  # its subject is a phrase that names no entity
            elif in_direct:
                own = bare(head.key)
                if m.head_reading.future and own[:1] == "س":
                    own = own[1:]  # "سندعو": we will call
                first_person = own.endswith("نا") and own[:-2] in m.entry.elements[0].verb
                if head.key[:1] in ("ن", "ا") or own[:1] in ("ن",) or first_person:
                    d.source = self._ref_of(quote.speaker if quote else None)
            elif d.plover not in NO_CARRY:
                d.source = self._ref_of(self._carried())
                if d.source is not None and self._subject_sentence != self._sentence and (
                    not self._agrees(d, d.source) or self._passive_marked(d)
                ):
                    d.source = None  # "قتلوا" after "طائرات التحالف": another group, not the dropped subject
                if d.source is not None and not self._carry_agrees(head.key):
                    d.source = None  # "واعتذرت" after "وانتقد الرئيس": another subject
                d.carried = d.source is not None
        if d.target is None and obj is not None:
            d.target = obj
        if frame == "sym" and co is not None and d.target is None:
            d.target, d.symmetric = co, True
        if pron_object and d.source is subj and subj is not None:
            d.target = d.target or pron_target
        else:
            self._objects(d, finder, max(after, head.end), c1)
        if co is not None and d.target is None and d.source is subj and any(
            w.endswith("هما") for w in keys_before(self.doc.text, after, min(c1, after + 60))[:3]
        ):
            d.target = co  # "ورحبت باريس ولندن بتعاونهما": each welcomes what the other does with it
        if frame == "sym" and d.target is None and d.source is not None and self.disc.pair:
            a, b = self.disc.pair
            if d.source.entity in (a, b):
                d.target = self._ref_of(b if d.source.entity == a else a)  # وبحث معه: the other party
                d.symmetric = True
        if (
            frame == "sym" and d.source is None and d.target is not None and d.target.start >= head.end
            and any(bare(k).removeprefix("ال") in PLURAL_HEADS for k in keys_before(self.doc.text, head.end, d.target.start))
        ):
            _, co2 = finder.chain(d.target)
            if co2 is not None and co2.type in ACTOR_TYPES and co2.entity != d.target.entity:
                # "عقد وزراء خارجية مصر والأردن والعراق اجتماعاً": the named parties meet each other
                d.source, d.target, d.symmetric = d.target, co2, True
        if "masdar" in d.extra and d.source is None and d.target is not None:
            self._genitive_doer(d, finder, head.end)
        if d.explicit and d.source is not None and not in_direct and d.source.type in ACTOR_TYPES:
            after_verb = d.source is subj and d.source.start > head.start  # the verb's own subject
            self._established(
                d.source.entity, d.target.entity if d.target else None,
                gender=verb_gender(head.key) if after_verb else None,
            )

    def _genitive_doer(self, d: Draft, finder: ArgumentFinder, pos: int) -> None:
        """A verbal noun, its genitive, then an object after ل ("ردت على قصف الحوثيين لمنطقة
        حدودية", "دعم إيران للحوثيين"): the genitive is the doer, what follows ل the target."""
        gen = d.target
        assert gen is not None
        if gen.start < pos or self.doc.text[pos:gen.start].strip() or finder.prep(gen) is not None or gen.type not in ACTOR_TYPES:
            return
        end, _ = finder.chain(gen)
        m = re.compile(r"[\w\u064b-\u065f\u0670]+").search(self.doc.text, end, finder.end)
        if m is None or self.doc.text[end:m.start()].strip():
            return
        first = bare(match_key(m.group()))
        if not first.startswith("ل") or len(first) <= 3 or first in NOT_OBJECT_L:
            return
        d.source = gen
        nxt = next((r for r in finder.refs if r.start >= end), None)
        own = nxt is not None and nxt.start < m.end() and finder.prep(nxt) == "ل"  # "لإسرائيل"
        placed = nxt is not None and first[1:] in PLACE_NOUNS and not self.doc.text[m.end():nxt.start].strip()  # "لمنطقة نجران"
        d.target = nxt if own or placed else None
