"""Word-level facts the title and body grammar shares: how title words compare (:func:`bare`),
the article (:func:`has_article`, :func:`swallowed_article`), "at that time" (:func:`past_time`),
and the ``OPENS_*`` bits of what can begin at a token (:meth:`~marsad.entities.roles.Grammar.openings`).
"""

from __future__ import annotations

from collections.abc import Sequence

from marsad.document import Token
from marsad.entities.kb import token_heads
from marsad.memo import word_cache
from marsad.normalize import match_key

#: Words that begin with ال but are no definite noun: after "الحركة" they do not make it a name.
NOT_DEFINITE = frozenset(
    match_key(w) for w in ["إلى", "التي", "الذي", "الذين", "اللذين", "اللتين", "اللتان", "اللذان", "اللاتي", "اللواتي", "الا", "إلا"]
)
PUNCT_APPOSITION = frozenset({"،", ",", '"', "«", "»", "“", "”", "'", "‘", "’", "(", ")", ":", "-", "–"})
#: At most this many tokens make one title or body phrase.
MAX_CHAIN = 12

# What can begin at a token, one bit each (:meth:`~marsad.entities.roles.Grammar.openings`): a
# scan over a sentence looks only where its bit is set. Each bit is a necessary condition read
# from the token's readings alone, so skipping the other tokens changes no result.
OPENS_NAME = 1  # a knowledge-base name (kb.names)
OPENS_ADJECTIVE = 2  # a nationality adjective (kb.adjectives)
OPENS_ROLE = 4  # a role: honorific, fixed title or head (:meth:`Grammar.may_start_role`)
OPENS_BODY = 8  # an organisation or facility phrase (:func:`body_phrases.body_at`)
OPENS_SIDE = 16  # "الجانب ..." (:meth:`Grammar.side_at`)
OPENS_NOMINAL = 32  # "الوزارة" (:meth:`Grammar.nominal_at`)
OPENS_EPITHET = 64  # "العدو", "المقاومة" (roles.json epithets)
OPENS_STORY = 128  # "قوات النظام" (roles.json story_names)


@word_cache(200_000)
def bare(key: str) -> str:
    """A word key without ب/ل/ك + article and the article itself: how title words compare.

    A leading و/ف is left alone ("وزراء"): :func:`token_heads` peels conjunctions first.
    """
    if key.startswith("لل") and len(key) > 3:
        return key[2:]
    if len(key) > 3 and key[0] in "بلك" and key[1:3] == "ال":
        key = key[1:]
    if key.startswith("ال") and len(key) > 3:
        key = key[2:]
    return key


def swallowed_article(tok: Token) -> bool:
    """Whether ل swallowed the article of the token ("للقوات", "وللأمم"): the project's gold marks
    no mention in such a word (tests/gold/README.md), whatever follows it."""
    n = tok.norm
    if n[:1] in "وف" and n[1:3] == "لل":
        n = n[1:]
    return n.startswith("لل") and len(n) > 4 and not n.startswith("لله")


def has_article(tok: Token, text: str) -> bool:
    """Whether the token carries the article (proclitics aside): it then takes no genitive."""
    return any(key.startswith("ال") and len(key) > 3 for _, key in token_heads(tok, text))


#: "في حينه", "آنذاك": the office at the time told, not now.
_THEN = frozenset(match_key(w) for w in ["آنذاك", "انذاك", "حينها", "حينذاك", "وقتها", "وقتئذ"])
_THEN_AFTER_FI = frozenset(match_key(w) for w in ["حينه", "حينها", "وقته", "وقتها", "ذلك الوقت"])


def past_time(tokens: Sequence[Token], j: int) -> int:
    """How many tokens at ``j`` say "at that time" ("آنذاك", "في حينه"); 0 when none."""
    if j < len(tokens) and tokens[j].norm in _THEN:
        return 1
    if j + 1 < len(tokens) and tokens[j].norm == "في" and tokens[j + 1].norm in _THEN_AFTER_FI:
        return 2
    return 0
