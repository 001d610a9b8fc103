"""Coordinates for event locations, from the packaged knowledge base (places and states).

A stored event names its place by entity key (a KB id such as ``place:gaza-strip`` when the
entity was linked) and by canonical name; the key is tried first, then the name, then the
country's centroid, so an event in "جنوب لبنان" that the KB does not know still lands in
Lebanon. The knowledge base is loaded once, on the first map request.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class Point:
    lat: float
    lon: float
    how: str  # "kb", "name", "country"


@lru_cache(maxsize=1)
def _kb() -> Any:
    try:
        from marsad.entities.kb import KnowledgeBase

        return KnowledgeBase.load()
    except Exception as exc:  # noqa: BLE001 - the map degrades to "no coordinates"
        log.warning("knowledge base unavailable for the map: %s", exc)
        return None


def _coords(entry: Any) -> tuple[float, float] | None:
    if entry is None or entry.lat is None or entry.lon is None:
        return None
    return float(entry.lat), float(entry.lon)


@lru_cache(maxsize=4096)
def locate(key: str | None, name: str | None, country: str | None) -> Point | None:
    """Where a place is, or ``None`` when neither its key, name nor country is known."""
    kb = _kb()
    if kb is None:
        return None
    if key:
        c = _coords(kb.get(key))
        if c:
            return Point(*c, "kb")
    if name:
        for entry in kb.lookup(name):
            c = _coords(entry)
            if c:
                return Point(*c, "name")
    if country:
        c = _coords(kb.state(country.upper()))
        if c:
            return Point(*c, "country")
    return None
