"""Score the events layer alone: gold entities in, predicted events and quotes out.

``marsad eval`` scores the whole pipeline, where a missed name costs an event too. This runs
clean and segment, then puts the gold file's entities (name and role mentions) into the
document instead of the recognizer's, runs :class:`EventStep` and scores with the same scorer,
so event-coding errors are seen apart from entity errors::

    python -m marsad.events.goldcheck ../shared/gold/ tests/gold/
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Iterable, Sequence

from marsad.document import Article, Document, Entity, Mention, Source
from marsad.evaluate.gold import GoldDocument, find_gold_files, load_gold
from marsad.events.step import EventStep


def gold_entities(gold: GoldDocument) -> list[Entity]:
    """The gold entities as :class:`Entity` objects (name and role mentions)."""
    return [
        Entity(
            id=ge.id,
            type=ge.type,
            canonical=ge.canonical,
            mentions=tuple(
                Mention(m.start, m.end, m.text, "name" if m.kind == "name" else "role") for m in ge.mentions
            ),
            country=ge.country,
            actor=ge.actor,
            component="gold",
        )
        for ge in gold.entities
    ]


def prepare(gold: GoldDocument, *, with_entities: bool = True) -> Document:
    """Clean and segment the gold text (when those steps exist) and inject gold entities."""
    doc = Document.from_article(Article(gold.text, Source(path=gold.text_file, published=gold.published), gold.id))
    for mod, cls in (("marsad.clean", "CleanStep"), ("marsad.segment", "SegmentStep")):
        try:
            step = getattr(__import__(mod, fromlist=[cls]), cls)()
        except (ImportError, AttributeError):
            continue
        doc = step(doc)
    if with_entities:
        doc.entities = gold_entities(gold)
    return doc


def check(paths: Iterable[str], *, verbose: bool = True, step: EventStep | None = None) -> dict[str, float | None]:
    """Event and quote P/R/F1 over gold files, with gold entities; prints misses if verbose."""
    from marsad.evaluate.docscore import GoldScores, score_document

    step = step or EventStep()
    total = GoldScores()
    seconds = 0.0
    files = find_gold_files(list(paths))
    for f in files:
        gold = load_gold(f)
        doc = prepare(gold)
        t0 = time.perf_counter()
        doc = step(doc)
        seconds += time.perf_counter() - t0
        doc.check_offsets()
        res = score_document(gold, doc)
        total = total + res.scores
        if verbose:
            print(f"== {f.name}: events {len(doc.events)}, quotes {len(doc.quotes)}")
            for item in res.items:
                if item.layer.startswith(("event", "quote")):
                    print("  ", item.layer, item.kind, repr(item.text)[:70], item.detail)
    out: dict[str, float | None] = {
        k.removeprefix("gold."): v
        for k, v in total.metrics().items()
        if k.startswith(("gold.events", "gold.quotes"))
    }
    out["ms_per_doc"] = 1000 * seconds / max(1, len(files))
    return out


def check_pipeline(paths: Iterable[str]) -> dict[str, float | None]:
    """The same figures with the real entities: language, clean, segment, entities, events."""
    from marsad.evaluate.docscore import evaluate_gold
    from marsad.evaluate.gold import load_gold_files
    from marsad.pipeline import Pipeline

    steps = []
    for mod, cls in (
        ("marsad.lang", "LanguageStep"), ("marsad.clean", "CleanStep"), ("marsad.segment", "SegmentStep"),
        ("marsad.entities.step", "EntityStep"),
    ):
        try:
            steps.append(getattr(__import__(mod, fromlist=[cls]), cls)())
        except (ImportError, AttributeError):
            continue
    steps.append(EventStep())
    ev = evaluate_gold(load_gold_files(list(paths)), Pipeline(steps))
    return {k.removeprefix("gold."): v for k, v in ev.metrics().items() if k.startswith(("gold.events", "gold.quotes"))}


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("paths", nargs="+")
    ap.add_argument("-q", "--quiet", action="store_true")
    ap.add_argument("--pipeline", action="store_true", help="use the entities step instead of gold entities")
    args = ap.parse_args(argv)
    out = check_pipeline(args.paths) if args.pipeline else check(args.paths, verbose=not args.quiet)
    for k, v in out.items():
        print(f"{k}: {v:.3f}" if v is not None else f"{k}: -")
    return 0


if __name__ == "__main__":
    sys.exit(main())
