"""Property tests: every normalized character maps back into the source, and keys are stable."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from marsad.alignment import OffsetMap
from marsad.normalize import display, display_text, match_key, match_key_map, seg_key

ARABIC = [chr(c) for c in range(0x0621, 0x064B) if c != 0x0640]  # letters, no tatweel
PERSIAN = list("کڪیەہھۀۃےپچژگ")
MARKS = [chr(c) for c in range(0x064B, 0x0653)] + ["\u0670", "\u0654", "\u06e1", "\u0615"]
INVISIBLE = list("\u0640\u200b\u200c\u200d\u200e\u200f\u061c\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u00a0\u202f\ufeff")
PRESENTATION = [chr(c) for c in (0xFEFB, 0xFEF5, 0xFE8D, 0xFEE1, 0xFB8E, 0xFBFC, 0xFBFE, 0xFDF2, 0xFDFC, 0xFE70, 0xFE71, 0xFDFA)]
DIGITS = list("0123456789٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹٫٬")
OTHER = list(" \n.,:!؟،؛«»\"*") + list("AbCzÉİßẞ")

arabic_heavy = st.text(
    alphabet=st.sampled_from(ARABIC * 4 + PERSIAN + MARKS + INVISIBLE + PRESENTATION + DIGITS + OTHER),
    max_size=60,
)


def _check_map(source: str, m: OffsetMap) -> None:
    assert m.source_length == len(source)
    assert len(m.starts) == len(m.ends) == len(m.text)
    for s, e in zip(m.starts, m.ends, strict=True):
        assert 0 <= s < e <= len(source)  # every derived char comes from a real source char
    assert list(m.starts) == sorted(m.starts)  # monotonic
    assert list(m.ends) == sorted(m.ends)


@settings(max_examples=300, deadline=None)
@given(arabic_heavy)
def test_display_maps_into_source(text: str) -> None:
    m = display(text)
    _check_map(text, m)
    assert m.text == display_text(text)


@settings(max_examples=300, deadline=None)
@given(arabic_heavy)
def test_match_key_map_agrees_with_fast_path(text: str) -> None:
    m = match_key_map(text)
    _check_map(text, m)
    assert m.text == match_key(text)
    assert len(seg_key(text)) == len(m.text)


@settings(max_examples=300, deadline=None)
@given(arabic_heavy)
def test_keys_are_idempotent(text: str) -> None:
    key = match_key(text)
    assert match_key(key) == key
    assert seg_key(seg_key(text)) == seg_key(text)
    assert display_text(display_text(text)) == display_text(text)
    assert match_key(display_text(text)) == key


@settings(max_examples=300, deadline=None)
@given(arabic_heavy, st.data())
def test_derived_span_maps_back_consistently(text: str, data: st.DataObject) -> None:
    """A derived span maps to a source span whose own derived text contains it."""
    for m in (display(text), match_key_map(text)):
        n = len(m.text)
        i = data.draw(st.integers(0, n))
        j = data.draw(st.integers(i, n))
        s, e = m.to_source(i, j)
        assert 0 <= s <= e <= len(text)
        if i < j:
            a, b = m.to_derived(s, e)
            assert a <= i and j <= b
            # the source slice, normalized on its own, yields the derived slice (display
            # decides a final Persian yeh from context, so compare its keys)
            assert match_key(m.text[i:j]) in match_key(text[s:e])


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from(ARABIC + MARKS + list(" .،\n")), max_size=60))
def test_plain_arabic_display_is_identity(text: str) -> None:
    m = display(text)
    assert m.text == text
    assert m.starts == tuple(range(len(text)))
