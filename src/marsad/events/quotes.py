"""Quotations: the speech cues of Arabic news and the words they introduce.

A cue is a speech verb ("قال", "وأضاف", "وتابع", "أكد", "أوضح" …) or an adverbial participle
("مشيراً إلى أن", "مؤكداً أن"). After a colon, or inside «» / "" right after the cue, the words
are a direct quote running to the closing mark or the end of the sentence (the final period is
left out). After إن / أن the words are reported speech (``direct=False``) up to the next comma.
The speaker is found like an event's source: the mention after the cue, else the one before
it, else the last named subject.
"""

from __future__ import annotations

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
OPEN_QUOTES = {"«": "»", '"': '"', "“": "”", "'": "'"}
_TRIM = " \t\n.،,»\"”'"


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


@word_cache(65536)
def is_speech_verb(key: str) -> bool:
    return any(row[1] and row[0] in SPEECH_VERBS for row in reading_rows(key, False))  # (stem, verb, …)


@word_cache(65536)
def _is_participle(key: str) -> bool:
    k = key[1:] if key[:1] in ("و", "ف") and len(key) > 3 else key
    return k in PARTICIPLES


@word_cache(65536)
def is_cue(key: str) -> bool:
    """A speech verb or a speech participle: asked of every token, so one cache for both."""
    return is_speech_verb(key) or _is_participle(key)


def cue_word(key: str) -> bool:
    """:func:`is_cue` without its caches, for a caller that keeps the answer itself."""
    return is_speech_verb.__wrapped__(key) or _is_participle.__wrapped__(key)  # type: ignore[attr-defined]


def find_cues(
    text: str, toks: list[Tok], sent_start: int, sent_end: int, words: list[int] | None = None
) -> list[Cue]:
    """Speech cues of one sentence, each with its quote span (or None); ``words`` are the
    indices of the tokens that are speech words (:func:`is_cue`), when the caller knows them."""
    cues: list[Cue] = []
    if words is None:
        words = [i for i, t in enumerate(toks) if is_cue(t.key)]
    # "طائرات تابعة لـ": a word in teh marbuta is no speech verb (only a participle: "مشيرة")
    idx = [
        i for i in words
        if not (i and toks[i - 1].key in _ATTRIBUTIVE) and not (toks[i].teh and not _is_participle(toks[i].key))
    ]
    for n, i in enumerate(idx):
        t = toks[i]
        part = _is_participle(t.key)
        stop = idx[n + 1] if n + 1 < len(idx) else len(toks)
        quote, direct = _quote_after(text, toks, i, stop, sent_end)
        region_end = toks[stop].start if stop < len(toks) else sent_end
        spans = _marked_in(text, toks, i, stop, region_end)
        if spans and (quote is None or not direct):
            quote, direct, spans = spans[0], True, spans[1:]
        marked = tuple(m for m in spans if quote is None or m[0] >= quote[1])
        cues.append(Cue(i, t.start, t.end, part, quote, direct, marked))
    return cues


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
            if span and len(text[span[0]:span[1]].split()) >= 3:  # not a scare-quoted name
                out.append(span)
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
            if span and len(text[span[0]:span[1]].split()) >= 2:
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
