"""Story-level events: one event reported by many articles counts once.

Two event reports belong to the same story when they have the same PLOVER type, the same
source and target (actor code, else the entity's KB id or type + canonical match key; the pair
is unordered for symmetric events such as MEET), dates at most one day from the story's first
date, and compatible places (equal, or one of them unknown; a story takes the first known
place). Reports are taken in (date, document, event) order, so the grouping is deterministic
and the same whatever engine stored them.

Negated reports and reports that are not asserted ("will visit", "if they attack", "demanded
that") describe nothing that happened: they belong to no story. Reports with no date, or with
neither actor nor place, cannot be matched safely and form a story of their own.

No SQL here: the repository reads the reports, calls :func:`group`, and writes the stories.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

__all__ = ["Report", "Story", "group", "story_key", "WINDOW_DAYS"]

WINDOW_DAYS = 1


@dataclass(frozen=True, slots=True)
class Report:
    """One stored event as story grouping sees it."""

    doc: int
    event: str
    plover: str
    date: str | None
    source_key: str | None
    target_key: str | None
    location_key: str | None
    source_name: str | None = None
    target_name: str | None = None
    location_name: str | None = None
    outlet: str | None = None
    symmetric: bool = False
    negated: bool = False
    modality: str = "asserted"


@dataclass(slots=True)
class Story:
    plover: str
    anchor: int | None  # date ordinal of the first report
    source_key: str | None
    target_key: str | None
    location_key: str | None
    source_name: str | None
    target_name: str | None
    location_name: str | None
    dates: list[str] = field(default_factory=list)
    reports: list[tuple[int, str]] = field(default_factory=list)
    outlets: set[str] = field(default_factory=set)

    @property
    def date_first(self) -> str | None:
        return min(self.dates) if self.dates else None

    @property
    def date_last(self) -> str | None:
        return max(self.dates) if self.dates else None

    @property
    def articles(self) -> int:
        return len({d for d, _ in self.reports})


def _ordinal(date: str | None) -> int | None:
    if not date:
        return None
    try:
        return dt.date.fromisoformat(date[:10]).toordinal()
    except ValueError:
        return None


def happened(r: Report) -> bool:
    return not r.negated and r.modality == "asserted"


StoryKey = tuple[str, str | None, str | None]


def story_key(plover: str, source_key: str | None, target_key: str | None, symmetric: bool) -> StoryKey:
    """What two reports must share to be one story: the type and the (ordered, or for a
    symmetric event unordered) actor pair. Reports with different keys never share a story,
    so the stories of one key can be regrouped alone."""
    if symmetric and (source_key or "") > (target_key or ""):
        source_key, target_key = target_key, source_key
    return plover, source_key, target_key


def group(reports: Iterable[Report]) -> list[tuple[Story, list[Report]]]:
    """Stories in the order they were opened, each with its reports."""
    items = sorted(
        (r for r in reports if happened(r)), key=lambda r: (r.date or "9999", r.doc, r.event)
    )
    stories: list[tuple[Story, list[Report]]] = []
    open_by_key: dict[tuple[str, str | None, str | None], list[int]] = defaultdict(list)
    for r in items:
        key = story_key(r.plover, r.source_key, r.target_key, r.symmetric)
        _, src, tgt = key
        if src != r.source_key or tgt != r.target_key:
            r_src_name, r_tgt_name = r.target_name, r.source_name
        else:
            r_src_name, r_tgt_name = r.source_name, r.target_name
        day = _ordinal(r.date)
        matchable = day is not None and (src or tgt or r.location_key)
        chosen: int | None = None
        if matchable:
            for i in open_by_key[key]:
                s = stories[i][0]
                if s.anchor is None or abs(day - s.anchor) > WINDOW_DAYS:  # type: ignore[operator]
                    continue
                if r.location_key and s.location_key and r.location_key != s.location_key:
                    continue
                chosen = i
                break
        if chosen is None:
            story = Story(r.plover, day, src, tgt, r.location_key, r_src_name, r_tgt_name, r.location_name)
            stories.append((story, []))
            chosen = len(stories) - 1
            if matchable:
                open_by_key[key].append(chosen)
        story, members = stories[chosen]
        if story.location_key is None and r.location_key:
            story.location_key, story.location_name = r.location_key, r.location_name
        story.source_name = story.source_name or r_src_name
        story.target_name = story.target_name or r_tgt_name
        if r.date:
            story.dates.append(r.date)
        story.reports.append((r.doc, r.event))
        if r.outlet:
            story.outlets.add(r.outlet)
        members.append(r)
    return stories
