"""Build gold analyses (``tests/gold/NAME.gold.json``) from compact TOML specs.

Writing character offsets by hand is error-prone; a spec names every span by its *text* and,
where that text occurs more than once, by which occurrence. This tool finds the offsets, checks
``text[start:end]`` and writes the gold JSON in the format of ``../shared/gold/README.md``.

Span references (strings in a spec):

- ``"نص"``          the text must occur exactly once in the article (otherwise an error);
- ``"نص#2"``        its 2nd occurrence (1-based), ``"نص#1,3"`` the 1st and 3rd;
- ``"نص#*"``        every occurrence (mentions only);
- ``"بداية…نهاية"`` from an occurrence of the first part to the next occurrence of the
  second part after it, inclusive (``#n`` picks the occurrence of the first part).

Occurrences are plain substring matches, so ``"إيران"`` also finds the name inside "وإيران"
(the proclitic stays outside the span, as the gold format wants) — review with ``--show``.

Usage::

    .venv/bin/python scripts/make_gold.py tests/gold/specs/*.toml      # write gold files
    .venv/bin/python scripts/make_gold.py --check tests/gold/specs/*.toml  # fail if stale
    .venv/bin/python scripts/make_gold.py --show tests/gold/specs/X.toml   # spans in context
"""

from __future__ import annotations

import argparse
import json
import sys
import tomllib
from pathlib import Path
from typing import Any

ELLIPSIS = "…"


class SpecError(ValueError):
    """A spec that does not resolve against its article."""


def _occurrences(text: str, needle: str) -> list[int]:
    found, i = [], text.find(needle)
    while i >= 0:
        found.append(i)
        i = text.find(needle, i + 1)
    return found


def resolve(ref: str, text: str, *, many: bool = False) -> list[tuple[int, int]]:
    """Turn one span reference into ``(start, end)`` pairs; see the module docstring."""
    body, occ = (ref.rsplit("#", 1) + [""])[:2] if "#" in ref else (ref, "")
    if ELLIPSIS in body:
        head, tail = body.split(ELLIPSIS, 1)
    else:
        head, tail = body, ""
    if not head:
        raise SpecError(f"empty reference {ref!r}")
    starts = _occurrences(text, head)
    spans: list[tuple[int, int]] = []
    for s in starts:
        if tail:
            e = text.find(tail, s + len(head))
            if e < 0:
                continue
            spans.append((s, e + len(tail)))
        else:
            spans.append((s, s + len(head)))
    if not spans:
        raise SpecError(f"{ref!r} does not occur in the text")
    if occ == "":
        if len(spans) != 1:
            raise SpecError(f"{ref!r} occurs {len(spans)} times: say which with #n")
        return spans
    if occ == "*":
        if not many:
            raise SpecError(f"{ref!r}: '#*' is only allowed for mentions")
        return spans
    picked = []
    for part in occ.split(","):
        n = int(part)
        if not 1 <= n <= len(spans):
            raise SpecError(f"{ref!r}: occurrence {n} of {len(spans)}")
        picked.append(spans[n - 1])
    if len(picked) > 1 and not many:
        raise SpecError(f"{ref!r} names several spans where one is expected")
    return picked


def _span(ref: str, text: str) -> dict[str, Any]:
    ((s, e),) = resolve(ref, text)
    return {"start": s, "end": e, "text": text[s:e]}


def _spans(refs: list[str], text: str) -> list[dict[str, Any]]:
    seen: set[tuple[int, int]] = set()
    for ref in refs:
        for pair in resolve(ref, text, many=True):
            if pair in seen:
                raise SpecError(f"{ref!r}: span {pair} listed twice")
            seen.add(pair)
    return [{"start": s, "end": e, "text": text[s:e]} for s, e in sorted(seen)]


_ENTITY_KEYS = ("type", "alt_types", "canonical", "country", "actor", "optional", "note")
_EVENT_KEYS = (
    "plover",
    "alt_plover",
    "cameo",
    "alt_cameo",
    "mode",
    "source",
    "target",
    "symmetric",
    "location",
    "date",
    "count",
    "killed",
    "injured",
    "negated",
    "modality",
    "background",
    "optional",
    "note",
)


def build_gold(spec: dict[str, Any], text: str) -> dict[str, Any]:
    """The gold record for one article, offsets computed from the spec's span references."""
    gold: dict[str, Any] = {"id": spec["id"], "text_file": spec["text_file"]}
    gold["published"] = spec.get("published")
    if "expect_published" in spec:
        gold["expect_published"] = spec["expect_published"]
    gold["outlet"] = spec["outlet"]
    if "dateline" in spec:
        d = spec["dateline"]
        gold["dateline"] = {
            **_span(d["span"], text),
            "location": d.get("location"),
            "agency": d.get("agency"),
            "date": d.get("date"),
        }
    gold["boilerplate"] = [
        {**_span(ref, text), "kind": kind} for ref, kind in spec.get("boilerplate", [])
    ]
    entities = []
    for ent in spec.get("entities", []):
        rec: dict[str, Any] = {"id": ent["id"]}
        rec.update({k: ent[k] for k in _ENTITY_KEYS if k in ent})
        rec["mentions"] = _spans(ent.get("mentions", []), text)
        rec["role_mentions"] = _spans(ent.get("roles", []), text)
        entities.append(rec)
    gold["entities"] = entities
    events = []
    for ev in spec.get("events", []):
        rec = {"id": ev["id"]}
        rec.update({k: ev[k] for k in _EVENT_KEYS if k in ev})
        rec.setdefault("source", None)
        rec.setdefault("target", None)
        rec["evidence"] = _span(ev["evidence"], text)
        events.append(rec)
    gold["events"] = events
    quotes = []
    for q in spec.get("quotes", []):
        rec = {"speaker": q["speaker"], "direct": q.get("direct", True)}
        if q.get("optional"):
            rec["optional"] = True
        rec.update(_span(q["text"], text))
        quotes.append(rec)
    gold["quotes"] = quotes
    gold["forbidden_events"] = [_span(ref, text) for ref in spec.get("forbidden", [])]
    return gold


def gold_path(spec_path: Path) -> Path:
    """``tests/gold/specs/NAME.toml`` → ``tests/gold/NAME.gold.json``."""
    return spec_path.resolve().parent.parent / f"{spec_path.stem}.gold.json"


def load(spec_path: Path) -> tuple[dict[str, Any], str, Path]:
    spec = tomllib.loads(spec_path.read_text(encoding="utf-8"))
    out = gold_path(spec_path)
    text = (out.parent / spec["text_file"]).read_text(encoding="utf-8")
    return spec, text, out


def render(gold: dict[str, Any]) -> str:
    return json.dumps(gold, ensure_ascii=False, indent=1) + "\n"


def show(gold: dict[str, Any], text: str) -> None:
    """Print every span with a little context, for review by a human coder."""

    def ctx(s: int, e: int) -> str:
        return f"{text[max(0, s - 12) : s]}[{text[s:e]}]{text[e : e + 12]}".replace("\n", "⏎")

    for b in gold["boilerplate"]:
        print(f"BP  {b['kind']:<15} {ctx(b['start'], b['end'])}")
    for ent in gold["entities"]:
        for m in ent["mentions"] + ent["role_mentions"]:
            print(f"ENT {ent['id']:<15} {ctx(m['start'], m['end'])}")
    for ev in gold["events"]:
        sp = ev["evidence"]
        print(
            f"EV  {ev['id']:<15} {ev['plover']}/{ev.get('cameo')} {ev['source']}→{ev['target']}"
            f" {ev.get('date')} {ctx(sp['start'], sp['end'])}"
        )
    for q in gold["quotes"]:
        print(f"Q   {q['speaker']:<15} {q['text'][:60]}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("specs", nargs="+", type=Path)
    ap.add_argument("--check", action="store_true", help="fail if a gold file is stale")
    ap.add_argument("--show", action="store_true", help="print spans in context")
    args = ap.parse_args(argv)
    status = 0
    for spec_path in args.specs:
        try:
            spec, text, out = load(spec_path)
            gold = build_gold(spec, text)
        except (SpecError, KeyError, tomllib.TOMLDecodeError) as exc:
            print(f"{spec_path}: {exc}", file=sys.stderr)
            status = 1
            continue
        if args.show:
            show(gold, text)
        rendered = render(gold)
        if args.check:
            if not out.exists() or out.read_text(encoding="utf-8") != rendered:
                print(f"{out}: stale, rebuild with scripts/make_gold.py", file=sys.stderr)
                status = 1
        elif not args.show:
            out.write_text(rendered, encoding="utf-8")
            print(f"wrote {out}")
    return status


if __name__ == "__main__":
    sys.exit(main())
