"""A state written beside a name: before a person's ("والمصري محمد عبدالشافي", "المدرب
الجزائري عبد القادر عمراني", "الشاعر المصري الكبير عبدالرحمن الأبنودي"), after a body's
("شركة أكس جت الأمريكية").

The knowledge base does not know most people and firms a story names; the nationality adjective
beside the name is the story's own word on where they are from (a Saudi club's Tunisian player).
"""

from __future__ import annotations

import re

from marsad.entities.coref import NameSpan
from marsad.entities.kb import KnowledgeBase, words
from marsad.entities.role_words import bare

#: Words that may stand between the adjective and the name ("المصري الكبير").
_BETWEEN = frozenset({"كبير", "شهير", "راحل", "شاب", "دولي", "سابق", "مخضرم", "معروف"})
#: The one or two words before a name, with blanks only between (no comma: "الغرفة التونسية
#: الصينية، الطاهر بياحي" is the chamber's adjective).
#: People named by the body they serve ("رئيس الفيفا السويسري"): an adjective after the body may be theirs.
_HEADS = frozenset({"رييس", "مدرب", "مدير", "لاعب", "حارس", "نجم", "مهاجم", "سفير", "امين", "مراسل", "قايد"})
_WORD_AFTER = re.compile(r"[ \t]+([\u0621-\u064a]+)")
_WORDS_BEFORE = re.compile(r"(?:^|\s)([\u0621-\u064a]+)[ \t]+(?:([\u0621-\u064a]+)[ \t]+)?$")


def _adjective(kb: KnowledgeBase, word: str) -> str | None:
    """The country of a nationality adjective ("والمصري" too), None for a plural or another word."""
    for w in (word, word[1:] if word[:1] in {"و", "ف"} else None):
        adj = kb.adjective(w) if w else None
        if adj is not None and adj.form != "pl":
            return adj.country
    return None


def nationality_before(kb: KnowledgeBase, text: str, names: list[NameSpan]) -> None:
    """Give a person the knowledge base does not know the state of the adjective before his
    name, and a body the state of the adjective right after its name."""
    for n in names:
        if n.entry is not None or n.country is not None:
            continue
        if n.type == "ORG":
            after = _WORD_AFTER.match(text, n.end)
            before = _WORDS_BEFORE.search(text, max(0, n.start - 40), n.start)
            if before is not None and bare((words(before.group(2) or before.group(1)) or ("",))[-1]) in _HEADS:
                continue  # "رئيس الفيفا السويسري": the adjective is the president's
            country = _adjective(kb, after.group(1)) if after else None
            if country is not None:
                n.country = country  # "شركة أكس جت الأمريكية"
            continue
        if n.type != "PER":
            continue
        m = _WORDS_BEFORE.search(text, max(0, n.start - 40), n.start)
        if m is None:
            continue
        far, near = (m.group(1), m.group(2)) if m.group(2) else (None, m.group(1))
        country = _adjective(kb, near)
        if country is None and far is not None:
            ws = words(near)
            if len(ws) == 1 and bare(ws[0]) in _BETWEEN:
                country = _adjective(kb, far)
        if country is not None:
            n.country = country
