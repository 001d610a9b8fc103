"""Train the learned argument chooser (``marsad.events.argument_model``) and cross-validate it.

    .venv/bin/python scripts/train_event_args.py            # CV report, then write the weights
    .venv/bin/python scripts/train_event_args.py --cv-only  # CV report only
    .venv/bin/python scripts/train_event_args.py --out /tmp/w.json

Training data (nothing else is read):

* the ``tune`` halves of tests/data/events_audit.tsv and events_audit2–4.tsv (SaudiNewsNet,
  CC BY-NC-SA 4.0, and Jawhara FM/ANT, Apache-2.0; text read from ../shared/data, never
  copied): a candidate is right for a slot when :func:`event_audit_report.arg_ok` accepts its
  names (``*`` rows teach nothing for that slot); the ``held`` articles are never loaded;
* the gold documents of tests/gold, tests/gold_dev2 and ../shared/gold: a candidate is right
  when it resolves to the gold event's entity (:mod:`marsad.evaluate.docscore`, by mention or
  country; either side of a symmetric event).

The pipeline runs once per article with the chooser off; every coded event that matches a
judged event of the right type gives one example per slot: its candidates
(:func:`marsad.events.argument_model.event_candidates`) and which of them are right. The model
is a conditional logit per slot (softmax over the candidates, the likelihood of the right ones)
with an L2 penalty, fitted by Nesterov gradient descent in numpy, a fixed number of steps:
the weights are rebuilt identically. Cross-validation is grouped by document (5 folds); it
prints per fold the full precision/recall of the rules and of the model, scored exactly as
``scripts/event_audit_report.py`` and ``marsad eval`` score them. The margin threshold is
chosen on the pooled out-of-fold choices.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))

from event_audit_report import (  # noqa: E402
    align,
    arg_ok,
    article_of,
    entity_names,
    event_records,
    load_articles,
    read_audit,
    score,
)

from marsad.analyze import build_pipeline  # noqa: E402
from marsad.document import Article, Document, Event, Source  # noqa: E402
from marsad.evaluate.docscore import _Scorer, score_document  # noqa: E402
from marsad.evaluate.gold import GoldDocument, load_gold_files  # noqa: E402
from marsad.evaluate.match import max_matching, overlap  # noqa: E402
from marsad.events.argument_model import (  # noqa: E402
    FEATURES,
    NAME,
    ArgumentModel,
    EventCandidates,
    event_candidates,
    rule_facts,
    slot_features,
)
from marsad.events.arguments import Mentions  # noqa: E402
from marsad.events.step import EventStep  # noqa: E402
from marsad.settings import Settings  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
AUDITS = tuple(ROOT / "tests" / "data" / f"events_audit{n}.tsv" for n in ("", "2", "3", "4"))
GOLD_DIRS = (ROOT / "tests" / "gold", ROOT / "tests" / "gold_dev2", ROOT.parent / "shared" / "gold")
OUT = ROOT / "src" / "marsad" / "resources" / "events" / "argument_model.json"
FOLDS = 5
L2 = 10.0  # chosen by the CV below among 1, 3, 10, 30
STEPS = 1500
MIN_COUNT = 2  # features seen in fewer training candidates are dropped
THRESHOLDS = (0.0, 0.25, 0.5, 0.75, 1.0, 1.5, 2.0, 3.0)
DIGITS = 4  # weights are rounded: the file is small and identical across runs


@dataclass
class TrainDoc:
    """One training document: its analysis (chooser off), candidates, labels and scorer."""

    key: str
    origin: str  # audit file name or gold folder
    doc: Document
    cands: list[EventCandidates]
    labels: dict[int, tuple[list[bool] | None, list[bool] | None]]  # event index → per slot
    full: Callable[[Document], tuple[int, int, int]]  # (fully right, predicted, gold)


class _Recorder(ArgumentModel):
    """Stands in for the chooser inside the pipeline: keeps what it would see, changes nothing."""

    def __init__(self) -> None:
        super().__init__(({}, {}))
        self.seen: list[EventCandidates] = []

    def apply(self, doc, mentions=None, history=()):  # type: ignore[no-untyped-def]
        self.seen = event_candidates(doc, mentions or Mentions(doc), rule_facts(history))
        return doc.events


def _pipeline() -> tuple:
    pipe = build_pipeline(Settings(error_policy="raise", extra={"events_argument_model": False}))
    step = next(s for s in pipe.steps if isinstance(s, EventStep))
    rec = _Recorder()
    step.argument_model = rec
    return pipe, rec


def _run(pipe, rec: _Recorder, article: Article) -> tuple[Document | None, list[EventCandidates]]:
    rec.seen = []
    doc = pipe.process(article).document
    return doc, rec.seen


def _with_events(doc: Document, events: list[Event]) -> Document:
    return replace(doc, events=events)


def audit_docs(pipe, rec: _Recorder, path: Path) -> list[TrainDoc]:
    rows = [r for r in read_audit(path) if r.half == "tune"]  # the held half is never loaded
    recs = load_articles(rows)
    out = []
    for key, record in sorted(recs.items()):
        doc, cands = _run(pipe, rec, article_of(record))
        if doc is None:
            continue
        mine = [r for r in rows if r.key == key]
        name = f"{key[0]}#{key[1]}"

        def full(d: Document, mine: list = mine, name: str = name) -> tuple[int, int, int]:
            c = score(mine, {name: event_records(d)}, "tune")
            return c.get("full_ok", 0), c.get("predicted", 0), c.get("gold", 0)

        # which row each coded event matches (the report's own alignment)
        matched, _ = align(mine, event_records(doc))
        by_start = {}
        for r, p in matched:
            if p is not None and r.event and p["plover"] == r.plover:
                by_start[(p["start"], p["end"])] = r
        labels = {}
        for ec in cands:
            ev = doc.events[ec.index]
            r = by_start.get((ev.trigger.start, ev.trigger.end))
            if r is None:
                continue
            labels[ec.index] = tuple(
                None if "*" in [a.strip() for a in want.split("|")]
                else [arg_ok(want, entity_names(doc, c.entity)) for c in ec.candidates]
                for want in (r.source, r.target)
            )
        out.append(TrainDoc(name, path.name, doc, cands, labels, full))
    return out


def gold_docs(pipe, rec: _Recorder, golds: list[GoldDocument]) -> list[TrainDoc]:
    out = []
    for gold in golds:
        art = Article(text=gold.text, source=Source(path=gold.text_file, published=gold.published), id=gold.id)
        doc, cands = _run(pipe, rec, art)
        if doc is None:
            continue
        sc = _Scorer(gold, doc)
        gevs = list(gold.events)
        sents = [sc._sentence_of(g.evidence.start, g.evidence.end) for g in gevs]

        def pair(gi: int, pi: int, doc: Document = doc, gevs: list = gevs, sents: list = sents, sc: _Scorer = sc):
            g, p = gevs[gi], doc.events[pi]
            if not overlap(p.trigger.start, p.trigger.end, *sents[gi]) or not sc._type_ok(p, g):
                return None
            on = int(bool(overlap(p.trigger.start, p.trigger.end, g.evidence.start, g.evidence.end)))
            return (on, int(p.plover.upper() == g.plover), -abs(p.trigger.start - g.evidence.start))

        p2g = {p: g for g, p in max_matching(len(gevs), len(doc.events), pair).items()}
        labels = {}
        for ec in cands:
            gi = p2g.get(ec.index)
            if gi is None:
                continue
            g = gevs[gi]
            labels[ec.index] = tuple(
                [
                    sc.resolves(c.entity, want, by_country=True)
                    or (g.symmetric and sc.resolves(c.entity, alt, by_country=True))
                    for c in ec.candidates
                ]
                for want, alt in ((g.source, g.target), (g.target, g.source))
            )

        def full(d: Document, gold: GoldDocument = gold) -> tuple[int, int, int]:
            e = score_document(gold, d).scores.events
            return e.tp, e.pred, e.gold

        folder = Path(gold.path).resolve().parent
        out.append(TrainDoc(gold.id, f"{folder.parent.name}/{folder.name}", doc, cands, labels, full))
    return out


def collect() -> list[TrainDoc]:
    pipe, rec = _pipeline()
    docs: list[TrainDoc] = []
    for path in AUDITS:
        docs += audit_docs(pipe, rec, path)
    docs += gold_docs(pipe, rec, list(load_gold_files([d for d in GOLD_DIRS if d.is_dir()])))
    return docs


# -- the model ---------------------------------------------------------------------------------


def examples(docs: list[TrainDoc], slot: int) -> list[tuple[list[list[str]], list[bool]]]:
    """(features per candidate, right per candidate) of every informative slot: judged, with a
    right candidate and a wrong one."""
    out = []
    for td in docs:
        for ec in td.cands:
            lab = td.labels.get(ec.index, (None, None))[slot]
            if lab is None or all(lab) or not any(lab):
                continue
            out.append(([slot_features(ec, c, slot) for c in ec.candidates], lab))
    return out


def fit(exs: list[tuple[list[list[str]], list[bool]]], l2: float = L2, steps: int = STEPS) -> dict[str, float]:
    """Conditional-logit weights (feature → weight), L2-penalized, by Nesterov gradient descent."""
    counts: dict[str, int] = {}
    for feats, _ in exs:
        for f in {x for fs in feats for x in fs}:
            counts[f] = counts.get(f, 0) + 1
    vocab = sorted(f for f, n in counts.items() if n >= MIN_COUNT)
    if not exs or not vocab:
        return {}
    index = {f: i for i, f in enumerate(vocab)}
    rows = [fs for feats, _ in exs for fs in feats]
    X = np.zeros((len(rows), len(vocab)))
    for i, fs in enumerate(rows):
        for f in fs:
            j = index.get(f)
            if j is not None:
                X[i, j] += 1.0
    y = np.array([float(v) for _, lab in exs for v in lab])
    group = np.repeat(np.arange(len(exs)), [len(lab) for _, lab in exs])
    n = len(exs)

    def grad(w: np.ndarray) -> np.ndarray:
        s = X @ w
        m = np.full(n, -np.inf)
        np.maximum.at(m, group, s)
        e = np.exp(s - m[group])
        z = np.bincount(group, weights=e, minlength=n)
        zr = np.bincount(group, weights=e * y, minlength=n)
        p = e / z[group]  # softmax over the candidates
        q = e * y / zr[group]  # the same, over the right ones
        return X.T @ (p - q) / n + l2 * w / n

    lr = 1.0 / (0.5 * float(np.max(X.sum(axis=1))) + l2 / n)
    w = np.zeros(len(vocab))
    v = w.copy()
    for t in range(steps):
        w_next = v - lr * grad(v)
        v = w_next + (t / (t + 3)) * (w_next - w)
        w = w_next
    return {f: round(float(x), DIGITS) for f, x in zip(vocab, w, strict=True) if round(float(x), DIGITS) != 0.0}


def train(docs: list[TrainDoc], threshold: float = 0.0, l2: float = L2) -> ArgumentModel:
    return ArgumentModel((fit(examples(docs, 0), l2), fit(examples(docs, 1), l2)), threshold)


# -- evaluation --------------------------------------------------------------------------------


def applied(model: ArgumentModel, td: TrainDoc) -> Document:
    """The document with the model's choices (no pipeline rerun: the candidates are kept)."""
    return _with_events(td.doc, model.rechoose(td.doc, td.cands))


def counts(docs: list[TrainDoc], model: ArgumentModel | None) -> np.ndarray:
    total = np.zeros(3, dtype=int)
    for td in docs:
        total += td.full(td.doc if model is None else applied(model, td))
    return total


def prf(c: np.ndarray) -> str:
    p = c[0] / c[1] if c[1] else 0.0
    r = c[0] / c[2] if c[2] else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return f"P {p:.3f} R {r:.3f} F1 {f:.3f} ({c[0]}/{c[1]}/{c[2]})"


def fold_of(key: str) -> int:
    return int(hashlib.sha256(key.encode("utf-8")).hexdigest()[:8], 16) % FOLDS


def cross_validate(docs: list[TrainDoc], l2: float = L2) -> tuple[float, dict]:
    """Per fold the rules' and the model's full P/R; returns the threshold chosen on the pooled
    out-of-fold choices and the figures."""
    models = {}
    for k in range(FOLDS):
        models[k] = train([d for d in docs if fold_of(d.key) != k], 0.0, l2)
    pooled = {}
    for th in THRESHOLDS:
        pooled[th] = sum(
            (counts([d for d in docs if fold_of(d.key) == k], ArgumentModel(models[k].weights, th)) for k in range(FOLDS)),
            np.zeros(3, dtype=int),
        )
    best = max(THRESHOLDS, key=lambda th: (pooled[th][0], -th))
    figures: dict = {"folds": [], "thresholds": {th: prf(c) for th, c in pooled.items()}, "threshold": best}
    rules_all = np.zeros(3, dtype=int)
    for k in range(FOLDS):
        part = [d for d in docs if fold_of(d.key) == k]
        r = counts(part, None)
        m = counts(part, ArgumentModel(models[k].weights, best))
        rules_all += r
        figures["folds"].append((k, len(part), prf(r), prf(m)))
    figures["rules"] = prf(rules_all)
    figures["model"] = prf(pooled[best])
    by_origin = {}
    for origin in sorted({d.origin for d in docs}):
        part = [(k, [d for d in docs if d.origin == origin and fold_of(d.key) == k]) for k in range(FOLDS)]
        r = sum((counts(p, None) for _, p in part), np.zeros(3, dtype=int))
        m = sum((counts(p, ArgumentModel(models[k].weights, best)) for k, p in part), np.zeros(3, dtype=int))
        by_origin[origin] = (prf(r), prf(m))
    figures["by_origin"] = by_origin
    return best, figures


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", type=Path, default=OUT)
    ap.add_argument("--cv-only", action="store_true")
    ap.add_argument("--l2", type=float, default=L2)
    args = ap.parse_args(argv)
    docs = collect()
    n_ex = [len(examples(docs, s)) for s in (0, 1)]
    print(f"{len(docs)} documents, {sum(len(d.labels) for d in docs)} judged events; "
          f"informative slots: source {n_ex[0]}, target {n_ex[1]}")
    threshold, fig = cross_validate(docs, args.l2)
    for k, n, r, m in fig["folds"]:
        print(f"fold {k} ({n} docs)  rules {r}   model {m}")
    print(f"all folds         rules {fig['rules']}   model {fig['model']}")
    for origin, (r, m) in fig["by_origin"].items():
        print(f"  {origin:22} rules {r}   model {m}")
    print("pooled out-of-fold by threshold: " + "; ".join(f"{th}: {v}" for th, v in fig["thresholds"].items()))
    print(f"threshold {threshold}")
    if args.cv_only:
        return 0
    model = train(docs, threshold, args.l2)
    data = {
        "name": NAME,
        "features": FEATURES,
        "threshold": threshold,
        "l2": args.l2,
        "trained_on": {"documents": len(docs), "source_slots": n_ex[0], "target_slots": n_ex[1]},
        "weights": {"source": dict(sorted(model.weights[0].items())), "target": dict(sorted(model.weights[1].items()))},
    }
    args.out.write_text(json.dumps(data, ensure_ascii=False, indent=0, sort_keys=False) + "\n", encoding="utf-8")
    print(f"wrote {args.out} ({len(model.weights[0])} + {len(model.weights[1])} weights)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
