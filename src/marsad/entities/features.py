"""Token features for the Arabic named-entity CRF.

The features are deliberately computed from a *frozen* folding function defined here rather than
from :mod:`marsad.normalize`: the shipped model was trained on exactly these strings, so a later
change to the shared normalizer must not silently shift them. Everything that depends on a
single word (folding, clitic stripping, clusters, gazetteer flags) is computed once per word form
and cached, which is what makes tagging fast in pure Python.
"""

from __future__ import annotations

import gzip
import logging
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

log = logging.getLogger(__name__)

# -- folding ------------------------------------------------------------------------------------

_DROP = dict.fromkeys(
    [
        0x0640,
        0x0670,
        0x200B,
        0x200C,
        0x200D,
        0x200E,
        0x200F,
        0x202A,
        0x202B,
        0x202C,
        0x202D,
        0x202E,
        0x2066,
        0x2067,
        0x2068,
        0x2069,
        0xFEFF,
    ]
    + list(range(0x064B, 0x0653))
)
_MAP = {
    "أ": "ا",
    "إ": "ا",
    "آ": "ا",
    "ٱ": "ا",
    "ى": "ي",
    "ة": "ه",
    "ی": "ي",
    "ې": "ي",
    "ۍ": "ي",
    "ک": "ك",
    "گ": "ك",
    "پ": "ب",
    "چ": "ج",
    "ژ": "ز",
    "ڤ": "ف",
    "ۀ": "ه",
    "ہ": "ه",
    "ھ": "ه",
}
_FOLD = {**_DROP, **{ord(k): v for k, v in _MAP.items()}}
for _d in range(10):
    _FOLD[ord("0") + _d] = "0"
    _FOLD[0x0660 + _d] = "0"
    _FOLD[0x06F0 + _d] = "0"


def fold(word: str) -> str:
    """Fold a surface token to the key every lexicon and cluster lookup uses.

    Drops vowel marks, tatweel and invisible marks; unifies alef/hamza forms, ى/ي, ة/ه and the
    Persian letters; turns every digit into ``0``; lower-cases Latin.
    """
    return word.translate(_FOLD).lower()


# -- proclitics ---------------------------------------------------------------------------------

_CONJ = ("و", "ف")
_PREP = ("ب", "ل", "ك")
_ARABIC = re.compile(r"[\u0621-\u064A]")
_LATIN = re.compile(r"[a-z]")
_PUNCT = re.compile(r"^[^\w]+$")


def strip_candidates(w: str) -> list[tuple[str, str]]:
    """Possible (proclitic, rest) readings of a folded word, least stripping first.

    Only و/ف, then ب/ل/ك, and ``لل`` read as ل + ال. The rest keeps its article; a rest shorter
    than two letters is not offered.
    """
    out = [("", w)]
    rest, pre = w, ""
    if len(rest) > 3 and rest[0] in _CONJ:
        pre, rest = rest[0], rest[1:]
        out.append((pre, rest))
    if len(rest) > 3 and rest[0] in _PREP:
        if rest.startswith("لل") and len(rest) > 4:
            out.append((pre + "ل", "ال" + rest[2:]))
        else:
            out.append((pre + rest[0], rest[1:]))
    return out


def drop_article(w: str) -> str:
    return w[2:] if w.startswith("ال") and len(w) > 4 else w


# -- resources ----------------------------------------------------------------------------------


@dataclass(slots=True)
class Lexicons:
    """Word clusters, corpus frequencies and gazetteers, as loaded from ``resources/ner``.

    Held in tuples, not lists or sets: the cyclic garbage collector walks every list and set
    that stays alive (the gazetteer alone has ~115,000 entries) but stops tracking tuples of
    strings. A word's gazetteer classes are sorted, so its features come in the same order in
    every process (a set's order follows the per-process string hash).
    """

    clusters: dict[str, tuple[str, ...]] = field(default_factory=dict)
    freq: dict[str, int] = field(default_factory=dict)  # log2 frequency bucket
    units: dict[str, tuple[str, ...]] = field(default_factory=dict)  # word -> classes, sorted
    # first word -> (words, class) of each listed phrase, longest first
    phrases: dict[str, tuple[tuple[tuple[str, ...], str], ...]] = field(default_factory=dict)
    max_phrase: int = 1
    # (first word, second word) -> (rank in phrases[first], words, class), by rank
    pairs: dict[tuple[str, str], tuple[tuple[int, tuple[str, ...], str], ...]] = field(
        default_factory=dict
    )

    @classmethod
    def load(cls, folder: Path) -> Lexicons:
        lex = cls()
        cpath = folder / "clusters.tsv.gz"
        if cpath.exists():
            with gzip.open(cpath, "rt", encoding="utf-8") as fh:
                for line in fh:
                    parts = line.rstrip("\n").split("\t")
                    lex.freq[parts[0]] = int(parts[1])
                    lex.clusters[parts[0]] = tuple(parts[2:])
        gpath = folder / "gazetteer.tsv.gz"
        if gpath.exists():
            with gzip.open(gpath, "rt", encoding="utf-8") as fh:
                entries = [line.rstrip("\n").split("\t") for line in fh]
            lex.add_gazetteer((e[0], e[1]) for e in entries if len(e) == 2)
        return lex

    def add_gazetteer(self, entries: Iterable[tuple[str, str]]) -> None:
        units: dict[str, set[str]] = {}
        phrases = {k: list(v) for k, v in self.phrases.items()}
        for text, klass in entries:
            toks = tuple(text.split(" "))
            if len(toks) == 1:
                units.setdefault(toks[0], set()).add(klass)
            else:
                phrases.setdefault(toks[0], []).append((toks, klass))
                self.max_phrase = max(self.max_phrase, len(toks))
        for k, v in units.items():
            self.units[k] = tuple(sorted(v.union(self.units.get(k, ()))))
        pairs: dict[tuple[str, str], list[tuple[int, tuple[str, ...], str]]] = {}
        for first, lst in phrases.items():
            lst.sort(key=lambda p: -len(p[0]))
            self.phrases[first] = tuple(lst)
            for rank, (toks, klass) in enumerate(lst):
                pairs.setdefault((toks[0], toks[1]), []).append((rank, toks, klass))
        self.pairs = {k: tuple(v) for k, v in pairs.items()}


# -- features -----------------------------------------------------------------------------------


def _shape(tok: str) -> str:
    if _PUNCT.match(tok):
        return "P"
    if tok.isdigit() or tok.replace("0", "") in ("", ".", ","):
        return "D"
    a = bool(_ARABIC.search(tok))
    la = bool(_LATIN.search(tok))
    if a and not la:
        return "A"
    if la and not a:
        return "L"
    return "M"


Pair = tuple[str, str]  # a feature as (kind, value): its CRFsuite name is kind + value


@dataclass(slots=True)
class _Word:
    own: list[str]
    ctx: dict[int, list[str]]
    key: str  # the folded word, stripped: used for phrase matching
    keys: tuple[str, ...]  # folded word and its stripped readings


OFFSETS = (-2, -1, 1, 2)
Keyed = tuple[str, tuple[str, ...]]  # a token's stripped key and all its readings


class FeatureExtractor:
    """Turns token lists into CRFsuite feature lists, caching per word form."""

    def __init__(self, lex: Lexicons, cache_size: int = 200_000) -> None:
        self.lex = lex
        self._cache: dict[str, _Word] = {}
        self._cache_size = cache_size

    # one word ---------------------------------------------------------------------------------
    def _stem(self, w: str) -> tuple[str, str]:
        """The proclitic and the rest: strip when the rest is a commoner word than the whole."""
        freq, units = self.lex.freq, self.lex.units
        best, top = ("", w), freq.get(w, -1) + (3 if w in units else 0)
        for pre, rest in strip_candidates(w)[1:]:
            sc = freq.get(rest, -1) + (3 if rest in units else 0)
            if sc > top:
                best, top = (pre, rest), sc
        return best

    def _gaz(self, keys: Sequence[str]) -> list[str]:
        units = self.lex.units
        out: list[str] = []
        for lvl, k in enumerate(keys):
            classes = units.get(k)
            if classes:
                tag = "g" if lvl == 0 else "gs"
                out.extend(f"{tag}={c}" for c in classes)
        return out

    def word(self, tok: str, cache: bool = True) -> _Word:
        """All single-word features of a token (cached unless ``cache`` is false)."""
        hit = self._cache.get(tok)
        if hit is not None:
            return hit
        w = fold(tok)
        pre, stem = self._stem(w)
        bare = drop_article(stem)
        shape = _shape(w)
        keys = tuple(dict.fromkeys([w, stem, bare]))
        gaz = self._gaz(keys)
        cl = self.lex.clusters.get(w) or self.lex.clusters.get(stem)
        scl = self.lex.clusters.get(stem) if stem != w else None
        own = [
            "bias",
            "w=" + w,
            "s=" + stem,
            "pre=" + pre,
            "sh=" + shape,
            "p2=" + stem[:2],
            "p3=" + stem[:3],
            "x1=" + w[-1:],
            "x2=" + w[-2:],
            "x3=" + w[-3:],
            "len=" + str(min(len(bare), 8)),
            "f=" + str(self.lex.freq.get(w, -1)),
            "fs=" + str(self.lex.freq.get(stem, -1)),
        ]
        if bare != stem:
            own.append("al=1")
            own.append("b=" + bare)
        if tok != w and shape == "L" and tok[:1].isupper():
            own.append("cap=1")
        if cl:
            own.extend(f"c{i}={c}" for i, c in enumerate(cl))
        else:
            own.append("c=none")
        if scl:
            own.extend(f"sc{i}={c}" for i, c in enumerate(scl))
        own.extend(gaz)
        ctx: dict[int, list[str]] = {}
        for off in OFFSETS:
            p = f"{off}:"
            feats = [p + "w=" + w, p + "s=" + stem]
            if cl:
                feats.append(p + "c1=" + cl[1])
                if abs(off) == 1:
                    feats.append(p + "c0=" + cl[0])
                    feats.append(p + "c2=" + cl[2])
            if abs(off) == 1:
                feats.append(p + "sh=" + shape)
                feats.append(p + "pre=" + pre)
                feats.extend(p + g for g in gaz)
            ctx[off] = feats
        out = _Word(own, ctx, stem, keys)
        if not cache:
            return out
        if len(self._cache) >= self._cache_size:
            self._cache.clear()
        self._cache[tok] = out
        return out

    # one sentence -----------------------------------------------------------------------------
    def starts_phrase(self, keys: Sequence[str]) -> bool:
        """Whether any reading of a word begins a listed multi-word phrase."""
        phrases = self.lex.phrases
        return any(k in phrases for k in keys)

    def phrases_at(self, words: Sequence[Keyed], i: int, end: int) -> list[tuple[int, str]]:
        """(length, class) of the longest (then first-listed) listed phrase that starts at
        ``words[i]`` and ends by ``end``, for each reading of that word that begins one."""
        phrases, pairs = self.lex.phrases, self.lex.pairs
        out: list[tuple[int, str]] = []
        nxt = words[i + 1][1]
        for k in words[i][1]:
            if k not in phrases:
                continue
            best: tuple[int, tuple[str, ...], str] | None = None
            for k1 in nxt:
                for cand in pairs.get((k, k1), ()):
                    if best is not None and cand[0] >= best[0]:
                        break
                    toks = cand[1]
                    m = len(toks)
                    if i + m <= end and all(toks[j] in words[i + j][1] for j in range(2, m)):
                        best = cand
                        break
            if best is not None:
                out.append((len(best[1]), best[2]))
        return out

    def _phrase_feats(self, words: Sequence[Keyed]) -> list[list[str]]:
        """Longest gazetteer phrase matches, as B/I features per token."""
        n = len(words)
        out: list[list[str]] = [[] for _ in range(n)]
        if not self.lex.phrases:
            return out
        for i in range(n - 1):
            for m, klass in self.phrases_at(words, i, n):
                out[i].append("gp=B-" + klass)
                for j in range(1, m):
                    out[i + j].append("gp=I-" + klass)
        return out

    def keys(self, tokens: Sequence[str]) -> list[str]:
        """The clitic-stripped folded key of each token (what document context matches on)."""
        return [self.word(t).key for t in tokens]

    def words(self, tokens: Sequence[str]) -> list[_Word]:
        return [self.word(t) for t in tokens]

    @staticmethod
    def keyed(words: Sequence[_Word]) -> list[Keyed]:
        return [(w.key, w.keys) for w in words]

    def extras(self, words: Sequence[Keyed]) -> list[list[str]]:
        """The features that depend on more than one word: edges, bigrams, gazetteer phrases.

        ``words`` holds each token's (key, keys), as :meth:`keyed` gives them.
        """
        n = len(words)
        out = self._phrase_feats(words)
        for i, (key, _) in enumerate(words):
            f = out[i]
            if i == 0:
                f.append("BOS")
            if i == n - 1:
                f.append("EOS")
            if i > 0:
                f.append("bg-=" + words[i - 1][0] + "|" + key)
            if i + 1 < n:
                f.append("bg+=" + key + "|" + words[i + 1][0])
        return out

    def sentence(self, tokens: Sequence[str]) -> list[list[str]]:
        """Every feature of every token, as CRFsuite attribute names."""
        words = self.words(tokens)
        n = len(words)
        extra = self.extras(self.keyed(words))
        feats: list[list[str]] = []
        for i, wd in enumerate(words):
            f = list(wd.own)
            for off in OFFSETS:
                j = i + off
                if 0 <= j < n:
                    f.extend(words[j].ctx[off])
            f.extend(extra[i])
            feats.append(f)
        return feats


# -- document context (second stage) --------------------------------------------------------------


CONTEXT_TYPES = ("PER", "ORG", "LOC", "MISC")  # and 4: O
# feature names of each context reading: 0-3 the majority type with "lo", 4-7 with "hi", 8 O
CONTEXT_FEATURES: tuple[tuple[str, ...], ...] = (
    *((f"dc={t}", f"dc={t}:lo") for t in CONTEXT_TYPES),
    *((f"dc={t}", f"dc={t}:hi") for t in CONTEXT_TYPES),
    ("dc=O",),
)


def context_readings(
    keys: np.ndarray, sents: np.ndarray, codes: np.ndarray, window: int
) -> np.ndarray:
    """For each token, what the other occurrences of its key within ``window`` sentences were
    tagged, as an index into :data:`CONTEXT_FEATURES` (-1: nothing to say).

    ``keys`` (int ids of the tokens' keys), ``sents`` (sentence indices, ascending) and
    ``codes`` (0-3 a type of :data:`CONTEXT_TYPES`, 4 O) are flat over the tokens. Counts come
    from prefix sums over the tokens ordered by (key, sentence).
    """
    n = len(keys)
    if n == 0:
        return np.zeros(0, dtype=np.int64)
    keys = np.asarray(keys, dtype=np.int64)
    sents = np.asarray(sents, dtype=np.int64)
    codes = np.asarray(codes, dtype=np.int64)
    span = int(sents.max()) + 2 * window + 1  # one key's occurrences never reach the next's
    at = keys * span + sents + window
    order = np.argsort(at, kind="stable")
    sorted_at = at[order]
    cum = np.zeros((n + 1, 5), dtype=np.int64)
    np.cumsum(np.eye(5, dtype=np.int64)[codes[order]], axis=0, out=cum[1:])
    lo = np.searchsorted(sorted_at, at - window, side="left")
    hi = np.searchsorted(sorted_at, at + window, side="right")
    tot = cum[hi] - cum[lo]
    tot[np.arange(n), codes] -= 1  # the token itself does not count
    ent = tot[:, :4].sum(1)
    best = tot[:, :4].argmax(1)  # the first of equal counts, in CONTEXT_TYPES order
    out = np.where(ent > 0, best + 4 * (ent >= tot[:, 4]), np.where(tot[:, 4] > 0, 8, -1))
    return out


def doc_context(
    keys: Sequence[Sequence[str]], tags: Sequence[Sequence[str]], window: int
) -> list[list[list[str]]]:
    """What a first-stage tagger said about the same word elsewhere in nearby sentences.

    A name tagged in one sentence ("فلاديمير بوتين") is evidence for its bare repeats
    ("وبوتين") in the sentences around it; ``window`` sentences either side count, the token
    itself does not. See :func:`context_readings`.
    """
    types = {t: j for j, t in enumerate(CONTEXT_TYPES)}
    ids: dict[str, int] = {}
    flat_keys: list[int] = []
    sents: list[int] = []
    codes: list[int] = []
    for s, (ks, ts) in enumerate(zip(keys, tags, strict=True)):
        if len(ks) != len(ts):
            raise ValueError(f"sentence {s}: {len(ks)} keys but {len(ts)} tags")
        flat_keys.extend(ids.setdefault(k, len(ids)) for k in ks)
        sents.extend([s] * len(ks))
        codes.extend(types[t[2:]] if t != "O" else 4 for t in ts)
    readings = context_readings(np.array(flat_keys), np.array(sents), np.array(codes), window)
    feats = [list(CONTEXT_FEATURES[r]) if r >= 0 else [] for r in readings.tolist()]
    out: list[list[list[str]]] = []
    pos = 0
    for ks in keys:
        out.append(feats[pos : pos + len(ks)])
        pos += len(ks)
    return out
