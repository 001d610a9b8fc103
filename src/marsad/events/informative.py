"""Which settled drafts are events worth coding: none that says nothing about anyone, restates
an event already coded, or counts a running total; and when two drafts are one act."""

from __future__ import annotations

from marsad.events.arguments import PAIR_WORDS, PLACE_TYPES, Ref
from marsad.events.drafts import Draft, toks_key
from marsad.events.reader_core import ReaderCore
from marsad.events.triggers import Tok
from marsad.events.vocabulary import (
    COUNTED,
    DEMONSTRATIVES,
    DURING,
    LONG_UNITS,
    MATERIAL,
    NEEDS_ARGS,
    NUMBER_WORDS,
    RECENT,
    RISE,
    STATEMENTS,
    TOTAL_WORDS,
    bare,
    keys_before,
)


def running_total(d: Draft, toks: list[Tok]) -> bool:
    """A running total is no event: "أسفر التصعيد منذ الثامن من أكتوبر عن مقتل 296 شخصاً",
    "عدد حالات الاعتقال منذ السابع من أكتوبر" (a nominal casualty, attack or arrest whose
    clause counts from a date)."""
    if d.plover not in COUNTED:
        return False
    lo, hi = d.match.head - 10, d.match.trigger[1] + 6
    near = [bare(t.key) for t in toks[max(0, lo):hi] if d.clause_start <= t.start < d.clause_end and t.is_word]
    pairs = list(zip(near, near[1:] + [""], strict=True))
    # a total over a long span: "قتلت 3042 … خلال 10 أشهر", "قتلوا … خلال هذه الفترة"
    rest: list[str] = []  # the words after the trigger, up to the next comma
    for t in toks[d.match.trigger[1] + 1:d.match.trigger[1] + 30]:
        if t.key in ("،", ",", ".", "؛", ":"):
            break
        if t.is_word:
            rest.append(bare(t.key))
    over = any(
        w == "خلال" and (nxt in LONG_UNITS or nxt.isdigit() or nxt in NUMBER_WORDS or nxt in DEMONSTRATIVES)
        and any(u in LONG_UNITS for u in rest[i + 1:i + 4])
        for i, (w, nxt) in enumerate(zip(rest, rest[1:] + [""], strict=False))
    )
    lead = [bare(t.key) for t in toks[max(0, d.match.head - 12):d.match.head] if t.is_word]
    total = any(w in TOTAL_WORDS for w in lead) or any(w in RISE and n in ("عدد", "العدد", "حصيله") for w, n in zip(lead, lead[1:], strict=False))
    if (over or total) and d.plover in ("ASSAULT", "COERCE"):
        return True  # "ارتفاع العدد الإجمالي للقتلى … جراء غارات التحالف"
    if d.verbal:
        return False
    # "منذ صباح اليوم" counts today's events, not a running total
    return any(w == "منذ" and nxt not in RECENT for w, nxt in pairs)


def present_tense(d: Draft) -> bool:
    """The trigger verb is in the present tense (يستهدف، تستهدف), not a past form in ت (توغل)."""
    k = bare(toks_key(d))
    forms = d.match.entry.elements[0].verb
    return k[:1] == "ي" and k in forms or (k[:1] == "ت" and "ي" + k[1:] in forms)


def same_act(a: Draft, b: Draft, toks: list[Tok]) -> bool:
    """Two drafts of one act: same type and parties, and not two distinct verbs — unless
    the second is told "خلاله" (during the first)."""
    if a.plover != b.plover or a.background != b.background:
        return False
    casualties = a.plover == "ASSAULT" and a.match.entry.frame == b.match.entry.frame == "passive"
    # "لقي أربعة أشخاص مصرعهم بينما أصيب 20 آخرون": the killed and the wounded of one attack
    if a.verbal and b.verbal and a.cameo != b.cameo and not b.converted and not a.converted and not casualties:
        near = [bare(t.key) for t in toks[b.match.head + 1:b.match.head + 3]]
        near += [bare(t.key) for t in toks[max(0, b.match.head - 2):b.match.head]]
        if not any(w in DURING for w in near):
            return False
    sa, sb = (a.source.entity if a.source else None), (b.source.entity if b.source else None)
    ta, tb = (a.target.entity if a.target else None), (b.target.entity if b.target else None)
    if sa != sb and sa is not None and sb is not None:
        return False
    return ta == tb or ta is None or tb is None


class Informativeness(ReaderCore):
    """Tests of a draft against the sentence and the events already coded."""

    def _restated(self, d: Draft, toks: list[Tok]) -> bool:
        """A definite verbal noun with nothing of its own ("وتقضي العقوبات", "نجاح الإضراب") names
        an event already coded: not a new one."""
        if d.verbal or "participle" in d.match.entry.flags or "fact" in d.match.entry.flags:
            return False
        if d.modality == "future" and any(self._same_plan(x, d) for x in self.history):
            return True  # "التوقيع على اتفاق … مدرج على جدول الأعمال": the agreement told before, still planned
        if d.source is not None and (d.plover == "SANCTION" or d.cameo.startswith("172")) and not d.count:
            side = self._country(d.source) or d.source.entity
            if any(
                x.cameo == d.cameo and x.source is not None and (self._country(x.source) or x.source.entity) == side
                and x.sentence >= self._sentence - 6
                for x in self.history[-12:] + [y for y in self._current if y is not d]
            ):
                return True  # "مددت الحكومة حالة الطوارئ … وحدد القرار فرض حالة الطوارئ": one decision told again
        head = toks[d.match.head]
        if not bare(head.key).startswith(("ال", "بال", "لل", "وال")):
            return False
        if (d.source is not None and "coreferent" not in d.extra) or "told" in d.extra:
            return False
        return any(x.plover == d.plover and x.sentence != self._headline for x in self.history)

    def _parties(self, d: Draft) -> frozenset[str]:
        """The countries (else entity ids) of an event's two sides."""
        out = set()
        for r in (d.source, d.target):
            if r is not None:
                out.add(self._country(r) or r.entity)
        return frozenset(out)

    def _same_plan(self, told: Draft, d: Draft) -> bool:
        """A planned act that an event already coded names: same kind (an agreement and its
        signing are one kind) between the same sides."""
        def agreement(x: Draft) -> bool:
            return x.cameo.startswith("03") or x.cameo.startswith("057")

        same_kind = told.plover == d.plover or (agreement(told) and agreement(d))
        return same_kind and told.sentence < self._sentence and self._parties(told) == self._parties(d) != frozenset()

    def _doer_told_before(self, d: Draft) -> Ref | None:
        """The doer of an act referred to by a bare noun ("أدان الاقتحام", "هذه الاعتداءات"): the
        source of the last event of that type coded in the last few sentences."""
        if d.plover not in MATERIAL and d.plover != "PROTEST":
            return None
        for x in reversed(self.history[-12:]):
            if x.plover == d.plover and x.source is not None and x.sentence >= self._sentence - 8:
                return x.source
        return None

    def _informative(self, d: Draft) -> bool:
        """Drop what says nothing about anyone: a nominal diplomatic act with no party, concern
        voiced at nobody, a casualty report with no number and no one named."""
        nominal = (not d.verbal or "masdar" in d.extra) and "participle" not in d.match.entry.flags
        if nominal and d.plover in NEEDS_ARGS | {"RETREAT"} and d.source is None and d.target is None:
            return False
        if "target" in d.match.entry.flags and d.target is None:
            return False  # "حذرت المنظمة من انتشار الوباء": a warning at nobody threatens nobody
        if d.plover == "CONSULT" and d.cameo == "040" and d.target is None and not d.symmetric and (
            not d.verbal or "masdar" in d.extra or d.match.entry.literal_count > 1
        ) and not self._partner_word(d):
            return False  # "عقد مجلس الوزراء جلسته", "ستعقد الحكومة اجتماعاً": a body's own session
        if nominal and d.plover in STATEMENTS and d.source is None and bare(toks_key(d)).startswith(("ال", "بال", "لل")):
            return False  # "المطالبات الانفصالية", "لا يمنع المطالبة بـ": a demand in general, nobody's act
        if self._domestic_visit(d):
            return False
        if nominal and d.plover == "AID" and d.source is None:
            return False  # aid talked about, not given by anyone
        if d.converted and d.target is None:
            return False
        if d.plover in NEEDS_ARGS and d.source is None and d.target is None and "attributive" in d.extra:
            return False  # "لافتات تطالب": a verb describing a noun, nobody named on either side
        if nominal and d.plover in ("ASSAULT", "COERCE") and d.source is None and d.count is None:
            if d.background:
                if d.location is None or d.location is self.dateline_place:
                    return False  # "رداً على مجزرة النبطية": a reference, not placed
            elif d.target is None or "target_from_place" in d.extra:
                return False  # violence with nobody named on either side: commentary
        if "reference" in d.extra or "unrealised" in d.extra:
            return False
        if d.plover == "ACCUSE" and d.cameo == "110" and d.target is None:
            return False
        if (
            d.verbal and d.plover == "ASSAULT" and d.source is None and ("attributive" in d.extra or d.relative)
            and present_tense(d)
        ):
            return False  # "محاولات إرهابية تستهدف أمنها", "العناصر التي تستهدف المساجد": what such people do
        placed = "target_from_place" in d.extra
        casualty = not d.verbal and d.match.entry.frame == "passive" and d.plover == "ASSAULT"
        return not (casualty and d.count is None and d.source is None and (d.target is None or placed))

    def _partner_word(self, d: Draft) -> bool:
        """A meeting with someone, named or not ("مباحثاته مع كبار ممثلي الدائنين", "بين الطرفين",
        "الجانبين"): within a few words after the trigger, in its clause."""
        words = keys_before(self.doc.text, d.trig_end, min(d.clause_end, d.trig_end + 80))[:6]
        return any(w in ("مع", "بين", "ومع") or w in PAIR_WORDS or w.startswith(("بالرييس", "بالوزير", "بوفد")) for w in words)

    def _domestic_visit(self, d: Draft) -> bool:
        """A visit needs a host of another side: a minister at his own country's embassy or
        ministry ("زار الوزير سفارة خادم الحرمين في روما") visits no one."""
        if d.match.entry.frame != "visit" or d.source is None or d.target is None:
            return False
        if d.target.type in PLACE_TYPES:
            return False  # a city or a country of one's own is still a visit to that place
        own = self._country(d.source)
        return own is not None and own == self._country(d.target)
