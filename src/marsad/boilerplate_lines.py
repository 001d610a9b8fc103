"""Lines of a page and their shapes, for boilerplate detection.

Page furniture differs from outlet to outlet, but its shape does not: a body paragraph is a
sentence (it ends with a full stop, or it is long); a headline, a byline, a caption or a tag list
is short and ends without one; a date line holds nothing but dates, times and calendar words.
These predicates know no outlet: :mod:`marsad.boilerplate` combines them with the patterns of
``resources/boilerplate/patterns.tsv`` and with where a line sits.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from marsad.dates import find_dates, fold, tables

#: Longest line (in characters) that can be boilerplate: body paragraphs are longer.
MAX_LINE = 260
_STRIP = " \t\r\f\v\u00a0\u200b\u200c\u200d\u200e\u200f\u061c\ufeff\u2028\u2029"
_MAX_HEADLINE_WORDS = 22
_MAX_TAG_WORDS = 5
_LONG_PARAGRAPH = 25  # words: a line this long is body whatever its end
_SENTENCE_END = re.compile(r"[.!؟?…:][\s\"'”»)\]]*$")
_LETTER = re.compile(r"[^\W\d_]")
_ARABIC_LETTER = re.compile("[\u0621-\u064a\u066e-\u06d3]")
_LATIN_WORD = re.compile(r"[A-Za-z]")


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


def sentence_shaped(line: Line) -> bool:
    """A body paragraph: a sentence of six words or more that ends with a full stop, or a line
    too long for furniture. (A colon counts as an end: "وأضاف الوزير:" opens a quote.)"""
    if not line.folded:
        return True  # longer than MAX_LINE
    n = line.words
    return n >= _LONG_PARAGRAPH or (n >= 6 and _SENTENCE_END.search(line.folded) is not None)


_PROSE_END = re.compile(r"[.!؟?][\s\"'”»)\]]*$")


def prose_shaped(line: Line) -> bool:
    """A sentence of eight words or more ending with a full stop: "وأكد أن جميع الحقوق محفوظة
    للمتضررين." is body, though it holds the words of a copyright line."""
    return line.words >= 8 and _PROSE_END.search(line.folded) is not None


def headline_shaped(line: Line) -> bool:
    f = line.folded
    return bool(f) and line.words <= _MAX_HEADLINE_WORDS and not f.endswith((".", "،", ":", "؛"))


def tag_shaped(line: Line) -> bool:
    f = line.folded
    return bool(f) and line.words <= _MAX_TAG_WORDS and not re.search(r"[.!؟?:]", f)


def code_shaped(line: Line) -> bool:
    """A line without words: reference codes, rules of stars, bare numbers."""
    if line.end - line.start > 40 or not line.folded:
        return False
    return len(_LETTER.findall(line.folded)) <= 2


def latin_only(line: Line, max_words: int = 6) -> bool:
    """A short line of Latin script only in an Arabic page: a photo credit ("Getty Images",
    "Sputnik"), a social bar, a handle."""
    f = line.folded
    return (
        bool(f)
        and line.words <= max_words
        and _ARABIC_LETTER.search(f) is None
        and _LATIN_WORD.search(f) is not None
    )


# function words never found in a person's name: "إيلاف من بيروت" is a dateline, no byline
_FUNCTION_WORDS = frozenset(
    ("من", "في", "على", "الى", "عن", "مع", "بعد", "قبل", "ان", "او", "ثم", "حتى", "منذ", "هذا",
     "هذه", "ذلك", "تلك", "التي", "الذي", "لا", "لم", "لن", "قد")
)  # fmt: skip
_NAME_WORD = re.compile(r"[ء-ي]{2,}|[ء-ي]\.")


def name_shaped(line: Line) -> bool:
    """Two to four Arabic words that could be a person's name: "ياسين الرواص", "ك. بوعلام"."""
    words = line.folded.split()
    return (
        2 <= len(words) <= 4
        and all(_NAME_WORD.fullmatch(w) for w in words)
        and not any(w in _FUNCTION_WORDS for w in words)
        and not words[0].startswith("ال")  # a first name has no article: "الخبر الاول"
    )


_DATE_WORDS = re.compile(
    r"(?<![\w])(?:ه|هـ|م|مـ|ص|ميلادي|هجري|الموافق|الموافقه|مساء|صباحا|ظهرا|فجرا|ليلا|"
    r"gmt|utc|am|pm|ت\s*غ|ت\s*م|بتوقيت\s+[ء-ي]+|بتوقيت|"
    r"نشر\s+في|نشرت\s+في|نشر|نشرت|تاريخ\s+النشر|تم\s+النشر|اخر\s+تحديث|تحديث|محدث|تم\s+التحديث|"
    r"التاريخ|بتاريخ|اخر\s+تعديل|updated|published|posted|last\s+update|في)(?![\w])"
)
_FILLER = re.compile(r"[\s\d\-–—/|,،؛;.:()\[\]]+")
_CLOCK = re.compile(r"(?<!\d)\d{1,2}:\d{2}(?!\d)")


def date_only(text: str, line: Line) -> bool:
    """A line of dates, times, weekdays, months and the words around them only, with a full
    date or a clock time: "الخميس - 17 ذو القعدة 1446 هـ - 15 مايو 2025 مـ", "2025/07/21 19:40",
    "نشر في: 12 مارس 2025 - 14:20", "نشرت في 14 مارس 2025 آخر تحديث 14 مارس 2025".
    A dateline is no date line: it has a place."""
    if line.end - line.start > 120 or not any(c.isdigit() for c in line.folded):
        return False
    found = find_dates(text, line.start, line.end)
    has_day = any(d.precision == "day" for d in found)
    if not has_day and not _CLOCK.search(line.folded):
        return False
    rest = fold(text, line.start, line.end).text
    for d in sorted(found, key=lambda d: -d.start):
        a = d.start - line.start
        rest = rest[:a] + " " + rest[a + len(fold(text, d.start, d.end).text) :]
    rest = _FILLER.sub(" ", _DATE_WORDS.sub(" ", rest))
    t = tables()
    return all(w in t.weekdays or w in t.months for w in rest.split())


def date_and_name(text: str, line: Line) -> bool:
    """A byline and a date on one line, split by a bar: "بوابة الوسط | الأربعاء 12 مارس 2025,
    03:20 مساء", "كتب: أحمد سعيد | الأحد 09-03-2025 22:14". The other parts must be short and
    carry no sentence."""
    f = line.folded
    if "|" not in f or line.end - line.start > 160:
        return False
    parts = text[line.start : line.end].split("|")
    pos = line.start
    dated = False
    for part in parts:
        a, b = pos, pos + len(part)
        pos = b + 1
        while a < b and text[a].isspace():
            a += 1
        while b > a and text[b - 1].isspace():
            b -= 1
        if a == b:
            continue
        piece = Line(a, b, fold(text, a, b).text)
        if date_only(text, piece):
            dated = True
        elif piece.words > 5 or re.search(r"[.!؟?]\s*\S", piece.folded):
            return False
    return dated
