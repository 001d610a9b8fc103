"""Arabic normalization as data (``resources/charmap.json``) plus an offset map back to the source.

Two derived forms, never written into ``Document.text``:

* :func:`display` — readable Arabic: Persian/Urdu letters and digits to Arabic, tatweel,
  zero-width and bidi marks removed, no-break spaces to spaces, presentation forms decomposed
  (ﻻ → لا). Persian yeh ``ی`` is ``ي`` inside a word and ``ى`` at the end of a word that Arabic
  spells with alef maksura (``انتهی`` → ``انتهى``), ``ي`` otherwise (see ``final_yeh`` in the map).
* :func:`match_key` — the display form with hamza/alef, ``ى``/``ي`` and ``ة``/``ه`` folded,
  diacritics removed, digits in ASCII and Latin lower-cased; used for every lookup. It is a
  single ``str.translate`` (no context is needed once ``ى`` and ``ي`` fold together), and
  :func:`match_key_map` gives the same string with its offset map when a caller needs one.

The lone hamza ``ء`` is kept in the match key: dropping it would merge words (جزء/جز).
"""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from marsad.alignment import OffsetMap

__all__ = ["display", "display_text", "match_key", "match_key_map", "seg_key", "charmap"]

# Arabic letters (not marks, not digits) and Arabic combining marks, for word-context decisions.
ARABIC_LETTERS = (
    "\u0620-\u064a\u066e\u066f\u0671-\u06d3\u06d5\u06ee\u06ef\u06fa-\u06fc\u06ff"
    "\u0750-\u077f\u08a0-\u08c9"
)
ARABIC_MARKS = "\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06dc\u06df-\u06e8\u06ea-\u06ed\u08ca-\u08e1\u08e3-\u08ff"
_WORD = re.compile(f"[{ARABIC_LETTERS}{ARABIC_MARKS}]+")
_MARK = re.compile(f"[{ARABIC_MARKS}]")

Table = dict[int, str | None]


def _code_points(specs: list[str]) -> list[int]:
    out: list[int] = []
    for spec in specs:
        lo, _, hi = spec.partition("-")
        out.extend(range(int(lo, 16), int(hi or lo, 16) + 1))
    return out


@dataclass(frozen=True, slots=True)
class Charmap:
    """The compiled character map: translate tables and the final-yeh rule."""

    display_table: Table  # context-free part of the display form (Persian yeh left alone)
    match_table: Table  # source character -> its match-key string (None: deleted)
    seg_table: Table  # like match_table, but ة and ى stay apart from ه and ي
    display_special: re.Pattern[str]  # characters the display form changes
    match_special: re.Pattern[str]  # characters the match key changes
    yeh: str
    yeh_inside: str
    yeh_final: str
    yeh_maksura: str
    maksura_stems: frozenset[str]  # match keys of alef-maksura words without their last letter
    proclitics: tuple[str, ...]
    min_stem: int


def _class(chars: list[int]) -> re.Pattern[str]:
    body = "".join(re.escape(chr(c)) for c in sorted(chars))
    return re.compile(f"[{body}]")


@lru_cache(maxsize=1)
def charmap() -> Charmap:
    """Load and compile ``charmap.json`` once, on first use."""
    raw = json.loads(resources.files("marsad").joinpath("resources", "charmap.json").read_text("utf-8"))
    d, m, fy = raw["display"], raw["match"], raw["final_yeh"]

    base: Table = {}
    for src, dst in {**d["letters"], **d["digits"]}.items():
        base[ord(src)] = dst
    for cp in _code_points(d["delete"]):
        base[cp] = None
    for cp in _code_points(d["space"]):
        base[cp] = " "

    def apply(table: Table, s: str) -> str:
        return "".join(v for c in s if (v := table.get(ord(c), c)) is not None)

    display_table: Table = dict(base)
    for cp in _code_points(d["decompose"]):
        c = chr(cp)
        if cp in base:
            continue
        n = unicodedata.normalize("NFKC", c)
        if n == c:
            continue
        if n[:1] == " " and len(n) > 1 and _MARK.match(n[1]):
            n = n[1:]  # isolated forms of harakat: the mark, not a space plus a mark
        display_table[cp] = apply(base, n)

    fold: Table = {}
    for src, dst in {**m["letters"], **m["digits"]}.items():
        fold[ord(src)] = dst
    for cp in _code_points(m["delete"]):
        fold[cp] = None
    for cp in _code_points(m["lowercase"]):
        low = chr(cp).lower()
        if len(low) == 1 and low != chr(cp):
            fold[cp] = low
    yeh = fy["char"]
    fold[ord(yeh)] = fold.get(ord(fy["final_maksura"])) or fy["inside"]

    def compose(fold: Table) -> Table:
        table: Table = {}
        for cp in set(display_table) | set(fold):
            shown = display_table.get(cp, chr(cp))
            v = None if shown is None else apply(fold, shown)
            table[cp] = v or None
        # Folding display outputs too keeps the key idempotent (every value is a fixed point).
        for cp, v in list(table.items()):
            if v is not None:
                table[cp] = apply(table, v) or None
        return {cp: v for cp, v in table.items() if v != chr(cp)}

    match_table = compose(fold)
    kept = {ord(c) for c in m["segmentation_keeps"]}
    seg_table = compose({cp: v for cp, v in fold.items() if cp not in kept})

    stems = frozenset(
        apply(match_table, w[:-1]) for w in fy["alef_maksura_words"] if w.endswith(fy["final_maksura"])
    )
    display_keys = list(display_table) + [ord(yeh)]
    return Charmap(
        display_table=display_table,
        match_table=match_table,
        seg_table=seg_table,
        display_special=_class(display_keys),
        match_special=_class(list(match_table)),
        yeh=yeh,
        yeh_inside=fy["inside"],
        yeh_final=fy["final_default"],
        yeh_maksura=fy["final_maksura"],
        maksura_stems=stems,
        proclitics=tuple(sorted(fy["proclitics"], key=len, reverse=True)),
        min_stem=int(fy["min_stem_after_proclitic"]),
    )


def _final_yeh(word: str, cm: Charmap) -> str:
    """What a word-final Persian yeh becomes, given the word's letters before it."""
    stem = word.translate(cm.match_table)
    if stem in cm.maksura_stems:
        return cm.yeh_maksura
    for p in cm.proclitics:
        if stem.startswith(p) and len(stem) - len(p) >= cm.min_stem and stem[len(p) :] in cm.maksura_stems:
            return cm.yeh_maksura
    return cm.yeh_final


def _resolve_yeh(s: str, cm: Charmap) -> str:
    """Replace every Persian yeh in ``s`` (same length out)."""
    if cm.yeh not in s:
        return s
    chars = list(s)
    for m in _WORD.finditer(s):
        w = m.group()
        if cm.yeh not in w:
            continue
        letters = [(i, c) for i, c in enumerate(w) if not _MARK.match(c)]
        last = letters[-1][0] if letters else -1
        for i, c in letters:
            if c != cm.yeh:
                continue
            if i != last:
                chars[m.start() + i] = cm.yeh_inside
            else:
                before = "".join(ch for j, ch in letters if j < i)
                chars[m.start() + i] = _final_yeh(before, cm) if before else cm.yeh_final
    # A yeh outside any Arabic word cannot occur (it is a letter), but keep the guarantee.
    return "".join(chars)


def _mapped(text: str, table: Table, special: re.Pattern[str]) -> tuple[str, list[int], list[int]]:
    """Apply a translate table char by char, recording each derived char's source span."""
    parts: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    pos = 0
    for m in special.finditer(text):
        i = m.start()
        if i > pos:
            parts.append(text[pos:i])
            starts.extend(range(pos, i))
            ends.extend(range(pos + 1, i + 1))
        v = table.get(ord(text[i]), text[i])
        if v:
            parts.append(v)
            starts.extend([i] * len(v))
            ends.extend([i + 1] * len(v))
        pos = i + 1
    if pos < len(text):
        parts.append(text[pos:])
        starts.extend(range(pos, len(text)))
        ends.extend(range(pos + 1, len(text) + 1))
    return "".join(parts), starts, ends


def display_text(text: str) -> str:
    """The display form only (no map)."""
    cm = charmap()
    if not cm.display_special.search(text):
        return text
    return _resolve_yeh(text.translate(cm.display_table), cm)


def display(text: str) -> OffsetMap:
    """The display form with its offset map back to ``text``."""
    cm = charmap()
    if not cm.display_special.search(text):
        return OffsetMap.identity(text)
    derived, starts, ends = _mapped(text, cm.display_table, cm.display_special)
    return OffsetMap(_resolve_yeh(derived, cm), len(text), tuple(starts), tuple(ends))


def match_key(text: str) -> str:
    """The match key: one ``str.translate``; equal to ``match_key_map(text).text``."""
    return text.translate(charmap().match_table)


def seg_key(text: str) -> str:
    """The match key with ة and ى kept (a final ة never hides a pronoun): what
    :mod:`marsad.clitics` reads. Same length, character for character, as :func:`match_key`."""
    return text.translate(charmap().seg_table)


def match_key_map(text: str) -> OffsetMap:
    """The match key with its offset map back to ``text``."""
    cm = charmap()
    if not cm.match_special.search(text):
        return OffsetMap.identity(text)
    derived, starts, ends = _mapped(text, cm.match_table, cm.match_special)
    return OffsetMap(derived, len(text), tuple(starts), tuple(ends))
