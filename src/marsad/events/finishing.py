"""The last touches on a draft once its roles are read: modality, place, doers and targets named
only by a nationality adjective, an aid's recipient, a casualty count."""

from __future__ import annotations

from marsad.events.arguments import ACTOR_TYPES, PLACE_TYPES, SUBJECT_NOUNS, ArgumentFinder, Ref
from marsad.events.drafts import Draft
from marsad.events.places import Placing
from marsad.events.quotes import COMPLEMENTIZERS
from marsad.events.triggers import Tok, read_modality, readings
from marsad.events.vocabulary import (
    ARRIVE,
    COUNTED,
    MATERIAL,
    MONTHISH,
    NUMBER_WORDS,
    bare,
    keys_before,
)
from marsad.normalize import match_key

# words that end the adjectives of a noun trigger: what follows them is its object ("اعتقال هذا
# التونسي", "حملة ضد الإيرانيين"), not its doer
NOT_ADJECTIVES = frozenset(
    match_key(w)
    for w in (
        "ضد", "بحق", "هذا", "هذه", "ذلك", "تلك", "هؤلاء", "أحد", "احد", "بعض", "كل",
    )
)
# acts whose noun, with a nationality adjective, names its doer by its country
NATIONAL_ACTS = frozenset({"COOPERATE", "REJECT", "REQUEST", "SUPPORT"})  # not "الاتفاق الإيراني": the deal with Iran
# heads of an unnamed informant: "مصادر مطلعة", "مصدر أمني", "المصدر"
SOURCE_NOUNS = frozenset(match_key(w) for w in ("مصدر", "مصادر"))


class DraftFinishing(Placing):
    """:meth:`_finish` completes a draft (see the module docstring)."""

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
        if d.plover == "THREATEN" and d.modality == "future":
            d.modality, d.tense = "asserted", "past"  # "ستواجه برد قاس": the threat is made now
        if d.location is None:
            d.location = self._scene(d, toks, finder)
        if d.plover in ("ASSAULT", "COERCE") and (d.location is None or d.location is self.dateline_place):
            hit = finder.place_after(d.clause_start, d.clause_end, ("علي",))
            d.location = hit or d.location  # "شنته قوات الاحتلال على مدينة رفح"
        self._nationalities(d, toks)
        if d.source is not None and self._unnamed_source(d.source):
            d.source = None  # "قالت مصادر مقربة إن …": who reports an act is not its doer
        if d.target is not None and self._unnamed_source(d.target):
            d.target = None
        if d.source is not None and d.target is not None and d.source.entity == d.target.entity:
            d.target = None  # nobody acts on itself: the second reading was wrong
        if d.plover == "AID" and d.target is None:
            d.target = self._recipient(d, finder)
            if d.target is not None and d.target.type in PLACE_TYPES:
                d.location = d.target  # "دخلت قطاع غزة": where the aid went
        if d.cameo == "170" and d.verbal and d.target is None and d.location is not None and "scene_word" not in d.extra:
            d.target = d.location  # a raid is on the place it storms
        if (
            d.plover in ("ASSAULT", "COERCE") and d.target is None and d.location is not None
            and d.location is not self.dateline_place and "scene_word" not in d.extra
        ):
            # an attack with no named victim is coded against the place's country (CAMEO usage);
            # a place of unknown country takes the country of the next place ("حي كفرسوسة بمدينة
            # دمشق")
            ents = self.mentions.entities
            places = [d.location] + [r for r in finder.refs if r.type in PLACE_TYPES and d.location.end <= r.start < d.clause_end]
            place = next((p for p in places if ents.get(p.entity) is not None and ents[p.entity].country), None)
            country = self.mentions.country_entity(ents[place.entity].country) if place is not None else None
            target = self._ref_of(country.id) if country is not None else None
            own = self._country(d.source) if d.source is not None else None
            if target is not None and (d.source is None or (d.source.entity != target.entity and own != self._country(target))):
                d.target = target
                d.extra["target_from_place"] = "1"
        if (
            d.plover in ("CONSULT", "AGREE", "COOPERATE") and d.source is not None and d.target is not None
            and d.source.entity != d.target.entity and not d.quote_speaker
            and (d.source.type == "GPE") == (d.target.type == "GPE")
            and d.source.type in ACTOR_TYPES and d.target.type in ACTOR_TYPES and "framed" not in d.extra
        ):
            self.disc.pair = (d.source.entity, d.target.entity)  # "الجانبان" will mean these two
        if d.plover in COUNTED:
            d.count = self._count(toks, d)
        return d

    def _unnamed_source(self, r: Ref) -> bool:
        """An unnamed informant ("مصادر مطلعة", "مصدر أمني", "المصدر"): every mention of the
        entity opens with a source noun. It tells what happened; it is no party to it."""
        e = self.mentions.entities.get(r.entity)
        if e is None or e.type != "PER" or not e.mentions:
            return False
        return all(bare(match_key(m.text.split()[0])).removeprefix("ال") in SOURCE_NOUNS for m in e.mentions if m.text.split())

    def _recipient(self, d: Draft, finder: ArgumentFinder) -> Ref | None:
        """Who aid goes to: "إلى X", "لـ X", "على X" or the place it reached ("دخلت قطاع غزة")."""
        src = d.source.entity if d.source else None
        fallback = None
        for r in finder.refs:
            if r.start < d.trig_end or r.entity == src or r.start >= finder.end:
                continue
            p = finder.prep(r)
            if p in ("الي", "ل", "علي", "لصالح"):
                return r
            if p == "في" and r.type in PLACE_TYPES and fallback is None:
                fallback = r  # "إنزالات جوية على مناطق في شمال قطاع غزة"
            if p is None:
                words = keys_before(self.doc.text, max(finder.start, r.start - 20), r.start)
                if words and any(rd.verb and rd.stem in ARRIVE for rd in readings(words[-1], False)):
                    return r
        return fallback

    def _nationalities(self, d: Draft, toks: list[Tok]) -> None:
        """Doers and targets named only by a nationality adjective ("غارة إسرائيلية")."""
        m = d.match
        if d.source is None and d.plover in MATERIAL:
            near = self._adjectives_after(toks, m.trigger[1], 4)
            if m.verbal:
                near = [i for i in range(max(0, m.head - 3), m.head) if toks[i].start >= d.clause_start]
                if m.head + 1 < len(toks) and bare(toks[m.head + 1].key).removeprefix("ال") in SUBJECT_NOUNS:
                    near += list(range(m.head + 2, min(len(toks), m.head + 5)))
                if d.plover == "AID":
                    # "وصلت قافلة مساعدات أردنية": the aid named by its donor's nationality
                    near += [i for i in range(m.trigger[1] + 1, min(len(toks), m.trigger[1] + 4))
                             if toks[i].start < d.clause_end]
            ent = self._nation_entity(toks, near)
            if ent is not None:
                d.source = ent
        elif d.source is None and not m.verbal and d.plover in NATIONAL_ACTS:
            # "التعاون الأمريكي مع دول الخليج", "الرفض الفلسطيني": the act's own adjective names its doer
            ent = self._nation_entity(toks, self._adjectives_after(toks, m.trigger[1], 2))
            if ent is not None and (d.target is None or ent.entity != d.target.entity):
                d.source = ent
        if d.target is None and d.plover in ("ACCUSE", "PROTEST", "REJECT", "THREATEN", "SUPPORT"):
            near = list(range(m.trigger[1] + 1, min(len(toks), m.trigger[1] + 5)))
            if d.source is not None and d.source.start >= toks[m.trigger[1]].end and d.source.start < d.clause_end:
                # "أشاد كبير مستشاري الرئيس الأمريكي … مسعد بولس بالدور القطري": the adjectives of
                # the subject's title are not what is praised; read after the subject
                first = next((i for i, t in enumerate(toks) if t.start >= d.source.end), len(toks))
                near = list(range(first, min(len(toks), first + 4)))
            if d.source is not None and d.source.end > toks[m.trigger[1]].end and m.verbal and d.plover in ("THREATEN", "ACCUSE"):
                # after the subject: "هدد X بالرد على ما وصفه بـ"العدوان الأميركي""
                first = next((i for i, t in enumerate(toks) if t.start >= d.source.end), len(toks))
                near += [i for i in range(first, min(len(toks), first + 16)) if toks[i].start < d.clause_end]
            if d.cameo.startswith("114"):
                near = [i for i, t in enumerate(toks) if t.start >= toks[m.trigger[1]].end]  # the accused
            own = self._country(d.source) if d.source is not None else None
            ent = self._nation_entity(toks, near, skip=own)
            if ent is not None and (d.source is None or ent.entity != d.source.entity):
                d.target = ent
        if d.target is None and d.plover == "THREATEN":
            # "هدد بأن العدو سيدفع الثمن": the subject of the threatened clause
            comp = next((t for t in toks if t.start >= toks[m.trigger[1]].end and t.start < d.clause_end
                         and t.key in COMPLEMENTIZERS), None)
            if comp is not None:
                r = ArgumentFinder(self.doc, self.mentions, comp.end, d.clause_end).subject_after(comp.end, d.clause_end)
                if r is not None and (d.source is None or r.entity != d.source.entity):
                    d.target = r
        if d.target is None and d.plover == "THREATEN" and d.source is not None and m.verbal:
            # "هدد قاسم بأن "العدو سيدفع الثمن"، وأضاف: "إذا وسع الاحتلال عدوانه …"": the first
            # actor of another country named later in the threatener's sentence
            own = self._country(d.source)
            for r in self.mentions.between(toks[m.trigger[1]].end, toks[-1].end):
                if r.type in ACTOR_TYPES and r.entity != d.source.entity and self._country(r) and self._country(r) != own:
                    if self.mentions.prep(r.start, toks[0].start) in (None, "ضد", "علي"):
                        d.target = r
                    break
        if d.target is None and m.verbal and d.plover in ("ASSAULT", "COERCE"):
            # "استهدفت سفينة أميركية": the object named by its nationality
            ent = self._nation_entity(toks, list(range(m.trigger[1] + 1, min(len(toks), m.trigger[1] + 4))))
            if ent is not None and (d.source is None or ent.entity != d.source.entity):
                d.target = ent

    @staticmethod
    def _adjectives_after(toks: list[Tok], last: int, n: int) -> list[int]:
        """The tokens after a noun trigger up to a demonstrative, "ضد"/"بحق" or punctuation: its
        own adjectives ("غارة جوية إسرائيلية"), not its object ("إلقاء القبض على هذا التونسي":
        the Tunisian is arrested, not arresting)."""
        out = []
        for i in range(last + 1, min(len(toks), last + 1 + n)):
            if not toks[i].is_word or bare(toks[i].key) in NOT_ADJECTIVES:
                break
            out.append(i)
        return out

    def _count(self, toks: list[Tok], d: Draft) -> int | None:
        lo, hi = d.match.trigger[0] - 3, d.match.trigger[1] + 8
        for i in range(max(0, lo), min(len(toks), hi)):
            t = toks[i]
            if not (d.clause_start <= t.start < d.clause_end):
                continue
            k = bare(t.key)
            n = int(k) if k.isdecimal() and k.isascii() else NUMBER_WORDS.get(k)
            if n is None:
                continue
            nxt = bare(toks[i + 1].key) if i + 1 < len(toks) else ""
            prv = bare(toks[i - 1].key) if i > 0 else ""
            if nxt in MONTHISH or prv in MONTHISH or n > 100000 or n == 0:
                continue
            if nxt in NUMBER_WORDS and n < 100:
                continue
            return n
        return None
