"""Clitic segmentation of one Arabic word in the Universal Dependencies style.

UD Arabic splits the conjunctions و ف, the prepositions ب ل ك, the future particle س and the
pronoun suffixes (ه ها هم هما هن ك كم كما كن نا ي ني); the article ال stays with its noun, and
ل + ال is written ل + ل… (للأمن → ل + لأمن). Verb subject endings and feminine/plural suffixes stay.

Every candidate analysis of a word (proclitics × stem × suffix) is scored by a linear model
over corpus statistics of the match key: how frequent the whole word is, how frequent the stem
is on its own, whether the stem takes the article (a noun) or the whole word does (then its
first letter belongs to it: وزير, كوري; also without its tanween alif: وفدا → الوفد), whether
it takes an imperfect prefix (a verb: وافق → يوافق), how productive the stem is with other
clitics, and for ي whether the word has nisba forms (برنامجية). Most statistics come twice:
per clitic pattern and shared by every pattern of the same class, so that rare patterns borrow
strength. The weights are learnt (a log-linear model over each word's candidates) on the
WikiNews Farasa gold mapped to UD, and the frequencies come from SaudiNewsNet;
``scripts/build_segment_lexicon.py`` rebuilds both.

Grammar comes first (:meth:`CliticModel.rule`): words that never split (``keep``), a
conjunction before one of them (وهم, ولذا), a preposition or particle with a pronoun (عليها,
لأنه) and compound prepositions (بموجب, بسببه, لصالح), which UD always splits.

All functions work on segmentation keys (``marsad.normalize.seg_key``: the match key with ة
and ى kept); cut points are indices into the key.
"""

from __future__ import annotations

import gzip
import json
import logging
import math
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources

from marsad.normalize import match_key

log = logging.getLogger(__name__)

CONJ = ("و", "ف")
PREP = ("ب", "ل", "ك")
FUTURE = "س"
# Longest first, so that هما is tried before ها and ه.
SUFFIXES = ("هما", "كما", "ها", "هم", "هن", "كم", "كن", "نا", "ني", "ه", "ك", "ي")
PRONOUN_STEMS = frozenset({"ه", "ها", "هم", "هما", "هن", "ك", "كم", "كما", "كن", "نا", "ي", "ني"})
IMPERFECT = ("ي", "ت", "ن", "ا")
# Prepositions and particles that take pronoun suffixes (فيه عليه إليها لديه منهم أنه لكنها).
FUNCTION_STEMS = frozenset(
    {
        "في", "علي", "الي", "لدي", "من", "عن", "مع", "عند", "بين", "بعد", "قبل", "حول", "ضد",
        "دون", "امام", "خلف", "فوق", "تحت", "نحو", "عبر", "لدن", "ان", "لكن", "ليت", "لعل",
        "مثل", "غير", "كل", "بعض", "نفس", "ذات", "جميع", "معظم", "منذ", "حسب", "وراء", "اثناء",
        "خلال", "لدى", "على", "الى", "عليه", "مقابل", "ازاء", "حيال", "بسبب", "رغم", "عدا",
    }
)
FUNCTION_PREFIXES = ("", "و", "ف", "ل", "ب", "ول", "وب", "فل", "فب")
# Compound prepositions and adverbials: ب or ل + a noun, always two words in UD even where the
# phrase is commoner than the bare noun (بموجب, بخصوص, بمثابة, لصالح; with a pronoun: بسببه).
PREP_PHRASES = frozenset(
    {
        ("ب", s)
        for s in (
            "موجب", "خصوص", "مثابة", "واسطة", "سبب", "شكل", "فضل", "حسب", "صفة", "صورة",
            "مناسبة", "هدف", "غية", "حيث", "دون", "جانب", "رغم", "شان", "غرض", "صدد",
            "استثناء", "اعتبار", "مقتضى", "فعل", "قدر", "مجرد", "سرعة", "نسبة",
        )
    }
    | {("ل", s) for s in ("اجل", "صالح", "ذلك", "هذا", "هذه", "حين")}
)
# A conjunction before one of these function words is split although the word itself is in
# the model's keep list; ف + هم is left to the model (فهم "understanding" is a word too).
_CONJ_KEEP_EXCEPT = frozenset({"فهم"})
_PHRASE_PREPS = frozenset(p for p, _ in PREP_PHRASES)
OTHER_PROCLITICS = ("و", "ف", "ب", "ل", "ك", "وب", "ول", "فب", "فل", "وك")

Features = dict[str, float]
# Features that also get a copy shared by every candidate of the same class (proclitics only,
# suffix only, both), so that rare patterns borrow strength from common ones.
SHARED = ("ld", "ls", "lw", "sal", "lal", "lalc", "prod", "sprod", "unseen", "len2", "lcj", "lpp")


@dataclass(frozen=True, slots=True)
class Candidate:
    """One analysis: cut points in the key, and the features the model scores it by."""

    cuts: tuple[int, ...]
    features: Features


def _log(n: int) -> float:
    return math.log1p(n)


def _with(prefix: str, stem: str) -> str:
    """``prefix + stem`` as Arabic writes it (ل + الأمن → للأمن)."""
    if prefix.endswith("ل") and stem.startswith("ال"):
        return prefix + stem[1:]
    return prefix + stem


def _productivity(stem: str, key: str, f) -> float:  # type: ignore[no-untyped-def]
    """How often the stem occurs with proclitics other than the ones in ``key``."""
    if stem.startswith("ال"):  # _with(p, stem) spelt out: this runs for every candidate
        forms = [p + stem[1:] if lam else p + stem for p, lam in _OTHER_LAM]
    else:
        forms = [p + stem for p in OTHER_PROCLITICS]
    return _log(sum([f(w, 0) for w in forms if w != key]))


_OTHER_LAM = tuple((p, p.endswith("ل")) for p in OTHER_PROCLITICS)


def candidates(key: str, freq: Mapping[str, int]) -> list[Candidate]:
    """Every analysis the grammar allows for ``key``, the unsegmented one first (for training:
    inference scores the same analyses through :func:`best_cuts`)."""
    return [Candidate(cuts, dict(feats)) for cuts, feats in _analyses(key, freq)]


def _phrase_split(key: str) -> tuple[int, ...] | None:
    """[و|ف] + ب|ل + a compound-preposition noun [+ pronoun]: بموجب, وبسببه, لصالحها."""
    if key[:1] not in _PHRASE_PREPS and (key[:1] not in CONJ or key[1:2] not in _PHRASE_PREPS):
        return None  # no ب or ل where the phrase would start (the common case, checked first)
    for conj in ("", *CONJ):
        if not key.startswith(conj):
            continue
        rest = key[len(conj) :]
        if len(rest) < 3:
            continue
        body = rest[1:]
        for suf in ("", *SUFFIXES):
            if suf and (not body.endswith(suf) or suf == "ي"):
                continue
            stem = body[: len(body) - len(suf)]
            if suf and stem.endswith("ت"):
                stem = stem[:-1] + "ة"
            if (rest[0], stem) in PREP_PHRASES:
                cuts = (*((1,) if conj else ()), len(conj) + 1)
                return cuts + ((len(key) - len(suf),) if suf else ())
    return None


def function_split(key: str) -> tuple[int, ...] | None:
    """Grammar, not statistics: a preposition or particle with a pronoun (عليها, لأنه, ومنهم)."""
    for conj in ("", *CONJ):
        rest = key[len(conj) :] if key.startswith(conj) else ""
        if len(rest) >= 2 and rest[0] in "لب" and rest[1:] in PRONOUN_STEMS and rest[1:] not in ("ي", "ني", "كن"):
            return tuple(range(1, len(conj) + 2))
    phrase = _phrase_split(key)
    if phrase is not None:
        return phrase
    for p in FUNCTION_PREFIXES:
        if not key.startswith(p):
            continue
        rest = key[len(p) :]
        # at most one suffix other than ي ends a word (ني and ي are the only nested pair)
        for n in _SUFFIX_LENGTHS:
            if len(rest) >= n and rest[len(rest) - n :] in _PRONOUN_SUFFIXES and rest[: len(rest) - n] in FUNCTION_STEMS:
                return tuple(range(1, len(p) + 1)) + (len(key) - n,)
    return None


_PRONOUN_SUFFIXES = frozenset(SUFFIXES) - {"ي"}
_SUFFIX_LENGTHS = tuple(sorted({len(s) for s in _PRONOUN_SUFFIXES}, reverse=True))


def score(features: Features, weights: Mapping[str, float]) -> float:
    return sum(v * weights.get(k, 0.0) for k, v in features.items() if v)


# -- the same scores without building the features ------------------------------------------

#: Feature-name prefixes of a candidate named ``name``, in the order :func:`candidates` adds them.
_SLOTS = ("bias", "lw", "ls", "ld", "lal", "lcj", "sal", "len2", "hasal", "fn", "lpp", "unseen", "unseenw",
          "prod", "wsuf", "wimp", "sv", "sprod", "lalc")
_NONE_SLOTS = ("bias", "lw", "lal", "lcj", "lpp", "fn", "wsuf", "wimp")
_names: dict[str, dict[str, str]] = {}


def _named(name: str) -> dict[str, str]:
    """``{"lw": "lw:" + name, ...}``, built once per candidate name (a few hundred in all)."""
    hit = _names.get(name)
    if hit is None:
        hit = _names[name] = {k: f"{k}:{name}" for k in (*_SLOTS, *SHARED)}
    return hit


def best_cuts(key: str, freq: Mapping[str, int], weights: Mapping[str, float]) -> tuple[int, ...]:
    """The cuts of the best-scoring analysis (the first one on ties), scored as :func:`score`
    scores :func:`candidates` but without building a dict per analysis: the segmenter meets every
    new word of a corpus here."""
    w = weights.get
    best: tuple[int, ...] = ()
    best_score: float | None = None
    for cuts, feats in _analyses(key, freq):
        s = sum([v * w(k, 0.0) for k, v in feats if v])
        if best_score is None or s > best_score:
            best, best_score = cuts, s
    return best


@cache  # a few hundred heads at most
def _prefixes(head: str) -> tuple[tuple[str, tuple[int, ...], int], ...]:
    """(proclitic pattern, its cut points, where the rest starts) of every proclitic reading of
    a word that begins with ``head`` (its first two letters: all the readings depend on)."""
    prefixes: list[tuple[str, tuple[int, ...], int]] = [("", (), 0)]
    for conj in ("", *CONJ):
        if conj and not head.startswith(conj):
            continue
        i = len(conj)
        for prep in ("", *PREP, FUTURE):
            if prep and not head.startswith(prep, i):
                continue
            j = i + len(prep)
            if not conj and not prep:
                continue
            cuts = tuple(c for c in (i if conj else 0, j if prep else 0) if c > 0)
            prefixes.append((conj + prep, tuple(sorted(set(cuts))), j))
    return tuple(prefixes)


def _analyses(key: str, freq: Mapping[str, int]) -> Iterator[tuple[tuple[int, ...], list[tuple[str, float]]]]:
    """Every analysis of ``key`` (cut points, then (feature name, value) pairs in a fixed
    order), the unsegmented one first: the one definition both training and inference use."""
    f = freq.get
    n = len(key)
    whole = _log(f(key, 0))
    word_al = _log(f("ال" + key, 0)) if not key.startswith("ال") else 0.0
    if key.endswith("ا") and len(key) > 3 and not key.startswith("ال"):
        word_al = max(word_al, _log(f("ال" + key[:-1], 0)))
    word_impf = _log(f("ي" + key, 0) + f("ت" + key, 0))
    word_conj = _log(f("و" + key, 0) + f("ف" + key, 0))
    word_prep = _log(f("ب" + key, 0) + f(_with("ل", key), 0) + f("ك" + key, 0)) if not key.startswith(PREP) else 0.0
    word_suf = _log(f(key + "ه", 0) + f(key + "ها", 0) + f(key + "هم", 0)) if not key.endswith("ة") else 0.0
    nm = _named("NONE")
    values = (1.0, whole, word_al, word_conj, word_prep, 1.0 if key in FUNCTION_STEMS else 0.0, word_suf, word_impf)
    yield (), [(nm[k], v) for k, v in zip(_NONE_SLOTS, values, strict=True)]

    prefixes = _prefixes(key[:2])
    endings = ("", *(s for s in SUFFIXES if key.endswith(s)))  # rest.endswith(s): key does too
    for pattern, pcuts, s0 in prefixes:
        rest = key[s0:]
        if not rest:
            continue
        prep = pattern[-1:] if pattern[-1:] in PREP else ""
        if pattern and prep and rest in PRONOUN_STEMS:
            yield pcuts, [(f"bias:{pattern}+PRON", 1.0), (f"lw:{pattern}+PRON", whole)]
            continue
        for suf in endings:
            if not pattern and not suf:
                continue
            if len(suf) > len(rest):
                continue
            stem = rest[: len(rest) - len(suf)]
            if len(stem) < 2:
                continue
            if suf and (stem.startswith("ال") or stem.endswith("ة")):
                continue
            if pattern.endswith(FUTURE) and (stem[0] not in IMPERFECT or len(stem) < 3 or suf == "ي"):
                continue
            lookup = "ا" + stem if prep == "ل" and stem.startswith("ل") else stem
            variants = [lookup]
            if suf:
                if stem.endswith("ت"):
                    variants.append(stem[:-1] + "ة")
                elif stem.endswith("و"):
                    variants.append(stem + "ا")
                elif stem.endswith(("ا", "ي")):
                    variants.append(stem[:-1] + "ى")
            lstem = max(_log(f(v, 0)) for v in variants)
            name = (pattern or "_") + ("+S" if suf else "")
            nm = _named(name)
            # (feature name, value) in the order candidates() inserts them
            feats: list[tuple[str, float]] = [
                (nm["bias"], 1.0),
                (nm["lw"], whole),
                (nm["ls"], lstem),
                (nm["ld"], lstem - whole),
                (nm["lal"], word_al),
                (nm["lcj"], word_conj),
                (nm["sal"], 0.0 if stem.startswith("ال") else max(_log(f("ال" + v, 0)) for v in variants)),
                (nm["len2"], 1.0 if len(stem) == 2 else 0.0),
                (nm["hasal"], 1.0 if lookup.startswith("ال") else 0.0),
                (nm["fn"], 1.0 if any(v in FUNCTION_STEMS for v in variants) else 0.0),
                (nm["lpp"], word_prep),
                (nm["unseen"], 1.0 if lstem == 0.0 else 0.0),
                (nm["unseenw"], 1.0 if whole == 0.0 else 0.0),
            ]
            shared: dict[str, float] = {"ld": lstem - whole, "ls": lstem, "lw": whole, "sal": feats[6][1],
                                        "lal": word_al, "unseen": feats[11][1], "len2": feats[7][1],
                                        "lcj": word_conj, "lpp": word_prep}
            if pattern:
                prod = _productivity(lookup, key, f)
                shared["prod"] = prod
                feats.append((nm["prod"], prod))
                feats.append((nm["wsuf"], word_suf))
                feats.append((nm["wimp"], word_impf))
                feats.append((f"st0:{pattern}:{stem[0] if stem[0] in 'اويت' else '*'}", 1.0))
                feats.append((nm["sv"], sum(c in "اوي" for c in stem) / len(stem)))
            if suf:
                others = sum(f(stem + s, 0) for s in SUFFIXES if s != suf)
                sprod = _log(others)
                shared["sprod"] = sprod
                feats.append((f"suf:{suf}", 1.0))
                feats.append((nm["sprod"], sprod))
                feats.append((f"lal:S{suf}", word_al))
                if suf == "ي":
                    feats.append(("nis:ي", _log(f(key + "ة", 0) + f(key + "ين", 0) + f(key + "ون", 0))))
                if pattern:
                    core = key[: n - len(suf)]
                    cores = (core, core[:-1] + "ة") if core.endswith("ت") else (core,)
                    lalc = max(_log(f("ال" + c, 0)) for c in cores)
                    shared["lalc"] = lalc
                    feats.append((nm["lalc"], lalc))
            cls = ("P" if pattern else "") + ("S" if suf else "")
            cm = _named(cls)
            for k in SHARED:
                v = shared.get(k)
                if v:
                    feats.append((cm[k], v))
            if pattern:
                feats.append((f"pat:{pattern}", 1.0))
            yield pcuts + ((n - len(suf),) if suf else ()), feats


@dataclass(frozen=True, slots=True)
class CliticModel:
    """Frequencies, learnt weights and words that never split (function words)."""

    freq: Mapping[str, int]
    weights: Mapping[str, float]
    keep: frozenset[str]
    names: frozenset[str] = frozenset()  # names never split (resources/segment/names_keep.txt)

    def rule(self, key: str) -> tuple[int, ...] | None:
        """The cut points that grammar fixes (function words, known names), or None: the model decides."""
        if len(key) < 2 or key in self.keep or key in self.names:
            return ()
        if key[0] in CONJ and key not in _CONJ_KEEP_EXCEPT and (key[1:] in self.keep or key[1:] in self.names):
            return (1,)  # ولذا, وهم, فلم, وبايدن: the conjunction, then a function word or a name
        return function_split(key)

    def segment(self, key: str) -> tuple[int, ...]:
        """Cut points inside ``key`` (a match key of one Arabic word)."""
        fixed = self.rule(key)
        if fixed is not None:
            return fixed
        return best_cuts(key, self.freq, self.weights)


def _resource(name: str) -> bytes:
    return resources.files("marsad").joinpath("resources", "segment", name).read_bytes()


@lru_cache(maxsize=1)
def load_model() -> CliticModel:
    """Load the packaged frequency list and weights (once, on first use)."""
    freq: dict[str, int] = {}
    for line in gzip.decompress(_resource("frequencies.tsv.gz")).decode("utf-8").splitlines():
        word, _, count = line.partition("\t")
        if count:
            freq[word] = int(count)
    model = json.loads(_resource("model.json").decode("utf-8"))
    log.debug("clitic model: %d frequencies, %d weights", len(freq), len(model["weights"]))
    names = frozenset(
        match_key(w)
        for w in (ln.strip() for ln in _resource("names_keep.txt").decode("utf-8").splitlines())
        if w and not w.startswith("#")
    )
    return CliticModel(freq=freq, weights=model["weights"], keep=frozenset(model["keep"]), names=names)
