"""Arabic dates: explicit Gregorian and Hijri dates, and relative expressions resolved against
the publication date.

Why our own: general date parsers miss the forms Arabic wires use most ("مساء أمس الثلاثاء",
"يوم الأربعاء", "كانون الثاني/يناير", "14 جمادى الأولى 1445 هـ"). Month, weekday and relative
words are data (``resources/dates``); the code is a few regular expressions over a folded copy of
the text (:func:`fold`) whose matches map back to exact ``[start, end)`` offsets.

Conventions (documented because they are choices):

* numeric dates are day first (``12-3-2024`` is 12 March); ``2024/03/12`` is year first;
* a year missing from a date is taken from ``reference`` (the publication date) when given,
  choosing the year that does not put the date more than a week after the reference; otherwise
  the mention keeps ``date=None`` and its day and month: a year is never invented;
* month precision gives the first day of the month, year precision the 1st of January;
* a bare weekday is the most recent such day up to publication (inclusive) for past-tense
  reports and the next one from publication (inclusive) for future ones; with "الماضي" it is
  strictly before, with "المقبل"/"القادم" strictly after;
* "الأسبوع الماضي/المقبل" resolve to the same weekday one week before/after publication (Arab
  countries do not agree on a first day of the week); "الشهر الماضي" to the first day of the
  previous month; "العام الماضي" to the 1st of January of the previous year. The precision is
  on :attr:`RelativeDate.precision`;
* a weekday that contradicts a relative day by one day ("أمس الاثنين" in a Wednesday report)
  wins, since publication dates are often a day off; a larger disagreement keeps the relative day.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache
from importlib import resources
from typing import Literal

from marsad.alignment import OffsetMap
from marsad.normalize import match_key, match_key_map

log = logging.getLogger(__name__)

Precision = Literal["day", "week", "month", "year"]
Calendar = Literal["gregorian", "hijri"]
Tense = Literal["past", "future"]

# --------------------------------------------------------------------------------------------
# The matching fold: marsad.normalize's match key, with positions back to the source
# --------------------------------------------------------------------------------------------

#: Marks the match key drops that belong to the word before them (tatweel, harakat, tanween).
_MARKS = frozenset(["\u0640", "\u0670"] + [chr(c) for c in range(0x064B, 0x0660)])


@dataclass(frozen=True, slots=True)
class Folded:
    """The match key of ``source[offset:end]`` with its offset map."""

    text: str
    map: OffsetMap
    offset: int
    source: str

    def to_source(self, start: int, end: int) -> tuple[int, int]:
        """Map a folded span to the source span that produced it.

        Marks that the fold dropped right after the span (tatweel, tanween: "هـ", "غداً") are
        kept inside it, so the span quotes the whole written word.
        """
        s, e = self.map.to_source(start, end)
        s, e = s + self.offset, e + self.offset
        limit = self.offset + self.map.source_length
        while end > start and e < limit and self.source[e] in _MARKS:
            e += 1
        return s, e

    def to_folded(self, start: int, end: int) -> tuple[int, int]:
        """The folded characters that come from inside the source span ``[start, end)``."""
        return self.map.to_derived(start - self.offset, end - self.offset)


def fold_key(text: str) -> str:
    """The folded form of a pattern or word (the match key, no positions)."""
    return match_key(text)


def fold(text: str, start: int = 0, end: int | None = None) -> Folded:
    """The match key of ``text[start:end]``, with positions into ``text``."""
    end = len(text) if end is None else end
    return (
        Folded("", OffsetMap.identity(""), start, text) if end <= start else _fold(text, start, end)
    )


def _fold(text: str, start: int, end: int) -> Folded:
    m = match_key_map(text[start:end])
    return Folded(m.text, m, start, text)


@lru_cache(maxsize=64)
def alternation(forms: tuple[str, ...]) -> str:
    """A regex alternation of folded forms, longest first, spaces matching any run of blanks."""
    keys = sorted({fold_key(f) for f in forms}, key=len, reverse=True)
    return "|".join(r"\s+".join(re.escape(w) for w in k.split()) for k in keys)


# --------------------------------------------------------------------------------------------
# Tables
# --------------------------------------------------------------------------------------------


def _rows(name: str) -> list[list[str]]:
    text = (
        resources.files("marsad").joinpath("resources", "dates", name).read_text(encoding="utf-8")
    )
    rows = []
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        rows.append([c.strip() for c in line.split("\t")])
    return rows


@dataclass(frozen=True, slots=True)
class _Tables:
    months: dict[str, tuple[Calendar, int]]  # folded form -> (calendar, month)
    weekdays: dict[str, int]  # folded form -> isoweekday
    relative: dict[str, tuple[str, str, int]]  # folded form -> (kind, unit, offset)
    dayparts: tuple[str, ...]
    ordinals: dict[str, int]  # folded ordinal day word -> day
    ordinal_re: str
    month_re: str
    weekday_re: str  # forms with the article (safe alone)
    weekday_bare_re: str  # forms without it (only after يوم)
    relative_re: str
    daypart_re: str


@lru_cache(maxsize=1)
def tables() -> _Tables:
    months: dict[str, tuple[Calendar, int]] = {}
    for form, cal, num in _rows("months.tsv"):
        months[fold_key(form)] = (cal, int(num))  # type: ignore[assignment]
    weekdays = {fold_key(f): int(n) for f, n in _rows("weekdays.tsv")}
    relative = {fold_key(f): (k, u, int(o)) for f, k, u, o in _rows("relative.tsv")}
    dayparts = tuple(r[0] for r in _rows("dayparts.txt"))
    ordinals = {fold_key(f): int(n) for f, n in _rows("ordinals.tsv")}
    with_al = tuple(f for f in weekdays if f.startswith("ال"))
    bare = tuple(f for f in weekdays if not f.startswith("ال"))
    return _Tables(
        months=months,
        weekdays=weekdays,
        relative=relative,
        dayparts=dayparts,
        ordinals=ordinals,
        ordinal_re=alternation(tuple(ordinals)),
        month_re=alternation(tuple(months)),
        weekday_re=alternation(with_al),
        weekday_bare_re=alternation(bare),
        relative_re=alternation(tuple(relative)),
        daypart_re=alternation(dayparts),
    )


# --------------------------------------------------------------------------------------------
# Explicit dates
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class DateMention:
    """An explicit date in the text. ``date`` is Gregorian (Hijri dates are converted)."""

    start: int
    end: int
    text: str
    date: date | None
    precision: Literal["day", "month", "year"]
    calendar: Calendar
    year: int | None = None  # as written, in ``calendar``
    month: int | None = None
    day: int | None = None


_B = r"(?<![\w])"  # no letter or digit before
_E = r"(?![\w])"  # none after
_SEP = r"\s*(?:[/\\(\-–—]\s*)"


@lru_cache(maxsize=1)
def _date_res() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    t = tables()
    m = t.month_re
    named = re.compile(
        r"(?<!\d)"
        + r"(?:(?P<d>[0-3]?\d)\s*(?:من\s+(?:شهر\s+)?|/\s*)?"
        + rf"|(?<![\w])(?P<o>{t.ordinal_re})\s+من\s+(?:شهر\s+)?)?"
        + r"(?:شهر\s+)?"
        + rf"(?P<m>{m}){_E}"
        + rf"(?:{_SEP}(?P<m2>{m}){_E}\s*\)?)?"
        + r"(?:\s*[/،,]?\s*(?:من\s+)?(?:عام\s+|سنه\s+|العام\s+)?(?P<y>\d{4})(?!\d))?"
        + r"(?:\s*(?P<cal>هجريه|هجري|ميلاديه|ميلادي|ه|م)(?![\w]))?"
    )
    numeric_dmy = re.compile(
        r"(?<![\d/.\-])(?P<d>[0-3]?\d)\s*(?P<s>[/\-.])\s*(?P<m>[01]?\d)\s*(?P=s)\s*(?P<y>\d{4})(?![\d/])"
        + r"(?:\s*(?P<cal>هجريه|هجري|ميلاديه|ميلادي|ه|م)(?![\w]))?"
    )
    numeric_ymd = re.compile(
        r"(?<![\d/.\-])(?P<y>\d{4})\s*(?P<s>[/\-.])\s*(?P<m>[01]?\d)\s*(?P=s)\s*(?P<d>[0-3]?\d)(?![\d/])"
        + r"(?:\s*(?P<cal>هجريه|هجري|ميلاديه|ميلادي|ه|م)(?![\w]))?"
    )
    year_only = re.compile(
        _B
        + r"(?:عام|سنه|العام|لعام|خلال\s+عام)\s+(?P<y>\d{4})(?!\d)"
        + r"(?:\s*(?P<cal>هجريه|هجري|ميلاديه|ميلادي|ه|م)(?![\w]))?"
    )
    return named, numeric_dmy, numeric_ymd, year_only


def hijri_to_gregorian(year: int, month: int, day: int) -> date | None:
    """Umm al-Qura conversion (hijridate); None outside its range or for an invalid day."""
    try:
        from hijridate import Hijri
    except ImportError as exc:  # pragma: no cover - a declared dependency
        raise ImportError(
            "Hijri dates need the 'hijridate' package: pip install hijridate"
        ) from exc
    try:
        g = Hijri(year, month, day).to_gregorian()
        return date(g.year, g.month, g.day)
    except (ValueError, OverflowError):
        return None


def _gregorian(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def complete_year(
    month: int, day: int, reference: date, calendar: Calendar = "gregorian", direction: Tense | None = None
) -> date | None:
    """The date with this day and month nearest before (or at most a week after) ``reference``;
    with ``direction`` "future" ("18 أغسطس المقبل") the first one after it, with "past" ("في 3
    مايو الماضي") the last one before it."""
    if calendar == "gregorian" and direction is not None:
        years = (reference.year, reference.year + 1) if direction == "future" else (reference.year, reference.year - 1)
        for y in years:
            d = _gregorian(year=y, month=month, day=day)
            if d is not None and (d > reference if direction == "future" else d < reference):
                return d
        return None
    if calendar == "hijri":
        try:
            from hijridate import Gregorian
        except ImportError:  # pragma: no cover
            return None
        hy = Gregorian(reference.year, reference.month, reference.day).to_hijri().year
        for y in (hy, hy - 1):
            d = hijri_to_gregorian(y, month, day)
            if d is not None and d <= reference + timedelta(days=7):
                return d
        return None
    for y in (reference.year, reference.year - 1):
        d = _gregorian(y, month, day)
        if d is not None and d <= reference + timedelta(days=7):
            return d
    return None


def _make(
    text: str,
    s: int,
    e: int,
    calendar: Calendar,
    y: int | None,
    m: int,
    d: int | None,
    reference: date | None,
    direction: Tense | None = None,
) -> DateMention | None:
    if not 1 <= m <= 12 or (d is not None and not 1 <= d <= 31):
        return None
    convert = hijri_to_gregorian if calendar == "hijri" else _gregorian
    if y is not None:
        if calendar == "gregorian" and not 1000 <= y <= 2999:
            return None
        value = convert(y, m, d or 1)
        if value is None and d is not None and calendar == "gregorian":
            return None  # 31 فبراير is not a date
        precision: Literal["day", "month", "year"] = "day" if d is not None else "month"
    else:
        precision = "day" if d is not None else "month"
        value = None
        if reference is not None and d is not None:
            value = complete_year(m, d, reference, calendar, direction)
    return DateMention(s, e, text[s:e], value, precision, calendar, y, m, d)


def find_dates(
    text: str, start: int = 0, end: int | None = None, *, reference: date | None = None
) -> list[DateMention]:
    """Explicit dates in ``text[start:end]``, in order, not overlapping.

    ``reference`` (usually the publication date) only completes dates written without a year.
    """
    f = fold(text, start, end)
    ft = f.text
    t = tables()
    named, dmy, ymd, year_only = _date_res()
    found: list[DateMention] = []
    taken: list[tuple[int, int]] = []

    def free(a: int, b: int) -> bool:
        return all(b <= x or a >= y for x, y in taken)

    for mt in named.finditer(ft):
        day = (
            int(mt.group("d"))
            if mt.group("d")
            else t.ordinals[re.sub(r"\s+", " ", mt.group("o"))]
            if mt.group("o")
            else None
        )
        if day is None and mt.group("y") is None:
            continue  # a month name alone ("مارس" is also a verb)
        if day is None and mt.start() > 0 and (ft[mt.start() - 1].isalpha()):
            continue  # inside a word
        cal_m, mon = t.months[re.sub(r"\s+", " ", mt.group("m"))]
        if mt.group("m2"):
            cal2, mon2 = t.months[re.sub(r"\s+", " ", mt.group("m2"))]
            if mon2 != mon or cal2 != cal_m:
                continue
        # "م" after a Hijri year, or a bare year mark after a month-day with no year, is noise
        y = int(mt.group("y")) if mt.group("y") else None
        a, b = mt.span()
        if mt.group("cal") and y is None:
            b = mt.end("m2") if mt.group("m2") else mt.end("m")
            if ft[b : b + 1] == ")":
                b += 1
        cal = cal_m  # the month's name decides; a stray "هـ" after a Gregorian month does not
        s, e = f.to_source(a, b)
        direction: Tense | None = None
        if y is None:
            nxt = re.findall(r"\w+", ft[b : b + 14])
            if nxt and nxt[0] in _folded(_DIR_FUTURE):
                direction = "future"  # "في موعد أقصاه 18 أغسطس المقبل": the next one, not last year's
            elif nxt and nxt[0] in _folded(_DIR_PAST):
                direction = "past"
        dm = _make(text, s, e, cal, y, mon, day, reference, direction)
        if dm is not None:
            found.append(dm)
            taken.append((a, b))
    for rx in (dmy, ymd):
        for mt in rx.finditer(ft):
            a, b = mt.span()
            if not free(a, b):
                continue
            y = int(mt.group("y"))
            cal = (
                "hijri"
                if (mt.group("cal") or "").startswith("ه") or 1300 <= y <= 1500
                else "gregorian"
            )
            s, e = f.to_source(a, b)
            dm = _make(text, s, e, cal, y, int(mt.group("m")), int(mt.group("d")), reference)
            if dm is not None:
                found.append(dm)
                taken.append((a, b))
    for mt in year_only.finditer(ft):
        a, b = mt.span("y")
        if mt.group("cal"):
            b = mt.end("cal")
        if not free(a, b):
            continue
        y = int(mt.group("y"))
        cal = "hijri" if (mt.group("cal") or "").startswith("ه") else "gregorian"
        if cal == "gregorian" and not 1000 <= y <= 2999:
            continue
        value = _gregorian(y, 1, 1) if cal == "gregorian" else hijri_to_gregorian(y, 1, 1)
        s, e = f.to_source(a, b)
        found.append(DateMention(s, e, text[s:e], value, "year", cal, y, None, None))
        taken.append((a, b))
    found.sort(key=lambda d: d.start)
    return found


# --------------------------------------------------------------------------------------------
# Relative expressions
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class RelativeDate:
    """A date expression relative to the publication date ("أمس", "يوم الأربعاء")."""

    start: int
    end: int
    text: str
    kind: str  # today, yesterday, tomorrow, last_night, weekday, last_week, next_month, ...
    unit: str = "day"  # day | week | month | year
    offset: int = 0  # in ``unit``, from publication
    weekday: int | None = None  # ISO weekday named in the expression
    direction: Literal["past", "future"] | None = None  # "الماضي" / "المقبل" after a weekday
    daypart: str | None = None  # "مساء", "فجر", ...

    @property
    def precision(self) -> Precision:
        return self.unit  # type: ignore[return-value]


# words after "اليوم" that make it "the day ..." rather than "today"; words before it that make
# it part of a name ("عين اليوم") or "that day"
_NOT_TODAY_AFTER = (
    "التالي", "السابق", "الذي", "الوطني", "العالمي", "الدولي", "الأول", "الثاني", "الثالث",
    "الرابع", "الخامس", "الأخير", "نفسه", "ذاته", "الموعود", "المفتوح", "الدراسي", "الختامي",
)  # fmt: skip
_NOT_TODAY_BEFORE = ("عين", "ذلك", "نفس", "ذات")
_DIR_PAST = ("الماضي", "المنصرم", "الفائت", "السابق")
_DIR_FUTURE = ("المقبل", "القادم")
# "غدا" followed by these is still "tomorrow"; followed by a noun it is the verb "became"
_GHADA_NEXT = ("في", "على", "إلى", "مع", "من")


@lru_cache(maxsize=8)
def _folded(words: tuple[str, ...]) -> frozenset[str]:
    return frozenset(fold_key(w) for w in words)


@lru_cache(maxsize=1)
def _relative_res() -> tuple[re.Pattern[str], re.Pattern[str]]:
    t = tables()
    dirs = alternation(_DIR_PAST + _DIR_FUTURE)
    part = rf"(?:(?P<part>{t.daypart_re})\s+)?"
    rel = re.compile(
        _B
        + r"(?:[وف]?(?:ب(?=ال)|ل(?=ال))?)"
        + part
        + r"(?:(?:يوم|نهار)\s+)?"
        + rf"(?P<rel>{t.relative_re}){_E}"
        + rf"(?:\s*[،,]?\s*(?P<wd>{t.weekday_re}){_E})?"
    )
    wd = re.compile(
        _B
        + r"(?:[وف]?(?:ب|ل)?)"
        + part
        + rf"(?:(?P<yawm>يوم|ليله|نهار|صباح|مساء)\s+(?P<wdb>{t.weekday_bare_re}){_E}|"
        + rf"(?:(?P<yawm2>يوم|ليله|نهار)\s+)?(?P<wd>{t.weekday_re}){_E})"
        + rf"(?:\s+(?P<dir>{dirs}){_E})?"
    )
    return rel, wd


def find_relative(text: str, start: int = 0, end: int | None = None) -> list[RelativeDate]:
    """Relative date expressions in ``text[start:end]``, in order, not overlapping."""
    f = fold(text, start, end)
    ft = f.text
    t = tables()
    rel_re, wd_re = _relative_res()
    out: list[RelativeDate] = []
    taken: list[tuple[int, int]] = []
    for mt in rel_re.finditer(ft):
        key = re.sub(r"\s+", " ", mt.group("rel"))
        kind, unit, offset = t.relative[key]
        core_start = mt.start("part") if mt.group("part") else mt.start("rel")
        before = ft[max(0, core_start - 12) : core_start].split()
        after = ft[mt.end("rel") : mt.end("rel") + 14].split()
        if kind == "today" and not mt.group("wd"):
            if after and after[0] in _folded(_NOT_TODAY_AFTER):
                continue
            if before and before[-1] in _folded(_NOT_TODAY_BEFORE):
                continue
        if key == "غدا" and not (mt.group("part") or mt.group("wd")):
            s0, e0 = f.to_source(mt.start("rel"), mt.end("rel"))
            raw = text[s0 : e0 + 2]
            nxt = ft[mt.end("rel") : mt.end("rel") + 2]
            if (
                "\u064b" not in raw
                and not (not after or not nxt.strip() or nxt.strip()[0] in ".،,؛;:)")
                and after[0] not in _folded(_GHADA_NEXT)
            ):
                continue  # "غدا" as the verb "became"
        a = core_start
        b = mt.end("wd") if mt.group("wd") else mt.end("rel")
        s, e = f.to_source(a, b)
        wd = t.weekdays[mt.group("wd")] if mt.group("wd") else None
        part = mt.group("part")
        out.append(RelativeDate(s, e, text[s:e], kind, unit, offset, wd, None, part))
        taken.append((a, b))
    for mt in wd_re.finditer(ft):
        name = mt.group("wd") or mt.group("wdb")
        a = (
            mt.start("part")
            if mt.group("part")
            else (
                mt.start("yawm")
                if mt.group("yawm")
                else mt.start("yawm2")
                if mt.group("yawm2")
                else mt.start("wd")
            )
        )
        b = (
            mt.end("dir")
            if mt.group("dir")
            else (mt.end("wd") if mt.group("wd") else mt.end("wdb"))
        )
        if any(not (b <= x or a >= y) for x, y in taken):
            continue
        d = mt.group("dir")
        direction: Literal["past", "future"] | None = (
            "past" if d in _folded(_DIR_PAST) else "future" if d in _folded(_DIR_FUTURE) else None
        )
        s, e = f.to_source(a, b)
        out.append(
            RelativeDate(
                s, e, text[s:e], "weekday", "day", 0, t.weekdays[name], direction, mt.group("part")
            )
        )
        taken.append((a, b))
    out.sort(key=lambda r: r.start)
    return out


def _weekday_near(base: date, weekday: int, direction: str) -> date:
    """The day with ``weekday``: "past" ≤ base, "future" ≥ base, "past!"/"future!" strictly."""
    if direction.startswith("past"):
        delta = (base.isoweekday() - weekday) % 7
        if delta == 0 and direction.endswith("!"):
            delta = 7
        return base - timedelta(days=delta)
    delta = (weekday - base.isoweekday()) % 7
    if delta == 0 and direction.endswith("!"):
        delta = 7
    return base + timedelta(days=delta)


def _add_months(d: date, n: int) -> date:
    m = d.month - 1 + n
    return date(d.year + m // 12, m % 12 + 1, 1)


def resolve(rel: RelativeDate, published: date | None, tense: Tense = "past") -> date | None:
    """The calendar date of a relative expression; None without a publication date."""
    if published is None:
        return None
    if rel.kind == "weekday":
        assert rel.weekday is not None
        if rel.direction == "past":
            return _weekday_near(published, rel.weekday, "past!")
        if rel.direction == "future":
            return _weekday_near(published, rel.weekday, "future!")
        return _weekday_near(published, rel.weekday, tense)
    if rel.unit == "day":
        base = published + timedelta(days=rel.offset)
        if rel.weekday is not None and base.isoweekday() != rel.weekday:
            for shift in (-1, 1):
                if (base + timedelta(days=shift)).isoweekday() == rel.weekday:
                    log.debug("weekday in %r disagrees with publication %s", rel.text, published)
                    return base + timedelta(days=shift)
        return base
    if rel.unit == "week":
        return published + timedelta(days=7 * rel.offset)
    if rel.unit == "month":
        return _add_months(published, rel.offset)
    if rel.unit == "year":
        return date(published.year + rel.offset, 1, 1)
    return None  # pragma: no cover


def resolve_relative(
    expression: str, published: date | str | None, tense: Tense = "past"
) -> date | None:
    """Resolve the date words of an event ("مساء أمس الثلاثاء", "14 جمادى الأولى 1445 هـ").

    Explicit dates win over relative words in the same expression. None when nothing is
    recognised, or when a relative expression meets no publication date.
    """
    pub = date.fromisoformat(published) if isinstance(published, str) else published
    explicit = find_dates(expression, reference=pub)
    for dm in explicit:
        if dm.date is not None and dm.precision == "day":
            return dm.date
    rels = find_relative(expression)
    if rels:
        return resolve(rels[0], pub, tense)
    for dm in explicit:
        if dm.date is not None:
            return dm.date
    return None
