"""Datelines: the leading "CITY [DATE] (AGENCY) -" of a wire report.

Forms handled (matched on the folded first line): "دمشق-سانا", "الرياض 14 جمادى الأولى 1445 هـ
الموافق 28 نوفمبر 2023 م واس", "القاهرة في ٥ فبراير /أ ش أ/", "جنين 12-3-2024 وفا-",
"غزة - (رويترز) -", "طهران/ 10 كانون الثاني/ يناير/ إرنا-", "بيروت، 3 آذار (مارس) 2024 (أ ف ب) -".

A dateline is accepted only when it ends cleanly: after the agency comes the end of the line, a
dash or colon, or the agency was wrapped in brackets or slashes; without an agency, a date must be
followed by a dash or colon. So a body sentence that starts "قالت وكالة رويترز إن" is not one.
"""

from __future__ import annotations

import re
from datetime import date
from functools import lru_cache

from marsad.boilerplate import agency_name, agency_regex, outlets
from marsad.dateline_credits import credit_dateline, dashed, head_lines
from marsad.dates import DateMention, Folded, complete_year, find_dates, fold, fold_key
from marsad.document import Dateline

_MAX_PREFIX = 200  # a dateline sits in the first line's first 200 characters
_MAX_LOCATION_WORDS = 3
# words that start body sentences, never a place
_NOT_PLACE_WORDS = (
    "قال", "قالت", "أكد", "أكدت", "أفاد", "أفادت", "ذكر", "ذكرت", "أعلن", "أعلنت", "وكالة",
    "وكالات", "مصدر", "مصادر", "في", "من", "على", "إلى", "عن", "أن", "إن", "هذا", "هذه",
    # a page header's date line starts with a weekday, never a place
    "السبت", "الأحد", "الاثنين", "الإثنين", "الثلاثاء", "الأربعاء", "الخميس", "الجمعة",
)  # fmt: skip


@lru_cache(maxsize=1)
def _not_place() -> frozenset[str]:
    return frozenset(fold_key(w) for w in _NOT_PLACE_WORDS)


_SEPARATORS = re.compile(r"[\s\-–—،,/:]*")
_WORD = re.compile(r"[\u0621-\u064a\u066e-\u06d3]+")


@lru_cache(maxsize=1)
def _agency_at() -> re.Pattern[str]:
    return re.compile(
        r"(?P<open>[(/]\s*)?(?P<ag>" + agency_regex() + r")(?![\w])(?P<close>\s*[)/])?"
    )


def find_dateline(text: str, published: str | date | None = None) -> Dateline | None:
    """The dateline at the start of ``text``, or None.

    ``published`` (the caller's publication date) completes a date written without a year; it is
    never used to invent one. When the first line is no dateline, the first line of the body
    under a short head (a headline, a byline, a timestamp line: "عنوان\n\nالقاهرة - أ ش أ -
    ...") may start with one, and a credit line of its own among the next few lines
    ("أربيل: «الشرق الأوسط»" under a header date and a headline) is one, and so is a reporter's
    or outlet's credit naming a known place (:mod:`marsad.dateline_credits`).
    """
    return (
        _first_line(text, published)
        or _under_head(text, published)
        or _credit_line(text)
        or credit_dateline(text)
    )


def _under_head(text: str, published: str | date | None) -> Dateline | None:
    """A dateline opening one of the few lines under the head (never under body text)."""
    for k, (s, _e) in enumerate(head_lines(text)):
        if k > 0 and (got := _line_dateline(text, s, published)) is not None:
            return got
    return None


_MAX_CREDIT_LINE = 60


@lru_cache(maxsize=1)
def _credit_rx() -> re.Pattern[str]:
    names = "|".join(sorted((re.escape(o) for o in outlets()), key=len, reverse=True))
    return re.compile(
        r"(?P<loc>[\u0621-\u064a]+(?:\s+[\u0621-\u064a]+){0,2})\s*[:\-–—]\s*(?P<q>[«\"“(])\s*"
        r"(?P<ag>" + names + "|" + agency_regex() + r")\s*[»\"”)]\s*[:\-–—]?"
    )


def _credit_line(text: str) -> Dateline | None:
    """"CITY: «OUTLET»" on a short line of its own near the top (newspapers' datelines). The
    outlet must be quoted or bracketed: "عمر إبراهيم – عين اليوم" is a reporter's byline."""
    for s, e in head_lines(text):
        if e - s > _MAX_CREDIT_LINE:
            continue
        f = fold(dashed(text), s, e)
        m = _credit_rx().fullmatch(f.text)
        if m is None or any(w in _not_place() for w in m.group("loc").split()):
            continue
        loc_s, loc_e = f.to_source(m.start("loc"), m.end("loc"))
        ag_s, ag_e = f.to_source(m.start("ag"), m.end("ag"))
        surface = text[ag_s:ag_e]
        return Dateline(
            start=s, end=e, location=text[loc_s:loc_e], agency=agency_name(surface) or surface, date=None
        )
    return None


def _first_line(text: str, published: str | date | None) -> Dateline | None:
    return _line_dateline(text, len(text) - len(text.lstrip()), published)


def _line_dateline(text: str, start: int, published: str | date | None) -> Dateline | None:
    """The dateline opening the line that starts at ``start``, or None."""
    nl = text.find("\n", start)
    end = min(len(text) if nl < 0 else nl, start + _MAX_PREFIX)
    if end <= start:
        return None
    f = fold(dashed(text), start, end)  # "الدمام ـ واس ـ": a lone tatweel is a dash
    ft = f.text
    ref = date.fromisoformat(published) if isinstance(published, str) else published
    dates = find_dates(text, start, end, reference=ref)
    agency_rx = _agency_at()

    words = list(_WORD.finditer(ft))
    for n in range(1, _MAX_LOCATION_WORDS + 1):
        if len(words) < n:
            break
        loc_words = words[:n]
        if words[0].start() != 0 or any(w.group() in _not_place() for w in loc_words):
            break
        # the location words must be separated by blanks only
        if any(ft[loc_words[k].end() : loc_words[k + 1].start()].strip() for k in range(n - 1)):
            break
        p = loc_words[-1].end()
        got = _parse_rest(ft, p, f, dates, agency_rx, ref)
        if got is None:
            continue
        q, agency_surface, date_mentions = got
        loc_s, loc_e = f.to_source(0, p)
        s, e = f.to_source(0, q)
        while e > s and text[e - 1].isspace():
            e -= 1
        location: str | None = text[loc_s:loc_e]
        if ft[:p] in outlets():
            location = None  # an outlet's credit line: "سبق- وكالات:"
        return Dateline(
            start=s,
            end=e,
            location=location,
            agency=agency_name(agency_surface) if agency_surface else None,
            date=_choose_date(date_mentions),
        )
    return None


def _choose_date(mentions: list[DateMention]) -> str | None:
    """A full date: the Gregorian one when the dateline gives both calendars."""
    full = [m for m in mentions if m.date is not None and m.precision == "day"]
    full.sort(key=lambda m: m.calendar != "gregorian")
    return full[0].date.isoformat() if full and full[0].date else None


def _folded_span(f: Folded, dm: DateMention) -> tuple[int, int]:
    return f.to_folded(dm.start, dm.end)


_DAY_MONTH = re.compile(r"(?P<d>[0-3]?\d)\s*[-/.]\s*(?P<m>[01]?\d)(?!\s*[-/.]?\s*\d)")


def _day_month(ft: str, pos: int, f: Folded, reference: date | None) -> DateMention | None:
    """KUNA's "الكويت - 12 - 2 (كونا)": day and month in figures, only inside a dateline."""
    m = _DAY_MONTH.match(ft, pos)
    if m is None:
        return None
    day, month = int(m.group("d")), int(m.group("m"))
    if not (1 <= day <= 31 and 1 <= month <= 12):
        return None
    s, e = f.to_source(m.start(), m.end())
    value = complete_year(month, day, reference) if reference else None
    return DateMention(s, e, f.source[s:e], value, "day", "gregorian", None, month, day)


def _parse_rest(
    ft: str,
    p: int,
    f: Folded,
    dates: list[DateMention],
    agency_rx: re.Pattern[str],
    dates_ref: date | None = None,
) -> tuple[int, str | None, list[DateMention]] | None:
    """After the location: [في] DATE [الموافق DATE] [AGENCY] [-]. Returns (end, agency, dates)."""
    pos = _SEPARATORS.match(ft, p).end()  # type: ignore[union-attr]
    if ft.startswith("في ", pos):
        pos += 3
    used: list[DateMention] = []
    for _ in range(2):
        for dm in dates:
            a, b = _folded_span(f, dm)
            if a == pos:
                used.append(dm)
                pos = b
                m = re.compile(r"\s*(?:م|ميلادي|ه|هجري)(?![\w])").match(ft, pos)
                if m:
                    pos = m.end()
                break
        else:
            found = _day_month(ft, pos, f, dates_ref)
            if found is None or used:
                break
            used.append(found)
            pos = f.to_folded(found.start, found.end)[1]
        m = re.compile(r"[\s\-–—،,/]*(?:الموافق|الموافقه|و)?\s*").match(ft, pos)
        if m and "الموافق" in m.group():
            pos = m.end()
    after_date = pos
    m = re.compile(r"[\s\-–—،,/(]*").match(ft, pos)
    pos2 = m.end() if m else pos
    # step back onto an opening bracket or slash so that the agency regex sees it
    while pos2 > pos and ft[pos2 - 1] in "(/":
        pos2 -= 1
    am = agency_rx.match(ft, pos2)
    if am is None:
        am = agency_rx.match(ft, m.end() if m else pos)
    if am is not None:
        q = am.end()
        tail = re.compile(r"\s*[)/]?\s*(?P<dash>[\-–—:]+)?").match(ft, q)
        assert tail is not None
        wrapped = bool(am.group("open") and am.group("close"))
        rest = ft[tail.end() :]
        if tail.group("dash") or not rest.strip():
            return tail.end(), am.group("ag"), used
        if wrapped:
            return am.end(), am.group("ag"), used
        if re.search(r"[\-–—/]", ft[p : am.start()]):
            return am.end(), am.group("ag"), used  # "دمشق-سانا بحث ...": the dash binds it
        return None
    if used:
        dash = re.compile(r"\s*[\-–—:]").match(ft, after_date)
        if dash:
            return dash.end(), None, used
    return None
