"""Property tests: tokens and sentences are well-formed offsets into any text."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from marsad.document import Document
from marsad.segment import SegmentStep

ARABIC = [chr(c) for c in range(0x0621, 0x064B) if c != 0x0640]
ALPHABET = (
    ARABIC * 5
    + list("کیۀ")
    + ["\u064e", "\u0651", "\u0652", "\u0670", "\u0640", "\u200c", "\u200f", "\u202b", "\ufefb", "\ufdf2"]
    + list("0123456789٠١٢٣٫٬.,،؛؟!?;:«»\"'()-/@#_*%")
    + list("  \n\t\u00a0")
    + list("abcXYZ")
)
texts = st.text(alphabet=st.sampled_from(ALPHABET), max_size=120)


@settings(max_examples=300, deadline=None)
@given(texts)
def test_tokens_tile_and_never_overlap(text: str) -> None:
    doc = SegmentStep()(Document(id="x", text=text))
    doc.check_offsets()
    prev_end = 0
    for t in doc.tokens:
        assert 0 <= prev_end <= t.start < t.end <= len(text)
        assert not text[t.start : t.end].isspace()
        prev_end = t.end
        # parts tile the token exactly: no gap, no overlap, nothing empty
        assert t.parts[0][0] == t.start and t.parts[-1][1] == t.end
        for (a, b), (c, _) in zip(t.parts, t.parts[1:], strict=False):
            assert a < b == c
        assert t.parts[-1][0] < t.parts[-1][1]
    # everything that is not whitespace is inside some token
    covered = {i for t in doc.tokens for i in range(t.start, t.end)}
    assert all(text[i].isspace() or i in covered for i in range(len(text)))


@settings(max_examples=300, deadline=None)
@given(texts)
def test_sentences_are_ordered_trimmed_and_hold_every_token(text: str) -> None:
    doc = SegmentStep()(Document(id="x", text=text))
    prev_end = 0
    for s in doc.sentences:
        chunk = text[s.start : s.end]
        assert prev_end <= s.start < s.end
        assert chunk == chunk.strip()
        assert "\n" not in chunk
        prev_end = s.end
    for t in doc.tokens:
        i = doc.sentence_index(t.start)
        assert i is not None
        assert doc.sentences[i].end >= t.end
