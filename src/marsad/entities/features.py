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
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

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
    """Word clusters, corpus frequencies and gazetteers, as loaded from ``resources/ner``."""

    clusters: dict[str, tuple[str, ...]] = field(default_factory=dict)
    freq: dict[str, int] = field(default_factory=dict)  # log2 frequency bucket
    units: dict[str, frozenset[str]] = field(default_factory=dict)  # word -> gazetteer classes
    phrases: dict[str, list[tuple[tuple[str, ...], str]]] = field(default_factory=dict)
    max_phrase: int = 1
    # (first word, second word) -> (rank in phrases[first], words, class), by rank
    pairs: dict[tuple[str, str], list[tuple[int, tuple[str, ...], str]]] = field(
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
        for text, klass in entries:
            toks = tuple(text.split(" "))
            if len(toks) == 1:
                units.setdefault(toks[0], set()).add(klass)
            else:
                self.phrases.setdefault(toks[0], []).append((toks, klass))
                self.max_phrase = max(self.max_phrase, len(toks))
        for k, v in units.items():
            self.units[k] = frozenset(v) | self.units.get(k, frozenset())
        self.pairs = {}
        for lst in self.phrases.values():
            lst.sort(key=lambda p: -len(p[0]))
            for rank, (toks, klass) in enumerate(lst):
                self.pairs.setdefault((toks[0], toks[1]), []).append((rank, toks, klass))


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
    def _phrase_feats(self, words: Sequence[Keyed]) -> list[list[str]]:
        """Longest gazetteer phrase matches, as B/I features per token."""
        n = len(words)
        out: list[list[str]] = [[] for _ in range(n)]
        phrases = self.lex.phrases
        if not phrases:
            return out
        pairs = self.lex.pairs
        for i in range(n - 1):
            nxt = words[i + 1][1]
            for k in words[i][1]:
                if k not in phrases:
                    continue
                # the longest (then first-listed) phrase that starts with k and matches here
                best: tuple[int, tuple[str, ...], str] | None = None
                for k1 in nxt:
                    for cand in pairs.get((k, k1), ()):
                        if best is not None and cand[0] >= best[0]:
                            break
                        toks = cand[1]
                        m = len(toks)
                        if i + m <= n and all(toks[j] in words[i + j][1] for j in range(2, m)):
                            best = cand
                            break
                if best is not None:
                    m, klass = len(best[1]), best[2]
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


def doc_context(
    keys: Sequence[Sequence[str]], tags: Sequence[Sequence[str]], window: int
) -> list[list[list[str]]]:
    """What a first-stage tagger said about the same word elsewhere in nearby sentences.

    A name tagged in one sentence ("فلاديمير بوتين") is evidence for its bare repeats
    ("وبوتين") in the sentences around it; ``window`` sentences either side count, the token
    itself does not. Counts come from per-word prefix sums over sentence indices.
    """
    types = {"PER": 0, "ORG": 1, "LOC": 2, "MISC": 3}
    names = ("PER", "ORG", "LOC", "MISC")
    # per word: the sentence index of each occurrence and running counts of its five readings
    occ: dict[str, tuple[list[int], list[int]]] = {}
    codes: list[list[int]] = []
    for s, (ks, ts) in enumerate(zip(keys, tags, strict=True)):
        row = []
        for k, t in zip(ks, ts, strict=True):
            code = types[t[2:]] if t != "O" else 4
            row.append(code)
            sents, cs = occ.setdefault(k, ([], []))
            sents.append(s)
            cs.append(code)
        codes.append(row)
    cums: dict[str, list[list[int]]] = {}
    for k, (_, cs) in occ.items():
        if any(c != 4 for c in cs):  # prefix sums only for words with an entity reading
            run = [0, 0, 0, 0, 0]
            cum = [run]
            for c in cs:
                run = list(run)
                run[c] += 1
                cum.append(run)
            cums[k] = cum
    out: list[list[list[str]]] = []
    for s, ks in enumerate(keys):
        feats: list[list[str]] = []
        for k, code in zip(ks, codes[s], strict=True):
            sents, _ = occ[k]
            lo, hi = bisect_left(sents, s - window), bisect_right(sents, s + window)
            cum = cums.get(k)
            if cum is None:
                feats.append(["dc=O"] if hi - lo > 1 else [])
                continue
            a, b = cum[lo], cum[hi]
            tot = [b[0] - a[0], b[1] - a[1], b[2] - a[2], b[3] - a[3], b[4] - a[4]]
            tot[code] -= 1
            ent = tot[0] + tot[1] + tot[2] + tot[3]
            if ent:
                best = max(range(4), key=tot.__getitem__)
                share = "hi" if ent >= tot[4] else "lo"
                feats.append(["dc=" + names[best], f"dc={names[best]}:{share}"])
            elif tot[4]:
                feats.append(["dc=O"])
            else:
                feats.append([])
        out.append(feats)
    return out
