"""A settled draft as an :class:`~marsad.document.Event`: entity ids, actor codes, confidence,
and the day it happened (the nearest date words, else the day the report last established)."""

from __future__ import annotations

import bisect

from marsad import dates
from marsad.document import Event, Trigger
from marsad.events.coding import actor_code
from marsad.events.drafts import Draft
from marsad.events.quotes import COMPLEMENTIZERS
from marsad.events.reader_core import ReaderCore
from marsad.events.vocabulary import COUNTED, MATERIAL, RELATIVE, bare
from marsad.normalize import match_key

CODER = "events.rules.v1"



class EventBuilding(ReaderCore):
    """:meth:`_event` builds the event of a draft; :meth:`_date` keeps the report's last day."""

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

        if d.plover not in MATERIAL and d.plover not in COUNTED and found:
            # "أدان الغارات التي استهدفت أمس البلدة", "مشيراً إلى أن الحكومة ستجتمع الأسبوع المقبل": a
            # day in a relative or reported clause after the trigger dates what that clause tells
            found = [f for f in found if not self._relative_between(d.trig_end, f[0])]
        if d.background:
            # a background event has a day only where its own words give one, right after it
            # ("رداً على الغارات التي استهدفت محيط مدينة بعلبك الإثنين"); it sets no day
            found = [f for f in found if d.trig_end <= f[0] <= d.trig_end + 60]
            if not found:
                return None, None
        if found:
            a, b, obj = min(found, key=distance)
            if isinstance(obj, dates.DateMention):
                day = obj.date if obj.precision == "day" else None
            elif getattr(obj, "unit", "day") != "day":
                day = None
            else:
                tense = "future" if d.tense == "future" else "past"
                day = dates.resolve(obj, self.published, tense)  # type: ignore[arg-type]
            future_day = day is not None and self.published is not None and day > self.published
            if day is not None and d.modality == "asserted" and not d.converted and not self._pluperfect and not d.background and not future_day:
                # a meeting or call frames its day; what is told of that day stays in the frame
                framed = d.plover == "CONSULT" or (self._last_date_frame and day == self.last_date)
                self.last_date = day  # "وكان … قد التقى أمس" is a flashback; a deadline ahead is no day of the report
                self._last_date_at, self._last_date_frame = s0, framed
            return (day.isoformat() if day else None), (a, b)
        if d.modality in ("future", "hypothetical", "demanded"):
            return None, None
        day = self.last_date
        if day is not None and not self._last_date_frame and "\n" in text[self._last_date_at:s0]:
            # "من جهته، حذر …" in a new paragraph after "الجمعة أمس": a day carries to what was
            # said in the meeting or call that set it, else only within its paragraph
            day = None
        day = day or self.published
        return (day.isoformat() if day else None), None

    def _relative_between(self, a: int, b: int) -> bool:
        """A relative pronoun (الذي، التي) between two offsets."""
        if b <= a:
            return False
        i = bisect.bisect_left(self._tok_starts, a)
        j = bisect.bisect_left(self._tok_starts, b, i)
        return any(bare(t.key) in RELATIVE or t.key in COMPLEMENTIZERS for t in self.tokens[i:j])
