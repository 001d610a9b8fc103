"""Boilerplate spans: agency sign-offs, editor initials, timestamps, prompts, teasers, tags.

The method is line-based. A line is boilerplate when its whole folded form matches one of the
patterns in ``resources/boilerplate/patterns.tsv`` (so a body sentence that merely contains
"انتهى" or "شارك" never matches), and where it sits agrees with what it is: sign-offs, editor
initials and source lines only in the trailer block (the run of short non-body lines at the end),
prompts and teasers anywhere. Inside a confirmed trailer block, lines that carry no words (codes
such as "** 2342 ** 1416" or "0025", and bare links) are marked too; a block of only codes and
links is left alone. Related-article prompts take the headline after them; tag headers take the
tag lines after them. Finally, a sign-off glued to the end of the
last body line ("... الأحد. انتهى ** 2342 **", "... (أ ش أ)") is cut off as its own span.

Spans cover a line without its surrounding blanks and never include the newline.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from marsad.dates import alternation, find_dates, fold, fold_key, tables
from marsad.document import Boilerplate, BoilerplateKind

log = logging.getLogger(__name__)

#: Longest line (in characters) that can be boilerplate: body paragraphs are longer.
MAX_LINE = 260
_MAX_HEADLINE_WORDS = 22
_MAX_TAG_WORDS = 5
_STRIP = " \t\r\f\v\u00a0\u200b\u200c\u200d\u200e\u200f\u061c\ufeff\u2028\u2029"
_BULLETS = ("-", "*", "•", "–", "·", "»")
_ARABIC_RUN = re.compile("[\u0600-\u06ff\u0750-\u077f\ufb50-\ufeff]+")  # fold these in patterns
_LETTER = re.compile(r"[^\W\d_]")


def _resource(name: str) -> str:
    return (
        resources.files("marsad")
        .joinpath("resources", "boilerplate", name)
        .read_text(encoding="utf-8")
    )


@lru_cache(maxsize=1)
def agencies() -> dict[str, str]:
    """Folded agency form → canonical name (``resources/boilerplate/agencies.tsv``)."""
    out: dict[str, str] = {}
    for line in _resource("agencies.tsv").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        form, canonical = (c.strip() for c in line.split("\t")[:2])
        out[fold_key(form)] = canonical
    return out


def agency_regex() -> str:
    """An alternation of agency forms; the letters of abbreviations may be spaced or dotted."""
    return _agency_regex()


@lru_cache(maxsize=1)
def _agency_regex() -> str:
    parts = []
    for form in sorted(agencies(), key=len, reverse=True):
        words = form.split()
        if len(words) > 1 and all(len(w) == 1 for w in words):
            # letters must stay apart ("أ ش أ", "أ.ش.أ"): "آب" (August) is not "أ ب" (AP)
            parts.append(r"(?:\s+|\s*\.\s*)".join(re.escape(w) for w in words) + r"\.?")
        else:
            parts.append(alternation((form,)))
    return "|".join(parts)


def agency_name(surface: str) -> str | None:
    """The canonical name of an agency as written ("أ.ش.أ" → "MENA")."""
    key = re.sub(r"[\s.]+", " ", fold_key(surface)).strip()
    table = agencies()
    return (
        table.get(key)
        or table.get(key.replace(" ", ""))
        or table.get(" ".join(key.replace(" ", "")))
    )


@dataclass(frozen=True, slots=True)
class Rule:
    kind: BoilerplateKind
    scope: str  # tail | edge | any
    then: str  # headlines | tags | -
    regex: re.Pattern[str]


@lru_cache(maxsize=1)
def rules() -> tuple[Rule, ...]:
    out = []
    agency = _agency_regex()
    for line in _resource("patterns.tsv").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        kind, scope, then, rx = line.split("\t", 3)
        rx = _ARABIC_RUN.sub(lambda m: fold_key(m.group()), rx).replace("{AGENCY}", agency)
        out.append(Rule(kind, scope, then, re.compile(rx, re.IGNORECASE)))  # type: ignore[arg-type]
    return tuple(out)


@dataclass(frozen=True, slots=True)
class Line:
    start: int  # stripped
    end: int
    folded: str

    @property
    def words(self) -> int:
        return len(self.folded.split())


def split_lines(text: str) -> list[Line]:
    """Non-blank lines, stripped of blanks and invisible marks at both ends."""
    out = []
    pos = 0
    n = len(text)
    while pos <= n:
        nl = text.find("\n", pos)
        end = n if nl < 0 else nl
        s, e = pos, end
        while s < e and text[s] in _STRIP:
            s += 1
        while e > s and text[e - 1] in _STRIP:
            e -= 1
        if e > s:
            out.append(Line(s, e, fold(text, s, e).text.strip() if e - s <= MAX_LINE else ""))
        if nl < 0:
            break
        pos = nl + 1
    return out


def _match(line: Line, scopes: frozenset[str]) -> Rule | None:
    if not line.folded or line.end - line.start > MAX_LINE:
        return None
    for rule in rules():
        if rule.scope in scopes and rule.regex.fullmatch(line.folded):
            return rule
    return None


_DATE_FILLER = re.compile(r"[\s\d\-–—/|,،.:()]+|(?<![\w])(?:ه|هـ|م|مـ|ميلادي|هجري|الموافق|الموافقه)(?![\w])")


def _is_date_line(text: str, line: Line) -> bool:
    """A page header's date line: "الخميس - 17 ذو القعدة 1446 هـ - 15 مايو 2025 مـ" — only
    dates, weekdays and calendar marks, with at least one full date (a dateline has a place)."""
    if line.end - line.start > 80:
        return False
    found = find_dates(text, line.start, line.end)
    if not any(d.precision == "day" for d in found):
        return False
    rest = fold(text, line.start, line.end).text
    for d in sorted(found, key=lambda d: -d.start):
        a = d.start - line.start
        rest = rest[:a] + " " + rest[a + len(fold(text, d.start, d.end).text) :]
    weekdays = tables().weekdays
    rest = _DATE_FILLER.sub(" ", rest)
    return all(w in weekdays for w in rest.split())


_HEAD_LINES = 4  # a byline or date line sits within the first lines
_UNDER_HEADLINE = frozenset({"timestamp", "source_line"})


@lru_cache(maxsize=1)
def outlets() -> frozenset[str]:
    """Folded names of newspapers and sites (resources/boilerplate/outlets.txt)."""
    return frozenset(
        fold_key(x.strip()) for x in _resource("outlets.txt").splitlines() if x.strip() and not x.startswith("#")
    )


@lru_cache(maxsize=1)
def _byline_re() -> re.Pattern[str]:
    names = alternation(tuple(outlets())) + "|" + _agency_regex()
    person = r"[ء-ي]+(?:\s+[ء-ي]+){1,3}"
    dash = r"\s*[-–—|/]\s*"
    return re.compile(rf"(?:{names}){dash}{person}|{person}{dash}(?:{names})")


def _is_byline(line: Line) -> bool:
    """An outlet or agency and a reporter's name on a line of their own: "هسبريس - مريم بنعلي",
    "عمر إبراهيم – عين اليوم"."""
    return line.words <= 7 and _byline_re().fullmatch(line.folded) is not None


def _is_code(line: Line) -> bool:
    """A line without words: reference codes, rules of stars, bare numbers."""
    if line.end - line.start > 40 or not line.folded:
        return False
    return len(_LETTER.findall(line.folded)) <= 2


def _headline(line: Line) -> bool:
    f = line.folded
    return bool(f) and line.words <= _MAX_HEADLINE_WORDS and not f.endswith((".", "،", ":", "؛"))


def _tag(line: Line) -> bool:
    f = line.folded
    return bool(f) and line.words <= _MAX_TAG_WORDS and not re.search(r"[.!؟?:]", f)


_INHERITED = frozenset({"share", "related", "source_line"})
_TAIL = frozenset({"tail", "edge", "any"})
_HEAD = frozenset({"edge", "any"})
_ANY = frozenset({"any"})


@lru_cache(maxsize=1)
def _inline_res() -> tuple[re.Pattern[str], ...]:
    signoff = re.compile(
        r"(?:(?<=[\s.!؟?»\"”)])|^)(?P<s>[/*\-–(]*\s*انتهي\s*(?:[/*\-–)]+[\d\s*/\-–]*|\s*\*+[\d\s*/\-–]*|\s+\d[\d\s*/\-–]*))\s*$"
    )
    agency = re.compile(r"(?P<s>[(/]\s*(?:" + _agency_regex() + r")\s*[)/])[\s.]*$")
    the_end = re.compile(
        r"(?:(?<=[\s.!؟?»\"”)])|^)(?P<s>[(/\-]+\s*(?:النهايه|انتهي)\s*[)/\-]+)[\s.]*$"
    )
    return signoff, agency, the_end


def find_boilerplate(text: str) -> list[Boilerplate]:
    """Boilerplate spans of ``text``, sorted, not overlapping."""
    lines = split_lines(text)
    kinds: dict[int, BoilerplateKind] = {}

    # 1. the trailer block, from the end
    block: list[tuple[int, Rule | None]] = []
    i = len(lines) - 1
    while i >= 0:
        rule = _match(lines[i], _TAIL)
        if rule is not None:
            block.append((i, rule))
        elif _is_code(lines[i]):
            block.append((i, None))
        else:
            break
        i -= 1
    last_body = i
    # a block of only codes and links (a job ad's link, "* *") is left alone
    if any(r is not None and r.kind != "other" for _, r in block):
        for j, r in block:
            kinds[j] = r.kind if r is not None else "other"

    # 2. the head block: timestamps, breadcrumbs, share bars before the first body line
    #    and, under at most two headline lines, a byline or date line ("هسبريس - مريم بنعلي")
    skipped = 0
    for j, line in enumerate(lines[: max(last_body, 0)]):
        rule = _match(line, _HEAD)
        if rule is not None and (not skipped or rule.kind in _UNDER_HEADLINE):
            kinds[j] = rule.kind
        elif _is_date_line(text, line):
            kinds[j] = "timestamp"
        elif _is_byline(line):
            kinds[j] = "source_line"
        elif skipped < 2 and j < _HEAD_LINES and _headline(line):
            skipped += 1
        else:
            break

    # 3. self-describing lines anywhere, with the lines they govern
    j = 0
    while j < len(lines):
        rule = _match(lines[j], _ANY) if j not in kinds else None
        if rule is None:
            j += 1
            continue
        kinds[j] = rule.kind
        j += 1
        if rule.then == "headlines":
            # the teaser headline; more lines only while they are bulleted
            taken = 0
            while j < len(lines) and taken < 3 and j not in kinds and _headline(lines[j]):
                if taken and not lines[j].folded.startswith(_BULLETS):
                    break
                kinds[j] = rule.kind
                j += 1
                taken += 1
        elif rule.then == "tags":
            taken = 0
            while j < len(lines) and taken < 15 and j not in kinds and _tag(lines[j]):
                kinds[j] = rule.kind
                j += 1
                taken += 1

    # a bare link or code under a follow-us, teaser or source line belongs to it
    for j in sorted(kinds):
        if kinds[j] == "other" and kinds.get(j - 1) in _INHERITED:
            kinds[j] = kinds[j - 1]

    spans = [Boilerplate(lines[j].start, lines[j].end, k) for j, k in kinds.items()]

    # 4. a sign-off glued to the end of the last body line
    if 0 <= last_body < len(lines) and last_body not in kinds:
        line = lines[last_body]
        tail_start = max(line.start, line.end - 80)
        f = fold(text, tail_start, line.end)
        for rx in _inline_res():
            m = rx.search(f.text)
            if m is None:
                continue
            a = m.start("s")
            while a < len(f.text) and f.text[a].isspace():
                a += 1
            s, e = f.to_source(a, len(f.text.rstrip()))
            if s > line.start and e > s:
                spans.append(Boilerplate(s, e, "signoff"))
            break
    spans.sort(key=lambda b: b.start)
    log.debug("boilerplate: %d spans", len(spans))
    return spans
