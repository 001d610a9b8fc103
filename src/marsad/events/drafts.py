"""The values the event reader passes between its stages: :class:`Draft` (an event being
read), :class:`Said` (a speech cue's speaker and quote), and small tests on a trigger's tokens."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from marsad.document import Document
from marsad.events.arguments import DIVINE, Ref
from marsad.events.triggers import Match, Tok
from marsad.events.vocabulary import NUMBER_WORDS, STUDENT, bare


@dataclass
class Draft:
    """An event being read, before the sentence-level settling."""

    match: Match
    plover: str
    cameo: str
    mode: str | None
    head_start: int
    trig_start: int
    trig_end: int
    clause_start: int
    clause_end: int
    source: Ref | None = None
    target: Ref | None = None
    location: Ref | None = None
    explicit: bool = False
    carried: bool = False
    symmetric: bool = False
    negated: bool = False
    modality: str = "asserted"
    tense: str = "past"
    background: bool = False
    relative: bool = False  # a verb in a relative clause ("الهجوم الذي استهدف")
    count: int | None = None
    quote_speaker: str | None = None
    converted: bool = False
    sentence: int = -1
    extra: dict[str, str] = field(default_factory=dict)

    @property
    def verbal(self) -> bool:
        return self.match.verbal

    @property
    def weak(self) -> bool:
        return self.match.entry.weak


@dataclass(frozen=True, slots=True)
class Said:
    """A cue's speaker and quote, for attributing allegations and quoted violence."""

    start: int
    speaker: str | None
    quote: tuple[int, int] | None
    direct: bool
    announce: bool = False  # أعلن/قرر: a nominal event right after it is the speaker's act
    participle: bool = False


def toks_key(d: Draft) -> str:
    """The match key of a draft's head word."""
    return d.extra.get("head_key", "")


def invocation(toks: list[Tok], m: Match) -> bool:
    """"أيده الله", "حفظه الله", "رعاه الله": a verb whose subject is God is an honorific blessing,
    not an act."""
    i = m.trigger[1] + 1
    return m.verbal and i < len(toks) and toks[i].key in DIVINE


def counted_student(toks: list[Tok], m: Match) -> bool:
    """"مقتل 147 طالبًا": after a number "طالب" is a student, never "he demanded"."""
    h = m.head
    if h == 0 or m.head_reading.stem not in STUDENT:
        return False
    prev = toks[h - 1].key
    return prev.isdigit() or prev in NUMBER_WORDS


def possessed(m: Match, head: Tok) -> bool:
    """The noun carries a possessive pronoun (مطالبتها، رفضهما، إدانته)."""
    k = bare(head.key)
    if k.startswith("ال"):
        return False
    stem = m.head_reading.stem
    if k in (stem, stem + "ا"):
        return False
    return k.endswith(("ها", "هما", "هم", "ه", "نا")) and not head.teh


def tok_start(t: Tok) -> int:
    return t.start


def published_date(doc: Document) -> date | None:
    raw = doc.source.published or (doc.dateline.date if doc.dateline else None)
    try:
        return date.fromisoformat(raw) if raw else None
    except ValueError:
        return None
