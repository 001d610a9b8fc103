"""The fast paths give exactly what the plain code gives (speed work must not change output)."""

from __future__ import annotations

import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from marsad.clitics import (
    CONJ,
    FUNCTION_STEMS,
    PRONOUN_STEMS,
    SUFFIXES,
    _phrase_split,
    best_cuts,
    candidates,
    function_split,
    load_model,
    score,
)
from marsad.document import Document, Token
from marsad.entities.kb import _token_heads, token_heads
from marsad.entities.roles import Grammar
from marsad.events.triggers import Tok, document_tokens
from marsad.memo import trim, word_cache
from marsad.normalize import match_key
from marsad.segment import SegmentStep, tokens

FUNCTION_PREFIXES = ("", "و", "ف", "ل", "ب", "ول", "وب", "فل", "فب")


def _argmax_cuts(key: str) -> tuple[int, ...]:
    """What ``CliticModel.segment`` did before :func:`best_cuts`: build, score, keep the first best."""
    model = load_model()
    best: tuple[int, ...] = ()
    best_score = -math.inf
    for cand in candidates(key, model.freq):
        s = score(cand.features, model.weights)
        if s > best_score:
            best, best_score = cand.cuts, s
    return best


def _vocabulary(n: int) -> list[str]:
    model = load_model()
    words = [w for w, _ in zip(model.freq, range(n), strict=False)]
    variants = [p + w for w in words[:300] for p in ("و", "ب", "ل", "وس", "فل")]
    variants += [w + s for w in words[300:600] for s in ("ه", "ها", "هما", "ني", "كم")]
    return [k for k in words + variants if model.rule(k) is None]


def test_best_cuts_equals_building_every_candidate() -> None:
    model = load_model()
    keys = _vocabulary(2500)
    assert len(keys) > 3000
    diff = [k for k in keys if best_cuts(k, model.freq, model.weights) != _argmax_cuts(k)]
    assert diff == []


def _old_function_split(key: str) -> tuple[int, ...] | None:
    """``function_split`` as it was, with its prefix × suffix loop."""
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
        for suf in SUFFIXES:
            if suf != "ي" and rest.endswith(suf) and rest[: len(rest) - len(suf)] in FUNCTION_STEMS:
                return tuple(range(1, len(p) + 1)) + (len(key) - len(suf),)
    return None


def test_function_split_equals_the_suffix_loop() -> None:
    stems = sorted(FUNCTION_STEMS) + _vocabulary(1000)[:1000]
    keys = [p + s + suf for s in stems for p in FUNCTION_PREFIXES for suf in ("", *SUFFIXES)]
    assert [function_split(k) for k in keys] == [_old_function_split(k) for k in keys]
    assert function_split(match_key("عليهما")) == (3,)


_ARABIC = st.text(alphabet="وفبلكالسيهمنتةىأإآءرزدعغ ـ،.", min_size=1, max_size=60)


@settings(max_examples=60, deadline=None)
@given(_ARABIC)
def test_token_heads_memo_equals_direct_reading(text: str) -> None:
    toks = tokens(text)
    for tok in toks:
        assert token_heads(tok, text) == _token_heads(tok, text)
        assert token_heads(tok, text) is token_heads(tok, text)  # read once per token


def test_token_heads_follow_the_text_not_the_token_alone() -> None:
    # one Token object over two texts (same offsets, different letters): each text's own reading
    tok = Token(0, 5, match_key("للأمن"), ((0, 1), (1, 5)))
    a, b = "للأمن", "للأمم"
    assert token_heads(tok, a) == _token_heads(tok, a)
    assert token_heads(tok, b) == _token_heads(tok, b)
    assert token_heads(tok, a) != token_heads(tok, b)


@pytest.mark.parametrize(
    ("word", "kind", "head"),
    [("وزير", "title", "وزير"), ("ووزير", "title", "وزير"), ("نظيره", "counterpart", "نظير"),
     ("نظيرها", "counterpart", "نظير"), ("نظيرهما", "counterpart", "نظير"), ("الكتاب", None, None)],
)
def test_role_heads(word: str, kind: str | None, head: str | None) -> None:
    grammar = Grammar.load()
    text = f"{word} قال"
    tok = tokens(text)[0]
    got = grammar.head_at(tok, text)
    assert (got[1], got[2]) == (kind, head) if kind else got is None


def test_event_tokens_keep_their_fields() -> None:
    doc = SegmentStep()(Document(id="t", text="وأدانت الوزارة، الهجوم بالصواريخ."))
    toks = document_tokens(doc)
    assert [t.key for t in toks] == [t.norm for t in doc.tokens]
    assert toks[0] == Tok(toks[0].start, toks[0].end, toks[0].key, False, True, False)
    assert toks[1].teh  # الوزارة ends in ة
    assert not toks[2].is_word  # the comma


def test_word_cache_is_bounded_by_trim() -> None:
    calls: list[str] = []

    @word_cache(3)
    def upper(w: str) -> str:
        calls.append(w)
        return w.upper()

    assert [upper(w) for w in "abca"] == ["A", "B", "C", "A"]
    assert calls == ["a", "b", "c"]  # the second "a" was a hit
    trim(upper)  # three entries: full, emptied
    assert upper("a") == "A" and calls[-1] == "a"
    trim(upper)  # one entry: kept
    upper("a")
    assert calls.count("a") == 2
