"""Quotations: the speech cues of Arabic news and the words they introduce.

A cue is a speech verb ("قال", "وأضاف", "وتابع", "أكد", "أوضح" …) or an adverbial participle
("مشيراً إلى أن", "مؤكداً أن"). After a colon, or inside «» / "" right after the cue, the words
are a direct quote running to the closing mark or the end of the sentence (the final period is
left out). After إن / أن the words are reported speech (``direct=False``) up to the next comma.
The speaker is found like an event's source: the mention after the cue, else the one before
it, else the last named subject.

The quote may also come first, its speaker after it: "«…»، قال الوزير", "\"…\"، بحسب المتحدث"
(``Cue.before``); a statement may speak itself ("وجاء في بيان الوزارة: «…»"); and a stretch in
quotation marks is a quote only when it reads as words said: a name ("عملية «السهم الأحمر»", "لـ«الراي»",
"كتيباً بعنوان «…»") or a scare-quoted word ("ما وصفه بـ«الإرهاب»") is none.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from marsad.events.lexicon import conjugate
from marsad.events.triggers import Tok, reading_rows
from marsad.memo import word_cache
from marsad.normalize import match_key


def _verbs(*pairs: str) -> frozenset[str]:
    out: set[str] = set()
    for p in pairs:
        past, _, present = p.partition("|")
        out |= conjugate(past, present)
    return frozenset(out)


SPEECH_VERBS = _verbs(
    "قال|يقول", "أضاف|يضيف", "تابع|يتابع", "أكد|يؤكد", "أوضح|يوضح", "صرح|يصرح", "شدد|يشدد",
    "أشار|يشير", "لفت|يلفت", "اعتبر|يعتبر", "رأى|يرى", "ذكر|يذكر", "أفاد|يفيد", "أعلن|يعلن",
    "استطرد|يستطرد", "أردف|يردف", "نوه|ينوه", "زعم|يزعم", "كتب|يكتب", "أبلغ|يبلغ",
    "اوضح|يوضح", "حذر|يحذر", "قالت|تقول", "هدد|يهدد", "توعد|يتوعد", "وصف|يصف", "تعهد|يتعهد",
    "طالب|يطالب", "دعا|يدعو",
) | frozenset(match_key(w) for w in ("قالت", "قالوا", "قالا", "رأت", "رأوا", "يرون", "ترى"))
PARTICIPLES = frozenset(
    match_key(w)
    for w in (
        "مشيرا", "مشيرة", "مؤكدا", "مؤكدة", "مضيفا", "مضيفة", "موضحا", "موضحة", "لافتا", "لافتة",
        "معتبرا", "معتبرة", "مشددا", "مشددة", "منوها", "منوهة", "قائلا", "قائلة", "مردفا",
        "متابعا", "محذرا", "محذرة", "واصفا", "واصفة", "معربا", "معربة", "مطالبا", "مطالبة",
        "داعيا", "داعية", "متوعدا", "مهددا", "مهددة",
    )
)
COMPLEMENTIZERS = frozenset(
    match_key(w)
    for w in (
        "إن", "إنه", "إنها", "إنهم", "إنهما", "إننا", "إني", "أن", "أنه", "أنها", "أنهم", "أنهما",
        "أننا", "بأن", "بأنه", "بأنها", "بأنهم", "إنّ", "أنّ",
    )
)
# "وفق ما أفاد مصدر", "ما وصفه بـ": a speech verb after ما attributes or names; it quotes nothing
_ATTRIBUTIVE = frozenset(match_key(w) for w in ("ما", "وما", "لما", "كما"))
# "«…»، بحسب المتحدث": a word that attributes the quote put right before it (and only that)
ATTRIBUTIONS = frozenset(match_key(w) for w in ("بحسب", "وبحسب", "حسب", "وحسب"))
# "وجاء في البيان: «…»", "وورد في رسالة الوزارة:": the statement named after في speaks
STATEMENT_VERBS = frozenset(match_key(w) for w in ("جاء", "وجاء", "ورد", "وورد"))
STATEMENT_NOUNS = frozenset(
    match_key(w)
    for w in (
        "بيان", "البيان", "بيانها", "بيانه", "بيانهم", "رسالة", "الرسالة", "رسالتها", "رسالته",
        "تغريدة", "منشور", "المنشور", "كلمة", "الكلمة", "كلمته", "كلمتها", "مذكرة", "المذكرة", "نص",
        "التقرير", "تقرير", "الوثيقة", "وثيقة", "بلاغ", "البلاغ", "التصريح", "تصريح", "الإعلان",
    )
)
# "مكتفياً بالقول:", "واختتم بالقول": the saying of the verb before it (a participle's speaker)
SAYING = frozenset(match_key(w) for w in ("بالقول",))
# a quoted stretch right after these words names something (an operation, a paper, a book, a
# campaign), it quotes nobody: "عملية «الفارس الشهم 3»", "لـ«الراي»", "بعنوان «…»"
NAMING = frozenset(
    match_key(w)
    for w in (
        "عملية", "العملية", "عمليات", "بعنوان", "عنوان", "العنوان", "اسم", "باسم", "مسمى", "بمسمى",
        "طراز", "حملة", "الحملة", "مبادرة", "المبادرة", "مؤتمر", "المؤتمر", "كتاب", "الكتاب", "كتيب",
        "كتيبا", "كتابه", "فيلم", "الفيلم", "رواية", "برنامج", "البرنامج", "مشروع", "المشروع", "خطة",
        "الخطة", "قمة", "القمة", "منتدى", "المنتدى", "مناورة", "مناورات", "المناورات", "تمرين",
        "تمرينات", "وثيقة", "الوثيقة", "صحيفة", "لصحيفة", "جريدة", "وكالة", "لوكالة", "قناة", "لقناة",
        "موقع", "لموقع", "منصة", "حركة", "جماعة", "تنظيم", "حزب", "منظمة", "جمعية", "شركة", "مصادر",
        "هاشتاغ", "وسم", "شعار", "ل", "لـ", "مجلة", "لمجلة", "ائتلاف", "تحالف", "قائمة", "كتلة",
    )
)
# the first word of a quoted title: "«مؤتمر حل الدولتين»", "«عملية السهم الأحمر»"
TITLE_HEADS = NAMING - frozenset(match_key(w) for w in ("ل", "لـ", "مصادر", "شعار", "باسم", "اسم", "بعنوان", "عنوان", "العنوان"))
# "ما وصفه بـ«الإرهاب»", "ما يسميه «…»": a word or two in quotation marks after these is a label
_LABEL_VERBS = _verbs("وصف|يصف", "سمى|يسمي", "أسمى|يسمي", "اعتبر|يعتبر", "أطلق|يطلق") | frozenset(
    match_key(w) for w in ("وصفه", "وصفته", "وصفها", "وصفوه", "سماه", "سمته", "أسماه", "أسمته", "يسميه", "تسميه", "يصفه", "تصفه")
)
_LABEL_WORDS = 3  # a scare-quoted label is this many words at most
OPEN_QUOTES = {"«": "»", '"': '"', "“": "”", "'": "'"}
CLOSE_QUOTES = {"»": "«", '"': '"', "”": "“"}
_TRIM = " \t\n.،,»\"”'"
_COMMAS = ("،", ",")


@dataclass(frozen=True, slots=True)
class Cue:
    """A speech cue in a sentence, and the quote it introduces (if any)."""

    tok: int  # token index of the cue word within the sentence
    start: int
    end: int
    participle: bool
    quote: tuple[int, int] | None = None  # the first quote (direct, else reported speech)
    direct: bool = True
    more: tuple[tuple[int, int], ...] = ()  # further quoted stretches in the cue's clause
    before: bool = False  # the quote comes before the cue: "«…»، قال الوزير"
    kind: str = "speech"  # "speech", "attribution" ("بحسب X") or "statement" ("وجاء في البيان")


@word_cache(65536)
def is_speech_verb(key: str) -> bool:
    return any(row[1] and row[0] in SPEECH_VERBS for row in reading_rows(key, False))  # (stem, verb, …)


@word_cache(65536)
def _is_participle(key: str) -> bool:
    k = key[1:] if key[:1] in ("و", "ف") and len(key) > 3 else key
    return k in PARTICIPLES or k in SAYING


def _frame_word(key: str) -> bool:
    """A word that may frame a quote without being a speech verb (see :func:`find_cues`)."""
    return key in ATTRIBUTIONS or key in STATEMENT_VERBS


@word_cache(65536)
def is_cue(key: str) -> bool:
    """A speech verb or a speech participle: asked of every token, so one cache for both."""
    return is_speech_verb(key) or _is_participle(key) or _frame_word(key)


def cue_word(key: str) -> bool:
    """:func:`is_cue` without its caches, for a caller that keeps the answer itself."""
    return (
        is_speech_verb.__wrapped__(key) or _is_participle.__wrapped__(key) or _frame_word(key)  # type: ignore[attr-defined]
    )


def find_cues(
    text: str, toks: list[Tok], sent_start: int, sent_end: int, words: list[int] | None = None
) -> list[Cue]:
    """Speech cues of one sentence, each with its quote span (or None); ``words`` are the
    indices of the tokens that are speech words (:func:`is_cue`), when the caller knows them.

    "بحسب" is a cue only right after a quote ("«…»، بحسب المتحدث"), "وجاء" only as "وجاء في
    البيان" before a colon or a quotation mark: elsewhere they frame nothing said."""
    cues: list[Cue] = []
    if words is None:
        words = [i for i, t in enumerate(toks) if is_cue(t.key)]
    # "طائرات تابعة لـ": a word in teh marbuta is no speech verb (only a participle: "مشيرة")
    idx = [
        i for i in words
        if not (i and toks[i - 1].key in _ATTRIBUTIVE) and not (toks[i].teh and not _is_participle(toks[i].key))
    ]
    kinds: dict[int, str] = {}
    for i in idx:
        k = toks[i].key
        if k in ATTRIBUTIONS and not is_speech_verb(k):
            if _quote_before(text, toks, i) is not None:
                kinds[i] = "attribution"
        elif k in STATEMENT_VERBS and not _is_participle(k):
            if _statement_frame(toks, i):
                kinds[i] = "statement"
        else:
            kinds[i] = "speech"
    idx = [i for i in idx if i in kinds]
    for n, i in enumerate(idx):
        t = toks[i]
        kind = kinds[i]
        part = kind == "speech" and _is_participle(t.key)
        stop = idx[n + 1] if n + 1 < len(idx) else len(toks)
        before = False
        if kind == "attribution":
            quote, direct, spans = _quote_before(text, toks, i), True, []
            before = True
        else:
            quote, direct = _quote_after(text, toks, i, stop, sent_end)
            region_end = toks[stop].start if stop < len(toks) else sent_end
            spans = _marked_in(text, toks, i, stop, region_end)
            if spans and (quote is None or not direct):
                quote, direct, spans = spans[0], True, spans[1:]
            if quote is None and kind == "speech" and not part and toks[i].key[:1] not in ("و", "ف"):
                quote = _quote_before(text, toks, i)  # "«…»، قال الوزير" (not "…»، وقال": a new clause)
                before = quote is not None
        marked = tuple(m for m in spans if quote is None or m[0] >= quote[1])
        cues.append(Cue(i, t.start, t.end, part, quote, direct, marked, before, kind))
    return cues


def _statement_frame(toks: list[Tok], i: int) -> bool:
    """"وجاء في البيان:", "وورد في بيان الوزارة «": في and a statement noun right after the verb,
    then a colon or a quotation mark within a few words."""
    if i + 2 >= len(toks) or toks[i + 1].key != "في" or toks[i + 2].key not in STATEMENT_NOUNS:
        return False
    for t in toks[i + 3:i + 12]:
        if t.key == ":" or t.key in OPEN_QUOTES:
            return True
        if t.key in (".", "؟", "!") or t.key in COMPLEMENTIZERS:
            return False
    return False


def _quote_before(text: str, toks: list[Tok], i: int) -> tuple[int, int] | None:
    """The quote that closes right before the cue at token ``i`` ("«…»، قال", "\"…\"، بحسب"):
    its span, back to the matching opening mark (across sentences: the quote may hold several)."""
    j = i - 2  # the comma is what tells a closing mark from an opening one: «…»، قال
    if j < 0 or toks[i - 1].key not in _COMMAS or toks[j].key not in CLOSE_QUOTES:
        return None
    close_at = toks[j].start
    open_at = text.rfind(CLOSE_QUOTES[toks[j].key], max(0, close_at - 3000), close_at)
    if open_at < 0 or "\n\n" in text[open_at:close_at] and toks[j].key == '"':
        return None  # a straight quote whose opening is paragraphs away is not this one's
    span = _trim(text, open_at + 1, close_at)
    if span is None or len(text[span[0]:span[1]].split()) < 2 or labelled(text, open_at, span):
        return None
    return span


def labelled(text: str, open_at: int, span: tuple[int, int]) -> bool:
    """Whether the quotation marks opening at ``open_at`` around ``span`` set off a name or a
    label, not words said: after a naming word ("عملية «…»", "لـ«الراي»", "بعنوان «…»"), a
    title ("«مؤتمر حل الدولتين»"), or a scare-quoted label ("ما وصفه بـ«العدوان الأميركي»")."""
    body = text[span[0]:span[1]].split()
    before = [match_key(w) for w in _WORD.findall(text, max(0, open_at - 60), open_at)][-4:]
    prev = before[-1] if before else ""
    if prev in NAMING or (len(prev) > 3 and prev[0] in "بل" and prev[1:] in NAMING):
        return True
    if body and len(body) <= 6 and match_key(body[0]) in TITLE_HEADS:
        return True
    return len(body) <= _LABEL_WORDS and any(
        w in _LABEL_VERBS and n > 0 and before[n - 1] in _ATTRIBUTIVE for n, w in enumerate(before)
    )


_WORD = re.compile(r"[\w\u064b-\u065f\u0670]+")


def _marked_in(text: str, toks: list[Tok], i: int, stop: int, region_end: int) -> list[tuple[int, int]]:
    """Stretches in quotation marks after a cue ("وقال إن «…»"), of three words or more."""
    out: list[tuple[int, int]] = []
    j = i + 1
    while j < stop:
        k = toks[j].key
        if k in OPEN_QUOTES:
            close = OPEN_QUOTES[k]
            end = text.find(close, toks[j].end, region_end + 2000)
            if end < 0:
                break
            span = _trim(text, toks[j].end, end)
            if span and len(text[span[0]:span[1]].split()) >= 3 and not labelled(text, toks[j].start, span):
                out.append(span)  # not a scare-quoted name
            while j < stop and toks[j].start <= end:
                j += 1
            continue
        j += 1
    return out


def _quote_after(
    text: str, toks: list[Tok], i: int, stop: int, sent_end: int
) -> tuple[tuple[int, int] | None, bool]:
    """The quote a cue at token ``i`` introduces: (span, direct) or (None, True)."""
    for j in range(i + 1, min(stop, i + 16)):
        k = toks[j].key
        if k == ":":
            return _direct_span(text, toks[j].end, sent_end), True
        if k in OPEN_QUOTES and j <= i + 2:
            span = _marked_span(text, toks[j].start, sent_end)
            if span and len(text[span[0]:span[1]].split()) >= 2 and not labelled(text, toks[j].start, span):
                return span, True
        if k in COMPLEMENTIZERS or (k in ("الي",) and j + 1 < stop and toks[j + 1].key in COMPLEMENTIZERS):
            if k == "الي":
                j += 1
            span = _indirect_span(text, toks[j].start, sent_end)
            return span, False
        if k in (".", "؟", "!"):
            break
    return None, True


def _trim(text: str, a: int, b: int) -> tuple[int, int] | None:
    while a < b and text[a] in " \t\n\"«“'":
        a += 1
    while b > a and text[b - 1] in _TRIM:
        b -= 1
    return (a, b) if b - a >= 3 else None


def _direct_span(text: str, after_colon: int, sent_end: int) -> tuple[int, int] | None:
    a = after_colon
    while a < sent_end and text[a].isspace():
        a += 1
    if a < sent_end and text[a] in OPEN_QUOTES:
        return _marked_span(text, a, sent_end)
    return _trim(text, a, sent_end)


def _marked_span(text: str, open_at: int, sent_end: int) -> tuple[int, int] | None:
    close = OPEN_QUOTES[text[open_at]]
    end = text.find(close, open_at + 1, open_at + 4000)
    if end < 0:
        end = sent_end
    return _trim(text, open_at + 1, end)


def _indirect_span(text: str, a: int, sent_end: int) -> tuple[int, int] | None:
    comma = text.find("،", a, sent_end)
    b = comma if comma > 0 else sent_end
    return _trim(text, a, b)
