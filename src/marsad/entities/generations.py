"""A son named after his father: "دونالد ترامب جونيور", "جورج بوش الابن" / "جورج بوش الأب".

The knowledge base knows the father's name, and the rest of a document's "ترامب" would join
whoever bears it; a generation word after the name makes it another person. The word joins the
name (the span grows over it), the knowledge-base link is dropped (it names the father, or for
"الأب" and "الابن" alike we cannot tell which of two namesakes it means), and the longer name no
longer ends with the family name, so later short mentions do not join it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from marsad.entities.coref import NameSpan
from marsad.entities.kb import words

#: Generation words after a person's name.
_GENERATION = re.compile(r"[ \t]+(جونيور|جونير|الابن|الإبن|الأب)(?![\u0621-\u064a])")

#: Words after "الابن"/"الأب" that make it a description ("جمال مبارك الابن الأصغر للرئيس").
_DESCRIPTION = re.compile(r"[ \t]+(الأكبر|الأصغر|البكر|الثاني|الثالث|الوحيد|الروحي|الأوسط|ل|لل)")


def mark_generations(text: str, names: Sequence[NameSpan]) -> None:
    """Grow each person's name over a generation word after it (in place); the name already
    ending with one (the recognizer took it) is marked alike."""
    for n in names:
        if n.type != "PER":
            continue
        if n.words and n.words[-1] in _KEYS:
            _unlink(n, text)
            continue
        m = _GENERATION.match(text, n.end)
        if m is None:
            continue
        if m.group(1) not in {"جونيور", "جونير"} and _DESCRIPTION.match(text, m.end()):
            continue  # "الابن الأصغر للرئيس": his son, described
        n.end = m.end()
        _unlink(n, text)


_KEYS = frozenset(words("جونيور جونير الابن الأب"))


def _unlink(n: NameSpan, text: str) -> None:
    n.words = words(text[n.start : n.end])
    n.entry, n.country, n.actor, n.same_as = None, None, None, None
