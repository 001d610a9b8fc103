"""Language identification for Arabic-script news: Arabic, Persian, Urdu, English, other.

Why our own scorer: general detectors are slow for per-line use and are thrown by the two
things that matter here, Persian letters leaking into Arabic (ک ی in "الکیان الصهیوني",
"انتهی") and Persian typed on an Arabic keyboard. The scorer adds up evidence that separates the
three Arabic-script languages:

* function words (``resources/lang/*.txt``), looked up after folding toward each language's own
  spelling, so a leaked ی does not turn an Arabic word Persian, nor an Arabic ي a Persian one;
* letters only one language uses: Urdu ٹ ڈ ڑ ں ے ہ ھ and "۔"; Persian/Urdu پ چ ژ گ; Arabic ة ى
  إ ؤ and tanween;
* morphology: the Arabic article (ال, وال, بال, لل) and Persian zero-width-joined forms (می‌, ‌ها).

A line with little evidence takes the document's language (a lone "انتهی**3280" stays Arabic
in an Arabic article). Lines without a letter get no language span.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Literal

from marsad.document import Document, LanguageSpan
from marsad.memo import trim, word_cache
from marsad.pipeline import Step

log = logging.getLogger(__name__)

Language = Literal["ar", "fa", "ur", "en", "other"]
LANGUAGES: tuple[Language, ...] = ("ar", "fa", "ur", "en", "other")

#: A line's own decision must beat the runner-up by this much, or it takes the document's.
MIN_MARGIN = 1.0
MIN_SCORE = 1.0

_ZWNJ = "\u200c"
_MARKS = re.compile("[\u064b-\u065f\u0670\u0640]")
_WORD = re.compile(r"[^\W\d_]+(?:\u200c[^\W\d_]+)*")
_URDU_ONLY = "ٹڈڑںےہھۓ"
_FA_UR = "پچژگ"
_LEAKY = "کی"
_AR_ONLY = {"ة": 0.4, "ى": 0.4, "إ": 0.4, "ؤ": 0.3, "أ": 0.2}
_AR_PREFIX2 = ("وال", "بال", "فال", "كال", "لل")
_TO_AR = str.maketrans({"ی": "ي", "ى": "ي", "ک": "ك", "ۀ": "ه"})
_TO_FA = str.maketrans({"ي": "ی", "ى": "ی", "ك": "ک"})


def _lexicon(lang: str) -> dict[str, float]:
    text = (
        resources.files("marsad")
        .joinpath("resources", "lang", f"{lang}.txt")
        .read_text(encoding="utf-8")
    )
    out: dict[str, float] = {}
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        parts = line.split("\t")
        out[parts[0].strip()] = float(parts[1]) if len(parts) > 1 else 1.0
    return out


@dataclass(frozen=True, slots=True)
class _Lexicons:
    ar: dict[str, float]
    fa: dict[str, float]
    ur: dict[str, float]
    en: frozenset[str]
    latin_other: frozenset[str]


@lru_cache(maxsize=1)
def lexicons() -> _Lexicons:
    ar = {k.translate(_TO_AR): v for k, v in _lexicon("ar").items()}
    fa = {k.translate(_TO_FA): v for k, v in _lexicon("fa").items()}
    ur = {k.translate(_TO_FA): v for k, v in _lexicon("ur").items()}
    return _Lexicons(ar, fa, ur, frozenset(_lexicon("en")), frozenset(_lexicon("latin_other")))


@dataclass(frozen=True, slots=True)
class Evidence:
    """Scores for one stretch of text; adding two gives the evidence of both."""

    ar: float = 0.0
    fa: float = 0.0
    ur: float = 0.0
    arabic_letters: int = 0
    latin_letters: int = 0
    other_letters: int = 0
    en_words: int = 0
    latin_other_words: int = 0
    words: int = 0

    def __add__(self, o: Evidence) -> Evidence:
        return Evidence(
            self.ar + o.ar,
            self.fa + o.fa,
            self.ur + o.ur,
            self.arabic_letters + o.arabic_letters,
            self.latin_letters + o.latin_letters,
            self.other_letters + o.other_letters,
            self.en_words + o.en_words,
            self.latin_other_words + o.latin_other_words,
            self.words + o.words,
        )


def _is_arabic_script(c: str) -> bool:
    o = ord(c)
    return 0x0600 <= o <= 0x06FF or 0x0750 <= o <= 0x077F or 0xFB50 <= o <= 0xFEFF


@word_cache(100_000)
def _arabic_word(w: str) -> tuple[float, float, float, bool, float]:
    """One Arabic-script word's lexicon scores, ZWNJ and article bonus (added in this order)."""
    lex = lexicons()
    a = w.translate(_TO_AR)
    p = w.translate(_TO_FA)
    if len(a) >= 5 and a.startswith(_AR_PREFIX2):
        bonus = 0.8
    elif len(a) >= 4 and a.startswith("ال"):
        bonus = 0.6
    else:
        bonus = 0.0
    return lex.ar.get(a, 0.0), lex.fa.get(p, 0.0), lex.ur.get(p, 0.0), _ZWNJ in w, bonus


def evidence(text: str) -> Evidence:
    """Score one line (or any stretch) of text."""
    lex = lexicons()
    clean = _MARKS.sub("", text)
    ar = fa = ur = 0.0
    arabic = latin = other = en = lo = 0
    words = _WORD.findall(clean)
    for w in words:
        c0 = w[0]
        if _is_arabic_script(c0):
            arabic += len(w)
            w_ar, w_fa, w_ur, zwnj, bonus = _arabic_word(w)
            ar += w_ar
            fa += w_fa
            ur += w_ur
            if zwnj:
                fa += 1.5
                ur += 0.3
            if bonus:
                ar += bonus
        elif c0.isascii():
            latin += len(w)
            low = w.lower()
            if low in lex.en:
                en += 1
            elif low in lex.latin_other:
                lo += 1
        else:
            other += len(w)
    if arabic:
        n_ur = sum(clean.count(c) for c in _URDU_ONLY) + 1.5 * clean.count("۔")
        n_faur = sum(clean.count(c) for c in _FA_UR)
        n_leak = sum(clean.count(c) for c in _LEAKY)
        ur += 3.0 * n_ur + 1.0 * n_faur + 0.3 * n_leak
        fa += 1.0 * n_faur + 0.3 * n_leak + 2.0 * (clean.count("ۀ") + clean.count("هٔ"))
        ar += sum(clean.count(c) * w for c, w in _AR_ONLY.items())
        ar += 0.3 * len(re.findall("[\u064b-\u064d]", text))  # tanween
    return Evidence(ar, fa, ur, arabic, latin, other, en, lo, len(words))


def decide(ev: Evidence) -> tuple[Language | None, float]:
    """The language this evidence supports, and by how much; None when it is too weak."""
    letters = ev.arabic_letters + ev.latin_letters + ev.other_letters
    if letters == 0:
        return None, 0.0
    if ev.arabic_letters * 2 >= letters:
        ranked = sorted((("ar", ev.ar), ("fa", ev.fa), ("ur", ev.ur)), key=lambda x: -x[1])
        (best, top), (_, second) = ranked[0], ranked[1]
        margin = top - second
        if top < MIN_SCORE or margin < MIN_MARGIN:
            return None, margin
        return best, margin  # type: ignore[return-value]
    if ev.latin_letters >= ev.other_letters:
        if ev.en_words >= max(1, 0.1 * ev.words) and ev.en_words > ev.latin_other_words:
            return "en", float(ev.en_words)
        return ("other", 1.0) if ev.words >= 3 else (None, 0.0)
    return "other", 1.0


def _fallback(ev: Evidence) -> Language:
    """What a text with little evidence most likely is, by its script."""
    letters = ev.arabic_letters + ev.latin_letters + ev.other_letters
    if letters and ev.arabic_letters * 2 >= letters:
        return "ar"
    if ev.latin_letters and ev.en_words:
        return "en"
    return "other"


def identify(text: str) -> Language:
    """The language of a short text (a line, a title) on its own."""
    ev = evidence(text)
    lang, _ = decide(ev)
    return lang or _fallback(ev)


def _lines(text: str) -> list[tuple[int, int]]:
    out = []
    pos = 0
    for line in text.split("\n"):
        s, e = pos, pos + len(line)
        pos = e + 1
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s:
            out.append((s, e))
    return out


#: A document with at least this share of Arabic-script letters is Arabic, Persian or Urdu:
#: English film lists, captions or page scripts inside an Arabic article do not make it English.
ARABIC_SCRIPT_SHARE = 0.2


def _document_language(total: Evidence) -> Language:
    letters = total.arabic_letters + total.latin_letters + total.other_letters
    if total.arabic_letters >= ARABIC_SCRIPT_SHARE * letters:
        scores = {"ar": total.ar, "fa": total.fa, "ur": total.ur}
        best = max(scores, key=scores.__getitem__)
        second = max(v for k, v in scores.items() if k != best)
        if scores[best] >= MIN_SCORE and scores[best] - second >= MIN_MARGIN:
            return best  # type: ignore[return-value]
        return "ar"
    lang, _ = decide(total)
    return lang or _fallback(total)


def identify_document(text: str) -> tuple[Language | None, list[LanguageSpan]]:
    """The document's language and one span per line that has a letter."""
    lines = _lines(text)
    evs = [evidence(text[s:e]) for s, e in lines]
    total = Evidence()
    for ev in evs:
        total = total + ev
    if total.arabic_letters + total.latin_letters + total.other_letters == 0:
        return None, []
    doc = _document_language(total)
    spans = []
    for (s, e), ev in zip(lines, evs, strict=True):
        if ev.arabic_letters + ev.latin_letters + ev.other_letters == 0:
            continue
        lang, _ = decide(ev)
        if lang is None:
            fb = _fallback(ev)
            # weak evidence in the document's script: the document's language
            same_script = (fb == "ar") == (doc in ("ar", "fa", "ur"))
            lang = doc if same_script else fb
        spans.append(LanguageSpan(s, e, lang))
    return doc, spans


class LanguageStep(Step):
    """Sets ``doc.language`` and ``doc.language_spans`` (one per line with letters)."""

    name = "language"
    version = "1"

    def __call__(self, doc: Document) -> Document:
        trim(_arabic_word)  # bound the word cache
        doc.language, doc.language_spans = identify_document(doc.text)
        return doc
