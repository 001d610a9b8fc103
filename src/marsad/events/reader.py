"""Read one document sentence by sentence into events and quotes.

The order of work inside a sentence follows the text: speech cues and triggers are visited
left to right, so a dropped subject ("وأضاف:", "وأعرب عن تعازيه") takes the last named subject
established before it. Then the sentence's drafts are settled: references to an event already
told ("هذا اللقاء", "خلال زيارته") are skipped, what a condemnation or praise is about is folded
into it, violence described inside a quote becomes the speaker's accusation, weak nominal
triggers give way to real ones, and duplicates of the same act merge.

The reader is one object per document whose stages share its state (the discourse subject, the
events already coded, the report's last date), so each stage is a class of its own module built
on :class:`~marsad.events.reader_core.ReaderCore` and combined here.
"""

from __future__ import annotations

import bisect
import itertools
from dataclasses import replace

from marsad.document import Event, Quote
from marsad.events.arguments import ACTOR_TYPES, ArgumentFinder
from marsad.events.drafting import Drafting
from marsad.events.drafts import Draft, Said, counted_student, invocation
from marsad.events.event_building import EventBuilding
from marsad.events.quotes import OPEN_QUOTES, Cue, find_cues, labelled
from marsad.events.settling import Settling
from marsad.events.triggers import Match, Starts, Tok, find_matches
from marsad.events.vocabulary import (
    CONTENT_HOSTS,
    FUNCTION,
    NOT_VERBS,
    SIDE_FIRST,
    SIDE_MARKERS,
    announces,
    bare,
)


def clause_bounds(bounds: list[int], pos: int, s0: int, s1: int) -> tuple[int, int]:
    i = bisect.bisect_left(bounds, pos)
    start = bounds[i - 1] if i > 0 else s0
    j = bisect.bisect_right(bounds, pos)
    end = bounds[j] if j < len(bounds) else s1
    return start, end


def side_marker(toks: list[Tok]) -> bool:
    words = [bare(t.key) for t in toks[:3] if t.is_word]
    if not words or words[0] not in SIDE_FIRST:
        return False  # every marker opens with one of these
    return any(tuple(words[: len(m)]) == m for m in SIDE_MARKERS)


class DocumentReader(Drafting, Settling, EventBuilding):
    """Events and quotes of one document (see the module docstring)."""

    # -- document ----------------------------------------------------------------------------

    def read(self) -> tuple[list[Event], list[Quote]]:
        events: list[Event] = []
        quotes: list[Quote] = []
        boiler = bool(self.doc.boilerplate)
        for si, s in enumerate(self.doc.sentences):
            if boiler and self.doc.in_boilerplate(s.start, s.end):
                continue
            toks, heads, cue_words = self._sentence_words(s.start, s.end)
            if not toks:
                continue
            if self._headline is None:
                self._headline = si if self._is_headline(s.start, s.end, toks) else -1
            self._sentence = si
            drafts, qs = self._read_sentence(s.start, s.end, toks, heads, cue_words)
            # a quote told before its cue may reach back into a sentence already read
            quotes.extend(q for q in qs if not any(o.start < q.end and q.start < o.end for o in quotes))
            for d in drafts:
                d.sentence = si
            for d in drafts:
                self._place_by_story(d, drafts)
                self.history.append(d)
                events.append(self._event(f"ev{len(events) + 1}", si, d, s.start, s.end))
        if boiler:  # a quote told across sentences may run into a teaser or a sign-off: not body text
            quotes = [q for q in quotes if not any(b.start < q.end and q.start < b.end for b in self.doc.boilerplate)]
        quotes.sort(key=lambda q: q.start)
        return self._without_restated_headline(events), quotes

    def _is_headline(self, s0: int, s1: int, toks: list[Tok]) -> bool:
        """The document's first sentence is a headline when it is one short line with no final
        stop ("العدو يستدعي الاحتياط.. والمقاومة تستهدف مواقعه") followed by the body."""
        text = self.doc.text
        line_end = text.find("\n", s0)
        if line_end < 0 or text[s1:line_end].strip() or line_end >= len(text.rstrip()):
            return False
        last = text[s0:s1].rstrip()
        open_end = not last.endswith((".", "!", "؟", "?")) or last.endswith("..")
        return open_end and sum(t.is_word for t in toks) <= 25

    def _without_restated_headline(self, events: list[Event]) -> list[Event]:
        """A headline event told again in the body is dropped: the body says it in full (its
        date, place and count), and the headline is only its summary."""
        h = self._headline
        if h is None or h < 0 or not any(e.sentence == h for e in events):
            return events

        def twin(e: Event, b: Event) -> bool:
            return (
                b.sentence > h and b.plover == e.plover and not b.background
                and (e.source is None or b.source is None or e.source == b.source)
                and (e.target is None or b.target is None or e.target == b.target)
            )

        kept = [e for e in events if e.sentence != h or not any(twin(e, b) for b in events)]
        if len(kept) == len(events):
            return events
        return [replace(e, id=f"ev{n}") for n, e in enumerate(kept, 1)]

    # -- one sentence ------------------------------------------------------------------------

    def _read_sentence(
        self,
        s0: int,
        s1: int,
        toks: list[Tok],
        heads: list[tuple[int, Starts]] | None = None,
        cue_words: list[int] | None = None,
    ) -> tuple[list[Draft], list[Quote]]:
        text = self.doc.text
        finder = ArgumentFinder(self.doc, self.mentions, s0, s1)
        matches = [
            m for m in find_matches(toks, self.lex, heads) if m.entry.frame != "stop" and not invocation(toks, m) and not counted_student(toks, m)
        ]
        cues = find_cues(text, toks, s0, s1, cue_words)
        self._trigger_starts = sorted(toks[m.trigger[0]].start for m in matches)
        self._side = side_marker(toks)
        opening = [bare(t.key) for t in toks[:2] if t.is_word]
        self._pluperfect = bool(opening) and opening[0] in ("كان", "كانت") and any(bare(t.key) == "قد" for t in toks[:12])
        # "من جهتها، رفضت الوزارة …": a reaction; its unnamed target is the other side
        self._side_other = self.disc.subject if self._side else None
        self._opening_subject(toks, finder, matches, cues)
        if not matches and not cues:  # nothing to code, nothing quoted
            self._current = []  # what settling no drafts leaves
            return [], self._headline_quote(toks, finder)
        # clause boundaries: verbal triggers, cues, colons
        bounds = sorted(
            {toks[m.head].start for m in matches if m.verbal}
            | {c.start for c in cues}
            | {t.start for t in toks if t.key == ":"}
        )
        items: list[tuple[int, int, Match | Cue]] = [(toks[m.head].start, 1, m) for m in matches]
        items += [(c.start, 0, c) for c in cues]
        items.sort(key=lambda x: (x[0], x[1]))
        said: list[Said] = []
        quotes: list[Quote] = []
        drafts: list[Draft] = []
        for pos, _, item in items:
            c_start, c_end = clause_bounds(bounds, pos, s0, s1)
            if isinstance(item, Cue):
                spk = self._speaker(finder, item, c_start, c_end, said, drafts)
                said.append(
                    Said(item.start, spk, item.quote, item.direct, announces(toks[item.tok].key), item.participle)
                )
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
            if d is not None and "negated" in item.entry.flags:
                if not d.negated:
                    continue  # "قبل" asserted is no refusal
                d.negated = False  # "لن تقبل": the negation is the refusal itself
                if d.modality == "future":
                    d.modality, d.tense = "asserted", "past"  # the refusal is voiced now
            elif d is not None and d.negated and d.plover in ("CONCEDE", "RETREAT") and item.verbal and (
                d.modality == "future" or toks[item.head].key.lstrip("وف")[:1] in ("ي", "ت", "ن")
            ):
                # "لن نتراجع عن موقفنا", "لا ننسحب": a refusal to yield is a rejection (like "لن تقبل")
                d.plover, d.cameo, d.mode, d.negated, d.modality = "REJECT", "120", None, False, "asserted"
            if d is not None:
                drafts.append(d)
        drafts = self._framed_meetings(drafts, said, finder)
        quotes += self._framed_quotes(toks, finder, drafts, quotes)
        quotes += [q for q in self._headline_quote(toks, finder) if not any(o.start < q.end and q.start < o.end for o in quotes)]
        return self._settle(drafts, toks, s0, s1, finder), quotes

    def _marked(self, toks: list[Tok], lo: int = 0) -> list[tuple[int, int, int]]:
        """The stretches in quotation marks of a sentence's tokens from ``lo``: (opening mark
        position, start, end) of each, its content trimmed; names and labels left out."""
        text = self.doc.text
        out = []
        j = lo
        while j < len(toks):
            k = toks[j].key
            if k in OPEN_QUOTES and k in ("«", '"', "“"):
                close = next((n for n in range(j + 1, len(toks)) if toks[n].key == OPEN_QUOTES[k]), None)
                if close is None:
                    break
                a, b = toks[j].end, toks[close].start
                while a < b and text[a].isspace():
                    a += 1
                while b > a and text[b - 1] in " \t\n.،,":
                    b -= 1
                if len(text[a:b].split()) >= 3 and not labelled(text, toks[j].start, (a, b)) and not self._named(a, b):
                    out.append((toks[j].start, a, b))
                j = close + 1
                continue
            j += 1
        return out

    def _named(self, a: int, b: int) -> bool:
        """A quoted stretch that is mostly a name ("«علي أكبر أحمديان»")."""
        covered = sum(min(b, r.end) - max(a, r.start) for r in self.mentions.between(a, b) if not r.role)
        return covered * 2 >= b - a

    def _framed_quotes(
        self, toks: list[Tok], finder: ArgumentFinder, drafts: list[Draft], quotes: list[Quote]
    ) -> list[Quote]:
        """Words in quotation marks with no speech verb, in the clause of a verbal act of speech
        ("وحمّلت الوزارة، في بيان، الاحتلال «المسؤولية الكاملة عن …»", "اتهمت X بـ«…»"): the
        words of the act's doer. Only a clause of three words or more, not a name or a label."""
        out: list[Quote] = []
        acts = [d for d in drafts if d.verbal and d.source is not None and d.plover in CONTENT_HOSTS and not d.relative]
        if not acts or not any(t.key in OPEN_QUOTES for t in toks):
            return out
        text = self.doc.text
        for open_at, a, b in self._marked(toks):
            if any(q.start < b and a < q.end for q in quotes):
                continue
            act = next((d for d in reversed(acts) if d.head_start < open_at <= d.clause_end), None)
            if act is None or act.source is None or (act.quote_speaker is not None):
                continue
            out.append(Quote(a, b, text[a:b], act.source.entity, True, (act.trig_start, act.trig_end)))
        return out

    def _headline_quote(self, toks: list[Tok], finder: ArgumentFinder) -> list[Quote]:
        """"الجزائر: «لن نسمح بانتهاك أجوائنا»": a title line that opens with its speaker and a
        colon; the words in quotation marks after it are the speaker's (not "أبوظبي: «الخليج»")."""
        if len(toks) < 4 or not finder.refs or finder.refs[0].start != toks[0].start:
            return []  # (asked of every sentence: the cheap test first)
        r = finder.refs[0]
        colon = next((n for n, t in enumerate(toks[:12]) if t.key == ":"), None)
        if colon is None or colon + 1 >= len(toks) or toks[colon + 1].key not in OPEN_QUOTES:
            return []
        if r.type not in ACTOR_TYPES or r.start != toks[0].start or r.end > toks[colon].start:
            return []
        if any(t.is_word for t in toks if r.end <= t.start < toks[colon].start):
            return []
        marked = self._marked(toks, colon + 1)
        if not marked or marked[0][0] != toks[colon + 1].start:
            return []
        _, a, b = marked[0]
        line_end = self.doc.text.find("\n", b)
        rest = self.doc.text[b:line_end if line_end >= 0 else len(self.doc.text)]
        if rest.strip(" .،,»\"”") or "\n" in self.doc.text[toks[0].start:b]:
            return []  # the quote must close its line, a title line
        return [Quote(a, b, self.doc.text[a:b], r.entity, True, (toks[colon].start, toks[colon].end))]

    def _framed_meetings(self, drafts: list[Draft], said: list[Said], finder: ArgumentFinder) -> list[Draft]:
        """"وخلال لقائه مع X، أكد الوزير …": a meeting framed before the main clause belongs to
        the main clause's subject (the first named doer or speaker after it); a meeting already
        coded between the same two parties is only referred to again."""
        out = []
        for d in drafts:
            if "framed" in d.extra:
                first = not any(x.verbal and x.source for x in drafts if x.head_start < d.head_start) and not any(
                    q.start < d.head_start and q.speaker for q in said
                )
                if first:
                    later = [(x.head_start, x.source) for x in drafts if x.head_start > d.head_start and x.verbal and x.explicit]
                    later += [(q.start, self._ref_of(q.speaker)) for q in said if q.start > d.head_start and q.speaker]
                    pick = min(later, key=lambda p: p[0])[1] if later else self._subject_before_frame(finder, d.head_start)
                    if pick is not None:
                        d.source = pick
                if d.source is not None and d.target is not None and d.source.entity == d.target.entity:
                    d.target = None
                if d.source is None or d.target is None:
                    continue
                pair = {d.source.entity, d.target.entity}
                if any(
                    x.plover == "CONSULT" and x.source is not None and x.target is not None
                    and {x.source.entity, x.target.entity} == pair
                    for x in self.history
                ):
                    continue
            out.append(d)
        return out

    def _opening_subject(self, toks: list[Tok], finder: ArgumentFinder, matches: list[Match], cues: list[Cue]) -> None:
        """A sentence that opens with a verb and a named subject ("ويسعى المبعوث هوكستين")
        establishes that subject even when the verb codes no event."""
        if not toks[0].is_word or not any(t.is_word for t in itertools.islice(toks, 1, None)):
            return  # the sentence must open with a word and hold another
        first = toks[0]
        if bare(first.key) in FUNCTION or bare(first.key) in NOT_VERBS:
            return
        if any(m.head == 0 for m in matches) or any(c.tok == 0 for c in cues):
            return  # the trigger or cue itself will read its subject
        nxt = next((r for r in finder.refs if r.start >= first.end), None)
        if nxt is None or nxt.start - first.end > 2:
            return  # the subject would be this mention or one after it: it must follow at once
        r = finder.subject_after(first.end, finder.end)
        if r is not None and r.type in ("PER", "ORG") and r.start - first.end <= 2:
            self._established(r.entity)
