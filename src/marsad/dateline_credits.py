"""Credit datelines: a reporter's, correspondent's or outlet's credit that names the place a
report was filed from, on one of the head lines.

Forms (matched on the folded line, a lone tatweel read as a dash):

- place, reporter, colon: "القاهرة - محمد علي:", "القاهرة - كتب محمد علي:";
- place, correspondent: "دمشق - مراسل الجزيرة:", "بغداد - مراسلنا:";
- credit first, place last: "فهد الحربي- سبق- تبوك:", "سبق- أبها:", "واس- جدة:", "(رويترز) - بغداد -";
- place and a quoted outlet opening the line: "بيروت - «الحياة» - أعلن ...";
- a place and a colon opening a long paragraph: "الخرطوم: أعلن الجيش ...";
- a short line of its own: "سامي العتيبي - الطائف", "الأحساء ـ عادل الدحيلان", "دبي - عكاظ",
  "«الاقتصادية» من الرياض".

The event layer takes the dateline's place as an event's default location, so a false dateline
costs more than a missed one. Hence the guards: the place must be a place the knowledge base
knows (a state, city or region), except in the "reporter- outlet- place:" credit where the
outlet between them vouches for it; a headline with a colon ("غزة: مجزرة", "الأردن: ارتفاع
البطالة ...") is no "place:" dateline (that needs a long sentence after the colon); an outlet
first on a bare line ("عين اليوم – جدة") names the outlet's desk, not where the story happened,
and is left alone.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache
from typing import TYPE_CHECKING

from marsad.boilerplate import agency_name, agency_regex, outlets
from marsad.dates import Folded, fold, fold_key
from marsad.document import Dateline

if TYPE_CHECKING:
    from marsad.entities.kb import KnowledgeBase

_MAX_HEAD_LINES = 4
_MAX_HEAD_WORDS = 30  # a longer line is body: nothing under it is a head line
_MAX_BARE_WORDS = 7  # a credit on a line of its own is short
_MIN_COLON_WORDS = 14  # "PLACE:" opens a paragraph, never a headline
_MIN_PARAGRAPH_WORDS = 25  # ... which ends in a full stop or runs this long

_LONE_TATWEEL = re.compile(r"(?:(?<=\s)|^)\u0640+(?=[\s:]|$)", re.MULTILINE)
_WORD = re.compile(r"[\u0621-\u064a]+")

# words that open headlines and bylines, never a place
_NOT_PLACE = (
    "عاجل", "خاص", "حصري", "متابعات", "وكالات", "تصوير", "كتب", "كتبت", "تقرير", "حوار", "فيديو",
    "بالفيديو", "بالصور", "صور", "مصادر", "مصدر", "بيان", "رأي", "تحليل", "مباشر", "الآن", "متابعة",
    "رصد", "ترجمة", "تغطية", "الوكالات",
    "السبت", "الأحد", "الاثنين", "الإثنين", "الثلاثاء", "الأربعاء", "الخميس", "الجمعة",
)  # fmt: skip


# first words of a body's name, never a reporter's: "غزة - وزارة الصحة: ..." is a headline
_NOT_NAME = (
    "وزارة", "وزير", "مجلس", "هيئة", "رئيس", "رئاسة", "حكومة", "قوات", "جيش", "شرطة", "محكمة",
    "جامعة", "شركة", "منظمة", "حركة", "حزب", "مسؤول", "مصدر", "مصادر", "بيان", "نائب", "أمير",
    "ملك", "سفير", "سفارة", "لجنة", "اتحاد", "نادي", "مدير", "إدارة", "وكالة", "صحيفة", "قناة",
    "مكتب", "مركز", "أمانة", "بلدية", "جمعية", "تقرير", "خبراء", "سكان", "أهالي", "عاجل",
)  # fmt: skip


@lru_cache(maxsize=1)
def _not_place() -> frozenset[str]:
    return frozenset(fold_key(w) for w in _NOT_PLACE)


@lru_cache(maxsize=1)
def _not_name() -> frozenset[str]:
    return frozenset(fold_key(w) for w in _NOT_NAME) | _not_place()


def _is_name(who: str) -> bool:
    """A reporter's name (folded): a known given name first, or no body's word nor article."""
    first = who.split()[0]
    if first in _kb().given_names():
        return True
    return not first.startswith("ال") and first not in _not_name() and not _is_other_entity(who)


def dashed(text: str) -> str:
    """``text`` with each lone tatweel ("الرياض ـ واس") made a dash: same length, same offsets."""
    return _LONE_TATWEEL.sub(lambda m: "-" * len(m.group()), text)


@lru_cache(maxsize=1)
def _forms() -> tuple[tuple[str, re.Pattern[str]], ...]:
    w = r"[\u0621-\u064a]+"
    place = rf"{w}(?:\s+{w}){{0,2}}"
    name = rf"{w}(?:\s+{w}){{1,3}}"
    dash = r"\s*[\-–—]+\s*"
    outlet = "|".join(
        sorted((re.escape(o).replace(r"\ ", r"\s+") for o in outlets()), key=len, reverse=True)
    )
    credit = rf"(?:{outlet}|{agency_regex()})"
    quoted = rf"[«\"“]\s*(?P<q>{credit})\s*[»\"”]|\(\s*(?P<p>{credit})\s*\)"
    end = r"\s*(?:[:\-–—]+|$)"
    forms = (
        (
            "correspondent",
            rf"(?P<loc>{place}){dash}(?:مراسل(?:نا|تنا|ه|ة)|(?:مراسل|موفد)\s*(?:(?P<ag>{credit})|{quoted}))\s*[:\-–—]",
        ),
        ("reporter", rf"(?P<loc>{place}){dash}(?:كتب(?:ت)?\s*:?\s*)?(?P<who>{name})\s*:"),
        (
            "credit_first",
            rf"(?:(?P<who>{name}){dash})?(?:(?P<ag>{credit})|{quoted}){dash}(?P<loc>{place})\s*(?:[:]|[\-–—]+)",
        ),
        ("quoted_outlet", rf"(?P<loc>{place})(?:{dash}|\s*:\s*)(?:{quoted}){end}"),
        ("colon", rf"(?P<loc>{place})\s*:(?!\s*[«\"“(])"),
    )
    bare = (
        ("bare_place_credit", rf"(?P<loc>{place}){dash}(?P<ag>{credit})"),
        ("bare_from", rf"(?:{quoted})\s+من\s+(?P<loc>{place})"),
        ("bare_name_place", rf"(?P<who>{name}){dash}(?P<loc>{place})"),
        ("bare_place_name", rf"(?P<loc>{place}){dash}(?P<who>{name})"),
    )
    return tuple((k, re.compile(rx)) for k, rx in forms) + tuple(
        (k, re.compile(rx + r"\s*")) for k, rx in bare
    )


def credit_dateline(text: str) -> Dateline | None:
    """The first credit dateline on the head lines of ``text``, or None."""
    source = dashed(text)
    lines = list(head_lines(source))
    for k, (s, e) in enumerate(lines):
        has_next = k + 1 < len(lines) or e < len(text.rstrip())
        got = _line_credit(text, source, s, e, has_next)
        if got is not None:
            return got
    return None


def head_lines(text: str) -> Iterator[tuple[int, int]]:
    """(start, end) of the first few non-blank lines, whitespace trimmed; a body paragraph (a
    long line) is the last one given: nothing under it is a head line."""
    pos, seen = 0, 0
    while seen < _MAX_HEAD_LINES and pos < len(text):
        nl = text.find("\n", pos)
        end = len(text) if nl < 0 else nl
        s, e = pos, end
        pos = end + 1
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if s == e:
            continue
        seen += 1
        yield s, e
        if len(_WORD.findall(text, s, e)) > _MAX_HEAD_WORDS:
            return


def _line_credit(text: str, source: str, s: int, e: int, has_next: bool) -> Dateline | None:
    f = fold(source, s, e)
    ft = f.text
    words = len(_WORD.findall(ft))
    for kind, rx in _forms():
        bare = kind.startswith("bare")
        if bare and (words > _MAX_BARE_WORDS or not has_next):
            continue
        m = rx.fullmatch(ft) if bare else rx.match(ft)
        if m is None or not _accept(kind, m, f, text):
            continue
        a, b = f.to_source(0, m.end())
        while b > a and text[b - 1].isspace():
            b -= 1
        return Dateline(
            start=a,
            end=b,
            location=_surface(text, f, m, "loc"),
            agency=_agency(text, f, m),
            date=None,
        )
    return None


def _accept(kind: str, m: re.Match[str], f: Folded, text: str) -> bool:
    loc = m.group("loc")
    if any(x in _not_place() for x in loc.split()) or loc in outlets():
        return False
    who = m.groupdict().get("who")
    if who and (
        any(x in _not_place() for x in who.split())
        or who in outlets()
        or _is_place(who)
        or not _is_name(who)
    ):
        return False
    if kind == "colon":
        rest = f.text[m.end() :]
        n = len(_WORD.findall(rest))
        return (
            _is_place(_surface(text, f, m, "loc"))
            and n >= _MIN_COLON_WORDS
            and (n >= _MIN_PARAGRAPH_WORDS or rest.rstrip().endswith((".", "!", "؟")))
        )
    if kind == "credit_first" and who and len(loc.split()) <= 2 and not _is_other_entity(loc):
        return True  # "فهد الحربي- سبق- عفيف:": the outlet between reporter and place vouches
    return _is_place(_surface(text, f, m, "loc"))


def _surface(text: str, f: Folded, m: re.Match[str], group: str) -> str:
    a, b = f.to_source(m.start(group), m.end(group))
    return text[a:b]


def _agency(text: str, f: Folded, m: re.Match[str]) -> str | None:
    groups = m.groupdict()
    for g in ("ag", "q", "p"):
        if groups.get(g):
            surface = _surface(text, f, m, g)
            return agency_name(surface) or surface
    return None


@lru_cache(maxsize=4096)
def _is_place(surface: str) -> bool:
    """A state, city or region of the knowledge base (and nothing else it knows)."""
    entries = _kb().lookup(surface)
    return any(e.type in ("GPE", "LOC") for e in entries) and not any(
        e.type in ("PER", "ORG") for e in entries
    )


def _is_other_entity(surface: str) -> bool:
    return any(e.type not in ("GPE", "LOC") for e in _kb().lookup(surface))


def _kb() -> KnowledgeBase:
    from marsad.entities.kb import KnowledgeBase  # the entities layer loads it anyway

    return KnowledgeBase.load()
