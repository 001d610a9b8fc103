"""Find event triggers in a sentence: conjugated verbs, verbal nouns and multiword expressions.

Tokens are compared by match key after clitic stripping, done here against the lexicon rather
than trusting one segmentation: a token is read every way the grammar allows (و/ف, the future
س, ب/ل/ك, the article, pronoun suffixes, the accusative alef) and a reading counts only when the
lexicon knows its stem in the right part of speech (a verb never takes the article). Negation
and modality are read from the words before the trigger.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import NamedTuple

from marsad.document import Document
from marsad.events.lexicon import Entry, Lexicon
from marsad.memo import word_cache
from marsad.normalize import match_key

# Words that begin with و or ف themselves: never read as the conjunction + a word ("وزارة")
WAW_WORDS = frozenset(
    match_key(w)
    for w in (
        "وزير", "وزيرة", "وزارة", "وزراء", "الوزير", "وفد", "وفدا", "وفود", "وكالة", "وكيل", "وقفة",
        "وقفات", "وحدة", "وحدات", "ولاية", "ولي", "وسائل", "وساطة", "وطني", "وطنية", "واشنطن", "وثيقة",
        "ورقة", "وسط", "وقت", "وصول", "وجود", "وضع", "وفاة", "وفيات", "فصائل", "فرنسا", "فلسطين",
        "فلسطيني", "فلسطينية", "فلسطينيين", "فريق", "فرق", "فجر", "فيما", "فور", "فترة", "فرع", "فندق",
        "فنزويلا", "فنلندا", "فيتنام", "فيينا", "فيلق", "وادي", "ولايات", "وكالات", "فضيلة", "فخامة",
    )
)

_SUFFIXES = ("هما", "كما", "ها", "هم", "هن", "كم", "نا", "ه")
_WORD_RE = re.compile(r"[\w\u064b-\u065f\u0670]+|[^\s\w]")
_MARKS = "".join(chr(c) for c in range(0x064B, 0x0660)) + "\u0670\u0640"
_ALNUM = re.compile(r"[^\W_]")
_HAMZA = frozenset("أإؤئءآ")
_SENT_END = re.compile(r"[.!?؟]+(?=\s|$)|\n")


@dataclass(frozen=True, slots=True)
class Reading:
    """One way to read a token: its stem key and what the clitics allow."""

    stem: str
    verb: bool
    noun: bool
    future: bool = False  # the future prefix س was stripped
    marked_noun: bool = False  # the article or a preposition was stripped: surely a noun


class Tok(NamedTuple):
    """A token as the events layer reads it. A named tuple: one is made for every token of every
    document, and a frozen dataclass took three times as long to build."""

    start: int
    end: int
    key: str
    teh: bool = False  # the surface ends in teh marbuta: a final ه in the key is not a pronoun
    is_word: bool = True  # letters or digits (not punctuation)
    noun_only: bool = False  # written with إ (after و ف ب ل): "وإدانتها" is a verbal noun, never أدانت
    hamza: bool = False  # a hamza after the word's first letter ("هنأ"): see ``Element.hamza``


def _suffix_variants(stem: str, teh: bool = False) -> list[str]:
    out = [stem]
    for s in _SUFFIXES:
        if teh and s == "ه":
            continue
        if stem.endswith(s) and len(stem) - len(s) >= 2:
            base = stem[: -len(s)]
            out.append(base)
            if base.endswith("ت"):
                out.append(base[:-1] + "ه")  # زيارته → زيارة
            elif base.endswith("و"):
                out.append(base + "ا")  # استقبلوه → استقبلوا
            if base.endswith(("ي", "و")):
                out.append(base[:-1] + "ء")  # لقائه → لقاء
    return out


@word_cache(8192)
def readings(key: str, teh: bool = False) -> tuple[Reading, ...]:
    """Every reading of a token key, the least stripped first (``teh``: see :class:`Tok`).

    The cache is small on purpose: callers that see every token cache their own answers
    (:func:`_starts`, ``quotes.is_speech_verb``); this one only spares recomputing a word
    within a document, and its readings are objects the garbage collector must walk.
    """
    out: list[Reading] = []
    seen: set[tuple[str, bool, bool]] = set()

    def add(stem: str, verb: bool, noun: bool, future: bool = False, marked: bool = False) -> None:
        for s in _suffix_variants(stem, teh):
            k = (s, verb, noun)
            if len(s) >= 2 and k not in seen:
                seen.add(k)
                out.append(Reading(s, verb, noun, future, marked))
        if noun and len(stem) > 3 and stem.endswith("ا"):
            s = stem[:-1]  # accusative alef: اتصالا, هجوما
            if (s, False, True) not in seen:
                seen.add((s, False, True))
                out.append(Reading(s, False, True, False, marked))

    bases = [key]
    if len(key) > 3 and key[0] in "وف":
        bases.append(key[1:])
    elif len(key) == 3 and key[0] in "وف":
        add(key[1:], True, False)  # a doubled verb after و/ف: "وحث"، "وشن"، "فعم"
    for r in bases:
        add(r, True, True)
        if len(r) > 3 and r[0] == "س" and r[1] in "يتن":
            add(r[1:], True, False, future=True)  # not سأ…: "سأضرب" is "I will hit", not a strike
        if len(r) > 3 and r[0] == "ل" and r[1] in "يتن":
            add(r[1:], True, False)
        nouns: list[str] = []
        if len(r) > 3 and r[0] in "بلك":
            nouns.append(r[1:])
            if r.startswith("لل"):
                nouns.append("ال" + r[2:])
        for n in [r, *nouns]:
            if n.startswith("ال") and len(n) > 3:
                nouns.append(n[2:])
        for n in nouns:
            add(n, False, True, marked=True)
    return tuple(out)


def accepts(
    tok: Tok, verb: frozenset[str], noun: frozenset[str], hamza: frozenset[str] = frozenset()
) -> Reading | None:
    """The first reading of a token that the element's verb or noun forms accept (a key in
    ``hamza`` only when the token is written with its inner hamza)."""
    for r in readings(tok.key, tok.teh):
        if (r.verb and r.stem in verb) or (r.noun and r.stem in noun):
            if r.stem in hamza and not tok.hamza:
                continue
            return r
    return None


@dataclass(frozen=True, slots=True)
class Match:
    """One lexicon pattern found in a sentence; indices are into the sentence's token list."""

    entry: Entry
    tokens: tuple[int, ...]  # the matched (non-gap) token indices
    trigger: tuple[int, int]  # first and last token index of the trigger span
    head_reading: Reading

    @property
    def head(self) -> int:
        return self.tokens[0]

    @property
    def verbal(self) -> bool:
        """A verb heads it (not a noun read with the article or a preposition)."""
        return self.entry.verbal and not self.head_reading.marked_noun and self.head_reading.verb


def sentence_tokens(doc: Document, start: int, end: int, all_tokens: list[Tok]) -> list[Tok]:
    return [t for t in all_tokens if start <= t.start and t.end <= end]


def document_tokens(doc: Document) -> list[Tok]:
    """The document's tokens as (span, key); a regex split when no segmenter ran."""
    text = doc.text
    if doc.tokens:
        spans = [(t.start, t.end, t.norm) for t in doc.tokens]
    else:
        spans = [(m.start(), m.end(), "") for m in _WORD_RE.finditer(text)]
    out = []
    append = out.append
    for a, b, norm in spans:
        key, teh, is_word, noun_only, hamza = token_facts(text[a:b], norm)
        append(Tok(a, b, key, teh, is_word, noun_only, hamza))
    return out


@word_cache(200_000)
def token_facts(surface: str, norm: str) -> tuple[str, bool, bool, bool, bool]:
    """``(key, teh, is_word, noun_only, hamza)`` of a token (see :class:`Tok`), once per word form."""
    stripped = surface.rstrip(_MARKS)
    key = norm or match_key(surface)
    bare = stripped.lstrip("وفبل")
    hamza = any(c in _HAMZA for c in bare[1:])
    return key, stripped.endswith("ة"), _ALNUM.search(key) is not None, bare.startswith("إ"), hamza


def fallback_sentences(text: str) -> list[tuple[int, int]]:
    """Line breaks and . ! ? ؟ before a space; used only when no segmenter filled sentences."""
    spans: list[tuple[int, int]] = []
    start = 0
    for m in _SENT_END.finditer(text):
        _trimmed(text, start, m.end(), spans)
        start = m.end()
    _trimmed(text, start, len(text), spans)
    return spans


def _trimmed(text: str, s: int, e: int, out: list[tuple[int, int]]) -> None:
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    if e > s:
        out.append((s, e))


def _match_from(entry: Entry, toks: list[Tok], i: int, first: Reading) -> Match | None:
    """Try ``entry`` with its first element on token ``i`` (already accepted as ``first``)."""
    els = entry.elements
    matched: list[int] = [i]
    last_gap_at = 0  # index into matched where the trigger span starts

    def walk(ei: int, ti: int) -> bool:
        nonlocal last_gap_at
        if ei == len(els):
            return True
        el = els[ei]
        if el.is_gap:
            nxt = els[ei + 1]
            for skip in range(el.gap + 1):
                j = ti + skip
                if j >= len(toks):
                    return False
                if skip and toks[j - 1].key in (":", "«", "»"):
                    return False
                if accepts(toks[j], nxt.verb, nxt.noun, nxt.hamza):
                    save = (len(matched), last_gap_at)
                    last_gap_at = len(matched)
                    matched.append(j)
                    if walk(ei + 2, j + 1):
                        return True
                    del matched[save[0]:]
                    last_gap_at = save[1]
            return False
        if el.optional:
            if ti < len(toks) and accepts(toks[ti], el.verb, el.noun, el.hamza):
                matched.append(ti)
                if walk(ei + 1, ti + 1):
                    return True
                matched.pop()
            return walk(ei + 1, ti)
        if ti >= len(toks) or not accepts(toks[ti], el.verb, el.noun, el.hamza):
            return False
        matched.append(ti)
        if walk(ei + 1, ti + 1):
            return True
        matched.pop()
        return False

    if not walk(1, i + 1):
        return None
    trig = matched[:1] if "head" in entry.flags else matched[last_gap_at:]
    return Match(entry, tuple(matched), (trig[0], trig[-1]), first)


def _starts(
    lex: Lexicon, key: str, teh: bool, noun_only: bool = False, hamza: bool = False
) -> tuple[tuple[Entry, Reading], ...]:
    """The entries whose first element a token can be, with the reading (cached per lexicon).

    A participle ("متهماً") never takes the article or a preposition: "المتهمين" are the
    accused, not people accusing."""
    ck = (key, teh, noun_only, hamza)
    hit = lex.cache.get(ck)
    if hit is not None:
        return hit
    out: list[tuple[Entry, Reading]] = []
    tried: set[int] = set()
    for r in readings(key, teh):
        pools = []
        if r.verb and not noun_only:
            pools.append(lex.by_verb.get(r.stem, ()))
        if r.noun:
            pools.append(lex.by_noun.get(r.stem, ()))
        for pool in pools:
            for entry in pool:
                first = entry.elements[0]
                if id(entry) in tried or not ((r.verb and r.stem in first.verb) or (r.noun and r.stem in first.noun)):
                    continue
                if (r.stem in first.hamza and not hamza) or (r.marked_noun and "participle" in entry.flags):
                    continue
                tried.add(id(entry))
                out.append((entry, r))
    starts = tuple(out)  # most words start nothing: the empty tuple is shared and untracked
    if len(lex.cache) < 200_000:
        lex.cache[ck] = starts
    return starts


# Words after which a clause opens ("إن على إسرائيل أن …", "لذلك على الحكومة …"): the
# ``opener`` flag of a lexicon row asks for one of these, punctuation or the sentence start
OPENERS = frozenset(
    match_key(w)
    for w in (
        "إن", "أن", "بأن", "إنه", "أنه", "بأنه", "إنها", "أنها", "بأنها", "لكن", "لذا", "لذلك", "بل",
        "كما", "وعليه", "ف", "و",
    )
)


def opens_clause(toks: list[Tok], i: int) -> bool:
    """Token ``i`` stands where a clause opens (see :data:`OPENERS`)."""
    if i == 0 or not toks[i - 1].is_word:
        return True
    k = toks[i - 1].key
    return k in OPENERS or (len(k) > 2 and k[0] in "وف" and k[1:] in OPENERS)


def find_matches(toks: list[Tok], lex: Lexicon) -> list[Match]:
    """Every non-overlapping lexicon match in one sentence, longest patterns first."""
    cands: list[Match] = []
    for i, t in enumerate(toks):
        if not t.is_word:
            continue
        for entry, r in _starts(lex, t.key, t.teh, t.noun_only, t.hamza):
            if "opener" in entry.flags and not opens_clause(toks, i):
                continue
            m = _match_from(entry, toks, i, r)
            if m is not None:
                cands.append(m)
    # Longer patterns win; a verb reading wins over a noun reading of the same bare word.
    def after_comma(m: Match) -> int:
        # "…، مطالبةً مجلس الأمن": after a comma a participle reading beats the verbal noun
        return int("participle" in m.entry.flags and m.head > 0 and toks[m.head - 1].key in ("،", ","))

    cands.sort(
        key=lambda m: (
            -m.entry.literal_count,
            -(1 if m.entry.frame == "stop" else 0),
            -after_comma(m),
            -(1 if m.verbal else 0),
            m.head,
        )
    )
    used: set[int] = set()
    out: list[Match] = []
    for m in cands:
        if used.intersection(m.tokens):
            continue
        used.update(m.tokens)
        out.append(m)
    out.sort(key=lambda m: m.head)
    return out


# --------------------------------------------------------------------------------------------
# Negation and modality, read from the words before the trigger
# --------------------------------------------------------------------------------------------

_NEG = frozenset(match_key(w) for w in ("لم", "لن", "لا", "ليس", "ليست", "لست", "عدم", "دون", "بدون"))
_NEG_VERBS = frozenset(
    match_key(w) for w in ("نفى", "ينفي", "نفت", "تنفي", "نفوا", "ينفون", "نفيا", "نفي")
)
_FUTURE_NEAR = frozenset(match_key(w) for w in ("سوف", "لن"))
_FUTURE_WORDS = frozenset(
    match_key(w)
    for w in (
        "يعتزم", "تعتزم", "يعتزمون", "اعتزم", "اعتزمت", "ينوي", "تنوي", "ينوون", "يرتقب",
        "يرتقب", "المرتقب", "المرتقبة", "المقبل", "المقبلة", "القادم", "القادمة", "غدا", "سيتم",
        "المزمع", "يزمع", "تزمع", "قرر", "قررت", "قررنا", "قرروا", "يقرر", "تقرر", "ستبدأ", "سيبدأ",
        "تمهيدا", "يستعد", "تستعد", "يستعدون", "تستعدان", "يستعدان", "الإعداد", "الاعداد", "التحضير",
        "للتحضير", "للإعداد",
    )
)
_FUTURE_PAIRS = (
    ("من", "المقرر"), ("من", "المتوقع"), ("من", "المنتظر"), ("من", "المزمع"), ("من", "المرتقب"),
    ("جدول", "اعمال"), ("جدول", "الاعمال"),
)
# "التوقيع على اتفاق … مدرج على جدول الأعمال": a noun that is the subject of a plan predicate
# is planned, not done; read from the words after a nominal trigger up to the clause's comma
_PLANNED_AFTER = frozenset(
    match_key(w)
    for w in (
        "مدرج", "مدرجة", "مقرر", "مقررة", "المقرر", "مرتقب", "مرتقبة", "مزمع", "مزمعة", "منتظر",
        "منتظرة", "مرتقبا", "مقررا",
    )
)
_PLANNED_PAIRS = (("جدول", "اعمال"), ("جدول", "الاعمال"))
_HYPO = frozenset(match_key(w) for w in ("إذا", "اذا", "لو", "لولا", "ربما"))
_DEMAND = frozenset(
    match_key(w)
    for w in ("يجب", "ينبغي", "يتعين", "ضرورة", "بضرورة", "لابد", "بد", "وجوب", "يتوجب", "علينا")
)


@dataclass(frozen=True, slots=True)
class Modality:
    negated: bool
    modality: str  # asserted | future | hypothetical | demanded
    tense: str  # past | future (for date resolution)


def _bare(key: str) -> str:
    return key[1:] if len(key) > 2 and key[0] in "وف" else key


def read_modality(toks: list[Tok], m: Match, demanded_before: bool) -> Modality:
    """Negation and modality from the words just before the trigger head (same clause)."""
    h = m.head
    window = [_bare(t.key) for t in toks[max(0, h - 8):h] if t.is_word]
    near = window[-2:]
    negated = any(w in _NEG for w in near) or (bool(near) and near[-1] == "ما" and m.verbal)
    negated = negated or any(w in _NEG_VERBS for w in window[-5:])
    future = m.head_reading.future or any(w in _FUTURE_NEAR for w in near)
    after = [t.key for t in toks[m.trigger[1] + 1:m.trigger[1] + 6]]
    future = future or any(w in _FUTURE_WORDS for w in window[-6:]) or any(
        w in {"المقبل", "المقبله", "القادم", "القادمه"} for w in after
    )
    pairs = list(zip(window, window[1:], strict=False))
    future = future or any(p in _FUTURE_PAIRS for p in pairs)
    if not m.verbal and not future:
        future = _planned_after(toks, m.trigger[1] + 1)
    tense = "future" if future else "past"
    if any(w in _DEMAND for w in window[-6:]) or demanded_before:
        return Modality(negated, "demanded", tense)
    if any(w in _HYPO for w in window[-6:]) or ("في" in window[-3:] and "حال" in window[-2:]):
        return Modality(negated, "hypothetical", tense)
    if future:
        return Modality(negated, "future", tense)
    return Modality(negated, "asserted", tense)


def _planned_after(toks: list[Tok], i: int, limit: int = 16) -> bool:
    """A plan predicate after a nominal trigger, before the clause's comma or a new verb group
    ("التوقيع على اتفاق شامل … مدرج على جدول الأعمال")."""
    words: list[str] = []
    for t in toks[i:i + limit]:
        if t.key in ("،", ",", ":", "؛", ";", "."):
            break
        if t.is_word:
            words.append(_bare(t.key))
    if any(w in _PLANNED_AFTER for w in words):
        return True
    return any(p in _PLANNED_PAIRS for p in zip(words, words[1:], strict=False))
