"""A lone office word right before a person's name: "الوزير اليحيا", "الوزيرة نجلاء المنقوش".

The title grammar drops a head with nothing after it ("الوزير" names no office), but set
before a name it is that person's title, as "الرئيس السيسي" is: a role mention of the man
named. Only the minister's word is read so (see :data:`BARE_HEADS`).
"""

from __future__ import annotations

import bisect

from marsad.document import Token
from marsad.entities.coref import NameSpan, RoleSpan
from marsad.entities.kb import token_heads
from marsad.entities.title_phrases import Role
from marsad.normalize import match_key

#: Definite office words read as a title before a person's name (key → bare head).
BARE_HEADS: dict[str, str] = {
    match_key(w): match_key(w[2:]).removesuffix("ه")
    for w in ["الوزير", "الوزيرة"]
}
# not "السفير"/"الأمير": before a name the gold reads them as honorifics ("السفير أحمد أبو زيد")


def bare_head_roles(toks: list[Token], text: str, names: list[NameSpan], starts: list[int], taken: list[Role]) -> list[RoleSpan]:
    """Role mentions for a lone office word right before a person's name, with that name as
    holder; none where a found role already covers the word."""
    busy = {k for r in taken for k in range(r.i, r.j)}
    out: list[RoleSpan] = []
    for k in range(len(toks) - 1):
        if k in busy or "وزير" not in toks[k].norm:
            continue
        hit = next(((s, key) for s, key in token_heads(toks[k], text) if key in BARE_HEADS), None)
        if hit is None:
            continue
        p = bisect.bisect_left(starts, toks[k + 1].start)
        if p >= len(names) or names[p].start != toks[k + 1].start or names[p].type != "PER":
            continue
        head = BARE_HEADS[hit[1]]
        role = Role(hit[0], toks[k].end, k, k + 1, "title", head, head=head, short=True)
        out.append(RoleSpan(role, p))
    return out
