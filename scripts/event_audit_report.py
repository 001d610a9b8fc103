"""Score the event coder against a hand audit (tests/data/events_audit.tsv by default), per half.

    .venv/bin/python scripts/event_audit_report.py                  # both halves, live pipeline
    .venv/bin/python scripts/event_audit_report.py tests/data/events_audit2.tsv   # batch 2
    .venv/bin/python scripts/event_audit_report.py --half held --show
    .venv/bin/python scripts/event_audit_report.py --save /tmp/p.json   # keep the predictions
    .venv/bin/python scripts/event_audit_report.py --predictions /tmp/p.json

Every article of the audit was judged completely (each coded event, and every event a careful
coder would add), so a predicted event that matches no audit row is spurious. A prediction
matches a row when their triggers overlap, else when it lies in the row's sentence within 40
characters of it (the same PLOVER type preferred); each row and each prediction matches once.

* type precision: predictions matched to an event row of the same PLOVER type / predictions
* full precision: the same, with source, target, modality and negation right / predictions
* recall (type, full): event rows matched that way / event rows

A source or target is right when the row says ``*``, when it says ``-`` and none was coded, or
when a name it lists and a name of the coded entity (canonical or a mention) contain one
another after :func:`marsad.normalize.match_key`. The corpus text stays in ../shared: the
script reads it, checks each sentence's SHA-256 prefix, and never writes it.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from sample_event_audit import ANT, CORPUS, iter_records  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
AUDIT = ROOT / "tests" / "data" / "events_audit.tsv"
COLUMNS = (
    "archive", "member", "article", "half", "sent_start", "sent_end", "sha256", "trig_start", "trig_end",
    "origin", "plover", "source", "target", "modality", "negated",
)
NEAR = 40


@dataclass(frozen=True, slots=True)
class Row:
    archive: str
    member: str
    article: int
    half: str
    sent_start: int
    sent_end: int
    sha256: str
    trig_start: int
    trig_end: int
    origin: str  # coded | missed
    plover: str  # a PLOVER type, or NONE
    source: str
    target: str
    modality: str
    negated: bool

    @property
    def event(self) -> bool:
        return self.plover != "NONE"

    @property
    def key(self) -> tuple[str, int]:
        """(archive, article); an ANT file is its own archive entry (article 0), so its path."""
        return ref_key(self.archive, self.member, self.article)


def ref_key(archive: str, member: str, article: int) -> tuple[str, int]:
    """An article's key: (day archive, index) for SaudiNewsNet, (file path, 0) for an ANT file."""
    return (archive, article) if archive.endswith(".zip") else (member, article)


def read_audit(path: Path = AUDIT) -> list[Row]:
    """The audit rows (comments and header skipped); raises ValueError on a malformed row."""
    rows = []
    for n, ln in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not ln or ln.startswith(("#", "archive\t")):
            continue
        c = ln.split("\t")
        if len(c) != len(COLUMNS):
            raise ValueError(f"{path}:{n}: {len(c)} columns, want {len(COLUMNS)}")
        rows.append(Row(c[0], c[1], int(c[2]), c[3], int(c[4]), int(c[5]), c[6], int(c[7]), int(c[8]),
                        c[9], c[10], c[11], c[12], c[13], c[14] == "1"))
    return rows


def sha12(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:12]


def load_articles(rows: list[Row], corpus: Path = CORPUS, ant: Path = ANT) -> dict[tuple[str, int], dict]:
    """The audited records, with every row's sentence hash checked."""
    want = {r.key for r in rows}
    recs = {ref_key(a, m, i): rec for a, m, i, rec in iter_records(rows, corpus, ant) if ref_key(a, m, i) in want}
    for r in rows:
        text = recs[r.key]["content"]
        if sha12(text[r.sent_start:r.sent_end]) != r.sha256:
            raise ValueError(f"{r.archive} {r.article} [{r.sent_start}:{r.sent_end}]: sentence hash differs")
        if not r.sent_start <= r.trig_start < r.trig_end <= r.sent_end:
            raise ValueError(f"{r.archive} {r.article}: trigger outside its sentence")
    return recs


def article_of(rec: dict):
    """The :class:`marsad.document.Article` of an audited record (URL as id, crawl day as date)."""
    from marsad.document import Article, Source

    return Article(text=rec["content"], id=rec["url"],
                   source=Source(url=rec["url"], published=(rec.get("date_extracted") or "")[:10] or None))


def entity_names(doc, eid: str | None) -> list[str]:
    """The names an audit row is compared with: the entity's canonical name and its mentions."""
    e = next((x for x in doc.entities if x.id == eid), None) if eid else None
    return sorted({e.canonical, *(m.text for m in e.mentions)}) if e else []


def event_records(doc) -> list[dict]:
    """A document's coded events as :func:`score` reads them (``None``: a rejected article)."""
    if doc is None:
        return []
    return [
        {"start": ev.trigger.start, "end": ev.trigger.end, "text": ev.trigger.text, "plover": ev.plover,
         "cameo": ev.cameo, "source": entity_names(doc, ev.source), "target": entity_names(doc, ev.target),
         "modality": ev.modality, "negated": ev.negated}
        for ev in doc.events
    ]


def predict(recs: dict[tuple[str, int], dict], pipe=None) -> dict[str, list[dict]]:
    """Run the full pipeline; per article the coded events with the names of their entities."""
    from marsad.analyze import build_pipeline

    pipe = pipe or build_pipeline()
    return {f"{a}#{i}": event_records(pipe.process(article_of(rec)).document) for (a, i), rec in sorted(recs.items())}


def _key(s: str) -> str:
    from marsad.normalize import match_key

    k = match_key(s).strip()
    return k[2:] if k.startswith("ال") and len(k) > 4 else k


def arg_ok(gold: str, pred: list[str]) -> bool:
    alts = [a.strip() for a in gold.split("|") if a.strip()]
    if "*" in alts:
        return True
    if not pred:
        return "-" in alts
    keys = [_key(p) for p in pred]
    for a in alts:
        if a == "-":
            continue
        g = _key(a)
        if len(g) < 3:
            continue
        if any(g in k or (len(k) >= 3 and k in g) for k in keys):
            return True
    return False


def align(rows: list[Row], preds: list[dict]) -> tuple[list[tuple[Row, dict | None]], list[dict]]:
    """Match rows and predictions one to one (overlap first, then nearness in the sentence)."""
    pairs: dict[int, int] = {}
    cand = []
    for ri, r in enumerate(rows):
        for pi, p in enumerate(preds):
            if p["start"] < r.trig_end and r.trig_start < p["end"]:
                cand.append((0, p["plover"] != r.plover, ri, pi))
            elif r.sent_start <= p["start"] < r.sent_end:
                gap = p["start"] - r.trig_end if p["start"] >= r.trig_end else r.trig_start - p["end"]
                if gap <= NEAR:
                    cand.append((1 + gap, p["plover"] != r.plover, ri, pi))
    used_p: set[int] = set()
    for _d, _t, ri, pi in sorted(cand):
        if ri in pairs or pi in used_p:
            continue
        pairs[ri] = pi
        used_p.add(pi)
    matched = [(r, preds[pairs[ri]] if ri in pairs else None) for ri, r in enumerate(rows)]
    spurious = [p for pi, p in enumerate(preds) if pi not in used_p]
    return matched, spurious


def judge(r: Row, p: dict) -> dict[str, bool]:
    return {
        "type": p["plover"] == r.plover,
        "source": arg_ok(r.source, p["source"]),
        "target": arg_ok(r.target, p["target"]),
        "modality": p["modality"] == r.modality and bool(p["negated"]) == r.negated,
    }


def score(rows: list[Row], predictions: dict[str, list[dict]], half: str, show: bool = False) -> dict[str, int]:
    c: Counter[str] = Counter()
    errors: list[str] = []
    for key in sorted({r.key for r in rows if r.half == half}):
        rs = [r for r in rows if r.key == key]
        preds = predictions.get(f"{key[0]}#{key[1]}", [])
        matched, spurious = align(rs, preds)
        c["predicted"] += len(preds)
        c["gold"] += sum(r.event for r in rs)
        for p in spurious:
            c["spurious_unmatched"] += 1
            errors.append(f"{key} spurious  «{p['text']}» {p['plover']} {p['source'][:1]}→{p['target'][:1]}")
        for r, p in matched:
            if p is None:
                if r.event:
                    c["missed"] += 1
                    errors.append(f"{key} missed    [{r.trig_start}:{r.trig_end}] {r.plover} {r.source}→{r.target}")
                continue
            if not r.event:
                c["spurious_none"] += 1
                errors.append(f"{key} not-event «{p['text']}» {p['plover']}")
                continue
            j = judge(r, p)
            if not j["type"]:
                c["wrong_type"] += 1
                errors.append(f"{key} type      «{p['text']}» {p['plover']} (gold {r.plover})")
                continue
            c["type_ok"] += 1
            for f in ("source", "target", "modality"):
                if not j[f]:
                    c[f"wrong_{f}"] += 1
                    got = p[f] if f != "modality" else f"{p['modality']}{'+neg' if p['negated'] else ''}"
                    want = getattr(r, f) if f != "modality" else f"{r.modality}{'+neg' if r.negated else ''}"
                    errors.append(f"{key} {f:9} «{p['text']}» {r.plover}: {str(got)[:60]} (gold {want})")
            if all(j.values()):
                c["full_ok"] += 1
    if show:
        print("\n".join(errors))
    return dict(c)


def report(c: dict[str, int], half: str) -> str:
    pred, gold = c.get("predicted", 0), c.get("gold", 0)
    t, f = c.get("type_ok", 0), c.get("full_ok", 0)

    def ratio(a: int, b: int) -> str:
        return f"{a / b:.3f} ({a}/{b})" if b else "n/a"

    lines = [
        f"{half}: {pred} predicted, {gold} gold events",
        f"  precision  type {ratio(t, pred)}   full {ratio(f, pred)}",
        f"  recall     type {ratio(t, gold)}   full {ratio(f, gold)}",
        "  errors: " + ", ".join(
            f"{k} {c.get(k, 0)}" for k in (
                "spurious_none", "spurious_unmatched", "wrong_type", "missed", "wrong_source", "wrong_target",
                "wrong_modality",
            )
        ),
    ]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("audit_file", nargs="?", type=Path, help="the audit to score (default: batch 1)")
    ap.add_argument("--audit", type=Path, default=AUDIT)
    ap.add_argument("--corpus", type=Path, default=CORPUS)
    ap.add_argument("--half", choices=("tune", "held", "both"), default="both")
    ap.add_argument("--predictions", type=Path, help="score saved predictions instead of running the pipeline")
    ap.add_argument("--save", type=Path, help="save the predictions (JSON) for a later comparison")
    ap.add_argument("--show", action="store_true", help="list every error")
    args = ap.parse_args(argv)
    rows = read_audit(args.audit_file or args.audit)
    recs = load_articles(rows, args.corpus)
    preds = json.loads(args.predictions.read_text("utf-8")) if args.predictions else predict(recs)
    if args.save:
        args.save.write_text(json.dumps(preds, ensure_ascii=False), "utf-8")
    for half in (("tune", "held") if args.half == "both" else (args.half,)):
        print(report(score(rows, preds, half, args.show), half))
    return 0


if __name__ == "__main__":
    sys.exit(main())
