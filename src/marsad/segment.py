"""Sentences, tokens and clitic segmentation, all as offsets into ``Document.text``.

* Sentences end at . ! ? ؟ ; ؛ … (a run of them, plus closing quotes and brackets) and at
  every newline, so a body line is never joined to a trailer line. A period after a lone
  letter (د. أ.ش.أ) or between digits (3.5) does not end a sentence.
* Tokens: URLs, e-mail addresses, hashtags and @-names, numbers with their separators
  (1,200 3.5 ٣٫٥), Arabic words (diacritics, tatweel and invisible marks inside them
  included), Latin words, and every other visible character on its own.
* Each token has ``norm`` = its match key and ``parts`` = its UD clitic segmentation
  (:mod:`marsad.clitics`), which tile the token exactly. Analyses are cached per surface form.
"""

from __future__ import annotations

import re

from marsad.clitics import load_model
from marsad.document import Document, Sentence, Token
from marsad.memo import trim, word_cache
from marsad.normalize import ARABIC_LETTERS, ARABIC_MARKS, match_key, match_key_map, seg_key
from marsad.pipeline import Step

__all__ = ["SegmentStep", "sentences", "tokens", "analyze_word"]

_INVISIBLE = "\u200b-\u200f\u2060\u061c\u202a-\u202e\u2066-\u2069\u00ad"
_AR = f"{ARABIC_LETTERS}{ARABIC_MARKS}\u0640"
_LATIN = "A-Za-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f"

_TOKEN = re.compile(
    rf"""
    (?P<url>(?:https?://|www\.)[^\s<>"«»]*[^\s<>"«».,;:!?()\[\]{{}}'،؛؟])
  | (?P<email>[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+)
  | (?P<tag>[#@][{_AR}\w]+(?:_[{_AR}\w]+)*)
  | (?P<num>\d+(?:[.,٫٬]\d+)*)
  | (?P<ar>[{_AR}]+(?:[{_INVISIBLE}]+[{_AR}]+)*)
  | (?P<lat>[{_LATIN}][{_LATIN}0-9]*(?:['’][{_LATIN}]+)*)
  | (?P<other>[^\W\d_]+)
  | (?P<sym>\S)
    """,
    re.VERBOSE,
)

_TERMINATORS = ".!?؟;؛…"
_CLOSERS = "\"'”’»)]}›"
_SENT_END = re.compile(rf"[{re.escape(_TERMINATORS)}]+[{re.escape(_CLOSERS)}]*")
_LONE_LETTER = re.compile(rf"(?:^|(?<=[\s.(«\"/]))[{ARABIC_LETTERS}A-Za-z]\u0640*$")
_ABBREVIATIONS = frozenset({"mr", "mrs", "ms", "dr", "prof", "st", "jr", "sr", "vs", "no", "gen", "col"})


@word_cache(200_000)
def analyze_word(surface: str) -> tuple[str, tuple[int, ...]]:
    """``(match key, clitic cut points as offsets into surface)`` for one Arabic word."""
    key = match_key(surface)
    cuts = load_model().segment(seg_key(surface))
    if not cuts or len(key) == len(surface):
        return key, cuts
    # The key dropped or expanded characters (diacritics, tatweel, ligatures): map back.
    starts = match_key_map(surface).starts
    mapped = sorted({starts[c] for c in cuts if c < len(starts)} - {0})
    return key, tuple(c for c in mapped if c < len(surface))


@word_cache(200_000)
def _norm(surface: str) -> str:
    return match_key(surface)


# Proclitics that attach to a number (و20 ب500 لـ15): one token, the clitics split off.
_NUMBER_PROCLITICS = frozenset({"و", "ف", "ب", "ل", "ك", "وب", "ول", "فب", "فل", "وك"})


def tokens(text: str) -> list[Token]:
    """Every token of ``text`` with its match key and clitic parts."""
    trim(analyze_word, _norm)
    out: list[Token] = []
    append = out.append
    pending: tuple[int, int, str] | None = None  # an Arabic run that may be proclitics of a number
    for m in _TOKEN.finditer(text):
        s, e = m.span()
        surface = m.group()
        group = m.lastgroup
        if pending is not None:
            ps, pe, key = pending
            pending = None
            if group == "num" and s == pe:
                cuts = (ps, *range(ps + 1, ps + len(key)), pe)  # one part per clitic letter
                bounds = (*sorted(set(cuts)), e)
                parts = tuple(zip(bounds, bounds[1:], strict=False))
                out[-1] = Token(ps, e, match_key(text[ps:e]), parts)
                continue
        if group == "ar":
            key, cuts = analyze_word(surface)
            if cuts:
                bounds = (s, *[s + c for c in cuts], e)
                parts = tuple(zip(bounds, bounds[1:], strict=False))
            else:
                parts = ((s, e),)
            append(Token(s, e, key, parts))
            if len(key) <= 2 or "\u0640" in key:  # else it is no one- or two-letter proclitic
                bare = key.replace("\u0640", "")
                if bare in _NUMBER_PROCLITICS and len(bare) == len(surface.replace("\u0640", "")):
                    pending = (s, e, bare)
        else:
            append(Token(s, e, _norm(surface), ((s, e),)))
    return out


def _ends_sentence(line: str, start: int, end: int) -> bool:
    """Whether the terminator run ``line[start:end]`` closes a sentence."""
    run = line[start:end]
    after = line[end : end + 1]
    if after and not after.isspace() and (run[0] == "." or after.isascii()):
        return False  # 3.5, أ.ش.أ, example.com, ?q=1 inside a URL
    if run[0] != "." or len(run.rstrip(_CLOSERS)) > 1:
        return True  # ! ? ؟ ; ؛ … and runs such as "?!" or "..." end one
    w = _last_word(line, start)
    # _LONE_LETTER can only match from the last letter before the tatweels: search from the
    # character before it (searching the whole line costs time in its length at every period)
    q = len(line[:start].rstrip("\u0640")) - 1
    if w and _LONE_LETTER.search(line[max(0, q - 1) : start]):
        return False  # د. , م. after a space: an abbreviation, not a full stop
    return w.lower() not in _ABBREVIATIONS


def _last_word(line: str, end: int) -> str:
    """The run of characters other than white space and "." that ends at ``end``."""
    i = end
    while i and line[i - 1] != "." and not line[i - 1].isspace():
        i -= 1
    return line[i:end]


def sentences(text: str) -> list[Sentence]:
    """Sentence spans, trimmed of surrounding whitespace; newlines always end a sentence."""
    out: list[Sentence] = []
    pos = 0
    for line in text.splitlines(keepends=True):
        base = pos
        pos += len(line)
        body = line.rstrip("\r\n\u2028\u2029\x0b\x0c\x1c\x1d\x1e\x85")
        start = 0
        for m in _SENT_END.finditer(body):
            if not _ends_sentence(body, m.start(), m.end()):
                continue
            _add(out, body, base, start, m.end())
            start = m.end()
        _add(out, body, base, start, len(body))
    return out


def _add(out: list[Sentence], line: str, base: int, start: int, end: int) -> None:
    chunk = line[start:end]
    stripped = chunk.strip()
    if not stripped:
        return
    lead = len(chunk) - len(chunk.lstrip())
    out.append(Sentence(base + start + lead, base + start + lead + len(stripped)))


class SegmentStep(Step):
    """Fill ``doc.sentences`` and ``doc.tokens`` for the whole text (boilerplate included)."""

    name = "segment"
    version = "1"

    def __call__(self, doc: Document) -> Document:
        doc.sentences = sentences(doc.text)
        doc.tokens = tokens(doc.text)
        return doc
