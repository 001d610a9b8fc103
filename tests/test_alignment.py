"""OffsetMap: derived text positions map back into the source, and forward again."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from marsad.alignment import MapBuilder, OffsetMap


def _drop_tatweel_expand_lam_alef(src: str) -> OffsetMap:
    b = MapBuilder()
    for i, c in enumerate(src):
        if c == "ـ":
            continue
        b.add("لا" if c == "ﻻ" else c, i, i + 1)
    return b.build(len(src))


def test_identity_map() -> None:
    m = OffsetMap.identity("موسكو")
    assert m.to_source(1, 3) == (1, 3)
    assert m.to_derived(1, 3) == (1, 3)


def test_deletion_and_expansion_map_back() -> None:
    src = "الـسـلام ﻻ"
    m = _drop_tatweel_expand_lam_alef(src)
    assert m.text == "السلام لا"
    s, e = m.to_source(0, 6)
    assert src[s:e] == "الـسـلام"
    s, e = m.to_source(7, 9)
    assert src[s:e] == "ﻻ"
    # half of an expansion still maps to the whole source character
    assert m.to_source(7, 8) == (9, 10)


@given(st.text(alphabet="ابتـﻻ سم", max_size=40), st.data())
def test_every_derived_span_maps_inside_source(src: str, data: st.DataObject) -> None:
    m = _drop_tatweel_expand_lam_alef(src)
    n = len(m.text)
    a = data.draw(st.integers(0, n))
    b = data.draw(st.integers(a, n))
    s, e = m.to_source(a, b)
    assert 0 <= s <= e <= len(src)
    # what the derived span shows is what the source span gives, after the same derivation
    assert m.text[a:b] in _drop_tatweel_expand_lam_alef(src[s:e]).text
