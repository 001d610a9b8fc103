"""The words around a name that say what it names.

A place noun before it ("مدينة", "بمحافظة") makes it a place; an outlet or club word
("صحيفة", "نادي") an outlet; an organisation word ("تنظيم") an armed group; a company word
("شركة") a maker; a definite noun before a state's name makes that name the noun's
nationality adjective ("القوات السعودية").
"""

from __future__ import annotations

from marsad.document import Token
from marsad.entities.kb import KBEntry, KnowledgeBase, token_heads, words
from marsad.entities.role_words import NOT_DEFINITE, bare
from marsad.entities.roles import Grammar
from marsad.normalize import match_key

#: Words that make the next name a place: lets a geonames-only name count.
PLACE_CUES = frozenset(
    match_key(w)
    for w in ["مدينة", "بلدة", "قرية", "محافظة", "منطقة", "مخيم", "ولاية", "إقليم", "مديرية", "قضاء", "ناحية", "حي", "مقاطعة", "ضاحية"]
)

#: Words after which a place name names an outlet or a club: "صحيفة القدس", "نادي برشلونة".
OUTLET_CUES = frozenset(
    match_key(w)
    for w in ["صحيفة", "جريدة", "مجلة", "نادي"]
)

#: Nouns that say "the place named before" when they stand alone with the article ("المدينة").
GENERIC_PLACES = PLACE_CUES | {match_key("عاصمة")}

#: Tokens that open a quotation or a parenthesis: a cue word may stand before them.
_OPEN_QUOTES = frozenset({'"', "«", "“", "'", "(", "''"})


def cue_before(toks: list[Token], i: int, text: str) -> str | None:
    """The place noun right before token ``i`` ("مدينة", "بمحافظة" → "محافظه"), past an opening
    quote ("بمحافظة «عمران»"), if any."""
    k = i - 1
    if k >= 0 and toks[k].norm in _OPEN_QUOTES:
        k -= 1
    if k < 0:
        return None
    return next((key for _, key in token_heads(toks[k], text) if key in PLACE_CUES), None)


def after_org_word(grammar: Grammar, toks: list[Token], i: int, text: str) -> bool:
    """Whether token ``i`` follows "تنظيم"/"عناصر"/"لتنظيم" (past an opening quote)."""
    k = _before_quotes(toks, i)
    return k >= 0 and any(bare(key) in grammar.org_cues for _, key in token_heads(toks[k], text))


def after_outlet_word(toks: list[Token], i: int) -> bool:
    """Whether token ``i`` follows "صحيفة"/"قناة"/"نادي" (past an opening quote)."""
    k = _before_quotes(toks, i)
    return k >= 0 and bare(toks[k].norm) in OUTLET_CUES


def _before_quotes(toks: list[Token], i: int) -> int:
    """The last token before token ``i`` that is no opening quote (-1 when there is none)."""
    k = i - 1
    while k >= 0 and toks[k].norm in _OPEN_QUOTES:
        k -= 1
    return k


def company_word_beside(grammar: Grammar, toks: list[Token], i: int, j: int, text: str) -> bool:
    """Whether "شركة"/"سيارة" stands before tokens ``[i, j)`` or "موتور" after: "نيسان" the maker."""
    before = i > 0 and any(bare(key) in grammar.company_cues for _, key in token_heads(toks[i - 1], text))
    return before or (j < len(toks) and bare(toks[j].norm) in grammar.company_cues)


def definite_noun(tok: Token, text: str, kb: KnowledgeBase) -> bool:
    """Whether a token is a definite common noun ("المسؤولين", "للمواطنين"): a plural nationality
    after it is its adjective. Names and nationality words are not."""
    key = tok.norm
    if key[:1] in "وف" and key[1:3] in {"ال", "لل"}:
        key = key[1:]
    return (key.startswith("ال") or key.startswith("لل")) and len(key) > 3 and key not in NOT_DEFINITE and (
        kb.names.match_at([tok], 0, text) is None and kb.adjectives.match_at([tok], 0, text) is None
    )


def adjective_after_noun(kb: KnowledgeBase, toks: list[Token], i: int, text: str, end: int) -> bool:
    """Whether a state's name at token ``i`` is the nationality adjective of the definite noun before
    it ("القوات السعودية", "للقوات البرية السعودية"): the same word, after a noun with the article."""
    adj = kb.adjective(text[toks[i].start : end])
    if adj is None or adj.form == "pl":
        return False
    prev = toks[i - 1].norm
    return (prev.startswith("ال") or prev.startswith("لل")) and prev not in NOT_DEFINITE and len(prev) > 3 and (
        kb.names.match_at(toks, i - 1, text) is None and kb.adjectives.match_at(toks, i - 1, text) is None
    )


def quoted_outlet(kb: KnowledgeBase, toks: list[Token], i: int, j: int, text: str) -> KBEntry | None:
    """The outlet whose short name is a place name written in guillemets: "لـ«الشرق الأوسط»"."""
    if i == 0 or j >= len(toks) or toks[i - 1].norm not in {"«", '"', "“"} or toks[j].norm not in {"»", '"', "”"}:
        return None
    name = words(text[toks[i].start : toks[j - 1].end])
    for entry in kb.lookup("صحيفة " + " ".join(name)) or kb.lookup("جريدة " + " ".join(name)):
        if entry.sector == "MED":
            return entry
    return None
