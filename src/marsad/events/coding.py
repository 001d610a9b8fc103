"""CAMEO → PLOVER coding, read from the table derived from the PLOVER project (CC BY-SA 4.0).

Every lexicon row names a CAMEO code; its PLOVER type, mode and context come from
``resources/events/cameo_plover.tsv`` unless the row overrides them, so the two codes of an
event never disagree by accident. Actor codes come from the entities (CAMEO-style ``actor``,
else the ISO country).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from marsad.document import Entity

PLOVER_TYPES = (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
)


@dataclass(frozen=True, slots=True)
class Code:
    cameo: str
    plover: str
    mode: str | None
    context: str | None
    description: str


@lru_cache(maxsize=1)
def cameo_table() -> dict[str, Code]:
    """CAMEO code → :class:`Code`, loaded once."""
    text = resources.files("marsad").joinpath("resources", "events", "cameo_plover.tsv").read_text("utf-8")
    out: dict[str, Code] = {}
    for ln in text.splitlines()[1:]:
        if not ln.strip():
            continue
        cameo, plover, mode, context, desc, _origin = (ln.split("\t") + [""] * 6)[:6]
        out[cameo] = Code(cameo, plover, mode.strip() or None, context.strip() or None, desc)
    return out


def lookup(cameo: str) -> Code | None:
    """The code itself, else its nearest listed ancestor (1823 → 182 → 18)."""
    table = cameo_table()
    for n in range(len(cameo), 1, -1):
        c = table.get(cameo[:n])
        if c is not None:
            return c
    return None


def code_event(cameo: str, plover: str | None = None, mode: str | None = None) -> tuple[str, str | None]:
    """(PLOVER type, mode) for a CAMEO code, with the lexicon's overrides applied."""
    c = lookup(cameo)
    if plover is None:
        if c is None:
            raise ValueError(f"CAMEO code {cameo!r} is not in the CAMEO→PLOVER table")
        plover = c.plover
    if plover not in PLOVER_TYPES:
        raise ValueError(f"{plover!r} is not a PLOVER event type")
    if mode is None and c is not None and c.plover == plover:
        mode = c.mode
    return plover, mode


def actor_code(entity: Entity | None) -> str | None:
    """The CAMEO-style actor code of an entity: its ``actor``, else its country."""
    if entity is None:
        return None
    return entity.actor or entity.country
