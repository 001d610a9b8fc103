"""Which states a story is about, and what that settles.

The dateline's or signing agency's state, the states the story's known names point to most,
and from them: the reading of a place name several states share ("طرابلس"), the referent of a
story name ("قوات النظام"), and the country of bodies named without one ("وزارة الصحة في
القطاع", "القوات الأمنية", "المتظاهرون").
"""

from __future__ import annotations

from dataclasses import dataclass

from marsad.document import Document
from marsad.entities.coref import NameSpan
from marsad.entities.kb import ARAB_STATES, KnowledgeBase
from marsad.entities.role_words import bare
from marsad.entities.span_overlaps import Candidate

#: Agencies and outlets that report the world from abroad: their country is not the story's.
INTERNATIONAL_AGENCIES = frozenset(
    {"afp", "reuters", "ap", "dpa", "xinhua", "efe", "anadolu", "sputnik", "rt", "ansa", "upi", "kyodo",
     "tass", "ria", "bbc", "aljazeera", "alarabiya", "cnn", "france24", "dw", "skynews-arabia"}
)


@dataclass(frozen=True, slots=True)
class StoryStates:
    """The states a lone "البلاد" or "المملكة" may stand for: ``own``, the story's state where its
    dateline or agency names one; ``local``, the story's state however found; ``about``, the states
    its names point to most."""

    own: str | None
    local: str | None
    about: set[str]


def home_state(kb: KnowledgeBase, doc: Document) -> str | None:
    """Where a "وزارة التربية" or a "وزير التربية" with no nationality is: the country of the
    dateline's place, else of a national news agency that signs the story ("(وات)" → Tunisia)."""
    signer = None
    for name in (doc.dateline.agency if doc.dateline else None, doc.source.outlet):
        if not name:
            continue
        entry = kb.by_slug(name.strip().lower()) or next(iter(kb.lookup(name)), None)
        if entry is not None and entry.sector == "MED" and entry.slug not in INTERNATIONAL_AGENCIES:
            signer = entry.country
            break
    if doc.dateline is not None and doc.dateline.location:
        hits = [h for h in kb.lookup(doc.dateline.location) if h.country and not h.weak]
        if hits:
            # "طرابلس (وال)": of the towns the name reads, the one in the signing agency's state
            return next((h.country for h in hits if h.country == signer), hits[0].country)
    return signer


def _story_counts(sent_cands: list[list[Candidate]], extra: dict[str, int] | None = None) -> dict[str, int]:
    """How often the story's known names (KB entries and bodies) point to each state, plus
    ``extra`` (states named by their adjective beside a place, :mod:`~marsad.entities.place_states`).
    An armed group counts once however often it is named: it fights beyond its state's borders
    ("بوكو حرام" in a Cameroon story)."""
    counts: dict[str, int] = dict(extra or {})
    groups: set[str] = set()
    for cands in sent_cands:
        for span, _i, _j, source in cands:
            if source in {"kb", "body"}:
                entry = span.entry
                country = entry.country if entry is not None else span.country
                if entry is not None and entry.sector == "REB":
                    if entry.id in groups:
                        continue
                    groups.add(entry.id)
                if country:
                    counts[country] = counts.get(country, 0) + 1
    return counts


def _story_top(
    sent_cands: list[list[Candidate]], extra: dict[str, int] | None = None
) -> tuple[dict[str, int], str | None]:
    """How often the story's known names point to each state, and the most named one."""
    counts = _story_counts(sent_cands, extra)
    top = max(counts, key=lambda c: counts[c]) if counts else None
    return counts, top


def states_about(sent_cands: list[list[Candidate]], extra: dict[str, int] | None = None) -> set[str]:
    """The states a story is about: those its known names point to at least twice and at least
    half as often as the most named one."""
    counts = _story_counts(sent_cands, extra)
    if not counts:
        return set()
    top = max(counts.values())
    return {c for c, n in counts.items() if n >= 2 and 2 * n >= top}


def _names_of(sent_cands: list[list[Candidate]], country: str) -> int:
    """How many different known names of the story point to ``country`` ("مصر" twice is one)."""
    seen = set()
    for cands in sent_cands:
        for span, _i, _j, source in cands:
            if source in {"kb", "body"} and (span.entry.country if span.entry is not None else span.country) == country:
                seen.add(span.entry.id if span.entry is not None else span.body_key or span.words)
    return len(seen)


def local_state(
    home: str | None,
    sent_cands: list[list[Candidate]],
    extra: dict[str, int] | None = None,
    capitals: set[str] | None = None,
) -> str | None:
    """The state a body named without its country belongs to ("القوات الأمنية"): the dateline's
    when the story names it, else the state the story names most (a Gulf outlet's Congo story);
    in a short story with no dateline, the one state it names, if it is an Arab state named by
    two names ("عمان", "الزرقاء") or as the place of the story's capital ("العاصمة الجزائرية"):
    a story of a place abroad names that state alone too (a Saudi club's camp "في مصر")."""
    counts, top = _story_top(sent_cands, extra)
    if home is not None and (counts.get(home, 0) >= 2 or top is None):
        return home  # named beyond the dateline
    if top is not None and home is None and sum(counts.values()) < 3:
        one = len(counts) == 1 and top in ARAB_STATES and (_names_of(sent_cands, top) >= 2 or top in (capitals or ()))
        return top if one else None  # too few names to tell
    return top if top is not None and counts[top] >= 2 else home


def place_readings(sent_cands: list[list[Candidate]], about: set[str], own: str | None = None) -> None:
    """"طرابلس" in a Libya story is Tripoli of Libya: of the places one name reads, the one in a
    state the story is about (the first reading otherwise); one in ``own``, the dateline's state, stays."""
    for cands in sent_cands:
        for span, _i, _j, _source in cands:
            if not span.options or span.entry is None or span.entry.country in about or span.entry.country == own:
                continue
            hit = next((e for e in span.options if e.country in about), None)
            if hit is not None:
                span.entry, span.country, span.actor = hit, hit.country, hit.actor


def story_name(kb: KnowledgeBase, span: NameSpan, about: set[str], published: str | None = None) -> bool:
    """Give a story name its referent in the story's state; keep it unresolved only where the
    recognizer also tagged it an organisation. A referent written "id@YYYY-MM-DD" is meant only
    in a story published on or after that day (a bare "التحالف" in 2004 Iraq is another one)."""
    kind, _, options = (span.body_key or "").partition(":")
    for option in options.split("|"):
        country, _, entry_id = option.partition("=")
        entry_id, _, since = entry_id.partition("@")
        if since and (not published or published < since):
            continue
        entry = kb.get(entry_id) if country in about else None
        if entry is not None:
            span.entry, span.type, span.country, span.actor = entry, entry.type, entry.country, entry.actor
            span.body_key, span.source = None, "kb"
            return True
    if span.source == "story+ner":
        span.body_key, span.source = None, "ner"
        return True
    return False


def place_bodies(names: list[NameSpan]) -> None:
    """Give "وزارة الصحة في القطاع" the country of the place "القطاع" refers back to ("قطاع غزة")."""
    for k, n in enumerate(names):
        if n.where is None or n.country is not None:
            continue
        for prev in reversed(names[:k]):
            if prev.words and bare(prev.words[0]) == n.where:
                country = prev.entry.country if prev.entry is not None else prev.country
                if country:
                    n.country = country
                    n.actor = country + "GOV" if n.type == "ORG" else None
                    n.body_key = (n.body_key or "").rstrip() + " " + country
                break


def home_bodies(names: list[NameSpan], local: str | None) -> None:
    """Give "القوات الأمنية", "الشرطة", "المتظاهرون" the story's state; "القوات الحكومية" the
    country of the government named before it."""
    for k, n in enumerate(names):
        if not n.home_body or n.country is not None:
            continue
        country = local
        if n.body_key and "حكوميه" in n.body_key.split():
            for prev in reversed(names[:k]):
                c = prev.entry.country if prev.entry is not None else prev.country
                if c and prev.type == "ORG" and (prev.body_key or "").startswith("حكومه"):
                    country = c
                    break
        if country:
            n.country = country
            n.actor = country + (n.sector or "") if n.type in {"ORG", "NORP"} else None
            n.body_key = (n.body_key or "") + " " + country


#: Home bodies too vague to stand without a dateline: bare "السلطات" is the government of the
#: dateline's (or signing agency's) state, and no entity in a story that names neither.
_DATELINE_BODIES = frozenset({"سلطات"})


def needs_dateline(span: NameSpan) -> bool:
    """Whether a name is a home body ("السلطات") that only a dateline or agency can place."""
    return span.home_body and span.country is None and (span.body_key or "").strip() in _DATELINE_BODIES
