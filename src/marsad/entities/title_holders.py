"""A title holder set off by commas after the title's complement:
"نائب حركة النهضة عن ولاية سوسة، العجمي الوريمي، ...".

The title phrase ends before "عن ولاية سوسة" or "في حكومة الوفاق", so the name is not right
after it; a name closed by a second comma a few words on is still the title's holder (the
commas mark an apposition, not a new clause).
"""

from __future__ import annotations

import bisect

from marsad.document import Token
from marsad.entities.coref import NameSpan
from marsad.normalize import match_key

#: Most words between the title phrase's end and the comma before the name.
MAX_COMPLEMENT = 6

_COMMAS = frozenset({"،", ","})

#: Words that open a clause: past one, the name after the comma is no apposition.
_CLAUSE = frozenset(match_key(w) for w in ["إن", "أن", "قال", "وقال", "أكد", "وأكد", "الذي", "التي", "و", "حيث", "بينما", "لكن"])


def holder_past_complement(j: int, toks: list[Token], names: list[NameSpan], starts: list[int]) -> int | None:
    """The index of the person named between two commas after the title's complement; ``j``
    is the token after the title phrase (None when the words there are no complement)."""
    k = j
    while k < len(toks) and k - j <= MAX_COMPLEMENT and toks[k].norm not in _COMMAS:
        if toks[k].norm in _CLAUSE or not toks[k].norm.isalpha():
            return None
        k += 1
    if k == j or k >= len(toks) - 2 or toks[k].norm not in _COMMAS:
        return None
    nxt = toks[k + 1]
    n = bisect.bisect_left(starts, nxt.start)
    if n >= len(names) or names[n].start != nxt.start or names[n].type != "PER":
        return None
    after = bisect.bisect_left([t.start for t in toks], names[n].end)
    return n if after < len(toks) and toks[after].norm in _COMMAS else None
