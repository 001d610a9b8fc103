"""Where an event happened: the words that make a place mention the scene of an act.

Conventions (CAMEO and ACLED code the place of the act, not of its report):

* an attack, arrest, raid, protest or aid delivery happened where it struck or arrived: the place
  the text sets it in ("في", "بمدينة", "قرب", "بالقرب من", "شمال", "خارج", "في أنحاء متفرقة
  من"), else the place of the act told just before in the same story (a follow-up sentence
  rarely repeats the town), else, for an arrest or crackdown by a state's own forces, that state;
* a meeting or visit happened where it is held; a phone call has no place;
* a statement, appeal, accusation or condolence has a place only when the text says where it was
  made, or its speaker's meeting or visit told nearby, never the place of an act it mentions
  ("اتهمت تونس بتعطيل ترحيل العامري المشتبه في تنفيذه الاعتداء ببرلين": Berlin is the attack's);
  one exception follows the project's gold: a condemnation (CAMEO 111) is placed where the act it
  condemns happened ("أدان الحادث الإرهابي الذي وقع في كرمان", "استنكاره للاعتداء … بمنطقة عسير");
* an attack's place is where it struck: "رداً على المجزرة التي ارتكبها العدو في النبطية" gives
  the answered act's place, not the reply's;
* the dateline city is the default only for an act of the dateline's country; a foreign act
  reported from it ("طهران - ... في اليمن") is not placed there.
"""

from __future__ import annotations

import re

from marsad.events.arguments import (
    PLACE_NOUNS,
    PLACE_TYPES,
    ArgumentFinder,
    Ref,
    _bare,
    nationality,
    word_key,
    word_start,
)
from marsad.events.drafts import Draft
from marsad.events.reader_core import ReaderCore
from marsad.events.triggers import Tok
from marsad.events.vocabulary import PHONE, RELATIVES, W_WORD, bare
from marsad.normalize import match_key

_BREAK = re.compile(r"[،,.:;؛!?؟\n]")

# acts that are said, not done: their place is where they were said, if the text tells it
SPEECH = frozenset({"ACCUSE", "REQUEST", "SUPPORT", "REJECT", "THREATEN", "AGREE", "DISAPPROVE"})
# acts done on the ground: a follow-up sentence without a place continues the last one's place
GROUND = frozenset({"ASSAULT", "COERCE", "MOBILIZE", "AID", "PROTEST", "RETREAT"})

# words that set the scene themselves: "قرب الحدود", "خارج مدينة أجدابيا", "شمال اليمن"
_SCENE = frozenset(
    match_key(w)
    for w in (
        "في", "قرب", "بالقرب", "خارج", "داخل", "بداخل", "شمال", "جنوب", "شرق", "غرب", "شمالي",
        "جنوبي", "شرقي", "غربي", "وسط", "أطراف", "باطراف", "ضواحي", "بضواحي", "محيط", "بمحيط",
        "أمام", "ريف", "بريف", "قبالة", "شمالا", "جنوبا", "شرقا", "غربا",
    )
)
# "بالقرب من X", "القريبة من X", "في أنحاء متفرقة من X": من after these sets a scene
_NEAR_FROM = frozenset(
    match_key(w)
    for w in ("بالقرب", "قرب", "قريبة", "القريبة", "قريب", "القريب", "بمقربة", "مقربة", "أنحاء", "متفرقة", "مختلف")
)
# place nouns between the scene word and the name ("في قضاء الطارمية", "بمديرية نعمان")
_NOUNS = PLACE_NOUNS | frozenset(
    match_key(w)
    for w in (
        "قضاء", "مديرية", "ناحية", "بلدتي", "قريتي", "محافظتي", "منطقتي", "مدن", "مناطق", "بلدات",
        "قرى", "مخيمات", "أحياء", "جزيرة", "ميناء", "مطار", "معبر", "مركز", "مديريات", "محافظات",
    )
)
# "شهدت مديريات محافظة الحديدة وقفات قبلية": the place that witnessed the acts is their scene
_WITNESSED = frozenset(match_key(w) for w in ("شهدت", "شهد", "تشهد", "يشهد", "شهدته", "شهدتها"))
_SITES = frozenset(match_key(w) for w in ("موقع", "مواقع", "ثكنة", "قاعدة", "مقر", "معسكر", "مبنى", "بوابة"))
_CONTAINING = frozenset(match_key(w) for w in ("التابعة", "التابع", "الواقعة", "الواقع"))
# "رداً على المجزرة التي ارتكبها العدو في النبطية": what follows is the act answered, with its own place
_REPLY = frozenset(match_key(w) for w in ("رداً", "ردا", "انتقاماً", "ثأراً", "رد"))
_CALLS = (match_key("اتصال"), match_key("مكالم"), match_key("هاتف"))


def is_scene(text: str, start: int, floor: int) -> bool:
    """True when the words just before a place mention starting at ``start`` set it as the scene
    of an act: "في X", "بـX", "بمدينة X", "قرب X", "شمال X", "بالقرب من مدينة X", "في العاصمة
    اليونانية X", "التابعة لمحافظة X" (the province that holds the scene), "شهدت مدينة X"."""
    ws = word_start(text, start, floor)
    pro = match_key(text[ws:start])
    if pro[:1] in ("و", "ف") and len(pro) > 1:
        pro = pro[1:]
    if pro in ("ب", "بال"):
        return True
    if pro:
        return False
    seg = text[max(floor, start - 80):ws]
    cut = list(_BREAK.finditer(seg))
    if cut:
        seg = seg[cut[-1].end():]
    words = [_bare(word_key(w)) for w in W_WORD.findall(seg)]
    skipped = 0
    while words:
        k = words[-1]
        if k in _SCENE:
            # "قدموا من جنوب مدينة درنة": where they came from, not where they struck
            return k == "في" or len(words) < 2 or words[-2] != "من"

        if k in _WITNESSED:
            return True
        if k.startswith("ب") and k[1:] in _NOUNS:
            return True  # "بمدينة رفح", "بمحافظة شمال سيناء"
        if k == "من" and len(words) > 1 and words[-2] in _NEAR_FROM:
            return True
        if k.startswith("ل") and k[1:] in _NOUNS and len(words) > 1 and words[-2] in _CONTAINING:
            return True  # "في منطقة الراهدة التابعة لمحافظة تعز"
        adjective = k.startswith("ال") and (nationality(k) is not None or (len(k) > 5 and k.endswith("يه")))
        if skipped < 3 and (k in _NOUNS or adjective):
            words.pop()  # "في العاصمة اليونانية أثينا", "في قضاء الطارمية"
            skipped += 1
            continue
        return False
    return False


class Placing(ReaderCore):
    """:meth:`_scene` places a draft from its own sentence; :meth:`_place_by_story` from the
    story around it and the dateline (see the module docstring)."""

    def _phone(self, d: Draft, toks: list[Tok]) -> bool:
        """A call ("اتصالاً هاتفياً", "مكالمة"): two places at once, so none."""
        if d.plover != "CONSULT":
            return False
        lo, hi = d.trig_start, min(d.clause_end, d.trig_end + 40)
        return any(bare(t.key) in PHONE for t in toks if lo <= t.start < hi) or bare(
            match_key(self.doc.text[d.trig_start:d.trig_end])
        ).removeprefix("ال").startswith(_CALLS)

    def _scene(self, d: Draft, toks: list[Tok], finder: ArgumentFinder) -> Ref | None:
        """The place a draft's clause sets it in ("في", "بـ", then "على" for an attack, then
        "قرب", "شمال", "خارج" …), else, for all but a statement, its sentence's; else the dateline
        place when the act is the dateline country's. A statement takes no place from what it
        comments on (a place after a relative pronoun or another act's trigger belongs to that
        act), except a condemnation, which the project's gold places where the condemned act was."""
        if self._phone(d, toks):
            d.extra["phone"] = "1"
            return None
        text = self.doc.text

        reply = next((t.start for t in toks if t.start >= d.trig_end and bare(t.key) in _REPLY), None)

        def scenes(a: int, b: int, preps: tuple[str, ...] | None) -> list[Ref]:
            return [
                r for r in finder.refs
                if a <= r.start < b and r.type in PLACE_TYPES and not finder._org_seat(r)
                and (finder.prep(r) in preps if preps else is_scene(text, r.start, finder.start))
                and (reply is None or r.start < reply)
            ]

        a, b = d.clause_start, d.clause_end
        condemns = d.plover == "ACCUSE" and d.cameo == "111"  # "أدان الحادث الذي وقع في كرمان"
        tiers = [("في", "ب")] + ([("علي",)] if d.plover in ("ASSAULT", "COERCE") else []) + [None]
        for preps in tiers:
            found = scenes(a, b, preps)
            if preps is None and d.plover in ("ASSAULT", "COERCE"):
                found = self._struck(d, finder) + found
            if d.plover in SPEECH and not condemns:
                found = [r for r in found if not self._told_of_another(d, r, toks)]
            if found:
                if preps is None:
                    d.extra["scene_word"] = "1"
                return found[0]
        if d.plover not in SPEECH or condemns:
            found = scenes(finder.start, finder.end, ("في", "ب"))
            if not found:
                found = scenes(finder.start, finder.end, None)
                if found:
                    d.extra["scene_word"] = "1"
            if found:
                return found[0]
        return self._dateline_for(d, finder)

    def _struck(self, d: Draft, finder: ArgumentFinder) -> list[Ref]:
        """The place an attack's or raid's verb takes as its object, right after it or after a
        site noun: "استهدفوا موقع "المالكية"", "اقتحموا بلدة يعبد"."""
        text = self.doc.text
        out = []
        for r in finder.refs:
            if r.type not in PLACE_TYPES or not d.trig_end <= r.start < d.clause_end:
                continue
            between = [_bare(word_key(w)) for w in W_WORD.findall(text, d.trig_end, r.start)]
            if len(between) <= 2 and all(w in _NOUNS or w in _SITES for w in between):
                out.append(r)
            break  # only the first mention after the verb can be its object
        return out

    def _dateline_for(self, d: Draft, finder: ArgumentFinder) -> Ref | None:
        """The dateline place, unless the sentence names a place of another country (a foreign
        act reported from the dateline city) or the act is a statement by and about other
        countries only."""
        dl = self.dateline_place
        if dl is None:
            return None
        home = self._country(dl)
        if home is None:
            return dl
        text = self.doc.text
        if any(
            r.type in PLACE_TYPES and self._country(r) not in (None, home) and not finder._org_seat(r)
            and (finder.prep(r) in ("في", "ب") or is_scene(text, r.start, finder.start))
            for r in finder.refs
        ):
            return None  # "طهران - إرنا - … في اليمن"; not "وزارة الخارجية في مملكة إسبانيا"
        if d.plover in SPEECH or d.plover == "CONSULT":
            sides = {c for c in (self._country(r) for r in (d.source, d.target) if r is not None) if c}
            if sides and home not in sides:
                return None
        return dl

    def _told_of_another(self, d: Draft, r: Ref, toks: list[Tok]) -> bool:
        """A place after the trigger with a relative pronoun or another act's trigger between:
        "أعرب عن استنكاره للاعتداء الذي وقع في عسير"."""
        if r.start < d.trig_end:
            return False
        if any(d.trig_end <= s < r.start for s in self._trigger_starts):
            return True
        return any(d.trig_end <= t.start < r.start and bare(t.key) in RELATIVES for t in toks)

    def _place_by_story(self, d: Draft, sentence: list[Draft] = ()) -> None:  # type: ignore[assignment]
        """A draft its sentence and the dateline left unplaced: an attack or raid on a place
        happened there; an act on the ground continues
        the place of the last one told in the two sentences before ("اقتحم متشددون نقطة تفتيش
        خارج مدينة أجدابيا … وقال التنظيم إنه استولى على ذخيرة"); an arrest or crackdown by a
        state's own organs happened in that state; a statement is made where its speaker is meeting
        or visiting in this or the two sentences before ("حث ترامب الذي يزور السعودية")."""
        if d.location is not None or "phone" in d.extra:
            return
        if d.plover in ("ASSAULT", "COERCE") and d.target is not None and d.target.type in PLACE_TYPES and (
            "target_from_place" not in d.extra and d.target.start >= 0
        ):
            d.location = d.target  # "استهدفوا موقع المالكية": the place struck is where it happened
            return
        if d.plover in SPEECH and d.source is not None:
            host = next((x for x in [*sentence, *reversed(self.history[-12:])] if x is not d and x.plover == "CONSULT"
                         and x.location is not None and "phone" not in x.extra and x.sentence >= self._sentence - 2
                         and x.source is not None and x.source.entity == d.source.entity), None)
            if host is not None:
                d.location = host.location
                return
        if d.plover in GROUND:
            prior = next((x for x in reversed(self.history[-12:]) if x.plover in GROUND and x.location is not None
                          and x.location is not self.dateline_place and x.sentence >= self._sentence - 2
                          and "story_place" not in x.extra), None)
            if prior is not None:
                d.location = prior.location
                d.extra["story_place"] = "1"  # carried once, not down a whole report
                return
        if d.plover == "COERCE" and d.source is not None and d.source.type in ("ORG", "GPE"):
            own = self.mentions.country_entity(self._country(d.source))
            if own is not None:
                d.location = self._ref_of(own.id)
                d.extra["story_place"] = "1"
