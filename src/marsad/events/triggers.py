"""Find event triggers in a sentence: conjugated verbs, verbal nouns and multiword expressions.

Tokens are compared by match key after clitic stripping, done here against the lexicon rather
than trusting one segmentation: a token is read every way the grammar allows (و/ف, the future
س, ب/ل/ك, the article, pronoun suffixes, the accusative alef) and a reading counts only when the
lexicon knows its stem in the right part of speech (a verb never takes the article). Negation
and modality are read from the words before the trigger.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
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


class Reading(NamedTuple):
    """One way to read a token: its stem key and what the clitics allow. A named tuple: a
    word's readings are built whenever the word is new to the cache, tens of thousands a corpus."""

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


# the pronoun suffixes by their last letter, in the order of _SUFFIXES
_SUFFIXES_BY_END = {sfx[-1]: tuple(x for x in _SUFFIXES if x[-1] == sfx[-1]) for sfx in _SUFFIXES}
_SUFFIX_ENDS = frozenset(_SUFFIXES_BY_END)
_new = tuple.__new__  # builds a named tuple from a tuple without its Python-level __new__


def _suffix_variants(stem: str, teh: bool = False) -> list[str]:
    group = _SUFFIXES_BY_END.get(stem[-1:])
    if group is None:
        return [stem]  # most stems end in no pronoun suffix's letter
    out = [stem]
    for s in group:  # only these can end the stem
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


# What a proclitic reading allows, as the ``(verb, noun, future, marked_noun)`` of a row, and
# which readings count as the same (one stem read as both, as a verb, as a noun)
_BOTH = (True, True, False, False)
_VERB = (True, False, False, False)
_FUTURE = (True, False, True, False)  # the future prefix س was stripped
_NOUN = (False, True, False, False)
_MARKED = (False, True, False, True)  # the article or a preposition was stripped
_SAME = {_BOTH: 0, _VERB: 1, _FUTURE: 1, _NOUN: 2, _MARKED: 2}


def _strippings(key: str) -> list[tuple[str, tuple[bool, bool, bool, bool]]]:
    """The proclitic readings of a key, in order, as ``(stem, flags)`` (flags: ``_BOTH`` …)
    before any pronoun suffix is taken off."""
    out: list[tuple[str, tuple[bool, bool, bool, bool]]] = []
    bases = [key]
    if len(key) > 3 and key[0] in "وف":
        bases.append(key[1:])
    elif len(key) == 3 and key[0] in "وف":
        out.append((key[1:], _VERB))  # a doubled verb after و/ف: "وحث"، "وشن"، "فعم"
    for r in bases:
        out.append((r, _BOTH))
        if len(r) > 3:
            if r[0] == "س" and r[1] in "يتن":
                out.append((r[1:], _FUTURE))  # not سأ…: "سأضرب" is "I will hit", not a strike
            if r[0] == "ل" and r[1] in "يتن":
                out.append((r[1:], _VERB))
        nouns: list[str] = []
        if len(r) > 3 and r[0] in "بلك":
            nouns.append(r[1:])
            if r.startswith("لل"):
                nouns.append("ال" + r[2:])
        for n in [r, *nouns]:
            if n.startswith("ال") and len(n) > 3:
                nouns.append(n[2:])
        for n in nouns:
            out.append((n, _MARKED))
    return out


Row = tuple[str, bool, bool, bool, bool]  # the fields of a :class:`Reading`, as a plain tuple


@word_cache(16384)
def reading_rows(key: str, teh: bool = False) -> tuple[Row, ...]:
    """Every reading of a token key as ``(stem, verb, noun, future, marked_noun)``, the least
    stripped first (``teh``: see :class:`Tok`).

    Plain tuples of strings and booleans, which the garbage collector stops tracking. The
    callers that see every token keep their own answers (``Lexicon.words``, ``Lexicon.cache``);
    this cache spares the words a pattern's later elements are tried on, and a new word read
    for its lexicon entries and then for speech.
    """
    out: list[Row] = []
    seen: tuple[set[str], set[str], set[str]] = (set(), set(), set())  # see _SAME
    nouns_seen = seen[2]
    for stem, flags in _strippings(key):
        same = seen[_SAME[flags]]
        for s in (stem,) if stem[-1:] not in _SUFFIX_ENDS else _suffix_variants(stem, teh):
            if len(s) >= 2 and s not in same:
                same.add(s)
                out.append((s, *flags))
        if flags[1] and len(stem) > 3 and stem[-1] == "ا":
            s = stem[:-1]  # accusative alef: اتصالا, هجوما
            if s not in nouns_seen:
                nouns_seen.add(s)
                out.append((s, *(_MARKED if flags[3] else _NOUN)))
    return tuple(out)


def readings(key: str, teh: bool = False) -> tuple[Reading, ...]:
    """Every reading of a token key, the least stripped first (see :func:`reading_rows`)."""
    return tuple(_new(Reading, row) for row in reading_rows(key, teh))


def accepts(
    tok: Tok, verb: frozenset[str], noun: frozenset[str], hamza: frozenset[str] = frozenset()
) -> Reading | None:
    """The first reading of a token that the element's verb or noun forms accept (a key in
    ``hamza`` only when the token is written with its inner hamza)."""
    for row in reading_rows(tok.key, tok.teh):
        stem = row[0]
        if (row[1] and stem in verb) or (row[2] and stem in noun):
            if stem in hamza and not tok.hamza:
                continue
            return _new(Reading, row)
    return None


@dataclass(frozen=True, slots=True)
class Match:
    """One lexicon pattern found in a sentence; indices are into the sentence's token list."""

    entry: Entry
    tokens: tuple[int, ...]  # the matched (non-gap) token indices
    trigger: tuple[int, int]  # first and last token index of the trigger span
    head_reading: Reading
    # a verb heads it (not a noun read with the article or a preposition); set from the above
    verbal: bool = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        r = self.head_reading
        object.__setattr__(self, "verbal", self.entry.verbal and not r.marked_noun and r.verb)

    @property
    def head(self) -> int:
        return self.tokens[0]


def sentence_tokens(doc: Document, start: int, end: int, all_tokens: list[Tok]) -> list[Tok]:
    return [t for t in all_tokens if start <= t.start and t.end <= end]


def document_tokens(doc: Document) -> list[Tok]:
    """The document's tokens as (span, key); a regex split when no segmenter ran."""
    text = doc.text
    facts = token_facts
    if doc.tokens:
        return [_new(Tok, (t.start, t.end, *facts(text[t.start:t.end], t.norm))) for t in doc.tokens]
    return [_new(Tok, (m.start(), m.end(), *facts(m.group(), ""))) for m in _WORD_RE.finditer(text)]


@word_cache(200_000)
def token_facts(surface: str, norm: str) -> tuple[str, bool, bool, bool, bool]:
    """``(key, teh, is_word, noun_only, hamza)`` of a token (see :class:`Tok`), once per word form."""
    stripped = surface.rstrip(_MARKS)
    key = norm or match_key(surface)
    bare = stripped.lstrip("وفبل")
    hamza = not _HAMZA.isdisjoint(bare[1:])
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
    if len(els) == 1:
        return Match(entry, (i,), (i, i), first)  # a one-word pattern: nothing more to walk
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
    ck = (key, teh, True, noun_only, hamza)  # a word token's ``Tok[2:]``: see find_matches
    hit = lex.cache.get(ck)
    if hit is not None:
        return hit
    out: list[tuple[Entry, Reading]] = []
    tried: set[int] = set()
    by_verb, by_noun = lex.by_verb, lex.by_noun
    for row in reading_rows(key, teh):
        stem = row[0]
        as_verb = by_verb.get(stem) if row[1] and not noun_only else None
        as_noun = by_noun.get(stem) if row[2] else None
        if as_verb is None and as_noun is None:
            continue  # most readings are no lexicon word
        _stem, verb, noun, _future, marked = row
        pools = [p for p in (as_verb, as_noun) if p is not None]
        r = _new(Reading, row)
        for pool in pools:
            for entry in pool:
                first = entry.elements[0]
                if id(entry) in tried or not ((verb and stem in first.verb) or (noun and stem in first.noun)):
                    continue
                if (stem in first.hamza and not hamza) or (marked and "participle" in entry.flags):
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


Starts = tuple[tuple[Entry, Reading], ...]  # what :func:`_starts` gives


def token_starts(lex: Lexicon, t: Tok) -> Starts:
    """The entries a token can begin (:func:`_starts`); nothing for punctuation."""
    if not t.is_word:
        return ()
    hit = lex.cache.get(t[2:])  # (key, teh, is_word, noun_only, hamza): the cache key of _starts
    return hit if hit is not None else _starts(lex, t.key, t.teh, t.noun_only, t.hamza)


def find_matches(
    toks: list[Tok], lex: Lexicon, heads: list[tuple[int, Starts]] | None = None
) -> list[Match]:
    """Every non-overlapping lexicon match in one sentence, longest patterns first.

    ``heads`` lists, in token order, the tokens that begin an entry with their
    :func:`token_starts`, when the caller has looked them up already; the others start nothing.
    """
    cands: list[Match] = []
    if heads is None:
        heads = [(i, st) for i, t in enumerate(toks) if (st := token_starts(lex, t))]
    for i, starts in heads:
        for entry, r in starts:
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
# "ولا سيما الهجوم" (especially) and "دائماً ما تتهمها" (always accuses) hold no negation
_SIWAMA = match_key("سيما")
_HABITUAL = frozenset(
    match_key(w) for w in ("دائما", "كثيرا", "غالبا", "عادة", "قليلا", "نادرا", "طالما", "إنما", "انما", "ربما")
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
        "نص", "ينص", "تنص", "نصت",  # "ونص الإعلان على تبادل الأسرى": what an accord provides for
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
    negated = any(w in _NEG and not (w == "لا" and k + 1 < len(near) and near[k + 1] == _SIWAMA) for k, w in enumerate(near))
    negated = negated or (
        bool(near) and near[-1] == "ما" and m.verbal and not (len(near) > 1 and near[0] in _HABITUAL)
    )
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
