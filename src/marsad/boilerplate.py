"""Boilerplate spans: sign-offs, bylines, timestamps, captions, credits, prompts, teasers, tags.

The method is line-based. A line is boilerplate when its whole folded form matches one of the
patterns in ``resources/boilerplate/patterns.tsv`` (so a body sentence that merely contains
"انتهى", "المصدر" or "تابع" never matches), or when its shape says so (a line of dates only, a
caption above its photo credit; :mod:`marsad.boilerplate_lines`), and where it sits agrees with
what it is. Three places matter:

- the head: the lines above the first body paragraph (headline, section label, byline, date,
  caption). Bylines and credits are looked for only here; the headline itself stays body.
- the trailer block: the run of short non-body lines at the end. Sign-offs, editor initials and
  source lines only count here; inside a confirmed block, lines that carry no words (codes such
  as "** 2342 ** 1416", bare links) are marked too, but a block of only codes and links is left
  alone. Below the last body paragraph, the short lines under a confirmed furniture line are
  furniture as well (a tag list, an outlet's footer).
- anywhere: prompts, teasers, captions with a credit, copyright lines. Related-article prompts
  take the headline after them (all the headline-shaped lines after them below the body); tag
  headers take the tag lines after them; a photo credit takes the caption line above it.

Finally, a sign-off glued to the end of the last body line ("... الأحد. انتهى ** 2342 **",
"... (أ ش أ)", "... (د ب أ، أ ف ب)") is cut off as its own span.

Spans cover a line without its surrounding blanks and never include the newline.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from marsad.boilerplate_lines import (
    MAX_LINE,
    Line,
    code_shaped,
    date_and_name,
    date_only,
    headline_shaped,
    latin_only,
    name_shaped,
    prose_shaped,
    sentence_shaped,
    split_lines,
    tag_shaped,
)
from marsad.dates import alternation, fold, fold_key
from marsad.document import Boilerplate, BoilerplateKind

__all__ = ["MAX_LINE", "Line", "agency_name", "agency_regex", "find_boilerplate", "outlets", "split_lines"]

log = logging.getLogger(__name__)

_BULLETS = ("-", "*", "•", "–", "·", "»", "●", "■")
_ARABIC_RUN = re.compile("[\u0600-\u06ff\u0750-\u077f\ufb50-\ufeff]+")  # fold these in patterns


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
    scope: str  # tail | head | edge | any | top
    then: str  # headlines | tags | caption | -
    regex: re.Pattern[str]


def _fold_pattern(rx: str) -> str:
    return _ARABIC_RUN.sub(lambda m: fold_key(m.group()), rx)


def rules() -> tuple[Rule, ...]:
    return _patterns()[0]


@lru_cache(maxsize=1)
def _patterns() -> tuple[tuple[Rule, ...], dict[str, str]]:
    """The rules of patterns.tsv and its shared pieces ("@NAME" rows), expanded."""
    out = []
    defined = {"AGENCY": _agency_regex()}
    for line in _resource("patterns.tsv").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        if line.startswith("@"):  # "@NAME<tab>regex": a shared piece
            name, rx = line[1:].split("\t", 1)
            defined[name] = _expand(_fold_pattern(rx), defined)
            continue
        kind, scope, then, rx = line.split("\t", 3)
        rx = _expand(_fold_pattern(rx), defined)
        out.append(Rule(kind, scope, then, re.compile(rx, re.IGNORECASE)))  # type: ignore[arg-type]
    return tuple(out), defined


def _expand(rx: str, defined: dict[str, str]) -> str:
    return re.sub(r"\{([A-Z]+)\}", lambda m: defined[m.group(1)], rx)


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


def _match(line: Line, scopes: frozenset[str]) -> Rule | None:
    if not line.folded or line.end - line.start > MAX_LINE:
        return None
    prose = prose_shaped(line)
    for rule in rules():
        if rule.scope in scopes and not (prose and rule.kind in _NOT_PROSE) and rule.regex.fullmatch(line.folded):
            return rule
    return None


_INHERITED = frozenset({"share", "related", "source_line", "byline"})
# a sentence of eight words with a full stop is never one of these, whatever words it holds
_NOT_PROSE = frozenset({"other", "source_line", "byline", "timestamp", "navigation", "comment_prompt"})
# a reporter's name alone is a byline next to these
_NAME_NEIGHBOURS = frozenset({"timestamp", "source_line", "byline"})
_TAIL = frozenset({"tail", "edge", "any"})
_HEAD = frozenset({"head", "edge", "any"})
_TOP = frozenset({"top", "head", "edge", "any"})
_ANY = frozenset({"any"})
_HEAD_MAX = 12  # lines: the head never runs further
_MAX_TOP_WORDS = 3
_MAX_CAPTION_WORDS = 16
_MAX_SWEPT_WORDS = 12
_MAX_TEASERS = 6


@lru_cache(maxsize=1)
def _inline_res() -> tuple[re.Pattern[str], ...]:
    signoff = re.compile(
        r"(?:(?<=[\s.!؟?»\"”)])|^)(?P<s>[/*\-–(]*\s*انتهي\s*(?:[/*\-–)]+[\d\s*/\-–]*|\s*\*+[\d\s*/\-–]*|\s+\d[\d\s*/\-–]*))\s*$"
    )
    ag = _agency_regex()
    agency = re.compile(rf"(?P<s>[(/]\s*(?:{ag})(?:\s*[،,/+و]\s*(?:{ag}))*\s*[)/])[\s.]*$")
    the_end = re.compile(
        r"(?:(?<=[\s.!؟?»\"”)])|^)(?P<s>[(/\-]+\s*(?:النهايه|انتهي)\s*[)/\-]+)[\s.]*$"
    )
    return signoff, agency, the_end


@lru_cache(maxsize=1)
def _glued_credit() -> re.Pattern[str]:
    """A photo credit in brackets at the end of a line: "... الزيتون. (صورة تعبيرية)"."""
    photo = _patterns()[1]["PHOTO"]
    return re.compile(rf"(?P<s>[(\[]\s*(?:[^()\[\]]{{0,30}}\s)?{photo}(?:[\s:][^()\[\]]{{0,40}})?\s*[)\]])[\s.]*$")


def _is_top(lines: list[Line], j: int) -> bool:
    """The first line, short, with a longer headline-shaped line under it: a section label."""
    return (
        j == 0
        and len(lines) > 1
        and lines[0].words <= _MAX_TOP_WORDS
        and headline_shaped(lines[1])
        and lines[1].words > lines[0].words
    )


def find_boilerplate(text: str) -> list[Boilerplate]:
    """Boilerplate spans of ``text``, sorted, not overlapping."""
    lines = split_lines(text)
    n = len(lines)
    body = [sentence_shaped(x) for x in lines]
    kinds: dict[int, BoilerplateKind] = {}
    thens: dict[int, str] = {}

    # 1. the trailer block, from the end
    block: list[tuple[int, BoilerplateKind, bool]] = []
    i = n - 1
    while i >= 0:
        line = lines[i]
        rule = _match(line, _TAIL)
        if rule is not None:
            block.append((i, rule.kind, rule.kind != "other"))
            thens[i] = rule.then
        elif date_only(text, line):
            block.append((i, "timestamp", False))  # a date heads a list as well
        elif code_shaped(line) or latin_only(line, 3):
            block.append((i, "other", False))
        else:
            break
        i -= 1
    last_body = i
    # a block of only codes and links (a job ad's link, "* *") is left alone
    if any(confirms for _, _, confirms in block):
        for j, kind, _ in block:
            kinds[j] = kind

    # 2. the head: the lines above the first body paragraph
    first_body = next((j for j in range(n) if body[j]), n)
    head_end = min(first_body, last_body + 1, _HEAD_MAX)
    headline = -1  # the first line of the head that is none of its furniture
    for j in range(max(head_end, 0)):
        line = lines[j]
        rule = _match(line, _TOP if _is_top(lines, j) else _HEAD)
        if rule is not None:
            kinds[j] = rule.kind
            thens[j] = rule.then
        elif date_only(text, line) or date_and_name(text, line):
            kinds[j] = "timestamp"
        elif _is_byline(line):
            kinds[j] = "byline"
        elif headline < 0:
            headline = j
    # a reporter's name alone, under the headline and next to a date or another byline
    for j in range(headline + 1, max(head_end, 0)):
        if (
            headline >= 0
            and j not in kinds
            and name_shaped(lines[j])
            and ((j - 1 in kinds and j - 1 > headline) or kinds.get(j + 1) in _NAME_NEIGHBOURS)
        ):
            kinds[j] = "byline"

    # 3. self-describing lines anywhere, with the lines they govern
    last_sentence = max((j for j in range(n) if body[j]), default=-1)
    j = 0
    while j < n:
        rule = _match(lines[j], _ANY) if j not in kinds else None
        if rule is None:
            j += 1
            continue
        kinds[j] = rule.kind
        thens[j] = rule.then
        j += 1
        if rule.then == "headlines":
            # the teaser headline; more lines only while they are bulleted or below the body
            taken = 0
            while j < n and taken < _MAX_TEASERS and j not in kinds and headline_shaped(lines[j]):
                if taken and not (lines[j].folded.startswith(_BULLETS) or j > last_sentence):
                    break
                kinds[j] = rule.kind
                j += 1
                taken += 1
        elif rule.then == "tags":
            taken = 0
            while j < n and taken < 15 and j not in kinds and tag_shaped(lines[j]):
                kinds[j] = rule.kind
                j += 1
                taken += 1

    # 4. a photo credit takes its caption above it, unless that line is the headline
    for j in sorted(k for k, t in thens.items() if t == "caption" and k in kinds):
        k = j - 1
        if (
            k > 0
            and k not in kinds
            and k != headline
            and not body[k]
            and headline_shaped(lines[k])
            and lines[k].words <= _MAX_CAPTION_WORDS
            and any(m not in kinds for m in range(k))
        ):
            kinds[k] = "other"

    # 5. below the last body paragraph, the short lines under a furniture line are furniture
    marked_below = [k for k in kinds if k > last_sentence]
    if marked_below:
        for k in range(min(marked_below) + 1, n):
            if k in kinds:
                continue
            if body[k] or lines[k].words > _MAX_SWEPT_WORDS:
                break
            kinds[k] = "other"

    # a bare link or code under a follow-us, teaser or source line belongs to it
    for j in sorted(kinds):
        if kinds[j] == "other" and kinds.get(j - 1) in _INHERITED and (code_shaped(lines[j]) or _is_link(lines[j])):
            kinds[j] = kinds[j - 1]

    spans = [Boilerplate(lines[j].start, lines[j].end, k) for j, k in kinds.items()]

    # 6. a photo credit glued to the end of a body line, a sign-off to the end of the last one
    for j, line in enumerate(lines):
        if j not in kinds and (line.folded.endswith((")", "]", ").", "].")) or not line.folded):
            glued = _cut_glued(text, line, (_glued_credit(),))
            if glued is not None:
                spans.append(Boilerplate(glued[0], glued[1], "other"))
    if 0 <= last_body < n and last_body not in kinds:
        glued = _cut_glued(text, lines[last_body], _inline_res())
        if glued is not None and all(b.start != glued[0] for b in spans):
            spans.append(Boilerplate(glued[0], glued[1], "signoff"))
    spans.sort(key=lambda b: b.start)
    log.debug("boilerplate: %d spans", len(spans))
    return spans


def _cut_glued(text: str, line: Line, patterns: tuple[re.Pattern[str], ...]) -> tuple[int, int] | None:
    """The source span of the first pattern that ends ``line``, when it leaves text before it."""
    tail_start = max(line.start, line.end - 80)
    f = fold(text, tail_start, line.end)
    for rx in patterns:
        m = rx.search(f.text)
        if m is None:
            continue
        a = m.start("s")
        while a < len(f.text) and f.text[a].isspace():
            a += 1
        s, e = f.to_source(a, len(f.text.rstrip()))
        return (s, e) if s > line.start and e > s else None
    return None


_LINK = re.compile(r"[(<\s]*(?:https?://|www\.)\S+[)>\s]*")


def _is_link(line: Line) -> bool:
    return _LINK.fullmatch(line.folded) is not None
