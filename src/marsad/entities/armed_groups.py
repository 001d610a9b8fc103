"""Armed groups the knowledge base does not know: "حركة X", "جماعة X", "ميليشيا X", "كتائب X".

The recognizer rarely tags a small group's name ("وأعلنت حركة المجاهدين مسؤوليتها"), and the
words after a group noun are often common ones ("حركة السير" is traffic). So the group noun and
the one name after it count as an organisation only in a sentence that speaks of fighting
(an attack claimed, gunmen, clashes) a few words from the group noun. No country and no sector are guessed: the name alone says
neither. Known groups win over this candidate (it ranks with the recognizer's spans).
"""

from __future__ import annotations

import re

from marsad.document import Token
from marsad.entities.coref import NameSpan
from marsad.entities.kb import KnowledgeBase, token_heads, words
from marsad.entities.span_overlaps import Candidate
from marsad.normalize import match_key


def _keys(*ws: str) -> frozenset[str]:
    return frozenset(match_key(w) for w in ws)


#: Nouns that open an armed group's name (in construct: "حركة X", never "الحركة").
GROUP_NOUNS = _keys("حركة", "جماعة", "ميليشيا", "مليشيا", "ميليشيات", "مليشيات", "كتائب", "سرايا", "فصيل")

#: Substrings of the group nouns: a cheap test that a sentence may hold one.
_GROUP_STEMS = re.compile("حرك|جماع|ليشي|كتايب|كتائب|سرايا|فصيل")

#: Words of a sentence about fighting (match keys; a word counts when it starts with one).
#: Not "عناصر" (also "elements"), "مسيرة" (also a march) or "صاروخ" (also a space rocket).
_ARMED = tuple(sorted(_keys(
    "مسؤوليتها", "مسئوليتها", "تبنت", "تبنى", "هجوم", "الهجوم", "هجوما", "هجمات", "الهجمات", "بهجوم",
    "مسلح", "المسلح", "مسلحي", "مقاتل", "المقاتل", "لمقاتل", "اشتباك", "الاشتباك", "اشتبك",
    "المعارك", "معارك", "تفجير", "التفجير", "انتحاري", "الانتحاري", "بالصواريخ",
    "قذائف", "قصف", "كمين", "اغتيال", "اختطاف", "خطف", "قتال", "القتال", "سيطرت",
)))

#: How many words from the group noun a word about fighting may stand.
WINDOW = 8

#: Words after a group noun that are no name: adjectives of the noun and the generic fighters
#: ("جماعة مسلحة", "جماعة المسلحين"), and the common nouns of a movement ("حركة السير").
_NOT_NAMES = _keys(
    "مسلحة", "مسلحه", "المسلحين", "المسلحة", "مسلحون", "مسلحين", "متطرفة", "إرهابية", "ارهابية", "متشددة",
    "المتمردين", "المتمردة", "متمردة", "الإرهابيين", "الإرهابية", "المتطرفين", "المتشددين", "المعارضة",
    "المرتزقة", "المقاتلين", "تابعة", "موالية", "مدعومة", "محلية", "صغيرة", "كبيرة", "جديدة", "أخرى",
    "السير", "المرور", "النقل", "النزوح", "الهجرة", "اللجوء", "الاحتجاج", "الاحتجاجات", "التجارة",
    "الملاحة", "الطيران", "الأسواق", "الأسهم", "التداول", "الأموال", "التنقل", "البناء", "السفر",
    "الشارع", "التاريخ", "الإصلاح", "التغيير", "الجيش", "القوات", "الأمن", "الشرطة", "المعارك",
    "الاشتباكات", "القتال", "الطائرات", "السفن", "المسافرين", "الطلاب", "العمال", "المواطنين",
    "الناس", "السكان", "الحوار", "التحرير", "المقاومة", "الأنصار", "الضباط", "الجنود",
)

#: Particles: "الصلاة جماعة في المسجد" is prayer together, no group.
_PARTICLES = _keys(
    "في", "من", "إلى", "على", "عن", "مع", "ضد", "بين", "عند", "منذ", "حول", "خلال", "قبل", "بعد", "تحت",
    "فوق", "لدى", "كل", "بعض", "غير", "أو", "ثم", "لا", "لم", "لن", "قد", "إن", "أن", "كما", "هذه", "تلك",
)


def armed_context(toks: list[Token], k: int = 0, window: int | None = None) -> bool:
    """Whether the words around token ``k`` (the whole sentence when no ``window``) speak of fighting."""
    near = toks if window is None else toks[max(0, k - window) : k + window + 1]
    return any(t.norm.lstrip("وف").startswith(_ARMED) for t in near)


def group_names(kb: KnowledgeBase, text: str, toks: list[Token]) -> list[Candidate]:
    """"حركة المجاهدين", "ميليشيا فاطميون", "جماعة أنصار الإسلام": ORG candidates of unknown
    groups in a sentence about fighting (none elsewhere)."""
    if not _GROUP_STEMS.search(" ".join(t.norm for t in toks)) or not armed_context(toks):
        return []
    out: list[Candidate] = []
    for k in range(len(toks) - 1):
        noun = next(((s, key) for s, key in token_heads(toks[k], text) if key in GROUP_NOUNS), None)
        if noun is None or not armed_context(toks, k, WINDOW):
            continue
        j = _name_end(kb, toks, k + 1, text)
        if j is None:
            continue
        start, end = noun[0], toks[j - 1].end
        out.append((NameSpan(start, end, "ORG", words(text[start:end]), None, "ner"), k, j, "ner"))
    return out


def _name_end(kb: KnowledgeBase, toks: list[Token], i: int, text: str) -> int | None:
    """The end of the name that starts at token ``i``: one definite word ("المجاهدين"), a
    construct of two ("أنصار الإسلام"), or a plural nisba ("فاطميون"); None when the word is
    no name or a name the knowledge base knows (its own match will count)."""
    first = toks[i].norm
    if not first.isalpha() or first in _NOT_NAMES or first in _PARTICLES or kb.names.match_at(toks, i, text) is not None:
        return None
    if kb.adjectives.match_at(toks, i, text) is not None:
        return None  # "جماعة مصرية": a nationality, not a name
    if first.startswith("ال"):
        return i + 1 if len(first) > 4 else None
    nxt = toks[i + 1].norm if i + 1 < len(toks) else ""
    if nxt.startswith("ال") and len(nxt) > 4 and nxt not in _NOT_NAMES and not first.endswith("ه"):
        return i + 2  # "أنصار الإسلام", "جيش الفتح"
    if first.endswith(("يون", "يين")) and len(first) > 5:
        return i + 1  # "فاطميون", "زينبيون"
    return None
