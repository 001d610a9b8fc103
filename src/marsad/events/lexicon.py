"""The Arabic trigger lexicon: a TSV a user can read and extend, compiled into match keys.

Each row is one pattern (see ``resources/events/README.md``)::

    pattern <TAB> cameo <TAB> plover <TAB> mode <TAB> frame <TAB> flags <TAB> note

A pattern is a sequence of elements separated by spaces:

* ``{past|present|extra…}`` — a verb: every conjugation of the 3rd-person past and present
  stems is generated (ناقش ناقشت ناقشا ناقشوا … يناقش تناقش يناقشان يناقشون …); extra forms
  follow (weak verbs need them: دعا دعت دعوا …), and ``-form`` removes a generated form that
  is also a common noun. ``_`` as the past stem means "present forms only".
* ``a/b/c`` — a noun, particle or adjective, any of the alternatives; the article and the
  prepositions ب ل ك, the conjunctions و ف and pronoun suffixes are allowed around it.
* ``?a/b/c`` — an optional word (an intensifier inside an expression: "عن ?بالغ/عميق قلق"
  reads "عن قلقه" and "عن بالغ قلقه"); it is part of the trigger span when present.
* ``...`` (or ``...N``) — a gap of up to 6 (or N) tokens inside the sentence.

Everything is compared by :func:`marsad.normalize.match_key`, so hamza, alef maksura and teh
marbuta spellings all meet — with one guard: a form spelled with a hamza inside the word whose
folded key is a function word (هنأ → "هنا", here) matches only a token written with a hamza
there, so "وهنا" is never read as "and he congratulated". The trigger span of a match is the
part after its last gap.
"""

from __future__ import annotations

import csv
import logging
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path

from marsad.normalize import match_key

log = logging.getLogger(__name__)

FRAMES = frozenset(
    {"sv", "sym", "host", "visit", "arrive", "caller", "called", "passive", "allege", "oblige", "faced", "stop"}
)
FLAGS = frozenset({"weak", "nominal", "fact", "participle", "head", "negated", "opener", "target", "pair"})
DEFAULT_GAP = 6

# Past-stem suffixes (he, she, they two, they two f., they, they f.) and present affixes.
_PAST_SUFFIXES = ("", "ت", "ا", "تا", "وا", "ن", "نا")  # … and "we" (طلبنا، ناقشنا) in quotes
_PRESENT_PREFIXES = ("ي", "ت", "ن", "ا")
_PRESENT_SUFFIXES = ("", "ان", "ون", "ين", "وا", "ن", "ا")
_WEAK_FINAL = ("ا", "ي", "و")


@dataclass(frozen=True, slots=True)
class Element:
    """One position of a pattern: the keys a token may have there, or a gap."""

    verb: frozenset[str] = frozenset()  # keys of verb forms (no article allowed)
    noun: frozenset[str] = frozenset()  # keys of noun/particle forms
    gap: int = 0  # > 0: skip up to this many tokens
    optional: bool = False  # ``?a/b``: the word may be absent
    hamza: frozenset[str] = frozenset()  # keys that match only a token written with its hamza

    @property
    def is_gap(self) -> bool:
        return self.gap > 0


@dataclass(frozen=True, slots=True)
class Entry:
    """One lexicon row, compiled."""

    pattern: str
    elements: tuple[Element, ...]
    cameo: str
    plover: str | None
    mode: str | None
    frame: str
    flags: frozenset[str]
    source: str  # file:line, to explain a coded event
    # read once here: the matcher and the argument rules ask them of every candidate
    verbal: bool = field(init=False, repr=False, compare=False)  # the pattern starts with a verb
    literal_count: int = field(init=False, repr=False, compare=False)  # words neither gap nor optional

    def __post_init__(self) -> None:
        object.__setattr__(self, "verbal", bool(self.elements and self.elements[0].verb))
        object.__setattr__(self, "literal_count", sum(1 for e in self.elements if not e.is_gap and not e.optional))

    @property
    def weak(self) -> bool:
        return "weak" in self.flags


def conjugate(past: str, present: str) -> set[str]:
    """Match keys of the regular 3rd/1st-person forms of a verb (no clitics)."""
    forms: set[str] = set()
    if past and past != "_":
        p = match_key(past)
        forms.add(p)
        if not p.endswith(_WEAK_FINAL):
            forms.update(p + s for s in _PAST_SUFFIXES)
    if present:
        q = match_key(present)
        stem = q[1:] if q[:1] in _PRESENT_PREFIXES else q
        for pre in _PRESENT_PREFIXES:
            forms.add(pre + stem)
            if not stem.endswith(_WEAK_FINAL):
                forms.update(pre + stem + s for s in _PRESENT_SUFFIXES)
    return forms


_HAMZA = frozenset("أإؤئءآ")


def _inner_hamza(word: str) -> bool:
    """A hamza after the first letter ("هنأ", "يهنئ"): dropping it often makes another word,
    while a dropped initial hamza (اكد for أكد) is only a spelling habit."""
    return any(c in _HAMZA for c in word[1:])


@lru_cache(maxsize=1)
def function_words() -> frozenset[str]:
    """Match keys a hamza-bearing form must not take over: the words the segmenter keeps whole
    (particles, pronouns, adverbs: هنا، هناك، لدى) and the 100 most frequent words of its
    SaudiNewsNet frequency list."""
    from marsad.clitics import load_model  # the segmenter's resources, loaded once there too

    model = load_model()
    top = sorted(model.freq, key=model.freq.__getitem__, reverse=True)[:100]
    return frozenset(model.keep) | frozenset(top)


def _guarded(spellings: Iterable[tuple[str, set[str]]], common: frozenset[str]) -> frozenset[str]:
    """The keys, among the forms of inner-hamza spellings, that collide with a common word."""
    out: set[str] = set()
    for raw, keys in spellings:
        if _inner_hamza(raw):
            out |= keys & common
    return frozenset(out)


def parse_element(raw: str, common: frozenset[str] = frozenset()) -> Element:
    """Compile one pattern element (see the module docstring); ``common`` holds the function
    words that inner-hamza forms must not match without their hamza."""
    if raw.startswith("..."):
        n = raw[3:]
        return Element(gap=int(n) if n else DEFAULT_GAP)
    if raw.startswith("{") and raw.endswith("}"):
        parts = raw[1:-1].split("|")
        past, present = parts[0], parts[1] if len(parts) > 1 else ""
        forms = conjugate(past, present)
        spellings = [(past, conjugate(past, "")), (present, conjugate("_", present))]
        for extra in parts[2:]:
            if extra.startswith("-"):
                forms.discard(match_key(extra[1:]))
            elif extra:
                forms.add(match_key(extra))
                spellings.append((extra, {match_key(extra)}))
        return Element(verb=frozenset(forms), hamza=_guarded(spellings, common) & forms)
    if "{" in raw or "}" in raw or "|" in raw:
        raise ValueError(f"malformed element {raw!r}: a verb is one {{past|present|…}} group")
    optional = raw.startswith("?")
    alts = [a for a in raw.lstrip("?").split("/") if a]
    if not alts:
        raise ValueError(f"empty element {raw!r}")
    return Element(
        noun=frozenset(match_key(a) for a in alts),
        optional=optional,
        hamza=_guarded([(a, {match_key(a)}) for a in alts], common),
    )


def parse_rows(lines: Iterable[str], origin: str) -> list[Entry]:
    """Entries from TSV lines; ``#`` starts a comment line. Bad rows raise ValueError."""
    out: list[Entry] = []
    common = function_words()
    rows = csv.reader((ln for ln in lines), delimiter="\t", quoting=csv.QUOTE_NONE)
    for lineno, row in enumerate(rows, 1):
        if not row or not row[0].strip() or row[0].lstrip().startswith("#"):
            continue
        row = [c.strip() for c in row] + [""] * 7
        pattern, cameo, plover, mode, frame, flags = row[:6]
        if pattern == "pattern":
            continue  # header
        where = f"{origin}:{lineno}"
        frame = frame or "sv"
        if frame not in FRAMES:
            raise ValueError(f"{where}: unknown frame {frame!r} (known: {', '.join(sorted(FRAMES))})")
        flagset = frozenset(f for f in flags.replace(",", " ").split() if f)
        if flagset - FLAGS:
            raise ValueError(f"{where}: unknown flags {sorted(flagset - FLAGS)}")
        if frame != "stop" and not cameo:
            raise ValueError(f"{where}: a CAMEO code is required")
        try:
            elements = tuple(parse_element(e, common) for e in pattern.split())
        except ValueError as exc:
            raise ValueError(f"{where}: {exc}") from exc
        if not elements or elements[0].is_gap or elements[-1].is_gap:
            raise ValueError(f"{where}: a pattern cannot start or end with a gap")
        if elements[0].optional or elements[-1].optional or any(
            a.optional and (b.is_gap or b.optional) or a.is_gap and b.optional for a, b in zip(elements, elements[1:], strict=False)
        ):
            raise ValueError(f"{where}: an optional word stands between two words")
        out.append(
            Entry(pattern, elements, cameo, plover or None, mode or None, frame, flagset, where)
        )
    return out


@dataclass(frozen=True, slots=True)
class Lexicon:
    """All entries, indexed by the keys their first element accepts."""

    entries: tuple[Entry, ...]
    by_verb: dict[str, tuple[Entry, ...]]
    by_noun: dict[str, tuple[Entry, ...]]
    cache: dict = field(default_factory=dict, compare=False, repr=False)  # token key → starts
    # surface → (norm, token facts, starts, speech cue): one lookup per token of a document
    words: dict = field(default_factory=dict, compare=False, repr=False)

    def __len__(self) -> int:
        return len(self.entries)

    @property
    def form_count(self) -> int:
        """How many distinct surface keys the lexicon recognises (all elements)."""
        keys: set[str] = set()
        for e in self.entries:
            for el in e.elements:
                keys |= el.verb | el.noun
        return len(keys)


def build(entries: Iterable[Entry]) -> Lexicon:
    ents = tuple(entries)
    by_verb: dict[str, list[Entry]] = {}
    by_noun: dict[str, list[Entry]] = {}
    for e in ents:
        first = e.elements[0]
        for k in first.verb:
            by_verb.setdefault(k, []).append(e)
        for k in first.noun:
            by_noun.setdefault(k, []).append(e)
    return Lexicon(
        ents,
        {k: tuple(v) for k, v in by_verb.items()},
        {k: tuple(v) for k, v in by_noun.items()},
    )


def _packaged_lines() -> list[str]:
    f = resources.files("marsad").joinpath("resources", "events", "triggers.tsv")
    return f.read_text("utf-8").splitlines()


@lru_cache(maxsize=8)
def load_lexicon(*extra_paths: str) -> Lexicon:
    """The packaged lexicon plus any user TSV files (same columns), compiled once per set."""
    entries = parse_rows(_packaged_lines(), "triggers.tsv")
    for p in extra_paths:
        path = Path(p)
        entries += parse_rows(path.read_text("utf-8").splitlines(), str(path))
    lex = build(entries)
    log.debug("trigger lexicon: %d entries, %d forms", len(lex), lex.form_count)
    return lex
