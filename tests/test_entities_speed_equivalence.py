"""The entity step's fast paths find exactly what the plain scans find (issues 5 and 7).

:meth:`Grammar.openings` lets every scan skip tokens where nothing can begin; the phrase index
looks only at phrases whose second word is the next token's; :func:`_token_heads` has a short
way for unsplit words; :meth:`Grammar.title_of` tries only the patterns of the first word. Each
is checked against the plain code it replaced (kept here), over random token sequences built
from roles.json and knowledge-base words with proclitics, and over whole documents.
"""

from __future__ import annotations

import json
import random
from collections.abc import Sequence
from functools import lru_cache
from importlib import resources
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from marsad.document import Document, Source, Token
from marsad.entities import role_words as R
from marsad.entities.body_phrases import Body, body_at
from marsad.entities.kb import (
    PROCLITICS,
    KnowledgeBase,
    Match,
    PhraseIndex,
    _token_heads,
    token_heads,
)
from marsad.entities.roles import Grammar
from marsad.entities.step import EntityStep
from marsad.entities.title_phrases import Role, role_at
from marsad.normalize import match_key
from marsad.segment import SegmentStep, tokens

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
PREFIXES = ("", "", "", "", "و", "ف", "ب", "ل", "ك", "ال", "لل", "وال", "بال", "وب", "ول", "س")
PLAIN = ["قال", "في", "إن", "على", "أن", "الذي", "من", "و", "،", ".", "«", "»", "(", ")", ":", "علي", "محمد",
         "بن", "عبد", "اليوم", "الماضي", "كبير", "الجديدة", "مصادر", "الأمن", "إلى", "لدى", "باسم", "رفيع"]


# -- the plain code the fast paths replaced ------------------------------------------------------


def _plain_token_heads(tok: Token, text: str) -> tuple[tuple[int, str], ...]:
    """``_token_heads`` before its short way for unsplit words."""
    out: list[tuple[int, str]] = []
    parts = tok.parts or ((tok.start, tok.end),)
    k = 0
    while k < len(parts) - 1 and match_key(text[parts[k][0] : parts[k][1]]) in PROCLITICS:
        k += 1
    if k:
        out.append((parts[k][0], match_key(text[parts[k][0] : tok.end])))
    full = (tok.start, tok.norm)
    if full not in out:
        out.append(full)
    segmented = k > 0
    key, start = tok.norm, tok.start
    if len(key) >= 4 and key[0] in "وف" and match_key(text[start : start + 1]) == key[0]:
        key, start = key[1:], start + 1
        if not segmented and (start, key) not in out:
            out.append((start, key))
    if len(key) >= 4 and key[0] in "بلك":
        if key.startswith("لل") and not key.startswith("لله"):
            if (start + 1, "ال" + key[2:]) not in out:
                out.append((start + 1, "ال" + key[2:]))
        elif not segmented and match_key(text[start : start + 1]) == key[0] and (start + 1, key[1:]) not in out:
            out.append((start + 1, key[1:]))
    return tuple(out)


def _plain_match_at(index: PhraseIndex, toks: Sequence[Token], i: int, text: str) -> Match | None:
    """``PhraseIndex.match_at`` walking every phrase of the first word."""
    if not index._frozen:
        index._freeze()
    best: Match | None = None
    whole = toks[i].start
    for start, key in token_heads(toks[i], text):
        cands = index._by_first.get(key)
        if not cands:
            continue
        tie = best is not None and start == whole and best.start != whole
        for phrase, value in cands:
            n = len(phrase)
            if best is not None and (n < best.j - best.i or (n == best.j - best.i and not tie)):
                break
            if i + n > len(toks):
                continue
            if all(toks[i + m].norm == phrase[m] for m in range(1, n)):
                if best is None or n > best.j - best.i or index._whole_wins(value, best.value):
                    best = Match(start, toks[i + n - 1].end, i, i + n, value)
                break
    return best


def _plain_roles(g: Grammar, toks: Sequence[Token], text: str) -> list[Role]:
    out: list[Role] = []
    i = 0
    while i < len(toks):
        role = role_at(g, toks, i, text, out)
        if role is None:
            i += 1
            continue
        out.append(role)
        i = role.j
    return out


def _plain_untitled(g: Grammar, toks: Sequence[Token], text: str, taken: Sequence[Role], at: set[int] | None) -> list[Role]:
    busy = {k for r in taken for k in range(r.i, r.j)}
    out: list[Role] = []
    i = 0
    while i < len(toks):
        skip = i in busy or (at is not None and i not in at)
        role = None if skip else role_at(g, toks, i, text, [], untitled=True)
        if role is None or not role.needs_holder or busy.intersection(range(role.i, role.j)):
            i += 1
            continue
        out.append(role)
        i = role.j
    return out


def _plain_bodies(g: Grammar, toks: Sequence[Token], text: str) -> list[Body]:
    out = []
    i = 0
    while i < len(toks):
        body = body_at(g, toks, i, text)
        if body is None:
            i += 1
            continue
        out.append(body)
        i = body.j
    return out


def _plain_title_of(g: Grammar, keys: Sequence[str]) -> str | None:
    for pattern, key in g.titles:
        if tuple(keys[: len(pattern)]) == pattern:
            if len(pattern) == 1 and len(keys) > 1 and (keys[1] in g.bodies or keys[1] in g.bodies_without_country):
                continue
            if len(pattern) == 1 and len(keys) > 1 and pattern[0] in {"رييس", "رييسه"}:
                continue  # "رئيس بلدية": the head of something else, not the state's president
            return key
    return None


# -- random sentences from the grammar's and the knowledge base's own words ----------------------


@lru_cache(maxsize=1)
def _grammar() -> Grammar:
    return Grammar.load(KnowledgeBase.load())


@lru_cache(maxsize=1)
def _vocabulary() -> dict[str, tuple[str, ...]]:
    """Words by use: ``openers`` begin roles, bodies, sides and nominals; ``tails`` follow them
    (complements, adjectives, states); ``names`` are knowledge-base variants; ``plain`` the rest."""
    data = json.loads((resources.files("marsad") / "resources" / "kb" / "roles.json").read_text(encoding="utf-8"))
    openers: list[str] = []
    for field in ("heads", "bodies", "bodies_without_country", "construct_bodies", "facilities", "sides",
                  "honorifics", "restricted_heads", "org_cues", "place_bodies"):
        openers.extend(data.get(field, ()))
    openers.extend("ال" + w for w in data["nominals"] + data["sides"] + list(data["bodies"]) + list(data["heads"]))
    openers.extend(f["text"] for f in data["fixed"])
    openers.extend(f for forms in data.get("epithets", {}).values() for f in forms)
    openers.extend(f for spec in data.get("story_names", {}).values() for f in spec["forms"])
    openers.extend(h + s for h in data["counterpart_heads"] for s in data["counterpart_suffixes"])
    tails: list[str] = []
    for field in ("complements", "connectors", "facility_modifiers", "destination_connectors",
                  "post_adjective_complements", "national_words", "place_body_directions", "calendar"):
        tails.extend(data.get(field, ()))
    kb = KnowledgeBase.load()
    rng = random.Random(7)
    adjectives = sorted(" ".join(p) for p in _phrases(kb.adjectives))  # nationality adjectives, all forms
    tails.extend(rng.sample(adjectives, min(400, len(adjectives))))
    entries = sorted(kb.entries.values(), key=lambda e: e.id)
    curated = [e for e in entries if not e.weak]
    states = [kb.state(c) for c in sorted({e.country for e in curated if e.country})]
    tails.extend(s.canonical for s in states if s is not None)
    names = [v for e in rng.sample(curated, 600) + rng.sample(entries, 200) for v in e.variants[:3]]
    return {
        "openers": tuple(sorted(set(openers))),
        "tails": tuple(sorted(set(tails))),
        "names": tuple(sorted(set(names))),
        "plain": tuple(PLAIN),
    }


def _phrases(index: PhraseIndex) -> list[tuple[str, ...]]:
    return [p for lst in index._by_first.values() for p, _ in lst]


def _sentences() -> st.SearchStrategy[str]:
    """Chunks of one to four words: an opener with what may follow it, a name, or a plain word."""
    v = _vocabulary()
    first = st.one_of(st.sampled_from(v["openers"]), st.sampled_from(v["names"]))
    prefixed = st.tuples(st.sampled_from(PREFIXES), first).map("".join)
    phrase = st.tuples(prefixed, st.lists(st.sampled_from(v["tails"]), max_size=3)).map(lambda p: [p[0], *p[1]])
    chunk = st.one_of(
        phrase,
        st.sampled_from(v["tails"] + v["plain"]).map(lambda w: [w]),
        st.tuples(st.sampled_from(PREFIXES), st.sampled_from(v["names"])).map(lambda p: ["".join(p)]),
    )
    return st.lists(chunk, min_size=1, max_size=10).map(lambda cs: " ".join(w for c in cs for w in c))


_SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
SENTENCES = st.deferred(_sentences)  # the vocabulary loads when a test first draws, not at collection

#: Real sentences with one of each kind of phrase (sides, epithets, nominals, story names, peoples).
REAL = [
    "وأكد الجانب الإسرائيلي أن وزير الخارجية الإيراني التقى نظيره الروسي في مقر وزارة الخارجية السورية.",
    "وقالت الوزارة إن العدو يواصل عدوانه، وأشادت بالمقاومة الإسلامية ودعت الشعب الفلسطيني إلى الصمود.",
    "واستهدفت قوات النظام مدينة الرمادي، وقال المتحدث باسم الجيش الإسرائيلي إن الطرف الآخر رفض.",
    "واستقبل سمو الأمير محمد بن سلمان ولي العهد السعودي أمين مجلس الأمن القومي الروسي نيكولاي باتروشيف.",
    "وقال مصدر أمني لوكالة الأنباء إن المبعوث الأممي إلى اليمن والفلسطينيين التقوا رئيس مجلس الشورى.",
]


def _real_examples(fn):  # type: ignore[no-untyped-def]
    for text in REAL:
        fn = example(text)(fn)
    return fn


@_SETTINGS
@given(SENTENCES)
@_real_examples
def test_openings_never_skip_a_token_where_something_begins(text: str) -> None:
    g, kb = _grammar(), _grammar().kb
    toks = tokens(text)
    bits = g.openings(toks, text)
    assert len(bits) == len(toks)
    for k, b in enumerate(bits):
        checks = [
            (R.OPENS_NAME, kb.names.match_at(toks, k, text)),
            (R.OPENS_ADJECTIVE, kb.adjectives.match_at(toks, k, text)),
            (R.OPENS_ROLE, role_at(g, toks, k, text, []) or role_at(g, toks, k, text, [], untitled=True)
             or (True if g.may_start_role(toks[k], text) else None)),
            (R.OPENS_BODY, body_at(g, toks, k, text)),
            (R.OPENS_SIDE, g.side_at(toks, k, text)),
            (R.OPENS_NOMINAL, g.nominal_at(toks[k], text)),
            (R.OPENS_EPITHET, g.epithets.match_at(toks, k, text)),
            (R.OPENS_STORY, g.story_names.match_at(toks, k, text)),
        ]
        for bit, found in checks:
            if found is not None:
                assert b & bit, (text, k, bit, found)


@_SETTINGS
@given(SENTENCES)
@_real_examples
def test_phrase_index_finds_what_the_plain_walk_finds(text: str) -> None:
    g, kb = _grammar(), _grammar().kb
    toks = tokens(text)
    bits = g.openings(toks, text)
    for index, bit in [(kb.names, R.OPENS_NAME), (kb.adjectives, R.OPENS_ADJECTIVE), (g.honorifics, 0),
                       (g.fixed, 0), (g.epithets, R.OPENS_EPITHET), (g.story_names, R.OPENS_STORY)]:
        for k in range(len(toks)):
            assert index.match_at(toks, k, text) == _plain_match_at(index, toks, k, text), (text, k)
        if bit:
            at = [k for k, b in enumerate(bits) if b & bit]
            assert index.find(toks, text, at) == index.find(toks, text)


@_SETTINGS
@given(SENTENCES)
@_real_examples
def test_sentence_scans_equal_the_plain_scans(text: str) -> None:
    g = _grammar()
    toks = tokens(text)
    found = g.roles(toks, text)
    assert found == _plain_roles(g, toks, text)
    assert g.bodies_in(toks, text) == _plain_bodies(g, toks, text)
    for at in (None, set(range(0, len(toks) + 1, 2))):
        assert g.untitled_roles(toks, text, found, at) == _plain_untitled(g, toks, text, found, at)


_ARABIC = st.text(alphabet="وفبلكالسيهمنتةىأإآءرزدعغ ـ،.", min_size=1, max_size=60)


@settings(max_examples=200, deadline=None)
@given(st.one_of(_ARABIC, SENTENCES))
def test_token_heads_short_way_equals_the_plain_reading(text: str) -> None:
    for tok in tokens(text):
        assert _token_heads(tok, text) == _plain_token_heads(tok, text)
        bare_tok = Token(tok.start, tok.end, tok.norm, ())  # no segmentation recorded
        assert _token_heads(bare_tok, text) == _plain_token_heads(bare_tok, text)


def test_title_of_equals_trying_every_pattern() -> None:
    g = _grammar()
    rng = random.Random(3)
    words = sorted({w for pattern, _ in g.titles for w in pattern} | set(g.bodies) | {"قال", "الجديد"})
    cases = [list(p) for p, _ in g.titles] + [[rng.choice(words) for _ in range(rng.randint(0, 6))] for _ in range(3000)]
    cases += [[*p, *rng.sample(words, 2)] for p, _ in g.titles]
    assert sum(_plain_title_of(g, keys) is not None for keys in cases) > len(g.titles)  # the cases reach titles
    for keys in cases:
        assert g.title_of(keys) == _plain_title_of(g, keys), keys


# -- whole documents: the step with nothing skipped gives the same entities ----------------------


class _RandomTagger:
    """Tags each sentence at random (seeded): recognizer spans anywhere, to stress propagation."""

    def __init__(self, seed: int) -> None:
        self.seed = seed

    def tag(self, sentences: Sequence[Sequence[str]]) -> list[list[str]]:
        rng = random.Random(self.seed)
        out = []
        for toks in sentences:
            tags, k = [], 0
            while k < len(toks):
                if rng.random() < 0.25:
                    label = rng.choice(["PER", "ORG", "LOC", "MISC"])
                    n = min(rng.randint(1, 3), len(toks) - k)
                    tags += [f"B-{label}"] + [f"I-{label}"] * (n - 1)
                    k += n
                else:
                    tags.append("O")
                    k += 1
            out.append(tags)
        return out


def _unskipped(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every scan reads every token: all opening bits set, phrase finds ignore ``at``."""
    find = PhraseIndex.find
    monkeypatch.setattr(Grammar, "openings", lambda self, toks, text: [-1] * len(toks))
    monkeypatch.setattr(
        PhraseIndex, "find", lambda self, toks, text, at=None, keep=None: find(self, toks, text, None, keep)
    )


def _entities(text: str, recognizer: object | None, published: str | None = "2024-02-20") -> list[dict]:
    doc = SegmentStep()(Document(id="t", text=text, source=Source(published=published)))
    step = EntityStep(recognizer=recognizer, use_recognizer=False) if recognizer else EntityStep(use_recognizer=False)
    return [e.to_dict() for e in step(doc).entities]


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(st.lists(SENTENCES, min_size=1, max_size=6).map(lambda ss: ". ".join(ss) + "."), st.integers(0, 10**6))
def test_step_equals_the_step_that_skips_nothing(monkeypatch: pytest.MonkeyPatch, text: str, seed: int) -> None:
    fast = _entities(text, _RandomTagger(seed))
    with monkeypatch.context() as m:
        _unskipped(m)
        plain = _entities(text, _RandomTagger(seed))
    assert fast == plain


@pytest.mark.parametrize("path", sorted(EXAMPLES.glob("*.txt")), ids=lambda p: p.stem)
def test_examples_equal_the_step_that_skips_nothing(monkeypatch: pytest.MonkeyPatch, path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    fast = _entities(text, _RandomTagger(len(text)))
    assert fast  # the examples name people, states and bodies
    with monkeypatch.context() as m:
        _unskipped(m)
        plain = _entities(text, _RandomTagger(len(text)))
    assert fast == plain
