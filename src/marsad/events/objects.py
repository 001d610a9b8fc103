"""What or whom an act is done to: the first object or prepositional target after the trigger,
a pair after بين, a visit's destination, an allegation's perpetrator, a decision's maker."""

from __future__ import annotations

import bisect
import re

from marsad.events.arguments import (
    _TITLES,
    _W,
    ACTOR_TYPES,
    PLACE_TYPES,
    ArgumentFinder,
    Ref,
    _bare,
    fillers_only,
    nationality,
    word_key,
    word_start,
)
from marsad.events.drafts import Draft, tok_start
from marsad.events.quotes import COMPLEMENTIZERS
from marsad.events.reader_core import ReaderCore
from marsad.events.triggers import Match, Tok
from marsad.events.vocabulary import (
    DECISIONS,
    FOLDING_ACTS,
    MATERIAL,
    RELATIVE,
    THE_COUNTRY,
    THE_GOVERNMENT,
    WHY,
    bare,
    keys_before,
)
from marsad.normalize import match_key


class ObjectFinding(ReaderCore):
    """Finders of an act's target and place (see the module docstring)."""

    def _objects(self, d: Draft, finder: ArgumentFinder, a: int, b: int, words: int = 8, places: bool = True) -> None:
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
        if (
            d.source is not None and a <= d.source.start < b and not d.verbal
            and fillers_only(self._unnamed_words(finder, a, d.source.start), titles=True)
        ):
            # "زيارة رئيس الوكالة يوكيا أمانو لمجلس الشيوخ": the target follows the doer named
            # after the noun and its title, not the words of the title
            a = max(a, finder.chain(d.source)[0])
        places = places and d.match.entry.frame not in ("host",)
        reach = d.trig_end
        if "head" in d.match.entry.flags and d.verbal:
            # "ودعا X، الذي …، إسرائيل إلى": the pattern's context words reach further than its
            # trigger word; a target is looked for as near to them as to a trigger spanning them
            reach = max(reach, self._sentence_tokens(finder.start, finder.end)[d.match.tokens[-1]].end)
        if d.plover == "ACCUSE" and not d.cameo.startswith("114"):
            # "إدانتها للعدوان الإسرائيلي على الأراضي السورية": the condemned is the adjective's country
            first3 = [i for i, _t in enumerate(self._sentence_tokens(a, b)) if i < 3]
            ent = self._nation_entity(self._sentence_tokens(a, b), first3, skip=self._country(d.source) if d.source else None)
            if ent is not None:
                d.target = ent
                return
        other = self.disc.other
        if d.carried and d.source is not None and other is not None and other != d.source.entity and d.plover in FOLDING_ACTS:
            first = finder.target_after(a, b, set(), places=False, words=words, counted_from=reach)
            if first is not None and first.entity == d.source.entity:
                # "وقدم سمو ولي العهد شكره لسمو الشيخ طحنون": the party addressed is the carried
                # subject, so the carried subject was the wrong one of the two: the other speaks
                d.source = self._ref_of(other)
                exclude = {other}
        t = finder.target_after(a, b, exclude, places=places, words=words, counted_from=reach)
        last = d.match.tokens[-1]
        last_tok = self._sentence_tokens(finder.start, finder.end)[last] if "head" in d.match.entry.flags else None
        if last_tok is not None and d.plover == "REQUEST" and bare(last_tok.key) == "من":
            # "طلب رئيس الوزراء من مجلس الأمن": who is asked follows the pattern's من
            r = next((r for r in finder.refs if r.start >= last_tok.end), None)
            if r is not None and r.entity not in exclude and fillers_only(self.doc.text[last_tok.end:r.start], titles=True):
                t = r
        elif match_key(self.doc.text[d.trig_start:d.trig_end]).endswith(" من"):
            # "طلب من X", "طلبنا من الاتحاد الأوروبي": who is asked follows the من of the trigger
            r = next((r for r in finder.refs if r.start >= d.trig_end), None)
            if r is not None and r.entity not in exclude and fillers_only(self.doc.text[d.trig_end:r.start], titles=True):
                t = r
        if t is not None and (q := self._title_holder(finder, t, b)) is not None and q.entity not in exclude:
            t = q  # "استقبل X المبعوث الشخصي للأمين العام … ستافان دي ميستورا": the envoy, not his master
        if t is not None and self._holder(d, finder, t, b):
            # "أعرب عن تقدير المملكة المتحدة للدور الأردني": the genitive holds the feeling
            t = finder.target_after(t.end, b, exclude | {t.entity}, places=places, words=words, counted_from=reach)
            if t is None:
                near = self._sentence_tokens(d.trig_end, b)[:6]  # a sentence can end sooner
                t = self._nation_entity(near, list(range(len(near))))
                if t is not None and d.source is not None and self._country(t) == self._country(d.source):
                    t = None
        if t is None and d.plover in ("SUPPORT", "ACCUSE", "REJECT"):
            # "أعرب عن تقديره للتعاطف الذي أبداه الرئيس ومسؤولون روس": whose act is praised
            t = self._relative_subject(finder, d.match.trigger[1], b, d.source)
        while t is not None and d.cameo.startswith("114") and finder.prep(t) not in ("ضد", "علي"):
            # a complaint goes to the UN; it is against someone else ("ضد X")
            t = finder.target_after(t.end, b, exclude | {t.entity}, places=places, words=words + 6, counted_from=reach)
        if d.plover == "REJECT" and (not d.verbal or "masdar" in d.extra) and t is not None and len(keys_before(self.doc.text, d.trig_end, t.start)) > 3:
            t = None  # "رفض المملكة القاطع لأي محاولات لتهجير الشعب": the victims of what is rejected
        if t is None and d.source is not None and d.plover in ("REQUEST", "ACCUSE", "PROTEST", "REJECT"):
            t = self._own_government(finder, d, a, b)
        d.target = t
        ours = any(bare(t.key).endswith("نا") and len(t.key) > 5 for t in self._sentence_tokens(d.trig_end, b)[:3])
        if d.target is None and d.quote_speaker and d.plover in ("REJECT", "ACCUSE", "THREATEN", "COERCE") and ours:
            d.target = self._ref_of(d.quote_speaker)  # "الوزارة رفضت كل مقترحاتنا": "we" are the speaker's side

    def _title_holder(self, finder: ArgumentFinder, t: Ref, b: int) -> Ref | None:
        """An object found as the genitive "لـX" of a title the recognizer did not read as one
        ("المبعوث الشخصي للأمين العام للأمم المتحدة إلى الصحراء ستافان دي ميستورا"): the person
        named at the end of the title holds it, and he is the object."""
        if finder.prep(t) != "ل":
            return None
        a = word_start(self.doc.text, t.start, finder.start)  # "ل" sits on the mention's own word
        words = list(_W.finditer(self.doc.text, max(finder.start, a - 40), a))
        for w in reversed(words[-3:]):
            key = _bare(word_key(w.group()))
            if key in _TITLES:
                break
            if not key.startswith("ال"):
                return None
        else:
            return None
        for q in finder.refs:
            if q.start < t.end:
                continue
            gap = self.doc.text[t.end : q.start]
            keys = [word_key(x) for x in _W.findall(gap)]
            if q.start >= b or len(keys) > 8 or re.search(r"[:«»\"“”،,.]", gap) or any(
                k in COMPLEMENTIZERS or self._is_trigger_word(k) for k in keys
            ):
                return None
            if q.type == "PER" and not q.role and finder.prep(q) is None and q.entity != t.entity:
                return q
        return None

    def _unnamed_words(self, finder: ArgumentFinder, a: int, b: int) -> str:
        """The text of [a, b) with the mentions in it left out ("رئيس [الوكالة] …")."""
        parts, at = [], a
        for r in finder.refs:
            if r.start >= b:
                break
            if r.start >= at:
                parts.append(self.doc.text[at:r.start])
                at = r.end
        parts.append(self.doc.text[at:b] if at < b else "")
        return " ".join(parts)

    def _relative_subject(self, finder: ArgumentFinder, last: int, b: int, source: Ref | None) -> Ref | None:
        """The doer in a relative clause on what a statement is about ("للدور الذي تضطلع به
        دولة قطر", "للتعاطف الذي أبداه الرئيس ومسؤولون روس"): a named actor, else the country of
        a nationality adjective on a people noun; never the speaker's own side."""
        toks = self._sentence_tokens(finder.start, finder.end)  # ``last`` indexes these
        rel = next((i for i in range(last + 1, min(len(toks), last + 4)) if toks[i].key in RELATIVE), None)
        if rel is None or rel + 1 >= len(toks) or toks[rel].start >= b:
            return None
        own = self._country(source) if source is not None else None
        window: list[int] = []
        for i in range(rel + 2, min(len(toks), rel + 8)):
            k = bare(toks[i].key)
            if not toks[i].is_word or k in COMPLEMENTIZERS or k in ("في", "خلال", "منذ"):
                break
            window.append(i)
        if not window:
            return None
        lo, hi = toks[rel + 1].end, toks[window[-1]].end
        for r in finder.refs:
            if (
                lo <= r.start < hi and r.type in ACTOR_TYPES and finder.prep(r) in (None, "ب")
                and (source is None or r.entity != source.entity) and (own is None or self._country(r) != own)
            ):
                return r
        return self._nation_entity(toks, window, skip=own)

    def _own_government(self, finder: ArgumentFinder, d: Draft, a: int, b: int) -> Ref | None:
        """"تجمع مئات الإسرائيليين … مطالبين الحكومة بإبرام اتفاق": a bare "الحكومة" or
        "السلطات" (no name, no nationality after it) is the government of the actor's country."""
        found = list(re.finditer(r"[\w\u064b-\u065f\u0670]+", self.doc.text[a:b]))[:2]
        words = [bare(match_key(w.group())) for w in found]
        if not words or words[0] not in THE_GOVERNMENT:
            return None
        if len(words) > 1 and nationality(words[1]):
            return None  # "الحكومة الإسرائيلية" is named by its adjective (another rule)
        if any(r.start < a + found[0].end() and r.end > a + found[0].start() for r in finder.refs):
            return None  # a mention covers it: the recognizer named it
        country = self.mentions.country_entity(self._country(d.source)) if d.source is not None else None
        return self._ref_of(country.id) if country is not None else None

    def _holder(self, d: Draft, finder: ArgumentFinder, t: Ref, b: int) -> bool:
        els = d.match.entry.elements
        if d.plover not in ("SUPPORT", "ACCUSE", "REJECT") or not els[-1].noun or d.source is None:
            return False
        if finder.genitive_after(d.trig_end, b) != t:
            return False
        return t.entity == d.source.entity or (self._country(t) is not None and self._country(t) == self._country(d.source))

    def _before_complementizer(self, a: int, b: int) -> int:
        """Objects end at a complementizer (another proposition) or at a response or purpose
        ("رداً على مجزرة النبطية" is why, not whom)."""
        for t in self._sentence_tokens(a, b):
            if t.key in COMPLEMENTIZERS or bare(t.key) in WHY:
                return t.start
        return b

    def _perpetrator(
        self, finder: ArgumentFinder, toks: list[Tok], m: Match, a: int, b: int, speaker: str
    ) -> Ref | None:
        """Who an allegation names: the genitive ("جرائم الاحتلال"), a nationality adjective
        ("العدوان الإسرائيلي") or an agent ("على يد"); a victim after ل is not the accused."""
        r = finder.genitive_after(a, b)
        if r is not None and r.entity != speaker and r.type in ACTOR_TYPES:
            return r
        n = self._nation_entity(toks, list(range(m.trigger[1] + 1, min(len(toks), m.trigger[1] + 3))))
        if n is not None and n.entity != speaker:
            return n
        r = finder.agent(a, b)
        if r is not None and r.entity != speaker:
            return r
        # "الجرائم … التي يرتكبها الكيان": the subject of the relative clause
        for i in range(m.trigger[1] + 1, min(len(toks) - 1, m.trigger[1] + 5)):
            if toks[i].key in RELATIVE:
                r = finder.subject_after(toks[i + 1].end, b)
                if r is not None and r.entity != speaker:
                    return r
                break
        return None

    def _destination(self, d: Draft, finder: ArgumentFinder, a: int, b: int) -> None:
        """A visit's place: its location; the place's country is the visit's target."""
        place = None
        for r in finder.refs:
            if a <= r.start < b and r.type in PLACE_TYPES and finder.prep(r) in (None, "الي", "ل"):
                place = r
                break
        if place is None:
            if bare(finder.next_word(a)) in THE_COUNTRY and self.dateline_place is not None:
                place = self.dateline_place  # "الذي يزور البلاد حالياً": the country the report is filed from
            else:
                return
        d.location = place
        if d.target is None or d.target == place or d.target.type in PLACE_TYPES:
            ent = self.mentions.entities.get(place.entity)
            country = self.mentions.country_entity(ent.country if ent else None)
            d.target = self._ref_of(country.id) if country is not None else place

    def _decision_maker(self, d: Draft, toks: list[Tok]) -> Ref | None:
        """"رحبت الوزارة بالقرار", "ندد بالعقوبات": the one who took the decision told before (the
        doer of the last sanction, measure or material act of the last sentences), when the
        statement's object is such a decision word."""
        i = d.match.trigger[1] + 1
        words = [bare(t.key) for t in toks[i:i + 6] if t.is_word]
        if d.source is not None:
            end = bisect.bisect_left(toks, d.source.end, key=tok_start)
            if d.source.start >= toks[d.match.trigger[1]].end:
                words = [bare(t.key) for t in toks[end:end + 3] if t.is_word]
        if not words or words[0].removeprefix("ب").removeprefix("ال") not in DECISIONS:
            return None
        for x in reversed(self.history[-16:]):
            if x.plover in MATERIAL and x.source is not None and x.sentence >= self._sentence - 8 and not x.background:
                if x.source.entity != d.source.entity:  # type: ignore[union-attr]
                    return x.source
                return None
        return None

    def _other_side(self, source: Ref, x: Ref, y: Ref) -> Ref:
        ents = self.mentions.entities
        sc = ents[source.entity].country if source.entity in ents else None
        xc = ents[x.entity].country if x.entity in ents else None
        if source.entity == x.entity or (sc and sc == xc):
            return y
        return x
