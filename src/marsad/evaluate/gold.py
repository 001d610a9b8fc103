"""Load gold documents (``*.gold.json``, format in ``../shared/gold/README.md``).

A gold file names its raw text (``text_file``, relative to the gold file); every span in it is a
code-point index into that text, read as UTF-8 bytes (a BOM is dropped, line ends are kept
as they are). Loading checks that each span quotes the text it claims, so a broken gold file
fails loudly instead of scoring silently wrong.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from marsad.errors import MarsadError

log = logging.getLogger(__name__)

GOLD_SUFFIX = ".gold.json"


class GoldFormatError(MarsadError):
    """A gold file that cannot be read or whose spans do not quote its text."""


@dataclass(frozen=True, slots=True)
class GoldSpan:
    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class GoldMention:
    start: int
    end: int
    text: str
    kind: str  # "name" or "role"
    entity: str  # gold entity id


@dataclass(frozen=True, slots=True)
class GoldEntity:
    id: str
    type: str
    canonical: str
    mentions: tuple[GoldMention, ...]  # name mentions then role mentions
    alt_types: tuple[str, ...] = ()
    country: str | None = None
    actor: str | None = None
    optional: bool = False

    @property
    def types(self) -> frozenset[str]:
        return frozenset((self.type, *self.alt_types))


@dataclass(frozen=True, slots=True)
class GoldEvent:
    id: str
    plover: str
    evidence: GoldSpan
    alt_plover: tuple[str, ...] = ()
    cameo: str | None = None
    alt_cameo: tuple[str, ...] = ()
    source: str | None = None
    target: str | None = None
    symmetric: bool = False
    location: str | None = None
    date: str | None = None
    count: int | None = None
    optional: bool = False


@dataclass(frozen=True, slots=True)
class GoldQuote:
    start: int
    end: int
    text: str
    speaker: str | None
    direct: bool = True
    optional: bool = False


@dataclass(frozen=True, slots=True)
class GoldDocument:
    id: str
    path: str  # the gold file
    text_file: str  # the raw text, resolved
    text: str
    published: str | None
    expect_published: str | None
    boilerplate: tuple[GoldSpan, ...]
    entities: tuple[GoldEntity, ...]
    events: tuple[GoldEvent, ...]
    quotes: tuple[GoldQuote, ...]
    forbidden_events: tuple[GoldSpan, ...]  # spans as given; string entries widened to lines
    outlet: str | None = None

    def entity(self, entity_id: str | None) -> GoldEntity | None:
        if entity_id is None:
            return None
        for e in self.entities:
            if e.id == entity_id:
                return e
        return None


def find_gold_files(paths: Iterable[str | Path]) -> list[Path]:
    """Gold files named by ``paths``: files as given, folders searched for ``*.gold.json``."""
    found: list[Path] = []
    for item in paths:
        p = Path(item)
        if p.is_dir():
            found.extend(sorted(x for x in p.rglob(f"*{GOLD_SUFFIX}") if x.is_file()))
        elif p.is_file():
            found.append(p)
        else:
            raise GoldFormatError(f"gold path {p} does not exist")
    return found


def load_gold_files(paths: Iterable[str | Path]) -> Iterator[GoldDocument]:
    for p in find_gold_files(paths):
        yield load_gold(p)


def read_raw_text(path: Path) -> str:
    """The raw text exactly as gold offsets index it: UTF-8, BOM dropped, line ends untouched."""
    return path.read_bytes().decode("utf-8-sig")


def load_gold(path: str | Path) -> GoldDocument:
    path = Path(path)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        raise GoldFormatError(f"cannot read gold file {path}: {exc}") from exc
    if not isinstance(data, dict):
        raise GoldFormatError(f"{path}: a gold file holds one JSON object")
    try:
        return _parse(path, data)
    except (KeyError, TypeError, ValueError) as exc:
        raise GoldFormatError(f"{path}: malformed gold ({type(exc).__name__}: {exc})") from exc


def gold_from_dict(data: dict[str, Any], text: str, path: str = "<memory>") -> GoldDocument:
    """Build a gold document from a dict and its text (no file needed; for tests)."""
    return _parse(Path(path), data, text=text)


def _parse(path: Path, d: dict[str, Any], text: str | None = None) -> GoldDocument:
    if text is None:
        if "text_file" not in d:
            raise GoldFormatError(f"{path}: no text_file")
        text_path = (path.parent / d["text_file"]).resolve()
        if not text_path.is_file():
            raise GoldFormatError(f"{path}: text_file {text_path} does not exist")
        text = read_raw_text(text_path)
        text_file = str(text_path)
    else:
        text_file = str(d.get("text_file") or path)
    doc_id = str(d.get("id") or path.name.removesuffix(GOLD_SUFFIX))

    def span(x: dict[str, Any], what: str) -> GoldSpan:
        s, e = int(x["start"]), int(x["end"])
        if not (0 <= s <= e <= len(text)):
            raise GoldFormatError(f"{path}: {what} [{s}, {e}) lies outside the text ({len(text)})")
        quoted = x.get("text")
        if quoted is not None and text[s:e] != quoted:
            raise GoldFormatError(
                f"{path}: {what} [{s}, {e}) says {quoted!r} but the text there is {text[s:e]!r}"
            )
        return GoldSpan(s, e, text[s:e])

    entities: list[GoldEntity] = []
    for x in d.get("entities", []):
        eid = str(x["id"])
        mentions = [
            GoldMention(sp.start, sp.end, sp.text, kind, eid)
            for key, kind in (("mentions", "name"), ("role_mentions", "role"))
            for sp in (span(m, f"{kind} mention of {eid}") for m in x.get(key, []))
        ]
        entities.append(
            GoldEntity(
                id=eid,
                type=str(x["type"]),
                canonical=str(x.get("canonical") or ""),
                mentions=tuple(mentions),
                alt_types=tuple(x.get("alt_types") or ()),
                country=x.get("country"),
                actor=x.get("actor"),
                optional=bool(x.get("optional", False)),
            )
        )
    ids = {e.id for e in entities}
    if len(ids) != len(entities):
        raise GoldFormatError(f"{path}: duplicate entity ids")

    def ref(value: Any, what: str) -> str | None:
        if value is None:
            return None
        if value not in ids:
            raise GoldFormatError(f"{path}: {what} refers to unknown entity {value!r}")
        return str(value)

    events = []
    for x in d.get("events", []):
        eid = str(x["id"])
        events.append(
            GoldEvent(
                id=eid,
                plover=str(x["plover"]).upper(),
                evidence=span(x["evidence"], f"evidence of event {eid}"),
                alt_plover=tuple(str(p).upper() for p in x.get("alt_plover") or ()),
                cameo=x.get("cameo"),
                alt_cameo=tuple(x.get("alt_cameo") or ()),
                source=ref(x.get("source"), f"event {eid} source"),
                target=ref(x.get("target"), f"event {eid} target"),
                symmetric=bool(x.get("symmetric", False)),
                location=ref(x.get("location"), f"event {eid} location"),
                date=x.get("date"),
                count=x.get("count"),
                optional=bool(x.get("optional", False)),
            )
        )
    quotes = []
    for i, x in enumerate(d.get("quotes", [])):
        sp = span(x, f"quote {i}")
        quotes.append(
            GoldQuote(
                sp.start,
                sp.end,
                sp.text,
                ref(x.get("speaker"), f"quote {i} speaker"),
                direct=bool(x.get("direct", True)),
                optional=bool(x.get("optional", False)),
            )
        )
    forbidden = tuple(_forbidden_line(text, x, path) for x in d.get("forbidden_events", []))
    return GoldDocument(
        id=doc_id,
        path=str(path),
        text_file=text_file,
        text=text,
        published=d.get("published"),
        expect_published=d.get("expect_published"),
        boilerplate=tuple(span(x, "boilerplate") for x in d.get("boilerplate", [])),
        entities=tuple(entities),
        events=tuple(events),
        quotes=tuple(quotes),
        forbidden_events=forbidden,
        outlet=d.get("outlet"),
    )


def _forbidden_line(text: str, x: Any, path: Path) -> GoldSpan:
    """A forbidden-events entry: a string names a line (widened to the whole line); a
    ``{start, end}`` span is kept exactly, so that a forbidden clause can share its line with a
    real event ("رفض مكتبه التعليق" beside "لن ترسل وفداً")."""
    if not isinstance(x, str):
        start, end = int(x["start"]), int(x["end"])
        if x.get("text") is not None and text[start:end] != x["text"]:
            raise GoldFormatError(
                f"{path}: forbidden_events span [{start}, {end}) misquotes the text"
            )
        return GoldSpan(start, end, text[start:end])
    start = text.find(x)
    if start < 0:
        raise GoldFormatError(f"{path}: forbidden_events line {x!r} is not in the text")
    end = start + len(x)
    start = text.rfind("\n", 0, start) + 1
    nl = text.find("\n", end)
    end = len(text) if nl < 0 else nl
    return GoldSpan(start, end, text[start:end])
