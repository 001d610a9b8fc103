"""Offset maps between a derived string (normalized, display form) and ``Document.text``.

A derived string is built character by character from the source; for each derived character we
keep the source span it came from. A deletion (tatweel, a bidi mark) leaves no derived
character; an expansion (a ligature such as ﻻ → لا) gives several derived characters that share
one source span. So every derived offset maps back into the source, and every source offset
maps forward to the nearest derived position.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class OffsetMap:
    """``starts[i]``/``ends[i]``: the source span of derived character ``i``."""

    text: str  # the derived string
    source_length: int
    starts: tuple[int, ...]
    ends: tuple[int, ...]

    @classmethod
    def identity(cls, text: str) -> OffsetMap:
        n = len(text)
        return cls(text, n, tuple(range(n)), tuple(range(1, n + 1)))

    def to_source(self, start: int, end: int) -> tuple[int, int]:
        """Map a derived span ``[start, end)`` to the smallest source span covering it."""
        if not (0 <= start <= end <= len(self.text)):
            raise ValueError(f"span [{start}, {end}) outside derived text of {len(self.text)}")
        if start == end:
            pos = self.starts[start] if start < len(self.starts) else self.source_length
            return pos, pos
        return self.starts[start], self.ends[end - 1]

    def to_derived(self, start: int, end: int) -> tuple[int, int]:
        """Map a source span to the derived characters that come from inside it."""
        i = bisect_left(self.starts, start)
        j = bisect_right(self.ends, end)
        return i, max(i, j)


class MapBuilder:
    """Accumulates derived characters with their source spans."""

    __slots__ = ("_chars", "_starts", "_ends")

    def __init__(self) -> None:
        self._chars: list[str] = []
        self._starts: list[int] = []
        self._ends: list[int] = []

    def add(self, chars: str, start: int, end: int) -> None:
        for c in chars:
            self._chars.append(c)
            self._starts.append(start)
            self._ends.append(end)

    def build(self, source_length: int) -> OffsetMap:
        return OffsetMap("".join(self._chars), source_length, tuple(self._starts), tuple(self._ends))
