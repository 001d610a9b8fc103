"""``marsad eval``: score the pipeline against gold documents, CoNLL NER and CoNLL-U files."""

from __future__ import annotations

import argparse
import json
import sys
import time

from marsad.analyze import build_pipeline
from marsad.settings import load_settings

HELP = "score the pipeline against gold documents, CoNLL NER files and UD CoNLL-U files"

DESCRIPTION = """\
Run the pipeline on gold material and report how close it comes. Every quality figure
Marsad claims comes from this command.

GOLD_PATH  gold documents (NAME.gold.json, format in shared/gold/README.md) or folders of
           them. The pipeline analyses each gold text_file (with its 'published' date), and:
  boilerplate     share of gold boilerplate characters marked (R) and of marked characters
                  that really are boilerplate (P: the rest is body text lost)
  mentions        name and role mentions of gold entities: a predicted mention (name, role
                  or nominal; pronouns are not counted) matches when it overlaps at least half
                  of the union of both spans and has a compatible type (GPE~LOC, alt_types)
  entities found  required gold entities with at least one mention found
  coreference     pairs of one gold entity's mentions kept in one predicted entity (R), and
                  predicted same-entity pairs that are right (P: the rest are wrong merges)
  country         found entities whose predicted country (ISO alpha-3) is the gold one
  events          trigger in the gold event's sentence + compatible PLOVER type or CAMEO
                  root (2 digits) + source/target resolving to the gold entities (by mention,
                  or by the same country); symmetric events may swap; events on a
                  forbidden_events line are always wrong
  event date/location   over matched events whose gold has one
  quotes          overlap >= half + the right speaker; speaker accuracy over span matches
  dateline date   the dateline date equals expect_published
  Optional gold items are neither required nor counted against. Every miss and spurious
  item is listed with its text.

--conll FILE   CoNLL NER ('token TAG' lines, BIO, blank line between sentences; ANERcorp):
               conlleval exact-chunk P/R/F1, overall and per type. Predicted name mentions
               cover the tokens they overlap ("روسيا" inside "وروسيا" tags the token).
               Types: PER→PERS, GPE→LOC, LOC→LOC, ORG→ORG, anything else→MISC.
--conllu FILE  UD CoNLL-U: gold words (Marsad tokens) and clitic boundaries from '# text',
               multiword tokens and SpaceAfter=No; word P/R/F1 (exact spans), clitic-boundary
               P/R/F1 (positions), segment P/R/F1 (clitic pieces).
--protest-gsr FILE  OEDA's Arabic event GSR (protest_gsr.csv, a TEST set: report only):
               each sentence analysed alone; 'yes' (every annotator accepted) is positive,
               'easy no' / 'difficult no' negative, 'ambiguous' left out. Two operating
               points: the PLOVER detector (a PROTEST event reports the protest act) and
               'clarity' (a protest report every lay reader would accept).

Conventions: P is 0 when nothing was predicted but there was gold to find; a figure with
nothing to score on either side is n/a. Micro-averages add counts before dividing.

Baselines: --save-baseline FILE writes each figure (rounded down to 3 decimals) as a floor,
keeping floors of metrics not measured in this run; --check-baseline FILE exits 1 and names
every metric below its floor.
"""

EPILOG = """\
examples:
  marsad eval ../shared/gold/
  marsad eval --conll ../shared/data/anercorp/ANERCorp_CamelLab_test.txt --limit 200
  marsad eval --conllu ../shared/data/ud_arabic_pud/ar_pud-ud-test.conllu --format json
  marsad eval --protest-gsr ../shared/data/arabic_event_gsr/protest_gsr.csv
  marsad eval ../shared/gold/ --check-baseline tests/quality/baseline.json
"""


def add_parser(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser(
        "eval",
        help=HELP,
        description=DESCRIPTION,
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("gold", nargs="*", metavar="GOLD_PATH", help="gold .gold.json files or folders")
    p.add_argument("--conll", metavar="FILE", help="CoNLL NER file (token TAG, BIO)")
    p.add_argument("--conllu", metavar="FILE", help="UD CoNLL-U file for segmentation")
    p.add_argument(
        "--protest-gsr", metavar="FILE", help="OEDA Arabic GSR protest CSV (sentence-level PROTEST)"
    )
    p.add_argument(
        "--format", choices=["text", "json"], default="text", help="report format (default text)"
    )
    p.add_argument(
        "--limit", type=int, help="first N gold documents / CoNLL sentences / CoNLL-U sentences"
    )
    p.add_argument(
        "--batch-size",
        type=int,
        default=20,
        help="corpus sentences per analysed pseudo-document (default 20)",
    )
    p.add_argument("--save-baseline", metavar="FILE", help="write this run's figures as floors")
    p.add_argument("--check-baseline", metavar="FILE", help="exit 1 if a figure is below its floor")
    p.add_argument("--config", help="settings file (TOML)")
    p.add_argument("--quiet", action="store_true", help="no progress bar")
    p.set_defaults(func=run, _parser=p)


def run(args: argparse.Namespace) -> int:
    if not (args.gold or args.conll or args.conllu or args.protest_gsr):
        args._parser.print_help()
        return 2
    from marsad.evaluate.baseline import check_baseline, load_baseline, save_baseline
    from marsad.evaluate.conll import evaluate_conll
    from marsad.evaluate.conllu import evaluate_conllu
    from marsad.evaluate.docscore import evaluate_gold
    from marsad.evaluate.gold import load_gold_files
    from marsad.evaluate.report import EvalResults, render_text

    settings = load_settings(args.config, overrides={"quiet": args.quiet or None})
    quiet = settings.quiet or not sys.stderr.isatty()
    floors = load_baseline(args.check_baseline) if args.check_baseline else None
    pipeline = build_pipeline(settings)
    results = EvalResults(pipeline=pipeline.components())
    if args.gold:
        t0 = time.perf_counter()
        golds = list(load_gold_files(args.gold))
        if args.limit is not None:
            golds = golds[: args.limit]
        results.gold = evaluate_gold(golds, pipeline)
        results.seconds["gold"] = time.perf_counter() - t0
    if args.conll:
        t0 = time.perf_counter()
        results.conll = evaluate_conll(
            args.conll, pipeline, limit=args.limit, batch_size=args.batch_size, quiet=quiet
        )
        results.seconds["conll"] = time.perf_counter() - t0
    if args.conllu:
        t0 = time.perf_counter()
        results.conllu = evaluate_conllu(
            args.conllu, pipeline, limit=args.limit, batch_size=args.batch_size, quiet=quiet
        )
        results.seconds["conllu"] = time.perf_counter() - t0
    if args.protest_gsr:
        from marsad.events.gsr import evaluate_gsr

        t0 = time.perf_counter()
        results.protest = evaluate_gsr(args.protest_gsr, pipeline.steps, limit=args.limit, quiet=quiet)
        results.seconds["protest_gsr"] = time.perf_counter() - t0

    if args.format == "json":
        sys.stdout.write(json.dumps(results.to_dict(), ensure_ascii=False, indent=1) + "\n")
    else:
        sys.stdout.write(render_text(results))
    metrics = results.metrics()
    if args.save_baseline:
        save_baseline(args.save_baseline, metrics)
        print(f"marsad: floors written to {args.save_baseline}", file=sys.stderr)
    if floors is not None:
        breaches, unmeasured = check_baseline(metrics, floors)
        if unmeasured:
            print(f"marsad: {len(unmeasured)} floor(s) not measured in this run", file=sys.stderr)
        if breaches:
            print(
                f"marsad: {len(breaches)} figure(s) below the baseline {args.check_baseline}:",
                file=sys.stderr,
            )
            for b in breaches:
                print(f"  {b}", file=sys.stderr)
            return 1
        print(
            f"marsad: every measured figure meets the baseline {args.check_baseline}",
            file=sys.stderr,
        )
    return 0
